"""Generate the sample brand: sessions, per-channel spend, the hourly ad-spend report — vectorised.

The model of one session ``i`` of account ``a`` on day ``d`` (all draws seeded)::

    spend_c   = s_ref_c · level_c(t) · shift_c · promo_spend(d) · dow_spend(d) · LogN(σ_c)   (0 when paused;
                a fixed package skips the shift/promo/weekday scaling)
    m         = dow_gmv(d) · trend_a(t)                       the day's multiplier of everything
    gmv       = m · [ promo_gmv(d) · organic_a · ramp_a(t) · (duration / 240 min)^0.8
                      + Σ_c g_c(spend_c) ] · ε,                          ε ~ LogN(0.15)
    followers = m · √promo_gmv(d) · [ organic_followers_a · ramp_a(t) · (duration / 240)^0.8
                                      + Σ_c f_c(spend_c) ] · LogN(0.2)
    fans_gmv  = m · p_a · S⁰ · ramp_a(t) · (duration / 240)^0.8 · ε   on an account with a carry-over
                model (the cold start): S⁰ the follower stock at the session's start, S = (1 − c_a)·S⁰ + new
                (follower_stock), added to its GMV; a promo day brings new buyers, not more buying per follower
    ad_gmv    = incremental_gmv + claim · organic_gmv        claim = organic_claim_a · U(0.8, 1.2) < 1:
                the platform also credits its ads with buyers who would have come anyway

with ``g_c``/``f_c`` the Hill curves of :mod:`liveroi.sample.profiles`, so the whole-room ROI
(gmv / total_spend) over-states what the ads bring: the organic part does not depend on spend.
Promo days lift organic demand but not what a yuan of ads buys (auction prices rise with everyone's
budgets), so a promo day — spending ×2–4 — has a lower ROI than an ordinary day. The true marginal
ROI of a channel in a session is ``paid_multiplier · g_c'(spend_c)`` with ``paid_multiplier = m``
(stored per session in ``SampleBrand.truth``).

The funnel is built backwards from GMV so it is consistent in every row: buyers = gmv / AOV,
viewers = buyers / conversion, product_clicks = buyers / click→buy (6–14 %), product_impressions ≥
product_clicks, views = 1.3–1.9 × viewers, impressions = viewers / 15–25 %, orders ≥ buyers.
Impressions and views from 10,000 up are rounded up to hundreds, as the back-ends print them (1.23万).

Shifts (班次) never share a clock hour — 早班 08:00–13:00, 午班 13:00–19:00, 晚班 19:00–03:00 — so
every hourly ad-report row overlaps exactly one session of its account; the warm-up plans at 07:00
overlap none and stay unattributed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from liveroi.economics import breakeven_roi
from liveroi.sample.profiles import (
    PLAN_NAMES,
    REPORT_CHANNELS,
    SAMPLE_CHANNELS,
    WARMUP_CHANNEL,
    WARMUP_PLAN,
    AccountProfile,
    build_profiles,
)
from liveroi.sample.promos import day_multipliers, promo_calendar

DEFAULT_SEED = 7
DEFAULT_DAYS = 180
DEFAULT_END = dt.date(2026, 11, 24)

SHIFTS: tuple[str, ...] = ("早班", "午班", "晚班")
_SHIFT_START_MIN = np.array([8 * 60, 13 * 60, 19 * 60])  # earliest start, minutes after midnight
_SHIFT_START_WINDOW_MIN = np.array([60, 90, 90])  # starts fall in [earliest, earliest + window)
_SHIFT_DURATION_MIN = np.array([[120, 240], [150, 270], [180, 360]])  # ends before the next shift
_SHIFT_SPEND = np.array([0.6, 0.8, 1.0])
_ROOM_ID_BASE = 5_200_000_000_000_000_000  # 19-digit room ids: above 2**53, so a float would corrupt them
_WARMUP_RATE = 0.12  # share of account-days with a warm-up plan at 07:00
_WARMUP_HOUR = 7
_ORGANIC_DURATION_EXPONENT = 0.8


def response(spend: np.ndarray | float, top: np.ndarray | float, half_saturation: np.ndarray | float):
    """Incremental GMV (or followers) of a channel: ``top · s / (s + K)``; 0 where K is 0 (unused)."""
    spend = np.asarray(spend, dtype=float)
    denominator = spend + np.asarray(half_saturation, dtype=float)
    return np.divide(
        np.asarray(top, dtype=float) * spend,
        denominator,
        out=np.zeros(np.broadcast(spend, denominator).shape),
        where=denominator > 0,
    )


def marginal_response(
    spend: np.ndarray | float, top: np.ndarray | float, half_saturation: np.ndarray | float
):
    """The slope ``top · K / (s + K)²``: the marginal ROI when ``top`` is a GMV ceiling."""
    spend = np.asarray(spend, dtype=float)
    k = np.asarray(half_saturation, dtype=float)
    denominator = (spend + k) ** 2
    return np.divide(
        np.asarray(top, dtype=float) * k,
        denominator,
        out=np.zeros(np.broadcast(spend, denominator).shape),
        where=denominator > 0,
    )


@dataclass(frozen=True)
class SampleBrand:
    """A generated brand. ``sessions`` has the canonical columns (no spend); ``spend`` is long
    (session_id, channel, spend > 0); ``ad_report`` has one row per plan per hour (period_start,
    account, channel, plan, spend, ad_gmv, session_id — None for the unattributed warm-ups);
    ``curves`` the true response per account × channel; ``truth`` per session the multiplier and
    the organic and incremental GMV the generator used."""

    seed: int
    start: dt.date
    end: dt.date
    accounts: pd.DataFrame
    sessions: pd.DataFrame
    spend: pd.DataFrame
    ad_report: pd.DataFrame
    promo_days: pd.DataFrame
    curves: pd.DataFrame
    truth: pd.DataFrame

    def curve(self, account: str, channel: str) -> pd.Series:
        """The true curve of one account's channel (reference_spend, half_saturation, gmv_top, …)."""
        hit = self.curves[(self.curves["account"] == account) & (self.curves["channel"] == channel)]
        if hit.empty:
            raise KeyError(f"{account} does not use {channel}")
        return hit.iloc[0]

    def marginal_roi(self, account: str, channel: str, spend: np.ndarray | float, multiplier: float = 1.0):
        """True marginal ROI (ΔGMV/Δspend) of the channel at ``spend`` on a day with ``multiplier``."""
        row = self.curve(account, channel)
        return multiplier * marginal_response(spend, row["gmv_top"], row["half_saturation"])


