"""A brand whose accounts' true curves are known (the simulator's brand family) in a real DuckDB file,
for the brand budget's CLI and page tests.

The "saturated" account gets a large organic GMV, so its *average* ROI is the matrix's highest while
its marginal ROI (0.64 at ¥30,000) is its lowest: a callout ranking by average ROI names it first,
one ranking by marginal return names the starved account (marginal ROI 3.1 at ¥8,000)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from liveroi import db
from liveroi.advisor.brand_simulate import brand_family
from liveroi.advisor.simulate import Scenario, generate_history

SEED = 3
LAST_SESSION = pd.Timestamp("2026-02-09 19:00")
RICH_ORGANIC = 200_000.0


def family_accounts() -> tuple[Scenario, ...]:
    """The brand family with the saturated account's organic GMV raised to :data:`RICH_ORGANIC`."""
    return tuple(
        replace(a, organic_gmv=RICH_ORGANIC) if a.name == "saturated" else a for a in brand_family().accounts
    )


def write_brand(path: Path, seed: int = SEED) -> Path:
    """Every account's simulated history (sessions and per-channel spend) and its settings."""
    with db.connection(path) as con:
        for scenario in family_accounts():
            history = generate_history(scenario, seed)
            # every account's latest session on the same evening (the new account's six sessions
            # would otherwise end weeks before the others')
            started = history.sessions["started_at"]
            sessions = history.sessions.assign(
                account=scenario.name, started_at=started + (LAST_SESSION - started.iloc[-1])
            )
            con.register("brand_sessions", sessions)
            con.execute(
                "INSERT INTO sessions (session_id, account, started_at, duration_min, gmv, refunds,"
                " new_followers, buyers) SELECT session_id, account, started_at, duration_min, gmv, refunds,"
                " new_followers, buyers FROM brand_sessions"
            )
            long = history.spend.assign(session_id=sessions["session_id"]).melt(
                id_vars="session_id", var_name="channel", value_name="export_spend"
            )
            con.register("brand_spend", long)
            con.execute(
                "INSERT INTO session_spend (session_id, channel, export_spend)"
                " SELECT session_id, channel, export_spend FROM brand_spend WHERE export_spend > 0"
            )
            con.execute(
                "INSERT INTO settings (account, gross_margin, refund_rate, max_change, follower_value)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    scenario.name,
                    scenario.gross_margin,
                    scenario.refund_rate,
                    scenario.max_change,
                    scenario.follower_value,
                ],
            )
            con.unregister("brand_sessions")
            con.unregister("brand_spend")
    return path
