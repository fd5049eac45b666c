"""Re-imports (platforms revise figures for 30 days), the change log, the import log, and the
one-transaction-per-file rule, including a failure forced in the middle of a write."""

from __future__ import annotations

from pathlib import Path

import pytest

from liveroi import db
from liveroi.importer import ImportFileError, import_files, load
from tests.messy_files import SESSION_HEADERS_ZH, csv_bytes, session_row

pytestmark = pytest.mark.backends  # every test here runs on a DuckDB file and on DuckLake


def _table(db_path: Path, sql: str) -> list[tuple]:
    with db.connection(db_path, read_only=True) as con:
        return con.execute(sql).fetchall()


def _day1() -> bytes:
    return csv_bytes(
        SESSION_HEADERS_ZH,
        [
            session_row("1", "甲", "2026-01-01 10:00", gmv="1000"),
            session_row("2", "甲", "2026-01-02 10:00", gmv="2000"),
        ],
        encoding="gbk",
    )


def test_reimport_updates_changed_figures_and_logs_each_change(db_path: Path) -> None:
    import_files(db_path, [("t1.csv", _day1())])
    revised = csv_bytes(
        SESSION_HEADERS_ZH,
        [
            session_row("1", "甲", "2026-01-01 10:00", gmv="1100", spend=("120", "50", "-", "0")),
            session_row("2", "甲", "2026-01-02 10:00", gmv="2000"),
            session_row("3", "甲", "2026-01-03 10:00", gmv="3000"),
        ],
        encoding="gbk",
    )
    summary = import_files(db_path, [("t7.csv", revised)])
    assert (summary["inserted"], summary["updated"], summary["unchanged"]) == (1, 1, 1)
    assert _table(db_path, "SELECT session_id, gmv FROM sessions ORDER BY 1") == [
        ("1", 1100.0),
        ("2", 2000.0),
        ("3", 3000.0),
    ]
    changes = _table(
        db_path,
        "SELECT import_id, session_id, field, old_value, new_value FROM import_changes ORDER BY field",
    )
    assert changes == [(2, "1", "gmv", "1000.0", "1100.0"), (2, "1", "spend_xiaodiantong", "100.0", "120.0")]
    assert _table(db_path, "SELECT import_id FROM sessions WHERE session_id = '2'") == [(1,)]  # untouched
    log = _table(
        db_path,
        "SELECT import_id, file_name, kind, status, rows_read, inserted, updated, unchanged FROM imports ORDER BY 1",
    )
    assert log == [
        (1, "t1.csv", "sessions", "committed", 2, 2, 0, 0),
        (2, "t7.csv", "sessions", "committed", 3, 1, 1, 1),
    ]


def test_a_missing_value_never_erases_a_stored_one(db_path: Path) -> None:
    import_files(db_path, [("t1.csv", _day1())])
    # A later export without the refunds column and with '-' for GMV: both keep what is stored.
    header = ["直播ID", "账号名称", "开播时间", "成交金额(元)", "观看人数"]
    data = csv_bytes(header, [["1", "甲", "2026-01-01 10:00", "-", "600"]])
    summary = import_files(db_path, [("partial.csv", data)])
    assert summary["updated"] == 1
    assert _table(db_path, "SELECT gmv, refunds, viewers FROM sessions WHERE session_id = '1'") == [
        (1000.0, 50.0, 600)
    ]


def test_same_file_twice_is_unchanged_and_writes_no_change(db_path: Path) -> None:
    import_files(db_path, [("t1.csv", _day1())])
    summary = import_files(db_path, [("t1.csv", _day1())])
    assert (summary["inserted"], summary["updated"], summary["unchanged"]) == (0, 0, 2)
    assert _table(db_path, "SELECT count(*) FROM import_changes") == [(0,)]
    assert _table(db_path, "SELECT count(*) FROM sessions") == [(2,)]


