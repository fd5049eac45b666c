r"""A simulator that proves (or disproves) the spend advisor against known response curves.

Each :class:`Scenario` fixes the truth: per channel a Hill curve for GMV and for new followers,

.. math::  \mathrm{gmv}_c(s) = \mathrm{top}_c \frac{s^{n_c}}{s^{n_c} + \mathrm{half}_c^{n_c}},\qquad
           \mathrm{followers}_c(s) = \mathrm{ftop}_c \frac{s}{s + \mathrm{fhalf}_c}

plus an organic baseline that moves with day of week (weekend +15 %), session length (elasticity 0.6)
and promo days (×1.8, 5 % of days), and multiplicative log-normal noise on every session (GMV and
followers). A history of sessions is generated around the starting spend (each channel's spend
jittered log-normally, as marketers' day-to-day tweaks do), the last one at exactly the starting
spend. Then a *policy* — a function of the history so far and the account settings returning the
next spend per channel — plays :data:`SESSIONS` sessions; each is drawn from the truth and appended.

Score: the policy's *incremental profit* — per the true (noise-free) curves, profit above spending
nothing, ``Σ_t [m·Σ_c gmv_c(s_tc) + v·Σ_c followers_c(s_tc) − Σ_c s_tc]`` with
``m = margin × (1 − refund_rate)`` — as a share of the :func:`oracle_policy`'s, which knows the curves
and obeys the same step limit and budget cap (it moves each channel toward the true optimum as
fast as the step limit allows, which is optimal for these concave, separable curves).
Also counted: step-limit violations (a channel moved more than ``max_change`` from the previous
session's spend, with ¥1 tolerance for rounding) and the step variance (thrash).

Reference learner: :func:`known_shape_policy` is told everything but the scales (each curve's
half-saturation spend and exponent, and how day, length and promo move the organic baseline) and
plays the oracle of its least-squares estimate. It shows what the session noise alone costs: on
seeds 0–9 it reaches 92 % of the oracle on average, 81 % on the saturated + starved case (whose
starved channel's history, ¥3,000 ± 20 % against ±¥10,000 of session noise, says almost nothing
about its slope) and 92 % on the noisy account near its optimum — so issue 4's target (mean ≥ 95 %,
every case ≥ 85 %) is above what a learner that knows the curves' shapes reaches on these cases.

Why holding spend is hard to beat on the noisy account near its optimum: profit is flat at an
optimum — for a relative miss ``e`` the session loses about ``0.67·e²`` of the optimum's incremental
profit on that curve — so holding 10 % below it keeps 99.3 %, and a start 15 % off would still keep
98.4 %. Beating that needs the spend within ~10 % of the optimum on average, while 30 % session
noise leaves the slope uncertain by more than its distance from break-even. The case keeps its
10 % margin ("already near its optimum"); what is asserted there is no thrash and no large loss.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from liveroi.advisor.data import History
from liveroi.economics import margin_after_refunds
from liveroi.settings import AccountSettings

SESSIONS = 20
Policy = Callable[[History, AccountSettings], dict[str, float]]


@dataclass(frozen=True)
class TrueChannel:
    """The true response of one channel."""

    name: str
    gmv_top: float
    half: float
    shape: float = 1.0
    followers_top: float = 0.0
    followers_half: float | None = None

    def gmv(self, spend: np.ndarray | float) -> np.ndarray:
        """Expected GMV the channel adds at ``spend``."""
        s = np.maximum(np.asarray(spend, dtype=float), 0.0)
        return self.gmv_top * s**self.shape / (s**self.shape + self.half**self.shape)

    def followers(self, spend: np.ndarray | float) -> np.ndarray:
        """Expected new followers the channel adds at ``spend``."""
        s = np.maximum(np.asarray(spend, dtype=float), 0.0)
        half = self.followers_half or self.half
        return self.followers_top * s / (s + half)


@dataclass(frozen=True)
class Scenario:
    """One simulated account: truth, starting spend, noise and economics."""

    name: str
    channels: tuple[TrueChannel, ...]
    start_spend: dict[str, float]
    organic_gmv: float
    organic_followers: float = 200.0
    noise: float = 0.15
    follower_noise: float = 0.25
    history_sessions: int = 40
    history_jitter: float = 0.2
    gross_margin: float = 0.5
    refund_rate: float = 0.1
    follower_value: float = 3.0
    max_change: float = 0.3
    budget_cap: float | None = None
    min_roi: float | None = None
    aov: float = 120.0
    description: str = ""
    seed_offset: int = field(default=0)

    def settings(self) -> AccountSettings:
        """The account settings a policy sees."""
        return AccountSettings(
            account=self.name,
            gross_margin=self.gross_margin,
            refund_rate=self.refund_rate,
            budget_cap=self.budget_cap,
            max_change=self.max_change,
            follower_value=self.follower_value,
            min_roi=self.min_roi,
        )

    @property
    def margin(self) -> float:
        """Profit per yuan of GMV after refunds (:func:`liveroi.economics.margin_after_refunds`)."""
        return margin_after_refunds(self.gross_margin, self.refund_rate)

    def incremental_profit(self, spend: dict[str, float]) -> float:
        """True expected profit of a session at ``spend`` above a session with no spend."""
        total = 0.0
        for ch in self.channels:
            s = spend.get(ch.name, 0.0)
            total += self.margin * float(ch.gmv(s)) + self.follower_value * float(ch.followers(s)) - s
        return total


def _sessions(
    scenario: Scenario, spend: np.ndarray, start_index: int, rng: np.random.Generator
) -> pd.DataFrame:
    """Draw sessions (one per day from 2026-01-01 + start_index) at the given spend rows."""
    n = len(spend)
    days = pd.Timestamp("2026-01-01 19:00") + pd.to_timedelta(
        np.arange(start_index, start_index + n), unit="D"
    )
    weekend = np.isin(days.day_of_week, (5, 6))
    promo = rng.random(n) < 0.05
    duration = np.clip(rng.normal(180.0, 30.0, n), 60.0, 360.0)
    organic = scenario.organic_gmv * (duration / 180.0) ** 0.6 * np.where(weekend, 1.15, 1.0)
    organic = organic * np.where(promo, 1.8, 1.0)
    paid = np.zeros(n)
    paid_followers = np.zeros(n)
    for j, ch in enumerate(scenario.channels):
        paid += ch.gmv(spend[:, j])
        paid_followers += ch.followers(spend[:, j])
    gmv = (organic + paid) * np.exp(rng.normal(-(scenario.noise**2) / 2, scenario.noise, n))
    followers_mean = scenario.organic_followers * (duration / 180.0) ** 0.6 + paid_followers
    followers = np.round(
        followers_mean * np.exp(rng.normal(-(scenario.follower_noise**2) / 2, scenario.follower_noise, n))
    )
    return pd.DataFrame(
        {
            "session_id": [f"{scenario.name}-{i}" for i in range(start_index, start_index + n)],
            "started_at": days,
            "duration_min": np.round(duration, 1),
            "gmv": np.round(gmv, 2),
            "refunds": np.round(gmv * scenario.refund_rate, 2),
            "new_followers": followers,
            "buyers": np.round(gmv / scenario.aov),
            "promo": promo,
        }
    )


def generate_history(scenario: Scenario, seed: int = 0, sessions: int | None = None) -> History:
    """The history a policy starts from: spend jittered around the start, the last row at the start."""
    rng = np.random.default_rng([seed, scenario.seed_offset, 1])
    n = scenario.history_sessions if sessions is None else sessions
    names = [ch.name for ch in scenario.channels]
    start = np.array([scenario.start_spend[c] for c in names])
    jitter = np.exp(rng.normal(0.0, scenario.history_jitter, (n, len(names))))
    spend = np.round(start[None, :] * jitter, 0)
    spend[-1] = start
    frame = _sessions(scenario, spend, 0, rng)
    return History(scenario.name, frame, pd.DataFrame(spend, columns=names))


# -- policies ---------------------------------------------------------------------------------------
def hold_policy(history: History, settings: AccountSettings) -> dict[str, float]:
    """Repeat the latest session's spend."""
    return history.latest_spend()


