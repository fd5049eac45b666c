"""Builders of real messy export files (bytes), as the back-ends hand them out, for the importer tests."""

from __future__ import annotations

import io
from collections.abc import Sequence

import openpyxl

SESSION_HEADERS_ZH: tuple[str, ...] = (
    "直播ID",
    "账号名称",
    "开播时间",
    "下播时间",
    "直播时长",
    "直播间曝光人数",
    "观看人数",
    "观看人次",
    "最高在线人数",
    "平均观看时长",
    "涨粉数",
    "商品曝光人数",
    "商品点击人数",
    "成交订单数",
    "成交人数",
    "成交金额(元)",
    "退款金额(元)",
    "广告成交金额(元)",
    "小店通消耗(元)",
    "磁力金牛消耗(元)",
    "粉条消耗(元)",
    "作品推广消耗(元)",
    "班次",
)


def csv_bytes(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    encoding: str = "utf-8",
    title_lines: Sequence[str] = (),
    delimiter: str = ",",
) -> bytes:
    """A CSV as bytes: optional title lines, the header, the rows; cells with a comma/quote are quoted.
    ``encoding`` may be 'utf-8', 'utf-8-sig' (BOM) or 'gbk'."""

    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        if any(ch in text for ch in (delimiter, '"', "\n")):
            text = '"' + text.replace('"', '""') + '"'
        return text

    lines = [*title_lines, delimiter.join(cell(h) for h in header)]
    lines += [delimiter.join(cell(v) for v in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(sheets: dict[str, Sequence[Sequence[object]]]) -> bytes:
    """An XLSX workbook as bytes: sheet name → rows (title rows and header included, values as given:
    str stays text, int/float become numeric cells, datetime a date cell)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def session_row(
    session_id: str,
    account: str,
    start: str,
    end: str = "",
    *,
    gmv: object = "1000",
    viewers: object = "500",
    buyers: object = "20",
    spend: Sequence[object] = ("100", "50", "-", "0"),
    shift: str = "晚班",
) -> list[object]:
    """One row under SESSION_HEADERS_ZH with plausible figures (override what a test checks)."""
    return [
        session_id,
        account,
        start,
        end,
        "3小时",
        "1.2万",
        viewers,
        "800",
        "120",
        "1分23秒",
        "35",
        "900",
        "150",
        "22",
        buyers,
        gmv,
        "50",
        "300",
        *spend,
        shift,
    ]
