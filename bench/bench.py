#!/usr/bin/env python3
"""make bench: phrase search methods side by side on one corpus, one server.

Usage: bench.py CORPUS.csv OUT.md   (PGHOST/PGPORT/PGUSER/PGDATABASE from the environment)

For each method: build its index (timed, client side), its size, then for every
sampled phrase the server-side execution time (EXPLAIN ANALYZE, TIMING OFF;
median of 5 runs after one warm-up), the rows returned, the rows the index
handed to the heap (Bitmap Index Scan rows), and wrong / missed rows against
the exact reference: our operator evaluated by a sequential scan.
"""
import csv
import json
import os
import random
import re
import statistics
import sys
import time

import psycopg2

RUNS = 5
SEED = int(os.environ.get("BENCH_SEED", "20261125"))
# BENCH_METHODS=tsv,newsext runs a subset in that order (keys: expr tsv rum trgm newsext; rum needs tsv's column)
METHOD_KEYS = ["expr", "tsv", "rum", "trgm", "newsext"]

METHODS = [
    # name, setup SQL (timed), extra one-off SQL (timed separately), index name, query template
    ("GIN to_tsvector('english', body) expr",
     None,
     "CREATE INDEX bx_expr ON articles USING gin (to_tsvector('english', body))",
     "bx_expr",
     "SELECT id FROM articles WHERE to_tsvector('english', body) @@ phraseto_tsquery('english', %(p)s)"),
    ("GIN on stored tsvector (english)",
     "ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector; UPDATE articles SET tsv = to_tsvector('english', body); VACUUM articles",
     "CREATE INDEX bx_tsv ON articles USING gin (tsv)",
     "bx_tsv",
     "SELECT id FROM articles WHERE tsv @@ phraseto_tsquery('english', %(p)s)"),
    ("RUM rum_tsvector_ops (english)",
     None,
     "CREATE INDEX bx_rum ON articles USING rum (tsv rum_tsvector_ops)",
     "bx_rum",
     "SELECT id FROM articles WHERE tsv @@ phraseto_tsquery('english', %(p)s)"),
    ("pg_trgm GIN, ILIKE '%p%'",
     None,
     "CREATE INDEX bx_trgm ON articles USING gin (body gin_trgm_ops)",
     "bx_trgm",
     "SELECT id FROM articles WHERE body ILIKE %(like)s"),
    ("newsext gin_phrase_ops, body @> phrase",
     None,
     "CREATE INDEX bx_phrase ON articles USING gin (body gin_phrase_ops)",
     "bx_phrase",
     "SELECT id FROM articles WHERE body @> %(p)s::phrase"),
]

WORD = re.compile(r"[A-Za-z0-9]+")


def like_escape(s):
    return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def sample_phrases(path, rnd):
    """30+ phrases from the corpus: 10 common, 10 mixed, 10 rare (2-5 words) + 6 single words."""
    docs = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            docs.append(row[1])
    sample = rnd.sample(docs, min(len(docs), 20000))
    df = {}
    for t in sample:
        for w in set(m.group(0).lower() for m in WORD.finditer(t)):
            df[w] = df.get(w, 0) + 1
    n = len(sample)

    def cls(words):
        f = [df.get(w.lower(), 0) / n for w in words]
        if min(f) >= 0.05:
            return "common"
        if min(f) <= 0.003:
            return "rare"
        return "mixed"

    want = {"common": 10, "mixed": 10, "rare": 10}
    got = {"common": [], "mixed": [], "rare": []}
    singles = {"common": [], "rare": []}
    tries = 0
    while any(len(got[k]) < want[k] for k in want) or len(singles["common"]) < 3 or len(singles["rare"]) < 3:
        tries += 1
        if tries > 200000:
            break
        t = rnd.choice(sample)
        toks = t.split()
        if len(toks) < 6:
            continue
        k = 2 + (tries % 4)
        s = rnd.randrange(0, len(toks) - k)
        raw = toks[s:s + k]
        # trim punctuation at the ends, keep the inside as a user would paste it
        raw[0] = raw[0].lstrip("\"'([“‘-")
        raw[-1] = raw[-1].rstrip("\"').,;:!?]”’-")
        words = [w for r in raw for w in WORD.findall(r)]
        if len(words) < 2 or not all(raw):
            continue
        c = cls(words)
        p = " ".join(raw)
        if len(got[c]) < want[c] and p not in got[c]:
            got[c].append(p)
        w = words[rnd.randrange(len(words))]
        f = df.get(w.lower(), 0) / n
        if f >= 0.05 and len(singles["common"]) < 3 and w not in singles["common"]:
            singles["common"].append(w)
        elif f <= 0.003 and len(singles["rare"]) < 3 and w not in singles["rare"]:
            singles["rare"].append(w)
    out = []
    for c in ("common", "mixed", "rare"):
        out += [(c, p) for p in got[c]]
    out += [("single", w) for w in singles["common"] + singles["rare"]]
    return out


