"""Chart helpers draw without missing glyphs and return their Axes."""

import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import libyakit as ly
from libyakit import plotting


@pytest.fixture(scope="module")
def articles():
    return ly.load_articles()


@pytest.fixture(autouse=True)
def _strict_glyphs():
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph \d+ .*missing from font")
        yield
    plt.close("all")


def _draw(ax):
    ax.figure.canvas.draw()  # glyphs are looked up at draw time
    return ax


def test_barh(articles):
    ax = _draw(plotting.barh(ly.top_words(articles, lang="ar", n=5), title="الكلمات", xlabel="عدد"))
    assert len(ax.patches) == 5


def test_claims_chart(articles):
    f = ly.extract_forces(articles)
    ax = _draw(plotting.claims_chart(f, title="القوات الأجنبية"))
    assert len(ax.get_yticklabels()) == len(f)


def test_timeline(articles):
    t = ly.timeline_events(ly.extract_ceasefire(articles))
    ax = _draw(plotting.timeline(t, title="خط زمني"))
    assert len(ax.get_yticklabels()) == t["term"].nunique()


def test_heatmap():
    frame = pd.DataFrame([[1, 0], [2, 3]], index=["روسيا · Russia", "تركيا · Turkey"], columns=["000", "001"])
    ax = _draw(plotting.heatmap(frame, title="الإشارات"))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["000", "001"]
