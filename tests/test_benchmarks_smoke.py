"""The benchmark harness end to end at a tiny size (one ~2,000-session account, one run, no browser),
so it cannot rot: every area reports numbers, and the real CLI import counted every generated row.

Not a timed test: it asserts the structure of the results and the row counts, never a speed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks import bench_queries
from benchmarks.__main__ import main
from liveroi import db

SIZE = "2k"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str, Path]:
    out = tmp_path_factory.mktemp("bench")
    code = main(
        [
            "--sizes", SIZE, "--runs", "1", "--only", "import,queries,pages,advisor",
            "--no-advisor-synthetic", "--data-dir", str(out / "data"),
            "--out", str(out / "RESULTS.md"), "--json", str(out / "results.json"),
        ]
    )  # fmt: skip
    assert code == 0
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return results, (out / "RESULTS.md").read_text(encoding="utf-8"), out


def _data_lines(path: Path, encoding: str, above_header: int) -> int:
    """Data rows of a CSV counted here, line by line (no cell holds a line break)."""
    lines = [line for line in path.read_text(encoding=encoding).splitlines() if line.strip()]
    return len(lines) - above_header - 1


def test_import_counts_equal_the_generated_rows(run) -> None:
    results, _, _ = run
    dataset = results["datasets"][SIZE]
    canonical = Path(dataset["directory"]) / "canonical.csv"
    gbk = Path(dataset["directory"]) / "export_gbk.csv"
    rows = _data_lines(canonical, "utf-8-sig", 0)
    assert 1_000 <= rows <= 4_000  # one account over DAYS days
    assert rows == dataset["sessions"]
    # the GBK export has a title line above the header and a 合计 row the importer skips
    assert _data_lines(gbk, "gbk", 1) == rows + 1
    narrow = Path(dataset["directory"]) / "narrow.csv"
    assert _data_lines(narrow, "utf-8", 0) == rows
    assert len(narrow.read_text(encoding="utf-8").splitlines()[0].split(",")) == 10
    for kind in ("narrow", "canonical", "gbk"):
        imported = results["import"][SIZE][kind]
        assert imported["import"]["inserted"] == rows
        assert imported["lake_import"]["inserted"] == rows  # the same file into a fresh DuckLake
        assert imported["lake_ratio_duckdb"] == pytest.approx(
            imported["lake_import"]["median"] / imported["duckdb_read_csv"]["median"]
        )
        assert imported["import"]["database"]["sessions"] == rows
        assert imported["import"]["rejected"] == 0
        assert imported["reimport"]["unchanged"] == rows
        assert imported["duckdb_read_csv"]["result"] == rows + (1 if kind == "gbk" else 0)
        assert imported["pandas_read_csv"]["result"] == rows + (1 if kind == "gbk" else 0)
        assert imported["ratio_duckdb"] == pytest.approx(
            imported["import"]["median"] / imported["duckdb_read_csv"]["median"]
        )
        assert imported["import"]["peak_rss_bytes"] > 50 * 1024**2  # a real child process was measured


def test_every_page_query_and_page_is_measured(run) -> None:
    results, _, _ = run
    queries = results["queries"][SIZE]
    measured_queries = {entry["query"] for entry in queries.values()}
    assert measured_queries == set(bench_queries.page_queries())
    page_sql = sorted((Path(__file__).resolve().parent.parent / "queries" / "pages").glob("*.sql"))
    assert measured_queries == {f"pages/{path.stem}" for path in page_sql}  # every page query, reads only
    for name in measured_queries:  # write statements (the promo calendar's, in queries/settings/) never run
        assert not re.search(r"^\s*(INSERT|DELETE|UPDATE|CREATE|DROP)\b", db.load_sql(name), re.I | re.M), name
    assert all(entry["median"] > 0 for entry in queries.values())
    assert queries["pages/daily_series · one account"]["rows"] == 30  # one row per day, last 30 days

    pages = results["pages"][SIZE]
    page_files = {p.name for p in (Path(__file__).resolve().parent.parent / "pages").glob("*.py")}
    assert {key.removeprefix("pages/") for key in pages if key.startswith("pages/")} == page_files
    for key, page in pages.items():
        if key.startswith("pages/"):
            assert page["errors"] == [], key
            assert len(page["cold"]) == 1 and page["cold"][0] > 0
            assert page["payload_bytes"] > 0

    advisor = results["advisor"][SIZE]
    assert advisor["one_account"]["sessions"] == results["datasets"][SIZE]["sessions"]
    assert advisor["all_accounts"]["accounts"] == 1
    assert advisor["all_accounts"]["sessions_used"] == results["datasets"][SIZE]["sessions"]


def test_report_has_every_area_with_numbers(run) -> None:
    _, markdown, _ = run
    for heading in ("## Targets", "## Import", "## Page queries", "## Pages (AppTest)", "## Advisor",
                    "## Misses and what was done"):  # fmt: skip
        assert heading in markdown
    assert "## Browser" in markdown and "Not measured in this run." in markdown
    assert "import (canonical) ≤ 3× DuckDB read_csv" in markdown
    assert "DuckLake import (narrow) ≤ 3× DuckDB read_csv" in markdown
    assert "`pages/account_matrix · all accounts` ≤ 300 ms" in markdown
    assert "| `pages/today.py` cold |" in markdown
    assert "duckdb 1.5.5" in markdown


def test_a_childs_peak_memory_is_its_own_not_the_benchmark_processes() -> None:
    """Linux carries a process's pre-exec RSS into its ru_maxrss; a child forked straight from a large
    benchmark process reported that process's size (4.18 GB for a 1.4 GB import)."""
    import sys

    from benchmarks.timing import run_child

    ballast = bytearray(600 * 2**20)  # this process: > 600 MiB resident
    ballast[::4096] = b"x" * len(ballast[::4096])
    child = run_child([sys.executable, "-c", "x = bytearray(80 * 2**20); x[::4096] = b'y' * len(x[::4096])"])
    assert child.returncode == 0
    assert 80 * 2**20 < child.peak_rss_bytes < 200 * 2**20
    assert len(ballast) == 600 * 2**20