def _lognormal(rng: np.random.Generator, sigma: np.ndarray | float, size) -> np.ndarray:
    """Mean-one lognormal noise."""
    sigma = np.asarray(sigma, dtype=float)
    return np.exp(sigma * rng.standard_normal(size) - sigma**2 / 2)


def _account_arrays(profiles: list[AccountProfile]) -> dict[str, np.ndarray]:
    fields = (
        "aov",
        "conversion",
        "refund_rate",
        "organic_gmv",
        "organic_followers",
        "organic_start",
        "organic_days",
        "growth_per_year",
        "seasonal_amplitude",
        "morning_rate",
        "afternoon_rate",
        "organic_claim",
        "avg_watch_s",
        "fans_gmv_per_follower",
        "churn_per_session",
    )
    arrays = {name: np.array([getattr(p, name) for p in profiles], dtype=float) for name in fields}
    n_acc, n_ch = len(profiles), len(SAMPLE_CHANNELS)
    for name in (
        "reference_spend",
        "half_saturation",
        "gmv_top",
        "follower_top",
        "spread",
        "level_start",
        "level_end",
        "level_days",
        "pause_rate",
        "fixed_package",
    ):
        arrays[name] = np.zeros((n_acc, n_ch))
    arrays["level_days"][:] = 1.0
    for a, profile in enumerate(profiles):
        for c, key in enumerate(SAMPLE_CHANNELS):
            plan = profile.channels.get(key)
            if plan is None:
                continue
            for name in (
                "reference_spend",
                "half_saturation",
                "gmv_top",
                "follower_top",
                "spread",
                "level_start",
                "level_end",
                "level_days",
                "pause_rate",
                "fixed_package",
            ):
                arrays[name][a, c] = getattr(plan, name)
    return arrays


