"""Named entities and quotes, scored through SQL (article_mentions, article_entities,
article_quotes) on raw article text, so the figure is end to end (our tokenizer included).

CoNLL-style: exact span and exact type, micro-averaged precision/recall/F1 over PER, ORG,
LOC, MISC and per type, on CoNLL-2003 dev (articles.dev.jsonl: text + character offsets;
also on its two halves by document, doc_half)
and on the seed article (seed/gold.json mentions). For the seed it also compares the
canonical people/organizations/places and the quotes with their speakers.

Other languages: the English model must stay quiet on text it cannot read (issue 12: at most
5 mentions per 1,000 words of German). Mentions per 1,000 words of fundus articles, per
language, rendering A only (one record per article), with the words counted as
parse_article's word_count of the same text.
"""
import hashlib
import json
import os
import sys

import psycopg2

DATA = os.environ["NEWSEXT_DATA"]
KIND = {"person": "PER", "organization": "ORG", "place": "LOC", "other": "MISC"}
TYPES = ["PER", "ORG", "LOC", "MISC"]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(cur, docs):
    """docs: iterable of (text, [(start, end, type)]) with 0-based character offsets."""
    tp = {t: 0 for t in TYPES}
    fp = dict(tp)
    fn = dict(tp)
    n = 0
    for text, gold in docs:
        n += 1
        cur.execute("SELECT kind, position, length FROM article_mentions(%s)", (text,))
        pred = {(pos - 1, pos - 1 + ln, KIND[k]) for k, pos, ln in cur.fetchall()}
        gold = set(gold)
        for s in pred:
            (tp if s in gold else fp)[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
    return n, tp, fp, fn


def doc_half(doc_id):
    """1 or 2: the first byte of md5(document id) mod 2 (cross-validation of document-level
    rules: half 1 has 101 documents, half 2 115)"""
    return 1 + hashlib.md5(doc_id.encode()).digest()[0] % 2


def add(x, y):
    return x + y if isinstance(x, int) else {t: x[t] + y[t] for t in x}


def report(name, n, tp, fp, fn):
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    p, r, f = prf(T, F, N)
    print(f"entities {name}: {n} docs, {T + N} gold mentions: P {p:.4f} R {r:.4f} F1 {f:.4f}")
    for t in TYPES:
        p, r, f = prf(tp[t], fp[t], fn[t])
        print(f"  {t:<4} P {p:.4f} R {r:.4f} F1 {f:.4f}  (gold {tp[t] + fn[t]})")
    return prf(T, F, N)[2]


def main():
    conn = psycopg2.connect("")
    cur = conn.cursor()

    dev = os.path.join(DATA, "conll2003", "articles.dev.jsonl")
    if os.path.exists(dev):
        halves = {1: [], 2: []}
        with open(dev, encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                halves[doc_half(a["id"])].append(
                    (a["text"], [(e["start"], e["end"], e["type"]) for e in a["gold"]["entities"]]))
        scored = {h: score(cur, docs) for h, docs in halves.items()}
        report("conll2003 dev", *[add(x, y) for x, y in zip(scored[1], scored[2])])
        for h in (1, 2):
            report(f"conll2003 dev half {h}", *scored[h])

    seed_dir = os.path.join(DATA, "seed")
    if os.path.exists(os.path.join(seed_dir, "gold.json")):
        with open(os.path.join(seed_dir, "article.txt"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(seed_dir, "gold.json"), encoding="utf-8") as f:
            gold = json.load(f)
        report("seed", *score(cur, [(text, [(m["start"], m["end"], m["type"]) for m in gold["mentions"]])]))

        cur.execute("SELECT entity, kind FROM article_entities(%s)", (text,))
        ents = cur.fetchall()
        for field, kind in (("people", "person"), ("organizations", "organization"), ("places", "place")):
            got = [e for e, k in ents if k == kind]
            want = gold[field]
            hit = [w for w in want if w in got]
            print(f"  seed {field}: {len(hit)}/{len(want)} gold found, {len([g for g in got if g not in want])} extra;"
                  f" missing {[w for w in want if w not in got]}, extra {[g for g in got if g not in want]}")

        cur.execute("SELECT quote, speaker FROM article_quotes(%s)", (text,))
        quotes = cur.fetchall()
        right = 0
        for q in gold["quotes"]:
            match = [s for qt, s in quotes if qt.startswith(q["starts"])]
            if match and match[0] == q["speaker"]:
                right += 1
            else:
                print(f"  seed quote wrong or missing: {q['starts']!r} -> {q['speaker']!r} (got {match})")
        extra = [qt[:40] for qt, s in quotes if not any(qt.startswith(q["starts"]) for q in gold["quotes"])]
        print(f"  seed quotes: {right}/{len(gold['quotes'])} with the right speaker, {len(extra)} extra {extra}")
    mentions_per_language(cur)
    conn.close()


def mentions_per_language(cur):
    """entity mentions per 1,000 words of each fundus language (rendering A of each article)"""
    counts = {}
    for name in ("articles.dev.jsonl", "articles.other.dev.jsonl"):
        path = os.path.join(DATA, "fundus", name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                if not a["id"].endswith("-A"):
                    continue
                cur.execute("SELECT (SELECT count(*) FROM article_mentions(%s)), (parse_article(%s)).word_count",
                            (a["text"], a["text"]))
                mentions, words = cur.fetchone()
                c = counts.setdefault(a["meta"]["language"], [0, 0, 0])
                c[0] += 1
                c[1] += mentions
                c[2] += words or 0
    if not counts:
        return
    print("entity mentions per 1,000 words, fundus rendering A (the model reads English only)")
    for lang, (docs, mentions, words) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        rate = 1000.0 * mentions / words if words else 0.0
        print(f"  {lang:<3} {docs:>3} articles {words:>7} words {mentions:>5} mentions  {rate:6.1f} per 1,000 words")


if __name__ == "__main__":
    sys.exit(main())
