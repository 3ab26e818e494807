#!/usr/bin/env bash
# make bench: measures Nutshell natively, in Chromium and against its peers,
# and writes bench/RESULTS.md. It reports; it asserts nothing.
#
# Everything it downloads or builds goes to the git-ignored bench/work/:
# the documents (eval texts, never committed), a Python venv with sumy, numpy and
# brotli, an npm folder with compromise, the page built for the bench, and
# the raw JSON lines in bench/work/results/.
#
# Options (environment): BENCH_SKIP_BUILD=1 reuses bench/work/dist;
# PEER_BUDGET=seconds per peer and document (default 120).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
WORK=bench/work
RES=$WORK/results
mkdir -p "$WORK" "$RES"
DOCS=("$WORK/docs/3kb.txt" "$WORK/docs/3kb-paste.txt" "$WORK/docs/30kb.txt" "$WORK/docs/300kb.txt" "$WORK/docs/3mb.txt")
UPTIME_BEFORE=$(uptime | sed 's/.*load average: /load average /')

echo "== documents"
python3 bench/prepare.py "$WORK/docs"

echo "== peers' throwaway environments"
# sumy's LexRank and TextRank need numpy, which sumy does not install; the
# check imports what bench/peers.py runs, so a venv made without it is mended.
if ! "$WORK/venv/bin/python" -c "import brotli, numpy; from sumy.summarizers.lex_rank import LexRankSummarizer" 2>/dev/null; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q "sumy==0.13.0" "brotli==1.2.1" "numpy==2.4.6"
fi
if [ ! -d "$WORK/node/node_modules/compromise" ]; then
  mkdir -p "$WORK/node"
  npm install --prefix "$WORK/node" --no-audit --no-fund --no-save "compromise@14.17.0"
fi

echo "== native engine"
cargo bench --bench engine -- "${DOCS[@]}" | tee "$RES/native.jsonl"

echo "== instructions per summarize (valgrind, immune to the machine's load)"
# Two counted runs of the bench binary, 2 and 12 summaries of a document:
# the difference over 10 is one summarize, without start-up or the
# one-off building of the gazetteer tables.
rm -f "$RES/instructions.jsonl"
if command -v valgrind >/dev/null; then
  BIN=$(cargo bench --bench engine --no-run 2>&1 | grep -o 'target/release/deps/engine-[0-9a-f]*' | head -1)
  # $3: 1 for the whole pipeline, no-facts for the summary alone.
  count() {
    BENCH_RUNS=$1 BENCH_SUMMARIZE_ONLY=$3 valgrind --tool=cachegrind --cache-sim=no \
      --cachegrind-out-file=/dev/null "$BIN" "$2" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,
  }
  for d in 3kb 3kb-paste 30kb; do
    a=$(count 2 "$WORK/docs/$d.txt" 1)
    b=$(count 12 "$WORK/docs/$d.txt" 1)
    c=$(count 2 "$WORK/docs/$d.txt" no-facts)
    e=$(count 12 "$WORK/docs/$d.txt" no-facts)
    echo "{\"doc\":\"$d\",\"instructions\":$(( (b - a) / 10 )),\"summary_instructions\":$(( (e - c) / 10 ))}"
  done | tee "$RES/instructions.jsonl"
else
  echo "valgrind not installed: no instruction counts"
fi

echo "== the page (scripts/trunk.sh build --release into $WORK/dist)"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$WORK/dist/index.html" ]; then
  scripts/trunk.sh build --release --dist "$WORK/dist" >"$WORK/trunk.log" 2>&1 || { tail -30 "$WORK/trunk.log"; exit 1; }
fi
"$WORK/venv/bin/python" bench/sizes.py "$WORK/dist" | tee "$RES/sizes.jsonl"

echo "== in the browser"
node bench/browser.mjs "$WORK/dist" "${DOCS[@]}" 2> >(grep -v "unexpected operator" >&2) | tee "$RES/browser.jsonl"

echo "== peers"
"$WORK/venv/bin/python" bench/peers.py --budget "${PEER_BUDGET:-120}" "${DOCS[@]}" | tee "$RES/sumy.jsonl"
node --max-old-space-size=4096 bench/peers.mjs --budget "${PEER_BUDGET:-120}" "${DOCS[@]}" | tee "$RES/compromise.jsonl"

echo "== Nutshell and LexRank in alternation on the 3 KB documents"
BIN=$(cargo bench --bench engine --no-run 2>&1 | grep -o 'target/release/deps/engine-[0-9a-f]*' | head -1)
for d in 3kb 3kb-paste; do
  "$WORK/venv/bin/python" bench/side_by_side.py "$BIN" "$WORK/docs/$d.txt" --rounds 21
done | tee "$RES/side_by_side.jsonl"

UPTIME_AFTER=$(uptime | sed 's/.*load average: /load average /')
python3 - "$RES/meta.json" "$UPTIME_BEFORE" "$UPTIME_AFTER" <<'PY'
import json, subprocess, sys, datetime
git = lambda *a: subprocess.run(["git", *a], capture_output=True, text=True).stdout.strip()
json.dump({
    "command": "make bench",
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    "commit": git("rev-parse", "--short", "HEAD"),
    "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
    "machine": "2 cores, shared",
    "uptime_before": sys.argv[2],
    "uptime_after": sys.argv[3],
}, open(sys.argv[1], "w"))
PY
python3 bench/report.py "$RES" > bench/RESULTS.md
echo "wrote bench/RESULTS.md"
