"""Direct quotes and their speakers, scored through SQL (article_quotes) against quotes marked
by hand in English fundus articles (test/eval/quotes_gold.tsv; how it was made: README.md
there and in the repository README's "Accuracy" section).

Matching: a system quote covers the span [position - 1, position - 1 + length(quote)) of the
text (article_quotes positions are 1-based characters, as substr() counts). It matches a gold
quote when it covers at least half of the gold span's characters; matching is one-to-one,
largest overlap first.

Scores (on gold class "full"; fragments and unsure quotes are neutral: a system quote on them
counts neither for nor against):
  found      matched full gold quotes / full gold quotes (recall)
  precision  system quotes matched to full gold / system quotes not matched to neutral gold;
             the misses are split into "not inside any quote" (scare quotes, titles, terms)
             and "inside a real quote but the span does not match"
  speaker    among found quotes: right (canonical name equal after case and white-space
             folding), a role phrase where the article names the person (the system gives a
             phrase that is none of the article's entities), the wrong name
and the same broken down by attribution form, then found / precision / speaker on each half of a
split by publisher (publisher_half). QUOTES_VERBOSE=1 lists misses and false quotes
by record and offsets (no text), QUOTES_VERBOSE=2 with a snippet of the text (publisher text:
read it, never commit it); QUOTES_HALF=1 or 2 lists only that half's.
"""
import hashlib
import os
import sys
from collections import Counter, defaultdict

import psycopg2

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quotes_gold import FORMS, load_gold, load_records, load_texts  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ["NEWSEXT_DATA"]
VERBOSE = int(os.environ.get("QUOTES_VERBOSE", "0"))
MIN_GOLD_COVER = 0.5
NOT_CANONICAL = "right person, not the canonical name"
ROLE_FOR_NAMED = "role phrase for a named person"


def fold(name):
    return " ".join(name.split()).casefold() if name else ""


def system_quotes(cur, text):
    """[(start, end, speaker)] with 0-based half-open spans; checks the position convention."""
    cur.execute("SELECT quote, speaker, position FROM article_quotes(%s)", (text,))
    out = []
    for quote, speaker, position in cur.fetchall():
        start = position - 1
        end = start + len(quote)
        if text[start:end] != quote:
            raise AssertionError(f"article_quotes position {position} does not point at its quote")
        out.append((start, end, speaker))
    return out


def entity_names(cur, text):
    cur.execute("SELECT entity FROM article_entities(%s)", (text,))
    return {fold(e) for (e,) in cur.fetchall()}


