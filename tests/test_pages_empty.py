"""Every page on an empty database: a helpful message, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from liveroi.i18n import t
from tests.dashboard_fixtures import app_test

PAGES = ("pages/today.py", "pages/trends.py", "pages/sessions.py", "pages/matrix.py")


@pytest.mark.parametrize("page", PAGES)
def test_analysis_pages_explain_an_empty_database(db_path: Path, page: str) -> None:
    at = app_test(db_path, page)
    assert not at.exception
    assert t("empty.no_data", "zh") in [i.value for i in at.info]


@pytest.mark.parametrize("page", ("pages/import.py", "pages/settings.py"))
def test_import_and_settings_work_on_an_empty_database(db_path: Path, page: str) -> None:
    at = app_test(db_path, page, lang="en")
    assert not at.exception
    assert at.title[0].value in ("Import", "Settings")
