"""The typed reading of a CSV session list (readers.load_raw_typed) changes nothing but speed.

Every file here is imported twice into fresh databases: once as the importer reads it (typed where the
file allows), once with the typed reading switched off (readers.TYPED_READING = False: every cell text,
the pipeline as it was before the typed reading existed). The stored sessions, spend, extras, import log,
changes and rejected rows — and the summary the call returns — must be identical. The files: the sample
brand's exports, liveroi's own canonical export of them, the messy back-end files of tests/messy_files.py,
the platforms' headers of tests/export_layouts.py, and hand-made cells at every edge the typed reader
could read differently from the text (1e5, inf, nan, ' 12 ', '1,234', 1.2万, '-', 暂无, 合计 rows, blank
rows, duplicates, …). A clean canonical file must actually be read typed (else the fast path silently
never runs), and a re-import read the other way must find every row unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pytest

from liveroi import db
from liveroi.export import export_session_metrics
from liveroi.importer import import_files, readers, validate
from tests import export_layouts
from tests.messy_files import SESSION_HEADERS_ZH, csv_bytes, session_row

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_FILES = sorted((ROOT / "sample_data").glob("*.csv"))

#: What each table is compared on (everything but when it was written).
TABLES = {
    "sessions": "SELECT * EXCLUDE (updated_at, row_hash) FROM sessions ORDER BY session_id",
    "session_spend": "SELECT * FROM session_spend ORDER BY ALL",
    "session_extras": "SELECT * FROM session_extras ORDER BY ALL",
    "imports": "SELECT * EXCLUDE (started_at, finished_at) FROM imports ORDER BY import_id",
    "import_changes": "SELECT * FROM import_changes ORDER BY ALL",
    "rejected_rows": "SELECT * FROM rejected_rows ORDER BY ALL",
}

CANONICAL = (
    "session_id",
    "account",
    "started_at",
    "ended_at",
    "duration_min",
    "viewers",
    "orders",
    "buyers",
    "gmv",
    "avg_watch_s",
    "spend_xiaodiantong",
    "spend_jinniu",
)


def _stored(db_path: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return {name: con.execute(sql).fetchall() for name, sql in TABLES.items()}


def _import(
    db_path: Path, sources: Sequence[readers.ImportSource], typed: bool, monkeypatch: pytest.MonkeyPatch, **kw
) -> dict:
    with monkeypatch.context() as patch:
        patch.setattr(readers, "TYPED_READING", typed)
        return import_files(db_path, list(sources), lang="en", **kw)


def assert_same_both_ways(
    tmp_path: Path, sources: Sequence[readers.ImportSource], monkeypatch: pytest.MonkeyPatch, **kw
) -> dict:
    """Import ``sources`` typed-where-possible and text-only into two fresh databases; assert the same
    summary and the same stored rows. Returns the summary."""
    typed_db, text_db = tmp_path / "typed.duckdb", tmp_path / "text.duckdb"
    typed = _import(typed_db, sources, True, monkeypatch, **kw)
    text = _import(text_db, sources, False, monkeypatch, **kw)
    assert typed == text
    typed_rows, text_rows = _stored(typed_db), _stored(text_db)
    for name in TABLES:
        assert typed_rows[name] == text_rows[name], name
    return typed


def reading_of(source: readers.ImportSource) -> str:
    """The reading the importer stages ``source`` with, on a connection of its own (as a preview)."""
    con = duckdb.connect()
    try:
        validate.prepare(con)
        src = readers.open_source(source, "en")
        layout = readers.detect_layout(src, "en")
        return validate.stage_file(con, 0, src, layout, account=None, lang="en", known=False).reading
    finally:
        con.close()


def _row(sid: str, start: str = "2026-03-01 10:00:00", **cells: str) -> list[str]:
    values = {
        "session_id": sid,
        "account": "店A",
        "started_at": start,
        "ended_at": start[:10] + " 12:30:00",
        "duration_min": "150",
        "viewers": "2000",
        "orders": "30",
        "buyers": "25",
        "gmv": "3456.78",
        "avg_watch_s": "61.5",
        "spend_xiaodiantong": "120.5",
        "spend_jinniu": "80",
        **cells,
    }
    return [values[name] for name in CANONICAL]


def _canonical(rows: list[list[str]], header: Sequence[str] = CANONICAL) -> bytes:
    return csv_bytes(header, rows)


CLEAN_ROWS = [_row(str(7_000_000_000_000_000_000 + k), f"2026-03-0{k} 10:00:00") for k in range(1, 6)]


@pytest.fixture
def canonical_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """liveroi's own export (session_metrics as CSV) of the sample brand's files."""
    source_db = tmp_path / "source.duckdb"
    _import(source_db, SAMPLE_FILES, True, monkeypatch)
    out = tmp_path / "export.csv"
    export_session_metrics(source_db, out, fmt="csv")
    return out


def test_the_sample_brands_files_store_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(SAMPLE_FILES) == 2
    summary = assert_same_both_ways(tmp_path, SAMPLE_FILES, monkeypatch)
    assert summary["inserted"] > 100


def test_the_canonical_export_is_read_typed_and_stores_the_same(
    tmp_path: Path, canonical_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert reading_of(canonical_export) == readers.TYPED
    with monkeypatch.context() as patch:
        patch.setattr(readers, "TYPED_READING", False)
        assert reading_of(canonical_export) == readers.TEXT
    summary = assert_same_both_ways(tmp_path, [canonical_export], monkeypatch)
    with duckdb.connect(str(canonical_export.parent / "source.duckdb"), read_only=True) as con:
        expected = con.execute("SELECT count(*) FROM sessions").fetchone()[0]
    assert summary["inserted"] == expected > 100
    assert summary["rejected"] == []


def test_a_clean_hand_made_file_is_read_typed() -> None:
    assert reading_of(("clean.csv", _canonical(CLEAN_ROWS))) == readers.TYPED
    # a GB18030 copy is transcoded first, then read typed all the same
    gbk = csv_bytes(CANONICAL, [[c.replace("店A", "店乙") for c in r] for r in CLEAN_ROWS], encoding="gbk")
    assert reading_of(("clean_gbk.csv", gbk)) == readers.TYPED


def test_a_re_import_read_the_other_way_finds_every_row_unchanged(
    tmp_path: Path, canonical_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for first, second in ((True, False), (False, True)):
        target = tmp_path / f"reimport_{first}.duckdb"
        once = _import(target, [canonical_export], first, monkeypatch)
        stored = _stored(target)["sessions"]
        again = _import(target, [canonical_export], second, monkeypatch)
        assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, once["inserted"])
        assert again["rejected"] == []
        assert _stored(target)["sessions"] == stored
        with duckdb.connect(str(target), read_only=True) as con:
            assert con.execute("SELECT count(*) FROM import_changes").fetchone()[0] == 0
        # and a third time, read as the second was: known by its row hash, not parsed at all
        third = _import(target, [canonical_export], second, monkeypatch)
        assert third["unchanged"] == once["inserted"]


def test_messy_back_end_files_store_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [
        session_row("101", "甲", "2026-01-01 10:00", "2026-01-01 13:00"),
        session_row("102", "甲", "2026/1/2 9:30", gmv="1.2万", viewers="3,456"),
        session_row("103", "乙", "2026-01-03 10:00:00", gmv="￥1,234.50", spend=("-", "暂无", "0", "12")),
        session_row("104", "乙", "2026-01-04 10:00:00", viewers="-5"),
        session_row("105", "乙", "2026-01-05 10:00:00", buyers="900", viewers="100"),
        ["合计", "-", "-", "-", "", "", "12345"],
    ]
    sources = [
        ("messy_gbk.csv", csv_bytes(SESSION_HEADERS_ZH, rows, encoding="gbk", title_lines=["快手直播数据"])),
        ("messy_bom.csv", csv_bytes(SESSION_HEADERS_ZH, rows[:3], encoding="utf-8-sig")),
        ("messy_tab.csv", csv_bytes(SESSION_HEADERS_ZH, rows[3:], delimiter="\t")),
    ]
    summary = assert_same_both_ways(tmp_path, sources, monkeypatch)
    assert summary["rejected"]


def _layout_file(header: Sequence[str], count: int) -> bytes:
    """A file under a platform's header: times as 'YYYY-MM-DD HH:MM:SS', ids and names as text, every
    other cell a plain number (so the typed reading may take it)."""
    rows = []
    for k in range(count):
        row = []
        for index, name in enumerate(header):
            if "时间" in name or "日期" in name:
                row.append(f"2026-02-0{k + 1} 1{index % 10}:00:00")
            elif any(word in name for word in ("昵称", "名称", "账号", "抖音号", "头像", "ID", "id")):
                row.append(f"号{k}_{index}")
            else:
                row.append(str((k + 1) * (index + 3)))
        rows.append(row)
    return csv_bytes(header, rows)


def test_platform_layouts_store_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [("compass.csv", _layout_file(export_layouts.COMPASS_LIVE_LIST, 3))]
    assert_same_both_ways(tmp_path, sources, monkeypatch)


#: One edge cell per file (on top of the clean rows): (file tag, column, cell as written).
EDGE_CELLS: list[tuple[str, str, str]] = (
    [
        (f"{column}_{k}", column, cell)
        for column in ("viewers", "gmv", "spend_jinniu", "duration_min")
        for k, cell in enumerate(
            [
                "1e5",
                "inf",
                "-inf",
                "nan",
                "NaN",
                " 12 ",
                "1,234",
                "1.2万",
                "-",
                "暂无",
                "¥12",
                "-5",
                "20138.0",
                "20138.6",
                "+7",
                ".5",
                "1_000",
                "0x10",
                "",
            ]
        )
    ]
    + [
        (f"{column}_{k}", column, cell)
        for column in ("started_at", "ended_at")
        for k, cell in enumerate(
            [
                "1999-12-31 23:59:59",
                "2100-01-01 00:00:00",
                "2026/03/01 10:00:00",
                "2026-03-01T10:00:00",
                "2026-03-01 10:00",
                "2026-03-01",
                "1772330400",
                " 2026-03-01 10:00:00",
                "2026-3-1 9:05:07",
                "2026-03-01 10:00:00.5",
                "2026-02-30 10:00:00",
                "2026-03-01 24:00:00",
                "2026年3月1日 10:00",
                "",
            ]
        )
    ]
    + [
        ("id_quoted", "session_id", '="7000000000000000099"'),
        ("id_apostrophe", "session_id", "'7000000000000000098"),
        ("account_blank", "account", ""),
        ("account_summary", "account", "合计"),
        ("buyers_gt_viewers", "buyers", "5000"),
        ("end_before_start", "ended_at", "2026-03-01 09:00:00"),
    ]
)


@pytest.mark.parametrize("column", sorted({column for _, column, _ in EDGE_CELLS}))
def test_edge_cells_store_the_same(column: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One file per edge cell of ``column`` (the clean rows and one row holding the cell), all of them in
    one call: the later files update the sessions of the earlier ones, through the diff."""
    sources = [
        (f"edge_{tag}.csv", _canonical([*CLEAN_ROWS, _row("7000000000000000042", **{column: cell})]))
        for tag, name, cell in EDGE_CELLS
        if name == column
    ]
    assert_same_both_ways(tmp_path, sources, monkeypatch)
    for source in sources:
        _check_reading(source)


