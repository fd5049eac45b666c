"""The 场次 / Sessions page's sections: the filter row, one page of the session table with its
downloads, and one session's funnel, paid vs organic split and comparison with the account's median.

``pages/sessions.py`` calls these top to bottom (filters → data → figures → text); the table's
columns and downloads are :mod:`liveroi.ui.session_table`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from liveroi import charts, formatting
from liveroi.dashboard_data import funnel_steps, median_comparison, roi_signal
from liveroi.i18n import t
from liveroi.ui import data, session_table, state, widgets

COMPARED = (
    "total_spend",
    "gmv",
    "roi",
    "net_roi",
    "new_followers",
    "cost_per_follower",
    "viewers",
    "conversion_rate",
    "aov",
    "gpm",
    "duration_min",
)
KINDS = {
    "total_spend": "money",
    "gmv": "money",
    "roi": "ratio",
    "net_roi": "ratio",
    "new_followers": "count",
    "cost_per_follower": "money",
    "viewers": "count",
    "conversion_rate": "percent",
    "aov": "money",
    "gpm": "money",
    "duration_min": "count",
}


@dataclass(frozen=True)
class Listing:
    """One page of the session table under the chosen filters."""

    params: dict[str, Any]  # the page_sessions_table parameters (without limit/offset)
    rows: pd.DataFrame
    total: int


# --- filters ----------------------------------------------------------------------------------------


def pick_filters(filters: state.Filters, lang: str) -> dict[str, Any]:
    """The filter row (search, shifts, sort, direction, below break-even only) as query parameters."""
    shifts = data.query("pages/shifts", filters.params())["shift"].astype(str).tolist()
    row1 = st.columns([2, 2, 2, 1.2, 1.8])
    search = row1[0].text_input(
        t("sessions.search", lang), placeholder=t("sessions.search_placeholder", lang), key="sessions_search"
    )
    chosen_shifts = row1[1].multiselect(
        t("field.shift", lang), shifts, placeholder=t("sessions.all_shifts", lang), key="sessions_shifts"
    )
    sort = row1[2].selectbox(
        t("sessions.sort_by", lang),
        session_table.SORTABLE,
        format_func=lambda c: session_table.header(c, lang),
        key="sessions_sort",
    )
    descending = row1[3].toggle(t("sessions.descending", lang), value=True, key="sessions_descending")
    below = row1[4].toggle(t("sessions.below_breakeven_only", lang), value=False, key="sessions_below")
    return filters.params(
        shifts=chosen_shifts, below_breakeven=below, search=search.strip(), sort=sort, descending=descending
    )


# --- data -------------------------------------------------------------------------------------------


def load_listing(filters: state.Filters, params: dict[str, Any], lang: str) -> Listing | None:
    """The page of sessions the page picker points at (PAGE_SIZE rows), with "showing a–b of n";
    None after the empty-period message when no session matches."""
    first = data.query("pages/sessions_table", {**params, "limit": session_table.PAGE_SIZE, "offset": 0})
    total = int(first["total_rows"].iloc[0]) if len(first) else 0
    if total == 0:
        widgets.empty_period(lang, filters.start, filters.end)
        return None
    pages = max(1, math.ceil(total / session_table.PAGE_SIZE))
    page_col, count_col = st.columns([1, 4])
    page = int(
        page_col.number_input(t("sessions.page", lang, pages=pages), min_value=1, max_value=pages, value=1)
    )
    offset = (page - 1) * session_table.PAGE_SIZE
    rows = (
        first
        if page == 1
        else data.query("pages/sessions_table", {**params, "limit": session_table.PAGE_SIZE, "offset": offset})
    )
    count_col.caption(
        t(
            "sessions.showing",
            lang,
            first=offset + 1,
            last=offset + len(rows),
            total=formatting.count(total, "en"),
        )
    )
    return Listing(params, rows, total)


def pick_session(listing: Listing, lang: str) -> str:
    """The session shown in detail, picked among the page's rows."""
    st.subheader(t("sessions.detail_title", lang))
    rows = listing.rows
    labels = {
        sid: f"{acc} · {pd.Timestamp(start):%Y-%m-%d %H:%M} · {formatting.money(gmv, lang)}"
        for sid, acc, start, gmv in zip(
            rows["session_id"], rows["account"], rows["started_at"], rows["gmv"], strict=True
        )
    }
    return st.selectbox(
        t("sessions.pick", lang),
        list(labels),
        format_func=lambda sid: labels[sid],
        help=t("sessions.pick_help", lang),
        key="sessions_pick",
    )


