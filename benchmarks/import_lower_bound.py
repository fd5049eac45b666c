"""A lower bound for the importer on the narrow canonical CSV: what storing its rows takes at the least.

Usage::

    python -m benchmarks.import_lower_bound --file <data set>/narrow.csv [--runs 3]

Issue 16 asks for an import within 3× DuckDB's own ``read_csv`` into a table (types sniffed:
``benchmarks/sql/floor_read_csv_typed.sql``). This measures, in one process per run and in the same
fresh-database setting, the floor and a *bare* import of the same file into liveroi's own schema
(``db.connect`` + ``migrate``): the file read typed with a hash per row (``lower_bound_read.sql``), every
row into ``sessions`` with only the start/account check (``lower_bound_sessions.sql``), the spend per
channel into ``session_spend`` (``lower_bound_spend.sql``), one transaction, then the checkpoint. It
leaves out everything the importer adds for "nothing lost" and re-imports: blank and summary rows,
the reasons of a rejected row and their log, exact duplicates, repeated ids, known rows, the import
log, the change log, accounts and ad-spend attachment. A Python process's start is measured too and
added to the bare import, as the benchmark harness measures ``liveroi import`` as a process: with DuckDB
imported, and with DuckDB imported and one statement run with a bound parameter — what any importer
that binds its parameters pays, since DuckDB's Python client then imports pandas (it checks every
parameter value against ``pandas.NaT`` and ``pandas.NA``; ~0.7 s here).

Prints the median of each figure and the bare import's ratio to the floor: the least any importer
storing sessions and their spend in this schema can reach.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_import import ImportFile, duckdb_floor
from liveroi import db

SQL = Path(__file__).parent / "sql"
TYPED_FLOOR = "floor_read_csv_typed"  # the floor issue 16's target is stated against (bench_import)


def bare_import_seconds(path: Path, folder: Path) -> dict[str, float]:
    """The bare import's steps (seconds) into a fresh liveroi database file; schema creation untimed."""
    con = db.connect(folder / "bare.duckdb")  # creates and migrates the schema
    try:
        steps: dict[str, float] = {}
        started = time.perf_counter()
        db.execute(con, SQL / "lower_bound_read.sql", {"path": str(path)})  # staged outside the write, as
        steps["read"] = time.perf_counter() - started  # the importer stages (a temp table, committed)
        con.execute("BEGIN")
        for name in ("sessions", "spend"):
            mark = time.perf_counter()
            db.execute(con, SQL / f"lower_bound_{name}.sql")
            steps[name] = time.perf_counter() - mark
        mark = time.perf_counter()
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        steps["commit"] = time.perf_counter() - mark
        steps["total"] = time.perf_counter() - started
        return steps
    finally:
        con.close()


#: The least a process does before an import that binds parameters: DuckDB's client imports pandas on
#: the first bound parameter (``GetPythonObjectType`` compares the value with ``pandas.NaT``).
BOUND_PARAMETER = "import duckdb; duckdb.connect().execute('SELECT $x', {'x': 1}).fetchall()"


def process_start_seconds(code: str = "import duckdb") -> float:
    """A Python process that runs ``code`` (default: imports DuckDB) and exits."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--file", type=Path, required=True, help="a narrow canonical CSV (python -m benchmarks)"
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    floors, bares, starts, bound_starts = [], [], [], []
    narrow = ImportFile("narrow", args.file, "utf-8", "utf-8", 0)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        duckdb_floor(narrow, folder / "floor.duckdb", TYPED_FLOOR)  # warm-up: the file in the page cache
        for _ in range(max(1, args.runs)):
            (folder / "bare.duckdb").unlink(missing_ok=True)
            (folder / "bare.duckdb.wal").unlink(missing_ok=True)
            floors.append(duckdb_floor(narrow, folder / "floor.duckdb", TYPED_FLOOR)[0])
            bares.append(bare_import_seconds(args.file, folder))
            starts.append(process_start_seconds())
            bound_starts.append(process_start_seconds(BOUND_PARAMETER))
    floor = statistics.median(floors)
    start = statistics.median(starts)
    print(f"{args.file} — median of {len(floors)} paired runs")
    print(f"read_csv floor (types sniffed)      {floor:6.2f} s")
    for step in ("read", "sessions", "spend", "commit", "total"):
        print(f"bare import: {step:<22} {statistics.median(b[step] for b in bares):6.2f} s")
    total = statistics.median(b["total"] for b in bares)
    bound_start = statistics.median(bound_starts)
    print(f"python + duckdb process start       {start:6.2f} s")
    print(f"  … and one bound parameter         {bound_start:6.2f} s  (DuckDB's client imports pandas)")
    print(f"bare import ÷ floor                 {total / floor:6.2f}×  (in-process)")
    print(f"bare import + start ÷ floor         {(total + start) / floor:6.2f}×  (as the harness measures)")
    print(f"bare import + start with a bound parameter ÷ floor {(total + bound_start) / floor:6.2f}×")
    print(
        "per run (floor s, bare total + bound start ÷ floor): "
        + ", ".join(
            f"{f:.2f} s {(b['total'] + s) / f:.2f}×"
            for f, b, s in zip(floors, bares, bound_starts, strict=True)
        )
    )


if __name__ == "__main__":
    main()
