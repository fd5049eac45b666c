r"""The decision: next session's spend per channel that maximises expected profit, within guardrails.

Objective
---------
For a posterior draw ``d`` of the curves (see :mod:`liveroi.advisor.model`), the profit of the next
session at spend vector ``s`` is

.. math::

    \pi_d(s) = m\,\mathrm{GMV}_d(s) + v\,\mathrm{followers}_d(s) - \textstyle\sum_c s_c,
    \qquad m = \text{gross\_margin} \times (1 - \text{refund\_rate})

(refunds are ``refund_rate × GMV``; ``v`` is the follower value). With ``Δ_d(s) = π_d(s) − π_d(s⁰)``
the gain over repeating the latest session's spend ``s⁰``, the advisor maximises the cautious gain

.. math::  J(s) = \operatorname{mean}_d \Delta_d(s)
                 - \kappa\,\sqrt{\operatorname{mean}_d \min(\Delta_d(s), 0)^2}

with ``κ =`` :data:`CAUTION` ``= 1``: the expected gain minus the root-mean-square *loss* against
holding spend (the lower partial moment of order 2 around 0). ``J(s⁰) = 0``, so the advisor moves only
where the expected gain beats what the move could lose: a well-measured curve moves the whole allowed
step, an uncertain one moves part of it or not at all (the "smaller steps when uncertain" guardrail,
without a hand-tuned shrink factor), and near the optimum, where the gain is tiny and its sign
uncertain, it holds instead of thrashing. Only the loss side counts because the risk a marketer takes
by following the advice is earning less than today's spend would have: uncertainty about *how much
more* a starved channel would return is not a reason to leave it starved, while a symmetric penalty
(``κ·sd``) charges it as if it were.

Measured on the simulator (:mod:`liveroi.simulate`, share of the oracle's incremental profit; each
variant chosen on seeds 0–4 and checked on the held-out seeds 5–14; mean over the five cases, worst
single seed in brackets where it matters):

* ``mean − 0.5·sd`` (the previous rule): 87.1 % on seeds 0–4, 85.6 % on 5–14 (worst seed: ten
  sessions −0.6 %).
* ``mean − 1·√E[min(Δ,0)²]`` — **kept**: 88.0 %, 86.9 % (worst seed: ten sessions 8.6 %); no case's
  worst seed lower by more than 0.6 points on either seed set, same speed.
* ``mean`` (κ = 0, risk-neutral): 87.9 %, 87.0 %, but steps three times as jumpy on the noisy
  account near its optimum (step sd 0.11 against 0.03–0.06) and worse worst seeds (overspending 72 %
  against 79–82 %).
* ``mean − 0.25·sd`` 86.8 %; ``mean − κ·LPM`` with κ = 0.25 / 0.5: 86.9 / 87.4 %; the semideviation
  below the mean, ``mean − κ·√E[min(Δ − mean, 0)²]``, κ = 0.5 / 0.7: 87.3 / 87.6 % (0.7: 86.0 % on
  5–14) — all on seeds 0–4.
* One-step lookahead (knowledge gradient), horizon 10 sessions: maximise
  ``J(s) + 10·E_y[max_{s'∈box(s)} J_y(s')]``, with ``J_y`` the criterion after observing a session
  at ``s`` (the posterior draws re-weighted by that session's likelihood, 16–32 simulated outcomes):
  87.3 %, 88.9 % — but worse worst seeds (overspending 66 % against 79 %, noisy near optimum 75 %
  against 86 %, saturated + starved 59 % against 66 %) and 7× slower. Its information-value part
  alone (``E_y max − max``, without the positional gain): 85.5 % on seeds 0–4.

Why the lookahead does not pay on these cases: it buys information by moving, and one session's GMV
(±15–30 % noise) moves the posterior little, while the move's cost is certain; its positional part
("a step now lets the next step reach further") amplifies posterior-mean errors — a big help where the
greedy rule gets stuck below the optimum (underspending 94 % against 85 %), a loss wherever the mean
is wrong. The greedy rule's remaining loss is *incomplete learning*: once it holds, the spend stops
varying and the slope stops being learned (underspending, seed 1: stuck at ¥9,800 for 17 sessions
with the optimum at ¥17,000, because three noisy sessions made the curved shapes likelier).
Earlier measurements, 10 seeds, same picture: κ = 0.35 on the sd 87.8 %; a direction-confidence
rule (move towards the mean optimum by a fraction ramping with P(gain > 0) from 0.6 to 0.85) 84.5 %
(5 seeds) — it stops short exactly where the curve is least known; dithering ±10 % around a held
spend to make the curve identifiable 87.5 % (5 seeds), its cost near the optimum eats the
information it buys.

Guardrails (hard constraints)
-----------------------------
* Step limit: each channel stays within ``s⁰_c × (1 ± max_change)``. A channel at 0 in the latest
  session may restart at up to ``max_change ×`` its typical (median non-zero) spend — a test amount
  on the same scale as an ordinary step — and only if it has a fitted curve.
* Budget cap: ``Σ s_c ≤ budget_cap``. If the cap lies below what the step limit allows, the step
  limit wins (every channel at its lowest allowed value) and the reason says the cap needs more
  sessions to reach — the platforms' bidding models are disrupted by larger cuts.
* Minimum ROI: ``E[GMV](s) / Σ s_c ≥ min_roi``, enforced as a steep penalty (¥10 per yuan short).
* Channels held by the model (thin or flat history) keep their spend.

Solver: cyclic coordinate search over a 41-point grid per channel inside its box (3 sweeps), with
every draw evaluated at once (a D × 41 array per channel). Deterministic, no gradients, respects the
box exactly, and the cap and ROI couplings are handled by testing each candidate. Suggestions are
rounded to whole yuan inside the box.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from liveroi import economics as money_rules
from liveroi.advisor.data import History
from liveroi.advisor.model import FittedModel
from liveroi.settings import AccountSettings

CAUTION = 1.0  # κ: root-mean-square losses against holding the expected gain must beat
GRID_POINTS = 41
SWEEPS = 3
MIN_ROI_PENALTY = 10.0
INTERVAL = (0.1, 0.9)  # the interval reported with expected GMV: 80 %


@dataclass(frozen=True)
class Economics:
    """The numbers that turn GMV and followers into profit."""

    gross_margin: float
    refund_rate: float
    follower_value: float
    follower_value_suggested: bool
    breakeven_roi: float

    @property
    def margin(self) -> float:
        """Profit per yuan of GMV after refunds: gross_margin × (1 − refund_rate)."""
        return self.gross_margin * (1 - self.refund_rate)


def suggested_follower_value(history: History, settings: AccountSettings) -> float:
    """A follower value when the setting is empty: :func:`liveroi.economics.suggested_follower_value`
    (0.1 × AOV × margin after refunds; ¥3 without buyer counts) at the history's AOV, Σ GMV / Σ buyers."""
    sessions = history.sessions
    buyers = float(sessions["buyers"].sum(skipna=True)) if "buyers" in sessions else 0.0
    aov = float(sessions["gmv"].sum(skipna=True)) / buyers if buyers > 0 else None
    value = money_rules.suggested_follower_value(settings.gross_margin, settings.refund_rate, aov)
    return money_rules.DEFAULT_FOLLOWER_VALUE if value is None else value


