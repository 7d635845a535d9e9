#!/usr/bin/env bash
# A profile-guided (PGO) release build of newsgraph: about 5–8% faster than `cargo build
# --release` on news it was not trained on (README, "Speed and memory"), same output byte for byte.
#
#   tools/pgo-build.sh [--train-docs N]
#
# Steps: build an instrumented binary (target/pgo-gen), run it on training text, merge the
# profile with llvm-profdata, build again with the profile (target/pgo). The normal target/release
# is not touched. Prints the path of the final binary on the last line of standard output.
#
# Training text: the NEREL dev split when ../shared/data/nerel is there (shuffled and repeated to
# --train-docs documents, default 300, by tools/make_corpus.py, with and without a `date`), else
# only the repository's own texts: samples/news.jsonl and tests/data/events_dev.jsonl (always
# used), and the reference article in ../shared/seed when present. The throughput corpus of
# benches/throughput.sh is drawn from train+dev; `--corpus` with a train-only corpus measures the
# build on texts it never saw.
#
# llvm-profdata must read the raw profiles of rustc's LLVM: rustup's `llvm-tools` component when
# installed, else the newest /usr/lib/llvm-*/bin/llvm-profdata that can (Debian's llvm-19 can for
# rustc 1.95's LLVM 22; llvm-14 cannot). With none, the Debian package llvm-19 is installed (as
# root; otherwise the script says what to install). RUSTFLAGS of the caller are replaced by the
# profile flags (the standard build sets none).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TRAIN_DOCS=300
while [ $# -gt 0 ]; do
  case "$1" in
    --train-docs) TRAIN_DOCS=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "pgo-build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

DATA="$ROOT/target/pgo-data"
rm -rf "$DATA" && mkdir -p "$DATA"

echo "pgo-build: 1/4 instrumented build (target/pgo-gen)" >&2
RUSTFLAGS="-Cprofile-generate=$DATA" cargo build --release --locked --target-dir target/pgo-gen >&2
GEN=target/pgo-gen/release/newsgraph
# Build scripts run during the build are instrumented too: their profiles are not wanted.
rm -f "$DATA"/*.profraw

echo "pgo-build: 2/4 training runs" >&2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
TRAIN=(samples/news.jsonl tests/data/events_dev.jsonl)
SEED=../shared/seed/putin-tokayev-kazan.txt
[ -f "$SEED" ] && TRAIN+=("$SEED")
if [ -d ../shared/data/nerel/dev ]; then
  python3 tools/make_corpus.py --splits dev --docs "$TRAIN_DOCS" -o "$WORK/dev.jsonl" >&2
  python3 tools/make_corpus.py --splits dev --docs "$TRAIN_DOCS" --seed 7 --date 2024-03-01 \
    -o "$WORK/dev-dated.jsonl" >&2
  TRAIN+=("$WORK/dev.jsonl" "$WORK/dev-dated.jsonl")
else
  echo "pgo-build: no ../shared/data/nerel/dev; training on the repository's texts only" >&2
fi
# The JSONL path on standard output (the usual one), then every file format once.
"$GEN" extract --quiet --threads 2 "${TRAIN[@]}" >/dev/null
"$GEN" extract --quiet --threads 2 --format jsonl,csv,neo4j,ntriples,graphml \
  -o "$WORK/out" "${TRAIN[@]}"

echo "pgo-build: 3/4 merging the profile" >&2
if ! compgen -G "$DATA/*.profraw" > /dev/null; then
  echo "pgo-build: the training runs wrote no profile into $DATA" >&2
  exit 1
fi
PROFDATA=""
CANDIDATES=()
for d in "$(rustc --print sysroot)"/lib/rustlib/*/bin; do
  [ -x "$d/llvm-profdata" ] && CANDIDATES+=("$d/llvm-profdata")
done
find_system() {
  for p in $(ls -d /usr/lib/llvm-*/bin/llvm-profdata 2>/dev/null | sort -t- -k2 -n -r); do
    CANDIDATES+=("$p")
  done
}
find_system
merge() {
  for p in ${CANDIDATES[@]+"${CANDIDATES[@]}"}; do
    if "$p" merge -o "$DATA/merged.profdata" "$DATA"/*.profraw 2>"$DATA/merge.err"; then
      PROFDATA=$p
      return 0
    fi
    echo "pgo-build: $p cannot merge: $(head -c 300 "$DATA/merge.err")" >&2
  done
  return 1
}
if ! merge; then
  echo "pgo-build: no llvm-profdata reads rustc's profiles; installing the Debian package llvm-19" >&2
  (apt-get install -y -q llvm-19 >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null && apt-get install -y -q llvm-19 >/dev/null; }) || true
  CANDIDATES=()
  find_system
  merge || {
    echo "pgo-build: no llvm-profdata could merge the profiles (rustc: $(rustc -vV | grep LLVM));" \
      "install Debian's llvm-19 or run 'rustup component add llvm-tools'" >&2
    exit 1
  }
fi
echo "pgo-build: merged with $PROFDATA" >&2

echo "pgo-build: 4/4 optimized build with the profile (target/pgo)" >&2
RUSTFLAGS="-Cprofile-use=$DATA/merged.profdata -Cllvm-args=-pgo-warn-missing-function=false" \
  cargo build --release --locked --target-dir target/pgo >&2
echo "$ROOT/target/pgo/release/newsgraph"
