"""``python -m liveroi pace --account NAME [--session ID] [--json] [--watch FOLDER]``: in-broadcast pacing
advice from the session timeline — advice only, liveroi never touches an ad account.

``--json`` prints one object ``{"account", "session_id", "as_of", "advice": [{"at", "target", "action",
"change", "reason"}]}`` (:func:`liveroi.pacing.pace`); otherwise one line per target.

``--watch FOLDER`` polls the folder every ``--interval`` seconds, imports each new export file once its
size has settled (:class:`liveroi.pacing.watch.FolderWatcher`) and prints the advice whenever it changes
(a target's action or change; with ``--json`` one object per line). ``--max-polls N`` stops after N
polls (tests, scheduled jobs); otherwise it runs until interrupted. Exit codes as every command: 1 for an
unknown account or no timeline (without ``--watch``), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from liveroi import db
from liveroi.cli import CommandError, add_db_argument
from liveroi.i18n import t
from liveroi.pacing import pace
from liveroi.pacing.watch import FolderWatcher


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    parser = sub.add_parser("pace", help="pacing advice during a broadcast, from the session timeline")
    add_db_argument(parser)
    parser.add_argument("--account", required=True, help="account name as stored")
    parser.add_argument("--session", default=None, metavar="ID", help="a session id (default: the latest)")
    parser.add_argument("--json", action="store_true", help="print JSON (one object per advice)")
    parser.add_argument("--watch", metavar="FOLDER", default=None, help="import new exports from FOLDER")
    parser.add_argument("--interval", type=float, default=10.0, metavar="S", help="seconds between polls")
    parser.add_argument("--max-polls", type=int, default=None, metavar="N", help="stop after N polls")
    parser.set_defaults(run=run)


def _advice(path: Path, args: argparse.Namespace) -> dict | None:
    if not path.exists():
        return None
    with db.connection(path, read_only=True) as con:
        try:
            return pace(con, args.account, args.session, lang=args.lang)
        except LookupError:
            return None


def _text(answer: dict, lang: str) -> str:
    session = answer["session_id"] or t("pacing.cli.live", lang)
    lines = [t("pacing.cli.title", lang, account=answer["account"], session=session, as_of=answer["as_of"])]
    for item in answer["advice"]:
        target = t("pacing.target.room", lang) if item["target"] == "room" else item["target"]
        action = t(f"pacing.action.{item['action']}", lang)
        change = f" {item['change']:+.0%}" if item["change"] else ""
        lines.append(f"  {target}: {action}{change} — {item['reason']}")
    return "\n".join(lines)


def _print(answer: dict, args: argparse.Namespace) -> None:
    print(json.dumps(answer, ensure_ascii=False) if args.json else _text(answer, args.lang), flush=True)


def run(args: argparse.Namespace) -> int:
    """Advise once, or watch a folder."""
    path = db.resolve_db_path(args.db)
    if args.watch is not None:
        return _watch(path, args)
    if not path.exists():
        raise CommandError(f"no database at {path}: create it with python -m liveroi init")
    with db.connection(path, read_only=True) as con:
        try:
            answer = pace(con, args.account, args.session, lang=args.lang)
        except LookupError as exc:
            key = "pacing.cli.no_account" if str(exc).strip("'") == "no_account" else "pacing.cli.no_timeline"
            raise CommandError(t(key, args.lang, account=args.account)) from exc
    _print(answer, args)
    return 0


def _signature(answer: dict | None) -> object:
    if answer is None:
        return None
    return answer["session_id"], tuple((a["target"], a["action"], a["change"]) for a in answer["advice"])


def _watch(path: Path, args: argparse.Namespace) -> int:
    folder = Path(args.watch)
    if not folder.is_dir():
        raise CommandError(t("pacing.cli.watch_no_folder", args.lang, folder=folder))
    watcher = FolderWatcher(folder, path, account=args.account, lang=args.lang)
    shown: object = None
    polls = 0
    while args.max_polls is None or polls < args.max_polls:
        if polls:
            time.sleep(max(args.interval, 0.0))
        polls += 1
        result = watcher.poll()
        for file, _summary in result.imported:
            print(t("pacing.cli.watch_imported", args.lang, file=file.name), file=sys.stderr, flush=True)
        for file, message in result.failed:
            print(
                t("pacing.cli.watch_failed", args.lang, file=file.name, message=message),
                file=sys.stderr,
                flush=True,
            )
        answer = _advice(path, args)
        if answer is not None and _signature(answer) != shown:
            shown = _signature(answer)
            _print(answer, args)
    return 0
