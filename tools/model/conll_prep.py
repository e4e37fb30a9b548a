#!/usr/bin/env python3
"""Convert articles.*.jsonl (text + gold entity character spans), or unlabelled .txt files, into
   the trainer's input:
   D <id> / T <nbytes> then the UTF-8 text and a newline / E <start> <end> <TYPE> (byte offsets)."""
import json
import sys

out = sys.stdout.buffer


def paragraphs(path, per_document=40):
    """unlabelled .txt (one paragraph a line, tools/model/unlabelled.py): 40 lines a document"""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    for k in range(0, len(lines), per_document):
        b = "\n".join(lines[k:k + per_document]).encode()
        out.write(b"D u%d\nT %d\n" % (k, len(b)) + b + b"\n")


for path in sys.argv[1:]:
    if path.endswith(".txt"):
        paragraphs(path)
        continue
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            text = a["text"]
            b = text.encode("utf-8")
            c2b = [0] * (len(text) + 1)
            off = 0
            for i, ch in enumerate(text):
                c2b[i] = off
                off += len(ch.encode("utf-8"))
            c2b[len(text)] = off
            out.write(b"D %s\nT %d\n" % (a["id"].encode(), len(b)))
            out.write(b + b"\n")
            for e in (a.get("gold") or {}).get("entities") or []:
                out.write(b"E %d %d %s\n" % (c2b[e["start"]], c2b[e["end"]], e["type"].encode()))
