"""The platforms' real session lists, built as real files from their verbatim headers
(tests/export_layouts.py) with values of our own: 罗盘 直播间列表, 千川 直播大屏 snapshots, and the
罗盘/百应 整场数据下载 workbook. Every expected total is computed here from the values the test wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from liveroi.importer import import_files, preview_file
from tests.export_layouts import COMPASS_LIVE_LIST, QIANCHUAN_SCREEN_SNAPSHOTS
from tests.messy_files import csv_bytes, xlsx_bytes


def _q(db_path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql).fetchall()


# --- 1. 罗盘 直播间列表 ------------------------------------------------------------------------------


def _list_row(**values: object) -> list[object]:
    """One 罗盘 list row: D1's example figures, overridden by ``values`` (header → cell)."""
    row: dict[str, object] = {
        "主播头像": "https://p3-webcast.douyinpic.com/img/a.jpeg",
        "主播昵称": "弹动个人护理旗舰店",
        "主播抖音号": "793****514",
        "直播开始时间": "2026/09/07 08:55:37",
        "直播结束时间": "2026/09/08 00:55:39",
        "直播时长(分钟)": "960",
        "直播间曝光人数": "1520331",
        "直播间曝光次数": "3520331",
        "直播间观看人数": "230117",
        "单小时观看人数": "14379.3",
        "直播间观看次数": "301152",
        "直播激励观看次数": "-",
        "最高在线人数": "1024",
        "平均在线人数": "301",
        "人均观看时长(分钟)": "1.07",
        "评论次数": "4021",
        "新加直播团人数": "120",
        "新增粉丝数": "2310",
        "取关粉丝数": "187",
        "观看老粉占比": "0.1528",
        "带货商品数": "58",
        "直播间商品曝光人数": "120003",
        "直播间商品点击人数": "30011",
        "直播间商品曝光次数": "401223",
        "直播间商品点击次数": "61301",
        "直播间成交订单数": "1303",
        "直播间成交金额": "61045.3",
        "直播间用户支付金额": "59847.17",
        "单小时用户支付金额": "943.116017496355",
        "直播间成交件数": "1420",
        "直播间成交人数": "1201",
        "直播间退款订单数": "140",
        "直播间退款金额": "6403.2",
        "直播间退款人数": "131",
        "预估佣金支出": "0",
        "商品曝光-点击率(次数)": "0.1528",
        "商品曝光-点击率(人数)": "0.2501",
        "商品点击-成交率(次数)": "0.0213",
        "商品点击-成交率(人数)": "0.0400",
        "观看-成交率(次数)": "0.0043",
        "观看-成交率(人数)": "0.0052",
        "预售订单数": "0",
        "预售全款金额": "0",
        "新加购物团人数": "33",
        "投放消耗(店铺绑定)": "24052.43",
        "投放消耗(店铺被投)": "24052.43",
        "净成交金额": "59847.17",
        "净成交订单数": "1280",
        "1小时退款金额": "1198.13",
        "1小时退款订单数": "23",
        "1小时退款率": "0.0196",
        "消费券引导支付金额": "-",
        "消费券引导支付占比": "-",
        "消费券补贴金额": "-",
        "消费券使用量": "-",
    }
    row.update(values)
    assert set(row) == set(COMPASS_LIVE_LIST)
    return [row[h] for h in COMPASS_LIVE_LIST]


