"""Header rows: find the one under the title lines, and map each header to a canonical column.

Headers are matched after Unicode NFKC normalisation (full-width brackets and letters become ASCII),
whitespace removal and lower-casing, with a trailing unit in brackets split off: ``成交金额（分）`` is
``gmv`` in 分, so its values are divided by 100. The alias table holds the platforms' header spellings plus the project's own
canonical English names, so an export of liveroi re-imports as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from liveroi.channels import channel_key
from liveroi.contract import SESSION_FIELDS
from liveroi.importer import limits

COUNT_FIELDS: tuple[str, ...] = (
    "impressions",
    "viewers",
    "views",
    "peak_online",
    "new_followers",
    "product_impressions",
    "product_clicks",
    "orders",
    "buyers",
)
MONEY_FIELDS: tuple[str, ...] = ("gmv", "refunds", "ad_gmv", "spend")
AD_FIELDS: tuple[str, ...] = ("time", "hour", "account", "channel", "plan", "spend", "ad_gmv")
SPEND_PREFIX = "spend_"  # canonical name of a session export's spend column: spend_<channel key>

ALIASES: dict[str, tuple[str, ...]] = {
    "session_id": (
        "直播id",
        "直播间id",
        "场次id",
        "房间id",
        "live_id",
        "room_id",
        "liveid",
        "roomid",
        "session_id",
    ),
    "account": (
        "账号",
        "账号名称",
        "主播昵称",
        "快手号",
        "抖音号",
        "店铺名称",
        "账户",
        "账户名称",
        "account",
        "account_name",
    ),
    "started_at": ("开播时间", "直播开始时间", "开始时间", "started_at", "live_start_time", "start_time"),
    "ended_at": ("下播时间", "直播结束时间", "结束时间", "ended_at", "live_end_time", "end_time"),
    "duration_min": ("直播时长", "duration_min", "duration"),
    "shift": ("班次", "主播班次", "场次名称", "shift"),
    "impressions": ("直播间曝光人数", "曝光人数", "impressions"),
    "viewers": ("观看人数", "直播间观看人数", "进入人数", "直播间进人数", "viewers"),
    "views": ("观看人次", "直播间观看次数", "观看次数", "views"),
    "peak_online": ("最高在线", "最高在线人数", "peak_online"),
    "avg_watch_s": ("平均观看时长", "人均观看时长", "平均停留时长", "avg_watch_s"),
    "new_followers": ("涨粉数", "涨粉量", "新增粉丝数", "粉丝关注数", "new_followers"),
    "product_impressions": ("商品曝光人数", "直播间商品曝光人数", "product_impressions"),
    "product_clicks": ("商品点击人数", "商品点击次数", "直播间商品点击人数", "product_clicks"),
    "orders": ("成交订单数", "支付订单数", "订单数", "orders"),
    "buyers": ("成交人数", "支付买家数", "支付人数", "直播间成交人数", "buyers"),
    "gmv": ("成交金额", "支付金额", "gmv", "直播间用户支付金额", "累计成交金额"),
    "refunds": ("退款金额", "refunds"),
    "ad_gmv": ("广告成交金额", "投放成交金额", "ad_gmv"),
    # Ad-spend reports (one row per plan per hour or day).
    "time": ("时间", "日期", "投放时间", "stat_time", "stat_datetime", "date", "reportdate", "period_start"),
    "hour": ("小时", "hour", "时段"),
    "channel": ("渠道", "推广工具", "投放工具", "产品", "channel"),
    "plan": ("计划名称", "计划", "推广计划", "plan", "campaignname", "unitname"),
    "spend": ("消耗", "花费", "消耗金额", "总消耗", "cost", "spend", "costtotal", "stat_cost"),
}
_BY_ALIAS: dict[str, str] = {alias: canonical for canonical, names in ALIASES.items() for alias in names}

# `<渠道>消耗`, `<渠道>花费`, `<渠道>消耗金额` (a prefix that only says "total" or "ads" is not a channel).
_CHANNEL_SPEND = re.compile(r"^(?P<channel>.+?)(消耗金额|消耗|花费)$")
_NOT_A_CHANNEL = {"总", "广告", "投放", "推广", "累计", "整体", "合计"}
_UNIT = re.compile(r"^(?P<name>.*?)\((?P<unit>元|分|厘|万元|万|%|秒|分钟|小时|s|min)\)$")
_SPACE = re.compile(r"\s+")

_MONEY_SCALE = {None: 1.0, "元": 1.0, "分": 0.01, "厘": 0.001, "万元": 1e4, "万": 1e4}
_SECONDS_PER_UNIT = {"秒": 1.0, "s": 1.0, "分钟": 60.0, "分": 60.0, "min": 60.0, "小时": 3600.0}


@dataclass(frozen=True)
class Column:
    """One column of a file: the header as written and what it means.

    ``canonical`` is a field name (``gmv``), ``spend_<channel>`` for a channel's spend, or None when the
    column is not used. ``scale`` multiplies parsed values: 元 per unit for money (分 → 0.01), seconds per
    plain number for durations (duration_min defaults to minutes = 60, avg_watch_s to seconds = 1).
    """

    position: int
    header: str
    canonical: str | None
    scale: float = 1.0


def normalize(header: object) -> tuple[str, str | None]:
    """``(name, unit)`` of a header: NFKC, no whitespace, lower case, a bracketed unit split off."""
    text = unicodedata.normalize("NFKC", "" if header is None else str(header)).replace("\ufeff", "")
    text = _SPACE.sub("", text).lower()
    match = _UNIT.match(text)
    if match:
        return match.group("name"), match.group("unit")
    return text, None


def canonical_of(header: object) -> str | None:
    """The canonical column a header names (``spend_<channel>`` for channel spend), or None."""
    name, _ = normalize(header)
    if not name:
        return None
    if name in _BY_ALIAS:
        return _BY_ALIAS[name]
    if name.startswith(SPEND_PREFIX) and len(name) > len(SPEND_PREFIX):
        return SPEND_PREFIX + channel_key(name[len(SPEND_PREFIX) :])
    match = _CHANNEL_SPEND.match(name)
    if match:
        prefix = match.group("channel")
        if prefix in _NOT_A_CHANNEL:
            return "spend"
        label = unicodedata.normalize("NFKC", str(header)).strip()
        label = _UNIT.sub(r"\g<name>", _SPACE.sub("", label))
        return SPEND_PREFIX + channel_key(label[: len(label) - (len(name) - len(prefix))])
    return None


def score(row: Sequence[object]) -> int:
    """How many distinct canonical columns a candidate header row names."""
    return len({c for c in (canonical_of(cell) for cell in row) if c is not None})


def find_header_row(rows: Sequence[Sequence[object]]) -> int | None:
    """Index (0-based) of the header among the first rows: the one naming most known columns, earliest
    on ties, at least ``HEADER_MIN_MATCHES``; None when no row qualifies."""
    best, best_score = None, limits.HEADER_MIN_MATCHES - 1
    for index, row in enumerate(rows[: limits.HEADER_SCAN_ROWS]):
        found = score(row)
        if found > best_score:
            best, best_score = index, found
    return best


def detect_kind(headers: Sequence[object]) -> str | None:
    """'sessions' when the header names a session start or id; 'ad_spend' for a time + spend report;
    None otherwise."""
    found = {canonical_of(h) for h in headers}
    if "started_at" in found or "session_id" in found:
        return "sessions"
    if ("time" in found or "hour" in found) and (
        "spend" in found or any(c and c.startswith(SPEND_PREFIX) for c in found)
    ):
        return "ad_spend"
    return None


def _scale(canonical: str, unit: str | None) -> float:
    if canonical == "duration_min":
        return _SECONDS_PER_UNIT.get(unit or "分钟", 60.0)
    if canonical == "avg_watch_s":
        return _SECONDS_PER_UNIT.get(unit or "秒", 1.0)
    if canonical in MONEY_FIELDS or canonical.startswith(SPEND_PREFIX):
        return _MONEY_SCALE.get(unit, 1.0)
    if canonical in COUNT_FIELDS and unit in ("万", "万元"):
        return 1e4
    return 1.0


def plan_columns(headers: Sequence[object], kind: str) -> list[Column]:
    """Map each header of a ``kind`` file to a canonical column (first occurrence wins).

    Sessions: channel spend columns become ``spend_<channel>``; a bare total-spend column is used as
    ``spend_other`` only when the file has no per-channel spend (otherwise it is the sum, and ignored).
    Ad-spend reports: ``gmv`` headers (成交金额, GMV, 支付金额) are the report's ad GMV.
    """
    allowed = set(SESSION_FIELDS) if kind == "sessions" else set(AD_FIELDS)
    raw = [canonical_of(h) for h in headers]
    has_channel_spend = any(c and c.startswith(SPEND_PREFIX) for c in raw)
    taken: set[str] = set()
    columns: list[Column] = []
    for position, (header, canonical) in enumerate(zip(headers, raw, strict=True)):
        if kind == "sessions" and canonical == "spend":
            canonical = None if has_channel_spend else SPEND_PREFIX + "other"
        if kind == "ad_spend":
            if canonical == "gmv":
                canonical = "ad_gmv" if "ad_gmv" not in raw else None
            elif canonical and canonical.startswith(SPEND_PREFIX):
                canonical = "spend" if "spend" not in raw else None
        usable = canonical is not None and (canonical in allowed or canonical.startswith(SPEND_PREFIX))
        if kind == "ad_spend" and canonical and canonical.startswith(SPEND_PREFIX):
            usable = False
        if not usable or canonical in taken:
            columns.append(Column(position, _header_text(header), None))
            continue
        taken.add(canonical)
        _, unit = normalize(header)
        columns.append(Column(position, _header_text(header), canonical, _scale(canonical, unit)))
    return columns


def _header_text(header: object) -> str:
    return "" if header is None else str(header).replace("\ufeff", "").strip()
