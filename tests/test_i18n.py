"""The translation table: both languages for every key, the same placeholders in both, no key used in code
that the table lacks."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from liveroi.i18n import LANGUAGES, TRANSLATIONS, _merge, t

ROOT = Path(__file__).resolve().parent.parent
# t("key", …) / t('key', …) with a literal key; f-string keys (t(f"import_page.col.{c}")) are built from
# data and checked where they are built
_LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_]+(?:\.[a-zA-Z0-9_\-]+)+)["']""")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_every_language() -> None:
    missing = [(key, lang) for key, entry in TRANSLATIONS.items() for lang in LANGUAGES if not entry.get(lang)]
    assert missing == []


def test_both_languages_fill_the_same_placeholders() -> None:
    differ = {
        key: (_placeholders(entry["zh"]), _placeholders(entry["en"]))
        for key, entry in TRANSLATIONS.items()
        if _placeholders(entry["zh"]) != _placeholders(entry["en"])
    }
    assert differ == {}


def test_every_literal_key_in_code_exists() -> None:
    sources = [ROOT / "dashboard.py", *ROOT.glob("pages/*.py"), *ROOT.glob("liveroi/**/*.py")]
    used = {key for path in sources for key in _LITERAL_KEY.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 50  # the pattern finds the calls at all
    assert sorted(used - TRANSLATIONS.keys()) == []


def test_a_key_defined_twice_is_refused() -> None:
    with pytest.raises(ValueError, match=r"defined twice: x\.y"):
        _merge({"x.y": {"zh": "甲", "en": "a"}}, {"x.y": {"zh": "乙", "en": "b"}})


def test_values_fill_placeholders_and_unknown_languages_fall_back_to_chinese() -> None:
    key = next(k for k, e in TRANSLATIONS.items() if len(_placeholders(e["en"])) == 1)
    (name,) = _placeholders(TRANSLATIONS[key]["en"])
    assert "¥123" in t(key, "en", **{name: "¥123"})
    assert t(key, "fr", **{name: "¥123"}) == t(key, "zh", **{name: "¥123"})
    with pytest.raises(KeyError):
        t("no.such.key", "en")
