"""News-database exports (libyakit.exports): our own LexisNexis / Nexis Uni and Factiva files
in tests/data/, in Arabic and English, read one row per article."""

import warnings

import pandas as pd
import pytest

import libyakit as ly
from libyakit.errors import CorpusError, DataFileError
from libyakit.exports import export_fields, read_export, split_export

DATA = __import__("pathlib").Path(__file__).parent / "data"


@pytest.mark.parametrize("name, n, titles, sources, dates, bylines", [
    ("nexis_uni_ar.txt", 3,
     ["انسحاب أول دفعة من المرتزقة من سرت", "البعثة الأممية تطالب بخروج القوات الأجنبية", "لجنة 5+5 تجتمع في غدامس"],
     ["صحيفة الوسط الليبية", "وكالة الأنباء الليبية", "بوابة إفريقيا الإخبارية"],
     ["2020-10-24", "2020-10-24", "2020-11-02"], ["مراسل الوسط في طرابلس", "", "قسم الأخبار"]),
    ("lexisnexis_academic_en.txt", 2,
     ["Foreign fighters begin to leave Sirte after Geneva deal, officials say",
      "Joint military commission to meet in Ghadames"],
     ["The Tripoli Courier", "Mediterranean Wire Service"], ["2020-10-24", "2020-11-01"], ["Jane Q. Reporter", ""]),
    ("factiva_en.txt", 2,
     ["UN envoy urges exit of all foreign fighters from Libya", "Coastal road between Sirte and Misrata to reopen"],
     ["Mediterranean Wire Service", "The Tripoli Courier"], ["2020-10-24", "2020-11-02"], ["By Sam Example", ""]),
    ("factiva_ar.txt", 2,
     ["المبعوث الأممي يدعو إلى خروج المرتزقة من ليبيا", "إعادة فتح الطريق الساحلي بين سرت ومصراتة"],
     ["وكالة الأنباء المتوسطية", "صحيفة الوسط الليبية"], ["2020-10-24", "2020-11-02"], ["سامي المثال", ""]),
    ("factiva_mixed.html", 2,
     ["المبعوث الأممي يدعو إلى خروج المرتزقة من ليبيا", "Coastal road between Sirte and Misrata to reopen"],
     ["وكالة الأنباء المتوسطية", "The Tripoli Courier"], ["2020-10-24", "2020-11-02"], ["سامي المثال", ""]),
])
def test_read_export_fields(name, n, titles, sources, dates, bylines):
    df = read_export(DATA / name)
    assert len(df) == n
    assert list(df["title"]) == titles
    assert list(df["source"]) == sources
    assert list(df["date"]) == dates
    assert list(df["byline"]) == bylines


def test_nexis_body_stops_before_index_lines_and_skips_cover():
    df = read_export(DATA / "nexis_uni_ar.txt")
    first = df["text"][0]
    assert first.startswith("قال مصدر عسكري في طرابلس")
    assert first.endswith("خلال تسعين يوما.")
    assert "Classification" not in first and "Search Terms" not in df["title"][0]
    assert list(df["length"]) == ["62 words", "41 words", "35 words"]
    assert df["section"][0] == "أخبار ليبيا" and df["language"][0] == "ARABIC"


def test_hard_wrapped_paragraphs_are_joined():
    text = read_export(DATA / "lexisnexis_academic_en.txt")["text"][0]
    assert text.split("\n\n")[0] == ("Foreign fighters began to leave the coastal city of Sirte on Saturday, one day "
                                     "after the two sides signed a ceasefire agreement in Geneva, military officials said.")
    assert "LOAD-DATE" not in text and "Copyright" not in text


def test_factiva_lead_and_text_are_the_article():
    text = read_export(DATA / "factiva_en.txt")["text"][0]
    paras = text.split("\n\n")
    assert paras[0].startswith("The U.N. envoy for Libya") and paras[0].endswith("of the ceasefire.")
    assert paras[-1] == "Diplomats said Turkey and Russia had not yet commented."
    assert "unmiss" not in text and "Document MWS" not in text


def test_html_entities_decoded():
    assert "الأجانب & المرتزقة" in read_export(DATA / "factiva_mixed.html")["text"][0]


def test_load_articles_one_row_per_article_both_languages():
    df = ly.load_articles(DATA, progress=False)
    assert len(df) == 11
    assert {"byline", "source", "title", "date"} <= set(df.columns)
    row = df.set_index("article_id").loc["nexis_uni_ar-00001"]
    assert row["lang"] == "ar" and row["date"] == pd.Timestamp("2020-10-24")
    assert row["title"] == "انسحاب أول دفعة من المرتزقة من سرت" and row["byline"] == "مراسل الوسط في طرابلس"
    assert sorted(df["lang"].unique()) == ["ar", "en"]


