#!/usr/bin/env bash
# Throughput of `newsgraph extract` against a keyword-scan floor and the Python peers, on one corpus.
#
#   benches/throughput.sh [--mb N] [--corpus FILE.jsonl] [--bin PATH] [--repeat N]
#                         [--natasha-mb N] [--no-peers] [--seed N] [--pgo-bin PATH | --no-pgo]
#                         [--long N] [--open MB]
#
# Default corpus: ~20 MB of NEREL train+dev texts from tools/make_corpus.py (target/bench/).
# Binary: --bin, else $NEWSGRAPH_BIN, else target/release/newsgraph; it is copied first, so a rebuild
# during the run changes nothing. Nothing here runs cargo.
#
# PGO binary: --pgo-bin, else target/pgo/release/newsgraph when tools/pgo-build.sh has made it
# (--no-pgo leaves it out); its rows run interleaved with the standard binary's.
#
# Rows (each on the same bytes, page cache warm):
#   newsgraph --threads 1 / --threads 2  median wall time of --repeat runs (default 5; start-up included)
#   newsgraph PGO --threads 1 / 2        the same for the profile-guided build, when there is one
#   2 x newsgraph --threads 1            two processes on the two halves at once
#   2 x ... the whole corpus each        two processes, each on the whole corpus, at once: the same
#                                        work as one --threads 1 run twice over, nothing shared and
#                                        nothing serial, so 2 x bytes / wall is the most this machine's
#                                        two CPUs give (they slow each other through the shared cache);
#                                        the ceiling of the 2/1 thread ratio
#   ... each text once                   --threads 1 / 2 on every NEREL train+dev text once
#                                        (tools/make_corpus.py --once, 2.5 MB): no text repeats, so
#                                        the morphology cache stays cold, as at the start of any
#                                        corpus; MB/s also shown with the start-up taken off
#   ... corpus N times, -t 1 / -t 2      the corpus read N times in one run (--long, default 50: 1 GB
#                                        from the 20 MB corpus, the size issue 7 names; 0: none),
#                                        median of 3: start-up and each worker's morphology warm-up
#                                        are then a small part, as on any large corpus, so the 2/1
#                                        ratio shows what the threads give in the steady state
#   ... open vocabulary, -t 1 / -t 2     --open MB (default 100; 0: none) of NEREL texts with one
#                                        letter changed in 15% of the words of 5+ letters, anew in
#                                        every pass (tools/make_corpus.py --alter 0.15): words keep
#                                        arriving that no cache has seen, far more of them than in
#                                        real news (a pessimistic bound), median of 3
#   start-up                             newsgraph on an empty stdin, the compiled gazetteer read from
#                                        its cache (as every run after the first one); and with
#                                        --no-cache, compiling it (the first run, or a read-only cache)
#   grep -F -o (floor)                   GNU grep, LC_ALL=C, fixed strings: all matches of the names,
#                                        nominative forms only, no JSON decoding, no morphology
#   pyahocorasick / flashtext            the same names, per document, JSON decoded (Python)
#   natasha                              segment + morph + NER, on the first --natasha-mb MB (default 3)
#                                        and scaled: MB/s and docs/s are rates, so they are comparable;
#                                        run with OPENBLAS_NUM_THREADS=1 (its best setting here)
# cores = CPU seconds (user + system, every thread) over wall seconds; MB/CPU-s = MB over CPU
# seconds, the rate per busy core whatever number of helper threads a row kept busy.
# MB = 10^6 bytes of JSONL input. Peak RSS from `/usr/bin/time -v` (Debian package `time`, installed
# with apt-get when missing). Python peers: MB/s over their processing loop, imports/model loading
# left out and shown apart; their RSS includes everything. Peers are installed with pip (pinned) into
# target/bench-venv the first time (the only step that needs the package index).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
CMDLINE="benches/throughput.sh $*"

