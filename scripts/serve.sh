#!/usr/bin/env bash
# Runs flushq's main job. Until the browser playground lands this runs the CLI on
# the seed's first procedure and prints its trace.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "==> building the flushq CLI (first time: about 1 minute)"
cargo build --release -p flushq-cli
./target/release/flushq run preset:spooler-upload
