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
transcoded to UTF-8 by Python's codec and read by DuckDB's parallel CSV reader; a clean CSV session list
(liveroi's own export, a back-end CSV without decorated cells) is read typed — ``read_csv`` itself casts the
number and time columns, so no cell is cleaned or cast in SQL (readers.load_raw_typed; it falls back to the
all-text reading, which gives the same result, at the first cell it cannot take); otherwise most cells are
parsed by a plain cast (``*_of_raw_fast`` macros), the regex rules run only for the rest; a row identical to
the one that last wrote its stored session (``sessions.row_hash``) is counted unchanged without being
parsed, so re-importing an unchanged export costs about one read of it; new rows are inserted by
anti-join, changed ones updated.
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
from liveroi.importer import headers, load, readers, timeline, validate
from liveroi.importer.errors import ImportFileError
from liveroi.importer.readers import ImportSource

__all__ = ["ImportFileError", "ImportSource", "Preview", "import_files", "preview_file"]


@dataclass
class Preview:
    """What importing one file would do, without writing anything."""

    file_name: str
    kind: str  # 'sessions' | 'ad_spend' | 'timeline'
    layout: str  # the name it was read as (liveroi.importer.layouts)
    header_row: int  # 1-based, as Excel shows it
    mapping: list[tuple[str, str | None]]  # (header as written, canonical name or None = not used)
    parsed: pd.DataFrame  # valid rows, canonical columns (sessions: spend_<channel> per channel)
    rejected: list[dict] = field(default_factory=list)  # {"file", "row", "column", "value", "reason"}
    skipped: int = 0

    @property
    def ignored(self) -> list[str]:
        """The headers of the file that nothing reads (unknown, or a repeat of a column already read)."""
        return [header for header, canonical in self.mapping if canonical is None and header]


def _stage_all(
    con: duckdb.DuckDBPyConnection,
    sources: Sequence[ImportSource],
    account: str | None,
    sheet: str | None,
    lang: str,
    known: bool = True,
) -> list[validate.StagedFile]:
    validate.prepare(con)
    staged: list[validate.StagedFile] = []
    for source in sources:
        src = readers.open_source(source, lang)
        layout = readers.detect_layout(src, lang, sheet)
        if layout.kind != timeline.KIND:
            staged.append(
                validate.stage_file(con, len(staged), src, layout, account=account, lang=lang, known=known)
            )
        if layout.kind == timeline.KIND or layout.named.timeline:
            # a timeline file, or one whose layout is also read into the timeline (直播大屏 snapshots: the
            # session's totals above, its course through the broadcast here — written after the session,
            # so its buckets find it)
            reading = layout if layout.kind == timeline.KIND else timeline.as_timeline(layout)
            staged.append(timeline.stage_file(con, len(staged), src, reading, account=account, lang=lang))
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
    ``{"files": [{"file", "layout", "kind", "rows_read", "inserted", "updated", "unchanged", "skipped",
    "rejected", "precedence"}], "inserted", "updated", "unchanged", "skipped", "rejected": [{"file", "row",
    "column", "value", "reason"}]}`` with reasons in ``lang``: per file, the layout it was read as
    (:mod:`liveroi.importer.layouts`) and where its rows went (rows_read = inserted + updated + unchanged
    + skipped + rejected); for an ad report, ``precedence`` lists the days where another report of the same
    account and channel is counted instead (or this one instead of another); and ``"ignored": [{"file",
    "columns"}]`` when a file has columns nothing reads (unknown headers, or a repeat of one already read),
    named as written. With a timeline file also ``"outside_sessions": [{"file", "account", "buckets",
    "from", "to"}]`` (buckets stored but in no session of the account); a 直播大屏 snapshots file, read into
    both the sessions and the timeline, has one entry with ``"timeline": {"inserted", "updated",
    "unchanged", "rejected"}`` for the second reading. Raises :class:`ImportFileError` when a file cannot be
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
        second_reading = item.layout.kind != item.layout.named.kind  # the timeline of a snapshots file
        entry = {
            "file": item.source.name,
            "layout": item.layout.name,
            "kind": item.layout.kind,
            "rows_read": item.rows_read,
            "inserted": result.inserted,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "skipped": result.skipped,
            "rejected": item.rejected,
            "precedence": result.precedence,
        }
        if second_reading:
            # the same rows read again into the timeline: said under the file's own entry ("timeline":
            # what that reading wrote), not counted twice in the totals, a bad cell not listed twice
            summary["files"][-1]["timeline"] = {
                k: entry[k] for k in ("inserted", "updated", "unchanged", "rejected")
            }
            listed = {(r["file"], r["row"], r["column"]) for r in summary["rejected"]}
            summary["rejected"].extend(
                r for r in result.rejected if (r["file"], r["row"], r["column"]) not in listed
            )
        else:
            summary["files"].append(entry)
            for key in ("inserted", "updated", "unchanged", "skipped"):
                summary[key] += getattr(result, key)
            summary["rejected"].extend(result.rejected)
        ignored = [] if second_reading else headers.ignored_headers(item.layout.columns)
        if ignored:  # columns nobody reads are said, never dropped silently
            summary.setdefault("ignored", []).append({"file": item.source.name, "columns": ignored})
        if result.outside_sessions is not None:  # timeline files: buckets kept but in no session
            summary.setdefault("outside_sessions", []).extend(result.outside_sessions)


def preview_file(
    source: ImportSource, *, account: str | None = None, sheet: str | None = None, lang: str = "zh"
) -> Preview:
    """Read, parse and validate one file as :func:`import_files` would, in a private in-memory database:
    nothing is written anywhere. Raises :class:`ImportFileError` when the file cannot be read."""
    con = duckdb.connect()
    try:
        items = _stage_all(con, [source], account, sheet, lang, known=False)
        # a snapshots file is staged twice once its own kind is supported: preview that reading
        staged = next((item for item in items if item.layout.kind != timeline.KIND), items[0])
        params = {"file_idx": staged.file_idx}
        if staged.layout.kind in validate.SESSION_KINDS:
            parsed = db.query(con, "import/preview_sessions", params)
            spend = db.query(con, "import/preview_spend", params)
            if len(spend):
                wide = spend.pivot(index="session_id", columns="channel", values="export_spend")
                wide.columns = [headers.SPEND_PREFIX + str(c) for c in wide.columns]
                parsed = parsed.merge(wide.reset_index(), on="session_id", how="left")
        elif staged.layout.kind == timeline.KIND:
            parsed = db.query(con, "import/preview_timeline", params)
        else:
            parsed = db.query(con, "import/preview_ad", params)
        return Preview(
            file_name=staged.source.name,
            kind=staged.layout.kind,
            layout=staged.layout.name,
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
