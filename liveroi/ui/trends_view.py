"""The 趋势 / Trends page's sections: the period's totals, daily ROI with moving averages and the
break-even and target lines, spend by channel against GMV, and follower growth towards 10万.

``pages/trends.py`` calls these top to bottom (filters → data → figures → text).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pandas as pd
import streamlit as st

from liveroi import charts, formatting
from liveroi.dashboard_data import (
    MILESTONE_FOLLOWERS,
    PROJECTION_WINDOW_DAYS,
    MilestoneProjection,
    Thresholds,
    combined_thresholds,
    project_milestones,
    with_moving_averages,
)
from liveroi.i18n import t
from liveroi.promo_calendar import promo_days_for_chart
from liveroi.ui import data, milestone_view, state, widgets

MA_WINDOW = 7
TOP_ACCOUNTS = 8


@dataclass(frozen=True)
class TrendsData:
    """What the Trends page draws for the selected accounts and period."""

    in_period: pd.DataFrame  # page_daily_series rows inside [start, end]
    daily: pd.DataFrame  # every calendar day with moving averages
    thresholds: Thresholds
    promo: pd.DataFrame
    followers: pd.DataFrame  # page_follower_growth
    projections: dict[str, MilestoneProjection]  # ≤ TOP_ACCOUNTS


# --- data -------------------------------------------------------------------------------------------


def load(filters: state.Filters, lang: str) -> TrendsData | None:
    """The period's daily series, thresholds, promo days and follower growth; None after the
    empty-period message when the selection has no data in the period."""
    daily_params = filters.params(start=filters.start - timedelta(days=MA_WINDOW - 1))
    daily_raw = data.query("pages/daily_series", daily_params)
    in_period = daily_raw[pd.to_datetime(daily_raw["day"]) >= pd.Timestamp(filters.start)]
    if in_period.empty:
        widgets.empty_period(lang, filters.start, filters.end)
        return None
    daily = data.derived(
        with_moving_averages, "pages/daily_series", daily_params, filters.start, filters.end, MA_WINDOW
    )
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
    return TrendsData(
        in_period=in_period,
        daily=daily,
        thresholds=combined_thresholds(in_period),
        promo=promo,
        followers=data.query("pages/follower_growth", follower_params),
        projections=data.derived(project_milestones, "pages/follower_growth", follower_params),
    )


# --- figures ----------------------------------------------------------------------------------------


def render_totals(trends: TrendsData, lang: str) -> None:
    """Spend, GMV, ROI and net ROI of the period (ratios of the period's sums)."""
    in_period, thresholds = trends.in_period, trends.thresholds
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


def render_roi_and_spend(trends: TrendsData, lang: str) -> None:
    """Daily ROI against break-even and target, then spend by channel against GMV."""
    widgets.cached_chart(
        charts.roi_trend, trends.daily, trends.thresholds, trends.promo, lang, key="trends_roi"
    )
    st.caption(t("trends.roi_caption", lang))
    widgets.cached_chart(charts.spend_gmv_trend, trends.daily, trends.promo, lang, key="trends_spend")
    unattributed = float(trends.in_period["unattributed_spend"].fillna(0).sum())
    if unattributed > 0:
        st.caption(t("trends.unattributed", lang, amount=formatting.money(unattributed, lang)))


def render_followers(trends: TrendsData, filters: state.Filters, lang: str) -> None:
    """Cumulative followers per account with the 10万 line (a note when nobody gained any)."""
    st.subheader(t("trends.followers_title", lang))
    widgets.cached_chart(
        charts.follower_growth,
        trends.followers,
        trends.projections,
        filters.start,
        filters.end,
        lang,
        key="trends_followers",
    )
    if not _has_followers(trends):
        st.info(t("trends.no_followers", lang), icon=":material/person_off:")


def _has_followers(trends: TrendsData) -> bool:
    return not (trends.followers.empty or trends.followers["cumulative"].fillna(0).max() == 0)


# --- text -------------------------------------------------------------------------------------------


def render_projections(trends: TrendsData, lang: str) -> None:
    """Per account: followers so far, growth per day and the day 10万 was or will be reached, with
    the notes on how many accounts are shown and how the projection is made (nothing without followers)."""
    if not _has_followers(trends):
        return
    projections = trends.projections
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
    shown = int(trends.followers["accounts_in_selection"].iloc[0])
    if shown > TOP_ACCOUNTS:
        st.caption(t("trends.top_accounts", lang, shown=TOP_ACCOUNTS, total=shown))
    st.caption(t("trends.projection_note", lang, days=PROJECTION_WINDOW_DAYS))
    milestone_view.render_stock_source(trends.followers, lang)
    milestone_view.render_plan(trends.followers, projections, lang)
