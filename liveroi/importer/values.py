"""Value parsing for platform exports, done in DuckDB SQL so it runs vectorised over millions of cells.

The rules live in ``queries/import/macros/*.sql`` as temporary macros; :func:`install_macros` creates them
on a connection. The small Python functions below run a list of strings through the same macros — they
are how tests (and anyone curious) check a rule without importing a file.

=====================  ==========================================================================
macro                  accepts → result
=====================  ==========================================================================
liveroi_clean          trims; ``''``, ``-``, ``--``, ``—``, ``暂无``, ``N/A``, ``null`` … → NULL (missing)
liveroi_number_of_raw         ``12,345.60``, ``￥12,345.60``, ``¥12345``, ``1.2万``, ``3.4亿`` → float; ``%`` → NULL
liveroi_rate           ``12.3%`` → 0.123; ``0.123`` → 0.123
liveroi_seconds_of_raw        ``3小时12分5秒``, ``1分23秒``, ``3:12:05``, ``192:05`` (= 192 min 5 s), plain → seconds
liveroi_timestamp_of_raw      ``2026/1/3 9:33:16``, ``2026-01-03 09:33``, ``2026-01-03``, Excel serial, epoch (ms)
=====================  ==========================================================================

Missing and unparseable both give NULL; the validator tells them apart by also calling ``liveroi_clean``
(a cell that is not missing but parses to NULL is rejected with the cell as written). Each public macro has
a twin over already-cleaned text (``liveroi_number_of_clean``, ``liveroi_seconds_of_clean``, ``liveroi_timestamp_of_clean``): the import queries
clean every column once in a CTE and call the twins, which keeps DuckDB's plan small and fast to build.

For whole columns the import queries use the ``*_of_raw_fast`` macros (``liveroi_number_of_raw_fast``, ``liveroi_seconds_of_raw_fast``,
``liveroi_timestamp_of_raw_fast``): a plain cast first, and the clean + rules above only for the cells it fails on — most
cells of an export are plain numbers and times. ``liveroi_cell_bad(raw, val)`` is the validators' cheap test.
They are reached through the per-file reading macros (``liveroi_read_number`` …: queries/import/reading_text.sql);
a file read typed (queries/import/reading_typed.sql) needs none of them, its cells are values already.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb

from liveroi import db

MACRO_FILES: tuple[str, ...] = (
    "import/macros/clean",
    "import/macros/number_regex",
    "import/macros/number_of_clean",
    "import/macros/number_of_raw",
    "import/macros/rate",
    "import/macros/seconds_of_clean",
    "import/macros/seconds_of_raw",
    "import/macros/timestamp_of_clean",
    "import/macros/in_range",
    "import/macros/timestamp_of_raw",
    "import/macros/cell_error",
    "import/macros/number_of_raw_fast",
    "import/macros/seconds_of_raw_fast",
    "import/macros/timestamp_of_raw_fast",
    "import/macros/cell_bad",
    "import/macros/cell_text",
    "import/macros/id_written",
    "import/macros/anchor_key",
)


def install_macros(con: duckdb.DuckDBPyConnection) -> None:
    """Create the value-parsing macros (temporary, per connection) in dependency order."""
    for name in MACRO_FILES:
        db.execute(con, name)


def _run(macro_query: str, texts: Sequence[str | None], **params: object) -> list:
    con = duckdb.connect()
    try:
        install_macros(con)
        row = db.execute(con, macro_query, {"texts": list(texts), **params}).fetchone()
        return list(row[0]) if row and row[0] is not None else []
    finally:
        con.close()


def parse_numbers(texts: Sequence[str | None]) -> list[float | None]:
    """``liveroi_number_of_raw`` over ``texts``: the number each cell means, or None (missing/unparseable)."""
    return _run("import/values_number", texts)


def parse_rates(texts: Sequence[str | None]) -> list[float | None]:
    """``liveroi_rate`` over ``texts``: ``12.3%`` → 0.123."""
    return _run("import/values_rate", texts)


def parse_seconds(texts: Sequence[str | None], plain_unit_s: float = 1.0) -> list[float | None]:
    """``liveroi_seconds_of_raw`` over ``texts``; a plain number counts ``plain_unit_s`` seconds per unit."""
    return _run("import/values_seconds", texts, plain_unit_s=float(plain_unit_s))


def parse_timestamps(texts: Sequence[str | None]) -> list[dt.datetime | None]:
    """``liveroi_timestamp_of_raw`` over ``texts``: naive local (Beijing) times, or None."""
    return _run("import/values_timestamp", texts)
