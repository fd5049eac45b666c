"""The repo explains itself: every repo path that README, docs/ and docstrings name exists, nothing cites a
file outside the repo, and the README's column tables are the views' real columns."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from liveroi import db

ROOT = Path(__file__).resolve().parent.parent
TOP = ("liveroi", "queries", "tests", "benchmarks", "docs", "pages", "sample_data", ".streamlit", ".ci")
# a repo path: one of the top folders (or a top-level file), then path characters; globs allowed
_TOPS = "|".join(re.escape(t) for t in TOP)
_PATH = re.compile(
    rf"(?<![\w./\"-])((?:{_TOPS})/[\w./*\-]*[\w*/]"
    r"|(?:README|SECURITY)\.md|dashboard\.py|Makefile|requirements(?:-dev)?\.txt)"
)
_PLACEHOLDER = re.compile(r"NNN|<|\{")
# files a user or a run creates, git-ignored: named in docs, never in the repo
_CREATED = (".streamlit/secrets.toml", "benchmarks/data", "data")


def _doc_texts() -> list[tuple[str, str]]:
    """(where, text) for README, SECURITY, every docs/*.md, queries/README.md and every Python docstring."""
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in (ROOT / "README.md", ROOT / "SECURITY.md")]
    texts += [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in sorted(ROOT.glob("docs/*.md"))]
    texts.append(("queries/README.md", (ROOT / "queries" / "README.md").read_text(encoding="utf-8")))
    sources = [ROOT / "dashboard.py", *ROOT.glob("pages/*.py"), *ROOT.glob("liveroi/**/*.py")]
    sources += [*ROOT.glob("benchmarks/*.py"), *ROOT.glob("tests/*.py")]
    for path in sorted(sources):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node)
                if doc:
                    texts.append((f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 1)}", doc))
    return texts


def _exists(name: str) -> bool:
    name = name.rstrip("/.")
    if name in _CREATED:
        return True
    if "*" in name:
        return any(ROOT.glob(name))
    return (ROOT / name).exists()


def test_every_repo_path_named_in_docs_exists() -> None:
    texts = _doc_texts()
    named = [(where, m) for where, text in texts for m in _PATH.findall(text) if not _PLACEHOLDER.search(m)]
    assert len(named) > 40  # the pattern finds the references at all
    missing = sorted({(where, name) for where, name in named if not _exists(name)})
    assert missing == []


def test_nothing_cites_a_file_outside_the_repo() -> None:
    outside = re.compile(
        r"DESIGN\.md|\.\./shared|/work/shared|reference/(?:export-layouts|domain-brief|practitioners)\.md"
        r"|(?<!docs/)(?:domain-brief|practitioners)\.md"
    )
    cited = [(where, m.group(0)) for where, text in _doc_texts() for m in outside.finditer(text)]
    queries = [
        (str(p.relative_to(ROOT)), m.group(0))
        for p in ROOT.glob("queries/**/*.sql")
        for m in outside.finditer(p.read_text(encoding="utf-8"))
    ]
    assert cited + queries == []


def _readme_columns(view: str) -> list[str]:
    """Column names in the first cells of the README table under ``### `view```."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"### `{view}`", 1)[1].split("\n#", 1)[0]
    names: list[str] = []
    for line in section.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            names += re.findall(r"`([a-z_0-9]+)`", first_cell)
    return names


@pytest.fixture(scope="module")
def view_columns(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    path = tmp_path_factory.mktemp("docs") / "fresh.duckdb"
    with db.connection(path) as con:
        return {
            view: [row[0] for row in con.execute(f'DESCRIBE "{view}"').fetchall()]
            for view in db.CONTRACT_VIEWS
        }


def test_readme_session_metrics_table_is_the_view(view_columns: dict[str, list[str]]) -> None:
    documented = _readme_columns("session_metrics")
    assert len(documented) == len(set(documented))
    assert sorted(documented) == sorted(view_columns["session_metrics"])


def test_readme_names_every_account_settings_column(view_columns: dict[str, list[str]]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `account_settings`", 1)[1].split("\n#", 1)[0]
    documented = set(re.findall(r"`([a-z_]+)\b", section))
    assert set(view_columns["account_settings"]) - {"account"} <= documented


def test_readme_daily_metrics_adds_only_what_it_says(view_columns: dict[str, list[str]]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `daily_metrics`", 1)[1].split("\n#", 1)[0]
    named = set(re.findall(r"`([a-z_]+)`", section))
    extra = set(view_columns["daily_metrics"]) - set(view_columns["session_metrics"])
    assert extra <= named
