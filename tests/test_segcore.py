"""The compiled core (libyakit/_segcore.c) decides and repairs exactly as the Python code does.

The Python code in libyakit/segment.py is the reference; the core is a port of it for
speed. Every test here runs both on the same input and asks for the same answer:
the same parts, rule and (bit for bit) the same scores, and the same repaired text
with the same offsets.
"""

import math
import random
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import bench_scripts

from libyakit import segment
from libyakit.segment import CorpusStats, Segmenter, fix_joined_words_at

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pair():
    """(Python, compiled) segmenters over the same lexicon and character model."""
    py = Segmenter(compiled=False)
    return py, Segmenter(py.lexicon, char_model=py.lm, compiled=True)


def _same_decision(py: Segmenter, core: Segmenter, form: str) -> None:
    # without a corpus, the lexicon's decision; with one, the corpus's counts weighed too
    a = py._decide_lexicon(form) if py.corpus is None else py._decide(form)
    t = core._core.decide_lexicon(form) if core.corpus is None else core._core.decide(form)
    assert t is not None, form
    b = segment.Decision(*t)
    assert (a.parts, a.rule, a.part_zipf) == (b.parts, b.rule, b.part_zipf), form
    assert a.whole_zipf == b.whole_zipf, form
    assert a.score == b.score or (math.isnan(a.score) and math.isnan(b.score)), form


def test_the_core_is_built_and_current():
    # make install / pip install -e . build it; without it the repair is about ten times slower
    seg = Segmenter()
    assert seg.compiled, "libyakit/_segcore.c is not built: run `make install` (or `pip install -e .`)"


def test_a_stale_build_is_not_used(monkeypatch):
    monkeypatch.setattr(segment, "_core_source_sha1", lambda: "0" * 40)
    with pytest.warns(UserWarning, match="another version of _segcore.c"):
        assert not Segmenter().compiled
    with pytest.raises(RuntimeError, match="stale build"), pytest.warns(UserWarning):
        Segmenter(compiled=True)


def test_compiled_false_uses_the_python_code(pair):
    py, core = pair
    assert not py.compiled and py._core is None
    assert core.compiled


def test_same_decisions_on_the_seed_forms_and_test_cases(pair):
    py, core = pair
    forms = set()
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        forms.update(m.group().translate(segment._STRIP_MARKS) for m in segment._RUN.finditer(f.read_text("utf-8")))
    forms.update(["الولاياتالمتحدة", "تركياوروسيا", "لايمكن", "ولميكن", "لنيسمح", "سوفيكون", "لانجاح", "لاتجاه",
                  "وأهازيجكم", "يحذفانها", "دمرتموكم", "قالانه", "النقطةلغالبية", "مصراتةىبنغازي", "ةةةة",
                  "وزيرالخارجيةالتركي", "إعارتهما", "ربما", "ا" * 64, "ب" * 30 + "ة" + "ت" * 30])
    assert len(forms) > 500
    for form in sorted(forms):
        _same_decision(py, core, form)


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_LETTERS, min_size=1, max_size=24))
def test_same_decisions_on_any_letters(pair, form):
    _same_decision(*pair, form)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40_000), min_size=1, max_size=4), st.sampled_from(["", "و", "ال", "وال", "ب", "لا"]))
def test_same_decisions_on_joined_lexicon_words(pair, ranks, prefix):
    py, core = pair
    words = _top_words(py)
    _same_decision(py, core, prefix + "".join(words[r] for r in ranks)[:64])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40_000), min_size=2, max_size=3), st.sampled_from(["", "و", "ال", "ب"]))
def test_same_dense_decisions_on_joined_lexicon_words(pair, ranks, prefix):
    # the decision for a text that lost many spaces (Segmenter.dense, rule "dense-split")
    py, core = pair
    words = _top_words(py)
    _same_decision(py.dense_sibling(), core.dense_sibling(), prefix + "".join(words[r] for r in ranks)[:64])


