"""Accuracy of parse_article's layout fields on the labelled corpora, through SQL.

Scoring follows ../shared/data/README.md: headlines compared after collapsing white
space; a date is right only when the day is right; datelines compare the place
(the part before the date). Reuters stories are fed with their wire timestamp line
(meta.date_raw) first, as a wire feed delivers them.
"""
import json
import os
import re
import sys

import psycopg2

DATA = os.environ["NEWSEXT_DATA"]
MONTH = r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"


def squeeze(s):
    return re.sub(r"\s+", " ", s).strip() if s is not None else None


def dateline_place(gold):
    """'PORTLAND, Ore., Feb 26' -> 'PORTLAND, Ore.'; 'LONDON 1996-08-30' -> 'LONDON'."""
    if gold is None:
        return None
    g = re.sub(r"\s*\d{4}-\d{2}-\d{2}\s*$", "", gold)
    g = re.sub(r",?\s*" + MONTH + r"\s*\d{1,2}\s*$", "", g)
    g = re.sub(r",?\s*\d{1,2}\s+" + MONTH + r"\s*$", "", g)
    return squeeze(g) or None


def load(path, limit=None):
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit and i >= limit:
                break
            yield json.loads(line)


class Score:
    def __init__(self):
        self.rows = {}

    def add(self, name, ok):
        right, total = self.rows.get(name, (0, 0))
        self.rows[name] = (right + (1 if ok else 0), total + 1)

    def report(self, title, misses):
        print(f"\n{title}")
        for name, (right, total) in self.rows.items():
            pct = 100.0 * right / total if total else 0.0
            print(f"  {name:<34} {right:>6} / {total:<6} {pct:6.2f}%")
        for name, ex in misses.items():
            for gold, got, snippet in ex[:int(os.environ.get('EVAL_MISSES', '3'))]:
                print(f"    miss {name}: gold={gold!r} got={got!r} text={snippet!r}")


def parse_many(cur, texts):
    cur.execute(
        "SELECT p.headline, p.dateline, p.published::text FROM unnest(%s::text[]) WITH ORDINALITY AS t(body, n), "
        "LATERAL parse_article(t.body) p ORDER BY t.n",
        (texts,),
    )
    return cur.fetchall()


def evaluate(cur, title, articles, fields, prepare=lambda a: a["text"]):
    score, misses = Score(), {}
    batch = []

    def flush():
        texts = [prepare(a) for a in batch]
        for a, (headline, dateline, published) in zip(batch, parse_many(cur, texts)):
            gold = a["gold"]
            got = {"headline": squeeze(headline), "dateline": dateline, "date": published}
            want = {
                "headline": squeeze(gold.get("headline")),
                "dateline": dateline_place(gold.get("dateline")),
                "date": gold.get("date"),
            }
            for f in fields:
                if want[f] is None:
                    continue  # no gold for this field (e.g. Reuters UNPROC tables have no headline)
                ok = got[f] == want[f]
                score.add(f, ok)
                if not ok:
                    misses.setdefault(f, []).append((want[f], got[f], prepare(a)[:160]))
        batch.clear()

    for a in articles:
        batch.append(a)
        if len(batch) == 500:
            flush()
    if batch:
        flush()
    score.report(title, misses)
    return score


def seed(cur):
    path = os.path.join(DATA, "seed")
    text = open(os.path.join(path, "article.txt"), encoding="utf-8").read()
    gold = json.load(open(os.path.join(path, "gold.json"), encoding="utf-8"))
    cur.execute("SELECT to_jsonb(p) FROM parse_article(%s) p", (text,))
    got = cur.fetchone()[0]
    checks = {
        "headline": got["headline"] == gold["headline"],
        "standfirst": got["standfirst"] == gold["standfirst"],
        "byline": got["byline"] == gold["byline"],
        "dateline": got["dateline"] == gold["dateline"],
        "published": got["published"] == gold["published"],
        "reading_minutes": got["reading_minutes"] == gold["reading_minutes"],
        "captions": got["captions"] == gold["captions"],
        "lead": (got["lead"] or "").startswith(gold["lead_starts"]),
        "body keeps no header or caption": got["body"] is not None
        and gold["headline"] not in got["body"]
        and all(c not in got["body"] for c in gold["captions"]),
    }
    print("\nseed article (../shared/data/seed)")
    for k, ok in checks.items():
        print(f"  {k:<34} {'right' if ok else 'WRONG'}")
    return all(checks.values())


def reflow(cur, reuters):
    """Hard-wrapped wire copy must give the same paragraphs as its unwrapped twin."""
    pairs = [a for a in reuters if a.get("text_wrapped")]
    same = 0
    for i in range(0, len(pairs), 500):
        batch = pairs[i:i + 500]
        cur.execute(
            "SELECT (parse_article(x)).body IS NOT DISTINCT FROM (parse_article(y)).body "
            "FROM unnest(%s::text[], %s::text[]) AS t(x, y)",
            ([a["text"] for a in batch], [a["text_wrapped"] for a in batch]),
        )
        same += sum(1 for (ok,) in cur.fetchall() if ok)
    pct = 100.0 * same / len(pairs) if pairs else 0.0
    print("\nReuters-21578 body re-flow (text_wrapped gives the same paragraphs as text)")
    print(f"  {'same body':<34} {same:>6} / {len(pairs):<6} {pct:6.2f}%")


def main():
    conn = psycopg2.connect("")
    conn.autocommit = True
    cur = conn.cursor()
    ok = seed(cur)
    reuters = list(load(os.path.join(DATA, "reuters21578", "articles.train.jsonl")))
    evaluate(cur, "Reuters-21578 (wire timestamp line first)", reuters, ["headline", "date", "dateline"],
             prepare=lambda a: a["meta"]["date_raw"] + "\n" + a["text"])
    evaluate(cur, "Reuters-21578, hard-wrapped text_wrapped layout (timestamp first)", reuters,
             ["headline", "date", "dateline"],
             prepare=lambda a: a["meta"]["date_raw"] + "\n" + (a.get("text_wrapped") or a["text"]))
    reflow(cur, reuters)
    for split in ("train", "dev"):
        conll = list(load(os.path.join(DATA, "conll2003", f"articles.{split}.jsonl")))
        evaluate(cur, f"CoNLL-2003 {split}", conll, ["headline", "date", "dateline"])
    bbc = list(load(os.path.join(DATA, "bbc", "articles.dev.jsonl")))
    evaluate(cur, "BBC News", bbc, ["headline"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
