"""The spend advisor: next session's spend per channel from marginal ROI, with guardrails and a reason.

Pipeline, per account (each step DB-free and picklable except the first)::

    history = load_histories(con, accounts)[a]      # data.py  (queries/advisor/*.sql, one pass)
    model   = fit(history, prior_roi=break-even)    # model.py (response curves + posterior draws)
    choice  = choose_spend(model, current, settings, econ)  # decide.py (profit under guardrails)
    reason  = build_reason(rec, lang)               # reason.py (i18n)

Public API (used by the CLI, the advisor page and the benchmarks):

* :func:`recommend` ``(history, settings, lang='zh') -> Recommendation``
* :func:`recommend_account` ``(con, account, settings=None, lang='zh', **overrides) -> Recommendation``
* :func:`recommend_accounts` ``(con, accounts=None, *, lang='zh', workers=2, **overrides)
  -> Iterator[Recommendation]`` — many (or all) accounts: one pass over the database, fits in a
  process pool (batch.py); ``recommend_account`` is its loader for a batch of one.
* :func:`response_curve` ``(rec, channel, grid=None) -> DataFrame`` (spend, gmv_mean, gmv_low, gmv_high,
  marginal_roi_mean, marginal_roi_low, marginal_roi_high, new_followers_mean)
* :func:`what_if` ``(rec, spend_by_channel) -> dict`` (gmv, gmv_low, gmv_high, roi, new_followers, profit)
* :func:`backtest` ``(history, settings, ...) -> DataFrame`` (advisor vs hold vs the ±20 % rule)
* :meth:`Recommendation.to_json` — the stable ``recommend --json`` object.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from liveroi.advisor.backtest import backtest
from liveroi.advisor.batch import load_inputs, recommend_accounts
from liveroi.advisor.data import History, account_known, load_histories, load_history
from liveroi.advisor.decide import (
    Decision,
    Economics,
    Expected,
    SpendTotals,
    choose_spend,
    economics,
    expected,
)
from liveroi.advisor.model import FittedModel, fit
from liveroi.advisor.reason import build_reason
from liveroi.settings import AccountSettings

__all__ = [
    "Decision",
    "Economics",
    "Expected",
    "FittedModel",
    "History",
    "Recommendation",
    "account_known",
    "backtest",
    "fit",
    "load_histories",
    "load_history",
    "load_inputs",
    "recommend",
    "recommend_account",
    "recommend_accounts",
    "response_curve",
    "what_if",
]

BAND = (0.1, 0.9)  # the 80 % credible band of curves and marginal ROI


@dataclass(frozen=True)
class Recommendation(SpendTotals):
    """The advice for an account's next session, with everything needed to draw and check it."""

    account: str
    sessions_used: int
    channels: tuple[str, ...]
    current: dict[str, float]
    suggested: dict[str, float]
    expected: Expected
    marginal_roi: dict[str, float | None]  # posterior mean at the current spend (GMV per yuan)
    marginal_roi_interval: dict[str, tuple[float | None, float | None]]
    marginal_followers: dict[str, float | None]  # new followers per yuan at the current spend
    breakeven_roi: float
    reason: str
    settings: AccountSettings
    economics: Economics
    decision: Decision
    model: FittedModel
    history: History

    def to_json(self) -> dict:
        """The ``recommend --json`` object (stable contract, issue 4 §3)."""

        def num(value: float | None, places: int = 2) -> float | None:
            if value is None or not np.isfinite(value):
                return None
            return round(float(value), places)

        e = self.expected
        return {
            "account": self.account,
            "sessions_used": self.sessions_used,
            "current": {
                "total": num(self.current_total),
                "channels": {c: num(v) for c, v in self.current.items()},
            },
            "suggested": {
                "total": num(self.suggested_total),
                "channels": {c: num(v) for c, v in self.suggested.items()},
            },
            "expected": {
                "gmv": num(e.gmv),
                "gmv_low": num(e.gmv_low),
                "gmv_high": num(e.gmv_high),
                "roi": num(e.roi, 3),
                "profit": num(e.profit),
                "new_followers": num(e.new_followers, 1),
            },
            "marginal_roi": {c: num(v, 3) for c, v in self.marginal_roi.items()},
            "breakeven_roi": num(self.breakeven_roi, 3),
            "reason": self.reason,
        }


