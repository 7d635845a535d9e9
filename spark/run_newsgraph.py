#!/usr/bin/env python3
"""Run `newsgraph extract` over a JSONL corpus with PySpark (RDD.pipe).

    python3 spark/run_newsgraph.py INPUT OUTPUT [--bin PATH] [--partitions N]
                                   [--master local[2]] [--csv DIR] [--single-file]

INPUT is anything `SparkContext.textFile` reads (a file, a folder, a glob,
hdfs://, s3a://, .gz, ...), one JSON document per line. Blank lines are dropped
(the binary skips them too, so they would break the one-line-in/one-line-out
pairing). Every other line goes through the binary, run once per partition as
`newsgraph extract --quiet --threads 1` (Spark supplies the parallelism), and
exactly one record comes back per line.

Ordering. `textFile` partitions keep the file order, `RDD.pipe` keeps the order
inside a partition, and `saveAsTextFile` writes partition i to `part-0000i`.
The driver numbers the documents with `zipWithIndex` (0-based position in the
input, after dropping blank lines), and when it has to repartition it does so
with `sortByKey` on that number, which keeps the global order. So
`cat OUTPUT/part-*` (in name order) is, line for line and byte for byte, what a
local `newsgraph extract --quiet < INPUT` prints. With `--single-file` the
records are sorted by that number into a single `part-00000`. The number is
never written into the records; the CSV carries it as `doc_index`.

Checks. Each partition counts its input lines and its records; a difference
(the binary dropped or added a line) fails the job with the partition number
and both counts. Exit code 1 of the binary (some documents became error
records, `"error": {...}`, which are in the output) is accepted; any other
non-zero exit fails the task (through `sh -c`, since RDD.pipe's checkCode
refuses every non-zero code).

The binary reaches the executors through `SparkContext.addFile`. `RDD.pipe`
runs the command with only the environment it is given, so the driver gives it
PATH=<driver SparkFiles dir>:.:/usr/bin:/bin ; in local mode the first is where the file
is, on a cluster the executors keep added files in their working directory
("."), which is where the Python workers run. Use `--executor-bin` for a
binary already installed on the executors (or shipped with spark-submit --files)
instead. See spark/README.md.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time


def parse_args(argv=None):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    default_bin = os.environ.get("NEWSGRAPH_BIN") or os.path.join(repo, "target", "release", "newsgraph")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="JSONL input, any path textFile understands")
    ap.add_argument("output", help="output folder for the records (Spark text output, JSONL part files)")
    ap.add_argument("--bin", default=default_bin, help="newsgraph binary on the driver, shipped with addFile (default: $NEWSGRAPH_BIN or target/release/newsgraph)")
    ap.add_argument("--executor-bin", help="the binary as the executors see it: an absolute path where it is installed, or ./newsgraph for one shipped with spark-submit --files (then the driver ships nothing)")
    ap.add_argument("--partitions", type=int, default=0, help="number of partitions to pipe (default: what textFile gives, at least the default parallelism)")
    ap.add_argument("--master", default=None, help="Spark master (default local[2]; under spark-submit the --master given there wins)")
    ap.add_argument("--csv", metavar="DIR", help="also write the events as CSV (DataFrame, one row per event) to DIR")
    ap.add_argument("--single-file", action="store_true", help="write the records as one ordered part file (sorts by document index: a shuffle)")
    ap.add_argument("--extra-args", default="", help="extra arguments for `newsgraph extract`, e.g. '--date 2024-01-01'")
    ap.add_argument("--overwrite", action="store_true", help="delete OUTPUT / the CSV folder first if it exists (local paths only)")
    return ap.parse_args(argv)


def build_spark(master: str | None):
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("newsgraph")
    # Under spark-submit the JVM is already up (PYSPARK_GATEWAY_PORT) and the master comes from
    # spark-submit unless --master is given here too; run directly, the default is local[2].
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if master or not under_submit:
        master = master or "local[2]"
        builder = builder.master(master)
    else:
        from pyspark import SparkConf

        master = SparkConf().get("spark.master", "")
    if master.startswith("local"):
        # Python workers use this interpreter (matters in a venv); everything stays on loopback.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    builder = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
    )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


# Exit 1 means "some documents were reported as error records" (they are in the output, with
# "error": {...}); only 2 and up (usage, gazetteer, output errors, signals) fail the task.
ACCEPT_DOC_ERRORS = '"$0" "$@"; c=$?; if [ "$c" -gt 1 ]; then exit "$c"; fi'


def pipe_command(exe: str, extra: str) -> str:
    """The command RDD.pipe runs (shlex-split, no shell of its own): sh running the binary."""
    return f"sh -c {shlex.quote(ACCEPT_DOC_ERRORS)} {shlex.quote(exe)} extract --quiet --threads 1 {extra}".strip()


def pipe_records(sc, input_path: str, partitions: int, command: str, env: dict):
    """(index, text) pairs and the records RDD of (index, record), both in input order."""
    lines = sc.textFile(input_path, minPartitions=max(partitions, 1) if partitions else None)
    docs = lines.filter(lambda l: l.strip() != "")
    indexed = docs.zipWithIndex().map(lambda t: (t[1], t[0]))  # (index, line)
    if partitions and indexed.getNumPartitions() != partitions:
        # Range partitioning on the index: balanced and still in global order.
        indexed = indexed.sortByKey(ascending=True, numPartitions=partitions)
    indexed = indexed.cache()

    # Where each partition starts and how many lines it holds (one cheap pass over the cache).
    sizes = indexed.mapPartitionsWithIndex(lambda i, it: [(i, sum(1 for _ in it))]).collect()
    sizes.sort()
    starts, counts, acc = {}, {}, 0
    for i, n in sizes:
        starts[i], counts[i] = acc, n
        acc += n

    records = indexed.values().pipe(command, env=env, checkCode=True)

    def number(i, it):
        n = 0
        start = starts[i]
        for rec in it:
            if n >= counts[i]:
                raise RuntimeError(f"newsgraph: partition {i}: more records than the {counts[i]} input lines")
            yield (start + n, rec)
            n += 1
        if n != counts[i]:
            raise RuntimeError(f"newsgraph: partition {i}: {counts[i]} input lines but {n} records")

    return indexed, records.mapPartitionsWithIndex(number, preservesPartitioning=True), acc


def write_events_csv(spark, numbered, out_dir: str):
    """One CSV row per event, columns as in the binary's events.csv plus doc_index and sentence."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    span = T.StructType([T.StructField("start", T.LongType()), T.StructField("end", T.LongType()), T.StructField("text", T.StringType())])
    event = T.StructType(
        [
            T.StructField("id", T.StringType()),
            T.StructField("type", T.StringType()),
            T.StructField("participants", T.ArrayType(T.StringType())),
            T.StructField("place", T.StringType()),
            T.StructField("date", T.StringType()),
            T.StructField("until", T.StringType()),
            T.StructField("status", T.StringType()),
            T.StructField("sentence", T.LongType()),
            T.StructField("trigger", span),
            T.StructField("evidence", T.ArrayType(span)),
            T.StructField("confidence", T.DoubleType()),
            T.StructField("key", T.StringType()),
        ]
    )
    entity = T.StructType([T.StructField("name", T.StringType()), T.StructField("type", T.StringType())])
    record = T.StructType(
        [
            T.StructField("doc_id", T.StringType()),
            T.StructField("events", T.ArrayType(event)),
            T.StructField("entities", T.MapType(T.StringType(), entity)),
        ]
    )
    df = spark.createDataFrame(numbered, T.StructType([T.StructField("doc_index", T.LongType()), T.StructField("record", T.StringType())]))
    parsed = df.select("doc_index", F.from_json("record", record).alias("r"))
    ev = parsed.select("doc_index", "r.doc_id", "r.entities", F.posexplode("r.events").alias("event_pos", "e"))
    rows = ev.orderBy("doc_index", "event_pos").select(
        "doc_index",
        F.col("e.id").alias("event_id"),
        "doc_id",
        F.col("e.type").alias("type"),
        F.col("e.status").alias("status"),
        F.col("e.date").alias("date"),
        F.col("e.until").alias("until"),
        F.col("e.place").alias("place_id"),
        F.col("entities")[F.col("e.place")]["name"].alias("place_name"),
        F.array_join("e.participants", ";").alias("participant_ids"),
        F.array_join(F.transform("e.participants", lambda p: F.coalesce(F.col("entities")[p]["name"], F.lit(""))), ";").alias("participant_names"),
        F.col("e.trigger.text").alias("trigger"),
        F.col("e.evidence")[0]["text"].alias("evidence"),
        F.col("e.evidence")[0]["start"].alias("evidence_start"),
        F.col("e.evidence")[0]["end"].alias("evidence_end"),
        F.format_number("e.confidence", 2).alias("confidence"),
        F.col("e.sentence").alias("sentence"),
        F.col("e.key").alias("key"),
    )
    # RFC 4180 quoting ("" inside quotes), as the binary writes it; Spark escapes with \ by default.
    rows.write.mode("overwrite").option("header", True).option("escape", "\"").csv(out_dir)


