#!/usr/bin/env bash
# make model: train the entity tagger on CoNLL-2003 train and write model/newsext_ner.bin.
# The weights of NER_MODELS averaged perceptrons (default 5), each over its own fixed shuffle; NER_EPOCHS.
# Deterministic: the same data, gazetteer and compiler give the same file, bit for bit.
# Data: $NEWSEXT_DATA, else ../shared/data next to the repository (worktrees resolved too):
# conll2003/articles.train.jsonl (labelled), reuters21578/articles.train.jsonl (unlabelled, word statistics);
# word classes (tools/model/clusters.c) from the unlabelled text of Reuters-21578 train, CoNLL-2003
# train, fundus/articles.dev.jsonl (English) and tempeval3/articles.silver.dev.jsonl (never CoNLL dev),
# and the news text in $NEWSEXT_UNLABELLED (tools/model/unlabelled.py writes it; without it the
# model differs from the committed one). Gazetteer: model/gazetteer.tsv and model/organisations.tsv.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
EPOCHS=${NER_EPOCHS:-8}
MODELS=${NER_MODELS:-5}
# rows whose largest averaged weight is below this are dropped: two thirds of the rows, dev F1
# -0.0013 and GUM +0.002 through SQL, tagging about 7% faster (model/PROVENANCE.md)
PRUNE=${NER_PRUNE:-1.0}
DATA=${NEWSEXT_DATA:-}
if [ -z "$DATA" ]; then
    common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
    for c in "$root/../shared/data" "${common:+$(dirname "$common")/../shared/data}"; do
        if [ -n "$c" ] && [ -f "$c/conll2003/articles.train.jsonl" ]; then DATA=$c; break; fi
    done
fi
if [ -z "$DATA" ] || [ ! -f "$DATA/conll2003/articles.train.jsonl" ]; then
    echo "make model: CoNLL-2003 data not found; set NEWSEXT_DATA to the shared data directory" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -std=c99 -D_POSIX_C_SOURCE=200809L -Isrc/core -o "$tmp/train" tools/model/train.c \
    src/core/ner_tok.c src/core/ner_model.c src/core/nx_alloc.c -lutf8proc -lm
cc -O2 -std=c99 -D_POSIX_C_SOURCE=200809L -Isrc/core -o "$tmp/clusters" tools/model/clusters.c \
    src/core/ner_tok.c src/core/ner_model.c src/core/nx_alloc.c -lutf8proc -lm
python3 tools/model/conll_prep.py "$DATA/conll2003/articles.train.jsonl" > "$tmp/train.txt"
devopt=()
if [ -f "$DATA/conll2003/articles.dev.jsonl" ]; then
    python3 tools/model/conll_prep.py "$DATA/conll2003/articles.dev.jsonl" > "$tmp/dev.txt"
    devopt=(--dev "$tmp/dev.txt")
fi
# word statistics (capitalisation, title/company/place cues) from unlabelled Reuters-21578 text
lexopt=()
if [ -f "$DATA/reuters21578/articles.train.jsonl" ]; then
    python3 tools/model/conll_prep.py "$DATA/reuters21578/articles.train.jsonl" > "$tmp/lex.txt"
    lexopt=(--lex "$tmp/lex.txt")
else
    echo "make model: $DATA/reuters21578 missing: training without word statistics (a different model)" >&2
fi
# word classes at three granularities from all the unlabelled text (about 40 s of CPU)
unlabelled=()
for f in reuters21578/articles.train conll2003/articles.train fundus/articles.dev tempeval3/articles.silver.dev; do
    if [ ! -f "$DATA/$f.jsonl" ]; then
        echo "make model: $DATA/$f.jsonl missing: the word classes (and the model) will differ" >&2
        continue
    fi
    python3 tools/model/conll_prep.py "$DATA/$f.jsonl" > "$tmp/u$((${#unlabelled[@]})).txt"
    unlabelled+=("$tmp/u$((${#unlabelled[@]})).txt")
done
# NEWSEXT_UNLABELLED=dir: also the *.txt there (one paragraph a line; tools/model/unlabelled.py
# writes them), words seen 5 times, 10 passes. The committed model is built with it (the two
# news sources; model/PROVENANCE.md).
cluargs=(--iters 20)
if [ -n "${NEWSEXT_UNLABELLED:-}" ]; then
    for f in "$NEWSEXT_UNLABELLED"/*.txt; do
        python3 tools/model/conll_prep.py "$f" > "$tmp/u$((${#unlabelled[@]})).txt"
        unlabelled+=("$tmp/u$((${#unlabelled[@]})).txt")
    done
    cluargs=(--iters 10 --min-count 5)
else
    echo "make model: NEWSEXT_UNLABELLED not set: word classes from the shared data alone (not the committed model)" >&2
fi
cluopt=()
if [ ${#unlabelled[@]} -gt 0 ]; then
    "$tmp/clusters" --classes 64,256,1024 "${cluargs[@]}" "${unlabelled[@]}" > "$tmp/clusters.txt"
    cluopt=(--clusters "$tmp/clusters.txt")
fi
# places, names and demonyms, and organisations and teams, in one table (classes of a name in both are or-ed)
cat model/gazetteer.tsv model/organisations.tsv > "$tmp/gazetteer.tsv"
"$tmp/train" --train "$tmp/train.txt" "${devopt[@]}" --gaz "$tmp/gazetteer.tsv" "${lexopt[@]}" \
    "${cluopt[@]}" --epochs "$EPOCHS" --models "$MODELS" --prune "$PRUNE" --out model/newsext_ner.bin \
    --version "newsext-ner 4; conll2003 train; ${MODELS} x ${EPOCHS} epochs${NEWSEXT_UNLABELLED:+; news classes}"
sha256sum model/newsext_ner.bin
