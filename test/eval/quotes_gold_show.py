"""Print every hand-annotated quote span of test/eval/quotes_gold.tsv from the fundus text, for
checking offsets by eye (python3 test/eval/quotes_gold_show.py [record_id ...]).

The output holds publisher text: read it in the terminal, never commit it. Also checks
mechanically that each span sits right inside quotation marks (or runs to the end of its
paragraph, for a quote whose closing mark is left out) and says which spans do not.
"""
import os
import sys

from quotes_gold import OPENING, CLOSING, load_gold, load_texts

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("NEWSEXT_DATA", os.path.join(HERE, "..", "..", "..", "shared", "data"))


def span_problems(text, start, end):
    problems = []
    if not 0 < start < end <= len(text):
        return ["offsets outside the text"]
    if text[start - 1] not in OPENING:
        problems.append(f"no opening mark before start (found {text[start - 1]!r})")
    closed = end < len(text) and text[end] in CLOSING
    if not closed and not (end == len(text) or text[end] == "\n"):
        problems.append(f"end is neither at a closing mark nor at a line end (found {text[end]!r})")
    if text[start].isspace() or text[end - 1].isspace():
        problems.append("span starts or ends with white space")
    return problems


def main(argv):
    gold = load_gold(os.path.join(HERE, "quotes_gold.tsv"))
    wanted = set(argv) or {g.record_id for g in gold}
    texts = load_texts(os.path.join(DATA, "fundus", "articles.dev.jsonl"), wanted)
    bad = 0
    for g in gold:
        if g.record_id not in wanted:
            continue
        text = texts[g.record_id]
        problems = span_problems(text, g.start, g.end)
        bad += bool(problems)
        print(f"{g.record_id} {g.start}-{g.end} [{g.form}, {g.klass}] {g.speaker} ({g.speaker_kind})")
        print(f"    {text[max(0, g.start - 1):g.end + 1]!r}")
        for p in problems:
            print(f"    PROBLEM: {p}")
    print(f"{bad} spans with problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
