"""Sentence spans: abbreviations, lower-case continuations, Arabic punctuation, offsets."""

import pytest

from libyakit.sentences import sentence_spans


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("The U.S. Africa Command said so. Russia denied it.",
         ["The U.S. Africa Command said so.", "Russia denied it."]),
        ("He met Mr. Smith at 3 p.m. on Friday. It rained.", ["He met Mr. Smith at 3 p.m. on Friday.", "It rained."]),
        ("Turkey had 2,000 troops (approx.) in Libya. Egypt warned.",
         ["Turkey had 2,000 troops (approx.) in Libya.", "Egypt warned."]),
        ("قال د. محمد إن القوات انسحبت. وأضاف أن المرتزقة باقون؟ نعم",
         ["قال د. محمد إن القوات انسحبت.", "وأضاف أن المرتزقة باقون؟", "نعم"]),
        ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
    ],
)
def test_sentences(text, sentences):
    spans = sentence_spans(text)
    assert [s for _, _, s in spans] == sentences
    assert all(text[a:b] == s for a, b, s in spans)


def test_a_mark_inside_the_last_word_does_not_hide_the_sentence_end():
    # "البلادْ" is one word, not the initial "د."
    assert [s for _, _, s in sentence_spans("قوات أجنبية في البلاَد. وبموجب الاتفاق")] == [
        "قوات أجنبية في البلاَد.", "وبموجب الاتفاق"]
