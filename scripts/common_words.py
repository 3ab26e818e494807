#!/usr/bin/env python3
"""Prints the words of English news by how many articles use them, most first.

    common_words.py > words.txt        (scripts/common_stems.sh runs it)

The words are runs of the letters a-z in lower-cased article text, counted
once per article, from the dev halves of four of the eval sets
(../shared/eval/data: bbc, cnndm_val, summeval, writers). Not cnndm: the
benchmark's 3 KB article is one of its. Ties are broken by the word, so the
list is the same on every run.
"""
import collections
import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "data"
SOURCES = ["bbc", "cnndm_val", "summeval", "writers"]

counts = collections.Counter()
for source in SOURCES:
    with open(DATA / f"{source}.dev.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                counts.update(set(re.findall(r"[a-z]+", json.loads(line)["article"].lower())))
for word, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    print(word)
