"""The DuckDB store: where the file is, how to open it, how its schema migrates, how SQL files run.

Every SQL statement lives in ``queries/<job>/<name>.sql`` (``queries/README.md`` lists the folders); Python
passes around only the name (``"import/rows"``) and binds
user values as parameters (``$account``, ``$start`` …). Nothing here imports Streamlit.

Opening rules
-------------
* ``connect(path)`` opens read-write and brings the schema up to date (idempotent, versioned).
* ``connect(path, read_only=True)`` is what the dashboard uses, per query, and closes right after, so
  that ``python -m liveroi import`` from a shell can take the write lock between reruns.
* DuckDB allows one writing process at a time. A connection that meets the lock retries with
  exponential backoff for ``busy_timeout`` seconds (default: ``$LIVEROI_BUSY_TIMEOUT``, else 10),
  then raises :class:`DatabaseBusy`.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from liveroi.i18n import t

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
MIGRATIONS_DIR = QUERIES_DIR / "schema" / "migrations"
DEFAULT_DB_PATH = ROOT / "data" / "liveroi.duckdb"
ENV_DB = "LIVEROI_DB"

SCHEMA_VERSION_BASE = (
    1  # queries/schema/schema.sql; queries/schema/migrations/NNN_*.sql carry versions 2, 3, …
)
DEFAULT_BUSY_TIMEOUT_S = 10.0
ENV_BUSY_TIMEOUT = "LIVEROI_BUSY_TIMEOUT"
# The data contract's views, one file each in queries/schema/views/, in the order they are created (a view
# binds the views it reads at creation). Ratios with a zero or missing denominator are NULL, never inf or 0.
CONTRACT_VIEWS: tuple[str, ...] = (
    "session_channel_spend",
    "session_metrics",
    "unattributed_spend",
    "daily_metrics",
    "account_settings",
    "session_timeline",
)  # seconds a writer waits for the lock (scheduled jobs, tests)

_QUERY_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+){0,2}$")
_MIGRATION_FILE = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


class DatabaseError(Exception):
    """The database file cannot be used; the message says why and what to do, in plain words.

    Raised with a translation key and its values: :meth:`message` gives the line in the user's
    language (``str(exc)`` is the English one, for logs)."""

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(t(key, "en", **values))

    def message(self, lang: str) -> str:
        """The message in ``lang``."""
        return t(self.key, lang, **self.values)


class DatabaseBusy(DatabaseError):
    """Another process holds the write lock for longer than the busy timeout."""


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database file to use: an explicit path (``--db``), else ``$LIVEROI_DB``, else the default."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_DB)
    return Path(env) if env else DEFAULT_DB_PATH


@cache
def load_sql(name: str | Path) -> str:
    """The text of ``queries/<name>.sql`` (``name`` like ``"import/rows"``, never user input), or of a
    ``.sql`` file given as a :class:`~pathlib.Path` — SQL that only benchmarks or tests run lives beside
    them (``benchmarks/sql/``), not in ``queries/``."""
    if isinstance(name, Path):
        if name.suffix != ".sql" or not name.is_file():
            raise FileNotFoundError(f"no such query file: {name}")
        return name.read_text(encoding="utf-8")
    if not _QUERY_NAME.match(name):
        raise ValueError(f"not a query name: {name!r}")
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise FileNotFoundError(f"no such query file: {path}")
    return path.read_text(encoding="utf-8")


def default_busy_timeout() -> float:
    """Seconds to wait for the lock when the caller names none: ``$LIVEROI_BUSY_TIMEOUT``, else 10."""
    try:
        value = float(os.environ.get(ENV_BUSY_TIMEOUT, ""))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_S
    return value if value >= 0 else DEFAULT_BUSY_TIMEOUT_S


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    if "different configuration than existing connections" in text:
        # this process already has the file open the other way (a page's read-write save while another
        # session reads, or the reverse): as transient as another process's lock, so wait the same way
        return True
    return "lock" in text and ("conflicting" in text or "could not set" in text)


def _open(path: Path, read_only: bool, busy_timeout: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + busy_timeout
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if _is_lock_error(exc):
                if time.monotonic() >= deadline:
                    raise DatabaseBusy(
                        "error.db_busy", path=str(path), seconds=f"{busy_timeout:.0f}"
                    ) from exc
                time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
                delay = min(delay * 2, 1.0)
                continue
            raise _open_failure(path, exc) from exc
        except duckdb.Error as exc:
            raise _open_failure(path, exc) from exc


def _open_failure(path: Path, exc: Exception) -> DatabaseError:
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return DatabaseError("error.db_damaged", path=str(path), detail=first_line)


def connect(
    path: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    busy_timeout: float | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open the database, creating and migrating it when opened read-write.

    Raises :class:`DatabaseBusy` when another process holds the lock past ``busy_timeout`` seconds
    (None: :func:`default_busy_timeout`) and :class:`DatabaseError` when the file is missing
    (read-only) or is not a usable DuckDB file.
    """
    db_path = resolve_db_path(path)
    if read_only and not db_path.exists():
        raise DatabaseError("error.db_missing", path=str(db_path))
    if not read_only:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(db_path, read_only, default_busy_timeout() if busy_timeout is None else busy_timeout)
    _configure(con)
    if not read_only:
        try:
            migrate(con)
        except Exception:
            con.close()
            raise
    return con


