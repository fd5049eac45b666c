r"""One brand budget across the account matrix, by marginal return (a layer over the per-account fits).

A brand runs a matrix of self-broadcast accounts and has one budget ``B`` for the next session. Each
account's advice (:func:`liveroi.advisor.recommend`) already holds what this needs: the fitted
response curves with posterior draws, the account's economics (margin after refunds
``m = g (1 − r)`` from :mod:`liveroi.economics`, follower value ``v``) and its step-limit box. This
module splits ``B`` over every account and channel so that the expected brand profit

.. math::  \Pi(s) = \sum_{a}\sum_{c}\ \mathbb{E}\bigl[m_a\,\mathrm{gmv}_{ac}(s_{ac})
           + v_a\,\mathrm{followers}_{ac}(s_{ac})\bigr] - s_{ac}

is highest, subject to ``Σ s ≤ B`` and every account's own guardrails: the step limit
(``s⁰(1 ± max_change)``, the box of the account's own :class:`~liveroi.advisor.decide.Decision`), its
budget cap, its minimum ROI
(``E[GMV_a] ≥ min_roi · Σ_c s_ac``) and its held channels (no curve: kept at their spend).

Water-filling
-------------
Each channel's box is cut into :data:`STEPS` equal increments. An increment's profit is counted with
the *benefit of the doubt* — its posterior mean plus ``z`` (:data:`OPTIMISM`, 0.3) posterior standard
deviations, per yuan

.. math::  g_i = \frac{\operatorname{mean}_d \delta_{d,i} + z\,\operatorname{sd}_d \delta_{d,i}}{s_{i+1} - s_i},
           \qquad \delta_{d,i} = P_d(s_{i+1}) - P_d(s_i)

(:func:`_increment_gains`; :func:`next_yuan_profit` at a point) — and the increments of all
accounts are taken greedily, best first, while their counted profit is positive and budget is left.
The mean part falls along the box (each draw is a Michaelis–Menten curve with a non-negative ceiling,
and a mean of concave curves is concave); a running minimum keeps the counted values falling too. For
separable concave objectives under nested ("laminar") capacity constraints — channel boxes inside
account caps inside the brand budget — this greedy order is optimal: it stops where every account's
next yuan counts the same, the *water level* ``λ`` (the counted profit per yuan of the last yuan
allocated; 0 when the budget is not binding). The minimum ROI becomes an account cap: the largest
spend along the account's own best-first path at which ``E[GMV] / spend ≥ min_roi`` still holds.
Everything is arrays: one sort over every increment of the brand, one cumulative sum per constraint.

Why the doubt: the prior puts a channel's marginal return at break-even until its sessions move it
(:mod:`liveroi.advisor.model`), so the posterior mean of a channel that is still poorly measured sits
near "today is right" — the mean alone keeps a starved account where it is and hands the money to
accounts measured as well as they will ever be. Counting ``z`` deviations of the doubt lets the
money try the account whose return may be much higher, at the cost of a yuan whose expected profit
is slightly negative (:data:`DOUBT_SPENDS`; ordering by the doubt but never spending a yuan of
negative mean was measured and gains nothing). Its sessions then measure it: the spread, and with
it the bonus, shrinks as they come in. On the tuning seeds ``z`` = 0.2–0.5 gained 0.9–1.1 points on
the mean of the four cells (two families × two budgets), 0.7 and 1.0 gained 0.9 and 0.7 (they push
the saturated new account up too); 0.3 is the smallest with the whole gain.

Guardrails and the budget
-------------------------
* ``B`` below the sum of the lowest values the step limits allow: every channel at its lowest allowed
  value, and the reason says the budget needs more sessions to reach (like the account cap).
* Rounding: whole yuan inside each box, then whole yuan taken back from the channels whose last
  yuan counts least until the total is at most ``B`` — the rounded total never exceeds ``B``
  (whenever ``B`` is reachable at all).

Accounts still being measured
-----------------------------
An account with fewer than :data:`MEASURING_SESSIONS` sessions (or no curve at all) has a
barely-informed curve — the prior puts its marginal return at break-even — so better-measured
accounts would outbid it and starve it before it is ever measured. Such accounts share a *test
allowance*: ``test_share × B`` (the brand setting of :mod:`liveroi.brand_settings`, 10 % unless
changed), split equally. Before the water-filling runs, each moves towards its share (its channels in
proportion to their latest spend) as far as its step limit allows — up as well as down: spend that
varies is what lets its curve be read. One with a curve keeps *up to* its share: where its own advice
(:func:`liveroi.advisor.recommend`, the per-account rule with its caution) is lower, the advice is its
floor (:data:`MEASURING_FLOOR`), so a new account that its own sessions already show saturated is not
pushed up to the share. On top of its floor a fitted one may win more on its marginal return. An
account without a curve, which the per-account advisor holds, moves only towards its share.

Measured (:mod:`liveroi.advisor.brand_simulate`, ``python -m benchmarks.brand_bench``, the alternatives
``python -m benchmarks.brand_variants``; README "How good is the split?", ``docs/advisor-notes.md``):
chosen on 45 tuning seeds, against the brand family and the same family with its new account
saturated. Counting a channel's spend beyond its tried range at the advisor's cautious value (κ = ½)
changed nothing (±0.2 points); a larger test share (15–20 %) gains 2–3 points when the new account is
starved and loses 3–6 when it is saturated, a smaller one the reverse; the floor capped by the
account's own advice gains 0.3–1.1 points on the saturated case and costs at most 0.2 on the other;
the benefit of the doubt (z = 0.3) gains 0.3–1.6 points in every cell. On the 40 held-out seeds:
89.3 % of the oracle's incremental profit at ¥70,000 and 91.0 % at ¥56,000 (before the doubt 88.1 /
89.4 %; each account's own advice scaled to the budget 87.9 / 89.4 %; a learner told the true curve
shapes 94.1 / 94.3 %), never over a reachable budget, no step-limit violation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from liveroi.advisor.decide import (
    EXTRAPOLATION_RAMP,
    SpendTotals,
    expected,
    extrapolation,
    marginal_profit,
    profit_curve,
)
from liveroi.advisor.model import MIN_SESSIONS
from liveroi.brand_settings import TEST_SHARE  # share of B kept for accounts still being measured
from liveroi.channels import channel_name
from liveroi.formatting import money, percent, ratio, signed_percent
from liveroi.i18n import t

if TYPE_CHECKING:
    from liveroi.advisor import Recommendation

STEPS = 48  # increments per channel box (box/48: ±30 % of ¥10,000 → ¥125 increments)
MEASURING_SESSIONS = 2 * MIN_SESSIONS  # fewer sessions than this: still being measured
# a measuring account's floor before the water-filling: its share of the test allowance, and with a
# curve the smaller of that and its own advice ("share_capped_advice"); the alternatives measured
# (benchmarks/brand_variants.py): "share" (the share alone), "share_or_advice" (the larger), "advice"
MEASURING_FLOOR = "share_capped_advice"
CAUTION = 0.0  # κ of a channel's spend beyond its tried range (0: none; see _increment_gains)
CUT_FLOOR = "step"  # a measured account's floor: "step" (the step limit) | "advice" (min(own advice, now))
DOUBT_SPENDS = True  # may a yuan expected to lose a little be spent because the doubt counts it up? (yes)
OPTIMISM = 0.3  # z of the benefit of the doubt: a yuan counted at mean + z·sd of its profit (_increment_gains)
OPTIMISM_MEASURING: float | None = None  # z apart for accounts still measured (None: OPTIMISM; not kept)
_EPS = 1e-9


class BrandBudgetError(ValueError):
    """A brand budget or test share that cannot be allocated (not a finite number ≥ 0, or share
    outside [0, 1])."""


@dataclass(frozen=True)
class AccountAllocation(SpendTotals):
    """One account's part of the brand budget."""

    account: str
    current: dict[str, float]
    suggested: dict[str, float]
    lower: dict[str, float]  # the lowest value the step limit allows (held: the spend itself)
    upper: dict[str, float]
    marginal_roi: dict[str, float | None]  # posterior-mean GMV per yuan at the allocated spend
    marginal_profit: dict[str, float | None]  # posterior-mean profit of the next yuan at the allocated spend
    counted_profit: dict[str, float | None]  # ... as the split counts it (next_yuan_profit)
    measuring: bool  # still being measured: keeps a test allowance
    allowance: float  # the test allowance this account may keep (0 when not measuring)
    cap_binding: bool
    cap_unreachable: bool
    min_roi_binding: bool


