"""Hostile and broken files (issue 6, item 1), through the CLI and the Import page's path alike.

Each file must get exactly one clear line in the user's language within seconds — exit code 1 and no
traceback from ``python -m liveroi import`` run as a real process under an address-space limit, an
:class:`ImportFileError` from :func:`preview_file` — and leave every table of a database that already
holds data exactly as it was. The zip bombs are real deflate streams (a 4 GiB sheet in ~4 MB), written
without ever holding or writing the expanded bytes.
"""

from __future__ import annotations

import io
import os
import random
import resource
import shutil
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from liveroi import db
from liveroi.i18n import t
from liveroi.importer import ImportFileError, import_files, limits, preview_file, readers
from tests.messy_files import SESSION_HEADERS_ZH, csv_bytes, session_row, xlsx_bytes

ADDRESS_SPACE_LIMIT = 2 * 2**30  # the CLI runs under this RLIMIT_AS: a file that balloons memory dies
CPU_SECONDS = 10.0  # generous: each case takes well under a second of CPU (the bound is on CPU time, so
WALL_SECONDS = 60.0  # a loaded 2-core CI machine does not fail it; wall time only catches a hang)

HEADER = list(SESSION_HEADERS_ZH)
GOOD_ROWS = [session_row(str(i), "甲", f"2026-01-0{i} 10:00") for i in range(1, 4)]
MIB = 2**20


# --- zip bombs: deflate blocks made once, repeated, in a hand-written ZIP64 archive ------------------


