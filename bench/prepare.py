#!/usr/bin/env python3
"""Writes the benchmark documents into bench/work/docs/ (git-ignored).

    prepare.py OUT_DIR

Four documents of real article text from ../shared/eval/data/*.jsonl:
  3kb    one typical news article (the cnndm article closest to 3,000 bytes)
  30kb   whole articles concatenated until about 30,000 bytes
  300kb  the same, about 300,000 bytes
  3mb    the same, about 3,000,000 bytes
Articles are separated by a blank line (paragraph break), taken in a fixed
order (cnndm, cnndm_val, writers, summeval, bbc, then round again), so the
documents are the same on every run. The eval texts are licensed for
evaluation only: they stay in bench/work/ and are never committed.
"""
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "data"
SOURCES = ["cnndm", "cnndm_val", "writers", "summeval", "bbc"]
SIZES = [("30kb", 30_000), ("300kb", 300_000), ("3mb", 3_000_000)]


def articles(source):
    with open(DATA / f"{source}.dev.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["article"] for line in f if line.strip()]


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    by_source = {s: articles(s) for s in SOURCES}
    # A typical article: the cnndm one whose size is closest to 3,000 bytes.
    typical = min(by_source["cnndm"], key=lambda a: abs(len(a.encode()) - 3000))
    (out / "3kb.txt").write_text(typical, encoding="utf-8")
    # Interleave the sources so every large document mixes them.
    pool = []
    longest = max(len(v) for v in by_source.values())
    for i in range(longest):
        for s in SOURCES:
            if i < len(by_source[s]):
                pool.append(by_source[s][i])
    for name, target in SIZES:
        parts, size, i = [], 0, 0
        while size < target:
            a = pool[i % len(pool)]
            parts.append(a)
            size += len(a.encode()) + 2
            i += 1
        (out / f"{name}.txt").write_text("\n\n".join(parts), encoding="utf-8")
    for name in ["3kb"] + [n for n, _ in SIZES]:
        p = out / f"{name}.txt"
        print(f"{name}\t{p.stat().st_size}\t{p}")


if __name__ == "__main__":
    main()
