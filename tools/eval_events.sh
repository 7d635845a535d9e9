#!/usr/bin/env bash
# Scores the meeting extractor on the hand-written gold sets: tools/eval_events.sh [dev|holdout]
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=${1:-dev}
cargo build --release --quiet
out=target/events-$set_name.jsonl
./target/release/newsgraph extract --quiet "tests/data/events_$set_name.jsonl" > "$out" || true
./target/release/newsgraph eval-events "tests/data/events_$set_name.jsonl" "$out"
