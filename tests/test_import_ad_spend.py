"""Ad-spend reports: detection, hourly/daily periods, attach to sessions by overlap, unattributed spend."""

from __future__ import annotations

from pathlib import Path

import pytest

from liveroi import db
from liveroi.importer import import_files, preview_file
from tests.messy_files import csv_bytes

pytestmark = pytest.mark.backends  # every test here runs on a DuckDB file and on DuckLake

AD_HEADER = ["时间", "账号", "推广工具", "计划名称", "消耗(元)", "广告成交金额(元)"]
SESSION_HEADER = ["直播ID", "账号名称", "开播时间", "下播时间", "直播时长", "成交金额(元)", "小店通消耗(元)"]


def _q(db_path: Path, sql: str) -> list[tuple]:
    with db.connection(db_path, read_only=True) as con:
        return con.execute(sql).fetchall()


def _sessions_file() -> bytes:
    # A: 19:00–21:00; B: 20:30 + 60 min (no end time: duration decides); C: another account.
    return csv_bytes(
        SESSION_HEADER,
        [
            ["A", "旗舰店", "2026-11-11 19:00", "2026-11-11 21:00", "", "5000", "999"],
            ["B", "旗舰店", "2026-11-11 20:30", "", "60", "3000", ""],
            ["C", "新号", "2026-11-11 20:00", "2026-11-11 23:00", "", "100", ""],
        ],
        encoding="gbk",
        title_lines=["场次数据"],
    )


def _ad_file() -> bytes:
    return csv_bytes(
        AD_HEADER,
        [
            ["2026-11-11 19:00", "旗舰店", "小店通", "计划A", "100", "400"],  # only A
            ["2026-11-11 20:00", "旗舰店", "小店通", "计划A", "90", "300"],  # A 60 min, B 30 min → 60/30
            ["2026-11-11 21:00", "旗舰店", "磁力金牛", "计划B", "40", ""],  # only B (21:00–21:30)
            ["2026-11-12 03:00", "旗舰店", "小店通", "计划A", "7", "-"],  # no session: unattributed
            ["合计", "", "", "", "237", "700"],
        ],
        encoding="gbk",
    )


@pytest.mark.parametrize("order", ["sessions first", "report first"])
def test_spend_is_split_by_overlap_and_the_rest_stays_unattributed(db_path: Path, order: str) -> None:
    files = [("sessions.csv", _sessions_file()), ("ads.csv", _ad_file())]
    for name, data in files if order == "sessions first" else files[::-1]:
        import_files(db_path, [(name, data)])
    report = _q(
        db_path,
        "SELECT session_id, channel, report_spend, report_ad_gmv FROM session_spend WHERE report_spend IS NOT NULL ORDER BY 1, 2",
    )
    assert report == [
        ("A", "xiaodiantong", 160.0, 600.0),
        ("B", "jinniu", 40.0, None),
        ("B", "xiaodiantong", 30.0, 100.0),
    ]
    owners = _q(db_path, "SELECT period_start, session_id FROM ad_spend ORDER BY period_start")
    assert [o[1] for o in owners] == ["A", "A", "B", None]
    spend = dict(_q(db_path, "SELECT session_id, total_spend FROM session_metrics"))
    assert spend == {"A": 160.0, "B": 70.0, "C": 0.0}  # the ad report wins over A's export spend (999)
    daily = _q(
        db_path,
        "SELECT day::VARCHAR, total_spend, unattributed_spend FROM daily_metrics WHERE account = '旗舰店' ORDER BY day",
    )
    assert daily == [("2026-11-11", 230.0, 0.0), ("2026-11-12", 7.0, 7.0)]  # nothing dropped: 237 in all


def test_report_summary_row_is_skipped_and_reimport_is_unchanged(db_path: Path) -> None:
    first = import_files(db_path, [("ads.csv", _ad_file())])
    assert (first["inserted"], first["skipped"]) == (4, 1)
    again = import_files(db_path, [("ads.csv", _ad_file())])
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 4)


def test_daily_report_with_plan_names_only(db_path: Path) -> None:
    import_files(db_path, [("s.csv", _sessions_file())])
    header = ["日期", "账户名称", "推广计划", "花费(分)"]
    data = csv_bytes(
        header,
        [
            ["2026/11/11", "旗舰店", "小店通-直播引流", "12000"],
            ["2026/11/11", "旗舰店", "神秘新工具计划", "5000"],
        ],
    )
    preview = preview_file(("daily.csv", data))
    assert preview.kind == "ad_spend"
    assert sorted(preview.parsed["channel"]) == ["xiaodiantong", "神秘新工具计划"]
    import_files(db_path, [("daily.csv", data)])
    rows = _q(
        db_path,
        "SELECT channel, period_start::VARCHAR, period_end::VARCHAR, spend, session_id FROM ad_spend ORDER BY channel",
    )
    # A day overlaps both sessions: A 120 min, B 60 min → 2/3 and 1/3; A has the largest overlap.
    assert rows == [
        ("xiaodiantong", "2026-11-11 00:00:00", "2026-11-12 00:00:00", 120.0, "A"),
        ("神秘新工具计划", "2026-11-11 00:00:00", "2026-11-12 00:00:00", 50.0, "A"),
    ]
    split = _q(
        db_path,
        "SELECT session_id, round(sum(report_spend), 2) FROM session_spend WHERE report_spend IS NOT NULL GROUP BY 1 ORDER BY 1",
    )
    assert split == [("A", 113.33), ("B", 56.67)]


def test_separate_hour_column(db_path: Path) -> None:
    header = ["日期", "小时", "账号", "渠道", "消耗"]
    data = csv_bytes(
        header,
        [
            ["2026-11-11", "19", "甲", "粉条", "10"],
            ["2026-11-11", "20:00", "甲", "粉条", "12"],
            ["2026-11-11", "25", "甲", "粉条", "1"],
        ],
    )
    summary = import_files(db_path, [("hourly.csv", data)], lang="en")
    assert [r["column"] for r in summary["rejected"]] == ["小时"]
    rows = _q(db_path, "SELECT period_start::VARCHAR, period_end::VARCHAR, channel FROM ad_spend ORDER BY 1")
    assert rows == [
        ("2026-11-11 19:00:00", "2026-11-11 20:00:00", "fentiao"),
        ("2026-11-11 20:00:00", "2026-11-11 21:00:00", "fentiao"),
    ]


def test_session_spend_keeps_one_row_per_session_and_channel_through_repeated_imports(db_path: Path) -> None:
    """session_spend has no primary key (migration 002): its writers keep (session_id, channel) unique.
    Sessions and reports in either order, each imported twice, a revised export figure in between."""
    revised = csv_bytes(
        SESSION_HEADER,
        [["A", "旗舰店", "2026-11-11 19:00", "2026-11-11 21:00", "", "5000", "888"]],
        encoding="gbk",
    )
    for name, data in [
        ("ads.csv", _ad_file()),
        ("sessions.csv", _sessions_file()),
        ("ads.csv", _ad_file()),
        ("revised.csv", revised),
        ("sessions.csv", _sessions_file()),
        ("ads.csv", _ad_file()),
    ]:
        import_files(db_path, [(name, data)])
    assert _q(db_path, "SELECT session_id, channel FROM session_spend GROUP BY ALL HAVING count(*) > 1") == []
    assert _q(
        db_path, "SELECT session_id, channel, export_spend, report_spend FROM session_spend ORDER BY 1, 2"
    ) == [
        ("A", "xiaodiantong", 999.0, 160.0),
        ("B", "jinniu", None, 40.0),
        ("B", "xiaodiantong", None, 30.0),
    ]
