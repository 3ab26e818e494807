#!/usr/bin/env python3
"""Sentence splits of the dev articles, saved and compared split by split.

    compare_splits.py save OUT.json [--cli PATH] [--data DIR]
    compare_splits.py compare BEFORE.json AFTER.json [--show N]

Run it from the project's root. `save` runs `nutshell batch --no-facts` on
every DATA/*.jsonl (default ../shared/eval/data) and keeps each document's
sentence spans. `compare` lines two such files up by document and lists the
bounds that one run has and the other does not: a *removed* bound is a split
the before-run made and the after-run no longer makes (two sentences
joined), an *added* one a new split. Each changed bound is shown with the
text around it, "|" where the before-run (removed) or after-run (added) cut.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path


def save(args):
    out = {}
    for path in sorted(Path(args.data).glob("*.jsonl")):
        run = subprocess.run(
            [args.cli, "batch", "--no-facts"],
            stdin=open(path, "rb"),
            capture_output=True,
            check=True,
        )
        docs = {}
        for line in run.stdout.decode("utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            docs[rec["id"]] = [[s["start"], s["end"], s["text"]] for s in rec["sentences"]]
        out[path.name] = docs
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False))
    n = sum(len(d) for d in out.values())
    print(f"saved {n} documents from {len(out)} files to {args.out}")


def bounds(sentences):
    """Where a sentence ends and the next one starts in the same run of text."""
    return {(a[1], b[0]) for a, b in zip(sentences, sentences[1:])}


def context(sentences, bound, width=70):
    """The text around a bound, rebuilt from the sentences that meet there."""
    end, start = bound
    left = next(s[2] for s in sentences if s[1] == end)
    right = next(s[2] for s in sentences if s[0] == start)
    return f"…{left[-width:]} | {right[:width]}…"


def compare(args):
    before = json.loads(Path(args.before).read_text())
    after = json.loads(Path(args.after).read_text())
    total = {"removed": 0, "added": 0, "docs": 0, "bounds": 0}
    shown = []
    for name in sorted(before):
        n_removed = n_added = n_docs = n_bounds = 0
        for doc_id, old in before[name].items():
            new = after.get(name, {}).get(doc_id, [])
            old_b, new_b = bounds(old), bounds(new)
            n_bounds += len(old_b)
            removed, added = old_b - new_b, new_b - old_b
            if removed or added:
                n_docs += 1
            n_removed += len(removed)
            n_added += len(added)
            for b in sorted(removed):
                shown.append((name, doc_id, "joined", context(old, b)))
            for b in sorted(added):
                shown.append((name, doc_id, "split ", context(new, b)))
        print(
            f"{name:24} {n_bounds:6} bounds before  {n_removed:4} joined  {n_added:4} split  in {n_docs} docs"
        )
        total["removed"] += n_removed
        total["added"] += n_added
        total["docs"] += n_docs
        total["bounds"] += n_bounds
    print(
        f"{'all':24} {total['bounds']:6} bounds before  {total['removed']:4} joined  {total['added']:4} split  in {total['docs']} docs"
    )
    for name, doc_id, kind, text in shown[: args.show] if args.show >= 0 else shown:
        print(f"\n{kind} {name} {doc_id}\n  {text}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("save")
    s.add_argument("out")
    s.add_argument("--cli", default="target/release/nutshell")
    s.add_argument("--data", default="../shared/eval/data")
    c = sub.add_parser("compare")
    c.add_argument("before")
    c.add_argument("after")
    c.add_argument("--show", type=int, default=-1, help="changed bounds to print (-1: all)")
    args = p.parse_args()
    {"save": save, "compare": compare}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
