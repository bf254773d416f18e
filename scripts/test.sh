#!/usr/bin/env bash
# The whole test suite: formatting, lints, the no_std build, and every test.
# Installs what it needs first (checking before installing, so reruns are quick).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh
step() { say "$@"; }

step "toolchain: rustfmt, clippy and the thumbv7em-none-eabihf target (first time: about 1 minute)"
command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
rustup target list --installed | grep -q '^thumbv7em-none-eabihf$' || rustup target add thumbv7em-none-eabihf

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy on the static renderer (feature render)"
cargo clippy -p flushq-web --features render --all-targets -- -D warnings

step "core builds for thumbv7em-none-eabihf (a real no_std target), with and without serde"
cargo build -p flushq-core --target thumbv7em-none-eabihf
cargo build -p flushq-core --target thumbv7em-none-eabihf --features serde

step "the playground does not enable the core's serde feature"
if cargo tree -p flushq-web -e features -i flushq-core | grep -q 'flushq-core feature "serde"'; then
  echo "flushq-web enables flushq-core's serde feature; keep serde out of the bundle" >&2
  exit 1
fi

step "cargo test (unit, rules, properties, trace and view snapshots, CLI)"
CI=true cargo test --workspace

step "static render of a step, for documentation hosts that block iframes"
cargo run -q -p flushq-web --features render --bin flushq-render -- preset:per-transport-download --step 20 > target/step20.svg
grep -q '^<svg' target/step20.svg && grep -q 'arrow fallback' target/step20.svg
cargo run -q -p flushq-web --features render --bin flushq-render -- preset:link-down --step 11 --format html > target/step11.html
grep -q 'STATUS_FAILURE' target/step11.html && grep -q 'returns S_OK from IXPLogon::FlushQueues' target/step11.html
cargo run -q -p flushq-web --features render --bin flushq-render -- preset:link-down --step 11 --format html --lang zh > target/step11.zh.html
grep -q '<html lang="zh-CN">' target/step11.zh.html && grep -q '一个传输提供程序链路断开' target/step11.zh.html
echo "rendered target/step20.svg, target/step11.html and target/step11.zh.html"

ensure_web_tools
ensure_chromium
build_web
wasm=$(ls dist/*.wasm)
raw=$(stat -c%s "$wasm")
gz=$(gzip -9c "$wasm" | wc -c)
budget=300000  # the playground is 241 KB of it, the tutorial and Chinese the rest (BENCHMARKS.md)
printf 'bundle: %s bytes raw, %s bytes gzip (budget %s)\n' "$raw" "$gz" "$budget"
if [ "$gz" -gt "$budget" ]; then
  echo "the wasm bundle is over its budget of $budget bytes gzip (see BENCHMARKS.md)" >&2
  exit 1
fi

step "browser end-to-end test (headless Chromium, playwright-core)"
node tests/e2e/e2e.mjs dist
