"""Named alternatives of the brand allocation, rerunnable on the brand family's seeds
(``docs/advisor-notes.md``, "The brand budget").

Run: ``python -m benchmarks.brand_variants NAME [NAME …] [--held-out] [--seeds 0-4]
[--budgets 1.0,0.8]`` — each variant patches module constants of :mod:`liveroi.advisor.brand` (or of
:mod:`liveroi.advisor.model`) for the run and plays
:func:`liveroi.advisor.brand_simulate.brand_advisor_policy` on the family at each budget, scored against the brand oracle (computed once per seed and budget, shared by the variants). The
default seeds are the tuning seeds (:data:`liveroi.advisor.brand_simulate.TUNING_SEEDS`);
``--held-out`` plays the held-out ones, only for reporting a decision already made.
``python -m benchmarks.brand_variants --list`` lists the names.
"""

from __future__ import annotations

import argparse
import statistics
import time

from benchmarks import variants
from liveroi.advisor import brand
from liveroi.advisor.brand_simulate import (
    HELD_OUT_SEEDS,
    TUNING_SEEDS,
    brand_advisor_policy,
    brand_family,
    brand_oracle,
    play_brand,
    scaled_advice_policy,
)

# name → {(module, constant): value} (benchmarks/variants.py), relative to the allocation as shipped
# ("current")
VARIANTS: dict[str, variants.Overrides] = {
    "current": {},
    "test_share_0": {(brand, "TEST_SHARE"): 0.0},
    "test_share_5": {(brand, "TEST_SHARE"): 0.05},
    "test_share_15": {(brand, "TEST_SHARE"): 0.15},
    "test_share_20": {(brand, "TEST_SHARE"): 0.20},
    "test_share_30": {(brand, "TEST_SHARE"): 0.30},
    # a measuring account with a curve: the larger of its share and its own advice, or its own advice
    # (shipped since the tuning round: the smaller of its share and its own advice)
    "measuring_share": {(brand, "MEASURING_FLOOR"): "share"},  # the rule before: its share alone
    "measuring_share_or_advice": {(brand, "MEASURING_FLOOR"): "share_or_advice"},
    "measuring_advice": {(brand, "MEASURING_FLOOR"): "advice"},
    # the advisor's caution beyond the tried range, per channel (liveroi.advisor.brand._increment_gains)
    "caution_05": {(brand, "CAUTION"): 0.5},
    "caution_1": {(brand, "CAUTION"): 1.0},
    # a measured account never cut below the smaller of its own advice and its latest spend (not shipped)
    "cut_floor_advice": {(brand, "CUT_FLOOR"): "advice"},
    # the benefit of the doubt (shipped: z = 0.3): a yuan counted at mean + z·sd of its profit
    "no_doubt": {(brand, "OPTIMISM"): 0.0},  # the rule before: the posterior mean alone
    "optimism_02": {(brand, "OPTIMISM"): 0.2},
    "optimism_05": {(brand, "OPTIMISM"): 0.5},
    "optimism_1": {(brand, "OPTIMISM"): 1.0},
    # z for the accounts still being measured apart (they have the test allowance): measured, session 8
    "z05_measuring03": {(brand, "OPTIMISM"): 0.5, (brand, "OPTIMISM_MEASURING"): 0.3},
    "z05_measuring0": {(brand, "OPTIMISM"): 0.5, (brand, "OPTIMISM_MEASURING"): 0.0},
    "z07_measuring03": {(brand, "OPTIMISM"): 0.7, (brand, "OPTIMISM_MEASURING"): 0.3},
    "z03_measuring0": {(brand, "OPTIMISM"): 0.3, (brand, "OPTIMISM_MEASURING"): 0.0},
    "doubt_orders_only": {(brand, "DOUBT_SPENDS"): False},  # ... but a yuan expected to lose money is never spent
    # the per-account fits' slope prior (liveroi.advisor.model; session 9: the starved channels sit below
    # their optimum), shared with the advisor's runner
    **variants.PRIOR_VARIANTS,
}


def parse_seeds(text: str) -> list[int]:
    """``0-4`` or ``5,6,7`` or ``0-4,100-139``."""
    seeds: list[int] = []
    for part in text.split(","):
        if "-" in part:
            first, last = (int(x) for x in part.split("-"))
            seeds.extend(range(first, last + 1))
        elif part:
            seeds.append(int(part))
    return seeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--held-out", action="store_true", help="the held-out seeds (reporting only)")
    parser.add_argument("--seeds", default=None, help="seeds instead of the tuning set, e.g. 0-4,100-109")
    parser.add_argument("--budgets", default="1.0,0.8")
    parser.add_argument("--scaled", action="store_true", help="also each account's own advice, scaled")
    parser.add_argument(
        "--new-account-saturated", action="store_true", help="the family with its new account saturated"
    )
    args = parser.parse_args()
    if args.list or not args.names:
        print("\n".join(VARIANTS))
        return
    seeds = parse_seeds(args.seeds) if args.seeds else list(HELD_OUT_SEEDS if args.held_out else TUNING_SEEDS)
    factors = [float(x) for x in args.budgets.split(",")]
    which = "held-out" if args.held_out else "tuning" if not args.seeds else "chosen"
    if args.new_account_saturated:
        which += " (new account saturated)"
    print(f"{len(seeds)} {which} seeds; share of the brand oracle's incremental profit, 20 sessions\n")
    print("| variant | " + " | ".join(f"budget ×{f:g}" for f in factors) + " | over budget | step violations | s |")
    print("|---|" + "---|" * (len(factors) + 3))
    oracle: dict[tuple[float, int], float] = {}
    families = {f: brand_family(f, new_account_saturated=args.new_account_saturated) for f in factors}
    names = [*args.names, *(["scaled advice"] if args.scaled else [])]
    for name in names:
        started = time.perf_counter()
        means, over, violations = [], 0, 0
        for factor in factors:
            family = families[factor]
            shares = []
            for seed in seeds:
                if (factor, seed) not in oracle:
                    oracle[(factor, seed)] = play_brand(family, brand_oracle(family), "oracle", seed).incremental_profit
                if name == "scaled advice":
                    run = play_brand(family, scaled_advice_policy, name, seed)
                else:
                    with variants.patched(VARIANTS[name]):
                        run = play_brand(family, brand_advisor_policy, name, seed)
                shares.append(run.incremental_profit / oracle[(factor, seed)])
                over += run.over_budget
                violations += run.step_violations
            means.append(f"{statistics.mean(shares):.2%} (worst {min(shares):.1%})")
        elapsed = time.perf_counter() - started
        print(f"| {name} | " + " | ".join(means) + f" | {over} | {violations} | {elapsed:.0f} |", flush=True)


if __name__ == "__main__":
    main()