def _deflate_repeat(chunk: bytes, repeats: int) -> bytes:
    """A raw deflate stream expanding to ``chunk * repeats``: one block made with a full flush (so it
    needs no history) repeated, then an empty final block."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * repeats + compressor.flush(zlib.Z_FINISH)


def _crc_repeat(chunk: bytes, repeats: int) -> int:
    crc = 0
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    return crc


def _zip_headers(
    name: bytes, method: int, crc: int, csize: int, usize: int, offset: int
) -> tuple[bytes, bytes]:
    """The local and central directory headers of one member (ZIP64 sizes when they need it)."""
    zip64 = max(csize, usize) >= 0xFFFFFFFF
    extra = struct.pack("<HHQQ", 1, 16, usize, csize) if zip64 else b""
    c32, u32 = (0xFFFFFFFF, 0xFFFFFFFF) if zip64 else (csize, usize)
    version = 45 if zip64 else 20
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, version, 0, method, 0, 0x21, crc, c32, u32, len(name), len(extra)
    )
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50,
        version,
        version,
        0,
        method,
        0,
        0x21,
        crc,
        c32,
        u32,
        len(name),
        len(extra),
        0,
        0,
        0,
        0,
        offset,
    )
    return local + name + extra, central + name + extra


def zip_bomb(path: Path, sheet_mib: int, declared_mib: int | None = None) -> int:
    """Write an XLSX-shaped archive whose sheet XML expands to ``sheet_mib`` MiB (declaring
    ``declared_mib`` MiB when given: a bomb that lies); returns the declared uncompressed total."""
    cell = b"<c><v>00</v></c>"  # 16 bytes: 1 MiB is exactly 65,536 cells
    chunk = cell * (MIB // len(cell))
    small = {
        b"[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
        b"xl/workbook.xml": b'<?xml version="1.0"?><workbook><sheets><sheet name="s"/></sheets></workbook>',
    }
    members = [(name, 0, zlib.crc32(data), data, len(data)) for name, data in small.items()]
    sheet = _deflate_repeat(chunk, sheet_mib)
    declared = (declared_mib or sheet_mib) * MIB
    members.append((b"xl/worksheets/sheet1.xml", 8, _crc_repeat(chunk, sheet_mib), sheet, declared))
    body, directory = b"", b""
    for name, method, crc, data, usize in members:
        local, central = _zip_headers(name, method, crc, len(data), usize, len(body))
        body += local + data
        directory += central
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(body), 0)
    path.write_bytes(body + directory + end)
    return sum(m[4] for m in members)


# --- the cases -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    file_name: str
    build: Callable[[Path], dict]  # writes the file, returns the message's format values
    key: str  # the message's key in liveroi/i18n/importer.py


def _write(data: bytes) -> Callable[[Path], dict]:
    def build(path: Path) -> dict:
        path.write_bytes(data)
        return {}

    return build


def _random_bytes(path: Path) -> dict:
    path.write_bytes(random.Random(6).randbytes(200_000))
    return {}


def _columns(path: Path) -> dict:
    extra = [f"x{i}" for i in range(5000 - len(HEADER))]
    rows = [row + [""] * len(extra) for row in GOOD_ROWS]
    path.write_bytes(csv_bytes(HEADER + extra, rows))
    return {"count": 5000, "limit": limits.MAX_COLUMNS}


def _columns_xlsx(path: Path) -> dict:
    extra = [f"x{i}" for i in range(5000 - len(HEADER))]
    path.write_bytes(xlsx_bytes({"s": [HEADER + extra, GOOD_ROWS[0]]}))
    return {"count": 5000, "limit": limits.MAX_COLUMNS}


def _bomb(sheet_mib: int) -> Callable[[Path], dict]:
    def build(path: Path) -> dict:
        total = zip_bomb(path, sheet_mib)
        assert path.stat().st_size < 10 * MIB  # a few MB on disk for gigabytes expanded
        return {"size": total // MIB, "limit": limits.MAX_XLSX_UNCOMPRESSED_BYTES // MIB}

    return build


def _ratio_bomb(path: Path) -> dict:
    zip_bomb(path, 300)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    return {"ratio": int(sheet.file_size / sheet.compress_size), "limit": limits.MAX_XLSX_COMPRESSION_RATIO}


def _lying_bomb(path: Path) -> dict:
    """4 GiB of deflate declared as 1 MiB: passes the size checks, and must still not inflate."""
    zip_bomb(path, 4096, declared_mib=1)
    return {}


def _huge_cell(path: Path) -> dict:
    row = [*GOOD_ROWS[0][:-1], "班" * (10 * MIB // 3)]  # a 10 MB cell in UTF-8
    path.write_bytes(csv_bytes(HEADER, [GOOD_ROWS[1], row]))
    return {"limit": limits.MAX_LINE_BYTES}


def _mixed(first: str, second: str) -> Callable[[Path], dict]:
    def build(path: Path) -> dict:
        top = csv_bytes(HEADER, GOOD_ROWS[:1], encoding=first)
        rest = csv_bytes(HEADER, [session_row("9", "乙账号名称", "2026-01-09 10:00")], encoding=second)
        path.write_bytes(top + rest.split(b"\r\n", 1)[1])  # the second part without its header
        return {}

    return build


def _nul(path: Path) -> dict:
    rows = GOOD_ROWS * 10_000  # the NUL sits far beyond the sample read to find the header
    path.write_bytes(csv_bytes(HEADER, rows) + "4,甲\x00\x00,2026-01-04 10:00\r\n".encode())
    assert path.stat().st_size > limits.HEAD_SAMPLE_BYTES * 4
    return {}


def _quoted_lines(path: Path) -> dict:
    cell = ("班" * 1000 + "\n") * 3500  # 10 MB in one quoted cell of short physical lines
    path.write_bytes(csv_bytes(HEADER, [GOOD_ROWS[1], [*GOOD_ROWS[0][:-1], cell]]))
    return {"limit": limits.MAX_LINE_BYTES}


def _billion_laughs(path: Path) -> dict:
    """An XLSX whose sheet XML defines nested entities expanding to ~3 GB (tiny on disk)."""
    good = xlsx_bytes({"s": [HEADER, *GOOD_ROWS]})
    entities = '<!ENTITY l0 "lololololololololololololololololololololololololololololololololol">'
    entities += "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                text = data.decode()
                head_end = text.index("?>") + 2 if text.startswith("<?xml") else 0
                text = text[:head_end] + f"<!DOCTYPE worksheet [{entities}]>" + text[head_end:]
                cell = '<row r="9"><c r="A9" t="inlineStr"><is><t>&l8;</t></is></c></row>'
                data = text.replace("</sheetData>", cell + "</sheetData>").encode()
            bomb.writestr(name, data)
    path.write_bytes(out.getvalue())
    return {}


def _long_xlsx_cell(path: Path) -> dict:
    path.write_bytes(xlsx_bytes({"s": [HEADER, [*GOOD_ROWS[0][:-1], "班" * (limits.MAX_CELL_CHARS + 1)]]}))
    return {"limit": limits.MAX_CELL_CHARS}


_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2/CFB: what Excel writes for an encrypted XLSX, and .xls

CASES: dict[str, Case] = {
    "random bytes": Case("random.csv", _random_bytes, "import.error.binary"),
    "empty": Case("empty.csv", _write(b""), "import.error.empty"),
    "header without rows": Case("header.csv", _write(csv_bytes(HEADER, [])), "import.error.no_rows"),
    "header without rows xlsx": Case(
        "header.xlsx", _write(xlsx_bytes({"s": [HEADER]})), "import.error.no_rows"
    ),
    "5000 columns": Case("wide.csv", _columns, "import.error.too_many_columns"),
    "5000 columns xlsx": Case("wide.xlsx", _columns_xlsx, "import.error.too_many_columns"),
    "truncated xlsx": Case(
        "cut.xlsx", _write(xlsx_bytes({"s": [HEADER, *GOOD_ROWS]})[:3000]), "import.error.xlsx_damaged"
    ),
    "password-protected xlsx": Case(
        "locked.xlsx", _write(_CFB + bytes(4096 - len(_CFB))), "import.error.xls_unsupported"
    ),
    "old xls": Case("old.xls", _write(_CFB + bytes(8192 - len(_CFB))), "import.error.xls_unsupported"),
    "zip bomb 4 GiB": Case("bomb.xlsx", _bomb(4096), "import.error.xlsx_too_large"),
    "zip bomb by ratio": Case("dense.xlsx", _ratio_bomb, "import.error.xlsx_ratio"),
    "zip bomb lying about its size": Case("liar.xlsx", _lying_bomb, "import.error.xlsx_damaged"),
    "10 MB cell": Case("cell.csv", _huge_cell, "import.error.line_too_long"),
    "10 MB cell of quoted lines": Case("lines.csv", _quoted_lines, "import.error.line_too_long"),
    "xlsx cell over the limit": Case("cell.xlsx", _long_xlsx_cell, "import.error.cell_too_long"),
    "billion laughs xlsx": Case("laughs.xlsx", _billion_laughs, "import.error.xlsx_damaged"),
    "utf-8 then gbk": Case("mixed1.csv", _mixed("utf-8", "gbk"), "import.error.mixed_encoding"),
    "gbk then utf-8": Case("mixed2.csv", _mixed("gbk", "utf-8"), "import.error.mixed_encoding"),
    "nul bytes": Case("nul.csv", _nul, "import.error.binary"),
}


# --- fixtures and helpers --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding three sessions and their import log, copied by each test."""
    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    source = path.parent / "good.csv"
    source.write_bytes(csv_bytes(HEADER, GOOD_ROWS))
    summary = import_files(path, [source], lang="en")
    assert summary["inserted"] == 3
    return path


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: what 'no change to the data' compares."""
    with duckdb.connect(str(path), read_only=True) as con:
        names = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY 1"
            ).fetchall()
        ]
        return {name: sorted(map(repr, con.execute(f'SELECT * FROM "{name}"').fetchall())) for name in names}


def _limit_memory(limit: int = ADDRESS_SPACE_LIMIT) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cli(
    lang: str | None, path: Path, database: Path, limit: int = ADDRESS_SPACE_LIMIT
) -> subprocess.Popen[str]:
    env = {**os.environ, db.ENV_DB: str(database), "PYTHONPATH": str(db.ROOT)}
    env.pop("LIVEROI_LANG", None)
    flags = ["--lang", lang] if lang else []
    return subprocess.Popen(
        [sys.executable, "-m", "liveroi", *flags, "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=db.ROOT,
        preexec_fn=lambda: _limit_memory(limit),
    )


# --- tests -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case_name", list(CASES))
def test_hostile_file_gets_one_line_and_changes_nothing(
    case_name: str, seeded_db: Path, tmp_path: Path
) -> None:
    case = CASES[case_name]
    database = tmp_path / "liveroi.duckdb"
    shutil.copy(seeded_db, database)
    before = snapshot(database)
    path = tmp_path / case.file_name
    values = case.build(path)

    # The CLI, as a real process with bounded memory: zh by default, en with --lang en (both at once).
    started, cpu = time.monotonic(), _children_cpu()
    runs = {lang: _cli(lang, path, database) for lang in (None, "en")}
    for lang, process in runs.items():
        out, err = process.communicate(timeout=WALL_SECONDS)
        expected = f"liveroi: {case.file_name}: {t(case.key, lang or 'zh', **values)}"
        assert (process.returncode, out, err.splitlines()) == (1, "", [expected]), err[-2000:]
        assert "Traceback" not in err
    assert _children_cpu() - cpu < 2 * CPU_SECONDS  # two processes
    assert time.monotonic() - started < WALL_SECONDS

    # The Import page's path: an upload (name, bytes), and the same file on disk.
    for source in ((case.file_name, path.read_bytes()), path):
        started, cpu = time.monotonic(), time.process_time()
        with pytest.raises(ImportFileError) as info:
            preview_file(source, lang="en")
        assert time.process_time() - cpu < CPU_SECONDS
        assert time.monotonic() - started < WALL_SECONDS
        assert info.value.file_name == case.file_name
        assert info.value.message == t(case.key, "en", **values) and "\n" not in info.value.message

    assert snapshot(database) == before


def test_the_memory_limit_lets_a_real_import_through(seeded_db: Path, tmp_path: Path) -> None:
    """The control: under the same address-space limit a good file imports, so the exits above are
    the importer refusing, not the limit killing the process."""
    database = tmp_path / "liveroi.duckdb"
    shutil.copy(seeded_db, database)
    path = tmp_path / "more.csv"
    rows = [session_row(str(i), "乙", f"2026-02-{1 + i % 28:02d} 10:00") for i in range(100, 2100)]
    path.write_bytes(csv_bytes(HEADER, rows, encoding="gbk"))
    out, err = _cli("en", path, database).communicate(timeout=60)
    assert err == ""
    assert '"inserted": 2000' in out
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM sessions").fetchone()[0] == 2003


PEAK_ADDRESS_SPACE = """
import atexit, runpy, sys
def report():
    peak = next(line for line in open("/proc/self/status") if line.startswith("VmPeak:"))
    sys.stderr.write(peak.split()[1] + "\\n")
