"""Import speed: ``python -m liveroi import`` (the real CLI, a child process) against two floors.

Floors, on the same file, in this process, into a fresh database file:

* DuckDB: ``read_csv`` of the file into a table (``benchmarks/sql/floor_read_csv.sql``) — every column as
  sniffed, nothing parsed, validated or upserted;
* pandas: ``read_csv`` + ``CREATE TABLE AS`` from the frame.

Also measured: a re-import of the same file into the filled database (every row unchanged), the CLI's
start-up alone (``import --help``: Python, pandas and DuckDB imports), and the import's peak RSS.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from benchmarks import sql as bench_sql
from benchmarks.datagen import Dataset
from benchmarks.timing import Measurement, measure, run_child
from liveroi import db

CLI = [sys.executable, "-m", "liveroi"]


@dataclass(frozen=True)
class ImportFile:
    """A file to import and how a plain reader must be told to read it."""

    kind: str  # 'canonical' | 'gbk'
    path: Path
    encoding: str  # DuckDB's name
    pandas_encoding: str
    skip: int  # lines above the header


def files_of(dataset: Dataset) -> list[ImportFile]:
    """The two files of a data set."""
    return [
        ImportFile("canonical", dataset.canonical_csv, "utf-8", "utf-8-sig", 0),
        ImportFile("gbk", dataset.gbk_csv, "gb18030", "gb18030", 1),
    ]


def _fresh(path: Path) -> Path:
    for candidate in (path, Path(f"{path}.wal")):
        candidate.unlink(missing_ok=True)
    return path


class ImportFailed(RuntimeError):
    """The CLI import exited non-zero; keeps how long it ran and its peak memory."""

    def __init__(self, message: str, seconds: float, peak_rss_bytes: int) -> None:
        super().__init__(message)
        self.seconds = seconds
        self.peak_rss_bytes = peak_rss_bytes


def cli_import(file: Path, db_path: Path) -> tuple[float, int, dict[str, Any]]:
    """Run ``python -m liveroi import FILE --db DB``; (seconds, peak RSS bytes, JSON summary)."""
    child = run_child([*CLI, "--lang", "en", "import", str(file), "--db", str(db_path)], cwd=db.ROOT)
    if child.returncode != 0:
        message = f"liveroi import failed ({child.returncode}): {child.stderr.strip()}"
        raise ImportFailed(message, child.seconds, child.peak_rss_bytes)
    # DuckDB draws its progress bar on stdout for statements over 2 s (the importer leaves it on), so
    # the summary is the last JSON object of stdout, not all of it.
    summary = json.loads(child.stdout[child.stdout.rfind('{"files"') :])
    return child.seconds, child.peak_rss_bytes, summary


def duckdb_floor(file: ImportFile, db_path: Path) -> tuple[float, int]:
    """DuckDB's ``read_csv`` of the file into a table in a fresh database file: (seconds, rows).

    The clock covers the read and the checkpoint only — not loading the encodings extension (a fixed
    cost the importer pays too), so the floor is as low as it can honestly be.
    """
    import duckdb

    con = duckdb.connect(str(_fresh(db_path)))
    try:
        if file.encoding != "utf-8":
            db.load_extension(con, "encodings")
        params = {"path": str(file.path), "encoding": file.encoding, "skip": file.skip}
        started = time.perf_counter()
        db.execute(con, bench_sql("floor_read_csv"), params)
        con.execute("CHECKPOINT")
        seconds = time.perf_counter() - started
        return seconds, int(db.query(con, bench_sql("count_raw"))["n"].iloc[0])
    finally:
        con.close()


def floor_measurement(file: ImportFile, db_path: Path, runs: int) -> Measurement:
    """:func:`duckdb_floor` ``runs`` times after a warm-up (the file in the page cache, the extension
    loaded once); the row count of the last run in ``extra["result"]``."""
    duckdb_floor(file, db_path)
    floor_runs = [duckdb_floor(file, db_path) for _ in range(max(1, runs))]
    return Measurement([s for s, _ in floor_runs], {"result": floor_runs[-1][1]})


def _utf8_copy_floor(file: ImportFile, db_path: Path, runs: int, reason: str) -> Measurement:
    """The floor on a UTF-8 copy of ``file`` (transcoded outside the clock) when DuckDB cannot read the
    file in its own encoding: the same data, the faster read — the importer reads such a copy too."""
    copy = ImportFile(file.kind, db_path.with_suffix(".utf8.csv"), "utf-8", "utf-8", file.skip)
    try:
        with (
            file.path.open("r", encoding=file.pandas_encoding) as source,
            copy.path.open("w", encoding="utf-8") as out,
        ):
            for line in source:  # streamed: the copy never sits in memory whole
                out.write(line)
        floor = floor_measurement(copy, db_path, runs)
    except duckdb.Error as exc:
        return Measurement(
            [], {"result": None, "error": f"{reason}; UTF-8 copy: {str(exc).splitlines()[0][:120]}"}
        )
    finally:
        copy.path.unlink(missing_ok=True)
    note = f"DuckDB's {file.encoding} read_csv fails on this file ({reason}): floor on a UTF-8 copy"
    return Measurement(floor.runs, {**floor.extra, "floor_of": note})


def pandas_floor(file: ImportFile, db_path: Path) -> int:
    """pandas ``read_csv`` + insert of the frame into a fresh database file; returns the row count."""
    import duckdb

    frame = pd.read_csv(file.path, encoding=file.pandas_encoding, skiprows=file.skip, low_memory=False)
    con = duckdb.connect(str(_fresh(db_path)))
    try:
        con.register("bench_frame", frame)
        db.execute(con, bench_sql("floor_from_frame"))
        con.execute("CHECKPOINT")
        return int(db.query(con, bench_sql("count_raw"))["n"].iloc[0])
    finally:
        con.close()


def database_counts(db_path: Path) -> dict[str, int]:
    """Sessions, spend rows and rejected rows in a database."""
    with db.connection(db_path, read_only=True) as con:
        row = db.query(con, bench_sql("database_counts")).iloc[0]
    return {key: int(row[key]) for key in ("sessions", "session_spend", "rejected_rows")}


def startup(runs: int) -> Measurement:
    """The CLI's start-up alone: ``python -m liveroi import --help``."""
    timings = [run_child([*CLI, "import", "--help"], cwd=db.ROOT).seconds for _ in range(max(1, runs))]
    return Measurement(timings)


