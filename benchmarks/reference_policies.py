r"""Reference policies the advisor is measured against (issue 12 §2), beside the advisor itself.

* :func:`~liveroi.advisor.simulate.hold_policy` — repeat the latest session's spend.
* :func:`~liveroi.advisor.backtest.rule_policy` — every channel ±20 % by the latest session's
  whole-room ROI against break-even.
* :func:`least_squares_policy` — a plain least-squares Hill fit that steps toward its own optimum
  (below).
* :func:`~liveroi.advisor.simulate.known_shape_policy` — the learner *told* the true curve shapes
  and the organic structure, learning only the scales: the information limit of the sessions.
* :func:`~liveroi.advisor.simulate.oracle_policy` — knows the curves; the score's denominator.

PyMC-Marketing (the package index carries ``pymc-marketing`` 1.3.0) is not measured: it needs PyMC
and PyTensor in a separate environment and takes seconds per fit (the issue's own check: 3–6 s a
decision), i.e. tens of CPU-minutes for the held-out suite on two shared cores.

The plain least-squares policy
------------------------------
Model, fitted by :func:`scipy.optimize.least_squares` on every session so far:

.. math::  \mathrm{GMV}_i = a_0 + a_{\mathrm{promo}}\,\mathrm{promo}_i
            + \sum_c \mathrm{top}_c \frac{s_{ic}^{n_c}}{s_{ic}^{n_c} + h_c^{n_c}}

with ``top_c ≥ 0``, ``n_c ∈ [0.5, 3]`` and ``h_c ∈ [0.05, 20] × median spend`` (fitted on log scales,
started at ``n = 1``, ``h = median``, warm-started from the previous session's fit), new followers
per channel linear in spend (ordinary least squares). Its optimum per channel maximises
``m·GMV_c(s) + v·followers_c(s) − s`` on a grid up to 4× the channel's largest spend so far; the policy
steps toward it, clipped to the ±``max_change`` box; over the budget cap, each channel's part above its box
floor is scaled down. No prior, no
uncertainty, no caution: what a careful analyst with ``scipy`` would do in an afternoon.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import least_squares

from liveroi.advisor.data import History
from liveroi.advisor.simulate import Policy
from liveroi.settings import AccountSettings


def least_squares_policy() -> Policy:
    """A fresh plain least-squares policy (module docstring; it keeps its last fit as the next
    fit's starting point, so make one per account)."""
    state: dict[str, np.ndarray] = {}

    def policy(history: History, settings: AccountSettings) -> dict[str, float]:
        spend = history.spend.to_numpy(dtype=float)
        gmv = history.sessions["gmv"].fillna(0.0).to_numpy(dtype=float)
        promo = history.sessions["promo"].to_numpy(dtype=float)
        typical = np.maximum(np.median(spend, axis=0), 1.0)
        c = spend.shape[1]
        scale = max(float(gmv.mean()), 1.0)

        def curves(p: np.ndarray, s: np.ndarray) -> np.ndarray:  # (rows × channels) GMV / scale
            top, n, h = np.exp(p[2 : 2 + c]), np.exp(p[2 + c : 2 + 2 * c]), np.exp(p[2 + 2 * c :]) * typical
            x = (np.maximum(s, 0.0) / h) ** n
            return top * x / (1 + x)

        def residual(p: np.ndarray) -> np.ndarray:
            return p[0] + p[1] * promo + curves(p, spend).sum(axis=1) - gmv / scale

        start = state.get("p", np.concatenate([[0.5, 0.0], np.full(c, -0.5), np.zeros(c), np.zeros(c)]))
        low = np.concatenate([[-10, -10], np.full(c, -12), np.full(c, np.log(0.5)), np.full(c, np.log(0.05))])
        high = np.concatenate([[10, 10], np.full(c, 6), np.full(c, np.log(3.0)), np.full(c, np.log(20.0))])
        p = least_squares(residual, np.clip(start, low + 1e-9, high - 1e-9), bounds=(low, high)).x
        state["p"] = p
        followers = np.linalg.lstsq(
            np.column_stack([np.ones(len(spend)), spend]),
            history.sessions["new_followers"].fillna(0.0).to_numpy(dtype=float),
            rcond=None,
        )[0][1:]
        margin = settings.gross_margin * (1 - settings.refund_rate)
        value = settings.follower_value or 0.0
        latest = history.latest_spend()
        chosen, lower = {}, {}
        for j, name in enumerate(history.channels):
            grid = np.linspace(0.0, 4 * max(spend[:, j].max(), 1.0), 801)
            s = np.zeros((len(grid), c))
            s[:, j] = grid
            profit = margin * scale * curves(p, s)[:, j] + value * max(followers[j], 0.0) * grid - grid
            target = float(grid[np.argmax(profit)])
            now = latest[name]
            box = (now * (1 - settings.max_change), now * (1 + settings.max_change))
            chosen[name] = float(np.clip(target, *box)) if now > 0 else 0.0
            lower[name] = box[0] if now > 0 else 0.0
        cap = settings.budget_cap
        if cap is not None and sum(chosen.values()) > cap:  # cut the parts above the box floors
            floor = sum(lower.values())
            alpha = max(cap - floor, 0.0) / (sum(chosen.values()) - floor)
            chosen = {c: lower[c] + alpha * (v - lower[c]) for c, v in chosen.items()}
        return chosen

    return policy
