"""An account's broadcast history as the advisor reads it: one row per session, spend pivoted by channel.

:class:`History` is plain data (two DataFrames and a name) so the model can be fitted in another
process (it pickles) and without a database — the simulator and the benchmarks build it directly.
:func:`load_history` is the only piece that reads the database, through ``queries/advisor_*.sql``.

Channels are whatever the account's ``session_channel_spend`` rows name — unknown channel names
included — pivoted in pandas, never taken from the fixed ``spend_<channel>`` columns of
``session_metrics``.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from liveroi import db

SESSION_COLUMNS: tuple[str, ...] = (
    "session_id",
    "started_at",
    "duration_min",
    "gmv",
    "refunds",
    "new_followers",
    "buyers",
    "promo",
)


@dataclass(frozen=True)
class History:
    """One account's sessions, oldest first.

    ``sessions`` has the columns of :data:`SESSION_COLUMNS` (``promo`` is a bool, the others numbers,
    missing as NaN); ``spend`` has one column per channel key (CNY, 0 when the channel did not run),
    row for row aligned with ``sessions`` (both on a 0..n-1 index).
    """

    account: str
    sessions: pd.DataFrame
    spend: pd.DataFrame

    @property
    def channels(self) -> tuple[str, ...]:
        """The channel keys, as stored."""
        return tuple(str(c) for c in self.spend.columns)

    def __len__(self) -> int:
        return len(self.sessions)

    def head(self, n: int) -> History:
        """The first ``n`` sessions (the history as it stood before session ``n``)."""
        return History(
            self.account,
            self.sessions.iloc[:n].reset_index(drop=True),
            self.spend.iloc[:n].reset_index(drop=True),
        )

    def latest_spend(self) -> dict[str, float]:
        """Spend per channel in the latest session (the base of the step limit)."""
        if self.spend.empty:
            return {}
        row = self.spend.iloc[-1]
        return {str(c): float(row[c]) for c in self.spend.columns}

    def append(self, sessions: pd.DataFrame, spend: pd.DataFrame) -> History:
        """A new history with more sessions at the end (columns of ``spend`` must match)."""
        return History(
            self.account,
            pd.concat([self.sessions, sessions], ignore_index=True),
            pd.concat([self.spend, spend[list(self.spend.columns)]], ignore_index=True),
        )


def build_history(account: str, sessions: pd.DataFrame, channel_spend: pd.DataFrame) -> History:
    """A :class:`History` from the session rows and the long (session_id, channel, spend) rows."""
    sessions = sessions.sort_values(["started_at", "session_id"]).reset_index(drop=True)
    frame = pd.DataFrame({"session_id": sessions["session_id"].astype(str)})
    for column in SESSION_COLUMNS[1:]:
        if column == "started_at":
            frame[column] = pd.to_datetime(sessions[column])
        elif column == "promo":
            frame[column] = sessions[column].fillna(False).astype(bool) if column in sessions else False
        else:
            values = sessions[column] if column in sessions else np.nan
            frame[column] = pd.to_numeric(values, errors="coerce").astype(float)
    if channel_spend.empty:
        spend = pd.DataFrame(index=frame.index)
    else:
        long = channel_spend.assign(session_id=channel_spend["session_id"].astype(str))
        wide = long.pivot_table(index="session_id", columns="channel", values="spend", aggfunc="sum")
        wide = wide.reindex(frame["session_id"]).fillna(0.0).clip(lower=0.0)
        wide = wide.loc[:, wide.sum(axis=0) > 0]  # a channel that never spent has nothing to advise
        spend = wide.reset_index(drop=True).astype(float)
        spend.columns = [str(c) for c in spend.columns]
        spend = spend[sorted(spend.columns)]
    return History(account, frame, spend)


def account_known(con: duckdb.DuckDBPyConnection, account: str) -> bool:
    """Whether the account exists (in ``accounts`` or with at least one session)."""
    frame = db.query(con, "advisor_account_known", {"account": account})
    return bool(frame.iloc[0, 0])


def load_history(con: duckdb.DuckDBPyConnection, account: str) -> History:
    """The account's sessions and per-channel spend from the database (empty when it has none)."""
    sessions = db.query(con, "advisor_sessions", {"account": account})
    channel_spend = db.query(con, "advisor_channel_spend", {"account": account})
    return build_history(account, sessions, channel_spend)
