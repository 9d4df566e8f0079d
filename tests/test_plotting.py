"""Arabic labels render right: checked against Pillow's RAQM layout, not by eye."""

import pytest
from PIL import features

from libyakit import plotting
from libyakit.plotting import arabic, font_path

from render_compare import compare

pytestmark = pytest.mark.skipif(
    not features.check("raqm"),
    reason="Pillow has no RAQM layout here (needs libraqm/libfribidi): no reference shaper",
)

# Correct renders score about 2-12 here, wrong ones 40+ (see render_compare.py).
THRESHOLD = 20

LABELS = [
    "الولايات المتحدة",
    "الأمم المتحدة",
    "قوات أجنبية في ليبيا",
    "المرتزقة السوريين",
    "مجموعة فاغنر",
    "UN بعثة الأمم",  # first strong letter Latin: must stay right-to-left
]


@pytest.mark.parametrize("text", LABELS)
def test_label_matches_raqm(text):
    assert compare(text, arabic(text), font_path()) < THRESHOLD


@pytest.mark.parametrize("text", LABELS[:4])
def test_reversed_label_fails(text):
    # The test must be able to fail: a reversed label scores far off.
    assert compare(text, text[::-1], font_path()) > THRESHOLD


@pytest.mark.parametrize("text", LABELS[:4])
def test_unjoined_label_fails(text):
    # Letters in the right order but not joined (ZWNJ between them).
    assert compare(text, "\u200c".join(text), font_path()) > THRESHOLD


def test_wrong_recipe_for_this_matplotlib_fails():
    # Applying the *other* strategy than the one arabic() chose must fail:
    # pre-shaping on a shaping matplotlib draws reversed (issue 32262), raw
    # text on an old one draws unjoined and reversed.
    import arabic_reshaper
    from bidi.algorithm import get_display

    text = "الولايات المتحدة"
    wrong = text if not plotting.matplotlib_shapes_arabic() else get_display(arabic_reshaper.reshape(text), base_dir="R")
    assert compare(text, wrong, font_path()) > THRESHOLD


def test_latin_text_untouched():
    assert arabic("Wagner Group") == "Wagner Group"
    assert arabic(2021) == "2021"


def test_tatweel_removed_from_labels():
    assert "\u0640" not in arabic("الـمتحدة")


def test_font_path_exists():
    import os

    assert os.path.isfile(font_path())
    assert plotting.font_family()[-1] == "DejaVu Sans"
