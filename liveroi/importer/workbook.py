"""The 罗盘/百应 直播间详情页 整场数据下载 workbook: one session spread over several sheets, read as one row.

The sheets (docs/export-layouts.md) come in three shapes:

- *horizontal* (基本信息, 整体看板, 互动&人群&售后): a header row, then one value row;
- *vertical* (流量分析-流量转化, 流量&转化-转化漏斗): key/value pairs, one per row;
- *tables* (流量分析-渠道分析, 流量分析-短视频引流, 商品分析-商品明细, 商品): one row per channel, video or
  product. Only the 渠道分析 row 渠道名称 = 整体 describes the session (its 千川消耗 is the session's spend,
  its 成交订单数 the orders); the video and product tables are not session figures and are not read.

Every label found becomes a column of one synthetic record (first sheet first: a label seen again in a
later sheet is a repeat, shown as not read), mapped through the ordinary alias table, so the record
goes through the same parse, validation and upsert as any session list. 直播时间 (``start-end`` or
``start~end``) gives the start and end; the file name (``…(店铺名_2025-09-08_00-00-46).xlsx``) gives
the account and the end time when the sheets do not. The session key is the anchor id (抖音号or火山号)
and the start, as in the 罗盘 list, so the list and the workbook of one session are one session.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable

import pandas as pd

from liveroi.importer import headers, limits
from liveroi.importer.errors import ImportFileError

NAME = "douyin_compass_session_workbook"

#: Sheets read as one header row + one value row, in the order their labels are taken.
HORIZONTAL = ("基本信息", "整体看板", "互动&人群&售后")
#: Sheets read as key/value rows.
VERTICAL = ("流量分析-流量转化", "流量&转化-转化漏斗")
CHANNELS = "流量分析-渠道分析"
_WHOLE_ROOM = "整体"

_LABEL_ACCOUNT = ("达人昵称", "主播昵称", "账号昵称")
_LABEL_TIME = "直播时间"
_FROM_FILE_NAME = "文件名"
_DATETIME = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?"
_SPAN = re.compile(rf"^\s*(?P<start>{_DATETIME})\s*(?:-|~|～|至|—)\s*(?P<end>{_DATETIME})\s*$")
_ONE_TIME = re.compile(rf"^\s*(?P<start>{_DATETIME})\s*$")
_FIGURE = re.compile(r"^[¥￥]?\s*-?[\d,.]+\s*(%|万|亿|秒|分钟?|小时)?(\d+秒)?$")
_FILE_NAME = re.compile(r"\((?P<account>[^()]+?)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<time>\d{2}-\d{2}-\d{2})\)")


@dataclasses.dataclass(frozen=True)
class Record:
    """The session of a workbook: ``(label, sheet, text)`` cells in the order they were found."""

    cells: list[tuple[str, str, str | None]]


def _text(value: object) -> str | None:
    from liveroi.importer.readers import cell_text

    text = cell_text(value)
    return None if text is None or not str(text).strip() else str(text).strip()


def _rows(worksheet) -> list[list[str | None]]:
    rows = []
    for row in worksheet.iter_rows(max_row=limits.HEADER_SCAN_ROWS * 50, values_only=True):
        cells = [_text(v) for v in row]
        while cells and cells[-1] is None:
            cells.pop()
        rows.append(cells)
    return rows


def _label(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def _first_filled(rows: list[list[str | None]]) -> int | None:
    return next((i for i, r in enumerate(rows) if any(c is not None for c in r)), None)


def _horizontal(rows: list[list[str | None]]) -> Iterable[tuple[str, str | None]]:
    start = _first_filled(rows)
    if start is None:
        return []
    header = rows[start]
    values = next((r for r in rows[start + 1 :] if any(c is not None for c in r)), [])
    return [(_label(h), values[i] if i < len(values) else None) for i, h in enumerate(header) if h]


def _is_vertical(rows: list[list[str | None]]) -> bool:
    """Whether a sheet is key/value rows rather than a header row over a value row: its first row has
    two cells and the second is a figure (``8947``, ``0.68%``, ``1分5秒``, ``¥236,552``), not a label. The
    sheet names say which shape a sheet usually has; the export versions differ, the cells do not lie."""
    start = _first_filled(rows)
    if start is None:
        return False
    first = [c for c in rows[start] if c is not None]
    return len(first) == 2 and bool(_FIGURE.match(first[1]))


def _vertical(rows: list[list[str | None]]) -> Iterable[tuple[str, str | None]]:
    return [(_label(r[0]), r[1] if len(r) > 1 else None) for r in rows if r and r[0]]


def _whole_room_row(rows: list[list[str | None]]) -> Iterable[tuple[str, str | None]]:
    start = _first_filled(rows)
    if start is None:
        return []
    header = [_label(h) for h in rows[start]]
    for row in rows[start + 1 :]:
        if row and _label(row[0]) == _WHOLE_ROOM:
            return [(h, row[i] if i < len(row) else None) for i, h in enumerate(header) if h and i > 0]
    return []


def read_record(workbook, file_name: str) -> Record:
    """The session a workbook describes, as labelled cells (see the module docstring)."""
    cells: list[tuple[str, str, str | None]] = []
    names = [str(n).strip() for n in workbook.sheetnames]
    by_name = dict(zip(names, workbook.sheetnames, strict=True))
    for sheet in (*HORIZONTAL, *VERTICAL):
        if sheet in by_name:
            rows = _rows(workbook[by_name[sheet]])
            pairs = _vertical(rows) if _is_vertical(rows) else _horizontal(rows)
            cells += [(k, sheet, v) for k, v in pairs]
    if CHANNELS in by_name:
        cells += [(k, CHANNELS, v) for k, v in _whole_room_row(_rows(workbook[by_name[CHANNELS]]))]
    return Record(_with_session_fields(cells, file_name))


def _with_session_fields(
    cells: list[tuple[str, str, str | None]], file_name: str
) -> list[tuple[str, str, str | None]]:
    """Add account, start and end (from 直播时间 and the file name) in front of the sheets' cells."""
    found = {k: (sheet, v) for k, sheet, v in reversed(cells)}
    label = next((k for k in _LABEL_ACCOUNT if found.get(k, ("", None))[1]), None)
    account = found[label][1] if label else None
    account_from = f"{found[label][0]}: {label}" if label else _FROM_FILE_NAME
    time_from = f"{found[_LABEL_TIME][0]}: {_LABEL_TIME}" if _LABEL_TIME in found else _LABEL_TIME
    start = end = None
    written = found.get(_LABEL_TIME, ("", None))[1] or ""
    span = _SPAN.match(written) or _ONE_TIME.match(written)
    if span:
        start, end = span.group("start"), span.groupdict().get("end")
    end_from = time_from
    named = _FILE_NAME.search(unicodedata.normalize("NFKC", file_name))
    if named:
        account = account or named.group("account").strip()
        if end is None:
            end, end_from = f"{named.group('date')} {named.group('time').replace('-', ':')}", _FROM_FILE_NAME
    session = [
        ("account", account_from, account),
        ("started_at", time_from, start),
        ("ended_at", end_from, end),
    ]
    # Only what was found: a sheet that names 开播时间 / 下播时间 itself is read through the alias table.
    session = [c for c in session if c[2] is not None]
    taken = {*(_LABEL_ACCOUNT if label else ()), *((_LABEL_TIME,) if span else ())}
    rest = [c for c in cells if c[0] not in taken]
    return session + rest


