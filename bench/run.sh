#!/usr/bin/env bash
# make bench: phrase search with newsext's gin_phrase_ops against tsvector GIN (expression and
# stored column), RUM and pg_trgm, on real news articles from ../shared/data (recombined into
# distinct new articles beyond the ~15k real ones).  BENCH_ARTICLES="distinct 100000" (default).
# BENCH_METHODS=tsv,newsext runs a subset (keys: expr tsv rum trgm newsext).
# Prints the table and writes bench/out/results-N.md; bench/README.md keeps the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
# BENCH_ARTICLES: the runs, in order; "distinct" = every distinct real article, nothing
# replicated or recombined (reported first), numbers = recombined corpora of that size
SIZES=${BENCH_ARTICLES:-distinct 100000}
PGMAJOR=${PGMAJOR:-15}
EXTRA_DEBS="postgresql-$PGMAJOR-rum ${EXTRA_DEBS:-}" bash scripts/deps.sh
# a private server copy (PG_CONFIG elsewhere than the system's) lacks the Debian RUM
# package's files: copy them in
if [ -n "${PG_CONFIG:-}" ] && [ ! -e "$($PG_CONFIG --sharedir)/extension/rum.control" ]; then
    cp /usr/share/postgresql/$PGMAJOR/extension/rum* "$($PG_CONFIG --sharedir)/extension/"
    cp /usr/lib/postgresql/$PGMAJOR/lib/rum.so "$($PG_CONFIG --pkglibdir)/"
fi
make -s all >/dev/null
make -s install >/dev/null
mkdir -p bench/out

# BENCH_TOAST_COMPRESSION=lz4: long texts (and tsvectors) compressed with lz4 instead of
# PostgreSQL's default pglz, for every method (the recheck decompresses the text: see README)
TOAST_COMPRESSION=${BENCH_TOAST_COMPRESSION:-pglz}
# WAL and fsync costs are left out on purpose (same for every method): see bench/README.md
export PGTMP_OPTS="-c default_toast_compression=$TOAST_COMPRESSION -c shared_buffers=2GB -c work_mem=256MB -c maintenance_work_mem=1GB \
 -c max_parallel_workers_per_gather=0 -c max_parallel_maintenance_workers=0 \
 -c wal_level=minimal -c max_wal_senders=0 -c full_page_writes=off -c synchronous_commit=off \
 -c checkpoint_timeout=30min -c max_wal_size=20GB -c autovacuum=off -c jit=off"
. scripts/pgtmp.sh
for N in $SIZES; do
    corpus=bench/out/corpus-$N.csv
    # results of a non-default compression get their own files
    tag=$N; [ "$TOAST_COMPRESSION" = pglz ] || tag=$N-$TOAST_COMPRESSION
    [ -s "$corpus" ] || /usr/bin/python3 bench/make_corpus.py "$N" "$corpus"
    pgtmp_start
    psql -X -q -v ON_ERROR_STOP=1 <<SQL
CREATE EXTENSION newsext;
CREATE EXTENSION pg_trgm;
CREATE EXTENSION rum;
CREATE TABLE articles (id int PRIMARY KEY, body text NOT NULL);
\copy articles FROM '$corpus' WITH (FORMAT csv)
VACUUM ANALYZE articles;
SQL
    echo "machine: default_toast_compression=$TOAST_COMPRESSION, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" | tee bench/out/machine-$tag.txt
    /usr/bin/python3 bench/bench.py "$corpus" "bench/out/results-$tag.md"
    /usr/bin/python3 bench/phrase_query_bench.py "$corpus" "bench/out/phrase-query-$tag.md"
    pgtmp_stop
done

# the entity tagger and the article functions against to_tsvector, its own server and run
# (BENCH_PHRASE_ONLY=1 skips it)
if [ "${BENCH_PHRASE_ONLY:-0}" != 1 ]; then
    bash bench/ner_bench.sh
fi
