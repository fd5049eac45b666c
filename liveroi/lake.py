"""DuckLake: liveroi's tables in a catalog several processes and machines share, data in Parquet files.

``LIVEROI_DB`` / ``--db`` name a lake instead of a DuckDB file with one of::

    ducklake:postgres:<libpq conninfo>    e.g. ducklake:postgres:dbname=liveroi host=db.internal user=liveroi
    ducklake:sqlite:<path>                a SQLite catalog file (one machine)
    ducklake:<path>.ducklake              a DuckDB catalog file (one process at a time)

with the data folder in ``LIVEROI_LAKE_DATA``: a local or shared folder, or ``s3://bucket/prefix/``
(default for the two local catalogs: ``<catalog path>.files/``, kept by the catalog once created: a process
that leaves it unset uses the lake's own, s3:// too). The PostgreSQL password comes from ``PGPASSWORD``
or ``~/.pgpass`` — a conninfo that carries one is refused, and any message that could show one is
scrubbed (:func:`scrub`).

An ``s3://`` data folder (only then) loads the ``httpfs`` extension and makes a DuckDB S3 secret in the
process's instance from the standard AWS variables (:func:`s3_secret`): ``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``, ``AWS_SESSION_TOKEN`` (temporary keys), ``AWS_REGION`` or ``AWS_DEFAULT_REGION``
(default ``us-east-1``), and for an S3-compatible store (MinIO, OSS, COS…) ``AWS_ENDPOINT_URL_S3`` or
``AWS_ENDPOINT_URL`` (``http://host:port`` turns TLS off) with ``LIVEROI_S3_URL_STYLE`` = ``path`` (the
default with an endpoint) or ``vhost`` (the default without; OSS and COS want it). Profiles, SSO and
instance roles (the AWS SDK's credential chain) are not read. The key values never reach a log: the
secret lives in memory only, and :func:`scrub` replaces them in every message.

This module knows DuckLake and nothing of liveroi's tables: how a spec is read, how the extensions are
loaded from their pip wheels (the machines cannot download them), how one instance per process is
attached, which errors are write conflicts, and how the schema's DDL is adapted — DuckLake has no
``PRIMARY KEY``/``UNIQUE`` constraints, no sequences and no indexes (:func:`adapt_ddl`). ``liveroi.db``
builds the connection rules on it.
"""

from __future__ import annotations

import importlib
import os
import random
import re
import tempfile
import threading
import time
from pathlib import Path

import duckdb

PREFIX = "ducklake:"
ENV_DATA = "LIVEROI_LAKE_DATA"
ALIAS = "liveroi"  # the lake's name inside DuckDB (ATTACH … AS liveroi; USE liveroi)
CATALOGS = ("postgres", "sqlite", "duckdb")
# pip wheel (duckdb-extension-<wheel>) → the name DuckDB's entry point carries (LOAD derives it from
# the file name, and the wheels ship postgres_scanner/sqlite_scanner as postgres/sqlite)
EXTENSIONS = {"ducklake": "ducklake", "postgres": "postgres_scanner", "sqlite": "sqlite_scanner"}
S3_PREFIX = "s3://"
ENV_S3_URL_STYLE = "LIVEROI_S3_URL_STYLE"
# the values scrub() hides wherever they appear (the access key id too: it names the account)
S3_SECRET_ENV = ("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID")


class LakeError(Exception):
    """A lake that cannot be used; ``key`` is a translation key, ``values`` its (scrubbed) values."""

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = {name: scrub(str(value)) for name, value in values.items()}
        super().__init__(key)


