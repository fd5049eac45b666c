"""The queries behind every page (``queries/pages/*.sql``) on a data set's database, read-only.

Each query runs with the parameters its page passes by default — every account, the last 30 days
ending on the latest broadcast, the page sizes the pages use — and, when it filters by account, again
for the biggest single account. Two timings per case: on an open connection (the query itself), and the
way the dashboard runs it (open a read-only connection, query, close: ``liveroi.ui.data``).
Write statements (the Settings page's promo calendar) are not run.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import sql as bench_sql
from benchmarks.timing import measure
from liveroi import db

_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_WRITE = re.compile(r"^\s*(INSERT|DELETE|UPDATE|CREATE|DROP|ALTER)\b", re.IGNORECASE | re.MULTILINE)
PERIOD_DAYS = 30

# Page-specific values the pages pass (pages/*.py, liveroi/ui/*.py).
OVERRIDES: dict[str, dict[str, Any]] = {
    "pages/today_sessions": {"limit": 12},  # today.MAX_SESSION_CARDS
    "pages/account_matrix": {"limit": 100},  # matrix.MAX_ACCOUNTS
    "pages/sessions_table": {"limit": 50, "offset": 0},  # session_table.PAGE_SIZE
    "pages/import_history": {"limit": 50},  # import_view.HISTORY_ROWS
    "pages/rejected_rows": {"limit": 200},  # import_view.REJECTED_ROWS
    "pages/follower_growth": {"top_n": 8, "milestone": 100_000},  # trends.TOP_ACCOUNTS, MILESTONE_FOLLOWERS
}
# The named targets (seconds) and the case they apply to.
TARGETS: dict[str, float] = {
    "pages/daily_series · one account": 0.050,
    "pages/account_matrix · all accounts": 0.300,
}


@dataclass(frozen=True)
class Case:
    """One query with one set of parameters."""

    name: str  # "pages/daily_series · one account"
    query: str
    params: dict[str, Any] = field(default_factory=dict)


def page_queries() -> list[str]:
    """Every read-only page query in queries/."""
    names = []
    for path in sorted((Path(db.ROOT) / "queries" / "pages").glob("*.sql")):
        body = "\n".join(
            line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("--")
        )
        if not _WRITE.search(body):
            names.append(f"pages/{path.stem}")
    return names


def parameters_of(name: str) -> list[str]:
    """The ``$names`` a query binds, in order of first use."""
    return list(dict.fromkeys(_PARAMETER.findall(db.load_sql(name))))


def context(db_path: Path) -> dict[str, Any]:
    """Latest day, biggest account and one of its sessions."""
    with db.connection(db_path, read_only=True) as con:
        row = db.query(con, bench_sql("query_context")).iloc[0]
    latest = row["latest_day"]
    latest = latest.date() if hasattr(latest, "date") else latest
    return {"latest_day": latest, "account": str(row["account"]), "session_id": str(row["session_id"])}


def cases(db_path: Path) -> list[Case]:
    """Every page query with its default parameters, and a one-account variant when it filters by
    account."""
    ctx = context(db_path)
    end: dt.date = ctx["latest_day"]
    start = end - dt.timedelta(days=PERIOD_DAYS - 1)
    pool: dict[str, Any] = {
        "accounts": [],
        "account": ctx["account"],
        "start": start,
        "end": end,
        "day": end,
        "since": start,
        "prev_start": start - dt.timedelta(days=PERIOD_DAYS),
        "prev_end": start - dt.timedelta(days=1),
        "shifts": [],
        "below_breakeven": False,
        "search": "",
        "sort": "gmv",
        "descending": True,
        "session_id": ctx["session_id"],
        "limit": 50,
        "offset": 0,
        "top_n": 8,
        "milestone": 100_000,
    }
    found = []
    for name in page_queries():
        wanted = parameters_of(name)
        params = {key: pool[key] for key in wanted if key in pool}
        params.update({k: v for k, v in OVERRIDES.get(name, {}).items() if k in wanted})
        if "accounts" in wanted:
            found.append(Case(f"{name} · all accounts", name, params))
            found.append(Case(f"{name} · one account", name, {**params, "accounts": [ctx["account"]]}))
        else:
            found.append(Case(name, name, params))
    return found


def _run_open(con: Any, case: Case) -> int:
    return len(db.query(con, case.query, case.params))


def _run_as_dashboard(db_path: Path, case: Case) -> int:
    with db.connection(db_path, read_only=True) as con:
        return len(db.query(con, case.query, case.params))


def run(db_path: Path, runs: int) -> dict[str, Any]:
    """Per case: median on an open connection, median with connect/close, rows returned."""
    results: dict[str, Any] = {}
    all_cases = cases(db_path)
    with db.connection(db_path, read_only=True) as con:
        for case in all_cases:
            timed = measure(lambda case=case: _run_open(con, case), runs=max(runs, 5), warmup=1)
            results[case.name] = {**timed.to_json(), "rows": timed.extra["result"], "query": case.query}
    for case in all_cases:
        timed = measure(lambda case=case: _run_as_dashboard(db_path, case), runs=max(runs, 5), warmup=1)
        results[case.name]["with_connect"] = timed.median
    return results


def explain_analyze(db_path: Path, case_name: str) -> str:
    """DuckDB's EXPLAIN ANALYZE of one case (for the profile of a missed target)."""
    case = next(c for c in cases(db_path) if c.name == case_name)
    with db.connection(db_path, read_only=True) as con:
        started = time.perf_counter()
        rows = con.execute("EXPLAIN ANALYZE " + db.load_sql(case.query), case.params).fetchall()
        elapsed = time.perf_counter() - started
    return f"-- {case_name}: {elapsed * 1000:.0f} ms under EXPLAIN ANALYZE\n" + "\n".join(r[1] for r in rows)
