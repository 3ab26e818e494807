#!/usr/bin/env bash
# Installs what Nutshell's build and tests need, only what is missing.
# Idempotent: a warm run checks versions and returns in seconds.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Chromium + npm test packages)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the crate version in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi

step() { printf '\n== %s\n' "$*"; }

# A C compiler: Rust's linker driver, and mimalloc (the native binaries' allocator) is C.
if ! command -v cc >/dev/null; then
  step "apt: gcc libc6-dev"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends gcc libc6-dev
fi

# The pinned toolchain (rust-toolchain.toml) with its clippy, rustfmt and the browser target.
# (rustup installs them on first use too; here the step is named, and older rustups are covered.)
TOOLCHAIN=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  step "rustup: toolchain $TOOLCHAIN, clippy, rustfmt, wasm32-unknown-unknown"
  rustup toolchain install "$TOOLCHAIN" --profile minimal -c clippy -c rustfmt -t wasm32-unknown-unknown
  rustup target add wasm32-unknown-unknown
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  step "apt: chromium chromium-driver"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium chromium-driver
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/@playwright/test ] || [ ! -x node_modules/.bin/esbuild ]; then
  step "npm ci (binaryen's wasm-opt, esbuild, playwright-core, axe-core)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

if ! (wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"); then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes cold)"
  # Not --locked: its lockfile wants a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! (trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"); then
  step "cargo install trunk $TRUNK_VERSION (about 15 minutes cold)"
  # trunk 0.22 needs a newer rustc than the stable toolchain here.
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
fi
