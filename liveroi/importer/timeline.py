"""Timeline files: one row per time bucket of a broadcast (1, 5, 15 or 60 minutes), or one row per
snapshot of the room's running totals (the 直播大屏 累计 export), imported into ``timeline_points``.

Recognised by their headers (:func:`layout_from_rows`): a bucket-time column (时间 / 时段开始 / 采集时间 …)
next to a live-room metric (在线人数 / 进入直播间人数), or a 时段开始 / 采集时间 column next to any metric.
A file is **cumulative** when its time column is a snapshot time (采集时间) or a metric header says
累计; otherwise each row holds the flows of its own bucket. Cumulative rows are stored as written and
differenced in the ``session_timeline`` view (queries/schema/views/session_timeline.sql), so two
cumulative files of the same day merge correctly whatever their order.

Bucket length: from 时段结束 − 时段开始 when the file has an end column, else the median interval between
consecutive bucket starts of the same target in the file (5 when there is only one). A time cell with
no date (``19:05``) takes the date in the file name (``2026-11-24_直播大屏5分钟时段数据.csv``).

Targets: a row is the whole room, or a channel (渠道 / 推广工具) or plan (计划名称) when the file has those
columns. ``<渠道>消耗`` columns add one spend-only row per channel beside the room's row; the room's spend
is then the total column (整体消耗 / 消耗) or, without one, the sum of the channels.

Same guarantees as every import: parsed and validated in staging before anything is written, one
transaction per file, rejected rows with file/row/column/value/reason, re-import updates by
(account, channel, plan, form, bucket length, time) — a missing cell never erases a stored value — and
nothing reaches ``sessions`` or ``session_spend``: the timeline never adds to a session's own totals.
Buckets that fall in no session of their account are kept and reported (:func:`outside_sessions`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from liveroi import db
from liveroi.channels import channel_key
from liveroi.importer import headers, layouts, limits, readers, validate
from liveroi.importer.errors import ImportFileError

KIND = layouts.TIMELINE

#: Aliases in order of preference: when a file has two columns for the same field (the 直播大屏 has both
#: 用户实际支付金额 and 整体成交金额), the alias listed first wins, whatever the column order.
ALIASES: dict[str, tuple[str, ...]] = {
    "bucket_time": ("时段开始", "时间", "采集时间", "时段开始时间", "统计时间", "bucket_start", "time"),
    "bucket_end": ("时段结束", "时段结束时间", "bucket_end"),
    "account": ("账号", "账号名称", "账户名称", "account", "主播", "主播昵称"),
    "online": ("在线人数", "实时在线人数", "当前在线人数", "online"),
    "viewers_in": (
        "进入直播间人数",
        "直播间进入数",
        "直播间进入人数",
        "直播间进人数",
        "直播间整体观看人数",
        "viewers_in",
    ),
    # 用户实际支付金额 before 整体成交金额: what the session totals of the same 直播大屏 file count as GMV
    # (整体成交金额 is their ad GMV), so a session's timeline adds up to its own GMV
    "gmv": ("成交金额", "用户实际支付金额", "整体成交金额", "直播间成交金额", "累计成交金额", "gmv"),
    "orders": ("成交订单数", "整体成交订单数", "累计成交订单数", "orders"),
    "new_followers": ("新增粉丝数", "涨粉数", "直播间整体新增粉丝数", "累计新增粉丝数", "new_followers"),
    "spend": ("消耗", "整体消耗", "花费", "总消耗", "累计消耗", "spend"),
    "channel": ("渠道", "推广工具", "投放工具", "channel"),
    "plan": ("计划名称", "计划", "推广计划", "plan"),
    "learning": ("学习期状态", "学习状态", "学习期", "learning_status"),
}
_RANK: dict[str, tuple[str, int]] = {
    alias: (canonical, rank) for canonical, names in ALIASES.items() for rank, alias in enumerate(names)
}
METRICS: tuple[str, ...] = ("online", "viewers_in", "gmv", "orders", "new_followers", "spend")
SNAPSHOT_TIMES = frozenset({"采集时间"})
BUCKET_TIMES = frozenset({"时段开始", "时段开始时间"})
_FILE_DATE = re.compile(r"(20\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)")


@dataclass(frozen=True)
class TimelineLayout:
    """What a timeline file's header says beyond the column mapping."""

    cumulative: bool
    file_date: str | None  # ISO date from the file name, for time cells without a date


