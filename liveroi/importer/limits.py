"""Hard limits for files given to the importer, in one place (documented in the README and SECURITY.md).

They exist so that a hostile or broken file (a zip bomb, a 10 MB cell, 5,000 columns) fails fast with a
clear message instead of exhausting memory. Everything cheap is checked before parsing: the file size,
the sizes of an XLSX's zip members, and the header width; rows and line length are enforced while reading.
"""

from __future__ import annotations

MAX_FILE_BYTES = 1024 * 1024 * 1024  # 1 GiB on disk or upload (a 1M-session GBK export is ~250 MB)
MAX_XLSX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024  # sum of the zip members' declared sizes
MAX_XLSX_COMPRESSION_RATIO = 200  # uncompressed / compressed per member; real sheets are ~5–20×
MAX_ROWS = 5_000_000  # data rows per file
MAX_XLSX_ROWS = 1_048_576  # Excel's own limit; XLSX is read cell by cell (openpyxl), CSV is not
MAX_COLUMNS = 500  # columns per row (platform exports have ~30)
MAX_CELL_CHARS = 10_000  # characters per cell (XLSX; for CSV see MAX_LINE_BYTES)
MAX_LINE_BYTES = 1024 * 1024  # bytes per CSV line: a longer line (e.g. a 10 MB cell) refuses the file
HEADER_SCAN_ROWS = 30  # the header row is looked for among the first rows (title lines above it)
HEADER_MIN_MATCHES = 3  # a header row names at least this many known columns
HEAD_SAMPLE_BYTES = 256 * 1024  # bytes of a CSV decoded to find the header row and the delimiter
UTF8_RUN_CHARS = 4  # a non-UTF-8 CSV holding this many UTF-8 CJK characters in a row mixes encodings
