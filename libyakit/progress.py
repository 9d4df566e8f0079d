"""Progress bars for whole-corpus steps: notebook-aware, and silent when nobody watches.

A bar appears only when someone can see it (a terminal, or a Jupyter kernel)
and only once the work has taken longer than a second (tqdm's ``delay``), so
the small seed corpus never leaves a bar in stored notebook output. Set
``LIBYAKIT_PROGRESS=0`` to switch bars off everywhere, ``1`` to force them.
"""

from __future__ import annotations

import os
import sys

__all__ = ["progress_bar", "interactive"]

DELAY_SECONDS = 1.0


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
    if enable is None:
        enable = interactive()
    if not enable:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, delay=DELAY_SECONDS, leave=False)
