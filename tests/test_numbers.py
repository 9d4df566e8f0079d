"""Amounts in both languages: digits, separators, scale words, qualifiers, vague amounts."""

import math

import pytest

from libyakit.numbers import VAGUE, find_quantities


def one(text):
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    q = qs[0]
    assert text[q.start:q.end] == q.surface
    return q.low, q.high, q.qualifier


def same(a, b):
    return all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a[:2], b[:2])) and a[2] == b[2]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("some 20,000 foreign troops", (20000, 20000, "approx")),
        ("about 20,000", (20000, 20000, "approx")),
        ("between 800 and 1,200 mercenaries", (800, 1200, "range")),
        ("more than 5,000 fighters", (5000, math.nan, "more_than")),
        ("fewer than 300", (math.nan, 300, "less_than")),
        ("several thousand", (3000, 9000, "vague")),
        ("thousands of them", (2000, 9999, "vague")),
        ("a thousand", (1000, 1000, "exact")),
        ("three thousand troops", (3000, 3000, "exact")),
        ("20 thousand", (20000, 20000, "exact")),
        ("بنحو 20 ألفاً", (20000, 20000, "approx")),
        ("20 ألفا", (20000, 20000, "exact")),
        # a bare ألفا before its noun is the dual in construct: two thousand; before من, a thousand
        ("وعاد ألفا مقاتل سوري", (2000, 2000, "exact")),
        ("ألفا من المقاتلين", (1000, 1000, "exact")),
        ("أرسلت ألفاً مقاتل", (1000, 1000, "exact")),
        ("ما يصل إلى 2500 مرتزق", (math.nan, 2500, "less_than")),
        ("١٠ آلاف", (10000, 10000, "exact")),
        ("١٬٢٠٠ مرتزق", (1200, 1200, "exact")),
        ("أكثر من 5000 مرتزق", (5000, math.nan, "more_than")),
        ("آلاف عدة من المرتزقة", (3000, 9000, "vague")),
        ("بضعة آلاف", (3000, 9000, "vague")),
        ("ونحو ألف من المرتزقة", (1000, 1000, "approx")),
        ("ألفي مقاتل", (2000, 2000, "exact")),
        ("بين 800 و1200", (800, 1200, "range")),
        ("من 800 إلى 1,200", (800, 1200, "range")),
        ("حوالي ٣٠٠", (300, 300, "approx")),
        ("خلال تسعين يوما", (90, 90, "exact")),
        ("سبعون جنديا", (70, 70, "exact")),
        ("ثلاثمئة مقاتل", (300, 300, "exact")),
        ("خمسمائة ألف", (500000, 500000, "exact")),
        ("ثلاث مئة جندي", (300, 300, "exact")),
        ("مئة مرتزق", (100, 100, "exact")),
        ("مئة وخمسين مقاتلا", (150, 150, "exact")),
        ("ثلاثة آلاف وخمسمائة مرتزق", (3500, 3500, "exact")),
        ("خمسة وعشرون جنديا", (25, 25, "exact")),
        ("قرابة ألفين وخمسمئة عنصر", (2500, 2500, "approx")),
        ("أكثر من ثمانين عنصرا", (80, math.nan, "more_than")),
        ("About 7,000 to 11,000 Syrians", (7000, 11000, "range")),
        ("150 الف مقاتل", (150000, 150000, "exact")),
        ("بين 30 و 40 ألف عنصر", (30000, 40000, "range")),  # one scale word for both bounds
        ("between three and five thousand", (3000, 5000, "range")),
        ("between 800 and 2 thousand", (800, 2000, "range")),
        ("ونشرت ألفاً من المرتزقة", (1000, 1000, "exact")),
        ("و3 قواعد", (3, 3, "exact")),
        ("2,000 to 3,000 troops", (2000, 3000, "range")),
        ("نحو ألفين إلى ثلاثة آلاف مقاتل", (2000, 3000, "range")),
    ],
)
def test_amounts(text, expected):
    assert same(one(text), expected)


def test_word_a_alone_is_not_a_number():
    assert find_quantities("a diplomat said") == []


def test_vague_ranges_are_ordered():
    for k, (lo, hi) in VAGUE.items():
        if lo != lo and hi != hi:
            continue  # no documented range: "a number of", عدد من
        assert 0 < lo < hi, k


