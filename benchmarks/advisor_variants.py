"""Named alternatives of the advisor's settings, rerunnable on the suites (``docs/advisor-notes.md``).

Run: ``python -m benchmarks.advisor_variants NAME [NAME …] [--limit N] [--held-out] [--cases]
[--followers]`` — each variant patches module constants of :mod:`liveroi.advisor.model` /
:mod:`liveroi.advisor.decide` for the run and plays the advisor alone on
the tuning seeds of :func:`liveroi.advisor.simulate.random_scenario` (``--held-out``: the held-out
seeds, only for reporting a decision already made; ``--cases``: the five hand-made cases of issue 4,
seeds 0–4; ``--followers``: the follower carry-over family of issue 13 on its tuning seeds
:data:`benchmarks.advisor_bench.FOLLOWER_TUNING_SEEDS`, or with ``--held-out`` its held-out seeds 5–14).
``python -m benchmarks.advisor_variants --list`` lists the names.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

import numpy as np
import pandas as pd

from benchmarks import advisor_bench, advisor_suite, variants
from liveroi.advisor import decide, model, simulate

# name → {(module, constant): value} (benchmarks/variants.py), relative to the advisor as shipped ("current").
VARIANTS: dict[str, variants.Overrides] = {
    "current": {},
    "tried_recent_1": {(model, "TRIED_RECENT"): 1},
    "tried_recent_2": {(model, "TRIED_RECENT"): 2},
    "tried_recent_3": {(model, "TRIED_RECENT"): 3},
    "spike_02_w05": {(model, "SPIKE_SD_FACTOR"): 0.2, (model, "SPIKE_WEIGHT"): 0.5},
    "spike_02_w03": {(model, "SPIKE_SD_FACTOR"): 0.2, (model, "SPIKE_WEIGHT"): 0.3},
    "spike_01_w05": {(model, "SPIKE_SD_FACTOR"): 0.1, (model, "SPIKE_WEIGHT"): 0.5},
    "spike_04_w05": {(model, "SPIKE_SD_FACTOR"): 0.4, (model, "SPIKE_WEIGHT"): 0.5},
    # the advisor before issue 12: truncated posterior, κ = 1 everywhere, prior sd 2 × break-even
    "issue4": {
        (model, "NON_NEGATIVE"): True,
        (decide, "CAUTION_INSIDE"): 1.0,
        (model, "PRIOR_SD_FACTOR"): 2.0,
    },
    "issue4_inside_0": {(model, "NON_NEGATIVE"): True, (model, "PRIOR_SD_FACTOR"): 2.0},
    "issue4_risk_neutral": {
        (model, "NON_NEGATIVE"): True,
        (model, "PRIOR_SD_FACTOR"): 2.0,
        (decide, "CAUTION"): 0.0,
    },
    "issue4_untruncated": {(decide, "CAUTION_INSIDE"): 1.0, (model, "PRIOR_SD_FACTOR"): 2.0},
    "truncated": {(model, "NON_NEGATIVE"): True},
    "caution_inside_1": {(decide, "CAUTION_INSIDE"): 1.0},
    "caution_inside_05": {(decide, "CAUTION_INSIDE"): 0.5},
    "risk_neutral": {(decide, "CAUTION"): 0.0},
    "caution_outside_05": {(decide, "CAUTION"): 0.5},
    "caution_outside_2": {(decide, "CAUTION"): 2.0},
    "ramp_30": {(decide, "EXTRAPOLATION_RAMP"): 0.3},
    "prior_sd_2_risk_neutral": {(model, "PRIOR_SD_FACTOR"): 2.0, (decide, "CAUTION"): 0.0},
    **variants.PRIOR_VARIANTS,  # the slope prior's sd and anchor, shared with the brand runner
    "follower_sd_05": {(model, "FOLLOWER_PRIOR_SD_FACTOR"): 0.5},
    "shapes_1_2": {(model, "SHAPE_GRID"): (1.0, 2.0)},
    "tried_10_90": {(model, "TRIED_RANGE"): (0.1, 0.9)},
    "tried_minmax": {(model, "TRIED_RANGE"): (0.0, 1.0)},
    # issue 13 (follower carry-over family)
    "stock_control": {(model, "STOCK_CONTROL"): True},
    "fans_whole": {(model, "FANS_APART"): False},  # followers' GMV left in the curves (before session 6)
    "fans_trend_01": {  # the trend's prior sd 0.1 instead of 0.3 per 90 days
        (model, "_CONTROL_PRIOR_SD"): np.where(
            np.arange(len(model._CONTROL_PRIOR_SD)) == model._CONTROL_NAMES.index("trend"), 0.1, model._CONTROL_PRIOR_SD
        ),
    },
    "follower_prior_account": {(model, "FOLLOWER_SCALE"): "account"},  # the advisor before issue 13
    "follower_prior_account_sd_4": {
        (model, "FOLLOWER_SCALE"): "account",
        (model, "FOLLOWER_PRIOR_SD_FACTOR"): 4.0,
    },
    "follower_prior_channel": {(model, "FOLLOWER_SCALE"): "channel"},
    "follower_prior_channel_sd_1": {
        (model, "FOLLOWER_SCALE"): "channel",
        (model, "FOLLOWER_PRIOR_SD_FACTOR"): 1.0,
    },
    "saturation_to_8": {(model, "SATURATION_GRID"): (0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)},
    "follower_prior_channel_sd_4": {
        (model, "FOLLOWER_SCALE"): "channel",
        (model, "FOLLOWER_PRIOR_SD_FACTOR"): 4.0,
    },
}


def run_variant(name: str, seeds: Sequence[int]) -> pd.DataFrame:
    """The advisor alone under variant ``name`` on the random accounts of ``seeds``."""
    with variants.patched(VARIANTS[name]):
        return advisor_suite.run_suite(seeds, ("advisor",))


def run_cases(name: str, seeds: Sequence[int] = range(5)) -> dict[str, float]:
    """Mean share of the oracle per hand-made case of issue 4 under variant ``name``."""
    with variants.patched(VARIANTS[name]):
        return {
            s.name: float(np.mean([simulate.evaluate(s, seed).advisor_share for seed in seeds]))
            for s in simulate.scenarios()
        }


def run_followers(
    name: str, seeds: Sequence[int] = advisor_bench.FOLLOWER_TUNING_SEEDS
) -> dict[str, list[float]]:
    """Per case of the follower carry-over family, the advisor's share of the oracle in each seed
    under variant ``name`` (each new follower scored at its true lifetime margin)."""
    out: dict[str, list[float]] = {}
    with variants.patched(VARIANTS[name]):
        for scenario in simulate.follower_scenarios():
            oracle = simulate.oracle_policy(scenario)
            out[scenario.name] = [
                simulate.play(scenario, simulate.advisor_policy, "advisor", seed).incremental_profit
                / simulate.play(scenario, oracle, "oracle", seed).incremental_profit
                for seed in seeds
            ]
    return out


def summary(frame: pd.DataFrame) -> str:
    """One line: mean, 10th percentile, worst, per-family means, coverage, violations."""
    fam = " ".join(f"{f[:5]} {frame.loc[frame.family == f, 'advisor'].mean():.3f}" for f in simulate.FAMILIES)
    coverage = frame["covered"].sum() / max(frame["checked"].sum(), 1)
    return (
        f"mean {frame.advisor.mean():.3f} p10 {frame.advisor.quantile(0.1):.3f} min {frame.advisor.min():.3f} | "
        f"{fam} | coverage {coverage:.3f} | violations {int(frame.advisor_violations.sum())}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    """The command line (module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--held-out", action="store_true")
    parser.add_argument("--cases", action="store_true")
    parser.add_argument("--followers", action="store_true")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    if args.list or not args.names:
        print("\n".join(VARIANTS))
        return
    seeds = list(simulate.HELD_OUT_SEEDS if args.held_out else simulate.TUNING_SEEDS)[: args.limit]
    for name in args.names:
        started = time.perf_counter()
        if args.followers:
            seeds_f = advisor_bench.FOLLOWER_SEEDS if args.held_out else advisor_bench.FOLLOWER_TUNING_SEEDS
            shares = run_followers(name, seeds_f)
            means = {k: float(np.mean(v)) for k, v in shares.items()}
            text = (
                " | ".join(f"{k}: {means[k]:.3f} (worst {min(v):.3f})" for k, v in shares.items())
                + f" | mean {np.mean(list(means.values())):.4f}"
            )
        elif args.cases:
            shares = run_cases(name)
            text = (
                " ".join(f"{k}: {v:.3f}" for k, v in shares.items())
                + f" | mean {np.mean(list(shares.values())):.3f}"
            )
        else:
            text = summary(run_variant(name, seeds))
        print(f"{name:>22}: {text} ({time.perf_counter() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
