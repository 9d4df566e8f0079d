"""Matching Arabic whatever its diacritics: extractors read the text with its marks
(harakat, shadda, tanween) taken out, and their offsets are mapped back.

Arabic news is mostly written bare, but a writer may mark a word anywhere —
"القوّات", "أكّد", "مُرتزِق", "ألفَي" — and a cue pattern written for the bare
word would miss it. Rather than put "any marks" between every two letters of
every pattern, :func:`mark_free` runs an extractor on the bare text and maps
each row's ``start`` and ``end`` back to the text as written, so that
``text[start:end] == surface`` still holds and the surface keeps its marks
(a mark after the last letter belongs to it). The ``sentence`` column is the
sentence as written, and so are the other words a row quotes (an amount, a
cue, a date as written: :func:`rewrite`).

>>> bt = BareText("أكّد المتحدث")
>>> bt.bare
'أكد المتحدث'
>>> bt.start(2), bt.end(3)
(3, 4)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import wraps

from .arabic import MARK_CLASS

__all__ = ["BareText", "mark_free", "rewrite", "written"]

_MARK = re.compile(MARK_CLASS)


class BareText:
    """``text`` without Arabic marks (``bare``), and the maps between the two's offsets."""

    def __init__(self, text: str):
        self.text = text
        self.dropped = [m.start() for m in _MARK.finditer(text)]  # offsets in ``text``
        self.bare = _MARK.sub("", text) if self.dropped else text
        self._before = [d - j for j, d in enumerate(self.dropped)]  # the bare offset each dropped mark precedes

    def to_bare(self, offset: int) -> int:
        """The bare offset of ``text`` offset ``offset``."""
        return offset - bisect_left(self.dropped, offset)

    def start(self, k: int) -> int:
        """The ``text`` offset of bare character ``k``."""
        return k + bisect_right(self._before, k)

    def to_bare_all(self, offsets: list[int]) -> list[int]:
        """:meth:`to_bare` of each of ``offsets``."""
        if not self.dropped:
            return list(offsets)
        dropped = self.dropped
        return [o - bisect_left(dropped, o) for o in offsets]

    def start_all(self, ks: list[int]) -> list[int]:
        """:meth:`start` of each of ``ks``."""
        before = self._before
        return [k + bisect_right(before, k) for k in ks]

    def end_all(self, ks: list[int]) -> list[int]:
        """:meth:`end` of each of ``ks``."""
        return [self.end(k) for k in ks]

    def end(self, k: int) -> int:
        """The ``text`` end of a bare span ending at ``k``: after its last letter and that letter's marks."""
        if k <= 0:
            return 0
        e = self.start(k - 1) + 1
        while e < len(self.text) and _MARK.match(self.text, e):
            e += 1
        return e


def written(piece: str, original: str) -> str:
    """``piece`` (bare words) as ``original`` writes them, marks included; ``piece`` itself where
    ``original`` does not have it."""
    if not piece or not _MARK.search(original):
        return piece
    bt = BareText(original)
    i = bt.bare.find(piece)
    return piece if i < 0 else original[bt.start(i):bt.end(i + len(piece))]


def rewrite(*columns: str, within: str = "sentence"):
    """A ``fix_row`` for :func:`mark_free`: give ``columns`` as written in the row's ``within`` column."""

    def fix(row: dict, text: str) -> None:
        for c in columns:
            if isinstance(row.get(c), str):
                row[c] = written(row[c], row[within])

    return fix


def mark_free(fix_row=None, keep_row=None):
    """Decorate an extractor ``f(doc, ...) -> rows`` of a :class:`libyakit.document.Document` so that
    it reads the document's bare view (:attr:`~libyakit.document.Document.bare_view`: the text
    without marks, its mentions and sentences mapped onto it) and gives offsets, surfaces and
    sentences in the text as written.

    The decorated function takes a Document, or a str (and, for convenience, ``mentions=`` and
    ``sentences=`` already computed for it) wrapped with :func:`libyakit.document.as_document`.
    ``fix_row(row, text)`` recomputes further columns from the mapped offsets;
    ``keep_row(row)`` drops the rows the marks rule out (after ``fix_row``).
    """

    def decorate(func):
        @wraps(func)
        def wrapper(doc, *args, mentions=None, sentences=None, **kwargs):
            from .document import as_document

            doc = as_document(doc, mentions=mentions, sentences=sentences)
            if not doc.has_marks:
                return func(doc, *args, **kwargs)
            rows = func(doc.bare_view, *args, **kwargs)
            if not rows:
                return rows
            bt, text = doc.bare, doc.text
            for r in rows:
                r["start"], r["end"] = bt.start(r["start"]), bt.end(r["end"])
                r["surface"] = text[r["start"]:r["end"]]
                if "sentence" in r:
                    sentence = doc.sentence_at(r["start"])
                    if sentence is not None:
                        r["sentence"] = sentence.surface
                if fix_row is not None:
                    fix_row(r, text)
            return rows if keep_row is None else [r for r in rows if keep_row(r)]

        return wrapper

    return decorate