def _canonical(header: object) -> tuple[str, int] | None:
    """(canonical field, preference rank) of a timeline header, ``("spend_<key>", 0)`` for channel spend."""
    name, _ = headers.normalize(header)
    if not name:
        return None
    if name in _RANK:
        return _RANK[name]
    general = headers.canonical_of(header)
    if general and general.startswith(headers.SPEND_PREFIX):
        return general, 0
    if general == "spend":
        return "spend", len(ALIASES["spend"])
    return None


def _qualifies(found: set[str], names: set[str]) -> bool:
    if "bucket_time" not in found:
        return False
    metrics = found & set(METRICS) or any(f.startswith(headers.SPEND_PREFIX) for f in found)
    if names & (SNAPSHOT_TIMES | BUCKET_TIMES):
        return bool(metrics)
    return bool(found & {"online", "viewers_in"})


def plan_columns(header: Sequence[object]) -> list[headers.Column]:
    """Map each header to a timeline column; per field the most preferred alias wins."""
    found = [_canonical(h) for h in header]
    best: dict[str, tuple[int, int]] = {}
    for position, item in enumerate(found):
        if item is None:
            continue
        canonical, rank = item
        if canonical not in best or rank < best[canonical][0]:
            best[canonical] = (rank, position)
    chosen = {position: canonical for canonical, (_, position) in best.items()}
    columns = []
    for position, cell in enumerate(header):
        canonical = chosen.get(position)
        text = "" if cell is None else str(cell).replace("\ufeff", "").strip()
        if canonical is None:
            columns.append(headers.Column(position, text, None))
            continue
        _, unit = headers.normalize(cell)
        money = canonical in ("gmv", "spend") or canonical.startswith(headers.SPEND_PREFIX)
        scale = headers._MONEY_SCALE.get(unit, 1.0) if money else (1e4 if unit in ("万", "万元") else 1.0)
        columns.append(headers.Column(position, text, canonical, scale))
    return columns


def _fields(row: Sequence[object]) -> int:
    """How many timeline fields ``row`` names when it is a timeline header, else 0: at least 3 fields,
    a bucket time with the metrics :func:`_qualifies` asks for, and no session start or room id (that
    is a session export)."""
    general = {headers.canonical_of(cell) for cell in row}
    if "started_at" in general or "session_id" in general:
        return 0
    fields = {f for f, _ in (c for c in (_canonical(cell) for cell in row) if c is not None)}
    names = {headers.normalize(cell)[0] for cell in row}
    return len(fields) if len(fields) >= 3 and _qualifies(fields, names) else 0


def is_timeline_header(row: Sequence[object]) -> bool:
    """Whether ``row`` is the header of a timeline file (see :func:`layout_from_rows`)."""
    return _fields(row) > 0


def layout_from_rows(rows: Sequence[Sequence[object]]) -> tuple[int, list[headers.Column]] | None:
    """(0-based header row, columns) when the first rows hold a timeline header, else None: the row
    naming most timeline fields (:func:`is_timeline_header`), earliest on ties."""
    best: tuple[int, int] | None = None
    for index, row in enumerate(rows[: limits.HEADER_SCAN_ROWS]):
        found = _fields(row)
        if found and (best is None or found > best[1]):
            best = (index, found)
    if best is None:
        return None
    header = list(rows[best[0]])
    while header and not str(header[-1]).strip():
        header.pop()
    return best[0], plan_columns(header)


def as_timeline(layout: readers.Layout) -> readers.Layout:
    """The timeline reading of a file read as another kind (a layout with ``timeline=True``: the 直播大屏
    snapshots): the same header row, its columns mapped by the timeline's alias table."""
    return dataclasses.replace(layout, kind=KIND, columns=plan_columns([c.header for c in layout.columns]))


