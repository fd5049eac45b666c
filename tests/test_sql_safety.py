"""No SQL is built from strings at run time: every user value reaches DuckDB as a bound parameter.

The scan walks the syntax tree of every Python file of the app and fails on a call to ``execute``,
``sql``, ``query``, ``executemany`` or ``df`` whose SQL argument is an f-string, a ``%`` expression, a
``.format()`` call or a concatenation. The few places that must splice an identifier (a table name read
from our own catalog, a backup path for EXPORT DATABASE) say so on the line with ``# noqa: S608 - <why>``
(where ruff flags it) or ``# sql-splice: <why>``; a bare noqa without a reason fails too. SQL files must use ``$name`` parameters, never Python placeholders.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "dashboard.py",
    *sorted((ROOT / "pages").glob("*.py")),
    *sorted((ROOT / "liveroi").rglob("*.py")),
]
SQL_CALLS = {"execute", "executemany", "sql", "query", "df"}
JUSTIFIED = re.compile(r"#\s*(noqa:\s*S608\s*(-|—|:)|sql-splice:)\s*\S+")


def _built_string(node: ast.AST) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return _is_stringy(node.left) or _is_stringy(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return True
    return False


def _is_stringy(node: ast.AST) -> bool:
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)) or isinstance(node, ast.JoinedStr)


def find_built_sql(source: str) -> list[int]:
    """Line numbers of SQL calls whose statement is built by string formatting without a justification."""
    lines = source.splitlines()
    offending = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in SQL_CALLS or not node.args:
            continue
        if _built_string(node.args[0]):
            span = lines[node.lineno - 1 : (node.end_lineno or node.lineno)]
            if not any(JUSTIFIED.search(line) for line in span):
                offending.append(node.lineno)
    return offending


def test_the_scan_catches_formatted_sql() -> None:
    assert find_built_sql('con.execute(f"SELECT * FROM t WHERE a = {name}")') == [1]
    assert find_built_sql('con.execute("SELECT * FROM t WHERE a = %s" % name)') == [1]
    assert find_built_sql('con.sql("SELECT * FROM t WHERE a = {}".format(name))') == [1]
    assert find_built_sql('con.execute("SELECT * FROM t WHERE a = \'" + name + "\'")') == [1]
    assert find_built_sql('con.execute(f"SELECT 1 FROM {t}")  # noqa: S608') == [1]
    assert find_built_sql('con.execute(f"SELECT 1 FROM {t}")  # noqa: S608 - name from catalog') == []
    assert find_built_sql('con.execute(f"LOAD {p}")  # sql-splice: extension path') == []
    assert find_built_sql('con.execute("SELECT * FROM t WHERE a = $a", {"a": name})') == []


def test_no_python_builds_sql_from_strings() -> None:
    assert len(SOURCES) > 20
    problems = {
        str(path.relative_to(ROOT)): lines
        for path in SOURCES
        if (lines := find_built_sql(path.read_text(encoding="utf-8")))
    }
    assert problems == {}


def test_sql_files_bind_parameters_not_python_placeholders() -> None:
    files = sorted((ROOT / "queries").rglob("*.sql"))
    assert len(files) > 30
    placeholder = re.compile(r"\{[a-z_][a-z0-9_]*\}|%\(|%s\b")
    offenders = [str(f.relative_to(ROOT)) for f in files if placeholder.search(f.read_text(encoding="utf-8"))]
    assert offenders == []
