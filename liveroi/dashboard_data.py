"""What the dashboard pages compute from query results: KPIs and their change against the previous
7-day average, good/bad signals against break-even and target, moving averages, the 10万-follower
projection and trend arrows. The money rules themselves (margin after refunds, break-even, the
suggested follower value) live in :mod:`liveroi.economics`.

Pure functions over pandas frames (no Streamlit, no database): the pages call them, the tests call
them with hand-computed numbers.

Conventions
-----------
* Ratios are always recomputed from sums (ROI of a period = Σ gmv / Σ total_spend), never averaged.
* A ratio with a zero or missing denominator is ``None`` (shown as "—"), never inf or 0.
* "Previous 7-day average" of a day D: the days D−7 … D−1 on which the selected accounts broadcast
  (or spent). Sums (spend, GMV, followers) are averaged per such day; ratios are the ratio of the
  7 days' sums. A day without a broadcast is not a zero day, so it does not drag the average down.
* Several accounts with different margins: the combined break-even ROI is the exact break-even of
  their sum, ``Σ gmv / Σ (gmv_a × gross_margin_a × (1 − refund_rate_a))`` — the ROI at which the
  summed profit is zero — and the combined target is the spend-weighted mean of the targets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Literal

import numpy as np
import pandas as pd

MILESTONE_FOLLOWERS = 100_000
PROJECTION_WINDOW_DAYS = 30
TREND_TOLERANCE = 0.02  # changes within ±2 % read as flat

Better = Literal["higher", "lower", "neutral"]
SignalLevel = Literal["target_met", "above_breakeven", "below_breakeven", "no_spend"]
Trend = Literal["up", "down", "flat", "none"]


def safe_ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is 0."""
    if numerator is None or denominator is None:
        return None
    num, den = float(numerator), float(denominator)
    if not (math.isfinite(num) and math.isfinite(den)) or den == 0:
        return None
    return num / den