#: Edge cells the typed reader takes as the text reading's plain cast does (so the file stays typed).
TYPED_EDGES = {
    "edge_viewers_0.csv",  # 1e5
    "edge_viewers_3.csv",  # nan: missing, both ways
    "edge_viewers_12.csv",  # 20138.0
    "edge_viewers_16.csv",  # 1_000
    "edge_gmv_5.csv",  # ' 12 '
    "edge_spend_jinniu_15.csv",  # .5
    "edge_started_at_8.csv",  # 2026-3-1 9:05:07
    "edge_account_summary.csv",  # a 合计 account: a summary row, both ways
}


def _check_reading(source: tuple[str, bytes]) -> None:
    if source[0] in TYPED_EDGES:
        assert reading_of(source) == readers.TYPED, source[0]


def test_edge_rows_store_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = _row("7000000000000000050")
    files = {
        "summary_first": [*CLEAN_ROWS, ["合计", "", "", "", "", "99999", "1", "1", "1", "", "", ""]],
        "summary_total": [*CLEAN_ROWS, ["Total", "", "", "", "", "", "", "", "", "", "", ""]],
        "summary_late": [*CLEAN_ROWS, ["", "", "", "", "", "", "", "", "", "", "", ""], ["", "小计"]],
        "blank_rows": [CLEAN_ROWS[0], [""] * len(CANONICAL), ["-"] * len(CANONICAL), CLEAN_ROWS[1]],
        "nan_row": [*CLEAN_ROWS, ["", "", "", "", "nan", "nan", "", "", "nan", "", "", ""]],
        "duplicate": [*CLEAN_ROWS, CLEAN_ROWS[0]],
        "repeated_id": [*CLEAN_ROWS, _row(CLEAN_ROWS[0][0], gmv="1")],
        "typed_equal_copies": [*CLEAN_ROWS, extra, _row(extra[0], viewers="2000.0")],
        "too_many_cells": [*CLEAN_ROWS, [*extra, "surplus"]],
        "missing_cells": [*CLEAN_ROWS, extra[:4]],
        "missing_start": [*CLEAN_ROWS, _row("7000000000000000051", start="")],
        "negative": [*CLEAN_ROWS, _row("7000000000000000052", orders="-1", spend_xiaodiantong="-3")],
    }
    sources = [(f"{name}.csv", _canonical(rows)) for name, rows in files.items()]
    summary = assert_same_both_ways(tmp_path, sources, monkeypatch)
    assert summary["skipped"] > 0 and summary["rejected"]


