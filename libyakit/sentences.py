"""Sentence spans for Arabic and English news text.

A sentence ends at ``. ! ? ؟`` followed by white space, and at every line
break. Abbreviations that end in a full stop ("U.N.", "Gen.", "Oct.") do not
end a sentence, nor does a full stop followed by a lower-case Latin letter
("3 p.m. on Friday"). Offsets point into the text, so every extractor can give the
sentence a figure came from.

>>> [s for _, _, s in sentence_spans("Gen. Haftar said so. Then the U.N. replied.\\nقال ميلز: نعم. انتهى")]
['Gen. Haftar said so.', 'Then the U.N. replied.', 'قال ميلز: نعم.', 'انتهى']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .arabic import MARK_CLASS, MARKS
from .document import Sentence

__all__ = ["sentence_spans", "within"]

# Tokens that end in "." without ending a sentence.
_ABBREVIATIONS = {
    "u.n", "u.s", "u.k", "e.u", "gen", "lt", "col", "maj", "capt", "sgt", "mr", "mrs", "ms", "dr",
    "st", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "inc", "co", "corp", "prof", "sen", "rep", "amb", "gov", "pres",
}
_LAST_WORD = re.compile(rf"([\w.{MARKS}]+)\.*$")  # (Arabic marks are no \w: "البلادْ" is one word)
_MARKS = re.compile(MARK_CLASS)
_LOWER_NEXT = re.compile(r"\s+[a-z]")
# (the look-ahead of the first characters lets every other character fail at once: the same matches)
_END = re.compile(r"(?=[.!?؟\n])(?:[.!?؟]+[\"'»)]*(?=\s)|\n+)")


def sentence_spans(text: str) -> list[Sentence]:
    """A :class:`~libyakit.document.Sentence` (it unpacks as ``(start, end, sentence)``) for each sentence of ``text``, stripped of outer spaces."""
    spans, start = [], 0
    for m in _END.finditer(text):
        if m.group().startswith("."):
            word = _LAST_WORD.search(text, max(start, m.start() - 16), m.start())
            token = _MARKS.sub("", word.group(1)).rstrip(".").lower() if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            if _LOWER_NEXT.match(text, m.end()):
                continue  # "at 3 p.m. on Friday", "(approx.) in Libya": English goes on in lower case
        end = m.end() if not m.group().startswith("\n") else m.start()
        _add(spans, text, start, end)
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans, text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Sentence(start, end, text[start:end]))


def within(items, starts, lo: int, hi: int):
    """The items whose start lies in [lo, hi), given ``starts`` (their sorted starts)."""
    return items[bisect_left(starts, lo):bisect_left(starts, hi)]


class SpanSet:
    """A set of ``[start, end)`` spans (overlapping ones merged), asked whether a span overlaps it in
    log time. The extractors keep the spans they have taken here: a scan of every span taken, for
    every candidate, made them quadratic in an article's length.

    >>> taken = SpanSet([(0, 5), (10, 12)])
    >>> taken.overlaps(4, 6), taken.overlaps(5, 10), taken.overlaps(11, 20)
    (True, False, True)
    >>> taken.add(5, 10); taken.overlaps(6, 7)
    True
    """

    def __init__(self, spans=()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        starts, ends = self.starts, self.ends
        last = None  # (ends[-1]; local names: built for every actor mention of a long article, often)
        for a, b in sorted(spans):
            if ends and a < last:
                if b > last:
                    ends[-1] = last = b
            else:
                starts.append(a)
                ends.append(b)
                last = b

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the last span that starts before ``end``
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        """Add a span (merged with those it overlaps or touches)."""
        lo = bisect_left(self.ends, start)  # the first span that ends at or after ``start``
        hi = bisect_right(self.starts, end)  # the spans that start at or before ``end``
        if lo < hi:
            start, end = min(start, self.starts[lo]), max(end, self.ends[hi - 1])
        self.starts[lo:hi] = [start]
        self.ends[lo:hi] = [end]
