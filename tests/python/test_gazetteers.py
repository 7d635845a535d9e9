"""The shipped gazetteers pass their format checker (gazetteers/build/check.py).

The checker had drifted from the format for a while without anyone noticing, because nothing
ran it: this test makes it part of every test run. It needs only the standard library.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_gazetteers_pass_the_format_checker():
    run = subprocess.run(
        [sys.executable, str(REPO / "gazetteers" / "build" / "check.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stderr.startswith("ok: 8 files"), run.stderr


def test_the_checker_reports_a_broken_row(tmp_path):
    # A copy of the folder with one entity row cut short must fail, naming file and line.
    for f in (REPO / "gazetteers").glob("*.tsv"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    people = tmp_path / "people.tsv"
    lines = people.read_text(encoding="utf-8").split("\n")
    row = next(i for i, l in enumerate(lines) if l and not l.startswith("#") and i > 10)
    lines[row] = lines[row].split("\t")[0]
    people.write_text("\n".join(lines), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(REPO / "gazetteers" / "build" / "check.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert f"people.tsv:{row + 1}:" in run.stdout, run.stdout
