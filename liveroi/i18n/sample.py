"""Strings of the sample area."""

STRINGS: dict[str, dict[str, str]] = {}