@pytest.mark.parametrize("text, surface", [
    ("وصل عدد من المقاتلين", "عدد من"),
    ("قتلت الغارة عددا من العناصر", "عددا من"),
    ("لتدريب أعداد من المسلحين", "أعداد من"),
])
def test_a_number_of_is_vague_with_no_range(text, surface):
    (q,) = find_quantities(text)
    assert (q.surface, q.qualifier) == (surface, "vague") and q.low != q.low and q.high != q.high


@pytest.mark.parametrize(
    "text, surfaces",
    [
        ("ألف وألفان", ["ألف", "ألفان"]),  # a larger number after و is a second number, not a part
        ("ثلاثة وثلاثة", ["ثلاثة", "ثلاثة"]),
        ("نحو 500 و600", ["نحو 500", "600"]),  # digits are never joined by و into one number
    ],
)
def test_what_is_not_one_compound(text, surfaces):
    assert [q.surface for q in find_quantities(text)] == surfaces


@pytest.mark.parametrize("text", ["MiG-29 jets", "two F-16s", "طائرات ميغ-29", "Su-24"])
def test_model_numbers_are_not_amounts(text):
    assert [q.surface for q in find_quantities(text)] == (["two"] if text.startswith("two") else [])


from hypothesis import given, settings, strategies as st  # noqa: E402

import libyakit.numbers as numbers  # noqa: E402

_TOKENS = st.sampled_from([
    "5", "1,200", "12.500", "٥٠٠٠", "و3", "ألف", "ألفاً", "ألفين", "آلاف", "مئة", "وخمسين", "ثلاثة", "وثلاثة",
    "بين", "من", "إلى", "و", "نحو", "بنحو", "وبنحو", "أكثر", "ما", "يزيد", "على", "عدة", "عشرات", "الآلاف", "مئات",
    "between", "and", "to", "from", "about", "some", "more", "than", "several", "thousand", "hundred", "a", "an",
    "tens", "of", "thousands", "MiG-29", "F-16", "2019", "مرتزق", "troops", " ", ",", "،", "-", ".", "\n",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS, max_size=25).map(" ".join))
def test_the_starter_scan_finds_what_a_full_scan_finds(text):
    a = text.translate(numbers._DIGITS) if numbers._NON_ASCII_DIGIT.search(text) else text
    full = [(m.start(), m.end()) for m in numbers._PATTERN.finditer(a)]
    assert [(m.start(), m.end()) for m in numbers._matches(a)] == full


@pytest.mark.parametrize(
    "text, expected",
    [("Twenty-five hundred mercenaries", (2500, 2500, "exact")), ("eighteen thousand fighters", (18000, 18000, "exact")),
     ("some thirty-two soldiers", (32, 32, "approx")), ("a 2,000-strong force", (2000, 2000, "exact"))],
)
def test_english_compounds(text, expected):
    assert same(one(text), expected)


@pytest.mark.parametrize("text", ["one-third of the force", "a 20-year-old soldier"])
def test_a_number_in_a_hyphenated_word_is_no_amount(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # "no fewer than" is at least, "no more than" at most (not "fewer than" / "more than")
        ("no fewer than 500 troops", (500, math.nan, "more_than")),
        ("not less than 300", (300, math.nan, "more_than")),
        ("no more than 300 advisers", (math.nan, 300, "less_than")),
        ("لا يقل عن 300 مقاتل", (300, math.nan, "more_than")),
        # dozens by the dozen
        ("a dozen military advisers", (12, 12, "exact")),
        ("about a dozen officers", (12, 12, "approx")),
        ("two dozen Turkish officers", (24, 24, "exact")),
        ("half a dozen bases", (6, 6, "exact")),
        ("half a million people", (500000, 500000, "exact")),
        # thousands grouped by a space (French/SI style) or a narrow no-break space
        ("some 5 000 Syrian fighters", (5000, 5000, "approx")),
        ("some 5\u202f000 Syrian fighters", (5000, 5000, "approx")),
        ("between 800 and 1 200 men", (800, 1200, "range")),
        # a hyphen or a dash between two numbers
        ("an estimated 300-400 Wagner contractors", (300, 400, "range")),
        ("between 1,000-2,000 mercenaries", (1000, 2000, "range")),
        ("1,000–2,000 Syrian fighters", (1000, 2000, "range")),
        ("ما بين 800-1200 مرتزق", (800, 1200, "range")),
        ("fighters number 1,000-2,000.", (1000, 2000, "range")),
        # vague dozens
        ("a few dozen Russian advisers", (24, 60, "vague")),
        ("several dozen Turkish officers", (36, 99, "vague")),
    ],
)
def test_bounded_grouped_and_hyphenated_amounts(text, expected):
    assert same(one(text), expected)