def test_same_decisions_on_the_function_pairs_and_dense_splits(pair):
    py, core = pair
    forms = sorted(py.function_pairs)
    assert len(forms) > 300
    for form in forms + ["التمييزبين", "عددكبير", "بعيداعن"]:
        for a, b in ((py, core), (py.dense_sibling(), core.dense_sibling())):
            _same_decision(a, b, form)
            _same_decision(a, b, "قال" + form)
    assert core.decide("التمييزبين").rule == "no-split"
    assert core.dense_sibling().decide("التمييزبين").rule == "dense-split"
    assert core.dense_sibling().compiled and not py.dense_sibling().compiled


def _top_words(seg: Segmenter) -> list[str]:
    if not hasattr(_top_words, "cache"):
        letters = set(_LETTERS)
        ranked = sorted(seg.lexicon.items(), key=lambda kv: -kv[1])
        _top_words.cache = [w for w, _ in ranked if set(w) <= letters][:40_001]
    return _top_words.cache


def test_forms_with_other_characters_are_left_to_python(pair):
    py, core = pair
    for form in ["abc", "الأُمم", "ليبيا2020", "ليبيا😀"]:
        assert core._core.decide_lexicon(form) is None
        a, b = py.decide(form), core.decide(form)
        assert (a.parts, a.rule) == (b.parts, b.rule)


# --- whole texts -------------------------------------------------------------------

_pieces = st.sampled_from(
    ["الولايات", "المتحدة", "تركيا", "وروسيا", "الأمم", "في", "من", "ليبيا", "استخدموهم", "عبد", "الكلام",
     "قنونو", "لايمكن", "فاغنر", "الروسية", "ة", "ى", "ال", "و", " ", " ", "\u00a0", "\u2003", "\t", "\n", "،",
     "5000", "UN", "ً", "ٌ", "ّ", "ُ", "ۖ", "😀", "-", "ب" * 70, "x" * 300]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces, max_size=16).map("".join))
def test_same_repairs_of_any_text(pair, text):
    py, core = pair
    assert fix_joined_words_at(text, segmenter=core) == fix_joined_words_at(text, segmenter=py)


def test_same_repairs_of_the_seeds_twice(pair):
    # twice: the second pass answers from the caches (the core's own token sets included)
    py, core = pair
    for _ in range(2):
        for f in sorted((ROOT / "seeds").glob("*.txt")):
            text = f.read_text("utf-8")
            assert fix_joined_words_at(text, segmenter=core) == fix_joined_words_at(text, segmenter=py), f.name


def test_same_repairs_when_the_caches_overflow():
    py = Segmenter(compiled=False, cache_size=50)
    core = Segmenter(py.lexicon, char_model=py.lm, compiled=True, cache_size=50)
    words = _top_words(py)[:400]
    rng = random.Random(3)
    for _ in range(40):
        text = " ".join(rng.choice(words) + (rng.choice(words) if rng.random() < 0.2 else "") for _ in range(30))
        assert fix_joined_words_at(text, segmenter=core) == fix_joined_words_at(text, segmenter=py)


def _benchmark():
    return bench_scripts.load("joined_words")


def test_same_repairs_of_real_news_with_spaces_deleted(pair):
    jw = _benchmark()
    if not jw.DEFAULT_DATA.is_dir():
        pytest.skip(f"SaudiNewsNet sample not found at {jw.DEFAULT_DATA}")
    texts = jw.read_articles(jw.DEFAULT_DATA, ["2015-07-21"], 150)
    rng = random.Random(5)
    py, core = pair
    forms = set()
    for t in texts:
        corrupted, _ = jw.corrupt(t, 0.05, rng)
        assert fix_joined_words_at(corrupted, segmenter=core) == fix_joined_words_at(corrupted, segmenter=py)
        forms.update(m.group().translate(segment._STRIP_MARKS) for m in segment._RUN.finditer(corrupted))
    for form in sorted(forms):
        _same_decision(py, core, form)


