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

A DuckLake instead of a file (``ducklake:…``, see :mod:`liveroi.lake`)
--------------------------------------------------------------------
* One DuckDB instance per process attaches the lake; ``connect`` hands out a cursor of it (its own
  transactions, the same attached catalog). ``read_only`` changes nothing there: readers never wait.
* Writers do not lock anything: each write runs through :func:`write`, one transaction that first
  updates the one-row table ``lake_writes``, so any two writes that overlap in time conflict at commit
  (DuckLake checks conflicts per table) and the later one is re-run, with backoff, on the snapshot
  that now holds the other's rows. Writes are thereby serialisable: an anti-join insert never doubles
  a row, ``max() + 1`` never hands out an id twice.
* SQL: a statement the lake takes differently lives in ``queries/ducklake/<job>/<name>.sql`` beside the
  name it replaces (an upsert as ``MERGE INTO``, an id from ``max() + 1``); the schema files are adapted
  by :func:`liveroi.lake.adapt_ddl`; everything else — the views, page queries and the importer's SQL —
  runs unchanged.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd

from liveroi import lake
from liveroi.i18n import t
from liveroi.lake import LakeTarget

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
MIGRATIONS_DIR = QUERIES_DIR / "schema" / "migrations"
LAKE_QUERIES_DIR = QUERIES_DIR / "ducklake"  # the statements a DuckLake takes differently
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
LAKE_WRITE_ATTEMPTS = 8  # a write that keeps meeting other writers' commits gives up after this many runs
LAKE_BACKOFF_S = (0.05, 3.0)  # first and longest wait between two runs (jittered, doubling)
T = TypeVar("T")
Target = Path | LakeTarget  # what --db / $LIVEROI_DB name: a DuckDB file or a lake


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


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Target:
    """The database to use: an explicit one (``--db``), else ``$LIVEROI_DB``, else the default file.
    A ``ducklake:…`` value is a :class:`~liveroi.lake.LakeTarget` (checked: raises :class:`DatabaseError`
    for a malformed spec or one that carries a password), anything else a file path."""
    value = explicit if explicit else (os.environ.get(ENV_DB) or None)
    if value is None:
        return DEFAULT_DB_PATH
    if isinstance(value, LakeTarget):
        return value
    if lake.is_spec(value):
        try:
            return lake.parse(str(value))
        except lake.LakeError as exc:
            raise DatabaseError(exc.key, **exc.values) from None
    return Path(value)


def is_lake(target: object) -> bool:
    """Whether a resolved target (or a connection from :func:`connect`) is a DuckLake."""
    if isinstance(target, LakeTarget):
        return True
    try:
        return target in _LAKE_CONNECTIONS
    except TypeError:
        return False


# connection (a cursor of the process's lake instance) → the lake it belongs to
_LAKE_CONNECTIONS: weakref.WeakKeyDictionary[Any, LakeTarget] = weakref.WeakKeyDictionary()


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


def sql_for(con: duckdb.DuckDBPyConnection, name: str | Path) -> str:
    """The text of query ``name`` as ``con`` takes it: :func:`load_sql`, except on a lake, where
    ``queries/ducklake/<name>.sql`` replaces it when present and the schema files are adapted."""
    if isinstance(name, Path) or not is_lake(con):
        return load_sql(name)
    return _lake_sql(name)


@cache
def _lake_sql(name: str) -> str:
    text = load_sql(name)
    override = LAKE_QUERIES_DIR / f"{name}.sql"
    if override.is_file():
        return override.read_text(encoding="utf-8")
    if name in ("schema/schema", "schema/meta") or name.startswith("schema/migrations/"):
        return lake.adapt_ddl(text)
    return text


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
    if isinstance(db_path, LakeTarget):
        return _connect_lake(db_path, read_only)
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