# Three sessions: the shop's own (crossing midnight), a cooperating 达人 that starts in the same second
# (another 抖音号: another session), and the shop's next day, each with its own money.
LIST_SESSIONS = [
    {
        "主播昵称": "弹动个人护理旗舰店",
        "主播抖音号": "793****514",
        "直播开始时间": "2026/09/07 08:55:37",
        "直播间用户支付金额": "59847.17",
        "直播间成交金额": "61045.3",
        "投放消耗(店铺绑定)": "24052.43",
        "投放消耗(店铺被投)": "24052.43",
        "直播间退款金额": "6403.2",
        "1小时退款金额": "1198.13",
        "净成交金额": "59847.17",
        "取关粉丝数": "187",
        "人均观看时长(分钟)": "1.07",
    },
    {
        "主播昵称": "合作达人小美",
        "主播抖音号": "0012345678",
        "直播开始时间": "2026/09/07 08:55:37",
        "直播结束时间": "2026/09/07 11:00:00",
        "直播时长(分钟)": "124",
        "直播间用户支付金额": "1200.5",
        "直播间成交金额": "1300",
        "投放消耗(店铺绑定)": "300.25",
        "投放消耗(店铺被投)": "450",
        "直播间退款金额": "88",
        "1小时退款金额": "12.5",
        "净成交金额": "1287.5",
        "取关粉丝数": "3",
        "人均观看时长(分钟)": "2.5",
    },
    {
        "主播昵称": "弹动个人护理旗舰店",
        "主播抖音号": "793****514",
        "直播开始时间": "2026-09-08 19:00:00",
        "直播结束时间": "2026-09-08 23:00:00",
        "直播时长(分钟)": "240",
        "直播间用户支付金额": "8000",
        "直播间成交金额": "8100.8",
        "投放消耗(店铺绑定)": "-",
        "投放消耗(店铺被投)": "-",
        "直播间退款金额": "0",
        "1小时退款金额": "0",
        "净成交金额": "8100.8",
        "取关粉丝数": "-",
        "人均观看时长(分钟)": "0.5",
    },
]


def _number(text: object) -> float:
    return 0.0 if text in ("-", "") else float(str(text))


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_compass_live_list_spend_refunds_net_gmv_and_session_key(db_path: Path, fmt: str) -> None:
    rows = [_list_row(**s) for s in LIST_SESSIONS]
    if fmt == "xlsx":
        data, name = xlsx_bytes({"Sheet1": [list(COMPASS_LIVE_LIST), *rows]}), "直播间列表.xlsx"
    else:
        data, name = csv_bytes(COMPASS_LIVE_LIST, rows, encoding="utf-8-sig"), "直播间列表.csv"
    summary = import_files(db_path, [(name, data)])
    assert (summary["inserted"], summary["skipped"], summary["rejected"]) == (3, 0, [])
    assert summary["ignored"] == [{"file": name, "columns": ["主播头像"]}]  # the only column not read
    assert [(f["layout"], f["kind"]) for f in summary["files"]] == [("douyin_compass_live_list", "sessions")]

    sessions = _q(
        db_path,
        "SELECT account, anchor_id, started_at, gmv, refunds, net_gmv, followers_lost, avg_watch_s, "
        "duration_min FROM sessions ORDER BY started_at, anchor_id",
    )
    assert len(sessions) == 3  # the 达人 starting in the same second is a session of its own
    expected = sorted(
        (
            s["主播昵称"],
            s["主播抖音号"],
            s["直播开始时间"].replace("/", "-"),
            _number(s["直播间用户支付金额"]),
            _number(s["直播间退款金额"]),
            _number(s["净成交金额"]),
            None if s["取关粉丝数"] == "-" else int(s["取关粉丝数"]),
            float(s["人均观看时长(分钟)"]) * 60,
        )
        for s in LIST_SESSIONS
    )
    got = sorted((a, i, str(t), g, r, n, f, w) for a, i, t, g, r, n, f, w, _ in sessions)
    assert [g[:2] for g in got] == [e[:2] for e in expected]  # masked and leading-zero ids kept as text
    for g, e in zip(got, expected, strict=True):
        assert g[2].startswith(e[2]) and g[3:7] == e[3:7] and g[7] == pytest.approx(e[7])
    assert [s[-1] for s in sessions] == [124, 960, 240]  # whole minutes; the shop's first crosses midnight

    # Spend is 投放消耗(店铺绑定), as 千川 spend; 店铺被投 is the same money seen from the other side.
    spend = _q(db_path, "SELECT channel, sum(export_spend) FROM session_spend GROUP BY channel")
    assert spend == [("qianchuan", sum(_number(s["投放消耗(店铺绑定)"]) for s in LIST_SESSIONS))]
    total = _q(db_path, "SELECT sum(total_spend), sum(gmv), sum(refunds) FROM session_metrics")[0]
    assert total[0] == pytest.approx(24052.43 + 300.25)
    assert total[1] == pytest.approx(59847.17 + 1200.5 + 8000)
    assert total[2] == pytest.approx(6403.2 + 88 + 0)

    # Known extras are kept per session: 1小时退款金额, 观看老粉占比 as a fraction, 店铺被投; '-' is no row.
    extras = dict(
        _q(
            db_path,
            "SELECT field, sum(value) FROM session_extras GROUP BY field",
        )
    )
    assert extras["refunds_1h"] == pytest.approx(1198.13 + 12.5)
    assert extras["spend_shop_targeted"] == pytest.approx(24052.43 + 450)
    assert extras["returning_fan_view_share"] == pytest.approx(3 * 0.1528)
    assert extras["gmv_per_hour"] == pytest.approx(3 * 943.116017496355)  # full precision
    assert "coupon_gmv" not in extras


