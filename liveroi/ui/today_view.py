"""The 今日 / Today page's sections: the day picker, the day's numbers against the previous 7
broadcast days, the recent ROI with the advisor's suggestion, and one card per session of the day.

``pages/today.py`` calls these top to bottom (filters → data → figures → text); the numbers come
from :mod:`liveroi.dashboard_data` over the ``page_today_*`` queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from liveroi import channels, charts, formatting
from liveroi.dashboard_data import (
    Kpi,
    Signal,
    Thresholds,
    combined_thresholds,
    roi_signal,
    today_kpis,
    with_moving_averages,
)
from liveroi.i18n import t
from liveroi.ui import data, state, widgets
from liveroi.ui.advisor_slot import render_advisor_slot

MAX_SESSION_CARDS = 12
RECENT_DAYS = 14
SESSIONS_PAGE = "pages/sessions.py"


@dataclass(frozen=True)
class TodayData:
    """What the Today page shows for one broadcast day."""

    day: date
    kpis: dict[str, Kpi]
    thresholds: Thresholds
    roi_level: Signal
    net_level: Signal
    sessions: pd.DataFrame  # at most MAX_SESSION_CARDS rows of page_today_sessions
    recent_daily: pd.DataFrame  # the last RECENT_DAYS days with moving averages


# --- filters ----------------------------------------------------------------------------------------


def pick_day(filters: state.Filters, lang: str) -> date | None:
    """The broadcast day shown: from the URL, else the latest day with data (kept in the URL).
    None after the empty-period message when the selection never broadcast."""
    latest = data.query("pages/latest_day", filters.params())["latest_day"].iloc[0]
    default_day = pd.Timestamp(latest).date() if pd.notna(latest) else filters.latest_day
    if default_day is None:
        widgets.empty_period(lang, filters.start, filters.end)
        return None
    day = state.parse_date(st.query_params.get(state.PARAM_DAY)) or default_day
    with st.columns([1, 3])[0]:
        day = st.date_input(
            t("today.day", lang), value=day, format="YYYY-MM-DD", help=t("today.day_help", lang)
        )
    if st.query_params.get(state.PARAM_DAY) != day.isoformat():
        st.query_params[state.PARAM_DAY] = day.isoformat()
    return day


# --- data -------------------------------------------------------------------------------------------


def load(filters: state.Filters, day: date, lang: str) -> TodayData | None:
    """The day's KPIs, thresholds, sessions and recent days; None after a message when nobody
    broadcast that day."""
    params = {"accounts": list(filters.accounts), "day": day}
    sums = data.query("pages/today_kpis", params)
    day_rows = sums[sums["period"] == "day"]
    if day_rows.empty:
        st.info(t("today.no_broadcast", lang, day=day.isoformat()), icon=":material/event_busy:")
        return None
    previous = sums[sums["period"] == "previous_7"]
    kpis = {k.key: k for k in today_kpis(day_rows.iloc[0], previous.iloc[0] if len(previous) else None)}
    thresholds = combined_thresholds(day_rows)
    sessions = data.query("pages/today_sessions", {**params, "limit": MAX_SESSION_CARDS})
    recent_start = day - timedelta(days=RECENT_DAYS - 1)
    recent_params = filters.params(start=recent_start - timedelta(days=6), end=day)
    return TodayData(
        day=day,
        kpis=kpis,
        thresholds=thresholds,
        roi_level=roi_signal(kpis["roi"].value, thresholds.breakeven_roi, thresholds.target_roi),
        net_level=roi_signal(kpis["net_roi"].value, thresholds.breakeven_net_roi, None),
        sessions=sessions,
        recent_daily=data.derived(
            with_moving_averages, "pages/daily_series", recent_params, recent_start, day
        ),
    )


# --- figures ----------------------------------------------------------------------------------------


def render_kpis(today: TodayData, lang: str) -> None:
    """The verdict sentence and the nine KPI cards (spend, GMV, ROI, net ROI; followers, cost per
    follower, conversion, AOV, GPM), each against the previous 7 broadcast days."""
    kpis, thresholds, roi_level = today.kpis, today.thresholds, today.roi_level
    st.subheader(t("today.kpis_title", lang, day=today.day.isoformat()))
    if roi_level.level == "no_spend":
        st.info(t("today.no_spend", lang), icon=":material/money_off:")
    else:
        target = formatting.ratio(thresholds.target_roi)
        if roi_level.level == "above_breakeven":  # say what is missing only when a target is set
            target = t("today.verdict.short_of_target", lang, target=target) if thresholds.target_roi else ""
        st.markdown(
            t(
                f"today.verdict.{roi_level.level}",
                lang,
                roi=formatting.ratio(kpis["roi"].value),
                breakeven=formatting.ratio(thresholds.breakeven_roi),
                target=target,
            )
        )

    top = st.columns(4)
    with top[0]:
        widgets.kpi_card(kpis["total_spend"], lang)
    with top[1]:
        widgets.kpi_card(kpis["gmv"], lang)
    with top[2]:
        widgets.kpi_card(
            kpis["roi"],
            lang,
            signal=roi_level,
            help_text=t(
                "today.roi_help",
                lang,
                breakeven=formatting.ratio(thresholds.breakeven_roi),
                target=formatting.ratio(thresholds.target_roi),
            ),
        )
    with top[3]:
        widgets.kpi_card(
            kpis["net_roi"],
            lang,
            signal=today.net_level,
            help_text=t("today.net_roi_help", lang, breakeven=formatting.ratio(thresholds.breakeven_net_roi)),
        )
    bottom = st.columns(5)
    for column, key in zip(
        bottom, ("new_followers", "cost_per_follower", "conversion_rate", "aov", "gpm"), strict=True
    ):
        with column:
            widgets.kpi_card(kpis[key], lang)
    if kpis["new_followers"].value in (None, 0):
        st.caption(t("today.no_followers", lang))


def render_context(today: TodayData, filters: state.Filters, lang: str) -> None:
    """The last RECENT_DAYS days' ROI beside the advisor's suggestion for the next broadcast."""
    left, right = st.columns([3, 2])
    with left:
        widgets.cached_chart(
            charts.recent_roi_bars,
            today.recent_daily,
            today.day,
            today.thresholds,
            lang,
            key="today_recent_roi",
        )
    with right:
        in_scope = list(dict.fromkeys(today.sessions["account"].astype(str))) or list(filters.accounts)
        render_advisor_slot(in_scope, lang)


# --- text -------------------------------------------------------------------------------------------


def render_sessions(today: TodayData, lang: str) -> None:
    """One card per session of the day (at most MAX_SESSION_CARDS, then a link to 场次)."""
    sessions = today.sessions
    total_sessions = int(sessions["sessions_that_day"].iloc[0]) if len(sessions) else 0
    st.subheader(t("today.sessions_title", lang, count=total_sessions))
    spend_columns = [f"spend_{key}" for key in (*channels.KNOWN_KEYS, channels.OTHER_KEY)]
    card_columns = st.columns(3)
    for i, session in enumerate(sessions.itertuples(index=False)):  # at most MAX_SESSION_CARDS cards
        row = session._asdict()
        level = roi_signal(row["roi"], row["breakeven_roi"], row["target_roi"])
        with card_columns[i % 3].container(border=True):
            _session_card(row, level, spend_columns, lang)
    if total_sessions > MAX_SESSION_CARDS:
        st.caption(t("today.more_sessions", lang, shown=MAX_SESSION_CARDS, total=total_sessions))
        st.page_link(SESSIONS_PAGE, label=t("today.go_sessions", lang), icon=":material/table_rows:")


def _session_card(row: dict, level: Signal, spend_columns: list[str], lang: str) -> None:
    title = widgets.plain(row["account"])
    if isinstance(row["shift"], str) and row["shift"]:
        title += f" · {widgets.plain(row['shift'])}"
    st.markdown(f"**{title}**")
    start = pd.Timestamp(row["started_at"])
    end = pd.Timestamp(row["ended_at"]) if pd.notna(row["ended_at"]) else None
    st.caption(
        t(
            "today.session_time",
            lang,
            start=start.strftime("%H:%M"),
            end=end.strftime("%H:%M") if end is not None else formatting.MISSING,
            minutes=formatting.count(row["duration_min"], lang),
        )
    )
    left, right = st.columns(2)
    left.metric(t("metric.roi", lang), formatting.ratio(row["roi"]))
    right.metric(t("metric.gmv", lang), formatting.money(row["gmv"], lang))
    widgets.signal_badge(level, lang)
    parts = [
        f"{channels.channel_name(c.removeprefix('spend_'), lang)} {formatting.money(row[c], lang)}"
        for c in spend_columns
        if row[c] and row[c] > 0
    ]
    st.caption(
        t("today.session_spend", lang, total=formatting.money(row["total_spend"], lang))
        + (" — " + " · ".join(parts) if parts else "")
    )
    st.caption(
        t(
            "today.session_followers",
            lang,
            followers=formatting.count(row["new_followers"], lang),
            cost=formatting.money(row["cost_per_follower"], lang),
        )
    )
