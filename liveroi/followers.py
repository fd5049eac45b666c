"""Followers as an asset, in words and plans: what a follower is worth (the number itself is
:func:`liveroi.economics.follower_value`, the one formula) and how to reach a follower milestone.

Text goes through the translation table (``liveroi/i18n/followers.py``); nothing here imports
Streamlit, so the Settings, Advisor and Trends pages, the advisor's reason and the CLI say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from liveroi import economics
from liveroi.channels import channel_name
from liveroi.formatting import count, money, percent
from liveroi.i18n import t

if TYPE_CHECKING:
    from liveroi.advisor import Recommendation


def _sessions(lifetime: float | None) -> str:
    """ "about 60 sessions": two significant figures are all the estimate carries."""
    if lifetime is None:
        return "—"
    value = float(lifetime)
    return f"{round(value, -1):.0f}" if value >= 20 else f"{value:.0f}"


def describe_value(measure: economics.FollowerValue, lang: str) -> str:
    """ "from this account's history a new follower is worth ¥18 (¥12–¥25) over about 60 sessions",
    or, for the stated default, why nothing was measured and the value used."""
    if measure.measured:
        return t(
            "followers.value.measured",
            lang,
            value=money(measure.value, lang, decimals=2 if measure.value < 100 else None),
            low=money(measure.low, lang, decimals=2 if (measure.low or 0) < 100 else None),
            high=money(measure.high, lang, decimals=2 if (measure.high or 0) < 100 else None),
            sessions=_sessions(measure.lifetime),
        )
    why = t(
        f"followers.why.{measure.reason or 'few_sessions'}", lang, minimum=economics.FOLLOWER_MIN_SESSIONS
    )
    return t("followers.value.default", lang, why=why, value=money(measure.value, lang, decimals=2))


def describe_how(measure: economics.FollowerValue, lang: str, followers_before: float | None = None) -> str:
    """How a measured value was obtained (per-session GMV, churn, the stock's source); "" for the
    default."""
    if not measure.measured:
        return ""
    how = t(
        f"followers.value.how.{measure.source}",
        lang,
        per=money(measure.per_session, lang, decimals=2),
        churn=percent(measure.churn, 1),
    )
    stock = t(f"followers.stock.{measure.stock}", lang, before=count(followers_before, lang))
    return f"{how}；{stock}" if lang == "zh" else f"{how}; {stock}"


# --- the milestone plan ----------------------------------------------------------------------------

PLAN_GRID = 240  # candidate spends per session, geometric from the current spend to the step limit's reach
MAX_SPEND_FACTOR = 50.0  # never plan beyond 50 × the channel's typical spend, whatever the step limit allows


@dataclass(frozen=True)
class MilestonePlan:
    r"""How to reach ``target`` followers by ``by`` with one follower channel.

    ``status``: ``'reached'`` (already there), ``'organic'`` (the current trend gets there),
    ``'plan'`` (spend ``daily_spend`` a day on ``channel``), ``'out_of_reach'`` (even the largest
    spend the step limit allows by then falls short: ``reach`` followers), ``'no_curve'`` (no fitted
    follower curve). ``total_cost`` is the extra spend over holding the current one until ``by``,
    ``net_cost`` that minus the margin on the GMV the extra spend brings, ``payback_sessions`` the
    sessions after ``by`` until the extra followers' margin has covered ``net_cost`` (None: never, at
    the follower value).
    """

    status: str
    target: float
    by: date
    channel: str | None = None
    daily_spend: float | None = None
    marginal_cost: float | None = None
    total_cost: float | None = None
    net_cost: float | None = None
    extra_followers: float | None = None
    reach: float | None = None
    payback_sessions: float | None = None
    max_change: float | None = None


def _payback(net_cost: float, extra: float, per_session: float, churn: float | None) -> float | None:
    r"""Sessions until ``extra`` followers, each earning ``per_session`` of margin a session and a
    share ``c`` leaving each session, have earned ``net_cost``: the smallest ``K`` with
    ``extra · r · Σ_{k=1}^{K} (1 − c)^k ≥ net_cost``; None when even the whole (horizon-capped)
    lifetime does not get there."""
    if net_cost <= 0:
        return 0.0
    earn = extra * per_session
    if earn <= 0:
        return None
    c = churn or 0.0
    lifetime = float(economics.follower_lifetime(c))
    if earn * lifetime < net_cost:
        return None
    if c <= 1e-12:
        return net_cost / earn
    keep = 1.0 - c
    # extra·r·keep·(1 − keep^K)/c = net  →  K = ln(1 − net·c / (extra·r·keep)) / ln(keep)
    return float(np.log(1.0 - net_cost * c / (earn * keep)) / np.log(keep))


def plan_milestone(
    rec: Recommendation,
    *,
    current: float,
    per_day: float | None,
    last_day: date,
    target: float,
    by: date,
    sessions_per_day: float,
) -> MilestonePlan:
    r"""The daily spend on the account's follower channel that reaches ``target`` followers by ``by``.

    The channel is the fitted one with the most new followers per yuan at its current spend. Its
    follower curve ``F(s)`` (the posterior mean of the advisor's fitted new-follower response, so the
    cost per follower rises with spend) gives the extra followers of a session at spend ``s`` over the
    current spend ``s₀``: ``ΔF(s) = F(s) − F(s₀)``. With ``N = days × sessions_per_day`` sessions until
    ``by`` and the step limit ``±max_change`` a session, a planned spend ``s`` is reached along
    ``p_k = min(s, s₀ (1 + max_change)^k)``; the plan is the smallest ``s`` on a geometric grid with

    .. math::  \text{current} + \text{per\_day} \cdot \text{days} + \sum_{k=1}^{N} \Delta F(p_k) \ge \text{target}

    (the current trend carries on; unfollows of the extra followers before ``by`` are left out). Its
    cost is ``Σ (p_k − s₀)``, less the margin on the GMV it brings, ``m Σ ΔG(p_k)``; it pays back
    when the extra followers' margin — ``m · p`` a session each, churning at ``c`` (the measured
    follower value's terms; without a measure, the follower value spread over
    :data:`~liveroi.economics.FOLLOWER_HORIZON_SESSIONS`) — has covered that (:func:`_payback`).
    """
    if current >= target:
        return MilestonePlan("reached", target, by, reach=current)
    days = (by - last_day).days
    baseline = current + max(per_day or 0.0, 0.0) * max(days, 0)
    if days > 0 and baseline >= target:
        return MilestonePlan("organic", target, by, reach=baseline)
    model = rec.model
    fitted = [c for c in model.fitted_channels if (rec.marginal_followers.get(c) or 0.0) > 0]
    if model.status != "fitted" or model.new_followers is None or not fitted:
        return MilestonePlan("no_curve", target, by)
    channel = max(fitted, key=lambda c: rec.marginal_followers[c] or 0.0)
    step = rec.settings.max_change
    typical = model.typical_spend[channel]
    s0 = rec.current.get(channel, 0.0)
    start = s0 if s0 > 0 else step * typical
    n = max(round(max(days, 0) * sessions_per_day), 0)
    if n == 0 or step <= 0:
        return MilestonePlan(
            "out_of_reach", target, by, channel=channel, daily_spend=s0 * sessions_per_day, reach=baseline,
            max_change=step,
        )  # fmt: skip
    top = min(start * (1 + step) ** n, MAX_SPEND_FACTOR * max(typical, s0))
    fine = np.geomspace(max(min(s0, start), 1.0), max(top, start * 1.0001), 2000)
    fine = np.unique(np.concatenate([[0.0, s0], fine]))
    followers = model.contribution("new_followers", channel, fine).mean(axis=0)
    gmv = model.contribution("gmv", channel, fine).mean(axis=0)
    base_f, base_g = np.interp(s0, fine, followers), np.interp(s0, fine, gmv)
    candidates = np.geomspace(start, max(top, start * 1.0001), PLAN_GRID)
    ramp = start * (1 + step) ** np.arange(1, n + 1)  # the fastest the step limit allows, session by session
    paths = np.minimum(candidates[:, None], ramp[None, :])  # candidates × sessions
    extra = (np.interp(paths, fine, followers) - base_f).sum(axis=1)
    cost = (paths - s0).sum(axis=1)
    net = cost - rec.economics.margin * (np.interp(paths, fine, gmv) - base_g).sum(axis=1)
    enough = np.flatnonzero(baseline + extra >= target)
    if len(enough) == 0:
        return MilestonePlan(
            "out_of_reach",
            target,
            by,
            channel=channel,
            daily_spend=float(candidates[-1] * sessions_per_day),
            total_cost=float(cost[-1]),
            extra_followers=float(extra[-1]),
            reach=float(baseline + extra[-1]),
            max_change=step,
        )
    i = int(enough[0])
    spend = float(candidates[i])
    slope = float(model.slope("new_followers", channel, spend).mean())
    measure = rec.economics.follower_value_measure
    if measure is not None and measure.measured and measure.per_session is not None:
        per_session, churn = rec.economics.margin * measure.per_session, measure.churn
    else:
        per_session, churn = rec.economics.follower_value / economics.FOLLOWER_HORIZON_SESSIONS, 0.0
    return MilestonePlan(
        "plan",
        target,
        by,
        channel=channel,
        daily_spend=spend * sessions_per_day,
        marginal_cost=1.0 / slope if slope > 0 else None,
        total_cost=float(cost[i]),
        net_cost=float(net[i]),
        extra_followers=float(extra[i]),
        reach=float(baseline + extra[i]),
        payback_sessions=_payback(float(net[i]), float(extra[i]), per_session, churn),
        max_change=step,
    )


def describe_plan(plan: MilestonePlan, account: str, value: float, lang: str) -> str:
    """The plan in one sentence (zh/en): spend, last follower's cost, total, extra followers, payback —
    or why there is no plan."""
    target = count(plan.target, lang)
    day = plan.by.isoformat()
    name = channel_name(plan.channel, lang) if plan.channel else ""
    if plan.status == "reached":
        return t("trends.plan_reached", lang, account=account, target=target)
    if plan.status == "organic":
        return t("trends.plan_organic", lang, target=target, date=day)
    if plan.status == "no_curve":
        return t("trends.plan_no_curve", lang, account=account)
    if plan.status == "out_of_reach":
        return t(
            "trends.plan_out_of_reach",
            lang,
            target=target,
            date=day,
            step=percent(plan.max_change, 0),
            channel=name,
            daily=money(plan.daily_spend, lang),
            reach=count(plan.reach, lang),
        )
    payback = (
        t("trends.plan_payback", lang, sessions=_sessions(plan.payback_sessions))
        if plan.payback_sessions is not None
        else t("trends.plan_no_payback", lang)
    )
    return t(
        "trends.plan_result",
        lang,
        channel=name,
        daily=money(plan.daily_spend, lang),
        marginal=money(plan.marginal_cost, lang, decimals=2),
        target=target,
        date=day,
        total=money(plan.total_cost, lang),
        extra=count(plan.extra_followers, lang),
        value=money(value, lang, decimals=2),
        payback=payback,
    )
