"""Tables for notebooks: JupyterLab has no right-to-left mode, so Arabic tables
carry ``dir="rtl"`` themselves (its sanitizer keeps ``dir`` attributes but drops
``<style>``)."""

from __future__ import annotations

__all__ = ["rtl_table"]


def rtl_table(frame, *, uuid: str = "libyakit", precision: int = 0):
    """A pandas Styler that lays ``frame`` out right to left.

    The Styler's ids are fixed (``uuid``) so that a re-run notebook shows the
    same HTML, which nbval compares.
    """
    return (
        frame.style.set_uuid(uuid)
        .set_table_attributes('dir="rtl"')
        .format(precision=precision)
    )
