"""Re-imports that skip parsing: a row that last wrote its stored session, cell for cell, with the same
layout, is known (``sessions.row_hash``) and counted unchanged without being parsed. These tests pin the
cases where a row must NOT be treated as known, and that known rows still take part in the checks."""

from __future__ import annotations

from pathlib import Path

import duckdb

from liveroi.importer import import_files
from tests.messy_files import SESSION_HEADERS_ZH, csv_bytes, session_row


def _table(db_path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def _counts(summary: dict) -> tuple[int, int, int, int, int]:
    return (
        summary["inserted"],
        summary["updated"],
        summary["unchanged"],
        summary["skipped"],
        len(summary["rejected"]),
    )


def _file(rows: list[list[object]], headers: tuple[str, ...] = SESSION_HEADERS_ZH) -> bytes:
    return csv_bytes(headers, rows, encoding="gbk", title_lines=["快手直播数据"])


ROW_A = session_row("1", "甲", "2026-01-01 10:00", gmv="1000")
ROW_B = session_row("2", "甲", "2026-01-02 10:00", gmv="2000")


def test_same_file_again_is_all_unchanged_and_touches_nothing(db_path: Path) -> None:
    data = _file([ROW_A, ROW_B, ROW_B, ["合计", "-", "-"]])
    first = import_files(db_path, [("t.csv", data)])
    assert _counts(first) == (2, 0, 0, 2, 0)  # a duplicate copy and the summary row skipped
    stored = _table(
        db_path, "SELECT session_id, gmv, import_id, row_hash IS NOT NULL FROM sessions ORDER BY 1"
    )
    spend = _table(db_path, "SELECT * FROM session_spend ORDER BY ALL")

    again = import_files(db_path, [("t.csv", data)])
    assert _counts(again) == (0, 0, 2, 2, 0)
    assert (
        _table(db_path, "SELECT session_id, gmv, import_id, row_hash IS NOT NULL FROM sessions ORDER BY 1")
        == stored
    )
    assert stored == [("1", 1000.0, 1, True), ("2", 2000.0, 1, True)]
    assert _table(db_path, "SELECT * FROM session_spend ORDER BY ALL") == spend
    assert _table(db_path, "SELECT count(*) FROM import_changes") == [(0,)]


def test_one_changed_cell_is_parsed_and_updated_the_rest_known(db_path: Path) -> None:
    import_files(db_path, [("t1.csv", _file([ROW_A, ROW_B]))])
    revised = session_row("2", "甲", "2026-01-02 10:00", gmv="2,100.50")
    summary = import_files(db_path, [("t2.csv", _file([ROW_A, revised]))])
    assert _counts(summary) == (0, 1, 1, 0, 0)
    assert _table(db_path, "SELECT session_id, gmv, import_id FROM sessions ORDER BY 1") == [
        ("1", 1000.0, 1),
        ("2", 2100.5, 2),
    ]
    assert _table(db_path, "SELECT session_id, field, old_value, new_value FROM import_changes") == [
        ("2", "gmv", "2000.0", "2100.5")
    ]
    # The revised row is now the known one: importing t2 again changes nothing.
    assert _counts(import_files(db_path, [("t2.csv", _file([ROW_A, revised]))])) == (0, 0, 2, 0, 0)


def test_same_cells_under_another_unit_are_not_known(db_path: Path) -> None:
    import_files(db_path, [("yuan.csv", _file([ROW_A]))])
    in_fen = tuple(h.replace("成交金额(元)", "成交金额(分)") for h in SESSION_HEADERS_ZH)
    summary = import_files(db_path, [("fen.csv", _file([ROW_A], headers=in_fen))])
    assert _counts(summary) == (0, 1, 0, 0, 0)
    assert _table(db_path, "SELECT gmv FROM sessions") == [(10.0,)]  # 1000 分 = 10 元


def test_known_row_followed_by_a_later_row_of_its_session_is_rejected_as_repeated(db_path: Path) -> None:
    import_files(db_path, [("t1.csv", _file([ROW_A]))])
    later = session_row("1", "甲", "2026-01-01 10:00", gmv="1500")
    summary = import_files(db_path, [("t2.csv", _file([ROW_A, later]))])
    assert _counts(summary) == (0, 1, 0, 0, 1)
    (rejected,) = summary["rejected"]
    assert (rejected["row"], rejected["column"], rejected["value"]) == (
        3,
        "直播ID",
        "1",
    )  # title, header, row
    assert _table(db_path, "SELECT gmv FROM sessions") == [(1500.0,)]


def test_a_later_file_of_the_same_call_wins_even_when_its_row_is_known(db_path: Path) -> None:
    import_files(db_path, [("old.csv", _file([ROW_A]))])
    revised = session_row("1", "甲", "2026-01-01 10:00", gmv="1200")
    summary = import_files(db_path, [("new.csv", _file([revised])), ("old.csv", _file([ROW_A]))])
    assert _counts(summary) == (0, 2, 0, 0, 0)
    assert _table(db_path, "SELECT gmv FROM sessions") == [(1000.0,)]
    # …and the stored hash is old.csv's row again, so importing it once more is a no-op.
    assert _counts(import_files(db_path, [("old.csv", _file([ROW_A]))])) == (0, 0, 1, 0, 0)


def test_another_fallback_account_is_not_known(db_path: Path) -> None:
    headers = tuple(h for h in SESSION_HEADERS_ZH if h != "账号名称")
    row = [cell for i, cell in enumerate(ROW_A) if SESSION_HEADERS_ZH[i] != "账号名称"]
    import_files(db_path, [("t.csv", _file([row], headers=headers))], account="甲")
    summary = import_files(db_path, [("t.csv", _file([row], headers=headers))], account="乙")
    assert _counts(summary) == (0, 1, 0, 0, 0)
    assert _table(db_path, "SELECT session_id, account FROM sessions") == [("1", "乙")]
