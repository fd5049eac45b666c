"""Backtest: replay an account's history and compare the advisor with holding spend and the ±20 % rule.

For each replayed session ``t`` the three policies see only sessions ``< t`` and propose spend for
``t`` relative to the spend actually used at ``t − 1`` (a one-step counterfactual: the history keeps
the spend that really happened). Each proposal is scored by an *evaluator* — by default the model
fitted on the whole history (the best estimate of the truth there is), in tests the simulator's true
curves — as expected profit of that session. Because the controls are additive, the differences
between policies do not depend on the session's day or length.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from liveroi.advisor.data import History
from liveroi.settings import AccountSettings

Evaluator = Callable[[dict[str, float]], float]


def rule_policy(history: History, settings: AccountSettings, step: float = 0.2) -> dict[str, float]:
    """The ±20 % rule: every channel +20 % when the latest session's whole-room ROI reached break-even,
    else −20 %; scaled down to the budget cap."""
    latest = history.latest_spend()
    total = sum(latest.values())
    gmv = float(history.sessions["gmv"].iloc[-1])
    roi = gmv / total if total > 0 else float("inf")
    factor = 1 + step if roi >= (settings.breakeven_roi or float("inf")) else 1 - step
    spend = {c: s * factor for c, s in latest.items()}
    return scale_to_cap(spend, settings.budget_cap)


def scale_to_cap(spend: dict[str, float], cap: float | None) -> dict[str, float]:
    """``spend`` scaled down proportionally so its total fits under ``cap``."""
    total = sum(spend.values())
    if cap is None or total <= cap or total <= 0:
        return spend
    return {c: s * cap / total for c, s in spend.items()}


def model_evaluator(history: History, settings: AccountSettings) -> Evaluator:
    """Expected profit of a session at a spend, per the model fitted on the whole history."""
    from liveroi.advisor import recommend
    from liveroi.advisor.decide import expected

    rec = recommend(history, settings)

    def evaluate(spend: dict[str, float]) -> float:
        return expected(rec.model, rec.economics, spend).profit

    return evaluate


def backtest(
    history: History,
    settings: AccountSettings,
    *,
    first: int = 20,
    last: int | None = 60,
    evaluator: Evaluator | None = None,
) -> pd.DataFrame:
    """One row per replayed session (the last ``last`` sessions, never before session ``first``):
    ``session_id, started_at`` and for each of ``advisor``, ``hold``, ``rule``: the total spend
    proposed (``<policy>_spend``), its expected profit (``<policy>_profit``) and the running sum
    (``<policy>_cumulative``)."""
    from liveroi.advisor import recommend

    evaluate = evaluator or model_evaluator(history, settings)
    n = len(history)
    start = max(first, n - last if last is not None else first, 1)
    rows = []
    for t in range(start, n):
        past = history.head(t)
        proposals = {
            "advisor": recommend(past, settings).suggested,
            "hold": past.latest_spend(),
            "rule": rule_policy(past, settings),
        }
        row: dict[str, object] = {
            "session_id": history.sessions["session_id"].iloc[t],
            "started_at": history.sessions["started_at"].iloc[t],
        }
        for name, spend in proposals.items():
            row[f"{name}_spend"] = float(sum(spend.values()))
            row[f"{name}_profit"] = float(evaluate(spend))
        rows.append(row)
    frame = pd.DataFrame(rows)
    for name in ("advisor", "hold", "rule"):
        column = f"{name}_profit"
        frame[f"{name}_cumulative"] = frame[column].cumsum() if len(frame) else np.array([])
    return frame
