"""趋势 / Trends: is ROI holding above break-even, where did spend go, how fast do followers grow?"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from liveroi import charts, formatting
from liveroi.dashboard_data import (
    MILESTONE_FOLLOWERS,
    PROJECTION_WINDOW_DAYS,
    combined_thresholds,
    project_milestones,
    with_moving_averages,
)
from liveroi.i18n import t
from liveroi.promo_calendar import promo_days_for_chart
from liveroi.ui import data, milestone_view, state, widgets

MA_WINDOW = 7
TOP_ACCOUNTS = 8

# --- filters ---------------------------------------------------------------------------------------
filters = state.current_filters()
lang = filters.lang
widgets.page_title("page.trends", lang, t("trends.question", lang))
if not filters.all_accounts:
    widgets.empty_database(lang)
    st.stop()

# --- data ------------------------------------------------------------------------------------------
daily_params = filters.params(start=filters.start - timedelta(days=MA_WINDOW - 1))
daily_raw = data.query("pages/daily_series", daily_params)
in_period = daily_raw[pd.to_datetime(daily_raw["day"]) >= pd.Timestamp(filters.start)]
if in_period.empty:
    widgets.empty_period(lang, filters.start, filters.end)
    st.stop()
daily = data.derived(
    with_moving_averages, "pages/daily_series", daily_params, filters.start, filters.end, MA_WINDOW
)
thresholds = combined_thresholds(in_period)
promo = data.derived(
    promo_days_for_chart,
    "pages/promo_days",
    filters.params(),
    int(data.query("pages/promo_count")["promo_days"].iloc[0]),
    filters.start,
    filters.end,
    lang,
)
since = min(filters.start, filters.end - timedelta(days=PROJECTION_WINDOW_DAYS - 1))
follower_params = filters.params(since=since, top_n=TOP_ACCOUNTS, milestone=MILESTONE_FOLLOWERS)
followers = data.query("pages/follower_growth", follower_params)
projections = data.derived(project_milestones, "pages/follower_growth", follower_params)  # ≤ TOP_ACCOUNTS

# --- figures ---------------------------------------------------------------------------------------
spend = float(in_period["total_spend"].fillna(0).sum())
gmv = in_period["gmv"].sum(min_count=1)
refunds = float(in_period["refunds"].fillna(0).sum())
cols = st.columns(4)
cols[0].metric(t("metric.total_spend", lang), formatting.money(spend, lang), border=True)
cols[1].metric(t("metric.gmv", lang), formatting.money(gmv, lang), border=True)
cols[2].metric(
    t("metric.roi", lang),
    formatting.ratio(gmv / spend if spend else None),
    border=True,
    help=t("trends.roi_help", lang, breakeven=formatting.ratio(thresholds.breakeven_roi)),
)
cols[3].metric(
    t("metric.net_roi", lang),
    formatting.ratio((gmv - refunds) / spend if spend and pd.notna(gmv) else None),
    border=True,
    help=t("trends.net_roi_help", lang, breakeven=formatting.ratio(thresholds.breakeven_net_roi)),
)
if spend == 0:
    st.info(t("trends.no_spend", lang), icon=":material/money_off:")

widgets.cached_chart(charts.roi_trend, daily, thresholds, promo, lang, key="trends_roi")
st.caption(t("trends.roi_caption", lang))
widgets.cached_chart(charts.spend_gmv_trend, daily, promo, lang, key="trends_spend")
unattributed = float(in_period["unattributed_spend"].fillna(0).sum())
if unattributed > 0:
    st.caption(t("trends.unattributed", lang, amount=formatting.money(unattributed, lang)))

st.subheader(t("trends.followers_title", lang))
widgets.cached_chart(
    charts.follower_growth, followers, projections, filters.start, filters.end, lang, key="trends_followers"
)
if followers.empty or followers["cumulative"].fillna(0).max() == 0:
    st.info(t("trends.no_followers", lang), icon=":material/person_off:")
else:
    table = pd.DataFrame(
        {
            "account": list(projections),
            "cumulative": [formatting.count(p.cumulative, lang) for p in projections.values()],
            "per_day": [formatting.count(p.per_day, lang) for p in projections.values()],
            "milestone": [
                t("trends.reached_on", lang, day=p.reached_on.isoformat())
                if p.reached_on
                else (p.projected_on.isoformat() if p.projected_on else formatting.MISSING)
                for p in projections.values()
            ],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "account": t("field.account", lang),
            "cumulative": t("chart.cumulative_followers", lang),
            "per_day": t("trends.per_day", lang, days=PROJECTION_WINDOW_DAYS),
            "milestone": t("trends.projected_date", lang),
        },
    )
    shown = int(followers["accounts_in_selection"].iloc[0])
    if shown > TOP_ACCOUNTS:
        st.caption(t("trends.top_accounts", lang, shown=TOP_ACCOUNTS, total=shown))
    st.caption(t("trends.projection_note", lang, days=PROJECTION_WINDOW_DAYS))
    milestone_view.render_stock_source(followers, lang)
    milestone_view.render_plan(followers, projections, lang)
