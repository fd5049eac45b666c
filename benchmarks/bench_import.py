"""Import speed: ``python -m liveroi import`` (the real CLI, a child process) against two floors.

Three files per data set: the *narrow* canonical CSV (ten columns: its raw read is cheap, so the
importer's own overhead shows), the *wide* one (``liveroi export``: 44 columns) and the back-end's GBK
export. Each is imported into a fresh DuckDB file and into a fresh DuckLake — on PostgreSQL when
``$LIVEROI_TEST_PG`` names a server the benchmark may create databases on (``PGPASSWORD`` for its
password), else on a DuckDB catalog file (``ducklake:<path>.ducklake``) — with a local data folder.

Runs are *paired*: each run reads the floor, then imports into the file, then into the lake, back to
back, so load from other work on the machine falls on all three alike; a ratio is the median import over
the median floor (the per-run ratios are kept too).

Floors, on the same file, in this process, into a fresh database file:

* DuckDB: ``read_csv`` of the file into a table with DuckDB's defaults, types sniffed
  (``benchmarks/sql/floor_read_csv_typed.sql``) — the floor the ≤ 3× target is stated against — and
  again with every column as text (``benchmarks/sql/floor_read_csv.sql``, as the importer reads); nothing
  parsed, validated or upserted;
* pandas: ``read_csv`` + ``CREATE TABLE AS`` from the frame.

Also measured: a re-import of the same file into the filled database (every row unchanged), the CLI's
start-up alone (``import --help``: Python, pandas and DuckDB imports), and the import's peak RSS.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from benchmarks import sql as bench_sql
from benchmarks.datagen import Dataset
from benchmarks.timing import Measurement, measure, run_child
from liveroi import db, lake

CLI = [sys.executable, "-m", "liveroi"]
ENV_PG = "LIVEROI_TEST_PG"


@dataclass(frozen=True)
class ImportFile:
    """A file to import and how a plain reader must be told to read it."""

    kind: str  # 'narrow' | 'canonical' (the wide export) | 'gbk'
    path: Path
    encoding: str  # DuckDB's name
    pandas_encoding: str
    skip: int  # lines above the header


def files_of(dataset: Dataset) -> list[ImportFile]:
    """The three files of a data set."""
    return [
        ImportFile("narrow", dataset.narrow_csv, "utf-8", "utf-8", 0),
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


def duckdb_floor(file: ImportFile, db_path: Path, query: str = "floor_read_csv") -> tuple[float, int]:
    """DuckDB's ``read_csv`` of the file into a table in a fresh database file: (seconds, rows).
    ``query``: ``floor_read_csv`` (every column as text) or ``floor_read_csv_typed`` (DuckDB's
    defaults, types sniffed — the floor the ≤ 3× target is stated against).

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
        db.execute(con, bench_sql(query), params)
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


class LakeTargets:
    """Fresh lakes for the import runs: a database each on ``$LIVEROI_TEST_PG``'s server (dropped at the
    end), else a DuckDB catalog file each; the data folder beside it in ``work_dir``."""

    def __init__(self, work_dir: Path) -> None:
        self.work_dir = work_dir
        self.admin = os.environ.get(ENV_PG, "").strip() or None
        self.catalog = "PostgreSQL" if self.admin else "DuckDB catalog file"
        self._created: list[str] = []
        self._count = 0

    def _psql(self, statement: str, check: bool = True) -> None:
        subprocess.run(["psql", self.admin or "", "-qc", statement], check=check, capture_output=True)

    @contextmanager
    def fresh(self) -> Iterator[str]:
        """A fresh, empty lake spec, with ``LIVEROI_LAKE_DATA`` set to its own folder while in use."""
        self._count += 1
        folder = self.work_dir / f"lake-{self._count}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        if self.admin:
            name = f"liveroi_bench_{uuid.uuid4().hex[:8]}"
            self._psql(f'CREATE DATABASE "{name}"')
            self._created.append(name)
            spec = f"ducklake:postgres:{self.admin} dbname={name}"
        else:
            spec = f"ducklake:{folder}/catalog.ducklake"
        previous = os.environ.get(lake.ENV_DATA)
        os.environ[lake.ENV_DATA] = str(folder / "data")
        try:
            yield spec
        finally:
            if previous is None:
                os.environ.pop(lake.ENV_DATA, None)
            else:
                os.environ[lake.ENV_DATA] = previous
            shutil.rmtree(folder, ignore_errors=True)
            while self._created:
                self._psql(f'DROP DATABASE IF EXISTS "{self._created.pop()}"', check=False)


def _floor_once(file: ImportFile, db_path: Path, query: str = "floor_read_csv") -> tuple[float, int]:
    """One floor run; a file DuckDB's gb18030 reader refuses is read from a UTF-8 copy (made once)."""
    copy = db_path.with_suffix(".utf8.csv")
    if copy.is_file():
        return duckdb_floor(ImportFile(file.kind, copy, "utf-8", "utf-8", file.skip), db_path, query)
    return duckdb_floor(file, db_path, query)


def _typed_floor_once(file: ImportFile, db_path: Path) -> tuple[float | None, str | None]:
    """One run of the typed floor: (seconds, None), or (None, why) when the sniffed types break."""
    try:
        return _floor_once(file, db_path, "floor_read_csv_typed")[0], None
    except duckdb.Error as exc:
        return None, str(exc).splitlines()[0][:160]


