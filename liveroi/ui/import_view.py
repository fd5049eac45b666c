"""The Import page's pieces: cached previews, the column-mapping table and the history tables."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from liveroi import channels
from liveroi.i18n import TRANSLATIONS, t

PREVIEW_ROWS = 20
REJECTED_ROWS = 200
HISTORY_ROWS = 50


def field_label(name: str | None, lang: str) -> str:
    """A canonical column name as the user reads it (未识别 / not used for None)."""
    if name is None:
        return t("import_page.unmapped", lang)
    if name.startswith("spend_"):
        return t("sessions.spend_of", lang, channel=channels.channel_name(name.removeprefix("spend_"), lang))
    if name.startswith("x_"):  # a known extra figure, kept in session_extras under this name
        return t("import_page.field.extra", lang, field=name.removeprefix("x_"))
    for prefix in ("field.", "metric.", "import_page.field."):
        if f"{prefix}{name}" in TRANSLATIONS:
            return t(f"{prefix}{name}", lang)
    return name


@st.cache_data(show_spinner=False, max_entries=16, ttl=3600)
def preview(file_name: str, content: bytes, account: str | None, lang: str) -> dict[str, Any]:
    """``liveroi.importer.preview_file`` of an upload, cached by its bytes (reruns don't re-parse).

    Returns {"ok": True, "preview": Preview} or {"ok": False, "message": one line in ``lang``}.
    """
    from liveroi.importer import ImportFileError, preview_file

    try:
        return {"ok": True, "preview": preview_file((file_name, content), account=account, lang=lang)}
    except ImportFileError as exc:
        return {"ok": False, "message": exc.message}


def mapping_frame(mapping: list[tuple[str, str | None]], lang: str) -> pd.DataFrame:
    """Header as written → what liveroi recognised it as."""
    return pd.DataFrame(
        {
            "header": [str(h) for h, _ in mapping],
            "field": [field_label(c, lang) for _, c in mapping],
        }
    )


def parsed_frame(parsed: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The first parsed rows with translated headers."""
    head = parsed.head(PREVIEW_ROWS)
    return head.rename(columns={c: field_label(c, lang) for c in head.columns})


def rejected_frame(rejected: list[dict] | pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rejected rows (file, row, column, value, reason) with translated headers."""
    frame = pd.DataFrame(rejected)
    if frame.empty:
        return frame
    frame = frame.rename(columns={"file_name": "file", "row_number": "row", "column_name": "column"})
    columns = [c for c in ("file", "row", "column", "value", "reason") if c in frame]
    return (
        frame[columns]
        .head(REJECTED_ROWS)
        .rename(columns={c: t(f"import_page.col.{c}", lang) for c in columns})
    )


def layout_label(name: str | None, lang: str) -> str:
    """A layout name (liveroi.importer.layouts) as the user reads it; unknown names as stored."""
    key = f"import_page.layout.{name}"
    return t(key, lang) if key in TRANSLATIONS else ("" if name is None else str(name))


def files_frame(files: list[dict], lang: str) -> pd.DataFrame:
    """Per imported file: what it was read as and where its rows went; for an ad report, the days where
    another report of the same money is counted instead (or this one instead of another)."""
    columns = ["file", "layout", "rows_read", "inserted", "updated", "unchanged", "skipped", "rejected"]
    frame = pd.DataFrame(files, columns=[*columns, "precedence"])
    frame["layout"] = [layout_label(x, lang) for x in frame["layout"]]
    frame["precedence"] = [
        "; ".join(
            t(
                "import_page.precedence",
                lang,
                day=p["day"],
                channel=channels.channel_name(p["channel"], lang),
                counted=layout_label(p["counted"], lang),
                superseded=layout_label(p["superseded"], lang),
                spend=p["superseded_spend"],
            )
            for p in (items or [])
        )
        for items in frame["precedence"]
    ]
    columns.append("precedence")
    return frame[columns].rename(columns={c: t(f"import_page.col.{c}", lang) for c in columns})


def history_frame(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The import log with translated headers and status words."""
    frame = history.assign(
        layout=[layout_label(x, lang) for x in history.get("layout", [None] * len(history))],
        status=[
            t(f"import_page.status.{s}", lang) if f"import_page.status.{s}" in TRANSLATIONS else str(s)
            for s in history["status"]
        ],
        kind=[
            t(f"import_page.kind.{k}", lang)
            if f"import_page.kind.{k}" in TRANSLATIONS
            else ("" if k is None else str(k))
            for k in history["kind"]
        ],
    )
    columns = [
        "import_id",
        "file_name",
        "kind",
        "layout",
        "status",
        "started_at",
        "rows_read",
        "inserted",
        "updated",
        "unchanged",
        "skipped",
        "rejected",
        "error",
    ]
    return frame[columns].rename(columns={c: t(f"import_page.col.{c}", lang) for c in columns})
