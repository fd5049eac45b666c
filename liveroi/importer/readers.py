"""Reading files: from bytes on disk or an upload to a raw text table in DuckDB.

Every cell is read as text (``VARCHAR``), so a 19-digit room id never passes through a float — the *text
reading* (:func:`load_raw`). A CSV is read by DuckDB's own ``read_csv`` (parallel, vectorised); an XLSX by
openpyxl, cell by cell (an int-valued float becomes its integer text, a date its ISO text), into a
DataFrame of strings. Either way the result is the temporary table ``import_raw`` whose columns are the
canonical names of :func:`liveroi.importer.headers.plan_columns` (unused columns are ``_colN``).

A CSV session list is first tried with the *typed reading* (:func:`load_raw_typed`): ``read_csv`` itself
types the number columns (DOUBLE) and the start/end times (TIMESTAMP, in :data:`TYPED_TIMESTAMP_FORMAT`
only), every other column stays text. A clean export — liveroi's own, most back-ends' CSVs without a
合计 row — then skips the text pipeline's cleaning and casting of every cell (queries/import/reading_typed.sql
says what is left). A cell the typed reader cannot take (``1,234``, ``1.2万``, ``¥12``, ``-``, 暂无, a
summary row's text in a number column, another time format) makes the whole read fail, and the file is
read as text instead; :func:`liveroi.importer.validate.stage_file` also falls back to the text reading when
a typed file has a row to reject or repeated rows, so every rejection is quoted from the text.

Encodings (CSV): a UTF-8 BOM → UTF-8; bytes that decode as UTF-8 → UTF-8; anything else → GB18030
(a superset of GBK and GB2312, what Kuaishou/Douyin back-ends hand out to Excel users).
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import hashlib
import io
import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import duckdb
import numpy as np
import pandas as pd

from liveroi import db
from liveroi.importer import headers, layouts, limits
from liveroi.importer import workbook as session_workbook
from liveroi.importer.errors import ImportFileError

ImportSource = Path | tuple[str, bytes]

_CHUNK = 8 * 1024 * 1024
_DELIMITERS = (",", "\t", ";", "|")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls, and every password-protected Office file
_BOM = codecs.BOM_UTF8


@dataclass(frozen=True)
class SourceFile:
    """A file checked for size and format, hashed, its encoding known; not parsed yet."""

    name: str
    path: Path | None  # the file on disk, or None for an upload (then ``data`` holds the bytes)
    data: bytes | None
    size: int
    content_hash: str
    fmt: str  # 'csv' | 'xlsx'
    encoding: str  # for CSV: 'utf-8' or 'gb18030'; '' for XLSX
    head: bytes  # the first HEAD_SAMPLE_BYTES


@dataclass(frozen=True)
class Layout:
    """Where the data sits in a file: the sheet, the header row, what each column means, and which
    named layout (:mod:`liveroi.importer.layouts`) the file was read as."""

    kind: str  # 'sessions' | 'ad_spend' | 'snapshots' | 'timeline'
    header_row: int  # 1-based, as Excel shows it
    columns: list[headers.Column]
    sheet: str | None = None
    delimiter: str = ","
    skip_lines: int = 0  # physical CSV lines up to and including the header
    name: str = layouts.GENERIC_SESSIONS.name

    @property
    def named(self) -> layouts.NamedLayout:
        """The registry entry of this layout."""
        return layouts.get(self.name)

    def spend_params(self) -> dict[str, list] | None:
        """The SQL parameters of the columns mapped to a channel's spend (``spend_<channel>``):
        ``spend_columns`` and their ``spend_scales``; None when the layout maps none."""
        spend = [c for c in self.columns if c.canonical and c.canonical.startswith(headers.SPEND_PREFIX)]
        if not spend:
            return None
        return {"spend_columns": [c.canonical for c in spend], "spend_scales": [c.scale for c in spend]}


def source_name(source: ImportSource) -> str:
    """The file name a user would recognise."""
    return source[0] if isinstance(source, tuple) else Path(source).name


def _chunks(source: ImportSource) -> Iterator[bytes]:
    if isinstance(source, tuple):
        view = memoryview(source[1])
        for start in range(0, len(view), _CHUNK):
            yield bytes(view[start : start + _CHUNK])
    else:
        with open(source, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                yield chunk


def open_source(source: ImportSource, lang: str) -> SourceFile:
    """Check what is cheap before parsing — existence, size, format, XLSX member sizes — then hash the
    bytes and settle a CSV's encoding, streaming (the file is never held twice in memory)."""
    name = source_name(source)
    if isinstance(source, tuple):
        size = len(source[1])
    else:
        path = Path(source)
        if not path.is_file():
            raise ImportFileError.from_key(name, "import.error.not_found", lang)
        size = path.stat().st_size
    if size == 0:
        raise ImportFileError.from_key(name, "import.error.empty", lang)
    if size > limits.MAX_FILE_BYTES:
        raise ImportFileError.from_key(
            name, "import.error.too_large", lang, size=size // 2**20, limit=limits.MAX_FILE_BYTES // 2**20
        )
    digest = hashlib.sha256()
    decoder = _Utf8Validator()
    utf8 = True
    utf8_text = False  # UTF-8 beyond ASCII seen: mixed encodings if some other part is not UTF-8
    nul = False
    longest = carry = 0  # the longest line so far, the length of the line still open
    head = b""
    try:
        for chunk in _chunks(source):
            digest.update(chunk)
            if len(head) < limits.HEAD_SAMPLE_BYTES:
                head += chunk[: limits.HEAD_SAMPLE_BYTES - len(head)]
            nul = nul or b"\x00" in chunk
            longest, carry = _line_lengths(chunk, longest, carry)
            if utf8:
                utf8 = decoder.feed(chunk)  # every chunk: the validator carries split characters
                utf8_text = utf8_text or (utf8 and not chunk.isascii())
            if not utf8 and not utf8_text and not head.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
                utf8_text = _has_utf8_run(chunk)
        if utf8:
            utf8 = decoder.finish()
    except OSError as exc:
        raise ImportFileError.from_key(name, "import.error.unreadable", lang, detail=exc.strerror) from exc
    if head.startswith(_ZIP_MAGIC):
        fmt, encoding = "xlsx", ""
    elif head.startswith(_OLE_MAGIC):
        raise ImportFileError.from_key(name, "import.error.xls_unsupported", lang)
    else:
        fmt = "csv"
        encoding = "utf-8" if head.startswith(_BOM) or utf8 else "gb18030"
        if nul:  # anywhere in the file, not only the head: a NUL is never in a text export
            raise ImportFileError.from_key(name, "import.error.binary", lang)
        if not utf8 and utf8_text:  # decoding it either way would garble part of it, silently
            raise ImportFileError.from_key(name, "import.error.mixed_encoding", lang)
        if max(longest, carry) > limits.MAX_LINE_BYTES:  # e.g. a 10 MB cell: refused before parsing
            raise ImportFileError.from_key(
                name, "import.error.line_too_long", lang, limit=limits.MAX_LINE_BYTES
            )
    path_value = None if isinstance(source, tuple) else Path(source)
    data = source[1] if isinstance(source, tuple) else None
    result = SourceFile(name, path_value, data, size, digest.hexdigest(), fmt, encoding, head)
    if fmt == "xlsx":
        _check_zip(result, lang)
    return result