def test_compass_list_reimported_later_updates_its_sessions(db_path: Path) -> None:
    """The key is 主播抖音号 + 直播开始时间: the next day's export, with revised figures and a renamed
    nickname, updates the same sessions instead of adding new ones."""
    first = csv_bytes(COMPASS_LIVE_LIST, [_list_row(**s) for s in LIST_SESSIONS])
    import_files(db_path, [("d1.csv", first)])
    revised = [dict(s) for s in LIST_SESSIONS]
    revised[0].update({"主播昵称": "弹动旗舰店", "直播间退款金额": "7000", "投放消耗(店铺绑定)": "25000"})
    summary = import_files(
        db_path, [("d2.csv", csv_bytes(COMPASS_LIVE_LIST, [_list_row(**s) for s in revised]))]
    )
    assert (summary["inserted"], summary["updated"], summary["unchanged"]) == (0, 1, 2)
    assert _q(db_path, "SELECT count(*), sum(refunds) FROM sessions") == [(3, 7000 + 88 + 0)]
    assert _q(db_path, "SELECT sum(export_spend) FROM session_spend") == [(25000 + 300.25,)]


def test_compass_list_preview_names_the_unread_columns() -> None:
    preview = preview_file(("l.csv", csv_bytes(COMPASS_LIVE_LIST, [_list_row()])))
    unread = [header for header, canonical in preview.mapping if canonical is None]
    assert unread == ["主播头像"]  # every other of the 55 columns is read
    assert preview.parsed["anchor_id"].tolist() == ["793****514"]


# --- 4. 千川 直播大屏 snapshots --------------------------------------------------------------------


def _snapshot(at: str, anchor: str, spend: float, ad_gmv: float, paid: float, **values: object) -> list[str]:
    row = {h: "-" for h in QIANCHUAN_SCREEN_SNAPSHOTS}
    row.update(
        {
            "采集时间": at,
            "主播": anchor,
            "整体消耗(元)": f"{spend:.2f}",
            "整体成交金额(元)": f"{ad_gmv:.2f}",
            "用户实际支付金额(元)": f"{paid:.2f}",
            "直播间退款率": "1.52%",
            "直播间平均停留时长(整场)": "65秒",
            **{k: str(v) for k, v in values.items()},
        }
    )
    return [row[h] for h in QIANCHUAN_SCREEN_SNAPSHOTS]


