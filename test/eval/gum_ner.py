"""GUM (Georgetown University Multilayer corpus) as an other-domain entity set: plain text and
CoNLL-style named-entity mentions (silver: a mechanical mapping of GUM's entity layer).

Input: the CoNLL-U files of GUM's `dep/` folder (directory in $NEWSEXT_GUM), e.g.
    git --git-dir=<fetched gum repo> archive HEAD dep | tar -x -C /tmp/gum   # NEWSEXT_GUM=/tmp/gum/dep
No GUM text is stored in this repository; see test/eval/README.md for source, licence and rules.

Documents: every GUM_<genre>_<name>.conllu except GUM_reddit_* (text not distributed: its word
forms are underscores) and GENTLE_* (no licence stated for its texts in the GUM repository).

Text: tokens joined as CoNLL-U SpaceAfter says (a multi-word token such as `Byron's` once, from
its range line), sentences of a paragraph joined by one space, and a newline before every
`# newpar` (paragraphs, headings, list items, speaker turns).

Named mentions (the rule, `named_span`; silver, see test/eval/README.md): a GUM mention of any
type but `time` counts when, after dropping leading determiners and punctuation, a trailing
possessive `'s` and punctuation, and in person mentions the title before the name (words up to
one GUM attaches as `nmod:desc`, or from TITLES, before a PROPN: CoNLL leaves `Mr.`,
`President`, `Captain` out of PER),
- its first word is capitalised or PROPN (`iPhone`), its last capitalised, PROPN or a number,
  and at least one word is PROPN (UPOS alone is not enough: GUM tags `United` in `United
  States` VERB and `New` in `New York Times` ADJ);
- every word between is capitalised, PROPN, a number, a name particle (`of`, `the`, `for`,
  `de`, `van` ...; `of` and `the` not in person mentions), `&`, or punctuation other than
  commas, colons, brackets, quotes and dashes, or any capitalised word: so not `X and Y`,
  `X's Y`, `X in Y`, `X, Y` (but a place or organisation mention `X, Y` gives each named piece
  between its commas: `Bilbao, Spain` gives `Bilbao` and `Spain`);
- it is not a hashtag, handle or address, not `Chapter 1` / `Figure 2`-like, and not a person
  mention made of titles alone (`Speaker`, `President`).
Nested mentions: the outermost named one is kept, named mentions inside it are dropped (CoNLL
has no nesting); when an outer mention is not named, the named ones inside it stay
(`the school of Dr. X` gives `X`). Types: person -> PER (but a person mention that is one
plural proper noun, a group by origin like `Thais`, -> MISC), organization -> ORG, place ->
LOC, time -> dropped (dates are not CoNLL entities), every other type (event, object,
abstract, substance, animal, plant) -> MISC.
"""
import glob
import os
import re
import sys

TYPE = {"person": "PER", "organization": "ORG", "place": "LOC"}
POSSESSIVE = ("'s", "’s", "'", "’")
NOT_INSIDE = {",", ";", ":", "(", ")", "[", "]", '"', "“", "”", "—", "–"}
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "king", "queen", "prince", "princess", "rev", "reverend",
    "gen", "general", "col", "colonel", "capt", "captain", "sgt", "sen", "senator", "rep",
    "gov", "governor", "judge", "justice", "mayor", "pope", "emperor", "empress", "uncle",
    "aunt", "father", "brother", "sister", "mother", "chief", "officer", "detective",
    "speaker", "vice", "secretary", "minister", "prime", "chancellor", "director", "chairman",
    "chairwoman", "manager", "editor", "coach", "commissioner", "ambassador", "sheriff",
    "attorney", "deputy", "lieutenant", "lt", "major", "sergeant", "admiral",
}
NAME_PARTICLES = {"of", "the", "for", "de", "du", "des", "del", "della", "da", "di", "von", "van",
                  "der", "den", "la", "le", "y", "upon", "on"}
NUMBERED = {"Chapter", "Figure", "Fig.", "Table", "Section", "Page", "Appendix", "Equation",
            "Example", "Part", "Step", "Article", "Exhibit"}
# CoNLL-2003 dev leaves titles out of PER (`President`, `Captain`, `King`, `Sir`, `Prince` ... are
# before the span, never inside it); dropped only from person mentions and before another PROPN,
# and a person mention of titles alone is not a name.
OPEN = re.compile(r"\((\d+)-([a-z]+)-([^()]*)")
CLOSE = re.compile(r"(\d+)\)")


def misc_fields(misc):
    return dict(f.split("=", 1) for f in misc.split("|") if "=" in f) if misc != "_" else {}