@dataclass(frozen=True)
class BrandAllocation:
    """The split of one brand budget (see the module docstring)."""

    budget: float
    allocated: float  # Σ suggested (whole yuan; ≤ budget unless below_floors)
    floor_total: float  # Σ of the lowest values the step limits allow
    below_floors: bool  # budget < floor_total: every channel at its lowest allowed value
    water_level: float  # counted profit per yuan of the last yuan allocated (0: budget not binding)
    test_share: float
    measuring_count: int
    accounts: dict[str, AccountAllocation]


def validate_budget(budget: float, test_share: float = TEST_SHARE) -> tuple[float, float]:
    """``(budget, test_share)`` as floats, or :class:`BrandBudgetError`."""
    try:
        b, share = float(budget), float(test_share)
    except (TypeError, ValueError) as exc:
        raise BrandBudgetError("brand budget must be a number") from exc
    if not math.isfinite(b) or b < 0:
        raise BrandBudgetError("brand budget must be a finite number of yuan ≥ 0")
    if not math.isfinite(share) or not 0 <= share <= 1:
        raise BrandBudgetError("test share must lie in [0, 1]")
    return b, share


def is_measuring(rec: Recommendation) -> bool:
    """Whether the account is still being measured: no curve yet, or fewer than
    :data:`MEASURING_SESSIONS` sessions."""
    return rec.model.status != "fitted" or rec.sessions_used < MEASURING_SESSIONS


