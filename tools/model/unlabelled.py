#!/usr/bin/env python3
"""Unlabelled English text for the word classes (tools/model/clusters.c), from public GitHub
repositories fetched as bare git directories (the `fetch` tool's mirrors). Only word statistics
(hashes and class ids) ever enter a model; the text is research-use and is never committed.

    python3 tools/model/unlabelled.py MIRROR_ROOT OUT_DIR [SOURCE ...]

MIRROR_ROOT holds <owner>+<name>/repo bare git directories of the sources below (the commits
that were measured are in model/PROVENANCE.md). Writes OUT_DIR/<source>.txt: one paragraph per
line, original case and punctuation, tags, URLs and exact-duplicate lines removed. SOURCE is
allsides, rss or wikipedia; the default is the two news sources, the text the committed model's
word classes are built from: NEWSEXT_UNLABELLED=OUT_DIR make model.
"""
import collections
import html
import io
import json
import re
import subprocess
import sys
import zipfile

TAG = re.compile(r"<[^>]+>")
URL = re.compile(r"https?://\S+|www\.\S+")


def clean(s):
    s = TAG.sub(" ", html.unescape(html.unescape(s or "")))
    s = URL.sub(" ", s).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip()


def git_lines(gitdir, *args):
    return subprocess.run(["git", "--git-dir=" + gitdir, *args], capture_output=True,
                          check=True).stdout


def git_blobs(gitdir, names):
    """the contents of HEAD:name for each name, through one `git cat-file --batch`"""
    p = subprocess.Popen(["git", "--git-dir=" + gitdir, "cat-file", "--batch"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for n in names:
        p.stdin.write(f"HEAD:{n}\n".encode())
        p.stdin.flush()
        head = p.stdout.readline().split()
        if len(head) < 3 or head[1] == b"missing":
            continue
        data = p.stdout.read(int(head[2]))
        p.stdout.read(1)
        yield data
    p.stdin.close()
    p.wait()


class Writer:
    """one paragraph a line, each once, at least min_words words"""

    def __init__(self, path, min_words):
        self.out = open(path, "w", encoding="utf-8")
        self.seen = set()
        self.min_words = min_words
        self.n = 0

    def put(self, para, cleaned=False):
        if not cleaned:
            para = clean(para)
        if len(para.split()) >= self.min_words and para not in self.seen:
            self.seen.add(para)
            self.out.write(para + "\n")
            self.n += 1

    def close(self):
        self.out.close()
        return self.n


def allsides(root, out):
    """ramybaly/Article-Bias-Prediction: news articles 2012-2020 (title + text), BBC's left out"""
    g = f"{root}/ramybaly+Article-Bias-Prediction/repo"
    w = Writer(f"{out}/allsides_news.txt", 3)
    names = git_lines(g, "ls-tree", "-r", "--name-only", "HEAD", "data/jsons").decode().split()
    for blob in git_blobs(g, names):
        d = json.loads(blob)
        if "BBC" in (d.get("source") or "").upper():
            continue
        w.put(d.get("title"))
        for para in re.split(r"\n+", d.get("content_original") or ""):
            w.put(para)
    return w.close()


def rss(root, out):
    """rumca-js/RSS-Link-Database-2021 and -2022: English RSS titles and descriptions"""
    w = Writer(f"{out}/rss_news_2021_2022.txt", 4)
    for year, months in (("2021", range(1, 13)), ("2022", range(1, 9))):
        g = f"{root}/rumca-js+RSS-Link-Database-{year}/repo"
        for m in months:
            z = zipfile.ZipFile(io.BytesIO(git_lines(g, "show", f"HEAD:{year}/{m:02d}.zip")))
            for n in sorted(z.namelist()):
                if not n.endswith(".json") or "youtube" in n or "bbc" in n.lower():
                    continue
                try:
                    entries = json.loads(z.read(n))
                except ValueError:
                    continue
                for e in entries if isinstance(entries, list) else []:
                    if not isinstance(e, dict) or not (e.get("language") or "en").lower().startswith("en"):
                        continue
                    if "youtube" in (e.get("source") or "") or "bbc" in (e.get("source") or ""):
                        continue
                    t, d = clean(e.get("title")), clean(e.get("description"))
                    if t and d and d != t:
                        t += (" " if t[-1] in ".?!:" else ". ") + d
                    w.put(t or d, cleaned=True)
    return w.close()


def wikipedia(root, out):
    """Vibhas-hs-edu/WikiTasks: WikiExtractor output of English Wikipedia (CC BY-SA)"""
    g = f"{root}/Vibhas-hs-edu+WikiTasks/repo"
    w = Writer(f"{out}/wikipedia_wikitasks.txt", 6)
    names = git_lines(g, "ls-tree", "-r", "--name-only", "HEAD", "text/AA").decode().split()
    for blob in git_blobs(g, [n for n in names if re.search(r"wiki_\d+$", n)]):
        for line in blob.decode("utf-8", "replace").split("\n"):
            if not line.startswith("<doc ") and not line.startswith("</doc"):
                w.put(re.sub(r"\(\s*[,;]?\s*\)", " ", line))
    return w.close()


SOURCES = {"allsides": allsides, "rss": rss, "wikipedia": wikipedia}


def main():
    if len(sys.argv) < 3 or any(a not in SOURCES for a in sys.argv[3:]):
        sys.exit(__doc__)
    root, out = sys.argv[1], sys.argv[2]
    counts = collections.OrderedDict()
    for name in sys.argv[3:] or ("allsides", "rss"):
        counts[name] = SOURCES[name](root, out)
    for k, v in counts.items():
        print(f"{k}: {v} lines")


if __name__ == "__main__":
    main()
