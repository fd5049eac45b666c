"""Parse and validate one file into the staging tables, without touching the stored data.

For each file: the raw table (``readers.load_raw_typed`` for a CSV session list, else or when that fails
``readers.load_raw``: every cell text) → ``import_rows`` (exact duplicates collapsed, blank and summary rows
flagged, a hash per row) → ``import_known`` (rows that last wrote a stored session, unchanged: not parsed
again) → ``import_parsed`` / ``import_ad_parsed`` (typed values and the list of reasons a row cannot be
trusted) → the staging tables ``import_stage_*`` tagged with the file's index. Everything here is SQL over
whole columns (queries/import/); Python only decides which files run.

The two readings share every rule: only how a cell becomes a value differs
(queries/import/reading_text.sql, reading_typed.sql, installed per file before ``import/rows``). A typed
file with a row to reject or two rows alike (exact duplicates, which the typed cells could make of two
rows written differently) is staged again from the text reading before anything of it is staged, so
rejections quote the cells as written and the outcome is the text reading's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache

import duckdb

from liveroi import db
from liveroi.channels import channel_key
from liveroi.i18n import t
from liveroi.importer import headers, readers, values
from liveroi.importer.errors import ImportFileError

STAGING_TABLES: tuple[str, ...] = (
    "import/template",
    "import/stage_sessions_table",
    "import/stage_spend_table",
    "import/stage_extras_table",
    "import/stage_ad_table",
    "import/stage_rejects_table",
    "import/channel_keys_table",
)


@dataclass(frozen=True)
class StagedFile:
    """A file read, parsed and validated into the staging tables under ``file_idx``."""

    file_idx: int
    source: readers.SourceFile
    layout: readers.Layout
    rows_read: int  # non-blank data rows, duplicates and summary rows included
    skipped: int  # summary rows + extra copies of exact duplicates
    rejected: int  # rows with at least one reason
    known: int = 0  # rows unchanged since they last wrote their session: counted unchanged, not parsed
    reading: str = readers.TEXT  # how its cells were read: readers.TYPED or readers.TEXT

    @property
    def accepted(self) -> int:
        """Rows that will be written (inserted, updated or unchanged)."""
        return self.rows_read - self.skipped - self.rejected


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Create the value macros and the (empty) staging tables on a connection (progress bar off)."""
    db.execute(con, "import/progress_bar_off")
    values.install_macros(con)
    for name in STAGING_TABLES:
        db.execute(con, name)


#: Kinds of file read into sessions: a session list, and a snapshot file (running totals: the last
#: snapshot of each session is its row, the earlier ones are skipped — queries/import/snapshots_last.sql).
SNAPSHOTS = "snapshots"
SESSION_KINDS: tuple[str, ...] = ("sessions", SNAPSHOTS)
#: Snapshots of one anchor further apart than this belong to different sessions.
SNAPSHOT_GAP_MINUTES = 30


#: The SQL that decides what a row means: a change to any of it makes every stored row hash stale.
PARSER_QUERIES: tuple[str, ...] = (
    *values.MACRO_FILES,
    "import/reading_text",
    "import/reading_typed",
    "import/rows",
    "import/rows_dedupe",
    "import/sessions_parse",
    "import/spend_cells",
    "import/extra_cells",
    "import/snapshots_last",
)


#: After the parse: add the reasons of bad spend cells, then reject the earlier rows of a session id the
#: file repeats (the last row wins).
REPEATED_QUERIES: tuple[str, ...] = (
    "import/sessions_spend_errors",
    "import/sessions_extra_errors",
    "import/sessions_repeated_table",
    "import/sessions_repeated_flag",
    "import/sessions_repeated_known",
)


@cache
def parser_version() -> str:
    """A digest of the parsing SQL (:data:`PARSER_QUERIES`), part of every row hash."""
    digest = hashlib.sha256()
    for name in PARSER_QUERIES:
        digest.update(db.load_sql(name).encode("utf-8"))
    return digest.hexdigest()[:16]


#: The SQL of each reading: how its cells become values (installed per file, before import/rows).
_READING_SQL = {readers.TEXT: "import/reading_text", readers.TYPED: "import/reading_typed"}


def stage_rows(con: duckdb.DuckDBPyConnection, header_row: int, reading: str = readers.TEXT) -> bool:
    """``import_raw`` → ``import_rows`` (queries/import/rows.sql): the reading's macros installed
    (``import/reading_<reading>``), one pass hashing and flagging the rows, then — only when a hash repeats
    — exact duplicates collapsed (import/rows_dedupe), then the view with every canonical column. Returns
    whether a hash repeated."""
    db.execute(con, _READING_SQL[reading])
    db.execute(con, "import/rows", {"header_row": header_row})
    repeated = bool(int(db.query(con, "import/rows_repeated")["n"].iloc[0]))
    if repeated:
        db.execute(con, "import/rows_dedupe")
    db.execute(con, "import/rows_view")
    return repeated


