"""Concordance (libyakit.concordance): invented Arabic and English sentences."""

import pandas as pd
import pytest

import libyakit as ly
from libyakit.concordance import KwicIndex

ARTICLES = pd.DataFrame({
    "article_id": ["ar1", "ar2", "en1", "en2"],
    "lang": ["ar", "ar", "en", "en"],
    "text": [
        "طالبت البعثة بخروج المرتزقة من ليبيا. وقال المتحدث إن للمرتزقةِ دوراً في إطالة الحرب.",
        "نفى الجيش وجود مرتزقة في سرت، وأكد أن والمرتزقة كلمة لا تعنيه. وزار الإمارات وفد ليبي.",
        "Mercenaries left Sirte on Saturday. A spokesman said the mercenary force was Russian.",
        "The foreign forces must leave; foreign   forces are still in Jufra. No MERCENARIES there.",
    ],
})


def test_arabic_clitics_diacritics_and_alef_fold():
    rows = ly.kwic(ARTICLES, "مرتزق")
    assert rows["surface"].tolist() == ["المرتزقة", "للمرتزقةِ", "مرتزقة", "والمرتزقة"]
    assert rows["article_id"].tolist() == ["ar1", "ar1", "ar2", "ar2"]
    assert set(rows["keyword"]) == {"مرتزق"}
    # alef variants: "الامارات" (no hamza) finds "الإمارات"
    assert ly.kwic(ARTICLES, "الامارات")["surface"].tolist() == ["الإمارات"]


def test_provenance_and_context_are_exact_substrings():
    texts = ARTICLES.set_index("article_id")["text"]
    rows = pd.concat([ly.kwic(ARTICLES, q, window=3) for q in ("مرتزق", "mercenar", "foreign forces", "ليبي")])
    assert len(rows) > 0
    for r in rows.itertuples():
        t = texts[r.article_id]
        assert t[r.start:r.end] == r.surface
        assert t[r.start - len(r.left):r.start] == r.left
        assert t[r.end:r.end + len(r.right)] == r.right


def test_window_counts_words_either_side():
    row = ly.kwic(ARTICLES, "المتحدث", window=2).iloc[0]
    assert (row["left"], row["surface"], row["right"]) == ("ليبيا. وقال ", "المتحدث", " إن للمرتزقةِ")
    assert ly.kwic(ARTICLES, "المتحدث", window=0).iloc[0][["left", "right"]].tolist() == ["", ""]


def test_english_case_prefix_and_phrases():
    assert ly.kwic(ARTICLES, "mercenar")["surface"].tolist() == ["Mercenaries", "mercenary", "MERCENARIES"]
    assert ly.kwic(ARTICLES, "mercenary", match="word")["surface"].tolist() == ["mercenary"]
    assert ly.kwic(ARTICLES, "foreign forces")["surface"].tolist() == ["foreign forces", "foreign   forces"]
    assert ly.kwic(ARTICLES, "ليبي", match="word")["surface"].tolist() == ["ليبي"]  # "ليبيا" is another word
    assert ly.kwic(ARTICLES, "ليبي")["surface"].tolist() == ["ليبيا", "ليبي"]


def test_index_is_built_once_and_reused(monkeypatch):
    frame = ARTICLES.copy()
    built = []
    original = KwicIndex.__init__

    def counting(self, *a, **k):
        built.append(1)
        original(self, *a, **k)

    monkeypatch.setattr(KwicIndex, "__init__", counting)
    ly.kwic(frame, "مرتزق")
    ly.kwic(frame, "mercenar")
    assert len(built) == 1
    frame.loc[0, "text"] = frame.loc[0, "text"] + " مرتزق آخر"  # the table changed: a new index
    assert "مرتزق" in ly.kwic(frame, "مرتزق")["surface"].tolist()
    assert len(built) == 2
    index = KwicIndex(ARTICLES)
    assert ly.kwic(index, "mercenar", limit=2)["surface"].tolist() == ["Mercenaries", "mercenary"]


def test_bad_queries():
    with pytest.raises(ValueError, match="no word"):
        ly.kwic(ARTICLES, " ... ")
    with pytest.raises(ValueError, match="match"):
        ly.kwic(ARTICLES, "x", match="fuzzy")


def test_display_rtl_aligned_and_escaped(tmp_path):
    arts = pd.DataFrame({"article_id": ["a", "b"], "lang": ["ar", "en"],
                         "text": ["قال <script> إن المرتزقة غادروا", "the <b>mercenaries</b> left"]})
    rows = ly.kwic(arts, "مرتزق")
    rows = pd.concat([rows, ly.kwic(arts, "mercenar")])
    html = ly.kwic_html(rows).data
    assert '<table dir="rtl">' in html and '<table dir="ltr">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>mercenaries</b>" in html  # the keyword is bold; its own markup was escaped around it
    rows.to_csv(tmp_path / "kwic.csv", index=False)
    back = pd.read_csv(tmp_path / "kwic.csv")
    assert back["surface"].tolist() == rows["surface"].tolist()


from hypothesis import given, settings
from hypothesis import strategies as st

from libyakit.keys import WORD, stem_keys, word_key

_STEMS = ["مرتزقة", "قوات", "أجنبية", "إيطاليا", "ليبيا", "forces", "Mercenary", "troops"]
_CLITICS = ["", "و", "ال", "وال", "لل", "ب", "فب"]
_MARKS = ["", "\u064e", "\u0651"]  # fatha, shadda


@st.composite
def _texts(draw):
    words = draw(st.lists(st.tuples(st.sampled_from(_CLITICS), st.sampled_from(_STEMS), st.sampled_from(_MARKS)),
                          min_size=1, max_size=30))
    seps = draw(st.lists(st.sampled_from([" ", "، ", ". ", "\n", " - "]), min_size=len(words), max_size=len(words)))
    return "".join(c + s[:2] + m + s[2:] + sep for (c, s, m), sep in zip(words, seps))


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_texts(), min_size=1, max_size=4), query=st.sampled_from(["مرتزق", "قوات", "الايطاليا",
                                                                                  "ليبي", "forc", "mercenary"]),
       window=st.integers(0, 4), match=st.sampled_from(["prefix", "word"]))
def test_every_occurrence_found_with_exact_provenance(texts, query, window, match):
    arts = pd.DataFrame({"article_id": [f"t{i}" for i in range(len(texts))], "lang": "ar", "text": texts})
    rows = KwicIndex(arts).query(query, window=window, match=match)
    key = word_key(query)
    expected = [(f"t{i}", m.span()) for i, t in enumerate(texts) for m in WORD.finditer(t)
                if any(k == key or (match == "prefix" and k.startswith(key)) for k in stem_keys(m.group()))]
    assert [(r.article_id, (r.start, r.end)) for r in rows.itertuples()] == expected
    for r in rows.itertuples():
        t = texts[int(r.article_id[1:])]
        assert t[r.start:r.end] == r.surface
        assert t[r.start - len(r.left):r.start] == r.left and t[r.end:r.end + len(r.right)] == r.right
