"""Where libyakit finds its own files, independent of the working directory.

Notebooks run from ``notebooks/``, tests from the repository root and an
installed package from anywhere: all of them resolve the default corpus here.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["seeds_dir", "data_dir", "data_path", "data_rows", "use_data_dir", "reset_data_caches", "project_root"]

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def project_root() -> Path | None:
    """The source checkout this package lives in, or ``None`` when installed."""
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() else None


def seeds_dir() -> Path:
    """The folder of the default corpus.

    Looked up in order: the ``LIBYAKIT_SEEDS`` environment variable, ``seeds/``
    beside the package in a source checkout (editable installs), and the copy
    that a built wheel carries as ``libyakit/_seeds``.
    """
    env = os.environ.get("LIBYAKIT_SEEDS")
    candidates = [Path(env)] if env else []
    candidates += [PACKAGE_DIR.parent / "seeds", PACKAGE_DIR / "_seeds"]
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError(
        "no default corpus: looked in " + ", ".join(str(c) for c in candidates)
    )


# The data directory use_data_dir() set (None: the environment's or the package's).
_data_dir_override: Path | None = None

# Modules that build patterns from the data files when they are imported (module-level constants,
# not cached loaders): reset_data_caches() imports them again, in this order, so that those
# constants are rebuilt from the data directory in use. A module that reads its vocabulary
# through lru_cache'd loaders needs no entry here (and that is the better way: a reloaded module's
# classes are new classes). A module that defines a public class must not be listed.
VOCABULARY_MODULES = ("libyakit.quotes", "libyakit.forces", "libyakit.ceasefire", "libyakit.backing")


def data_dir() -> Path:
    """The data directory in use: the one :func:`use_data_dir` set, else the ``LIBYAKIT_DATA_DIR``
    environment variable (read when a table is first loaded), else ``libyakit/data/``."""
    if _data_dir_override is not None:
        return _data_dir_override
    env = os.environ.get("LIBYAKIT_DATA_DIR")
    return Path(env) if env else DATA_DIR


def data_path(name: str) -> Path:
    """Path of a curated data file in the data directory in use (:func:`data_dir`)."""
    p = data_dir() / name
    if not p.is_file():
        raise FileNotFoundError(f"libyakit data file not found: {p}")
    return p


def data_rows(name: str, required: tuple[str, ...] = ()):
    """``(path, line, row)`` for each row of the CSV data table ``name`` (``row`` with its cells
    stripped; ``line`` counts the header as line 1), after checking that the ``required`` columns
    are there (:class:`~libyakit.errors.DataFileError` names the file)."""
    import csv

    from .errors import DataFileError

    path = data_path(name)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DataFileError(path, 1, f"missing columns {missing}")
        for line, row in enumerate(reader, start=2):
            yield path, line, {k: (v or "").strip() for k, v in row.items() if k}


def reset_data_caches() -> None:
    """Forget every table loaded from the data directory: clear every ``functools`` cache of the
    loaded libyakit modules and rebuild the patterns the :data:`VOCABULARY_MODULES` build on import.
    The next extraction reads the data files again."""
    import importlib
    import sys

    for name, module in list(sys.modules.items()):
        if module is None or not (name == "libyakit" or name.startswith("libyakit.")):
            continue
        for value in list(vars(module).values()):
            if callable(value) and hasattr(value, "cache_clear") and getattr(value, "__module__", None) == name:
                value.cache_clear()
    for name in VOCABULARY_MODULES:
        if name in sys.modules:
            importlib.reload(sys.modules[name])


class use_data_dir:
    """Read libyakit's data tables (actors, aliases, the vocabulary under ``lexicon/``...) from
    ``path`` instead of the package's ``libyakit/data/``; ``None`` goes back to the default.

    Every cached table is reset (:func:`reset_data_caches`), so the next extraction reads the new
    files; a table read at once that is broken raises :class:`~libyakit.errors.DataFileError` and
    leaves the directory in use before. Copy ``libyakit/data`` whole and edit the copy: every table must be there. Used as a
    context manager, the previous directory comes back at the end of the block::

        with libyakit.use_data_dir("my_data"):
            quotes = libyakit.extract_quotes(articles)
    """

    def __init__(self, path=None):
        global _data_dir_override
        new = None if path is None else Path(path).expanduser().resolve()
        if new is not None and not new.is_dir():
            raise FileNotFoundError(f"no data directory at {new}")
        self.previous, _data_dir_override = _data_dir_override, new
        self.path = data_dir()
        try:
            reset_data_caches()
        except Exception:  # a broken table (DataFileError names it): keep the directory in use before
            _data_dir_override = self.previous
            reset_data_caches()
            raise

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc) -> None:
        global _data_dir_override
        _data_dir_override = self.previous
        reset_data_caches()

    def __repr__(self) -> str:
        return f"use_data_dir({str(self.path)!r})"
