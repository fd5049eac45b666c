"""Advisor speed on a data set's database: one account, and every account through a 2-process pool.

"One account" is the data set's account closest to 2,000 sessions, timed as the dashboard and
``python -m liveroi recommend`` do it: ``recommend_account`` = load the history from the database,
settings, fit, decision, reason. "All accounts" maps every account over :data:`WORKERS` processes,
each with its own read-only connection; the wall time includes starting the pool.

The advisor helper's own benchmark (``benchmarks/advisor_bench.py``: decision quality against the
oracle and fit timings on simulated histories) is included as it reports itself via
:func:`synthetic_timings`.
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.timing import Measurement, measure
from liveroi import db

WORKERS = 2
ONE_ACCOUNT_SESSIONS = 2_000
_worker_con: Any = None


def accounts(db_path: Path) -> list[tuple[str, int]]:
    """(account, sessions), most sessions first."""
    with db.connection(db_path, read_only=True) as con:
        frame = db.query(con, "bench_accounts")
    return [(str(a), int(n)) for a, n in zip(frame["account"], frame["sessions"], strict=True)]


def _recommend(con: Any, account: str) -> int:
    from liveroi.advisor import recommend_account

    return recommend_account(con, account).sessions_used


def _init_worker(db_path: str) -> None:
    global _worker_con
    _worker_con = db.connect(db_path, read_only=True)


def _pooled(account: str) -> tuple[float, int]:
    started = time.perf_counter()
    used = _recommend(_worker_con, account)
    return time.perf_counter() - started, used


def one_account(db_path: Path, runs: int) -> Measurement:
    """recommend_account for the account closest to 2,000 sessions."""
    account, sessions = min(accounts(db_path), key=lambda pair: abs(pair[1] - ONE_ACCOUNT_SESSIONS))
    with db.connection(db_path, read_only=True) as con:
        timed = measure(lambda: _recommend(con, account), runs=max(runs, 3), warmup=1)
    return Measurement(timed.runs, {"account": account, "sessions": sessions})


def all_accounts(db_path: Path) -> Measurement:
    """Every account through a pool of WORKERS processes (wall time, pool start included)."""
    names = [name for name, _ in accounts(db_path)]
    started = time.perf_counter()
    with ProcessPoolExecutor(WORKERS, initializer=_init_worker, initargs=(str(db_path),)) as pool:
        per_account = list(pool.map(_pooled, names))
    wall = time.perf_counter() - started
    fits = sorted(seconds for seconds, _ in per_account)
    return Measurement(
        [wall],
        {
            "accounts": len(names),
            "workers": WORKERS,
            "per_account_median": fits[len(fits) // 2],
            "per_account_max": fits[-1],
            "sessions_used": sum(used for _, used in per_account),
        },
    )


def run(db_path: Path, runs: int) -> dict[str, Any]:
    """Both advisor figures of one data set."""
    return {
        "one_account": one_account(db_path, runs).to_json(),
        "all_accounts": all_accounts(db_path).to_json(),
    }


def synthetic_timings() -> str:
    """The advisor helper's own timing table (simulated histories; independent of the data set)."""
    from benchmarks import advisor_bench

    return advisor_bench.timing_table()
