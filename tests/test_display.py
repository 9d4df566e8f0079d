"""The display helpers: Arabic laid out in logical order, values readable, article text escaped."""

import re

import pandas as pd
import pytest

from libyakit import display, report
from libyakit.numbers import VAGUE

ATTACK = "<script>alert('x')</script> <img src=x onerror=alert(1)>"


def test_every_cell_has_dir_auto():
    t = display.table(pd.DataFrame({"n": ["10 قواعد", "4 أبريل 2019"], "who": ["United Nations", "الأمم المتحدة"]}))
    html = t._repr_html_()
    cells = re.findall(r"<t[dh]( [^>]*)?>", html)
    assert cells and all('dir="auto"' in (attrs or "") for attrs in cells)
    # logical order kept: the number stays before the Arabic word in the markup
    assert '<td dir="auto">10 قواعد</td>' in html


def test_rtl_table_sets_the_table_direction():
    html = display.rtl_table(pd.DataFrame({"كلمة": ["ليبيا"]}))._repr_html_()
    assert html.startswith('<table class="dataframe libyakit-table" dir="rtl">')


def test_table_escapes_article_text():
    html = display.table(pd.DataFrame({"title": [ATTACK]}))._repr_html_()
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_values_a_reader_reads():
    frame = pd.DataFrame({"origins": [("SYR", "SDN"), ()], "share": [5.220000000000001, 2.0],
                          "date": pd.to_datetime(["2021-01-29", None]), "flag": [True, False]})
    rows = display.table(frame, digits=1).rows
    assert rows == [["Syria, Sudan", "5.2", "2021-01-29", "yes"], ["", "2", "", "no"]]


def test_long_tables_say_they_are_cut():
    t = display.table(pd.DataFrame({"a": range(100)}), max_rows=10)
    assert len(t.rows) == 10 and "the first 10 of 100 rows" in t._repr_html_() and "100 rows" in repr(t)


@pytest.mark.parametrize("text, run", [
    ("the UN says أكثر من 5000 mercenaries", "أكثر من 5000"),
    ("about 20,000 (بنحو 20 ألفاً)", "بنحو 20 ألفاً"),
    ("10 قواعد in all", "10 قواعد"),
])
def test_markdown_wraps_arabic_runs_with_their_numbers(text, run):
    m = display.markdown("{x}", x=text)
    assert f'<span dir="rtl">{run}</span>' in m.text
    assert repr(m) == text


def test_markdown_escapes_values_but_not_the_template():
    m = display.markdown("**{n}** items: {x}", n=1200, x=ATTACK)
    assert m.text.startswith("**1,200** items: ")
    assert "<script" not in m.text and "<img" not in m.text and "&lt;script&gt;" in m.text


def test_evidence_marks_the_span_and_escapes():
    text = "First sentence here. Some 300 fighters <script>alert(1) arrived in Sirte. Last one."
    start = text.index("300 fighters")
    articles = pd.DataFrame({"article_id": ["a1"], "text": [text]})
    rows = pd.DataFrame({"article_id": ["a1"], "start": [start], "end": [start + len("300 fighters")],
                         "sentence": ["Some 300 fighters <script>alert(1) arrived in Sirte."]})
    ev = display.evidence(rows, articles)
    html = ev._repr_html_()
    assert "<mark>300 fighters</mark>" in html
    assert "<script" not in html and "&lt;script&gt;alert(1)" in html
    assert 'dir="auto"' in html
    assert "[[300 fighters]]" in repr(ev)


def test_evidence_without_a_sentence_takes_whole_words_around():
    text = "alpha beta gamma delta epsilon"
    articles = pd.DataFrame({"article_id": ["a"], "text": [text]})
    rows = pd.DataFrame({"article_id": ["a"], "start": [11], "end": [16]})
    item = display.evidence(rows, articles, width=3).items[0]
    assert item["span"] == "gamma" and item["before"].endswith("beta ") and item["after"].startswith(" delta")


@pytest.mark.parametrize("words", sorted(VAGUE))
def test_open_ended_vague_amounts_are_the_bare_plurals(words):
    quantified = any(q in words for q in ("several", "few", "عدة", "بضع"))
    assert report.open_ended(words) is (not quantified)
    low, high = VAGUE[words]
    shown = report.amount_text("vague", float(low), float(high), words)
    assert (f"{high:,}" in shown) is quantified  # never "9,999" for "thousands"


def test_origins_are_names():
    assert report.origins_text(("SYR", "SDN")) == "Syria, Sudan"
    assert report.origins_text(()) == "origin not stated"


def test_article_bins_keep_full_ids_and_bin_large_corpora():
    small = pd.DataFrame({"article_id": ["000_2fdf3219d8edb66e", "x"], "date": pd.to_datetime([None, None]),
                          "lang": ["ar", "en"]})
    bins, kind = report.article_bins(small)
    assert kind == "article" and list(bins) == ["000_2fdf3219d8edb66e", "x"]
    big = pd.DataFrame({"article_id": [f"a{i}" for i in range(40)],
                        "date": pd.to_datetime(["2020-01-15"] * 20 + ["2021-06-01"] * 19 + [None]),
                        "lang": ["ar"] * 40})
    bins, kind = report.article_bins(big)
    assert kind == "month" and sorted(set(bins)) == ["2020-01", "2021-06", "undated"]


def test_english_cells_isolate_their_arabic_and_arabic_cells_stay_whole():
    html = display.table(pd.DataFrame({"a": ["3,000–9,000 (vague: آلاف عدة)", "بعثة الأمم المتحدة (UNSMIL) في ليبيا"]}))._repr_html_()
    assert '<td dir="auto">3,000–9,000 (vague: <span dir="rtl">آلاف عدة</span>)</td>' in html
    assert '<td dir="auto">بعثة الأمم المتحدة (UNSMIL) في ليبيا</td>' in html


def test_unlisted_people_show_their_name():
    assert report.actor_label("unlisted:Jan Kubis") == "Jan Kubis"
    assert report.origins_text(("SYR", "unlisted:Someone Else")) == "Syria, Someone Else"
    assert display.table(pd.DataFrame({"who": [("unlisted:Jan Kubis",)]})).rows == [["Jan Kubis"]]