def rule_policy(history: History, settings: AccountSettings, step: float = 0.2) -> dict[str, float]:
    """The ±20 % rule: every channel +20 % when the latest session's whole-room ROI reached break-even,
    else −20 %; scaled down to the budget cap."""
    latest = history.latest_spend()
    total = sum(latest.values())
    gmv = float(history.sessions["gmv"].iloc[-1])
    roi = gmv / total if total > 0 else float("inf")
    factor = 1 + step if roi >= (settings.breakeven_roi or float("inf")) else 1 - step
    spend = {c: s * factor for c, s in latest.items()}
    return _scale_to_cap(spend, settings.budget_cap)


def _scale_to_cap(spend: dict[str, float], cap: float | None) -> dict[str, float]:
    total = sum(spend.values())
    if cap is None or total <= cap or total <= 0:
        return spend
    return {c: s * cap / total for c, s in spend.items()}


def oracle_policy(scenario: Scenario) -> Policy:
    """The policy that knows the true curves: each session, the true-profit-maximising spend within
    ±max_change of the previous spend and under the budget cap (per-channel dense grid; the cap by
    bisection on its shadow price)."""

    def policy(history: History, settings: AccountSettings) -> dict[str, float]:
        latest = history.latest_spend()
        grids, values = {}, {}
        for ch in scenario.channels:
            now = latest[ch.name]
            grid = np.linspace(now * (1 - settings.max_change), now * (1 + settings.max_change), 2001)
            grids[ch.name] = grid
            values[ch.name] = (
                scenario.margin * ch.gmv(grid) + scenario.follower_value * ch.followers(grid) - grid
            )

        def best(price: float) -> dict[str, float]:
            return {c: float(grids[c][np.argmax(values[c] - price * grids[c])]) for c in grids}

        spend = best(0.0)
        cap = settings.budget_cap
        if cap is not None and sum(spend.values()) > cap:
            low, high = 0.0, 100.0
            for _ in range(60):
                mid = (low + high) / 2
                low, high = (mid, high) if sum(best(mid).values()) > cap else (low, mid)
            spend = best(high)
        return spend

    return policy


