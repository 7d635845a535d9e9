#!/usr/bin/env bash
# Quick gate before a commit: formatting and lints (CI runs the tests too).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --release --all-targets --quiet -- -D warnings
