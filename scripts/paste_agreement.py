#!/usr/bin/env python3
"""Does a pasted page get the summary its article would get alone?

    ~/.cache/nutshell-eval/venv/bin/python scripts/paste_agreement.py [--cli PATH] [--rich DUMP]

For each dev paste (../shared/eval/pastes/pastes.dev.jsonl) it runs
`nutshell batch --sentences 3` twice: on the whole paste ("text", junk
included) and on the gold article alone ("gold_body"). A paste's summary
should be the article's: junk chosen, or article sentences the cleaning
left doubtful, make them differ. Printed, over the pages:

- same sentences: the share of the article's summary sentences that the
  paste's summary holds too (whitespace-normalised);
- ROUGE-1/2 F1 of the paste's summary against the article's;
- lead: on how many pages each summary holds the article's first sentence.

With --rich DUMP (the file `node bench/rich_pastes.mjs --dump DUMP` writes: each
page's text and its lines' markup hints as the built page kept them after a
real copy and paste), the paste's summary is that of the rich paste instead,
and the junk in it is counted as `bench/rich_pastes.mjs` counts it (a sentence
under 60% of whose word pairs occur in the gold article): with `--cli` of
`scripts/oof_pastes.py`, the rich path's junk out of fold, which the page's
own figure (in-sample) is not.

score_pastes.py counts junk in the summary; this counts what the junk and
the doubt cost: the article's own sentences that the paste's summary lost.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

from rouge_score import rouge_scorer

ROOT = Path(__file__).resolve().parent.parent
PASTES = ROOT.parent / "shared" / "eval" / "pastes" / "pastes.dev.jsonl"


def run(cli, records):
    lines = "".join(json.dumps(r) + "\n" for r in records)
    out = subprocess.run([cli, "batch", "--sentences", "3"], input=lines.encode(),
                         capture_output=True, check=True).stdout.decode()
    return {o["id"]: o for o in map(json.loads, out.splitlines())}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=str(ROOT / "target" / "release" / "nutshell"))
    ap.add_argument("--rich", help="the texts and hints of bench/rich_pastes.mjs --dump")
    a = ap.parse_args()
    rows = [json.loads(line) for line in open(PASTES, encoding="utf-8") if line.strip()]
    if a.rich:
        # (The rich paste's labels: one definition, fit_cleaner's.)
        sys.path.insert(0, str(ROOT / "scripts"))
        from fit_cleaner import reads_as_gold, word_pairs
        pasted = [json.loads(line) for line in open(a.rich, encoding="utf-8") if line.strip()]
        pasted = [{"id": d["id"], "text": d["text"], "hints": d["hints"]} for d in pasted]
        ids = {d["id"] for d in pasted}
        rows = [r for r in rows if r["id"] in ids]
    else:
        pasted = [{"id": r["id"], "text": r["text"]} for r in rows]
    paste = run(a.cli, pasted)
    article = run(a.cli, [{"id": r["id"], "text": r["gold_body"]} for r in rows])
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    norm = lambda s: " ".join(s.split())  # noqa: E731
    n = same = r1 = r2 = lead_paste = lead_article = 0
    # The rich paste's junk in summary (as rich_pastes.mjs counts it: a sentence
    # of one word, which has no pair in the gold text, is junk).
    n_sentences = n_junk = pages_junk = first_junk = n_pages = 0
    for r in rows:
        p, c = paste[r["id"]], article[r["id"]]
        if a.rich and p["summary"]:
            gold = set(word_pairs(r["gold_body"]))
            junk = [not reads_as_gold(word_pairs(t), gold) for t in p["summary"]]
            n_pages += 1
            n_sentences += len(junk)
            n_junk += sum(junk)
            pages_junk += any(junk)
            first_junk += junk[0]
        if not c["summary"]:
            continue
        n += 1
        ps, cs = {norm(s) for s in p["summary"]}, {norm(s) for s in c["summary"]}
        same += len(ps & cs) / len(cs)
        first = norm(c["sentences"][0]["text"])
        lead_paste += first in ps
        lead_article += first in cs
        s = scorer.score("\n".join(c["summary"]), "\n".join(p["summary"]))
        r1 += s["rouge1"].fmeasure
        r2 += s["rouge2"].fmeasure
    print(f"pages {n}: same sentences {100 * same / n:.1f}%, ROUGE-1 {100 * r1 / n:.1f}, "
          f"ROUGE-2 {100 * r2 / n:.1f} against the article's summary; article's first sentence "
          f"in the paste's summary on {lead_paste} pages, in the article's on {lead_article}")
    if a.rich:
        print(f"rich pastes: junk in summary {100 * n_junk / max(n_sentences, 1):.1f}% of {n_sentences} sentences, "
              f"pages with junk {pages_junk}/{n_pages}, first sentence junk {100 * first_junk / max(n_pages, 1):.1f}% "
              f"(bench/rich_pastes.mjs's criterion)")


if __name__ == "__main__":
    main()
