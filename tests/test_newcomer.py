"""A newcomer adds vocabulary by editing data files only: an actor, a cue verb, a force noun.

Each test copies ``libyakit/data`` to a temporary directory, adds rows there, points libyakit at it
(:func:`libyakit.use_data_dir`) and checks that an invented sentence now yields what the new rows
say — and did not before. No Python is changed.
"""

import shutil

import pandas as pd
import pytest

import libyakit as ly
from libyakit.paths import DATA_DIR

# An invented envoy and invented sentences: nothing here comes from an article.
ACTOR_ROW = "velden,person,,Amara Velden,أمارة فيلدن,,,invented for tests/test_newcomer.py\n"
ALIAS_ROWS = "velden,en,Amara K. Velden,variant,\nvelden,ar,أمارة كريم فيلدن,variant,\n"  # (the names are aliases already)
VERB_ROWS = {
    "en": "en,quipped,none,yes,yes,subject,invented test row\n",
    "ar": "ar,حكت,optional,yes,yes,subject,invented test row\n",
}
SENTENCES = {
    "en": "Amara Velden quipped that the foreign troops had already packed their bags.",
    "ar": "وحكت أمارة فيلدن أن القوات الأجنبية حزمت أمتعتها.",
}


def _articles(lang):
    return pd.DataFrame({"article_id": [f"new-{lang}"], "text": [SENTENCES[lang]], "lang": [lang],
                         "date": [pd.Timestamp("2021-03-01")]})


def _append(path, rows):
    with open(path, "a", encoding="utf-8") as f:
        f.write(rows)


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the package's data directory, to edit."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    yield data
    ly.use_data_dir(None)  # (the package's own tables again, for the tests after this one)


def _found(lang):
    arts = _articles(lang)
    actors = ly.extract_actors(arts, progress=False)
    quotes = ly.extract_quotes(arts, progress=False)
    return set(actors["actor_id"]), quotes


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_new_actor_and_a_new_cue_verb_are_rows_in_data_files(data_copy, lang):
    actors, quotes = _found(lang)
    assert "velden" not in actors
    assert not ((quotes["kind"] == "reported") & (quotes["speaker_id"] == "velden")).any()

    _append(data_copy / "actors.csv", ACTOR_ROW)
    _append(data_copy / "aliases.csv", ALIAS_ROWS)
    _append(data_copy / "lexicon" / "reporting_verbs.csv", VERB_ROWS[lang])
    with ly.use_data_dir(data_copy):
        actors, quotes = _found(lang)
    assert "velden" in actors
    (row,) = quotes[quotes["speaker_id"] == "velden"].to_dict("records")
    assert row["kind"] == "reported" and row["cue"].endswith(VERB_ROWS[lang].split(",")[1])
    assert SENTENCES[lang][row["start"]:row["end"]] == row["surface"]

    actors, quotes = _found(lang)  # the package's data again after the block
    assert "velden" not in actors


def test_the_data_directory_comes_from_the_environment(data_copy, monkeypatch):
    from libyakit.paths import data_dir, reset_data_caches

    _append(data_copy / "actors.csv", ACTOR_ROW)
    _append(data_copy / "aliases.csv", ALIAS_ROWS)
    monkeypatch.setenv("LIBYAKIT_DATA_DIR", str(data_copy))
    reset_data_caches()
    try:
        assert data_dir() == data_copy
        assert "velden" in _found("en")[0]
    finally:
        monkeypatch.delenv("LIBYAKIT_DATA_DIR")
        reset_data_caches()
    assert "velden" not in _found("en")[0]


def test_a_broken_row_in_the_new_directory_names_its_file(data_copy):
    from libyakit.errors import DataFileError

    _append(data_copy / "lexicon" / "reporting_verbs.csv", "fr,dit,none,yes,yes,subject,\n")
    with pytest.raises(DataFileError, match="reporting_verbs.csv"):
        ly.use_data_dir(data_copy)
        _found("en")  # (a table read only when first used fails here)
    from libyakit.paths import data_dir

    assert data_dir() == DATA_DIR  # the package's tables still in use
    assert "velden" not in _found("en")[0]  # (and extraction still runs)


def test_a_missing_directory_is_refused():
    with pytest.raises(FileNotFoundError):
        ly.use_data_dir("/nonexistent/libyakit-data")


# --- force nouns: data/lexicon/force_nouns.csv ------------------------------------------------------
def test_a_new_force_noun_is_a_row_in_a_data_file(data_copy):
    text = "Turkey sent 300 janissaries to Libya, the foreign ministry said."  # invented
    arts = pd.DataFrame({"article_id": ["noun"], "text": [text], "lang": ["en"], "date": [pd.NaT]})
    assert ly.extract_forces(arts, progress=False).empty
    header = (data_copy / "lexicon" / "force_nouns.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    row = {"lang": "en", "form": "janissaries", "force_type": "troops"}
    _append(data_copy / "lexicon" / "force_nouns.csv", ",".join(row.get(c, "") for c in header) + "\n")
    with ly.use_data_dir(data_copy):
        forces = ly.extract_forces(arts, progress=False)
    assert forces["surface"].tolist() == ["300 janissaries"] and forces["origins"].tolist() == [("TUR",)]