atexit.register(report)
sys.argv = ["liveroi", "--lang", "en", "import", sys.argv[1]]
runpy.run_module("liveroi", run_name="__main__", alter_sys=True)
"""


def test_a_good_import_leaves_the_memory_limit_room(seeded_db: Path, tmp_path: Path) -> None:
    """The control above must not pass by luck: the same import, with no limit, peaks well under it.
    pyarrow's mimalloc reserves address space 1 GiB at a time unless told otherwise; this import then
    peaked at 2.09 GB of the 2 GiB limit (0.23 GB resident) and died now and then in CI."""
    database = tmp_path / "liveroi.duckdb"
    shutil.copy(seeded_db, database)
    path = tmp_path / "more.csv"
    rows = [session_row(str(i), "乙", f"2026-02-{1 + i % 28:02d} 10:00") for i in range(100, 2100)]
    path.write_bytes(csv_bytes(HEADER, rows, encoding="gbk"))
    env = {**os.environ, db.ENV_DB: str(database), "PYTHONPATH": str(db.ROOT)}
    env.pop("MIMALLOC_ARENA_RESERVE", None)
    done = subprocess.run(
        [sys.executable, "-c", PEAK_ADDRESS_SPACE, str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=db.ROOT,
        timeout=60,
        check=True,
    )
    assert '"inserted": 2000' in done.stdout
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    assert peak_kib * 1024 < ADDRESS_SPACE_LIMIT * 3 // 4, f"peak {peak_kib / 2**20:.2f} GiB"


def test_zip_bomb_is_a_genuine_stream(tmp_path: Path) -> None:
    """The bomb is what it claims: the sheet member declares 4 GiB and really inflates to the pattern."""
    path = tmp_path / "bomb.xlsx"
    total = zip_bomb(path, 4096)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
        assert sheet.file_size == 4096 * MIB and sum(m.file_size for m in archive.infolist()) == total
        assert sheet.file_size / sheet.compress_size > limits.MAX_XLSX_COMPRESSION_RATIO
        with archive.open(sheet) as member:
            start = member.read(3 * MIB)
    assert start == b"<c><v>00</v></c>" * (3 * MIB // 16)


def test_a_gbk_export_full_of_chinese_is_not_taken_for_mixed_encodings(tmp_path: Path) -> None:
    """The mixed-encoding check must not fire on real GBK text: 3 MB of random GB2312 characters (any
    byte pairs UTF-8 could also read are there by chance) read as one GB18030 file."""
    rng = random.Random(7)
    chars = [
        bytes([a, b]).decode("gbk")
        for a in range(0xB0, 0xF8)
        for b in range(0xA1, 0xFF)
        if not (a == 0xD7 and b > 0xF9)  # D7FA–D7FE are unassigned
    ]
    rows = [
        [str(i), "".join(rng.choices(chars, k=8)), "2026-01-01 10:00", "".join(rng.choices(chars, k=30))]
        for i in range(30_000)
    ]
    path = tmp_path / "gbk.csv"
    path.write_bytes(csv_bytes(["直播ID", "账号", "开播时间", "班次"], rows, encoding="gbk"))
    assert path.stat().st_size > 2 * MIB
    source = readers.open_source(path, "en")
    assert source.encoding == "gb18030"


def _documented(name: str, value: int) -> str:
    """How the docs write a limit: bytes in GiB/MiB, a ratio with ×, a count with thousands commas."""
    if name.endswith("_BYTES"):
        return f"{value // 2**30} GiB" if value % 2**30 == 0 else f"{value // 2**20} MiB"
    if name.endswith("_RATIO"):
        return f"{value}×"
    return f"{value:,}"


def test_documented_limits_match_limits_py() -> None:
    """Every MAX_* limit is in SECURITY.md's table with its current value, and wherever README.md or
    SECURITY.md name a limit, the line gives its current value."""
    names = [name for name in dir(limits) if name.startswith("MAX_")]
    security = (db.ROOT / "SECURITY.md").read_text(encoding="utf-8")
    for name in names:
        assert f"`{name}`" in security, name
    for doc in ("README.md", "SECURITY.md"):
        for line in (db.ROOT / doc).read_text(encoding="utf-8").splitlines():
            for name in names:
                if f"`{name}`" in line:
                    assert _documented(name, getattr(limits, name)) in line, (doc, line)


def _stored_ids(db_path: Path) -> set[str]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return {r[0] for r in con.execute("SELECT session_id FROM sessions").fetchall()}


def _wide_late_rows() -> list[list[object]]:
    rows = [session_row(str(i), "甲", "2026-01-01 10:00") for i in range(1, 51)]
    return [
        *rows,
        [*session_row("99", "甲", "2026-01-02 10:00"), *[f"x{i}" for i in range(5000 - len(HEADER))]],
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_wide_row_below_the_header_sample_is_rejected_not_cut(db_path: Path, fmt: str) -> None:
    """The column limit is checked on the first rows; a 5,000-cell row 50 lines down must not import as
    if it had the header's 23 cells (its values are misaligned): it is rejected, with its first cell past
    the header as the value and the row kept, and every other row imports. (An XLSX sheet's declared
    width grows with that row; the layout still comes from the cells of the first rows.)"""
    name = f"wide_late.{fmt}"
    rows = _wide_late_rows()
    data = csv_bytes(HEADER, rows) if fmt == "csv" else xlsx_bytes({"场次": [HEADER, *rows]})
    summary = import_files(db_path, [(name, data)], lang="en")
    assert summary["inserted"] == 50
    [reject] = summary["rejected"]
    assert (reject["file"], reject["row"], reject["value"]) == (name, 52, "x0")
    assert reject["reason"] == t("reject.too_many_cells", "en")
    assert reject["column"] == t("import.column.beyond_header", "en")
    assert "99" not in _stored_ids(db_path) and "50" in _stored_ids(db_path)
    with duckdb.connect(str(db_path), read_only=True) as con:
        kept = con.execute("SELECT raw_row FROM rejected_rows WHERE row_number = 52").fetchone()
    assert kept is not None and '"x0"' in kept[0] and '"99"' in kept[0]


def test_one_extra_cell_rejects_the_row_but_trailing_empty_cells_do_not(db_path: Path) -> None:
    """A single shifted cell is enough to reject a row; an empty cell past the header (a trailing
    delimiter, common in hand-edited exports) carries no value and is not an error."""
    shifted = [*session_row("2", "甲", "2026-01-02 10:00"), "晚班"]
    trailing = [*session_row("3", "甲", "2026-01-03 10:00"), "", ""]
    data = csv_bytes(HEADER, [session_row("1", "甲", "2026-01-01 10:00"), shifted, trailing])
    summary = import_files(db_path, [("shifted.csv", data)], lang="zh")
    assert [(r["row"], r["reason"]) for r in summary["rejected"]] == [(3, t("reject.too_many_cells", "zh"))]
    assert _stored_ids(db_path) == {"1", "3"}


def test_an_ad_report_row_with_extra_cells_is_rejected(db_path: Path) -> None:
    header = ["日期", "账号", "推广渠道", "计划名称", "消耗(元)"]
    rows = [
        ["2026-01-01", "甲", "小店通", "计划A", "100"],
        ["2026-01-02", "甲", "小店通", "计划A", "200", "9"],
    ]
    summary = import_files(db_path, [("ads.csv", csv_bytes(header, rows))], lang="en")
    assert [(r["row"], r["value"]) for r in summary["rejected"]] == [(3, "9")]
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("SELECT sum(spend) FROM ad_spend").fetchone() == (100.0,)


@pytest.mark.parametrize("chunk_size", [1, 7, 64, 10_000])
def test_line_lengths_carry_across_chunks(chunk_size: int) -> None:
    """The hashing pass measures lines chunk by chunk; any chunking gives the longest line."""
    rng = random.Random(chunk_size)
    lines = [bytes(rng.randrange(32, 127) for _ in range(rng.randrange(0, 300))) for _ in range(40)]
    data = b"\r\n".join(lines[:20]) + b"\n" + b"\r".join(lines[20:])
    longest = carry = 0
    for start in range(0, len(data), chunk_size):
        longest, carry = readers._line_lengths(data[start : start + chunk_size], longest, carry)
    assert max(longest, carry) == max(len(line) for line in lines)


def _python_says_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize("seed", range(4))
def test_the_utf8_check_agrees_with_pythons_decoder_whatever_the_chunks(seed: int) -> None:
    """The hashing pass checks UTF-8 chunk by chunk without decoding (readers._Utf8Validator): on byte
    strings built from characters, lone lead and continuation bytes, overlong forms, surrogates and
    bytes past U+10FFFF, cut anywhere, it says exactly what Python's strict decoder says of the whole."""
    rng = random.Random(seed)
    pieces = [
        b"a",
        b",",
        "中".encode(),
        "é".encode(),
        "😀".encode(),
        b"\xe4",
        b"\xb8",
        b"\x80",
        b"\xc3",
        b"\xc0\x80",
        b"\xe0\x80\x80",
        b"\xed\xa0\x80",
        b"\xf4\x90\x80\x80",
        b"\xf5",
        b"\xff",
        b"\xf0\x9f",
    ]
    verdicts = set()
    for _ in range(3000):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        cuts = sorted(rng.randrange(0, len(data) + 1) for _ in range(rng.randrange(0, 4)))
        check, start, valid = readers._Utf8Validator(), 0, True
        for end in [*cuts, len(data)]:
            valid = valid and check.feed(data[start:end])
            start = end
        valid = valid and check.finish()
        expected = _python_says_utf8(data)
        assert valid == expected, (data, cuts)
        verdicts.add(expected)
    assert verdicts == {True, False}  # both answers were exercised