def _bounds(rec: Recommendation) -> tuple[dict[str, float], dict[str, float]]:
    """The brand's box per channel: the advisor's step box; an account without a curve (which the
    advisor holds) may move within the step limit towards its test allowance."""
    lower, upper = dict(rec.decision.lower), dict(rec.decision.upper)
    if rec.model.status != "fitted":
        step = rec.settings.max_change
        for c in rec.channels:
            now = rec.current.get(c, 0.0)
            lower[c], upper[c] = now * (1 - step), now * (1 + step)
    return lower, upper


def _optimism(rec: Recommendation) -> float:
    """The ``z`` of the benefit of the doubt for this account (:data:`OPTIMISM`)."""
    if OPTIMISM_MEASURING is not None and is_measuring(rec):
        return OPTIMISM_MEASURING
    return OPTIMISM


def _increment_gains(
    rec: Recommendation, channel: str, grid: np.ndarray, now: float
) -> tuple[np.ndarray, np.ndarray]:
    r"""The profit each increment ``[s_i, s_{i+1}]`` of one channel's ``grid`` adds: expected, and as the
    allocation counts it, with the benefit of the doubt,

    .. math::  e_i = \operatorname{mean}_d \delta_{d,i}, \qquad
               g_i = e_i + z\,\operatorname{sd}_d \delta_{d,i},
               \qquad \delta_{d,i} = P_d(s_{i+1}) - P_d(s_i)

    (``z`` of :func:`_optimism`: :data:`OPTIMISM` as shipped; per yuan, ``g_i / (s_{i+1} − s_i)`` is the
    counted part of :func:`next_yuan_profit` at the increment). Returns ``(e, g)``. With :data:`CAUTION` > 0 (measured, not shipped) the increments of
    ``κ(s)·√(mean_d min(Δ_d(s), 0)²)``, ``Δ_d(s) = P_d(s) − P_d(s⁰)``, are taken off, κ rising beyond
    the channel's tried range as in :func:`liveroi.advisor.decide.cautious_gain`."""
    curve = profit_curve(rec.model, rec.economics, channel, grid)
    steps = np.diff(curve, axis=1)
    mean = steps.mean(axis=0)
    if CAUTION > 0:
        delta = curve - profit_curve(rec.model, rec.economics, channel, now)
        reach = extrapolation(grid, rec.model.tried.get(channel, (now, now)))
        kappa = CAUTION * np.clip(reach / EXTRAPOLATION_RAMP, 0.0, 1.0)
        mean = mean - np.diff(kappa * np.sqrt((np.minimum(delta, 0.0) ** 2).mean(axis=0)))
    return mean, mean + _optimism(rec) * steps.std(axis=0)


