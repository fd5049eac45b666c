"""Timeline files built in tests, in the layouts the platforms and scrapers write (Chinese headers, UTF-8
with BOM as the 直播大屏 tool writes them), and a session export to attach them to."""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

ACCOUNT = "暖山女装"
SESSION_ID = "9100000000000000001"
SESSION_START = pd.Timestamp("2026-11-24 19:00")
SESSION_MINUTES = 180

# The 5-minute export's header (千川 直播大屏 tool: 时段开始, 时段结束, 主播, …metrics), shortened to the
# metrics liveroi reads plus two it does not (a rate and the platform's own ROI).
FIVE_MIN_HEADER = (
    "时段开始", "时段结束", "主播", "实时在线人数", "直播间进入数", "用户实际支付金额(元)", "整体成交金额(元)",
    "整体成交订单数", "新增粉丝数", "商品点击率", "整体消耗(元)", "整体支付ROI",
)  # fmt: skip
CUMULATIVE_HEADER = (
    "采集时间", "主播", "整体成交订单数", "用户实际支付金额(元)", "实时在线人数", "直播间整体观看人数",
    "直播间整体新增粉丝数", "整体消耗(元)", "整体支付ROI", "整体成交金额(元)",
)  # fmt: skip


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    """A UTF-8 CSV with BOM and LF line ends, as the 直播大屏 tool writes."""
    lines = [",".join(header), *(",".join("" if v is None else str(v) for v in row) for row in rows)]
    path.write_bytes(codecs.BOM_UTF8 + ("\n".join(lines) + "\n").encode("utf-8"))
    return path


def session_export(path: Path, *, gmv: float = 36_000.0, spend: float = 10_000.0) -> Path:
    """One session of :data:`ACCOUNT`: 19:00 for three hours, with its own totals."""
    header = ("直播ID", "账号", "开播时间", "直播时长", "观看人数", "成交金额", "小店通消耗")
    row = (SESSION_ID, ACCOUNT, f"{SESSION_START:%Y-%m-%d %H:%M}", "3小时", 12_000, gmv, spend)
    return write_csv(path, header, [row])


def five_minute_frame(buckets: int = 36, start: pd.Timestamp = SESSION_START) -> pd.DataFrame:
    """Known per-bucket values: spend 200 per bucket, GMV varying, online and followers varying."""
    i = pd.RangeIndex(buckets)
    return pd.DataFrame(
        {
            "start": [start + pd.Timedelta(minutes=5 * k) for k in i],
            "online": 100 + 10 * i,
            "viewers_in": 300 + (i % 7) * 11,
            "overall": 300.0 + 3 * i,  # 整体成交金额: the 全域 figure, not the GMV liveroi reads
            "gmv": 350.0 + 25 * (i % 5),
            "orders": 3 + i % 4,
            "new_followers": 2 + i % 3,
            "spend": 200.0,
        }
    )


def five_minute_rows(frame: pd.DataFrame, *, account: str = ACCOUNT, time_only: bool = False) -> list[list]:
    """Rows of the 5-minute export for ``frame`` (times of day only when ``time_only``)."""
    fmt = "%H:%M" if time_only else "%Y-%m-%d %H:%M:%S"
    return [
        [
            f"{r.start:{fmt}}",
            f"{r.start + pd.Timedelta(minutes=5):{fmt}}",
            account,
            r.online,
            r.viewers_in,
            f"{r.gmv:.2f}",
            f"{r.overall:.2f}",
            r.orders,
            r.new_followers,
            "12.5%",
            f"{r.spend:.2f}",
            f"{r.overall / r.spend:.2f}",
        ]
        for r in frame.itertuples()
    ]


def cumulative_rows(frame: pd.DataFrame, *, account: str = ACCOUNT) -> list[list]:
    """Snapshots of running totals for ``frame``: one per bucket, taken at the bucket's end."""
    totals = frame[["orders", "gmv", "viewers_in", "new_followers", "spend", "overall"]].cumsum()
    return [
        [
            f"{start + pd.Timedelta(minutes=5):%Y-%m-%d %H:%M:%S}",
            account,
            int(t.orders),
            f"{t.gmv:.2f}",
            online,
            int(t.viewers_in),
            int(t.new_followers),
            f"{t.spend:.2f}",
            f"{t.overall / t.spend:.2f}",
            f"{t.overall:.2f}",
        ]
        for start, online, t in zip(frame["start"], frame["online"], totals.itertuples(), strict=True)
    ]
