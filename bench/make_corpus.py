#!/usr/bin/env python3
"""Write a benchmark corpus as CSV (id, body) for psql \\copy.

`make_corpus.py distinct out.csv`: every distinct real article and nothing else
(Reuters-21578 train, CoNLL-2003 train and dev, BBC dev = the odd-numbered files,
fundus dev (English and other languages, one rendering per article), TempEval-3
silver dev), exact duplicates and texts under 30 words dropped.

Real articles come first: Reuters-21578 (train), BBC (dev) and CoNLL-2003
(train, dev) from ../shared/data, exact duplicates and texts under 30 words
dropped.  To reach N articles the rest are *synthetic but distinct*: each one
is 3-8 paragraphs drawn at random (seeded) from the real articles, joined by
blank lines; duplicates are skipped.  Usage: make_corpus.py N out.csv [seed]
"""
import csv
import hashlib
import json
import os
import random
import sys

DATA = os.environ.get("NEWSEXT_DATA", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
FILES = ["reuters21578/articles.train.jsonl", "bbc/articles.dev.jsonl",
         "conll2003/articles.train.jsonl", "conll2003/articles.dev.jsonl"]
# the distinct-article run reads these too (fundus: one rendering, A, of each article)
DISTINCT_FILES = FILES + ["fundus/articles.dev.jsonl", "fundus/articles.other.dev.jsonl",
                          "tempeval3/articles.silver.dev.jsonl"]


def real_articles(files, seen):
    """Texts of the files in order, without exact duplicates or texts under 30 words."""
    real = []
    for f in files:
        path = os.path.join(DATA, f)
        if not os.path.exists(path):
            path = os.path.join("/work/shared/data", f)
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"].startswith("fundus-") and not rec["id"].endswith("-A"):
                    continue
                t = rec["text"]
                if len(t.split()) < 30:
                    continue
                h = hashlib.sha1(t.encode()).digest()
                if h in seen:
                    continue
                seen.add(h)
                real.append(t)
    return real


def write_rows(out, rows):
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        for i, t in enumerate(rows, 1):
            w.writerow([i, t])


def main():
    out = sys.argv[2]
    seen = set()
    if sys.argv[1] == "distinct":
        real = real_articles(DISTINCT_FILES, seen)
        write_rows(out, real)
        print(f"corpus: {len(real)} distinct real articles -> {out}", file=sys.stderr)
        return
    n = int(sys.argv[1])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    real = real_articles(FILES, seen)
    paras = [p for t in real for p in t.split("\n") if len(p.split()) >= 5]
    rows = real[:n]
    nreal = len(rows)
    while len(rows) < n:
        k = rnd.randint(3, 8)
        t = "\n\n".join(rnd.choice(paras) for _ in range(k))
        h = hashlib.sha1(t.encode()).digest()
        if h in seen:
            continue
        seen.add(h)
        rows.append(t)
    write_rows(out, rows)
    print(f"corpus: {n} articles ({nreal} real, {n - nreal} recombined from {len(paras)} real paragraphs) -> {out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
