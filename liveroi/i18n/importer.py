"""Strings of the importer: rejection reasons and import messages (filled in by liveroi.importer)."""

STRINGS: dict[str, dict[str, str]] = {}