MB=20
CORPUS=""
BIN=${NEWSGRAPH_BIN:-target/release/newsgraph}
REPEAT=5
NATASHA_MB=3
PEERS=1
SEED=42
PGO_BIN=""
NO_PGO=0
LONG=50
OPEN_MB=100
VENV=target/bench-venv
PINS=(natasha==1.6.0 flashtext==2.7 pyahocorasick==2.3.1)

while [ $# -gt 0 ]; do
  case "$1" in
    --mb) MB=$2; shift 2 ;;
    --corpus) CORPUS=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --natasha-mb) NATASHA_MB=$2; shift 2 ;;
    --no-peers) PEERS=0; shift ;;
    --seed) SEED=$2; shift 2 ;;
    --pgo-bin) PGO_BIN=$2; shift 2 ;;
    --long) LONG=$2; shift 2 ;;
    --open) OPEN_MB=$2; shift 2 ;;
    --no-pgo) NO_PGO=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "throughput.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

[ -x "$BIN" ] || { echo "throughput.sh: no executable binary at $BIN (--bin or NEWSGRAPH_BIN)" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
  echo "throughput.sh: /usr/bin/time missing; installing the Debian package 'time'" >&2
  (apt-get install -y -q time >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; })
fi

WORK=$(mktemp -d /tmp/ng-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# The compiled-gazetteer cache of these runs: a folder of their own, filled before any is timed.
export XDG_CACHE_HOME="$WORK/cache"
cp "$BIN" "$WORK/newsgraph"
NG="$WORK/newsgraph"
[ -z "$PGO_BIN" ] && [ -x target/pgo/release/newsgraph ] && PGO_BIN=target/pgo/release/newsgraph
[ "$NO_PGO" = 1 ] && PGO_BIN=""
NGP=""
if [ -n "$PGO_BIN" ]; then
  [ -x "$PGO_BIN" ] || { echo "throughput.sh: no executable PGO binary at $PGO_BIN" >&2; exit 2; }
  cp "$PGO_BIN" "$WORK/newsgraph-pgo"
  NGP="$WORK/newsgraph-pgo"
fi

# A binary older than the sources measures other code (note: `cargo bench` rebuilds
# target/release/newsgraph from whatever the sources are at that moment).
for b in "$BIN" ${PGO_BIN:+"$PGO_BIN"}; do
  newer=$({ find src gazetteers Cargo.toml Cargo.lock -newer "$b" -type f 2>/dev/null || true; } | head -3 | tr '\n' ' ')
  [ -z "$newer" ] || echo "WARNING: $b is older than $newer- rebuild it to measure the current code" >&2
done

if [ -z "$CORPUS" ]; then
  CORPUS=target/bench/nerel-${MB}mb-seed${SEED}.jsonl
  if [ ! -s "$CORPUS" ]; then
    python3 tools/make_corpus.py --mb "$MB" --seed "$SEED" -o "$CORPUS"
  fi
fi
BYTES=$(stat -c %s "$CORPUS")
DOCS=$(grep -c . "$CORPUS")
cat "$CORPUS" > /dev/null   # warm the page cache
"$NG" extract --quiet < /dev/null   # compile the gazetteer once, into the cache every run reads

# ---- helpers ---------------------------------------------------------------------------------
# timed OUT_PREFIX cmd...: runs cmd under /usr/bin/time -v, stdout to $OUT_PREFIX.out (to $OUT_TO
# when set); sets WALL,
# CPU (user + system seconds, all threads and child processes) and RSS_KB
timed() {
  local pre=$1; shift
  # Wall time from the nanosecond clock: GNU time prints it in hundredths of a second, a step of
  # 2.5% on a 0.4 s run, which made the two-thread ratio move by ±0.04 on rounding alone.
  local t0 t1
  t0=$(date +%s%N)
  # Exit status 1 is newsgraph's "some documents were error records": still a timed run.
  /usr/bin/time -v -o "$pre.time" "$@" > "${OUT_TO:-$pre.out}" || {
    local rc=$?
    [ "$rc" -eq 1 ] || { echo "throughput.sh: '$*' exited with status $rc" >&2; exit "$rc"; }
  }
  t1=$(date +%s%N)
  WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", (b - a) / 1e9}')
  RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$pre.time")
  CPU=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ {s+=$2} END {print s}' "$pre.time")
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ROWS="$WORK/rows.tsv"   # name, seconds, bytes, docs, rss_kb, note[, cpu seconds]
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "${7:-}" >> "$ROWS"; }

echo "== newsgraph throughput benchmark"
echo "command:  $CMDLINE"
echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine:  $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), kernel $(uname -r)"
echo "binary:   $BIN ($("$NG" --version 2>/dev/null || echo '?'), sha256 $(sha256sum "$NG" | cut -c1-12))"
[ -n "$NGP" ] && echo "PGO:      $PGO_BIN (tools/pgo-build.sh; sha256 $(sha256sum "$NGP" | cut -c1-12))"
echo "corpus:   $CORPUS ($DOCS docs, $(awk -v b="$BYTES" 'BEGIN {printf "%.2f", b/1e6}') MB JSONL)"
echo "RSS:      /usr/bin/time -v (GNU time), maximum resident set size"
echo

