"""Files that cannot be read at all: each gets one clear line, and nothing is written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import duckdb
import pytest

from liveroi.importer import ImportFileError, import_files, limits
from tests.messy_files import csv_bytes, xlsx_bytes


def _imports(db_path: Path) -> int:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute("SELECT count(*) FROM imports").fetchone()[0]


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (20 * 1024 * 1024))  # compresses ~1000×
    return buffer.getvalue()


CASES = {
    "empty": (b"", "the file is empty"),
    "binary": (b"\x00\x01\x02\x03garbage\x00", "binary content"),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "not supported"),
    "truncated xlsx": (
        xlsx_bytes({"s": [["直播ID", "账号", "开播时间"]]})[:300],
        "damaged or password-protected",
    ),
    "zip bomb": (_zip_bomb(), "zip bomb"),
    "no header": (csv_bytes(["a", "b", "c"], [["1", "2", "3"]]), "no recognisable header"),
    "header only": (csv_bytes(["直播ID", "账号", "开播时间", "成交金额"], []), "no data rows"),
    "no start column": (
        csv_bytes(["直播ID", "账号", "成交金额", "观看人数"], [["1", "a", "2", "3"]]),
        "no start-time column",
    ),
    "too many columns": (
        csv_bytes(["直播ID", "账号", "开播时间", *[f"x{i}" for i in range(limits.MAX_COLUMNS)]], [["1"]]),
        "too many columns",
    ),
    "huge cell": (
        csv_bytes(["直播ID", "账号", "开播时间"], [["1", "a" * (limits.MAX_LINE_BYTES + 10), "2026-01-01"]]),
        "longer than",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_unreadable_files_get_one_line_and_write_nothing(db_path: Path, case: str) -> None:
    data, phrase = CASES[case]
    with pytest.raises(ImportFileError) as info:
        import_files(db_path, [(f"{case}.csv", data)], lang="en")
    assert info.value.file_name == f"{case}.csv"
    assert phrase in info.value.message and "\n" not in info.value.message
    assert _imports(db_path) == 0


def test_missing_path_and_size_limit(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ImportFileError) as info:
        import_files(db_path, [tmp_path / "nope.csv"], lang="zh")
    assert info.value.message == "文件不存在"
    big = tmp_path / "big.csv"
    big.write_bytes(csv_bytes(["直播ID", "账号", "开播时间"], [["1", "a", "2026-01-01"]] * 100))
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ImportFileError) as info:
        import_files(db_path, [big], lang="en")
    assert "too large" in info.value.message
