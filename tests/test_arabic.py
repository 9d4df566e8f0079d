"""One Arabic profile: the character lists and clitics are data (data/arabic/), validated on load,
and every module takes them from libyakit.arabic."""

import re
import shutil
from pathlib import Path

import pytest

from libyakit import arabic
from libyakit.errors import DataFileError
from libyakit.paths import DATA_DIR, use_data_dir

PACKAGE = Path(arabic.__file__).parent


def test_the_profile():
    assert "وبالقوات"[:4] in arabic.proclitics() and "لل" in arabic.proclitics()
    assert "سي" not in arabic.proclitics(future=True) and "وس" in arabic.proclitics(future=True)
    assert "ال" not in arabic.proclitics(article=False)
    assert "٢٠٢٠ ۱۵٫٥".translate(arabic.NUMERALS) == "2020 15.5"
    assert "٢٠٢٠".translate(arabic.DIGITS) == "2020" and arabic.NON_ASCII_DIGIT.search("۱")
    assert arabic.strip_marks("أكّدَ") == "أكد"
    assert arabic.KEY_LETTERS["أ"] == "ا" and arabic.KEY_LETTERS["ى"] == "ي"
    assert re.fullmatch(arabic.CUE_PREFIX_RE + "انسحاب", "وبانسحاب")
    assert re.fullmatch(arabic.NOUN_PREFIX_RE + "مرتزقة", "للمرتزقة") and re.fullmatch(arabic.NOUN_PREFIX_RE + "مرتزقة", "والمرتزقة")


def test_every_module_takes_its_arabic_from_the_profile():
    """No other module writes a digit table, the range of the marks or a proclitic list again."""
    written_again = {
        "digits": re.compile("٠١٢٣|۰۱۲۳|\\\\u0660-\\\\u0669"),
        "marks": re.compile(r"\\u064b-\\u065f|\\u064B-\\u065F|0x064B"),
        # (persons.py keeps a narrower tuple of its own on purpose: كال، وبال، فلل start ordinary words and
        # names — كاليفورنيا، وبال، فلل — too often to mark an article there)
        "proclitics": re.compile(r'"وب", "ول"|"فب", "فل"'),
    }
    for path in PACKAGE.glob("*.py"):
        if path.name == "arabic.py":
            continue
        source = path.read_text(encoding="utf-8")
        for what, pattern in written_again.items():
            assert not pattern.search(source), f"{path.name} writes the {what} again: import them from libyakit.arabic"


@pytest.fixture
def data_copy(tmp_path):
    shutil.copytree(DATA_DIR, tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("name, row, message", [
    ("characters.csv", "mark,U+0627,,\n", "combining mark"),
    ("characters.csv", "letter,U+064B-U+065F,,\n", "no letter"),
    ("characters.csv", "digit,U+0660-U+0668,,\n", "ten digits"),
    ("characters.csv", "fold,U+0622,U+0628,\n", "folded twice"),
    ("characters.csv", "shape,U+0622,,\n", "unknown set"),
    ("characters.csv", "mark,064B,,\n", "no code point"),
    ("clitics.csv", "preposition,b,\n", "bare Arabic letters"),
    ("clitics.csv", "conjunction,و,\n", "duplicate conjunction"),
    ("clitics.csv", "particle,قد,\n", "unknown kind"),
])
def test_a_broken_row_names_its_file_and_line(data_copy, name, row, message):
    path = data_copy / "arabic" / name
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    with open(path, "a", encoding="utf-8") as f:
        f.write(row)
    load = arabic._load_characters if name == "characters.csv" else arabic._load_clitics
    with use_data_dir(data_copy):
        with pytest.raises(DataFileError, match=message) as exc:
            load()
    assert exc.value.path.endswith(name) and exc.value.row == n_lines + 1
