"""Where an import spends its time: every ``queries/*.sql`` statement timed by name, plus cProfile.

``python -m benchmarks.profile_import FILE [--db PATH]`` imports FILE in this process into a fresh
database and prints (1) seconds per SQL file the importer ran (``liveroi.db.execute``/``query`` wrapped
for the run, nothing edited), (2) cProfile's top functions by cumulative time.

``--after-prepare NAME`` (repeatable) runs ``queries/NAME.sql`` on the import's connection right after
the importer created its macros and staging tables: a way to try a changed macro (e.g.
``bench_try_macro_clean``) on a real import before proposing it, without editing the importer.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from liveroi import db


@contextmanager
def timed_sql() -> Iterator[dict[str, list[float]]]:
    """Time every db.execute/db.query by query name while the block runs (results stay correct)."""
    spent: dict[str, list[float]] = defaultdict(list)
    original_execute, original_query = db.execute, db.query

    def execute(con: Any, name: str, params: Any = None) -> Any:
        started = time.perf_counter()
        try:
            return original_execute(con, name, params)
        finally:
            spent[name].append(time.perf_counter() - started)

    def query(con: Any, name: str, params: Any = None) -> Any:
        started = time.perf_counter()
        try:
            return original_query(con, name, params)
        finally:
            spent[name].append(time.perf_counter() - started)

    db.execute, db.query = execute, query
    try:
        yield spent
    finally:
        db.execute, db.query = original_execute, original_query


@contextmanager
def after_prepare(names: list[str]) -> Iterator[None]:
    """Run ``queries/<name>.sql`` after ``validate.prepare`` on every connection while the block runs."""
    from liveroi.importer import validate

    original = validate.prepare

    def prepare(con: Any) -> None:
        original(con)
        for name in names:
            db.execute(con, name)

    validate.prepare = prepare
    try:
        yield
    finally:
        validate.prepare = original


def profile(file: Path, db_path: Path, top: int = 25, extra: list[str] | None = None) -> str:
    """Import ``file`` into a fresh ``db_path`` under both profilers; the report as text."""
    from liveroi.importer import import_files

    for candidate in (db_path, Path(f"{db_path}.wal")):
        candidate.unlink(missing_ok=True)
    profiler = cProfile.Profile()
    with after_prepare(extra or []), timed_sql() as spent:
        started = time.perf_counter()
        profiler.enable()
        summary = import_files(db_path, [file], lang="en")
        profiler.disable()
        total = time.perf_counter() - started
    lines = [
        f"import of {file.name}: {total:.2f} s in process, inserted {summary['inserted']}, "
        f"unchanged {summary['unchanged']}, rejected {len(summary['rejected'])}"
        + (f"; after prepare: {', '.join(extra)}" if extra else ""),
        "",
        "| SQL file | calls | seconds | share |",
        "|---|---:|---:|---:|",
    ]
    for name, runs in sorted(spent.items(), key=lambda pair: -sum(pair[1])):
        seconds = sum(runs)
        if seconds >= 0.005:
            lines.append(f"| {name} | {len(runs)} | {seconds:.2f} | {seconds / total:.0%} |")
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(top)
    lines += ["", "cProfile (cumulative):", "```", stream.getvalue().strip(), "```"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_import")
    parser.add_argument("file", type=Path)
    parser.add_argument("--db", type=Path, default=Path("/tmp/liveroi-profile-import.duckdb"))
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--after-prepare", action="append", default=[], metavar="NAME")
    args = parser.parse_args(argv)
    print(profile(args.file, args.db, args.top, args.after_prepare))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
