#!/usr/bin/env python3
"""Randomised check of phrase_query: generated boolean/proximity queries over generated
news-like texts; the GIN index answer, the sequential answer and an independent Python
reference (over the server's phrase_tokens() output) must agree exactly, and
phrase_query_count must equal the reference count.

Prints TAP lines.  PQ_DOCS, PQ_QUERIES, PQ_SEED change the size and seed; PSQL the client.
Runs in its own database (PQ_DB, default newsext_pq_random), dropped at the end.
"""
import os
import random
import subprocess
import sys

SEED = int(os.environ.get("PQ_SEED", "20261202"))
NDOCS = int(os.environ.get("PQ_DOCS", "600"))
NQUERIES = int(os.environ.get("PQ_QUERIES", "2000"))
PSQL = os.environ.get("PSQL", "psql")
DB = os.environ.get("PQ_DB", "newsext_pq_random")
rng = random.Random(SEED)
tap_n = 0


def ok(cond, what, detail=""):
    global tap_n
    tap_n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (tap_n, what))
    if not cond and detail:
        for line in str(detail).splitlines()[:20]:
            print("#   " + line)
    sys.stdout.flush()


def psql(db, sql, stdin=None):
    r = subprocess.run([PSQL, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", db],
                       input=(sql if stdin is None else sql + "\n" + stdin),
                       capture_output=True, text=True, env=dict(os.environ, PGCLIENTENCODING="UTF8"))
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return r.stdout


# ------------------------------------------------------------------ texts
COMMON = ("the of to and a in said on for that is with it was by at as he from has "
          "not or near before after over will be have are".split())
NEWS = ("syria russia kerry lavrov deal united states nations walked back five year assad "
        "forces aleppo minister government talks war peace city officials week agreed oil "
        "prices market bank rose fell percent president election vote court police army "
        "ceasefire rebels border refugees geneva moscow washington statement".split())
ODD = ["São", "Paulo", "Erdoğan", "café", "naïve", "U.S.", "five-year", "Assad's", "Assad’s",
       "Kerry’s", "2016", "100", "mln", "E.U."]
VOCAB = COMMON + NEWS + ODD + ["k%d" % i for i in range(60)]
SEPS = [" "] * 10 + [", ", ". ", "-", "\n", " — ", "; ", ' "', '" ', ": ", " (", ") "]


def word():
    w = VOCAB[min(int(len(VOCAB) * rng.random() ** 2.2), len(VOCAB) - 1)]
    r = rng.random()
    if r < 0.1:
        return w.upper()
    if r < 0.3:
        return w[:1].upper() + w[1:]
    return w


def make_doc():
    n = rng.randint(5, 90)
    return "".join(word() + rng.choice(SEPS) for _ in range(n)).strip()


# ---------------------------------------------------------------- queries
# a node: ("leaf", text) | ("and"|"or", [kids]) | ("not", kid) | ("near"|"before", n, a, b)
KEYWORDS = {"and", "or", "not", "near", "before"}


def leaf_from_doc(doc_tokens):
    toks = rng.choice(doc_tokens)
    if not toks:
        return ("leaf", [rng.choice(NEWS)])
    k = rng.choice([1, 1, 1, 2, 2, 3])
    s = rng.randrange(max(1, len(toks) - k + 1))
    return ("leaf", toks[s:s + k])


def gen_leaf(doc_tokens):
    if rng.random() < 0.75:
        return leaf_from_doc(doc_tokens)
    return ("leaf", [rng.choice(COMMON + NEWS).lower() for _ in range(rng.choice([1, 1, 2]))])


def gen_operand(doc_tokens):
    if rng.random() < 0.7:
        return gen_leaf(doc_tokens)
    return ("or", [gen_leaf(doc_tokens) for _ in range(rng.randint(2, 3))])


def gen(doc_tokens, depth):
    if depth == 0 or rng.random() < 0.25:
        return gen_leaf(doc_tokens)
    r = rng.random()
    if r < 0.3:
        return ("and", [gen(doc_tokens, depth - 1) for _ in range(rng.randint(2, 3))])
    if r < 0.55:
        return ("or", [gen(doc_tokens, depth - 1) for _ in range(rng.randint(2, 3))])
    if r < 0.7:
        return ("not", gen(doc_tokens, depth - 1))
    kind = "near" if r < 0.85 else "before"
    return (kind, rng.randint(1, 6), gen_operand(doc_tokens), gen_operand(doc_tokens))


def render_leaf(toks):
    def case(t):
        if t in KEYWORDS:
            return t  # upper case would be an operator
        return rng.choice([t, t, t.upper(), t[:1].upper() + t[1:]])
    ws = [case(t) for t in toks]
    if len(ws) == 1 and rng.random() < 0.8:
        return ws[0]
    r = rng.random()
    if r < 0.5:
        return '"' + " ".join(ws) + '"'
    if r < 0.7:
        return "“" + " , ".join(ws) + "”"
    if len(ws) > 1 or ws[0] not in KEYWORDS:
        return "-".join(ws) if ws[0] not in KEYWORDS else '"' + "-".join(ws) + '"'
    return '"' + ws[0] + '"'


PREC = {"or": 1, "and": 2, "near": 3, "before": 3, "not": 4, "leaf": 5}


def render(node, minimal):
    """minimal: parentheses only where precedence needs them"""
    kind = node[0]

    def sub(child, need):
        s = render(child, minimal)
        if child[0] == "leaf":
            return s
        if not minimal or PREC[child[0]] <= need:
            return "(" + s + ")"
        return s
    if kind == "leaf":
        return render_leaf(node[1])
    if kind == "or":
        return " OR ".join(sub(c, 1) for c in node[1])
    if kind == "and":
        out = sub(node[1][0], 2)
        for c in node[1][1:]:
            out += rng.choice([" AND ", " "]) + sub(c, 2)
        return out
    if kind == "not":
        child = node[1]
        s = sub(child, 4 if minimal else 5)
        if s.startswith("(") or s.startswith('"') or (child[0] == "leaf" and s[:1].isalnum()):
            if rng.random() < 0.5:
                return "-" + s
        return "NOT " + s
    n, a, b = node[1], node[2], node[3]
    op = " %s/%d " % ("NEAR" if kind == "near" else "BEFORE", n)
    return sub(a, 3) + op + sub(b, 3)


def leaves(node, negated=False, out=None):
    out = [] if out is None else out
    kind = node[0]
    if kind == "leaf":
        out.append((node, negated))
    elif kind in ("and", "or"):
        for c in node[1]:
            leaves(c, negated, out)
    elif kind == "not":
        leaves(node[1], not negated, out)
    else:
        leaves(node[2], negated, out)
        leaves(node[3], negated, out)
    return out


# -------------------------------------------------------------- reference
def occurrences(toks, phrase):
    k = len(phrase)
    return [(i, i + k - 1) for i in range(len(toks) - k + 1) if toks[i:i + k] == phrase]


def operand_occ(toks, node, norm):
    kids = [node] if node[0] == "leaf" else node[1]
    occ = []
    for c in kids:
        occ += occurrences(toks, norm[id(c)])
    return occ


def ref_eval(node, toks, norm):
    kind = node[0]
    if kind == "leaf":
        return bool(occurrences(toks, norm[id(node)]))
    if kind == "and":
        return all(ref_eval(c, toks, norm) for c in node[1])
    if kind == "or":
        return any(ref_eval(c, toks, norm) for c in node[1])
    if kind == "not":
        return not ref_eval(node[1], toks, norm)
    n = node[1]
    a = operand_occ(toks, node[2], norm)
    b = operand_occ(toks, node[3], norm)
    fwd = any(1 <= y[0] - x[1] <= n for x in a for y in b)
    if kind == "before":
        return fwd
    return fwd or any(1 <= x[0] - y[1] <= n for x in a for y in b)


def ref_count(node, toks, norm):
    if not ref_eval(node, toks, norm):
        return 0
    occ = []
    for leaf, neg in leaves(node):
        if not neg:
            occ += occurrences(toks, norm[id(leaf)])
    occ.sort(key=lambda o: (o[0], -o[1]))
    n, last = 0, -1
    for o in occ:
        if o[0] > last:
            n, last = n + 1, o[1]
    return n


def csv_field(s):
    return '"' + s.replace('"', '""') + '"'


def main():
    psql("postgres", "DROP DATABASE IF EXISTS %s; CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8';" % (DB, DB))
    psql(DB, "CREATE EXTENSION newsext; CREATE TABLE docs (id int PRIMARY KEY, body text NOT NULL);")
    docs = [make_doc() for _ in range(NDOCS)]
    psql(DB, "\\copy docs FROM STDIN WITH (FORMAT csv)",
         "".join("%d,%s\n" % (i + 1, csv_field(d)) for i, d in enumerate(docs)) + "\\.\n")
    tok_rows = psql(DB, "SELECT id, array_to_string(phrase_tokens(body), ' ') FROM docs ORDER BY id")
    doc_tokens = {}
    for line in tok_rows.splitlines():
        i, _, t = line.partition("|")
        doc_tokens[int(i)] = t.split()
    sample = list(doc_tokens.values())

    queries = []
    for q in range(NQUERIES):
        node = gen(sample, rng.choice([1, 2, 2, 3, 3, 4]))
        queries.append((node, render(node, rng.random() < 0.5)))
    # normalise every leaf with the server's tokenizer (the same words a phrase literal gets)
    leaf_texts = sorted({" ".join(leaf[1]) for node, _ in queries for leaf, _ in leaves(node)})
    rows = psql(DB, "\\copy (SELECT t, array_to_string(phrase_tokens(t), ' ') FROM unnest(ARRAY[%s]::text[]) t) TO STDOUT" %
                ",".join("'" + t.replace("'", "''") + "'" for t in leaf_texts))
    norm_by_text = {}
    for line in rows.splitlines():
        t, _, n = line.partition("\t")
        norm_by_text[t] = n.split()
    norm = {}
    for node, _ in queries:
        for leaf, _ in leaves(node):
            norm[id(leaf)] = norm_by_text[" ".join(leaf[1])]

    psql(DB, "CREATE TABLE queries (qid int PRIMARY KEY, q phrase_query NOT NULL);")
    psql(DB, "\\copy queries FROM STDIN WITH (FORMAT csv)",
         "".join("%d,%s\n" % (i, csv_field(s)) for i, (_, s) in enumerate(queries)) + "\\.\n")
    ok(True, "%d generated queries parse (seed %d)" % (len(queries), SEED))
    bad = psql(DB, "SELECT count(*) FROM queries WHERE q::text::phrase_query <> q")
    ok(bad.strip() == "0", "canonical text parses back to the same query", bad)

    ref = set()
    for qi, (node, _) in enumerate(queries):
        for di in range(1, NDOCS + 1):
            if ref_eval(node, doc_tokens[di], norm):
                ref.add((qi, di))

    def pairs(settings):
        out = psql(DB, settings + "\n\\copy (SELECT q.qid, d.id FROM queries q JOIN docs d ON d.body @@@ q.q) TO STDOUT")
        return {tuple(map(int, line.split("\t"))) for line in out.splitlines()}
    seq = pairs("SET enable_indexscan = off; SET enable_bitmapscan = off;")
    psql(DB, "CREATE INDEX docs_gin ON docs USING gin (body gin_phrase_ops); ANALYZE docs;")
    idx_settings = "SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off;"
    plan = psql(DB, idx_settings + "EXPLAIN (costs off) SELECT q.qid, d.id FROM queries q JOIN docs d ON d.body @@@ q.q;")
    ok("Bitmap Index Scan on docs_gin" in plan, "the index join uses gin_phrase_ops", plan)
    idx = pairs(idx_settings)

    nmatch_q = len({q for q, _ in ref})
    ok(len(ref) > 20000 and nmatch_q > len(queries) // 2,
       "the queries match often (%d pairs, %d queries with a match)" % (len(ref), nmatch_q))
    notonly = sum(1 for node, _ in queries if node[0] == "not")
    ok(notonly > 10, "NOT-only queries among them (%d)" % notonly)
    ok(seq == ref, "sequential = reference", "seq-ref %s\nref-seq %s" % (sorted(seq - ref)[:10], sorted(ref - seq)[:10]))
    ok(idx == seq, "index = sequential", "idx-seq %s\nseq-idx %s" % (sorted(idx - seq)[:10], sorted(seq - idx)[:10]))
    for q, d in sorted(seq ^ ref)[:5]:
        print("#   query %d: %s | doc %d: %s" % (q, queries[q][1], d, docs[d - 1][:200].replace("\n", " ")))

    # counts on a sample of pairs (matching and not)
    sample_pairs = [(rng.randrange(len(queries)), rng.randint(1, NDOCS)) for _ in range(3000)]
    sample_pairs += sorted(ref)[:: max(1, len(ref) // 3000)]
    out = psql(DB, "\\copy (SELECT p.qid, p.id, phrase_query_count(d.body, q.q) FROM unnest(ARRAY[%s]::int[], ARRAY[%s]::int[]) p(qid, id) JOIN queries q USING (qid) JOIN docs d USING (id)) TO STDOUT" %
               (",".join(str(q) for q, _ in sample_pairs), ",".join(str(d) for _, d in sample_pairs)))
    wrong = []
    for line in out.splitlines():
        q, d, c = map(int, line.split("\t"))
        want = ref_count(queries[q][0], doc_tokens[d], norm)
        if c != want:
            wrong.append("query %d (%s) doc %d: count %d, reference %d" % (q, queries[q][1], d, c, want))
    ok(not wrong, "phrase_query_count = reference on %d pairs" % len(sample_pairs), "\n".join(wrong[:10]))
    psql("postgres", "DROP DATABASE %s" % DB)


if __name__ == "__main__":
    main()
