"""Concordance (keyword in context): every place a word is used, with the words around it.

Read a term across the corpus the way AntConc or Voyant show it, in Arabic and English,
matched on the word's key (:mod:`libyakit.keys`): diacritics, tatweel and alef/ya/ta
marbuta variants folded, Latin case folded, and the proclitics a word may carry
(و ف ب ل ك س, ال and their combinations) looked through, so "مرتزق" finds "المرتزقة",
"والمرتزقة", "للمرتزقة" and "مرتزقة". By default the term is a prefix of the word
(a stem: "mercenar" finds "mercenary" and "mercenaries"); ``match="word"`` wants the
whole word (after its proclitics).

An index is built once per articles table (:class:`KwicIndex`: which articles hold which
word form; keys sorted for prefix lookups); :func:`kwic` keeps the last ones it built, so
repeated queries over the same table only read the articles that hold the term.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a1", "e1"], "lang": ["ar", "en"], "text": [
...     "طالبت البعثة بخروج المرتزقة. وقال إن للمرتزقة دوراً في الحرب.",
...     "Mercenaries left Sirte; the mercenary force was Russian."]})
>>> kwic(arts, "مرتزق", window=2)[["article_id", "left", "surface", "right"]].values.tolist()
[['a1', 'البعثة بخروج ', 'المرتزقة', '. وقال إن'], ['a1', 'وقال إن ', 'للمرتزقة', ' دوراً في']]
>>> kwic(arts, "mercenar", window=1)["surface"].tolist()
['Mercenaries', 'mercenary']
"""

from __future__ import annotations

import html
import weakref
from bisect import bisect_left

import regex

from .keys import WORD, stem_keys, word_key

__all__ = ["KwicIndex", "kwic", "kwic_html", "KWIC_COLUMNS"]

KWIC_COLUMNS = ["article_id", "lang", "start", "end", "surface", "left", "keyword", "right"]
MATCH = ("prefix", "word")


class KwicIndex:
    """The concordance index of an articles table (``article_id``, ``text``, optional ``lang``).

    Holds, for every distinct word form, the articles that contain it, and every key a
    form can be found by (as written, and with each proclitic cut), sorted. Building it
    reads every article once; a query then reads only the articles holding the term.
    """

    def __init__(self, articles, *, text_column: str = "text"):
        self.ids = articles["article_id"].astype(str).tolist()
        self.texts = articles[text_column].fillna("").astype(str).tolist()
        self.langs = articles["lang"].astype(str).tolist() if "lang" in articles else [""] * len(self.ids)
        postings: dict[str, list[int]] = {}
        for d, text in enumerate(self.texts):
            for w in set(WORD.findall(text)):
                found = postings.get(w)
                if found is None:
                    postings[w] = [d]
                else:
                    found.append(d)
        self._postings = postings
        pairs = sorted((k, w) for w in postings for k in stem_keys(w))
        self._keys = [k for k, _ in pairs]
        self._forms = [w for _, w in pairs]

    def __len__(self) -> int:
        return len(self.ids)

    def forms(self, word: str, *, match: str = "prefix") -> set[str]:
        """The word forms in the corpus that ``word`` finds."""
        if match not in MATCH:
            raise ValueError(f"match must be one of {MATCH}, not {match!r}")
        key = word_key(word)
        if not key:
            return set()
        out = set()
        i = bisect_left(self._keys, key)
        while i < len(self._keys) and self._keys[i].startswith(key):
            if match == "prefix" or self._keys[i] == key:
                out.add(self._forms[i])
            i += 1
        return out

    def query(self, term: str, *, window: int = 8, match: str = "prefix", limit: int | None = None):
        """The concordance of ``term`` (one word or several in a row): see :func:`kwic`."""
        import pandas as pd

        words = WORD.findall(term)
        if not words:
            raise ValueError(f"no word to look up in {term!r}")
        if window < 0:
            raise ValueError(f"window must be 0 or more words, not {window!r}")
        # every word but the last must match whole (after proclitics); the last as asked
        sets = [self.forms(w, match="word" if i < len(words) - 1 else match) for i, w in enumerate(words)]
        docs = None
        for forms in sets:
            found = {d for f in forms for d in self._postings[f]}
            docs = found if docs is None else docs & found
        # a few hundred forms: one regex; more (a short prefix such as "في"): test each word of the text
        find = _finder(sets) if max(map(len, sets)) <= _MAX_PATTERN_FORMS else _scanner(sets)
        rows = []
        for d in sorted(docs or ()):
            text = self.texts[d]
            for start, end in find(text):
                left, right = _context(text, start, end, window)
                rows.append((self.ids[d], self.langs[d], start, end, text[start:end], left, term, right))
            if limit is not None and len(rows) >= limit:
                del rows[limit:]
                break
        out = pd.DataFrame(rows, columns=KWIC_COLUMNS)
        out["start"] = out["start"].astype("int64")
        out["end"] = out["end"].astype("int64")
        return out


_EDGE_BEFORE = r"(?<![\p{L}\p{M}\p{N}])"
_EDGE_AFTER = r"(?![\p{L}\p{M}\p{N}])"
# a context word: a run without spaces holding a letter or digit (a lone "." or "-" is no word)
_CONTEXT_WORD = regex.compile(r"\S*[\p{L}\p{N}]\S*")
_CHARS_PER_WORD = 40  # how far to look for the context words (Arabic words average about 6 letters)


_MAX_PATTERN_FORMS = 300


