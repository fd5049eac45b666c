"""``python -m liveroi hash-password [--user NAME] [--role viewer|operator]``: the line to put under
``[liveroi.users]`` in ``.streamlit/secrets.toml`` for the dashboard's password login.

The password is asked twice without echo on a terminal, or read as one line from stdin (scripts). Only
the salted hash is printed; the password itself is never written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from liveroi.cli import EXIT_USAGE, CommandError
from liveroi.passwords import hash_password

MIN_PASSWORD_CHARS = 10


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    parser = sub.add_parser(
        "hash-password", help="print a salted password hash for the dashboard login (.streamlit/secrets.toml)"
    )
    parser.add_argument("--user", metavar="NAME", default="NAME", help="login name to print in the line")
    parser.add_argument("--role", choices=("viewer", "operator"), default="viewer", help="role of the user")
    parser.set_defaults(run=run)


def _read_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise CommandError("the two passwords differ", EXIT_USAGE)
    return first


def run(args: argparse.Namespace) -> int:
    """Read a password and print the secrets.toml line with its hash."""
    password = _read_password()
    if len(password) < MIN_PASSWORD_CHARS:
        raise CommandError(f"use a password of at least {MIN_PASSWORD_CHARS} characters", EXIT_USAGE)
    encoded = hash_password(password)
    name = json.dumps(args.user, ensure_ascii=False)  # a TOML basic string is a JSON string
    print(f'{name} = {{ password_hash = "{encoded}", role = "{args.role}" }}')
    return 0
