#!/usr/bin/env bash
# make pgo: remakes pgo/nutshell.profdata, the profile that guides the
# optimiser in native release builds (scripts/rustc-wrapper.sh).
#
# 1. builds the CLI instrumented (-Cprofile-generate) in target/pgo/;
# 2. runs it on training text: the dev articles of writers, summeval, bbc and
#    cnndm_val (not cnndm: the benchmark's article comes from there), both
#    entity sets, the paste fixtures (en, de, fr, es) and the bad-input corpus;
# 3. merges the counts with llvm-profdata (LLVM 19 from apt: it reads the raw
#    profiles of rustc's LLVM; installed when missing).
# The profile holds counts per branch of the program, no text. `make bench`
# runs this first, so that the figures are those of a fresh profile.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
DATA=../shared/eval
WORK=$PWD/target/pgo
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi

for f in writers summeval bbc cnndm_val; do
  [ -f "$DATA/data/$f.dev.jsonl" ] || { echo "pgo: $DATA/data/$f.dev.jsonl is missing" >&2; exit 1; }
done
PROFDATA=$(command -v llvm-profdata-19 || true)
if [ -z "$PROFDATA" ]; then
  echo "== apt: llvm-19 (llvm-profdata)"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends llvm-19
  PROFDATA=llvm-profdata-19
fi

echo "== instrumented build (target/pgo)"
rm -rf "$WORK/raw"
mkdir -p "$WORK/raw"
# (No wrapper: it would add -Cprofile-use to -Cprofile-generate.)
RUSTC_WRAPPER="" RUSTFLAGS="-Cprofile-generate=$WORK/raw" CARGO_TARGET_DIR="$WORK/build" \
  cargo build --release --bin nutshell
BIN=$WORK/build/release/nutshell
# (The build scripts and proc macros, instrumented too, left their own counts.)
rm -f "$WORK"/raw/*

echo "== training runs"
for f in writers summeval bbc cnndm_val; do
  "$BIN" batch < "$DATA/data/$f.dev.jsonl" > /dev/null
done
for f in "$DATA"/facts/*.jsonl; do
  "$BIN" batch < "$f" > /dev/null
done
for f in tests/fixtures/pastes/*.txt tests/bad_input/*.*; do
  "$BIN" summarize --format json "$f" > /dev/null 2>&1 || true
done

echo "== merge into pgo/nutshell.profdata"
mkdir -p pgo
# (--sparse: functions the training never ran carry no profile, so they are
# optimised as without one, not as cold.)
"$PROFDATA" merge --sparse -o pgo/nutshell.profdata "$WORK"/raw/*.profraw
# cargo does not see the profile change: the crate is rebuilt on next build.
touch src/lib.rs
ls -l pgo/nutshell.profdata
