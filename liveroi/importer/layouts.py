"""The layout registry: every export liveroi knows by name, recognised by its header.

A file is read as exactly one layout. :func:`recognise` compares a candidate header row with each named
layout's *signature* (header names that must all be present, compared after
:func:`liveroi.importer.headers.normalize`: NFKC, no whitespace, lower case, a ``(元)``-style unit split
off), the most specific match winning; a header that matches no named layout but still names a session
start (or id) is ``generic_session_export``, one that names a time and a spend is ``generic_ad_report``.
Anything else is refused (:func:`describe_unrecognised` says what was found, in one line).

Each layout says what it is read as (``kind``):

==========  ===================================================================================
kind        what the rows are
==========  ===================================================================================
sessions    one row per broadcast session (a session list)
ad_spend    one row per ad object (plan / unit / creative / material) per hour or day (a spend report)
snapshots   running totals of one live room, one row per scrape: never summed
timeline    one row per time bucket (1/5/15/60 min) of a broadcast, or per snapshot of its running
            totals: the session timeline (:mod:`liveroi.importer.timeline`), never a session's totals
==========  ===================================================================================

A layout with ``timeline=True`` (the 直播大屏 snapshots) is also read into the session timeline, beside
what its own kind makes of it: the same file gives a session's totals and its course through the
broadcast.

For ad reports a layout also fixes the paid channel of every row (``channel``: a 磁力金牛 report is
``jinniu`` whatever its plan names say), layout-specific header meanings (``aliases``, consulted before
the global alias table), whether the date is only in the file name, and its ``grain``: the precedence
rank when several reports describe the same money (lower = finer; for one account, channel and day the
finest report present is counted and the others are kept but marked superseded — see
``queries/ad_spend/precedence.sql``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from liveroi.importer import headers

SESSIONS = "sessions"
AD_SPEND = "ad_spend"
SNAPSHOTS = "snapshots"
TIMELINE = "timeline"
KINDS: tuple[str, ...] = (SESSIONS, AD_SPEND, SNAPSHOTS, TIMELINE)


def _names(*labels: str) -> frozenset[str]:
    return frozenset(headers.normalize(label)[0] for label in labels)


def _aliases(pairs: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType({headers.normalize(label)[0]: canonical for label, canonical in pairs.items()})


@dataclass(frozen=True)
class NamedLayout:
    """One export layout the importer knows.

    ``signature``: normalised header names that must all be in the header row. ``sheets``: for a
    workbook, sheet names that must all be present (then the signature may be empty). ``grain``: the
    precedence rank of an ad report (lower = finer wins), meaningless for other kinds.
    """

    name: str
    kind: str
    platform: str  # 'douyin' | 'kuaishou' | '' (any)
    description: str
    signature: frozenset[str] = frozenset()
    sheets: frozenset[str] = frozenset()
    channel: str | None = None
    aliases: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    grain: int = 100
    date_in_file_name: bool = False
    timeline: bool = False  # also read into the session timeline (liveroi.importer.timeline)


# Layout-specific header meanings of the Kuaishou ad reports (identity columns and the ad GMV).
_X = "ad_x_"  # headers.AD_EXTRA_PREFIX: figures kept in ad_spend.extras
_JINNIU_UNIT_ALIASES = _aliases(
    {
        "组名称": "unit",
        "组Id": "unit_id",
        "计划Id": "plan_id",
        "当日累计GMV": "ad_gmv",
        "直接GMV": _X + "gmv_direct",
        "次日累计GMV": _X + "gmv_t1",
        "7日累计GMV": _X + "gmv_t7",
        "15日累计GMV": _X + "gmv_t15",
        "30日累计GMV": _X + "gmv_t30",
        "当日累计订单数": _X + "orders",
        "粉丝关注数": _X + "new_followers",
        "涨粉当日GMV": _X + "fans_gmv_t0",
        "涨粉次日GMV": _X + "fans_gmv_t1",
        "涨粉7日GMV": _X + "fans_gmv_t7",
        "涨粉15日GMV": _X + "fans_gmv_t15",
        "涨粉30日GMV": _X + "fans_gmv_t30",
        "1日涨粉留存数": _X + "followers_kept_1d",
        "7日涨粉留存数": _X + "followers_kept_7d",
        "15日涨粉留存数": _X + "followers_kept_15d",
        "30日涨粉留存数": _X + "followers_kept_30d",
    }
)
_XIAODIANTONG_ALIASES = _aliases(
    {
        "计划 ID": "plan_id",
        "广告组名称": "unit",
        "广告组 ID": "unit_id",
        "创意名称": "creative",
        "创意 id": "creative_id",
        "当日累计 GMV": "ad_gmv",
        "GMV": _X + "gmv_direct",
        "投后 1 日累计 GMV": _X + "gmv_t1",
        "投后 3 日累计 GMV": _X + "gmv_t3",
        "投后 7 日累计 GMV": _X + "gmv_t7",
        "投后 15 GMV": _X + "gmv_t15",
        "投后 30 GMV": _X + "gmv_t30",
        "支付订单数": _X + "orders",
        "涨粉量": _X + "new_followers",
    }
)
_JINNIU_ACCOUNT_ALIASES = _aliases({"账户ID": "account_id", "当日累计GMV": "ad_gmv", "总花费": "spend"})
_QIANCHUAN_EXTRAS = {
    "整体成交订单数": _X + "orders",
    "净成交金额": _X + "net_gmv",
    "1小时内退款金额": _X + "refunds_1h",
    "智能优惠券金额": _X + "coupon",
}
_JINNIU_AGENCY_ALIASES = _aliases({"账户ID": "account_id", "总花费": "spend"})
_QIANCHUAN_HOURLY_ALIASES = _aliases(
    {"小时区间": "hour", "整体消耗": "spend", "整体成交金额": "ad_gmv", **_QIANCHUAN_EXTRAS}
)
_QIANCHUAN_MATERIAL_ALIASES = _aliases(
    {
        "素材名称": "material",
        "素材ID": "material_id",
        "整体消耗": "spend",
        "整体成交金额": "ad_gmv",
        **_QIANCHUAN_EXTRAS,
    }
)
# 千川 直播大屏 snapshots: every row is the room's running totals at 采集时间 (liveroi.importer.snapshots
# keeps the last row of each session). 整体* are the 千川 figures: 整体消耗 its spend, 整体成交金额 the GMV
# it credits itself (ad GMV); the room's GMV is 用户实际支付金额, as in the 罗盘 list.
_QIANCHUAN_SCREEN_ALIASES = _aliases(
    {
        "采集时间": "started_at",
        "主播": "account",
        "整体消耗(元)": "spend_qianchuan",
        "整体成交金额(元)": "ad_gmv",
        "用户实际支付金额(元)": "gmv",
        "整体成交订单数": "orders",
        "直播间整体观看人数": "viewers",
        "直播间整体新增粉丝数": "new_followers",
        "直播间平均停留时长(整场)": "avg_watch_s",
    }
)

GENERIC_SESSIONS = NamedLayout(
    "generic_session_export",
    SESSIONS,
    "",
    "a session list with a start time (or room id) per row, columns matched by the alias table",
)
GENERIC_TIMELINE = NamedLayout(
    "generic_timeline",
    TIMELINE,
    "",
    "a broadcast timeline: a bucket time and live-room metrics per row (在线人数, 进入直播间人数, 成交, 消耗 …)",
)
GENERIC_AD = NamedLayout(
    "generic_ad_report",
    AD_SPEND,
    "",
    "an ad-spend report: a time (or hour) and a spend per row, channel from its column or plan name",
    grain=20,
)

LAYOUTS: tuple[NamedLayout, ...] = (
    NamedLayout(
        "douyin_compass_live_list",
        SESSIONS,
        "douyin",
        "抖音电商罗盘 直播间列表 下载明细: one row per session, no room id",
        signature=_names("主播抖音号", "直播开始时间", "直播间成交金额", "直播间用户支付金额"),
    ),
    NamedLayout(
        "douyin_compass_session_workbook",
        SESSIONS,
        "douyin",
        "罗盘/百应 直播间详情页 整场数据下载: one session per workbook, several sheets",
        sheets=frozenset({"基本信息", "流量分析-渠道分析"}),
    ),
    NamedLayout(
        "qianchuan_uni_hourly",
        AD_SPEND,
        "douyin",
        "巨量千川 全域推广 直播 by hour: one row per hour range, no account column",
        signature=_names("日期", "小时区间", "整体消耗", "整体成交金额"),
        channel="qianchuan",
        aliases=_QIANCHUAN_HOURLY_ALIASES,
        grain=15,
    ),
    NamedLayout(
        "qianchuan_screen_snapshots",
        SNAPSHOTS,
        "douyin",
        "千川 全域 直播大屏 scraped snapshots: running totals per scrape, never summed",
        signature=_names("采集时间", "主播", "整体消耗(元)", "整体成交金额(元)"),
        aliases=_QIANCHUAN_SCREEN_ALIASES,
        timeline=True,
    ),
    NamedLayout(
        "qianchuan_screen_buckets",
        TIMELINE,
        "douyin",
        "千川 全域 直播大屏 5分钟时段数据: the flows of each 5-minute bucket (时段开始 – 时段结束)",
        signature=_names("时段开始", "时段结束", "主播", "整体消耗(元)"),
    ),
    NamedLayout(
        "qianchuan_material",
        AD_SPEND,
        "douyin",
        "巨量千川 全域 素材分析: one row per material, one day per file (date in the file name)",
        signature=_names("素材ID", "素材名称", "整体消耗"),
        channel="qianchuan",
        aliases=_QIANCHUAN_MATERIAL_ALIASES,
        grain=30,
        date_in_file_name=True,
    ),
    NamedLayout(
        "kuaishou_jinniu_unit",
        AD_SPEND,
        "kuaishou",
        "磁力金牛 专业版 单元(组)报表: one row per unit per day, no account column",
        signature=_names("组名称", "组Id", "计划名称", "计划Id", "花费"),
        channel="jinniu",
        aliases=_JINNIU_UNIT_ALIASES,
        grain=10,
    ),
    NamedLayout(
        "kuaishou_jinniu_account_daily",
        AD_SPEND,
        "kuaishou",
        "磁力金牛 账户报表: one row per account per day, Excel serial dates",
        signature=_names("账户名称", "账户ID", "时间", "总花费(元)", "当日累计GMV(元)"),
        channel="jinniu",
        aliases=_JINNIU_ACCOUNT_ALIASES,
        grain=40,
    ),
    NamedLayout(
        "kuaishou_jinniu_agency_spend",
        AD_SPEND,
        "kuaishou",
        "磁力金牛 代理商 消耗: one row per account per day; spend is 总花费 (cash, rebates are parts of it)",
        signature=_names("时间", "账户ID", "总花费", "现金总花费"),
        channel="jinniu",
        aliases=_JINNIU_AGENCY_ALIASES,
        grain=50,
    ),
    NamedLayout(
        "kuaishou_xiaodiantong",
        AD_SPEND,
        "kuaishou",
        "快手 小店通 转化数据报表: one row per plan / unit / creative per hour or day",
        # 投后 1 日累计 GMV is 小店通's own label (磁力金牛 says 次日累计GMV); no 广告组 column needed: the
        # plan-level view (view_type 计划) has none
        signature=_names("计划名称", "计划 ID", "花费", "当日累计 GMV", "投后 1 日累计 GMV"),
        channel="xiaodiantong",
        aliases=_XIAODIANTONG_ALIASES,
        grain=10,
    ),
)
GENERIC: tuple[NamedLayout, ...] = (GENERIC_SESSIONS, GENERIC_AD, GENERIC_TIMELINE)
BY_NAME: dict[str, NamedLayout] = {x.name: x for x in (*LAYOUTS, *GENERIC)}


def get(name: str) -> NamedLayout:
    """The layout called ``name`` (KeyError when there is none)."""
    return BY_NAME[name]


def recognise(header: Sequence[object]) -> NamedLayout | None:
    """The named layout a header row is, the most specific one when several match (the longest
    signature); else the generic timeline, session or ad layout when the alias tables find one; else
    None."""
    found = {headers.normalize(cell)[0] for cell in header}
    matches = [x for x in LAYOUTS if x.signature and x.signature <= found]
    if matches:
        return max(matches, key=lambda x: len(x.signature))
    from liveroi.importer import timeline  # (imports this module's users: not at module level)

    if timeline.is_timeline_header(header):
        return GENERIC_TIMELINE
    kind = headers.detect_kind(header)
    if kind == SESSIONS:
        return GENERIC_SESSIONS
    if kind == AD_SPEND:
        return GENERIC_AD
    return None


def recognise_workbook(sheet_names: Iterable[str]) -> NamedLayout | None:
    """The workbook layout whose sheets a workbook has (all of them), or None."""
    present = {str(name).strip() for name in sheet_names}
    matches = [x for x in LAYOUTS if x.sheets and x.sheets <= present]
    return max(matches, key=lambda x: len(x.sheets)) if matches else None


def describe_unrecognised(rows: Sequence[Sequence[object]], limit: int = 6) -> str:
    """What a refused file holds, for its one-line refusal: the first non-empty row's first cells."""
    for row in rows:
        cells = [" ".join(str(c).replace("\ufeff", "").split())[:40] for c in row if c is not None]
        cells = [c for c in cells if c]
        if cells:
            shown = " | ".join(cells[:limit])
            return shown + (" | …" if len(cells) > limit else "")
    return ""
