"""One article, analysed once: the :class:`Document` every extractor reads, and the one :class:`Span`.

A :class:`Document` is built once per article (:func:`as_document`) and holds the cleaned text,
its ``article_id``, ``lang`` and ``date`` where known. Its layers are computed the first time an
extractor asks for them and kept on the document, so that the pipeline, which hands the same
document to every extractor, computes each layer once per article:

========================  ===========================================================
layer                     what it is
========================  ===========================================================
``bare``                  the text without Arabic marks and the offset maps (:class:`libyakit.marks.BareText`)
``sentences``             :class:`Sentence` spans (:func:`libyakit.sentences.sentence_spans`)
``mentions``              the gazetteer's actor mentions (:func:`libyakit.actors.mentions_in`)
``actors``                ``mentions`` and the persons and organisations it does not list
                          (:func:`libyakit.actors.with_unlisted`)
``quantities``            amounts, sentence by sentence (:func:`libyakit.numbers.find_quantities`)
``dates``                 dates (:func:`libyakit.dates.find_dates`); ``sentence_dates`` per sentence
``statements``            quotations and reported statements (:func:`libyakit.quotes.quotes_in`),
                          where a force figure finds its source
``bare_view``             the document of the bare text, its mentions and sentences mapped
                          onto it (what :func:`libyakit.marks.mark_free` extractors read)
========================  ===========================================================

Every span — a sentence, an actor mention, an amount, a date — is a :class:`Span`: ``start``,
``end`` and ``surface`` with ``text[start:end] == surface``, shifted by :meth:`Span.shift`.

>>> doc = as_document("قال المتحدث إن 300 مرتزق وصلوا. Then 2,000 troops left.", article_id="a1")
>>> [s.surface for s in doc.sentences]
['قال المتحدث إن 300 مرتزق وصلوا.', 'Then 2,000 troops left.']
>>> [(q.surface, q.start) for q in doc.quantities]
[('300', 15), ('2,000', 37)]
>>> Span.of("abcdef", 1, 3).shift(10)
Span(start=11, end=13, surface='bc')
"""

from __future__ import annotations

import dataclasses
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

__all__ = ["Span", "Sentence", "Mention", "Document", "as_document"]


@dataclass(frozen=True)
class Span:
    """``start``, ``end`` (offsets in the text it was found in) and ``surface`` (``text[start:end]``)."""

    start: int
    end: int
    surface: str

    def shift(self, offset: int):
        """The same span (of the same type, every other field kept) ``offset`` characters further on:
        from offsets in a sentence to offsets in its article, say."""
        if not offset:
            return self
        return dataclasses.replace(self, start=self.start + offset, end=self.end + offset)

    @classmethod
    def of(cls, text: str, start: int, end: int, *args, **kwargs):
        """The span ``[start, end)`` of ``text`` (its surface read from the text); further fields
        of a subclass follow."""
        return cls(start, end, text[start:end], *args, **kwargs)


@dataclass(frozen=True)
class Sentence(Span):
    """A sentence span. It also unpacks as the ``(start, end, sentence)`` triple the extractors
    have always read (``for s_start, s_end, sentence in doc.sentences``)."""

    def __iter__(self):
        return iter((self.start, self.end, self.surface))

    def __getitem__(self, i):
        return (self.start, self.end, self.surface)[i]

    def __len__(self) -> int:
        return 3


@dataclass(frozen=True, init=False)
class Mention(Span):
    """An actor mention: the span, the ``actor_id`` it names (empty for a person or organisation the
    gazetteer does not list), the ``alias`` that matched and its ``alias_type``.

    Built as ``Mention(actor_id, start, end, surface, alias, alias_type)``, the order it has always had.
    """

    actor_id: str
    alias: str
    alias_type: str

    def __init__(self, actor_id: str, start: int, end: int, surface: str, alias: str, alias_type: str):
        # (the fields written straight into the instance's dict, in the dataclass's order: a frozen
        # dataclass refuses setattr, and object.__setattr__ field by field is slower)
        self.__dict__.update(start=start, end=end, surface=surface, actor_id=actor_id, alias=alias,
                             alias_type=alias_type)


