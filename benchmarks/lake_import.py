"""Import into a DuckLake against the same import into a DuckDB file, and DuckDB's bare ``read_csv``.

``python -m benchmarks.lake_import [--sizes 10k,100k] [--runs 3] [--pg CONNINFO] [--files canonical,gbk]``

For each size and each of the two files of the data set (liveroi's canonical CSV, the GBK export): the
real CLI (``python -m liveroi import``, a child process) into a fresh DuckDB file, a fresh DuckLake on a
SQLite catalog and — with ``--pg`` (or ``$LIVEROI_TEST_PG``), a server it may create databases on — a
fresh DuckLake on PostgreSQL, each with a local data folder; the DuckDB floor (``read_csv`` into a table of
a fresh file) beside them. Median of ``--runs``, peak RSS of the import. Prints a Markdown table; writes
nothing else. The lake's import is the file's importer on a lake connection (liveroi/lake.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from benchmarks.bench_import import _floor_once, _floor_setup, cli_import, files_of
from benchmarks.datagen import ensure_dataset
from liveroi import lake

_CREATED: list[str] = []


def _pg_database(admin: str) -> str:
    name = f"liveroi_bench_{uuid.uuid4().hex[:8]}"
    subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True, capture_output=True)
    _CREATED.append(name)
    return f"{admin} dbname={name}"


def _drop_databases(admin: str) -> None:
    while _CREATED:
        name = _CREATED.pop()
        subprocess.run(["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{name}"'], check=False, capture_output=True)


def _targets(folder: Path, pg: str | None) -> dict[str, str]:
    targets = {
        "DuckDB file": str(folder / "liveroi.duckdb"),
        "DuckLake, SQLite": f"ducklake:sqlite:{folder}/c.sqlite",
    }
    if pg:
        targets["DuckLake, PostgreSQL"] = f"ducklake:postgres:{_pg_database(pg)}"
    return targets


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lake_import")
    parser.add_argument("--sizes", default="10k,100k")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", default=os.environ.get("LIVEROI_TEST_PG"))
    parser.add_argument("--files", default="canonical,gbk", help="which files of the data set")
    args = parser.parse_args(argv)
    rows = [
        "| size | file | back-end | import (median) | × DuckDB read_csv | peak RSS |",
        "|---|---|---|---|---|---|",
    ]
    for size in args.sizes.split(","):
        dataset = ensure_dataset(size.strip())
        for file in (f for f in files_of(dataset) if f.kind in args.files.split(",")):
            work = Path(tempfile.mkdtemp(prefix="liveroi-lake-bench-"))
            try:
                _floor_setup(file, work / "floor.duckdb")  # a UTF-8 copy when DuckDB's gb18030 reader fails
                floors = sorted(_floor_once(file, work / "floor.duckdb")[0] for _ in range(args.runs))
                floor = floors[len(floors) // 2]
                times: dict[str, list[tuple[float, int]]] = {}
                for run in range(args.runs):
                    folder = work / f"run{run}"
                    folder.mkdir()
                    os.environ[lake.ENV_DATA] = str(folder / "lake-data")
                    for name, target in _targets(folder, args.pg).items():
                        seconds, rss, _ = cli_import(file.path, target)  # type: ignore[arg-type]
                        times.setdefault(name, []).append((seconds, rss))
                for name, runs in times.items():
                    median = sorted(s for s, _ in runs)[len(runs) // 2]
                    peak = max(r for _, r in runs)
                    rows.append(
                        f"| {size} | {file.kind} | {name} | {median:.2f} s | {median / floor:.1f}× "
                        f"(floor {floor:.2f} s) | {peak / 2**30:.2f} GB |"
                    )
            finally:
                os.environ.pop(lake.ENV_DATA, None)
                shutil.rmtree(work, ignore_errors=True)
                if args.pg:
                    _drop_databases(args.pg)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
