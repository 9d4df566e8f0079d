"""Named rules: each decision that keeps or drops a candidate has a name.

An extractor's logic is a sequence of small decisions ("a year is no head count", "an outlet
is a source, not an origin"). Each such decision is a function registered here with
:func:`rule`, under a dotted name ``<family>.<what it decides>``. Rows say which path made them
in their ``rule`` column, whose values are registered with :func:`row_rule`. Two things follow:

- :func:`list_rules` is the table of every decision the package makes, with its docstring, so
  a reader can see the logic without reading the control flow;
- :func:`tracking` counts, while it is active, how often each decision fired (returned a true
  value) and which row rules were produced, so that a test can fail when a rule is never
  exercised (``tests/test_rules.py``): a rule no sentence exercises is a rule nobody checked.

>>> @rule("demo.is_short")
... def is_short(word):
...     "A word of fewer than three letters."
...     return len(word) < 3
>>> with tracking() as fired:
...     _ = [is_short(w) for w in ["في", "قوات", "من"]]
>>> fired["demo.is_short"]
2
>>> _forget("demo.is_short")
"""

from __future__ import annotations

import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps

__all__ = ["rule", "row_rule", "list_rules", "tracking", "RULES"]

_NAME = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")


@dataclass(frozen=True)
class Rule:
    name: str
    family: str
    kind: str  # "decision" (a predicate that keeps or drops) or "row" (a value of a row's `rule`)
    doc: str


RULES: dict[str, Rule] = {}
# the modules whose rules list_rules shows (every one that registers a rule)
_RULE_MODULES = ("actors", "persons", "numbers", "forces", "quotes", "ceasefire", "backing", "dates")
_fired: Counter | None = None


def _register(name: str, kind: str, doc: str) -> None:
    if not _NAME.match(name):
        raise ValueError(f"rule name {name!r} is not <family>.<name> in lower case")
    old = RULES.get(name)
    if old is not None and old.kind != kind:
        raise ValueError(f"rule {name!r} registered twice, as {old.kind} and {kind}")
    RULES[name] = Rule(name, name.split(".", 1)[0], kind, " ".join((doc or "").split()))


def rule(name: str):
    """Register a decision function under ``name``; while :func:`tracking`, count its true results."""

    def deco(fn):
        _register(name, "decision", fn.__doc__ or "")

        @wraps(fn)
        def wrapper(*args, **kwargs):
            out = fn(*args, **kwargs)
            if _fired is not None and out:
                _fired[name] += 1
            return out

        wrapper.rule_name = name
        return wrapper

    return deco


def row_rule(name: str, doc: str) -> str:
    """Register ``name`` as a value of a row's ``rule`` column and return it (use it as a constant)."""
    _register(name, "row", doc)
    return name


@contextmanager
def tracking():
    """Count fired decisions and produced row rules inside the ``with`` block (not thread-safe)."""
    global _fired
    previous, _fired = _fired, Counter()
    try:
        yield _fired
    finally:
        _fired = previous


def list_rules(family: str | None = None):
    """Every registered rule as a DataFrame: ``name``, ``family``, ``kind``, ``doc``."""
    import importlib

    import pandas as pd

    for module in _RULE_MODULES:  # rules register when their module is imported
        importlib.import_module(f"libyakit.{module}")
    rows = [r.__dict__ for r in RULES.values() if family is None or r.family == family]
    return pd.DataFrame(rows, columns=["name", "family", "kind", "doc"]).sort_values("name", ignore_index=True)


def _forget(name: str) -> None:
    RULES.pop(name, None)
