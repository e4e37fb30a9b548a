#!/usr/bin/env python3
"""Organisation names for the entity tagger's gazetteer (model/organisations.tsv), from openly
licensed name lists in public GitHub repositories and one npm package, read at pinned commits.
Sources, licences and counts: model/PROVENANCE.md. Python 3 standard library, git and npm.

    python3 tools/model/organisations.py MIRROR_ROOT > model/organisations.tsv

MIRROR_ROOT holds <owner>+<name>/repo bare git directories (the `fetch` tool's mirrors) of the
repositories in PINNED; npm fetches nba@4.15.0. Writes "<class bits>\t<name>" lines: 32 for
companies, universities and parties (NX_GAZ_ORG), 64 for sports clubs and teams (NX_GAZ_TEAM).
Two sources that were tried are left out for their copyleft licences: beanumber/teamcolors
(GPL) and confirmordeny/supraverden (CC BY-SA 4.0).
"""
import argparse
import csv
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import urllib.parse

PINNED = {
    "openfootball+clubs": ("ae3800227c449447b3a337fc0aac79a8f02f4c8b",
                           ["africa", "asia", "caribbean", "central-america", "europe",
                            "middle-east", "north-america", "pacific", "south-america"]),
    "datasets+s-and-p-500-companies": ("56509dd80619e4d8e1410c2260d68ddd3eab6068",
                                       ["data/constituents.csv"]),
    "lwowlwowl+company_name_to_ticker": ("e83838f7269cacdfeee556edc00a389e4dcd3943",
                                         ["company_tickers_exchange.json"]),
    "Hipo+university-domains-list": ("bb07faf064e1c68be9b26fb71de31f01e361f974",
                                     ["world_universities_and_domains.json"]),
    "hdigital+partyfactsdata": ("764de8978f84ba41a1c88752d6a00b9a4d05f599",
                                ["import/elecglob/partyfacts-core-parties.csv"]),
}
NBA_PACKAGE = "nba@4.15.0"
BITS = {"club": 64, "company": 32, "university": 32, "party": 32}


