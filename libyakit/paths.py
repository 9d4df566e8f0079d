"""Where libyakit finds its own files, independent of the working directory.

Notebooks run from ``notebooks/``, tests from the repository root and an
installed package from anywhere: all of them resolve the default corpus here.
"""

from __future__ import annotations

import os
from pathlib import Path

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


def data_path(name: str) -> Path:
    """Path of a curated data file shipped in ``libyakit/data/``."""
    p = DATA_DIR / name
    if not p.is_file():
        raise FileNotFoundError(f"libyakit data file not found: {p}")
    return p
