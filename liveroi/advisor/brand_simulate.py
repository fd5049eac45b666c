r"""A brand family for the simulator: several accounts of different curves sharing one budget.

Each account is a :class:`liveroi.advisor.simulate.Scenario` (its own true curves, history, noise and
economics); the brand spends at most ``B`` per session over all of them. A *brand policy* maps the
histories so far to the next session's spend of every account and channel. Played for
:data:`~liveroi.advisor.simulate.SESSIONS` sessions, it is scored like the single-account simulator:
the true incremental profit (above spending nothing), summed over the accounts and sessions, as a
share of the :func:`brand_oracle`'s — which knows every curve and obeys the same step limits and
budget (each session, the profit-maximising split within ±max_change of every channel's previous
spend: a dense grid per channel and bisection on the budget's shadow price). Also counted: sessions
whose total exceeds ``B`` although the step limits allowed reaching it (no tolerance: rounding
included) and step-limit violations (a channel
moved more than ``max_change`` from its previous spend, ¥1 tolerance, as in the single-account
simulator).

Policies compared: :func:`brand_advisor_policy` (:func:`liveroi.advisor.brand.allocate` over each
account's fit), :func:`scaled_advice_policy` (each account's own advice, scaled down to the budget
above the step floors when the advice adds up to more — what a brand without this layer does), and
:func:`brand_hold_policy` (repeat the latest spend).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from liveroi.advisor.data import History
from liveroi.advisor.simulate import (
    SESSIONS,
    Scenario,
    TrueChannel,
    _sessions,
    estimate_scales,
    generate_history,
)
from liveroi.settings import AccountSettings

# Seeds 0–4 chose the first rules (issue 14); 100–139 joined them to choose every later change. Seeds
# 5–14 (reported since the first rules) and 200–229 (never looked at before the figures of a decision
# were taken) are held out: only reported.
TUNING_SEEDS: tuple[int, ...] = (*range(5), *range(100, 140))
HELD_OUT_SEEDS: tuple[int, ...] = (*range(5, 15), *range(200, 230))

BrandPolicy = Callable[[dict[str, History], dict[str, AccountSettings], float], dict[str, dict[str, float]]]


@dataclass(frozen=True)
class BrandFamily:
    """A brand: its accounts and its budget per session."""

    name: str
    accounts: tuple[Scenario, ...]
    budget: float

    @property
    def start_total(self) -> float:
        """Total spend of the accounts' latest sessions."""
        return float(sum(sum(a.start_spend.values()) for a in self.accounts))


def brand_family(
    budget_factor: float = 1.0, starved_shape: float = 1.0, new_account_saturated: bool = False
) -> BrandFamily:
    """Five accounts (margin 50 %, refunds 10 %: break-even ROI 2.22; follower value ¥3) whose
    marginal returns differ: one starved (mROI 3.1 at ¥8,000), one saturated (0.64 at ¥30,000), one
    with a saturated and a starved channel, one near its optimum, and a new one with six sessions
    (mROI 3.1). The budget is the latest sessions' total × ``budget_factor``: the money has to move
    from the saturated accounts to the starved ones, not grow.

    ``new_account_saturated``: the new account's one channel saturated instead (mROI 1.1 at ¥6,000,
    optimum near ¥3,400) — the case where a test allowance spends money that better-measured accounts
    would earn more with; a check on the allowance's size, which the starved new account alone would
    push up."""
    accounts = (
        Scenario(
            name="starved",
            channels=(TrueChannel("jinniu", 150_000, 30_000, 1.0, 2_000),),
            start_spend={"jinniu": 8_000},
            organic_gmv=20_000,
            organic_followers=150,
            seed_offset=11,
        ),
        Scenario(
            name="saturated",
            channels=(TrueChannel("xiaodiantong", 80_000, 20_000, 1.0, 3_000),),
            start_spend={"xiaodiantong": 30_000},
            organic_gmv=40_000,
            organic_followers=300,
            seed_offset=12,
        ),
        Scenario(
            name="two channels",
            channels=(
                TrueChannel("xiaodiantong", 40_000, 5_000, 1.0, 1_000),
                TrueChannel("fentiao", 100_000, 20_000, starved_shape, 1_500),
            ),
            start_spend={"xiaodiantong": 10_000, "fentiao": 4_000},
            organic_gmv=25_000,
            organic_followers=200,
            seed_offset=13,
        ),
        Scenario(
            name="near optimum",
            channels=(TrueChannel("xiaodiantong", 80_000, 20_000, 1.0, 3_000),),
            start_spend={"xiaodiantong": 12_000},
            organic_gmv=40_000,
            organic_followers=300,
            noise=0.2,
            seed_offset=14,
        ),
        Scenario(
            name="new account",
            channels=(
                TrueChannel("jinniu", 30_000, 3_000, 1.0, 600)
                if new_account_saturated
                else TrueChannel("jinniu", 120_000, 25_000, 1.0, 2_500),
            ),
            start_spend={"jinniu": 6_000},
            organic_gmv=15_000,
            organic_followers=120,
            history_sessions=6,
            seed_offset=15,
        ),
    )
    family = BrandFamily("brand", accounts, 0.0)
    return BrandFamily("brand", accounts, round(family.start_total * budget_factor))


