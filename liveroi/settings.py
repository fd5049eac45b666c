"""Per-account economics and guardrails: gross margin, refund rate, target ROI, budget cap,
max change per broadcast, follower value, minimum ROI.

Stored in the ``settings`` table (account ``'*'`` = defaults for all); the ``account_settings`` view
merges an account's row over the defaults and estimates the refund rate from history when unset.
Used by the Settings page, the dashboard's break-even lines and the advisor.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

import duckdb
import pandas as pd

from liveroi import db, economics

DEFAULTS_ACCOUNT = "*"


class SettingsError(ValueError):
    """A setting outside its allowed range; ``key`` is a translation key, ``field`` the setting."""

    def __init__(self, field: str, key: str) -> None:
        super().__init__(f"{field}: {key}")
        self.field = field
        self.key = key


@dataclass(frozen=True)
class AccountSettings:
    """The settings in force for one account."""

    account: str
    gross_margin: float = 0.5
    refund_rate: float = 0.0
    target_roi: float | None = None
    budget_cap: float | None = None
    max_change: float = 0.3
    follower_value: float | None = None
    min_roi: float | None = None
    followers_before: float | None = None  # followers before the first imported session (own, not inherited)

    @property
    def breakeven_roi(self) -> float | None:
        """Whole-room ROI at which a session breaks even: 1 / (gross_margin × (1 − refund_rate))
        (:func:`liveroi.economics.breakeven_roi`)."""
        return economics.breakeven_roi(self.gross_margin, self.refund_rate)

    @property
    def breakeven_net_roi(self) -> float | None:
        """Net ROI (refunds already out) at which a session breaks even: 1 / gross_margin
        (:func:`liveroi.economics.breakeven_net_roi`)."""
        return economics.breakeven_net_roi(self.gross_margin)

    def with_overrides(self, **overrides: float | None) -> AccountSettings:
        """A copy with the given non-None values replaced (per-call overrides, e.g. CLI flags)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        updated = replace(self, **given)
        validate(updated)
        return updated


def validate(settings: AccountSettings) -> None:
    """Raise :class:`SettingsError` for a value out of range (keys are in the translation table)."""

    def bad(value: float | None) -> bool:
        return value is not None and not math.isfinite(value)

    if bad(settings.gross_margin) or not 0 < settings.gross_margin <= 1:
        raise SettingsError("gross_margin", "settings.error.gross_margin")
    if bad(settings.refund_rate) or not 0 <= settings.refund_rate < 1:
        raise SettingsError("refund_rate", "settings.error.refund_rate")
    if bad(settings.max_change) or not 0 <= settings.max_change <= 1:
        raise SettingsError("max_change", "settings.error.max_change")
    for field in ("target_roi", "budget_cap", "follower_value", "min_roi", "followers_before"):
        value = getattr(settings, field)
        if bad(value) or (value is not None and value < 0):
            raise SettingsError(field, f"settings.error.{field}")


def _clean(value: object) -> float | None:
    if value is None or value is pd.NA:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def load(con: duckdb.DuckDBPyConnection, account: str) -> AccountSettings:
    """The settings in force for ``account`` (defaults when the account has none)."""
    frame = db.query(con, "settings/account_one", {"account": account})
    if frame.empty:
        frame = db.query(con, "settings/defaults")
    return _from_row(account, frame.to_dict("records")[0])


def load_many(
    con: duckdb.DuckDBPyConnection, accounts: Sequence[str] | None = None
) -> dict[str, AccountSettings]:
    """The settings in force for many accounts in one query, by account (every known account when
    ``accounts`` is None; an unknown account is left out — :func:`load` gives it the defaults)."""
    chosen = None if accounts is None else [str(a) for a in accounts]
    frame = db.query(con, "settings/account_many", {"accounts": chosen})
    return {str(row["account"]): _from_row(str(row["account"]), row) for row in frame.to_dict("records")}


def _from_row(account: str, row: Mapping[str, Any]) -> AccountSettings:
    """An :class:`AccountSettings` from a row of ``account_settings`` or ``settings_defaults``."""
    return AccountSettings(
        account=account,
        gross_margin=_clean(row["gross_margin"]) or 0.5,
        refund_rate=_clean(row["refund_rate"]) or 0.0,
        target_roi=_clean(row["target_roi"]),
        budget_cap=_clean(row["budget_cap"]),
        max_change=_clean(row["max_change"]) if _clean(row["max_change"]) is not None else 0.3,
        follower_value=_clean(row["follower_value"]),
        min_roi=_clean(row["min_roi"]),
        followers_before=_clean(row.get("followers_before")),
    )


def load_stored(con: duckdb.DuckDBPyConnection, account: str) -> dict[str, float | None]:
    """The values stored for ``account`` itself (None where it inherits the default)."""
    frame = db.query(con, "settings/raw", {"account": account})
    fields = (
        "gross_margin",
        "refund_rate",
        "target_roi",
        "budget_cap",
        "max_change",
        "follower_value",
        "min_roi",
        "followers_before",
    )
    if frame.empty:
        return dict.fromkeys(fields)
    row = frame.iloc[0]
    return {field: _clean(row[field]) for field in fields}


def save(con: duckdb.DuckDBPyConnection, settings: AccountSettings, *, refund_rate_set: bool = True) -> None:
    """Validate and store ``settings`` for its account.

    A value the account did not have of its own and that equals what it inherits (the defaults row, or
    the refund rate estimated from history) stays inherited: saving a form that shows inherited values
    must not copy them into the account's row, or a later change of the defaults would no longer reach
    it. With ``refund_rate_set=False`` the refund rate is stored as NULL, so it keeps being estimated.
    """
    validate(settings)
    values: dict[str, object] = asdict(settings)
    if not refund_rate_set:
        values["refund_rate"] = None
    if settings.account != DEFAULTS_ACCOUNT:
        own = load_stored(con, settings.account)
        inherited = asdict(_inherited(con, settings.account))
        for field, stored in own.items():
            new = values[field]
            if stored is None and _same(new, inherited[field]):
                values[field] = None
    db.write(con, lambda: db.execute(con, "settings/upsert", values))  # serialised on a lake


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)  # type: ignore[arg-type]


def _inherited(con: duckdb.DuckDBPyConnection, account: str) -> AccountSettings:
    """What ``account`` would get with no row of its own: the defaults row, history's refund rate."""
    row = db.query(con, "settings/defaults").iloc[0]
    estimated = load(con, account).refund_rate if load_stored(con, account)["refund_rate"] is None else None
    return AccountSettings(
        account=account,
        gross_margin=_clean(row["gross_margin"]) or 0.5,
        refund_rate=estimated if estimated is not None else (_clean(row["refund_rate"]) or 0.0),
        target_roi=_clean(row["target_roi"]),
        budget_cap=_clean(row["budget_cap"]),
        max_change=_clean(row["max_change"]) if _clean(row["max_change"]) is not None else 0.3,
        follower_value=_clean(row["follower_value"]),
        min_roi=_clean(row["min_roi"]),
    )
