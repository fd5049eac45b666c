"""Try a rewritten view on the page queries before proposing it: as is vs with the rewrite, same results.

(How the LATERAL rewrite of session_metrics, commit cc595d0, was measured before it was adopted: the
rewrite was a trial file in ``benchmarks/sql/`` holding ``CREATE OR REPLACE TEMP VIEW session_metrics AS …``.)

``python -m benchmarks.try_view DB VIEW_QUERY [--runs N]``: opens DB read-only, times every page-query
case of :mod:`benchmarks.bench_queries` (median of N), then runs ``benchmarks/sql/<VIEW_QUERY>.sql`` (a
``CREATE TEMP VIEW`` that shadows a contract view of queries/schema/views/ for this connection only) and times them again,
checking each result equals the first (numbers to 1e-9 relative: sums may add in another order).
``--pages`` also runs every dashboard page through AppTest (cold = caches cleared, then cached) as is
and with the rewrite on every read-only connection the dashboard opens (``liveroi.db.connect`` wrapped
in this process). Nothing is written to the database.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from benchmarks import bench_queries
from benchmarks import sql as bench_sql
from benchmarks.timing import seconds_text
from liveroi import db


def _same(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    if a.shape != b.shape or list(a.columns) != list(b.columns):
        return False
    numbers = a.select_dtypes("number").columns
    others = [c for c in a.columns if c not in numbers]
    close = np.allclose(
        a[numbers].to_numpy(float), b[numbers].to_numpy(float), rtol=1e-9, atol=1e-9, equal_nan=True
    )
    return bool(close and a[others].equals(b[others]))


def _timed(con: Any, case: bench_queries.Case, runs: int) -> tuple[float, pd.DataFrame]:
    timings, frame = [], pd.DataFrame()
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        frame = db.query(con, case.query, case.params)
        timings.append(time.perf_counter() - started)
    return sorted(timings)[len(timings) // 2], frame


def compare(db_path: Path, view_query: str, runs: int = 3) -> str:
    """A markdown table: each case as is, with the rewritten view, and whether the results match."""
    cases = bench_queries.cases(db_path)
    with db.connection(db_path, read_only=True) as con:
        before = {case.name: _timed(con, case, runs) for case in cases}
        db.execute(con, bench_sql(view_query))
        after = {case.name: _timed(con, case, runs) for case in cases}
    lines = [f"| query (median of {runs}) | as is | with {view_query} | same result |", "|---|---:|---:|---|"]
    for case in cases:
        (t0, f0), (t1, f1) = before[case.name], after[case.name]
        lines.append(
            f"| `{case.name}` | {seconds_text(t0)} | {seconds_text(t1)} | {'yes' if _same(f0, f1) else 'NO'} |"
        )
    return "\n".join(lines)


def _page_times(pages: list[str], runs: int) -> dict[str, tuple[float, float]]:
    import streamlit as st

    from benchmarks.bench_pages import TIMEOUT_S
    from tests.apptest_support import dashboard_app_test

    at = dashboard_app_test(timeout_s=TIMEOUT_S)
    at.query_params["lang"] = "zh"
    at.run()
    found = {}
    for page in pages:
        at.switch_page(page)
        cold, cached = [], []
        for _ in range(max(1, runs)):
            st.cache_data.clear()
            started = time.perf_counter()
            at.run()
            cold.append(time.perf_counter() - started)
            started = time.perf_counter()
            at.run()
            cached.append(time.perf_counter() - started)
        found[page] = (sorted(cold)[len(cold) // 2], sorted(cached)[len(cached) // 2])
    return found


def compare_pages(db_path: Path, view_query: str, runs: int = 3) -> str:
    """A markdown table: each page's cold and cached rerun as is and with the rewritten view."""
    import os

    from benchmarks.bench_pages import page_files

    os.environ[db.ENV_DB] = str(db_path)
    pages = page_files()
    before = _page_times(pages, runs)
    original = db.connect

    def connect(path: Any = None, *, read_only: bool = False, busy_timeout: float | None = None) -> Any:
        con = original(path, read_only=read_only, busy_timeout=busy_timeout)
        if read_only:
            con.execute(db.load_sql(bench_sql(view_query)))
        return con

    db.connect = connect
    try:
        after = _page_times(pages, runs)
    finally:
        db.connect = original
    lines = [
        f"| page (median of {runs}) | cold as is | cold with {view_query} | cached as is | cached with |",
        "|---|---:|---:|---:|---:|",
    ]
    for page in pages:
        lines.append(
            f"| `{page}` | {seconds_text(before[page][0])} | {seconds_text(after[page][0])} "
            f"| {seconds_text(before[page][1])} | {seconds_text(after[page][1])} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.try_view")
    parser.add_argument("db", type=Path)
    parser.add_argument("view_query", help="the name of a benchmarks/sql/*.sql that creates a TEMP VIEW")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", action="store_true", help="also every page through AppTest")
    args = parser.parse_args(argv)
    print(compare(args.db, args.view_query, args.runs))
    if args.pages:
        print()
        print(compare_pages(args.db, args.view_query, args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