class LakeTarget(str):
    """A lake spec (``ducklake:…``) as given, which :func:`parse` has checked. A ``str``, so it travels
    wherever a database path string does (cache keys, ``--db``); it never holds a password."""

    @property
    def catalog(self) -> str:
        """'postgres', 'sqlite' or 'duckdb' (the catalog database DuckLake keeps its metadata in)."""
        rest = self[len(PREFIX) :]
        for name in ("postgres", "sqlite"):
            if rest.startswith(f"{name}:"):
                return name
        return "duckdb"

    @property
    def location(self) -> str:
        """The conninfo (postgres) or the catalog file's path."""
        rest = self[len(PREFIX) :]
        return rest.split(":", 1)[1] if self.catalog != "duckdb" else rest

    def data_path(self) -> str | None:
        """Where the Parquet files go as ``$LIVEROI_LAKE_DATA`` says, or None: an existing lake knows
        its own (and refuses a different one), a new local one then gets :meth:`default_data_path`."""
        env = os.environ.get(ENV_DATA, "").strip()
        if env:
            return env if env.endswith("/") else env + "/"
        return None

    def default_data_path(self) -> str | None:
        """The data folder of a new lake when ``$LIVEROI_LAKE_DATA`` is unset: ``<catalog file>.files/``
        for a local catalog; None for PostgreSQL (its machines must agree on a shared folder)."""
        return None if self.catalog == "postgres" else f"{self.location}.files/"


_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)
_URI_PASSWORD = re.compile(r"(://[^/:@\s]*:)([^@\s]*)(@)")


def scrub(text: str) -> str:
    """``text`` with any password a conninfo or URI in it carries, and the S3 keys of the environment
    (:data:`S3_SECRET_ENV`), replaced by ``***``."""
    for name in S3_SECRET_ENV:
        value = os.environ.get(name, "").strip()
        if len(value) >= 4:  # a one-letter "key" would blank every such letter of the message
            text = text.replace(value, "***")
    return _URI_PASSWORD.sub(r"\1***\3", _PASSWORD.sub(r"\1***", text))


def is_s3(data: str | None) -> bool:
    """Whether a data folder is on S3 (or an S3-compatible store)."""
    return bool(data) and data.strip().lower().startswith(S3_PREFIX)