def explain_ms(cur, sql, params):
    cur.execute("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql, params)
    plan = cur.fetchone()[0][0]
    cand = None

    def walk(node):
        nonlocal cand
        if node.get("Node Type") in ("Bitmap Index Scan",):
            cand = (cand or 0) + node.get("Actual Rows", 0)
        if node.get("Node Type") == "Index Scan":
            cand = (cand or 0) + node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
        for ch in node.get("Plans", []):
            walk(ch)

    walk(plan["Plan"])
    used = json.dumps(plan["Plan"])
    return plan["Execution Time"], cand, used


def backend_cpu_s(cur):
    """CPU seconds (user + system) the server backend of this connection has used so far.

    Build cost is measured as backend CPU, not wall clock: the machine may be shared."""
    cur.execute("SELECT pg_backend_pid()")
    pid = cur.fetchone()[0]
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def interleaved(cur, phrases, queries):
    """Per-phrase median ms of each query, the methods alternating phrase by phrase, round by round."""
    times = {name: {p: [] for _, p in phrases} for name in queries}
    for _ in range(RUNS + 1):  # the first round warms up and is dropped
        for _, p in phrases:
            params = {"p": p, "like": like_escape(p)}
            for name, q in queries.items():
                ms, _, _ = explain_ms(cur, q, params)
                times[name][p].append(ms)
    return {name: {p: statistics.median(v[1:]) for p, v in t.items()} for name, t in times.items()}


def where_time_goes(cur, phrases, nx_query):
    """Per phrase, newsext's query split by plan node (one EXPLAIN (ANALYZE, BUFFERS) with
    per-node timing, median of 3 runs): the Bitmap Index Scan (extractQuery, entry-tree
    descents, posting lists), the heap visits with their recheck, candidates, false candidates,
    buffers; and whether phraseto_tsquery leaves anything to search (stop words)."""
    out = {}
    for _, p in phrases:
        runs = []
        for _ in range(3):
            cur.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + nx_query, {"p": p})
            plan = cur.fetchone()[0][0]
            heap = plan["Plan"]
            idx = heap["Plans"][0]
            runs.append((plan["Execution Time"], idx["Actual Total Time"],
                         heap["Actual Total Time"] - idx["Actual Total Time"]))
        cur.execute("SELECT numnode(phraseto_tsquery('english', %s))", (p,))
        out[p] = {
            "exec": statistics.median(r[0] for r in runs), "index": statistics.median(r[1] for r in runs),
            "heap": statistics.median(r[2] for r in runs), "rows": heap["Actual Rows"],
            "cand": idx["Actual Rows"], "false": heap.get("Rows Removed by Index Recheck", 0),
            "buffers": heap.get("Shared Hit Blocks", 0) + heap.get("Shared Read Blocks", 0),
            "tsq_empty": cur.fetchone()[0] == 0,
        }
    return out