# -- policies ---------------------------------------------------------------------------------------
def brand_hold_policy(
    histories: dict[str, History], settings: dict[str, AccountSettings], budget: float
) -> dict[str, dict[str, float]]:
    """Repeat every account's latest spend."""
    del settings, budget
    return {name: h.latest_spend() for name, h in histories.items()}


def _advice(histories: dict[str, History], settings: dict[str, AccountSettings]) -> list:
    from liveroi.advisor import recommend

    return [recommend(histories[name], settings[name]) for name in histories]


def brand_advisor_policy(
    histories: dict[str, History], settings: dict[str, AccountSettings], budget: float
) -> dict[str, dict[str, float]]:
    """The brand allocation over each account's fit (:func:`liveroi.advisor.brand.allocate`)."""
    from liveroi.advisor import brand as rules

    brand = rules.allocate(_advice(histories, settings), budget, rules.TEST_SHARE)
    return {name: dict(part.suggested) for name, part in brand.accounts.items()}


def scaled_advice_policy(
    histories: dict[str, History], settings: dict[str, AccountSettings], budget: float
) -> dict[str, dict[str, float]]:
    """Each account's own advice; when the advice adds up to more than the budget, every channel's
    part above its step floor is scaled by one factor so the total fits (floors kept)."""
    recs = _advice(histories, settings)
    lower = {(r.account, c): r.decision.lower[c] for r in recs for c in r.channels}
    wanted = {(r.account, c): r.suggested[c] for r in recs for c in r.channels}
    total, floor = sum(wanted.values()), sum(lower.values())
    alpha = 1.0 if total <= budget else max(budget - floor, 0.0) / max(total - floor, 1e-9)
    alpha = min(alpha, 1.0)
    out: dict[str, dict[str, float]] = {r.account: {} for r in recs}
    for (account, c), s in wanted.items():
        lo = lower[(account, c)]
        out[account][c] = float(np.floor(lo + alpha * (s - lo))) if s > lo else float(s)
    return out


def brand_oracle(family: BrandFamily) -> BrandPolicy:
    """The policy that knows every true curve: each session, the brand-profit-maximising split within
    ±max_change of each channel's previous spend and under the budget (dense grid per channel,
    bisection on the budget's shadow price)."""

    def policy(
        histories: dict[str, History], settings: dict[str, AccountSettings], budget: float
    ) -> dict[str, dict[str, float]]:
        grids, values = {}, {}
        for scenario in family.accounts:
            latest = histories[scenario.name].latest_spend()
            step = settings[scenario.name].max_change
            for ch in scenario.channels:
                now = latest[ch.name]
                grid = np.linspace(now * (1 - step), now * (1 + step), 2001)
                grids[(scenario.name, ch.name)] = grid
                values[(scenario.name, ch.name)] = (
                    scenario.margin * ch.gmv(grid) + scenario.follower_value * ch.followers(grid) - grid
                )

        def best(price: float) -> dict[tuple[str, str], float]:
            return {k: float(grids[k][np.argmax(values[k] - price * grids[k])]) for k in grids}

        spend = best(0.0)
        if sum(spend.values()) > budget:
            low, high = 0.0, 100.0
            for _ in range(60):
                mid = (low + high) / 2
                low, high = (mid, high) if sum(best(mid).values()) > budget else (low, mid)
            spend = best(high)
        out: dict[str, dict[str, float]] = {s.name: {} for s in family.accounts}
        for (account, channel), s in spend.items():
            out[account][channel] = s
        return out

    return policy


