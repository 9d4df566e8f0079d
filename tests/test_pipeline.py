"""run_pipeline, exports and the command line."""

import subprocess
import sys

import pandas as pd
import pytest

import libyakit as ly


@pytest.fixture(scope="module")
def articles():
    return ly.load_articles()


@pytest.fixture(scope="module")
def tables(articles):
    return ly.run_pipeline(articles, progress=False)


@pytest.mark.parametrize("name", ["actors", "forces", "backing", "ceasefire", "quotes"])
def test_pipeline_equals_extractors(articles, tables, name):
    want = getattr(ly, f"extract_{name}")(articles)
    pd.testing.assert_frame_equal(tables[name].reset_index(drop=True), want.reset_index(drop=True), check_dtype=False)


def test_repairs_table(articles, tables):
    pd.testing.assert_frame_equal(tables["repairs"], ly.joined_words_report(articles))


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export(tables, tmp_path, fmt):
    written = ly.export_tables(tables, tmp_path, format=fmt)
    assert sorted(p.name for p in written) == sorted(f"{n}.{fmt}" for n in tables)
    back = pd.read_csv(tmp_path / "forces.csv", encoding="utf-8-sig") if fmt == "csv" else pd.read_parquet(
        tmp_path / "forces.parquet")
    assert len(back) == len(tables["forces"])
    origins = set(back["origins"].fillna("")) if fmt == "csv" else {tuple(o) for o in back["origins"]}
    assert ("RUS;SYR;SDN;TCD" if fmt == "csv" else ("RUS", "SYR", "SDN", "TCD")) in origins


def test_export_bad_format(tables, tmp_path):
    with pytest.raises(ValueError, match="format"):
        ly.export_tables(tables, tmp_path, format="xlsx")


def test_command_line(tmp_path):
    from libyakit.paths import seeds_dir

    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "libyakit", "run", str(seeds_dir()), "--out", str(out)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert (out / "actors.csv").is_file() and "actors.csv" in r.stdout


def test_command_line_bad_corpus(tmp_path):
    r = subprocess.run([sys.executable, "-m", "libyakit", "run", str(tmp_path / "missing"), "--out", str(tmp_path)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "missing" in r.stderr


def test_import_is_lazy():
    # heavy resources (pandas, the lexicon, matplotlib) load on first use, not on import
    code = "import sys, libyakit; print(sorted(m for m in ('pandas', 'wordfreq', 'matplotlib') if m in sys.modules))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]"
