"""Entities on other domains: GUM (Wikipedia biographies, Wikinews, wikiHow, Wikivoyage,
interviews, fiction, academic, conversation, ...), scored through SQL as eval_entities.py
scores CoNLL-2003 dev (exact span and type, micro-averaged), on a silver CoNLL-style conversion
of GUM's entity layer (gum_ner.py). Needs $NEWSEXT_GUM: GUM's `dep/` folder (test/eval/README.md).

Prints overall P/R/F1 and per type, the same over persons, organisations and places only (MISC
ignored on both sides), and F1 per genre with its documents and gold mentions.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    gum_dir = os.environ.get("NEWSEXT_GUM", "")
    if not gum_dir or not os.path.isdir(gum_dir):
        print("GUM other-domain set: skipped (set NEWSEXT_GUM to GUM's dep/ folder, see test/eval/README.md)")
        return 0
    sys.path.insert(0, HERE)
    os.environ.setdefault("NEWSEXT_DATA", "")   # eval_entities reads it on import
    import psycopg2
    from eval_entities import TYPES, prf, report, score
    from gum_ner import documents

    by_genre = {}
    for _doc, genre, text, gold in documents(gum_dir):
        by_genre.setdefault(genre, []).append((text, gold))
    conn = psycopg2.connect("")
    cur = conn.cursor()
    scored = {g: score(cur, docs) for g, docs in sorted(by_genre.items())}
    conn.close()

    n = sum(s[0] for s in scored.values())
    tp, fp, fn = ({t: sum(s[k][t] for s in scored.values()) for t in TYPES} for k in (1, 2, 3))
    report("GUM other domains (silver)", n, tp, fp, fn)
    pol = [sum(c[t] for t in ("PER", "ORG", "LOC")) for c in (tp, fp, fn)]
    p, r, f = prf(*pol)
    print(f"  persons/organisations/places only (MISC ignored): P {p:.4f} R {r:.4f} F1 {f:.4f}"
          f"  (gold {pol[0] + pol[2]})")
    print(f"  {'genre':<12} {'docs':>4} {'gold':>5}      P      R     F1  F1 PER/ORG/LOC")
    for genre, (docs, gtp, gfp, gfn) in scored.items():
        T, F, N = sum(gtp.values()), sum(gfp.values()), sum(gfn.values())
        p, r, f = prf(T, F, N)
        f3 = prf(*[sum(c[t] for t in ("PER", "ORG", "LOC")) for c in (gtp, gfp, gfn)])[2]
        print(f"  {genre:<12} {docs:>4} {T + N:>5} {p:.4f} {r:.4f} {f:.4f}  {f3:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