def s3_secret() -> dict[str, str]:
    """The options of the DuckDB ``TYPE s3`` secret the environment gives (see the module docstring);
    raises :class:`LakeError` when the key pair is missing or ``LIVEROI_S3_URL_STYLE`` is not one."""
    key_id = os.environ.get("AWS_ACCESS_KEY_ID", "").strip()
    secret = os.environ.get("AWS_SECRET_ACCESS_KEY", "").strip()
    if not key_id or not secret:
        raise LakeError("error.lake_s3_credentials")
    options = {
        "KEY_ID": key_id,
        "SECRET": secret,
        "REGION": (os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "").strip()
        or "us-east-1",
    }
    token = os.environ.get("AWS_SESSION_TOKEN", "").strip()
    if token:
        options["SESSION_TOKEN"] = token
    endpoint = (os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL") or "").strip()
    if endpoint:
        scheme, _, host = endpoint.rpartition("://")
        options["ENDPOINT"] = host.rstrip("/")
        options["USE_SSL"] = "false" if scheme.lower() == "http" else "true"
    style = os.environ.get(ENV_S3_URL_STYLE, "").strip().lower() or ("path" if endpoint else "vhost")
    if style not in ("path", "vhost"):
        raise LakeError("error.lake_s3_url_style", value=style)
    options["URL_STYLE"] = style
    return options


def create_s3_secret(con: duckdb.DuckDBPyConnection) -> None:
    """Load ``httpfs`` from its wheel and make the instance's S3 secret (in memory, never persisted).
    DuckDB takes no parameters in ``CREATE SECRET``: each value is a quoted literal."""
    load_extension(con, "httpfs")
    options = ", ".join(
        f"{name} {value}" if name == "USE_SSL" else f"{name} {_quote(value)}"  # USE_SSL: true/false
        for name, value in s3_secret().items()
    )
    con.execute(f"CREATE OR REPLACE TEMPORARY SECRET liveroi_s3 (TYPE s3, {options})")  # sql-splice: quoted


def is_spec(text: str | os.PathLike[str] | None) -> bool:
    """Whether a ``--db`` / ``LIVEROI_DB`` value names a lake."""
    return isinstance(text, str) and text.strip().startswith(PREFIX)


def parse(text: str) -> LakeTarget:
    """A checked :class:`LakeTarget`; raises :class:`LakeError` for an unknown form, a missing location
    or a conninfo carrying a password."""
    spec = text.strip()
    target = LakeTarget(spec)
    rest = spec[len(PREFIX) :]
    if target.catalog == "duckdb" and not rest.endswith(".ducklake"):
        raise LakeError("error.lake_spec", spec=spec)
    if not target.location.strip():
        raise LakeError("error.lake_spec", spec=spec)
    if target.catalog == "postgres" and (_PASSWORD.search(rest) or _URI_PASSWORD.search(rest)):
        raise LakeError("error.lake_password")
    return target


# --- extensions from the wheels ------------------------------------------------------------------------
_LINKS_LOCK = threading.Lock()
_LINKS: dict[str, Path] = {}


def extension_file(wheel: str) -> Path:
    """The ``.duckdb_extension`` file of ``duckdb-extension-<wheel>`` for this duckdb, under the name
    its entry point expects (a symlink in a private temp folder when the wheel names it otherwise)."""
    try:
        module = importlib.import_module(f"duckdb_extension_{wheel}")
    except ModuleNotFoundError as exc:
        raise LakeError("error.extension_missing", name=wheel, version=duckdb.__version__) from exc
    files = sorted(Path(module.__path__[0]).glob(f"extensions/v{duckdb.__version__}/*.duckdb_extension"))
    if not files:
        raise LakeError("error.extension_missing", name=wheel, version=duckdb.__version__)
    wanted = f"{EXTENSIONS.get(wheel, wheel)}.duckdb_extension"
    if files[0].name == wanted:
        return files[0]
    with _LINKS_LOCK:
        link = _LINKS.get(wanted)
        if link is None or not link.exists():
            folder = Path(tempfile.mkdtemp(prefix="liveroi-ext-"))
            link = folder / wanted
            link.symlink_to(files[0])
            _LINKS[wanted] = link
        return link


def load_extension(con: duckdb.DuckDBPyConnection, wheel: str) -> None:
    """Load a DuckDB extension shipped as a pip package (``duckdb-extension-<wheel>``) by path."""
    path = extension_file(wheel).as_posix().replace("'", "''")
    con.execute(f"LOAD '{path}'")  # sql-splice: a path inside site-packages or our temp folder


# --- one attached instance per process -------------------------------------------------------------------
_INSTANCES: dict[tuple[str, str | None], duckdb.DuckDBPyConnection] = {}
_INSTANCES_LOCK = threading.Lock()
_OWNER_PID: list[int] = [os.getpid()]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def instance(target: LakeTarget) -> duckdb.DuckDBPyConnection:
    """This process's DuckDB instance with ``target`` attached as ``liveroi`` (and in use), opened on
    first use: loading the extensions costs ~0.3–0.5 s, so every connection after the first is a cursor
    of this one. Raises :class:`LakeError` (message scrubbed) when the lake cannot be attached."""
    key = (str(target), target.data_path())
    with _INSTANCES_LOCK:
        if _OWNER_PID[0] != os.getpid():  # a forked child must not share its parent's handles
            _INSTANCES.clear()
            _OWNER_PID[0] = os.getpid()
        con = _INSTANCES.get(key)
        if con is None:
            con = _INSTANCES[key] = open_instance(target)
        return con


def open_instance(target: LakeTarget) -> duckdb.DuckDBPyConnection:
    """A new DuckDB instance with ``target`` attached and in use (what :func:`instance` keeps one of;
    a second one behaves as another process does)."""
    data = target.data_path()
    # never fetch an extension from the network: these come from the wheels, by path
    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False})
    try:
        load_extension(con, "ducklake")
        if target.catalog in ("postgres", "sqlite"):
            load_extension(con, target.catalog)
        s3_ready = is_s3(data)
        if s3_ready:
            create_s3_secret(con)
        for attempt in range(ATTACH_ATTEMPTS):
            options = f" (DATA_PATH {_quote(data)})" if data else ""
            try:
                con.execute(f"ATTACH {_quote(str(target))} AS {ALIAS}{options}")  # sql-splice: quoted spec
                break
            except duckdb.Error as exc:
                if data is None and _NO_DATA_PATH.search(str(exc)):  # a new lake, no folder named
                    data = target.default_data_path()
                    if data is None:
                        raise LakeError("error.lake_data_path", spec=str(target)) from None
                    continue  # attach again, naming the default folder
                if not s3_ready and _NEEDS_HTTPFS.search(str(exc)):  # a lake on s3:// its catalog names
                    create_s3_secret(con)
                    s3_ready = True
                    continue
                # the first ATTACH of a new lake creates its catalog tables: two processes doing it at
                # once collide; the later one then finds the catalog made and attaches to it
                if attempt + 1 == ATTACH_ATTEMPTS or not _ATTACH_RACE.search(str(exc)):
                    raise
                time.sleep(0.1 * 2**attempt * (0.5 + random.random()))  # backoff before attaching again
        con.execute("USE liveroi")  # ALIAS
        # an in-memory instance spills to ./.tmp by default: use this machine's temp folder instead
        spill = Path(tempfile.gettempdir()) / f"liveroi-spill-{os.getpid()}"
        con.execute(f"SET temp_directory = {_quote(spill.as_posix())}")  # sql-splice: quoted path
    except LakeError:
        con.close()
        raise
    except duckdb.Error as exc:
        con.close()
        raise LakeError("error.lake_attach", spec=str(target), detail=first_line(exc)) from None
    return con


