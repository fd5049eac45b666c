"""Load the sample brand into a database: straight from the generator, or through the real importer.

Both paths leave the same figures: ``write_to_db`` fills session_spend the way an import of the two
export files does (export_spend from the session export, report_spend/report_ad_gmv from the hourly ad
report) and keeps the warm-up plans as unattributed ad_spend rows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from liveroi import db
from liveroi.sample.generate import DEFAULT_DAYS, DEFAULT_END, DEFAULT_SEED, SampleBrand, generate_brand
from liveroi.sample.promos import promo_calendar

SAMPLE_DATA_DIR = db.ROOT / "sample_data"
EXPORT_SUFFIXES = (".csv", ".xlsx")


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, **frames: pd.DataFrame) -> Iterator[None]:
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        yield
    finally:
        for name in frames:
            con.unregister(name)


def write_promo_days(con: duckdb.DuckDBPyConnection, promo_days: pd.DataFrame) -> int:
    """Write promo days (day, name, account — NULL for every account), replacing the same rows."""
    frame = promo_days[["day", "name", "account"]]
    with _registered(con, sample_promo_days=frame):
        db.execute(con, "sample/delete_promo_days")
        db.execute(con, "sample/insert_promo_days")
    return len(frame)


def write_to_db(con: duckdb.DuckDBPyConnection, brand: SampleBrand) -> int:
    """Replace the sample accounts' data with ``brand`` in one transaction; returns the session count.

    Idempotent: loading the same brand twice leaves the same rows. Other accounts are not touched.
    """
    accounts = brand.accounts["account"].tolist()
    frames = {
        "sample_accounts": brand.accounts[["account", "platform"]],
        "sample_sessions": brand.sessions,
        "sample_spend": brand.spend,
        "sample_ad_report": brand.ad_report,
    }

    def replace() -> None:
        params = {"accounts": accounts}
        db.execute(con, "sample/delete_session_spend", params)
        db.execute(con, "sample/delete_sessions", params)
        db.execute(con, "sample/delete_ad_spend", params)
        db.execute(con, "sample/insert_accounts")
        db.execute(con, "sample/insert_sessions")
        db.execute(con, "sample/insert_session_spend")
        db.execute(con, "sample/insert_ad_spend")
        write_promo_days(con, brand.promo_days)

    with _registered(con, **frames):
        db.write(con, replace)
    return len(brand.sessions)


def _summary(brand: SampleBrand) -> dict[str, Any]:
    unattributed = brand.ad_report["session_id"].isna()
    return {
        "accounts": brand.accounts["account"].tolist(),
        "start": brand.start.isoformat(),
        "end": brand.end.isoformat(),
        "sessions": len(brand.sessions),
        "gmv": round(float(brand.sessions["gmv"].sum()), 2),
        "session_spend": round(float(brand.spend["spend"].sum()), 2),
        "ad_report_rows": len(brand.ad_report),
        "unattributed_spend": round(float(brand.ad_report.loc[unattributed, "spend"].sum()), 2),
        "promo_days": len(brand.promo_days),
    }


def load_sample(
    db_path: str | os.PathLike[str] | None = None,
    seed: int = DEFAULT_SEED,
    *,
    n_accounts: int = 3,
    days: int = DEFAULT_DAYS,
) -> dict[str, Any]:
    """Generate the brand and write it into the database (new or existing); returns a summary."""
    brand = generate_brand(seed, n_accounts=n_accounts, days=days)
    with db.connection(db_path) as con:
        write_to_db(con, brand)
    return _summary(brand)


def sample_export_paths(directory: str | Path = SAMPLE_DATA_DIR) -> list[Path]:
    """The export files shipped in ``sample_data/``, sorted (the session export sorts first)."""
    return sorted(p for p in Path(directory).iterdir() if p.suffix.lower() in EXPORT_SUFFIXES)


def load_sample_exports(
    db_path: str | os.PathLike[str] | None = None,
    lang: str = "zh",
    *,
    directory: str | Path = SAMPLE_DATA_DIR,
) -> dict[str, Any]:
    """Import every export file in ``sample_data/`` through the real importer, then add the promo
    calendar of the sample's date range (a calendar is not part of any export). Returns the
    importer's summary with ``promo_days`` added."""
    from liveroi.importer import import_files

    paths = sample_export_paths(directory)
    summary = dict(import_files(db_path, paths, lang=lang))
    start = DEFAULT_END - pd.Timedelta(days=DEFAULT_DAYS - 1)
    calendar = promo_calendar(start, DEFAULT_END)[["day", "name"]].assign(account=None)
    calendar["account"] = calendar["account"].astype(object)
    with db.connection(db_path) as con:
        summary["promo_days"] = db.write(con, lambda: write_promo_days(con, calendar))
    return summary
