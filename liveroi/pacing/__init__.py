"""In-broadcast pacing advice from the session timeline — advice only, liveroi never touches an ad account.

Public API::

    broadcast_timeline(con, account, session_id=None) -> (session_id | None, DataFrame)
    pace(con, account, session_id=None, lang="zh") -> dict    # the `pace --json` object
    replay(con, account, session_id, lang="zh") -> DataFrame  # what the rules would have changed, and what happened

The rules (:mod:`liveroi.pacing.engine`) judge each target against the account's break-even ROI (the
``account_settings`` view, through :func:`liveroi.settings.load`) with the account's pacing settings
(:mod:`liveroi.pacing.rules`).
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from liveroi import db, formatting, settings
from liveroi.i18n import t
from liveroi.pacing import rules as rules_module
from liveroi.pacing.engine import Advice, evaluate, replay_table
from liveroi.pacing.rules import PacingRules

__all__ = ["Advice", "PacingRules", "broadcast_timeline", "pace", "reason_text", "replay"]

#: Buckets of a broadcast not yet matched to a session split into broadcasts at gaps longer than this.
BROADCAST_GAP_MIN = 60.0


def account_known(con: duckdb.DuckDBPyConnection, account: str) -> bool:
    """Whether the account has sessions or timeline rows."""
    return bool(db.query(con, "pacing/account_known", {"account": account})["known"].iloc[0])


def _latest_run(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of the last broadcast among buckets matched to no session: runs split where the gap
    between one bucket's end and the next bucket's start (over every target) exceeds
    :data:`BROADCAST_GAP_MIN`."""
    starts = pd.to_datetime(frame["bucket_start"])
    ends = starts + pd.to_timedelta(frame["bucket_minutes"].astype(float), unit="m")
    order = np.argsort(starts.to_numpy(), kind="stable")
    s, e = starts.to_numpy()[order], ends.to_numpy()[order]
    reach = np.maximum.accumulate(e)
    gap = np.concatenate([[False], (s[1:] - reach[:-1]) > np.timedelta64(int(BROADCAST_GAP_MIN * 60), "s")])
    run = np.cumsum(gap)
    keep = np.zeros(len(frame), dtype=bool)
    keep[order[run == run[-1]]] = True
    return frame[keep]


def broadcast_timeline(
    con: duckdb.DuckDBPyConnection, account: str, session_id: str | None = None
) -> tuple[str | None, pd.DataFrame]:
    """The timeline of ``session_id``, or of the account's latest broadcast: the session of its latest
    bucket, or — when that bucket is in no session yet (a broadcast still live) — the last run of
    buckets outside sessions. ``(None, empty)`` when there is nothing."""
    latest = db.query(con, "pacing/latest_bucket", {"account": account, "session_id": session_id})
    if latest.empty:
        return session_id, pd.DataFrame()
    found = latest["session_id"].iloc[0]
    if found is not None and not pd.isna(found):
        frame = db.query(con, "pacing/session_buckets", {"account": account, "session_id": str(found)})
        return str(found), frame
    day = pd.Timestamp(latest["bucket_start"].iloc[0]).normalize() - pd.Timedelta(days=1)
    frame = db.query(con, "pacing/unattached_buckets", {"account": account, "since": day.to_pydatetime()})
    return None, _latest_run(frame) if len(frame) else frame


def _fmt_time(value: object) -> str:
    return pd.Timestamp(value).strftime("%H:%M")  # type: ignore[arg-type]


def reason_text(advice: Advice, lang: str) -> str:
    """The reason for ``advice`` in ``lang``."""
    v = advice.values
    values = {
        "roi": formatting.ratio(v.get("roi")),  # type: ignore[arg-type]
        "breakeven": formatting.ratio(v.get("breakeven")),  # type: ignore[arg-type]
        "spent": formatting.money(v.get("spent"), lang),  # type: ignore[arg-type]
        "since": _fmt_time(v["since"]) if v.get("since") is not None else "—",
        "change": formatting.signed_percent(advice.change, 0),
    }
    if "next" in v:
        values["next"] = _fmt_time(v["next"])
    if "minutes" in v:
        values["minutes"] = f"{float(v['minutes']):.0f}"  # type: ignore[arg-type]
        values["window"] = f"{float(v['window']):.0f}"  # type: ignore[arg-type]
    if "min_spend" in v:
        values["min_spend"] = formatting.money(v["min_spend"], lang)  # type: ignore[arg-type]
    if "raise_at" in v:
        values["raise_at"] = formatting.ratio(v["raise_at"])  # type: ignore[arg-type]
    return t(advice.reason_key, lang, **values)


def _context(con: duckdb.DuckDBPyConnection, account: str) -> tuple[float | None, PacingRules]:
    return settings.load(con, account).breakeven_roi, rules_module.load(con, account)


def pace(
    con: duckdb.DuckDBPyConnection, account: str, session_id: str | None = None, lang: str = "zh"
) -> dict:
    """``{"account", "session_id", "as_of", "advice": [{"at", "target", "action", "change", "reason"}]}``
    for the latest (or given) broadcast: per target, the advice as of its latest bucket. ``as_of`` is
    the end of the latest bucket (ISO), ``change`` a signed fraction (0 for hold). Raises LookupError
    ("no_account" / "no_timeline")."""
    if not account_known(con, account):
        raise LookupError("no_account")
    found, frame = broadcast_timeline(con, account, session_id)
    if frame.empty:
        raise LookupError("no_timeline")
    breakeven, rules = _context(con, account)
    _, latest = evaluate(frame, breakeven, rules)
    as_of = max(a.at for a in latest)
    return {
        "account": account,
        "session_id": found,
        "as_of": as_of.isoformat(),
        "advice": [
            {
                "at": a.at.isoformat(),
                "target": a.target,
                "action": a.action,
                "change": a.change,
                "reason": reason_text(a, lang),
            }
            for a in latest
        ],
    }


def changes_of(frame: pd.DataFrame, breakeven: float | None, rules: PacingRules) -> list[Advice]:
    """Every change the rules would make over ``frame`` (one broadcast)."""
    return evaluate(frame, breakeven, rules)[0]


def replay(con: duckdb.DuckDBPyConnection, account: str, session_id: str, lang: str = "zh") -> pd.DataFrame:
    """What the rules would have changed over a past session and when, beside what happened (see
    :func:`liveroi.pacing.engine.replay_table`), with each change's reason in ``lang``."""
    _, frame = broadcast_timeline(con, account, session_id)
    if frame.empty:
        return replay_table(frame, [], PacingRules()).assign(reason=[])
    breakeven, rules = _context(con, account)
    changes = changes_of(frame, breakeven, rules)
    table = replay_table(frame, changes, rules)
    reasons = {(a.at, a.target): reason_text(a, lang) for a in changes}
    table["reason"] = [reasons[(a, g)] for a, g in zip(table["at"], table["target"], strict=True)]
    return table