def _configure(con: duckdb.DuckDBPyConnection) -> None:
    """Session settings every liveroi connection shares. DuckDB draws a progress bar on stdout for long
    statements, which would corrupt the CLI's JSON output: it is switched off."""
    con.execute("SET enable_progress_bar = false")


def memory_connection() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection (parsing, previews, file writers) with the shared settings."""
    con = duckdb.connect(":memory:")
    _configure(con)
    return con


@contextmanager
def connection(
    path: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    busy_timeout: float | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """``connect`` as a context manager that always closes, so no lock outlives its use."""
    con = connect(path, read_only=read_only, busy_timeout=busy_timeout)
    try:
        yield con
    finally:
        con.close()


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open database (0 for a new, empty file)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _migrations() -> list[tuple[int, str]]:
    found = []
    if MIGRATIONS_DIR.is_dir():
        for path in sorted(MIGRATIONS_DIR.iterdir()):
            match = _MIGRATION_FILE.match(path.name)
            if match:
                found.append((int(match.group(1)), f"schema/migrations/{path.stem}"))
    return found


def _applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    """The versions recorded in ``schema_version`` (empty for a new file)."""
    if not _table_exists(con, "schema_version"):
        return set()
    return {int(row[0]) for row in con.execute("SELECT DISTINCT version FROM schema_version").fetchall()}


def latest_schema_version() -> int:
    """The version this code expects: the base schema plus every migration file."""
    return max([SCHEMA_VERSION_BASE, *(v for v, _ in _migrations())])


def _table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


def _views_digest() -> str:
    """sha256 over every contract view's file, in creation order: any view change re-creates them all."""
    digest = hashlib.sha256()
    for view in CONTRACT_VIEWS:
        digest.update(load_sql(f"schema/views/{view}").encode("utf-8"))
    return digest.hexdigest()


def _stored_views_digest(con: duckdb.DuckDBPyConnection) -> str | None:
    if not _table_exists(con, "schema_meta"):
        return None
    frame = query(con, "schema/meta_get", {"key": "views_sha256"})
    return None if frame.empty else str(frame["value"].iloc[0])


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the schema to :func:`latest_schema_version` in one transaction, and re-create the views
    whenever a file of ``queries/schema/views/`` changed (tracked by one sha256 over them all), so a view
    fix reaches old files too.

    Idempotent: a database already up to date is left as it is. A database from a newer liveroi is
    refused rather than silently misread.
    """
    current = schema_version(con)
    latest = latest_schema_version()
    if current > latest:
        raise DatabaseError("error.db_newer", version=current, latest=latest)
    digest = _views_digest()
    applied = _applied_versions(con)
    missing = [(v, name) for v, name in _migrations() if v > SCHEMA_VERSION_BASE and v not in applied]
    if current == latest and not missing and _stored_views_digest(con) == digest:
        return current
    with transaction(con):
        if current < SCHEMA_VERSION_BASE:
            con.execute(load_sql("schema/schema"))
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION_BASE])
        for version, name in missing:  # every migration not recorded, also one numbered below the
            # latest applied (branches merged out of order: 006 before 005 must not skip 005)
            con.execute(load_sql(name))
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
        con.execute(load_sql("schema/meta"))
        for view in CONTRACT_VIEWS:
            con.execute(load_sql(f"schema/views/{view}"))
        execute(con, "schema/meta_set", {"key": "views_sha256", "value": digest})
    return latest


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction: commits when the block ends normally, rolls back on any exception."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    else:
        con.execute("COMMIT")


def query(
    con: duckdb.DuckDBPyConnection, name: str | Path, params: Mapping[str, Any] | None = None
) -> pd.DataFrame:
    """Run ``queries/<name>.sql`` with named parameters bound, as a DataFrame."""
    return con.execute(load_sql(name), dict(params) if params else None).df()


def execute(
    con: duckdb.DuckDBPyConnection, name: str | Path, params: Mapping[str, Any] | None = None
) -> duckdb.DuckDBPyConnection:
    """Run ``queries/<name>.sql`` with named parameters bound, for its effect."""
    return con.execute(load_sql(name), dict(params) if params else None)


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Load a DuckDB extension shipped as a pip package (``duckdb-extension-<name>``).

    The machines have no internet, so ``INSTALL`` from the extension repository would fail; the
    package index carries the 1.5-line extensions as wheels, installed by requirements.txt.
    """
    import importlib

    module = importlib.import_module(f"duckdb_extension_{name}")
    files = sorted(Path(module.__path__[0]).glob(f"extensions/v{duckdb.__version__}/*.duckdb_extension"))
    if not files:
        raise DatabaseError("error.extension_missing", name=name, version=duckdb.__version__)
    con.execute(f"LOAD '{files[0].as_posix()}'")  # sql-splice: a path inside site-packages, not user input
