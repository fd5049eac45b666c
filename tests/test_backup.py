"""backup/restore: a restore round-trips every table, keeps ids moving forward, and never half-writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from liveroi import backup, db


def _fill_every_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO accounts (account, platform) VALUES ('旗舰店', 'kuaishou'), ('x''); DROP', NULL)"
    )
    con.execute(
        "INSERT INTO sessions (session_id, account, started_at, ended_at, gmv, refunds, viewers, buyers)"
        " VALUES ('7301234567890123456', '旗舰店', '2026-11-11 19:00', '2026-11-11 23:00', 123456.78, 99, 5000, 60)"
    )
    con.execute("INSERT INTO session_spend VALUES ('7301234567890123456', 'xiaodiantong', 30000, NULL, NULL)")
    con.execute("INSERT INTO session_extras VALUES ('7301234567890123456', 'refunds_1h', 12.5)")
    con.execute(
        "INSERT INTO ad_spend (account, channel, plan, period_start, period_end, spend, session_id)"
        " VALUES ('旗舰店', 'jinniu', '预热', '2026-11-11 09:00', '2026-11-11 10:00', 88.5, NULL)"
    )
    con.execute(
        "INSERT INTO ad_precedence VALUES (1, '旗舰店', 'jinniu', '2026-11-11', 'kuaishou_jinniu_unit', 88.5,"
        " 300, 'kuaishou_jinniu_account_daily', 90, 310)"
    )
    con.execute("INSERT INTO account_ids VALUES ('13377905', '旗舰店')")
    con.execute("INSERT INTO settings (account, gross_margin, target_roi) VALUES ('旗舰店', 0.45, 3)")
    con.execute("INSERT INTO promo_days VALUES ('2026-11-11', '双11', NULL)")
    con.execute("INSERT INTO brand_settings (brand, test_share) VALUES ('*', 0.15)")
    con.execute(
        "INSERT INTO timeline_points (account, channel, plan, form, minutes, ts, online, gmv, spend, learning)"
        " VALUES ('旗舰店', 'qianchuan', '计划A', 'bucket', 5, '2026-11-11 19:05', 120, 880.5, 300, 'learning')"
    )
    for name in ("a.csv", "b.csv", "c.csv"):
        con.execute(
            "INSERT INTO imports (file_name, content_hash, status) VALUES (?, 'h', 'committed')", [name]
        )
    con.execute("INSERT INTO import_changes VALUES (2, '7301234567890123456', 'gmv', '1', '2')")
    con.execute(
        "INSERT INTO rejected_rows VALUES (3, 'c.csv', 7, '成交金额', '-5', 'reject.negative', '负数', '{}')"
    )


def _table_rows(path: Path) -> dict[str, list[tuple]]:
    with db.connection(path, read_only=True) as con:
        tables = list(db.query(con, "export/backup_tables")["table_name"])
        return {
            t: sorted(map(tuple, con.execute(f'SELECT * FROM "{t}"').fetchall()), key=repr)
            for t in tables
            if t != "schema_version"
        }


def test_restore_round_trips_every_table(db_path: Path, tmp_path: Path) -> None:
    with db.connection(db_path) as con:
        _fill_every_table(con)
    result = backup.backup(db_path, tmp_path / "bk")
    assert result.rows["sessions"] == 1 and result.rows["imports"] == 3
    restored = tmp_path / "restored.duckdb"
    backup.restore(tmp_path / "bk", restored)

    original, copy = _table_rows(db_path), _table_rows(restored)
    assert set(original) == set(copy)
    assert all(original[t] for t in original), "the fixture must fill every table"
    assert copy == original
    with db.connection(restored) as con:
        assert con.execute("SELECT session_id, roi FROM session_metrics").fetchone() == (
            "7301234567890123456",
            pytest.approx(123456.78 / 30000),
        )
        new_id = con.execute(
            "INSERT INTO imports (file_name, content_hash, status) VALUES ('d.csv', 'h', 'running') RETURNING import_id"
        ).fetchone()
    assert new_id == (4,), "the id sequence continues after the restored ids"


def test_restore_refuses_to_replace_data_unless_forced(db_path: Path, tmp_path: Path) -> None:
    with db.connection(db_path) as con:
        _fill_every_table(con)
    backup.backup(db_path, tmp_path / "bk")
    with db.connection(db_path) as con:
        con.execute("DELETE FROM promo_days")
    with pytest.raises(backup.BackupError, match="already holds data"):
        backup.restore(tmp_path / "bk", db_path)
    backup.restore(tmp_path / "bk", db_path, force=True)
    with db.connection(db_path, read_only=True) as con:
        assert con.execute("SELECT name FROM promo_days").fetchall() == [("双11",)]


def test_damaged_backup_leaves_target_untouched(db_path: Path, tmp_path: Path) -> None:
    with db.connection(db_path) as con:
        _fill_every_table(con)
    backup.backup(db_path, tmp_path / "bk")
    (tmp_path / "bk" / "sessions.parquet").unlink()
    target = tmp_path / "target.duckdb"
    with pytest.raises(backup.BackupError, match=r"sessions\.parquet"):
        backup.restore(tmp_path / "bk", target)
    assert not target.exists()
    assert not list(tmp_path.glob("target.duckdb.restoring*"))


def test_cli_backup_and_restore(db_path: Path, tmp_path: Path) -> None:
    with db.connection(db_path) as con:
        _fill_every_table(con)
    run = [sys.executable, "-m", "liveroi"]
    done = subprocess.run(
        [*run, "backup", "--db", str(db_path), "--out", str(tmp_path / "bk")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"]["sessions"] == 1
    again = subprocess.run(
        [*run, "backup", "--db", str(db_path), "--out", str(tmp_path / "bk")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 1 and "not empty" in again.stderr and "Traceback" not in again.stderr
    target = tmp_path / "new.duckdb"
    done = subprocess.run(
        [*run, "restore", "--db", str(target), "--from", str(tmp_path / "bk")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _table_rows(target) == _table_rows(db_path)
    missing = subprocess.run(
        [*run, "restore", "--db", str(target), "--from", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 1 and "not a liveroi backup" in missing.stderr
