# Sourced by serve.sh and test.sh: installs what the web build and the browser
# test need, checking first so reruns are quick. Every tool comes from crates.io,
# npm or Debian.

say() { printf '\n==> %s\n' "$*"; }

# The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

ensure_web_tools() {
  export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    say "adding the wasm32-unknown-unknown target (about 30 seconds)"
    rustup target add wasm32-unknown-unknown
  fi
  local wbg
  wbg="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
    say "installing wasm-bindgen-cli $wbg from crates.io (first time: about 3 minutes)"
    # Not --locked: one of its locked dependencies is missing from the registry here.
    cargo install wasm-bindgen-cli --version "$wbg"
  fi
  if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.14$'; then
    say "installing trunk 0.21.14 from crates.io (first time: about 6 minutes)"
    cargo install --locked trunk --version 0.21.14
  fi
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ]; then
    say "installing wasm-opt (npm binaryen) and playwright-core (about 10 seconds)"
    npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    say "installing Debian's chromium and CJK fonts for the browser test (about 1 minute)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  fi
}

build_web() {
  say "building the playground: trunk build --release --offline (first time: about 2 minutes)"
  trunk build --release --offline
}
