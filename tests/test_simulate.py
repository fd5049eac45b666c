"""Decision quality on the five hand-made cases of issue 4 §6, on the benchmark's fixed seeds 0–4.

These cases were the advisor's tuning set until issue 12; its settings are now chosen on the
randomised tuning accounts (``tests/test_advisor_suite.py``), and these cases stay as regression
checks. Issue 4's target — on average ≥ 95 % of the oracle's incremental profit, every case ≥ 85 %
— is NOT asserted, because the advisor does not reach it (85.8 % on average over seeds 0–4, worst
case 71.5 %; 88.0 % and 81.8 % with the settings tuned on these very cases), and on these cases a
learner told the true curve shapes does not reach it either
(:func:`test_known_shape_reference_misses_the_issue_floor_on_two_channels`).
What is asserted is what the advisor achieves, as regression floors a little under the measured
values, plus the parts of the target it does meet: never a step-limit violation, ahead of the ±20 %
rule in every case and seed, ahead of holding spend in every seed where the start is off the
optimum, and no thrash on the noisy account near its optimum.
"""

from __future__ import annotations

import numpy as np
import pytest

from liveroi.advisor import simulate

SEEDS = range(5)

# Per case: the mean share of the oracle's incremental profit over SEEDS the advisor must keep
# (measured: 92.9, 83.2, 71.5, 94.0, 87.4 %), and the floor for its worst seed.
CASE_FLOORS = {
    "overspending": 0.92,
    "underspending": 0.82,
    "saturated + starved": 0.70,
    "noisy near optimum": 0.93,
    "ten sessions": 0.86,
}
MEAN_FLOOR = 0.85  # measured 85.8 %
WORST_SEED_FLOOR = 0.55


@pytest.fixture(scope="module")
def results() -> dict[str, list[simulate.CaseResult]]:
    return {s.name: [simulate.evaluate(s, seed) for seed in SEEDS] for s in simulate.scenarios()}


def test_oracle_beats_simple_policies_and_respects_the_step_limit() -> None:
    scenario = simulate.scenarios()[0]
    oracle = simulate.play(scenario, simulate.oracle_policy(scenario), "oracle", 0)
    assert oracle.violations == 0
    # Overspending at ¥30,000 with the optimum at ¥10,000 (derivative of the true profit is zero at
    # 0.45·80000·20000/(s+20000)² + 3·3000·20000/(s+20000)² = 1 → s = 10,000): three 30 % cuts.
    assert oracle.spend["xiaodiantong"].iloc[:3].round().to_list() == [21_000, 14_700, 10_290]
    assert oracle.spend["xiaodiantong"].iloc[-1] == pytest.approx(10_000, rel=0.01)


def test_advisor_never_breaks_the_step_limit(results) -> None:
    violations = {name: sum(r.advisor_violations for r in runs) for name, runs in results.items()}
    assert violations == dict.fromkeys(results, 0)


def test_advisor_beats_the_rule_everywhere_and_hold_where_the_start_is_off(results) -> None:
    for name, runs in results.items():
        for seed, r in zip(SEEDS, runs, strict=True):
            assert r.advisor_share > r.rule_share, (name, seed)
            if name != "noisy near optimum":
                assert r.advisor_share > r.hold_share, (name, seed)
        if name != "noisy near optimum":
            advisor = np.mean([r.advisor_share for r in runs])
            assert advisor > np.mean([r.hold_share for r in runs]) + 0.2, name


def test_noisy_account_near_its_optimum_does_not_thrash(results) -> None:
    runs = results["noisy near optimum"]
    step_sd = [r.advisor_step_sd for r in runs]
    rule = simulate.play(simulate.scenarios()[3], simulate.rule_policy, "rule", 0)
    assert rule.step_sd > 0.15  # the ±20 % rule moves a fifth every session
    assert np.mean(step_sd) < 0.10, step_sd  # measured 0.087 (0.03–0.06 with κ = 1 inside the range)
    assert max(step_sd) < 0.15, step_sd
    # Holding keeps 99.3 % there by construction (10 % below a flat optimum); the advisor gives up
    # less than 8.5 points of it on average (measured 5.3).
    hold = np.mean([r.hold_share for r in runs])
    assert hold == pytest.approx(0.993, abs=0.001)
    assert np.mean([r.advisor_share for r in runs]) >= hold - 0.085


def test_floors_on_the_fixed_seeds(results) -> None:
    shares = {name: [r.advisor_share for r in runs] for name, runs in results.items()}
    means = {name: float(np.mean(s)) for name, s in shares.items()}
    for name, floor in CASE_FLOORS.items():
        assert means[name] >= floor, (name, means[name])
    assert min(min(s) for s in shares.values()) >= WORST_SEED_FLOOR, shares
    assert np.mean(list(means.values())) >= MEAN_FLOOR, means


def test_known_shape_reference_misses_the_issue_floor_on_two_channels() -> None:
    """A learner told both channels' true curve shapes and the organic structure, learning only the
    scales, still keeps under 85 % of the oracle on the saturated + starved case: the starved
    channel's history (¥3,000 ± 20 %) says too little about its slope against ±15 % session noise."""
    scenario = next(s for s in simulate.scenarios() if s.name == "saturated + starved")
    shares = []
    for seed in SEEDS:
        oracle = simulate.play(scenario, simulate.oracle_policy(scenario), "oracle", seed)
        reference = simulate.play(scenario, simulate.known_shape_policy(scenario), "known shape", seed)
        assert reference.violations == 0
        shares.append(reference.incremental_profit / oracle.incremental_profit)
    assert np.mean(shares) < 0.85, shares
    assert np.mean(shares) > 0.6, shares  # it is a real learner, not a broken one
