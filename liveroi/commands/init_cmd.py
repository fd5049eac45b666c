"""``python -m liveroi init``: create or migrate the database; optionally load the sample brand."""

from __future__ import annotations

import argparse
import sys

from liveroi import db
from liveroi.cli import add_db_argument


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    parser = sub.add_parser("init", help="create the database (or bring its schema up to date)")
    add_db_argument(parser)
    parser.add_argument(
        "--load-sample-if-empty",
        action="store_true",
        help="when the database holds no session, import the files in sample_data/ through the importer",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Create/migrate; load the sample exports into an empty database when asked."""
    path = db.resolve_db_path(args.db)
    with db.connection(path) as con:
        version = db.schema_version(con)
        row = con.execute("SELECT count(*) FROM sessions").fetchone()
        sessions = int(row[0]) if row else 0
    print(f"liveroi: database {path} ready (schema version {version}, {sessions} sessions)", file=sys.stderr)
    if args.load_sample_if_empty and sessions == 0:
        from liveroi.sample import load_sample_exports

        summary = load_sample_exports(path, lang=args.lang)
        with db.connection(path, read_only=True) as con:
            row = con.execute("SELECT count(*) FROM sessions").fetchone()
        print(
            f"liveroi: loaded the sample brand from sample_data/: {int(row[0]) if row else 0} sessions, "
            f"{summary['inserted']} rows inserted in all (ad-report rows included), "
            f"{len(summary['rejected'])} rejected",
            file=sys.stderr,
        )
    return 0
