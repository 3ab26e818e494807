#!/bin/sh
# cargo's rustc wrapper (.cargo/config.toml): adds profile-guided optimisation
# to optimised native builds of the nutshell crate, from the committed profile
# pgo/nutshell.profdata (made by scripts/pgo.sh from the dev data's articles;
# bench/ANALYSIS.md, "Tenth round"). Every other build (dependencies, tests at
# opt-level 1, the wasm page) is passed through unchanged. The profile only
# steers the optimiser (which branches are hot, what to inline): the program
# is the same, and a stale profile only leaves the changed functions
# unguided.
rustc=$1
shift
profile="$(cd "$(dirname "$0")/.." && pwd)/pgo/nutshell.profdata"
case " $* " in
  *" --target wasm32"* | *" --target=wasm32"*) ;;
  *" --crate-name nutshell "*"opt-level=3"*)
    if [ -f "$profile" ]; then
      # (A function changed since the profile was made is optimised without
      # it; LLVM's warning for each is not repeated here: make pgo, which
      # make bench runs first, remakes the profile.)
      exec "$rustc" "$@" "-Cprofile-use=$profile" -Cllvm-args=-no-pgo-warn-mismatch
    fi
    ;;
esac
exec "$rustc" "$@"