def extract(mirrors, dest):
    """copy the pinned files out of the bare mirrors, and the npm package's teams.json"""
    for repo, (commit, paths) in PINNED.items():
        os.makedirs(os.path.join(dest, repo))
        archive = subprocess.run(["git", "--git-dir=" + os.path.join(mirrors, repo, "repo"),
                                  "archive", commit, *paths], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", os.path.join(dest, repo)], input=archive, check=True)
    nba = os.path.join(dest, "npm-nba")
    os.makedirs(nba)
    tgz = subprocess.run(["npm", "pack", "--silent", NBA_PACKAGE], cwd=nba, check=True,
                         capture_output=True, text=True).stdout.split()[-1]
    subprocess.run(["tar", "xzf", tgz, "package/data/teams.json"], cwd=nba, check=True)


# --------------------------------------------------------------------------
# Generic cleaning
# --------------------------------------------------------------------------

# Single-word names that are only a common/generic English word (or a generic
# organisation word) are dropped: they would fire on ordinary text.  Kept short
# and explicit on purpose.  Multi-word names are never dropped by this list.
STOP_SINGLE = set("""
the a an and of for in on at to by with from
group holdings holding company companies corporation corp inc ltd plc co llc
united city real sporting athletic athletics town county rovers wanderers
club team sport sports football soccer fc sc ac cf
national international american general global world first new one two
union party partners partner trust capital energy bank fund funds network media
bancorp bancshares financial bankshares
news post times herald star sun mail daily express
university college institute school academy
international federal central state republic people peoples popular
democratic democrats republican republicans liberal liberals conservative
conservatives labour labor green greens socialist socialists communist
communists progressive progressives reform independent independents
alliance coalition front movement congress council assembly league
association federation organisation organization commission committee
agency authority office bureau service services
north south east west northern southern eastern western
royal grand great
""".split())

# Legal-form suffixes stripped from company names (applied repeatedly at the end).
LEGAL_SUFFIXES = {
    "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.",
    "ltd", "ltd.", "limited", "plc", "p.l.c.", "ag", "sa", "s.a.", "n.v.", "nv",
    "se", "company", "llc", "l.l.c.", "lp", "l.p.", "s.p.a.", "spa", "a/s", "asa",
    "ab", "oyj", "kgaa", "gmbh", "bv", "b.v.",
}
# Stripped only if at least two words remain afterwards.
SOFT_SUFFIXES = {"holdings", "holding", "group"}

LATIN_OK_CHARS = set(" &'.-,/()!+:’")


def is_latin_script(s):
    """True if every letter of s is Latin script (names for English news)."""
    for ch in s:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def clean(name):
    """NFC, collapse whitespace, strip stray punctuation; '' if unusable."""
    if not name:
        return ""
    s = unicodedata.normalize("NFC", name)
    s = s.replace("\u00a0", " ").replace("\u200e", "").replace("\u200f", "")
    s = re.sub(r"\s+", " ", s).strip(" ,;:-\t")
    # drop editorial notes: "[Peronist]", and a trailing "(...)" qualifier such as
    # "(-2005)", "(Class A)", "(SC)", "(New South Wales Branch)"
    s = re.sub(r"\s*\[[^\]]*\]", "", s)
    s = re.sub(r"\s*\([^()]*\)\s*$", "", s).strip(" ,;:-")
    if len(s) < 2:
        return ""
    if not s[0].isupper():          # must start with an upper-case letter
        return ""
    if not is_latin_script(s):
        return ""
    if re.fullmatch(r"[\d\W]+", s):
        return ""
    if " " not in s and s.lower() in STOP_SINGLE:
        return ""
    return s


def strip_legal(name):
    """Company name without trailing legal-form suffixes ('' if unchanged/empty)."""
    s = re.sub(r"\s*/[A-Za-z]{0,5}/?\s*$", "", name)       # SEC state tags: /DE/, /NEW/, "/"
    words = s.replace(",", " , ").split()
    changed = s != name
    while words:
        last = words[-1].lower()
        if last in (",", "&", "and", "-"):
            words.pop(); changed = True; continue
        if last in LEGAL_SUFFIXES:
            words.pop(); changed = True; continue
        if last in SOFT_SUFFIXES and len([w for w in words[:-1] if w not in (",", "&")]) >= 2:
            words.pop(); changed = True; continue
        break
    if changed and len(words) >= 2 and words[0] == "The":      # "The Hershey Company" -> "Hershey"
        words = words[1:]
    out = " ".join(words).replace(" , ", ", ").replace(" ,", ",").strip(" ,")
    return out if changed and out else ""


# short all-caps words that are ordinary words, not acronyms, in SEC names
COMMON_SHORT = {"the", "and", "of", "new", "one", "air", "oil", "gas", "bio", "car", "sun", "bay",
                "way", "top", "big", "red", "for", "eli", "art", "pay", "net", "key", "box", "ice",
                "go", "my", "on", "in", "de", "la", "com", "ban", "med", "pro", "tec", "two", "six", "ten",
                "pan", "inc", "co", "ltd", "cos", "grp", "hldg", "lp"}
SMALL_WORDS = {"and", "of", "the", "de", "du", "la", "le", "del", "der", "van", "von", "for", "in", "on"}


def titlecase_allcaps(name):
    """Title-case an ALL-CAPS SEC name, keeping vowel-less short tokens (CVS, PNC)
    and tokens with '&' (AT&T, S&P) upper-case."""
    out = []
    for i, tok in enumerate(name.split()):
        letters = re.sub(r"[^A-Za-z]", "", tok)
        if letters.lower() in ("ltd", "inc", "corp", "co", "cos"):
            out.append(letters.capitalize() + tok[len(letters):] if tok.startswith(letters) else tok.capitalize())
            continue
        if "&" in tok or (letters and len(letters) <= 4 and not re.search(r"[AEIOUY]", letters)) \
                or (len(letters) <= 3 and letters.lower() not in COMMON_SHORT):   # SAP, IBM, SE
            if i > 0 and tok.lower() in SMALL_WORDS:
                out.append(tok.lower()); continue
            out.append(tok)
        elif i > 0 and tok.lower() in SMALL_WORDS:
            out.append(tok.lower())
        else:
            # capitalise each hyphen/apostrophe/period-separated part
            out.append(re.sub(r"[A-Za-z]+(?:'[A-Za-z]+)?", lambda m: m.group(0).capitalize(), tok))
    return " ".join(out)


def is_all_caps(s):
    """All letters upper-case, ignoring trailing legal-form words ("... PARTNERS plc")."""
    s = " ".join(w for w in s.split() if w.lower().strip(",") not in LEGAL_SUFFIXES)
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------

def openfootball_clubs(root):
    """openfootball/clubs *.clubs.txt (CC0).  Format:
         Main Name, founded, @ stadium, city     ## comment
           | Alt Name | Alt Name [en]
         ii) Reserve team                        (skipped, with its alt lines)
        Street address // postcode city          (skipped)
    Alternative names are the source's own short names ("Leeds", "Bayern").
    Alternatives that are tabular abbreviations with a dotted token such as
    "C. Palace", "Charlton Ath.", "Bayern Mün.", "Mannsdorf-Großenz." are
    dropped ("St.", "F.C.", "1." are kept)."""
    # a token ending in "." that is not a number ("1."), an initialism ("F.C.")
    # or a common title abbreviation ("St.") marks a truncated tabular name
    def abbrev_tok(t):
        return (t.endswith(".") and not re.fullmatch(r"\d+\.", t)
                and not re.fullmatch(r"(?:[A-Z]\.){2,}", t)
                and t not in ("St.", "Sta.", "Ste.", "Sto.", "Dr.", "Mt.", "Jr."))
    files = [f for f in glob.glob(os.path.join(root, "**", "*.clubs.txt"), recursive=True)]
    for f in sorted(files):
        in_reserve = False
        with open(f, encoding="utf-8") as fh:
            for raw in fh:
                line = re.sub(r"\s#.*$", "", raw.rstrip("\n"))
                line = line.replace("$", "")        # $$Sponsor$$ markup -> plain name
                if not line.strip() or line.lstrip().startswith("#") or line.startswith("="):
                    continue
                if re.match(r"^\s*i{2,3}\)", line):          # reserve / B team
                    in_reserve = True
                    continue
                if line.lstrip().startswith("|"):
                    if in_reserve:
                        continue
                    for alt in line.split("|"):
                        alt = re.sub(r"\[[a-z]{2,3}\]", "", alt).strip()
                        if not alt or any(abbrev_tok(t) for t in alt.split()):
                            continue
                        yield alt
                    continue
                if line[0].isspace():                         # address line etc.
                    continue
                in_reserve = False
                for main in line.split(",")[0].split("|"):    # "Name | Alt, city"
                    main = re.sub(r"\(\s*\d{0,4}\s*-\s*\d{0,4}\s*\)", "", main).strip()
                    main = re.sub(r"\[[a-z]{2,3}\]", "", main).strip()
                    if main:
                        yield main


def nba_package(root):
    """npm nba@4.15.0 data/teams.json (MIT): teamName and simpleName (nickname)."""
    with open(os.path.join(root, "package", "data", "teams.json"), encoding="utf-8") as fh:
        for t in json.load(fh):
            yield t["teamName"]
            yield t["simpleName"]


def sp500(root):
    """datasets/s-and-p-500-companies (ODC-PDDL): 'Security' names; returns (name, cik)."""
    with open(os.path.join(root, "data", "constituents.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield row["Security"], row.get("CIK", "")


def sec_companies(root, limit, skip_ciks):
    """SEC EDGAR company_tickers_exchange.json (copy in lwowlwowl/company_name_to_ticker).
    Rows are ordered roughly by market value; keep the first `limit` distinct CIKs
    listed on NYSE/Nasdaq/CBOE (OTC and unknown exchanges skipped), and skip CIKs
    already covered by the S&P 500 list (its names are better cased)."""
    with open(os.path.join(root, "company_tickers_exchange.json"), encoding="utf-8") as fh:
        d = json.load(fh)
    seen = set()
    for cik, name, _ticker, exch in d["data"]:
        if exch not in ("NYSE", "Nasdaq", "CBOE") or cik in seen:
            continue
        seen.add(cik)
        if len(seen) > limit:
            break
        if str(cik) in skip_ciks:
            continue
        yield name


def universities(root):
    """Hipo/university-domains-list (MIT): 'name' of every institution."""
    with open(os.path.join(root, "world_universities_and_domains.json"), encoding="utf-8") as fh:
        for u in json.load(fh):
            yield u["name"]
            m = re.search(r"\(([A-Z][A-Z&-]{2,})\)\s*$", u["name"])   # "... (MBZUAI)"
            if m:
                yield m.group(1)


def parties(root):
    """Party Facts core parties (MIT).  Keep parties active in/after 1990 and with
    a vote/seat share >= 1% or an English Wikipedia article.  Names used:
    name_english (split on ' / '), name (original, Latin script only), the
    English Wikipedia title (disambiguation in parentheses removed), and
    name_short (acronym) only for parties with share >= 5% and >= 3 chars."""
    p = os.path.join(root, "import", "elecglob", "partyfacts-core-parties.csv")
    with open(p, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yl = row["year_last"].strip()
            if yl and float(yl) < 1990:
                continue
            share = float(row["share"]) if row["share"].strip() else 0.0
            wiki = row["wikipedia"].strip()
            if share < 1.0 and not wiki:
                continue
            if "no-party" in row["name_english"] + row["name"]:
                continue
            for n in re.split(r"\s+/+\s+", row["name_english"]):
                yield n
            for n in re.split(r"\s+/+\s+", row["name"]):
                yield n
            if wiki.startswith("https://en.wikipedia.org/wiki/"):
                t = urllib.parse.unquote(wiki.rsplit("/wiki/", 1)[1]).replace("_", " ")
                t = re.sub(r"\s*\(.*?\)\s*$", "", t.split("#")[0])
                if not re.search(r"\belection\b|^List of|^Politics of", t, re.I):
                    yield t
            short = row["name_short"].strip()
            if share >= 5.0 and len(short) >= 3:
                yield short


def collect(src, sec_limit):
    """(kind, name) pairs in source order, each once"""
    S = lambda *p: os.path.join(src, *p)
    out = {}

    def emit(kind, name):
        n = clean(name)
        if n:
            out.setdefault((kind, n), None)

    def emit_company(name, from_allcaps_source=False):
        n = unicodedata.normalize("NFC", re.sub(r"\s+", " ", name or "")).strip()
        n = re.sub(r"\s*\((Class [A-Z])\)\s*$", "", n)             # "Alphabet Inc. (Class A)"
        m = re.fullmatch(r"(.+?)\s*\(((?:The)|(?:[A-Z][a-z]+))\)", n)  # "Coca-Cola Company (The)"
        if m:
            n = m.group(2) + " " + m.group(1)
        n = re.sub(r"\s*/[A-Za-z]{0,5}/?\s*$", "", n)              # SEC "/DE/", trailing "/"
        if from_allcaps_source and is_all_caps(n):
            n = titlecase_allcaps(n)
        emit("company", n)
        s = strip_legal(n)
        if s:
            emit("company", s)

    for n in openfootball_clubs(S("openfootball+clubs")):
        emit("club", n)
    for n in nba_package(S("npm-nba")):
        emit("club", n)
    sp_ciks = set()
    for n, cik in sp500(S("datasets+s-and-p-500-companies")):
        emit_company(n)
        if cik:
            sp_ciks.add(str(int(cik)))
    for n in sec_companies(S("lwowlwowl+company_name_to_ticker"), sec_limit, sp_ciks):
        emit_company(n, from_allcaps_source=True)
    for n in universities(S("Hipo+university-domains-list")):
        emit("university", n)
    for n in parties(S("hdigital+partyfactsdata")):
        emit("party", n)
    return list(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mirrors")
    ap.add_argument("--sec-limit", type=int, default=3000,
                    help="the largest NYSE/Nasdaq/CBOE SEC registrants kept (default 3000)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        extract(a.mirrors, tmp)
        pairs = collect(tmp, a.sec_limit)
    bits, counts = {}, {}
    for kind, name in pairs:
        # official names of ten words or more are seldom printed whole in news
        if len(name.split()) >= 10:
            continue
        bits[name] = bits.get(name, 0) | BITS[kind]
        counts[kind] = counts.get(kind, 0) + 1
    sys.stdout.write("# newsext organisation gazetteer: built by tools/model/organisations.py; "
                     "sources and licenses in model/PROVENANCE.md\n")
    for name in sorted(bits):
        sys.stdout.write(f"{bits[name]}\t{name}\n")
    for k in BITS:
        print(f"{k}\t{counts.get(k, 0)}", file=sys.stderr)


if __name__ == "__main__":
    main()
