"""House rule: ``liveroi/`` never imports Streamlit outside ``liveroi/ui/`` — the core (importer,
advisor, SQL, economics) runs from the CLI, the benchmarks and other processes without a UI."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "liveroi"
UI = PACKAGE / "ui"


def streamlit_imports(source: str) -> list[int]:
    """Line numbers of ``import streamlit…`` / ``from streamlit… import`` anywhere in ``source``
    (function bodies included: a lazy import still ties the module to Streamlit)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(name == "streamlit" or name.startswith("streamlit.") for name in names):
            lines.append(node.lineno)
    return lines


def test_the_scan_finds_every_form_of_import() -> None:
    source = (
        "import os\nimport streamlit as st\nfrom streamlit.testing.v1 import AppTest\n"
        "def f():\n    import streamlit.components.v1\n"
        "import streamlitish\nfrom . import streamlit_helpers\n"
    )
    assert streamlit_imports(source) == [2, 3, 5]


def test_liveroi_imports_streamlit_only_in_ui() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if UI not in p.parents]
    assert len(core) > 20  # the scan sees the package, not an empty glob
    offenders = {
        str(p.relative_to(ROOT)): lines
        for p in core
        if (lines := streamlit_imports(p.read_text(encoding="utf-8")))
    }
    assert offenders == {}
    assert streamlit_imports((UI / "widgets.py").read_text(encoding="utf-8"))  # and it does see ui/