def read_conllu(path):
    """yield (doc_id, [sentence]) where a sentence is (newpar, [word dict])"""
    doc, sents, words, newpar, mwt = None, [], [], False, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                if doc is not None:
                    yield doc, sents
                doc, sents = line[len("# newdoc id = "):].strip(), []
            elif line.startswith("# newpar") and not line.startswith("# newpar_block"):
                newpar = True
            elif not line:
                if words:
                    sents.append((newpar, words))
                words, newpar, mwt = [], False, None
            elif line[0].isdigit():
                cols = line.split("\t")
                tid = cols[0]
                if "." in tid:           # empty node (an elided copy): no surface text
                    continue
                if "-" in tid:           # multi-word token: surface form and SpaceAfter
                    a, b = map(int, tid.split("-"))
                    mwt = {"first": a, "last": b, "form": cols[1], "misc": misc_fields(cols[9])}
                    continue
                i = int(tid)
                words.append({"id": i, "form": cols[1], "upos": cols[3], "feats": cols[5],
                              "head": int(cols[6]), "deprel": cols[7],
                              "misc": misc_fields(cols[9]),
                              "mwt": mwt if mwt and mwt["first"] <= i <= mwt["last"] else None})
    if words:
        sents.append((newpar, words))
    if doc is not None:
        yield doc, sents


def layout(sents):
    """text and, per sentence, each word's (start, end) character offsets"""
    out, pos, offsets = [], 0, []

    def put(s):
        nonlocal pos
        out.append(s)
        pos += len(s)

    for k, (newpar, words) in enumerate(sents):
        if k:
            put("\n" if newpar else " ")
        offs, space = [], False
        j = 0
        while j < len(words):
            w = words[j]
            if space:
                put(" ")
            m = w["mwt"]
            if m:
                group = [x for x in words[j:] if x["mwt"] is m]
                start = pos
                put(m["form"])
                if "".join(x["form"] for x in group) == m["form"]:
                    p = start
                    for x in group:
                        offs.append((p, p + len(x["form"])))
                        p += len(x["form"])
                else:                      # forms do not spell the token: each word gets all of it
                    offs.extend((start, pos) for _ in group)
                space = m["misc"].get("SpaceAfter") != "No"
                j += len(group)
            else:
                offs.append((pos, pos + len(w["form"])))
                put(w["form"])
                space = w["misc"].get("SpaceAfter") != "No"
                j += 1
        offsets.append(offs)
    return "".join(out), offsets


def mentions(words):
    """GUM mentions of one sentence: (first word index, last word index, type, identity)"""
    found, stack = [], []
    for i, w in enumerate(words):
        ent = w["misc"].get("Entity")
        if not ent:
            continue
        k = 0
        while k < len(ent):
            m = OPEN.match(ent, k)
            if m:
                rest = m.group(3).split("-")
                identity = rest[5] if len(rest) > 5 else ""
                k = m.end()
                if k < len(ent) and ent[k] == ")":   # opens and closes on this word
                    found.append((i, i, m.group(2), identity))
                    k += 1
                else:
                    stack.append((m.group(1), i, m.group(2), identity))
                continue
            m = CLOSE.match(ent, k)
            if m:
                for s in range(len(stack) - 1, -1, -1):
                    if stack[s][0] == m.group(1):
                        _, a, etype, identity = stack.pop(s)
                        found.append((a, i, etype, identity))
                        break
                else:
                    raise ValueError(f"unopened entity {m.group(1)} in {ent!r}")
                k = m.end()
                continue
            raise ValueError(f"cannot parse Entity={ent!r}")
    if stack:
        raise ValueError(f"unclosed entities {stack}")
    return found