DEFAULT_GROSS_MARGIN = 0.5  # the settings table's default; the documented break-evens assume it


def _curves_frame(profiles: list[AccountProfile]) -> pd.DataFrame:
    """The true curve per account × channel, with the break-even ROI at the default gross margin and
    the account's mean refund rate, and the spend where the marginal ROI meets it on an ordinary day
    (multiplier 1, follower value ignored): ``s* = max(0, √(top·K / breakeven) − K)``."""
    rows = [
        {
            "account": p.account,
            "channel": key,
            "reference_spend": plan.reference_spend,
            "half_saturation": plan.half_saturation,
            "gmv_top": plan.gmv_top,
            "follower_top": plan.follower_top,
            "average_roi": plan.average_roi,
            "marginal_roi": plan.marginal_roi,
            "spread": plan.spread,
            "breakeven_roi": breakeven_roi(DEFAULT_GROSS_MARGIN, p.refund_rate),
        }
        for p in profiles
        for key, plan in p.channels.items()
    ]
    curves = pd.DataFrame(rows)
    curves["optimal_spend"] = np.maximum(
        0.0,
        np.sqrt(curves["gmv_top"] * curves["half_saturation"] / curves["breakeven_roi"])
        - curves["half_saturation"],
    )
    return curves


def _accounts_frame(profiles: list[AccountProfile]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "account": [p.account for p in profiles],
            "platform": "kuaishou",
            "archetype": [p.archetype for p in profiles],
            "category": [p.category for p in profiles],
            "refund_rate": [p.refund_rate for p in profiles],
            "aov": [p.aov for p in profiles],
            "conversion": [p.conversion for p in profiles],
        }
    )


