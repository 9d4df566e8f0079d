"""Errors raised by libyakit.

Every error is a ``ValueError`` subclass (CAMeL Tools style) so that callers who
already catch ``ValueError`` keep working, and each carries the thing that was
wrong (a file, a data row) as an attribute as well as in its message.
"""

from __future__ import annotations


class CorpusError(ValueError):
    """An article file (or a whole corpus path) cannot be loaded.

    ``path`` names the file or folder, ``reason`` says why in plain words.
    """

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class DataFileError(ValueError):
    """A curated data file under ``libyakit/data/`` has a broken row.

    ``path`` is the file, ``row`` the 1-based line number (header is line 1),
    ``reason`` what is wrong with it.
    """

    def __init__(self, path, row: int | None, reason: str):
        self.path = str(path)
        self.row = row
        self.reason = reason
        where = f"{self.path}, line {row}" if row is not None else self.path
        super().__init__(f"{where}: {reason}")