class _Utf8Validator:
    """Whether a stream of chunks is valid UTF-8, as Python's strict decoder decides, without decoding it:
    Arrow's validator (SIMD) checks each chunk in place — ~10x faster than building the text, which was
    a second of a 400 MB import. A character split across two chunks is carried into the next one."""

    def __init__(self) -> None:
        self._carry = b""

    @staticmethod
    def _complete(data: bytes) -> int:
        """The length of ``data`` without a trailing character that is not complete yet."""
        n = len(data)
        for back in range(1, min(4, n) + 1):
            byte = data[n - back]
            if byte & 0xC0 == 0x80:  # a continuation byte: its lead byte is further back
                continue
            if byte < 0x80:
                return n
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return n - back if needed > back else n
        return n

    def feed(self, chunk: bytes) -> bool:
        """Check the next chunk; False once the stream is not UTF-8."""
        import pyarrow as pa

        data = self._carry + chunk if self._carry else chunk
        cut = self._complete(data)
        self._carry = data[cut:]
        whole = data[:cut] if cut < len(data) else data
        if not whole:
            return True
        offsets = pa.py_buffer(np.array([0, len(whole)], dtype=np.int32).tobytes())
        array = pa.Array.from_buffers(pa.binary(), 1, [None, offsets, pa.py_buffer(whole)])
        try:
            array.cast(pa.string())  # validates the bytes; the result is not used
        except pa.ArrowInvalid:
            return False
        return True

    def finish(self) -> bool:
        """False when the stream ended inside a character."""
        return not self._carry


