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
(:func:`cautious_gain`)

.. math::  J(s) = \operatorname{mean}_d \Delta_d(s)
                 - \kappa(s)\,\sqrt{\operatorname{mean}_d \min(\Delta_d(s), 0)^2}

the expected gain minus ``κ(s)`` times the root-mean-square *loss* against holding spend (the lower
partial moment of order 2 around 0). ``J(s⁰) = 0``, so the advisor moves only where the expected gain
beats what the move could lose. ``κ`` depends on where the candidate lies (:func:`caution`):

* **Inside what the history tried** (every channel's candidate spend between the 5th and 95th
  percentile of its non-zero spend so far, ``FittedModel.tried``): ``κ =`` :data:`CAUTION_INSIDE`
  ``= 0`` — the curve is measured there, and the posterior's own uncertainty is already in the mean;
  the advisor acts on it (the reason says "measured between ¥9,000 and ¥22,000: cut 30 %").
* **Beyond it** (extrapolation): ``κ`` rises linearly to :data:`CAUTION` ``= 1`` over the first
  :data:`EXTRAPOLATION_RAMP` ``= 10 %`` beyond the range, so a move into untried spend must earn its
  downside; an uncertain extrapolation takes a part step or none ("never tried above ¥6,000, so a
  test: raise 10 %"). Thin data widen the posterior and so act through the same term.

Only the loss side counts because the risk a marketer takes by following the advice is earning less
than today's spend would have: uncertainty about *how much more* a starved channel would return is
not a reason to leave it starved. What was measured before choosing this — on the randomised tuning
accounts of :func:`liveroi.advisor.simulate.random_scenario`, never the held-out ones — and every
alternative tried (symmetric penalties, lookahead, dithering, other κ, priors and curve shapes) is in
``docs/advisor-notes.md``; ``python -m benchmarks.advisor_variants NAME`` reruns a named one.

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
from dataclasses import dataclass, field

import numpy as np

from liveroi import economics as money_rules
from liveroi.advisor.data import History
from liveroi.advisor.model import FittedModel
from liveroi.settings import AccountSettings

CAUTION = 1.0  # κ beyond the tried spend range: RMS losses against holding the expected gain must beat
CAUTION_INSIDE = 0.0  # κ when every channel's candidate spend lies inside what its history tried
EXTRAPOLATION_RAMP = 0.1  # κ rises from CAUTION_INSIDE to CAUTION over this relative distance beyond
GRID_POINTS = 41
SWEEPS = 3
MIN_ROI_PENALTY = 10.0
INTERVAL = (0.1, 0.9)  # the interval reported with expected GMV: 80 %


@dataclass(frozen=True)
class Economics:
    """The numbers that turn GMV and followers into profit. ``follower_value_suggested``: the setting
    is empty, so ``follower_value`` is :func:`liveroi.economics.follower_value` of the history —
    measured, or the stated default — described by ``follower_value_measure``."""

    gross_margin: float
    refund_rate: float
    follower_value: float
    follower_value_suggested: bool
    breakeven_roi: float
    follower_value_measure: money_rules.FollowerValue | None = None

    @property
    def margin(self) -> float:
        """Profit per yuan of GMV after refunds: gross_margin × (1 − refund_rate)."""
        return self.gross_margin * (1 - self.refund_rate)


def measured_follower_value(history: History, settings: AccountSettings) -> money_rules.FollowerValue:
    """What a new follower is worth from this history: :func:`liveroi.economics.follower_value` (the
    one formula; the stated default 0.1 × AOV × margin after refunds when too little is known), with
    the account's "followers before the first imported session" and its spend per channel."""
    return money_rules.follower_value(
        history.sessions,
        settings.gross_margin,
        settings.refund_rate,
        followers_before=settings.followers_before,
        spend=history.spend,
    )


def economics(history: History, settings: AccountSettings) -> Economics:
    """Margin, refunds, follower value and break-even ROI of an account. A follower value the user set
    wins; an empty setting takes the value measured from the history (or its stated default)."""
    breakeven = settings.breakeven_roi or float("inf")
    if settings.follower_value is not None:
        value = float(settings.follower_value)
        return Economics(settings.gross_margin, settings.refund_rate, value, False, breakeven)
    measure = measured_follower_value(history, settings)
    return Economics(settings.gross_margin, settings.refund_rate, measure.value, True, breakeven, measure)


class SpendTotals:
    """``current_total`` and ``suggested_total`` for the dataclasses that carry the latest session's and
    the suggested spend per channel (``current``, ``suggested``)."""

    current: dict[str, float]
    suggested: dict[str, float]

    @property
    def current_total(self) -> float:
        """Total spend of the latest session."""
        return float(sum(self.current.values()))

    @property
    def suggested_total(self) -> float:
        """Total suggested spend."""
        return float(sum(self.suggested.values()))


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
    tried: dict[str, tuple[float, float]] = field(default_factory=dict)  # the model's tried ranges
    case: dict[str, str] = field(default_factory=dict)  # moved channel → 'interpolate' | 'extrapolate'


def cautious_gain(gain: np.ndarray, kappa: np.ndarray | float) -> np.ndarray:
    r"""The advisor's objective, per candidate, from the draws of the gain over holding spend.

    .. math::  J(s) = \operatorname{mean}_d \Delta_d(s)
                     - \kappa(s)\,\sqrt{\operatorname{mean}_d \min(\Delta_d(s), 0)^2}

    ``gain`` is D × G (posterior draws × candidates) of ``Δ_d(s) = π_d(s) − π_d(s⁰)``; ``kappa`` a
    scalar or one value per candidate (:func:`caution`). The expected gain minus κ times the
    root-mean-square *loss* against holding (the lower partial moment of order 2 around 0): ``J(s⁰) = 0``,
    so the advisor moves only where the expected gain beats what the move could lose."""
    return gain.mean(axis=0) - kappa * np.sqrt((np.minimum(gain, 0.0) ** 2).mean(axis=0))


def extrapolation(spend: np.ndarray, tried: tuple[float, float]) -> np.ndarray:
    """How far ``spend`` lies outside the tried range ``(low, high)``, relative to the nearer end:
    ``max(0, s/high − 1, low/s − 1)`` (0 inside; spend 0 below a positive range counts as 1)."""
    low, high = tried
    s = np.asarray(spend, dtype=float)
    above = np.where(high > 0, s / max(high, 1e-9) - 1.0, np.where(s > 0, 1.0, 0.0))
    below = np.where(s > 0, low / np.maximum(s, 1e-9) - 1.0, np.where(low > 0, 1.0, 0.0))
    return np.clip(np.maximum(above, below), 0.0, 1.0)


def caution(reach: np.ndarray) -> np.ndarray:
    """κ of a candidate from its largest :func:`extrapolation` over the channels: :data:`CAUTION_INSIDE`
    inside every tried range, rising linearly to :data:`CAUTION` over :data:`EXTRAPOLATION_RAMP`."""
    ramp = np.clip(np.asarray(reach) / EXTRAPOLATION_RAMP, 0.0, 1.0)
    return CAUTION_INSIDE + (CAUTION - CAUTION_INSIDE) * ramp


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


def profit_curve(model: FittedModel, econ: Economics, channel: str, spend: np.ndarray | float) -> np.ndarray:
    r"""Draws (D × len(spend)) of the channel's own profit at each spend,
    ``m·gmv_c(s) + v·followers_c(s) − s`` (``m`` the margin after refunds, ``v`` the follower value):
    the part of :math:`\pi_d(s)` that depends on this channel (the curves are additive by channel)."""
    s = np.atleast_1d(np.asarray(spend, dtype=float))
    return (
        econ.margin * model.contribution("gmv", channel, s)
        + econ.follower_value * model.contribution("new_followers", channel, s)
        - s[None, :]
    )


def marginal_profit(
    model: FittedModel, econ: Economics, channel: str, spend: np.ndarray | float
) -> np.ndarray:
    r"""Draws (D × len(spend)) of the profit of the channel's next yuan at each spend,
    :math:`\partial\pi/\partial s_c = m\,\mathrm{mROI}_c(s) + v\,\partial\mathrm{followers}_c/\partial s_c - 1`:
    positive where one more yuan earns more than it costs."""
    return (
        econ.margin * model.slope("gmv", channel, spend)
        + econ.follower_value * model.slope("new_followers", channel, spend)
        - 1.0
    )


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

    grids, value, gmv_mean, reach = {}, {}, {}, {}
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
        reach[c] = extrapolation(grid, model.tried.get(c, (now, now)))
    fixed_spend = sum(start[c] for c in channels if c not in movable)
    base_gmv = float(model.gmv.base.mean()) if model.gmv is not None else 0.0
    choice = {c: int(np.argmin(np.abs(grids[c] - start[c]))) for c in movable}
    draws = model.gmv.coef.shape[0] if model.gmv is not None else 1

    def score(c: str) -> np.ndarray:
        rest = np.zeros(draws)
        rest_spend, rest_gmv, rest_reach = fixed_spend, base_gmv, 0.0
        for other in movable:
            if other != c:
                rest += value[other][:, choice[other]]
                rest_spend += grids[other][choice[other]]
                rest_gmv += gmv_mean[other][choice[other]]
                rest_reach = max(rest_reach, float(reach[other][choice[other]]))
        gain = rest[:, None] + value[c]
        objective = cautious_gain(gain, caution(np.maximum(reach[c], rest_reach)))
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
    case = {
        c: "extrapolate"
        if float(extrapolation(np.array(suggested[c]), model.tried[c])) > 0
        else "interpolate"
        for c in movable
        if abs(suggested[c] - current.get(c, 0.0)) >= max(1.0, 0.005 * current.get(c, 0.0))
    }
    return Decision(
        current,
        suggested,
        lower,
        upper,
        held,
        cap_unreachable,
        cap_binding,
        min_roi_binding,
        dict(model.tried),
        case,
    )


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
