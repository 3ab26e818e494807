#!/usr/bin/env python3
"""Times sumy's LexRank and TextRank on the benchmark documents.

    peers.py [--budget SECONDS] DOC...      (run with the venv that has sumy)

Prints one JSON line per (system, document): median wall time in ms over the
runs made, and how many. A run is the whole job from the text: split into
paragraphs (blank lines) and sentences (one regex, the same for both
systems), build sumy's document model, summarise to 3 sentences.

sumy's own `Tokenizer` loads nltk's punkt models, which would need a
download; `RegexTokenizer` below gives sumy the same interface
(`to_sentences`, `to_words`, `language`) with regular expressions only, so
nothing is fetched. Stemmer (nltk's Snowball) and stop words ship with the
packages.

Both summarizers compare every pair of sentences in pure Python, so time
grows with the square of the sentence count. A document is only run when
the previous, smaller one predicts (quadratically) that one run fits in
`--budget` seconds; otherwise the line says `"skipped"` with the estimate.
Runs: 1 warm-up-free first run, then more until 5 (or 21 for documents
under 10 KB) or the budget is spent.
"""
import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*", re.UNICODE)
PARAGRAPH = re.compile(r"\n\s*\n")


class RegexTokenizer:
    """sumy's tokenizer interface without nltk's downloadable models."""

    language = "english"

    @staticmethod
    def to_sentences(paragraph):
        out = []
        for line in paragraph.split("\n"):
            out.extend(s.strip() for s in SENTENCE_END.split(line) if s.strip())
        return tuple(out)

    @staticmethod
    def to_words(sentence):
        return tuple(WORD.findall(sentence))


def document(text, tokenizer):
    paragraphs = []
    for block in PARAGRAPH.split(text):
        sentences = [Sentence(s, tokenizer) for s in tokenizer.to_sentences(block)]
        if sentences:
            paragraphs.append(Paragraph(sentences))
    return ObjectDocumentModel(paragraphs)


def make(cls):
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


SYSTEMS = {"sumy-lexrank": LexRankSummarizer, "sumy-textrank": TextRankSummarizer}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget", type=float, default=240.0, help="seconds per system and document")
    ap.add_argument("docs", nargs="+")
    args = ap.parse_args()
    tokenizer = RegexTokenizer()
    texts = [(Path(p).stem, Path(p).read_text(encoding="utf-8")) for p in args.docs]
    for system, cls in SYSTEMS.items():
        summarizer = make(cls)
        prev = None  # (n_sentences, seconds per run) of the last document run
        for name, text in texts:
            n_sentences = len(document(text, tokenizer).sentences)
            if prev is not None:
                estimate = prev[1] * (n_sentences / prev[0]) ** 2
                if estimate > args.budget:
                    print(json.dumps({"system": system, "doc": name, "bytes": len(text.encode()),
                                      "sentences": n_sentences, "skipped": True,
                                      "estimate_s": round(estimate, 1)}), flush=True)
                    continue
            wanted = 21 if len(text) < 10_000 else 5
            times = []
            spent = 0.0
            while len(times) < wanted and (len(times) < 1 or spent + times[-1] <= args.budget):
                t0 = time.perf_counter()
                chosen = summarizer(document(text, tokenizer), 3)
                dt = time.perf_counter() - t0
                times.append(dt)
                spent += dt
            assert len(chosen) > 0
            med = statistics.median(times)
            prev = (n_sentences, med)
            print(json.dumps({"system": system, "doc": name, "bytes": len(text.encode()),
                              "sentences": n_sentences, "runs": len(times),
                              "ms": round(med * 1e3, 3), "min_ms": round(min(times) * 1e3, 3)}),
                  flush=True)


if __name__ == "__main__":
    sys.exit(main())