# ---- newsgraph ---------------------------------------------------------------------------------
# Interleaved (1 thread, 2 threads, 2 processes, 1 thread, ...) so that a slow spell of the host
# (the 2 vCPUs are shared; their speed varies from minute to minute) hits all three alike.
split -n l/2 -d --additional-suffix=.jsonl "$CORPUS" "$WORK/half."   # .jsonl: other names are read as one article
cat > "$WORK/pair.sh" <<EOF
"$NG" extract --quiet --threads 1 "$WORK/half.00.jsonl" > /dev/null &
"$NG" extract --quiet --threads 1 "$WORK/half.01.jsonl" > /dev/null
wait
EOF
cat > "$WORK/twice.sh" <<EOF
"$NG" extract --quiet --threads 1 "$CORPUS" > /dev/null &
"$NG" extract --quiet --threads 1 "$CORPUS" > /dev/null
wait
EOF
ww=""; cw=""; rw=0
w1=""; w2=""; wp=""; r1=0; r2=0; rp=0; wq1=""; wq2=""; rq1=0; rq2=0; c1=""; c2=""; cp=""
for i in $(seq "$REPEAT"); do
  timed "$WORK/ng1" "$NG" extract --quiet --threads 1 "$CORPUS"; w1="$w1 $WALL"; c1="$c1 $CPU"; [ "$RSS_KB" -gt "$r1" ] && r1=$RSS_KB
  timed "$WORK/ng2" "$NG" extract --quiet --threads 2 "$CORPUS"; w2="$w2 $WALL"; c2="$c2 $CPU"; [ "$RSS_KB" -gt "$r2" ] && r2=$RSS_KB
  timed "$WORK/pair" sh "$WORK/pair.sh"; wp="$wp $WALL"; cp="$cp $CPU"; [ "$RSS_KB" -gt "$rp" ] && rp=$RSS_KB
  timed "$WORK/twice" sh "$WORK/twice.sh"; ww="$ww $WALL"; cw="$cw $CPU"; [ "$RSS_KB" -gt "$rw" ] && rw=$RSS_KB
  if [ -n "$NGP" ]; then
    timed "$WORK/pgo1" "$NGP" extract --quiet --threads 1 "$CORPUS"; wq1="$wq1 $WALL"; [ "$RSS_KB" -gt "$rq1" ] && rq1=$RSS_KB
    timed "$WORK/pgo2" "$NGP" extract --quiet --threads 2 "$CORPUS"; wq2="$wq2 $WALL"; [ "$RSS_KB" -gt "$rq2" ] && rq2=$RSS_KB
  fi
done
for t in 1 2; do
  lines=$(wc -l < "$WORK/ng$t.out")
  [ "$lines" -eq "$DOCS" ] || echo "WARNING: newsgraph --threads $t wrote $lines records for $DOCS documents" >&2
