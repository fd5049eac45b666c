"""Import the files Kuaishou's and Douyin's back-ends hand out: session exports and ad-spend reports.

Public API (other parts of liveroi code against exactly this)::

    import_files(db_path, sources, *, account=None, sheet=None, lang="zh") -> dict
    preview_file(source, *, account=None, sheet=None, lang="zh") -> Preview
    ImportFileError  # .file_name, .message (one line in lang)

A source is a path or ``(file name, bytes)`` from an upload. The pipeline (docs/architecture.md): detect the
header row → map aliases → parse values → validate → upsert, one transaction per file. Every step after
the header row is DuckDB SQL over whole columns (queries/import/, queries/ad_spend/).

All-or-nothing per call for unreadable files: every file of a call is read, parsed and validated into
temporary staging tables *before* anything is written, so a file that cannot be read raises
:class:`ImportFileError` and no file of that call is written. Then each file is written in its own
transaction (file 1 stays if writing file 2 fails; the import log says which).

Speed (benchmarks/import_profile.py measures each step against DuckDB's own ``read_csv``): GB18030 is
transcoded to UTF-8 by Python's codec and read by DuckDB's parallel CSV reader; most cells are parsed by a
plain cast (``*_of_raw_fast`` macros), the regex rules run only for the rest; a row identical to the one that last
wrote its stored session (``sessions.row_hash``) is counted unchanged without being parsed, so re-importing
an unchanged export costs about one read of it; new rows are inserted by anti-join, changed ones updated.
DuckDB's memory on the import connection is capped (1 GB; it spills beyond), and per-file temporary tables
are dropped as soon as they are consumed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from liveroi import db
from liveroi.importer import headers, load, readers, validate
from liveroi.importer.errors import ImportFileError
from liveroi.importer.readers import ImportSource

__all__ = ["ImportFileError", "ImportSource", "Preview", "import_files", "preview_file"]


@dataclass
class Preview:
    """What importing one file would do, without writing anything."""

    file_name: str
    kind: str  # 'sessions' | 'ad_spend'
    header_row: int  # 1-based, as Excel shows it
    mapping: list[tuple[str, str | None]]  # (header as written, canonical name or None = not used)
    parsed: pd.DataFrame  # valid rows, canonical columns (sessions: spend_<channel> per channel)
    rejected: list[dict] = field(default_factory=list)  # {"file", "row", "column", "value", "reason"}
    skipped: int = 0


def _stage_all(
    con: duckdb.DuckDBPyConnection,
    sources: Sequence[ImportSource],
    account: str | None,
    sheet: str | None,
    lang: str,
    known: bool = True,
) -> list[validate.StagedFile]:
    validate.prepare(con)
    staged = []
    for index, source in enumerate(sources):
        src = readers.open_source(source, lang)
        layout = readers.detect_layout(src, lang, sheet)
        staged.append(validate.stage_file(con, index, src, layout, account=account, lang=lang, known=known))
    return staged


def import_files(
    db_path: str | os.PathLike[str] | None,
    sources: Sequence[ImportSource],
    *,
    account: str | None = None,
    sheet: str | None = None,
    lang: str = "zh",
) -> dict:
    """Import session exports and ad-spend reports into the database at ``db_path``.

    ``account`` fills in a missing account (a file without an account column needs it); ``sheet`` picks
    an XLSX sheet (default: the first with a recognisable header). Returns the summary
    ``{"files", "inserted", "updated", "unchanged", "skipped", "rejected": [{"file", "row", "column",
    "value", "reason"}]}`` with reasons in ``lang``. Raises :class:`ImportFileError` when a file cannot be
    read (then nothing of this call is written) or its write fails (then that file is rolled back).
    """
    summary: dict = {"files": [], "inserted": 0, "updated": 0, "unchanged": 0, "skipped": 0, "rejected": []}
    with _ONE_IMPORT_AT_A_TIME:
        con = db.connect(db_path)
        try:
            _import_staged(con, sources, account, sheet, lang, summary)
        finally:
            con.close()
    return summary


# Imports in one process (the dashboard's sessions are threads) run one at a time. Other processes are
# kept out by DuckDB's file lock while our write connection is open, so once we hold both, any import
# log row still 'running' belongs to a process that died mid-import (kill -9, power loss).
_ONE_IMPORT_AT_A_TIME = threading.Lock()


def _import_staged(
    con: duckdb.DuckDBPyConnection,
    sources: Sequence[ImportSource],
    account: str | None,
    sheet: str | None,
    lang: str,
    summary: dict,
) -> None:
    """Stage every file, then write each in its own transaction, adding its counts to ``summary``."""
    load.mark_interrupted(con)
    db.execute(con, "import/memory_limit")  # spills next to the database file above the cap
    staged = _stage_all(con, sources, account, sheet, lang)
    for item in staged:
        result = load.write_file(con, item, lang)
        summary["files"].append(item.source.name)
        for key in ("inserted", "updated", "unchanged", "skipped"):
            summary[key] += getattr(result, key)
        summary["rejected"].extend(result.rejected)


def preview_file(
    source: ImportSource, *, account: str | None = None, sheet: str | None = None, lang: str = "zh"
) -> Preview:
    """Read, parse and validate one file as :func:`import_files` would, in a private in-memory database:
    nothing is written anywhere. Raises :class:`ImportFileError` when the file cannot be read."""
    con = duckdb.connect()
    try:
        (staged,) = _stage_all(con, [source], account, sheet, lang, known=False)
        params = {"file_idx": staged.file_idx}
        if staged.layout.kind == "sessions":
            parsed = db.query(con, "import/preview_sessions", params)
            spend = db.query(con, "import/preview_spend", params)
            if len(spend):
                wide = spend.pivot(index="session_id", columns="channel", values="export_spend")
                wide.columns = [headers.SPEND_PREFIX + str(c) for c in wide.columns]
                parsed = parsed.merge(wide.reset_index(), on="session_id", how="left")
        else:
            parsed = db.query(con, "import/preview_ad", params)
        return Preview(
            file_name=staged.source.name,
            kind=staged.layout.kind,
            header_row=staged.layout.header_row,
            mapping=[(c.header, c.canonical) for c in staged.layout.columns],
            parsed=parsed.drop(columns=["_row", "row_hash"], errors="ignore"),
            rejected=load.rejected_entries(con, staged, lang),
            skipped=staged.skipped,
        )
    finally:
        con.close()


def source_name(source: ImportSource) -> str:
    """The file name of a source as a user would recognise it."""
    return readers.source_name(source)
