"""Hostile text (issue 6, item 2): names that look like SQL, formulas, HTML, very long or right-to-left.

Imported through the real importer, they must be stored verbatim (the exact strings come back from the
database), shown as plain text on the Sessions and Matrix pages (the exact string is a value of the
rendered table; no element renders it as HTML), neutralised in CSV/XLSX exports (a formula gets a
leading apostrophe, everything else is left as written), and the sessions table must survive.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from liveroi import export
from liveroi.importer import import_files
from tests.dashboard_fixtures import app_test
from tests.messy_files import csv_bytes

SQL = "x'); DROP TABLE sessions; --"
FORMULA = '=HYPERLINK("http://x","y")'
SCRIPT = "<script>alert(1)</script>"
LONG = "长" * 1000 + "n" * 1000  # 2,000 characters
RTL = "\u202eevil.exe مرحبا שלום"
NAMES = (SQL, FORMULA, SCRIPT, LONG, RTL)
#: The shift labels: the same hostile strings, shifted so no session's shift equals its account.
SHIFTS = NAMES[1:] + NAMES[:1]
PLANS = tuple(f"{name} 计划" for name in NAMES)
DAY = date(2026, 11, 24)
HEADER = ["直播ID", "账号名称", "开播时间", "下播时间", "班次", "成交金额(元)", "观看人数", "小店通消耗(元)"]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding one session per hostile account (its shift another hostile string) and an
    ad-spend report whose plans carry hostile names, imported through the importer."""
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "liveroi.duckdb"
    rows = [
        [
            f"S{i}",
            name,
            f"{DAY - timedelta(days=i)} 19:00",
            f"{DAY - timedelta(days=i)} 22:00",
            shift,
            1000 + i,
            500,
            100,
        ]
        for i, (name, shift) in enumerate(zip(NAMES, SHIFTS, strict=True))
    ]
    sessions = folder / "sessions.csv"
    sessions.write_bytes(csv_bytes(HEADER, rows))
    ads = [
        [f"{DAY - timedelta(days=i)} 20:00", name, "小店通", plan, 10]
        for i, (name, plan) in enumerate(zip(NAMES, PLANS, strict=True))
    ]
    spend = folder / "ad_spend.csv"
    spend.write_bytes(csv_bytes(["时间", "账户名称", "推广工具", "计划名称", "消耗"], ads))
    summary = import_files(path, [sessions, spend], lang="en")
    assert summary["rejected"] == [] and summary["inserted"] == 2 * len(NAMES)  # sessions + ad rows
    return path


def _fetch(path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_stored_verbatim_and_the_sessions_table_survives(hostile_db: Path) -> None:
    stored = _fetch(hostile_db, "SELECT session_id, account, shift FROM sessions ORDER BY session_id")
    assert stored == [(f"S{i}", NAMES[i], SHIFTS[i]) for i in range(len(NAMES))]
    assert {r[0] for r in _fetch(hostile_db, "SELECT account FROM accounts")} >= set(NAMES)
    assert sorted(r[0] for r in _fetch(hostile_db, "SELECT plan FROM ad_spend")) == sorted(PLANS)
    assert len(LONG) == 2000 and _fetch(hostile_db, "SELECT max(length(account)) FROM sessions") == [(2000,)]
    tables = {r[0] for r in _fetch(hostile_db, "SELECT table_name FROM information_schema.tables")}
    assert {"sessions", "accounts", "ad_spend", "imports"} <= tables


def _no_html_with(at, text: str) -> None:
    """No markdown element renders ``text`` with HTML allowed, and no st.html element holds it."""
    for element in [*at.markdown, *at.caption]:
        if text in element.proto.body:
            assert not element.proto.allow_html, element.proto.body[:200]
    assert not any(text in element.proto.body for element in at.get("html"))


@pytest.fixture
def pages_db(hostile_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LIVEROI_DB", str(hostile_db))
    return hostile_db


def test_sessions_page_shows_the_exact_strings_as_text(pages_db: Path) -> None:
    at = app_test(pages_db, "pages/sessions.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["account"]) == set(NAMES)
    assert set(table["shift"]) == set(SHIFTS)
    for name in NAMES:
        _no_html_with(at, name)


def test_matrix_page_shows_the_exact_strings_as_text(pages_db: Path) -> None:
    at = app_test(pages_db, "pages/matrix.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["account"]) == set(NAMES)
    for name in NAMES:
        _no_html_with(at, name)


def test_exports_neutralise_formulas_and_keep_the_rest(hostile_db: Path, tmp_path: Path) -> None:
    expected = {name: "'" + name if name == FORMULA else name for name in NAMES}
    csv_out = tmp_path / "out.csv"
    export.export_session_metrics(hostile_db, csv_out)
    frame = pd.read_csv(csv_out, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    assert sorted(frame["account"]) == sorted(expected.values())
    assert sorted(frame["shift"]) == sorted(expected[s] for s in SHIFTS)

    xlsx_out = tmp_path / "out.xlsx"
    export.export_session_metrics(hostile_db, xlsx_out)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_out.read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("account")
    cells = [row[column] for row in rows[1:]]
    assert sorted(cells) == sorted(expected.values())
    assert all(cell.data_type == "s" for cell in sheet[openpyxl.utils.get_column_letter(column + 1)][1:])
    assert _fetch(hostile_db, "SELECT count(*) FROM sessions") == [(len(NAMES),)]
