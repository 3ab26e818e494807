#!/usr/bin/env bash
# Fuzzes Nutshell's entry points with cargo fuzz (libFuzzer; needs the nightly
# toolchain). `make fuzz` calls it.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Runs each target for SECONDS (default 600), one after another, on one core
# at low priority. Targets (fuzz/fuzz_targets/):
#   summarize  the engine on any text with any Length: no panic, every span on
#              char boundaries inside the text, the same answer twice
#   export     to_plain / to_markdown / to_json on real and scrambled summaries
#   batch      `nutshell batch` on any bytes as standard input: one line out per
#              line in, errors name their line, offsets slice the input exactly
# The corpus grows in fuzz/corpus/TARGET (seeded from tests/bad_input/ and
# fuzz/seeds/); a crash is saved in fuzz/artifacts/TARGET/ and the script
# exits non-zero. Reproduce one with
#   fuzz/target/x86_64-unknown-linux-gnu/release/TARGET fuzz/artifacts/TARGET/crash-...
# and pin it as a regression test in tests/bad_input.rs or tests/cli.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(summarize export batch)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo fuzz --version >/dev/null 2>&1 || cargo install --locked cargo-fuzz --version 0.13.2

# No sanitizer: the engine is safe Rust, and throughput finds more in a
# fixed time; debug assertions and overflow checks stay on.
fuzz=(cargo +nightly fuzz)
CARGO_BUILD_JOBS=1 nice "${fuzz[@]}" build --sanitizer none

bin_dir="fuzz/target/$(rustc -vV | sed -n 's/^host: //p')/release"

status=0
root="$PWD"
for target in "${targets[@]}"; do
  case "$target" in
    summarize | export) seeds="$root/tests/bad_input" ;;
    *) seeds="$root/fuzz/seeds/$target" ;;
  esac
  extra=()
  [ "$target" = batch ] && extra=(-dict="$root/fuzz/batch.dict")
  mkdir -p "$root/fuzz/corpus/$target" "$root/fuzz/artifacts"
  log="$root/fuzz/artifacts/$target.log"
  echo "== fuzzing $target for ${seconds}s (log: $log)"
  mkdir -p "$root/fuzz/artifacts/$target"
  # The binary `cargo fuzz run` would start, run directly: the build above
  # is not redone (and restarted) whenever the engine's sources change.
  if nice "$bin_dir/$target" -artifact_prefix="$root/fuzz/artifacts/$target/" \
      -max_total_time="$seconds" -max_len=4096 -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
      "${extra[@]}" "$root/fuzz/corpus/$target" "$seeds" >"$log" 2>&1; then
    grep -E '^Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb' "$log" | sed "s/^/$target: /"
  else
    status=1
    echo "$target: FOUND A FAILURE (inputs: fuzz/artifacts/$target/)"
    grep -E 'panicked|SUMMARY|Test unit written|ERROR' "$log" | head -5
  fi
done
exit "$status"
