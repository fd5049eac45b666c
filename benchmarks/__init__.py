"""Speed and quality measurements (``python -m benchmarks``).

SQL that only the benchmarks run lives beside them in ``benchmarks/sql/``; :func:`sql` names a file there
for :func:`liveroi.db.query` / :func:`liveroi.db.execute`.
"""

from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent / "sql"


def sql(name: str) -> Path:
    """The path of ``benchmarks/sql/<name>.sql``."""
    return SQL_DIR / f"{name}.sql"
