"""The vocabulary tables under data/lexicon/: validated on load, with the file and line in the error."""

import pytest

from libyakit import lexicon
from libyakit.errors import DataFileError


@pytest.fixture
def data_dir(tmp_path):
    """The lexicon folder of a copy of the package's data directory, in use (libyakit.use_data_dir)."""
    import shutil

    from libyakit.paths import DATA_DIR, use_data_dir

    shutil.copytree(DATA_DIR, tmp_path / "data")
    with use_data_dir(tmp_path / "data"):
        yield tmp_path / "data" / "lexicon"


def _append(path, row):
    with open(path, "a", encoding="utf-8") as f:
        f.write(row)


@pytest.mark.parametrize(
    "row, message",
    [
        ("fr,dit,none,yes,yes,subject,\n", "unknown lang 'fr'"),
        ("ar,,optional,yes,yes,subject,\n", "empty form"),
        ("ar,قال,optional,yes,yes,subject,\n", "duplicate form 'قال'"),
        ("ar,قَالَ,optional,yes,yes,subject,\n", "carries diacritics"),
        ("en,muttered,maybe,yes,yes,subject,\n", "proclitic must be one of"),
        ("en,muttered,none,perhaps,yes,subject,\n", "direct must be one of"),
        ("en,muttered,none,yes,yes,listener,\n", "speaker must be one of"),
    ],
)
def test_a_broken_row_names_its_file_and_line(data_dir, row, message):
    path = data_dir / "reporting_verbs.csv"
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    _append(path, row)
    lexicon.reporting_verb_table.cache_clear()
    with pytest.raises(DataFileError, match=message) as exc:
        lexicon.reporting_verb_table()
    assert exc.value.path.endswith("reporting_verbs.csv") and exc.value.row == n_lines + 1


def test_a_new_verb_is_one_row(data_dir):
    """A domain expert adds a reporting verb (حكى, "told", as Libyan and Levantine speech has it) as one
    row, and reported speech with it is found."""
    from libyakit import quotes
    from libyakit.paths import reset_data_caches

    before = [r for r in quotes.quotes_in("وحكى المتحدث أن القوات انسحبت.") if r["kind"] == "reported"]
    _append(data_dir / "reporting_verbs.csv", "ar,حكى,optional,yes,yes,subject,\n")
    reset_data_caches()  # (the data directory in use was edited)
    after = [r for r in quotes.quotes_in("وحكى المتحدث أن القوات انسحبت.") if r["kind"] == "reported"]
    assert before == [] and len(after) == 1 and after[0]["speaker_en"] == "spokesperson"


def test_arabic_participles_take_their_feminine():
    forms = {f for lang, f in lexicon.participles() if lang == "ar"}
    assert {"مضيفا", "مضيفة"} <= forms


def test_verbs_that_need_a_proclitic_do_not_match_alone():
    import regex

    pattern = regex.compile(rf"^(?:{lexicon.cue_pattern(lexicon.reporting_verb_table())})$")
    assert pattern.match("وكتب") and not pattern.match("كتب")  # كتب alone: "books"
    assert pattern.match("قال") and pattern.match("فقال")


def test_quotes_and_force_figures_share_the_unnamed_source_labels():
    from libyakit.forces import claims_in
    from libyakit.quotes import quotes_in

    figure = claims_in("Western officials said some 2,000 Syrian mercenaries remained in Libya.")
    statement = [r for r in quotes_in('"The mercenaries are still here," a Western official said.')]
    assert figure[0]["attributed_to"] == statement[0]["speaker_en"] == "official"


@pytest.mark.parametrize("row, message", [("en,panelists,,\n", "no label"), ("fr,porte-parole,spokesperson,\n", "unknown lang")])
def test_a_broken_unnamed_source_row(data_dir, row, message):
    _append(data_dir / "unnamed_sources.csv", row)
    lexicon.unnamed_sources.cache_clear()
    with pytest.raises(DataFileError, match=message):
        lexicon.unnamed_sources()
