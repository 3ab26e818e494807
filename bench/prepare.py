#!/usr/bin/env python3
"""Writes the benchmark documents into bench/work/docs/ (git-ignored).

    prepare.py OUT_DIR

Four documents of real article text from ../shared/eval/data/*.jsonl:
  3kb    one typical news article (the cnndm article closest to 3,000 bytes)
  3kb-paste  the same article as a person pastes it from a news page: in
         paragraphs of two sentences, with typographic quotes, apostrophes
         and dashes, among the page's furniture (menu, byline, share
         buttons, a caption, "Read more", a newsletter appeal, a cookie
         notice; fixed lines written here)
  30kb   whole articles concatenated until about 30,000 bytes
  300kb  the same, about 300,000 bytes
  3mb    the same, about 3,000,000 bytes
Articles are separated by a blank line (paragraph break), taken in a fixed
order (cnndm, cnndm_val, writers, summeval, bbc, then round again), so the
documents are the same on every run. The eval texts are licensed for
evaluation only: they stay in bench/work/ and are never committed.
"""
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "data"
SOURCES = ["cnndm", "cnndm_val", "writers", "summeval", "bbc"]
SIZES = [("30kb", 30_000), ("300kb", 300_000), ("3mb", 3_000_000)]


def articles(source):
    with open(DATA / f"{source}.dev.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["article"] for line in f if line.strip()]


TOP = ["Skip to main content", "Home", "News", "World", "Business", "Sport", "Menu", ""]
BYLINE = ["By Staff Reporter, CNN", "Updated 14:32 GMT, 18 April 2015", "", "Share", "Facebook", "Twitter", "Email", ""]
CAPTION = "The cast at the season launch in Los Angeles. Photo: Press Association"
READ_MORE = "Read more: The week’s best television, in pictures"
APPEAL = ("Sign up for our morning briefing newsletter and get the day’s top stories in your inbox.\n\n"
          "Enter your email address\nSubscribe")
BOTTOM = ["Related", "Ten shows to watch this spring", "Why box sets are back", "",
          "We use cookies to improve your experience on our site. By continuing you accept our privacy policy.",
          "Accept all"]


def as_pasted(article):
    """`article` (one line of plain ASCII text) as it comes from a news page."""
    text = article.replace("'", "\u2019")
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)
    text = text.replace(" -- ", " \u2014 ").replace(" - ", " \u2013 ")
    sentences = re.split(r"(?<=[.!?\u201d]) (?=[A-Z\u201c(])", text)
    paragraphs = [" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)]
    middle = len(paragraphs) // 2
    body = paragraphs[:2] + [CAPTION] + paragraphs[2:middle] + [READ_MORE, APPEAL] + paragraphs[middle:]
    return "\n".join(TOP) + "\n" + "\n".join(BYLINE) + "\n" + "\n\n".join(body) + "\n\n" + "\n".join(BOTTOM) + "\n"


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    by_source = {s: articles(s) for s in SOURCES}
    # A typical article: the cnndm one whose size is closest to 3,000 bytes.
    typical = min(by_source["cnndm"], key=lambda a: abs(len(a.encode()) - 3000))
    (out / "3kb.txt").write_text(typical, encoding="utf-8")
    (out / "3kb-paste.txt").write_text(as_pasted(typical), encoding="utf-8")
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
    for name in ["3kb", "3kb-paste"] + [n for n, _ in SIZES]:
        p = out / f"{name}.txt"
        print(f"{name}\t{p.stat().st_size}\t{p}")


if __name__ == "__main__":
    main()