def layout_key(layout: readers.Layout, account: str | None, reading: str = readers.TEXT) -> str:
    """What, besides its cells, decides what a row means: the column mapping and units, the fallback
    account, the reading (a typed reading hashes typed cells) and the parser. Hashed with the cells into
    ``sessions.row_hash``."""
    columns = [[c.header, c.canonical, c.scale] for c in layout.columns]
    return json.dumps(
        {"columns": columns, "account": account, "reading": reading, "parser": parser_version()},
        ensure_ascii=False,
    )


def _scales(layout: readers.Layout) -> dict[str, float]:
    scales = {field: 1.0 for field in (*headers.STORED_SESSION_FIELDS, *headers.AD_FIELDS)}
    scales["duration_min"] = 60.0
    for column in layout.columns:
        if column.canonical is not None and not column.canonical.startswith(
            (headers.SPEND_PREFIX, headers.EXTRA_PREFIX)
        ):
            scales[column.canonical] = column.scale
    text = ("session_id", "account", "started_at", "ended_at", "anchor_id")
    return {k: v for k, v in scales.items() if k not in text}


_FILE_DATE = re.compile(r"(?<!\d)(20\d{2})[-_.年]?(\d{2})[-_.月]?(\d{2})(?!\d)")


def date_of_file_name(name: str) -> str | None:
    """The date a file name carries (``素材分析_2026-07-09 00_00_00.xlsx`` → ``2026-07-09``), as ISO text,
    or None when it has none (or an impossible one)."""
    for match in _FILE_DATE.finditer(name):
        try:
            return dt.date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            continue
    return None


def stage_file(
    con: duckdb.DuckDBPyConnection,
    file_idx: int,
    src: readers.SourceFile,
    layout: readers.Layout,
    *,
    account: str | None,
    lang: str,
    known: bool = True,
) -> StagedFile:
    """Read, parse and validate one file into the staging tables. Raises :class:`ImportFileError` when
    the file cannot be used at all (unreadable, no data rows, a required column missing).

    ``known``: look up the stored sessions (``sessions.row_hash``) and skip parsing the rows that last
    wrote them, unchanged (False for a preview, which has no store)."""
    mapped = {c.canonical for c in layout.columns if c.canonical}
    named = layout.named
    if layout.kind not in (*SESSION_KINDS, "ad_spend"):
        raise ImportFileError.from_key(src.name, "import.error.layout_unsupported", lang, layout=named.name)
    if layout.kind in SESSION_KINDS and "started_at" not in mapped:
        raise ImportFileError.from_key(src.name, "import.error.no_start_column", lang)
    if "account" not in mapped and "account_id" not in mapped and not account:
        raise ImportFileError.from_key(src.name, "import.error.no_account_column", lang)
    file_date = None
    if named.date_in_file_name and "time" not in mapped:
        file_date = date_of_file_name(src.name)
        if file_date is None:
            raise ImportFileError.from_key(src.name, "import.error.no_file_date", lang, layout=named.name)
    fallback = account or None
    if fallback and known:  # `--account 13377905` is the account a report named with that 账户ID
        named_as = db.query(con, "import/account_of_id", {"account_id": fallback})
        fallback = str(named_as["account"].iloc[0]) if len(named_as) else fallback
    with readers.utf8_on_disk(src, lang) as readable:  # transcoded once for both readings
        if readers.load_raw_typed(con, readable, layout, lang) is not None:
            repeated = stage_rows(con, layout.header_row, readers.TYPED)
            db.execute(con, "import/drop_raw")
            if not repeated and _stage_sessions(con, file_idx, layout, fallback, known, readers.TYPED):
                return _finish(con, src, file_idx, layout, lang, readers.TYPED)
            for table in _WORKING_TABLES:  # a row to reject or repeated rows: staged again from the text
                db.execute(con, table)
        readers.load_raw(con, readable, layout, lang)
    stage_rows(con, layout.header_row)
    if layout.kind == SNAPSHOTS:
        db.execute(
            con,
            "import/snapshots_last",
            {"gap_minutes": SNAPSHOT_GAP_MINUTES, "file_date": date_of_file_name(src.name)},
        )
    db.execute(con, "import/drop_raw")  # import_rows holds every cell
    if layout.kind in SESSION_KINDS:
        _stage_sessions(con, file_idx, layout, fallback, known, readers.TEXT)
    else:
        db.execute(con, "import/known_empty")
        labels = db.query(con, "import/ad_labels")["label"].tolist()
        db.execute(con, "import/channel_keys_table")
        db.execute(
            con,
            "import/channel_keys_insert",
            {"labels": labels, "channels": [channel_key(x) for x in labels]},
        )
        db.execute(
            con,
            "import/ad_parse",
            {
                "account": fallback,
                "scales": _scales(layout),
                "channel": named.channel,
                "file_date": file_date,
            },
        )
        db.execute(con, "import/checked_ad")
        extras = any(c.canonical and c.canonical.startswith(headers.AD_EXTRA_PREFIX) for c in layout.columns)
        db.execute(
            con,
            "import/ad_extras" if extras else "import/ad_extras_empty",
            {"scales": _scales(layout)} if extras else None,
        )
        db.execute(con, "import/ad_stage", {"file_idx": file_idx, "layout": named.name, "grain": named.grain})
    return _finish(con, src, file_idx, layout, lang)