def test_docx_export(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for line in (DATA / "nexis_uni_ar.txt").read_text(encoding="utf-8").split("\n"):
        doc.add_paragraph(line)
    path = tmp_path / "nexis.docx"
    doc.save(str(path))
    df = ly.load_articles(path, progress=False)
    assert list(df["title"]) == list(read_export(DATA / "nexis_uni_ar.txt")["title"])
    assert list(df["encoding"].unique()) == ["docx"]


def test_plain_article_is_not_an_export(tmp_path):
    assert split_export("قال المتحدث إن القوات انسحبت.\n\nوأضاف أن الهدنة صامدة.") is None
    p = tmp_path / "a.txt"
    p.write_text("The fighters left Sirte on Saturday.", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an ordinary article file: no warning
        df = ly.load_articles(p, progress=False, fix_joined=False)
    assert list(df["article_id"]) == ["a"]


def test_unknown_layout_falls_back_with_a_warning(tmp_path):
    p = tmp_path / "download.html"
    p.write_text("<html><body><p>The fighters left Sirte on Saturday.</p></body></html>", encoding="utf-8")
    with pytest.warns(UserWarning, match="not in a known LexisNexis / Nexis Uni or Factiva layout; read as one article"):
        df = ly.load_articles(p, progress=False, fix_joined=False)
    assert list(df["text"]) == ["The fighters left Sirte on Saturday."]
    with pytest.raises(CorpusError, match="not in a known"):
        read_export(p)


def test_nexis_separators_without_end_marker():
    recs = split_export("1 of 2 DOCUMENTS\n\nWire\nMay 3, 2020\nHeadline one\n\nLENGTH: 3 words\n\nBody one here.\n"
                        "2 of 2 DOCUMENTS\n\nPaper\nMay 4, 2020\nHeadline two\n\nLENGTH: 3 words\n\nBody two here.\n")
    assert [(r["source"], r["date"], r["title"], r["text"]) for r in recs] == [
        ("Wire", "2020-05-03", "Headline one", "Body one here."),
        ("Paper", "2020-05-04", "Headline two", "Body two here.")]


def test_export_fields_are_validated(monkeypatch, tmp_path):
    fields = export_fields()
    assert fields["factiva"]["HD"] == "title" and fields["lexisnexis"]["byline"] == "byline"
    bad = tmp_path / "export_fields.csv"
    bad.write_text("format,label,field,note\nfactiva,HD,title,\nfactiva,hd x,title,\n", encoding="utf-8")
    monkeypatch.setattr("libyakit.exports.data_path", lambda name: bad)
    export_fields.cache_clear()
    try:
        with pytest.raises(DataFileError, match="line 3"):
            export_fields()
    finally:
        export_fields.cache_clear()


def test_rtf_export_reads_like_its_text_twin():
    rtf, txt = read_export(DATA / "rtf" / "factiva_ar.rtf"), read_export(DATA / "factiva_ar.txt")
    pd.testing.assert_frame_equal(rtf, txt)
    df = ly.load_articles(DATA / "rtf", progress=False)
    assert df["title"].tolist() == txt["title"].tolist()


@pytest.mark.parametrize("rtf, text", [
    (r"{\rtf1\ansi\ansicpg1256 \'e1\'ed\'c8\'ed\'c7\par}", "ليبيا\n"),  # Arabic Windows code page
    (r"{\rtf1\uc0\u1604\u1610\u1576\u1610\u1575}", "ليبيا"),  # no fallback characters
    (r"{\rtf1\uc1 \u1604\'3f\u1575?}", "لا"),  # fallbacks given as hex or as a letter are dropped
    (r"{\rtf1{\*\bkmkstart x}A\tab B\~C\{\}}", "A\tB\u00a0C{}"),
    (r"{\rtf1{\info{\author Someone}}{\fonttbl{\f0 Arial;}}Body}", "Body"),
])
def test_rtf_text(rtf, text):
    from libyakit.exports import rtf_text

    assert rtf_text(rtf) == text


def test_an_exported_article_without_text_is_named(tmp_path):
    p = tmp_path / "nexis.txt"
    p.write_text("Document 1 of 2\n\nPhoto: Sirte\nWire\nMay 3, 2020\nLength: 0 words\nBody\n\nEnd of Document\n"
                 "Document 2 of 2\n\nTroops leave\nWire\nMay 4, 2020\nLength: 4 words\nBody\n\nThe troops left Sirte."
                 "\n\nEnd of Document\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="nexis.txt article 1: empty article text"):
        ly.load_articles(p, progress=False, fix_joined=False)
    with pytest.warns(UserWarning, match="skipped 1 of 2"):
        df = ly.load_articles(p, progress=False, fix_joined=False, errors="warn")
    assert df["title"].tolist() == ["Troops leave"] and len(df.attrs["problems"]) == 1