def test_files_without_session_ids_store_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    header = CANONICAL[1:]
    rows = [r[1:] for r in CLEAN_ROWS]
    copies = [*rows, rows[0], [*rows[1][:4], "2000.0", *rows[1][5:]]]  # an exact copy, a typed-equal one
    sources = [("derived.csv", _canonical(rows, header)), ("derived_copies.csv", _canonical(copies, header))]
    assert_same_both_ways(tmp_path, sources, monkeypatch)
    assert reading_of(sources[0]) == readers.TYPED


def test_a_fallback_account_stores_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    header = [c for c in CANONICAL if c != "account"]
    rows = [[c for i, c in enumerate(r) if CANONICAL[i] != "account"] for r in CLEAN_ROWS]
    assert_same_both_ways(
        tmp_path, [("no_account.csv", _canonical(rows, header))], monkeypatch, account="店B"
    )


def test_the_typed_template_types_what_the_typed_reader_types() -> None:
    """queries/import/reading_typed.sql casts the same canonical columns readers.typed_columns types."""
    layout = readers.Layout("sessions", 1, [])
    con = duckdb.connect()
    try:
        validate.prepare(con)
        db.execute(con, "import/reading_typed")
        template = dict(
            con.execute("SELECT column_name, column_type FROM (DESCRIBE import_template_reading)").fetchall()
        )
    finally:
        con.close()
    src = readers.SourceFile("x.csv", None, b"", 1, "", "csv", "utf-8", b"")
    typed = readers.typed_columns(
        src,
        readers.Layout(
            layout.kind,
            1,
            [readers.headers.Column(position=i, header=n, canonical=n) for i, n in enumerate(template)],
        ),
    )
    assert typed is not None
    assert {k: v for k, v in typed.items() if k in template} == template
