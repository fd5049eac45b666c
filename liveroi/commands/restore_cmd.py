"""``python -m liveroi restore --from DIR``: rebuild the database from a backup folder."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from liveroi import backup, db
from liveroi.cli import CommandError, add_db_argument


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    parser = sub.add_parser("restore", help="rebuild the database from a folder written by backup")
    add_db_argument(parser)
    parser.add_argument("--from", dest="source", required=True, metavar="DIR", help="the backup folder")
    parser.add_argument("--force", action="store_true", help="replace a database that already holds data")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Restore; print what was restored as JSON."""
    try:
        result = backup.restore(Path(args.source), db.resolve_db_path(args.db), force=args.force)
    except (backup.BackupError, OSError) as exc:
        raise CommandError(str(exc)) from exc
    print(
        json.dumps(
            {"restored": str(result.path), "schema_version": result.schema_version, "rows": result.rows}
        )
    )
    return 0
