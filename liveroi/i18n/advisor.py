"""Strings of the advisor area."""

STRINGS: dict[str, dict[str, str]] = {}
