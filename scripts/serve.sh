#!/usr/bin/env bash
# Serves the flushq playground on http://127.0.0.1:${PORT:-8080}/ after installing
# what it needs (the wasm target, wasm-bindgen-cli, Trunk, wasm-opt) if absent.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh
ensure_web_tools
build_web
port="${PORT:-8080}"
say "flushq playground: http://127.0.0.1:$port/   (Ctrl-C stops it)"
exec python3 scripts/serve.py "$port"
