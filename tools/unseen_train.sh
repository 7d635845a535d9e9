#!/usr/bin/env bash
# Tuning aid: newsgraph on NEREL *train* with the NEREL-derived people left out of the
# gazetteers, so that train behaves like unseen news (dev stays untouched for reporting).
set -euo pipefail
cd "$(dirname "$0")/.."
g=target/gaz-unseen
rm -rf "$g" && mkdir -p "$g" && cp gazetteers/*.tsv "$g/"
grep -v -E 'src=nerel(-mention)?$' gazetteers/people.tsv > "$g/people.tsv"
out=target/eval-train-unseen
rm -rf "$out"
cargo build --release --quiet
./target/release/newsgraph extract --quiet --gazetteers "$g" --format brat -o "$out" ../shared/data/nerel/train
./target/release/newsgraph eval ../shared/data/nerel/train "$out/brat"
