"""One document, one span: every extractor reads the same Document, whose layers are computed once."""

import dataclasses

import pandas as pd
import pytest

import libyakit.actors as actors_mod
import libyakit.marks as marks
from libyakit.backing import backing_in
from libyakit.ceasefire import events_in
from libyakit.dates import DateMention, dates_in, find_dates
from libyakit.document import Document, Mention, Sentence, Span, as_document
from libyakit.forces import claims_in
from libyakit.numbers import Quantity, find_quantities
from libyakit.pipeline import article_tables
from libyakit.quotes import quotes_in

# invented sentences
AR = ("قال المتحدث باسم الجيش إن تركيا أرسلت 2000 مرتزق سوري إلى ليبيا في 5 يناير 2020. "
      "وأكّد أن وقف إطلاق النار يجب أن يُحترم.")
EN = 'The spokesman said Turkey had sent 2,000 Syrian mercenaries to Libya. "We will not leave," he said.'


def test_span_shifts_and_reads_its_surface():
    s = Span.of("abcdef", 1, 3)
    assert s == Span(1, 3, "bc")
    assert s.shift(10) == Span(11, 13, "bc") and s.shift(0) is s
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 2


def test_every_span_is_a_span_and_shifts_the_same_way():
    text = "في 5 يناير 2020 وصل 300 مرتزق"
    q = find_quantities(text)[-1]
    d = find_dates(text)[0]
    (m,) = actors_mod.mentions_in("وصلت تركيا")
    sentence = Document(text).sentences[0]
    for span in (q, d, m, sentence):
        assert isinstance(span, Span)
        moved = span.shift(7)
        assert type(moved) is type(span) and (moved.start, moved.end) == (span.start + 7, span.end + 7)
        assert moved.surface == span.surface
    assert isinstance(q, Quantity) and q.shift(7).low == q.low
    assert isinstance(d, DateMention) and d.shift(7).year == 2020
    assert isinstance(m, Mention) and m.shift(7).actor_id == "TUR"
    assert Mention("TUR", 5, 10, "تركيا", "تركيا", "name") == m  # the order it has always been built in


def test_a_sentence_unpacks_as_before():
    (s,) = Document("Turkey sent troops.").sentences
    start, end, words = s
    assert (start, end, words) == (0, 19, "Turkey sent troops.") and s[2] == words and isinstance(s, Sentence)


def test_layers_are_computed_once(monkeypatch):
    calls = []
    real = actors_mod.mentions_in
    monkeypatch.setattr(actors_mod, "mentions_in", lambda text, **kw: calls.append(text) or real(text, **kw))
    doc = Document(AR, article_id="a", lang="ar", date=pd.Timestamp("2020-01-06"))
    first = doc.mentions
    assert doc.mentions is first and calls == [AR]
    claims_in(doc), quotes_in(doc), backing_in(doc), events_in(doc), dates_in(doc)
    assert calls == [AR]  # (the bare view maps the document's mentions: none found again)
    assert doc.date == pd.Timestamp("2020-01-06").date()


def test_the_pipeline_builds_one_document_per_article(monkeypatch):
    calls = []
    real = actors_mod.mentions_in
    monkeypatch.setattr(actors_mod, "mentions_in", lambda text, **kw: calls.append(text) or real(text, **kw))
    tables = article_tables("a", AR, "ar", pd.Timestamp("2020-01-06"))
    assert calls == [AR]
    assert tables["forces"] and tables["forces"][0]["article_id"] == "a"


def test_extractors_take_a_document_or_a_text():
    for text, lang in ((AR, "ar"), (EN, "en")):
        doc = Document(text, lang=lang)
        assert claims_in(doc) == claims_in(text)
        assert quotes_in(doc) == quotes_in(text)
        assert backing_in(doc) == backing_in(text)
        assert events_in(doc) == events_in(text, lang=lang)
        assert dates_in(doc) == dates_in(text)
    assert as_document(doc) is doc


def test_marked_text_reads_through_the_bare_view():
    doc = Document(AR)
    assert doc.has_marks and "ّ" not in doc.bare_view.text
    assert doc.bare_view.bare_view is doc.bare_view
    (claim,) = claims_in(doc)
    assert AR[claim["start"]:claim["end"]] == claim["surface"]
    plain = Document(EN)
    assert plain.bare_view is plain


def test_no_hidden_cache_between_extractors():
    assert not hasattr(marks, "_last") and not hasattr(marks, "_bare_inputs")


def test_layers_in_text_offsets():
    doc = Document(AR)
    for layer in (doc.sentences, doc.mentions, doc.quantities, doc.dates, doc.actors):
        for span in layer:
            assert AR[span.start:span.end] == span.surface
    for row in doc.statements:
        assert AR[row["start"]:row["end"]] == row["surface"]


def test_a_document_needs_a_str():
    with pytest.raises(TypeError):
        Document(None)
    with pytest.raises(ValueError, match="lang"):
        events_in("text without a language")


def test_a_marked_text_finds_its_people_once_on_the_bare_text(monkeypatch):
    # the unlisted people are found once, on the bare view, and mapped back onto the text as
    # written; a mark after a name's last letter belongs to its span
    text = "قال المتحدثُ باسم الجيش خالد الزنتانيُّ إن القوات وصلت. وأضاف الزنتانيُّ أن الوضع هادئ."
    runs, unlisted = [], actors_mod.unlisted
    monkeypatch.setattr(actors_mod, "unlisted", lambda t, m: runs.append(t) or unlisted(t, m))
    doc = Document(text)
    people = [(a.surface, a.alias, a.rule) for a in doc.actors if not a.actor_id]
    assert people == [("خالد الزنتانيُّ", "المتحدث", "persons.titled_name"),
                      ("الزنتانيُّ", "خالد الزنتانيُّ", "persons.surname_name")]
    assert all(text[a.start:a.end] == a.surface for a in doc.actors)
    assert [(a.surface, a.alias) for a in doc.bare_view.actors if not a.actor_id] == \
        [("خالد الزنتاني", "المتحدث"), ("الزنتاني", "خالد الزنتاني")]
    assert runs == [doc.bare.bare]  # once, on the bare text
    assert [m for m in doc.actors if m.actor_id] == [m for m in doc.mentions if m.actor_id]
    rows = actors_mod.extract_actors(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    assert rows.loc[rows["surface"] == "الزنتانيُّ", "actor_id"].tolist() == ["unlisted:خالد الزنتانيُّ"]