def known_shape_policy(scenario: Scenario) -> Policy:
    """A reference learner, not a product: it knows the *form* of the truth — every channel's curve
    up to its scale (half-saturation spend and Hill exponent) and how day of week, session length
    and promo days move the organic baseline — and learns only the scales (organic level and each
    channel's ceiling, for GMV and for followers) by least squares from the sessions so far, then
    plays the :func:`oracle_policy` of the curves it estimated (certainty equivalence).

    What it scores bounds what any learner of the advisor's kind can reach on these cases: the
    advisor has to learn the shapes too. The gap between it and the oracle is the price of the
    session noise alone."""

    def policy(history: History, settings: AccountSettings) -> dict[str, float]:
        sessions = history.sessions
        started = pd.to_datetime(sessions["started_at"])
        weekend = np.isin(started.dt.day_of_week, (5, 6))
        length = (sessions["duration_min"].to_numpy(dtype=float) / 180.0) ** 0.6
        promo = sessions["promo"].to_numpy(dtype=bool)
        organic = length * np.where(weekend, 1.15, 1.0) * np.where(promo, 1.8, 1.0)
        spend = [history.spend[ch.name].to_numpy(dtype=float) for ch in scenario.channels]
        unit = [replace(ch, gmv_top=1.0, followers_top=1.0) for ch in scenario.channels]
        x_gmv = np.column_stack([organic, *(u.gmv(s) for u, s in zip(unit, spend, strict=True))])
        x_followers = np.column_stack([length, *(u.followers(s) for u, s in zip(unit, spend, strict=True))])
        gmv_scales = np.linalg.lstsq(x_gmv, sessions["gmv"].to_numpy(dtype=float), rcond=None)[0]
        follower_scales = np.linalg.lstsq(
            x_followers, sessions["new_followers"].to_numpy(dtype=float), rcond=None
        )[0]
        estimated = replace(
            scenario,
            channels=tuple(
                replace(ch, gmv_top=max(float(g), 0.0), followers_top=max(float(f), 0.0))
                for ch, g, f in zip(scenario.channels, gmv_scales[1:], follower_scales[1:], strict=True)
            ),
        )
        return oracle_policy(estimated)(history, settings)

    return policy


def advisor_policy(history: History, settings: AccountSettings) -> dict[str, float]:
    """The spend advisor."""
    from liveroi.advisor import recommend

    return recommend(history, settings).suggested


# -- running and scoring ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Run:
    """What one policy did in one scenario."""

    policy: str
    spend: pd.DataFrame  # one row per played session, one column per channel
    incremental_profit: float
    violations: int
    step_sd: float  # standard deviation of the relative session-to-session change (thrash)