_SESSION_LABELS = ("account", "started_at", "ended_at")


def plan(record: Record) -> list[headers.Column]:
    """The columns of the record: each label mapped by the alias table (a repeat is not read), its
    written header ``sheet: label`` so that a rejection names where the cell is."""
    labels = [label for label, _, _ in record.cells]
    columns = headers.plan_columns(labels, "sessions")
    return [
        dataclasses.replace(c, header=sheet if c.canonical in _SESSION_LABELS else f"{sheet}: {label}")
        for c, (label, sheet, _) in zip(columns, record.cells, strict=True)
    ]


def frame(record: Record, columns: list[headers.Column], raw_names: list[str]) -> pd.DataFrame:
    """The record as the one-row text frame ``import_raw`` is made from (columns ``raw_names``)."""
    values = [text for _, _, text in record.cells]
    row = [*values, None]  # nothing past the header
    data = pd.DataFrame([row], columns=raw_names)
    return data.astype("string")


def refuse_empty(record: Record, columns: list[headers.Column], file_name: str, lang: str) -> None:
    """A workbook whose sheets give no session start cannot be imported."""
    texts = [text for _, _, text in record.cells]
    if not any(c.canonical == "started_at" and texts[c.position] for c in columns):
        raise ImportFileError.from_key(file_name, "import.error.no_start_column", lang)
