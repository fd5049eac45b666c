"""``python -m liveroi backup --out DIR``: a consistent Parquet copy of the database."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from liveroi import backup, db
from liveroi.cli import CommandError, add_db_argument


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    parser = sub.add_parser("backup", help="write a consistent copy of the database (Parquet) to a folder")
    add_db_argument(parser)
    parser.add_argument("--out", required=True, metavar="DIR", help="a new or empty folder")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Back up; print what was written as JSON."""
    path = db.resolve_db_path(args.db)
    if not db.is_lake(path) and not path.exists():
        raise CommandError(f"no database at {path}")
    try:
        result = backup.backup(path, Path(args.out))
    except (backup.BackupError, OSError) as exc:
        raise CommandError(str(exc)) from exc
    print(
        json.dumps({"backup": str(result.path), "schema_version": result.schema_version, "rows": result.rows})
    )
    return 0
