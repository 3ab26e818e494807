#!/usr/bin/env python3
"""The whole engine on the dev pastes out of fold: what it does on sites it was not fitted on.

    ~/.cache/nutshell-eval/venv/bin/python scripts/oof_pastes.py [DIR]
    python3 ../shared/eval/score_pastes.py --cli DIR/nutshell
    ~/.cache/nutshell-eval/venv/bin/python scripts/paste_agreement.py --cli DIR/nutshell
    ~/.cache/nutshell-eval/venv/bin/python scripts/paste_agreement.py --cli DIR/nutshell --rich bench/work/rich_pastes.jsonl

The block classifier is fitted on the dev pastes themselves, so every figure
measured on them with the shipped engine is in-sample: a page's own blocks
taught the model what they are. `fit_cleaner.py` prints cross-validated
figures for the classifier alone; this gives them for everything built on
it (the summary's candidates, the opening it joins, the key facts' floor).

1. `fit_cleaner.py --folds DIR` writes, for each of its site folds k, the
   weights of stages 1-2 fitted without fold k and of stages 3-4 (the rich
   paste's markup, fitted on `bench/work/rich_pastes.jsonl`, which
   `scripts/trunk.sh build --release && node bench/rich_pastes.mjs --dump
   bench/work/rich_pastes.jsonl` writes: it must be there) fitted without
   fold k too, each at the shipped setting; and which fold each paste is in.
2. For each fold the CLI is built with those weights (in target/oof, so
   that the usual build is left alone; src/engine/clean/model/weights.rs is
   restored afterwards, whatever happens) and copied to DIR/nutshell-k.
3. DIR/nutshell is a CLI in front of them: `batch` sends each line to the
   binary of its paste's fold (by id; an id of no paste goes to fold 0) and
   writes the answers in the order of the input, so the scorers run it as
   they run the engine. A rule of the engine measured through it is
   measured on sites that fitted none of the probabilities it reads.

DIR defaults to target/oof/folds. The plain pastes and the rich ones (the
same pages, the same ids) run through the same binaries: `paste_agreement.py
--rich` gives the rich path out of fold, junk in its summaries included.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "src" / "engine" / "clean" / "model" / "weights.rs"
TARGET = ROOT / "target" / "oof"

DISPATCH = '''#!/usr/bin/env python3
# Written by scripts/oof_pastes.py: `batch` by fold, in the input's order. Lines
# are split on "\\n" only (as the CLI splits them); blank lines are skipped, as
# the CLI skips them; a line that is no JSON object goes to fold 0, whose CLI
# answers with the error (its line number counts that fold's lines only).
import json, subprocess, sys
from pathlib import Path
HERE = Path(__file__).resolve().parent
FOLDS = json.load(open(HERE / "folds.json"))
args = sys.argv[1:]
if not args or args[0] != "batch":
    sys.exit(subprocess.run([str(HERE / "nutshell-0")] + args).returncode)
lines = sys.stdin.buffer.read().split(b"\\n")
unknown = 0
def fold_of(line):
    global unknown
    if not line.strip():
        return None
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except ValueError:
        return 0
    key = record.get("id") if isinstance(record, dict) else None
    if key not in FOLDS:
        unknown += 1
        return 0
    return FOLDS[key]
fold = [fold_of(l) for l in lines]
if unknown:
    print(f"oof: {unknown} lines of no dev paste's id ran on fold 0 (in-sample for that fold's sites)", file=sys.stderr)
answers = {}
status = 0
for k in sorted({f for f in fold if f is not None}):
    mine = [l for l, f in zip(lines, fold) if f == k]
    p = subprocess.run([str(HERE / f"nutshell-{k}")] + args, input=b"".join(l + b"\\n" for l in mine),
                       capture_output=True)
    sys.stderr.buffer.write(p.stderr)
    status = max(status, p.returncode)
    out = p.stdout.split(b"\\n")
    if len(out) < len(mine) + 1:
        sys.exit(f"oof: fold {k} answered {len(out) - 1} lines of {len(mine)}")
    answers[k] = iter(out)
sys.stdout.buffer.write(b"".join(next(answers[f]) + b"\\n" for f in fold if f is not None))
sys.exit(status)
'''


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET / "folds"
    py = sys.executable
    subprocess.run([py, str(ROOT / "scripts" / "fit_cleaner.py"), "--folds", str(out)], check=True, cwd=ROOT)
    folds = sorted(out.glob("weights_*.rs"))
    shipped = WEIGHTS.read_text()
    env = dict(os.environ, CARGO_TARGET_DIR=str(TARGET))
    try:
        for w in folds:
            k = w.stem.split("_")[1]
            WEIGHTS.write_text(w.read_text())
            subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "nutshell"], check=True, cwd=ROOT, env=env)
            shutil.copy(TARGET / "release" / "nutshell", out / f"nutshell-{k}")
            print(f"built fold {k}", flush=True)
    finally:
        WEIGHTS.write_text(shipped)
    cli = out / "nutshell"
    cli.write_text(DISPATCH)
    cli.chmod(0o755)
    print(f"out-of-fold CLI: {cli}")


if __name__ == "__main__":
    main()
