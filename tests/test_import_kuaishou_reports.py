"""Kuaishou ad reports as the back-ends hand them out: 磁力金牛 unit report (GBK CSV, no account column),
磁力金牛 account daily report (Excel serial dates), 磁力金牛 agency spend export (总花费 is the total; its
parts are not added), 小店通 report (labels with spaces and full-width brackets).

Each file is built from the layout's verbatim header with values of the test's own; every expected
figure is summed by the test from the values it wrote.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

import pytest

from liveroi import db
from liveroi.importer import import_files
from tests import export_layouts as real
from tests.messy_files import csv_bytes, xlsx_bytes

ACCOUNT = "快手旗舰店"
ACCOUNT_ID = "13377905"
DAY = dt.date(2026, 11, 14)
DAY2 = dt.date(2026, 11, 15)


def _q(db_path: Path, sql: str) -> list[tuple]:
    with db.connection(db_path, read_only=True) as con:
        return con.execute(sql).fetchall()


def _row(header: tuple[str, ...], values: dict[str, object], filler: object = "0") -> list[object]:
    unknown = set(values) - set(header)
    assert not unknown, unknown  # a test typo must not silently leave a column at its filler
    return [values.get(h, filler) for h in header]


def _money(rng: random.Random, low: float, high: float) -> float:
    return round(rng.uniform(low, high), 2)


# --- 磁力金牛 unit report -------------------------------------------------------------------------


def jinniu_unit_rows(day: dt.date, plans: int = 3, units: int = 7, seed: int = 1) -> list[dict[str, object]]:
    """``plans`` × ``units`` rows of one day: every unit of a plan a row of its own (same plan, same day)."""
    rng = random.Random(seed)
    rows = []
    for p, u in itertools.product(range(plans), range(units)):
        rows.append(
            {
                "日期": f"{day.isoformat()} 00:00:00",
                "组名称": f"组{p}-{u}",
                "组Id": str(880000000 + p * 100 + u),
                "计划名称": f"直播间成交计划{p}",
                "计划Id": str(770000000 + p),
                "营销目标": "直播推广",
                "转化目标": "订单支付",
                "投放方式": "平滑投放",
                "花费": _money(rng, 100, 5000),
                "当日累计GMV": _money(rng, 0, 20000),
                "7日累计GMV": _money(rng, 20000, 30000),
                "封面点击率": "3.21%",
                "直播平均观看时长": "45",
            }
        )
    return rows


def jinniu_unit_file(rows: list[dict[str, object]], repeats: int = 0) -> bytes:
    cells = [_row(real.JINNIU_UNIT, r) for r in rows]
    cells += cells[:repeats]  # byte-identical repeats of the first rows (a download saved twice)
    return csv_bytes(real.JINNIU_UNIT, cells, encoding="gbk")


@pytest.mark.backends  # the ad rows' identity key, as a lake's MERGE INTO keys them
def test_jinniu_unit_rows_of_one_plan_are_different_facts(db_path: Path) -> None:
    rows = jinniu_unit_rows(DAY)
    data = jinniu_unit_file(rows, repeats=2)
    summary = import_files(db_path, [("磁力金牛_单元报表.csv", data)], account=ACCOUNT)
    assert summary["rejected"] == []
    (file,) = summary["files"]
    assert file["layout"] == "kuaishou_jinniu_unit"
    assert (file["rows_read"], file["inserted"], file["skipped"], file["rejected"]) == (23, 21, 2, 0)
    expected_spend = round(sum(r["花费"] for r in rows), 2)
    expected_gmv = round(sum(r["当日累计GMV"] for r in rows), 2)
    stored = _q(
        db_path,
        "SELECT count(*), count(DISTINCT unit_id), count(DISTINCT plan_id), round(sum(spend), 2), "
        "round(sum(ad_gmv), 2), min(channel), max(channel), min(account), min(period_start), "
        "max(period_end) FROM ad_spend",
    )
    assert stored == [
        (
            21,
            21,
            3,
            expected_spend,
            expected_gmv,
            "jinniu",  # the layout's channel, although every 营销目标 says 直播推广
            "jinniu",
            ACCOUNT,
            dt.datetime(2026, 11, 14),
            dt.datetime(2026, 11, 15),
        )
    ]
    daily = _q(
        db_path,
        "SELECT round(total_spend, 2), round(unattributed_spend, 2), round(ad_gmv, 2), round(spend_jinniu, 2) "
        "FROM daily_metrics",
    )
    assert daily == [(expected_spend, expected_spend, expected_gmv, expected_spend)]
    windows = _q(
        db_path,
        "SELECT round(sum(extras['gmv_t7']), 2), sum(extras['gmv_t30']), count(extras['gmv_t3']) FROM ad_spend",
    )
    # 7日 as written; 30日 written as 0 is a 0, not missing; the unit report has no 3-day window
    assert windows == [(round(sum(r["7日累计GMV"] for r in rows), 2), 0.0, 0)]
    layout = _q(db_path, "SELECT layout, rows_read FROM imports")
    assert layout == [("kuaishou_jinniu_unit", 23)]


def test_jinniu_unit_follower_windows_and_retention_are_kept(db_path: Path) -> None:
    """涨粉当日/次日/7日/15日/30日GMV and 1/7/15/30日涨粉留存数 land in ad_spend.extras, per unit."""
    rows = jinniu_unit_rows(DAY, plans=1, units=2)
    figures = [
        (1200.5, 1300.0, 2100.25, 2500.0, 3000.0, 90, 80, 71, 65),
        (10.0, 10.0, 12.0, 15.0, 15.0, 4, 4, 3, 0),
    ]
    names = ["涨粉当日GMV", "涨粉次日GMV", "涨粉7日GMV", "涨粉15日GMV", "涨粉30日GMV", "1日涨粉留存数", "7日涨粉留存数",
             "15日涨粉留存数", "30日涨粉留存数"]  # fmt: skip
    for row, values in zip(rows, figures, strict=True):
        row.update(dict(zip(names, values, strict=True)))
    summary = import_files(db_path, [("磁力金牛_单元报表.csv", jinniu_unit_file(rows))], account=ACCOUNT)
    assert summary["rejected"] == []
    stored = _q(
        db_path,
        "SELECT extras['fans_gmv_t0'], extras['fans_gmv_t1'], extras['fans_gmv_t7'], extras['fans_gmv_t15'],"
        " extras['fans_gmv_t30'], extras['followers_kept_1d'], extras['followers_kept_7d'],"
        " extras['followers_kept_15d'], extras['followers_kept_30d'] FROM ad_spend ORDER BY extras['fans_gmv_t0'] DESC",
    )
    assert stored == [tuple(float(v) for v in values) for values in figures]


def test_jinniu_unit_same_unit_twice_with_different_figures_is_a_repeat(db_path: Path) -> None:
    rows = jinniu_unit_rows(DAY, plans=1, units=2)
    changed = {**rows[0], "花费": 1.5}
    data = jinniu_unit_file([*rows, changed])
    summary = import_files(db_path, [("u.csv", data)], account=ACCOUNT)
    assert [r["reason"] for r in summary["rejected"]] != []  # the earlier row of that unit is listed
    assert summary["files"][0]["rejected"] == 1
    total = _q(db_path, "SELECT round(sum(spend), 2) FROM ad_spend")
    assert total == [(round(rows[1]["花费"] + 1.5, 2),)]  # the last row of the unit wins


def test_jinniu_unit_without_account_is_refused_in_one_line(db_path: Path) -> None:
    from liveroi.importer import ImportFileError

    with pytest.raises(ImportFileError) as info:
        import_files(db_path, [("u.csv", jinniu_unit_file(jinniu_unit_rows(DAY)))])
    assert "--account" in info.value.message and "\n" not in info.value.message


# --- 磁力金牛 account daily, agency spend ----------------------------------------------------------


def _serial(day: dt.date) -> int:
    return (day - dt.date(1899, 12, 30)).days


def account_daily_file(days: dict[dt.date, tuple[float, float]]) -> bytes:
    rows = [
        _row(
            real.JINNIU_ACCOUNT_DAILY,
            {
                "账户名称": ACCOUNT,
                "账户ID": int(ACCOUNT_ID),
                "时间": _serial(day),  # an Excel serial day number, as the Feishu sheet holds it
                "账户类型": "专业版",
                "快手昵称": "旗舰店主播",
                "快手ID": 2677805207,
                "总花费(元)": spend,
                "当日累计GMV(元)": gmv,
                "当日累计ROI": round(gmv / spend, 2),
            },
        )
        for day, (spend, gmv) in days.items()
    ]
    return xlsx_bytes({"Sheet1": [list(real.JINNIU_ACCOUNT_DAILY), *rows]})


def agency_file(days: dict[dt.date, float]) -> bytes:
    rows = []
    for day, total in days.items():
        cash = round(total * 0.6, 2)
        parts = {
            "现金总花费": cash,
            "前返总花费": round(total * 0.2, 2),
            "后返总花费": round(total * 0.05, 2),
            "信用总花费": 0,
            "框返总花费": round(total * 0.1, 2),
            "激励总花费": round(
                total - cash - round(total * 0.2, 2) - round(total * 0.05, 2) - round(total * 0.1, 2), 2
            ),
            "活动框返总花费": 0,
            "平台激励总花费": 0,
        }
        rows.append(
            _row(
                real.JINNIU_AGENCY_SPEND,
                {
                    "时间": day.isoformat(),
                    "账户ID": ACCOUNT_ID,
                    "账户名称": ACCOUNT,
                    "产品名": "磁力金牛",
                    "企业名称": "某某科技有限公司",
                    "账户类型": "专业版",
                    "快手ID": "2677805207",
                    "快手昵称": "旗舰店主播",
                    "端口ID": "1",
                    "端口名称": "端口",
                    "一级行业": "服饰",
                    "二级行业": "女装",
                    "总花费": total,
                    **parts,
                    "总账户可用余额": 99999.0,
                    "总账户预占余额": 500.0,
                },
            )
        )
    return xlsx_bytes({"消耗": [list(real.JINNIU_AGENCY_SPEND), *rows]})


def test_account_daily_serial_dates_spend_and_gmv(db_path: Path) -> None:
    days = {DAY: (12345.67, 40000.5), DAY2: (2000.0, 1500.25)}
    summary = import_files(db_path, [("账户日报.xlsx", account_daily_file(days))])
    assert summary["files"][0]["layout"] == "kuaishou_jinniu_account_daily"
    assert summary["rejected"] == []
    stored = _q(
        db_path,
        "SELECT CAST(period_start AS DATE), period_end - period_start, account, channel, spend, ad_gmv "
        "FROM ad_spend ORDER BY period_start",
    )
    assert stored == [
        (day, dt.timedelta(days=1), ACCOUNT, "jinniu", spend, gmv) for day, (spend, gmv) in days.items()
    ]


def test_agency_spend_is_the_total_not_the_sum_of_its_parts(db_path: Path) -> None:
    days = {DAY: 8888.88, DAY2: 100.0}
    summary = import_files(db_path, [("代理商消耗.xlsx", agency_file(days))])
    assert summary["files"][0]["layout"] == "kuaishou_jinniu_agency_spend"
    assert summary["rejected"] == []
    stored = _q(db_path, "SELECT CAST(period_start AS DATE), channel, spend FROM ad_spend ORDER BY 1")
    assert stored == [(day, "jinniu", total) for day, total in days.items()]


# --- precedence: the same money from three reports --------------------------------------------------

ORDERS = list(itertools.permutations(["unit", "daily", "agency"]))


@pytest.mark.parametrize("unit_account", [ACCOUNT, ACCOUNT_ID], ids=["--account name", "--account id"])
@pytest.mark.parametrize("order", ORDERS, ids=["-".join(o) for o in ORDERS])
def test_three_reports_of_one_account_count_the_money_once(
    db_path: Path, order: tuple[str, ...], unit_account: str
) -> None:
    """The unit report covers DAY; the account daily report and the agency export cover DAY and DAY2.
    Whatever the order: DAY comes from the unit report (finest), DAY2 from the account daily report
    (finer than the agency export). The unit report has no account column: `--account` may give the
    account's name or its 账户ID (which the other two reports pair with the name)."""
    unit_rows = jinniu_unit_rows(DAY, plans=2, units=3)
    unit_spend = round(sum(r["花费"] for r in unit_rows), 2)
    unit_gmv = round(sum(r["当日累计GMV"] for r in unit_rows), 2)
    daily = {DAY: (unit_spend + 10.0, unit_gmv + 99.0), DAY2: (777.77, 1234.5)}  # reports differ a little
    agency = {DAY: unit_spend + 15.0, DAY2: 780.0}
    files = {
        "unit": ("单元报表.csv", jinniu_unit_file(unit_rows)),
        "daily": ("账户日报.xlsx", account_daily_file(daily)),
        "agency": ("代理商消耗.xlsx", agency_file(agency)),
    }
    for name in order:
        import_files(db_path, [files[name]], account=unit_account if name == "unit" else None)
    assert _q(db_path, "SELECT account FROM accounts") == [(ACCOUNT,)]
    totals = _q(
        db_path,
        "SELECT CAST(day AS VARCHAR), round(total_spend, 2), round(ad_gmv, 2) FROM daily_metrics ORDER BY day",
    )
    assert totals == [(str(DAY), unit_spend, unit_gmv), (str(DAY2), 777.77, 1234.5)]
    counted = _q(
        db_path,
        "SELECT CAST(period_start AS DATE), layout FROM ad_spend WHERE superseded_by IS NULL "
        "GROUP BY ALL ORDER BY 1",
    )
    assert counted == [(DAY, "kuaishou_jinniu_unit"), (DAY2, "kuaishou_jinniu_account_daily")]
    # Nothing is thrown away: every report's rows are stored, the set-aside ones name what counts instead.
    assert _q(db_path, "SELECT count(*) FROM ad_spend") == [(len(unit_rows) + 2 + 2,)]
    log = _q(
        db_path,
        "SELECT CAST(day AS VARCHAR), counted_layout, superseded_layout, superseded_spend FROM ad_precedence "
        "WHERE import_id = (SELECT max(import_id) FROM imports) ORDER BY 1, 3",
    )
    assert log == [
        (str(DAY), "kuaishou_jinniu_unit", "kuaishou_jinniu_account_daily", unit_spend + 10.0),
        (str(DAY), "kuaishou_jinniu_unit", "kuaishou_jinniu_agency_spend", unit_spend + 15.0),
        (str(DAY2), "kuaishou_jinniu_account_daily", "kuaishou_jinniu_agency_spend", 780.0),
    ]


