"""Spend advisor benchmark: decision quality against the oracle, and fit + recommend timings.

Run: ``python -m benchmarks.advisor_bench`` (prints a markdown report; :func:`run` returns it).
Quality: the five hand-made cases of issue 4 (regression checks since issue 12; the advisor is judged
on random held-out accounts by ``benchmarks/advisor_suite.py``) —
every scenario of :func:`liveroi.advisor.simulate.scenarios` over :data:`SEEDS` seeds, 20 sessions
each, advisor / hold / ±20 % rule as a share of the oracle's incremental profit, and the
:func:`liveroi.advisor.simulate.known_shape_policy` reference (a learner told the true curve shapes and the
true organic structure, learning only the scales): what the session noise alone costs.
Speed: one account with 1,000 and 2,000 sessions (median of 5 runs, fit + decision + reason), and
:data:`POOL_ACCOUNTS` accounts × 2,000 sessions through a 2-process pool, extrapolated to 500.
"""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from liveroi.advisor import History, recommend, simulate
from liveroi.settings import AccountSettings

SEEDS = range(5)
POOL_ACCOUNTS = 50
WORKERS = 2


def quality_table() -> str:
    """Markdown table: per case, mean share of the oracle's incremental profit over the seeds."""
    lines = [
        "| case | advisor | worst seed | hold | ±20 % rule | known-shape learner (reference) "
        "| oracle profit (¥, 20 sessions) | step-limit violations | step sd advisor / oracle |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    advisor_means, reference_means = [], []
    for scenario in simulate.scenarios():
        results = [simulate.evaluate(scenario, seed) for seed in SEEDS]
        reference = [
            simulate.play(
                scenario, simulate.known_shape_policy(scenario), "known shape", seed
            ).incremental_profit
            / r.oracle_profit
            for seed, r in zip(SEEDS, results, strict=True)
        ]
        advisor = [r.advisor_share for r in results]
        advisor_means.append(np.mean(advisor))
        reference_means.append(np.mean(reference))
        lines.append(
            f"| {scenario.name} | {np.mean(advisor):.1%} | {min(advisor):.1%} "
            f"| {np.mean([r.hold_share for r in results]):.1%} | {np.mean([r.rule_share for r in results]):.1%} "
            f"| {np.mean(reference):.1%} (worst {min(reference):.1%}) "
            f"| {np.mean([r.oracle_profit for r in results]):,.0f} | {sum(r.advisor_violations for r in results)} "
            f"| {np.mean([r.advisor_step_sd for r in results]):.3f} / {np.mean([r.oracle_step_sd for r in results]):.3f} |"
        )
    lines.append(
        f"| **mean** | **{np.mean(advisor_means):.1%}** | | | | {np.mean(reference_means):.1%} | | | |"
    )
    return "\n".join(lines)


FOLLOWER_SEEDS = range(5, 15)  # held out: the family's cases were shaped on seeds 0–4
# the seeds the advisor's settings were chosen on for this family (issue 13): never FOLLOWER_SEEDS
FOLLOWER_TUNING_SEEDS: tuple[int, ...] = (*range(5), *range(15, 35))


def follower_table() -> str:
    """Markdown table: the follower carry-over family (:func:`liveroi.advisor.simulate.follower_scenarios`)
    on held-out seeds, each new follower scored at its true lifetime margin; the advisor is not told
    that value and measures it (:func:`liveroi.economics.follower_value`), with its interval's coverage."""
    from liveroi.economics import follower_value

    lines = [
        "| case | advisor | worst seed | hold | ±20 % rule | true follower value | measured (mean) "
        "| interval covers the truth |",
        "|---|---|---|---|---|---|---|---|",
    ]
    means = []
    for scenario in simulate.follower_scenarios():
        results = [simulate.evaluate(scenario, seed) for seed in FOLLOWER_SEEDS]
        measured = [
            follower_value(h.sessions, scenario.gross_margin, scenario.refund_rate, spend=h.spend)
            for h in (simulate.generate_history(scenario, seed) for seed in FOLLOWER_SEEDS)
        ]
        covered = np.mean([m.low <= scenario.follower_credit <= m.high for m in measured])
        advisor = [r.advisor_share for r in results]
        means.append(np.mean(advisor))
        lines.append(
            f"| {scenario.name} | {np.mean(advisor):.1%} | {min(advisor):.1%} "
            f"| {np.mean([r.hold_share for r in results]):.1%} | {np.mean([r.rule_share for r in results]):.1%} "
            f"| ¥{scenario.follower_credit:.2f} | ¥{np.mean([m.value for m in measured]):.2f} | {covered:.0%} |"
        )
    lines.append(f"| **mean** | **{np.mean(means):.1%}** | | | | | | |")
    return "\n".join(lines)


def _account(sessions: int, seed: int) -> History:
    scenario = simulate.scenarios()[2]  # two channels
    return simulate.generate_history(scenario, seed=seed, sessions=sessions)


def _one(args: tuple[int, int]) -> float:
    sessions, seed = args
    history = _account(sessions, seed)
    started = time.perf_counter()
    recommend(history, AccountSettings(account=history.account, follower_value=3.0))
    return time.perf_counter() - started


def timing_table() -> str:
    """Markdown table of fit + recommend times."""
    lines = ["| workload | time |", "|---|---|"]
    for sessions in (1_000, 2_000):
        history = _account(sessions, 0)
        settings = AccountSettings(account=history.account, follower_value=3.0)
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            recommend(history, settings)
            runs.append(time.perf_counter() - started)
        lines.append(
            f"| 1 account × {sessions:,} sessions, 2 channels (median of 5) | {statistics.median(runs) * 1000:.0f} ms |"
        )
    started = time.perf_counter()
    with ProcessPoolExecutor(WORKERS) as pool:
        per_account = list(pool.map(_one, [(2_000, seed) for seed in range(POOL_ACCOUNTS)]))
    wall = time.perf_counter() - started
    lines.append(
        f"| {POOL_ACCOUNTS} accounts × 2,000 sessions, {WORKERS} processes (wall, incl. generating the data) "
        f"| {wall:.1f} s (fit+recommend {statistics.median(per_account) * 1000:.0f} ms/account median) |"
    )
    lines.append(
        f"| 500 accounts × 2,000 sessions, extrapolated ×{500 // POOL_ACCOUNTS} | ≈ {wall * 500 / POOL_ACCOUNTS:.0f} s |"
    )
    return "\n".join(lines)


def run() -> str:
    """The whole report as markdown."""
    return "\n\n".join(
        [
            "### Spend advisor: share of the oracle's incremental profit (20 sessions, seeds 0–4)",
            quality_table(),
            "### Spend advisor: followers as an asset (carry-over family, held-out seeds 5–14)",
            follower_table(),
            "### Spend advisor: speed",
            timing_table(),
        ]
    )


if __name__ == "__main__":
    print(run())
