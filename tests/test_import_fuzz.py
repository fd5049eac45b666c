"""Fuzzing the importer with Hypothesis: random cells, header orders, aliases and encodings.

Whatever the cells hold, :func:`import_files` must not raise, and every data row must end up exactly
one of imported (inserted / updated / unchanged), skipped (a summary row or an extra copy of a
duplicate) or rejected with a reason: the counts add up to the rows written.

Inputs that may raise :class:`ImportFileError`: none of the generated ones. The first cell of every
generated row is neither empty nor a missing marker (so no row is blank and the file always has data
rows; a leading missing marker alone must not make a row blank: the test at the end), the header always
names the session id, account and start time (so the file is always recognisable), no cell holds a NUL or
another control character (those make a file binary or cut a line: tests/test_import_hostile.py), and the
file is encoded in one encoding. So an ImportFileError here is a finding, like any other exception.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liveroi import db
from liveroi.importer import headers, import_files
from tests.messy_files import csv_bytes

REQUIRED = ("session_id", "account", "started_at")
OPTIONAL = tuple(f for f in headers.SESSION_FIELDS if f not in REQUIRED)
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
TEXT = st.text(
    alphabet=st.one_of(CJK, st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))),
    max_size=12,
)
MISSING = st.sampled_from(["", "-", "--", "—", "N/A", "null", "/", " ", "NaN", "暂无"])
HOSTILE = st.sampled_from(
    [
        "x'); DROP TABLE sessions; --",
        '=HYPERLINK("http://x","y")',
        "<script>alert(1)</script>",
        "\u202eevil",
        "合计",
        "总计",
        "1e309",
        "-0",
        "9" * 30,
        '"quoted, with comma"',
    ]
)
NUMBER = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.floats(-1e9, 1e9, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.integers(0, 10**9).map(lambda x: f"{x:,}"),
    st.tuples(
        st.sampled_from(["¥", "￥", ""]),
        st.decimals(0, 99999, places=2),
        st.sampled_from(["", "万", "亿", "%", "元"]),
    ).map(lambda t: f"{t[0]}{t[1]}{t[2]}"),
)
DATE = st.tuples(
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 12, 31)),
    st.sampled_from(
        [
            "%Y-%m-%d %H:%M:%S",
            "%Y/%m/%d %H:%M",
            "%Y-%m-%d",
            "%Y年%m月%d日 %H:%M",
            "%m/%d/%Y %H:%M",
            "%Y%m%d%H%M%S",
        ]
    ),
).map(lambda t: t[0].strftime(t[1]))
DURATION = st.one_of(
    st.integers(0, 600).map(lambda m: f"{m}分钟"),
    st.tuples(st.integers(0, 12), st.integers(0, 59), st.integers(0, 59)).map(
        lambda t: f"{t[0]}:{t[1]:02d}:{t[2]:02d}"
    ),
    st.tuples(st.integers(0, 9), st.integers(0, 59)).map(lambda t: f"{t[0]}小时{t[1]}分"),
)
CELL = st.one_of(NUMBER, DATE, DURATION, MISSING, HOSTILE, TEXT)
SESSION_ID = st.one_of(st.integers(1, 6).map(str), st.text(CJK, min_size=1, max_size=4), HOSTILE, MISSING)
#: The first column's cell: never empty nor a missing marker, so no generated row is wholly blank.
FIRST = st.one_of(st.integers(1, 6).map(str), NUMBER, DATE, HOSTILE)


#: Per kind of file: the fields every generated header names, and those it may add.
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sessions": (REQUIRED, OPTIONAL),
    "ad_spend": (("time", "account", "spend"), ("hour", "channel", "plan", "ad_gmv")),
}
HOUR = st.one_of(st.integers(0, 23).map(str), st.integers(0, 23).map(lambda h: f"{h:02d}:00"), CELL)


def _cells(field: str) -> st.SearchStrategy[str]:
    if field == "session_id":
        return SESSION_ID
    if field in ("started_at", "ended_at", "time"):
        return DATE
    if field == "hour":
        return HOUR
    return CELL


@st.composite
def export_file(draw: st.DrawFn, kind: str) -> tuple[list[str], list[list[str]], str]:
    """A header (the kind's required fields + a random subset, shuffled, each under a random alias),
    rows, and an encoding."""
    required, optional = KINDS[kind]
    fields = list(required) + draw(st.lists(st.sampled_from(optional), unique=True, max_size=8))
    fields = draw(st.permutations(fields))
    header = [draw(st.sampled_from(headers.ALIASES[f])) for f in fields]
    strategies = [_cells(f) for f in fields]
    strategies[0] = FIRST
    rows = draw(st.lists(st.tuples(*strategies).map(list), min_size=1, max_size=12))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    return header, rows, encoding


def _encoded(header: list[str], rows: list[list[str]], encoding: str) -> bytes:
    try:
        return csv_bytes(header, rows, encoding=encoding)
    except UnicodeEncodeError:  # a character GB18030 cannot hold (there are few): write UTF-8
        return csv_bytes(header, rows, encoding="utf-8")


FUZZ = settings(
    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@settings(FUZZ, max_examples=30)
@given(export_file("sessions"))
def test_every_session_row_is_imported_skipped_or_rejected(tmp_path: Path, case: tuple) -> None:
    _check_counts(tmp_path, case)


@settings(FUZZ, max_examples=15)
@given(export_file("ad_spend"))
def test_every_ad_spend_row_is_imported_skipped_or_rejected(tmp_path: Path, case: tuple) -> None:
    _check_counts(tmp_path, case)


def _check_counts(tmp_path: Path, case: tuple) -> None:
    """Import the generated file into a fresh database: no exception, and the rows add up."""
    header, rows, encoding = case
    data = _encoded(header, rows, encoding)
    path = tmp_path / "fuzz.duckdb"
    path.unlink(missing_ok=True)
    with db.connection(path):
        pass
    summary = import_files(path, [("fuzz.csv", data)], lang="en")
    rejected_rows = {(r["file"], r["row"]) for r in summary["rejected"]}
    assert all(r["reason"] for r in summary["rejected"])
    outcome = summary["inserted"] + summary["updated"] + summary["unchanged"] + summary["skipped"]
    assert outcome + len(rejected_rows) == len(rows), summary


def test_a_missing_marker_in_the_first_column_does_not_drop_the_row(db_path: Path) -> None:
    header = ["班次", "直播ID", "账号", "开播时间", "成交金额"]
    rows = [["-", "7", "甲", "2026-01-01 10:00", "100"], ["早班", "8", "甲", "2026-01-02 10:00", "100"]]
    summary = import_files(db_path, [("first.csv", csv_bytes(header, rows))], lang="en")
    assert (summary["inserted"], summary["skipped"], summary["rejected"]) == (2, 0, [])