def test_bad_configurations_are_refused(pair):
    from libyakit import _segcore

    with pytest.raises(KeyError, match="lacks"):
        _segcore.Core({})
    py, _ = pair
    with pytest.raises(ValueError, match="part table disagrees"):
        segment._compiled_core(_Shifted(py), required=True)
    bad = _Shifted(py)
    bad._part_table = py._part_table
    bad.function_pairs = {"أكثرمن": 9}  # a space past the end of its form
    with pytest.raises(ValueError, match="function pair"):
        segment._compiled_core(bad, required=True)


class _Shifted:
    """A segmenter's tables, with one part's Zipf off from its lexicon entry."""

    def __init__(self, seg: Segmenter):
        self.lexicon, self.lm, self._top_part, self._cache_size, self.corpus = seg.lexicon, seg.lm, seg._top_part, 10, None
        self._low_margin, self.function_pairs = seg._low_margin, seg.function_pairs
        w = next(iter(seg._part_table))
        self._part_table = {**seg._part_table, w: seg._part_table[w] + 1}


@pytest.mark.parametrize("compiled", [False, True])
def test_a_small_cache_repairs_as_a_large_one(pair, compiled):
    # the memos are forgotten when full; a text repaired right then loses no repair
    py, _ = pair
    small = Segmenter(py.lexicon, char_model=py.lm, compiled=compiled, cache_size=40)
    large = Segmenter(py.lexicon, char_model=py.lm, compiled=compiled)
    words = _top_words(py)[:3000]
    rng = random.Random(11)
    joins = [rng.choice(words) + rng.choice(words) for _ in range(8)]  # seen again and again
    for _ in range(60):
        text = " ".join(rng.choice(joins) if rng.random() < 0.3 else rng.choice(words) for _ in range(25))
        assert fix_joined_words_at(text, segmenter=small) == fix_joined_words_at(text, segmenter=large)


# --- corpus evidence ----------------------------------------------------------------

def _corpus_pair(pair, texts):
    py, _ = pair
    stats = CorpusStats(texts)
    return (Segmenter(py.lexicon, char_model=py.lm, corpus=stats, compiled=False),
            Segmenter(py.lexicon, char_model=py.lm, corpus=stats, compiled=True))


# spaced in some texts, joined in others, names seen whole: every corpus rule has work
_CORPUS_TEXTS = [
    "قال المتحدث باسم الحكومة إن الأمم المتحدة في مهب الريح",
    "المتحدث باسم الحكومة في مهب الريح مع الأممالمتحدة",
    "في مهب الريح قال كوبيتش وكوبيتش وكوبيتش",
    "لا يتجزأ لا يتجزأ لا يتجزأ الجنجويد الجنجويد الجنجويد سان مارتن سان مارتن",
    "في حق فيحق في حق لودفيجسهافن لودفيجسهافن لودفيجسهافن",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted({w for t in _CORPUS_TEXTS for w in t.split()})), min_size=1, max_size=3))
def test_same_decisions_with_corpus_evidence(pair, words):
    py, core = _corpus_segmenters(pair)
    _same_decision(py, core, "".join(words)[:64])


def _corpus_segmenters(pair):
    if not hasattr(_corpus_segmenters, "cache"):
        _corpus_segmenters.cache = _corpus_pair(pair, _CORPUS_TEXTS)
    return _corpus_segmenters.cache


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted({w for t in _CORPUS_TEXTS for w in t.split()}) + [" ", "،", "ً"]),
                max_size=12).map("".join))
def test_same_repairs_with_corpus_evidence(pair, text):
    py, core = _corpus_segmenters(pair)
    assert fix_joined_words_at(text, segmenter=core) == fix_joined_words_at(text, segmenter=py)


