"""The same money from several exports is counted once, in any import order (Douyin).

One Douyin session described three times: the 罗盘 直播间列表 row, the 整场数据下载 workbook and the 千川
全域推广 hourly report of the account. The list and the workbook are one session (the later file's figures);
the hourly report is the ad platform's own account of the 千川 spend: it wins over both exports' spend for
the hours the session covers, and its other hours stay unattributed — so the day's spend is the report's,
never report + export.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import duckdb
import pytest

from liveroi.importer import import_files
from tests import export_layouts as real
from tests.messy_files import csv_bytes
from tests.test_import_qianchuan_reports import _as_text, hourly_rows
from tests.test_import_session_layouts import WORKBOOK_NAME, _list_row, _workbook

ACCOUNT = "金典拍拍相机专卖店"
DAY = dt.date(2026, 7, 28)
HOURS = range(7, 17)  # the session runs 08:15:49–15:44:39: hours 8 … 15 touch it


def _q(db_path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql).fetchall()


ORDERS = list(itertools.permutations(["list", "workbook", "hourly"]))


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(o) for o in ORDERS])
def test_list_workbook_and_hourly_report_of_one_session(db_path: Path, order: tuple[str, ...]) -> None:
    hourly = hourly_rows(DAY, HOURS)
    listed = _list_row(
        主播昵称=ACCOUNT,
        主播抖音号="202****869",
        直播开始时间="2026/07/28 08:15:49",
        直播结束时间="2026/07/28 15:44:39",
        **{"投放消耗(店铺绑定)": "2300", "投放消耗(店铺被投)": "2300"},
    )
    files = {
        "list": ("直播间列表.csv", csv_bytes(real.COMPASS_LIVE_LIST, [listed])),
        "workbook": (WORKBOOK_NAME, _workbook()),
        "hourly": ("全域推广_分时.csv", csv_bytes(real.QIANCHUAN_UNI_HOURLY, _as_text(hourly))),
    }
    for name in order:
        import_files(db_path, [files[name]], account=ACCOUNT if name == "hourly" else None)
    in_session = round(sum(r["整体消耗"] for r in hourly if 8 <= int(str(r["小时区间"])[:2]) <= 15), 2)
    everything = round(sum(r["整体消耗"] for r in hourly), 2)
    sessions = _q(
        db_path,
        "SELECT count(*), round(sum(spend_qianchuan), 2), round(sum(total_spend), 2) FROM session_metrics",
    )
    assert sessions == [(1, in_session, in_session)]
    daily = _q(db_path, "SELECT round(total_spend, 2), round(unattributed_spend, 2) FROM daily_metrics")
    assert daily == [(everything, round(everything - in_session, 2))]
