"""The one translation table: every user-facing string, in Chinese (default) and English.

Keys are dotted and named from the domain (``metric.gmv``, ``reject.negative``). The table is split
into one module per area so that each area's strings sit together; :data:`TRANSLATIONS` merges them
and refuses a key defined twice. ``tests/test_i18n.py`` checks that both languages have every key.
"""

from __future__ import annotations

from liveroi.i18n import advisor, brand, common, dashboard, followers, importer, sample, timeline

LANGUAGES: tuple[str, ...] = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

Entry = dict[str, str]


def _merge(*tables: dict[str, Entry]) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for table in tables:
        for key, entry in table.items():
            if key in merged:
                raise ValueError(f"translation key defined twice: {key}")
            merged[key] = entry
    return merged


TRANSLATIONS: dict[str, Entry] = _merge(
    common.STRINGS,
    importer.STRINGS,
    dashboard.STRINGS,
    advisor.STRINGS,
    brand.STRINGS,
    sample.STRINGS,
    timeline.STRINGS,
    followers.STRINGS,
)


def normalize_language(lang: str | None) -> str:
    """'zh' or 'en' from a query parameter or setting; anything else falls back to Chinese."""
    if not lang:
        return DEFAULT_LANGUAGE
    lang = lang.strip().lower()
    if lang.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """The string for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

    A missing key raises KeyError: a typo must fail a test, not show a raw key to a user.
    """
    entry = TRANSLATIONS[key]
    text = entry.get(normalize_language(lang)) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
