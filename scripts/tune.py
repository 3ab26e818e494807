#!/usr/bin/env python3
"""Tunes the engine's scoring weights on the dev data, reproducibly.

    ~/.cache/nutshell-eval/venv/bin/python scripts/tune.py fit --train cnndm
    ~/.cache/nutshell-eval/venv/bin/python scripts/tune.py score --weights '{"position": 1.2}'

`fit` runs `nutshell batch --features` over the training source(s), labels
each document's sentences with the greedy ROUGE oracle (the sentences that
together maximise ROUGE-1 + ROUGE-2 against the reference, at most 3), fits
an L2-regularised logistic regression on the features, and prints the
weights as JSON (feature names = `Weights` fields in src/engine/score.rs).
`score` runs the CLI with the given weights on every source and prints
ROUGE-1/2/L F1 beside Lead-k, as evaluate.py does, so a change can be
checked on the sources it was not fitted on before it is believed.

Only dev data is used; the held-out halves decide.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer, tokenize
from rouge_score.rouge_scorer import _create_ngrams

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "data"
CLI = ROOT / "target" / "release" / "nutshell"
SOURCES = {"cnndm": 3, "cnndm_val": 3, "writers": 3, "summeval": 3, "bbc": 9}
FEATURES = ["position", "first", "centrality", "forward", "title", "lead", "length", "words",
            "paragraph_start", "question", "bare_quote", "quote", "names", "number"]
LEAD = json.load(open(ROOT.parent / "shared" / "eval" / "baselines.dev.json"))


def read(source):
    return [json.loads(l) for l in open(DATA / f"{source}.dev.jsonl", encoding="utf-8") if l.strip()]


def run_cli(rows, k, weights=None, features=False):
    args = [str(CLI), "batch", "--sentences", str(k)]
    if weights:
        args += ["--weights", json.dumps(weights)]
    if features:
        args.append("--features")
    lines = "".join(json.dumps({"id": r["id"], "text": r["article"]}) + "\n" for r in rows)
    p = subprocess.run(args, input=lines.encode(), capture_output=True, check=False)
    return {o["id"]: o for o in map(json.loads, p.stdout.decode().splitlines()) if o.get("id")}


STEM = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer


def toks(text):
    return STEM.tokenize(text)


def f1(overlap, a, b):
    if not a or not b or not overlap:
        return 0.0
    p, r = overlap / a, overlap / b
    return 2 * p * r / (p + r)


def oracle(sent_toks, ref_toks, k=3):
    """Greedy oracle: indices that maximise ROUGE-1 + ROUGE-2 F1."""
    from collections import Counter
    ref1, ref2 = Counter(ref_toks), Counter(zip(ref_toks, ref_toks[1:]))
    chosen, best = [], 0.0
    while len(chosen) < k:
        cand = None
        for i in range(len(sent_toks)):
            if i in chosen:
                continue
            t = [w for j in sorted(chosen + [i]) for w in sent_toks[j]]
            c1, c2 = Counter(t), Counter(zip(t, t[1:]))
            s = f1(sum((c1 & ref1).values()), len(t), len(ref_toks)) + \
                f1(sum((c2 & ref2).values()), max(len(t) - 1, 0), max(len(ref_toks) - 1, 0))
            if s > best + 1e-9:
                best, cand = s, i
        if cand is None:
            break
        chosen.append(cand)
    return chosen


def dataset(sources):
    X, y, groups = [], [], []
    for source in sources:
        rows = read(source)
        out = run_cli(rows, SOURCES[source], features=True)
        for d, r in enumerate(rows):
            o = out.get(r["id"])
            if not o:
                continue
            feats = o["features"]
            idx = [i for i, f in enumerate(feats) if f]
            if not idx:
                continue
            sent_toks = [toks(o["sentences"][i]["text"]) for i in idx]
            ref = max(r["references"], key=len)
            labels = set(oracle(sent_toks, toks(ref.replace("\n", " ")), SOURCES[source]))
            for j, i in enumerate(idx):
                X.append([feats[i][n] for n in FEATURES])
                y.append(1.0 if j in labels else 0.0)
                groups.append((source, d))
    return np.array(X), np.array(y), groups


def fit_logistic(X, y, l2=1.0, steps=3000, lr=0.5):
    mu, sd = X.mean(0), X.std(0) + 1e-6
    Z = (X - mu) / sd
    w, b = np.zeros(Z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        g = Z.T @ (p - y) / len(y) + l2 * w / len(y)
        w -= lr * g
        b -= lr * (p - y).mean()
    return w / sd  # weights on the raw features (the bias does not change a ranking)


def score(weights, sources):
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    results = {}
    for source in sources:
        rows = read(source)
        out = run_cli(rows, SOURCES[source], weights)
        sums = np.zeros(3)
        for r in rows:
            pred = "\n".join(out.get(r["id"], {}).get("summary", []))
            # Several references: each metric takes its best one, as score.py does.
            best = np.zeros(3)
            for ref in r["references"]:
                s = scorer.score(ref, pred)
                vals = np.array([s["rouge1"].fmeasure, s["rouge2"].fmeasure, s["rougeLsum"].fmeasure])
                best = np.maximum(best, vals)
            sums += best
        results[source] = 100 * sums / len(rows)
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["fit", "score"])
    ap.add_argument("--train", default="cnndm")
    ap.add_argument("--weights", default="{}")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--only", default=",".join(SOURCES))
    a = ap.parse_args()
    if a.mode == "fit":
        X, y, _ = dataset(a.train.split(","))
        w = fit_logistic(X, y, a.l2)
        scale = max(abs(w[FEATURES.index("position")]), 1e-6)
        print(json.dumps({n: round(float(v / scale), 3) for n, v in zip(FEATURES, w)}))
        return
    weights = json.loads(a.weights)
    res = score(weights, a.only.split(","))
    for source, (r1, r2, rl) in res.items():
        k = SOURCES[source]
        lead = LEAD[source]["dev"]["systems"]["lead3" if k == 3 else "leadk"]["rouge"]
        d = [r1 - lead["ROUGE-1"]["f1"], r2 - lead["ROUGE-2"]["f1"], rl - lead["ROUGE-L"]["f1"]]
        print(f"{source:10} {r1:6.2f} {r2:6.2f} {rl:6.2f}   vs Lead-{k}: {d[0]:+5.2f} {d[1]:+5.2f} {d[2]:+5.2f}")


if __name__ == "__main__":
    main()