def _line_lengths(chunk: bytes, longest: int, carry: int) -> tuple[int, int]:
    """``(longest, carry)`` after ``chunk``: the longest line in bytes seen so far and the length of
    the line still open at the chunk's end (vectorised: the positions of the line breaks, found among the
    few bytes <= 0x0D first — one comparison over the chunk instead of two)."""
    data = np.frombuffer(chunk, dtype=np.uint8)
    low = np.flatnonzero(data <= 0x0D)
    ends = low[(data[low] == 0x0A) | (data[low] == 0x0D)]  # LF, CRLF, or an old Mac export's CR
    if not len(ends):
        return longest, carry + len(chunk)
    inner = int(np.diff(ends).max()) - 1 if len(ends) > 1 else 0
    return max(longest, carry + int(ends[0]), inner), len(chunk) - int(ends[-1]) - 1


def _has_utf8_run(chunk: bytes) -> bool:
    """True when ``chunk`` holds ``limits.UTF8_RUN_CHARS`` consecutive 3-byte UTF-8 CJK characters
    (lead byte E4–E9), which GB18030 text practically never forms (none in 30 MB of random GB2312 text)."""
    data = np.frombuffer(chunk, dtype=np.uint8)
    run = limits.UTF8_RUN_CHARS
    if len(data) < 3 * run:
        return False
    # Candidates first (a lead byte), then narrowed character by character: ~3x cheaper on GB18030 text
    # than masking the whole chunk for every character (0.03 s per 20 MB).
    starts = np.flatnonzero(data[: len(data) - 3 * run + 1] - np.uint8(0xE4) < 6)
    for k in range(run):
        at = starts + 3 * k
        lead = data[at] - np.uint8(0xE4) < 6
        starts = starts[lead & (data[at + 1] & 0xC0 == 0x80) & (data[at + 2] & 0xC0 == 0x80)]
        if not len(starts):
            return False
    return True


def _zip_handle(src: SourceFile):
    return io.BytesIO(src.data) if src.data is not None else open(src.path, "rb")


def _check_zip(src: SourceFile, lang: str) -> None:
    try:
        with _zip_handle(src) as handle, zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError.from_key(src.name, "import.error.xlsx_damaged", lang) from exc
    # Declared sizes are enough: zipfile never inflates a member past its declared size (a member
    # that lies about it fails its CRC or its XML), so this bounds what parsing can expand to.
    total = sum(m.file_size for m in members)
    if total > limits.MAX_XLSX_UNCOMPRESSED_BYTES:
        raise ImportFileError.from_key(
            src.name,
            "import.error.xlsx_too_large",
            lang,
            size=total // 2**20,
            limit=limits.MAX_XLSX_UNCOMPRESSED_BYTES // 2**20,
        )
    ratio = max(
        (m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 1024 * 1024), default=0
    )
    if ratio > limits.MAX_XLSX_COMPRESSION_RATIO:
        raise ImportFileError.from_key(
            src.name,
            "import.error.xlsx_ratio",
            lang,
            ratio=int(ratio),
            limit=limits.MAX_XLSX_COMPRESSION_RATIO,
        )


# --- layout: header row, kind, column meanings ---------------------------------------------------


def _find_header(rows: list[list[str]]) -> tuple[int, layouts.NamedLayout] | None:
    """The header row among the first rows and the layout it names: the first row that is a named
    layout's header, else the row naming most known columns if it is a generic session or ad header."""
    for index, row in enumerate(rows[: limits.HEADER_SCAN_ROWS]):
        named = layouts.recognise(row)
        if named is not None and named not in layouts.GENERIC:
            return index, named
    from liveroi.importer import timeline  # (it reads files through this module)

    found = timeline.layout_from_rows(rows)  # a timeline (one row per time bucket) before the generic ones
    if found is not None:
        return found[0], layouts.GENERIC_TIMELINE
    index = headers.find_header_row(rows)
    if index is None:
        return None
    named = layouts.recognise(rows[index])
    return None if named is None else (index, named)


