"""``python -m liveroi COMMAND``: init, sample, import, export, recommend, pace, backup, restore.

Each command lives in ``liveroi/commands/<name>.py`` with ``add_parser(subparsers)`` and
``run(args) -> int``. This module only assembles them and turns expected failures into one clear line
on stderr and an exit code — never a traceback.

Exit codes (stable, used by automation):
    0   done (an import with rejected rows included)
    1   failed: a file could not be read, no such account, no data, a damaged database
    2   usage error (bad flags)
    75  the database is busy: another process held the write lock past the timeout (EX_TEMPFAIL)
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

import duckdb

from liveroi import db
from liveroi.i18n import normalize_language, t

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_BUSY = 75

COMMANDS: tuple[str, ...] = ("init", "sample", "import", "export", "recommend", "pace", "backup", "restore")
COMMANDS += ("hash_password",)  # the dashboard login's password hashes (liveroi/passwords.py)
ENV_LANG = "LIVEROI_LANG"


class CommandError(Exception):
    """An expected failure a command reports as one line on stderr with ``exit_code``."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own exit code is already 2 (usage)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--db PATH`` flag every command shares (default: $LIVEROI_DB, else data/liveroi.duckdb)."""
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: $LIVEROI_DB or data/liveroi.duckdb)"
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every available command, or only ``command``'s (see :func:`main`)."""
    parser = _Parser(
        prog="python -m liveroi", description="liveroi: live-commerce ROI data and spend advice."
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help=f"language of messages (default: ${ENV_LANG}, else zh)",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMANDS if command is None else (command,):
        module = _command_module(name)
        if module is not None:
            module.add_parser(sub)
    return parser


def _command_module(name: str):
    try:
        return importlib.import_module(f"liveroi.commands.{name}_cmd")
    except ModuleNotFoundError as exc:
        if exc.name == f"liveroi.commands.{name}_cmd":
            return None
        raise


def _named_command(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (its first word that is not an option or ``--lang``'s value), when it
    is one of :data:`COMMANDS`; else None."""
    words = iter(argv)
    for word in words:
        if word == "--lang":
            next(words, None)
        elif not word.startswith("-"):
            name = word.replace("-", "_")
            return name if name in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code.

    Only the named command's module is imported (every command's for ``--help`` or a wrong word): each
    imports what it needs at the top, and ``import`` need not pay for the advisor's, pacing's or the
    sample brand's imports (~0.1 s; pandas comes in anyway, with DuckDB's first bound parameter).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_named_command(argv))
    args = parser.parse_args(argv)
    args.lang = normalize_language(args.lang or os.environ.get(ENV_LANG))
    try:
        return int(args.run(args) or EXIT_OK)
    except CommandError as exc:
        print(f"liveroi: {exc}", file=sys.stderr)
        return exc.exit_code
    except db.DatabaseBusy as exc:
        print(f"liveroi: {exc.message(args.lang)}", file=sys.stderr)
        return EXIT_BUSY
    except db.DatabaseError as exc:
        print(f"liveroi: {exc.message(args.lang)}", file=sys.stderr)
        return EXIT_FAILED
    except (MemoryError, duckdb.OutOfMemoryException) as exc:
        # every write is one transaction, so nothing half-written stays; one line, never a traceback
        detail = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        print(f"liveroi: {t('error.out_of_memory', args.lang, detail=detail[:160])}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("liveroi: interrupted", file=sys.stderr)
        return 130
