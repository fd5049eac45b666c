"""``python -m liveroi sample``: load the sample brand into the database, or write its export files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from liveroi import db, sample
from liveroi.cli import CommandError, add_db_argument
from liveroi.i18n import t


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    parser = sub.add_parser(
        "sample",
        help="generate the sample brand into the database (replacing the sample accounts' data)",
    )
    add_db_argument(parser)
    parser.add_argument("--seed", type=int, default=sample.DEFAULT_SEED, help="random seed (default 7)")
    parser.add_argument("--accounts", type=_positive, default=3, metavar="N", help="number of accounts (3)")
    parser.add_argument("--days", type=_positive, default=sample.DEFAULT_DAYS, metavar="N", help="days (180)")
    parser.add_argument(
        "--write-exports",
        metavar="DIR",
        help="instead of loading, write the back-end export files (GBK session CSV, ad report) into DIR",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load the brand or write its exports; print a JSON summary on stdout."""
    if args.write_exports:
        brand = sample.generate_brand(args.seed, n_accounts=args.accounts, days=args.days)
        try:
            paths = sample.write_exports(brand, Path(args.write_exports))
        except OSError as exc:
            raise CommandError(
                t("sample.write_failed", args.lang, path=args.write_exports, detail=exc.strerror or exc)
            ) from exc
        print(
            json.dumps(
                {"files": [str(p) for p in paths], "sessions": len(brand.sessions)}, ensure_ascii=False
            )
        )
        return 0
    path = db.resolve_db_path(args.db)
    summary = sample.load_sample(path, args.seed, n_accounts=args.accounts, days=args.days)
    print(json.dumps(summary, ensure_ascii=False))
    print(
        t(
            "sample.loaded",
            args.lang,
            sessions=summary["sessions"],
            accounts=len(summary["accounts"]),
            path=path,
        ),
        file=sys.stderr,
    )
    return 0