def brand_known_shape_policy(family: BrandFamily) -> BrandPolicy:
    """A reference learner, not a product (the brand version of
    :func:`liveroi.advisor.simulate.known_shape_policy`): told every account's true curve shapes and
    organic structure, it learns only the scales by least squares from each account's sessions so far
    and plays the :func:`brand_oracle` of its estimates. Its share bounds what the session noise lets
    any learner of the advisor's kind reach on the family."""

    def policy(
        histories: dict[str, History], settings: dict[str, AccountSettings], budget: float
    ) -> dict[str, dict[str, float]]:
        estimated = replace(family, accounts=tuple(estimate_scales(a, histories[a.name]) for a in family.accounts))
        return brand_oracle(estimated)(histories, settings, budget)

    return policy


# -- running and scoring ----------------------------------------------------------------------------
@dataclass(frozen=True)
class BrandRun:
    """What one brand policy did."""

    policy: str
    totals: pd.Series  # total spend per played session
    incremental_profit: float
    over_budget: int  # sessions whose total exceeded a budget the step limits could reach
    step_violations: int


def play_brand(
    family: BrandFamily, policy: BrandPolicy, name: str, seed: int = 0, sessions: int = SESSIONS
) -> BrandRun:
    """Let ``policy`` split the brand budget for ``sessions`` sessions after every account's history."""
    histories = {a.name: generate_history(a, seed) for a in family.accounts}
    settings = {a.name: a.settings() for a in family.accounts}
    rngs = {a.name: np.random.default_rng([seed, a.seed_offset, 2]) for a in family.accounts}
    totals, profit, over, violations = [], 0.0, 0, 0
    for _ in range(sessions):
        chosen = policy(histories, settings, family.budget)
        floor = sum(
            (1 - a.max_change) * sum(histories[a.name].latest_spend().values()) for a in family.accounts
        )
        total = 0.0
        for scenario in family.accounts:
            names = [ch.name for ch in scenario.channels]
            previous = histories[scenario.name].latest_spend()
            spend = np.array([max(float(chosen[scenario.name].get(c, 0.0)), 0.0) for c in names])
            for j, c in enumerate(names):
                limit = scenario.max_change * previous[c] + 1.0
                if previous[c] > 0 and abs(spend[j] - previous[c]) > limit:
                    violations += 1
            total += float(spend.sum())
            profit += scenario.incremental_profit(dict(zip(names, spend, strict=True)))
            history = histories[scenario.name]
            session = _sessions(scenario, spend[None, :], len(history), rngs[scenario.name])
            histories[scenario.name] = history.append(session, pd.DataFrame(spend[None, :], columns=names))
        over += int(total > family.budget + 1e-6 and floor <= family.budget)  # reachable, yet exceeded
        totals.append(total)
    return BrandRun(name, pd.Series(totals), profit, over, violations)


@dataclass(frozen=True)
class BrandResult:
    """One seed: every policy's share of the oracle's incremental profit, and the advisor's checks."""

    seed: int
    brand_share: float
    scaled_share: float
    hold_share: float
    oracle_profit: float
    brand_over_budget: int
    brand_step_violations: int
    scaled_over_budget: int


def evaluate_brand(family: BrandFamily, seed: int = 0) -> BrandResult:
    """Play the brand allocation, the scaled per-account advice, hold and the oracle on one seed."""
    oracle = play_brand(family, brand_oracle(family), "oracle", seed)
    brand = play_brand(family, brand_advisor_policy, "brand", seed)
    scaled = play_brand(family, scaled_advice_policy, "scaled", seed)
    hold = play_brand(family, brand_hold_policy, "hold", seed)
    base = oracle.incremental_profit
    return BrandResult(
        seed,
        brand.incremental_profit / base,
        scaled.incremental_profit / base,
        hold.incremental_profit / base,
        base,
        brand.over_budget,
        brand.step_violations,
        scaled.over_budget,
    )
