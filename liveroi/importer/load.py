"""Write one staged file to the store: import log, upsert, change log, rejected rows — one transaction.

Order of events for a file:

1. ``imports`` gets a row with status ``running``, committed on its own (so a crash leaves a trace).
2. One transaction: sessions (or ad rows) upserted, ``import_changes`` written for every changed field,
   accounts registered, ``rejected_rows`` stored, ad spend re-attached for the accounts touched, and the
   log row set to ``committed`` with its counts. Any error rolls all of it back.
3. On an error the log row is set to ``failed`` with the message. A process killed during step 2 leaves
   ``running``; :func:`mark_interrupted` turns those into ``interrupted`` (nothing of them was written).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from liveroi import db
from liveroi.i18n import TRANSLATIONS, t
from liveroi.importer import timeline
from liveroi.importer.ad_spend import apply_precedence, attach_ad_spend
from liveroi.importer.errors import ImportFileError
from liveroi.importer.validate import SESSION_KINDS, StagedFile


@dataclass
class FileResult:
    """What one file did to the store."""

    import_id: int
    inserted: int
    updated: int
    unchanged: int
    skipped: int
    rejected: list[dict] = field(default_factory=list)
    precedence: list[dict] = field(default_factory=list)  # ad reports: which report counted, per day
    outside_sessions: list[dict] | None = None  # timeline files only (liveroi.importer.timeline)


def reason_texts(lang: str) -> dict[str, list[str]]:
    """The rejection reasons (``reject.*``) as parallel lists of keys and texts in ``lang``."""
    keys = sorted(k for k in TRANSLATIONS if k.startswith("reject."))
    return {"reason_keys": keys, "reason_texts": [t(k, lang) for k in keys]}


def mark_interrupted(con: duckdb.DuckDBPyConnection) -> None:
    """Close log rows left ``running`` by a killed process (call with no import running in this process)."""
    db.write(con, lambda: db.execute(con, "import/log_mark_interrupted"))


def rejected_entries(con: duckdb.DuckDBPyConnection, staged: StagedFile, lang: str) -> list[dict]:
    """The rejected cells of a staged file as the JSON summary lists them."""
    frame = db.query(con, "import/rejects_of_file", {"file_idx": staged.file_idx, **reason_texts(lang)})
    frame.insert(0, "file", staged.source.name)
    frame["row"] = frame["row"].astype(int)
    frame = frame.astype(object).where(frame.notna(), None)
    return frame.to_dict("records")


#: Before the upsert, after queries/import/resolve_ids.sql: rows that are a stored session under another id
#: (an anchor-keyed row with the same account and start; a snapshot session overlapping one) take that id.
RESOLVE_QUERIES: tuple[str, ...] = (
    "import/resolve_sessions",
    "import/resolve_spend",
    "import/resolve_extras",
)


def _write_sessions(con: duckdb.DuckDBPyConnection, staged: StagedFile, import_id: int) -> dict[str, int]:
    params = {"file_idx": staged.file_idx}
    db.execute(con, "import/resolve_ids", {**params, "kind": staged.layout.kind})
    for name in RESOLVE_QUERIES:
        db.execute(con, name, params)
    db.execute(con, "import/sessions_diff", params)
    counts = db.query(con, "import/sessions_counts", params).iloc[0]
    db.execute(con, "import/sessions_update", {**params, "import_id": import_id})
    db.execute(con, "import/sessions_insert", {**params, "import_id": import_id})
    db.execute(con, "import/spend_update", params)
    db.execute(con, "import/spend_insert", params)
    db.execute(con, "import/extras_delete", params)
    db.execute(con, "import/extras_insert", params)
    db.execute(con, "import/changes_insert", {"import_id": import_id})
    result = {k: int(counts[k]) for k in ("inserted", "updated", "unchanged")}
    result["unchanged"] += staged.known  # rows known unchanged were never staged
    return result


def _write_ad_rows(con: duckdb.DuckDBPyConnection, staged: StagedFile, import_id: int) -> dict[str, int]:
    params = {"file_idx": staged.file_idx}
    counts = db.query(con, "ad_spend/counts", params).iloc[0]
    db.execute(con, "ad_spend/upsert", {**params, "import_id": import_id})
    db.execute(con, "import/account_ids_upsert", params)
    ids = db.query(con, "import/account_ids_of_file", params)["account_id"].tolist()
    if ids:  # rows imported earlier under a bare id now belong to the account it names
        for name in ("import/account_ids_rekey_drop", "import/account_ids_rekey"):
            db.execute(con, name, {"ids": ids})
    return {k: int(counts[k]) for k in ("inserted", "updated", "unchanged")}


def write_file(con: duckdb.DuckDBPyConnection, staged: StagedFile, lang: str) -> FileResult:
    """Write a staged file in one transaction (see the module docstring). On failure nothing of the file
    is written, its log row says ``failed``, and :class:`ImportFileError` is raised."""
    src = staged.source
    row = db.execute(
        con,
        "import/log_start",
        {
            "file_name": src.name,
            "content_hash": src.content_hash,
            "kind": staged.layout.kind,
            "layout": staged.layout.name,
            "rows_read": staged.rows_read,
        },
    ).fetchone()
    import_id = int(row[0])
    params = {"file_idx": staged.file_idx}

    def write() -> dict[str, int]:  # one transaction; re-run whole when a lake's other writer commits first
        if staged.layout.kind == timeline.KIND:
            counts = timeline.write(con, staged.file_idx, import_id)
        elif staged.layout.kind in SESSION_KINDS:
            counts = _write_sessions(con, staged, import_id)
        else:
            counts = _write_ad_rows(con, staged, import_id)
        db.execute(con, "import/accounts_upsert", params)
        db.execute(
            con,
            "import/rejected_insert",
            {**params, "import_id": import_id, "file_name": src.name, **reason_texts(lang)},
        )
        accounts = db.query(con, "import/accounts_of_file", params)["account"].tolist()
        if staged.layout.kind == "ad_spend":
            ids = db.query(con, "import/account_ids_of_file", params)["account_id"].tolist()
            db.execute(con, "import/account_ids_drop_accounts", {"ids": ids})
            apply_precedence(con, accounts, import_id)
        attach_ad_spend(con, accounts)
        db.execute(
            con,
            "import/log_commit",
            {"import_id": import_id, **counts, "skipped": staged.skipped, "rejected": staged.rejected},
        )
        return counts

    try:
        counts = db.write(con, write)
    except Exception as exc:
        detail = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        db.write(con, lambda: db.execute(con, "import/log_fail", {"import_id": import_id, "error": detail[:500]}))
        if isinstance(exc, db.DatabaseBusy):
            raise  # a lake kept changing under the write: "busy, try again" (exit code 75), not a bad file
        raise ImportFileError(src.name, t("import.error.failed", lang, detail=detail[:200])) from exc
    outside = (
        timeline.outside_sessions(con, staged.file_idx, src.name) if staged.layout.kind == timeline.KIND else None
    )
    precedence = []
    if staged.layout.kind == "ad_spend":
        frame = db.query(con, "ad_spend/precedence_of_import", {"import_id": import_id})
        precedence = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return FileResult(
        import_id,
        skipped=staged.skipped,
        rejected=rejected_entries(con, staged, lang),
        outside_sessions=outside,
        precedence=precedence,
        **counts,
    )
