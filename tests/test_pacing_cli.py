"""``python -m liveroi pace``: the JSON contract on a real database, and ``--watch`` on a temp folder with a
file still being written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from liveroi import db
from liveroi.importer import import_files
from liveroi.pacing import replay
from liveroi.pacing.watch import FolderWatcher
from tests.timeline_files import (
    ACCOUNT,
    FIVE_MIN_HEADER,
    SESSION_ID,
    SESSION_START,
    five_minute_frame,
    five_minute_rows,
    session_export,
    write_csv,
)

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str, db_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "liveroi", *args, "--db", str(db_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_pace_json_on_the_latest_session(db_path: Path, tmp_path: Path) -> None:
    # gross margin 50 %, no refunds → break-even 2.0; GMV 300 on ¥200 a bucket → ROI 1.5 < 2 → cut.
    frame = five_minute_frame(12)
    frame["gmv"] = 300.0
    write_csv(tmp_path / "t.csv", FIVE_MIN_HEADER, five_minute_rows(frame))
    import_files(db_path, [session_export(tmp_path / "s.csv"), tmp_path / "t.csv"])
    with db.connection(db_path) as con:
        con.execute("UPDATE settings SET gross_margin = 0.5, refund_rate = 0 WHERE account = '*'")
    result = _cli("pace", "--account", ACCOUNT, "--json", db_path=db_path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) == {"account", "session_id", "as_of", "advice"}
    assert answer["session_id"] == SESSION_ID
    assert answer["as_of"] == (SESSION_START + pd.Timedelta(minutes=60)).isoformat()
    (room,) = answer["advice"]
    assert set(room) == {"at", "target", "action", "change", "reason"}
    # cut at 19:30, then the cooldown holds at 20:00
    assert (room["target"], room["action"], room["change"]) == ("room", "hold", 0.0)
    assert "19:30" in room["reason"]

    with db.connection(db_path, read_only=True) as con:
        table = replay(con, ACCOUNT, SESSION_ID, lang="en")
        assert replay(con, ACCOUNT, "nope").empty
    assert table["at"].tolist() == [SESSION_START + pd.Timedelta(minutes=30)]
    assert table["action"].tolist() == ["cut"] and table["change"].tolist() == [-0.2]  # r = 0.75 → −25 %, capped
    assert table["reason"].iloc[0].startswith("ROI 1.50 since 19:00, below break-even 2.00")

    missing = _cli("pace", "--account", ACCOUNT, "--session", "nope", "--json", db_path=db_path)
    assert missing.returncode == 1 and "没有分时段数据" in missing.stderr
    unknown = _cli("pace", "--account", "无此号", db_path=db_path)
    assert unknown.returncode == 1 and unknown.stdout == ""


def test_watcher_waits_for_a_half_written_file_and_imports_each_once(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    rows = five_minute_rows(five_minute_frame(12))
    full = tmp_path / "full.csv"
    write_csv(full, FIVE_MIN_HEADER, rows)
    data = full.read_bytes()
    target = folder / "2026-11-24_直播大屏5分钟时段数据.csv"
    target.write_bytes(data[: len(data) // 2])  # the exporter is still writing
    (folder / "notes.txt").write_text("not an export")
    watcher = FolderWatcher(folder, db_path, account=None, lang="zh")

    first = watcher.poll()
    assert first.imported == [] and first.waiting == [target]
    with target.open("ab") as handle:
        handle.write(data[len(data) // 2 :])  # it finishes between two polls
    second = watcher.poll()
    assert second.imported == [] and second.waiting == [target]  # the size changed: wait once more
    third = watcher.poll()
    assert [p for p, _ in third.imported] == [target]
    assert third.imported[0][1]["inserted"] == 12
    fourth = watcher.poll()
    assert fourth.imported == [] and fourth.waiting == []  # each file once
    with db.connection(db_path, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM imports").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM timeline_points").fetchone() == (12,)


def test_watch_cli_imports_and_prints_advice_when_it_changes(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    write_csv(folder / "t.csv", FIVE_MIN_HEADER, five_minute_rows(five_minute_frame(12)))
    result = _cli(
        "pace", "--account", ACCOUNT, "--json", "--watch", str(folder), "--interval", "0.2", "--max-polls", "4",
        db_path=db_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 1  # imported at the second poll; the advice never changed afterwards
    assert lines[0]["session_id"] is None  # no session export yet: a live broadcast
    assert lines[0]["as_of"] == (SESSION_START + pd.Timedelta(minutes=60)).isoformat()
    assert result.stderr.count("已导入") == 1


def test_watch_refuses_a_missing_folder(db_path: Path, tmp_path: Path) -> None:
    result = _cli("pace", "--account", ACCOUNT, "--watch", str(tmp_path / "missing"), db_path=db_path)
    assert result.returncode == 1 and "文件夹不存在" in result.stderr
