"""``python -m liveroi recommend --account NAME | --all-accounts``: next session's spend per channel, with
its reason.

``--json`` prints exactly one object (the stable contract of issue 4 §3, see
:meth:`liveroi.advisor.Recommendation.to_json`); otherwise a short answer in the chosen language.
Unknown account or no sessions: one line on stderr, exit 1. Invalid overrides: exit 2.

``--all-accounts`` answers for every account with sessions, in account order, through
:func:`liveroi.advisor.recommend_accounts` (one pass over the database, fits on both cores): with
``--json`` one such object per line (JSON Lines), otherwise the short answers separated by a blank
line. No account with sessions: one line on stderr, exit 1.

``--all-accounts --brand-budget B`` splits one brand budget of ``B`` CNY over every account and
channel by marginal profit (:func:`liveroi.advisor.brand.allocate`; ``--test-share`` the share kept
for accounts still being measured, else the brand setting of :mod:`liveroi.brand_settings`): with ``--json`` the same JSON Lines, each ``suggested`` the
allocated spend, plus ``brand`` = ``{"budget", "allocated", "marginal_roi_at_allocation"}``;
otherwise a short table. A budget that is not a finite amount ≥ 0 (or a share outside [0, 1]), or
``--brand-budget`` without ``--all-accounts``: exit 2.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from liveroi import brand_settings, db
from liveroi.advisor import Recommendation, recommend_account, recommend_accounts
from liveroi.advisor.brand import (
    BrandAllocation,
    BrandBudgetError,
    allocate,
    allocated_recommendation,
    brand_json,
    relative_change,
    validate_budget,
)
from liveroi.channels import channel_name
from liveroi.cli import EXIT_USAGE, CommandError, add_db_argument
from liveroi.formatting import count, money, ratio, signed_percent
from liveroi.i18n import t
from liveroi.settings import SettingsError

OVERRIDES: tuple[tuple[str, str], ...] = (
    ("gross-margin", "gross margin, fraction in (0, 1]"),
    ("follower-value", "CNY per new follower"),
    ("max-change", "largest move per channel per session, fraction in [0, 1]"),
    ("budget-cap", "largest total spend of the session, CNY"),
    ("min-roi", "minimum expected whole-room ROI"),
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    parser = sub.add_parser("recommend", help="suggest the next session's spend per channel")
    add_db_argument(parser)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--account", help="account name as stored")
    target.add_argument(
        "--all-accounts",
        action="store_true",
        help="every account with sessions (with --json: one object per line, JSON Lines)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object (for automation)")
    parser.add_argument(
        "--brand-budget",
        default=None,
        metavar="B",
        help="with --all-accounts: split one brand budget of B CNY over every account by marginal return",
    )
    parser.add_argument(
        "--test-share",
        default=None,
        metavar="X",
        help="with --brand-budget: share of B kept for accounts still being measured, fraction in [0, 1] "
        "(default: the brand setting on the Settings page, else 0.1)",
    )
    for flag, text in OVERRIDES:
        parser.add_argument(f"--{flag}", type=float, default=None, metavar="X", help=f"override: {text}")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Recommend and print."""
    overrides = {flag.replace("-", "_"): getattr(args, flag.replace("-", "_")) for flag, _ in OVERRIDES}
    path = db.resolve_db_path(args.db)
    if not db.is_lake(path) and not path.exists():
        raise CommandError(f"no database at {path}: create it with python -m liveroi init")
    if args.brand_budget is not None or args.test_share is not None:
        if not args.all_accounts:
            raise CommandError(t("brand.cli.needs_all", args.lang), EXIT_USAGE)
        return _run_brand(args, path, overrides, *_brand_arguments(args))
    if args.all_accounts:
        return _run_all(args, path, overrides)
    with db.connection(path, read_only=True) as con:
        try:
            rec = recommend_account(con, args.account, lang=args.lang, **overrides)
        except SettingsError as exc:
            raise _bad_override(exc, overrides, args.lang) from exc
        except LookupError as exc:
            key = "advisor.cli.no_account" if str(exc).strip("'") == "no_account" else "advisor.cli.no_data"
            raise CommandError(t(key, args.lang, account=args.account)) from exc
    print(json.dumps(rec.to_json(), ensure_ascii=False) if args.json else _answer(rec, args.lang))
    return 0


def _run_all(args: argparse.Namespace, path: Path, overrides: dict[str, float | None]) -> int:
    with db.connection(path, read_only=True) as con:  # read here; the fits need no connection
        try:
            recs: Iterator[Recommendation] = recommend_accounts(con, lang=args.lang, **overrides)
        except SettingsError as exc:
            raise _bad_override(exc, overrides, args.lang) from exc
    first = next(recs, None)
    if first is None:
        raise CommandError(t("advisor.cli.no_data_any", args.lang))
    for index, rec in enumerate(chain([first], recs)):
        if args.json:
            print(json.dumps(rec.to_json(), ensure_ascii=False), flush=True)
        else:
            print(("\n" if index else "") + _answer(rec, args.lang), flush=True)
    return 0


