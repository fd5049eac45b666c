"""The measured follower value (liveroi.economics.follower_value) on synthetic histories whose true
value is known: a follower stock that churns at a known rate, followers who pay a known GMV per
session, and the lifetime margin computed here by summing the survival series term by term."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from liveroi import economics

MARGIN, REFUNDS = 0.5, 0.1  # m = 0.45
HORIZON = economics.FOLLOWER_HORIZON_SESSIONS


def true_value(per_session: float, churn: float, margin: float = MARGIN * (1 - REFUNDS)) -> float:
    """m · p · Σ_{k=1}^{H} (1 − c)^k, the sum written out (not the closed form under test)."""
    survival = sum((1 - churn) ** k for k in range(1, HORIZON + 1))
    return margin * per_session * survival


def history(
    seed: int,
    n: int = 120,
    *,
    per_session: float = 0.12,
    churn: float = 0.017,
    before: int = 20_000,
    organic_slope: float | None = None,
) -> pd.DataFrame:
    """Sessions of an account whose stock starts at ``before``: each session gains Poisson new
    followers (more when more is spent), loses Binomial(stock, churn) of those there at its start,
    and its followers pay ``per_session`` ¥ each on average (log-normal noise 30 %). With
    ``organic_slope`` there is no fans' GMV: session GMV = 8,000 + slope × stock + 1.8 × spend + noise."""
    rng = np.random.default_rng(seed)
    spend = np.round(2_000 * np.exp(rng.normal(0, 0.3, n)))
    new = rng.poisson(300 + 0.1 * spend)
    start = np.empty(n)
    lost = np.empty(n, dtype=np.int64)
    stock = float(before)
    for t in range(n):  # the truth's own recursion (a test generator, not the code under test)
        start[t] = stock
        lost[t] = rng.binomial(int(stock), churn)
        stock = stock - lost[t] + new[t]
    end = start - lost + new
    fans = per_session * start * np.exp(rng.normal(-0.045, 0.3, n))
    if organic_slope is None:
        gmv = 5_000 + fans + 1.8 * spend * np.exp(rng.normal(0, 0.2, n))
    else:
        gmv = 8_000 + organic_slope * start + 1.8 * spend + rng.normal(0, 800, n)
    frame = pd.DataFrame(
        {
            "started_at": pd.date_range("2026-03-01 19:00", periods=n, freq="D"),
            "new_followers": new.astype(float),
            "followers_total": end,
            "followers_lost": lost.astype(float),
            "fans_gmv": np.round(fans, 2),
            "gmv": np.round(gmv, 2),
            "buyers": np.round(gmv / 60.0),
            "duration_min": 240.0,
            "promo": False,
        }
    )
    if organic_slope is not None:
        frame = frame.drop(columns="fans_gmv")
    frame.attrs["spend"] = pd.DataFrame({"fentiao": spend})
    return frame


def test_lifetime_is_the_survival_sum() -> None:
    for churn in (0.0, 0.005, 0.017, 0.05, 0.3, 1.0):
        expected = sum((1 - churn) ** k for k in range(1, HORIZON + 1))
        assert float(economics.follower_lifetime(churn)) == pytest.approx(expected, rel=1e-9)
    assert float(economics.follower_lifetime(0.017)) == pytest.approx(55.2, abs=0.05)  # "about 55 sessions"


def test_fans_gmv_and_stock_give_the_true_value() -> None:
    frame = history(1)
    truth = true_value(0.12, 0.017)  # 0.45 × 0.12 × 55.3 ≈ ¥2.99
    got = economics.follower_value(frame, MARGIN, REFUNDS)
    assert got.source == "fans_gmv" and got.stock == "followers_total" and got.measured
    assert got.value == pytest.approx(truth, rel=0.15)
    assert got.low < got.value < got.high and got.high - got.low < 0.3 * truth
    assert got.churn == pytest.approx(0.017, rel=0.1)
    assert got.per_session == pytest.approx(0.12, rel=0.1)  # 30 % noise over 120 sessions: se ≈ 3 %
    assert got.lifetime == pytest.approx(sum((1 - got.churn) ** k for k in range(1, HORIZON + 1)))


def test_a_stickier_audience_is_worth_more() -> None:
    loyal = economics.follower_value(history(2, churn=0.005), MARGIN, REFUNDS)
    fickle = economics.follower_value(history(2, churn=0.05), MARGIN, REFUNDS)
    assert loyal.value == pytest.approx(true_value(0.12, 0.005), rel=0.15)
    assert fickle.value == pytest.approx(true_value(0.12, 0.05), rel=0.15)
    assert loyal.value > 3 * fickle.value  # 0.45·0.12·L: L = 119 against 19 sessions


def test_stock_identity_alone_measures_churn() -> None:
    """Without 取关粉丝数 the churn comes from 粉丝总数: lost = previous stock + new − stock."""
    frame = history(3).drop(columns="followers_lost")
    got = economics.follower_value(frame, MARGIN, REFUNDS)
    assert got.source == "fans_gmv" and got.churn == pytest.approx(0.017, rel=0.1)
    assert got.value == pytest.approx(true_value(0.12, 0.017), rel=0.15)


