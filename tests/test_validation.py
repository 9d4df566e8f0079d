"""Validation by hand (libyakit.validation): sampling, marks, precision and agreement."""

import math

import pandas as pd
import pytest

import libyakit as ly
from libyakit.validation import read_marks, wilson_interval

TEXT_AR = "قال المتحدث إن ثلاثمئة مرتزق غادروا سرت. وأضاف أن القوات التركية باقية."
TEXT_EN = "About 300 mercenaries left Sirte. Turkish troops remain, officials said."
ARTICLES = pd.DataFrame({"article_id": ["a", "e"], "lang": ["ar", "en"], "text": [TEXT_AR, TEXT_EN]})


def _rows():
    forces = pd.DataFrame({
        "article_id": ["a", "a", "e", "e"],
        "start": [TEXT_AR.index("ثلاثمئة"), TEXT_AR.index("القوات"), TEXT_EN.index("300"), TEXT_EN.index("Turkish")],
        "end": [TEXT_AR.index(" غادروا"), TEXT_AR.index(" باقية"), TEXT_EN.index(" left"), TEXT_EN.index(" remain")],
        "force_type": ["mercenaries", "troops", "mercenaries", "troops"],
    })
    forces["surface"] = [ARTICLES.set_index("article_id")["text"][a][s:e]
                         for a, s, e in zip(forces["article_id"], forces["start"], forces["end"])]
    quotes = pd.DataFrame({"article_id": ["e"], "start": [0], "end": [5], "surface": ["About"]})
    return {"forces": forces, "quotes": quotes}


@pytest.mark.parametrize("right, n, low, high", [(18, 20, 0.699, 0.972), (20, 20, 0.839, 1.0), (0, 10, 0.0, 0.278)])
def test_wilson_interval(right, n, low, high):
    assert wilson_interval(right, n) == (low, high)
    assert all(math.isnan(x) for x in wilson_interval(0, 0))


def test_sample_is_reproducible_whatever_the_row_order():
    rows = _rows()
    one = ly.sample_for_validation(rows, 3, seed=7, articles=ARTICLES)
    shuffled = {k: v.sample(frac=1, random_state=1) for k, v in rows.items()}
    two = ly.sample_for_validation(shuffled, 3, seed=7, articles=ARTICLES)
    pd.testing.assert_frame_equal(one, two)
    assert list(one["sample_id"]) == [1, 2, 3]
    assert list(one.columns[:8]) == ["sample_id", "extractor", "lang", "article_id", "start", "end", "surface",
                                     "sentence"]
    assert list(one.columns[-3:]) == ["correct", "right_value", "note"]
    other = ly.sample_for_validation(rows, 3, seed=8, articles=ARTICLES)
    assert len(other) == 3


def test_sentences_hold_the_rows():
    sample = ly.sample_for_validation(_rows(), 10, seed=1, articles=ARTICLES)
    assert len(sample) == 5  # all the rows there are
    for r in sample.itertuples():
        assert r.surface in r.sentence
    ar = sample[(sample["lang"] == "ar") & (sample["force_type"] == "mercenaries")].iloc[0]
    assert ar["sentence"] == "قال المتحدث إن ثلاثمئة مرتزق غادروا سرت."


def test_stratified_sample_covers_every_stratum():
    sample = ly.sample_for_validation(_rows(), 3, seed=3, stratify_by=["extractor", "lang"], articles=ARTICLES)
    assert set(zip(sample["extractor"], sample["lang"])) == {("forces", "ar"), ("forces", "en"), ("quotes", "en")}
    with pytest.raises(ValueError, match="no such column"):
        ly.sample_for_validation(_rows(), 3, seed=3, stratify_by="coder", articles=ARTICLES)
    with pytest.raises(ValueError, match="articles="):
        ly.sample_for_validation(_rows(), 3, seed=3)


def test_csv_round_trip_and_report(tmp_path):
    sample = ly.sample_for_validation(_rows(), 5, seed=1, articles=ARTICLES)
    path = tmp_path / "to_code.csv"
    sample.to_csv(path, index=False, encoding="utf-8-sig")
    coded = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    coded["correct"] = ["y", "n", "y", "yes", "1"]
    report = ly.validation_report(coded)
    by = report.set_index(["extractor", "lang"])
    assert by.loc[("all", "all"), "coded"] == 5 and by.loc[("all", "all"), "right"] == 4
    assert by.loc[("all", "all"), "precision"] == 0.8
    assert (by.loc[("all", "all"), "ci_low"], by.loc[("all", "all"), "ci_high"]) == wilson_interval(4, 5)
    assert by["coded"].drop(("all", "all")).sum() == 5
    assert math.isnan(by.loc[("all", "all"), "alpha"]) and by.loc[("all", "all"), "double_coded"] == 0


def test_uncoded_rows_are_left_out_and_bad_marks_named():
    assert read_marks(["y", "N", "", None, "✓", "لا"]).tolist()[:2] == [1.0, 0.0]
    with pytest.raises(ValueError, match="'maybe'"):
        read_marks(["maybe"])


def test_two_coders_give_krippendorff_alpha():
    base = pd.DataFrame({"extractor": "forces", "lang": "en", "article_id": [f"x{i}" for i in range(8)],
                         "start": 0, "end": 3})
    a = base.assign(correct=["y", "y", "n", "y", "n", "y", "y", "n"])
    b = base.assign(correct=["y", "y", "n", "n", "n", "y", "y", "y"])
    report = ly.validation_report([a, b]).set_index(["extractor", "lang"])
    row = report.loc[("forces", "en")]
    assert row["double_coded"] == 8 and row["coded"] == 8 and row["right"] == 5  # the first coder's marks
    import krippendorff
    import numpy as np

    expected = krippendorff.alpha(reliability_data=np.array([[1, 1, 0, 1, 0, 1, 1, 0], [1, 1, 0, 0, 0, 1, 1, 1]]),
                                  level_of_measurement="nominal")
    assert row["alpha"] == round(expected, 3) and 0 < row["alpha"] < 1
    same = ly.validation_report([a, a.copy()]).set_index(["extractor", "lang"]).loc[("forces", "en"), "alpha"]
    assert same == 1.0


def test_form_writes_marks_into_the_sample(tmp_path):
    pytest.importorskip("ipywidgets")
    sample = ly.sample_for_validation(_rows(), 2, seed=1, articles=ARTICLES)
    form = ly.validation_form(sample, path=tmp_path / "coded.csv")
    first = form.children[0]
    label, (mark, value) = first.children[0], first.children[1].children
    assert "<mark>" in label.value
    mark.value = "n"
    value.value = "400"
    assert sample.loc[0, "correct"] == "n" and sample.loc[0, "right_value"] == "400"
    save = form.children[-1].children[0]
    save.click()
    assert pd.read_csv(tmp_path / "coded.csv", encoding="utf-8-sig")["correct"].iloc[0] == "n"