def _num(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


# --- KPIs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kpi:
    """One KPI card: the day's value, the previous 7-day average and the relative change."""

    key: str  # metric name as in session_metrics: total_spend, gmv, roi, …
    kind: Literal["money", "count", "ratio", "percent"]
    value: float | None
    previous: float | None
    better: Better = "higher"

    @property
    def delta(self) -> float | None:
        """Relative change against the previous 7-day average (0.1 = +10 %); None without a base."""
        if self.value is None or self.previous is None or self.previous == 0:
            return None
        return (self.value - self.previous) / abs(self.previous)


KPI_ORDER: tuple[tuple[str, str, Better], ...] = (
    ("total_spend", "money", "neutral"),  # more spend is neither good nor bad by itself
    ("gmv", "money", "higher"),
    ("roi", "ratio", "higher"),
    ("net_roi", "ratio", "higher"),
    ("new_followers", "count", "higher"),
    ("cost_per_follower", "money", "lower"),
    ("conversion_rate", "percent", "higher"),
    ("aov", "money", "higher"),
    ("gpm", "money", "higher"),
)


def period_metrics(row: pd.Series | dict | None, days: float | None = None) -> dict[str, float | None]:
    """Metrics of a period from its sums; with ``days`` the sums become per-day averages.

    ``row`` holds ``total_spend, gmv, refunds, new_followers, viewers, buyers, views`` (missing → None).
    """
    if row is None:
        return dict.fromkeys(k for k, _, _ in KPI_ORDER)
    get = row.get if hasattr(row, "get") else (lambda k, d=None: d)
    spend = _num(get("total_spend"))
    gmv = _num(get("gmv"))
    refunds = _num(get("refunds")) or 0.0
    followers = _num(get("new_followers"))
    viewers = _num(get("viewers"))
    buyers = _num(get("buyers"))
    views = _num(get("views"))
    net = None if gmv is None else gmv - refunds
    per_day = (lambda v: None if v is None else v / days) if days else (lambda v: v)
    return {
        "total_spend": per_day(spend),
        "gmv": per_day(gmv),
        "roi": safe_ratio(gmv, spend),
        "net_roi": safe_ratio(net, spend),
        "new_followers": per_day(followers),
        "cost_per_follower": safe_ratio(spend, followers),
        "conversion_rate": safe_ratio(buyers, viewers),
        "aov": safe_ratio(gmv, buyers),
        "gpm": None if safe_ratio(gmv, views) is None else safe_ratio(gmv, views) * 1000,  # type: ignore[operator]
    }


def today_kpis(day_row: pd.Series | dict | None, previous_row: pd.Series | dict | None) -> list[Kpi]:
    """The Today page's KPI cards: the day against the average of the previous 7 broadcast days.

    ``previous_row`` carries the 7 days' sums and ``active_days`` (days with a broadcast or spend).
    """
    active = _num(previous_row.get("active_days")) if previous_row is not None else None
    today = period_metrics(day_row)
    previous = period_metrics(previous_row, days=active) if active else period_metrics(None)
    return [
        Kpi(key=key, kind=kind, value=today[key], previous=previous[key], better=better)  # type: ignore[arg-type]
        for key, kind, better in KPI_ORDER
    ]


# --- thresholds and signals --------------------------------------------------------------------


@dataclass(frozen=True)
class Thresholds:
    """Break-even and target ROIs in force for a set of accounts over a period."""

    breakeven_roi: float | None
    breakeven_net_roi: float | None
    target_roi: float | None


def combined_thresholds(frame: pd.DataFrame) -> Thresholds:
    """Thresholds of the summed accounts from per-row sums (see the module docstring).

    Columns: ``gmv, margin_gmv`` (Σ gmv × margin × (1 − refund rate)), ``net_gmv, margin_net_gmv``
    (Σ (gmv − refunds) × margin), ``target_spend`` (Σ spend × target), ``spend_with_target``, and the
    fallbacks ``breakeven_roi_mean, breakeven_net_roi_mean`` used when there is no GMV yet.
    """
    if frame is None or frame.empty:
        return Thresholds(None, None, None)

    def total(column: str) -> float | None:
        if column not in frame:
            return None
        values = pd.to_numeric(frame[column], errors="coerce")
        return float(values.sum()) if values.notna().any() else None

    def fallback(column: str) -> float | None:
        if column not in frame:
            return None
        values = pd.to_numeric(frame[column], errors="coerce").dropna()
        return float(values.mean()) if len(values) else None

    breakeven = safe_ratio(total("gmv"), total("margin_gmv")) or fallback("breakeven_roi_mean")
    breakeven_net = safe_ratio(total("net_gmv"), total("margin_net_gmv")) or fallback(
        "breakeven_net_roi_mean"
    )
    target = safe_ratio(total("target_spend"), total("spend_with_target")) or fallback("target_roi_mean")
    return Thresholds(breakeven, breakeven_net, target)


@dataclass(frozen=True)
class Signal:
    """Good/bad reading of an ROI: a level with a translation key and a colour (never colour alone)."""

    level: SignalLevel

    @property
    def key(self) -> str:
        """Translation key of the word shown next to the number."""
        return f"signal.{self.level}"

    @property
    def color(self) -> str:
        """Streamlit colour name for badges and metric deltas."""
        return {
            "target_met": "green",
            "above_breakeven": "blue",
            "below_breakeven": "red",
            "no_spend": "gray",
        }[self.level]


def roi_signal(roi: float | None, breakeven: float | None, target: float | None = None) -> Signal:
    """达标 (≥ target), 高于保本 (≥ break-even), 未达保本 (< break-even) or 无消耗 (ROI undefined).

    Without a target, reaching break-even is the best level shown ("above_breakeven").
    """
    if roi is None or (isinstance(roi, float) and not math.isfinite(roi)):
        return Signal("no_spend")
    if target is not None and roi >= target and (breakeven is None or roi >= breakeven):
        return Signal("target_met")
    if breakeven is None or roi >= breakeven:
        return Signal("above_breakeven")
    return Signal("below_breakeven")


def signal_levels(roi: pd.Series, breakeven: pd.Series, target: pd.Series) -> pd.Series:
    """:func:`roi_signal` for whole columns at once (same rules, vectorised)."""
    roi = pd.to_numeric(roi, errors="coerce").replace([np.inf, -np.inf], np.nan)
    breakeven = pd.to_numeric(breakeven, errors="coerce")
    target = pd.to_numeric(target, errors="coerce")
    above = breakeven.isna() | (roi >= breakeven)
    level = np.select(
        [roi.isna().to_numpy(), (target.notna() & (roi >= target) & above).to_numpy(), above.to_numpy()],
        ["no_spend", "target_met", "above_breakeven"],
        default="below_breakeven",
    )
    return pd.Series(level, index=roi.index)


# --- daily series -------------------------------------------------------------------------------

SUM_COLUMNS = ("total_spend", "gmv", "refunds", "new_followers")


def with_moving_averages(daily: pd.DataFrame, start: date, end: date, window: int = 7) -> pd.DataFrame:
    """Daily rows over every calendar day of [start, end] with ROI, net ROI and ``window``-day moving
    averages (ratios of rolling sums; the rows before ``start`` in ``daily`` feed the first averages).

    ``daily`` has a ``day`` column and ``total_spend, gmv, refunds`` (+ any spend columns). Days without
    data keep NaN metrics but do not break the rolling window (they add nothing to the sums).
    """
    first = min(pd.Timestamp(start) - pd.Timedelta(days=window - 1), _first_day(daily, start))
    calendar = pd.DataFrame({"day": pd.date_range(first, pd.Timestamp(end), freq="D")})
    frame = daily.copy()
    if frame.empty:
        frame = pd.DataFrame(columns=["day", *SUM_COLUMNS])
    frame["day"] = pd.to_datetime(frame["day"])
    frame = calendar.merge(frame, on="day", how="left")
    numeric = [c for c in frame.columns if c != "day"]
    frame[numeric] = frame[numeric].apply(pd.to_numeric, errors="coerce")
    spend = frame["total_spend"].astype(float)
    gmv = frame["gmv"].astype(float)
    net = gmv - frame["refunds"].astype(float).fillna(0.0)
    frame["roi"] = (gmv / spend.where(spend > 0)).replace([np.inf, -np.inf], np.nan)
    frame["net_roi"] = (net / spend.where(spend > 0)).replace([np.inf, -np.inf], np.nan)
    roll = {c: frame[c].astype(float).fillna(0.0).rolling(window, min_periods=1).sum() for c in SUM_COLUMNS}
    roll_net = roll["gmv"] - roll["refunds"]
    has_data = frame["gmv"].notna().astype(float).rolling(window, min_periods=1).sum() > 0
    frame["ma_roi"] = (roll["gmv"] / roll["total_spend"].where(roll["total_spend"] > 0)).where(has_data)
    frame["ma_net_roi"] = (roll_net / roll["total_spend"].where(roll["total_spend"] > 0)).where(has_data)
    active = (frame["gmv"].notna() | (frame["total_spend"].fillna(0) > 0)).astype(float)
    active_days = active.rolling(window, min_periods=1).sum()
    frame["ma_gmv"] = (roll["gmv"] / active_days.where(active_days > 0)).where(has_data)
    frame["ma_total_spend"] = roll["total_spend"] / active_days.where(active_days > 0)
    frame = frame[frame["day"] >= pd.Timestamp(start)].reset_index(drop=True)
    frame["day"] = frame["day"].dt.date
    return frame


def _first_day(daily: pd.DataFrame, default: date) -> pd.Timestamp:
    if daily.empty:
        return pd.Timestamp(default)
    return pd.to_datetime(daily["day"]).min()


# --- follower milestone -------------------------------------------------------------------------


@dataclass(frozen=True)
class MilestoneProjection:
    """Where an account stands against a follower milestone."""

    cumulative: float  # followers gained so far (in the data)
    per_day: float | None  # linear growth over the last window; None when not growing
    reached_on: date | None  # the day the milestone was passed, when it was
    projected_on: date | None  # the projected day, when growing and not yet reached


def project_milestone(
    days: pd.Series,
    cumulative: pd.Series,
    *,
    target: float = MILESTONE_FOLLOWERS,
    window: int = PROJECTION_WINDOW_DAYS,
    reached_on: date | None = None,
) -> MilestoneProjection:
    """Linear projection of cumulative followers to ``target``.

    The slope is a least-squares line through the cumulative count on each calendar day of the last
    ``window`` days (days without a broadcast carry the count forward). Not growing (slope ≤ 0, or
    fewer than two days) → ``per_day`` and ``projected_on`` are None (shown as "—"). ``reached_on``
    (from the full history, when the series given is only the recent part) overrides the day the
    milestone is found in the series.
    """
    if len(days) == 0:
        return MilestoneProjection(0.0, None, None, None)
    series = pd.Series(pd.to_numeric(cumulative, errors="coerce").to_numpy(), index=pd.to_datetime(days))
    series = series.groupby(level=0).max().sort_index().ffill().fillna(0.0)
    last_day = series.index.max()
    current = float(series.iloc[-1])
    if reached_on is None:
        reached = series[series >= target]
        reached_on = reached.index.min().date() if len(reached) else None
    full = series.reindex(pd.date_range(series.index.min(), last_day, freq="D")).ffill()
    recent = full.iloc[-window:]
    per_day: float | None = None
    if len(recent) >= 2:
        x = np.arange(len(recent), dtype=float)
        slope = float(np.polyfit(x, recent.to_numpy(dtype=float), 1)[0])
        per_day = slope if slope > 1e-9 else None
    projected_on = None
    if reached_on is None and per_day is not None:
        days_left = math.ceil((target - current) / per_day - 1e-9)  # float noise must not add a day
        if days_left < 365 * 20:
            projected_on = (last_day + pd.Timedelta(days=days_left)).date()
    return MilestoneProjection(current, per_day, reached_on, projected_on)


# --- comparisons --------------------------------------------------------------------------------


def trend(current: float | None, previous: float | None, tolerance: float = TREND_TOLERANCE) -> Trend:
    """Direction of a change between two periods: up, down, flat (within ±tolerance) or none."""
    if current is None or previous is None or previous == 0:
        return "none"
    change = (current - previous) / abs(previous)
    if change > tolerance:
        return "up"
    if change < -tolerance:
        return "down"
    return "flat"


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same length just before [start, end]."""
    length = (end - start).days + 1
    return start - timedelta(days=length), start - timedelta(days=1)


def median_comparison(session: pd.Series, median: pd.Series, metrics: tuple[str, ...]) -> pd.DataFrame:
    """One row per metric: the session's value, the account's median and the relative difference."""
    values = [_num(session.get(m)) for m in metrics]
    medians = [_num(median.get(m)) for m in metrics]
    diffs = [
        None if v is None or m is None or m == 0 else (v - m) / abs(m)
        for v, m in zip(values, medians, strict=True)
    ]
    return pd.DataFrame({"metric": list(metrics), "value": values, "median": medians, "difference": diffs})


def funnel_steps(row: pd.Series | dict) -> pd.DataFrame:
    """impressions → viewers → product_clicks → buyers with the rate from each step to the next and
    from the top (missing counts stay missing; a rate with a zero base is None)."""
    steps = ("impressions", "viewers", "product_clicks", "buyers")
    counts = [_num(row.get(s)) for s in steps]
    step_rate: list[float | None] = [None, *(safe_ratio(after, before) for before, after in pairwise(counts))]
    top = counts[0]
    overall = [safe_ratio(c, top) for c in counts]
    return pd.DataFrame(
        {"step": list(steps), "count": counts, "step_rate": step_rate, "overall_rate": overall}
    )


def project_milestones(followers: pd.DataFrame) -> dict[str, MilestoneProjection]:
    """:func:`project_milestone` for each account of a follower-growth frame (``account, day,
    cumulative, reached_on``; a handful of accounts), in the frame's order."""
    return {
        str(account): project_milestone(
            rows["day"],
            rows["cumulative"],
            reached_on=pd.Timestamp(rows["reached_on"].iloc[0]).date()
            if rows["reached_on"].notna().any()
            else None,
        )
        for account, rows in followers.groupby("account", sort=False)
    }
