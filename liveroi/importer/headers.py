"""Header rows: find the one under the title lines, and map each header to a canonical column.

Headers are matched after Unicode NFKC normalisation (full-width brackets and letters become ASCII),
whitespace removal and lower-casing, with a trailing unit in brackets split off: ``成交金额（分）`` is
``gmv`` in 分, so its values are divided by 100. The alias table holds the platforms' header spellings plus the project's own
canonical English names, so an export of liveroi re-imports as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from liveroi.channels import channel_key
from liveroi.contract import SESSION_FIELDS, STORED_SESSION_FIELDS  # noqa: F401 (SESSION_FIELDS: re-exported)
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
    "followers_lost",
    "followers_total",
    "fans_buyers",
)
MONEY_FIELDS: tuple[str, ...] = ("gmv", "refunds", "ad_gmv", "net_gmv", "fans_gmv", "spend")
#: What identifies one ad row besides its account, channel and period: rows that differ in any of these
#: are different facts (a plan's units, a unit's creatives, a material), never repeats of each other.
AD_IDENTITY: tuple[str, ...] = (
    "plan",
    "plan_id",
    "unit",
    "unit_id",
    "creative",
    "creative_id",
    "material",
    "material_id",
)
#: Figures of an ad report beside spend and ad GMV, kept in ``ad_spend.extras`` (a map name → value):
#: the attribution windows of the GMV (direct, T+1 … T+30), orders, 千川's net GMV, 1-hour refunds and
#: smart-coupon amount, followers gained, and 磁力金牛's follower GMV windows and retention counts.
#: Canonical column names are ``ad_x_<name>``.
AD_EXTRA_PREFIX = "ad_x_"
AD_EXTRAS: tuple[str, ...] = (
    "gmv_direct",
    "gmv_t1",
    "gmv_t3",
    "gmv_t7",
    "gmv_t15",
    "gmv_t30",
    "orders",
    "net_gmv",
    "refunds_1h",
    "coupon",
    "new_followers",
    # 磁力金牛's follower windows: GMV the followers the plan gained paid on the day, by the next day and
    # within 7 / 15 / 30 days (涨粉当日/次日/7日/15日/30日GMV), and how many of them still follow after
    # 1 / 7 / 15 / 30 days (N日涨粉留存数) — what a bought follower is worth, seen from the ad side.
    "fans_gmv_t0",
    "fans_gmv_t1",
    "fans_gmv_t7",
    "fans_gmv_t15",
    "fans_gmv_t30",
    "followers_kept_1d",
    "followers_kept_7d",
    "followers_kept_15d",
    "followers_kept_30d",
)
_AD_EXTRA_COUNTS = (
    "orders",
    "new_followers",
    "followers_kept_1d",
    "followers_kept_7d",
    "followers_kept_15d",
    "followers_kept_30d",
)
AD_FIELDS: tuple[str, ...] = (
    "time",
    "hour",
    "account",
    "account_id",
    "channel",
    *AD_IDENTITY,
    "spend",
    "ad_gmv",
    *(AD_EXTRA_PREFIX + name for name in AD_EXTRAS),
)
SPEND_PREFIX = "spend_"  # canonical name of a session export's spend column: spend_<channel key>
EXTRA_PREFIX = "x_"  # canonical name of a known extra figure of a session list: x_<field> (session_extras)

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
    "orders": ("成交订单数", "支付订单数", "订单数", "直播间成交订单数", "orders"),
    "buyers": ("成交人数", "支付买家数", "支付人数", "直播间成交人数", "buyers"),
    "gmv": ("成交金额", "支付金额", "gmv", "直播间用户支付金额", "累计成交金额"),
    "refunds": ("退款金额", "直播间退款金额", "refunds"),
    "anchor_id": ("主播抖音号", "抖音号or火山号", "主播快手号", "anchor_id"),
    "net_gmv": ("净成交金额", "net_gmv"),
    "followers_lost": ("取关粉丝数", "取关人数", "掉粉数", "followers_lost"),
    "followers_total": (
        "粉丝总数",
        "累计粉丝数",
        "当前粉丝数",
        "粉丝数",
        "粉丝量",
        "直播结束粉丝数",
        "下播粉丝数",
        "总粉丝数",
        "followers_total",
    ),
    "fans_gmv": ("粉丝成交金额", "粉丝gmv", "粉丝支付金额", "老粉成交金额", "粉丝成交额", "fans_gmv"),
    "fans_buyers": ("粉丝成交人数", "粉丝支付人数", "老粉成交人数", "fans_buyers"),
    "ad_gmv": ("广告成交金额", "投放成交金额", "当日累计gmv", "ad_gmv"),
    # Ad-spend reports (one row per plan per hour or day).
    "time": ("时间", "日期", "投放时间", "stat_time", "stat_datetime", "date", "reportdate", "period_start"),
    "hour": ("小时", "hour", "时段"),
    "channel": ("渠道", "推广工具", "投放工具", "产品", "channel"),
    "plan": ("计划名称", "计划", "推广计划", "plan", "campaignname", "unitname"),
    "spend": ("消耗", "花费", "消耗金额", "总消耗", "cost", "spend", "costtotal", "stat_cost"),
    # Ad-report identity below the plan (see AD_IDENTITY).
    "plan_id": ("计划id", "campaign_id", "plan_id"),
    "unit": ("单元名称", "广告组名称", "组名称", "unit"),
    "unit_id": ("单元id", "广告组id", "组id", "unit_id"),
    "creative": ("创意名称", "creative"),
    "creative_id": ("创意id", "creative_id"),
    "material": ("素材名称", "material"),
    "material_id": ("素材id", "material_id"),
    "account_id": ("账户id", "account_id"),
}
_BY_ALIAS: dict[str, str] = {alias: canonical for canonical, names in ALIASES.items() for alias in names}

#: Spend columns whose header names no channel but whose report does: 罗盘's 投放消耗 is the 千川 spend of
#: the accounts bound to the shop (店铺被投, spend on the shop's goods by any account, is the same money
#: seen from the other side: an extra, never added).
_CHANNEL_OF_HEADER: dict[str, str] = {"投放消耗(店铺绑定)": "qianchuan"}

#: Known figures of the platforms' session lists that the contract has no column for, stored in
#: ``session_extras`` (one row per session per field): field → (kind, aliases). kind: 'money' (元,
#: scaled by a unit in the header), 'count', 'rate' (stored as a fraction: ``12.3%`` → 0.123, a plain
#: number as written), 'seconds' (a duration). README "Extra session figures" documents them.
EXTRAS: dict[str, tuple[str, tuple[str, ...]]] = {
    "gmv_deal": ("money", ("直播间成交金额",)),
    "gmv_per_hour": ("money", ("单小时用户支付金额",)),
    "refunds_1h": ("money", ("1小时退款金额", "1小时内退款金额")),
    "refund_orders": ("count", ("直播间退款订单数",)),
    "refund_orders_1h": ("count", ("1小时退款订单数", "1小时内退款订单数")),
    "refund_buyers": ("count", ("直播间退款人数", "退款人数")),
    "refund_rate": ("rate", ("直播间退款率",)),
    "refund_rate_1h": ("rate", ("1小时退款率", "1小时内退款率")),
    "net_orders": ("count", ("净成交订单数",)),
    "net_order_cost": ("money", ("净成交订单成本",)),
    "net_gmv_user_paid": ("money", ("用户实际支付净成交金额",)),
    "net_gmv_settle_rate": ("rate", ("净成交金额结算率",)),
    "net_orders_settle_rate": ("rate", ("净成交订单结算率",)),
    "net_roi_reported": ("count", ("净成交roi",)),
    "roi_reported": ("count", ("整体支付roi",)),
    "order_cost": ("money", ("整体成交订单成本",)),
    "gpm": ("money", ("gpm", "千次观看用户支付金额")),
    "items_sold": ("count", ("直播间成交件数", "成交件数")),
    "commission_est": ("money", ("预估佣金支出",)),
    "presale_orders": ("count", ("预售订单数",)),
    "presale_gmv": ("money", ("预售全款金额",)),
    "presale_pending_gmv": ("money", ("整体未完结预售订单预估金额", "整体未完结预售订单预估金")),
    "coupon_gmv": ("money", ("消费券引导支付金额",)),
    "coupon_gmv_share": ("rate", ("消费券引导支付占比",)),
    "coupon_subsidy": ("money", ("消费券补贴金额",)),
    "coupon_uses": ("count", ("消费券使用量",)),
    "coupon_smart": ("money", ("整体成交智能优惠券金额", "智能优惠券金额", "成交智能优惠券金额")),
    "platform_subsidy": ("money", ("电商平台补贴金额",)),
    "spend_shop_targeted": ("money", ("投放消耗(店铺被投)",)),
    "impression_times": ("count", ("直播间曝光次数", "直播间整体曝光次数")),
    "impression_view_rate": ("rate", ("直播间曝光-观看率(人数)", "曝光-观看率(人数)")),
    "impression_view_rate_times": ("rate", ("曝光观看率(次数)", "曝光-观看率(次数)")),
    "viewers_per_hour": ("count", ("单小时观看人数",)),
    "incentive_views": ("count", ("直播激励观看次数",)),
    "avg_online": ("count", ("平均在线人数",)),
    "online_now": ("count", ("实时在线人数",)),
    "comments": ("count", ("评论次数", "直播间评论次数")),
    "shares": ("count", ("分享次数",)),
    "share_rate": ("rate", ("分享率",)),
    "gifts": ("count", ("打赏次数",)),
    "like_rate": ("rate", ("点赞率",)),
    "fan_club_joins": ("count", ("新加直播团人数",)),
    "shopping_club_joins": ("count", ("新加购物团人数",)),
    "returning_fan_view_share": ("rate", ("观看老粉占比",)),
    "products_listed": ("count", ("带货商品数",)),
    "product_impression_times": ("count", ("直播间商品曝光次数",)),
    "product_click_times": ("count", ("直播间商品点击次数",)),
    "product_ctr_times": ("rate", ("商品曝光-点击率(次数)", "商品点击率")),
    "product_ctr": ("rate", ("商品曝光-点击率(人数)",)),
    "product_cvr_times": ("rate", ("商品点击-成交率(次数)", "商品转化率")),
    "product_cvr": ("rate", ("商品点击-成交率(人数)", "直播间商品点击-成交率(人数)")),
    "view_cvr_times": ("rate", ("观看-成交率(次数)",)),
    "view_cvr": ("rate", ("观看-成交率(人数)", "直播间观看-成交率(人数)", "观看成交转化率")),
}
_BY_EXTRA_ALIAS: dict[str, str] = {
    alias: EXTRA_PREFIX + field for field, (_, names) in EXTRAS.items() for alias in names
}
_TRUNCATED_AT = 12  # the platforms cut long headers to 12 characters: 整体未完结预售订单预估金
_OPEN_BRACKET_TAIL = re.compile(r"\([^)]*$")  # a header cut inside its unit: 引流直播间用户支付金额(

# `<渠道>消耗`, `<渠道>花费`, `<渠道>消耗金额` (a prefix that only says "total" or "ads" is not a channel).
_CHANNEL_SPEND = re.compile(r"^(?P<channel>.+?)(消耗金额|消耗|花费)$")
_NOT_A_CHANNEL = {"总", "广告", "投放", "推广", "累计", "整体", "合计"}
# 千分之一分 / 十万分之一元 / 1/100000元: the unit of the 千川 API's money (stat_cost ÷ 100000), in a
# header that says so.
_UNIT = re.compile(
    r"^(?P<name>.*?)\((?P<unit>元|分|厘|万元|万|千分之一分|十万分之一元|1/100000元|%|秒|分钟|小时|s|min)\)$"
)
_SPACE = re.compile(r"\s+")

_MONEY_SCALE = {
    None: 1.0,
    "元": 1.0,
    "分": 0.01,
    "厘": 0.001,
    "万元": 1e4,
    "万": 1e4,
    "千分之一分": 1e-5,
    "十万分之一元": 1e-5,
    "1/100000元": 1e-5,
}
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


def canonical_of(header: object, aliases: Mapping[str, str] | None = None) -> str | None:
    """The canonical column a header names (``spend_<channel>`` for channel spend, ``x_<field>`` for a
    known extra figure), or None. ``aliases`` (normalised name → canonical) are a layout's own meanings,
    consulted first."""
    name, _ = normalize(header)
    if not name:
        return None
    if aliases and name in aliases:
        return aliases[name]
    if name in _BY_ALIAS:
        return _BY_ALIAS[name]
    if name in _CHANNEL_OF_HEADER:
        return SPEND_PREFIX + _CHANNEL_OF_HEADER[name]
    if name in _BY_EXTRA_ALIAS:
        return _BY_EXTRA_ALIAS[name]
    cut = _OPEN_BRACKET_TAIL.sub("", name)
    if cut != name:
        return canonical_of(cut)
    if len(name) == _TRUNCATED_AT:
        whole = _truncated(name)
        if whole is not None:
            return whole
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


def _truncated(name: str) -> str | None:
    """The canonical column of a header cut to 12 characters: the one known header it begins, if
    exactly one (two candidates would be a guess)."""
    found = {c for alias, c in (*_BY_ALIAS.items(), *_BY_EXTRA_ALIAS.items()) if alias.startswith(name)}
    return found.pop() if len(found) == 1 else None


def extra_kind(canonical: str) -> str:
    """'money' | 'count' | 'rate' | 'seconds' of an ``x_<field>`` column."""
    return EXTRAS[canonical[len(EXTRA_PREFIX) :]][0]


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
    if canonical.startswith(AD_EXTRA_PREFIX):
        if canonical[len(AD_EXTRA_PREFIX) :] in _AD_EXTRA_COUNTS:
            return 1e4 if unit in ("万", "万元") else 1.0
        return _MONEY_SCALE.get(unit, 1.0)
    if canonical == "duration_min":
        return _SECONDS_PER_UNIT.get(unit or "分钟", 60.0)
    if canonical == "avg_watch_s":
        return _SECONDS_PER_UNIT.get(unit or "秒", 1.0)
    if canonical in MONEY_FIELDS or canonical.startswith(SPEND_PREFIX):
        return _MONEY_SCALE.get(unit, 1.0)
    if canonical.startswith(EXTRA_PREFIX):
        kind = extra_kind(canonical)
        if kind == "money":
            return _MONEY_SCALE.get(unit, 1.0)
        if kind == "seconds":
            return _SECONDS_PER_UNIT.get(unit or "秒", 1.0)
        return 1e4 if kind == "count" and unit in ("万", "万元") else 1.0
    if canonical in COUNT_FIELDS and unit in ("万", "万元"):
        return 1e4
    return 1.0


def plan_columns(
    headers: Sequence[object], kind: str, aliases: Mapping[str, str] | None = None
) -> list[Column]:
    """Map each header of a ``kind`` file to a canonical column (first occurrence wins).

    Sessions: channel spend columns become ``spend_<channel>``; a bare total-spend column is used as
    ``spend_other`` only when the file has no per-channel spend (otherwise it is the sum, and ignored).
    Ad-spend reports: ``gmv`` headers (成交金额, GMV, 支付金额) are the report's ad GMV. ``aliases``: the
    layout's own header meanings (:mod:`liveroi.importer.layouts`), before the global table. Snapshot
    files (``snapshots``) have the columns of a session list.
    """
    if kind == "snapshots":
        kind = "sessions"
    allowed = set(STORED_SESSION_FIELDS) if kind == "sessions" else set(AD_FIELDS)
    raw = [canonical_of(h, aliases) for h in headers]
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
        usable = canonical is not None and (
            canonical in allowed
            or canonical.startswith(SPEND_PREFIX)
            or (kind == "sessions" and canonical.startswith(EXTRA_PREFIX))
        )
        if kind == "ad_spend" and canonical and canonical.startswith(SPEND_PREFIX):
            usable = False
        if not usable or canonical in taken:
            columns.append(Column(position, _header_text(header), None))
            continue
        taken.add(canonical)
        _, unit = normalize(header)
        columns.append(Column(position, _header_text(header), canonical, _scale(canonical, unit)))
    return columns


def ignored_headers(columns: Sequence[Column]) -> list[str]:
    """The headers of a file that nothing reads (not mapped, or a repeat of a mapped one), as written."""
    return [c.header for c in columns if c.canonical is None and c.header]


def _header_text(header: object) -> str:
    return "" if header is None else str(header).replace("\ufeff", "").strip()
