"""A process killed with SIGKILL in the middle of a large import leaves a database that opens and holds
all of that file or none of it; the import log records the interrupted import; a re-run completes.

The kills land at several moments; every outcome must be all-or-nothing, and at least one kill must land
while the import is still running (otherwise the test proves nothing and says so).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from liveroi import db
from liveroi.importer import import_files

ROWS = 60_000
KILL_AFTER_S = (0.6, 1.2, 1.8, 2.6, 3.6)


def _big_export(path: Path) -> None:
    rng = np.random.default_rng(5)
    start = pd.Timestamp("2026-01-01 19:00")
    frame = pd.DataFrame(
        {
            "直播ID": [f"73{i:017d}" for i in range(ROWS)],
            "账号": rng.choice(["崩溃测试A", "崩溃测试B", "崩溃测试C"], ROWS),
            "开播时间": (start + pd.to_timedelta(np.arange(ROWS) * 7, unit="h")).strftime(
                "%Y/%m/%d %H:%M:%S"
            ),
            "直播时长": "3小时5分",
            "观看人数": rng.integers(1000, 20000, ROWS),
            "成交人数": rng.integers(10, 200, ROWS),
            "成交金额(元)": rng.integers(1000, 90000, ROWS),
            "涨粉数": rng.integers(0, 500, ROWS),
            "小店通消耗(元)": rng.integers(100, 9000, ROWS),
            "磁力金牛消耗(元)": rng.integers(100, 9000, ROWS),
        }
    )
    frame.to_csv(path, index=False, encoding="utf-8-sig")


def _state(path: Path) -> tuple[int, list[str]]:
    with db.connection(path, read_only=True) as con:
        sessions = con.execute("SELECT count(*) FROM sessions").fetchone()
        statuses = [r[0] for r in con.execute("SELECT status FROM imports ORDER BY import_id").fetchall()]
    return int(sessions[0]) if sessions else 0, statuses


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_kill_9_mid_import_is_all_or_nothing_and_a_rerun_completes(tmp_path: Path) -> None:
    export = tmp_path / "large_export.csv"
    _big_export(export)
    base = tmp_path / "base.duckdb"
    small = tmp_path / "small.csv"
    small.write_text("直播ID,账号,开播时间,成交金额\n1,已有账号,2025-12-01 19:00,100\n", encoding="utf-8")
    import_files(base, [small])
    killed_mid_import = 0
    for attempt, delay in enumerate(KILL_AFTER_S):
        target = tmp_path / f"attempt{attempt}.duckdb"
        shutil.copy(base, target)
        proc = subprocess.Popen(
            [sys.executable, "-m", "liveroi", "import", str(export), "--db", str(target)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "LIVEROI_DB": str(target)},
        )
        time.sleep(delay)  # any moment is a valid moment to die: the assertions hold for all of them
        still_running = proc.poll() is None
        if still_running:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=120)
        stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        assert still_running or proc.returncode == 0, f"the import failed on its own: {stderr[-500:]}"
        sessions, statuses = _state(target)
        assert sessions in (1, 1 + ROWS), f"partial import after a kill at {delay} s: {sessions} sessions"
        if still_running and sessions == 1:
            killed_mid_import += 1
            # the re-run marks the killed import interrupted and then lands the whole file
            summary = import_files(target, [export])
            assert summary["inserted"] == ROWS
            sessions, statuses = _state(target)
            assert sessions == 1 + ROWS
            assert statuses[0] == "committed" and statuses[-1] == "committed"
            assert "running" not in statuses
            if len(statuses) == 3:  # the kill came after the log row was written
                assert statuses[1] == "interrupted"
    assert killed_mid_import >= 1, "no kill landed during the import: make the file larger"
