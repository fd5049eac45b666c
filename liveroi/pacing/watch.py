"""Watch a folder for export files during a broadcast: import each once its size has settled.

A file is imported when its size and modification time are the same at two polls in a row (a file still
being written by the exporter is left alone until then) and that version of it has not been imported
yet; a file that grows again later is imported again (re-imports update, never double count). Only
``.csv`` and ``.xlsx`` files are looked at; hidden and temporary files (``.~lock``, ``~$``) are skipped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from liveroi.importer import ImportFileError, import_files

SUFFIXES = (".csv", ".xlsx")


@dataclass
class PollResult:
    """What one poll did: files imported (with their summaries) and files that failed (with why)."""

    imported: list[tuple[Path, dict]] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    waiting: list[Path] = field(default_factory=list)  # seen but still changing


class FolderWatcher:
    """Polls ``folder``; :meth:`poll` imports the files whose size has settled since the last poll."""

    def __init__(self, folder: Path, db_path: Path | str | None, *, account: str | None, lang: str) -> None:
        self.folder = Path(folder)
        self.db_path = db_path
        self.account = account
        self.lang = lang
        self._seen: dict[Path, tuple[int, int]] = {}  # size and mtime at the previous poll
        self._done: dict[Path, tuple[int, int]] = {}  # the version last imported (or failed)

    def _candidates(self) -> dict[Path, tuple[int, int]]:
        found = {}
        with os.scandir(self.folder) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith((".", "~$")) or not name.lower().endswith(SUFFIXES) or not entry.is_file():
                    continue
                stat = entry.stat()
                found[Path(entry.path)] = (stat.st_size, stat.st_mtime_ns)
        return found

    def poll(self) -> PollResult:
        """One look at the folder; imports every settled, not yet imported file (in name order)."""
        result = PollResult()
        now = self._candidates()
        for path in sorted(now):
            version = now[path]
            if self._done.get(path) == version:
                continue
            if self._seen.get(path) != version or version[0] == 0:
                result.waiting.append(path)
                continue
            self._done[path] = version
            try:
                summary = import_files(self.db_path, [path], account=self.account, lang=self.lang)
            except ImportFileError as exc:
                result.failed.append((path, exc.message))
                continue
            result.imported.append((path, summary))
        self._seen = now
        return result
