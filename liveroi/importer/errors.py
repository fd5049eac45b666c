"""The one exception the importer raises for a file it cannot read at all."""

from __future__ import annotations

from liveroi.i18n import t


class ImportFileError(Exception):
    """A file could not be read at all; nothing of it was written.

    ``file_name`` is the file as the user named it, ``message`` one line in the user's language.
    """

    def __init__(self, file_name: str, message: str) -> None:
        super().__init__(f"{file_name}: {message}")
        self.file_name = file_name
        self.message = message

    @classmethod
    def from_key(cls, file_name: str, key: str, lang: str, **values: object) -> ImportFileError:
        """Build the error from a translation key of liveroi/i18n/importer.py."""
        return cls(file_name, t(key, lang, **values))