def named_span(words, a, b, etype):
    """(first, last) word indices of the named part of mention a..b, or None (the rule above)"""
    def cap(w):
        return w["upos"] == "PROPN" or w["form"][:1].isupper()

    while a <= b and words[a]["upos"] in ("DET", "PUNCT"):
        a += 1
    if etype == "person":
        # titles: GUM attaches them to the name as nmod:desc (`Mr.`, `President`, `Editorial
        # Manager`); also a leading honorific before another PROPN
        for k in range(b - 1, a - 1, -1):
            if words[k]["deprel"] == "nmod:desc" and words[k]["id"] < words[k]["head"] <= words[b]["id"]:
                a = k + 1
                break
        while a < b and words[a + 1]["upos"] == "PROPN" and words[a]["form"].lower().rstrip(".") in TITLES:
            a += 1
    while b >= a and (words[b]["upos"] == "PUNCT"
                      or (words[b]["upos"] == "PART" and words[b]["form"] in POSSESSIVE)):
        b -= 1
    if a > b or not cap(words[a]) or not (cap(words[b]) or words[b]["upos"] == "NUM"):
        return None
    if not words[a]["form"][:1].isalnum() or any(
            "://" in w["form"] or w["form"].startswith(("www.", "@", "#")) for w in words[a:b + 1]):
        return None                    # hashtags, handles, addresses
    if not any(words[k]["upos"] == "PROPN" for k in range(a, b + 1)):
        return None
    if etype == "person" and all(w["form"].lower().rstrip(".") in TITLES for w in words[a:b + 1]):
        return None                    # `President`, `Mr. Chief Justice`, `Speaker`
    if words[a]["form"] in NUMBERED and b > a and words[a + 1]["upos"] == "NUM":
        return None                    # `Chapter 1`, `Figure 1.2`
    for k in range(a + 1, b):
        w = words[k]
        if w["upos"] == "PUNCT":
            if w["form"] in NOT_INSIDE:
                return None
        elif w["upos"] in ("ADP", "DET"):
            # `Bank of England`, `Leonardo da Vinci`; not `High School in Texas`, `Lipstick by X`
            if w["form"][:1].isupper():   # `Going-To-The-Sun Road`
                continue
            if w["form"].lower() not in NAME_PARTICLES or (etype == "person" and w["form"].lower() in ("of", "the")):
                return None
        elif w["upos"] == "CCONJ":
            if w["form"] != "&":       # `Britain and France`: GUM's inner mentions are kept
                return None
        elif w["upos"] == "PART" and w["form"] in POSSESSIVE:
            return None                # `FTU's Alice Mak`: the possessor is its own mention
        elif not (cap(w) or w["upos"] in ("NUM", "PART")):
            return None
    return a, b


def conll_type(words, a, b, etype):
    """PER, ORG, LOC or MISC; a person mention of one plural proper noun is a group named by
    nationality or origin (`Thais`), MISC in CoNLL"""
    if etype == "person" and a == b and "Number=Plur" in words[a]["feats"]:
        return "MISC"
    return TYPE.get(etype, "MISC")


def documents(gum_dir):
    """yield (doc_id, genre, text, [(start, end, type)]) for every usable GUM document"""
    for path in sorted(glob.glob(os.path.join(gum_dir, "GUM_*.conllu"))):
        for doc, sents in read_conllu(path):
            genre = doc.split("_")[1]
            if genre == "reddit":
                continue
            text, offsets = layout(sents)
            gold = {}
            for (_, words), offs in zip(sents, offsets):
                spans = []
                pieces = []
                for a, b, etype, _identity in mentions(words):
                    if etype == "time":
                        continue
                    n = named_span(words, a, b, etype)
                    if n:
                        spans.append((offs[n[0]][0], offs[n[1]][1], conll_type(words, n[0], n[1], etype), (a, b)))
                    elif etype in ("place", "organization"):
                        # `Bilbao, Spain`, `Durham University, United Kingdom`: each named piece
                        # between commas (a nested mention of the same piece keeps its own type)
                        cuts = [k for k in range(a, b + 1) if words[k]["form"] == ","]
                        for pa, pb in zip([a] + [k + 1 for k in cuts], [k - 1 for k in cuts] + [b]):
                            n = named_span(words, pa, pb, etype) if cuts and pa <= pb else None
                            if n:
                                pieces.append((offs[n[0]][0], offs[n[1]][1], TYPE[etype], (pa, pb)))
                spans += pieces              # after the real mentions: those win a tie
                # outermost named mention: drop one inside another's GUM mention span; of two
                # with the same named span (two entities on one phrase) the one listed first stays
                for s in spans:
                    if not any(t is not s and t[3][0] <= s[3][0] and s[3][1] <= t[3][1]
                               and (t[3][1] - t[3][0]) > (s[3][1] - s[3][0]) for t in spans):
                        gold.setdefault(s[:2], s[2])
            yield doc, genre, text, sorted((a, b, t) for (a, b), t in gold.items())


def main():
    """python3 gum_ner.py [doc_id ...]: print counts, or the named mentions of the documents
    given (their text is GUM's: read it, never commit it)"""
    gum_dir = os.environ["NEWSEXT_GUM"]
    want = set(sys.argv[1:])
    n = {}
    for doc, genre, text, gold in documents(gum_dir):
        c = n.setdefault(genre, [0, 0])
        c[0] += 1
        c[1] += len(gold)
        if doc in want:
            for s, e, t in gold:
                print(f"{doc}\t{t}\t{text[s:e]}")
    for genre, (docs, ments) in sorted(n.items()):
        print(f"{genre:<12} {docs:>3} docs {ments:>5} named mentions")


if __name__ == "__main__":
    main()
