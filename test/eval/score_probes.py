#!/usr/bin/env python3
"""Score `newsext parse` on the probe articles of test/eval/probes (see its README.md).

    python3 test/eval/score_probes.py [--binary ./newsext] [--show] [DIR ...]

DIR defaults to every set: layouts/english, layouts/europe, layouts/scripts_wire, heldout
(header fields) and quotes. A header probe NAME.txt has NAME.expected.json with headline,
standfirst, byline, dateline, published and language, and "accept" for other right answers;
a field is right when it equals one of them after white space is collapsed and case folded.
A quote probe has a list of {quote, speaker} (speaker: a string or a list of right ones) and
NAME.notes.json with the scare quotes and titles that must not come back.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIELDS = ["headline", "standfirst", "byline", "dateline", "published", "language"]
SETS = ["layouts/english", "layouts/europe", "layouts/scripts_wire", "heldout", "quotes"]
QUOTE_TRIM = " \t\n.,;:!?\u2026\u2014-"


def norm(value):
    return None if value is None else re.sub(r"\s+", " ", value).strip().lower()


def norm_quote(q):
    return " ".join(q.replace("\u2019", "'").replace("\u2018", "'").split()).strip(QUOTE_TRIM).lower()


def parse_all(binary, paths):
    """every article through one `newsext parse -0` run"""
    texts = [open(p, encoding="utf-8").read().replace("\0", "") for p in paths]
    env = dict(os.environ)
    env.setdefault("NEWSEXT_MODEL", os.path.join(ROOT, "model", "newsext_ner.bin"))
    out = subprocess.run([binary, "parse", "-0"], input="\0".join(texts).encode(), capture_output=True,
                         env=env, check=True).stdout.decode().split("\n")
    return [json.loads(line) for line in out if line]


def score_headers(binary, d, show):
    names = sorted(f[:-4] for f in os.listdir(d) if f.endswith(".txt"))
    got = parse_all(binary, [os.path.join(d, n + ".txt") for n in names])
    right = {f: 0 for f in FIELDS}
    for n, g in zip(names, got):
        exp = json.load(open(os.path.join(d, n + ".expected.json"), encoding="utf-8"))
        for f in FIELDS:
            ok = [norm(exp[f])] + [norm(a) for a in exp.get("accept", {}).get(f, [])]
            if norm(g.get(f)) in ok:
                right[f] += 1
            elif show:
                print(f"  {n} {f}: want {exp[f]!r}, got {g.get(f)!r}")
    wrong = sum(len(names) - right[f] for f in FIELDS)
    cells = " ".join(f"{f} {right[f] / len(names):.2f}" for f in FIELDS)
    print(f"{os.path.relpath(d, HERE)}: {len(names)} articles, {wrong} wrong fields; {cells}")


def score_quotes(binary, d, show):
    names = sorted(f[:-4] for f in os.listdir(d) if f.endswith(".txt"))
    got = parse_all(binary, [os.path.join(d, n + ".txt") for n in names])
    t = dict(expected=0, found=0, speaker=0, scare=0)
    for n, g in zip(names, got):
        exp = json.load(open(os.path.join(d, n + ".expected.json"), encoding="utf-8"))
        notes = json.load(open(os.path.join(d, n + ".notes.json"), encoding="utf-8"))
        quotes = g.get("quotes", [])
        used = set()
        for e in exp:
            t["expected"] += 1
            hit = next((i for i, q in enumerate(quotes) if i not in used and norm_quote(q["quote"]) == norm_quote(e["quote"])), None)
            if hit is None:
                if show:
                    print(f"  {n} missed: {e['quote'][:70]!r}")
                continue
            used.add(hit)
            t["found"] += 1
            speakers = e["speaker"] if isinstance(e["speaker"], list) else [e["speaker"]]
            if any(s.lower() == (quotes[hit]["speaker"] or "").lower() for s in speakers):
                t["speaker"] += 1
            elif show:
                print(f"  {n} speaker: want {e['speaker']!r}, got {quotes[hit]['speaker']!r}")
        scare = {norm_quote(x) for x in notes.get("scare_or_title", [])}
        t["scare"] += sum(1 for i, q in enumerate(quotes) if i not in used and norm_quote(q["quote"]) in scare)
    found = t["found"] / t["expected"] if t["expected"] else 0
    speaker = t["speaker"] / t["found"] if t["found"] else 0
    print(f"{os.path.relpath(d, HERE)}: {t['expected']} quotes, found {t['found']} ({found:.1%}), speaker right "
          f"{t['speaker']} ({speaker:.1%} of found), scare quotes returned {t['scare']}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "newsext"))
    ap.add_argument("--show", action="store_true", help="print every wrong field or quote")
    ap.add_argument("dirs", nargs="*")
    a = ap.parse_args()
    for d in a.dirs or [os.path.join(HERE, "probes", s) for s in SETS]:
        if os.path.basename(os.path.normpath(d)) == "quotes":
            score_quotes(a.binary, d, a.show)
        else:
            score_headers(a.binary, d, a.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