def test_failure_mid_write_rolls_the_file_back_and_logs_failed(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_files(db_path, [("t1.csv", _day1())])
    before = _table(db_path, "SELECT * FROM sessions ORDER BY session_id")
    revised = csv_bytes(
        SESSION_HEADERS_ZH,
        [
            session_row("1", "甲", "2026-01-01 10:00", gmv="9999"),
            session_row("9", "乙", "2026-01-09 10:00", gmv="bad"),
        ],
    )

    def explode(con, accounts):  # runs after sessions, spend, changes and rejections were written
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(load, "attach_ad_spend", explode)
    with pytest.raises(ImportFileError) as info:
        import_files(db_path, [("t2.csv", revised)], lang="en")
    assert "nothing was written" in info.value.message and "disk on fire" in info.value.message
    assert _table(db_path, "SELECT * FROM sessions ORDER BY session_id") == before
    assert _table(db_path, "SELECT count(*) FROM import_changes") == [(0,)]
    assert _table(db_path, "SELECT count(*) FROM rejected_rows") == [(0,)]
    assert _table(db_path, "SELECT count(*) FROM accounts WHERE account = '乙'") == [(0,)]
    assert _table(db_path, "SELECT file_name, status, error FROM imports ORDER BY import_id") == [
        ("t1.csv", "committed", None),
        ("t2.csv", "failed", "disk on fire"),
    ]


def test_an_unreadable_file_stops_the_call_before_anything_is_written(db_path: Path) -> None:
    with pytest.raises(ImportFileError) as info:
        import_files(db_path, [("good.csv", _day1()), ("bad.csv", b"\x00\x01\x02 not a csv")], lang="en")
    assert info.value.file_name == "bad.csv"
    assert _table(db_path, "SELECT count(*) FROM sessions") == [(0,)]
    assert _table(db_path, "SELECT count(*) FROM imports") == [(0,)]


def test_running_rows_left_by_a_killed_process_are_marked_interrupted(db_path: Path) -> None:
    with db.connection(db_path) as con:  # a row from 3 hours ago: dead on a file and on a shared lake
        con.execute(
            "INSERT INTO imports (import_id, file_name, content_hash, status, started_at)"
            " VALUES (1, 'x.csv', 'h', 'running', current_localtimestamp() - INTERVAL 3 HOUR)"
        )
        load.mark_interrupted(con)
        assert con.execute("SELECT status FROM imports").fetchall() == [("interrupted",)]


def test_content_hash_is_sha256_of_the_bytes(db_path: Path) -> None:
    import hashlib

    data = _day1()
    import_files(db_path, [("t1.csv", data)])
    assert _table(db_path, "SELECT content_hash FROM imports") == [(hashlib.sha256(data).hexdigest(),)]


def test_a_missing_spend_cell_keeps_the_stored_figure_and_a_written_zero_replaces_it(db_path: Path) -> None:
    """'-' in a spend column means missing (never erases, like every other field); 0 is a figure."""
    header = ["直播ID", "账号", "开播时间", "成交金额", "小店通消耗", "磁力金牛消耗"]
    first = csv_bytes(header, [["1", "甲", "2026-01-01 10:00", "1000", "100", "50"]])
    later = csv_bytes(header, [["1", "甲", "2026-01-01 10:00", "1000", "-", "0"]])
    import_files(db_path, [("first.csv", first)])
    summary = import_files(db_path, [("later.csv", later)])
    assert (summary["updated"], summary["unchanged"]) == (1, 0)
    with db.connection(db_path, read_only=True) as con:
        spend = con.execute("SELECT channel, export_spend FROM session_spend ORDER BY channel").fetchall()
        changes = con.execute("SELECT field, old_value, new_value FROM import_changes").fetchall()
    assert spend == [("jinniu", 0.0), ("xiaodiantong", 100.0)]
    assert changes == [("spend_jinniu", "50.0", "0.0")]


def test_sessions_keep_one_row_per_session_id_through_repeated_imports(db_path: Path) -> None:
    """sessions has no primary key (migration 008): the importer keeps session_id unique. The same
    sessions arrive in two files, each imported twice, one of them with a revised figure, and once
    together in one call (the second file's copy wins, not a second row)."""
    revised = csv_bytes(
        SESSION_HEADERS_ZH,
        [
            session_row("2", "甲", "2026-01-02 10:00", gmv="2500"),
            session_row("3", "甲", "2026-01-03 10:00", gmv="3000"),
        ],
        encoding="gbk",
    )
    for files in ([("t1.csv", _day1())], [("t2.csv", revised)], [("t1.csv", _day1())], [("t2.csv", revised)]):
        import_files(db_path, files)
    import_files(db_path, [("t1.csv", _day1()), ("t2.csv", revised)])
    assert _table(db_path, "SELECT session_id FROM sessions GROUP BY ALL HAVING count(*) > 1") == []
    assert _table(db_path, "SELECT session_id, gmv FROM sessions ORDER BY 1") == [
        ("1", 1000.0),
        ("2", 2500.0),
        ("3", 3000.0),
    ]