def economics(history: History, settings: AccountSettings) -> Economics:
    """Margin, refunds, follower value (suggested when unset) and break-even ROI of an account."""
    suggested = settings.follower_value is None
    value = suggested_follower_value(history, settings) if suggested else float(settings.follower_value)
    breakeven = settings.breakeven_roi or float("inf")
    return Economics(settings.gross_margin, settings.refund_rate, value, suggested, breakeven)


@dataclass(frozen=True)
class Decision:
    """The suggested spend and why it is where it is."""

    current: dict[str, float]
    suggested: dict[str, float]
    lower: dict[str, float]  # the box of the step limit
    upper: dict[str, float]
    held: dict[str, str]  # channel → 'thin' | 'flat' | 'zero'
    cap_unreachable: bool  # the cap is below what the step limit allows
    cap_binding: bool
    min_roi_binding: bool


def _box(model: FittedModel, current: dict[str, float], max_change: float) -> tuple[dict, dict, dict]:
    lower, upper, held = {}, {}, {}
    for channel in model.channels:
        now = current.get(channel, 0.0)
        status = model.channel_status.get(channel, "thin")
        if status != "fitted":
            lower[channel] = upper[channel] = now
            held[channel] = status
        elif now <= 0:
            lower[channel] = 0.0
            upper[channel] = max_change * model.typical_spend[channel]
            if upper[channel] <= 0:
                held[channel] = "zero"
        else:
            lower[channel] = now * (1 - max_change)
            upper[channel] = now * (1 + max_change)
    return lower, upper, held