def _snapshot_csv(rows: list[list[str]]) -> bytes:
    # As the scraping tool writes it: UTF-8 with BOM, LF line ends, minimal quoting.
    lines = [",".join(QIANCHUAN_SCREEN_SNAPSHOTS), *(",".join(r) for r in rows)]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def test_screen_snapshots_take_the_last_running_total_never_the_sum(db_path: Path) -> None:
    start = dt.datetime(2026, 9, 7, 19, 0)
    # Anchor A: one session, 12 snapshots five minutes apart, totals rising. Anchor B: two sessions the
    # same day (a 3-hour gap). Snapshots are written out of order, as a merged file may be.
    a = [
        (start + dt.timedelta(minutes=5 * k), 100.0 * (k + 1), 900.0 * (k + 1), 850.0 * (k + 1))
        for k in range(12)
    ]
    b1 = [
        (start + dt.timedelta(minutes=5 * k), 10.0 * (k + 1), 50.0 * (k + 1), 45.0 * (k + 1))
        for k in range(3)
    ]
    b2 = [
        (start + dt.timedelta(hours=4, minutes=5 * k), 7.0 * (k + 1), 30.0 * (k + 1), 29.0 * (k + 1))
        for k in range(4)
    ]
    rows = [_snapshot(t.strftime("%Y-%m-%d %H:%M:%S"), "店A", s, g, p) for t, s, g, p in reversed(a)]
    rows += [_snapshot(t.strftime("%Y-%m-%d %H:%M:%S"), "店B", s, g, p) for t, s, g, p in b1 + b2]
    data = _snapshot_csv(rows)
    summary = import_files(db_path, [("2026-09-07_直播大屏累计数据.csv", data)])
    assert (summary["inserted"], summary["skipped"], summary["rejected"]) == (3, len(rows) - 3, [])
    assert [(f["layout"], f["kind"]) for f in summary["files"]] == [
        ("qianchuan_screen_snapshots", "snapshots")
    ]

    last = [a[-1], b1[-1], b2[-1]]
    got = _q(
        db_path,
        "SELECT account, started_at, ended_at, total_spend, gmv, ad_gmv, avg_watch_s "
        "FROM session_metrics ORDER BY account, started_at",
    )
    firsts = [a[0][0], b1[0][0], b2[0][0]]
    assert [(g[1], g[2]) for g in got] == [(f, x[0]) for f, x in zip(firsts, last, strict=True)]
    assert [g[3:6] for g in got] == [(s, p, g) for _, s, g, p in last]
    assert sum(g[3] for g in got) == pytest.approx(1200 + 30 + 28)  # the sum of all rows would be 7,800+
    assert {g[6] for g in got} == {65.0}
    rates = _q(db_path, "SELECT DISTINCT value FROM session_extras WHERE field = 'refund_rate'")
    assert rates == [(pytest.approx(0.0152),)]

    # A later scrape of the same day adds snapshots: the sessions are updated, not added to.
    later = [
        *rows,
        _snapshot(
            (a[-1][0] + dt.timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M:%S"), "店A", 1300, 11000, 10500
        ),
    ]
    summary = import_files(db_path, [("2026-09-07_直播大屏累计数据.csv", _snapshot_csv(later))])
    assert (summary["inserted"], summary["updated"], summary["unchanged"]) == (0, 1, 2)
    assert _q(db_path, "SELECT sum(total_spend) FROM session_metrics WHERE account = '店A'") == [(1300.0,)]


# --- 2. 罗盘/百应 整场数据下载 workbook ---------------------------------------------------------------

WORKBOOK_NAME = "直播间详情页_整场数据下载_2026-07-29_10-00-00(金典拍拍相机专卖店_2026-07-28_15-44-39).xlsx"
CHANNEL_ROWS = [  # 渠道名称, 观看人数, 用户支付金额, 成交订单数, 千川消耗
    ("整体", 8947, "¥236,552", 70, "2201.51"),
    ("千川PC", 3100, "¥120,000", 31, "1800.01"),
    ("小店随心推", 800, "¥16,552", 9, "401.5"),
    ("自然推荐", 5047, "¥100,000", 30, "0"),
]


def _workbook(
    start: str = "2026/07/28 08:15:49", end: str = "2026/07/28 15:44:39", *, time_sep: str = "-"
) -> bytes:
    """The six sheets of D4's fixture with values of our own: two horizontal, one vertical, three tables
    (a product table with a D5-style SKU block)."""
    return xlsx_bytes(
        {
            "基本信息": [
                ["达人昵称", "抖音号or火山号", "直播时间", "直播间用户支付金额", "千次观看用户支付金额"],
                ["金典拍拍相机专卖店", "20296833869", f"{start}{time_sep}{end}", "¥236,552", "¥26,439.25"],
            ],
            "整体看板": [
                [
                    "直播间观看人数",
                    "平均在线人数",
                    "人均观看时长",
                    "直播间观看-成交率(人数)",
                    "直播间商品点击-成交率(人数)",
                    "直播间曝光-观看率(人数)",
                ],
                [8947, 120, "1分5秒", "0.68%", "10.12%", "12.5%"],
            ],
            "流量分析-流量转化": [
                ["直播间曝光人数", 120000],
                ["直播间观看人数", 8947],
                ["商品曝光人数", 5000],
                ["商品点击人数", 900],
                ["成交人数", 61],
            ],
            "流量分析-渠道分析": [
                ["渠道名称", "观看人数", "用户支付金额", "成交订单数", "千川消耗"],
                *CHANNEL_ROWS,
            ],
            "流量分析-短视频引流": [
                [
                    "短视频名称",
                    "投稿时间",
                    "短视频直播入口曝光次数",
                    "短视频引流直播间次数",
                    "短视频直播入口点击率(次数)",
                ],
                ["新品开箱", "2026/07/27 10:00", 10000, 500, "5%"],
            ],
            "商品分析-商品明细": [
                [
                    "商品ID",
                    "商品名称",
                    "用户支付金额",
                    "成交件数",
                    "成交人数",
                    "商品曝光人数",
                    "商品点击人数",
                ],
                ["3701234567890123456", "微单相机", "236552", 80, 61, 5000, 900],
                ["-", "sku名称", "用户支付金额"],
                [None, "黑色 标准版", "200000"],
            ],
        }
    )


def test_session_workbook_is_one_session_with_spend_from_the_whole_room_row(db_path: Path) -> None:
    summary = import_files(db_path, [(WORKBOOK_NAME, _workbook())])
    assert (summary["inserted"], summary["skipped"], summary["rejected"]) == (1, 0, [])
    assert summary["files"][0]["layout"] == "douyin_compass_session_workbook"
    got = _q(
        db_path,
        "SELECT account, anchor_id, started_at, ended_at, gmv, viewers, buyers, orders, impressions, avg_watch_s, "
        "total_spend, spend_qianchuan FROM session_metrics",
    )
    whole = CHANNEL_ROWS[0]
    assert got == [
        (
            "金典拍拍相机专卖店",
            "20296833869",
            dt.datetime(2026, 7, 28, 8, 15, 49),
            dt.datetime(2026, 7, 28, 15, 44, 39),
            236552.0,
            8947,
            61,
            whole[3],  # 成交订单数 of the 整体 row
            120000,
            65.0,  # 1分5秒
            float(whole[4]),  # 千川消耗 of 整体, not the sum of all channel rows
            float(whole[4]),
        )
    ]
    assert float(whole[4]) != sum(float(r[4]) for r in CHANNEL_ROWS)  # the test would catch a sum
    extras = dict(_q(db_path, "SELECT field, value FROM session_extras"))
    assert extras["gpm"] == 26439.25 and extras["view_cvr"] == pytest.approx(0.0068)


def test_session_workbook_end_time_and_account_from_the_file_name(db_path: Path) -> None:
    """D5's older variant: 直播时间 ``start~end``; and when it gives no end, the file name does."""
    import_files(db_path, [(WORKBOOK_NAME, _workbook(time_sep="~"))])
    assert _q(db_path, "SELECT started_at, ended_at FROM sessions") == [
        (dt.datetime(2026, 7, 28, 8, 15, 49), dt.datetime(2026, 7, 28, 15, 44, 39))
    ]


@pytest.mark.parametrize("order", ["list_first", "workbook_first"])
def test_list_and_workbook_of_one_session_count_its_money_once(db_path: Path, order: str) -> None:
    """The 罗盘 list (masked 抖音号) and the workbook (whole 抖音号) of one session are one session: the
    spend and GMV are one source's (the file imported last), never the sum."""
    listed = _list_row(
        主播昵称="金典拍拍相机专卖店",
        主播抖音号="202****869",
        直播开始时间="2026/07/28 08:15:49",
        直播结束时间="2026/07/28 15:44:39",
        直播间用户支付金额="236000",
        **{"投放消耗(店铺绑定)": "2300", "直播间退款金额": "5000"},
    )
    files = {
        "list": ("直播间列表.csv", csv_bytes(COMPASS_LIVE_LIST, [listed])),
        "workbook": (WORKBOOK_NAME, _workbook()),
    }
    first, second = ("list", "workbook") if order == "list_first" else ("workbook", "list")
    import_files(db_path, [files[first]])
    summary = import_files(db_path, [files[second]])
    assert (summary["inserted"], summary["updated"]) == (0, 1)
    got = _q(db_path, "SELECT count(*), sum(total_spend), sum(gmv), sum(refunds) FROM session_metrics")
    spend, gmv = (2201.51, 236552.0) if second == "workbook" else (2300.0, 236000.0)
    assert got == [(1, spend, gmv, 5000.0)]  # refunds: only the list has them, kept either way


# --- units and formats -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "canonical"),
    [
        ("整体未完结预售订单预估金", "x_presale_pending_gmv"),  # cut at 12 characters
        ("曝光-观看率(人数）", "x_impression_view_rate"),  # mixed brackets
        ("直播间退款金额(元)", "refunds"),
        ("直播间退款金额（元）", "refunds"),
        ("直播间退款金额", "refunds"),
        ("净成交金额(", "net_gmv"),  # cut inside its unit
        ("投放消耗（店铺绑定）", "spend_qianchuan"),
        ("主播头像", None),
    ],
)
def test_header_spellings(header: str, canonical: str | None) -> None:
    from liveroi.importer import headers

    assert headers.canonical_of(header) == canonical


