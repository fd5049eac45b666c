"""The 账号矩阵 / Account matrix page's sections: every account of the self-broadcast matrix against
the previous period of the same length, which 1–2 accounts deserve the next yuan, and the scatter.

``pages/matrix.py`` calls these top to bottom (filters → data → figures → text).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import streamlit as st

from liveroi import charts, formatting
from liveroi.dashboard_data import previous_period, signal_levels
from liveroi.i18n import t
from liveroi.ui import brand_view, data, state, widgets

MAX_ACCOUNTS = 100
ARROWS = {"up": "▲", "down": "▼", "flat": "▬", "none": ""}
# metric, kind, whether higher is better (for the arrow's word)
COLUMNS = (
    ("total_spend", "money", None),
    ("gmv", "money", True),
    ("roi", "ratio", True),
    ("net_roi", "ratio", True),
    ("new_followers", "count", True),
    ("cost_per_follower", "money", False),
    ("gpm", "money", True),
)
TOLERANCE = 0.02


@dataclass(frozen=True)
class MatrixData:
    """The accounts of the period (at most MAX_ACCOUNTS) with their previous-period figures."""

    matrix: pd.DataFrame  # page_account_matrix, every row
    current: pd.DataFrame  # the accounts that broadcast in the period
    prev_start: date
    prev_end: date


# --- data -------------------------------------------------------------------------------------------


def load(filters: state.Filters, lang: str) -> MatrixData | None:
    """The matrix of the period and the one before; None after the empty-period message."""
    prev_start, prev_end = previous_period(filters.start, filters.end)
    matrix = data.query(
        "pages/account_matrix", filters.params(prev_start=prev_start, prev_end=prev_end, limit=MAX_ACCOUNTS)
    )
    current = matrix[matrix["sessions"] > 0]
    if current.empty:
        widgets.empty_period(lang, filters.start, filters.end)
        return None
    return MatrixData(matrix, current, prev_start, prev_end)


def _arrow(current_values: pd.Series, previous_values: pd.Series) -> pd.Series:
    """▲ / ▼ / ▬ per row for a change beyond ±TOLERANCE (vectorised over at most MAX_ACCOUNTS rows)."""
    cur = pd.to_numeric(current_values, errors="coerce")
    prev = pd.to_numeric(previous_values, errors="coerce")
    change = (cur - prev) / prev.abs().where(prev != 0)
    trend = np.select(
        [change > TOLERANCE, change < -TOLERANCE, change.notna()], ["up", "down", "flat"], "none"
    )
    return pd.Series(trend, index=cur.index).map(ARROWS)


# --- figures ----------------------------------------------------------------------------------------


def render_table(matrix: MatrixData, filters: state.Filters, lang: str) -> None:
    """The periods compared, then one row per account: figures with trend arrows, signal, break-even."""
    current = matrix.current
    st.caption(
        t(
            "matrix.periods",
            lang,
            start=filters.start,
            end=filters.end,
            prev_start=matrix.prev_start,
            prev_end=matrix.prev_end,
        )
    )
    table = pd.DataFrame({"account": current["account"].astype(str), "sessions": current["sessions"]})
    for column, kind, _ in COLUMNS:
        formatted = [widgets.fmt(kind, v, lang) for v in current[column]]
        table[column] = [
            f"{a} {v}".strip()
            for a, v in zip(_arrow(current[column], current[f"prev_{column}"]), formatted, strict=True)
        ]
    levels = signal_levels(current["roi"], current["breakeven_roi"], current["target_roi"])
    table["signal"] = [t(f"signal.{level}", lang) for level in levels]
    table["breakeven_roi"] = [formatting.ratio(b) for b in current["breakeven_roi"]]
    config = {
        "account": t("field.account", lang),
        "sessions": st.column_config.NumberColumn(t("metric.sessions", lang), format="localized"),
        "signal": t("sessions.signal", lang),
        "breakeven_roi": t("metric.breakeven_roi", lang),
        **{column: t(f"metric.{column}", lang) for column, _, _ in COLUMNS},
    }
    st.dataframe(
        table,
        hide_index=True,
        column_order=[
            "account",
            "sessions",
            "total_spend",
            "gmv",
            "roi",
            "net_roi",
            "signal",
            "breakeven_roi",
            "new_followers",
            "cost_per_follower",
            "gpm",
        ],
        column_config=config,
    )
    st.caption(t("matrix.arrows", lang))
    total_accounts = int(matrix.matrix["total_rows"].iloc[0])
    if total_accounts > MAX_ACCOUNTS:
        st.caption(t("matrix.top_accounts", lang, shown=MAX_ACCOUNTS, total=total_accounts))


def render_scatter(matrix: MatrixData, marginal: pd.DataFrame, lang: str) -> None:
    """Spend per account against marginal ROI (with its band) or average ROI, as the reader picks, and a
    note on the accounts without new followers."""
    current = matrix.current
    metric = brand_view.chart_metric(lang)
    bubbles = current.merge(marginal, on="account", how="left")
    widgets.cached_chart(charts.matrix_scatter, bubbles, lang, metric, key="matrix_scatter")
    no_followers = current[pd.to_numeric(current["new_followers"], errors="coerce").fillna(0) == 0]
    if len(no_followers):
        st.caption(t("matrix.no_followers", lang, count=len(no_followers)))


# --- text -------------------------------------------------------------------------------------------


def fitted_accounts(matrix: MatrixData) -> list[str]:
    """The accounts whose advice the page fits: those of the table."""
    return matrix.current["account"].astype(str).tolist()


def load_marginal(matrix: MatrixData, lang: str) -> tuple[list, pd.DataFrame]:
    """Each account's fitted advice and its marginal ROI at its last spend (liveroi.ui.brand_view)."""
    accounts = fitted_accounts(matrix)
    recs = brand_view.load(accounts, lang)
    return (recs, brand_view.marginal(accounts, lang)) if recs else ([], brand_view.marginal_frame([]))


def render_next_yuan(matrix: MatrixData, recs: list, marginal: pd.DataFrame, lang: str) -> None:
    """Where to put the next yuan: the accounts whose next yuan earns most (marginal return, not average
    ROI), then one brand budget split over every account and channel."""
    brand_view.render_callout(marginal, lang)
    if recs:
        brand_view.render_budget(fitted_accounts(matrix), recs, lang)
