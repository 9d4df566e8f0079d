"""clean_text and normalize_arabic: literal input -> literal output, plus invariants."""

import pytest
from hypothesis import given, settings, strategies as st

from libyakit import clean_text, cleaning_changes, normalize_arabic, split_article


@pytest.mark.parametrize(
    "raw, expected",
    [
        # presentation forms (text copied from PDFs) fold to letters
        ("ﺍﻟﺴﻼﻡ عليكم", "السلام عليكم"),
        ("ﻻ", "لا"),
        # isolated haraka forms fold to the mark, without a stray space
        ("بﹰ", "بً"),
        # bidi controls, zero-width characters and stray BOMs go
        ("ليبيا\u200f", "ليبيا"),
        ("\u202bطرابلس\u202c", "طرابلس"),
        ("\u2067سرت\u2069 والجفرة", "سرت والجفرة"),
        ("حف\u200bتر", "حفتر"),
        ("\ufeffالأمم", "الأمم"),
        # tatweel goes, diacritics stay
        ("الـــمتحدة", "المتحدة"),
        ("مرحبّةً", "مرحبّةً"),
        # quotes and spaces
        ("“قال” ‘x’", "\"قال\" 'x'"),
        ("«قنونو»", "«قنونو»"),
        ("a\u00a0\u2009b  c", "a b c"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\n\n\n\nb", "a\n\nb"),
        ("  a  \n  b  ", "a\nb"),
        # phrase ligatures are not expanded into words
        ("محمد ﷺ", "محمد ﷺ"),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "raw, expected, kinds",
    [
        ("قال المتحدث&nbsp;إن &quot;القوات&quot; انسحبت", 'قال المتحدث إن "القوات" انسحبت', {"html_entities"}),
        ("Libya&#39;s GNA said &amp;quot;no&amp;quot;", 'Libya\'s GNA said "no"', {"html_entities"}),
        ("<p>قال <b>المتحدث</b> إن القوات انسحبت</p><p>فقرة ثانية</p>",
         "قال المتحدث إن القوات انسحبت\n\nفقرة ثانية", {"html_tags"}),
        ("<script>var a = 1;</script>نص الخبر", "نص الخبر", {"html_tags"}),
        ("x < 5 and y > 3 &foo; R&D", "x < 5 and y > 3 &foo; R&D", set()),  # not HTML: kept
    ],
)
def test_html_left_by_scrapers(raw, expected, kinds):
    assert clean_text(raw) == expected
    assert kinds <= set(cleaning_changes(raw)) and not ({"html_entities", "html_tags"} - kinds) & set(
        cleaning_changes(raw))


def test_chrome_removed_and_reported():
    raw = "date 2021-01-29 Body starts here.\n\nAdd a comment\n"
    r = split_article(raw)
    assert r.text == "Body starts here."
    assert r.date == "2021-01-29"
    assert r.changes["date_header"] == 1 and r.changes["trailing_chrome"] == 1


def test_repeated_headline_becomes_title():
    r = split_article("العنوان هنا\n\nالعنوان هنا\n\nنص المقال.\n\nأضف تعليقاً")
    assert (r.title, r.text) == ("العنوان هنا", "نص المقال.")


def test_identical_paragraphs_alone_are_not_a_headline():
    # Nothing would be left: a repeat with no article after it is kept.
    assert clean_text("نص.\nنص.") == "نص.\nنص."


def test_chrome_words_inside_text_are_kept():
    text = "Readers can add a comment below.\n\nPrint media reported it."
    assert clean_text(text) == text


def test_cleaning_changes_counts_kinds():
    assert cleaning_changes("“a” ـ\u200f") == {"invisible_controls": 1, "quotes": 2, "tatweel": 1, "whitespace": 1}


def test_unknown_lang_rejected():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        clean_text("x", lang="fr")


def test_non_string_rejected():
    with pytest.raises(TypeError):
        clean_text(None)


@pytest.mark.parametrize(
    "text, key",
    [
        ("أحمد", "احمد"),
        ("إلى", "الي"),
        ("آلاف", "الاف"),
        ("مدرسة", "مدرسه"),
        ("على", "علي"),  # why the key is never display text: "on" becomes "Ali"
        ("قُوَّاتٌ", "قوات"),
        ("الـمتحدة", "المتحده"),
        ("Libya", "Libya"),
    ],
)
def test_normalize_arabic(text, key):
    assert normalize_arabic(text) == key


# --- invariants ----------------------------------------------------------------

_alphabet = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ")
    + list("abcXYZ019 .,\"'«»“”‘’\n\r\t")
    + ["\u0640", "\u064b", "\u0651", "\u200f", "\u202b", "\ufeff", "\u00a0", "ﻻ", "ﺍ", "ﹰ"]
    + ["date 2021-01-29 ", "Add a comment", "\n\n"]
    + ["&", ";", "<", ">", "/", "&amp;", "&nbsp;", "&quot;", "&#39;", "&lt;", "<p>", "</p>", "<br/>", "<b>", "amp"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_alphabet, max_size=60).map("".join))
def test_clean_text_is_idempotent(s):
    once = clean_text(s)
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.lists(_alphabet, max_size=60).map("".join))
def test_clean_text_leaves_no_controls_or_tatweel(s):
    out = clean_text(s)
    assert not set(out) & {"\u0640", "\u200f", "\u202b", "\ufeff", "\u00a0", "\r", "\t"}