done
cmp -s "$WORK/ng1.out" "$WORK/ng2.out" || echo "WARNING: --threads 1 and --threads 2 outputs differ" >&2
row "newsgraph --threads 1" "$(echo $w1 | tr ' ' '\n' | median)" "$BYTES" "$DOCS" "$r1" "median of $REPEAT runs:$w1 s" "$(echo $c1 | tr ' ' '\n' | median)"
row "newsgraph --threads 2" "$(echo $w2 | tr ' ' '\n' | median)" "$BYTES" "$DOCS" "$r2" "median of $REPEAT runs:$w2 s" "$(echo $c2 | tr ' ' '\n' | median)"
row "2 x newsgraph --threads 1" "$(echo $wp | tr ' ' '\n' | median)" "$BYTES" "$DOCS" "$rp" "2 processes, a half each, at once:$wp s (RSS: larger one)" "$(echo $cp | tr ' ' '\n' | median)"
row "2 x ... the whole corpus each" "$(echo $ww | tr ' ' '\n' | median)" "$((2 * BYTES))" "$((2 * DOCS))" "$rw" "2 processes, the whole corpus each, at once:$ww s (the machine's ceiling for 2 threads)" "$(echo $cw | tr ' ' '\n' | median)"
if [ -n "$NGP" ]; then
  for t in 1 2; do
    cmp -s "$WORK/ng1.out" "$WORK/pgo$t.out" || echo "WARNING: the PGO binary's output (--threads $t) differs from the standard binary's" >&2
  done
  row "newsgraph PGO --threads 1" "$(echo $wq1 | tr ' ' '\n' | median)" "$BYTES" "$DOCS" "$rq1" "tools/pgo-build.sh; median of $REPEAT runs:$wq1 s"
  row "newsgraph PGO --threads 2" "$(echo $wq2 | tr ' ' '\n' | median)" "$BYTES" "$DOCS" "$rq2" "tools/pgo-build.sh; median of $REPEAT runs:$wq2 s"
fi

# Cold morphology cache: every text once.
ONCE=target/bench/nerel-once-seed${SEED}.jsonl
if [ -s "$ONCE" ] || python3 tools/make_corpus.py --once --seed "$SEED" -o "$ONCE" >&2; then
  ONCE_BYTES=$(stat -c %s "$ONCE")
  ONCE_DOCS=$(grep -c . "$ONCE")
  cat "$ONCE" > /dev/null
  wo1=""; wo2=""; ro1=0; ro2=0; co1=""; co2=""
  for i in $(seq "$REPEAT"); do
    timed "$WORK/once1" "$NG" extract --quiet --threads 1 "$ONCE"; wo1="$wo1 $WALL"; co1="$co1 $CPU"; [ "$RSS_KB" -gt "$ro1" ] && ro1=$RSS_KB
    timed "$WORK/once2" "$NG" extract --quiet --threads 2 "$ONCE"; wo2="$wo2 $WALL"; co2="$co2 $CPU"; [ "$RSS_KB" -gt "$ro2" ] && ro2=$RSS_KB
  done
  row "... each text once, -t 1" "$(echo $wo1 | tr ' ' '\n' | median)" "$ONCE_BYTES" "$ONCE_DOCS" "$ro1" "COLD:$ONCE; median of $REPEAT runs:$wo1 s" "$(echo $co1 | tr ' ' '\n' | median)"
  row "... each text once, -t 2" "$(echo $wo2 | tr ' ' '\n' | median)" "$ONCE_BYTES" "$ONCE_DOCS" "$ro2" "COLD:$ONCE; median of $REPEAT runs:$wo2 s" "$(echo $co2 | tr ' ' '\n' | median)"
fi