def _layout_from_rows(
    src: SourceFile, rows: list[list[str]], lang: str, *, sheet: str | None = None
) -> Layout | None:
    found = _find_header(rows)
    if found is None:
        return None
    index, named = found
    header = rows[index]
    _check_width(src, rows, index, lang)
    named_width = len(header)
    while named_width and not str(header[named_width - 1]).strip():
        named_width -= 1  # a trailing delimiter; a row's cells past the last named column reject the row
    if named.kind == layouts.TIMELINE:
        from liveroi.importer import timeline

        columns = timeline.plan_columns(list(header[:named_width]))
    else:
        columns = headers.plan_columns(list(header[:named_width]), named.kind, named.aliases)
    return Layout(named.kind, index + 1, columns, sheet=sheet, name=named.name)


def _unrecognised(src: SourceFile, rows: list[list[str]], lang: str) -> ImportFileError:
    """The one-line refusal of a file that is no session list, spend report or snapshot file."""
    return ImportFileError.from_key(
        src.name,
        "import.error.no_header",
        lang,
        rows=limits.HEADER_SCAN_ROWS,
        min=limits.HEADER_MIN_MATCHES,
        found=layouts.describe_unrecognised(rows) or "—",
    )


def _check_width(src: SourceFile, rows: list[list[str]], index: int, lang: str) -> None:
    width = max([len(rows[index]), *(len(r) for r in rows[index + 1 :])])
    if width > limits.MAX_COLUMNS:
        raise ImportFileError.from_key(
            src.name, "import.error.too_many_columns", lang, count=width, limit=limits.MAX_COLUMNS
        )


def detect_layout(src: SourceFile, lang: str, sheet: str | None = None) -> Layout:
    """Find the header row (the row naming most known columns among the first rows) and the kind."""
    if src.fmt == "xlsx":
        return _xlsx_layout(src, lang, sheet)
    text = src.head.decode(src.encoding, errors="replace").lstrip("\ufeff")
    if len(src.head) < src.size and "\n" in text:
        text = text[: text.rindex("\n") + 1]  # drop a line cut in the middle by the sample
    best: tuple[tuple[bool, int], Layout] | None = None
    first_rows: list[list[str]] | None = None  # as the comma reads them: what a refusal quotes
    for delimiter in _DELIMITERS:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        rows: list[list[str]] = []
        line_numbers: list[int] = []
        try:
            for row in reader:
                rows.append(row)
                line_numbers.append(reader.line_num)
                if len(rows) >= limits.HEADER_SCAN_ROWS:
                    break
        except csv.Error:
            continue
        if delimiter == ",":
            first_rows = rows
        layout = _layout_from_rows(src, rows, lang)
        if layout is None:
            continue
        found = (layout.name not in _GENERIC, headers.score(rows[layout.header_row - 1]))
        if best is None or found > best[0]:
            skip = line_numbers[layout.header_row - 1]
            best = (found, dataclasses.replace(layout, delimiter=delimiter, skip_lines=skip))
    if best is None:
        raise _unrecognised(src, first_rows or [], lang)
    return best[1]


_GENERIC = tuple(x.name for x in layouts.GENERIC)


# --- raw table -------------------------------------------------------------------------------------


#: The column of ``import_raw`` past the header's width: the first cell of a row that has more cells
#: than the header names columns. Such a row is misaligned (an unquoted delimiter, a pasted block) and is
#: rejected (``reject.too_many_cells``) instead of being cut to the header's width.
BEYOND_HEADER = "_beyond_header"


def raw_names(layout: Layout) -> list[str]:
    """Column names of ``import_raw``, in file order: one per header column (canonical where mapped,
    ``_colN`` otherwise; all distinct), then :data:`BEYOND_HEADER`."""
    return [*(c.canonical or f"_col{c.position}" for c in layout.columns), BEYOND_HEADER]


