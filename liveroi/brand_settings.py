"""Settings of the whole brand (not of one account): stored in the one row of ``brand_settings``.

* ``test_share``: the share of one brand budget kept as a test allowance for the accounts still being
  measured (:mod:`liveroi.advisor.brand`); the allowance is ``test_share × B``, split equally between
  them. NULL (no row yet) means the built-in :data:`liveroi.advisor.brand.TEST_SHARE`.

Edited on the Settings page; read by ``recommend --all-accounts --brand-budget`` and the Account
matrix page whenever ``--test-share`` (or the page's own input) does not override it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import duckdb

from liveroi import db
from liveroi.settings import SettingsError

TEST_SHARE = 0.10  # built-in default; liveroi.advisor.brand.TEST_SHARE is this value


class BrandSettingsError(SettingsError):
    """A brand setting outside its allowed range (``key``: a translation key, ``field``: the setting)."""


@dataclass(frozen=True)
class BrandSettings:
    """The brand settings in force (stored values over the built-in defaults)."""

    test_share: float = TEST_SHARE
    test_share_stored: bool = False  # False: the built-in default applies (nothing saved)


def validate_test_share(share: float) -> float:
    """``share`` as a float in [0, 1], or :class:`BrandSettingsError`."""
    try:
        value = float(share)
    except (TypeError, ValueError) as exc:
        raise BrandSettingsError("test_share", "brand.settings.error.test_share") from exc
    if not math.isfinite(value) or not 0 <= value <= 1:
        raise BrandSettingsError("test_share", "brand.settings.error.test_share")
    return value


def load(con: duckdb.DuckDBPyConnection) -> BrandSettings:
    """The brand settings in force (built-in defaults where nothing is stored, or when a file made
    before schema version 7 is opened read-only and has no ``brand_settings`` table yet)."""
    try:
        value = db.query(con, "settings/brand_one")["test_share"].iloc[0]
    except duckdb.CatalogException:
        return BrandSettings()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return BrandSettings()
    return BrandSettings(test_share=float(value), test_share_stored=True)


def save(con: duckdb.DuckDBPyConnection, test_share: float | None) -> None:
    """Validate and store the brand's test share (None: back to the built-in default), as one write
    (serialised on a lake)."""
    value = None if test_share is None else validate_test_share(test_share)
    db.write(con, lambda: db.execute(con, "settings/brand_upsert", {"test_share": value}))
