"""The Trends page's follower milestone additions: which follower count the 10万 line is drawn
against (the exports' 粉丝总数, or new followers added to the "followers before the first imported
session" setting), and the plan — the daily spend on the follower channel that reaches a milestone by
a chosen date (:func:`liveroi.followers.plan_milestone`)."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from liveroi import formatting
from liveroi.dashboard_data import MILESTONE_FOLLOWERS, MilestoneProjection
from liveroi.followers import describe_plan, plan_milestone
from liveroi.i18n import t
from liveroi.ui import widgets
from liveroi.ui.advisor_slot import advice

PLAN_DAYS = 60  # the default target date: this many days after the latest session
RATE_DAYS = 30  # sessions per day measured over the latest this many days


def render_stock_source(followers: pd.DataFrame, lang: str) -> None:
    """One caption per kind of follower count shown (the real stock, or new followers summed)."""
    if followers.empty or "stock_source" not in followers:
        return
    sources = followers.groupby("account", sort=False)["stock_source"].last()
    for source, accounts in sources.groupby(sources):
        names = "、".join(accounts.index) if lang == "zh" else ", ".join(accounts.index)
        st.caption(
            f"{names}: {t(f'trends.stock.{source}', lang)}"
            if len(sources) > 1
            else t(f"trends.stock.{source}", lang)
        )


def _sessions_per_day(sessions: pd.DataFrame) -> float:
    started = pd.to_datetime(sessions["started_at"])
    recent = started[started > started.max() - pd.Timedelta(days=RATE_DAYS)]
    days = max((started.max() - started.min()).days + 1, 1)
    return len(recent) / min(RATE_DAYS, days)


def render_plan(followers: pd.DataFrame, projections: dict[str, MilestoneProjection], lang: str) -> None:
    """Account, target and date in; the plan (or why there is none) out."""
    if followers.empty or not projections:
        return
    st.markdown(f"**{t('trends.plan_title', lang)}**")
    accounts = list(projections)
    cols = st.columns(3)
    account = cols[0].selectbox(t("trends.plan_account", lang), accounts, key="trends_plan_account")
    rows = followers[followers["account"] == account]
    last_day = pd.to_datetime(rows["day"]).max().date()
    target = cols[1].number_input(
        t("trends.plan_target", lang),
        min_value=1_000.0,
        value=float(MILESTONE_FOLLOWERS),
        step=10_000.0,
        format="%.0f",
        key="trends_plan_target",
    )
    by = cols[2].date_input(
        t("trends.plan_date", lang),
        value=last_day + timedelta(days=PLAN_DAYS),
        min_value=last_day + timedelta(days=1),
        key="trends_plan_date",
    )
    rec = advice(account, lang)
    projection = projections[account]
    plan = plan_milestone(
        rec,
        current=projection.cumulative,
        per_day=projection.per_day,
        last_day=last_day,
        target=float(target),
        by=by,
        sessions_per_day=_sessions_per_day(rec.history.sessions),
    )
    value = rec.economics.follower_value
    st.markdown(widgets.plain(describe_plan(plan, account, value, lang)))
    st.caption(
        t(
            "trends.plan_caption",
            lang,
            step=formatting.percent(rec.settings.max_change, 0),
            value=formatting.money(value, lang, decimals=2),
        )
    )
