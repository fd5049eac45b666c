"""One pattern for every page: ``pages/<page>.py`` is a thin script that reads filters → data →
figures → text and calls ``liveroi/ui/<page>_view.py`` for each step, so a newcomer knows where a
page's code lives (see ``liveroi/ui/__init__.py``)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "pages"
EXPECTED = {"today", "trends", "sessions", "matrix", "import", "settings", "advisor"}
ALLOWED_IMPORTS = {"__future__", "streamlit", "liveroi.i18n", "liveroi.ui"}
MAX_STATEMENTS = 30  # top-level statements, the docstring and imports included


def page_problems(stem: str, source: str) -> list[str]:
    """What makes a page file break the pattern (an empty list when it follows it)."""
    tree = ast.parse(source)
    problems = []
    view = f"{stem}_view"
    imported_view = False
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            problems.append(
                f"defines {type(node).__name__} at line {node.lineno}: move it to liveroi/ui/{view}.py"
            )
        if isinstance(node, ast.For | ast.While | ast.comprehension):
            problems.append(f"loops at line {getattr(node, 'lineno', '?')}: that is a view's work")
        if isinstance(node, ast.Import):
            problems.extend(f"imports {a.name}" for a in node.names if a.name not in ALLOWED_IMPORTS)
        if isinstance(node, ast.ImportFrom):
            if node.module not in ALLOWED_IMPORTS:
                problems.append(f"imports from {node.module}")
            if node.module == "liveroi.ui":
                imported_view |= view in {a.name for a in node.names}
    if not imported_view:
        problems.append(f"does not import liveroi.ui.{view}")
    calls = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and isinstance(n.func.value, ast.Name)
        and n.func.value.id == view
    ]
    if not calls:
        problems.append(f"never calls {view}")
    if len(tree.body) > MAX_STATEMENTS:
        problems.append(f"{len(tree.body)} top-level statements (at most {MAX_STATEMENTS})")
    sections = [line.split("---")[1].strip() for line in source.splitlines() if line.startswith("# --- ")]
    words = [s.split(":")[0].split(" ")[0] for s in sections]
    if words[:2] != ["filters", "data"]:
        problems.append(f"sections {sections} do not start with filters, then data")
    return problems


def test_every_page_is_a_thin_script_over_its_view() -> None:
    files = {p.stem: p for p in PAGES.glob("*.py")}
    assert set(files) == EXPECTED
    problems = {
        stem: found
        for stem, path in files.items()
        if (found := page_problems(stem, path.read_text(encoding="utf-8")))
    }
    assert problems == {}
    for stem in EXPECTED:
        assert (ROOT / "liveroi" / "ui" / f"{stem}_view.py").is_file(), stem


def test_the_check_catches_a_page_doing_its_own_work() -> None:
    fat = (
        "import pandas as pd\nimport streamlit as st\nfrom liveroi.ui import state\n"
        "# --- data ---\nrows = [r for r in range(3)]\n"
        "def _key(field):\n    return field\n"
        "for row in rows:\n    st.metric('x', row)\n"
    )
    found = page_problems("settings", fat)
    assert any(p.startswith("imports pandas") for p in found)
    assert any("defines FunctionDef" in p for p in found)
    assert sum(p.startswith("loops") for p in found) == 2  # the comprehension and the for
    assert "does not import liveroi.ui.settings_view" in found
    assert "never calls settings_view" in found
    assert any("do not start with filters" in p for p in found)