def follower_stock(
    acc: np.ndarray, new_followers: np.ndarray, churn: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    r"""The carry-over model of the follower stock, per account in session order (the rows are in
    time order within each account), from 0 before the first session:

    .. math::  S_k = (1 - c)\,S_{k-1} + \text{new}_k = (1 - c)^k \sum_{j \le k} (1 - c)^{-j}\,\text{new}_j

    — a share ``c`` of the followers there at a session's start unfollow during it. Returns the
    stock at each session's end ``S_k`` and at its start ``S_{k−1}`` (vectorised: the closed form by
    one grouped cumulative sum)."""
    k = pd.Series(acc).groupby(acc).cumcount().to_numpy(dtype=float)
    keep = 1.0 - np.asarray(churn, dtype=float)
    scaled = pd.Series(new_followers * keep ** (-k)).groupby(acc).cumsum().to_numpy()
    end = keep**k * scaled
    start = pd.Series(end).groupby(acc).shift(1).fillna(0.0).to_numpy()
    return end, start


def _round_up_hundreds_from_wan(values: np.ndarray) -> np.ndarray:
    """From 10,000 up, round up to hundreds (what ``1.23万`` can say exactly)."""
    return np.where(values >= 10_000, np.ceil(values / 100.0) * 100.0, values)


def generate_brand(
    seed: int = DEFAULT_SEED,
    *,
    n_accounts: int = 3,
    days: int = DEFAULT_DAYS,
    end: dt.date = DEFAULT_END,
    with_ad_report: bool = True,
) -> SampleBrand:
    """Generate a brand of ``n_accounts`` self-broadcast accounts over ``days`` days ending ``end``.

    Deterministic for a given (seed, n_accounts, days, end). ``with_ad_report=False`` skips the
    hourly ad report (about 10 rows per session) for large benchmark brands.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(6)]
    rng_profile, rng_schedule, rng_spend, rng_outcome, rng_funnel, rng_report = streams
    profiles = build_profiles(n_accounts, rng_profile)
    acc_arrays = _account_arrays(profiles)
    start = end - dt.timedelta(days=days - 1)
    calendar_days = pd.date_range(start, end, freq="D")

    # --- schedule: every account × day × shift, kept by the account's shift rates (晚班 always) ---
    promo_gmv, dow_gmv, spend_day = day_multipliers(calendar_days)
    n_acc, n_days, n_shifts = len(profiles), len(calendar_days), len(SHIFTS)
    acc = np.repeat(np.arange(n_acc), n_days * n_shifts)
    day = np.tile(np.repeat(np.arange(n_days), n_shifts), n_acc)
    shift = np.tile(np.arange(n_shifts), n_acc * n_days)
    keep_rate = np.select(
        [shift == 0, shift == 1], [acc_arrays["morning_rate"][acc], acc_arrays["afternoon_rate"][acc]], 1.0
    )
    keep_rate = np.where(promo_gmv[day] >= 2.0, 1.0, keep_rate)  # peak days: every shift broadcasts
    keep = rng_schedule.random(acc.size) < keep_rate
    acc, day, shift = acc[keep], day[keep], shift[keep]
    n = acc.size
    start_s = (
        _SHIFT_START_MIN[shift] * 60 + rng_schedule.integers(0, _SHIFT_START_WINDOW_MIN[shift] * 60)
    ).astype(np.int64)
    duration_s = rng_schedule.integers(
        _SHIFT_DURATION_MIN[shift, 0] * 60, _SHIFT_DURATION_MIN[shift, 1] * 60 + 1
    ).astype(np.int64)
    day_start = calendar_days.to_numpy().astype("datetime64[s]")
    started = day_start[day] + start_s.astype("timedelta64[s]")
    order = np.lexsort((acc, started))
    acc, day, shift, start_s, duration_s, started = (
        x[order] for x in (acc, day, shift, start_s, duration_s, started)
    )
    ended = started + duration_s.astype("timedelta64[s]")
    room_ids = _ROOM_ID_BASE + np.cumsum(rng_schedule.integers(10_000_000, 5_000_000_000, n))
    session_id = room_ids.astype(str)
    t = day.astype(float)
    duration_min = duration_s / 60.0

    # --- spend per channel ---
    level = acc_arrays["level_end"][acc] + (
        acc_arrays["level_start"][acc] - acc_arrays["level_end"][acc]
    ) * np.exp(-t[:, None] / acc_arrays["level_days"][acc])
    on = rng_spend.random((n, len(SAMPLE_CHANNELS))) >= acc_arrays["pause_rate"][acc]
    scaling = _SHIFT_SPEND[shift][:, None] * spend_day[day][:, None]
    scaling = np.where(acc_arrays["fixed_package"][acc] > 0, 1.0, scaling)
    spend = np.round(
        acc_arrays["reference_spend"][acc]
        * level
        * scaling
        * _lognormal(rng_spend, acc_arrays["spread"][acc], (n, len(SAMPLE_CHANNELS)))
        * on,
        2,
    )

    # --- outcomes ---
    paid_gmv = response(spend, acc_arrays["gmv_top"][acc], acc_arrays["half_saturation"][acc])
    paid_followers = response(spend, acc_arrays["follower_top"][acc], acc_arrays["half_saturation"][acc])
    calendar_doy = calendar_days.day_of_year.to_numpy()[day]
    trend = (1.0 + acc_arrays["growth_per_year"][acc] * t / 365.0) * (
        1.0 + acc_arrays["seasonal_amplitude"][acc] * np.sin(2 * np.pi * (calendar_doy - 200) / 365.0)
    )
    multiplier = dow_gmv[day] * trend
    organic_multiplier = multiplier * promo_gmv[day]
    paid_multiplier = multiplier
    ramp = 1.0 + (acc_arrays["organic_start"][acc] - 1.0) * np.exp(-t / acc_arrays["organic_days"][acc])
    duration_factor = (duration_min / 240.0) ** _ORGANIC_DURATION_EXPONENT
    organic = acc_arrays["organic_gmv"][acc] * ramp * duration_factor
    noise = _lognormal(rng_outcome, 0.15, n)
    claim = np.clip(acc_arrays["organic_claim"][acc] * rng_outcome.uniform(0.8, 1.2, n), 0.0, 0.95)
    follower_multiplier = multiplier * np.sqrt(promo_gmv[day])
    organic_followers = acc_arrays["organic_followers"][acc] * ramp * duration_factor
    follower_noise = _lognormal(rng_outcome, 0.2, n)
    new_followers = np.round(
        follower_multiplier * (organic_followers + paid_followers.sum(axis=1)) * follower_noise
    )
    # Followers as an asset (accounts with a carry-over model): the stock churns and its followers buy.
    carry = acc_arrays["fans_gmv_per_follower"][acc] > 0
    stock_end, stock_start = follower_stock(acc, new_followers, acc_arrays["churn_per_session"][acc])
    fans = acc_arrays["fans_gmv_per_follower"][acc] * stock_start * ramp * duration_factor
    fans = np.where(carry, fans, 0.0)
    gmv = np.round(
        (organic_multiplier * organic + multiplier * fans + paid_multiplier * paid_gmv.sum(axis=1)) * noise, 2
    )
    fans_gmv = np.round(multiplier * fans * noise, 2)
    incremental_gmv = paid_multiplier * paid_gmv.sum(axis=1) * noise
    organic_gmv = (organic_multiplier * organic + multiplier * fans) * noise
    ad_gmv = np.round(np.minimum(gmv, incremental_gmv + claim * organic_gmv), 2)
    refund_rate = np.clip(acc_arrays["refund_rate"][acc] * _lognormal(rng_outcome, 0.2, n), 0.0, 0.6)
    refunds = np.round(gmv * refund_rate, 2)

    # --- funnel, built backwards from GMV so every row is consistent ---
    aov = acc_arrays["aov"][acc] * _lognormal(rng_funnel, 0.08, n)
    buyers = np.maximum(1.0, np.round(gmv / aov))
    conversion = np.clip(
        acc_arrays["conversion"][acc] * _lognormal(rng_funnel, 0.15, n) * promo_gmv[day] ** 0.25, 0.005, 0.03
    )
    viewers = np.maximum(buyers + 2, np.round(buyers / conversion))
    product_clicks = np.clip(np.round(buyers / rng_funnel.uniform(0.06, 0.14, n)), buyers + 1, viewers - 1)
    product_impressions = np.clip(
        np.round(product_clicks / rng_funnel.uniform(0.3, 0.6, n)), product_clicks, viewers
    )
    views = _round_up_hundreds_from_wan(np.ceil(viewers * rng_funnel.uniform(1.3, 1.9, n)))
    impressions = _round_up_hundreds_from_wan(np.ceil(viewers / rng_funnel.uniform(0.15, 0.25, n)))
    orders = buyers + np.round(buyers * rng_funnel.uniform(0.02, 0.12, n))
    avg_watch_s = np.clip(np.round(acc_arrays["avg_watch_s"][acc] * _lognormal(rng_funnel, 0.12, n)), 25, 180)
    peak_online = np.clip(
        np.round(viewers * avg_watch_s / duration_s * rng_funnel.uniform(1.8, 3.2, n)), 1, viewers
    )
    new_followers = np.minimum(new_followers, viewers)
    product_impressions_missing = rng_funnel.random(n) < 0.03  # the back-end printed "-"

    account_names = np.array([p.account for p in profiles], dtype=object)
    sessions = pd.DataFrame(
        {
            "session_id": session_id.astype(object),
            "account": account_names[acc],
            "started_at": started.astype("datetime64[us]"),
            "ended_at": ended.astype("datetime64[us]"),
            "duration_min": duration_min,
            "shift": np.array(SHIFTS, dtype=object)[shift],
            "impressions": impressions.astype(np.int64),
            "viewers": viewers.astype(np.int64),
            "views": views.astype(np.int64),
            "peak_online": peak_online.astype(np.int64),
            "avg_watch_s": avg_watch_s,
            "new_followers": new_followers.astype(np.int64),
            "product_impressions": pd.array(
                np.where(product_impressions_missing, 0, product_impressions).astype(np.int64), dtype="Int64"
            ),
            "product_clicks": product_clicks.astype(np.int64),
            "orders": orders.astype(np.int64),
            "buyers": buyers.astype(np.int64),
            "gmv": gmv,
            "refunds": refunds,
            "ad_gmv": ad_gmv,
            "followers_total": pd.array(
                np.where(carry, np.round(stock_end), 0).astype(np.int64), dtype="Int64"
            ),
            "fans_gmv": pd.array(np.where(carry, fans_gmv, 0.0), dtype="Float64"),
        }
    )
    sessions.loc[product_impressions_missing, "product_impressions"] = pd.NA
    sessions.loc[~carry, ["followers_total", "fans_gmv"]] = pd.NA

    used = spend > 0
    rows, cols = np.nonzero(used)
    spend_long = pd.DataFrame(
        {
            "session_id": session_id.astype(object)[rows],
            "channel": np.array(SAMPLE_CHANNELS, dtype=object)[cols],
            "spend": spend[rows, cols],
        }
    )

    truth = pd.DataFrame(
        {
            "session_id": session_id.astype(object),
            "account": account_names[acc],
            "organic_multiplier": organic_multiplier,
            "paid_multiplier": paid_multiplier,
            "noise": noise,
            "organic_gmv": organic_gmv,
            "incremental_gmv": incremental_gmv,
            "followers_start": np.where(carry, stock_start, np.nan),
            "fans_gmv_per_follower": np.where(
                carry, organic_multiplier * fans * noise / np.maximum(stock_start, 1e-9), np.nan
            ),
            **{
                f"incremental_gmv_{key}": paid_multiplier * paid_gmv[:, c] * noise
                for c, key in enumerate(SAMPLE_CHANNELS)
            },
        }
    )

    ad_report = (
        _ad_report(
            rng_report,
            session_id=session_id,
            accounts=account_names[acc],
            started=started,
            ended=ended,
            spend=spend,
            channel_ad_gmv=_split_ad_gmv(ad_gmv, paid_gmv),
            acc_arrays=acc_arrays,
            acc=acc,
            account_names=account_names,
            calendar_days=calendar_days,
        )
        if with_ad_report
        else pd.DataFrame(
            {
                "period_start": pd.Series([], dtype="datetime64[us]"),
                "account": pd.Series([], dtype=object),
                "channel": pd.Series([], dtype=object),
                "plan": pd.Series([], dtype=object),
                "spend": pd.Series([], dtype=float),
                "ad_gmv": pd.Series([], dtype=float),
                "session_id": pd.Series([], dtype=object),
            }
        )
    )

    promo = promo_calendar(start, end)[["day", "name"]].copy()
    promo["account"] = pd.Series([None] * len(promo), dtype=object)
    return SampleBrand(
        seed=seed,
        start=start,
        end=end,
        accounts=_accounts_frame(profiles),
        sessions=sessions,
        spend=spend_long,
        ad_report=ad_report,
        promo_days=promo,
        curves=_curves_frame(profiles),
        truth=truth,
    )


def _split_ad_gmv(ad_gmv: np.ndarray, paid_gmv: np.ndarray) -> np.ndarray:
    """A session's ad GMV split over its channels in proportion to what each truly brought."""
    total = paid_gmv.sum(axis=1, keepdims=True)
    share = np.divide(paid_gmv, total, out=np.zeros_like(paid_gmv), where=total > 0)
    return ad_gmv[:, None] * share


def _allocate_fen(totals_fen: np.ndarray, group: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Split integer totals (fen) over the rows of each group in proportion to ``weights``, exactly:
    the rounding residual goes to the group's heaviest row. ``group`` must be sorted ascending."""
    weight_sum = np.bincount(group, weights=weights, minlength=totals_fen.size)
    share = weights / weight_sum[group]
    allocated = np.floor(totals_fen[group] * share)
    residual = totals_fen - np.bincount(group, weights=allocated, minlength=totals_fen.size)
    heaviest = np.lexsort((-weights, group))
    first = np.searchsorted(group[heaviest], np.arange(totals_fen.size))
    valid = first < group.size
    allocated[heaviest[first[valid]]] += residual[valid]
    return allocated


def _ad_report(
    rng: np.random.Generator,
    *,
    session_id: np.ndarray,
    accounts: np.ndarray,
    started: np.ndarray,
    ended: np.ndarray,
    spend: np.ndarray,
    channel_ad_gmv: np.ndarray,
    acc_arrays: dict[str, np.ndarray],
    acc: np.ndarray,
    account_names: np.ndarray,
    calendar_days: pd.DatetimeIndex,
) -> pd.DataFrame:
    """Hourly rows per plan for the report channels, summing exactly to the session × channel spend,
    plus warm-up plans at 07:00 that overlap no session."""
    report_cols = np.array([SAMPLE_CHANNELS.index(c) for c in REPORT_CHANNELS])
    sess, col = np.nonzero(spend[:, report_cols] > 0)
    col = report_cols[col]
    order = np.lexsort((col, sess))
    sess, col = sess[order], col[order]
    pairs = sess.size
    n_plans = np.where(acc_arrays["reference_spend"][acc[sess], col] >= 5000, 2, 1)
    start_s = started.astype(np.int64)
    end_s = ended.astype(np.int64)
    first_hour = start_s // 3600 * 3600
    n_hours = ((end_s - 1) // 3600 * 3600 - first_hour) // 3600 + 1
    rows_per_pair = n_hours[sess] * n_plans
    pair = np.repeat(np.arange(pairs), rows_per_pair)
    offset = np.arange(pair.size) - np.repeat(np.cumsum(rows_per_pair) - rows_per_pair, rows_per_pair)
    hours = n_hours[sess][pair]
    plan_index = offset // hours
    hour_index = offset % hours
    s = sess[pair]
    period = first_hour[s] + hour_index * 3600
    overlap = np.minimum(end_s[s], period + 3600) - np.maximum(start_s[s], period)
    # Early hours take the larger share of spend (the first two hours of a stream spend the most).
    hour_weight = overlap * np.exp(-0.25 * hour_index) * rng.uniform(0.7, 1.3, pair.size)
    main_share = rng.uniform(0.55, 0.75, pairs)[pair]
    plan_share = np.where(n_plans[pair] == 1, 1.0, np.where(plan_index == 0, main_share, 1.0 - main_share))
    weights = hour_weight * plan_share
    spend_fen = _allocate_fen(np.round(spend[sess, col] * 100), pair, weights)
    ad_gmv_fen = _allocate_fen(np.round(channel_ad_gmv[sess, col] * 100), pair, weights)
    plan_names = np.array(
        [[PLAN_NAMES[SAMPLE_CHANNELS[c]][k] for k in range(2)] for c in report_cols], dtype=object
    )
    col_position = np.searchsorted(report_cols, col)
    session_rows = pd.DataFrame(
        {
            "period_start": period.astype("datetime64[s]").astype("datetime64[us]"),
            "account": accounts[s],
            "channel": np.array(SAMPLE_CHANNELS, dtype=object)[col[pair]],
            "plan": plan_names[col_position[pair], plan_index],
            "spend": spend_fen / 100.0,
            "ad_gmv": ad_gmv_fen / 100.0,
            "session_id": session_id.astype(object)[s],
        }
    )
    session_rows = session_rows[(spend_fen > 0) | (ad_gmv_fen > 0)]

    # Warm-up plans: 粉条 heating the stream's preview video at 07:00, before any shift starts.
    n_acc, n_days = len(account_names), len(calendar_days)
    warm_acc = np.repeat(np.arange(n_acc), n_days)
    warm_day = np.tile(np.arange(n_days), n_acc)
    promo_eve = np.isin(
        (calendar_days + pd.Timedelta(days=1)).strftime("%m-%d").to_numpy(), ["06-18", "09-09", "11-11"]
    )
    chosen = (rng.random(warm_acc.size) < _WARMUP_RATE) | promo_eve[warm_day]
    warm_acc, warm_day = warm_acc[chosen], warm_day[chosen]
    warmups = pd.DataFrame(
        {
            "period_start": (calendar_days.to_numpy()[warm_day] + np.timedelta64(_WARMUP_HOUR, "h")).astype(
                "datetime64[us]"
            ),
            "account": account_names[warm_acc],
            "channel": WARMUP_CHANNEL,
            "plan": WARMUP_PLAN,
            "spend": np.round(rng.uniform(200, 800, warm_acc.size), 2),
            "ad_gmv": 0.0,
            "session_id": pd.Series([None] * warm_acc.size, dtype=object).to_numpy(),
        }
    )
    report = pd.concat([session_rows, warmups], ignore_index=True)
    report["channel"] = report["channel"].astype(object)
    report["plan"] = report["plan"].astype(object)
    return report.sort_values(["period_start", "account", "channel", "plan"], kind="stable").reset_index(
        drop=True
    )
