#!/usr/bin/env python3
"""make bench, boolean queries: text @@@ phrase_query on gin_phrase_ops against the
equivalent phraseto_tsquery/to_tsquery combination on a GIN index over a stored tsvector
column, on the `articles` table bench/run.sh loaded.

Three-term queries of three shapes, terms (words and 2-3 word phrases) sampled from the
articles: A AND B AND C, (A OR B) AND C, A AND B AND NOT C.  The two methods run
interleaved, query by query (the machine may be shared), each RUNS times; the figure per
query is the median backend execution time (EXPLAIN ANALYZE, timing off).  Also checks that
newsext's index answer equals its sequential answer, and counts the tsvector rows that
differ from it (stemming and stop words).  PGroonga is reported if the extension exists.

usage: phrase_query_bench.py corpus.csv out.md   (PG* environment variables pick the server)
"""
import csv
import json
import random
import re
import statistics
import sys

import psycopg2

SEED = 14
RUNS = 5
PER_SHAPE = 15
WORD = re.compile(r"[A-Za-z][a-z]+")
SHAPES = {
    "A AND B AND C": ('"{0}" AND "{1}" AND "{2}"', "({0}) && ({1}) && ({2})"),
    "(A OR B) AND C": ('("{0}" OR "{1}") AND "{2}"', "(({0}) || ({1})) && ({2})"),
    "A AND B AND NOT C": ('"{0}" AND "{1}" AND NOT "{2}"', "({0}) && ({1}) && !!({2})"),
}


def sample_terms(path, rnd, n):
    """n triples of terms from one article each (so AND finds rows); the NOT term of a
    triple from another article"""
    docs = []
    with open(path, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.reader(fh)):
            if i % 7 == 0:
                docs.append(row[1])
            if len(docs) >= 20000:
                break
    out = []
    while len(out) < n:
        words = WORD.findall(rnd.choice(docs))
        if len(words) < 60:
            continue
        terms = []
        for _ in range(3):
            k = rnd.choice([1, 1, 2, 2, 3])
            s = rnd.randrange(len(words) - k)
            terms.append(" ".join(words[s:s + k]))
        out.append(terms)
    return out


