"""Cached, read-only data access for the pages, and the short read-write moments (import, settings).

* Every query opens a read-only connection, runs one ``queries/<name>.sql`` and closes it, so the
  dashboard never holds the database between reruns and ``python -m liveroi import`` can write.
* Results are cached with ``st.cache_data`` keyed by the database path, the query name, its
  parameters and a cheap *data version* (mtime and size of the file and its WAL): anything that
  writes the file — the Import page, the CLI, a scheduled job — changes the key, so the next rerun
  reads fresh data without restarting the server.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from liveroi import db

READ_BUSY_TIMEOUT_S = 5.0
WRITE_BUSY_TIMEOUT_S = 10.0
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def db_path() -> db.Target:
    """The database the dashboard uses ($LIVEROI_DB: a file or a lake; else data/liveroi.duckdb)."""
    return db.resolve_db_path()


def data_version(path: db.Target) -> tuple[int, ...]:
    """A token that changes whenever the data changes (the file or its WAL; a lake's snapshot)."""
    return db.data_version(path)


@st.cache_data(show_spinner=False, max_entries=512, ttl=6 * 3600)
def _cached_query(path: str, name: str, params: dict[str, Any], version: tuple[int, ...]) -> pd.DataFrame:
    del version  # part of the cache key only
    with db.connection(path, read_only=True, busy_timeout=READ_BUSY_TIMEOUT_S) as con:
        return db.query(con, name, params)


@functools.cache
def query_parameters(name: str) -> frozenset[str]:
    """The ``$names`` a query file binds (DuckDB refuses parameters a statement does not use)."""
    return frozenset(_PARAMETER.findall(db.load_sql(name)))


def query(name: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Run ``queries/<name>.sql`` read-only, cached until the data changes. ``params`` may carry more
    than the query uses (the shared filters); only the ones it binds are passed."""
    path = db_path()
    used = query_parameters(name)
    bound = {key: value for key, value in (params or {}).items() if key in used}
    return _cached_query(str(path), name, bound, data_version(path))


@st.cache_data(show_spinner=False, max_entries=256, ttl=6 * 3600)
def _cached_derived(
    path: str,
    name: str,
    params: dict[str, Any],
    version: tuple[int, ...],
    module: str,
    function: str,
    args: tuple[Any, ...],
) -> Any:
    frame = _cached_query(path, name, params, version)
    return getattr(importlib.import_module(module), function)(frame, *args)


def derived(fn: Callable[..., Any], name: str, params: Mapping[str, Any] | None, *args: Any) -> Any:
    """``fn(query(name, params), *args)`` cached like the query itself: the pandas work a page does on
    a query's result runs once per distinct input and data version, not on every rerun (and the key
    is the query's parameters, never a hash of the frame). ``fn`` must be a module-level function
    and its result picklable."""
    path = db_path()
    used = query_parameters(name)
    bound = {key: value for key, value in (params or {}).items() if key in used}
    return _cached_derived(str(path), name, bound, data_version(path), fn.__module__, fn.__qualname__, args)


def clear_caches() -> None:
    """Forget every cached result (after an import or a settings save from a page)."""
    _cached_query.clear()
    _cached_derived.clear()
    _settings.clear()


@st.cache_resource(show_spinner=False)
def _migrated(path: str, version: int) -> int:
    with db.connection(path, busy_timeout=WRITE_BUSY_TIMEOUT_S) as con:
        return db.schema_version(con)


def ensure_database(lang: str) -> bool:
    """Create or migrate the database once per process; on failure show why and return False."""
    path = db_path()
    try:
        _migrated(str(path), db.latest_schema_version())
    except db.DatabaseBusy as exc:
        st.warning(exc.message(lang))
        return False
    except db.DatabaseError as exc:
        st.error(exc.message(lang))
        return False
    return True


@contextmanager
def write_connection() -> Iterator[duckdb.DuckDBPyConnection]:
    """A short read-write connection for a page's write (closed at once; caches cleared after)."""
    with db.connection(db_path(), busy_timeout=WRITE_BUSY_TIMEOUT_S) as con:
        yield con
    clear_caches()


@st.cache_data(show_spinner=False, max_entries=256, ttl=6 * 3600)
def _settings(path: str, account: str, version: tuple[int, ...]) -> tuple[Any, dict[str, float | None]]:
    del version  # cache key only
    from liveroi import settings

    with db.connection(path, read_only=True, busy_timeout=READ_BUSY_TIMEOUT_S) as con:
        return settings.load(con, account), settings.load_stored(con, account)


def account_settings(account: str) -> tuple[Any, dict[str, float | None]]:
    """(settings in force, values stored for the account itself) — see ``liveroi.settings``."""
    path = db_path()
    return _settings(str(path), account, data_version(path))
