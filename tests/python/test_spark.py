"""The Spark driver (spark/run_newsgraph.py) gives exactly what a local run gives.

(A second, small test feeds lines the binary turns into error records, exit code 1, and blank
lines.)

All of NEREL dev (`../shared/data/nerel/dev/*.txt`, sorted by name, id = file
stem) is packed as JSONL; the binary runs once locally (`--threads 2`) and once
under Spark (`local[2]`, 3 partitions, RDD.pipe with `--threads 1`); the
records must be the same line for line, as raw bytes and as parsed JSON.

Runs offline: nothing is downloaded at run time (pyspark and pytest come from
tests/python/requirements-spark.txt, installed beforehand). Needs Java 17+.

    target/spark-venv/bin/pytest tests/python/test_spark.py -q --durations=0

Binary: $NEWSGRAPH_BIN, else target/release/newsgraph. NEREL: $NEREL_DIR, else
../shared/data/nerel (relative to the repository root).
"""

from __future__ import annotations

import csv
import glob
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("NEWSGRAPH_BIN") or REPO / "target" / "release" / "newsgraph")
NEREL = Path(os.environ.get("NEREL_DIR") or REPO / ".." / "shared" / "data" / "nerel")
DRIVER = REPO / "spark" / "run_newsgraph.py"

pytest.importorskip("pyspark", reason="pip install -r tests/python/requirements-spark.txt")
if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
    pytest.skip("PySpark needs Java 17+", allow_module_level=True)
if not (BIN.is_file() and os.access(BIN, os.X_OK)):
    pytest.skip(f"no newsgraph binary at {BIN} (build it or set NEWSGRAPH_BIN)", allow_module_level=True)
if not (NEREL / "dev").is_dir():
    pytest.skip(f"no NEREL dev split under {NEREL}", allow_module_level=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("spark")
    files = sorted((NEREL / "dev").glob("*.txt"), key=lambda p: p.name)
    assert files, "NEREL dev has no .txt files"
    path = d / "nerel-dev.jsonl"
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for p in files:
            with open(p, encoding="utf-8", newline="") as f:
                text = f.read()
            out.write(json.dumps({"id": p.stem, "text": text}, ensure_ascii=False) + "\n")
    return d, path, [p.stem for p in files]


@pytest.fixture(scope="module")
def local_run(corpus):
    d, path, ids = corpus
    t0 = time.monotonic()
    with open(path, "rb") as stdin:
        p = subprocess.run([str(BIN), "extract", "--quiet", "--threads", "2"], stdin=stdin, capture_output=True, timeout=600)
    print(f"\nlocal newsgraph --threads 2: {time.monotonic() - t0:.2f} s for {len(ids)} docs")
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")
    assert p.stderr == b"", f"--quiet run wrote to stderr: {p.stderr[:500]!r}"
    return p.stdout


@pytest.fixture(scope="module")
def spark_run(corpus):
    d, path, ids = corpus
    out, csv_dir = d / "spark-out", d / "spark-csv"
    env = dict(os.environ, NEWSGRAPH_BIN=str(BIN))
    cmd = [sys.executable, str(DRIVER), str(path), str(out), "--master", "local[2]", "--partitions", "3", "--csv", str(csv_dir)]
    t0 = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, env=env, timeout=900)
    print(f"\nspark driver local[2], 3 partitions, with --csv: {time.monotonic() - t0:.2f} s")
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")[-4000:]
    assert p.stdout == b"", f"driver printed on stdout: {p.stdout[:500]!r}"
    parts = sorted(out.glob("part-*"))
    assert len(parts) == 3, [x.name for x in parts]
    return b"".join(x.read_bytes() for x in parts), csv_dir


def test_local_one_record_per_line(corpus, local_run):
    _, _, ids = corpus
    lines = local_run.split(b"\n")
    assert lines[-1] == b"", "output does not end with a newline"
    assert len(lines) - 1 == len(ids)
    assert [json.loads(x)["doc_id"] for x in lines[:-1]] == ids


def test_spark_equals_local_raw(local_run, spark_run):
    spark_bytes, _ = spark_run
    a, b = local_run.split(b"\n"), spark_bytes.split(b"\n")
    assert len(b) == len(a), f"{len(a) - 1} local records, {len(b) - 1} from Spark"
    for i, (x, y) in enumerate(zip(a, b)):
        assert x == y, f"record {i} differs (raw bytes)"
    assert spark_bytes == local_run