def recommend(history: History, settings: AccountSettings, lang: str = "zh") -> Recommendation:
    """Fit the account's curves and choose the next session's spend (DB-free; see the modules)."""
    econ = economics(history, settings)
    model = fit(history, prior_roi=econ.breakeven_roi if np.isfinite(econ.breakeven_roi) else None)
    current = history.latest_spend()
    decision = choose_spend(model, current, settings, econ)
    marginal, interval, followers = {}, {}, {}
    for channel in history.channels:
        if channel in model.fitted_channels:
            slope = model.slope("gmv", channel, current[channel])[:, 0]
            marginal[channel] = float(slope.mean())
            low, high = np.quantile(slope, BAND)
            interval[channel] = (float(low), float(high))
            followers[channel] = float(model.slope("new_followers", channel, current[channel])[:, 0].mean())
        else:
            marginal[channel], interval[channel], followers[channel] = None, (None, None), None
    rec = Recommendation(
        account=history.account,
        sessions_used=len(history),
        channels=history.channels,
        current=current,
        suggested=decision.suggested,
        expected=expected(model, econ, decision.suggested),
        marginal_roi=marginal,
        marginal_roi_interval=interval,
        marginal_followers=followers,
        breakeven_roi=econ.breakeven_roi,
        reason="",
        settings=settings,
        economics=econ,
        decision=decision,
        model=model,
        history=history,
    )
    return _with_reason(rec, lang)


def _with_reason(rec: Recommendation, lang: str) -> Recommendation:
    from dataclasses import replace

    return replace(rec, reason=build_reason(rec, lang))


def recommend_account(
    con: duckdb.DuckDBPyConnection,
    account: str,
    settings: AccountSettings | None = None,
    lang: str = "zh",
    **overrides: float | None,
) -> Recommendation:
    """:func:`recommend` for an account of the database, settings from the Settings table with
    per-call ``overrides`` (gross_margin=…, follower_value=…, …; validated, may raise SettingsError).
    Raises LookupError when the account is unknown or has no sessions. Loads like
    :func:`recommend_accounts` (a batch of one); for many accounts use that."""
    loaded = load_inputs(con, [account])
    if not loaded:
        raise LookupError("no_data" if account_known(con, account) else "no_account")
    history, stored = loaded[0]
    return recommend(history, (settings or stored).with_overrides(**overrides), lang)


def response_curve(rec: Recommendation, channel: str, grid: np.ndarray | None = None) -> pd.DataFrame:
    """Expected session GMV as this channel's spend varies (the others at their suggested spend),
    with its 80 % credible band, and the marginal ROI with its band, on ``grid`` (default: 0 to twice
    the larger of current and suggested spend, 101 points). Empty for a channel without a curve."""
    columns = [
        "spend",
        "gmv_mean",
        "gmv_low",
        "gmv_high",
        "marginal_roi_mean",
        "marginal_roi_low",
        "marginal_roi_high",
        "new_followers_mean",
    ]
    model = rec.model
    if channel not in model.fitted_channels:
        return pd.DataFrame(columns=columns)
    if grid is None:
        top = 2 * max(
            rec.current.get(channel, 0.0), rec.suggested.get(channel, 0.0), model.typical_spend[channel]
        )
        grid = np.linspace(0.0, top, 101)
    grid = np.asarray(grid, dtype=float)
    others = {c: s for c, s in rec.suggested.items() if c != channel}
    rest = model.predict("gmv", {**others, channel: 0.0}) - model.contribution("gmv", channel, 0.0)[:, 0]
    gmv = rest[:, None] + model.contribution("gmv", channel, grid)
    slope = model.slope("gmv", channel, grid)
    rest_f = model.predict("new_followers", {**others, channel: 0.0})
    followers = rest_f[:, None] + model.contribution("new_followers", channel, grid)
    return pd.DataFrame(
        {
            "spend": grid,
            "gmv_mean": gmv.mean(axis=0),
            "gmv_low": np.quantile(gmv, BAND[0], axis=0),
            "gmv_high": np.quantile(gmv, BAND[1], axis=0),
            "marginal_roi_mean": slope.mean(axis=0),
            "marginal_roi_low": np.quantile(slope, BAND[0], axis=0),
            "marginal_roi_high": np.quantile(slope, BAND[1], axis=0),
            "new_followers_mean": followers.mean(axis=0),
        }
    )


def what_if(rec: Recommendation, spend_by_channel: dict[str, float]) -> dict[str, float | None]:
    """Expected GMV (80 % predictive interval), ROI, new followers and profit of a session at the
    given spend per channel (channels not given stay at their current spend)."""
    spend = {c: float(spend_by_channel.get(c, rec.current[c])) for c in rec.channels}
    e = expected(rec.model, rec.economics, spend)
    return {
        "gmv": e.gmv,
        "gmv_low": e.gmv_low,
        "gmv_high": e.gmv_high,
        "roi": e.roi,
        "new_followers": e.new_followers,
        "profit": e.profit,
    }