def test_without_stock_the_setting_of_followers_before_counts() -> None:
    """No 粉丝总数: the stock is the setting plus new minus lost followers. Left empty, the stock is
    under-stated (it starts at 0): each follower seems to pay far more per session and to leave far
    sooner — both wrong — and the estimate says which stock it used."""
    frame = history(4).drop(columns="followers_total")
    told = economics.follower_value(frame, MARGIN, REFUNDS, followers_before=20_000)
    assert told.stock == "cumulative" and told.value == pytest.approx(true_value(0.12, 0.017), rel=0.15)
    untold = economics.follower_value(frame, MARGIN, REFUNDS)
    assert untold.stock == "cumulative_from_zero"
    assert untold.per_session > 3 * told.per_session and untold.churn > 3 * told.churn


def test_organic_gmv_rising_with_the_stock_without_fans_gmv() -> None:
    """No fans' GMV: the slope of session GMV on the stock (spend as a control) is what a follower
    adds per session — here ¥0.10 by construction."""
    frame = history(5, n=200, organic_slope=0.10)
    got = economics.follower_value(frame, MARGIN, REFUNDS, spend=frame.attrs["spend"])
    truth = true_value(0.10, 0.017)
    assert got.source == "organic"
    assert got.per_session == pytest.approx(0.10, rel=0.25)
    assert got.value == pytest.approx(truth, rel=0.25) and got.low < got.value < got.high


def test_falls_back_to_the_stated_default_and_says_why() -> None:
    m = MARGIN * (1 - REFUNDS)
    thin = history(6, n=12)
    aov = thin["gmv"].sum() / thin["buyers"].sum()
    got = economics.follower_value(thin, MARGIN, REFUNDS)
    assert (got.source, got.reason, got.measured) == ("default", "few_sessions", False)
    assert got.value == pytest.approx(round(0.1 * aov * m, 2)) and got.low is None
    # no stock figure and no unfollows: nothing tells how long followers stay
    blind = history(6).drop(columns=["followers_total", "followers_lost"])
    assert economics.follower_value(blind, MARGIN, REFUNDS).reason == "no_churn"
    # organic GMV that does not move with the stock: no signal, the default
    flat = history(7, n=200, organic_slope=0.0)
    got = economics.follower_value(flat, MARGIN, REFUNDS, spend=flat.attrs["spend"])
    assert (got.source, got.reason) == ("default", "no_signal")
    # no buyers either: the fixed ¥3
    bare = history(6, n=12).drop(columns="buyers")
    assert economics.follower_value(bare, MARGIN, REFUNDS).value == economics.DEFAULT_FOLLOWER_VALUE


def test_the_interval_covers_the_truth_in_most_histories() -> None:
    """80 % intervals over 30 independent histories: the truth inside in most of them."""
    truth = true_value(0.12, 0.017)
    covered = 0
    for seed in range(100, 130):
        got = economics.follower_value(history(seed, n=90), MARGIN, REFUNDS)
        covered += got.low <= truth <= got.high
    assert covered >= 20  # nominal 24 of 30


def test_the_organic_interval_covers_the_truth_in_most_histories() -> None:
    truth = true_value(0.10, 0.017)
    covered = 0
    for seed in range(200, 215):
        frame = history(seed, n=200, organic_slope=0.10)
        got = economics.follower_value(frame, MARGIN, REFUNDS, spend=frame.attrs["spend"])
        covered += got.measured and got.low <= truth <= got.high
    assert covered >= 10  # nominal 12 of 15


def test_the_interval_is_widened_for_the_sessions_it_rests_on(monkeypatch) -> None:
    """The bootstrap's spread of a mean over n sessions is the plug-in (n − 1)/n of the unbiased one,
    and a spread estimated from n sessions wants Student's t: the distances from the value grow by
    √(n/(n−1))·t₀.₉(n−1)/z₀.₉ — checked against scipy's t quantile, then on a measured interval."""
    from scipy import stats

    for n in (11, 20, 40, 200):
        exact = np.sqrt(n / (n - 1)) * stats.t.ppf(0.9, n - 1) / stats.norm.ppf(0.9)
        assert economics._small_sample_widening(n) == pytest.approx(exact, rel=1e-3)
    frame = history(3, n=21, per_session=1.2)  # ¥30 a follower: distances of ¥2–3, 6 % wider
    wide = economics.follower_value(frame, MARGIN, REFUNDS)
    monkeypatch.setattr(economics, "FOLLOWER_SMALL_SAMPLE", False)
    plain = economics.follower_value(frame, MARGIN, REFUNDS)
    assert wide.value == plain.value
    factor = np.sqrt(wide.sessions / (wide.sessions - 1)) * stats.t.ppf(0.9, wide.sessions - 1) / 1.2815516
    assert wide.value - wide.low == pytest.approx((plain.value - plain.low) * factor, abs=0.011)
    assert wide.high - wide.value == pytest.approx((plain.high - plain.value) * factor, abs=0.011)
