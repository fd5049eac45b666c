"""The brand budget on the simulator's brand family (liveroi.advisor.brand_simulate), on held-out seeds.

The tuning seeds (0–4, 100–139: brand_simulate.TUNING_SEEDS) chose the allocation's rules; the seeds
here, 10–12, are among the held-out ones, only reported (README, "One brand budget"). What is asserted: the budget is never exceeded when the step limits can reach it, no
step-limit violation, far ahead of holding spend, and regression floors a little under the measured
shares of the oracle's incremental profit — for the allocation and for its lead over each account's
own advice scaled to the budget. The oracle itself is checked against the single-account oracle and
against the true curves' derivatives.
"""

from __future__ import annotations

import numpy as np
import pytest

from liveroi.advisor import simulate
from liveroi.advisor.brand_simulate import (
    brand_family,
    brand_hold_policy,
    brand_oracle,
    evaluate_brand,
    play_brand,
)

SEEDS = (10, 11, 12)
# measured on SEEDS (budget = the latest sessions' total, ¥70,000; python -m benchmarks.brand_bench), with
# the benefit of the doubt (brand.OPTIMISM = 0.3): 92.2, 85.1, 85.3 % of the oracle (mean 87.5 %); scaled
# advice 88.5, 84.0, 87.8 % (lead 0.8 points). Before it: 92.9, 91.2, 87.3 % (lead 3.9) — over all 40
# held-out seeds the doubt raised the mean from 88.1 to 89.3 % and the lead from 0.1 to 1.4 points
# (README): these three are not the average either way.
MEAN_FLOOR = 0.865
WORST_FLOOR = 0.84
LEAD_FLOOR = 0.003  # mean(brand − scaled advice)


@pytest.fixture(scope="module")
def results():
    family = brand_family()
    return [evaluate_brand(family, seed) for seed in SEEDS]


def test_never_over_budget_and_never_past_a_step_limit(results) -> None:
    for r in results:
        assert r.brand_over_budget == 0
        assert r.brand_step_violations == 0


def test_share_of_the_oracle_and_lead_over_scaled_advice(results) -> None:
    brand = np.array([r.brand_share for r in results])
    scaled = np.array([r.scaled_share for r in results])
    hold = np.array([r.hold_share for r in results])
    assert brand.mean() >= MEAN_FLOOR
    assert brand.min() >= WORST_FLOOR
    assert (brand - scaled).mean() >= LEAD_FLOOR
    assert (brand > hold + 0.2).all()


def _true_marginal_profit(scenario: simulate.Scenario, channel: str, spend: float) -> float:
    """d/ds of margin × gmv + value × followers − s, by hand from the Hill curves."""
    ch = next(c for c in scenario.channels if c.name == channel)
    n, h = ch.shape, ch.half
    d_gmv = ch.gmv_top * n * spend ** (n - 1) * h**n / (spend**n + h**n) ** 2
    fh = ch.followers_half or ch.half
    d_followers = ch.followers_top * fh / (spend + fh) ** 2
    return scenario.margin * d_gmv + scenario.follower_value * d_followers - 1.0


def test_oracle_equals_the_single_account_oracles_when_the_budget_is_loose() -> None:
    family = brand_family(budget_factor=10.0)
    histories = {a.name: simulate.generate_history(a, 0) for a in family.accounts}
    settings = {a.name: a.settings() for a in family.accounts}
    split = brand_oracle(family)(histories, settings, family.budget)
    for a in family.accounts:
        alone = simulate.oracle_policy(a)(histories[a.name], settings[a.name])
        assert split[a.name] == pytest.approx(alone, rel=1e-9)


def test_oracle_equalises_true_marginal_profit_when_the_budget_binds() -> None:
    family = brand_family(budget_factor=0.85)
    histories = {a.name: simulate.generate_history(a, 0) for a in family.accounts}
    settings = {a.name: a.settings() for a in family.accounts}
    split = brand_oracle(family)(histories, settings, family.budget)
    assert sum(sum(v.values()) for v in split.values()) <= family.budget + 1e-6
    levels, at_bounds = [], []
    for a in family.accounts:
        for ch in a.channels:
            now, s = a.start_spend[ch.name], split[a.name][ch.name]
            mp = _true_marginal_profit(a, ch.name, s)
            if now * 0.71 < s < now * 1.29:
                levels.append(mp)
            else:
                at_bounds.append((s > now, mp))
    assert levels and max(levels) - min(levels) < 0.01  # one water level
    assert len(at_bounds) >= 3  # the others pinned by their step limits, as KKT allows
    for raised, mp in at_bounds:  # a channel at its top still earns more, one at its floor less
        assert mp >= min(levels) - 0.01 if raised else mp <= max(levels) + 0.01
    hold = play_brand(family, brand_hold_policy, "hold", 0)
    oracle = play_brand(family, brand_oracle(family), "oracle", 0)
    assert oracle.incremental_profit > hold.incremental_profit
    assert oracle.over_budget == 0 and oracle.step_violations == 0
