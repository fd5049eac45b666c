"""Export session_metrics to a spreadsheet file: UTF-8-with-BOM CSV or XLSX, safe to open.

A text cell that a spreadsheet would run as a formula (CSV/formula injection) is neutralised by a
leading apostrophe: cells starting with ``=``, ``@``, a tab or a carriage return, and cells starting
with ``+`` or ``-`` unless the whole cell is a plain number (so ``-cmd``, ``+A1`` and the DDE payload
``-2+3+cmd|' /C calc'!A0`` are neutralised while the text ``-12.5`` is left as written). Numeric
columns are never touched: numbers stay numbers. The dashboard's download button reuses
:func:`neutralize_formulas`, :func:`to_csv_bytes` and :func:`to_xlsx_bytes`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd

from liveroi import db

FORMATS: tuple[str, ...] = ("csv", "xlsx")
# Always dangerous as a first character; '+'/'-' are dangerous unless the cell is a plain number.
_ALWAYS = r"^[=@\t\r]"
_SIGNED = r"^[+-]"
_PLAIN_NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
XLSX_SHEET = "session_metrics"


def _is_text_column(series: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(series.dtype) or series.dtype == object


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` where every text cell a spreadsheet would evaluate gets a leading ``'``.

    Vectorised per text column; numeric, boolean and date columns are returned unchanged, and so are
    missing cells.
    """
    result = frame.copy()
    for column in result.columns:
        series = result[column]
        if not _is_text_column(series):
            continue
        text = series.astype("string")
        starts_signed = text.str.contains(_SIGNED, regex=True, na=False)
        plain_number = text.str.fullmatch(_PLAIN_NUMBER, na=False)
        dangerous = text.str.contains(_ALWAYS, regex=True, na=False) | (starts_signed & ~plain_number)
        if dangerous.any():
            patched = series.astype(object).copy()
            patched[dangerous.to_numpy()] = "'" + text[dangerous].astype(object)
            result[column] = patched if series.dtype == object else patched.astype(series.dtype)
    return result


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV as UTF-8 with BOM (Excel reads it without mangling Chinese), formulas neutralised."""
    text = neutralize_formulas(frame).to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, sheet_name: str = XLSX_SHEET) -> bytes:
    """An XLSX workbook with one sheet, formulas neutralised; numbers and times keep their types."""
    safe = neutralize_formulas(frame)
    for column in safe.columns:  # Excel has no time zones; stored times are naive local time anyway
        if isinstance(safe[column].dtype, pd.DatetimeTZDtype):
            safe[column] = safe[column].dt.tz_localize(None)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, sheet_name=sheet_name, index=False)
    return buffer.getvalue()


def format_for_path(path: str | os.PathLike[str], explicit: str | None = None) -> str:
    """``explicit`` when given, else ``xlsx`` for a .xlsx file and ``csv`` for anything else."""
    if explicit:
        if explicit not in FORMATS:
            raise ValueError(f"unknown export format: {explicit}")
        return explicit
    return "xlsx" if Path(path).suffix.lower() == ".xlsx" else "csv"


def session_metrics_frame(
    con: duckdb.DuckDBPyConnection,
    *,
    accounts: Sequence[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """session_metrics filtered by accounts and start-day range (None = no filter)."""
    params = {"accounts": list(accounts) if accounts else None, "start": start, "end": end}
    return db.query(con, "export/session_metrics", params)


def unknown_accounts(con: duckdb.DuckDBPyConnection, accounts: Sequence[str]) -> list[str]:
    """The names among ``accounts`` that the database has never seen."""
    known = set(db.query(con, "export/accounts_known", {"accounts": list(accounts)})["account"])
    return [name for name in accounts if name not in known]


def write_atomically(path: str | os.PathLike[str], payload: bytes) -> Path:
    """Write ``payload`` to ``path`` via a temporary file in the same folder, so a failed write never
    leaves half a file behind. Raises OSError when the folder is missing or not writable."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def export_session_metrics(
    db_path: str | os.PathLike[str] | None,
    out: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    accounts: Sequence[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> dict[str, object]:
    """Write session_metrics (filtered) to ``out`` as CSV or XLSX; returns {out, format, rows}.

    Opens the database read-only. Raises :class:`KeyError` listing unknown account names, and
    OSError when the file cannot be written.
    """
    chosen = format_for_path(out, fmt)
    with db.connection(db_path, read_only=True) as con:
        if accounts:
            missing = unknown_accounts(con, accounts)
            if missing:
                raise KeyError(missing)
        frame = session_metrics_frame(con, accounts=accounts, start=start, end=end)
    payload = to_xlsx_bytes(frame) if chosen == "xlsx" else to_csv_bytes(frame)
    written = write_atomically(out, payload)
    return {"out": str(written), "format": chosen, "rows": len(frame)}