def _brand_arguments(args: argparse.Namespace) -> tuple[float, float | None]:
    """(budget, test share) from the flags — the share None when ``--test-share`` is not given (the
    stored brand setting applies) — or a usage error naming the bad one."""
    try:
        budget, _ = validate_budget(args.brand_budget if args.brand_budget is not None else float("nan"))
    except BrandBudgetError as exc:
        raise CommandError(t("brand.cli.bad_budget", args.lang, value=args.brand_budget), EXIT_USAGE) from exc
    if args.test_share is None:
        return budget, None
    try:
        _, share = validate_budget(budget, args.test_share)
    except BrandBudgetError as exc:
        raise CommandError(t("brand.cli.bad_share", args.lang, value=args.test_share), EXIT_USAGE) from exc
    return budget, share


def _run_brand(
    args: argparse.Namespace,
    path: Path,
    overrides: dict[str, float | None],
    budget: float,
    share: float | None,
) -> int:
    with db.connection(path, read_only=True) as con:
        try:
            recs = list(recommend_accounts(con, lang=args.lang, **overrides))
        except SettingsError as exc:
            raise _bad_override(exc, overrides, args.lang) from exc
        if share is None:  # no --test-share: the brand's stored setting (built-in default when unset)
            share = brand_settings.load(con).test_share
    if not recs:
        raise CommandError(t("advisor.cli.no_data_any", args.lang))
    brand = allocate(recs, budget, share)
    allocated = [allocated_recommendation(rec, brand, args.lang) for rec in recs]
    if args.json:
        for rec in allocated:
            print(json.dumps(brand_json(rec, brand), ensure_ascii=False), flush=True)
    else:
        print(_brand_table(allocated, brand, args.lang))
    return 0


def _brand_table(recs: list[Recommendation], brand: BrandAllocation, lang: str) -> str:
    """The short human answer for a brand budget: a header, one tab-separated row per account and
    channel, and each account's reason."""
    lines = [
        t(
            "brand.cli.title" if brand.water_level > 0 else "brand.cli.title_unspent",
            lang,
            budget=money(brand.budget, lang),
            allocated=money(brand.allocated, lang),
            current=money(sum(r.current_total for r in recs), lang),
            level=money(brand.water_level, lang, decimals=2),
        )
    ]
    if brand.below_floors:
        lines.append(t("brand.cli.below_floors", lang, floor=money(brand.floor_total, lang)))
    lines.append(t("brand.cli.header", lang))
    for rec in recs:
        part = brand.accounts[rec.account]
        name = rec.account + (f" ({t('brand.cli.measuring', lang)})" if part.measuring else "")
        for channel in rec.channels:
            now, to = rec.current[channel], rec.suggested[channel]
            change = signed_percent(relative_change(now, to), 0)
            lines.append(
                "\t".join(
                    [
                        name,
                        channel_name(channel, lang),
                        money(now, lang),
                        money(to, lang),
                        change,
                        ratio(part.marginal_roi.get(channel)),
                        ratio(rec.breakeven_roi),
                    ]
                )
            )
    lines.append("")
    lines.extend(f"{rec.account}: {rec.reason}" for rec in recs)
    return "\n".join(lines)


def _bad_override(exc: SettingsError, overrides: dict[str, float | None], lang: str) -> CommandError:
    flag = exc.field.replace("_", "-")
    return CommandError(
        t("advisor.cli.bad_override", lang, flag=flag, value=overrides.get(exc.field)), EXIT_USAGE
    )


def _answer(rec: Recommendation, lang: str) -> str:
    """The short human answer for one account."""
    lines = [t("advisor.cli.title", lang, account=rec.account, sessions=rec.sessions_used)]
    for channel in rec.channels:
        now, to = rec.current[channel], rec.suggested[channel]
        change = to / now - 1 if now > 0 else None
        lines.append(
            t(
                "advisor.cli.channel_line",
                lang,
                channel=channel_name(channel, lang),
                current=money(now, lang),
                suggested=money(to, lang),
                change=signed_percent(change, 0),
                mroi=ratio(rec.marginal_roi.get(channel)),
            )
        )
    lines.append(
        t(
            "advisor.cli.total_line",
            lang,
            current=money(rec.current_total, lang),
            suggested=money(rec.suggested_total, lang),
        )
    )
    e = rec.expected
    lines.append(
        t(
            "advisor.cli.expected_line",
            lang,
            gmv=money(e.gmv, lang),
            low=money(e.gmv_low, lang),
            high=money(e.gmv_high, lang),
            roi=ratio(e.roi),
            profit=money(e.profit, lang),
            followers=count(e.new_followers, lang),
            breakeven=ratio(rec.breakeven_roi),
        )
    )
    lines.append(rec.reason)
    return "\n".join(lines)
