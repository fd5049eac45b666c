"""``python -m liveroi import FILE... [--db PATH] [--account NAME] [--sheet NAME]``.

stdout gets exactly the JSON summary; exit 0 when every file was read (rejected rows included), 1 when
a file could not be read at all (one line on stderr, nothing of this call written), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from liveroi import db
from liveroi.cli import CommandError, add_db_argument
from liveroi.importer import ImportFileError, import_files


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    parser = sub.add_parser(
        "import",
        help="import session exports and ad-spend reports (CSV/XLSX from Kuaishou, Douyin, or liveroi)",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="CSV or XLSX files")
    add_db_argument(parser)
    parser.add_argument("--account", metavar="NAME", help="account for rows (or files) that name none")
    parser.add_argument(
        "--sheet", metavar="NAME", help="XLSX sheet to read (default: the first with a header)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import the files; print the JSON summary."""
    try:
        summary = import_files(
            db.resolve_db_path(args.db),
            [Path(f) for f in args.files],
            account=args.account,
            sheet=args.sheet,
            lang=args.lang,
        )
    except ImportFileError as exc:
        raise CommandError(f"{exc.file_name}: {exc.message}") from exc
    print(json.dumps(summary, ensure_ascii=False))
    return 0
