"""The import lower bound (benchmarks/import_lower_bound.py) stores what it claims to: every row of a
narrow canonical CSV in ``sessions`` and every non-zero spend cell in ``session_spend`` — so the figure
the README quotes is the cost of that work, not of less. Not timed."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from benchmarks.import_lower_bound import bare_import_seconds

HEADER = [
    "session_id", "account", "started_at", "ended_at", "viewers", "orders", "gmv",
    "spend_xiaodiantong", "spend_jinniu", "spend_fentiao",
]  # fmt: skip
ROWS = [
    ["5200000000000000001", "甲", "2026-11-01 20:00:00", "2026-11-01 23:00:00", "1000", "12", "3456.5", "800", "0", "120.5"],
    ["5200000000000000002", "甲", "2026-11-02 20:00:00", "2026-11-02 22:30:00", "900", "9", "2999", "750", "300", "0"],
    ["5200000000000000003", "乙", "2026-11-02 19:00:00", "", "400", "3", "812.25", "0", "0", "0"],
]  # fmt: skip


def test_the_bare_import_stores_every_session_and_every_non_zero_spend(tmp_path: Path) -> None:
    path = tmp_path / "narrow.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([HEADER, *ROWS])
    steps = bare_import_seconds(path, tmp_path)
    assert set(steps) == {"read", "sessions", "spend", "commit", "total"}
    spend = {
        (row[0], column.removeprefix("spend_"), float(row[i]))
        for row in ROWS
        for i, column in enumerate(HEADER)
        if column.startswith("spend_") and float(row[i]) != 0
    }
    con = duckdb.connect(str(tmp_path / "bare.duckdb"), read_only=True)
    try:
        stored = con.execute("SELECT session_id, account, gmv, ended_at IS NULL FROM sessions ORDER BY 1").fetchall()
        stored_spend = set(con.execute("SELECT session_id, channel, export_spend FROM session_spend").fetchall())
    finally:
        con.close()
    assert stored == [(r[0], r[1], float(r[6]), r[3] == "") for r in ROWS]
    assert stored_spend == spend


def test_duckdb_imports_pandas_on_the_first_bound_parameter_as_the_lower_bound_says() -> None:
    """The start the lower bound adds for an importer that binds parameters (BOUND_PARAMETER) is the
    start of a process with pandas in it: DuckDB's client imports pandas for a bound value, not for a
    statement without one. Should a DuckDB release stop doing so, the README's figure is stale."""
    import subprocess
    import sys

    from benchmarks.import_lower_bound import BOUND_PARAMETER

    def loads_pandas(code: str) -> bool:
        probe = f"{code}\nimport sys; print('pandas' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
        return out.stdout.strip() == "True"

    assert loads_pandas(BOUND_PARAMETER)
    assert not loads_pandas("import duckdb; duckdb.connect().execute('SELECT 1').fetchall()")