def pct(xs, q):
    xs = sorted(xs)
    if not xs:
        return float("nan")
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
    cur.execute("SELECT count(*), pg_table_size('articles'), pg_total_relation_size('articles') FROM articles")
    nrows, tsize, _ = cur.fetchone()
    cur.execute("SELECT version()")
    version = cur.fetchone()[0]

    phrases = sample_phrases(corpus, rnd)
    print(f"bench: {nrows} articles, table {tsize / 2**20:.1f} MB, {len(phrases)} phrases", file=sys.stderr)

    # exact reference: our operator, sequential scan
    cur.execute("SET enable_indexscan = off; SET enable_bitmapscan = off")
    ref = {}
    t0 = time.time()
    for _, p in phrases:
        cur.execute("SELECT id FROM articles WHERE body @> %s::phrase", (p,))
        ref[p] = set(r[0] for r in cur.fetchall())
    seq_ms = (time.time() - t0) * 1000 / len(phrases)
    cur.execute("RESET enable_indexscan; RESET enable_bitmapscan")
    print(f"bench: reference done ({seq_ms:.0f} ms per phrase by seq scan)", file=sys.stderr)

    wanted = os.environ.get("BENCH_METHODS", ",".join(METHOD_KEYS)).split(",")
    unknown = set(wanted) - set(METHOD_KEYS)
    if unknown:
        sys.exit(f"bench: unknown BENCH_METHODS {sorted(unknown)} (known: {METHOD_KEYS})")
    if "rum" in wanted and "tsv" not in wanted:
        sys.exit("bench: rum indexes the stored tsvector column: add tsv to BENCH_METHODS")
    results = []
    by_key = dict(zip(METHOD_KEYS, METHODS))
    for key in wanted:  # in the order given
        name, setup, create, idx, q = by_key[key]
        if key not in ("tsv", "rum"):
            # the stored tsvector column doubled the heap (UPDATE): give the other methods
            # the same compact table as the first one had
            cur.execute("SELECT count(*) FROM pg_attribute WHERE attrelid = 'articles'::regclass "
                        "AND attname = 'tsv' AND NOT attisdropped")
            if cur.fetchone()[0]:
                cur.execute("ALTER TABLE articles DROP COLUMN tsv")
                cur.execute("VACUUM FULL articles")
                cur.execute("ANALYZE articles")
        setup_s = setup_cpu = None
        if setup:
            t0, c0 = time.time(), backend_cpu_s(cur)
            for stmt in setup.split(";"):
                cur.execute(stmt)
            setup_s, setup_cpu = time.time() - t0, backend_cpu_s(cur) - c0
        cur.execute("CHECKPOINT")
        c0 = backend_cpu_s(cur)
        t0 = time.time()
        cur.execute(create)
        build_s = time.time() - t0
        build_cpu = backend_cpu_s(cur) - c0
        cur.execute("SELECT pg_relation_size(%s)", (idx,))
        isize = cur.fetchone()[0]
        cur.execute("VACUUM ANALYZE articles")
        cur.execute("SET enable_seqscan = off")
        per = []
        for cls, p in phrases:
            params = {"p": p, "like": like_escape(p)}
            explain_ms(cur, q, params)  # warm-up
            times = []
            cand = None
            used_index = False
            for _ in range(RUNS):
                ms, cand, plan = explain_ms(cur, q, params)
                times.append(ms)
                used_index = idx in plan
            cur.execute(q, params)
            got = set(r[0] for r in cur.fetchall())
            exp = ref[p]
            per.append({
                "cls": cls, "p": p, "ms": statistics.median(times), "rows": len(got),
                "exact": len(exp), "wrong": len(got - exp), "missed": len(exp - got),
                "cand": cand, "index": used_index,
            })
        cur.execute("RESET enable_seqscan")
        cur.execute(f"DROP INDEX {idx}")
        ms = [r["ms"] for r in per]
        cands = sum(r["cand"] or 0 for r in per)
        exact_in_cand = sum(r["rows"] - r["wrong"] for r in per)
        res = {
            "key": key, "name": name, "build_s": build_s, "setup_s": setup_s, "size": isize,
            "build_cpu": build_cpu, "setup_cpu": setup_cpu,
            "median": statistics.median(ms), "p90": pct(ms, 0.9), "max": max(ms),
            "rows": sum(r["rows"] for r in per), "exact": sum(r["exact"] for r in per),
            "wrong": sum(r["wrong"] for r in per), "wrong_q": sum(1 for r in per if r["wrong"]),
            "missed": sum(r["missed"] for r in per), "missed_q": sum(1 for r in per if r["missed"]),
            "cand": cands, "precision": (exact_in_cand / cands) if cands else float("nan"),
            "noindex": sum(1 for r in per if not r["index"]), "per": per,
        }
        results.append(res)
        print(f"bench: {name}: build {build_s:.1f}s CPU {build_cpu:.1f}s size {isize / 2**20:.1f} MB median {res['median']:.2f} ms "
              f"p90 {res['p90']:.2f} ms wrong {res['wrong']} missed {res['missed']}", file=sys.stderr)

    # the two methods of the targets, both indexes on one heap, queried in turn
    inter = None
    if "tsv" in wanted and "newsext" in wanted:
        cur.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector")
        cur.execute("UPDATE articles SET tsv = to_tsvector('english', body)")
        cur.execute("VACUUM ANALYZE articles")
        cur.execute(by_key["tsv"][2])
        cur.execute(by_key["newsext"][2])
        cur.execute("VACUUM ANALYZE articles")
        cur.execute("SET enable_seqscan = off")
        inter = interleaved(cur, phrases, {"tsv": by_key["tsv"][4], "newsext": by_key["newsext"][4]})
        breakdown = where_time_goes(cur, phrases, by_key["newsext"][4])
        cur.execute("RESET enable_seqscan")

    lines = []
    lines.append(f"### {nrows} articles (table {tsize / 2**20:.1f} MB)\n")
    lines.append(f"{version.split(',')[0]}; {len(phrases)} phrases "
                 f"({', '.join(f'{k} {sum(1 for c, _ in phrases if c == k)}' for k in ('common', 'mixed', 'rare', 'single'))}); "
                 f"exact matches over all phrases: {sum(len(v) for v in ref.values())}; "
                 f"reference = `body @> phrase` by sequential scan ({seq_ms:.0f} ms per phrase).\n")
    expr_cpu = next((r["build_cpu"] for r in results if r["key"] == "expr"), None)
    lines.append("Build = backend CPU seconds (user + system, `/proc/<pid>/stat`) of `CREATE INDEX`; "
                 "x expr = against the `to_tsvector` expression GIN's.\n")
    lines.append("| method | build CPU s | x expr | index MB | x table | median ms | p90 ms | max ms | rows returned | candidates | cand. precision | wrong rows (queries) | missed rows (queries) |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        b = f"{r['build_cpu']:.1f}"
        if r["setup_cpu"]:
            b += f" (+{r['setup_cpu']:.1f} tsvector column)"
        ratio = f"{r['build_cpu'] / expr_cpu:.2f}" if expr_cpu else "-"
        lines.append(f"| {r['name']} | {b} | {ratio} | {r['size'] / 2**20:.1f} | {r['size'] / tsize:.2f} | {r['median']:.2f} | "
                     f"{r['p90']:.2f} | {r['max']:.2f} | {r['rows']} | {r['cand']} | {r['precision']:.3f} | "
                     f"{r['wrong']} ({r['wrong_q']}) | {r['missed']} ({r['missed_q']}) |")
    # single words cost every method the same heap visits (and tsvector answers stop words
    # with nothing), so the latency of multi-word phrases is shown on its own too
    lines.append("\nLatency by phrase kind (ms, over the per-phrase medians):\n")
    lines.append("| method | multi-word median | multi-word p90 | single-word median | single-word p90 |")
    lines.append("|---|---:|---:|---:|---:|")
    for r in results:
        multi = [x["ms"] for x in r["per"] if x["cls"] != "single"]
        single = [x["ms"] for x in r["per"] if x["cls"] == "single"]
        lines.append(f"| {r['name']} | {statistics.median(multi):.2f} | {pct(multi, 0.9):.2f} | "
                     f"{statistics.median(single) if single else float('nan'):.2f} | {pct(single, 0.9):.2f} |")
    if inter:
        t, n = inter["tsv"], inter["newsext"]
        lines.append("\nInterleaved (both indexes on one heap, queried in turn phrase by phrase, "
                     f"median of {RUNS} rounds after a warm-up round):\n")
        lines.append("| | stored tsvector GIN ms | newsext ms | ratio |")
        lines.append("|---|---:|---:|---:|")
        for label, f in (("median", statistics.median), ("p90", lambda xs: pct(xs, 0.9))):
            a, b = f(list(t.values())), f(list(n.values()))
            lines.append(f"| {label} | {a:.2f} | {b:.2f} | {b / a:.2f} |")
        # phraseto_tsquery drops stop words: "it will" is an empty query, answered with no
        # rows and no work, where an exact method returns every matching row
        kept = [p for _, p in phrases if not breakdown[p]["tsq_empty"]]
        for label, f in (("median", statistics.median), ("p90", lambda xs: pct(xs, 0.9))):
            a, b = f([t[p] for p in kept]), f([n[p] for p in kept])
            lines.append(f"| {label}, the {len(kept)} phrases whose tsquery is not empty | {a:.2f} | {b:.2f} | {b / a:.2f} |")
        lines.append("\nWhere newsext's time goes (same heap): index and heap ms from one more run with "
                     "`EXPLAIN (ANALYZE, BUFFERS)` and per-node timing (median of 3; the timing itself adds "
                     "to phrases with many rows): index = the Bitmap Index Scan node (keys, entry-tree "
                     "descents, posting lists), heap = the Bitmap Heap Scan above it (heap visits, "
                     "detoasting, recheck); newsext and tsvector ms = the interleaved medians above; false = "
                     "candidates the recheck removed; empty tsq = phraseto_tsquery is empty (stop words), "
                     "so the stored tsvector GIN does nothing:\n")
        lines.append("| class | phrase | rows | candidates | false | buffers | index ms | heap ms | newsext ms | tsvector ms | empty tsq |")
        lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for cls, p in phrases:
            b = breakdown[p]
            lines.append(f"| {cls} | {p.replace('|', '/')} | {b['rows']} | {b['cand']} | {b['false']} | {b['buffers']} | "
                         f"{b['index']:.3f} | {b['heap']:.3f} | {n[p]:.3f} | {t[p]:.3f} | {'yes' if b['tsq_empty'] else ''} |")
        tot = {k: sum(b[k] for b in breakdown.values()) for k in ("index", "heap", "exec", "cand", "false")}
        lines.append(f"\nSummed over the phrases, timed run: index {tot['index']:.2f} ms, heap and recheck "
                     f"{tot['heap']:.2f} ms, execution {tot['exec']:.2f} ms; {tot['cand']} candidates of which "
                     f"{tot['false']} false.")
    noidx = [r["name"] for r in results if r["noindex"]]
    if noidx:
        lines.append("\nQueries that did not use the method's index: " +
                     "; ".join(f"{r['name']}: {r['noindex']}" for r in results if r["noindex"]))
    lines.append("\nPer phrase (median ms / rows returned; exact = reference rows):\n")
    lines.append("| class | phrase | exact | " + " | ".join(r["name"].split(",")[0] for r in results) + " |")
    lines.append("|---|---|---:|" + "---:|" * len(results))
    for i, (cls, p) in enumerate(phrases):
        cells = [f"{r['per'][i]['ms']:.2f} / {r['per'][i]['rows']}" for r in results]
        lines.append(f"| {cls} | {p.replace('|', '/')} | {len(ref[p])} | " + " | ".join(cells) + " |")
    text = "\n".join(lines) + "\n"
    with open(out_md, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(text)


if __name__ == "__main__":
    main()
