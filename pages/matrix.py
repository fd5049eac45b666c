"""账号矩阵 / Account matrix: which 1–2 accounts of the self-broadcast matrix deserve more budget?"""

from __future__ import annotations

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

# --- filters ---------------------------------------------------------------------------------------
filters = state.current_filters()
lang = filters.lang
widgets.page_title("page.matrix", lang, t("matrix.question", lang))
if not filters.all_accounts:
    widgets.empty_database(lang)
    st.stop()

prev_start, prev_end = previous_period(filters.start, filters.end)
matrix = data.query(
    "pages/account_matrix", filters.params(prev_start=prev_start, prev_end=prev_end, limit=MAX_ACCOUNTS)
)
current = matrix[matrix["sessions"] > 0]
if current.empty:
    widgets.empty_period(lang, filters.start, filters.end)
    st.stop()
st.caption(
    t("matrix.periods", lang, start=filters.start, end=filters.end, prev_start=prev_start, prev_end=prev_end)
)


# --- the table (vectorised over at most MAX_ACCOUNTS rows) -----------------------------------------
def _arrow(current_values: pd.Series, previous_values: pd.Series) -> pd.Series:
    cur = pd.to_numeric(current_values, errors="coerce")
    prev = pd.to_numeric(previous_values, errors="coerce")
    change = (cur - prev) / prev.abs().where(prev != 0)
    trend = np.select(
        [change > TOLERANCE, change < -TOLERANCE, change.notna()], ["up", "down", "flat"], "none"
    )
    return pd.Series(trend, index=cur.index).map(ARROWS)


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
total_accounts = int(matrix["total_rows"].iloc[0])
if total_accounts > MAX_ACCOUNTS:
    st.caption(t("matrix.top_accounts", lang, shown=MAX_ACCOUNTS, total=total_accounts))

# --- where to put the next yuan: by marginal return (liveroi.ui.brand_view) ------------------------
accounts = current["account"].astype(str).tolist()
recs = brand_view.load(accounts, lang)
marginal = brand_view.marginal_frame(recs) if recs else brand_view.marginal_frame([])
brand_view.render_callout(marginal, lang)
if recs:
    brand_view.render_budget(recs, marginal, lang)

metric = brand_view.chart_metric(lang)
bubbles = current.merge(marginal, on="account", how="left")
widgets.cached_chart(charts.matrix_scatter, bubbles, lang, metric, key="matrix_scatter")
no_followers = current[pd.to_numeric(current["new_followers"], errors="coerce").fillna(0) == 0]
if len(no_followers):
    st.caption(t("matrix.no_followers", lang, count=len(no_followers)))
