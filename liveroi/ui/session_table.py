"""The Sessions page's table: which columns, their translated headers and formats, the signal word,
and the download of the filtered table (CSV with BOM / XLSX via ``liveroi.export``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from liveroi import channels, db, export
from liveroi.dashboard_data import signal_levels
from liveroi.i18n import t
from liveroi.ui import data

PAGE_SIZE = 50
EXPORT_MAX_ROWS = 200_000
SORTABLE = (
    "started_at",
    "gmv",
    "total_spend",
    "roi",
    "net_roi",
    "new_followers",
    "cost_per_follower",
    "conversion_rate",
    "gpm",
    "duration_min",
)
MONEY = ("total_spend", "gmv", "refunds", "ad_gmv", "cost_per_follower", "aov", "uv_value", "gpm")
RATIO = ("roi", "net_roi", "ad_roi")
PERCENT = ("follow_rate", "conversion_rate")
COUNT = (
    "new_followers",
    "impressions",
    "viewers",
    "views",
    "peak_online",
    "product_impressions",
    "product_clicks",
    "orders",
    "buyers",
)
SPEND = tuple(f"spend_{key}" for key in (*channels.KNOWN_KEYS, channels.OTHER_KEY))
COLUMNS = (
    "started_at",
    "account",
    "shift",
    "signal",
    "duration_min",
    "total_spend",
    "gmv",
    "roi",
    "net_roi",
    "ad_roi",
    "refunds",
    "ad_gmv",
    "new_followers",
    "cost_per_follower",
    "follow_rate",
    "impressions",
    "viewers",
    "views",
    "peak_online",
    "avg_watch_s",
    "product_impressions",
    "product_clicks",
    "orders",
    "buyers",
    "conversion_rate",
    "aov",
    "uv_value",
    "gpm",
    *SPEND,
    "session_id",
)


def header(column: str, lang: str) -> str:
    """The translated header of a table column."""
    if column.startswith("spend_"):
        return t(
            "sessions.spend_of", lang, channel=channels.channel_name(column.removeprefix("spend_"), lang)
        )
    if column == "signal":
        return t("sessions.signal", lang)
    if column in ("started_at", "account", "shift", "session_id", "day", "ended_at"):
        return t(f"field.{column}", lang)
    return t(f"metric.{column}", lang)


def with_signal(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Add the signal word per session (vectorised): 达标 / 高于保本 / 未达保本 / 无消耗."""
    level = signal_levels(frame["roi"], frame["breakeven_roi"], frame["target_roi"])
    words = {
        lvl: t(f"signal.{lvl}", lang)
        for lvl in ("no_spend", "target_met", "above_breakeven", "below_breakeven")
    }
    return frame.assign(signal=level.map(words))


def visible_columns(frame: pd.DataFrame) -> list[str]:
    """The table's columns, dropping channels nobody spent on in this page of rows."""
    used_spend = {c for c in SPEND if c in frame and frame[c].fillna(0).abs().sum() > 0}
    return [c for c in COLUMNS if c in frame and (c not in SPEND or c in used_spend)]


def column_config(columns: list[str], lang: str) -> dict[str, Any]:
    """Translated headers and number formats (full yuan in the table, so columns sort and compare)."""
    config: dict[str, Any] = {}
    for column in columns:
        label = header(column, lang)
        if column in MONEY or column in SPEND:
            config[column] = st.column_config.NumberColumn(label, format="yen")
        elif column in RATIO:
            config[column] = st.column_config.NumberColumn(label, format="%.2f")
        elif column in PERCENT:
            config[column] = st.column_config.NumberColumn(label, format="percent")
        elif column in COUNT:
            config[column] = st.column_config.NumberColumn(label, format="localized")
        elif column in ("duration_min", "avg_watch_s"):
            config[column] = st.column_config.NumberColumn(label, format="%.0f")
        elif column == "started_at":
            config[column] = st.column_config.DatetimeColumn(label, format="YYYY-MM-DD HH:mm")
        else:
            config[column] = st.column_config.TextColumn(label)
    return config


def export_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The filtered table as a user downloads it: the same columns, translated headers."""
    frame = with_signal(frame, lang)
    columns = [c for c in COLUMNS if c in frame]
    return frame[columns].rename(columns={c: header(c, lang) for c in columns})


def download_builder(params: dict[str, Any], lang: str, kind: str) -> Callable[[], bytes]:
    """A callable for ``st.download_button`` that reads the whole filtered table when clicked (its own
    short read-only connection: it runs outside the script thread) and returns CSV or XLSX bytes."""
    path = data.db_path()
    bound = {k: v for k, v in params.items() if k in data.query_parameters("pages/sessions_table")}
    bound.update(limit=EXPORT_MAX_ROWS, offset=0)

    def build() -> bytes:
        with db.connection(path, read_only=True, busy_timeout=data.READ_BUSY_TIMEOUT_S) as con:
            frame = db.query(con, "pages/sessions_table", bound)
        table = export_frame(frame, lang)
        return export.to_xlsx_bytes(table) if kind == "xlsx" else export.to_csv_bytes(table)

    return build