class Document:
    """One article: its text and metadata, and its layers computed lazily (see the module doc).

    Layers are :func:`functools.cached_property` values: each is computed at most once per
    document. A layer already computed elsewhere may be given to the constructor
    (``mentions=``, ``sentences=``).
    """

    def __init__(self, text: str, *, article_id=None, lang: str | None = None, date=None,
                 mentions=None, sentences=None):
        if not isinstance(text, str):
            raise TypeError(f"a Document's text is a str, not {type(text).__name__}")
        self.text = text
        self.article_id = article_id
        self.lang = lang
        self.date = _as_date(date)
        if mentions is not None:
            self.__dict__["mentions"] = list(mentions)
        if sentences is not None:
            self.__dict__["sentences"] = [s if isinstance(s, Sentence) else Sentence(*s) for s in sentences]

    def __repr__(self) -> str:
        head = self.text[:30] + ("…" if len(self.text) > 30 else "")
        return f"Document(article_id={self.article_id!r}, lang={self.lang!r}, {len(self.text)} chars: {head!r})"

    def __len__(self) -> int:
        return len(self.text)

    # --- layers -----------------------------------------------------------------------------
    @cached_property
    def bare(self):
        """The text without Arabic marks, with the maps between the two's offsets."""
        from .marks import BareText

        return BareText(self.text)

    @property
    def has_marks(self) -> bool:
        """Whether the text has Arabic marks (then mark-free extractors read :attr:`bare_view`)."""
        return bool(self.bare.dropped)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences, in text order (:func:`libyakit.sentences.sentence_spans`)."""
        from .sentences import sentence_spans

        return sentence_spans(self.text)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def mentions(self) -> list:
        """The gazetteer's actor mentions, sorted by position."""
        from .actors import mentions_in

        with gc_paused():
            return mentions_in(self.text)

    @cached_property
    def actors(self) -> list:
        """``mentions`` and the people and organisations the gazetteer does not list, in text order.

        A text with marks is read once, without them: the bare view's actors, mapped back onto the
        text as written (the gazetteer's mentions are this document's own; a person's span ends
        after its last letter's marks, as :meth:`libyakit.marks.BareText.end` maps it)."""
        with gc_paused():
            if self.has_marks:
                return _written_actors(self)
            from .actors import with_unlisted

            return with_unlisted(self.text, self.mentions)

    @cached_property
    def quantities(self) -> list:
        """Every amount, found sentence by sentence (as the extractors look for them), with
        offsets in the text."""
        return [q.shift(s.start) for s, qs in zip(self.sentences, self.sentence_quantities) for q in qs]

    @cached_property
    def sentence_quantities(self) -> list[list]:
        """The amounts of each sentence, offsets in the sentence."""
        from .numbers import find_quantities

        return [find_quantities(s.surface) for s in self.sentences]

    @cached_property
    def dates(self) -> list:
        """Every date of the text (:func:`libyakit.dates.find_dates` over the whole text, as
        :func:`libyakit.dates.dates_in` reads them)."""
        from .dates import find_dates

        return find_dates(self.text)

    @cached_property
    def sentence_dates(self) -> list[list]:
        """The dates of each sentence, offsets in the sentence."""
        from .dates import find_dates

        return [find_dates(s.surface) for s in self.sentences]

    @cached_property
    def statements(self) -> list[dict]:
        """Quotations and reported statements (the rows of :func:`libyakit.quotes.quotes_in`)."""
        from .quotes import quotes_in

        return quotes_in(self)

    @cached_property
    def bare_view(self) -> "Document":
        """The document of the text without marks, this document's mentions and sentences mapped
        onto its offsets when first asked for (the document itself when the text has no marks)."""
        if not self.has_marks:
            return self
        return _BareDocument(self)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds ``offset`` (the last one starting at or before it)."""
        from bisect import bisect_right

        if not self.sentences:
            return None
        return self.sentences[max(bisect_right(self.sentence_starts, offset) - 1, 0)]


class _BareDocument(Document):
    """A document's mark-free view: its layers are the parent's, mapped onto the bare offsets,
    each computed only when an extractor asks for it (ceasefire reads sentences, not mentions)."""

    def __init__(self, parent: Document):
        super().__init__(parent.bare.bare, article_id=parent.article_id, lang=parent.lang, date=parent.date)
        self.parent = parent

    @cached_property
    def mentions(self) -> list:
        mentions = self.parent.mentions
        with gc_paused():
            starts = self.parent.bare.to_bare_all([m.start for m in mentions])
            ends = self.parent.bare.to_bare_all([m.end for m in mentions])
            return [_moved(m, a, b, self.text) for m, a, b in zip(mentions, starts, ends)]

    @cached_property
    def sentences(self) -> list[Sentence]:
        to_bare, bare = self.parent.bare.to_bare, self.text
        out = []
        for s in self.parent.sentences:
            a, b = to_bare(s.start), to_bare(s.end)
            out.append(Sentence(a, b, bare[a:b]))
        return out


def _moved(m, start: int, end: int, text: str):
    """Mention ``m`` at ``[start, end)`` of ``text`` (every other field kept)."""
    if type(m) is Mention:  # (the gazetteer's mentions: a direct build, dataclasses.replace is slower)
        return Mention(m.actor_id, start, end, text[start:end], m.alias, m.alias_type)
    return dataclasses.replace(m, start=start, end=end, surface=text[start:end])


def _written_actors(doc: Document) -> list:
    """``doc``'s actors (a text with marks) from its bare view's: the gazetteer's mentions are
    ``doc.mentions`` themselves, the people and organisations found on the bare text are mapped
    back onto the text as written. A person named again (``alias`` the name found before, as
    written on the bare text) keeps that name as the text writes it where it was first found."""
    view = doc.bare_view
    own = {id(b): m for b, m in zip(view.mentions, doc.mentions)}
    bt, text = doc.bare, doc.text
    found = [a for a in view.actors if id(a) not in own]
    starts = bt.start_all([a.start for a in found])
    ends = bt.end_all([a.end for a in found])
    written, as_written = {}, {}
    for a, start, end in zip(found, starts, ends):
        w = _moved(a, start, end, text)
        written[id(a)] = w
        as_written.setdefault(a.surface, w.surface)
    out = []
    for a in view.actors:
        m = own.get(id(a))
        if m is None:
            m = written[id(a)]
            if _named_again(m) and m.alias in as_written:
                m = dataclasses.replace(m, alias=as_written[m.alias])
        out.append(m)
    return out


def _named_again(m) -> bool:
    """Whether a person row's ``alias`` is the name found before (its actor: ``actors.actor_rows``)."""
    from .persons import SURNAME_AGAIN

    return m.alias_type == "surname" or getattr(m, "rule", "") == SURNAME_AGAIN


