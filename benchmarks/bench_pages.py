"""Each dashboard page's full script through ``streamlit.testing.v1.AppTest``, on a data set's database.

Driven like the dashboard tests drive pages (``app_test`` in tests/dashboard_fixtures.py): ``dashboard.py`` is the
app, ``LIVEROI_DB`` points at the database, query parameters seed the sidebar, ``switch_page`` picks
the page. The runs happen in a child process (``python -m benchmarks.bench_pages --worker …``) so the
first run is a really fresh process, and the parent reads the child's peak RSS.

Per page: *cold* = every ``st.cache_data`` and ``st.cache_resource`` entry dropped
(``benchmarks.timing.clear_streamlit_caches``), then a rerun (every query and the advisor's fit run
again; modules already imported, as in a running server); *cached* = a rerun with the caches warm (what
a widget click costs). Also: the very first run in a fresh process (imports included) and the bytes of
the element protos the page sends (what the browser receives, charts' JSON and tables included).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.timing import clear_streamlit_caches, run_child
from liveroi import db
from tests.apptest_support import dashboard_app_test

PAGE_ORDER = ("today", "trends", "sessions", "matrix", "advisor", "import", "settings")
TIMEOUT_S = 300


def page_files() -> list[str]:
    """The dashboard's pages that exist, in the navigation's order (``pages/<name>.py``)."""
    present = {p.stem for p in (Path(db.ROOT) / "pages").glob("*.py")}
    ordered = [name for name in PAGE_ORDER if name in present]
    ordered += sorted(present - set(ordered))
    return [f"pages/{name}.py" for name in ordered]


def _payload_bytes(node: Any) -> int:
    """Serialized size of every element under ``node`` (blocks' own protos are tiny and skipped)."""
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        return sum(_payload_bytes(child) for child in children.values())
    proto = getattr(node, "proto", None)
    return proto.ByteSize() if proto is not None and hasattr(proto, "ByteSize") else 0


def _timed_run(at: Any) -> float:
    started = time.perf_counter()
    at.run()
    return time.perf_counter() - started


def worker(pages: list[str], runs: int, account: str | None) -> dict[str, Any]:
    """Measure every page in this process (called in the child)."""
    at = dashboard_app_test(timeout_s=TIMEOUT_S)
    at.query_params["lang"] = "zh"
    if account:
        at.query_params["account"] = account
    results: dict[str, Any] = {"first_run_fresh_process": _timed_run(at)}
    for page in pages:
        at.switch_page(page)
        cold = []
        for _ in range(max(1, runs)):
            clear_streamlit_caches()
            cold.append(_timed_run(at))
        cached = [_timed_run(at) for _ in range(max(1, runs))]
        errors = [str(e.value)[:300] for e in at.exception]
        results[page] = {
            "cold": cold,
            "cached": cached,
            "payload_bytes": _payload_bytes(at._tree),
            "elements": {
                "plotly_chart": len(at.get("plotly_chart")),
                "dataframe": len(at.dataframe),
                "metric": len(at.metric),
            },
            "errors": errors,
        }
    return results


def run(db_path: Path, runs: int, account: str | None = None) -> dict[str, Any]:
    """Run the worker in a child process on ``db_path``; its results plus the child's peak RSS."""
    env = {**os.environ, db.ENV_DB: str(db_path), "PYTHONPATH": str(db.ROOT)}
    argv = [sys.executable, "-m", "benchmarks.bench_pages", "--worker", "--runs", str(runs)]
    if account:
        argv += ["--account", account]
    child = run_child(argv, env=env, cwd=db.ROOT)
    if child.returncode != 0:
        raise RuntimeError(f"page worker failed ({child.returncode}): {child.stderr.strip()[-2000:]}")
    results = json.loads(child.stdout.strip().splitlines()[-1])
    results["peak_rss_bytes"] = child.peak_rss_bytes
    results["wall_seconds"] = child.seconds
    return results


def main(argv: list[str] | None = None) -> int:
    """Child-process entry point: print the worker's JSON on the last line of stdout."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_pages")
    parser.add_argument("--worker", action="store_true", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--account")
    parser.add_argument("--pages", help="comma-separated pages/<name>.py (default: every page)")
    args = parser.parse_args(argv)
    pages = args.pages.split(",") if args.pages else page_files()
    print(json.dumps(worker(pages, args.runs, args.account)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
