"""The compiled core (libyakit/_segcore.c): the one implementation of the joined-word decision.

There is no Python twin to compare it with any more (issue 20, item 6): these tests check that
the core is built from the source beside it, refuses clearly when it cannot be used, and keeps
the properties the repair relies on (parts that spell the form, a decision that does not depend
on the cache, only spaces inserted, corpus rules). What it decides is tested in
tests/test_segment.py and tests/test_function_pairs.py, and measured by
benchmarks/joined_words.py.
"""

import math
import random
import sys

import pytest
from hypothesis import given, settings, strategies as st

from libyakit import segment
from libyakit.segment import CoreUnavailable, CorpusStats, Segmenter, fix_joined_words_at, inserted_spaces


@pytest.fixture(scope="module")
def seg():
    return Segmenter()


def test_the_core_is_built_and_current(seg):
    # make install / pip install -e . build it; the repair has no other code for its decisions
    assert seg.compiled, "libyakit/_segcore.c is not built: run `make install` (or `pip install -e .`)"
    assert segment.core_status().startswith("compiled core")


def test_a_stale_build_is_refused_with_the_way_out(monkeypatch):
    monkeypatch.setattr(segment, "_core_source_sha1", lambda: "0" * 40)
    assert segment.core_status().startswith("stale")
    with pytest.raises(CoreUnavailable, match="stale build.*make install"):
        Segmenter()


def test_a_missing_build_is_refused_with_the_way_out(monkeypatch):
    monkeypatch.setitem(sys.modules, "libyakit._segcore", None)  # as if never built
    monkeypatch.delattr(sys.modules["libyakit"], "_segcore", raising=False)
    assert segment.core_status().startswith("not built")
    with pytest.raises(CoreUnavailable, match="not built.*C compiler.*make install"):
        Segmenter()


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى"
_RULES = {"too-long", "short", "particle-verb-split", "common-word", "final-letter-forced", "no-split",
          "final-letter-split", "unseen-split", "junk-entry-split", "lexicon-split", "clitic-form",
          "function-pair-split", "dense-split"}


def _check(d, form):
    assert "".join(d.parts) == form, form
    assert d.rule in _RULES | {"corpus-whole-kept", "corpus-pair-split"}, (form, d.rule)
    assert d.split == (len(d.parts) > 1)
    assert d.split or d.rule not in ("unseen-split", "lexicon-split", "junk-entry-split", "dense-split")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_LETTERS, min_size=1, max_size=70))
def test_decisions_spell_their_form(seg, form):
    d = seg.decide(form)
    _check(d, form)
    a, b = seg._core.decide_lexicon(form), seg._core.decide(form)  # no corpus: the lexicon's decision
    assert a[:3] + a[4:] == b[:3] + b[4:] and (a[3] == b[3] or math.isnan(a[3]) and math.isnan(b[3]))
    dense = seg.dense_sibling().decide(form)
    _check(dense, form)
    if d.split:  # a text that lost many spaces splits at least what any text splits
        assert dense.parts == d.parts


def test_forms_with_other_characters_are_kept_whole(seg):
    for form in ["abc", "الأُمم", "ليبيا2020", "ليبيا😀"]:
        assert seg._core.decide_lexicon(form) is None
        d = seg.decide(form)
        assert d.parts == (form,) and d.rule == "not-letters" and math.isnan(d.score)


def test_the_function_pairs_and_the_dense_margin(seg):
    assert len(seg.function_pairs) > 300
    for form, cut in seg.function_pairs.items():
        assert seg.decide(form).parts == (form[:cut], form[cut:]), form
    assert seg.decide("التمييزبين").rule == "no-split"
    assert seg.dense_sibling().decide("التمييزبين").rule == "dense-split"


def test_bad_configurations_are_refused(seg):
    from libyakit import _segcore

    with pytest.raises(KeyError, match="lacks"):
        _segcore.Core({})
    with pytest.raises(ValueError, match="part table disagrees"):
        segment._compiled_core(_Shifted(seg))
    bad = _Shifted(seg)
    bad._part_table = seg._part_table
    bad.function_pairs = {"أكثرمن": 9}  # a space past the end of its form
    with pytest.raises(ValueError, match="function pair"):
        segment._compiled_core(bad)


class _Shifted:
    """A segmenter's tables, with one part's Zipf off from its lexicon entry."""

    def __init__(self, seg: Segmenter):
        self.lexicon, self.lm, self._top_part, self._cache_size, self.corpus = seg.lexicon, seg.lm, seg._top_part, 10, None
        self._low_margin, self.function_pairs = seg._low_margin, seg.function_pairs
        w = next(iter(seg._part_table))
        self._part_table = {**seg._part_table, w: seg._part_table[w] + 1}


