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


def test_the_sources_own_joins_follow_the_deletions():
    # a join the source already has ("الأممالمتحدة"), at offset 10 of the clean text: after
    # every space is deleted it stands where the repair would put its space back
    text = "قالت الأممالمتحدة إن تركيا وروسيا"
    at = text.index("المتحدة")
    out, deleted, source = jw.corrupt(text, 1.0, random.Random(0), [at])
    restored = out
    for k, o in enumerate(sorted(deleted | source)):
        restored = restored[:o + k] + " " + restored[o + k:]
    assert restored == "قالت الأمم المتحدة إن تركيا وروسيا"
    # the same draw of deletions as without it
    assert jw.corrupt(text, 0.5, random.Random(3))[:2] == jw.corrupt(text, 0.5, random.Random(3), [at])[:2]


def test_a_labelled_join_of_the_source_is_no_false_split():
    text = "قالت الأممالمتحدة إن تركياوروسيا"
    clean_at = text.index("المتحدة")
    corrupted, deleted, source = jw.corrupt(text, 0.0, random.Random(0), [clean_at])
    assert deleted == set() and source == {clean_at}
    fixed = "قالت الأمم المتحدة إن تركيا وروسيا"
    r = jw.evaluate("x", lambda s: fixed, [(corrupted, deleted, source)], 6)
    assert (r["tp"], r["fp"], r["source_joins"]) == (0, 1, 1)  # تركيا|وروسيا is unlabelled: false
    r = jw.evaluate("x", lambda s: fixed, [(corrupted, deleted, set())], 6)
    assert (r["fp"], r["source_joins"]) == (2, 0)


def test_labels_name_runs_by_article_and_key(tmp_path):
    text = "قالت الأممالمتحدة إن تركياوروسيا"
    labels = tmp_path / "labels.tsv"
    key = jw.run_key("الأممالمتحدة")
    labels.write_text("# comment\narticle_id\trun_sha1\tspaces\tsource\n"
                      f"a1\t{key}\t5\tclean-split\n"
                      f"a1\t{jw.run_key('تركياوروسيا')}\t\tclean-split\n", encoding="utf-8")
    got = jw.read_source_joins([labels])
    assert got == {("a1", key): (5,), ("a1", jw.run_key("تركياوروسيا")): ()}
    assert jw.source_join_offsets("a1", text, got) == [text.index("المتحدة")]
    assert jw.source_join_offsets("a2", text, got) == []
    # the same run labelled two ways is refused
    twice = tmp_path / "twice.tsv"
    twice.write_text(labels.read_text(encoding="utf-8") + f"a1\t{key}\t\tclean-split\n", encoding="utf-8")
    with pytest.raises(ValueError, match="labelled"):
        jw.read_source_joins([twice])


def test_clean_splits_are_counted_by_label():
    from libyakit.segment import Segmenter

    text = "قالت الأممالمتحدة إن تركياوروسيا"
    labels = {("a1", jw.run_key("الأممالمتحدة")): (5,), ("a1", jw.run_key("تركياوروسيا")): ()}
    counts, runs = jw.clean_splits([("a1", text)], labels, Segmenter())
    assert counts == {"real join": 1, "wrong": 1}
    counts, _ = jw.clean_splits([("a2", text)], labels, Segmenter())
    assert counts == {"unlabelled": 2}


def test_the_shipped_labels_are_well_formed():
    labels = jw.read_source_joins(jw.SOURCE_JOINS)  # raises on a run labelled two ways
    assert len(labels) > 400
    assert sum(bool(s) for s in labels.values()) > 150
