"""Diacritics: the extractors find the same rows in a text whatever marks its writer added."""

import random

import pandas as pd
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import libyakit as ly
from libyakit.backing import backing_in
from libyakit.ceasefire import events_in
from libyakit.forces import claims_in
from libyakit.marks import BareText, written
from libyakit.quotes import quotes_in

MARKS = "\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d"  # fatha, damma, kasra, shadda, sukun, tanween
_LETTER = regex.compile(r"[\u0621-\u064a]")
_MARK = regex.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")


def _marked(text: str, rate: float, seed: int) -> str:
    rng = random.Random(seed)
    return _LETTER.sub(lambda m: m.group() + (rng.choice(MARKS) if rng.random() < rate else ""), text)


def _bare(s):
    return _MARK.sub("", s) if isinstance(s, str) else s


EXTRACTORS = {
    "forces": (claims_in, {}, ("low", "high", "origins", "force_type", "attributed_to", "qualifier")),
    "quotes": (quotes_in, {}, ("speaker_id", "resolved_by", "closed")),
    "backing": (backing_in, {}, ("backer", "side")),
    "ceasefire": (events_in, {"lang": "ar", "article_date": None, "reference": None}, ("term", "date")),
}


def test_bare_text_offsets():
    bt = BareText("أكّد المتحدث أنَّ")
    assert bt.bare == "أكد المتحدث أن"
    assert bt.text[bt.start(0):bt.end(3)] == "أكّد"
    assert bt.text[bt.start(12):bt.end(14)] == "أنَّ"  # a word's trailing marks belong to it
    assert [bt.to_bare(o) for o in (0, 2, 3, 4)] == [0, 2, 2, 3]


def test_written_gives_the_words_with_their_marks():
    assert written("وأكد", "قال ثم وأكّد المتحدث") == "وأكّد"
    assert written("غائب", "قال ثم وأكّد") == "غائب"


@pytest.fixture(scope="module")
def arabic_seeds():
    articles = ly.load_articles()
    return [t for t, lang in zip(articles["text"], articles["lang"]) if lang == "ar"]


@pytest.mark.parametrize("name", EXTRACTORS)
@pytest.mark.parametrize("rate", [0.1, 0.5, 1.0])
def test_same_rows_with_marks(arabic_seeds, name, rate):
    func, kwargs, keys = EXTRACTORS[name]
    for i, text in enumerate(arabic_seeds):
        marked = _marked(text, rate, i)
        assert _bare(marked) == _bare(text)
        want = func(_bare(text), **kwargs)
        got = func(marked, **kwargs)
        assert [tuple(r[k] for k in keys) for r in got] == [tuple(r[k] for k in keys) for r in want]
        for r, w in zip(got, want):
            assert marked[r["start"]:r["end"]] == r["surface"]
            assert _bare(r["surface"]) == w["surface"]
            if "sentence" in r:
                assert r["sentence"] in marked and _bare(r["sentence"]) == w["sentence"]


def test_a_marked_word_is_found():
    (claim,) = claims_in("انتشار 5000 من القوّات التركية في ليبيا")
    assert (claim["low"], claim["surface"]) == (5000, "5000 من القوّات")
    (claim,) = claims_in("أرسلت تركيا ألفَي مرتزق سوري")
    assert (claim["low"], claim["amount"]) == (2000, "ألفَي")
    (quote,) = quotes_in("وأكّد المتحدث باسم الكرملين دميتري بيسكوف: «لا يوجد أيّ عسكريين روس في ليبيا».")
    assert (quote["speaker_id"], quote["cue"], quote["quote"]) == ("peskov", "وأكّد", "لا يوجد أيّ عسكريين روس في ليبيا")


def test_extract_tables_with_marks_check_out():
    text = _marked("قالت ستيفاني ويليامز إن نحو 20 ألفا من المقاتلين الأجانب والمرتزقة ما زالوا في ليبيا، "
                   "رغم اتفاق وقف إطلاق النار الموقع في 23 أكتوبر 2020.", 0.6, 3)
    articles = pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["ar"], "date": [pd.NaT]})
    for name in ("forces", "ceasefire", "quotes", "backing"):
        df = getattr(ly, f"extract_{name}")(articles)
        assert all(text[s:e] == sf for s, e, sf in zip(df["start"], df["end"], df["surface"]))
    assert len(ly.extract_forces(articles)) == 1


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.05, 1.0))
def test_marks_anywhere_keep_spans_exact(seed, rate):
    text = _marked("وأرسلت تركيا ما بين 3500 و3800 مقاتل سوري إلى ليبيا، بحسب المرصد السوري. وقال المتحدث "
                   "أحمد المسماري: «لن نقبل بأي وجود أجنبي». وتدعم مصر والإمارات قوات حفتر.", rate, seed)
    for func, kwargs, _ in EXTRACTORS.values():
        for r in func(text, **kwargs):
            assert text[r["start"]:r["end"]] == r["surface"]
            assert not _MARK.match(text, r["start"])  # a span never starts on a mark


def test_a_mark_that_tells_a_word_from_a_number():
    # ألّف (with shadda) is "formed", not ألف "thousand"
    assert claims_in("والعدو أميركي ألّف جيشًا من المرتزقة الأجانب") == []
    (claim,) = claims_in("محشدة آلافًا عدة من القوات الأمريكية")
    assert (claim["low"], claim["high"], claim["amount"]) == (3000, 9000, "آلافًا عدة")
