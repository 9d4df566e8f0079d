"""The joined-word benchmark's own bookkeeping: deletions, inserted offsets, and where false splits fall."""

import random

import pytest

import bench_scripts

jw = bench_scripts.load("joined_words")

TEXT = "قالت الأمم المتحدة إن تركيا وروسيا والولاياتالمتحدة 2020 UN"


def test_corrupt_deletes_only_spaces_between_arabic_words_and_says_where():
    out, deleted = jw.corrupt(TEXT, 1.0, random.Random(0))
    assert out.replace(" ", "") == TEXT.replace(" ", "")
    assert out.endswith(" 2020 UN")  # a space next to a digit or Latin stays
    # every deletion offset is where the fixer would put the space back
    restored = out
    for k, o in enumerate(sorted(deleted)):
        restored = restored[:o + k] + " " + restored[o + k:]
    assert restored == TEXT


def test_inserted_offsets_are_in_the_input():
    assert jw.inserted_offsets("الأممالمتحدة", "الأمم المتحدة") == {5}
    with pytest.raises(AssertionError, match="more than spaces"):
        jw.inserted_offsets("الأممالمتحدة", "الأمم-المتحدة")


def test_false_splits_in_intact_runs():
    text = "وروسياالأمم المتحدةقال"
    deleted = {6}  # between وروسيا and الأمم; the second run the source wrote joined
    fp = {3, 18}  # one false split in each run
    assert jw._in_intact_runs(text, fp, deleted) == {18}
    assert jw._in_intact_runs(text, set(), deleted) == set()