def next_yuan_profit(rec: Recommendation, channel: str, spend: float) -> tuple[float, float]:
    r"""The profit of the channel's next yuan at ``spend``, from the draws of
    :func:`liveroi.advisor.decide.marginal_profit`: ``(mean, counted)``, *counted* as the split counts
    it — the posterior mean plus ``z`` (:func:`_optimism`) posterior standard deviations."""
    draws = marginal_profit(rec.model, rec.economics, channel, spend)[:, 0]
    mean = float(draws.mean())
    return mean, mean + _optimism(rec) * float(draws.std())


def _lift(lower: np.ndarray, target: np.ndarray, limit: float) -> np.ndarray:
    """``lower + α (target − lower)`` with the largest α ≤ 1 keeping the sum at most ``limit``."""
    extra = float((target - lower).sum())
    room = limit - float(lower.sum())
    if extra <= room + _EPS:
        return target
    alpha = max(room, 0.0) / extra if extra > 0 else 0.0
    return lower + alpha * (target - lower)


def allocate(
    recs: Sequence[Recommendation], budget: float, test_share: float = TEST_SHARE
) -> BrandAllocation:
    """Split ``budget`` (CNY, next session, whole brand) over the accounts of ``recs`` by marginal
    profit within their guardrails (module docstring). Raises :class:`BrandBudgetError` for a bad
    budget or share."""
    budget, test_share = validate_budget(budget, test_share)
    rows = [(rec, c) for rec in recs for c in rec.channels]  # one entry per account × channel
    acc_of = np.array([i for i, rec in enumerate(recs) for _ in rec.channels], dtype=np.int64)
    n_acc = len(recs)
    bounds = [_bounds(rec) for rec in recs]
    lower = np.array([bounds[acc_of[j]][0][c] for j, (_, c) in enumerate(rows)], dtype=float)
    upper = np.array([bounds[acc_of[j]][1][c] for j, (_, c) in enumerate(rows)], dtype=float)
    upper = np.maximum(upper, lower)
    now = np.array([rec.current.get(c, 0.0) for rec, c in rows], dtype=float)
    measuring = np.array([is_measuring(rec) for rec in recs], dtype=bool)
    lo_int, hi_int = np.ceil(lower - _EPS), np.floor(upper + _EPS)
    whole = (lo_int <= hi_int) & (upper - lower > _EPS)  # rounded to whole yuan (held: kept exact)
    floor_total = float(np.where(whole, lo_int, lower).sum())  # the lowest total, in whole yuan
    below_floors = budget < floor_total - _EPS

    # test allowance: each measuring account moves towards test_share × B / n (its channels in
    # proportion to their latest spend), as far as its step limit allows
    n_measuring = int(measuring.sum())
    allowance = test_share * budget / n_measuring if n_measuring else 0.0
    current_total = np.bincount(acc_of, weights=now, minlength=n_acc)
    scale = np.where(measuring & (current_total > 0), allowance / np.maximum(current_total, _EPS), 0.0)
    target = np.clip(now * scale[acc_of], lower, upper)
    if MEASURING_FLOOR != "share":  # a measuring account with a curve: its own advice as well
        fitted = np.array([rec.model.status == "fitted" for rec in recs], dtype=bool)[acc_of]
        advice = np.clip(np.array([rec.suggested.get(c, 0.0) for rec, c in rows], dtype=float), lower, upper)
        use = {"advice": advice, "share_or_advice": np.maximum(target, advice)}.get(
            MEASURING_FLOOR, np.minimum(target, advice)
        )
        target = np.where(fitted, use, target)
    if CUT_FLOOR == "advice":
        own = np.clip(np.array([rec.suggested.get(c, 0.0) for rec, c in rows], dtype=float), lower, upper)
        target = np.where(measuring[acc_of], target, np.minimum(own, np.maximum(now, lower)))
    else:
        target = np.where(measuring[acc_of], target, lower)
    # an account's own cap bounds its floor too (the step limit wins when the cap is below it)
    caps = np.array(
        [rec.settings.budget_cap if rec.settings.budget_cap is not None else np.inf for rec in recs]
    )
    floor = target.copy()
    for a in np.flatnonzero(measuring & np.isfinite(caps)):
        mine = acc_of == a
        floor[mine] = _lift(lower[mine], target[mine], caps[a])
    floor = lower if below_floors else _lift(lower, floor, budget)

    # increments of every movable channel: fitted, not held, with room above its floor
    movable = np.array(
        [
            rec.model.status == "fitted"
            and c in rec.model.fitted_channels
            and c not in rec.decision.held
            and upper[j] - floor[j] > 0.5
            for j, (rec, c) in enumerate(rows)
        ],
        dtype=bool,
    )
    chan_idx = np.flatnonzero(movable)
    grid = floor[chan_idx, None] + (upper - floor)[chan_idx, None] * np.linspace(0.0, 1.0, STEPS + 1)[None, :]
    gain = np.empty((len(chan_idx), STEPS))
    mean_gain = np.empty_like(gain)
    gmv = np.empty_like(grid)
    for row, j in enumerate(chan_idx):  # one numpy call per account × channel, every draw at once
        rec, c = rows[j]
        mean_gain[row], gain[row] = _increment_gains(rec, c, grid[row], float(now[j]))
        gmv[row] = rec.model.contribution("gmv", c, grid[row]).mean(axis=0)
    # per yuan; the running minimum keeps each channel's values falling along its box, which the greedy
    # order needs: the mean falls (a mean of concave curves is concave), the spread added for the doubt
    # need not
    width = np.maximum(np.diff(grid, axis=1), _EPS)
    gain = np.minimum.accumulate(gain / width, axis=1)
    size = np.diff(grid, axis=1).ravel()
    mp = gain.ravel()
    d_gmv = np.diff(gmv, axis=1).ravel()
    inc_chan = np.repeat(chan_idx, STEPS)
    inc_acc = acc_of[inc_chan]
    # a yuan counted at less than it costs is never spent; one whose expected profit is negative but
    # whose doubt counts it above 0 is (DOUBT_SPENDS; the alternative measured: docs/advisor-notes.md)
    keep = mp > 0 if DOUBT_SPENDS else (mp > 0) & (np.minimum.accumulate(mean_gain / width, axis=1).ravel() > 0)
    size, d_gmv, mp, inc_chan, inc_acc = size[keep], d_gmv[keep], mp[keep], inc_chan[keep], inc_acc[keep]
    order = np.lexsort((inc_chan, -mp))  # best first; ties by channel (deterministic)
    size, d_gmv, mp, inc_chan, inc_acc = size[order], d_gmv[order], mp[order], inc_chan[order], inc_acc[order]

    # account headroom: its cap and its minimum ROI along its own best-first path
    floor_by_acc = np.bincount(acc_of, weights=floor, minlength=n_acc)
    lower_by_acc = np.bincount(acc_of, weights=lower, minlength=n_acc)
    cap_room = np.maximum(caps - floor_by_acc, 0.0)
    by_acc = np.argsort(inc_acc, kind="stable")  # within an account: still best first
    acc_sorted = inc_acc[by_acc]
    starts = np.searchsorted(acc_sorted, np.arange(n_acc))
    cum_size = np.cumsum(size[by_acc])
    cum_gmv = np.cumsum(d_gmv[by_acc])
    before = np.concatenate([[0.0], cum_size])[starts]
    before_gmv = np.concatenate([[0.0], cum_gmv])[starts]
    acc_cum = cum_size - before[acc_sorted]  # spend of the account's increments so far, this one included
    acc_cum_gmv = cum_gmv - before_gmv[acc_sorted]
    roi_room = np.full(n_acc, np.inf)
    min_roi_binding = np.zeros(n_acc, dtype=bool)
    gmv_floor = np.zeros(n_acc)
    min_rois = np.array(
        [rec.settings.min_roi if rec.settings.min_roi is not None else np.nan for rec in recs]
    )
    for a in np.flatnonzero(np.isfinite(min_rois)):
        rec = recs[a]
        spend_a = {c: float(floor[j]) for j, (r, c) in enumerate(rows) if acc_of[j] == a}
        gmv_floor[a] = expected(rec.model, rec.economics, spend_a).gmv
    for a in np.flatnonzero(np.isfinite(min_rois)):
        mine = acc_sorted == a
        ok = gmv_floor[a] + acc_cum_gmv[mine] >= min_rois[a] * (floor_by_acc[a] + acc_cum[mine]) - _EPS
        roi_room[a] = float(acc_cum[mine][ok].max()) if ok.any() else 0.0
        min_roi_binding[a] = bool(mine.any() and not ok[-1]) or (
            gmv_floor[a] < min_rois[a] * floor_by_acc[a] - _EPS
        )
    room = np.minimum(cap_room, roi_room)
    amount_sorted = np.clip(room[acc_sorted] - (acc_cum - size[by_acc]), 0.0, size[by_acc])
    amount = np.empty_like(size)
    amount[by_acc] = amount_sorted
    remaining = 0.0 if below_floors else max(budget - float(floor.sum()), 0.0)
    global_cum = np.cumsum(amount)
    take = np.clip(remaining - (global_cum - amount), 0.0, amount)
    spend = floor + np.bincount(inc_chan, weights=take, minlength=len(rows))
    taken = take > _EPS
    budget_binding = bool((amount - take > _EPS).any())
    water_level = float(mp[taken][-1]) if budget_binding and taken.any() else 0.0

    # whole yuan inside each box, then back under the budget from the least-earning channels
    rounded = np.where(whole, np.clip(np.floor(spend + 1e-6), lo_int, hi_int), spend)
    if below_floors:
        rounded = np.where(whole, lo_int, lower)
    else:
        excess = float(rounded.sum()) - budget
        if excess > _EPS:
            worth = np.full(len(rows), np.inf)
            for j in chan_idx:
                rec, c = rows[j]
                worth[j] = next_yuan_profit(rec, c, float(rounded[j]))[1]
            worth = np.where(np.isfinite(worth), worth, -np.inf)  # no curve: give back first
            slack = np.where(whole, np.maximum(rounded - lo_int, 0.0), 0.0)
            by_worth = np.argsort(worth, kind="stable")
            need = math.ceil(excess - 1e-6)
            cut_sorted = np.clip(need - (np.cumsum(slack[by_worth]) - slack[by_worth]), 0.0, slack[by_worth])
            cut = np.empty_like(cut_sorted)
            cut[by_worth] = cut_sorted
            rounded = rounded - cut

    accounts: dict[str, AccountAllocation] = {}
    for a, rec in enumerate(recs):
        idx = np.flatnonzero(acc_of == a)
        suggested = {rows[j][1]: float(rounded[j]) for j in idx}
        mroi, mprofit, counted = {}, {}, {}
        for j in idx:
            c = rows[j][1]
            if rec.model.status == "fitted" and c in rec.model.fitted_channels:
                mroi[c] = float(rec.model.slope("gmv", c, rounded[j]).mean())
                mprofit[c], counted[c] = next_yuan_profit(rec, c, float(rounded[j]))
            else:
                mroi[c], mprofit[c], counted[c] = None, None, None
        total = float(rounded[idx].sum())
        cap = rec.settings.budget_cap
        accounts[rec.account] = AccountAllocation(
            account=rec.account,
            current=dict(rec.current),
            suggested=suggested,
            lower={rows[j][1]: float(lower[j]) for j in idx},
            upper={rows[j][1]: float(upper[j]) for j in idx},
            marginal_roi=mroi,
            marginal_profit=mprofit,
            counted_profit=counted,
            measuring=bool(measuring[a]),
            allowance=allowance if measuring[a] else 0.0,
            cap_binding=cap is not None and total >= cap - max(1.0, 0.01 * cap),
            cap_unreachable=cap is not None and lower_by_acc[a] > cap + _EPS,
            min_roi_binding=bool(min_roi_binding[a]),
        )
    return BrandAllocation(
        budget=budget,
        allocated=float(rounded.sum()),
        floor_total=floor_total,
        below_floors=below_floors,
        water_level=water_level,
        test_share=test_share,
        measuring_count=n_measuring,
        accounts=accounts,
    )