# Steady state: the corpus N times over in one run.
if [ "$LONG" -gt 0 ]; then
  for i in $(seq "$LONG"); do cat "$CORPUS"; done > "$WORK/long.jsonl"
  wl1=""; wl2=""; rl1=0; rl2=0; cl1=""; cl2=""
  # Output to /dev/null: 2 GB of records written to a file kept the kernel's writeback busy on
  # the same two CPUs (a two-thread run took 19.7 s instead of 17.2 s, one thread 33.6 s
  # instead of 32.9 s): that measures the VM's disk, not newsgraph. The two outputs are
  # compared on the corpus itself above, and on the open-vocabulary corpus below.
  for i in 1 2 3; do
    OUT_TO=/dev/null timed "$WORK/long1" "$NG" extract --quiet --threads 1 "$WORK/long.jsonl"; wl1="$wl1 $WALL"; cl1="$cl1 $CPU"; [ "$RSS_KB" -gt "$rl1" ] && rl1=$RSS_KB
    OUT_TO=/dev/null timed "$WORK/long2" "$NG" extract --quiet --threads 2 "$WORK/long.jsonl"; wl2="$wl2 $WALL"; cl2="$cl2 $CPU"; [ "$RSS_KB" -gt "$rl2" ] && rl2=$RSS_KB
  done
  row "... corpus ${LONG} times, -t 1" "$(echo $wl1 | tr ' ' '\n' | median)" "$((BYTES * LONG))" "$((DOCS * LONG))" "$rl1" "LONG:one run, records to /dev/null; median of 3:$wl1 s" "$(echo $cl1 | tr ' ' '\n' | median)"
  row "... corpus ${LONG} times, -t 2" "$(echo $wl2 | tr ' ' '\n' | median)" "$((BYTES * LONG))" "$((DOCS * LONG))" "$rl2" "LONG:one run, records to /dev/null; median of 3:$wl2 s" "$(echo $cl2 | tr ' ' '\n' | median)"
  rm -f "$WORK/long.jsonl"
fi

# Open vocabulary: words no cache has seen keep arriving.
if [ "$OPEN_MB" -gt 0 ]; then
  OPEN=target/bench/nerel-open-${OPEN_MB}mb-seed${SEED}.jsonl
  [ -s "$OPEN" ] || python3 tools/make_corpus.py --mb "$OPEN_MB" --alter 0.15 --seed "$SEED" -o "$OPEN" >&2
  OPEN_BYTES=$(stat -c %s "$OPEN")
  OPEN_DOCS=$(grep -c . "$OPEN")
  cat "$OPEN" > /dev/null
  wv1=""; wv2=""; rv1=0; rv2=0; cv1=""; cv2=""
  for i in 1 2 3; do
    timed "$WORK/open1" "$NG" extract --quiet --threads 1 "$OPEN"; wv1="$wv1 $WALL"; cv1="$cv1 $CPU"; [ "$RSS_KB" -gt "$rv1" ] && rv1=$RSS_KB
    timed "$WORK/open2" "$NG" extract --quiet --threads 2 "$OPEN"; wv2="$wv2 $WALL"; cv2="$cv2 $CPU"; [ "$RSS_KB" -gt "$rv2" ] && rv2=$RSS_KB
  done
  cmp -s "$WORK/open1.out" "$WORK/open2.out" || echo "WARNING: --threads 1 and --threads 2 outputs differ on the open-vocabulary corpus" >&2
  rm -f "$WORK/open1.out" "$WORK/open2.out"
  row "... open vocabulary, -t 1" "$(echo $wv1 | tr ' ' '\n' | median)" "$OPEN_BYTES" "$OPEN_DOCS" "$rv1" "LONG:$OPEN; median of 3:$wv1 s" "$(echo $cv1 | tr ' ' '\n' | median)"
  row "... open vocabulary, -t 2" "$(echo $wv2 | tr ' ' '\n' | median)" "$OPEN_BYTES" "$OPEN_DOCS" "$rv2" "LONG:$OPEN; median of 3:$wv2 s" "$(echo $cv2 | tr ' ' '\n' | median)"
fi

