#!/usr/bin/env bash
# Are the engine's outputs byte-identical to a saved run? The check every
# refactoring step runs (issue: one way to do each thing).
#
#   scripts/identical.sh save [DIR]    run the CLI on all the dev data, keep the outputs in DIR
#   scripts/identical.sh check [DIR]   run it again and compare, file by file (exit 1 on a difference)
#
# DIR defaults to target/identical. The runs cover every dev set: the news
# summaries at 3 and 9 sentences and at 20% and 60 words, the entity sets (key
# facts), the pasted pages, the training sets, and every bad-input file
# through `summarize --format json` (which also renders text and Markdown).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
dir=${2:-target/identical}
shared=../shared/eval
cli=target/release/nutshell

cargo build --release --quiet --bin nutshell

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run_batch() { # name input args...
  local name=$1 input=$2
  shift 2
  "$cli" batch "$@" <"$input" >"$out/$name.jsonl" || true
}

for f in "$shared"/data/*.jsonl "$shared"/train/*.jsonl; do
  base=$(basename "$f" .jsonl)
  run_batch "$base.n3" "$f" --sentences 3
  run_batch "$base.n9" "$f" --sentences 9 --no-facts
done
for f in "$shared"/data/cnndm.dev.jsonl "$shared"/data/summeval.dev.jsonl; do
  base=$(basename "$f" .jsonl)
  run_batch "$base.p20" "$f" --percent 20 --no-facts
  run_batch "$base.w60" "$f" --words 60 --no-facts
done
for f in "$shared"/facts/*.jsonl "$shared"/facts/train/*.jsonl "$shared"/pastes/*.jsonl; do
  run_batch "$(basename "$f" .jsonl)" "$f"
done
for f in tests/bad_input/*; do
  case "$f" in *.md | *.rs) [ "$(basename "$f")" = markdown.md ] || continue ;; esac
  name=bad.$(basename "$f")
  for format in json text markdown; do
    "$cli" summarize --format "$format" "$f" >"$out/$name.$format" 2>&1 || true
  done
done

case "$mode" in
save)
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$out"/* "$dir"/
  echo "saved $(ls "$dir" | wc -l) outputs in $dir"
  ;;
check)
  [ -d "$dir" ] || { echo "no saved run in $dir: run '$0 save' first" >&2; exit 2; }
  diffs=0
  for f in "$dir"/*; do
    name=$(basename "$f")
    if ! cmp -s "$f" "$out/$name"; then
      echo "DIFFERENT: $name"
      diffs=$((diffs + 1))
    fi
  done
  n=$(ls "$dir" | wc -l)
  if [ "$diffs" -ne 0 ]; then
    echo "$diffs of $n outputs differ from $dir" >&2
    exit 1
  fi
  echo "all $n outputs byte-identical to $dir"
  ;;
*)
  echo "usage: $0 save|check [DIR]" >&2
  exit 2
  ;;
esac
