"""An account's broadcast history as the advisor reads it: one row per session, spend pivoted by channel.

:class:`History` is plain data (two DataFrames and a name) so the model can be fitted in another
process (it pickles) and without a database — the simulator and the benchmarks build it directly.
:func:`load_histories` is the only piece that reads the database, through ``queries/advisor/*.sql``:
many accounts (or all) in one pass; :func:`load_history` is that for one account.

Channels are whatever the account's ``session_channel_spend`` rows name — unknown channel names
included — pivoted in numpy, never taken from the fixed ``spend_<channel>`` columns of
``session_metrics``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

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
    "followers_total",
    "followers_lost",
    "fans_gmv",
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


def load_histories(
    con: duckdb.DuckDBPyConnection, accounts: Sequence[str] | None = None
) -> dict[str, History]:
    """The histories of ``accounts`` (every account when None) in one pass over the database, keyed by
    account in account order; an account without sessions has no entry.

    Three queries in one transaction (one snapshot): the sessions of all the accounts sorted by account
    and time, the channel names, and the spend as (session rowid, channel position, spend) — numbers,
    not text — put in a sessions × channels matrix and split per account in numpy, so one account or
    five hundred cost one scan of each table.
    """
    params = {"accounts": None if accounts is None else [str(a) for a in accounts]}
    if accounts is not None and not params["accounts"]:
        return {}
    with db.transaction(con):
        sessions = db.query(con, "advisor/sessions", params)
        channels = db.query(con, "advisor/channels")["channel"].astype(str).to_list()
        spend = db.query(con, "advisor/channel_spend", params)
    rows = sessions["session_row"].to_numpy(dtype=np.int64)
    by_row = np.argsort(rows)
    position = by_row[np.searchsorted(rows, spend["session_row"].to_numpy(dtype=np.int64), sorter=by_row)]
    matrix = np.bincount(
        position * len(channels) + spend["channel_pos"].to_numpy(dtype=np.int64),
        weights=spend["spend"].to_numpy(dtype=float),
        minlength=len(sessions) * len(channels),
    ).reshape(len(sessions), len(channels))
    return split_histories(sessions, matrix, channels)


def split_histories(sessions: pd.DataFrame, spend: np.ndarray, channels: Sequence[str]) -> dict[str, History]:
    """One :class:`History` per account from ``sessions`` sorted by account and then time (columns
    ``account`` and :data:`SESSION_COLUMNS`) and ``spend``, its row-aligned sessions × ``channels``
    matrix (channels sorted). Each account keeps the channels it ever spent on."""
    frame = _typed_sessions(sessions)
    spend = np.clip(np.nan_to_num(spend, nan=0.0), 0.0, None)
    names = np.asarray([str(c) for c in channels], dtype=object)
    account = sessions["account"].astype(str)
    starts = np.flatnonzero(account.ne(account.shift()).to_numpy())
    edges = np.append(starts, len(frame))
    histories: dict[str, History] = {}
    for start, end in pairwise(edges):  # one step per account, not per session
        block = spend[start:end]
        spent = block.sum(axis=0) > 0  # a channel that never spent has nothing to advise
        histories[account.iat[start]] = History(
            account.iat[start],
            frame.iloc[start:end].reset_index(drop=True),
            pd.DataFrame(block[:, spent], columns=list(names[spent])),
        )
    return histories


def _typed_sessions(sessions: pd.DataFrame) -> pd.DataFrame:
    """The :data:`SESSION_COLUMNS` with the advisor's types: text id, timestamps, bool promo, floats."""
    frame = pd.DataFrame({"session_id": sessions["session_id"].astype(str)})
    for column in SESSION_COLUMNS[1:]:
        if column == "started_at":
            frame[column] = pd.to_datetime(sessions[column])
        elif column == "promo":
            frame[column] = sessions[column].fillna(False).astype(bool) if column in sessions else False
        else:
            values = sessions[column] if column in sessions else np.nan
            frame[column] = pd.to_numeric(values, errors="coerce").astype(float)
    return frame


def account_known(con: duckdb.DuckDBPyConnection, account: str) -> bool:
    """Whether the account exists (in ``accounts`` or with at least one session)."""
    frame = db.query(con, "advisor/account_known", {"account": account})
    return bool(frame.iloc[0, 0])


def load_history(con: duckdb.DuckDBPyConnection, account: str) -> History:
    """One account's history (:func:`load_histories` for one; empty when it has no sessions)."""
    found = load_histories(con, [account]).get(account)
    if found is not None:
        return found
    empty = pd.DataFrame({column: pd.Series(dtype=object) for column in SESSION_COLUMNS})
    return History(account, _typed_sessions(empty), pd.DataFrame(index=pd.RangeIndex(0)))
