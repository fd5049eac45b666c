"""The pacing rules' settings: per account, over the defaults row (account ``'*'``) of
``pacing_settings``, over the built-in defaults of :class:`PacingRules`. Edited on the Settings page."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

import duckdb

from liveroi import db
from liveroi.settings import SettingsError

DEFAULTS_ACCOUNT = "*"
MAX_STEP = 0.30  # the step limit: no rule ever suggests moving a budget or bid by more than 30 %


class RulesError(SettingsError):
    """A pacing rule outside its allowed range (``key``: a translation key, ``field``: the rule)."""


@dataclass(frozen=True)
class PacingRules:
    """When a target (the room, a channel or a plan) may be judged and how far it may move.

    * ``min_window_min``: minutes observed since the target's last change (or its first bucket) before
      it is judged (30);
    * ``min_spend``: CNY spent since then before it is judged (500);
    * ``cooldown_min``: minutes between two changes of the same target (60);
    * ``step_min`` / ``step_max``: the smallest and largest change suggested (10 % / 20 %; at most
      :data:`MAX_STEP`);
    * ``raise_margin``: raise only when ROI ≥ break-even × (1 + raise_margin) (20 %), so that a room just
      above break-even is held rather than pushed over it.
    """

    min_window_min: float = 30.0
    min_spend: float = 500.0
    cooldown_min: float = 60.0
    step_min: float = 0.10
    step_max: float = 0.20
    raise_margin: float = 0.20


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(PacingRules))


def validate(rules: PacingRules) -> None:
    """Raise :class:`RulesError` for a value out of range (keys are in the translation table)."""
    for name in FIELDS:
        value = getattr(rules, name)
        if value is None or not math.isfinite(value) or value < 0:
            raise RulesError(name, f"pacing.error.{name}")
    if not 0 < rules.step_max <= MAX_STEP:
        raise RulesError("step_max", "pacing.error.step_max")
    if not 0 < rules.step_min <= rules.step_max:
        raise RulesError("step_min", "pacing.error.step_min")


def from_row(row: Mapping[str, Any]) -> PacingRules:
    """:class:`PacingRules` from a row of ``queries/pacing/rules_one.sql`` (built-in defaults where NULL)."""
    built_in = PacingRules()
    values = {}
    for name in FIELDS:
        value = row[name]
        missing = value is None or (isinstance(value, float) and math.isnan(value))
        values[name] = getattr(built_in, name) if missing else float(value)
    return PacingRules(**values)


def load(con: duckdb.DuckDBPyConnection, account: str) -> PacingRules:
    """The rules in force for ``account`` (``'*'``: the defaults)."""
    return from_row(db.query(con, "pacing/rules_one", {"account": account}).iloc[0])


def save(con: duckdb.DuckDBPyConnection, account: str, rules: PacingRules) -> None:
    """Validate and store ``rules`` for ``account`` (``'*'``: the defaults of every account)."""
    validate(rules)
    db.execute(con, "pacing/rules_upsert", {"account": account, **asdict(rules)})
