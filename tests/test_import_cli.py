"""``python -m liveroi import``: the JSON on stdout and the exit codes, in-process and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from liveroi import cli
from liveroi.db import ROOT
from tests.messy_files import SESSION_HEADERS_ZH, csv_bytes, session_row

pytestmark = pytest.mark.backends  # every test here runs on a DuckDB file and on DuckLake


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "快手导出.csv"
    rows = [session_row("1", "甲", "2026-01-01 10:00"), session_row("2", "甲", "2026-01-02 10:00", gmv="-3")]
    path.write_bytes(csv_bytes(SESSION_HEADERS_ZH, rows, encoding="gbk", title_lines=["标题"]))
    return path


def test_cli_main_prints_exactly_the_json_summary(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["import", str(_export(tmp_path)), "--db", str(db_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert json.loads(out) == {
        "files": [
            {
                "file": "快手导出.csv",
                "layout": "generic_session_export",
                "kind": "sessions",
                "rows_read": 2,
                "inserted": 1,
                "updated": 0,
                "unchanged": 0,
                "skipped": 0,
                "rejected": 1,
                "precedence": [],
            }
        ],
        "inserted": 1,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "rejected": [
            {
                "file": "快手导出.csv",
                "row": 4,
                "column": "成交金额(元)",
                "value": "-3",
                "reason": "不能为负数",
            }
        ],
    }
    assert "快手导出" in out  # ensure_ascii=False


def test_cli_main_unreadable_file_is_exit_1_with_one_line(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x00\x00")
    code = cli.main(["--lang", "en", "import", str(_export(tmp_path)), str(bad), "--db", str(db_path)])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert captured.err.strip().splitlines() == [
        "liveroi: bad.csv: the file is neither a text CSV nor an XLSX (binary content)"
    ]


def _run(*args: str, env_db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LIVEROI_DB": str(env_db), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "liveroi", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_cli_subprocess_exit_codes(db_path: Path, tmp_path: Path) -> None:
    ok = _run("import", str(_export(tmp_path)), env_db=db_path)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["inserted"] == 1
    missing = _run("--lang", "en", "import", str(tmp_path / "nope.csv"), env_db=db_path)
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr.strip() == "liveroi: nope.csv: no such file" and "Traceback" not in missing.stderr
    usage = _run("import", env_db=db_path)
    assert usage.returncode == 2 and "FILE" in usage.stderr


def test_cli_import_loads_only_the_import_command(db_path: Path, tmp_path: Path) -> None:
    """The CLI imports only the named command's module: an import never loads the advisor, SciPy, pacing
    or the sample brand (~0.1 s of start-up). pandas is not in the list: DuckDB's Python client imports it
    on the first bound parameter (it checks every value against ``pandas.NA``)."""
    script = (
        "import json, sys\n"
        "from liveroi import cli\n"
        f"code = cli.main(['import', {str(_export(tmp_path))!r}, '--db', {str(db_path)!r}])\n"
        "loaded = sorted(m for m in ('scipy', 'liveroi.advisor', 'liveroi.sample', 'liveroi.pacing') if m in sys.modules)\n"
        "print(json.dumps({'code': code, 'loaded': loaded}), file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    report = json.loads(child.stderr.strip().splitlines()[-1])
    assert report == {"code": 0, "loaded": []}
    assert json.loads(child.stdout)["inserted"] == 1  # the import itself ran and wrote
