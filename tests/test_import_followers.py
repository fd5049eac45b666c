"""The follower columns (schema version 6): 粉丝总数, 粉丝成交金额, 粉丝成交人数 and 取关粉丝数 come in
under their aliases, update on re-import, reach session_metrics; and a migration numbered below the
latest applied one is still applied (branches merged out of order)."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from liveroi import db
from liveroi.importer import import_files
from liveroi.importer.headers import canonical_of
from tests.messy_files import csv_bytes


@pytest.mark.parametrize(
    ("header", "canonical"),
    [
        ("粉丝总数", "followers_total"),
        ("累计粉丝数", "followers_total"),
        ("当前粉丝数", "followers_total"),
        ("粉丝数", "followers_total"),
        ("粉丝量", "followers_total"),
        ("直播结束粉丝数", "followers_total"),
        ("粉丝成交金额(元)", "fans_gmv"),
        ("粉丝GMV", "fans_gmv"),
        ("粉丝支付金额", "fans_gmv"),
        ("老粉成交金额", "fans_gmv"),
        ("粉丝成交人数", "fans_buyers"),
        ("取关粉丝数", "followers_lost"),
        ("粉丝关注数", "new_followers"),  # still the session's new followers, not the stock
    ],
)
def test_aliases(header: str, canonical: str) -> None:
    assert canonical_of(header) == canonical


HEADERS = ["直播ID", "账号", "开播时间", "直播时长(分钟)", "涨粉数", "取关粉丝数", "粉丝总数", "成交金额(元)",
           "粉丝成交金额(分)", "粉丝成交人数"]  # fmt: skip


@pytest.mark.backends  # a DuckDB file and DuckLake alike
def test_follower_columns_import_update_and_reach_session_metrics(db_path: Path) -> None:
    rows = [
        ["r1", "新号", "2026-05-01 19:00", "240", "300", "12", "1.2万", "5000", "180000", "30"],
        ["r2", "新号", "2026-05-02 19:00", "240", "280", "", "12,268", "4800", "-", ""],
    ]
    summary = import_files(db_path, [("s.csv", csv_bytes(HEADERS, rows))])
    assert summary["inserted"] == 2 and summary["rejected"] == []
    with closing(db.connect(db_path, read_only=True)) as con:
        got = con.execute(
            "SELECT session_id, followers_total, fans_gmv, fans_buyers, followers_lost FROM session_metrics"
            " ORDER BY session_id"
        ).fetchall()
    # 1.2万 → 12,000; 180000 分 → ¥1,800; a missing cell is NULL
    assert got == [("r1", 12_000, 1_800.0, 30, 12), ("r2", 12_268, None, None, None)]
    # a re-import with the figures revised updates them and logs the change
    rows[1][8], rows[1][6] = "150000", "12,270"
    summary = import_files(db_path, [("s2.csv", csv_bytes(HEADERS, rows))])
    assert summary["updated"] == 1
    with closing(db.connect(db_path, read_only=True)) as con:
        assert con.execute(
            "SELECT followers_total, fans_gmv FROM sessions WHERE session_id = 'r2'"
        ).fetchone() == (
            12_270,
            1_500.0,
        )
        changed = {
            r[0] for r in con.execute("SELECT field FROM import_changes WHERE session_id = 'r2'").fetchall()
        }
    assert changed == {"followers_total", "fans_gmv"}


@pytest.mark.backends
def test_a_negative_stock_is_rejected(db_path: Path) -> None:
    rows = [["r1", "新号", "2026-05-01 19:00", "240", "300", "", "-5", "5000", "", ""]]
    summary = import_files(db_path, [("s.csv", csv_bytes(HEADERS, rows))])
    assert summary["inserted"] == 0 and summary["rejected"][0]["column"] == "粉丝总数"


def test_a_migration_below_the_latest_applied_still_runs(db_path: Path) -> None:
    """A file that recorded version 6 but not 5 (006 merged before 005) gets 005 when it appears —
    here simulated by forgetting that 004 ran and dropping what it made."""
    with db.connection(db_path) as con:
        assert db.schema_version(con) == db.latest_schema_version()
        con.execute("ALTER TABLE sessions DROP COLUMN followers_lost")
        con.execute("DELETE FROM schema_version WHERE version = 4")
    with db.connection(db_path) as con:  # opening read-write migrates
        columns = {r[0] for r in con.execute("DESCRIBE sessions").fetchall()}
        versions = {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}
    assert "followers_lost" in columns and 4 in versions