@pytest.mark.parametrize(
    ("header", "scale"),
    [
        ("成交金额", 1.0),
        ("成交金额(元)", 1.0),
        ("成交金额（分）", 0.01),
        ("成交金额(厘)", 0.001),
        ("成交金额(千分之一分)", 1e-5),
        ("成交金额（1/100000元）", 1e-5),
    ],
)
def test_money_units_only_where_the_header_says_so(header: str, scale: float) -> None:
    from liveroi.importer import headers

    (column,) = headers.plan_columns([header], "sessions")
    assert (column.canonical, column.scale) == ("gmv", scale)


def test_units_written_in_the_header_and_formats_of_the_cells(db_path: Path) -> None:
    header = [
        "主播昵称",
        "主播抖音号",
        "直播开始时间",
        "人均观看时长",
        "直播间用户支付金额(分)",
        "净成交金额（元）",
        "观看老粉占比",
        "直播间退款金额",
        "消费券补贴金额(分)",
    ]
    rows = [
        ["店A", "793****514", "2026/1/3 9:33:16", "1分5秒", "123456", "1,200.50", "15.28%", "-", "250"],
        ["店B", "7001234567", "2026-01-03 10:00:00", "65", "100", "-", "0.1528", "12", "-"],
    ]
    summary = import_files(db_path, [("list.csv", csv_bytes(header, rows, encoding="gbk"))])
    assert (summary["inserted"], summary["rejected"]) == (2, [])
    got = _q(
        db_path,
        "SELECT account, anchor_id, avg_watch_s, gmv, net_gmv, refunds FROM sessions ORDER BY account",
    )
    assert got == [
        ("店A", "793****514", 65.0, 1234.56, 1200.5, None),
        ("店B", "7001234567", 65.0, 1.0, None, 12.0),
    ]
    extras = _q(db_path, "SELECT field, value FROM session_extras ORDER BY field, value")
    assert extras == [
        ("coupon_subsidy", 2.5),
        ("returning_fan_view_share", 0.1528),
        ("returning_fan_view_share", 0.1528),
    ]


