"""Shared fixtures: every test gets a real DuckDB file in its own temp directory, never a mock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from liveroi import db, lake
from tests import lake_support


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module or test marked ``backends`` runs once per back-end: its ``db_path`` is then a DuckDB
    file, a DuckLake on SQLite and a DuckLake on PostgreSQL (tests/lake_support.py)."""
    if "db_path" in metafunc.fixturenames and metafunc.definition.get_closest_marker("backends"):
        metafunc.parametrize("db_path", lake_support.BACKENDS, indirect=True)


@pytest.fixture
def db_path(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[db.Target]:
    """A fresh, migrated database file (or lake, under the ``backends`` marker); LIVEROI_DB points at
    it so CLI and pages use it too."""
    kind = getattr(request, "param", "duckdb")
    target = db.resolve_db_path(lake_support.new_target(kind, tmp_path))
    if kind != "duckdb":
        monkeypatch.setenv(lake.ENV_DATA, lake_support.data_folder(tmp_path))
    with db.connection(target):
        pass
    monkeypatch.setenv(db.ENV_DB, str(target))
    yield target
    if kind != "duckdb":
        lake.close_all()


@pytest.fixture
def con(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to :func:`db_path`, closed after the test."""
    connection = db.connect(db_path)
    try:
        yield connection
    finally:
        connection.close()
