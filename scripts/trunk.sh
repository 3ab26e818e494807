#!/usr/bin/env bash
# Runs trunk (`scripts/trunk.sh build --release`, `... serve ...`) so that the
# page does not depend on where cargo keeps its crates. Panic locations put
# each dependency's source path into the wasm, and cargo gives those paths
# from its home ("/root/.cargo/registry/src/index.crates.io-…/yew-0.23.0/…"):
# the page would carry the builder's home directory, and its size would
# change with it. --remap-path-prefix writes them from the crate's own
# folder ("yew-0.23.0/src/…"): 155 bytes less gzipped, the same on every
# machine. The flags go to the wasm build only (trunk passes --target);
# flags of the caller's own (CARGO_ENCODED_RUSTFLAGS or RUSTFLAGS) are kept,
# but cargo then reads no rustflags from its config files (this repository
# sets none there). tests/e2e/quality.spec.mjs checks the built page.
set -euo pipefail

src="${CARGO_HOME:-$HOME/.cargo}/registry/src"
flags=()
if [ -n "${CARGO_ENCODED_RUSTFLAGS:-}" ]; then
  IFS=$'\x1f' read -r -a flags <<<"$CARGO_ENCODED_RUSTFLAGS"
elif [ -n "${RUSTFLAGS:-}" ]; then
  read -r -a flags <<<"$RUSTFLAGS"
fi
# (When several prefixes match, rustc applies the last: each registry's own
# folder, when it exists, wins over the folder of all registries.)
flags+=("--remap-path-prefix=$src/=")
for registry in "$src"/*/; do
  [ -d "$registry" ] && flags+=("--remap-path-prefix=$registry=")
done
CARGO_ENCODED_RUSTFLAGS="$(IFS=$'\x1f'; printf '%s' "${flags[*]}")"
export CARGO_ENCODED_RUSTFLAGS
unset RUSTFLAGS
exec trunk "$@"