def main(argv=None) -> int:
    args = parse_args(argv)
    t0 = time.time()
    if args.overwrite:
        import shutil

        for p in [args.output, args.csv]:
            if p and "://" not in p and os.path.exists(p):
                shutil.rmtree(p)

    if not args.executor_bin and not os.access(args.bin, os.X_OK):
        print(f"run_newsgraph: no executable binary at {args.bin} (use --bin or NEWSGRAPH_BIN)", file=sys.stderr)
        return 2

    spark = build_spark(args.master)
    sc = spark.sparkContext
    try:
        extra = args.extra_args.strip()
        if args.executor_bin:
            # A path with a slash: Popen runs it as is (relative to the executor's working directory).
            exe = args.executor_bin if "/" in args.executor_bin else "./" + args.executor_bin
            command = pipe_command(exe, extra)
            env = {"PATH": "/usr/local/bin:/usr/bin:/bin"}
        else:
            from pyspark import SparkFiles

            name = os.path.basename(args.bin)
            sc.addFile(os.path.abspath(args.bin))
            # Driver side (local mode: the same folder the tasks use), then the executor's cwd.
            # (system folders after them, for a wrapper script that calls other tools)
            env = {"PATH": f"{SparkFiles.getRootDirectory()}:.:/usr/local/bin:/usr/bin:/bin"}
            command = pipe_command(name, extra)

        indexed, numbered, n_docs = pipe_records(sc, args.input, args.partitions, command, env)
        if args.csv or args.single_file:
            # Reused by the CSV pass / by sortByKey's sampling job: pipe once, not twice.
            numbered = numbered.cache()
        if args.single_file:
            out = numbered.sortByKey(ascending=True, numPartitions=1).values()
        else:
            out = numbered.values()
        out.saveAsTextFile(args.output)
        if args.csv:
            write_events_csv(spark, numbered, args.csv)
        print(
            f"run_newsgraph: {n_docs} documents in {indexed.getNumPartitions()} partitions "
            f"-> {args.output}{' and ' + args.csv if args.csv else ''} in {time.time() - t0:.1f} s",
            file=sys.stderr,
        )
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
