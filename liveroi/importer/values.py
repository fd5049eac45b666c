"""Value parsing for platform exports, done in DuckDB SQL so it runs vectorised over millions of cells.

The rules live in ``queries/import_macro_*.sql`` as temporary macros; :func:`install_macros` creates them
on a connection. The small Python functions below run a list of strings through the same macros — they
are how tests (and anyone curious) check a rule without importing a file.

=====================  ==========================================================================
macro                  accepts → result
=====================  ==========================================================================
liveroi_clean          trims; ``''``, ``-``, ``--``, ``—``, ``暂无``, ``N/A``, ``null`` … → NULL (missing)
liveroi_number         ``12,345.60``, ``￥12,345.60``, ``¥12345``, ``1.2万``, ``3.4亿`` → float; ``%`` → NULL
liveroi_rate           ``12.3%`` → 0.123; ``0.123`` → 0.123
liveroi_seconds        ``3小时12分5秒``, ``1分23秒``, ``3:12:05``, ``192:05`` (= 192 min 5 s), plain → seconds
liveroi_timestamp      ``2026/1/3 9:33:16``, ``2026-01-03 09:33``, ``2026-01-03``, Excel serial, epoch (ms)
=====================  ==========================================================================

Missing and unparseable both give NULL; the validator tells them apart by also calling ``liveroi_clean``
(a cell that is not missing but parses to NULL is rejected with the cell as written). Each public macro has
a twin over already-cleaned text (``liveroi_num``, ``liveroi_secs``, ``liveroi_ts``): the import queries
clean every column once in a CTE and call the twins, which keeps DuckDB's plan small and fast to build.

For whole columns the import queries use the ``*_cell`` macros (``liveroi_num_cell``, ``liveroi_secs_cell``,
``liveroi_ts_cell``): a plain cast first, and the clean + rules above only for the cells it fails on — most
cells of an export are plain numbers and times. ``liveroi_cell_bad(raw, val)`` is the validators' cheap test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb

from liveroi import db

MACRO_FILES: tuple[str, ...] = (
    "import_macro_clean",
    "import_macro_number_loose",
    "import_macro_num",
    "import_macro_number",
    "import_macro_rate",
    "import_macro_secs",
    "import_macro_seconds",
    "import_macro_ts",
    "import_macro_in_range",
    "import_macro_timestamp",
    "import_macro_cell_error",
    "import_macro_num_cell",
    "import_macro_secs_cell",
    "import_macro_ts_cell",
    "import_macro_cell_bad",
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
    """``liveroi_number`` over ``texts``: the number each cell means, or None (missing/unparseable)."""
    return _run("import_values_number", texts)


def parse_rates(texts: Sequence[str | None]) -> list[float | None]:
    """``liveroi_rate`` over ``texts``: ``12.3%`` → 0.123."""
    return _run("import_values_rate", texts)


def parse_seconds(texts: Sequence[str | None], plain_unit_s: float = 1.0) -> list[float | None]:
    """``liveroi_seconds`` over ``texts``; a plain number counts ``plain_unit_s`` seconds per unit."""
    return _run("import_values_seconds", texts, plain_unit_s=float(plain_unit_s))


def parse_timestamps(texts: Sequence[str | None]) -> list[dt.datetime | None]:
    """``liveroi_timestamp`` over ``texts``: naive local (Beijing) times, or None."""
    return _run("import_values_timestamp", texts)