@dataclass(frozen=True)
class AccountMarginal:
    """An account's marginal return at its latest spend, all its fitted channels together."""

    account: str
    marginal_roi: float | None  # posterior mean, GMV per yuan
    low: float | None  # 80 % credible band
    high: float | None
    breakeven_roi: float
    marginal_profit: float | None  # profit of the next yuan (followers at their value included)
    measuring: bool

    @property
    def verdict(self) -> str:
        """'above' / 'below' break-even when the whole band is, else 'uncertain' ('none': no curve)."""
        if self.marginal_roi is None or self.low is None or self.high is None:
            return "none"
        if self.low > self.breakeven_roi:
            return "above"
        if self.high < self.breakeven_roi:
            return "below"
        return "uncertain"


def account_marginal(rec: Recommendation, band: tuple[float, float] = (0.1, 0.9)) -> AccountMarginal:
    r"""The account's marginal ROI at its latest spend: the GMV of the next yuan spread over its
    fitted channels in proportion to their spend,

    .. math::  \mathrm{mROI}_a = \sum_c w_c\,\mathrm{mROI}_c(s^0_c), \qquad w_c = s^0_c / \textstyle\sum_{c'} s^0_{c'}

    (per posterior draw, so the band is the band of that sum), and likewise its marginal profit
    :func:`liveroi.advisor.decide.marginal_profit`. None without a fitted channel that spends."""
    fitted = [c for c in rec.model.fitted_channels if rec.current.get(c, 0.0) > 0]
    if rec.model.status != "fitted" or not fitted:
        return AccountMarginal(rec.account, None, None, None, rec.breakeven_roi, None, is_measuring(rec))
    spend = np.array([rec.current[c] for c in fitted])
    weights = spend / spend.sum()
    slope = sum(
        w * rec.model.slope("gmv", c, rec.current[c])[:, 0] for w, c in zip(weights, fitted, strict=True)
    )
    profit = sum(
        w * marginal_profit(rec.model, rec.economics, c, rec.current[c])[:, 0]
        for w, c in zip(weights, fitted, strict=True)
    )
    low, high = np.quantile(slope, band)
    return AccountMarginal(
        rec.account,
        float(np.mean(slope)),
        float(low),
        float(high),
        rec.breakeven_roi,
        float(np.mean(profit)),
        is_measuring(rec),
    )


