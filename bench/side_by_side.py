#!/usr/bin/env python3
"""Nutshell and sumy's LexRank on one document, timed in alternation.

    side_by_side.py BENCH_BINARY DOC [--rounds N]     (run with the venv that has sumy)

The wall times of this shared machine change by about 1.7x from one stretch
of seconds to the next, and `make bench` times each system in its own block
of minutes, so its ratios carry that swing. Here each round times both
within about a second: the native bench binary (`benches/engine.rs`, 101
runs: medians of the whole pipeline and of the summary alone), then
LexRank in this process (`peers.py`'s setup: regex sentences, sumy's
document model, 3 sentences; 7 runs, median). Each round gives its own
ratios; the line printed is the median over the rounds, with every round
listed.

Both run on one core (this process is pinned to the lowest core it may use,
and the bench binary inherits that): left to the scheduler, the binary, a
new process, often ran on the other core while LexRank ran on this one,
and the two cores of this machine are not always equally fast (in one run
Nutshell was slow in all 21 rounds while LexRank changed speed).
"""
import argparse
import json
import os
import statistics
import subprocess
import time
from pathlib import Path

from peers import RegexTokenizer, document, make
from sumy.summarizers.lex_rank import LexRankSummarizer


def nutshell(binary, doc):
    env = dict(os.environ, BENCH_RUNS="101")
    out = subprocess.run([binary, doc], env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def lexrank(summarizer, tokenizer, text, runs=7):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        chosen = summarizer(document(text, tokenizer), 3)
        times.append(time.perf_counter() - t0)
    assert len(chosen) > 0
    return statistics.median(times) * 1e3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("doc")
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    cpu = None
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
    text = Path(args.doc).read_text(encoding="utf-8")
    tokenizer = RegexTokenizer()
    summarizer = make(LexRankSummarizer)
    lexrank(summarizer, tokenizer, text, runs=2)  # warm-up
    rounds = []
    for _ in range(args.rounds):
        n = nutshell(args.binary, args.doc)
        lex_ms = lexrank(summarizer, tokenizer, text)
        rounds.append({
            "summarize_ms": n["total_ms"],
            "summary_ms": n["summary_ms"],
            "lexrank_ms": round(lex_ms, 3),
            "ratio": round(lex_ms / n["total_ms"], 1),
            "ratio_summary": round(lex_ms / n["summary_ms"], 1),
        })
    med = lambda k: statistics.median(r[k] for r in rounds)
    print(json.dumps({
        "doc": Path(args.doc).stem,
        "rounds": len(rounds),
        "cpu": cpu,
        "summarize_ms": med("summarize_ms"),
        "summary_ms": med("summary_ms"),
        "lexrank_ms": med("lexrank_ms"),
        "ratio": med("ratio"),
        "ratio_summary": med("ratio_summary"),
        "all": rounds,
    }))


if __name__ == "__main__":
    main()