def test_three_reports_in_one_call(db_path: Path) -> None:
    unit_rows = jinniu_unit_rows(DAY, plans=1, units=4)
    unit_spend = round(sum(r["花费"] for r in unit_rows), 2)
    summary = import_files(
        db_path,
        [
            ("代理商消耗.xlsx", agency_file({DAY: 1.0})),
            ("单元报表.csv", jinniu_unit_file(unit_rows)),
            ("账户日报.xlsx", account_daily_file({DAY: (2.0, 3.0)})),
        ],
        account=ACCOUNT,
    )
    assert [f["layout"] for f in summary["files"]] == [
        "kuaishou_jinniu_agency_spend",
        "kuaishou_jinniu_unit",
        "kuaishou_jinniu_account_daily",
    ]
    assert _q(db_path, "SELECT round(total_spend, 2) FROM daily_metrics") == [(unit_spend,)]
    last = summary["files"][-1]["precedence"]
    assert {(p["counted"], p["superseded"]) for p in last} == {
        ("kuaishou_jinniu_unit", "kuaishou_jinniu_agency_spend"),
        ("kuaishou_jinniu_unit", "kuaishou_jinniu_account_daily"),
    }


# --- 小店通 -------------------------------------------------------------------------------------------


def xiaodiantong_rows(day: dt.date, seed: int = 3) -> list[dict[str, object]]:
    """Ten rows: two plans, units and creatives under them, over two hours."""
    rng = random.Random(seed)
    rows = []
    for hour, plan, unit, creative in itertools.product((19, 20), (1, 2), (1,), (1, 2)):
        rows.append(
            {
                "日期": day.isoformat(),
                "小时": hour,
                "计划名称": f"小店通计划{plan}",
                "计划 ID": str(5500 + plan),
                "广告组名称": f"组{plan}{unit}",
                "广告组 ID": str(66000 + plan * 10 + unit),
                "创意名称": f"创意{creative}",
                "创意 id": str(7700000 + plan * 100 + creative),
                "花费": _money(rng, 10, 900),
                "GMV": _money(rng, 0, 500),
                "当日累计 GMV": _money(rng, 500, 3000),
                "涨粉成本（元）": "1.23",
                "平均千次封面曝光花费(元)": "35.5",
                "封面点击率": "0.0321",
            }
        )
    rows.append(
        {**rows[0], "广告组名称": "组13", "广告组 ID": "66013"}
    )  # another unit, same plan/creative name
    rows.append({**rows[1], "小时": 21})  # the same creative an hour later
    return rows