# -- the allocation as the accounts' advice -----------------------------------------------------------
def allocated_recommendation(rec: Recommendation, brand: BrandAllocation, lang: str = "zh") -> Recommendation:
    """``rec`` with its ``suggested`` spend the brand allocation's, the expected outcome at that
    spend and a reason that explains the allocation."""
    part = brand.accounts[rec.account]
    moved = replace(
        rec, suggested=dict(part.suggested), expected=expected(rec.model, rec.economics, part.suggested)
    )
    return replace(moved, reason=brand_reason(moved, part, brand, lang))


def brand_json(rec: Recommendation, brand: BrandAllocation) -> dict:
    """The ``recommend --all-accounts --brand-budget --json`` line: the account object of ``rec``
    (already :func:`allocated_recommendation`) plus ``brand``."""
    part = brand.accounts[rec.account]
    line = rec.to_json()
    line["brand"] = {
        "budget": round(brand.budget, 2),
        "allocated": round(brand.allocated, 2),
        "marginal_roi_at_allocation": {
            c: (None if v is None or not math.isfinite(v) else round(v, 3))
            for c, v in part.marginal_roi.items()
        },
    }
    return line


def relative_change(now: float, to: float) -> float | None:
    """``to / now − 1`` rounded to whole percent (so a tiny cut never reads "−0 %"); None from 0."""
    return round(to / now - 1, 2) + 0.0 if now > 0 else None