def play(scenario: Scenario, policy: Policy, name: str, seed: int = 0, sessions: int = SESSIONS) -> Run:
    """Let ``policy`` choose spend for ``sessions`` sessions after the scenario's history."""
    history = generate_history(scenario, seed)
    settings = scenario.settings()
    rng = np.random.default_rng([seed, scenario.seed_offset, 2])
    names = [ch.name for ch in scenario.channels]
    rows, profit, violations, steps = [], 0.0, 0, []
    for t in range(sessions):
        previous = history.latest_spend()
        chosen = policy(history, settings)
        spend = np.array([max(float(chosen.get(c, 0.0)), 0.0) for c in names])
        for j, c in enumerate(names):
            limit = settings.max_change * previous[c] + 1.0
            if abs(spend[j] - previous[c]) > limit and previous[c] > 0:
                violations += 1
            if previous[c] > 0:
                steps.append(spend[j] / previous[c] - 1)
        if settings.budget_cap is not None and spend.sum() > settings.budget_cap + 1.0:
            violations += 1
        profit += scenario.incremental_profit(dict(zip(names, spend, strict=True)))
        rows.append(spend)
        session = _sessions(scenario, spend[None, :], len(history), rng)
        history = history.append(session, pd.DataFrame(spend[None, :], columns=names))
        del t
    step_sd = float(np.std(steps)) if steps else 0.0
    return Run(name, pd.DataFrame(rows, columns=names), profit, violations, step_sd)


@dataclass(frozen=True)
class CaseResult:
    """One scenario, every policy, scored against the oracle."""

    scenario: str
    advisor_share: float
    hold_share: float
    rule_share: float
    oracle_profit: float
    advisor_violations: int
    advisor_step_sd: float
    oracle_step_sd: float


def evaluate(scenario: Scenario, seed: int = 0, advisor: Policy = advisor_policy) -> CaseResult:
    """Play the advisor, hold, the ±20 % rule and the oracle on the same history and noise seed."""
    oracle = play(scenario, oracle_policy(scenario), "oracle", seed)
    runs = {
        "advisor": play(scenario, advisor, "advisor", seed),
        "hold": play(scenario, hold_policy, "hold", seed),
        "rule": play(scenario, rule_policy, "rule", seed),
    }
    share = {k: r.incremental_profit / oracle.incremental_profit for k, r in runs.items()}
    return CaseResult(
        scenario.name,
        share["advisor"],
        share["hold"],
        share["rule"],
        oracle.incremental_profit,
        runs["advisor"].violations,
        runs["advisor"].step_sd,
        oracle.step_sd,
    )


# -- the cases of issue 4 §6 ------------------------------------------------------------------------
def scenarios() -> tuple[Scenario, ...]:
    """The acceptance cases (margin 50 %, refunds 10 % → break-even ROI 2.22; follower value ¥3)."""
    return (
        Scenario(
            name="overspending",
            description="whole-room ROI 2.9 above break-even, marginal ROI 0.6 below it",
            channels=(TrueChannel("xiaodiantong", 80_000, 20_000, 1.0, 3_000),),
            start_spend={"xiaodiantong": 30_000},
            organic_gmv=40_000,
            organic_followers=300,
            seed_offset=1,
        ),
        Scenario(
            name="underspending",
            description="marginal ROI 3.7 well above break-even at ¥5,000",
            channels=(TrueChannel("jinniu", 150_000, 30_000, 1.0, 2_000),),
            start_spend={"jinniu": 5_000},
            organic_gmv=20_000,
            organic_followers=150,
            seed_offset=2,
        ),
        Scenario(
            name="saturated + starved",
            description="小店通 saturated (mROI 0.5), 粉条 starved (mROI 3.6, S-shaped curve)",
            channels=(
                TrueChannel("xiaodiantong", 40_000, 5_000, 1.0, 1_000),
                TrueChannel("fentiao", 100_000, 20_000, 1.2, 1_500),
            ),
            start_spend={"xiaodiantong": 15_000, "fentiao": 3_000},
            organic_gmv=25_000,
            organic_followers=200,
            seed_offset=3,
        ),
        Scenario(
            name="noisy near optimum",
            description="10 % under the optimum, 30 % session noise: must not thrash",
            channels=(TrueChannel("xiaodiantong", 80_000, 20_000, 1.0, 3_000),),
            start_spend={"xiaodiantong": 9_000},
            organic_gmv=40_000,
            organic_followers=300,
            noise=0.3,
            follower_noise=0.35,
            seed_offset=4,
        ),
        Scenario(
            name="ten sessions",
            description="only 10 sessions of history, twice the optimal spend",
            channels=(TrueChannel("xiaodiantong", 80_000, 20_000, 1.0, 3_000),),
            start_spend={"xiaodiantong": 20_000},
            organic_gmv=40_000,
            organic_followers=300,
            history_sessions=10,
            seed_offset=5,
        ),
    )
