"""The randomised suite of issue 12: the generator covers the ranges it promises, and the advisor
keeps what it measured on a handful of fixed held-out accounts (floors a little under the measured
figures — not the issue's target, which the advisor does not reach; see the README).

The full held-out table (120 accounts, every reference policy) is ``python -m
benchmarks.advisor_suite``; here six held-out accounts, one per family, against holding spend, keep
the run to seconds (the least-squares reference costs ~3 s of CPU an account, so it is checked on a
clean curve instead).
"""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks import advisor_suite
from benchmarks.reference_policies import least_squares_policy
from liveroi.advisor import simulate

FIXED = list(simulate.HELD_OUT_SEEDS)[:6]  # one account of each family (families rotate with the seed)

# Measured on FIXED (share of the oracle's incremental profit); each floor is that minus 3 points.
ADVISOR_FLOORS = {
    100000: 0.679,  # thin, 3 channels, 11 sessions: measured 70.9 % (holding 77.5 %; 73.0 % before issue 13)
    100001: 0.645,  # flat history: measured 67.5 %, exactly what holding earns (the advisor holds)
    100002: 0.878,  # under: 91.1 %
    100003: 0.789,  # over: 81.9 %
    100004: 0.763,  # reallocate, 4 channels: 79.3 % (74.6 % before issue 13's follower-slope prior)
    100005: 0.89,  # near-optimum: 92.3 % (holding 99.6 %)
}
MEAN_FLOOR = 0.775  # measured 80.5 % (holding: 75.8 %; the plain least-squares fit, not run here: 77.7 %)
COVERAGE_RANGE = (0.65, 0.95)  # measured 71.4 % of 280 channel-decisions; 82.4 % on all 120 held out


def _true_optimum(channel: simulate.TrueChannel, scenario: simulate.Scenario, today: float) -> float:
    """The profit-maximising spend of one channel, by brute force on a fine grid (independent of how
    the generator placed it)."""
    grid = np.linspace(0.0, 6 * today, 60_001)
    profit = scenario.margin * channel.gmv(grid) + scenario.follower_value * channel.followers(grid) - grid
    return float(grid[np.argmax(profit)])


def test_the_generator_covers_the_promised_ranges() -> None:
    tuning, held_out = set(simulate.TUNING_SEEDS), set(simulate.HELD_OUT_SEEDS)
    assert len(tuning) + len(held_out) >= 200 and not tuning & held_out
    scenarios = simulate.random_scenarios(list(simulate.TUNING_SEEDS) + list(simulate.HELD_OUT_SEEDS))
    sessions = [s.history_sessions for s in scenarios]
    assert 10 <= min(sessions) <= 12 and 115 <= max(sessions) <= 120
    assert {len(s.channels) for s in scenarios} == {1, 2, 3, 4}
    assert all(0.1 <= s.noise <= 0.4 for s in scenarios)
    assert all(0.7 <= ch.shape <= 2.0 for s in scenarios for ch in s.channels)
    assert all(0.0 <= s.follower_value <= 10.0 for s in scenarios)
    assert max(s.follower_value for s in scenarios) > 9 and min(s.follower_value for s in scenarios) < 1
    assert {s.family for s in scenarios} == set(simulate.FAMILIES)
    assert all(abs(s.trend) > 0 and max(s.dow_factor) > min(s.dow_factor) for s in scenarios)
    ranges = {"under": (1.4, 3.0), "over": (0.3, 0.7), "near-optimum": (0.85, 1.15)}
    for s in scenarios[:60]:  # the brute-force optimum is the slow part
        ratios = [_true_optimum(ch, s, s.start_spend[ch.name]) / s.start_spend[ch.name] for ch in s.channels]
        assert all(0.3 * 0.99 <= r <= 3.0 * 1.01 for r in ratios), (s.name, ratios)
        if s.family in ranges:
            low, high = ranges[s.family]
            assert all(low * 0.99 <= r <= high * 1.01 for r in ratios), (s.name, s.family, ratios)
        if s.family == "reallocate":
            assert min(ratios) < 0.71 and max(ratios) > 1.39, ratios


def test_history_spend_varies_as_the_family_says() -> None:
    for seed in list(simulate.TUNING_SEEDS)[:36]:
        scenario = simulate.random_scenario(seed)
        history = simulate.generate_history(scenario)
        assert len(history) == scenario.history_sessions
        assert history.latest_spend() == scenario.start_spend
        log_spend = np.log(history.spend.to_numpy(dtype=float))
        spread = float(log_spend.std(axis=0).max())
        if scenario.family == "flat history":
            assert spread < 0.06, (seed, spread)
        else:
            assert spread > 0.05, (seed, spread)


@pytest.fixture(scope="module")
def fixed_runs():
    return advisor_suite.run_suite(FIXED, ("advisor", "hold"))


def test_fixed_held_out_accounts_keep_their_measured_shares(fixed_runs) -> None:
    frame = fixed_runs.set_index("seed")
    assert set(frame["family"]) == set(simulate.FAMILIES)
    for seed, floor in ADVISOR_FLOORS.items():
        assert frame.loc[seed, "advisor"] >= floor, (seed, frame.loc[seed, "advisor"])
    assert frame["advisor"].mean() >= MEAN_FLOOR
    assert frame["advisor"].mean() > frame["hold"].mean() + 0.02
    # A history whose spend never varied has no curve to read: the advisor holds, to the yuan.
    assert frame.loc[100001, "family"] == "flat history"
    assert frame.loc[100001, "advisor"] == pytest.approx(frame.loc[100001, "hold"], abs=1e-9)
    assert int(frame[[c for c in frame if c.endswith("_violations")]].to_numpy().sum()) == 0


def test_marginal_roi_interval_is_calibrated_on_the_fixed_accounts(fixed_runs) -> None:
    coverage = fixed_runs["covered"].sum() / fixed_runs["checked"].sum()
    assert fixed_runs["checked"].sum() >= 100
    assert COVERAGE_RANGE[0] <= coverage <= COVERAGE_RANGE[1], coverage


def test_the_least_squares_reference_finds_a_clean_curve_and_steps_to_it() -> None:
    """Nearly noise-free sessions (and an organic baseline that does not move) of a Michaelis–Menten channel (optimum ¥7,000 by construction,
    today ¥16,000): the plain fit steps down by the full 30 % and then settles at the optimum."""
    margin = 0.5 * 0.9
    channel = simulate.TrueChannel("xiaodiantong", (2 * 7_000) ** 2 / (margin * 7_000), 7_000, 1.0)
    scenario = simulate.Scenario(
        name="clean",
        channels=(channel,),
        start_spend={"xiaodiantong": 16_000},
        organic_gmv=30_000,
        noise=0.005,
        history_sessions=60,
        history_jitter=0.4,
        follower_value=0.0,
        promo_rate=0.0,
        dow_factor=(1.0,) * 7,
        duration_elasticity=0.0,  # the plain fit has no session-length term
        seed_offset=7,
    )
    run = simulate.play(scenario, least_squares_policy(), "least squares", seed=0, sessions=6)
    spend = run.spend["xiaodiantong"].to_list()
    assert spend[0] == pytest.approx(16_000 * 0.7, rel=1e-6)
    assert spend[-1] == pytest.approx(7_000, rel=0.05)
    assert run.violations == 0