walls=""
for i in 1 2 3 4 5; do timed "$WORK/start" "$NG" extract --quiet --threads 1 < /dev/null; walls="$walls $WALL"; done
START=$(echo $walls | tr ' ' '\n' | median)
START_RSS=$RSS_KB
walls=""
for i in 1 2 3 4 5; do timed "$WORK/start" "$NG" extract --quiet --no-cache --threads 1 < /dev/null; walls="$walls $WALL"; done
COMPILE=$(echo $walls | tr ' ' '\n' | median)
COMPILE_RSS=$RSS_KB

# ---- keyword floor: GNU grep ------------------------------------------------------------------
python3 - "$WORK/patterns.txt" <<'EOF'
import sys
from pathlib import Path
names = set()
for f in ["people", "cities", "countries", "regions", "organizations", "events"]:
    p = Path("gazetteers") / f"{f}.tsv"
    if not p.exists():
        continue
    header = None
    for line in p.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        names.add(cols[2])
        for a in cols[3].split("|") if len(cols) > 3 else []:
            if a and not a.startswith("~"):      # ~ = derived adjectives: no surface form to grep
                names.add(a.lstrip("="))
Path(sys.argv[1]).write_text("".join(n + "\n" for n in sorted(names) if n), encoding="utf-8")
EOF
NPAT=$(wc -l < "$WORK/patterns.txt")
cat > "$WORK/grep.sh" <<EOF
LC_ALL=C grep -F -o -f "$WORK/patterns.txt" "$CORPUS" | wc -l
EOF
walls=""
for i in $(seq "$REPEAT"); do timed "$WORK/grep" sh "$WORK/grep.sh"; walls="$walls $WALL"; done
row "grep -F -o (floor)" "$(echo $walls | tr ' ' '\n' | median)" "$BYTES" "$DOCS" "$RSS_KB" "$(cat "$WORK/grep.out") matches of $NPAT names; byte scan, no JSON, no morphology"