@pytest.mark.parametrize("order", ["list_first", "workbook_first"])
def test_differently_masked_ids_of_one_session_still_meet_by_account_and_start(
    db_path: Path, order: str
) -> None:
    """When the list masks the 抖音号 some other way (``20*******69``), the two files still describe one
    broadcast of one account at one start second: the second file updates the first's session."""
    listed = _list_row(
        主播昵称="金典拍拍相机专卖店",
        主播抖音号="20*******69",
        直播开始时间="2026/07/28 08:15:49",
        直播结束时间="2026/07/28 15:44:39",
        直播间用户支付金额="236000",
        **{"投放消耗(店铺绑定)": "2300"},
    )
    other = _list_row(主播昵称="别的店", 主播抖音号="55*******01", 直播开始时间="2026/07/28 08:15:49")
    files = {
        "list": ("直播间列表.csv", csv_bytes(COMPASS_LIVE_LIST, [listed, other])),
        "workbook": (WORKBOOK_NAME, _workbook()),
    }
    first, second = ("list", "workbook") if order == "list_first" else ("workbook", "list")
    import_files(db_path, [files[first]])
    import_files(db_path, [files[second]])
    got = _q(
        db_path,
        "SELECT account, count(*), sum(total_spend) FROM session_metrics GROUP BY account ORDER BY account",
    )
    shop_spend = 2201.51 if second == "workbook" else 2300.0
    assert got == [("别的店", 1, 24052.43), ("金典拍拍相机专卖店", 1, shop_spend)]


def test_snapshot_times_of_day_take_the_date_of_the_file_name(db_path: Path) -> None:
    rows = [
        _snapshot(t, "店A", s, g, p) for t, s, g, p in [("20:00:00", 10, 100, 90), ("20:05:00", 25, 260, 240)]
    ]
    summary = import_files(db_path, [("2026-09-07_直播大屏累计数据.csv", _snapshot_csv(rows))])
    assert (summary["inserted"], summary["skipped"], summary["rejected"]) == (1, 1, [])
    assert _q(db_path, "SELECT started_at, ended_at, total_spend, gmv FROM session_metrics") == [
        (dt.datetime(2026, 9, 7, 20, 0), dt.datetime(2026, 9, 7, 20, 5), 25.0, 240.0)
    ]


