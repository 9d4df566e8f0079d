"""Progress bars for whole-corpus steps: notebook-aware, and silent when nobody watches.

A bar appears only when someone can see it (a terminal, or a Jupyter kernel),
only for work of at least ``MIN_ITEMS`` items, and only once the work has taken
longer than a second (tqdm's ``delay``): the small seed corpus never leaves a bar
in stored notebook output, however slow the machine (a first call that loads the
word tables can take over a second on five articles). Set
``LIBYAKIT_PROGRESS=0`` to switch bars off everywhere, ``1`` to force them.
"""

from __future__ import annotations

import os
import sys

__all__ = ["progress_bar", "interactive"]

DELAY_SECONDS = 1.0
MIN_ITEMS = 20


def interactive() -> bool:
    """True in a terminal or a Jupyter kernel; False in CI logs, pipes and cron."""
    setting = os.environ.get("LIBYAKIT_PROGRESS")
    if setting is not None:
        return setting not in ("0", "false", "no", "")
    if "ipykernel" in sys.modules:
        return True
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


def progress_bar(iterable, *, total: int | None = None, desc: str = "", enable: bool | None = None):
    """Wrap ``iterable`` in a tqdm bar when :func:`interactive` (or ``enable=True``)."""
    auto = enable is None
    if auto:
        enable = interactive()
    if not enable:
        return iterable
    if total is None and hasattr(iterable, "__len__"):
        total = len(iterable)
    if auto and total is not None and total < MIN_ITEMS:
        return iterable  # (asked for with enable=True, a bar is shown whatever the size)
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, delay=DELAY_SECONDS, leave=False)