def run(dataset: Dataset, runs: int, work_dir: Path) -> dict[str, Any]:
    """Every import figure of one data set, as JSON-friendly dicts keyed by metric name."""
    work_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"startup": startup(runs).to_json()}
    for file in files_of(dataset):
        floor_db = work_dir / f"floor-{file.kind}.duckdb"
        try:
            duck = floor_measurement(file, floor_db, runs)
        except duckdb.Error as exc:  # the encodings extension refuses a valid 1M-row GBK file
            duck = _utf8_copy_floor(file, floor_db, runs, reason=str(exc).splitlines()[0][:160])
        panda = measure(lambda file=file, path=floor_db: pandas_floor(file, path), runs=runs, warmup=0)
        _fresh(floor_db)

        import_db = work_dir / f"import-{file.kind}.duckdb"
        timings, rss, summaries = [], [], []
        try:
            for _ in range(max(1, runs)):
                seconds, peak, summary = cli_import(file.path, _fresh(import_db))
                timings.append(seconds)
                rss.append(peak)
                summaries.append(summary)
            counts = database_counts(import_db)
            again_timings, again_rss, again_summary = [], [], {}
            for _ in range(max(1, runs)):
                seconds, peak, again_summary = cli_import(file.path, import_db)
                again_timings.append(seconds)
                again_rss.append(peak)
        except ImportFailed as exc:  # recorded, not fatal: the other file and areas still run
            results[file.kind] = {
                "error": str(exc)[:600],
                "failed_after_seconds": exc.seconds,
                "failed_peak_rss_bytes": exc.peak_rss_bytes,
                "duckdb_read_csv": duck.to_json(),
                "pandas_read_csv": {**panda.to_json(), "result": panda.extra["result"]},
            }
            _fresh(import_db)
            continue
        _fresh(import_db)

        imported = Measurement(
            timings,
            {
                "peak_rss_bytes": max(rss),
                "inserted": summaries[-1]["inserted"],
                "rejected": len(summaries[-1]["rejected"]),
                "skipped": summaries[-1]["skipped"],
                "database": counts,
                "file_bytes": file.path.stat().st_size,
            },
        )
        reimported = Measurement(
            again_timings,
            {"peak_rss_bytes": max(again_rss), "unchanged": again_summary.get("unchanged")},
        )
        results[file.kind] = {
            "import": imported.to_json(),
            "reimport": reimported.to_json(),
            "duckdb_read_csv": duck.to_json(),
            "pandas_read_csv": {**panda.to_json(), "result": panda.extra["result"]},
            "ratio_duckdb": imported.median / duck.median if duck.runs else None,
            "ratio_pandas": imported.median / panda.median,
            "reimport_ratio_duckdb": reimported.median / duck.median if duck.runs else None,
        }
    return results