def _connect_lake(target: LakeTarget, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A cursor of this process's instance of the lake, in use, migrated when opened read-write."""
    try:
        base = lake.instance(target)
    except lake.LakeError as exc:
        raise DatabaseError(exc.key, **exc.values) from None
    con = base.cursor()
    try:
        con.execute("USE liveroi")  # lake.ALIAS; a cursor starts on the in-memory catalog
        _configure(con)
        _LAKE_CONNECTIONS[con] = target
        if not read_only:
            migrate(con)
    except duckdb.Error as exc:
        con.close()
        raise DatabaseError("error.lake_attach", spec=str(target), detail=lake.first_line(exc)) from None
    except BaseException:
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
    if not _table_exists(con, "schema_version"):
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
    # in the database in use only: a lake's metadata catalog is attached beside it
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ? AND table_catalog = current_database()",
        [name],
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
    refused rather than silently misread. On a lake it is one serialised write (:func:`write`), so two
    processes starting together migrate once: the later sees the other's schema when it re-runs.
    """
    if is_lake(con):
        return _retrying(lambda: _migrate_once(con))
    return _migrate_once(con)


def _migrate_once(con: duckdb.DuckDBPyConnection) -> int:
    latest = latest_schema_version()
    digest = _views_digest()
    if _schema_work(con, latest, digest) is None:  # the common case, read without a transaction
        return latest
    with transaction(con):
        if is_lake(con):
            # this write's touch comes first, before the state is read again below: a migration that
            # began before another committed conflicts with it at commit and re-runs (``_retrying``)
            con.execute(load_sql("ducklake/lake_writes"))  # created on first use
        work = _schema_work(con, latest, digest)  # again, inside: another process may just have done it
        if work is None:
            return latest
        current, missing = work
        if current < SCHEMA_VERSION_BASE:
            con.execute(sql_for(con, "schema/schema"))
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION_BASE])
        for version, name in missing:  # every migration not recorded, also one numbered below the
            # latest applied (branches merged out of order: 006 before 005 must not skip 005)
            con.execute(sql_for(con, name))
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
        con.execute(sql_for(con, "schema/meta"))
        for view in CONTRACT_VIEWS:
            con.execute(sql_for(con, f"schema/views/{view}"))
        execute(con, "schema/meta_set", {"key": "views_sha256", "value": digest})
    return latest


def _schema_work(
    con: duckdb.DuckDBPyConnection, latest: int, digest: str
) -> tuple[int, list[tuple[int, str]]] | None:
    """What :func:`migrate` has to do — the current version and the migrations not recorded — or
    ``None`` when the schema and views are up to date. Raises for a database from a newer liveroi."""
    current = schema_version(con)
    if current > latest:
        raise DatabaseError("error.db_newer", version=current, latest=latest)
    applied = _applied_versions(con)
    missing = [(v, name) for v, name in _migrations() if v > SCHEMA_VERSION_BASE and v not in applied]
    if current == latest and not missing and _stored_views_digest(con) == digest:
        return None
    return current, missing


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


def write(con: duckdb.DuckDBPyConnection, fn: Callable[[], T]) -> T:
    """Run ``fn`` (the statements of one write) in one transaction and return its result.

    On a DuckDB file that is all (the file lock keeps other writers out). On a lake the transaction
    first updates ``lake_writes``, so it conflicts with any write that commits meanwhile; then it is
    rolled back and ``fn`` runs again, after a jittered, doubling wait, up to
    :data:`LAKE_WRITE_ATTEMPTS` times before :class:`DatabaseBusy`. ``fn`` must be safe to re-run from
    the state before the transaction (temporary tables included: a failed commit rolls them back too).
    """
    if not is_lake(con):
        with transaction(con):
            return fn()

    def attempt() -> T:
        with transaction(con):
            con.execute(load_sql("ducklake/lake_writes_touch"))
            return fn()

    return _retrying(attempt)


def _retrying(attempt: Callable[[], T]) -> T:
    delay, longest = LAKE_BACKOFF_S
    for run in range(1, LAKE_WRITE_ATTEMPTS + 1):
        try:
            return attempt()
        except duckdb.Error as exc:
            if not lake.is_conflict(exc):
                raise
            if run == LAKE_WRITE_ATTEMPTS:
                raise DatabaseBusy("error.lake_conflict", attempts=run) from None
        time.sleep(delay * (0.5 + random.random()))  # backoff between two runs of the write
        delay = min(delay * 2, longest)
    raise AssertionError("unreachable")


def query(
    con: duckdb.DuckDBPyConnection, name: str | Path, params: Mapping[str, Any] | None = None
) -> pd.DataFrame:
    """Run ``queries/<name>.sql`` with named parameters bound, as a DataFrame."""
    return con.execute(sql_for(con, name), dict(params) if params else None).df()


def execute(
    con: duckdb.DuckDBPyConnection, name: str | Path, params: Mapping[str, Any] | None = None
) -> duckdb.DuckDBPyConnection:
    """Run ``queries/<name>.sql`` with named parameters bound, for its effect."""
    procedure = _LAKE_PROCEDURES.get(name) if is_lake(con) else None
    if procedure is not None:
        return procedure(con, dict(params or {}))
    return con.execute(sql_for(con, name), dict(params) if params else None)


def _lake_import_log_start(con: duckdb.DuckDBPyConnection, params: dict[str, Any]) -> duckdb.DuckDBPyConnection:
    """``import/log_start`` on a lake, which has neither sequences nor ``RETURNING``: the id is
    ``max() + 1`` inside a serialised write (never handed out twice), and the connection's last result
    is that id, as ``RETURNING import_id`` leaves it on a file."""

    def start() -> int:
        new_id = int(query(con, "import/id_max")["max_import_id"].iloc[0]) + 1
        con.execute(sql_for(con, "import/log_start"), {**params, "import_id": new_id})
        return new_id

    new_id = write(con, start)
    return con.execute(load_sql("ducklake/import_id_value"), {"import_id": new_id})


_LAKE_PROCEDURES: dict[str, Callable[[duckdb.DuckDBPyConnection, dict[str, Any]], duckdb.DuckDBPyConnection]] = {
    "import/log_start": _lake_import_log_start,
}

_VERSION_TTL_S = 1.0
_lake_versions: dict[str, tuple[float, tuple[int, ...]]] = {}
_lake_versions_lock = threading.Lock()


def data_version(target: Target) -> tuple[int, ...]:
    """A token that changes whenever the data changes: a file's (and its WAL's) mtime and size, or a
    lake's current snapshot id (looked up at most once a second per process)."""
    if isinstance(target, LakeTarget):
        now = time.monotonic()
        with _lake_versions_lock:
            seen = _lake_versions.get(str(target))
        if seen and now - seen[0] < _VERSION_TTL_S:
            return seen[1]
        with connection(target, read_only=True) as con:
            row = con.execute(load_sql("ducklake/lake_snapshot")).fetchone()
        version = (int(row[0]) if row and row[0] is not None else 0,)
        with _lake_versions_lock:
            _lake_versions[str(target)] = (now, version)
        return version
    token: list[int] = []
    for candidate in (target, Path(f"{target}.wal")):
        try:
            stat = os.stat(candidate)
        except FileNotFoundError:
            token.extend((0, 0))
        else:
            token.extend((stat.st_mtime_ns, stat.st_size))
    return tuple(token)


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Load a DuckDB extension shipped as a pip package (``duckdb-extension-<name>``).

    The machines have no internet, so ``INSTALL`` from the extension repository would fail; the
    package index carries the 1.5-line extensions as wheels, installed by requirements.txt.
    """
    try:
        lake.load_extension(con, name)
    except lake.LakeError as exc:
        raise DatabaseError(exc.key, **exc.values) from None
