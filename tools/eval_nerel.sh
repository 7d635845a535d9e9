#!/usr/bin/env bash
# Reproduces README's quality table: newsgraph on NEREL dev (or another split), scored with
# `newsgraph eval`. Usage: tools/eval_nerel.sh [SPLIT_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-../shared/data/nerel/dev}
out=${2:-target/eval-$(basename "$split")}
rm -rf "$out"
cargo build --release --quiet
./target/release/newsgraph extract --quiet --format brat,jsonl -o "$out" "$split"
./target/release/newsgraph eval "$split" "$out/brat"
