"""load_articles: the seeds, every decoding route, and every bad input."""

import codecs
import subprocess
import sys
import warnings

import pandas as pd
import pytest

import libyakit as ly
from libyakit import CorpusError

AR = "طلبت الولايات المتحدة من تركيا وروسيا سحب قواتهما من ليبيا."
EN = "The United States called on Turkey and Russia to withdraw from Libya."


# --- the seeds ---------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds():
    return ly.load_articles()


def test_seed_rows_and_languages(seeds):
    assert len(seeds) == 5
    assert list(seeds["article_id"]) == sorted(seeds["article_id"])
    assert dict(zip(seeds["article_id"].str[:3], seeds["lang"])) == {
        "000": "ar", "001": "ar", "002": "en", "003": "en", "004": "ar"}


def test_seed_columns_and_types(seeds):
    for col in ["article_id", "path", "lang", "date", "title", "text_raw", "text", "n_words"]:
        assert col in seeds.columns
    assert str(seeds["date"].dtype).startswith("datetime64")
    assert (seeds["n_words"] > 100).all()


def test_seed_002_date_line(seeds):
    row = seeds.set_index(seeds["article_id"].str[:3]).loc["002"]
    assert row["date"] == pd.Timestamp("2021-01-29")
    assert "date 2021-01-29" not in row["text"]
    assert row["text"].startswith("The United Nations Security Council")
    assert "date 2021-01-29" in row["text_raw"]  # nothing lost from the raw text


def test_seed_003_chrome(seeds):
    row = seeds.set_index(seeds["article_id"].str[:3]).loc["003"]
    headline = "US calls on Russia and Turkey to withdraw forces from Libya"
    assert row["title"] == headline
    assert headline not in row["text"]
    assert "Add a comment" not in row["text"]
    assert row["text"].endswith("leave the country.")


def test_other_seeds_have_no_date(seeds):
    assert seeds["date"].isna().sum() == 4


def test_default_corpus_found_from_elsewhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(ly.load_articles()) == 5


# --- decoding ----------------------------------------------------------------

@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
        pytest.param(lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda s: s.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(lambda s: s.encode("cp1256"), id="cp1256"),
        pytest.param(lambda s: s.replace("\n", "\r\n").encode("cp1256"), id="cp1256-crlf"),
    ],
)
def test_decodings(tmp_path, encode):
    text = AR + "\n" + AR.replace("ليبيا", "البلاد")
    f = tmp_path / "a.txt"
    f.write_bytes(encode(text))
    df = ly.load_articles(f)
    assert df.loc[0, "text_raw"] == text
    assert df.loc[0, "lang"] == "ar"
    assert "\r" not in df.loc[0, "text"]


@pytest.mark.parametrize(
    "text",
    [
        "\u201cTurkey sent 2,000 fighters\u201d \u2014 the UN envoy said on Friday.",
        "Déjà vu à côté de la défense",
        "Le ministre a déclaré que 300 mercenaires sont arrivés à Tripoli.",
    ],
    ids=["curly-quotes", "french-short", "french"],
)
def test_windows_1252_latin_text(tmp_path, text):
    f = tmp_path / "w.txt"
    f.write_bytes(text.encode("cp1252"))
    df = ly.load_articles(f)
    assert df.loc[0, "text_raw"] == text
    assert df.loc[0, "encoding"] == "cp1252"
    assert df.loc[0, "lang"] == "en"  # (the loader's two languages: Latin script is "en")


def test_arabic_read_as_cp1252_is_refused():
    # cp1252 decodes Arabic cp1256 bytes without error, as runs of accented letters
    data = "قال الجيش".encode("cp1256") + b" said so, in English mostly, with a long tail of words"
    with pytest.raises(CorpusError, match="cannot decode"):
        ly.decode_bytes(data, "x.txt")