def close_all() -> None:
    """Close every lake instance of this process (tests; a long-lived process never needs to)."""
    with _INSTANCES_LOCK:
        for con in _INSTANCES.values():
            con.close()
        _INSTANCES.clear()


def first_line(exc: BaseException) -> str:
    """The first line of an error's text, scrubbed of passwords."""
    text = str(exc).strip()
    return scrub(text.splitlines()[0] if text else type(exc).__name__)


ATTACH_ATTEMPTS = 6
_NO_DATA_PATH = re.compile(r"data_path is not set", re.I)
# ATTACH of a lake whose catalog keeps an s3:// data path, in an instance without httpfs
_NEEDS_HTTPFS = re.compile(r"required extension .?httpfs", re.I)
_ATTACH_RACE = re.compile(r"duplicate key value|already exists|transaction conflict|database is locked", re.I)


# --- conflicts ---------------------------------------------------------------------------------------------
_CONFLICT = re.compile(r"transaction conflict|database is locked|could not serialize|deadlock detected", re.I)


def is_conflict(exc: BaseException) -> bool:
    """Whether an error is another writer committing first (retry the whole write): DuckLake's
    "Transaction conflict", a SQLite catalog's "database is locked", PostgreSQL's serialization failure."""
    return isinstance(exc, duckdb.Error) and bool(_CONFLICT.search(str(exc)))


# --- the schema's DDL ----------------------------------------------------------------------------------------
_COLUMN_KEY = re.compile(r"\s+(PRIMARY\s+KEY|UNIQUE)\b(?!\s*\()", re.I)
_TABLE_KEY = re.compile(r",\s*(PRIMARY\s+KEY|UNIQUE)\s*\([^)]*\)", re.I)
_NEXTVAL_DEFAULT = re.compile(r"\s+DEFAULT\s+nextval\(\s*'[^']*'\s*\)", re.I)
_SEQUENCE = re.compile(r"CREATE\s+SEQUENCE\b[^;]*;", re.I)
_INDEX = re.compile(r"CREATE\s+(UNIQUE\s+)?INDEX\b[^;]*;", re.I)
_DO_NOTHING = re.compile(r"\s+ON\s+CONFLICT\s+DO\s+NOTHING", re.I)
_COMMENT = re.compile(r"--[^\n]*")


def adapt_ddl(sql: str) -> str:
    """A schema file (``schema/schema``, ``schema/meta``, ``schema/migrations/*``) as DuckLake takes it: without key
    constraints, sequences, ``nextval`` defaults and indexes; ``ON CONFLICT DO NOTHING`` dropped (these
    files insert only into tables they have just created). Ids that came from the sequence are given by
    the writer (:mod:`liveroi.db`, ``max() + 1`` inside a serialised write) and uniqueness is kept by the
    writers, as for ``session_spend`` on a DuckDB file. Comments go first, so text in them is not read."""
    sql = _COMMENT.sub("", sql)
    for pattern in (_SEQUENCE, _INDEX):
        sql = pattern.sub("", sql)
    sql = _TABLE_KEY.sub("", sql)
    sql = _NEXTVAL_DEFAULT.sub("", sql)
    sql = _COLUMN_KEY.sub("", sql)
    return _DO_NOTHING.sub("", sql)
