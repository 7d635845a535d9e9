#!/usr/bin/env python3
"""Build a synthetic newsgraph input corpus of any size from the NEREL texts.

The NEREL articles (train + dev `*.txt`) are shuffled with a fixed seed and
repeated (each pass reshuffled by the same seeded generator) until the corpus
reaches `--mb N` megabytes (10^6 bytes of uncompressed JSONL; the last document
may overshoot) or exactly `--docs N` documents; `--once` gives every text once. Every line is one JSON object

    {"id": "doc-000001", "text": "...", "date": "2024-01-01", "source": "nerel/train/123_text"}

with fresh sequential ids, `date` only with `--date`, and `source` naming the
NEREL file the text came from (`--no-source` drops it). The output is
byte-for-byte deterministic for the same NEREL files, seed and options.

Output: `.jsonl`, `.jsonl.zst` (compressed with the `zstandard` Python package
when it is importable, else the `zstd` command, level 3, single-threaded) or
`-` for standard output. `--alter P` changes one letter in a share P of the
words of five letters or more, anew in every pass: an open vocabulary, where
words keep arriving that no cache has seen (a stand-in for a news stream's
names and rare words; they read as unknown words). Corpora are build artefacts, never committed: the
script refuses to write inside the repository except under `target/`.

Examples (from the repository root):
    python3 tools/make_corpus.py --mb 20 -o target/corpus/nerel-20mb.jsonl
    python3 tools/make_corpus.py --docs 1000 --date 2024-03-01 -o /tmp/c.jsonl.zst
    python3 tools/make_corpus.py --once -o target/bench/nerel-once-seed42.jsonl
    python3 tools/make_corpus.py --mb 40 --alter 0.15 -o target/bench/nerel-open-40mb.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000


def load_texts(nerel: Path, splits: list[str]) -> list[tuple[str, str]]:
    """(source, text) for every `*.txt` of the splits, in a stable (sorted) order."""
    out = []
    for split in splits:
        d = nerel / split
        if not d.is_dir():
            sys.exit(f"make_corpus: no folder {d} (set --nerel)")
        for p in sorted(d.glob("*.txt")):
            # newline="" keeps the text byte-exact (no \r translation).
            with open(p, encoding="utf-8", newline="") as f:
                text = f.read()
            if text.strip():
                out.append((f"nerel/{split}/{p.stem}", text))
    if not out:
        sys.exit(f"make_corpus: no .txt files under {nerel} for splits {splits}")
    return out


LETTERS = "абвгдежзиклмнопрстуфхцчшэюя"
WORD = re.compile(r"\w+")


def alter(text: str, share: float, rng: random.Random) -> str:
    """One letter changed, at random, in a share of the words of five letters or more."""
    def one(m: re.Match) -> str:
        w = m.group(0)
        if len(w) < 5 or rng.random() >= share:
            return w
        i = rng.randrange(1, len(w) - 1)
        return w[:i] + rng.choice(LETTERS) + w[i + 1:]
    return WORD.sub(one, text)


def lines(texts, seed: int, mb: float | None, docs: int | None, date: str | None, source: bool, share: float = 0.0):
    """Yield encoded JSONL lines until the size or document target is reached."""
    rng = random.Random(seed)
    # A generator of its own, so that the order of texts does not depend on --alter.
    alter_rng = random.Random(seed + 1)
    target_bytes = int(mb * MB) if mb is not None else None
    written = 0
    n = 0
    while True:
        order = list(range(len(texts)))
        rng.shuffle(order)
        for i in order:
            if docs is not None and n >= docs:
                return
            if target_bytes is not None and written >= target_bytes:
                return
            n += 1
            src, text = texts[i]
            if share > 0:
                text = alter(text, share, alter_rng)
            rec = {"id": f"doc-{n:06d}", "text": text}
            if date:
                rec["date"] = date
            if source:
                rec["source"] = src
            line = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
            written += len(line)
            yield line


class ZstdWriter:
    """Write zstd with the `zstandard` package if present, else through the `zstd` command."""

    def __init__(self, path: Path, level: int = 3):
        self.path = path
        try:
            import zstandard  # type: ignore

            self.how = f"python zstandard {zstandard.__version__}"
            self._raw = open(path, "wb")
            cctx = zstandard.ZstdCompressor(level=level, threads=0)
            self._w = cctx.stream_writer(self._raw)
            self._proc = None
        except ImportError:
            exe = shutil.which("zstd")
            if not exe:
                sys.exit("make_corpus: .zst output needs the `zstandard` package or the `zstd` command")
            self.how = f"zstd command ({exe})"
            self._raw = open(path, "wb")
            self._proc = subprocess.Popen([exe, "-q", f"-{level}", "-T1", "-c"], stdin=subprocess.PIPE, stdout=self._raw)
            self._w = self._proc.stdin

    def write(self, b: bytes) -> None:
        self._w.write(b)

    def close(self) -> None:
        self._w.close()
        if self._proc is not None:
            if self._proc.wait() != 0:
                sys.exit("make_corpus: zstd failed")
        self._raw.close()


def check_output_place(out: Path) -> None:
    out = out.resolve()
    try:
        rel = out.relative_to(REPO)
    except ValueError:
        return  # outside the repository: fine
    if not rel.parts or rel.parts[0] != "target":
        sys.exit(f"make_corpus: refusing to write {out}: corpora go under target/ or outside the repository (e.g. /tmp)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--mb", type=float, help="target size in MB (10^6 bytes of uncompressed JSONL; default 20)")
    size.add_argument("--docs", type=int, help="exact number of documents")
    size.add_argument("--once", action="store_true", help="every text of the splits exactly once, shuffled (no repetition: a cold morphology cache all the way)")
    ap.add_argument("--nerel", default="../shared/data/nerel", help="NEREL folder with train/ and dev/ (relative paths are taken from the repository root; default %(default)s)")
    ap.add_argument("--splits", default="train,dev", help="comma-separated NEREL splits to draw from (default %(default)s)")
    ap.add_argument("--seed", type=int, default=42, help="shuffle seed (default %(default)s)")
    ap.add_argument("--date", help="add this `date` field (YYYY-MM-DD) to every document")
    ap.add_argument("--alter", type=float, default=0.0, metavar="P", help="change one letter in a share P (0-1) of the words of 5+ letters, anew in every pass: an open vocabulary (default 0)")
    ap.add_argument("--no-source", action="store_true", help="leave out the `source` field")
    ap.add_argument("-o", "--output", help="output file: .jsonl, .jsonl.zst, or - for stdout (default target/corpus/nerel-<size>-seed<seed>.jsonl)")
    args = ap.parse_args()

    if args.mb is None and args.docs is None and not args.once:
        args.mb = 20.0
    if (args.mb is not None and args.mb <= 0) or (args.docs is not None and args.docs <= 0):
        sys.exit("make_corpus: --mb / --docs must be positive")

    nerel = Path(args.nerel)
    if not nerel.is_absolute():
        nerel = REPO / nerel
    texts = load_texts(nerel, [s for s in args.splits.split(",") if s])
    if args.once:
        args.docs = len(texts)

    if args.output is None:
        tag = "once" if args.once else f"{args.mb:g}mb" if args.mb is not None else f"{args.docs}docs"
        args.output = str(REPO / "target" / "corpus" / f"nerel-{tag}-seed{args.seed}.jsonl")

    if not 0.0 <= args.alter <= 1.0:
        sys.exit("make_corpus: --alter must be between 0 and 1")
    gen = lines(texts, args.seed, args.mb, args.docs, args.date, not args.no_source, args.alter)
    n = total = 0
    if args.output == "-":
        out = sys.stdout.buffer
        how = "plain"
        for line in gen:
            out.write(line)
            n += 1
            total += len(line)
        out.flush()
    else:
        path = Path(args.output)
        check_output_place(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name.endswith(".zst"):
            w = ZstdWriter(path)
            how = w.how
        elif path.name.endswith(".jsonl"):
            w = open(path, "wb")
            how = "plain"
        else:
            sys.exit("make_corpus: output must end in .jsonl or .jsonl.zst")
        tmp_ok = False
        try:
            for line in gen:
                w.write(line)
                n += 1
                total += len(line)
            tmp_ok = True
        finally:
            w.close()
            if not tmp_ok:
                path.unlink(missing_ok=True)
    print(
        f"make_corpus: {n} docs, {total / MB:.2f} MB JSONL from {len(texts)} NEREL texts "
        f"(seed {args.seed}, {how}) -> {args.output}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
