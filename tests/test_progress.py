"""Progress bars: shown for long work someone can watch, never for a handful of articles (so the
seeds leave no bar in stored notebook output, however slow the machine)."""

import pytest

from libyakit.progress import MIN_ITEMS, progress_bar


@pytest.fixture
def watched(monkeypatch):
    monkeypatch.setenv("LIBYAKIT_PROGRESS", "1")


def test_a_few_items_get_no_bar(watched):
    items = list(range(5))
    assert progress_bar(items, desc="x") is items


def test_many_items_get_a_bar(watched):
    bar = progress_bar(list(range(MIN_ITEMS)), desc="x")
    assert type(bar).__name__ != "list" and list(bar) == list(range(MIN_ITEMS))


def test_asked_for_a_bar_gets_one_whatever_the_size():
    bar = progress_bar([1, 2], enable=True)
    assert not isinstance(bar, list) and list(bar) == [1, 2]


def test_nobody_watching_gets_no_bar(monkeypatch):
    monkeypatch.setenv("LIBYAKIT_PROGRESS", "0")
    items = list(range(100))
    assert progress_bar(items) is items
