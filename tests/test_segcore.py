"""The compiled core (libyakit/_segcore.c) decides and repairs exactly as the Python code does.

The Python code in libyakit/segment.py is the reference; the core is a port of it for
speed. Every test here runs both on the same input and asks for the same answer:
the same parts, rule and (bit for bit) the same scores, and the same repaired text
with the same offsets.
"""

import importlib.util
import math
import random
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from libyakit import segment
from libyakit.segment import Segmenter, fix_joined_words_at

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pair():
    """(Python, compiled) segmenters over the same lexicon and character model."""
    py = Segmenter(compiled=False)
    return py, Segmenter(py.lexicon, char_model=py.lm, compiled=True)


def _same_decision(py: Segmenter, core: Segmenter, form: str) -> None:
    a = py._decide_lexicon(form)
    t = core._core.decide_lexicon(form)
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
    spec = importlib.util.spec_from_file_location("joined_words", ROOT / "benchmarks" / "joined_words.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


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


class _Shifted:
    """A segmenter's tables, with one part's Zipf off from its lexicon entry."""

    def __init__(self, seg: Segmenter):
        self.lexicon, self.lm, self._top_part, self._cache_size = seg.lexicon, seg.lm, seg._top_part, 10
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