@contextmanager
def _utf8_csv_on_disk(src: SourceFile, lang: str) -> Iterator[Path]:
    """The CSV as a UTF-8 file DuckDB can read: the file itself when it is on disk and UTF-8, else a
    temporary copy (an upload; a GB18030 file transcoded chunk by chunk, so memory stays flat).

    GB18030 is decoded here rather than by DuckDB's encodings extension: Python's codec is fast
    (~0.2 s for 40 MB), saves loading the extension, and the extension (duckdb 1.5) garbles a character
    split across its read buffers, failing whole files that are perfectly valid."""
    if src.path is not None and src.encoding == "utf-8":
        yield src.path
        return
    handle, name = tempfile.mkstemp(prefix="liveroi-import-", suffix=".csv")
    try:
        with os.fdopen(handle, "wb") as out:
            if src.encoding == "utf-8":
                out.write(src.data or b"")
            else:
                transcode(src, out, lang)
        yield Path(name)
    finally:
        os.unlink(name)


@contextmanager
def utf8_on_disk(src: SourceFile, lang: str) -> Iterator[SourceFile]:
    """``src`` as a file DuckDB reads without transcoding: itself (an XLSX, a UTF-8 CSV on disk), or a
    temporary UTF-8 copy of an upload or a GB18030 CSV under the same name and hash, so that a typed read
    and the text read after it transcode the file once. Raises :class:`ImportFileError` when the bytes are
    not valid in the file's encoding."""
    if src.fmt != "csv" or (src.path is not None and src.encoding == "utf-8"):
        yield src
        return
    with _utf8_csv_on_disk(src, lang) as path:
        yield dataclasses.replace(src, path=path, data=None, encoding="utf-8")