def _finder(sets: list[set[str]]):
    """Spans of the term in a text, by one regex: each word one of its forms, whole, spaces between."""
    parts = ["(?:" + "|".join(regex.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"
             for forms in sets]
    pattern = regex.compile(_EDGE_BEFORE + r"\s+".join(parts) + _EDGE_AFTER)
    return lambda text: (m.span() for m in pattern.finditer(text))


_SPACE = regex.compile(r"\s+")


def _scanner(sets: list[set[str]]):
    """Spans of the term in a text, word by word (for terms with very many forms)."""
    n = len(sets)

    def find(text):
        spans = [m.span() for m in WORD.finditer(text)]
        for i in range(len(spans) - n + 1):
            if all(text[spans[i + k][0]:spans[i + k][1]] in sets[k] for k in range(n)) and all(
                    _SPACE.fullmatch(text, spans[i + k][1], spans[i + k + 1][0]) for k in range(n - 1)):
                yield spans[i][0], spans[i + n - 1][1]
    return find


def _context(text: str, start: int, end: int, window: int) -> tuple[str, str]:
    """The text of ``window`` words before ``start`` and after ``end`` (exact substrings)."""
    if not window:
        return "", ""
    lo = max(0, start - _CHARS_PER_WORD * window)
    before = [m.start() for m in _CONTEXT_WORD.finditer(text, lo, start)]
    left_at = lo + 0 if not before else before[-window] if len(before) >= window else before[0]
    after = [m.end() for m in _CONTEXT_WORD.finditer(text, end, min(len(text), end + _CHARS_PER_WORD * window))]
    right_at = after[window - 1] if len(after) >= window else (after[-1] if after else end)
    return text[left_at:start], text[end:right_at]


_CACHE: list[tuple] = []  # (weak reference to the table, its fingerprint, text column, index), newest last
_CACHE_SIZE = 2


def _fingerprint(articles, text_column: str):
    texts = articles[text_column].fillna("").astype(str)
    return (len(articles), tuple(articles["article_id"].astype(str).iloc[[0, -1]]) if len(articles) else (),
            int(texts.str.len().sum()))


def _index_for(articles, text_column: str) -> KwicIndex:
    """The index of ``articles``, reused while the same table (same ids and text lengths) is asked again."""
    fp = _fingerprint(articles, text_column)
    for ref, old_fp, col, index in _CACHE:
        if ref() is articles and old_fp == fp and col == text_column:
            return index
    index = KwicIndex(articles, text_column=text_column)
    try:
        ref = weakref.ref(articles)
    except TypeError:  # not weak-referenceable: no cache
        return index
    _CACHE.append((ref, fp, text_column, index))
    del _CACHE[:-_CACHE_SIZE]
    return index


def kwic(articles, term: str, *, window: int = 8, match: str = "prefix", limit: int | None = None,
         text_column: str = "text"):
    """Keyword in context: every occurrence of ``term`` in ``articles``, with ``window``
    words either side.

    ``articles`` is the articles table or a :class:`KwicIndex` built from it (an index
    is built on the first call for a table and reused after). ``term`` is one word or a
    few in a row ("القوات الأجنبية", "foreign forces"), matched on keys: see the module
    docstring. ``match``: "prefix" (default; the term's last word starts the text's
    word) or "word". ``limit``: stop after that many lines (the first articles in
    table order); a short prefix of a common word ("في") finds 200,000 lines over
    20,000 articles, which take ~20 s to cut out.

    Columns: ``article_id, lang, start, end, surface`` (the words found:
    ``text[start:end] == surface`` on the cleaned text), ``left`` and ``right``
    (the text before and after: ``text[start - len(left):start] == left``),
    ``keyword`` (the term asked for). Sorted by article, then position; write it with
    ``.to_csv(...)``, show it with :func:`kwic_html`.
    """
    index = articles if isinstance(articles, KwicIndex) else _index_for(articles, text_column)
    return index.query(term, window=window, match=match, limit=limit)


def _cell(text: str) -> str:
    return html.escape(" ".join(text.split()))


def kwic_html(rows, *, max_rows: int = 50):
    """The concordance as HTML tables, one per language, keyword column aligned.

    Arabic lines are laid out right to left (``dir="rtl"``: the text before the word on
    its right, the text after on its left), English left to right; each context hugs the
    keyword. All text is escaped. Returns ``IPython.display.HTML`` (``.data`` is the HTML).
    """
    import pandas as pd
    from IPython.display import HTML

    parts = []
    langs = rows["lang"].fillna("") if "lang" in rows else pd.Series("", index=rows.index)
    for lang, group in rows.groupby(langs, sort=True):
        shown = group.head(max_rows)
        rtl = lang == "ar"
        direction = "rtl" if rtl else "ltr"
        # in an RTL table the first cell is rightmost: "left" (the text before) then sits right of the word
        before_align, after_align = ("left", "right") if rtl else ("right", "left")
        lines = []
        for r in shown.itertuples():
            lines.append(
                "<tr>"
                f'<td style="color:#777">{html.escape(str(r.article_id))}</td>'
                f'<td dir="{direction}" style="text-align:{before_align};white-space:nowrap">{_cell(r.left)}</td>'
                f'<td dir="{direction}" style="text-align:center;white-space:nowrap"><b>{_cell(r.surface)}</b></td>'
                f'<td dir="{direction}" style="text-align:{after_align};white-space:nowrap">{_cell(r.right)}</td>'
                "</tr>")
        more = f"<p>… {len(group) - len(shown)} more lines</p>" if len(group) > len(shown) else ""
        parts.append(f'<table dir="{direction}">{"".join(lines)}</table>{more}')
    return HTML("".join(parts) or "<p>no occurrences</p>")
