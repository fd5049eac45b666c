"""Reading real messy files: encodings, XLSX, title lines, aliases and units, ids, summary rows,
duplicates, and every rejection reason. Each test builds the file's bytes and imports it for real."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from liveroi.importer import ImportFileError, import_files, preview_file
from tests.messy_files import SESSION_HEADERS_ZH, csv_bytes, session_row, xlsx_bytes

ROOM_ID = "1234567890123456789"  # 19 digits: a float would turn it into 1234567890123456768


def _sessions(db_path: Path) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(
            "SELECT session_id, account, started_at, ended_at, duration_min, viewers, buyers, gmv, refunds, shift "
            "FROM sessions ORDER BY session_id"
        ).fetchall()


def _spend(db_path: Path) -> dict[tuple[str, str], float]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute("SELECT session_id, channel, export_spend FROM session_spend").fetchall()
    return {(s, c): v for s, c, v in rows}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_session_export_in_each_encoding_with_title_line_and_summary_row(
    db_path: Path, encoding: str
) -> None:
    rows = [
        session_row(ROOM_ID, "旗舰店", "2026/1/3 9:33:16", "2026/1/3 12:33:16", gmv="￥12,345.60"),
        session_row("9876543210987654321", "新号", "2026-01-04 19:00", "", gmv="1.2万"),
        ["合计", "", "", "", "", "", "1000", "", "", "", "", "", "", "", "", "13545.6"],
    ]
    data = csv_bytes(
        SESSION_HEADERS_ZH, rows, encoding=encoding, title_lines=["快手直播数据 2026-01-01 至 2026-01-07"]
    )
    summary = import_files(db_path, [("export.csv", data)])
    assert summary == {
        "files": [
            {
                "file": "export.csv",
                "layout": "generic_session_export",
                "kind": "sessions",
                "rows_read": 3,
                "inserted": 2,
                "updated": 0,
                "unchanged": 0,
                "skipped": 1,
                "rejected": 0,
                "precedence": [],
            }
        ],
        "inserted": 2,
        "updated": 0,
        "unchanged": 0,
        "skipped": 1,
        "rejected": [],
    }
    stored = _sessions(db_path)
    assert [s[0] for s in stored] == [ROOM_ID, "9876543210987654321"]
    assert stored[0][1:4] == (
        "旗舰店",
        dt.datetime(2026, 1, 3, 9, 33, 16),
        dt.datetime(2026, 1, 3, 12, 33, 16),
    )
    assert stored[0][4] == 180.0  # 3小时
    assert stored[0][7] == 12345.6 and stored[1][7] == 12000.0
    assert stored[0][9] == "晚班"
    spend = _spend(db_path)
    assert spend[(ROOM_ID, "xiaodiantong")] == 100.0
    assert spend[(ROOM_ID, "jinniu")] == 50.0
    assert (ROOM_ID, "fentiao") not in spend  # '-' = missing spend = 0: no row (so is a written 0)
    assert (ROOM_ID, "works_promo") not in spend
    with duckdb.connect(str(db_path), read_only=True) as con:
        shown = con.execute(
            "SELECT spend_fentiao, total_spend FROM session_metrics WHERE session_id = ?", [ROOM_ID]
        ).fetchone()
    assert shown == (0.0, 150.0)


def test_xlsx_with_title_rows_numeric_cells_and_sheet_choice(db_path: Path) -> None:
    header = ["直播间ID", "主播昵称", "直播开始时间", "直播时长", "观看人数", "成交人数", "支付金额(分)"]
    data = xlsx_bytes(
        {
            "说明": [["本表为导出说明"], ["无数据"]],
            "场次": [
                ["直播场次明细"],
                [],
                header,
                [ROOM_ID, "旗舰店", dt.datetime(2026, 1, 3, 9, 33), 192.0, 1500.0, 30, 1234560],
                ["42", "旗舰店", 46025.5, "192:05", 100, 3, "1,000"],
            ],
        }
    )
    summary = import_files(db_path, [("export.xlsx", data)])
    assert summary["inserted"] == 2 and summary["rejected"] == []
    stored = {s[0]: s for s in _sessions(db_path)}
    assert stored[ROOM_ID][2] == dt.datetime(2026, 1, 3, 9, 33)
    assert stored[ROOM_ID][4] == 192.0 and stored[ROOM_ID][5] == 1500  # int-valued floats as integers
    assert stored[ROOM_ID][7] == 12345.6  # 分 → 元
    assert stored["42"][2] == dt.datetime(2026, 1, 3, 12, 0)  # Excel serial 46025.5
    assert stored["42"][4] == pytest.approx(192 + 5 / 60)  # 192:05 = 192 min 5 s
    assert stored["42"][7] == 10.0
    preview = preview_file(("export.xlsx", data))
    assert (preview.kind, preview.header_row) == ("sessions", 3)
    assert preview.mapping[0] == ("直播间ID", "session_id")


def test_xlsx_named_sheet_and_missing_sheet(db_path: Path) -> None:
    header = ["直播ID", "账号", "开播时间", "成交金额"]
    data = xlsx_bytes(
        {
            "A": [header, ["1", "甲", "2026-01-01 10:00", "5"]],
            "B": [header, ["2", "乙", "2026-01-02 10:00", "7"]],
        }
    )
    assert import_files(db_path, [("x.xlsx", data)], sheet="B")["inserted"] == 1
    assert [s[0] for s in _sessions(db_path)] == ["2"]
    with pytest.raises(ImportFileError) as info:
        import_files(db_path, [("x.xlsx", data)], sheet="C", lang="en")
    assert "no sheet named" in info.value.message and info.value.file_name == "x.xlsx"


def test_units_li_and_seconds_and_unknown_channel(db_path: Path) -> None:
    header = [
        "场次ID",
        "快手号",
        "开始时间",
        "直播时长(秒)",
        "平均停留时长(分钟)",
        "累计成交金额(厘)",
        "某新工具花费(分)",
        "直播推广消耗金额",
    ]
    data = csv_bytes(header, [["s1", "甲", "2026-02-01 20:00:00", "3600", "1.5", "1234567", "2500", "30"]])
    assert import_files(db_path, [("u.csv", data)])["inserted"] == 1
    with duckdb.connect(str(db_path), read_only=True) as con:
        row = con.execute("SELECT duration_min, avg_watch_s, gmv FROM sessions").fetchone()
    assert row == (60.0, 90.0, 1234.57)
    assert _spend(db_path) == {("s1", "某新工具"): 25.0, ("s1", "live_promo"): 30.0}


def test_english_canonical_headers_round_trip(db_path: Path) -> None:
    header = [
        "session_id",
        "account",
        "day",
        "started_at",
        "ended_at",
        "gmv",
        "spend_xiaodiantong",
        "spend_other",
        "total_spend",
        "roi",
    ]
    data = csv_bytes(
        header,
        [
            [
                "r1",
                "acct",
                "2026-03-01",
                "2026-03-01 10:00:00",
                "2026-03-01 12:00:00",
                "800.5",
                "100",
                "20",
                "120",
                "6.67",
            ]
        ],
        encoding="utf-8-sig",
    )
    assert import_files(db_path, [("liveroi-export.csv", data)])["inserted"] == 1
    assert _spend(db_path) == {("r1", "xiaodiantong"): 100.0, ("r1", "other"): 20.0}


def test_derived_id_is_stable_and_account_fallback(db_path: Path) -> None:
    header = ["开播时间", "观看人数", "成交人数", "成交金额"]
    data = csv_bytes(header, [["2026-01-05 19:00", "100", "5", "50"]])
    with pytest.raises(ImportFileError) as info:
        import_files(db_path, [("noacct.csv", data)], lang="en")
    assert "--account" in info.value.message
    first = import_files(db_path, [("noacct.csv", data)], account="旗舰店")
    again = import_files(db_path, [("noacct.csv", data)], account="旗舰店")
    assert (first["inserted"], again["unchanged"]) == (1, 1)
    import hashlib

    expected = "d:" + hashlib.sha256("旗舰店|2026-01-05T19:00:00".encode()).hexdigest()[:16]
    assert [s[0] for s in _sessions(db_path)] == [expected]


def test_exact_duplicates_collapse_and_repeated_ids_keep_the_last(db_path: Path) -> None:
    a = session_row("1", "甲", "2026-01-01 10:00", gmv="100")
    b = session_row("1", "甲", "2026-01-01 10:00", gmv="150")
    c = session_row("2", "甲", "2026-01-02 10:00")
    data = csv_bytes(SESSION_HEADERS_ZH, [a, a, c, a, b], encoding="gbk")
    summary = import_files(db_path, [("d.csv", data)], lang="en")
    # rows: a (kept copy), a (dup), c, a (dup), b → a is superseded by b, later in the file
    assert summary["skipped"] == 2 and summary["inserted"] == 2
    assert summary["rejected"] == [
        {
            "file": "d.csv",
            "row": 2,
            "column": "直播ID",
            "value": "1",
            "reason": "the same session appears again later in the file; the last row was kept",
        }
    ]
    assert {s[0]: s[7] for s in _sessions(db_path)} == {"1": 150.0, "2": 1000.0}


def test_every_rejection_reason_with_row_column_value_and_raw_row(db_path: Path) -> None:
    rows = [
        session_row("ok", "甲", "2026-01-01 10:00"),  # row 3 (title line + header above)
        session_row("r1", "甲", "not a time"),  # row 4
        session_row("r2", "甲", "2026-01-01 11:00", gmv="12.3%"),  # row 5: % in money
        session_row("r3", "甲", "2026-01-01 12:00", gmv="-5"),  # row 6
        session_row("r4", "甲", "2026-01-01 13:00", viewers="10", buyers="11"),  # row 7
        session_row("r5", "", "2026-01-01 14:00"),  # row 8
        session_row("r6", "甲", "2026-01-01 15:00", "2026-01-01 14:00"),  # row 9
        session_row("r7", "甲", ""),  # row 10
        session_row("r8", "甲", "2026-01-01 16:00", gmv="abc", spend=("x", "-1", "0", "0")),  # row 11
    ]
    data = csv_bytes(SESSION_HEADERS_ZH, rows, encoding="gbk", title_lines=["标题"])
    summary = import_files(db_path, [("bad.csv", data)], lang="en")
    got = {(r["row"], r["column"], r["value"], r["reason"]) for r in summary["rejected"]}
    assert got == {
        (4, "开播时间", "not a time", "not a recognisable date/time"),
        (5, "成交金额(元)", "12.3%", "not a valid number"),
        (6, "成交金额(元)", "-5", "must not be negative"),
        (7, "成交人数", "11", "more buyers than viewers"),
        (8, "账号名称", None, "account is missing (pass --account to set one)"),
        (9, "下播时间", "2026-01-01 14:00", "ends before it starts"),
        (10, "开播时间", None, "start time is missing"),
        (11, "成交金额(元)", "abc", "not a valid number"),
        (11, "小店通消耗(元)", "x", "not a valid number"),
        (11, "磁力金牛消耗(元)", "-1", "must not be negative"),
    }
    assert summary["inserted"] == 1 and [s[0] for s in _sessions(db_path)] == ["ok"]
    with duckdb.connect(str(db_path), read_only=True) as con:
        stored = con.execute(
            "SELECT row_number, column_name, reason_key, reason, raw_row, file_name FROM rejected_rows "
            "WHERE row_number = 7"
        ).fetchall()
        rejected_count = con.execute("SELECT rejected, rows_read FROM imports").fetchone()
    assert stored[0][:4] == (7, "成交人数", "reject.buyers_gt_viewers", "more buyers than viewers")
    raw = json.loads(stored[0][4])
    assert raw["直播ID"] == "r4" and raw["成交人数"] == "11" and raw["班次"] == "晚班"
    assert rejected_count == (8, 9)  # eight rows rejected (row 11 thrice, counted once) of nine read


def test_reasons_in_chinese_by_default(db_path: Path) -> None:
    data = csv_bytes(SESSION_HEADERS_ZH, [session_row("r", "甲", "2026-01-01 10:00", gmv="-1")])
    (entry,) = import_files(db_path, [("zh.csv", data)])["rejected"]
    assert entry["reason"] == "不能为负数"


def test_semicolon_delimiter_and_epoch_millis(db_path: Path) -> None:
    header = ["live_id", "account", "live_start_time", "gmv"]
    data = csv_bytes(header, [["7", "a", "1767404596000", "5"]], delimiter=";")
    import_files(db_path, [("api.csv", data)])
    assert _sessions(db_path)[0][2] == dt.datetime(2026, 1, 3, 9, 43, 16)
