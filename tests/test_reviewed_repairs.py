"""The hand-checked repair labels (benchmarks/reviewed_repairs.tsv) and the script that scores them."""

import pytest

import bench_scripts

rr = bench_scripts.load("reviewed_repairs")

HEADER = "# comment\narticle_id\trun_sha1\tspaces\tsource\n"


def test_the_shipped_labels_read():
    rows = rr.read_labels(rr.LABELS)
    assert rows
    assert {r["source"] for r in rows} <= {"sample", "change"}
    keys = [(r["article_id"], r["run_sha1"]) for r in rows]
    assert len(keys) == len(set(keys)), "one label per run and article"
    assert any(r["spaces"] for r in rows) and any(not r["spaces"] for r in rows)


@pytest.mark.parametrize("line, message", [
    ("a-1\t0123456789ab\t5,3\tsample\n", "increasing"),
    ("a-1\t0123456789ab\t0\tsample\n", "increasing"),
    ("a-1\t0123456789ab\tfive\tsample\n", "not offsets"),
    ("a-1\t0123\t5\tsample\n", "SHA-1"),
    ("a-1\t0123456789xz\t5\tsample\n", "SHA-1"),
])
def test_bad_labels_are_refused(tmp_path, line, message):
    f = tmp_path / "labels.tsv"
    f.write_text(HEADER + line, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        rr.read_labels(f)


def test_a_run_is_named_by_a_hash_and_spaced_by_offsets():
    assert rr.run_key("الأممالمتحدة") == rr.run_key("الأممالمتحدة") != rr.run_key("الأمم")
    assert len(rr.run_key("الأممالمتحدة")) == 12
    assert rr.spaced("الأممالمتحدة", (5,)) == "الأمم المتحدة"
    assert rr.spaced("انسحابالقواتالأجنبية", (6, 12)) == "انسحاب القوات الأجنبية"
    assert rr.spaced("استخدموهم", ()) == "استخدموهم"


@pytest.mark.parametrize(
    "expected, actual, result",
    [
        ((5,), (5,), "right repair"),
        ((), (7,), "wrong repair"),       # a word or name cut
        ((2,), (3,), "wrong repair"),     # a join cut in the wrong place
        ((4, 9), (4,), "wrong repair"),   # only part of it
        ((4,), (), "missed join"),
        ((), (), "kept whole"),
    ],
)
def test_outcome(expected, actual, result):
    assert rr.outcome(expected, actual) == result
