"""Brand budget benchmark: decision quality on the simulator's brand family, and the speed of one brand
budget over 500 accounts.

Run: ``python -m benchmarks.brand_bench [--accounts 500] [--days 180] [--tuning | --seeds 0-4,100-109]
[--budgets 1.0,0.8] [--skip-quality] [--skip-speed]`` (prints a markdown report). The quality table is
on the held-out seeds (:data:`liveroi.advisor.brand_simulate.HELD_OUT_SEEDS`) unless ``--tuning`` (the
seeds every change was chosen on) or ``--seeds`` says otherwise; ``python -m benchmarks.brand_variants``
plays the named alternatives.

Quality: :func:`liveroi.advisor.brand_simulate.evaluate_brand` on each seed — the brand allocation,
each account's own advice scaled to the budget, and holding spend, as shares of the brand oracle's
incremental profit over 20 sessions, with sessions over budget and step-limit violations — for the
family at its budget (the latest sessions' total) and at 80 % of it.

Speed: a DuckDB file of the sample brand generator with ``--accounts`` accounts over ``--days`` days
(built once, kept under ``benchmarks/data/``), then what ``python -m liveroi recommend --all-accounts
--brand-budget B --json`` does, timed end to end in one process: open the database, read every
history in one pass, fit every account over two worker processes
(:func:`liveroi.advisor.recommend_accounts`), allocate the budget
(:func:`liveroi.advisor.brand.allocate`), and build every JSON line (expected outcome at the allocated
spend, reason). One run: the figure is the wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import numpy as np

from liveroi import db, sample
from liveroi.advisor import recommend_accounts
from liveroi.advisor.brand import allocate, allocated_recommendation, brand_json
from liveroi.advisor.brand_simulate import (
    HELD_OUT_SEEDS,
    TUNING_SEEDS,
    brand_family,
    brand_known_shape_policy,
    evaluate_brand,
    play_brand,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
WORKERS = 2
CPU_SAMPLE = 50
BUDGET_FACTORS = (1.0, 0.8)  # the family's budget: its latest sessions' total × factor


def quality_table(seeds: list[int], factors: tuple[float, ...] = BUDGET_FACTORS) -> str:
    """Markdown: per budget, each seed's shares and the mean."""
    lines = [
        "| budget | seed | brand allocation | own advice scaled | hold | learner told the shapes "
        "| over budget | step violations |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for factor in factors:
        family = brand_family(factor)
        results = [evaluate_brand(family, seed) for seed in seeds]
        reference = [
            play_brand(family, brand_known_shape_policy(family), "known shape", seed).incremental_profit
            / r.oracle_profit
            for seed, r in zip(seeds, results, strict=True)
        ]
        for r, ref in zip(results, reference, strict=True):
            lines.append(
                f"| ¥{family.budget:,.0f} | {r.seed} | {r.brand_share:.1%} | {r.scaled_share:.1%} "
                f"| {r.hold_share:.1%} | {ref:.1%} | {r.brand_over_budget} | {r.brand_step_violations} |"
            )
        brand = [r.brand_share for r in results]
        scaled = [r.scaled_share for r in results]
        hold = [r.hold_share for r in results]
        lines.append(
            f"| ¥{family.budget:,.0f} | **mean** | **{statistics.mean(brand):.1%}** (worst {min(brand):.1%}) "
            f"| {statistics.mean(scaled):.1%} | {statistics.mean(hold):.1%} | {statistics.mean(reference):.1%} "
            f"| {sum(r.brand_over_budget for r in results)} | {sum(r.brand_step_violations for r in results)} |"
        )
    return "\n".join(lines)


def brand_database(accounts: int, days: int) -> Path:
    """The sample brand generator's ``accounts`` accounts over ``days`` days in a DuckDB file (built
    once per size)."""
    path = DATA_DIR / f"brand_{accounts}x{days}" / "brand.duckdb"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        with db.connection(partial) as con:
            sample.write_to_db(
                con, sample.generate_brand(n_accounts=accounts, days=days, with_ad_report=False)
            )
        partial.rename(path)
    return path


def fit_cpu_per_account(path: Path, sample_size: int = CPU_SAMPLE) -> float:
    """CPU seconds of one account's fit + decision (``recommend``), from the first ``sample_size``
    accounts fitted serially in this process — a figure other processes on the machine cannot inflate
    (wall time on a shared 2-core machine can be several times the work)."""
    from liveroi.advisor import load_inputs, recommend

    with db.connection(path, read_only=True) as con:
        jobs = load_inputs(con)[:sample_size]
    started = time.process_time()
    for history, settings in jobs:
        recommend(history, settings)
    return (time.process_time() - started) / max(len(jobs), 1)


def speed(path: Path) -> dict[str, float | int]:
    """One end-to-end run of the brand budget over every account of ``path``."""
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with db.connection(path, read_only=True) as con:
        recs = recommend_accounts(con, workers=WORKERS)  # reads everything before it returns
    loaded = time.perf_counter()
    recs = list(recs)
    fitted = time.perf_counter()
    budget = round(0.9 * sum(r.current_total for r in recs))
    cpu_started = time.process_time()
    brand = allocate(recs, budget)
    allocated = time.perf_counter()
    cpu_allocated = time.process_time()
    lines = [
        json.dumps(brand_json(allocated_recommendation(r, brand), brand), ensure_ascii=False) for r in recs
    ]
    done = time.perf_counter()
    cpu_done = time.process_time()
    channels = sum(len(r.channels) for r in recs)
    sessions = sum(r.sessions_used for r in recs)
    total = sum(json.loads(line)["suggested"]["total"] for line in lines)
    assert total <= budget or brand.below_floors
    cpu = fit_cpu_per_account(path)
    return {
        "load_average": load_before,
        "fit_cpu_per_account_s": cpu,
        "allocate_cpu_s": cpu_allocated - cpu_started,
        "lines_cpu_s": cpu_done - cpu_allocated,
        "cpu_bound_s": (loaded - started) + len(recs) * cpu / WORKERS + (cpu_done - cpu_started),
        "accounts": len(recs),
        "channels": channels,
        "sessions": sessions,
        "budget": budget,
        "allocated": float(np.round(total, 2)),
        "wall_s": done - started,
        "load_s": loaded - started,
        "fit_s": fitted - loaded,
        "allocate_s": allocated - fitted,
        "lines_s": done - allocated,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=500)
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--seeds", default=None, help="simulator seeds instead of the held-out set, e.g. 0-9,20")
    parser.add_argument("--tuning", action="store_true", help="the tuning seeds instead of the held-out set")
    parser.add_argument("--budgets", default="1.0,0.8", help="budget factors, e.g. 1.0,0.8")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    from benchmarks.brand_variants import parse_seeds

    if args.seeds:
        seeds, which = parse_seeds(args.seeds), "chosen seeds"
    elif args.tuning:
        seeds, which = list(TUNING_SEEDS), "tuning seeds"
    else:
        seeds, which = list(HELD_OUT_SEEDS), "held-out seeds"
    if not args.skip_speed:
        path = brand_database(args.accounts, args.days)
        figures = speed(path)
        print("## Brand budget speed\n")
        print(
            f"{figures['accounts']} accounts, {figures['channels']} channels, {figures['sessions']:,} sessions: "
            f"**{figures['wall_s']:.1f} s** end to end (load {figures['load_s']:.1f} s, fits "
            f"{figures['fit_s']:.1f} s on {WORKERS} workers, allocation {figures['allocate_s']:.2f} s, "
            f"JSON lines {figures['lines_s']:.2f} s); budget ¥{figures['budget']:,}, allocated "
            f"¥{figures['allocated']:,.0f}; load average at the start {figures['load_average']:.1f} on 2 cores. "
            f"CPU: allocation {figures['allocate_cpu_s']:.2f} s, JSON lines {figures['lines_cpu_s']:.2f} s, "
            f"one account's fit {figures['fit_cpu_per_account_s'] * 1000:.0f} ms (serial sample of "
            f"{CPU_SAMPLE}): on two otherwise idle cores the run would take "
            f"≈ {figures['cpu_bound_s']:.1f} s\n"
        )
    if not args.skip_quality:
        print(
            f"## Brand budget quality (share of the brand oracle's incremental profit, 20 sessions; "
            f"{len(seeds)} {which})\n"
        )
        print(quality_table(seeds, tuple(float(x) for x in args.budgets.split(","))))


if __name__ == "__main__":
    main()