def match(gold, system):
    """One-to-one pairs (gold index, system index), largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, (s_start, s_end, _) in enumerate(system):
            overlap = min(g.end, s_end) - max(g.start, s_start)
            if overlap > 0 and overlap >= MIN_GOLD_COVER * (g.end - g.start):
                pairs.append((overlap, gi, si))
    used_g, used_s, out = set(), set(), {}
    for _, gi, si in sorted(pairs, reverse=True):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out[gi] = si
    return out


def speaker_verdict(gold, speaker, names):
    """right; the right person under a name that is not the canonical one ("Adv Smith" for
    "John Smith"); a role phrase where the article names the person (a phrase that is none of
    the article's entities); or wrong."""
    if fold(speaker) == fold(gold.speaker):
        return "right"
    if gold.speaker_kind == "name":
        if fold(gold.speaker).split()[-1] in fold(speaker).split():
            return NOT_CANONICAL
        if fold(speaker) not in names:
            return ROLE_FOR_NAMED
    return "wrong"


class Tally:
    def __init__(self):
        self.total = Counter()       # full gold quotes per form
        self.found = Counter()
        self.speaker = defaultdict(Counter)  # form -> verdict -> count
        self.neutral_total = Counter()
        self.neutral_found = Counter()
        self.correct_system = 0
        self.false_outside = 0
        self.false_inside = 0
        self.misses = []
        self.false = []

    def add_article(self, record_id, text, gold, system, names):
        pairs = match(gold, system)
        matched_system = set(pairs.values())
        for gi, g in enumerate(gold):
            si = pairs.get(gi)
            if g.klass != "full":
                self.neutral_total[g.klass] += 1
                self.neutral_found[g.klass] += si is not None
                continue
            self.total[g.form] += 1
            if si is None:
                self.misses.append((record_id, g, text))
                continue
            self.found[g.form] += 1
            self.correct_system += 1
            verdict = speaker_verdict(g, system[si][2], names)
            self.speaker[g.form][verdict] += 1
            if verdict != "right":
                self.misses.append((record_id, g._replace(form=f"{g.form}, speaker {verdict}: "
                                                          f"{system[si][2]!r}"), text))
        for si, (s_start, s_end, speaker) in enumerate(system):
            if si in matched_system:
                continue
            inside = any(min(g.end, s_end) - max(g.start, s_start) >= (s_end - s_start) / 2 for g in gold)
            if inside:
                self.false_inside += 1
            else:
                self.false_outside += 1
            self.false.append((record_id, s_start, s_end, speaker, inside, text))


def pct(a, b):
    return f"{a}/{b} ({100.0 * a / b:.1f}%)" if b else f"{a}/0"


def publisher_half(publisher):
    """Cross-validation halves by publisher: 1 or 2 from a hash of the name (deterministic, and
    blind to the articles), so rules developed on one half can be checked on the other."""
    return 1 + hashlib.md5(publisher.encode("utf-8")).digest()[0] % 2


def report_half(half, t, n_articles, n_publishers):
    total, found = sum(t.total.values()), sum(t.found.values())
    right = sum(c["right"] for c in t.speaker.values())
    scored_system = t.correct_system + t.false_outside + t.false_inside
    print(f"  half {half} ({n_articles} articles, {n_publishers} publishers): found {pct(found, total)},"
          f" precision {pct(t.correct_system, scored_system)}, speaker right {pct(right, found)}")


def report(t, n_articles, n_publishers):
    total, found = sum(t.total.values()), sum(t.found.values())
    verdicts = Counter()
    for c in t.speaker.values():
        verdicts.update(c)
    scored_system = t.correct_system + t.false_outside + t.false_inside
    print(f"\nquotes fundus dev (hand-marked, {n_articles} articles, {n_publishers} publishers):"
          f" {total} direct quotes; {t.neutral_total['fragment']} fragments and"
          f" {t.neutral_total['unsure']} unsure ones not scored")
    print(f"  found (recall)     {pct(found, total)}; found with the right speaker {pct(verdicts['right'], total)}")
    print(f"  precision          {pct(t.correct_system, scored_system)};"
          f" false: {t.false_outside} not inside any quote (scare quotes, titles, terms),"
          f" {t.false_inside} inside a real quote with a span that does not match")
    print(f"  speaker right      {pct(verdicts['right'], found)} of found;"
          f" role phrase where the article names the person {verdicts[ROLE_FOR_NAMED]},"
          f" right person but not the canonical name {verdicts[NOT_CANONICAL]}, wrong person {verdicts['wrong']}")
    print(f"  {'form':<10} {'found':>16} {'speaker right':>16}")
    for form in FORMS:
        if t.total[form]:
            print(f"  {form:<10} {pct(t.found[form], t.total[form]):>16}"
                  f" {pct(t.speaker[form]['right'], t.found[form]):>16}")
    print(f"  fragments found (not scored): {pct(t.neutral_found['fragment'], t.neutral_total['fragment'])}")


def list_errors(t):
    def snippet(text, start, end):
        return f" {text[max(0, start - 60):end + 60]!r}" if VERBOSE > 1 else ""
    for record_id, g, text in t.misses:
        print(f"    miss {record_id} {g.start}-{g.end} [{g.form}] gold speaker {g.speaker!r}"
              f"{snippet(text, g.start, g.end)}")
    for record_id, start, end, speaker, inside, text in t.false:
        where = "inside a gold quote" if inside else "not a quote"
        print(f"    false {record_id} {start}-{end} ({where}) speaker {speaker!r}{snippet(text, start, end)}")


def main():
    path = os.path.join(DATA, "fundus", "articles.dev.jsonl")
    if not os.path.exists(path):
        print(f"quotes: skipped, no {path}")
        return 0
    records, publishers = load_records(os.path.join(HERE, "quotes_gold_records.tsv"))
    gold_by_record = defaultdict(list)
    for g in load_gold(os.path.join(HERE, "quotes_gold.tsv")):
        gold_by_record[g.record_id].append(g)
    texts = load_texts(path, set(records))
    conn = psycopg2.connect("")
    cur = conn.cursor()
    tally = Tally()
    halves = {1: Tally(), 2: Tally()}
    half_publishers = {1: set(), 2: set()}
    half_articles = Counter()
    for record_id, publisher in zip(records, publishers):
        text = texts[record_id]
        gold, system, names = gold_by_record[record_id], system_quotes(cur, text), entity_names(cur, text)
        half = publisher_half(publisher)
        tally.add_article(record_id, text, gold, system, names)
        halves[half].add_article(record_id, text, gold, system, names)
        half_publishers[half].add(publisher)
        half_articles[half] += 1
    conn.close()
    report(tally, len(records), len(set(publishers)))
    for half in (1, 2):
        report_half(half, halves[half], half_articles[half], len(half_publishers[half]))
    if VERBOSE:  # QUOTES_HALF=1 or 2: list only that half's errors
        list_errors(halves[int(os.environ["QUOTES_HALF"])] if os.environ.get("QUOTES_HALF") else tally)
    return 0


if __name__ == "__main__":
    sys.exit(main())
