"""Concurrent use with real second processes: ``python -m liveroi import`` meeting another writer's
lock (busy → exit 75 with the documented message; a lock released in time → the import waits and
succeeds). That a page shows a CLI import on its next rerun is tested in ``tests/test_pages_import.py``;
ten browser sessions during an import are in ``tests/test_concurrency_browser.py``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from liveroi import cli, db

EXPORT = (
    "直播ID,账号,开播时间,直播时长,观看人数,涨粉数,成交人数,成交金额,小店通消耗\n"
    "9300000000000000001,锁测试号,2026-11-24 19:00,3小时,1200,80,30,3600,1000\n"
    "9300000000000000002,锁测试号,2026-11-23 19:00,180,1100,70,25,3000,900\n"
).encode()
# A second process that takes the write lock, says so, then releases it after HOLD seconds (argv[2])
# or, with no HOLD, when its stdin closes.
HOLDER = (
    "import duckdb, sys, time\n"
    "con = duckdb.connect(sys.argv[1])\n"
    "print('locked', flush=True)\n"
    "time.sleep(float(sys.argv[2])) if len(sys.argv) > 2 else sys.stdin.read()\n"
    "con.close()\n"
    "print('released', flush=True)\n"
    "sys.stdin.read()\n"
)


def _holder(path: Path, hold_s: float | None = None) -> subprocess.Popen[str]:
    args = [sys.executable, "-c", HOLDER, str(path), *([] if hold_s is None else [str(hold_s)])]
    holder = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def _import(
    export: Path, path: Path, busy_timeout_s: float
) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, db.ENV_BUSY_TIMEOUT: str(busy_timeout_s), cli.ENV_LANG: "en"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "liveroi", "import", str(export), "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    return done, time.monotonic() - started


def _sessions(path: Path) -> int:
    with db.connection(path, read_only=True) as con:
        return int(con.execute("SELECT count(*) FROM sessions WHERE account = '锁测试号'").fetchone()[0])


def test_import_meeting_a_held_lock_reports_busy_with_exit_75(db_path: Path, tmp_path: Path) -> None:
    export = tmp_path / "锁测试号.csv"
    export.write_bytes(EXPORT)
    holder = _holder(db_path)
    try:
        done, elapsed = _import(export, db_path, busy_timeout_s=1.5)
    finally:
        holder.communicate(input="", timeout=30)  # close stdin: the holder releases and exits
    assert done.returncode == cli.EXIT_BUSY == 75
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr  # one line, as README "Exit codes" says
    assert lines[0].startswith("liveroi: the database ") and "is busy" in lines[0] and "Try again" in lines[0]
    assert elapsed >= 1.5  # it waited the whole busy timeout before giving up
    assert _sessions(db_path) == 0  # nothing written


def test_import_waits_for_a_lock_released_within_the_timeout(db_path: Path, tmp_path: Path) -> None:
    export = tmp_path / "锁测试号.csv"
    export.write_bytes(EXPORT)
    hold_s = 3.0
    holder = _holder(db_path, hold_s=hold_s)
    try:
        done, elapsed = _import(export, db_path, busy_timeout_s=30)
        assert holder.stdout is not None and holder.stdout.readline().strip() == "released"
    finally:
        holder.communicate(input="", timeout=30)
    assert done.returncode == 0, done.stderr
    # it cannot have finished before the holder let go (the lock was held from before it started)
    assert elapsed >= hold_s - 0.5
    assert _sessions(db_path) == 2
