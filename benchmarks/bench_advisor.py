"""Advisor speed on a data set's database: one account, and every account through a 2-process pool.

"One account" is the data set's account closest to 2,000 sessions, timed as the dashboard and
``python -m liveroi recommend`` do it: ``recommend_account`` = load the history from the database,
settings, fit, decision, reason. "All accounts" is ``recommend --all-accounts``:
:func:`liveroi.advisor.recommend_accounts` reads every history in one pass, then fits over
:data:`WORKERS` processes; the wall time includes opening the database and starting the pool, and is
split into the load and the fits.

The advisor helper's own benchmark (``benchmarks/advisor_bench.py``: decision quality against the
oracle and fit timings on simulated histories) is included as it reports itself via
:func:`synthetic_timings`.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks import sql as bench_sql
from benchmarks.timing import Measurement, measure
from liveroi import db

WORKERS = 2
ONE_ACCOUNT_SESSIONS = 2_000


def accounts(db_path: Path) -> list[tuple[str, int]]:
    """(account, sessions), most sessions first."""
    with db.connection(db_path, read_only=True) as con:
        frame = db.query(con, bench_sql("accounts"))
    return [(str(a), int(n)) for a, n in zip(frame["account"], frame["sessions"], strict=True)]


def _recommend(con: Any, account: str) -> int:
    from liveroi.advisor import recommend_account

    return recommend_account(con, account).sessions_used


def one_account(db_path: Path, runs: int) -> Measurement:
    """recommend_account for the account closest to 2,000 sessions."""
    account, sessions = min(accounts(db_path), key=lambda pair: abs(pair[1] - ONE_ACCOUNT_SESSIONS))
    with db.connection(db_path, read_only=True) as con:
        timed = measure(lambda: _recommend(con, account), runs=max(runs, 3), warmup=1)
    return Measurement(timed.runs, {"account": account, "sessions": sessions})


def _all_once(db_path: Path) -> dict[str, Any]:
    from liveroi.advisor import recommend_accounts

    started = time.perf_counter()
    with db.connection(db_path, read_only=True) as con:
        recs = recommend_accounts(con, workers=WORKERS)  # reads everything before it returns
    loaded = time.perf_counter()
    used = [rec.sessions_used for rec in recs]
    done = time.perf_counter()
    return {"wall": done - started, "load": loaded - started, "fit": done - loaded, "used": used}


def all_accounts(db_path: Path, runs: int = 1) -> Measurement:
    """Every account through the batch path (wall, pool start included), median of ``runs``."""
    rounds = [_all_once(db_path) for _ in range(max(1, runs))]
    middle = sorted(rounds, key=lambda r: r["wall"])[len(rounds) // 2]
    return Measurement(
        [r["wall"] for r in rounds],
        {
            "accounts": len(middle["used"]),
            "workers": WORKERS,
            "load_seconds": statistics.median(r["load"] for r in rounds),
            "fit_seconds": statistics.median(r["fit"] for r in rounds),
            "sessions_used": sum(middle["used"]),
        },
    )


def run(db_path: Path, runs: int) -> dict[str, Any]:
    """Both advisor figures of one data set."""
    return {
        "one_account": one_account(db_path, runs).to_json(),
        "all_accounts": all_accounts(db_path, runs).to_json(),
    }


def synthetic_timings() -> str:
    """The advisor helper's own timing table (simulated histories; independent of the data set)."""
    from benchmarks import advisor_bench

    return advisor_bench.timing_table()