def test_xiaodiantong_hourly_rows_of_one_plan_are_kept(db_path: Path) -> None:
    rows = xiaodiantong_rows(DAY)
    assert len(rows) == 10
    data = csv_bytes(real.XIAODIANTONG, [_row(real.XIAODIANTONG, r) for r in rows], encoding="utf-8-sig")
    summary = import_files(db_path, [("小店通报表.csv", data)], account=ACCOUNT)
    assert summary["rejected"] == []
    assert summary["files"][0]["layout"] == "kuaishou_xiaodiantong"
    assert summary["inserted"] == 10
    spend = round(sum(r["花费"] for r in rows), 2)
    gmv = round(sum(r["当日累计 GMV"] for r in rows), 2)
    stored = _q(
        db_path,
        "SELECT count(*), round(sum(spend), 2), round(sum(ad_gmv), 2), min(channel), max(channel), "
        "count(DISTINCT creative_id), count(DISTINCT unit_id), min(period_start), max(period_end) FROM ad_spend",
    )
    assert stored == [
        (
            10,
            spend,
            gmv,
            "xiaodiantong",
            "xiaodiantong",
            4,
            3,
            dt.datetime(2026, 11, 14, 19),
            dt.datetime(2026, 11, 14, 22),
        )
    ]


def test_xiaodiantong_daily_report_has_hour_zero_and_is_daily(db_path: Path) -> None:
    """A 小店通 report by day (group_type 天) still has the 小时 column, 0 on every row: daily periods."""
    rows = [{**r, "小时": 0} for r in xiaodiantong_rows(DAY)[:4]]
    data = csv_bytes(real.XIAODIANTONG, [_row(real.XIAODIANTONG, r) for r in rows], encoding="utf-8-sig")
    import_files(db_path, [("小店通_按天.csv", data)], account=ACCOUNT)
    periods = _q(db_path, "SELECT DISTINCT period_start, period_end FROM ad_spend")
    assert periods == [(dt.datetime(2026, 11, 14), dt.datetime(2026, 11, 15))]


