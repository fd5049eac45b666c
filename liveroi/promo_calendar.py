"""The built-in promo calendar: 618, 双11 and 双12 of every year, used to mark charts while the
``promo_days`` table is empty. Brand days and the exact dates a team cares about go into
``promo_days`` (Settings page), which then replaces this calendar entirely.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from liveroi import db
from liveroi.i18n import t

# (month, day, translation key). The platforms' festivals run for days before; the peak day is marked.
BUILTIN_DAYS: tuple[tuple[int, int, str], ...] = (
    (6, 18, "promo.618"),
    (11, 11, "promo.double11"),
    (12, 12, "promo.double12"),
)


def builtin_promo_days(start: date, end: date, lang: str = "zh") -> pd.DataFrame:
    """Columns ``day, name``: the built-in promo days within [start, end], names in ``lang``."""
    rows = [
        (date(year, month, day), t(key, lang))
        for year in range(start.year, end.year + 1)
        for month, day, key in BUILTIN_DAYS
        if start <= date(year, month, day) <= end
    ]
    return pd.DataFrame(rows, columns=["day", "name"])


def promo_days_for_chart(
    stored: pd.DataFrame, stored_total: int, start: date, end: date, lang: str
) -> pd.DataFrame:
    """The promo periods to mark, as ``start, end, name`` rows: runs of consecutive days with the same
    name become one period (a warm-up week is one band, not seven).

    ``stored`` has ``day, name`` (already filtered to the period and accounts); ``stored_total`` is the
    number of rows in ``promo_days`` overall: while it is 0 the built-in calendar is used. Several
    names on one day are joined with " / ".
    """
    frame = stored[["day", "name"]] if stored_total > 0 else builtin_promo_days(start, end, lang)
    if frame.empty:
        return pd.DataFrame(columns=["start", "end", "name"])
    frame = frame.assign(day=pd.to_datetime(frame["day"]), name=frame["name"].astype(str))
    days = (
        frame.groupby("day", as_index=False)["name"]
        .agg(lambda names: " / ".join(dict.fromkeys(names)))
        .sort_values("day")
    )
    new_run = (days["name"] != days["name"].shift()) | (days["day"].diff() != pd.Timedelta(days=1))
    runs = days.groupby(new_run.cumsum()).agg(
        start=("day", "min"), end=("day", "max"), name=("name", "first")
    )
    return runs.assign(start=runs["start"].dt.date, end=runs["end"].dt.date).reset_index(drop=True)


def clean_promo_rows(edited: pd.DataFrame, all_accounts_label: str) -> tuple[pd.DataFrame, int]:
    """The rows of an edited calendar worth storing (a day and a non-empty name), as ``day, name,
    account`` with ``account`` '' for every account; and how many rows were dropped."""
    clean = edited.dropna(subset=["day"])
    clean = clean[clean["name"].fillna("").astype(str).str.strip() != ""]
    account = clean["account"].fillna(all_accounts_label).astype(str)
    rows = pd.DataFrame(
        {
            "day": pd.to_datetime(clean["day"]).dt.date,
            "name": clean["name"].astype(str).str.strip(),
            "account": account.where(account != all_accounts_label, ""),
        }
    )
    return rows.reset_index(drop=True), len(edited) - len(clean)


def replace_promo_days(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame) -> int:
    """Replace the stored promo calendar with ``rows`` (``day, name, account``; '' = every account)
    in one transaction. Returns the number of days stored."""

    def replace() -> None:
        db.execute(con, "settings/promo_days_clear")
        con.register("promo_days_input", rows)
        try:
            db.execute(con, "settings/promo_days_insert")
        finally:
            con.unregister("promo_days_input")

    db.write(con, replace)
    return len(rows)