@contextmanager
def gc_paused():
    """The garbage collector paused inside the block (as it was after it).

    A layer of a long article builds hundreds of thousands of small objects (word tuples, spans)
    that hold no reference cycles; each 700 of them made the collector walk its young objects, and
    often every object of the process: a third of the actor layers' time on a 2 MB article
    (docs/speed.md). Paused, the few cycles they may leave wait for the next collection after the block."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _as_date(date):
    """A ``datetime.date`` or None from a date, Timestamp, datetime or NaT/None."""
    import datetime as dt

    if date is None:
        return None
    if isinstance(date, dt.datetime):  # (pandas Timestamps too; NaT is a datetime subclass)
        return None if date != date else date.date()
    if isinstance(date, dt.date):
        return date
    try:
        import pandas as pd

        return None if pd.isna(date) else pd.Timestamp(date).date()
    except (TypeError, ValueError):
        raise TypeError(f"not a date: {date!r}") from None


def as_document(doc, **kwargs) -> Document:
    """``doc`` itself if it is a :class:`Document`, else a new Document of the text ``doc``.

    ``kwargs`` (``article_id``, ``lang``, ``date``, and layers already computed: ``mentions``,
    ``sentences``) go to :class:`Document`; with a Document they must be None or agree with it.
    """
    if isinstance(doc, Document):
        for name in ("mentions", "sentences"):
            if kwargs.get(name) is not None and kwargs[name] is not doc.__dict__.get(name):
                raise ValueError(f"{name}= given with a Document: the document's own layer is used")
        return doc
    return Document(doc, **{k: v for k, v in kwargs.items() if v is not None})