def test_agency_dates_written_without_separators(db_path: Path) -> None:
    data = agency_file({DAY: 50.0})
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    book.active["A2"] = "20261114"
    buffer = io.BytesIO()
    book.save(buffer)
    summary = import_files(db_path, [("代理商.xlsx", buffer.getvalue())])
    assert summary["rejected"] == []
    assert _q(db_path, "SELECT period_start, spend FROM ad_spend") == [(dt.datetime(2026, 11, 14), 50.0)]


def test_account_id_in_one_call_after_the_report_that_names_it(db_path: Path) -> None:
    """`--account <账户ID>` for a call whose account daily report (written first) names that id: the unit
    report's rows land on the name, and the day counts the unit report once."""
    unit_rows = jinniu_unit_rows(DAY, plans=1, units=3)
    import_files(
        db_path,
        [
            ("账户日报.xlsx", account_daily_file({DAY: (5.0, 6.0)})),
            ("单元报表.csv", jinniu_unit_file(unit_rows)),
        ],
        account=ACCOUNT_ID,
    )
    assert _q(db_path, "SELECT DISTINCT account FROM ad_spend") == [(ACCOUNT,)]
    assert _q(db_path, "SELECT account FROM accounts") == [(ACCOUNT,)]
    total = round(sum(r["花费"] for r in unit_rows), 2)
    assert _q(db_path, "SELECT round(total_spend, 2) FROM daily_metrics") == [(total,)]


