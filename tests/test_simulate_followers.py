"""The follower carry-over family of the simulator (issue 13 §5): organic GMV grows with the follower
stock, followers churn, the history carries 粉丝总数 and 粉丝成交金额, and the advisor is not told the
follower value. Scored with each new follower at its true lifetime margin, the advisor should reach
90 % of the oracle on held-out seeds (see :func:`test_the_advisor_on_held_out_seeds` for where it
stands), and the measured value's interval must cover the true one in most histories. Fixed seeds."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from liveroi.advisor import recommend, simulate
from liveroi.economics import follower_value

HELD_OUT = range(5, 10)  # the cases were shaped on seeds 0–4
FAMILY = simulate.follower_scenarios()


def test_the_true_follower_value_is_the_lifetime_margin() -> None:
    for scenario in FAMILY:
        survival = sum((1 - 0.005) ** k for k in range(1, 181))
        assert scenario.follower_credit == pytest.approx(0.5 * 0.9 * 0.15 * survival)  # ≈ ¥7.98
        assert scenario.settings().follower_value is None  # the advisor is not told
    assert simulate.scenarios()[0].follower_credit == 3.0  # the other cases keep their stated value


def test_the_history_carries_a_churning_stock_and_its_fans_gmv() -> None:
    scenario = FAMILY[0]
    history = simulate.generate_history(scenario, seed=3)
    s = history.sessions
    stock = scenario.followers_start
    for new, total in zip(s["new_followers"], s["followers_total"], strict=True):
        stock = (1 - scenario.churn) * stock + new  # the recursion, session by session
        assert total == pytest.approx(round(stock), abs=1)
    assert (s["fans_gmv"] > 0).all() and (s["fans_gmv"] < s["gmv"]).all()
    previous = np.concatenate([[scenario.followers_start], s["followers_total"].to_numpy()[:-1]])
    assert (s["fans_gmv"] / previous).mean() == pytest.approx(0.15, rel=0.08)


@pytest.fixture(scope="module")
def results() -> dict[str, list[simulate.CaseResult]]:
    return {s.name: [simulate.evaluate(s, seed) for seed in HELD_OUT] for s in FAMILY}


def test_the_advisor_on_held_out_seeds(results) -> None:
    """Issue 13's target is 90 % of the oracle on held-out seeds. Measured on seeds 5–9: 89.0 / 92.8 /
    89.1 % (90.3 % mean; 90.4 % on seeds 5–14, README) since followers' GMV is read apart from the
    curves (before: 89.6 / 91.1 / 87.7 %, 89.5 %). A starved follower tool whose history barely shows
    its followers still creeps up in small steps (seed 6: ¥1,270 → ¥1,415 in 20 sessions while the
    oracle reaches ¥3,662 in five). Asserted: floors a little under the measured values, no
    step-limit violation, far ahead of holding spend, ahead of the ±20 % rule in every seed."""
    shares = {name: float(np.mean([r.advisor_share for r in runs])) for name, runs in results.items()}
    assert np.mean(list(shares.values())) >= 0.895, shares
    assert min(shares.values()) >= 0.88, shares
    for name, runs in results.items():
        assert all(r.advisor_violations == 0 for r in runs), name
        assert np.mean([r.advisor_share for r in runs]) > np.mean([r.hold_share for r in runs]) + 0.1, name
        assert all(r.advisor_share > r.rule_share for r in runs), name


def test_a_small_follower_tool_beside_a_big_channel_keeps_its_measured_followers(monkeypatch) -> None:
    """粉条 at ¥1,000 beside 小店通 at ¥8,000: the posterior mean of its new followers per yuan at today's
    spend against the true slope of the simulated curve, ``ftop · fhalf / (s + fhalf)²``. With the
    prior scaled by the account's followers over its *total* spend (before issue 13) every history's
    slope was shrunk — 0.67 × the truth on average over seeds 0–4, at most 0.82; on the channel's own
    scale (geometric mean with the account's) 1.19 ×, 0.95–1.46."""
    from liveroi.advisor import model

    scenario = FAMILY[2]
    truth = scenario.channels[1]
    assert truth.name == "fentiao"

    def ratios() -> list[float]:
        out = []
        for seed in range(5):
            rec = recommend(simulate.generate_history(scenario, seed), scenario.settings())
            now = rec.current["fentiao"]
            true = truth.followers_top * truth.followers_half / (now + truth.followers_half) ** 2
            out.append(rec.marginal_followers["fentiao"] / true)
        return out

    shipped = ratios()
    assert 0.85 <= np.mean(shipped) <= 1.4 and min(shipped) >= 0.8, shipped
    monkeypatch.setattr(model, "FOLLOWER_SCALE", "account")
    before = ratios()
    assert np.mean(before) <= 0.75 and max(before) <= 0.9, before


def test_the_advisor_measures_the_value_it_was_not_told() -> None:
    scenario = FAMILY[0]
    rec = recommend(simulate.generate_history(scenario, seed=5), scenario.settings(), lang="en")
    measure = rec.economics.follower_value_measure
    assert rec.economics.follower_value_suggested and measure.measured and measure.source == "fans_gmv"
    assert rec.economics.follower_value == pytest.approx(scenario.follower_credit, rel=0.1)
    assert rec.suggested["fentiao"] > rec.current["fentiao"]  # the follower tool is raised
    assert "from this account's history a new follower is worth ¥7.8" in rec.reason


def test_the_interval_covers_the_true_value_in_most_histories() -> None:
    """80 % intervals; measured coverage over seeds 0–39: 72.5, 70 and 77.5 % (over seeds 0–199: 76.5,
    75.5 and 78 %; without the small-sample widening 76.5, 74 and 77 %)."""
    for scenario in FAMILY:
        covered = 0
        for seed in range(40):
            history = simulate.generate_history(scenario, seed)
            got = follower_value(
                history.sessions, scenario.gross_margin, scenario.refund_rate, spend=history.spend
            )
            covered += got.low <= scenario.follower_credit <= got.high
        assert covered >= 26, (scenario.name, covered)  # most: ≥ 65 %


# --- followers' GMV read apart from the curves (liveroi.advisor.model._gmv_less_fans) -----------------
def test_followers_gmv_is_taken_out_of_what_the_curves_are_read_from() -> None:
    """By hand: six sessions, followers' GMV on five of them (≥ 80 %): the sixth counts its GMV times
    the share followers paid over the five; a followers' GMV above the GMV leaves 0, never less. On
    three sessions of six the column is too thin and the GMV is read whole."""
    from liveroi.advisor import model

    gmv = np.array([1000.0, 2000.0, 1500.0, 1200.0, 800.0, 3000.0])
    fans = [200.0, 500.0, None, 300.0, 900.0, 600.0]
    frame = pd.DataFrame({"gmv": gmv, "fans_gmv": fans})
    y, next_fans, spread = model._gmv_less_fans(frame, gmv)
    share = (200 + 500 + 300 + 900 + 600) / (1000 + 2000 + 1200 + 800 + 3000)  # 2500 / 8000
    filled = [200, 500, 1500 * share, 300, 900, 600]
    assert y == pytest.approx([800, 1500, 1500 - 1500 * share, 900, 0, 2400])
    assert next_fans == pytest.approx(np.mean(filled))  # fewer sessions than FANS_RECENT: all of them
    assert spread == pytest.approx(np.std(filled, ddof=1))
    thin = pd.DataFrame({"gmv": gmv, "fans_gmv": [200.0, None, None, 300.0, None, 600.0]})
    assert model._gmv_less_fans(thin, gmv) is None
    assert model._gmv_less_fans(frame.drop(columns="fans_gmv"), gmv) is None


def test_the_curves_read_apart_from_followers_gmv_miss_the_true_slope_by_less() -> None:
    """Over 40 histories per case, the mean absolute error of the posterior-mean marginal ROI of the
    channel bought for GMV at today's spend, against the simulated curve's ``top · half / (s + half)²``:
    measured 0.84 / 0.25 / 0.45 with followers' GMV read apart, 0.95 / 0.30 / 0.47 with it left in."""
    from liveroi.advisor import model

    def errors() -> list[float]:
        out = []
        for scenario in FAMILY:
            channel = scenario.channels[0]
            err = []
            for seed in range(40):
                history = simulate.generate_history(scenario, seed)
                now = history.latest_spend()[channel.name]
                fitted = model.fit(history, prior_roi=scenario.settings().breakeven_roi)
                true = channel.gmv_top * channel.half / (now + channel.half) ** 2
                err.append(abs(float(fitted.slope("gmv", channel.name, now).mean()) - true))
                assert fitted.fans_apart is model.FANS_APART
            out.append(float(np.mean(err)))
        return out

    apart = errors()
    model.FANS_APART = False
    try:
        whole = errors()
    finally:
        model.FANS_APART = True
    assert all(a <= w for a, w in zip(apart, whole, strict=True)), (apart, whole)
    assert sum(apart) <= 0.95 * sum(whole), (apart, whole)


def test_the_next_sessions_expected_gmv_still_counts_what_followers_pay() -> None:
    """Expected GMV of the next session at today's spend, with followers' GMV read apart, against the
    same expectation from curves read from the whole GMV: within 5 % in every history (measured
    0–3.2 %), although followers pay ~24 % of these sessions' GMV — so their GMV is back in the
    baseline, not lost. Both sit below the latest ten sessions' mean GMV by less than 12 % (measured
    −2 to −10 %: the next day's weekday and the trend)."""
    from liveroi.advisor import model

    scenario = FAMILY[1]
    for seed in range(5):
        history = simulate.generate_history(scenario, seed)
        now = history.latest_spend()
        apart = model.fit(history, prior_roi=scenario.settings().breakeven_roi)
        model.FANS_APART = False
        try:
            whole = model.fit(history, prior_roi=scenario.settings().breakeven_roi)
        finally:
            model.FANS_APART = True
        assert apart.fans_apart and not whole.fans_apart
        got, reference = apart.predict("gmv", now).mean(), whole.predict("gmv", now).mean()
        fans_share = history.sessions["fans_gmv"].tail(10).mean() / history.sessions["gmv"].tail(10).mean()
        assert fans_share > 0.2
        assert got == pytest.approx(reference, rel=0.05), seed
        assert abs(got / history.sessions["gmv"].tail(10).mean() - 1) < 0.12, seed
