"""Chart helpers draw without missing glyphs and return their Axes."""

import re
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


def _claims(lows, highs, qualifiers, amounts):
    n = len(lows)
    return pd.DataFrame({"origins": [("SYR",)] * n, "force_type": ["mercenaries"] * n, "low": lows, "high": highs,
                         "qualifier": qualifiers, "amount": amounts, "article_id": [f"a{i}" for i in range(n)]})


@pytest.mark.parametrize("lows, highs", [([800.0, 3000.0], [1200.0, 9000.0]), ([3.0, 20000.0], [3.0, 2000000.0])])
def test_log_axes_are_labelled_in_plain_numbers(lows, highs):
    f = _claims(lows, highs, ["range", "range"], ["800–1,200", "x"])
    ax = _draw(plotting.claims_chart(f))
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels and all(re.fullmatch(r"[\d,]+", lbl) for lbl in labels), labels
    # labels do not collide: at most one per power of ten over a wide span
    assert len(labels) <= 10


def test_open_ended_vague_amount_is_an_arrow_not_a_bar_to_9999():
    f = _claims([2000.0], [9999.0], ["vague"], ["thousands"])
    ax = _draw(plotting.claims_chart(f))
    bar = [line for line in ax.get_lines() if len(line.get_xdata()) == 2][0]
    assert max(bar.get_xdata()) != 9999.0
    assert any(type(c).__name__ == "Annotation" for c in ax.get_children())


def test_summary_chart_for_many_claims():
    from libyakit import report

    f = _claims([float(x) for x in range(100, 4100, 100)], [float(x) for x in range(100, 4100, 100)],
                ["exact"] * 40, [""] * 40)
    groups = report.claim_groups(f, top=15)
    assert list(groups["n_claims"]) == [40] and groups["low"].iloc[0] == 100 and groups["high"].iloc[0] == 4000
    ax = _draw(plotting.claims_summary_chart(groups))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Syria (mercenaries) · 40 claims"]


def test_crowded_timeline_labels_a_few_dates_per_row():
    days = pd.date_range("2015-07-01", periods=12, freq="D")
    t = pd.DataFrame({"date": days, "term": ["meeting"] * 12, "label_en": ["meeting"] * 12,
                      "label_ar": ["الاجتماع"] * 12, "articles": [("a",)] * 12, "n_articles": range(1, 13),
                      "inferred": [False] * 12})
    ax = _draw(plotting.timeline(t))
    dates = [c for c in ax.texts]
    assert len(dates) == 2
