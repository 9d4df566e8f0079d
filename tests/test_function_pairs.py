"""The function-word pairs that web text joins (libyakit/data/function_pairs.csv): each row
checked, the loader's errors, and the rule's place among the others."""

import csv

import pytest

from libyakit import find_joined_words, fix_joined_words, paths
from libyakit.errors import DataFileError
from libyakit.paths import data_path
from libyakit.segment import CorpusStats, Segmenter, function_pairs

with open(data_path("function_pairs.csv"), encoding="utf-8", newline="") as _f:
    ROWS = [(r["first"], r["second"]) for r in csv.DictReader(_f)]


@pytest.fixture(scope="module")
def segs():
    """The segmenter (its decisions are the compiled core's)."""
    return (Segmenter(),)


@pytest.mark.parametrize("first, second", ROWS, ids=[f"{a}_{b}" for a, b in ROWS])
def test_each_pair(segs, first, second):
    py = segs[0]
    joined = first + second
    # two words that stand alone ...
    assert py.zipf(first) >= 3.0 and py.zipf(second) >= 3.0
    # ... whose join spells no word that a conjunction makes (as "فيظل" is ف + يظل)
    assert not (joined[0] in "وف" and py.zipf(joined[1:]) >= 3.0), f"{joined} reads as {joined[0]} + {joined[1:]}"
    # split where the row puts the space, alone and after و
    text = f"قال المسؤول إن {joined} أمس"
    expected = f"قال المسؤول إن {first} {second} أمس"
    if not first.startswith("و"):
        text += f" و{joined} اليوم"
        expected += f" و{first} {second} اليوم"
    for seg in segs:
        assert fix_joined_words(text, segmenter=seg) == expected
        assert seg.decide(joined).rule == "function-pair-split"


def test_the_issue_examples_on_plain_text():
    assert (fix_joined_words("قال أكثرمن مسؤول إن عددمن الجنود وعددمن الضباط وصلوا")
            == "قال أكثر من مسؤول إن عدد من الجنود وعدد من الضباط وصلوا")
    assert fix_joined_words("وصل عنطريق تركيا، وهوما أكده محمدبن سلمان") == \
        "وصل عن طريق تركيا، وهو ما أكده محمد بن سلمان"


def test_words_that_contain_a_pair_are_not_touched():
    # "إنشاء" is not "إن شاء", "مالاً" not "ما لاً", "فيظل" is ف + يظل: none of them is a row
    for word in ("إنشاء", "مالاً", "فيظل", "أملا", "كلما", "بعدما", "أيمن", "مصرفي"):
        assert fix_joined_words(f"قال {word} اليوم") == f"قال {word} اليوم", word


def test_corpus_counts_do_not_undo_a_pair():
    # a form seen whole in many articles is kept by corpus evidence; a pair of function
    # words is split however often web text (or the corpus) joins it
    seg = Segmenter(corpus=CorpusStats(["قال أكثرمن مسؤول"] * 5))
    assert seg.decide("أكثرمن").parts == ("أكثر", "من")


def test_a_pair_shows_no_lost_space():
    # writers join these by habit ("لاسيما"): such a split does not make a lone weak split
    # elsewhere in the text look like a lost space (see test_segment's lone-kept test)
    text = "يقع مقرها في مدينة لودفيجسهافن غربي ألمانيا لاسيما المصانع"
    assert fix_joined_words(text) == "يقع مقرها في مدينة لودفيجسهافن غربي ألمانيا لا سيما المصانع"
    audit = find_joined_words(text, include_kept=True)
    assert dict(zip(audit["original"], audit["rule"])) == {"لودفيجسهافن": "lone-kept", "لاسيما": "function-pair-split"}


def _write(tmp_path, monkeypatch, text):
    (tmp_path / "function_pairs.csv").write_text(text, encoding="utf-8")
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path)


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("first,second\nأكثر,من\n", 1, "header must be first,second,note"),
        ("first,second,note\nأكثر,من\n", 2, "expected 3 fields"),
        ("first,second,note\nأكثر,من,\nعدد,of,\n", 3, "'of' is not a word of Arabic letters"),
        ("first,second,note\nأكثر,مِن,\n", 2, "is not a word of Arabic letters"),
        ("first,second,note\nأكثر,ال,\n", 2, "a clitic or an ending"),
        ("first,second,note\nأكثر,من,\nعدد,من,\nأكث,رمن,\n", 4, "already listed on line 2"),
    ],
)
def test_broken_rows_name_the_file_and_line(tmp_path, monkeypatch, text, line, message):
    _write(tmp_path, monkeypatch, text)
    with pytest.raises(DataFileError, match=message) as exc:
        function_pairs.__wrapped__()
    assert exc.value.path.endswith("function_pairs.csv") and exc.value.row == line


def test_the_table_as_loaded(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch, "first,second,note\nأكثر,من,a note\nوهو,ما,\n")
    assert function_pairs.__wrapped__() == {"أكثرمن": 4, "وأكثرمن": 5, "وهوما": 3}


def test_the_shipped_table_has_each_row_and_its_form_after_waw():
    table = function_pairs()
    for first, second in ROWS:
        assert table[first + second] == len(first)
        assert first.startswith("و") or table["و" + first + second] == len(first) + 1