def test_preview_of_a_unit_report_keeps_units_apart() -> None:
    from liveroi.importer import preview_file

    rows = jinniu_unit_rows(DAY, plans=1, units=4)
    preview = preview_file(("单元报表.csv", jinniu_unit_file(rows)), account=ACCOUNT)
    assert (preview.kind, preview.layout) == ("ad_spend", "kuaishou_jinniu_unit")
    assert sorted(preview.parsed["unit_id"]) == sorted(str(r["组Id"]) for r in rows)
    assert preview.parsed["spend"].round(2).tolist() == [r["花费"] for r in rows]
    assert all("gmv_t7" in text for text in preview.parsed["extras"])


def test_cli_summary_names_the_layout_and_the_precedence(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from liveroi import cli

    unit = tmp_path / "单元报表.csv"
    unit.write_bytes(jinniu_unit_file(jinniu_unit_rows(DAY, plans=1, units=2)))
    daily = tmp_path / "账户日报.xlsx"
    daily.write_bytes(account_daily_file({DAY: (1.0, 2.0)}))
    assert cli.main(["import", str(unit), str(daily), "--db", str(db_path), "--account", ACCOUNT]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(f["file"], f["layout"], f["inserted"]) for f in out["files"]] == [
        ("单元报表.csv", "kuaishou_jinniu_unit", 2),
        ("账户日报.xlsx", "kuaishou_jinniu_account_daily", 1),
    ]
    assert [
        (p["day"], p["counted"], p["superseded"], p["superseded_spend"])
        for p in out["files"][1]["precedence"]
    ] == [(str(DAY), "kuaishou_jinniu_unit", "kuaishou_jinniu_account_daily", 1.0)]


@pytest.mark.backends
def test_precedence_and_account_ids_hold_on_every_back_end(db_path: Path) -> None:
    """The unit report under its bare account id first (its rows re-keyed when the daily report names the
    id), then the daily and agency reports: account ids, re-keying and precedence on a lake as on a file."""
    test_three_reports_of_one_account_count_the_money_once(db_path, ("unit", "daily", "agency"), ACCOUNT_ID)
