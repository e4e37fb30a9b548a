#!/usr/bin/env bash
# Dump every output of the entity tagger over all labelled corpora, for checking that a
# speed change leaves the outputs byte-identical:
#   bash bench/ner_outputs.sh OUT.tsv       (with the build to check installed)
#   diff <(baseline) OUT.tsv
# Rows: article_mentions, article_entities, article_quotes, parse_article and
# parse_article_json of each article (Reuters-21578 text and text_wrapped, CoNLL-2003 train
# and dev, BBC dev, the seed). Data: $NEWSEXT_DATA, else ../shared/data. Own throwaway server.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath "${1:?usage: ner_outputs.sh OUT.tsv}")
DATA=${NEWSEXT_DATA:-$(cd .. && pwd)/shared/data}
work=$(mktemp -d)
chmod 755 "$work"
cleanup() { [ -n "${PGTMP_DIR:-}" ] && pgtmp_stop; rm -rf "$work"; }
trap cleanup EXIT
python3 - "$DATA" > "$work/articles.tsv" <<'PY'
import json, sys
data = sys.argv[1]
def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
for path in ("reuters21578/articles.train.jsonl", "conll2003/articles.train.jsonl",
             "conll2003/articles.dev.jsonl", "bbc/articles.dev.jsonl"):
    with open(f"{data}/{path}", encoding="utf-8") as f:
        for n, line in enumerate(f):
            a = json.loads(line)
            for field in ("text", "text_wrapped"):
                if a.get(field):
                    print(f"{path}:{field}\t{n}\t{esc(a[field])}")
with open(f"{data}/seed/article.txt", encoding="utf-8") as f:
    print(f"seed\t0\t{esc(f.read())}")
PY
. scripts/pgtmp.sh
PGTMP_PORT=${PGTMP_PORT:-56300} pgtmp_start
psql -qX -v ON_ERROR_STOP=1 <<SQL
CREATE EXTENSION newsext;
CREATE TABLE a (src text, n int, body text);
\copy a FROM '$work/articles.tsv'
SET max_parallel_workers_per_gather = 0;
\copy (SELECT 'M', src, n, m.* FROM a, LATERAL article_mentions(body) WITH ORDINALITY m ORDER BY src, n, m.ordinality) TO '$work/m.tsv'
\copy (SELECT 'E', src, n, e.* FROM a, LATERAL article_entities(body) WITH ORDINALITY e ORDER BY src, n, e.ordinality) TO '$work/e.tsv'
\copy (SELECT 'Q', src, n, q.* FROM a, LATERAL article_quotes(body) WITH ORDINALITY q ORDER BY src, n, q.ordinality) TO '$work/q.tsv'
\copy (SELECT 'P', src, n, parse_article(body)::text FROM a ORDER BY 2, 3) TO '$work/p.tsv'
\copy (SELECT 'J', src, n, parse_article_json(body)::text FROM a ORDER BY 2, 3) TO '$work/j.tsv'
SQL
cat "$work"/m.tsv "$work"/e.tsv "$work"/q.tsv "$work"/p.tsv "$work"/j.tsv > "$out"
(cd "$work" && wc -l m.tsv e.tsv q.tsv p.tsv j.tsv) >&2
md5sum "$out" >&2
