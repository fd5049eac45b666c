"""千川 ad reports as the back-end hands them out: 全域推广 直播 by hour (`19:00 - 20:00` hour ranges,
thousands separators as text, no account column) and 素材分析 (one day per file, the date only in the
file name, 12-character truncated headers). Values are the test's own; expected totals are summed by it.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import duckdb
import pytest

from liveroi.importer import ImportFileError, import_files
from tests import export_layouts as real
from tests.messy_files import csv_bytes, xlsx_bytes

ACCOUNT = "抖音旗舰店"


def _q(db_path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def _row(header: tuple[str, ...], values: dict[str, object], filler: object = "0") -> list[object]:
    assert not set(values) - set(header)
    return [values.get(h, filler) for h in header]


def _thousands(value: float) -> str:
    return f"{value:,.2f}"


def hourly_rows(day: dt.date, hours: range, seed: int = 5) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows = []
    for h in hours:
        spend = round(rng.uniform(500, 30000), 2)
        gmv = round(spend * rng.uniform(0.5, 4), 2)
        rows.append(
            {
                "日期": day.isoformat(),
                "小时区间": f"{h:02d}:00 - {h + 1:02d}:00",
                "整体消耗": spend,
                "整体支付ROI": round(gmv / spend, 2),
                "整体成交金额": gmv,
                "整体成交订单数": rng.randint(1, 900),
                "净成交金额": round(gmv * 0.9, 2),
                "智能优惠券金额": "12.5",
                "1小时内退款金额": "100.00",
                "1小时内退款订单数": "2",
            }
        )
    return rows


def _as_text(rows: list[dict[str, object]]) -> list[list[object]]:
    """The cells as the export writes them: money as text with thousands separators."""
    out = []
    for r in rows:
        cells = dict(r)
        for key in ("整体消耗", "整体成交金额", "净成交金额"):
            cells[key] = _thousands(float(r[key]))  # type: ignore[arg-type]
        out.append(_row(real.QIANCHUAN_UNI_HOURLY, cells))
    return out


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_uni_hourly_hour_ranges_and_thousands_separators(db_path: Path, fmt: str) -> None:
    day = dt.date(2026, 7, 9)
    rows = hourly_rows(day, range(18, 23))
    cells = _as_text(rows)
    if fmt == "csv":
        data = csv_bytes(real.QIANCHUAN_UNI_HOURLY, cells, encoding="utf-8-sig")
    else:
        data = xlsx_bytes({"Sheet1": [list(real.QIANCHUAN_UNI_HOURLY), *cells]})
    summary = import_files(db_path, [(f"全域推广_直播_分时.{fmt}", data)], account=ACCOUNT)
    assert summary["rejected"] == []
    assert summary["files"][0]["layout"] == "qianchuan_uni_hourly"
    assert summary["inserted"] == len(rows)
    stored = _q(
        db_path,
        "SELECT period_start, period_end, account, channel, spend, ad_gmv FROM ad_spend ORDER BY period_start",
    )
    assert stored == [
        (
            dt.datetime(2026, 7, 9, h),
            dt.datetime(2026, 7, 9, h + 1),
            ACCOUNT,
            "qianchuan",
            r["整体消耗"],
            r["整体成交金额"],
        )
        for h, r in zip(range(18, 23), rows, strict=True)
    ]
    net = _q(db_path, "SELECT round(sum(extras['net_gmv']), 2), sum(extras['orders']) FROM ad_spend")
    assert net == [(round(sum(r["净成交金额"] for r in rows), 2), sum(r["整体成交订单数"] for r in rows))]


def test_uni_hourly_spend_lands_on_the_session_it_overlaps(db_path: Path) -> None:
    """A session 19:00–21:00 gets the 19:00 and 20:00 hours; the other hours stay unattributed."""
    day = dt.date(2026, 7, 9)
    rows = hourly_rows(day, range(18, 23))
    sessions = csv_bytes(
        ["直播ID", "账号名称", "开播时间", "下播时间", "成交金额(元)"],
        [["R1", ACCOUNT, "2026-07-09 19:00", "2026-07-09 21:00", "5000"]],
    )
    data = csv_bytes(real.QIANCHUAN_UNI_HOURLY, _as_text(rows))
    import_files(db_path, [("场次.csv", sessions), ("分时.csv", data)], account=ACCOUNT)
    in_session = round(sum(r["整体消耗"] for r in rows[1:3]), 2)  # type: ignore[misc]
    outside = round(sum(r["整体消耗"] for r in (rows[0], *rows[3:])), 2)  # type: ignore[misc]
    assert _q(db_path, "SELECT round(spend_qianchuan, 2) FROM session_metrics") == [(in_session,)]
    daily = _q(db_path, "SELECT round(total_spend, 2), round(unattributed_spend, 2) FROM daily_metrics")
    assert daily == [(round(in_session + outside, 2), outside)]


def material_rows(seed: int = 9) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows = []
    for i in range(6):
        spend = round(rng.uniform(10, 3000), 2)
        rows.append(
            {
                "素材名称": f"口播素材{i % 2}",  # two materials share a name: the 素材ID tells them apart
                "素材ID": f"7{i:018d}",
                "素材评估": "优质",
                "素材时长": "00:35",
                "素材创建时间": "2026-07-01 10:00:00",
                "素材来源": "本地上传",
                "整体消耗": spend,
                "整体点击率": "2.31%",
                "整体成交金额": round(spend * rng.uniform(0, 5), 2),
                "整体未完结预售订单预估金": "0",
                "追投调控成交智能优惠券金": "0",
            }
        )
    return rows


def test_material_report_date_from_file_name(db_path: Path) -> None:
    rows = material_rows()
    data = xlsx_bytes(
        {"素材分析": [list(real.QIANCHUAN_MATERIAL), *(_row(real.QIANCHUAN_MATERIAL, r) for r in rows)]}
    )
    summary = import_files(db_path, [("全域推广_素材分析_2026-07-09 00_00_00.xlsx", data)], account=ACCOUNT)
    assert summary["rejected"] == []
    assert summary["files"][0]["layout"] == "qianchuan_material"
    stored = _q(
        db_path,
        "SELECT count(*), count(DISTINCT material_id), round(sum(spend), 2), round(sum(ad_gmv), 2), "
        "min(period_start), max(period_end), min(channel) FROM ad_spend",
    )
    assert stored == [
        (
            6,
            6,
            round(sum(r["整体消耗"] for r in rows), 2),  # type: ignore[misc]
            round(sum(r["整体成交金额"] for r in rows), 2),  # type: ignore[misc]
            dt.datetime(2026, 7, 9),
            dt.datetime(2026, 7, 10),
            "qianchuan",
        )
    ]
    ids = _q(db_path, "SELECT material_id FROM ad_spend ORDER BY material_id")
    assert [i[0] for i in ids] == sorted(str(r["素材ID"]) for r in rows)  # 19-digit ids kept as text


def test_material_report_without_a_date_in_its_name_is_refused(db_path: Path) -> None:
    data = csv_bytes(real.QIANCHUAN_MATERIAL, [_row(real.QIANCHUAN_MATERIAL, material_rows()[0])])
    with pytest.raises(ImportFileError) as info:
        import_files(db_path, [("素材分析.csv", data)], account=ACCOUNT)
    assert "qianchuan_material" in info.value.message and "\n" not in info.value.message


@pytest.mark.parametrize("order", ["hourly first", "material first"])
def test_hourly_and_material_reports_of_one_day_count_once(db_path: Path, order: str) -> None:
    day = dt.date(2026, 7, 9)
    hourly = hourly_rows(day, range(10, 14))
    files = [
        ("分时.csv", csv_bytes(real.QIANCHUAN_UNI_HOURLY, _as_text(hourly))),
        (
            "素材分析_2026-07-09.csv",
            csv_bytes(real.QIANCHUAN_MATERIAL, [_row(real.QIANCHUAN_MATERIAL, r) for r in material_rows()]),
        ),
    ]
    for item in files if order == "hourly first" else files[::-1]:
        import_files(db_path, [item], account=ACCOUNT)
    expected = round(sum(r["整体消耗"] for r in hourly), 2)  # type: ignore[misc]
    assert _q(db_path, "SELECT round(total_spend, 2) FROM daily_metrics") == [(expected,)]


def test_hour_ranges_that_repeat_the_date(db_path: Path) -> None:
    rows = hourly_rows(dt.date(2026, 7, 9), range(20, 22))
    cells = _as_text(rows)
    for cell, h in zip(cells, range(20, 22), strict=True):
        cell[1] = f"2026-07-09 {h}:00 - {h + 1}:00"
    import_files(db_path, [("分时.csv", csv_bytes(real.QIANCHUAN_UNI_HOURLY, cells))], account=ACCOUNT)
    starts = _q(db_path, "SELECT period_start FROM ad_spend ORDER BY 1")
    assert starts == [(dt.datetime(2026, 7, 9, 20),), (dt.datetime(2026, 7, 9, 21),)]
