#!/usr/bin/env python3
"""Fits the table of the `news_words` feature (`src/engine/score/news_words.txt`)
on TRAIN only, reproducibly.

    ~/.cache/nutshell-eval/venv/bin/python scripts/fit_news_words.py            # write the table
    ~/.cache/nutshell-eval/venv/bin/python scripts/fit_news_words.py --check    # is it up to date?
    ~/.cache/nutshell-eval/venv/bin/python scripts/fit_news_words.py --folds DIR

Data: the 582 stories of `../shared/eval/train/cnndm_train.jsonl`, their
page furniture cut as `tune.py` cuts it, and nothing else. Each story's
candidate sentences (the engine's, from `nutshell batch --features`) are
labelled with `tune.py`'s greedy ROUGE oracle against the highlights, as
the scoring weights are.

The table: for every word (lower case) found in at least MIN_SHARE of
TRAIN's candidate sentences, the log-odds that a sentence holding it is an
oracle sentence, less the log-odds of any sentence being one, shrunk
towards 0 by PRIOR pseudo-sentences at the base rate, in tenths (an
integer); words whose value rounds to within PRUNE of 0 are left out. What
it learns is the register of news leads: days, counts, "killed",
"charged", "officials" over "I", "you", "think", "really".

With --folds DIR it also writes DIR/fold{k}.txt, the table fitted without
`tune.py`'s fold k of TRAIN (story i is in fold i % 5), for `tune.py
--news-words DIR`: so that TRAIN's own feature values, fitted on and
scored out of fold, never read a table that saw the story's highlights.

The three constants were set for the table's size before the engine was
measured with it (MIN_SHARE and PRUNE keep it to about 150 words, about a
kilobyte of page; PRIOR is a conventional light shrinkage; a Python
prototype had scored a few sizes on every source first, with no clear
trend); whether the feature is used at all is chosen by `tune.py choose`
with --news-words (score.rs, `Weights::default`).
"""
import argparse
import collections
import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tune  # noqa: E402

OUT = tune.ROOT / "src" / "engine" / "score" / "news_words.txt"
# (A share, not a count, so that a fold's table, fitted on four fifths of
# TRAIN, holds about as many words as the whole one.)
MIN_SHARE = 0.01
PRIOR = 5.0
PRUNE = 0.15
# Words as the engine's segmentation finds them, near enough: letters and
# digits, with an apostrophe inside ("don't"); lower case.
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def words_of(sentence):
    return set(WORD.findall(sentence.lower()))


def labelled_sentences():
    """TRAIN's candidate sentences as (story index, word set, oracle label)."""
    rows = tune.rows_of("train")
    out = tune.run_cli(rows, 3, features=True)
    labelled = []
    for d, r in enumerate(rows):
        o = out[r["id"]]
        texts = [o["sentences"][i]["text"] for i, f in enumerate(o["features"]) if f]
        if len(texts) < 2:
            continue
        ref = list(tune.toks(r["references"][0].replace("\n", " ")))
        chosen = set(tune.oracle([tune.toks(t) for t in texts], ref))
        labelled += [(d, words_of(t), j in chosen) for j, t in enumerate(texts)]
    return labelled


def table(labelled):
    """Word -> value in tenths, from (story, words, label) triples."""
    seen, in_oracle = collections.Counter(), collections.Counter()
    n = n_oracle = 0
    for _, words, label in labelled:
        seen.update(words)
        n += 1
        if label:
            in_oracle.update(words)
            n_oracle += 1
    base = n_oracle / n
    logit = lambda p: math.log(p / (1 - p))  # noqa: E731
    values = {}
    for w, k in seen.items():
        if k < MIN_SHARE * n:
            continue
        p = (in_oracle[w] + PRIOR * base) / (k + PRIOR)
        v = round(10 * (logit(p) - logit(base)))
        if abs(v) > 10 * PRUNE:
            values[w] = v
    return values


def text_of(values):
    return "".join(f"{w}\t{values[w]}\n" for w in sorted(values, key=lambda w: w.encode()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--folds", default="")
    a = ap.parse_args()
    labelled = labelled_sentences()
    text = text_of(table(labelled))
    if a.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("news_words.txt is up to date" if same else "news_words.txt differs from its fit")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10))} words, {len(text.encode())} bytes")
    if a.folds:
        folds = Path(a.folds)
        folds.mkdir(parents=True, exist_ok=True)
        for k in range(tune.FOLDS):
            rest = [x for x in labelled if tune.fold_of(x[0]) != k]
            (folds / f"fold{k}.txt").write_text(text_of(table(rest)), encoding="utf-8")
        print(f"{folds}/fold0..{tune.FOLDS - 1}.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
