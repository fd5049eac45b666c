"""Shared fixtures: every test gets a real DuckDB file in its own temp directory, never a mock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from liveroi import db


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, migrated database file; LIVEROI_DB points at it so CLI and pages use it too."""
    path = tmp_path / "liveroi.duckdb"
    with db.connection(path):
        pass
    monkeypatch.setenv(db.ENV_DB, str(path))
    return path


@pytest.fixture
def con(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to :func:`db_path`, closed after the test."""
    connection = db.connect(db_path)
    try:
        yield connection
    finally:
        connection.close()
