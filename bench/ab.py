#!/usr/bin/env python3
"""Two builds of the native bench binary on one document, timed in alternation.

    ab.py BASE_BINARY NEW_BINARY DOC [--rounds N] [--runs R]

Build each binary with `cargo bench --bench engine --no-run` (from a git
worktree of the base commit, with its own CARGO_TARGET_DIR). Each round runs
both (`benches/engine.rs`, R runs each, the order swapped every round) within
a fraction of a second, so a slow stretch of this shared machine falls on both
alike; the line printed is the median over the rounds of base ms / new ms,
for the whole pipeline and for the summary alone, with the range of the
rounds. Two copies of one binary gave 0.99 and 1.02 at 201 rounds: differences
of more than a few percent are measurable, which timings minutes apart
are not.
It reports; it asserts nothing.
"""
import argparse
import json
import os
import statistics
import subprocess


def run(binary, doc, runs):
    env = dict(os.environ, BENCH_RUNS=str(runs))
    out = subprocess.run([binary, doc], env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("doc")
    ap.add_argument("--rounds", type=int, default=201)
    ap.add_argument("--runs", type=int, default=101)
    args = ap.parse_args()
    # Both binaries on one core (see side_by_side.py: this machine's two
    # cores are not always equally fast).
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    whole, summary, base_ms, new_ms = [], [], [], []
    for r in range(args.rounds):
        order = [("base", args.base), ("new", args.new)]
        if r % 2:
            order.reverse()
        res = {name: run(binary, args.doc, args.runs) for name, binary in order}
        whole.append(res["base"]["total_ms"] / res["new"]["total_ms"])
        summary.append(res["base"]["summary_ms"] / res["new"]["summary_ms"])
        base_ms.append(res["base"]["total_ms"])
        new_ms.append(res["new"]["total_ms"])
    print(json.dumps({
        "doc": os.path.basename(args.doc),
        "rounds": args.rounds,
        "runs": args.runs,
        "base_ms": statistics.median(base_ms),
        "new_ms": statistics.median(new_ms),
        "speedup": round(statistics.median(whole), 3),
        "speedup_range": [round(min(whole), 3), round(max(whole), 3)],
        "speedup_summary_alone": round(statistics.median(summary), 3),
    }))


if __name__ == "__main__":
    main()
