"""Attach ad-spend report rows to sessions by time overlap (all in SQL: queries/ad_spend/*.sql).

For every ad row (one plan, one hour or day) of an account, the sessions of that account it overlaps
get its spend and ad GMV split in proportion to the overlap::

    share(session) = overlap_seconds(ad row, session) / Σ overlap_seconds(ad row, every session)

so an ad row that touches a session is attributed whole, and ``ad_spend.session_id`` names the session
with the largest overlap. An ad row that overlaps no session keeps ``session_id`` NULL: it is
*unattributed* and still counted, per day, in ``daily_metrics`` (view ``unattributed_spend``) — never
dropped. ``session_spend.report_spend`` / ``report_ad_gmv`` are recomputed from scratch for the accounts
touched, so the attachment is the same whatever order sessions and reports arrive in.

Several reports of the same money (a 磁力金牛 unit report, account daily report and agency spend export of
one account) are all stored; for each account, channel and day only the finest one present counts
(:func:`apply_precedence`), so importing them together, in any order, gives the totals of one source.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from liveroi import db


def apply_precedence(con: duckdb.DuckDBPyConnection, accounts: Sequence[str], import_id: int) -> None:
    """Mark which report's rows count where several describe the same money (queries/ad_spend/
    precedence.sql: per account, channel and day the finest layout wins) and log the choice under
    ``import_id`` (table ``ad_precedence``). Inside the caller's transaction; before :func:`attach_ad_spend`."""
    if not accounts:
        return
    params = {"accounts": list(accounts)}
    db.execute(con, "ad_spend/precedence", params)
    db.execute(con, "ad_spend/precedence_log", {**params, "import_id": import_id})


def attach_ad_spend(con: duckdb.DuckDBPyConnection, accounts: Sequence[str]) -> None:
    """Recompute the attachment of ad spend to sessions for ``accounts`` (inside the caller's
    transaction). Rows superseded by a finer report are not attached."""
    if not accounts:
        return
    params = {"accounts": list(accounts)}
    if not bool(db.query(con, "ad_spend/attach_needed", params)["needed"].iloc[0]):
        return  # no ad rows for these accounts and no report spend anywhere: nothing to attach or clear
    db.execute(con, "ad_spend/overlaps", params)
    db.execute(con, "ad_spend/attach_reset", params)
    db.execute(con, "ad_spend/attach_spend_update")
    db.execute(con, "ad_spend/attach_spend_insert")
    db.execute(con, "ad_spend/attach_sessions", params)
    db.execute(con, "ad_spend/attach_cleanup")
