#!/usr/bin/env bash
# Runs every test layer; `make test` calls it after scripts/setup.sh.
#   1. native: cargo fmt --check, clippy -D warnings, cargo test (engine, CLI, property tests)
#   2. components: wasm-bindgen-test in headless Chromium
#   3. end to end: scripts/trunk.sh build --release, then Playwright against dist/ in Debian's Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "format and lint"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "1/3 native tests"
cargo test

step "2/3 component tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test components

step "3/3 end to end (Playwright, Debian Chromium, against dist/)"
scripts/trunk.sh build --release
npx playwright test