def test_english_file_and_list_of_files(tmp_path):
    (tmp_path / "b.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    df = ly.load_articles([tmp_path / "b.txt", tmp_path / "a.txt"])
    assert list(df["article_id"]) == ["a", "b"]
    assert list(df["lang"]) == ["ar", "en"]


# --- bad input ---------------------------------------------------------------

@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"  \n\r\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        # mostly English in cp1256: neither mostly Arabic nor Western prose read as cp1252
        ("The Libyan National Army (الجيش الوطني الليبي) said so.".encode("cp1256"), "cannot decode"),
        (b"\xff\xfe\x00\xd8", "byte-order mark"),  # UTF-16 BOM then a lone surrogate
        (b"12345 678 -- !!", "language"),
    ],
    ids=["empty", "blank", "png", "undecodable", "broken-utf16", "no-letters"],
)
def test_bad_file_raises_naming_it(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(CorpusError) as exc:
        ly.load_articles(f)
    assert "bad.txt" in str(exc.value)
    assert reason in str(exc.value)
    assert exc.value.path.endswith("bad.txt")


def test_missing_path_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope"):
        ly.load_articles(tmp_path / "nope")


def test_folder_without_articles(tmp_path):
    (tmp_path / "notes.md").write_text("hello")
    with pytest.raises(CorpusError, match="no article files"):
        ly.load_articles(tmp_path)


def test_errors_warn_loads_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    with pytest.warns(UserWarning, match="skipped 2 of 3"):
        df = ly.load_articles(tmp_path, errors="warn")
    assert list(df["article_id"]) == ["good"]
    problems = {p["path"].rsplit("/", 1)[-1]: p["reason"] for p in df.attrs["problems"]}
    assert set(problems) == {"empty.txt", "binary.txt"}
    assert "empty" in problems["empty.txt"] and "binary" in problems["binary.txt"]


def test_errors_raise_is_default(tmp_path):
    (tmp_path / "good.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match="empty.txt"):
        ly.load_articles(tmp_path)


def test_bad_errors_argument():
    with pytest.raises(ValueError, match="errors"):
        ly.load_articles(errors="ignore")


def test_no_warning_when_all_good(tmp_path):
    (tmp_path / "good.txt").write_text(AR, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = ly.load_articles(tmp_path, errors="warn")
    assert df.attrs["problems"] == []


def test_large_article_loads_in_linear_time(tmp_path):
    # 20 MB in one article: must not be quadratic (the timing target itself is
    # in benchmarks/, this only guards against pathological behaviour).
    f = tmp_path / "big.txt"
    para = (AR + " ") * 20 + "\n\n"
    f.write_text(para * (20_000_000 // len(para.encode())), encoding="utf-8")
    df = ly.load_articles(f)
    assert df.loc[0, "n_words"] > 1_000_000


def _pair_corpus(folder):
    """Three articles: two show "في مهب" spaced, the third has it joined."""
    (folder / "a.txt").write_text("هبت الرياح في مهب الريح على المدينة الليبية.\n", encoding="utf-8")
    (folder / "b.txt").write_text("بقيت السفن في مهب العاصفة قرب طرابلس.\n", encoding="utf-8")
    (folder / "c.txt").write_text("وقفت الأشجار فيمهب الريح قرب مصراتة.\n", encoding="utf-8")
    return folder


def test_joined_evidence_from_the_corpus(tmp_path):
    corpus = _pair_corpus(tmp_path)
    alone = ly.load_articles(corpus, progress=False)
    assert alone.attrs["joined_evidence"] == "article"
    assert "فيمهب" in alone.set_index("article_id").loc["c", "text"]  # one article alone cannot tell
    together = ly.load_articles(corpus, joined_evidence="corpus", progress=False).set_index("article_id", drop=False)
    assert together.attrs["joined_evidence"] == "corpus"
    assert "في مهب الريح" in together.loc["c", "text"]
    assert list(together["n_joined_fixed"]) == [0, 0, 1]
    report = ly.joined_words_report(together, progress=False)
    assert list(report["rule"]) == ["corpus-pair-split"]
    r = report.iloc[0]
    assert together.loc[r.article_id, "text"][r.start:r.end] == r.surface == "في مهب"
    # and from the command line
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "libyakit", "run", str(corpus), "--out", str(out),
                           "--joined-evidence", "corpus"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert list(pd.read_csv(out / "repairs.csv")["rule"]) == ["corpus-pair-split"]


def test_joined_evidence_must_be_known(tmp_path):
    with pytest.raises(ValueError, match="joined_evidence"):
        ly.load_articles(_pair_corpus(tmp_path), joined_evidence="everything")