def test_spark_equals_local_parsed(corpus, local_run, spark_run):
    _, _, ids = corpus
    spark_bytes, _ = spark_run
    a = [json.loads(x) for x in local_run.splitlines()]
    b = [json.loads(x) for x in spark_bytes.splitlines()]
    assert len(a) == len(b) == len(ids)
    for i, (x, y) in enumerate(zip(a, b)):
        assert x == y, f"record {i} ({ids[i]}) differs"
        assert y["doc_id"] == ids[i]


def test_spark_events_csv(local_run, spark_run):
    _, csv_dir = spark_run
    files = glob.glob(str(csv_dir / "*.csv"))
    assert files
    rows = []
    for f in sorted(files):
        with open(f, encoding="utf-8", newline="") as fh:
            rows += list(csv.DictReader(fh))
    expected = [
        (i, e["id"], r["doc_id"], e["type"], e["key"])
        for i, r in enumerate(json.loads(x) for x in local_run.splitlines())
        for e in r["events"]
    ]
    got = [(int(r["doc_index"]), r["event_id"], r["doc_id"], r["type"], r["key"]) for r in rows]
    assert got == expected


def test_spark_events_csv_has_the_binarys_columns(corpus, spark_run, tmp_path):
    """The driver's events table is the binary's events.csv plus doc_index and sentence: same
    columns in the same order, and the same values in those a spreadsheet user filters on."""
    d, path, _ = corpus
    _, csv_dir = spark_run
    out = tmp_path / "local-csv"
    p = subprocess.run([str(BIN), "extract", "--quiet", "--format", "csv", "-o", str(out), str(path)], capture_output=True, timeout=600)
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")
    with open(out / "events.csv", encoding="utf-8", newline="") as fh:
        local = list(csv.reader(fh))
    spark_rows = []
    for f in sorted(glob.glob(str(csv_dir / "*.csv"))):
        with open(f, encoding="utf-8", newline="") as fh:
            spark_rows += list(csv.DictReader(fh))
    with open(sorted(glob.glob(str(csv_dir / "*.csv")))[0], encoding="utf-8", newline="") as fh:
        spark_header = next(csv.reader(fh))
    assert [c for c in spark_header if c not in ("doc_index", "sentence")] == local[0]
    spark_rows.sort(key=lambda r: int(r["doc_index"]))
    keep = ("event_id", "type", "status", "date", "until", "place_id", "participant_ids")
    want = [{k: row[local[0].index(k)] for k in keep} for row in local[1:]]
    got = [{k: r[k] or "" for k in keep} for r in spark_rows]
    assert got == want


def test_spark_error_records_and_blank_lines(tmp_path):
    """Lines the binary turns into error records (exit code 1) go through; blank lines are dropped."""
    lines = [
        json.dumps({"id": "ok-1", "text": "Путин и Токаев встретились в Казани."}, ensure_ascii=False),
        '{"id": "broken", "text": ',
        "",
        json.dumps({"id": "no-text"}),
        "   ",
        json.dumps({"id": "empty", "text": ""}),
        "[1, 2]",
        json.dumps({"id": "ok-2", "text": "Лавров прибыл в Анкару."}, ensure_ascii=False),
    ]
    path = tmp_path / "edge.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local = subprocess.run([str(BIN), "extract", "--quiet", "--threads", "2"], stdin=open(path, "rb"), capture_output=True, timeout=120)
    assert local.returncode == 1, "expected exit code 1 (some error records)"
    out = tmp_path / "out"
    env = dict(os.environ, NEWSGRAPH_BIN=str(BIN))
    t0 = time.monotonic()
    p = subprocess.run(
        [sys.executable, str(DRIVER), str(path), str(out), "--master", "local[2]", "--partitions", "2", "--single-file"],
        capture_output=True, env=env, timeout=600,
    )
    print(f"\nspark driver, 8 edge lines, --single-file: {time.monotonic() - t0:.2f} s")
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")[-4000:]
    spark_bytes = (out / "part-00000").read_bytes()
    assert len(spark_bytes.splitlines()) == 6
    # Local error records name the line ("stdin:2"); the pipe feeds each partition its own stdin,
    # so compare what does not depend on the line numbering.
    a = [json.loads(x) for x in local.stdout.splitlines()]
    b = [json.loads(x) for x in spark_bytes.splitlines()]
    assert [(r["error"] or {}).get("code") for r in a] == [(r["error"] or {}).get("code") for r in b]
    assert [r for r in a if not r["error"]] == [r for r in b if not r["error"]]
