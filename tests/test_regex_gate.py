"""The cue gate lets through every place a cue can match: the same matches with it as without."""

import random
import re

import pytest

from libyakit.regex_gate import prefix_gate


def _matches(pattern, text):
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_ceasefire_gate_changes_no_match(lang):
    from libyakit import ceasefire

    cues = [t.cue_text for t in ceasefire.terms() if t.lang == lang]
    gate = prefix_gate(cues, re.IGNORECASE)
    assert gate is not None
    gated, by_group = ceasefire._combined(lang)
    plain = re.compile(gated.pattern.replace(f"(?={ceasefire._AR_PROCLITIC if lang == 'ar' else ''}(?:{gate}))", "", 1),
                       re.IGNORECASE)
    assert plain.pattern != gated.pattern
    # invented text built from the cues' own words, clitics, digits and punctuation
    words = {w for c in cues for w in re.findall(r"[^\W\d_]+", c)} | {"و", "ف", "ب", "ل", "ك", "ال", "23", "2020",
                                                                        "The", "MAY", "-", ",", ".", "(", "\n"}
    words = sorted(words)
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "", " ", "\n"]) for _ in range(rng.randint(1, 14)))
        assert _matches(gated, text) == _matches(plain, text), text


@pytest.mark.parametrize(
    "patterns, text, expected",
    [
        (["withdraw\\w*"], "Withdrew", True),
        (["(?:the\\s+)?backing\\s+of"], "Backing of", True),
        (["\\d{1,2} (?:may|june) truce"], "٣ may truce", True),  # any digit, not only 0-9
        (["انسحاب"], "قوات", False),
        (["a{2}c"], "aac", True),
        (["a{2}c"], "acc", False),
    ],
)
def test_the_gate_lets_through_what_the_patterns_match(patterns, text, expected):
    gate = prefix_gate(patterns, re.IGNORECASE)
    assert bool(re.match(f"(?={gate})", text, re.IGNORECASE)) is expected


def test_a_pattern_that_can_start_with_anything_has_no_gate():
    assert prefix_gate(["\\w+ly", "truce"]) is None
    assert prefix_gate(["(?:foo)?\\s*bar"]) is None


def test_the_backing_gate_changes_no_match():
    from libyakit import backing

    plain = re.compile(backing._CUE.pattern.replace(f"(?={backing._GATE})", "", 1), re.IGNORECASE)
    assert plain.pattern != backing._CUE.pattern
    words = sorted({w for r in backing._CUE_ROWS for w in re.findall(r"[^\W\d_]+", r["form"])}
                   | {"و", "ال", "Turkey", "تركيا", "-", ",", "\n", "BACKED"})
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "", " ", "\n"]) for _ in range(rng.randint(1, 12)))
        assert _matches(backing._CUE, text) == _matches(plain, text), text


def test_finditer_at_gives_the_search_s_matches():
    """finditer_at tries a pattern only near the words it must hold: the same matches as finditer,
    overlapping candidates and proclitics before the word included."""
    import random

    import regex

    from libyakit.regex_gate import finditer_at

    names = ["سالم", "السالم", "Brandt", "al-Brandt", "لسالم"]
    pattern = regex.compile(r"(?<![\p{L}])(?:[وف]?[بل]?)(?:" + "|".join(regex.escape(n) for n in
                            sorted(names, key=len, reverse=True)) + r")(?![\p{L}])")
    words = ["سالم", "السالم", "Brandt", "ال", "ا", " "]
    rnd = random.Random(3)
    for _ in range(300):
        text = "".join(rnd.choice(words + ["و", "ب", "ل", "ف", "x", "-"]) for _ in range(rnd.randrange(1, 30)))
        got = [(m.start(), m.end()) for m in finditer_at(pattern, text, names, 2)]
        assert got == [(m.start(), m.end()) for m in pattern.finditer(text)], text


def test_word_finder_finds_the_listed_runs_a_word_by_word_look_up_finds():
    """WordFinder gives the runs of letters (``[^\\W\\d_]+``) that are listed words, as a look-up of
    every run would: not inside a longer run, after a digit, an underscore or a mark too."""
    import random

    from libyakit.regex_gate import WordFinder, lowered

    words = ["من", "ومن", "قال", "between", "ألف", "a"]
    finder = WordFinder(words + ["not a run", "x1"])  # (what is no run of letters is never found)
    pieces = words + ["ضمن", "المن", "3", "_", "\u064e", "Between", "İ", "x1", "-", " ", "\n", "ب", "not a run"]
    rnd = random.Random(5)
    for _ in range(3000):
        text = lowered("".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 20))))
        expected = [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+", text) if m.group() in words]
        assert list(finder.finditer(text)) == expected, text


def test_lowered_keeps_every_offset():
    from libyakit.regex_gate import lowered

    for text in ["İstanbul BETWEEN", "ÉTAT قال", "ﬁ ẞ Σ"]:
        assert len(lowered(text)) == len(text)
        assert all(a == b or a == b.lower() for a, b in zip(lowered(text), text))


def test_finditer_at_with_words_close_together():
    """Words a character apart (their offsets to try overlap) and empty stretches between matches:
    each offset is tried once, left to right, as the search reaches it."""
    import random
    import re

    from libyakit.regex_gate import finditer_at

    pattern = re.compile(r"(?<![ab])[wb]?(?:ab|bab|a)(?![ab])")
    rnd = random.Random(5)
    for _ in range(2000):
        text = "".join(rnd.choice("abw x") for _ in range(rnd.randrange(0, 25)))
        got = [(m.start(), m.end()) for m in finditer_at(pattern, text, ["ab", "bab", "a"], 1)]
        assert got == [(m.start(), m.end()) for m in pattern.finditer(text)], text