@pytest.mark.parametrize("order", ["list_first", "snapshots_first"])
def test_snapshots_and_the_list_of_one_session_are_one_session(db_path: Path, order: str) -> None:
    """The scrapes start after the broadcast does, so the snapshot session meets the list's session by
    account and time overlap; the list's start and end stay, the money is the file imported last's."""
    listed = _list_row(
        主播昵称="店A",
        主播抖音号="793****514",
        直播开始时间="2026/09/07 19:58:00",
        直播结束时间="2026/09/07 23:00:00",
        直播间用户支付金额="5000",
        **{"投放消耗(店铺绑定)": "700"},
    )
    snaps = [("2026-09-07 20:00:00", 100, 1000, 900), ("2026-09-07 20:30:00", 650, 5600, 5100)]
    files = {
        "list": ("直播间列表.csv", csv_bytes(COMPASS_LIVE_LIST, [listed])),
        "snapshots": (
            "2026-09-07_直播大屏累计数据.csv",
            _snapshot_csv([_snapshot(*s[:1], "店A", *s[1:]) for s in snaps]),
        ),
    }
    first, second = ("list", "snapshots") if order == "list_first" else ("snapshots", "list")
    import_files(db_path, [files[first]])
    import_files(db_path, [files[second]])
    got = _q(db_path, "SELECT started_at, ended_at, total_spend, gmv, ad_gmv FROM session_metrics")
    spend, gmv = (650.0, 5100.0) if second == "snapshots" else (700.0, 5000.0)
    assert got == [(dt.datetime(2026, 9, 7, 19, 58), dt.datetime(2026, 9, 7, 23, 0), spend, gmv, 5600.0)]


def test_older_session_workbook_variant(db_path: Path) -> None:
    """D5's variant: 基本信息 without 达人昵称 (the account is in the file name) and 直播时间 ``start~end``,
    the funnel as key/value rows under another sheet name, 渠道分析's 整体 row with 人均观看时长 and 观看次数
    in 万, 互动&人群&售后 with 退款人数 and 新增粉丝数, and a 商品 sheet of product rows and SKU blocks."""
    name = "直播间详情页_整场数据下载_2025-09-09_15-40-44(弹动个人护理旗舰店_2025-09-08_00-00-46).xlsx"
    data = xlsx_bytes(
        {
            "基本信息": [
                ["直播时间", "直播间用户支付金额"],
                ["2025/09/07 20:00:00~2025/09/08 00:00:46", "¥88,001.5"],
            ],
            "流量&转化-转化漏斗": [
                ["直播间曝光人数", "52000"],
                ["直播间观看人数", "9100"],
                ["成交人数", "230"],
            ],
            "流量分析-渠道分析": [
                [
                    "渠道名称",
                    "观看人数",
                    "用户支付金额",
                    "成交订单数",
                    "千川消耗",
                    "人均观看时长",
                    "观看次数",
                ],
                ["整体", "9100", "¥88,001.5", "260", "9,876.54", "2分10秒", "1.2万"],
                ["千川PC", "4000", "¥50,000", "150", "9,876.54", "1分", "0.5万"],
            ],
            "流量&转化-短视频引流": [["短视频名称", "短视频引流直播间次数"], ["预热", "300"]],
            "互动&人群&售后": [["退款人数", "新增粉丝数"], ["12", "640"]],
            "商品": [
                ["商品ID", "商品名称", "用户支付金额"],
                ["直播间", "", "88001.5"],
                ["3701234567890123456", "洁面乳", "60000"],
                ["-", "sku名称", "用户支付金额"],
                [None, "100g", "60000"],
            ],
        }
    )
    summary = import_files(db_path, [(name, data)])
    assert (summary["inserted"], summary["rejected"]) == (1, [])
    got = _q(
        db_path,
        "SELECT account, started_at, ended_at, gmv, impressions, viewers, buyers, orders, avg_watch_s, views, "
        "new_followers, total_spend FROM session_metrics",
    )
    assert got == [
        (
            "弹动个人护理旗舰店",
            dt.datetime(2025, 9, 7, 20, 0),
            dt.datetime(2025, 9, 8, 0, 0, 46),
            88001.5,
            52000,
            9100,
            230,
            260,
            130.0,
            12000,
            640,
            9876.54,
        )
    ]
    assert _q(db_path, "SELECT field, value FROM session_extras") == [("refund_buyers", 12.0)]
