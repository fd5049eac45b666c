"""Consistent backups and restores of the database.

``backup`` runs DuckDB's ``EXPORT DATABASE`` (one Parquet file per table, read inside one transaction,
so the copy is consistent even while the dashboard reads) and writes ``liveroi-backup.json`` beside it:
schema version, row count per table, time. ``restore`` builds a *new* database file with the current
schema (views, sequences, migrations included), loads every table by column name from the Parquet files,
checks the row counts against the manifest, and only then moves the file into place — an interrupted
restore never leaves a half-written database where the old one was. Into a DuckLake the restore is one
write transaction instead (replace every table, check the counts, commit or roll back as a whole).

Why not ``IMPORT DATABASE``: it does not re-create our views and restarts sequences at 1, so the next
import would reuse an import id. Loading by name also lets an older backup restore into a newer schema.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from liveroi import __version__, db

MANIFEST = "liveroi-backup.json"
NOT_RESTORED = frozenset({"schema_version", "lake_writes"})  # the target's own bookkeeping


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why in one line."""


@dataclass(frozen=True)
class BackupResult:
    """What a backup or restore wrote."""

    path: db.Target
    schema_version: int
    rows: dict[str, int]


def _quote_path(path: Path) -> str:
    """A path as a SQL string literal (EXPORT DATABASE takes no bound parameter for its target)."""
    return "'" + str(path).replace("'", "''") + "'"


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return list(db.query(con, "export/backup_tables")["table_name"])


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    # table names come from information_schema of our own database, never from a user
    row = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()  # noqa: S608 - name from our catalog
    return int(row[0]) if row else 0


def backup(db_path: db.Target, out_dir: Path) -> BackupResult:
    """Write a consistent Parquet copy of every table of ``db_path`` into the new folder ``out_dir``."""
    if out_dir.exists() and any(out_dir.iterdir()):
        raise BackupError(f"{out_dir} exists and is not empty: choose a new folder")
    with db.connection(db_path, read_only=True) as con:
        con.execute("BEGIN TRANSACTION")
        version = db.schema_version(con)
        rows = {table: _count(con, table) for table in _tables(con)}
        out_dir.mkdir(parents=True, exist_ok=True)
        con.execute(
            f"EXPORT DATABASE {_quote_path(out_dir)} (FORMAT parquet)"
        )  # sql-splice: quoted path, EXPORT has no parameter form
        con.execute("COMMIT")
    manifest = {
        "liveroi_version": __version__,
        "schema_version": version,
        "created_at": datetime.now().isoformat(timespec="seconds"),
        "source": str(db_path),
        "rows": rows,
    }
    (out_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return BackupResult(out_dir, version, rows)


def _read_manifest(backup_dir: Path) -> dict:
    path = backup_dir / MANIFEST
    if not path.is_file():
        raise BackupError(f"{backup_dir} is not a liveroi backup (no {MANIFEST})")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"cannot read {path}: {exc}") from exc
    if not isinstance(manifest.get("rows"), dict):
        raise BackupError(f"{path} has no table list")
    return manifest


def _has_sessions(db_path: db.Target) -> bool:
    if not db.is_lake(db_path) and not Path(db_path).exists():
        return False
    with db.connection(db_path) as con:  # read-write: a new lake gets its schema here
        row = con.execute("SELECT count(*) FROM sessions").fetchone()
    return bool(row and row[0])


def _load_tables(con: duckdb.DuckDBPyConnection, backup_dir: Path, expected: dict[str, int]) -> tuple[int, dict]:
    """Replace every table's rows with the backup's (inside the caller's transaction); check counts."""
    current = set(_tables(con))
    for table in current - NOT_RESTORED:
        con.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from our own catalog
    for table, count in expected.items():
        if table in NOT_RESTORED or table not in current:
            continue
        parquet = backup_dir / f"{table}.parquet"
        if count and not parquet.is_file():
            raise BackupError(f"the backup is missing {parquet.name}")
        if parquet.is_file():
            con.execute(
                f'INSERT INTO "{table}" BY NAME SELECT * FROM read_parquet($path)',  # noqa: S608 - name from our catalog
                {"path": str(parquet)},
            )
        restored = _count(con, table)
        if restored != count:
            raise BackupError(f"{table}: restored {restored} rows, the backup says {count}")
    if not db.is_lake(con):  # a lake's ids are max() + 1; a file's sequence must pass the restored ones
        max_id = int(db.query(con, "import/id_max")["max_import_id"].iloc[0])
        if max_id:
            con.execute("SELECT max(nextval('import_id_seq')) FROM range($n)", {"n": max_id})
    return db.schema_version(con), {table: _count(con, table) for table in _tables(con)}


def restore(backup_dir: Path, db_path: db.Target, *, force: bool = False) -> BackupResult:
    """Restore ``backup_dir`` into ``db_path``. Refuses to replace a database holding sessions unless
    ``force``; the new file is built aside and moved into place only when every count matches."""
    manifest = _read_manifest(backup_dir)
    if int(manifest.get("schema_version", 0)) > db.latest_schema_version():
        raise BackupError("this backup comes from a newer liveroi: upgrade before restoring it")
    if _has_sessions(db_path) and not force:
        raise BackupError(f"{db_path} already holds data: restore into a new file or pass --force")
    expected: dict[str, int] = {str(k): int(v) for k, v in manifest["rows"].items()}
    if db.is_lake(db_path):
        with db.connection(db_path) as con:
            version, rows = db.write(con, lambda: _load_tables(con, backup_dir, expected))
        return BackupResult(db_path, version, rows)
    db_path = Path(db_path)
    temp_path = db_path.with_name(db_path.name + ".restoring")
    for leftover in (temp_path, temp_path.with_name(temp_path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        with db.connection(temp_path) as con, db.transaction(con):
            version, rows = _load_tables(con, backup_dir, expected)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.with_name(db_path.name + ".wal").unlink(missing_ok=True)
    os.replace(temp_path, db_path)
    return BackupResult(db_path, version, rows)