# ---- Python peers --------------------------------------------------------------------------------
if [ "$PEERS" = 1 ]; then
  STAMP="$VENV/.pins"
  if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "${PINS[*]}" ]; then
    echo "installing ${PINS[*]} into $VENV (pip) ..." >&2
    t0=$(date +%s.%N)
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "${PINS[@]}" >&2
    echo "${PINS[*]}" > "$STAMP"
    echo "pip install: $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b-a}') s, venv $(du -sh "$VENV" | cut -f1)" >&2
  fi
  PY="$VENV/bin/python"
  peer() { # name tool note [args]
    local name=$1 tool=$2 note=$3; shift 3
    timed "$WORK/$tool" "$PY" benches/peers.py "$tool" "$CORPUS" "$@"
    local j; j=$(cat "$WORK/$tool.out")
    local s b d l f
    read -r s b d l f < <(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(r["proc_s"], r["bytes"], r["docs"], r["load_s"], r["found"])' "$j")
    row "$name" "$s" "$b" "$d" "$RSS_KB" "$(printf '%s; load %.1f s; found %s' "$note" "$l" "$f")"
  }
  peer "pyahocorasick" ahocorasick "$NPAT names, all matches" --patterns "$WORK/patterns.txt"
  peer "flashtext" flashtext "$NPAT names, whole words" --patterns "$WORK/patterns.txt"
  # One BLAS thread: natasha's default OpenBLAS threading is 2-4x slower on this 2-CPU machine.
  OPENBLAS_NUM_THREADS=1 peer "natasha" natasha "segment+morph+NER, first ${NATASHA_MB} MB, rates scaled, OPENBLAS_NUM_THREADS=1" --max-mb "$NATASHA_MB"
fi

# ---- table -----------------------------------------------------------------------------------------
python3 - "$ROWS" "$START" "$START_RSS" "$COMPILE" "$COMPILE_RSS" <<'EOF'
import sys
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    name, s, b, d, rss, note, cpu = line.rstrip("\n").split("\t")
    s, b, d, rss = float(s), int(b), int(d), int(rss)
    rows.append((name, s, b, d, rss, note, float(cpu) if cpu else None))
start, start_rss = float(sys.argv[2]), int(sys.argv[3])
compile_s, compile_rss = float(sys.argv[4]), int(sys.argv[5])
rate = {r[0]: (r[2] / 1e6 / r[1] if r[1] > 0 else float("inf")) for r in rows}
# cores: CPU seconds over wall seconds (all threads, start-up included); MB/CPU-s: the rate per
# core busy, the figure that does not depend on how many helper threads a row kept busy.
print(f"{'tool':<28}{'docs':>8}{'MB':>8}{'s':>8}{'MB/s':>9}{'docs/s':>10}{'RSS MB':>9}{'cores':>7}{'MB/CPU-s':>10}  note")
for name, s, b, d, rss, note, cpu in rows:
    mbs = b / 1e6 / s if s > 0 else float("inf")
    dps = d / s if s > 0 else float("inf")
    if note.startswith("COLD:"):
        # A short corpus: show the rate without the start-up too.
        net = s - start
        note = note[5:] + (f"; {b / 1e6 / net:.2f} MB/s without the {start:.2f} s start-up" if net > 0 else "")
    elif note.startswith("LONG:"):
        note = note[5:]
    cores = f"{cpu / s:7.2f}{b / 1e6 / cpu:10.2f}" if cpu and s > 0 else f"{'':>7}{'':>10}"
    print(f"{name:<28}{d:>8}{b/1e6:>8.2f}{s:>8.2f}{mbs:>9.2f}{dps:>10.0f}{rss/1024:>9.1f}{cores}  {note}")
print(f"{'newsgraph start-up':<28}{0:>8}{0:>8.2f}{start:>8.2f}{'':>9}{'':>10}{start_rss/1024:>9.1f}{'':>17}  empty stdin, gazetteer from the cache, median of 5")
print(f"{'... compiling (--no-cache)':<28}{0:>8}{0:>8.2f}{compile_s:>8.2f}{'':>9}{'':>10}{compile_rss/1024:>9.1f}{'':>17}  empty stdin, gazetteer compiled, median of 5")
print()
ng1, ng2 = rate["newsgraph --threads 1"], rate["newsgraph --threads 2"]
print("ratios (MB/s; >1 = newsgraph faster):")
print(f"  newsgraph --threads 2 / --threads 1      {ng2 / ng1:6.2f}x")
print(f"  2 processes, halves / --threads 1        {rate['2 x newsgraph --threads 1'] / ng1:6.2f}x   (each process loads and warms up on its own)")
print(f"  2 processes, whole corpus / --threads 1  {rate['2 x ... the whole corpus each'] / ng1:6.2f}x   (the machine's ceiling for 2 threads)")
long = [n for n in rate if n.startswith("... corpus ")]
if len(long) == 2:
    print(f"  --threads 2 / --threads 1, {long[0][11:-6]:<13} {rate[long[1]] / rate[long[0]]:6.2f}x   (steady state: start-up and warm-up a small part)")
if "... open vocabulary, -t 1" in rate and "... open vocabulary, -t 2" in rate:
    print(f"  --threads 2 / --threads 1, open vocabulary {rate['... open vocabulary, -t 2'] / rate['... open vocabulary, -t 1']:6.2f}x")
if "newsgraph PGO --threads 1" in rate:
    print(f"  PGO / standard build, --threads 1        {rate['newsgraph PGO --threads 1'] / ng1:6.2f}x")
    print(f"  PGO / standard build, --threads 2        {rate['newsgraph PGO --threads 2'] / ng2:6.2f}x")
print("  newsgraph / peer (all peers run on one core):  --threads 1   --threads 2")
for peer in ["natasha", "flashtext", "pyahocorasick", "grep -F -o (floor)"]:
    if peer in rate:
        print(f"    vs {peer:<41}{ng1 / rate[peer]:8.2f}x {ng2 / rate[peer]:12.2f}x")
EOF
