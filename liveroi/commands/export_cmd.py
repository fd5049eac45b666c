"""``python -m liveroi export --out FILE``: session_metrics as a UTF-8-with-BOM CSV or an XLSX file."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from liveroi import db, export
from liveroi.cli import EXIT_USAGE, CommandError, add_db_argument
from liveroi.i18n import t


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    parser = sub.add_parser(
        "export", help="write session_metrics (every column) to a CSV (UTF-8 with BOM) or XLSX file"
    )
    add_db_argument(parser)
    parser.add_argument(
        "--out", required=True, metavar="FILE", help="the file to write (replaced if it exists)"
    )
    parser.add_argument(
        "--format", choices=export.FORMATS, help="csv or xlsx (default: from the file suffix, else csv)"
    )
    parser.add_argument(
        "--account", action="append", metavar="NAME", help="only this account (repeat for several)"
    )
    parser.add_argument("--from", dest="start", type=_date, metavar="DATE", help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", type=_date, metavar="DATE", help="last day (YYYY-MM-DD)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Export; print {"out", "format", "rows"} as JSON on stdout."""
    if args.start and args.end and args.start > args.end:
        raise CommandError(t("export.bad_range", args.lang, start=args.start, end=args.end), EXIT_USAGE)
    path = db.resolve_db_path(args.db)
    try:
        result = export.export_session_metrics(
            path, args.out, fmt=args.format, accounts=args.account, start=args.start, end=args.end
        )
    except KeyError as exc:
        names = "、".join(exc.args[0]) if args.lang == "zh" else ", ".join(exc.args[0])
        raise CommandError(t("export.unknown_account", args.lang, names=names)) from exc
    except OSError as exc:
        raise CommandError(
            t("export.write_failed", args.lang, path=args.out, detail=exc.strerror or exc)
        ) from exc
    print(json.dumps(result, ensure_ascii=False))
    print(t("export.done", args.lang, rows=result["rows"], path=result["out"]), file=sys.stderr)
    return 0
