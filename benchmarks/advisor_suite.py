"""The advisor on randomised accounts it was not tuned on (issue 12), beside the reference policies.

Run: ``python -m benchmarks.advisor_suite`` (held-out seeds, markdown report), ``--tuning`` for the
tuning seeds, ``--limit N`` for the first N accounts, ``--policies advisor,hold`` for a subset,
``--workers N`` (default 1: the machine is shared).

Every account of :func:`liveroi.advisor.simulate.random_scenario` plays :data:`SESSIONS` sessions
from its history under each policy, with the same session noise for every policy (common random
numbers); a policy's score is its incremental profit under the true curves as a share of the
oracle's (same step limit and budget cap). The advisor runs through
:func:`liveroi.advisor.recommend` — the function ``recommend --json`` calls after loading the
history. Also recorded per advisor decision and fitted channel: whether the 80 % interval of the
marginal ROI at the current spend (``Recommendation.marginal_roi_interval``) covers the true one
(calibration; target 70–90 %), and the seconds per decision.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd

from benchmarks.reference_policies import least_squares_policy
from liveroi.advisor import recommend, simulate
from liveroi.advisor.data import History
from liveroi.advisor.simulate import Scenario
from liveroi.settings import AccountSettings

SESSIONS = 20
POLICIES: tuple[str, ...] = ("advisor", "hold", "rule", "least_squares", "told_shape")
LABELS = {
    "advisor": "advisor",
    "hold": "hold spend",
    "rule": "±20 % rule",
    "least_squares": "plain least-squares Hill fit",
    "told_shape": "learner told the true shapes",
}


class _RecordingAdvisor:
    """The advisor as a policy, recording calibration hits and seconds per decision."""

    def __init__(self, scenario: Scenario) -> None:
        self.truth = {ch.name: ch for ch in scenario.channels}
        self.hits = 0
        self.checked = 0
        self.seconds: list[float] = []

    def __call__(self, history: History, settings: AccountSettings) -> dict[str, float]:
        started = time.perf_counter()
        rec = recommend(history, settings)
        self.seconds.append(time.perf_counter() - started)
        for channel, (low, high) in rec.marginal_roi_interval.items():
            now = rec.current[channel]
            if low is None or high is None or now <= 0:
                continue
            ch = self.truth[channel]
            true = ch.gmv_top * simulate.hill_slope(now, ch.half, ch.shape)
            self.checked += 1
            self.hits += int(low <= true <= high)
        return rec.suggested


def _policy(name: str, scenario: Scenario) -> Callable[[History, AccountSettings], dict[str, float]]:
    if name == "hold":
        return simulate.hold_policy
    if name == "rule":
        return simulate.rule_policy
    if name == "least_squares":
        return least_squares_policy()
    if name == "told_shape":
        return simulate.known_shape_policy(scenario)
    raise ValueError(name)


def run_account(seed: int, policies: Sequence[str] = POLICIES) -> dict[str, object]:
    """One account: every policy's share of the oracle, violations, and the advisor's calibration."""
    scenario = simulate.random_scenario(seed)
    oracle = simulate.play(scenario, simulate.oracle_policy(scenario), "oracle", 0, SESSIONS)
    row: dict[str, object] = {
        "seed": seed,
        "family": scenario.family,
        "channels": len(scenario.channels),
        "history": scenario.history_sessions,
        "noise": scenario.noise,
        "oracle_profit": oracle.incremental_profit,
    }
    for name in policies:
        recorder = _RecordingAdvisor(scenario) if name == "advisor" else None
        run = simulate.play(scenario, recorder or _policy(name, scenario), name, 0, SESSIONS)
        row[name] = run.incremental_profit / oracle.incremental_profit
        row[f"{name}_violations"] = run.violations
        if recorder is not None:
            row["covered"] = recorder.hits
            row["checked"] = recorder.checked
            row["seconds_per_decision"] = float(np.mean(recorder.seconds))
    return row


def run_suite(seeds: Sequence[int], policies: Sequence[str] = POLICIES, workers: int = 1) -> pd.DataFrame:
    """One row per account (see :func:`run_account`)."""
    if workers <= 1:
        rows = [run_account(seed, policies) for seed in seeds]
    else:
        with ProcessPoolExecutor(workers) as pool:
            rows = list(pool.map(run_account, seeds, [policies] * len(seeds)))
    return pd.DataFrame(rows)


def table(frame: pd.DataFrame, policies: Sequence[str] | None = None) -> str:
    """Markdown: per family and overall, each policy's mean share of the oracle; overall also the
    10th percentile, the worst account, step-limit violations and the advisor's calibration."""
    policies = [p for p in (policies or POLICIES) if p in frame]
    head = "| family | accounts | " + " | ".join(LABELS[p] for p in policies) + " |"
    lines = [head, "|---|---|" + "---|" * len(policies)]
    for family in [*simulate.FAMILIES, None]:
        part = frame if family is None else frame[frame["family"] == family]
        if part.empty:
            continue
        label = "**all (mean)**" if family is None else family
        cells = " | ".join(f"{part[p].mean():.1%}" for p in policies)
        lines.append(f"| {label} | {len(part)} | {cells} |")
    lines.append(
        "| 10th percentile | | " + " | ".join(f"{frame[p].quantile(0.1):.1%}" for p in policies) + " |"
    )
    lines.append("| worst account | | " + " | ".join(f"{frame[p].min():.1%}" for p in policies) + " |")
    lines.append(
        "| step-limit / cap violations | | "
        + " | ".join(str(int(frame[f"{p}_violations"].sum())) for p in policies)
        + " |"
    )
    text = "\n".join(lines)
    if "checked" in frame and frame["checked"].sum() > 0:
        coverage = frame["covered"].sum() / frame["checked"].sum()
        text += (
            f"\n\nCalibration: the advisor's 80 % interval of the marginal ROI covered the true value in "
            f"{coverage:.1%} of {int(frame['checked'].sum()):,} channel-decisions (target 70–90 %). "
            f"Seconds per decision: mean {frame['seconds_per_decision'].mean() * 1000:.0f} ms."
        )
    return text


def main(argv: Sequence[str] | None = None) -> None:
    """The command line (module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tuning", action="store_true", help="the tuning seeds instead of the held-out ones")
    parser.add_argument("--limit", type=int, default=None, help="only the first N accounts")
    parser.add_argument("--policies", default=",".join(POLICIES))
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--csv", default=None, help="also write the per-account rows here")
    args = parser.parse_args(argv)
    seeds = list(simulate.TUNING_SEEDS if args.tuning else simulate.HELD_OUT_SEEDS)[: args.limit]
    policies = [p for p in args.policies.split(",") if p]
    started = time.perf_counter()
    frame = run_suite(seeds, policies, args.workers)
    if args.csv:
        frame.to_csv(args.csv, index=False)
    which = "tuning" if args.tuning else "held-out"
    print(
        f"### {len(seeds)} {which} accounts, {SESSIONS} sessions each ({time.perf_counter() - started:.0f} s)\n"
    )
    print(table(frame, policies))


if __name__ == "__main__":
    main()