def brand_reason(rec: Recommendation, part: AccountAllocation, brand: BrandAllocation, lang: str) -> str:
    """Why the account gets its part of the brand budget, in ``lang`` (one to three sentences)."""
    sep = "" if lang == "zh" else " "
    now, to = part.current_total, part.suggested_total
    change = signed_percent(relative_change(now, to), 0)
    head = t(
        "brand.reason.head",
        lang,
        budget=money(brand.budget, lang),
        current=money(now, lang),
        suggested=money(to, lang),
        change=change,
    )
    parts = [head]
    if brand.below_floors:
        parts.append(
            t(
                "brand.reason.below_floors",
                lang,
                floor=money(brand.floor_total, lang),
                step=percent(rec.settings.max_change, 0),
            )
        )
    elif part.measuring:
        parts.append(
            t(
                "brand.reason.measuring",
                lang,
                sessions=rec.sessions_used,
                needed=MEASURING_SESSIONS,
                allowance=money(part.allowance, lang),
                share=percent(brand.test_share, 0),
                count=brand.measuring_count,
            )
        )
    fitted = [c for c in rec.channels if part.marginal_roi.get(c) is not None]
    binding = brand.water_level > 0
    if fitted and not brand.below_floors:
        channel = max(fitted, key=lambda c: (abs(part.suggested[c] - part.current[c]), c))
        to, now = part.suggested[channel], part.current[channel]
        if to > now and to >= math.floor(part.upper[channel] + _EPS):
            key = "brand.reason.channel_top"
        elif to < now and to <= math.ceil(part.lower[channel] - _EPS):
            key = "brand.reason.channel_floor"
        else:
            key = "brand.reason.channel" if binding else "brand.reason.channel_free"
        level = money(brand.water_level, lang, decimals=2)
        parts.append(
            t(
                key,
                lang,
                channel=channel_name(channel, lang),
                to=money(to, lang),
                mroi=ratio(part.marginal_roi[channel]),
                breakeven=ratio(rec.breakeven_roi),
                profit=money(part.marginal_profit[channel], lang, decimals=2),
                counted=money(part.counted_profit[channel], lang, decimals=2),
                level=t("brand.reason.level", lang, level=level) if binding else "",
            )
        )
    if not binding and not brand.below_floors and brand.budget - brand.allocated >= 1:
        parts.append(t("brand.reason.unspent", lang, left=money(brand.budget - brand.allocated, lang)))
    if part.cap_unreachable:
        parts.append(t("advisor.reason.cap_unreachable", lang, cap=money(rec.settings.budget_cap, lang)))
    elif part.cap_binding:
        parts.append(t("advisor.reason.cap", lang, cap=money(rec.settings.budget_cap, lang)))
    if part.min_roi_binding:
        parts.append(t("advisor.reason.min_roi", lang, min_roi=ratio(rec.settings.min_roi)))
    held = [c for c in rec.channels if c in rec.decision.held and rec.model.status == "fitted"]
    if held:
        names = ("、" if lang == "zh" else ", ").join(channel_name(c, lang) for c in held)
        parts.append(t("brand.reason.held", lang, channels=names))
    return sep.join(parts)