def transcode(src: SourceFile, out: BinaryIO, lang: str) -> None:
    """Write the CSV ``src`` (in ``src.encoding``) to ``out`` as UTF-8, chunk by chunk. Raises
    :class:`ImportFileError` when the bytes are not valid in that encoding."""
    decoder = codecs.getincrementaldecoder(src.encoding)()
    try:
        for chunk in _chunks(src.path if src.path is not None else (src.name, src.data or b"")):
            out.write(decoder.decode(chunk).encode("utf-8"))
        out.write(decoder.decode(b"", final=True).encode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ImportFileError.from_key(
            src.name, "import.error.unreadable", lang, detail=f"not {src.encoding} ({exc.reason})"
        ) from exc


#: The two readings of a file (:func:`load_raw`, :func:`load_raw_typed`); part of a row's hash
#: (:func:`liveroi.importer.validate.layout_key`), and the SQL that turns its cells into values is
#: ``queries/import/reading_<reading>.sql``.
TEXT = "text"
TYPED = "typed"
#: False forces the text reading for every file: the tests and the benchmark compare the two readings.
TYPED_READING = True
#: The one time format the typed reading accepts, exactly what the text reading's plain cast of a
#: ``YYYY-MM-DD HH:MM:SS`` cell gives (any other form of a time fails the typed read).
TYPED_TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"
_TYPED_TEXT_FIELDS = ("session_id", "account", "shift", "anchor_id")
_TYPED_TIME_FIELDS = ("started_at", "ended_at")


def typed_columns(src: SourceFile, layout: Layout) -> dict[str, str] | None:
    """The column types of a typed reading of ``src`` (:func:`load_raw_typed`), or None when the file is
    only read as text: an XLSX, or another kind than a session list (a snapshot file rewrites its times as
    text, an ad report is parsed by its own SQL). Numbers (the session figures, spend_<channel>) are
    DOUBLE — counts too, so ``20138.0`` is rounded as the text reading rounds it — the start and end
    TIMESTAMP, the ids, account, shift, anchor, extras (x_<field>), unused columns and
    :data:`BEYOND_HEADER` text (the same list is cast in queries/import/reading_typed.sql)."""
    if not TYPED_READING or src.fmt != "csv" or layout.kind != layouts.SESSIONS:
        return None
    numbers = set(headers.STORED_SESSION_FIELDS) - set(_TYPED_TEXT_FIELDS) - set(_TYPED_TIME_FIELDS)
    types = {}
    for name in raw_names(layout):
        if name in _TYPED_TIME_FIELDS:
            types[name] = "TIMESTAMP"
        elif name in numbers or name.startswith(headers.SPEND_PREFIX):
            types[name] = "DOUBLE"
        else:
            types[name] = "VARCHAR"
    return types


def load_raw_typed(con: duckdb.DuckDBPyConnection, src: SourceFile, layout: Layout, lang: str) -> int | None:
    """Read the data rows below the header into ``import_raw`` with the types of :func:`typed_columns`.

    Returns the number of rows read, or None when the file is not read this way: not a CSV session list,
    or a cell the typed reader cannot take (then nothing is left behind; read it with :func:`load_raw`).
    A failed attempt costs at most one read of the file: DuckDB stops at the first cell it cannot convert
    (cheaper than ``store_rejects``, which reads on to the end and still leaves the file to read again)."""
    columns = typed_columns(src, layout)
    if columns is None:
        return None
    params = _csv_params(layout, columns)
    with _utf8_csv_on_disk(src, lang) as path:
        params["path"] = str(path)
        try:
            db.execute(con, "import/raw_from_csv", params)
        except (duckdb.Error, UnicodeDecodeError):
            return None
    return _raw_count(con, src, lang)


def _csv_params(layout: Layout, columns: dict[str, str]) -> dict:
    return {
        "path": "",
        "skip": layout.skip_lines,
        "delimiter": layout.delimiter,
        "columns": columns,
        "max_line_size": limits.MAX_LINE_BYTES,
        "encoding": "utf-8",
        "parallel": True,
        "timestampformat": TYPED_TIMESTAMP_FORMAT,
    }


def load_raw(con: duckdb.DuckDBPyConnection, src: SourceFile, layout: Layout, lang: str) -> int:
    """Read the data rows below the header into the temporary table ``import_raw``, all text.

    Returns the number of rows read. Raises :class:`ImportFileError` when the file cannot be read.
    """
    if src.fmt == "xlsx":
        frame = (
            _workbook_frame(src, layout, lang)
            if layout.name == session_workbook.NAME
            else _xlsx_frame(src, layout, lang)
        )
        con.register("import_frame", frame)
        try:
            db.execute(con, "import/raw_from_frame")
        finally:
            con.unregister("import_frame")
    else:
        params = _csv_params(layout, {name: "VARCHAR" for name in raw_names(layout)})
        with _utf8_csv_on_disk(src, lang) as path:
            params["path"] = str(path)
            try:
                try:
                    db.execute(con, "import/raw_from_csv", params)
                except duckdb.Error as exc:
                    if "parallel" not in str(exc):
                        raise
                    params["parallel"] = False  # quoted line breaks need the serial reader
                    db.execute(con, "import/raw_from_csv", params)
            except duckdb.Error as exc:
                raise _csv_error(src, exc, lang) from exc
            except UnicodeDecodeError as exc:  # DuckDB's message quoted a line cut inside a character
                message = bytes(exc.object).decode("utf-8", errors="replace")
                raise _csv_error(src, duckdb.Error(message), lang) from exc
    return _raw_count(con, src, lang)


def _raw_count(con: duckdb.DuckDBPyConnection, src: SourceFile, lang: str) -> int:
    row = db.execute(con, "import/raw_count").fetchone()
    count = int(row[0]) if row else 0
    if count > limits.MAX_ROWS:
        raise ImportFileError.from_key(src.name, "import.error.too_many_rows", lang, limit=limits.MAX_ROWS)
    return count


def _csv_error(src: SourceFile, exc: duckdb.Error, lang: str) -> ImportFileError:
    text = str(exc)
    if "maximum line size" in text.lower() or "max_line_size" in text:
        return ImportFileError.from_key(
            src.name, "import.error.line_too_long", lang, limit=limits.MAX_LINE_BYTES
        )
    first = next((line.strip() for line in text.splitlines() if line.strip()), type(exc).__name__)
    return ImportFileError.from_key(src.name, "import.error.unreadable", lang, detail=first[:200])


# --- XLSX --------------------------------------------------------------------------------------------


def _open_workbook(src: SourceFile, lang: str):
    import openpyxl

    try:
        return openpyxl.load_workbook(_zip_handle(src), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged or encrypted files
        raise ImportFileError.from_key(src.name, "import.error.xlsx_damaged", lang) from exc


def cell_text(value: object) -> str | None:
    """The text of one XLSX cell as a CSV would hold it (an int-valued float → its integer text)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, dt.timedelta):
        seconds = int(value.total_seconds())
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(value)


def _head_rows(worksheet) -> list[list[str]]:
    """The first rows of a sheet as text, each without its trailing empty cells: openpyxl pads every
    row to the sheet's declared width, which one stray cell far below can widen (it is then rejected
    with its row, as in a CSV, instead of widening the layout)."""
    rows = []
    for row in worksheet.iter_rows(max_row=limits.HEADER_SCAN_ROWS, values_only=True):
        cells = ["" if v is None else (cell_text(v) or "") for v in row]
        while cells and cells[-1] == "":
            cells.pop()
        rows.append(cells)
    return rows


def _xlsx_layout(src: SourceFile, lang: str, sheet: str | None) -> Layout:
    workbook = _open_workbook(src, lang)
    try:
        names = list(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise ImportFileError.from_key(
                src.name, "import.error.sheet_not_found", lang, sheet=sheet, sheets=", ".join(names)
            )
        if sheet is None and layouts.recognise_workbook(names) is not None:
            return _workbook_layout(src, workbook, lang)
        first_rows: list[list[str]] = []
        for candidate in [sheet] if sheet is not None else names:
            try:
                rows = _head_rows(workbook[candidate])
            except Exception as exc:
                raise ImportFileError.from_key(src.name, "import.error.xlsx_damaged", lang) from exc
            layout = _layout_from_rows(src, rows, lang, sheet=candidate)
            if layout is not None:
                return layout
            first_rows = first_rows or rows
    finally:
        workbook.close()
    raise _unrecognised(src, first_rows, lang)


def _workbook_record(src: SourceFile, book, lang: str) -> session_workbook.Record:
    try:
        return session_workbook.read_record(book, src.name)
    except Exception as exc:
        raise ImportFileError.from_key(src.name, "import.error.xlsx_damaged", lang) from exc


def _workbook_layout(src: SourceFile, book, lang: str) -> Layout:
    """The 整场数据下载 workbook: its sheets read as one session row (liveroi.importer.workbook)."""
    record = _workbook_record(src, book, lang)
    columns = session_workbook.plan(record)
    session_workbook.refuse_empty(record, columns, src.name, lang)
    return Layout(layouts.SESSIONS, 1, columns, name=session_workbook.NAME)


def _workbook_frame(src: SourceFile, layout: Layout, lang: str) -> pd.DataFrame:
    book = _open_workbook(src, lang)
    try:
        record = _workbook_record(src, book, lang)
    finally:
        book.close()
    return session_workbook.frame(record, layout.columns, raw_names(layout))


def _xlsx_frame(src: SourceFile, layout: Layout, lang: str) -> pd.DataFrame:
    workbook = _open_workbook(src, lang)
    width = len(layout.columns)
    try:
        worksheet = workbook[layout.sheet]
        rows = []
        for row in worksheet.iter_rows(min_row=layout.header_row + 1, values_only=True):
            beyond = next((cell for cell in row[width:] if cell is not None and cell != ""), None)
            rows.append((*row[:width], *[None] * (width - len(row)), beyond))
            if len(rows) > limits.MAX_XLSX_ROWS:
                raise ImportFileError.from_key(
                    src.name, "import.error.too_many_rows", lang, limit=limits.MAX_XLSX_ROWS
                )
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError.from_key(src.name, "import.error.xlsx_damaged", lang) from exc
    finally:
        workbook.close()
    columns = range(width + 1)
    frame = pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)
    frame.columns = raw_names(layout)
    text = frame.apply(lambda column: column.map(cell_text, na_action="ignore")).astype(object)
    lengths = text.apply(lambda column: column.str.len().max() if len(column) else 0)
    if len(lengths) and (lengths.fillna(0) > limits.MAX_CELL_CHARS).any():
        raise ImportFileError.from_key(
            src.name, "import.error.cell_too_long", lang, limit=limits.MAX_CELL_CHARS
        )
    text = text.where(text.notna() & (text != ""), None)
    return text.astype("string")  # an all-empty column must still reach DuckDB as VARCHAR, not INTEGER