def choose_spend(
    model: FittedModel, current: dict[str, float], settings: AccountSettings, econ: Economics
) -> Decision:
    """The profit-maximising spend of the next session within the guardrails (module docstring)."""
    lower, upper, held = _box(model, current, settings.max_change)
    channels = list(model.channels)
    cap = settings.budget_cap
    start = {c: min(max(current.get(c, 0.0), lower[c]), upper[c]) for c in channels}
    cap_unreachable = False
    if cap is not None and sum(start.values()) > cap:
        low_total = sum(lower.values())
        if low_total >= cap:
            start, cap_unreachable = dict(lower), True
        else:
            alpha = (cap - low_total) / (sum(start.values()) - low_total)
            start = {c: lower[c] + alpha * (start[c] - lower[c]) for c in channels}
    movable = [c for c in model.fitted_channels if upper[c] > lower[c]]
    if model.status != "fitted" or not movable:
        suggested = _round(start, lower, upper)
        return Decision(current, suggested, lower, upper, held, cap_unreachable, False, False)

    grids, value, gmv_mean = {}, {}, {}
    for c in movable:
        grid = np.unique(np.append(np.linspace(lower[c], upper[c], GRID_POINTS), start[c]))
        gmv = model.contribution("gmv", c, grid)
        followers = model.contribution("new_followers", c, grid)
        now = current.get(c, 0.0)
        ref_gmv = model.contribution("gmv", c, now)
        ref_followers = model.contribution("new_followers", c, now)
        grids[c] = grid
        value[c] = (
            econ.margin * (gmv - ref_gmv)
            + econ.follower_value * (followers - ref_followers)
            - (grid - now)[None, :]
        )
        gmv_mean[c] = gmv.mean(axis=0)
    fixed_spend = sum(start[c] for c in channels if c not in movable)
    base_gmv = float(model.gmv.base.mean()) if model.gmv is not None else 0.0
    choice = {c: int(np.argmin(np.abs(grids[c] - start[c]))) for c in movable}
    draws = model.gmv.coef.shape[0] if model.gmv is not None else 1

    def score(c: str) -> np.ndarray:
        rest = np.zeros(draws)
        rest_spend, rest_gmv = fixed_spend, base_gmv
        for other in movable:
            if other != c:
                rest += value[other][:, choice[other]]
                rest_spend += grids[other][choice[other]]
                rest_gmv += gmv_mean[other][choice[other]]
        gain = rest[:, None] + value[c]
        objective = gain.mean(axis=0) - CAUTION * np.sqrt((np.minimum(gain, 0.0) ** 2).mean(axis=0))
        total = rest_spend + grids[c]
        if settings.min_roi is not None:
            shortfall = np.maximum(settings.min_roi * total - (rest_gmv + gmv_mean[c]), 0.0)
            objective = objective - MIN_ROI_PENALTY * shortfall
        if cap is not None and not cap_unreachable:
            objective = np.where(total <= cap + 1e-6, objective, -np.inf)
        return objective

    for _ in range(SWEEPS):
        moved = False
        for c in movable:
            objective = score(c)
            best = int(np.argmax(objective))
            if objective[best] > objective[choice[c]] + 1e-9:
                choice[c], moved = best, True
        if not moved:
            break
    chosen = dict(start)
    for c in movable:
        chosen[c] = float(grids[c][choice[c]])
    total = sum(chosen.values())
    cap_binding = cap is not None and total >= cap - max(1.0, 0.01 * cap)
    min_roi_binding = False
    if settings.min_roi is not None:
        expected_gmv = base_gmv + sum(gmv_mean[c][choice[c]] for c in movable)
        min_roi_binding = expected_gmv < settings.min_roi * total * 1.02
    suggested = _round(chosen, lower, upper)
    return Decision(current, suggested, lower, upper, held, cap_unreachable, cap_binding, min_roi_binding)


def _round(spend: dict[str, float], lower: dict[str, float], upper: dict[str, float]) -> dict[str, float]:
    """Whole yuan, never outside the step-limit box (a held channel keeps its exact spend)."""
    rounded = {}
    for c, value in spend.items():
        lo, hi = math.ceil(lower[c] - 1e-9), math.floor(upper[c] + 1e-9)
        rounded[c] = float(min(max(round(value), lo), hi)) if lo <= hi else float(value)
    return rounded


@dataclass(frozen=True)
class Expected:
    """Expected outcome of a session at a given spend."""

    gmv: float
    gmv_low: float
    gmv_high: float
    roi: float | None
    profit: float
    new_followers: float


def expected(model: FittedModel, econ: Economics, spend: dict[str, float]) -> Expected:
    """Mean GMV with an 80 % predictive interval (curve uncertainty and session noise), ROI, profit
    and new followers of a session at ``spend``. Thin history: the history's own mean and spread."""
    total = float(sum(spend.values()))
    if model.status != "fitted" or model.gmv is None or model.new_followers is None:
        gmv_hist = model.history_gmv
        gmv = float(gmv_hist.mean()) if len(gmv_hist) else float("nan")
        low, high = np.quantile(gmv_hist, INTERVAL) if len(gmv_hist) else (np.nan, np.nan)
        followers = float(model.history_followers.mean()) if len(model.history_followers) else float("nan")
    else:
        gmv_draws = model.predict("gmv", spend)
        follower_draws = model.predict("new_followers", spend)
        noise = np.random.default_rng(7).standard_normal(len(gmv_draws)) * model.gmv.sigma
        low, high = np.quantile(gmv_draws + noise, INTERVAL)
        gmv = float(gmv_draws.mean())
        followers = float(follower_draws.mean())
    profit = econ.margin * gmv + econ.follower_value * followers - total
    roi = gmv / total if total > 0 else None
    return Expected(gmv, float(max(low, 0.0)), float(high), roi, float(profit), float(max(followers, 0.0)))
