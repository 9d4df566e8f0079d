"""The examples in the package's docstrings run (convention: examples are doctests)."""

import doctest
import importlib
import pkgutil

import pytest

import libyakit

MODULES = sorted(m.name for m in pkgutil.iter_modules(libyakit.__path__, "libyakit.") if m.name != "libyakit.__main__")


@pytest.mark.parametrize("name", ["libyakit", *MODULES])
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_the_repair_examples_are_among_them():
    # guard against the collection silently finding nothing
    finder = doctest.DocTestFinder()
    examples = sum(len(t.examples) for t in finder.find(importlib.import_module("libyakit.segment")))
    assert examples >= 3
