"""Every dashboard page on a DuckLake beside the same pages on a DuckDB file, at one data-set size.

``python -m benchmarks.lake_pages [--size 1m] [--runs 3] [--pg CONNINFO]``

Both back-ends are filled the way a user fills them: liveroi's canonical CSV of the data set imported by
the real CLI into a fresh DuckDB file and into a fresh DuckLake on PostgreSQL (``--pg`` or
``$LIVEROI_TEST_PG``: a server it may create a database on; data in a local folder). Then
:func:`benchmarks.bench_pages.run` measures each page on each — *cold* (every ``st.cache_data`` and
``st.cache_resource`` entry dropped, so the Account matrix fits its accounts again) and *cached* — in a
child process per back-end, back to back. Prints a Markdown table (median of ``--runs``); writes nothing
else. The harness (``python -m benchmarks``) measures the pages on the DuckDB file only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks import bench_pages
from benchmarks.bench_import import cli_import
from benchmarks.datagen import ensure_dataset
from benchmarks.lake_import import _drop_databases, _pg_database
from liveroi import lake


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lake_pages")
    parser.add_argument("--size", default="1m")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", default=os.environ.get("LIVEROI_TEST_PG"))
    args = parser.parse_args(argv)
    if not args.pg:
        parser.error("needs a PostgreSQL server: --pg CONNINFO or $LIVEROI_TEST_PG")
    dataset = ensure_dataset(args.size)
    work = Path(tempfile.mkdtemp(prefix="liveroi-lake-pages-"))
    os.environ[lake.ENV_DATA] = str(work / "lake-data")
    try:
        targets = {
            "DuckDB file": str(work / "liveroi.duckdb"),
            "DuckLake, PostgreSQL": f"ducklake:postgres:{_pg_database(args.pg)}",
        }
        results = {}
        for name, target in targets.items():
            cli_import(Path(dataset.canonical_csv), target)  # type: ignore[arg-type]
            results[name] = bench_pages.run(target, args.runs)  # type: ignore[arg-type]
    finally:
        os.environ.pop(lake.ENV_DATA, None)
        shutil.rmtree(work, ignore_errors=True)
        _drop_databases(args.pg)
    names = list(targets)
    rows = [
        f"{args.size}: median of {args.runs} runs; cold / cached rerun",
        "",
        "| page | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for page in bench_pages.page_files():
        cells = []
        for name in names:
            figures = results[name][page]
            cold, cached = statistics.median(figures["cold"]), statistics.median(figures["cached"])
            cells.append(f"{cold * 1000:.0f} ms / {cached * 1000:.0f} ms")
        rows.append(f"| `{page}` | " + " | ".join(cells) + " |")
    fresh = " | ".join(f"{results[n]['first_run_fresh_process'] * 1000:.0f} ms" for n in names)
    rows.append(f"| first run in a fresh process | {fresh} |")
    peak = " | ".join(f"{results[n]['peak_rss_bytes'] / 2**30:.2f} GB" for n in names)
    rows.append(f"| peak RSS | {peak} |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
