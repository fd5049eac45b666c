"""``python -m liveroi export``: session_metrics as CSV (UTF-8 with BOM) or XLSX, formulas neutralised."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from liveroi import cli, db, export, sample

pytestmark = pytest.mark.backends  # every test here runs on a DuckDB file and on DuckLake

EVIL_LINK = '=HYPERLINK("http://evil.example","点我")'


@pytest.fixture
def loaded_db(db_path: Path) -> Path:
    """Thirty days of the sample brand plus one session whose text cells are hostile."""
    brand = sample.generate_brand(5, days=30)
    with db.connection(db_path) as con:
        sample.write_to_db(con, brand)
        con.execute(
            "INSERT INTO sessions (session_id, account, started_at, duration_min, shift, viewers, buyers, gmv, refunds)"
            " VALUES ('9000000000000000001', '-cmd', TIMESTAMP '2026-11-20 20:00', 60, ?, 100, 2, 300, -12.5)",
            [EVIL_LINK],
        )
    return db_path


def _read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_neutralize_formulas_marks_what_a_spreadsheet_would_run() -> None:
    frame = pd.DataFrame(
        {
            "text": [
                EVIL_LINK,
                "-cmd",
                "-12.5",
                "+A1",
                "+86",
                "@SUM(A1)",
                "\tfoo",
                "\rbar",
                "-2+3+cmd|' /C calc'!A0",
                "暖山女装",
                "a=b",
                None,
            ],
            "number": [-12.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        }
    )
    safe = export.neutralize_formulas(frame)
    assert safe["text"].tolist()[:11] == [
        "'" + EVIL_LINK,
        "'-cmd",
        "-12.5",
        "'+A1",
        "+86",
        "'@SUM(A1)",
        "'\tfoo",
        "'\rbar",
        "'-2+3+cmd|' /C calc'!A0",
        "暖山女装",
        "a=b",
    ]
    assert pd.isna(safe["text"].iloc[11])
    pd.testing.assert_series_equal(safe["number"], frame["number"])
    assert frame["text"].iloc[0] == EVIL_LINK  # the input is not modified


def test_csv_export_has_bom_every_column_and_neutralised_cells(
    loaded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sessions.csv"
    assert cli.main(["export", "--db", str(loaded_db), "--out", str(out)]) == 0
    result = json.loads(capsys.readouterr().out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = _read_csv(out)
    with db.connection(loaded_db, read_only=True) as con:
        columns = [r[0] for r in con.execute("DESCRIBE session_metrics").fetchall()]
        expected_rows = con.execute("SELECT count(*) FROM session_metrics").fetchone()[0]
    assert list(rows[0].keys()) == columns
    assert result == {"out": str(out), "format": "csv", "rows": expected_rows} and len(rows) == expected_rows
    evil = next(r for r in rows if r["session_id"] == "9000000000000000001")
    assert evil["shift"] == "'" + EVIL_LINK
    assert evil["account"] == "'-cmd"
    assert evil["refunds"] == "-12.5"  # a negative number stays a number
    assert evil["roi"] == ""  # no spend → missing, never inf
    assert all(len(r["session_id"]) == 19 for r in rows)


def test_filters_by_account_and_days(loaded_db: Path, tmp_path: Path) -> None:
    brand = sample.generate_brand(5, days=30)
    out = tmp_path / "filtered.csv"
    args = ["export", "--db", str(loaded_db), "--out", str(out)]
    args += [
        "--account",
        "暖山女装",
        "--account",
        "暖山好物直播间",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-11",
    ]
    assert cli.main(args) == 0
    rows = _read_csv(out)
    s = brand.sessions
    day = s["started_at"].dt.date.astype(str)
    wanted = s[
        s["account"].isin(["暖山女装", "暖山好物直播间"]) & (day >= "2026-11-01") & (day <= "2026-11-11")
    ]
    assert sorted(r["session_id"] for r in rows) == sorted(wanted["session_id"])
    assert sum(float(r["gmv"]) for r in rows) == pytest.approx(wanted["gmv"].sum(), abs=0.01)
    assert rows == sorted(rows, key=lambda r: r["started_at"])


def test_xlsx_round_trips_with_types(loaded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sessions.xlsx"  # format from the suffix
    assert cli.main(["export", "--db", str(loaded_db), "--out", str(out), "--account=-cmd"]) == 0
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c for c in sheet[2]], strict=True))
    assert sheet.max_row == 2
    assert values["session_id"].value == "9000000000000000001" and values["session_id"].data_type == "s"
    assert values["shift"].value == "'" + EVIL_LINK and values["shift"].data_type == "s"  # not a formula
    assert values["account"].value == "'-cmd"
    assert values["refunds"].value == -12.5 and values["refunds"].data_type == "n"
    assert values["gmv"].value == 300
    assert values["started_at"].value.isoformat() == "2026-11-20T20:00:00"


def test_format_flag_wins_over_the_suffix(loaded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sessions.data"
    assert cli.main(["export", "--db", str(loaded_db), "--out", str(out), "--format", "xlsx"]) == 0
    assert out.read_bytes()[:2] == b"PK"  # a zip: XLSX
    plain = tmp_path / "sessions.txt"
    assert cli.main(["export", "--db", str(loaded_db), "--out", str(plain)]) == 0
    assert plain.read_bytes().startswith(b"\xef\xbb\xbfsession_id,")


def test_failures_and_usage_errors_have_their_exit_codes(
    loaded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["export", "--db", str(loaded_db)]
    assert cli.main([*base, "--out", str(tmp_path / "no" / "such" / "dir.csv")]) == 1
    assert cli.main([*base, "--out", str(tmp_path / "x.csv"), "--account", "没有这个号"]) == 1
    assert "没有这个号" in capsys.readouterr().err
    assert (
        cli.main(["export", "--db", str(tmp_path / "missing.duckdb"), "--out", str(tmp_path / "x.csv")]) == 1
    )
    assert not (tmp_path / "x.csv").exists()
    assert (
        cli.main([*base, "--out", str(tmp_path / "x.csv"), "--from", "2026-11-10", "--to", "2026-11-01"]) == 2
    )
    with pytest.raises(SystemExit) as usage:
        cli.main([*base, "--out", str(tmp_path / "x.csv"), "--from", "11/01/2026"])
    assert usage.value.code == 2
    with pytest.raises(SystemExit) as usage:
        cli.main([*base, "--out", str(tmp_path / "x.csv"), "--format", "pdf"])
    assert usage.value.code == 2
    assert list(tmp_path.glob("*.csv")) == []  # nothing half-written


def test_bytes_helpers_for_the_download_button() -> None:
    frame = pd.DataFrame({"account": ["=1+1"], "gmv": [1234.5]})
    assert export.to_csv_bytes(frame) == "\ufeffaccount,gmv\r\n'=1+1,1234.5\r\n".encode()
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes(frame)))
    assert [c.value for c in book.active[2]] == ["'=1+1", 1234.5]
