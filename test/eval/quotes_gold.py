"""Reading the hand-made quote gold (quotes_gold.tsv, quotes_gold_records.tsv) and the fundus
text it points into. Offsets are 0-based code-point offsets into the record's `text`: `start` is
the first character after the opening quotation mark, `end` the position of the closing mark
(exclusive end of the content), or the end of the paragraph for a quote left unclosed there.
"""
import csv
import json
from collections import namedtuple

OPENING = "\"'\u201c\u201d\u2018\u2019\u00ab\u201e"
CLOSING = "\"'\u201d\u201c\u2019\u00bb"
FORMS = ("after", "before", "colon", "continued", "follow-on", "none")
CLASSES = ("full", "fragment", "unsure")

GoldQuote = namedtuple("GoldQuote", "record_id start end speaker speaker_kind form klass")


def load_gold(path):
    gold = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            g = GoldQuote(row["record_id"], int(row["start"]), int(row["end"]), row["speaker"],
                          row["speaker_kind"], row["form"], row["class"])
            if g.form not in FORMS or g.klass not in CLASSES or g.speaker_kind not in ("name", "role"):
                raise ValueError(f"bad gold row {row}")
            gold.append(g)
    return gold


def load_records(path):
    """The annotated records (every direct quote in them is marked) and their publishers."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r["record_id"] for r in rows], [r["publisher"] for r in rows]


def load_texts(path, ids):
    texts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in ids:
                texts[a["id"]] = a["text"]
    missing = set(ids) - set(texts)
    if missing:
        raise KeyError(f"records not in {path}: {sorted(missing)}")
    return texts