@pytest.mark.parametrize("text, surfaces", [
    ("in 2019 300 fighters", ["2019", "300"]),  # a year then a count: no 2,019,300
    ("half the fighters left", []),
    ("on 2020-10-23", ["2020"]),  # a date, not the range 10-23
    ("on 25-10-2020", ["25"]),
    ("in 2019-2020", []),  # two years
    ("the 5-4 vote", []),  # a tally
])
def test_what_spaces_and_hyphens_do_not_join(text, surfaces):
    assert [q.surface for q in find_quantities(text)] == surfaces


def test_hundreds_of_thousands():
    assert same(one("مئات الآلاف من اللاجئين"), (300000, 999999, "vague"))


def test_a_new_vague_amount_is_one_row(tmp_path):
    """A domain expert adds a vague amount as one row of data/lexicon/vague_amounts.csv (in a copy of
    the data directory, :func:`libyakit.use_data_dir`): the patterns are rebuilt from it."""
    import shutil

    import libyakit as ly
    from libyakit.paths import DATA_DIR

    text = "Scads of mercenaries crossed the border."  # invented
    assert find_quantities(text) == []
    shutil.copytree(DATA_DIR, tmp_path / "data")
    with open(tmp_path / "data" / "lexicon" / "vague_amounts.csv", "a", encoding="utf-8") as f:
        f.write("en,scads,20,99,invented test row\n")
    try:
        with ly.use_data_dir(tmp_path / "data"):
            (q,) = find_quantities(text)
        assert (q.surface, q.low, q.high, q.qualifier) == ("Scads", 20.0, 99.0, "vague")
    finally:
        ly.use_data_dir(None)
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a scale word after the last part of a compound counts the whole number
        ("ثلاثة وعشرين ألف مقاتل", [("ثلاثة وعشرين ألف", 23000)]),
        ("واحد وعشرون ألفا", [("واحد وعشرون ألفا", 21000)]),
        ("مئة وخمسون ألفا", [("مئة وخمسون ألفا", 150000)]),
        ("مائة وعشرة آلاف", [("مائة وعشرة آلاف", 110000)]),
        ("مئة وخمسة وعشرين ألفا", [("مئة وخمسة وعشرين ألفا", 125000)]),
        ("ثلاثة وعشرون ألفا و500 مقاتل", [("ثلاثة وعشرون ألفا و500", 23500)]),
        ("خمسة وعشرين ألفا وثلاثمائة مقاتل", [("خمسة وعشرين ألفا وثلاثمائة", 25300)]),
        ("twenty-three thousand fighters", [("twenty-three thousand", 23000)]),
        # ... but a second amount with its own scale is no part of the first
        ("ألفين وخمسة آلاف", [("ألفين", 2000), ("خمسة آلاف", 5000)]),
        ("خمسة وعشرون مقاتلا", [("خمسة وعشرون", 25)]),
    ],
)
def test_a_scale_counts_the_whole_compound(text, expected):
    assert [(q.surface, q.low) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the preposition ب (and a tatweel after it) holds the amount, not a letter of a word
        ("يقدر عددهم بـ23 ألف مسلح", [("23 ألف", 23000)]),
        ("يقدر عددهم ب23 ألف مسلح", [("23 ألف", 23000)]),
        ("تقدر أعدادهم بثلاثة وعشرين ألف مقاتل", [("ثلاثة وعشرين ألف", 23000)]),
        ("وبـ500 مقاتل", [("500", 500)]),
        ("estimated at 23,000 gunmen", [("23,000", 23000)]),
    ],
)
def test_an_amount_after_the_preposition_b(text, expected):
    assert [(q.surface, q.low) for q in find_quantities(text)] == expected
