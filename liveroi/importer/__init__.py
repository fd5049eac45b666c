"""Importer of platform exports (public API filled in below as it lands)."""