def _floor_setup(file: ImportFile, db_path: Path) -> str | None:
    """Warm the floor up (page cache, extension); when DuckDB cannot read the file in its own encoding,
    write the UTF-8 copy the floor reads instead, and say why."""
    try:
        duckdb_floor(file, db_path)
        return None
    except duckdb.Error as exc:  # the encodings extension refuses a valid 1M-row GBK file
        reason = str(exc).splitlines()[0][:160]
    copy = db_path.with_suffix(".utf8.csv")
    with (
        file.path.open("r", encoding=file.pandas_encoding) as source,
        copy.open("w", encoding="utf-8") as out,
    ):
        for line in source:  # streamed: the copy never sits in memory whole
            out.write(line)
    duckdb_floor(ImportFile(file.kind, copy, "utf-8", "utf-8", file.skip), db_path)
    return f"DuckDB's {file.encoding} read_csv fails on this file ({reason}): floor on a UTF-8 copy"


def _import_file(file: ImportFile, work_dir: Path, runs: int, lakes: LakeTargets) -> dict[str, Any]:
    floor_db = work_dir / f"floor-{file.kind}.duckdb"
    import_db = work_dir / f"import-{file.kind}.duckdb"
    floor_of = _floor_setup(file, floor_db)
    _, typed_error = _typed_floor_once(file, floor_db)  # warm-up, and whether the sniffed types hold
    typed_floors: list[float] = []
    floors: list[float] = []
    floor_rows = 0
    timings, rss, summaries = [], [], []
    lake_timings, lake_rss, lake_summaries = [], [], []
    try:
        for _ in range(max(1, runs)):  # paired: floors, file, lake back to back
            seconds, floor_rows = _floor_once(file, floor_db)
            floors.append(seconds)
            if typed_error is None:
                typed, typed_error = _typed_floor_once(file, floor_db)
                if typed is not None:
                    typed_floors.append(typed)
            seconds, peak, summary = cli_import(file.path, _fresh(import_db))
            timings.append(seconds)
            rss.append(peak)
            summaries.append(summary)
            with lakes.fresh() as spec:
                seconds, peak, summary = cli_import(file.path, spec)  # type: ignore[arg-type]
            lake_timings.append(seconds)
            lake_rss.append(peak)
            lake_summaries.append(summary)
        counts = database_counts(import_db)
        again_timings, again_rss, again_summary = [], [], {}
        for _ in range(max(1, runs)):
            seconds, peak, again_summary = cli_import(file.path, import_db)
            again_timings.append(seconds)
            again_rss.append(peak)
    except ImportFailed as exc:  # recorded, not fatal: the other files and areas still run
        return {
            "error": str(exc)[:600],
            "failed_after_seconds": exc.seconds,
            "failed_peak_rss_bytes": exc.peak_rss_bytes,
            "duckdb_read_csv": Measurement(floors, {"result": floor_rows}).to_json(),
        }
    finally:
        _fresh(import_db)
        _fresh(floor_db)
        floor_db.with_suffix(".utf8.csv").unlink(missing_ok=True)
    panda = measure(lambda: pandas_floor(file, floor_db), runs=runs, warmup=0)
    _fresh(floor_db)

    text_floor = Measurement(floors, {"result": floor_rows, **({"floor_of": floor_of} if floor_of else {})})
    if typed_error is None and len(typed_floors) == len(floors):
        duck = Measurement(
            typed_floors, {"result": floor_rows, **({"floor_of": floor_of} if floor_of else {})}
        )
    else:  # the sniffed types broke on this file: the ratio falls back to the text floor, and says so
        why = f"DuckDB's read_csv with sniffed types fails on this file ({typed_error}): floor reads text"
        duck = Measurement(
            floors, {"result": floor_rows, "floor_of": "; ".join(filter(None, [floor_of, why]))}
        )
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
    lake_imported = Measurement(
        lake_timings,
        {
            "peak_rss_bytes": max(lake_rss),
            "inserted": lake_summaries[-1]["inserted"],
            "catalog": lakes.catalog,
        },
    )
    reimported = Measurement(
        again_timings,
        {"peak_rss_bytes": max(again_rss), "unchanged": again_summary.get("unchanged")},
    )
    return {
        "import": imported.to_json(),
        "lake_import": lake_imported.to_json(),
        "reimport": reimported.to_json(),
        "duckdb_read_csv": duck.to_json(),
        "duckdb_read_csv_text": text_floor.to_json(),
        "ratio_duckdb_text": imported.median / text_floor.median,
        "lake_ratio_duckdb_text": lake_imported.median / text_floor.median,
        "pandas_read_csv": {**panda.to_json(), "result": panda.extra["result"]},
        "ratio_duckdb": imported.median / duck.median,
        "lake_ratio_duckdb": lake_imported.median / duck.median,
        "paired_ratios": [i / f for i, f in zip(timings, duck.runs, strict=True)],
        "lake_paired_ratios": [i / f for i, f in zip(lake_timings, duck.runs, strict=True)],
        "ratio_pandas": imported.median / panda.median,
        "reimport_ratio_duckdb": reimported.median / duck.median,
    }


def run(dataset: Dataset, runs: int, work_dir: Path, kinds: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Every import figure of one data set, as JSON-friendly dicts keyed by metric name (``kinds``: only
    these files)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    lakes = LakeTargets(work_dir)
    results: dict[str, Any] = {"startup": startup(runs).to_json(), "lake_catalog": lakes.catalog}
    for file in files_of(dataset):
        if kinds is None or file.kind in kinds:
            results[file.kind] = _import_file(file, work_dir, runs, lakes)
    return results
