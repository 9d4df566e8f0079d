"""The character model behind the joined-word repair's judgement of unseen forms."""

import math

import pytest

from libyakit import charlm

TOY_WORDS = ["كتب", "كتاب", "كاتب", "مكتب", "مكتوب", "كتبت", "يكتب", "كتابة", "الكتاب", "والكتاب"]


@pytest.fixture(scope="module")
def model():
    return charlm.char_model()


def _mass(m, context):
    """Total probability after ``context``: every letter seen in training, the word end,
    and one letter never seen."""
    symbols = {g for g in m._lp if len(g) == 1}
    return sum(10 ** m.cond(context, c) for c in symbols) + 10 ** m.cond(context, "\uffff")


@pytest.mark.parametrize("context", ["", "ال", "لأمم", "وزي", "qqqq", "^وال"])
def test_probabilities_sum_to_one(model, context):
    assert _mass(model, context) == pytest.approx(1.0, abs=1e-9)


def test_toy_model_sums_to_one_and_prefers_seen_shapes():
    m = charlm.train(TOY_WORDS, order=3)
    for context in ["", "ك", "كت", "zz"]:
        assert _mass(m, context) == pytest.approx(1.0, abs=1e-9)
    assert m.logp("كتابة") > m.logp("ةباتك")  # the same letters, in an order never seen
    assert m.logp("مكتوب") > m.logp("مكتوبمكتوب")  # one word beats two run together


@pytest.mark.parametrize("word", ["استخدموهم", "ونشرتهم", "والمرتزقة", "فسيقاتلونهم", "للانتهاكات"])
@pytest.mark.parametrize("joined", ["الأممالمتحدة", "تركياوروسيا", "انسحابالقوات", "وقفإطلاقالنار", "المشيرخليفة"])
def test_rare_words_spell_more_like_words_than_joins(model, word, joined):
    per_letter = lambda w: model.logp(w) / (len(w) + 1)  # noqa: E731
    assert per_letter(word) > per_letter(joined)


def test_cache_file_is_written_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("LIBYAKIT_CACHE", str(tmp_path))
    monkeypatch.setattr(charlm, "_training_words", lambda: TOY_WORDS)
    charlm.char_model.cache_clear()
    try:
        built = charlm.char_model()
        files = list(tmp_path.glob("charlm-*.pickle"))
        assert len(files) == 1
        charlm.char_model.cache_clear()
        monkeypatch.setattr(charlm, "_training_words", lambda: pytest.fail("rebuilt instead of read"))
        loaded = charlm.char_model()
        for w in ["كتاب", "بتاك", "xyz"]:
            assert loaded.logp(w) == built.logp(w)
    finally:
        charlm.char_model.cache_clear()


def test_unwritable_cache_keeps_the_model_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("LIBYAKIT_CACHE", str(blocker / "sub"))
    monkeypatch.setattr(charlm, "_training_words", lambda: TOY_WORDS)
    charlm.char_model.cache_clear()
    try:
        with pytest.warns(UserWarning, match="could not cache the character model"):
            m = charlm.char_model()
        assert math.isfinite(m.logp("كتاب"))
    finally:
        charlm.char_model.cache_clear()


def test_a_broken_cache_file_is_rebuilt_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setenv("LIBYAKIT_CACHE", str(tmp_path))
    monkeypatch.setattr(charlm, "_training_words", lambda: TOY_WORDS)
    charlm.char_model.cache_clear()
    try:
        charlm.char_model()
        (path,) = tmp_path.glob("charlm-*.pickle")
        path.write_bytes(b"not a model")
        charlm.char_model.cache_clear()
        with pytest.warns(UserWarning, match="unreadable character model cache"):
            m = charlm.char_model()
        assert math.isfinite(m.logp("كتاب"))
        charlm.char_model.cache_clear()
        charlm.char_model()  # rewritten: read back without a warning
    finally:
        charlm.char_model.cache_clear()


def test_training_words_are_arabic_types_only():
    words = charlm._training_words()
    assert len(words) > 100_000
    assert all(charlm._WORD.match(w) for w in words[:1000])


@pytest.mark.parametrize("form", ["الايرانيقدتتأخر", "استخدموهم", "ب", "", "qqq", "وال"])
def test_logp_is_the_sum_of_the_letters(model, form):
    s = "^" + form + "$"
    by_letter = sum(model.cond(s[max(0, i - charlm.ORDER + 1):i], s[i]) for i in range(1, len(s)))
    assert model.logp(form) == pytest.approx(by_letter, abs=1e-9)