def test_a_core_without_its_tables_refuses_to_work():
    from libyakit import _segcore

    core = _segcore.Core.__new__(_segcore.Core)
    with pytest.raises(RuntimeError, match="not initialised"):
        core.decide("ليبيا")
    with pytest.raises(KeyError):
        core.__init__({})  # a failed __init__ leaves it unusable too
    with pytest.raises(RuntimeError, match="not initialised"):
        core.candidates("ليبيا")


def _top_words(seg: Segmenter, n: int) -> list[str]:
    letters = set(_LETTERS)
    ranked = sorted(seg.lexicon.items(), key=lambda kv: -kv[1])
    return [w for w, _ in ranked if set(w) <= letters][:n]


@pytest.mark.parametrize("cache_size", [40, 50])
def test_a_small_cache_repairs_as_a_large_one(seg, cache_size):
    # the memos (the core's own token sets included) are forgotten when full; no repair is lost
    small = Segmenter(seg.lexicon, char_model=seg.lm, cache_size=cache_size)
    words = _top_words(seg, 3000)
    rng = random.Random(11)
    joins = [rng.choice(words) + rng.choice(words) for _ in range(8)]  # seen again and again
    for _ in range(60):
        text = " ".join(rng.choice(joins) if rng.random() < 0.3 else rng.choice(words) for _ in range(25))
        assert fix_joined_words_at(text, segmenter=small) == fix_joined_words_at(text, segmenter=seg)


_ANY_CHAR = st.one_of(
    st.sampled_from(_LETTERS + "ًٌٍَُِّْٰۖ" + "  \t\n\u00a0\u2003\u200c\u200f"),  # letters, marks, spaces
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),  # the whole Arabic block
    st.characters(),  # anything, surrogates and astral planes included
)


@settings(max_examples=500, deadline=None)
@given(st.text(_ANY_CHAR, max_size=80))
def test_only_spaces_are_inserted_in_arbitrary_text(seg, text):
    out, at = fix_joined_words_at(text, segmenter=seg)
    assert out.replace(" ", "") == text.replace(" ", "")
    assert inserted_spaces(text, out) == at


# --- corpus evidence ----------------------------------------------------------------

# spaced in some texts, joined in others, names seen whole: every corpus rule has work
_CORPUS_TEXTS = [
    "قال المتحدث باسم الحكومة إن الأمم المتحدة في مهب الريح",
    "المتحدث باسم الحكومة في مهب الريح مع الأممالمتحدة",
    "في مهب الريح قال كوبيتش وكوبيتش وكوبيتش",
    "لا يتجزأ لا يتجزأ لا يتجزأ الجنجويد الجنجويد الجنجويد سان مارتن سان مارتن",
    "في حق فيحق في حق لودفيجسهافن لودفيجسهافن لودفيجسهافن",
]


def test_the_corpus_rules(seg):
    with_corpus = Segmenter(seg.lexicon, char_model=seg.lm, corpus=CorpusStats(_CORPUS_TEXTS))
    assert with_corpus.decide("لودفيجسهافن").rule == "corpus-whole-kept"
    assert with_corpus.decide("فيمهب").rule == "corpus-pair-split"
    # a spelling rule is not undone by counts; a form read as clitics is not split by them
    assert with_corpus.decide("لايتجزأ").rule == "particle-verb-split"
    assert not with_corpus.decide("فيحق").split


def test_counts_set_by_hand(seg):
    # CorpusStats always counts a spaced pair's words whole too; counts set by hand need not,
    # which reaches the check that each part is a word or seen whole
    stats = CorpusStats()
    stats.pairs.update({("بلا", "زخ"): 5, ("زخ", "بلا"): 5, ("قطر", "بلا"): 5, ("فيه", "ززز"): 3})
    stats.whole.update({"ززز": 1})
    s = Segmenter(seg.lexicon, char_model=seg.lm, corpus=stats)
    assert s.decide("قطربلا").rule == "corpus-pair-split" and not s.decide("بلازخ").split


def test_corpus_counts_of_another_kind_are_refused(seg):
    class Counts:  # anything with .get: the core reads dicts only
        def __init__(self, d):
            self.d = d

        def get(self, key, default=None):
            return self.d.get(key, default)

    stats = CorpusStats(_CORPUS_TEXTS)
    odd = CorpusStats()
    odd.whole, odd.pairs = Counts(stats.whole), Counts(stats.pairs)
    with pytest.raises(CoreUnavailable, match="dicts"):
        Segmenter(seg.lexicon, char_model=seg.lm, corpus=odd)


def test_show_versions_names_the_code_that_runs(capsys):
    import libyakit

    info = libyakit.show_versions()
    out = capsys.readouterr().out
    assert info["joined-word decisions"].startswith("compiled core") and "compiled core" in out
    assert info["libyakit"] == libyakit.__version__ and "wordfreq" in info and "python" in out