def load_session(session_id: str, filters: state.Filters, lang: str) -> tuple[pd.Series, pd.Series] | None:
    """The session's row and its account's median session; None after a message when the session
    has gone (deleted or re-imported since the table was read)."""
    detail = data.query("pages/session_detail", {"session_id": session_id})
    if detail.empty:
        st.info(t("sessions.gone", lang))
        return None
    session = detail.iloc[0]
    median = data.query("pages/session_median", filters.params(account=session["account"])).iloc[0]
    return session, median


# --- figures ----------------------------------------------------------------------------------------


def render_table(listing: Listing, filters: state.Filters, lang: str) -> None:
    """The page of sessions with its signal column, and the CSV / Excel downloads of every match."""
    table = session_table.with_signal(listing.rows, lang)
    columns = session_table.visible_columns(table)
    st.dataframe(
        table,
        hide_index=True,
        column_order=columns,
        column_config=session_table.column_config(columns, lang),
        key="sessions_table",
    )
    downloads = st.columns([1, 1, 4])
    stamp = f"{filters.start.isoformat()}_{filters.end.isoformat()}"
    downloads[0].download_button(
        t("sessions.download_csv", lang),
        data=session_table.download_builder(listing.params, lang, "csv"),
        file_name=f"liveroi_sessions_{stamp}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
    downloads[1].download_button(
        t("sessions.download_xlsx", lang),
        data=session_table.download_builder(listing.params, lang, "xlsx"),
        file_name=f"liveroi_sessions_{stamp}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/download:",
    )
    if listing.total > session_table.EXPORT_MAX_ROWS:
        downloads[2].caption(
            t("sessions.export_capped", lang, rows=formatting.count(session_table.EXPORT_MAX_ROWS, "en"))
        )


def render_session(session: pd.Series, lang: str) -> None:
    """The session's spend, GMV, ROI (with its signal) and followers, its funnel and paid vs organic GMV."""
    level = roi_signal(
        None if pd.isna(session["roi"]) else float(session["roi"]),
        None if pd.isna(session["breakeven_roi"]) else float(session["breakeven_roi"]),
        None if pd.isna(session["target_roi"]) else float(session["target_roi"]),
    )
    head = st.columns(4)
    head[0].metric(t("metric.total_spend", lang), formatting.money(session["total_spend"], lang), border=True)
    head[1].metric(t("metric.gmv", lang), formatting.money(session["gmv"], lang), border=True)
    with head[2].container(border=True):
        st.metric(t("metric.roi", lang), formatting.ratio(session["roi"]))
        widgets.signal_badge(level, lang)
    head[3].metric(
        t("metric.new_followers", lang), formatting.count(session["new_followers"], lang), border=True
    )

    left, right = st.columns(2)
    with left:
        widgets.cached_chart(charts.funnel, funnel_steps(session), lang, key="sessions_funnel")
    with right:
        if pd.isna(session["ad_gmv"]):
            st.info(t("sessions.no_ad_gmv", lang), icon=":material/info:")
        else:
            widgets.cached_chart(
                charts.paid_organic, session["gmv"], session["ad_gmv"], lang, key="sessions_paid"
            )
            st.caption(t("sessions.ad_gmv_note", lang))


# --- text -------------------------------------------------------------------------------------------


def render_median_comparison(session: pd.Series, median: pd.Series, lang: str) -> None:
    """Each compared metric: this session, the account's median session and the difference."""
    st.markdown(t("sessions.median_title", lang, sessions=int(median["sessions"])))
    comparison = median_comparison(session, median, COMPARED)
    comparison = comparison.assign(
        metric=[t(f"metric.{m}", lang) for m in comparison["metric"]],
        value=[widgets.fmt(KINDS[m], v, lang) for m, v in zip(COMPARED, comparison["value"], strict=True)],
        median=[widgets.fmt(KINDS[m], v, lang) for m, v in zip(COMPARED, comparison["median"], strict=True)],
        difference=[formatting.signed_percent(d) for d in comparison["difference"]],
    )
    st.dataframe(
        comparison,
        hide_index=True,
        column_config={
            "metric": t("sessions.metric", lang),
            "value": t("sessions.this_session", lang),
            "median": t("sessions.account_median", lang),
            "difference": t("sessions.difference", lang),
        },
    )