#: The per-row working tables of a session or ad file, dropped once it is staged (or before it is staged
#: again from the text reading).
_WORKING_TABLES = (
    "import/drop_rows",
    "import/drop_spend_cells",
    "import/drop_extra_cells",
    "import/drop_parsed",
)


def _stage_sessions(
    con: duckdb.DuckDBPyConnection,
    file_idx: int,
    layout: readers.Layout,
    fallback: str | None,
    known: bool,
    reading: str,
) -> bool:
    """``import_rows`` of a session file → its known rows, parsed rows and staged sessions, spend and
    extras. Returns False, staging nothing, when the reading is typed and a row has a reason to be
    rejected (the caller reads the file again as text)."""
    key = layout_key(layout, fallback, reading)
    if known:
        db.execute(con, "import/known", {"layout_key": key})
    else:
        db.execute(con, "import/known_empty")
    spend = layout.spend_params()
    to_parse = int(db.query(con, "import/rows_to_parse")["n"].iloc[0])
    if spend and to_parse:
        db.execute(con, "import/spend_cells", spend)
    else:
        db.execute(con, "import/spend_cells_empty")
    extras = [c for c in layout.columns if c.canonical and c.canonical.startswith(headers.EXTRA_PREFIX)]
    if extras and to_parse:
        db.execute(
            con,
            "import/extra_cells",
            {
                "extra_columns": [c.canonical for c in extras],
                "extra_kinds": [headers.extra_kind(c.canonical) for c in extras],
                "extra_scales": [c.scale for c in extras],
            },
        )
    else:
        db.execute(con, "import/extra_cells_empty")
    if to_parse:
        db.execute(
            con,
            "import/sessions_parse",
            {"account": fallback, "scales": _scales(layout), "layout_key": key},
        )
        for name in REPEATED_QUERIES:
            db.execute(con, name)
    else:
        db.execute(con, "import/sessions_parsed_empty")
    if reading == readers.TYPED and int(db.query(con, "import/parsed_rejected")["n"].iloc[0]):
        return False
    db.execute(con, "import/checked_sessions")
    db.execute(con, "import/sessions_stage", {"file_idx": file_idx})
    db.execute(con, "import/spend_stage", {"file_idx": file_idx})
    db.execute(con, "import/extras_stage", {"file_idx": file_idx})
    return True


def _finish(
    con: duckdb.DuckDBPyConnection,
    src: readers.SourceFile,
    file_idx: int,
    layout: readers.Layout,
    lang: str,
    reading: str = readers.TEXT,
) -> StagedFile:
    counts = finish_staging(con, src.name, file_idx, layout, lang, _WORKING_TABLES)
    return StagedFile(
        file_idx,
        src,
        layout,
        int(counts["rows_read"]),
        int(counts["skipped"]),
        int(counts["rejected"]),
        int(counts["known"]),
        reading,
    )


def finish_staging(
    con: duckdb.DuckDBPyConnection,
    file_name: str,
    file_idx: int,
    layout: readers.Layout,
    lang: str,
    drops: tuple[str, ...],
) -> dict[str, int]:
    """The end of staging one file, whatever it holds: its rejected cells staged for the log (named by
    the file's own headers), its row counts (``import/rows_counts``: rows_read, skipped, rejected,
    known), and the per-row working tables in ``drops`` dropped — the staged tables keep what the write
    needs. A file with no data row is refused (``import.error.no_rows``)."""
    db.execute(
        con,
        "import/rejects_stage",
        {
            "file_idx": file_idx,
            "raw_names": readers.raw_names(layout),
            "written": [*(c.header for c in layout.columns), t("import.column.beyond_header", lang)],
        },
    )
    counts = db.query(con, "import/rows_counts").iloc[0]
    for table in drops:
        db.execute(con, table)
    if int(counts["rows_read"]) == 0:
        raise ImportFileError.from_key(file_name, "import.error.no_rows", lang)
    return {name: int(value) for name, value in counts.items()}
