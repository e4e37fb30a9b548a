"""Header fields of modern web articles (fundus) and wire copy (tempeval3), through SQL.

Tables per field, per rendering and per language; scoring follows the data READMEs:
headline and standfirst after collapsing white space; a date only when the day is right
(tempeval3: one day either way); a byline when every gold name occurs in the predicted
byline, ignoring case; a dateline on the part before the first comma, ignoring case;
language against meta.language. Fields with null gold are not scored for accuracy, but
an answer where the gold is null is counted as "spurious".

Cross-validation by publisher: the parser's rules, word lists and thresholds are written
by hand, and nothing is fitted on this data, so every fold scores the same rules. The
per-fold table (publishers hashed into five folds, never records: one article comes in
five renderings) shows how much the figures move between publishers.

EVAL_BACKEND=cli runs ./newsext parse per record instead of SQL (for quick iteration).
"""
import collections
import datetime
import hashlib
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_article import load, squeeze  # noqa: E402

DATA = os.environ["NEWSEXT_DATA"]
FIELDS = ["headline", "date", "byline", "standfirst", "dateline", "language"]
FOLDS = 5


def parse_sql(texts):
    import psycopg2

    conn = psycopg2.connect("")
    conn.autocommit = True
    cur = conn.cursor()
    out = []
    for i in range(0, len(texts), 200):
        cur.execute(
            "SELECT to_jsonb(p) FROM unnest(%s::text[]) WITH ORDINALITY AS t(body, n), "
            "LATERAL parse_article(t.body) p ORDER BY t.n",
            (texts[i:i + 200],),
        )
        out.extend(r[0] for r in cur.fetchall())
    return out


def parse_cli(texts):
    exe = os.environ.get("EVAL_CLI", "./newsext")
    return [json.loads(subprocess.run([exe, "parse"], input=t.encode(), capture_output=True,
                                      check=True).stdout) for t in texts]


def parse_all(texts):
    return parse_cli(texts) if os.environ.get("EVAL_BACKEND") == "cli" else parse_sql(texts)


def before_comma(s):
    return squeeze(s.split(",")[0]).lower() if s else None


def day_near(got, want, days):
    if got is None:
        return False
    try:
        g = datetime.date.fromisoformat(got)
        w = datetime.date.fromisoformat(want)
    except ValueError:
        return False
    return abs((g - w).days) <= days


def fundus_right(field, gold, meta, got):
    """(scored, right, spurious) for one field of one record."""
    if field == "language":
        want = meta.get("language")
        return True, got.get("language") == want, False
    key = {"date": "published"}.get(field, field)
    g = gold.get(field)
    p = got.get(key)
    if g is None:
        return False, False, p is not None
    if field in ("headline", "standfirst"):
        return True, squeeze(p) == squeeze(g), False
    if field == "date":
        return True, p == g, False
    if field == "byline":
        return True, p is not None and all(n.lower() in p.lower() for n in g), False
    if field == "dateline":
        return True, before_comma(p) == before_comma(g), False
    raise ValueError(field)


class Table:
    """right/total per (group, field), printed as one table with a column per field."""

    def __init__(self, fields):
        self.fields = fields
        self.cells = collections.defaultdict(lambda: [0, 0, 0])

    def add(self, group, field, scored, right, spurious):
        c = self.cells[(group, field)]
        if scored:
            c[1] += 1
            c[0] += 1 if right else 0
        if spurious:
            c[2] += 1

    def print(self, title):
        groups = sorted({g for g, _ in self.cells}, key=lambda g: (g != "all", g))
        print(f"\n{title}")
        print("  | group | " + " | ".join(self.fields) + " |")
        print("  | --- | " + " | ".join("---" for _ in self.fields) + " |")
        for g in groups:
            row = []
            for f in self.fields:
                right, total, spurious = self.cells.get((g, f), (0, 0, 0))
                cell = f"{right / total:.3f} ({right}/{total})" if total else "-"
                if spurious:
                    cell += f" +{spurious} spurious"
                row.append(cell)
            print(f"  | {g} | " + " | ".join(row) + " |")


def fold_of(publisher):
    return int(hashlib.sha1(publisher.encode()).hexdigest(), 16) % FOLDS


def half_of(publisher):
    """Two-fold cross-validation of a rule: it must help on both halves of the publishers."""
    return int(hashlib.md5(publisher.encode()).hexdigest(), 16) % 2


def fundus(records):
    got = parse_all([r["text"] for r in records])
    by_layout, by_lang, by_fold, by_half = Table(FIELDS), Table(FIELDS), Table(FIELDS), Table(FIELDS)
    misses = collections.defaultdict(list)
    for r, p in zip(records, got):
        meta = r["meta"]
        lang = meta["language"]
        layout = meta["layout"][0]
        group = "en" if lang == "en" else "other"
        for f in FIELDS:
            scored, right, spurious = fundus_right(f, r["gold"], meta, p)
            for table, key in ((by_layout, f"{group} {layout}"), (by_layout, f"{group} all"),
                               (by_lang, lang), (by_fold, f"{group} fold {fold_of(meta['publisher'])}"),
                               (by_half, f"{group} half {half_of(meta['publisher'])}")):
                table.add(key, f, scored, right, spurious)
            if scored and not right:
                misses[f].append((r["id"], r["gold"].get(f) if f != "language" else meta["language"],
                                  p.get({"date": "published"}.get(f, f))))
    by_layout.print("fundus (modern web articles): accuracy per rendering A-E, English and other languages")
    by_lang.print("fundus: accuracy per language (all renderings)")
    by_fold.print("fundus: accuracy per publisher fold (publishers hashed into 5 folds; rules are not fitted)")
    by_half.print("fundus: accuracy per publisher half (md5 of the publisher mod 2; a rule is kept when it helps both)")
    show = int(os.environ.get("EVAL_MISSES", "3"))
    for f, ex in misses.items():
        for rid, g, p in ex[:show]:
            print(f"    miss {f} {rid}: gold={g!r} got={p!r}")


def tempeval(records):
    got = parse_all([r["text"] for r in records])
    table = Table(["headline", "date", "dateline"])
    misses = collections.defaultdict(list)
    for r, p in zip(records, got):
        g = r["gold"]
        agency = r["meta"]["docid"].split("_")[0]
        checks = {
            "headline": (g["headline"] is not None, squeeze(p.get("headline")) == squeeze(g["headline"])),
            "date": (True, day_near(p.get("published"), g["date"], 1)),
            "dateline": (before_comma(g["dateline"]) is not None,
                         before_comma(p.get("dateline")) == before_comma(g["dateline"])),
        }
        for f, (scored, right) in checks.items():
            for key in ("all", agency):
                table.add(key, f, scored, right, False)
            if scored and not right:
                misses[f].append((r["id"], g.get(f), p.get({"date": "published"}.get(f, f))))
    table.print("TempEval-3 silver dev (AFP and Xinhua wire copy; date right within one day)")
    show = int(os.environ.get("EVAL_MISSES", "3"))
    for f, ex in misses.items():
        for rid, gv, pv in ex[:show]:
            print(f"    miss {f} {rid}: gold={gv!r} got={pv!r}")


def main():
    fundus_path = os.path.join(DATA, "fundus")
    records = list(load(os.path.join(fundus_path, "articles.dev.jsonl"))) + \
        list(load(os.path.join(fundus_path, "articles.other.dev.jsonl")))
    fundus(records)
    tempeval(list(load(os.path.join(DATA, "tempeval3", "articles.silver.dev.jsonl"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