def describe(layout: readers.Layout, file_name: str) -> TimelineLayout:
    """Whether the file holds running totals, and the date its name carries."""
    names = [headers.normalize(c.header)[0] for c in layout.columns if c.canonical]
    times = {headers.normalize(c.header)[0] for c in layout.columns if c.canonical == "bucket_time"}
    cumulative = bool(times & SNAPSHOT_TIMES) or any(
        n.startswith("累计") for n in names if n not in ALIASES["bucket_time"]
    )
    match = _FILE_DATE.search(file_name)
    file_date = f"{match.group(1)}-{match.group(2)}-{match.group(3)}" if match else None
    return TimelineLayout(cumulative, file_date)


def _scales(layout: readers.Layout) -> dict[str, float]:
    scales = dict.fromkeys(METRICS, 1.0)
    for column in layout.columns:
        if column.canonical in scales:
            scales[column.canonical] = column.scale
    return scales


def stage_file(
    con: duckdb.DuckDBPyConnection,
    file_idx: int,
    src: readers.SourceFile,
    layout: readers.Layout,
    *,
    account: str | None,
    lang: str,
):
    """Read, parse and validate a timeline file into ``import_stage_timeline`` (and the shared rejects
    staging). Returns a :class:`liveroi.importer.validate.StagedFile`."""
    from liveroi.importer.validate import StagedFile, stage_rows

    mapped = {c.canonical for c in layout.columns if c.canonical}
    if "account" not in mapped and not account:
        raise ImportFileError.from_key(src.name, "import.error.no_account_column", lang)
    info = describe(layout, src.name)
    readers.load_raw(con, src, layout, lang)
    stage_rows(con, layout.header_row)
    db.execute(con, "import/drop_raw")
    db.execute(con, "import/known_empty")
    db.execute(con, "import/timeline_template")
    db.execute(con, "import/timeline_stage_table")
    spend = layout.spend_params()
    if spend:
        db.execute(con, "import/timeline_channel_cells", spend)
    else:
        db.execute(con, "import/timeline_channel_cells_empty")
    labels = db.query(con, "import/timeline_labels")["label"].tolist()
    db.execute(con, "import/channel_keys_table")
    db.execute(
        con, "import/channel_keys_insert", {"labels": labels, "channels": [channel_key(x) for x in labels]}
    )
    db.execute(
        con,
        "import/timeline_parse",
        {
            "account": account or None,
            "scales": _scales(layout),
            "form": "cumulative" if info.cumulative else "bucket",
            "file_date": info.file_date,
        },
    )
    db.execute(con, "import/timeline_checked")
    db.execute(con, "import/timeline_stage", {"file_idx": file_idx})
    counts = validate.finish_staging(
        con, src.name, file_idx, layout, lang, ("import/drop_rows", "import/timeline_drop")
    )
    return StagedFile(file_idx, src, layout, counts["rows_read"], counts["skipped"], counts["rejected"])


def write(con: duckdb.DuckDBPyConnection, file_idx: int, import_id: int) -> dict[str, int]:
    """Upsert the staged rows of ``file_idx`` into ``timeline_points`` (inside the caller's
    transaction); returns the inserted / updated / unchanged counts."""
    params = {"file_idx": file_idx}
    counts = db.query(con, "import/timeline_counts", params).iloc[0]
    db.execute(con, "import/timeline_upsert", {**params, "import_id": import_id})
    return {k: int(counts[k]) for k in ("inserted", "updated", "unchanged")}


def outside_sessions(con: duckdb.DuckDBPyConnection, file_idx: int, file_name: str) -> list[dict]:
    """Per account, the staged buckets of ``file_idx`` that fall in none of the account's sessions:
    ``[{"file", "account", "buckets", "from", "to"}]`` (kept in the store, reported here)."""
    frame = db.query(con, "import/timeline_outside", {"file_idx": file_idx})
    return [
        {
            "file": file_name,
            "account": str(row["account"]),
            "buckets": int(row["buckets"]),
            "from": row["first_at"].isoformat(),
            "to": row["last_at"].isoformat(),
        }
        for row in frame.to_dict("records")
    ]
