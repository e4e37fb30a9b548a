#!/usr/bin/env bash
# make eval: accuracy on the labelled data in ../shared/data (or $NEWSEXT_DATA), through SQL
# against a throwaway server with the extension installed. Runs every test/eval/eval_*.py.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEWSEXT_DATA=${NEWSEXT_DATA:-$(cd .. && pwd)/shared/data}
if [ ! -d "$NEWSEXT_DATA" ]; then
    echo "make eval needs the labelled data: set NEWSEXT_DATA (looked in $NEWSEXT_DATA)" >&2
    exit 1
fi
bash scripts/deps.sh
make -s all >/dev/null && make -s install >/dev/null
. scripts/pgtmp.sh
pgtmp_start
psql -qX -c "CREATE EXTENSION newsext" >/dev/null
status=0
for script in test/eval/eval_${NEWSEXT_EVAL:-*}.py; do  # NEWSEXT_EVAL=quotes: just eval_quotes.py
    /usr/bin/python3 "$script" || status=1
done
exit $status
