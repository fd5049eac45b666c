"""The back-ends tests run on: a DuckDB file, and DuckLake on a SQLite catalog and on PostgreSQL.

PostgreSQL comes from ``$LIVEROI_TEST_PG``, a libpq conninfo of a server the tests may create
databases on (``.ci/run`` starts a throwaway cluster and sets it; the password, if any, in
``PGPASSWORD``). Each test gets a database of its own on it, made with ``psql``. Without the variable
the PostgreSQL cases are skipped — except in CI (``$CI`` set), where they fail: CI must run them.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import uuid
from pathlib import Path

import pytest

from liveroi import lake

ENV_PG = "LIVEROI_TEST_PG"
BACKENDS = ("duckdb", "ducklake-sqlite", "ducklake-postgres")
_names = itertools.count()


def pg_admin() -> str:
    """The conninfo of the test PostgreSQL server; skips (fails in CI) when there is none."""
    conninfo = os.environ.get(ENV_PG, "").strip()
    if not conninfo:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests: set {ENV_PG} (.ci/run starts a cluster)")
        pytest.skip(f"no PostgreSQL for the DuckLake tests (set {ENV_PG})")
    return conninfo


def new_pg_database() -> str:
    """A new, empty database on the test server; returns its conninfo."""
    admin = pg_admin()
    name = f"liveroi_test_{os.getpid()}_{next(_names)}_{uuid.uuid4().hex[:6]}"
    subprocess.run(
        ["psql", admin, "-v", "ON_ERROR_STOP=1", "-qc", f'CREATE DATABASE "{name}"'],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return f"{admin} dbname={name}"


def new_target(kind: str, folder: Path) -> str:
    """A new, empty store of ``kind`` (one of :data:`BACKENDS`) under ``folder``, as ``LIVEROI_DB``
    takes it. A lake's data folder is ``folder/lake-data`` (set ``LIVEROI_LAKE_DATA`` to it while the
    lake is first opened: the catalog keeps it)."""
    if kind == "duckdb":
        return str(folder / "liveroi.duckdb")
    if kind == "ducklake-sqlite":
        return f"{lake.PREFIX}sqlite:{folder / 'catalog.sqlite'}"
    if kind == "ducklake-postgres":
        return f"{lake.PREFIX}postgres:{new_pg_database()}"
    raise ValueError(kind)


def data_folder(folder: Path) -> str:
    """The data folder :func:`new_target`'s lakes use."""
    return str(folder / "lake-data")