def exec_ms(cur, sql, params):
    cur.execute("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql, params)
    plan = cur.fetchone()[0][0]
    return plan["Execution Time"], json.dumps(plan["Plan"])


def pct(xs, q):
    xs = sorted(xs)
    i = (len(xs) - 1) * q
    lo = int(i)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (i - lo)


def main():
    corpus, out_md = sys.argv[1], sys.argv[2]
    rnd = random.Random(SEED)
    conn = psycopg2.connect("")
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SET max_parallel_workers_per_gather = 0")
    cur.execute("SELECT count(*), pg_table_size('articles') FROM articles")
    nrows, tsize = cur.fetchone()
    cur.execute("SELECT count(*) FROM pg_attribute WHERE attrelid = 'articles'::regclass "
                "AND attname = 'tsv' AND NOT attisdropped")
    if not cur.fetchone()[0]:
        cur.execute("ALTER TABLE articles ADD COLUMN tsv tsvector")
        cur.execute("UPDATE articles SET tsv = to_tsvector('english', body)")
    cur.execute("CREATE INDEX IF NOT EXISTS bq_tsv ON articles USING gin (tsv)")
    cur.execute("CREATE INDEX IF NOT EXISTS bq_phrase ON articles USING gin (body gin_phrase_ops)")
    cur.execute("VACUUM ANALYZE articles")
    cur.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pgroonga'")
    pgroonga = cur.fetchone() is not None

    triples = sample_terms(corpus, rnd, PER_SHAPE * len(SHAPES))
    queries = []
    for si, (shape, (pq, tq)) in enumerate(SHAPES.items()):
        for t in triples[si * PER_SHAPE:(si + 1) * PER_SHAPE]:
            ts = ["phraseto_tsquery('english', %s)" % psycopg2.extensions.adapt(x).getquoted().decode() for x in t]
            queries.append((shape, pq.format(*t), tq.format(*ts)))

    per = []
    for shape, pq, tq in queries:
        nx_sql = "SELECT id FROM articles WHERE body @@@ %(q)s::phrase_query"
        ts_sql = "SELECT id FROM articles WHERE tsv @@ (" + tq + ")"
        cur.execute("SET enable_seqscan = off")
        exec_ms(cur, nx_sql, {"q": pq})  # warm-up
        exec_ms(cur, ts_sql, {})
        nx_t, ts_t = [], []
        for _ in range(RUNS):  # interleaved
            ms, plan = exec_ms(cur, nx_sql, {"q": pq})
            nx_t.append(ms)
            nx_index = "bq_phrase" in plan
            ms, plan = exec_ms(cur, ts_sql, {})
            ts_t.append(ms)
            ts_index = "bq_tsv" in plan
        cur.execute(nx_sql, {"q": pq})
        nx_rows = {r[0] for r in cur.fetchall()}
        cur.execute(ts_sql)
        ts_rows = {r[0] for r in cur.fetchall()}
        cur.execute("SET enable_seqscan = on; SET enable_bitmapscan = off; SET enable_indexscan = off")
        cur.execute(nx_sql, {"q": pq})
        seq_rows = {r[0] for r in cur.fetchall()}
        cur.execute("RESET enable_bitmapscan; RESET enable_indexscan")
        per.append({"shape": shape, "q": pq, "nx": statistics.median(nx_t), "ts": statistics.median(ts_t),
                    "rows": len(nx_rows), "exact": nx_rows == seq_rows, "ts_wrong": len(ts_rows - nx_rows),
                    "ts_missed": len(nx_rows - ts_rows), "index": nx_index and ts_index})
        print("bench: %-18s %8.2f ms vs %8.2f ms  %6d rows  %s" % (shape, per[-1]["nx"], per[-1]["ts"],
              len(nx_rows), pq), file=sys.stderr)
    cur.execute("SELECT pg_relation_size('bq_phrase'), pg_relation_size('bq_tsv')")
    psize, tsvsize = cur.fetchone()
    cur.execute("DROP INDEX bq_phrase; DROP INDEX bq_tsv")

    lines = ["### Boolean queries, %d articles (table %.1f MB)\n" % (nrows, tsize / 2**20)]
    lines.append("%d three-term queries (%d per shape), each run %d times per method, the methods "
                 "interleaved query by query; figures are medians of the per-query median execution "
                 "times (EXPLAIN ANALYZE, timing off).  newsext: `body @@@ phrase_query` on "
                 "gin_phrase_ops (%.0f MB); tsvector: `tsv @@ phraseto_tsquery(...) && ...` on a GIN "
                 "over a stored tsvector column (%.0f MB).\n" % (len(per), PER_SHAPE, RUNS, psize / 2**20, tsvsize / 2**20))
    lines.append("| shape | newsext median ms | tsvector median ms | ratio of medians | newsext p90 | tsvector p90 | "
                 "median of per-query ratios | newsext rows | index = seq scan | tsvector wrong / missed rows |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|")
    for shape in list(SHAPES) + ["all"]:
        rs = [r for r in per if shape == "all" or r["shape"] == shape]
        nx = [r["nx"] for r in rs]
        ts = [r["ts"] for r in rs]
        lines.append("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %s | %d / %d |" % (
            shape, statistics.median(nx), statistics.median(ts), statistics.median(nx) / statistics.median(ts),
            pct(nx, 0.9), pct(ts, 0.9), statistics.median([r["nx"] / r["ts"] for r in rs]),
            sum(r["rows"] for r in rs), "yes" if all(r["exact"] for r in rs) else "NO",
            sum(r["ts_wrong"] for r in rs), sum(r["ts_missed"] for r in rs)))
    noidx = sum(1 for r in per if not r["index"])
    if noidx:
        lines.append("\nQueries where a method did not use its index: %d" % noidx)
    lines.append("\nPGroonga: %s\n" % ("installed but not benchmarked here" if pgroonga else
                 "not available (postgresql-15-pgroonga is not in the Debian archive this machine uses)"))
    lines.append("Per query (newsext ms / tsvector ms / newsext rows):\n")
    lines.append("| shape | query | newsext | tsvector | rows |")
    lines.append("|---|---|---:|---:|---:|")
    for r in per:
        lines.append("| %s | `%s` | %.2f | %.2f | %d |" % (r["shape"], r["q"].replace("|", "/"), r["nx"], r["ts"], r["rows"]))
    text = "\n".join(lines) + "\n"
    with open(out_md, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(text)


if __name__ == "__main__":
    main()
