"""Session timeline benchmark: the Sessions page's timeline query and the pacing rules at scale.

Run: ``python -m benchmarks.timeline_bench [--accounts 200] [--days 60]`` (prints a markdown table).
Builds a database in a temp folder: ``accounts`` accounts × ``days`` days × 2 three-hour sessions, each
with a 5-minute room timeline (36 buckets) and two plans', written straight into ``timeline_points`` and
``sessions`` (the import path is measured by ``bench_import``). Measures, median of 5 runs after a
warm-up: ``queries/pacing/session_buckets.sql`` for one session (what the Sessions page reads),
``queries/pacing/latest_bucket.sql`` + that query (what ``pace`` reads), and the rules' evaluation of that
session's frame.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.timing import measure
from liveroi import db
from liveroi.pacing import broadcast_timeline
from liveroi.pacing.engine import evaluate
from liveroi.pacing.rules import PacingRules

SQL = Path(__file__).resolve().parent / "sql"


def build(path: Path, accounts: int, days: int) -> tuple[str, str, int]:
    """Fill a new database at ``path``; returns (an account, one of its sessions, timeline rows)."""
    with db.connection(path) as con:
        for name in ("timeline_fill_sessions.sql", "timeline_fill.sql"):
            db.execute(con, SQL / name, {"accounts": accounts, "days": days})
        rows = con.execute("SELECT count(*) FROM timeline_points").fetchone()[0]
        account, session = con.execute(
            "SELECT account, session_id FROM sessions ORDER BY started_at DESC, account LIMIT 1"
        ).fetchone()
    return str(account), str(session), int(rows)


def run(accounts: int, days: int) -> str:
    """The markdown report."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "timeline.duckdb"
        account, session, rows = build(path, accounts, days)
        params = {"account": account, "session_id": session}
        with db.connection(path, read_only=True) as con:
            page = measure(lambda: len(db.query(con, "pacing/session_buckets", params)), runs=5)
            pace_read = measure(lambda: len(broadcast_timeline(con, account)[1]), runs=5)
            frame = broadcast_timeline(con, account)[1]
        rules = measure(lambda: len(evaluate(frame, 2.0, PacingRules())[0]), runs=5)
    lines = [
        f"timeline rows: {rows:,} ({accounts} accounts × {days} days × 2 sessions × 3 targets × 36 buckets)",
        "",
        "| step | median | rows |",
        "|---|---|---|",
        f"| `pacing/session_buckets`, one session (the page) | {page.median * 1000:.0f} ms | {page.extra['result']} |",
        f"| `pace` read: latest session's buckets | {pace_read.median * 1000:.0f} ms | {pace_read.extra['result']} |",
        f"| rules over that session (3 targets) | {rules.median * 1000:.1f} ms | {rules.extra['result']} changes |",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--days", type=int, default=60)
    args = parser.parse_args()
    print(run(args.accounts, args.days))


if __name__ == "__main__":
    main()