def test_same_repairs_of_real_news_with_corpus_evidence(pair):
    jw = _benchmark()
    if not jw.DEFAULT_DATA.is_dir():
        pytest.skip(f"SaudiNewsNet sample not found at {jw.DEFAULT_DATA}")
    rng = random.Random(6)
    texts = [jw.corrupt(t, 0.05, rng)[0] for t in jw.read_articles(jw.DEFAULT_DATA, ["2015-07-21"], 300)]
    py, core = _corpus_pair(pair, texts)
    rules = set()
    for t in texts[:150]:
        assert fix_joined_words_at(t, segmenter=core) == fix_joined_words_at(t, segmenter=py)
    forms = {m.group().translate(segment._STRIP_MARKS) for t in texts for m in segment._RUN.finditer(t)}
    for form in sorted(forms):
        _same_decision(py, core, form)
        rules.add(py.decide(form).rule)
    assert "corpus-pair-split" in rules  # the corpus rules were exercised (and see the next test)


def test_the_corpus_test_texts_exercise_both_corpus_rules(pair):
    py, core = _corpus_segmenters(pair)
    assert core.decide("لودفيجسهافن").rule == py.decide("لودفيجسهافن").rule == "corpus-whole-kept"
    assert core.decide("فيمهب").rule == py.decide("فيمهب").rule == "corpus-pair-split"


def test_same_decisions_with_counts_set_by_hand(pair):
    # CorpusStats always counts a spaced pair's words whole too; counts set by hand need not,
    # which reaches the check that each part is a word or seen whole
    py, _ = pair
    stats = CorpusStats()
    stats.pairs.update({("بلا", "زخ"): 5, ("زخ", "بلا"): 5, ("قطر", "بلا"): 5, ("فيه", "ززز"): 3})
    stats.whole.update({"ززز": 1})
    a = Segmenter(py.lexicon, char_model=py.lm, corpus=stats, compiled=False)
    b = Segmenter(py.lexicon, char_model=py.lm, corpus=stats, compiled=True)
    for form in ["بلازخ", "زخبلا", "قطربلا", "فيهززز"]:
        _same_decision(a, b, form)
    assert a.decide("قطربلا").rule == "corpus-pair-split" and not a.decide("بلازخ").split


def test_a_core_without_its_tables_refuses_to_work():
    from libyakit import _segcore

    core = _segcore.Core.__new__(_segcore.Core)
    with pytest.raises(RuntimeError, match="not initialised"):
        core.decide("ليبيا")
    with pytest.raises(KeyError):
        core.__init__({})  # a failed __init__ leaves it unusable too
    with pytest.raises(RuntimeError, match="not initialised"):
        core.candidates("ليبيا")


def test_corpus_counts_of_another_kind_are_left_to_python(pair):
    class Counts:  # anything with .get, as the Python code asks no more
        def __init__(self, d):
            self.d = d

        def get(self, key, default=None):
            return self.d.get(key, default)

    py, _ = pair
    stats = CorpusStats(_CORPUS_TEXTS)
    odd = CorpusStats()
    odd.whole, odd.pairs = Counts(stats.whole), Counts(stats.pairs)
    seg = Segmenter(py.lexicon, char_model=py.lm, corpus=odd)
    assert not seg.compiled
    assert seg.decide("فيمهب").rule == "corpus-pair-split"


_ANY_CHAR = st.one_of(
    st.sampled_from(_LETTERS + "ًٌٍَُِّْٰۖ" + "  \t\n\u00a0\u2003\u200c\u200f"),  # letters, marks, spaces
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),  # the whole Arabic block
    st.characters(),  # anything, surrogates and astral planes included
)


@settings(max_examples=500, deadline=None)
@given(st.text(_ANY_CHAR, max_size=80))
def test_same_repairs_of_arbitrary_text(pair, text):
    py, core = pair
    assert fix_joined_words_at(text, segmenter=core) == fix_joined_words_at(text, segmenter=py)
