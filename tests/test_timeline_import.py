"""Timeline import: 5-minute and cumulative 直播大屏 files with Chinese headers into session_timeline —
attached to the session by time, snapshots differenced, rejects with reasons, re-imports update, and the
session's own totals untouched."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from liveroi import db
from liveroi.importer import import_files, preview_file
from tests.timeline_files import (
    ACCOUNT,
    CUMULATIVE_HEADER,
    FIVE_MIN_HEADER,
    SESSION_ID,
    SESSION_START,
    cumulative_rows,
    five_minute_frame,
    five_minute_rows,
    session_export,
    write_csv,
)

# Timeline rows go through import/timeline_upsert, which a lake runs as MERGE INTO: every back-end.
pytestmark = pytest.mark.backends


def _timeline(path: Path, level: str = "room") -> pd.DataFrame:
    with db.connection(path, read_only=True) as con:
        return con.execute(
            "SELECT * FROM session_timeline WHERE level = ? ORDER BY bucket_start, plan", [level]
        ).df()


def _session_totals(path: Path) -> tuple[float, float]:
    with db.connection(path, read_only=True) as con:
        row = con.execute(
            "SELECT gmv, total_spend FROM session_metrics WHERE session_id = ?", [SESSION_ID]
        ).fetchone()
    assert row is not None
    return float(row[0]), float(row[1])


def test_five_minute_file_attaches_to_the_session_and_keeps_the_session_totals(
    db_path: Path, tmp_path: Path
) -> None:
    import_files(db_path, [session_export(tmp_path / "sessions.csv")])
    before = _session_totals(db_path)
    frame = five_minute_frame(36)
    late = five_minute_frame(2, start=SESSION_START + pd.Timedelta(hours=4))  # 23:00, after the session
    path = write_csv(
        tmp_path / "2026-11-24_直播大屏5分钟时段数据.csv",
        FIVE_MIN_HEADER,
        five_minute_rows(pd.concat([frame, late])),
    )
    summary = import_files(db_path, [path])
    assert summary["inserted"] == 38 and summary["rejected"] == []
    assert [(f["layout"], f["kind"]) for f in summary["files"]] == [("qianchuan_screen_buckets", "timeline")]
    assert summary["outside_sessions"] == [
        {
            "file": path.name,
            "account": ACCOUNT,
            "buckets": 2,
            "from": "2026-11-24T23:00:00",
            "to": "2026-11-24T23:05:00",
        }
    ]

    got = _timeline(db_path)
    inside = got[got["session_id"] == SESSION_ID].reset_index(drop=True)
    assert len(inside) == 36 and got["session_id"].isna().sum() == 2  # kept, not dropped
    assert (inside["bucket_minutes"] == 5).all()
    # 用户实际支付金额 is the GMV, as in the session totals of the same board (not 整体成交金额)
    assert inside["gmv"].tolist() == pytest.approx(frame["gmv"].tolist())
    assert inside["online"].tolist() == frame["online"].tolist()
    assert inside["viewers_in"].tolist() == frame["viewers_in"].tolist()
    assert inside["cum_spend"].tolist() == pytest.approx(frame["spend"].cumsum().tolist())
    assert inside["cum_gmv"].tolist() == pytest.approx(frame["gmv"].cumsum().tolist())
    roi = frame["gmv"].cumsum() / frame["spend"].cumsum()
    assert inside["cum_roi"].tolist() == pytest.approx(roi.tolist())
    # the timeline never adds to the session's own figures
    assert _session_totals(db_path) == before


def test_cumulative_snapshots_are_differenced_never_summed(db_path: Path, tmp_path: Path) -> None:
    import_files(db_path, [session_export(tmp_path / "sessions.csv")])
    frame = five_minute_frame(36)
    path = write_csv(tmp_path / "2026-11-24_直播大屏累计数据.csv", CUMULATIVE_HEADER, cumulative_rows(frame))
    summary = import_files(db_path, [path])
    assert summary["rejected"] == [] and summary.get("outside_sessions", []) == []
    assert summary["files"][0]["timeline"]["inserted"] == 36

    got = _timeline(db_path)
    assert (got["session_id"] == SESSION_ID).all() and len(got) == 36
    assert (got["source"] == "cumulative").all()
    # each bucket is the difference of two snapshots: the original per-bucket values come back
    assert got["gmv"].tolist() == pytest.approx(frame["gmv"].tolist())
    assert got["spend"].tolist() == pytest.approx(frame["spend"].tolist())
    assert got["orders"].tolist() == frame["orders"].tolist()
    assert got["new_followers"].tolist() == frame["new_followers"].tolist()
    assert got["viewers_in"].tolist() == frame["viewers_in"].tolist()
    assert got["online"].tolist() == frame["online"].tolist()  # a level: never differenced
    assert got["bucket_start"].tolist() == frame["start"].tolist()
    # the last running total is the session's: sum of buckets = last snapshot
    assert got["cum_gmv"].iloc[-1] == pytest.approx(frame["gmv"].sum())


def test_a_board_reset_starts_a_new_run(db_path: Path, tmp_path: Path) -> None:
    first = five_minute_frame(6)
    second = five_minute_frame(4, start=SESSION_START + pd.Timedelta(minutes=30))  # continues, no gap
    second["gmv"] = 10.0  # the board restarted: totals fall back to small numbers
    rows = cumulative_rows(first) + cumulative_rows(second)
    path = write_csv(tmp_path / "2026-11-24_直播大屏累计数据.csv", CUMULATIVE_HEADER, rows)
    import_files(db_path, [path])
    got = _timeline(db_path)
    expected = np.concatenate([first["gmv"].to_numpy(), second["gmv"].to_numpy()])
    assert got["gmv"].tolist() == pytest.approx(expected.tolist())


def test_time_of_day_only_takes_the_date_in_the_file_name(db_path: Path, tmp_path: Path) -> None:
    import_files(db_path, [session_export(tmp_path / "sessions.csv")])
    frame = five_minute_frame(3)
    path = write_csv(
        tmp_path / "2026-11-24_直播大屏5分钟时段数据.csv",
        FIVE_MIN_HEADER,
        five_minute_rows(frame, time_only=True),
    )
    import_files(db_path, [path])
    got = _timeline(db_path)
    assert got["bucket_start"].tolist() == frame["start"].tolist()
    assert (got["session_id"] == SESSION_ID).all()


def test_rejected_rows_name_file_row_column_value_and_reason(db_path: Path, tmp_path: Path) -> None:
    rows = five_minute_rows(five_minute_frame(4))
    rows[1][3] = "-5"  # 实时在线人数 negative (Excel row 3)
    rows[2][10] = "abc"  # 整体消耗 unreadable (Excel row 4)
    rows[3][0] = "not a time"  # Excel row 5
    path = write_csv(tmp_path / "t.csv", FIVE_MIN_HEADER, rows)
    summary = import_files(db_path, [path], lang="en")
    rejected = {(r["row"], r["column"], r["value"], r["reason"]) for r in summary["rejected"]}
    assert rejected == {
        (3, "实时在线人数", "-5", "must not be negative"),
        (4, "整体消耗(元)", "abc", "not a valid number"),
        (5, "时段开始", "not a time", "not a recognisable date/time"),
    }
    assert summary["inserted"] == 1
    with db.connection(db_path, read_only=True) as con:
        stored = con.execute("SELECT row_number, raw_row FROM rejected_rows ORDER BY row_number").fetchall()
    assert [r[0] for r in stored] == [3, 4, 5]
    assert json.loads(stored[0][1])["实时在线人数"] == "-5"


def test_reimport_updates_and_never_double_counts(db_path: Path, tmp_path: Path) -> None:
    frame = five_minute_frame(6)
    path = write_csv(tmp_path / "t.csv", FIVE_MIN_HEADER, five_minute_rows(frame))
    import_files(db_path, [path])
    again = import_files(db_path, [path])
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 6)
    revised = frame.copy()
    revised.loc[2, "gmv"] = 999.0  # the platform revised one bucket
    write_csv(path, FIVE_MIN_HEADER, five_minute_rows(revised))
    third = import_files(db_path, [path])
    assert (third["inserted"], third["updated"], third["unchanged"]) == (0, 1, 5)
    got = _timeline(db_path)
    assert len(got) == 6
    assert got["cum_gmv"].iloc[-1] == pytest.approx(revised["gmv"].sum())


def test_finest_source_wins_when_two_files_describe_the_same_session(db_path: Path, tmp_path: Path) -> None:
    import_files(db_path, [session_export(tmp_path / "sessions.csv")])
    frame = five_minute_frame(12)
    five = write_csv(tmp_path / "five.csv", FIVE_MIN_HEADER, five_minute_rows(frame))
    cumulative = write_csv(tmp_path / "cum_累计.csv", CUMULATIVE_HEADER, cumulative_rows(frame))
    import_files(db_path, [cumulative, five])
    got = _timeline(db_path)
    assert len(got) == 12 and (got["source"] == "bucket").all()
    assert got["cum_spend"].iloc[-1] == pytest.approx(frame["spend"].sum())  # not twice


def test_plan_rows_with_learning_status_and_channel_spend_columns(db_path: Path, tmp_path: Path) -> None:
    header = ("时段开始", "账号", "推广工具", "计划名称", "学习期状态", "消耗", "成交金额")
    rows = [
        ["2026-11-24 19:00", ACCOUNT, "千川", "计划A", "学习期", 300, 600],
        ["2026-11-24 19:00", ACCOUNT, "千川", "计划B", "学习期结束", 200, 700],
        ["2026-11-24 19:05", ACCOUNT, "千川", "计划A", "学习期失败", 310, 500],
        ["2026-11-24 19:05", ACCOUNT, "千川", "计划B", "暂停投放", 210, 800],
    ]
    path = write_csv(tmp_path / "plans.csv", header, rows)
    summary = import_files(db_path, [path], lang="en")
    assert [(r["row"], r["column"]) for r in summary["rejected"]] == [(5, "学习期状态")]
    got = _timeline(db_path, "plan")
    assert got[["plan", "channel", "learning_status", "spend"]].values.tolist() == [
        ["计划A", "qianchuan", "learning", 300.0],
        ["计划B", "qianchuan", "learned", 200.0],
        ["计划A", "qianchuan", "failed", 310.0],
    ]

    wide = ("时间", "账号", "在线人数", "小店通消耗", "磁力金牛消耗", "成交金额")
    path = write_csv(tmp_path / "wide.csv", wide, [["2026-11-25 20:00", "乙号", 50, 120, 80, 900]])
    import_files(db_path, [path])
    with db.connection(db_path, read_only=True) as con:
        spend = dict(
            con.execute(
                "SELECT coalesce(channel, 'room'), spend FROM session_timeline WHERE account = '乙号'"
            ).fetchall()
        )
    assert spend == {"room": 200.0, "xiaodiantong": 120.0, "jinniu": 80.0}


def test_an_ad_report_is_still_an_ad_report(db_path: Path, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "ads.csv",
        ("时间", "账号", "推广工具", "计划名称", "消耗(元)", "广告成交金额(元)"),
        [["2026-11-24 19:00", ACCOUNT, "小店通", "p1", 100, 300]],
    )
    assert preview_file(path).kind == "ad_spend"
    import_files(db_path, [path])
    with db.connection(db_path, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM timeline_points").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM ad_spend").fetchone() == (1,)


def test_preview_recognises_a_timeline_without_writing(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", FIVE_MIN_HEADER, five_minute_rows(five_minute_frame(3)))
    preview = preview_file(path)
    assert preview.kind == "timeline"
    assert preview.parsed["spend"].tolist() == [200.0, 200.0, 200.0]
    assert dict(preview.mapping)["用户实际支付金额(元)"] == "gmv"
    assert dict(preview.mapping)["整体成交金额(元)"] is None


def test_readme_documents_every_session_timeline_column(db_path: Path) -> None:
    from tests.test_repo_docs import _readme_columns

    with db.connection(db_path, read_only=True) as con:
        columns = [row[0] for row in con.execute('DESCRIBE "session_timeline"').fetchall()]
    documented = set(_readme_columns("session_timeline"))
    assert documented == set(columns)


def test_a_snapshot_file_gives_the_session_its_totals_and_its_timeline_that_adds_up_to_them(
    db_path: Path, tmp_path: Path
) -> None:
    frame = five_minute_frame(36)
    path = write_csv(tmp_path / "2026-11-24_直播大屏累计数据.csv", CUMULATIVE_HEADER, cumulative_rows(frame))
    summary = import_files(db_path, [path])
    (entry,) = summary["files"]
    assert (entry["layout"], entry["kind"], entry["inserted"]) == (
        "qianchuan_screen_snapshots",
        "snapshots",
        1,
    )
    assert entry["timeline"]["inserted"] == 36  # the second reading: one bucket per snapshot
    assert summary["inserted"] == 1 and summary["skipped"] == 35  # the totals count the rows once
    assert summary.get("outside_sessions", []) == []  # the session the snapshots made holds every bucket
    with db.connection(db_path, read_only=True) as con:
        (session_id, gmv, spend) = con.execute(
            "SELECT session_id, gmv, total_spend FROM session_metrics"
        ).fetchone()
    got = _timeline(db_path)
    assert (got["session_id"] == session_id).all() and len(got) == 36
    # the session's totals are its last snapshot; the timeline's buckets add up to exactly that
    assert gmv == pytest.approx(frame["gmv"].sum()) and spend == pytest.approx(frame["spend"].sum())
    assert got["cum_gmv"].iloc[-1] == pytest.approx(gmv) and got["cum_spend"].iloc[-1] == pytest.approx(spend)
    again = import_files(db_path, [path])
    assert again["inserted"] == 0  # re-import: nothing new on either side
    with db.connection(db_path, read_only=True) as con:
        assert con.execute("SELECT count(*), sum(gmv) FROM session_metrics").fetchone() == (
            1,
            pytest.approx(gmv),
        )
