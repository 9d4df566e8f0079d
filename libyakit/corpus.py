"""Corpus-level summaries used by the notebooks: what cleaning changed, frequent words."""

from __future__ import annotations

from collections import Counter

import regex

from .arabic import LETTERS as ARABIC_LETTERS
from .arabic import MARKS as ARABIC_MARKS
from .clean import normalize_arabic, split_article

__all__ = ["cleaning_report", "top_words"]

_WORD = {
    "ar": regex.compile(f"[{ARABIC_LETTERS}][{ARABIC_LETTERS}{ARABIC_MARKS}]*"),
    "en": regex.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]"),
}


def _check_articles(articles, *columns):
    import pandas as pd

    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"expected the articles DataFrame from load_articles(), got {type(articles).__name__}")
    missing = [c for c in columns if c not in articles.columns]
    if missing:
        raise ValueError(f"articles DataFrame lacks column(s) {missing}: pass the result of load_articles()")
    for column in ("text", "text_raw"):
        if column in columns:
            bad = [aid for aid, t in zip(articles["article_id"], articles[column]) if not isinstance(t, str)]
            if bad:
                raise ValueError(f"articles {bad[:5]} have no {column} (not a str); load_articles() never gives that")


def documents(articles):
    """One :class:`~libyakit.document.Document` per article (``lang`` and ``date`` where the frame
    has those columns), in the frame's order."""
    from .document import Document

    n = len(articles)
    langs = articles["lang"] if "lang" in articles.columns else [None] * n
    dates = articles["date"] if "date" in articles.columns else [None] * n
    for aid, text, lang, date in zip(articles["article_id"], articles["text"], langs, dates):
        yield Document(text, article_id=aid, lang=lang, date=date)


def rows_per_article(articles, rows_in, *, desc: str, progress: bool | None = None) -> list[dict]:
    """``rows_in(doc)`` for every article's :class:`~libyakit.document.Document`, each row tagged
    with its ``article_id``.

    Checks the frame first and shows a progress bar (see :mod:`libyakit.progress`).
    """
    from .progress import progress_bar

    _check_articles(articles, "article_id", "text")
    docs = progress_bar(documents(articles), total=len(articles), desc=desc, enable=progress)
    return [{"article_id": doc.article_id, **r} for doc in docs for r in rows_in(doc)]


def cleaning_report(articles):
    """What cleaning changed, per article (rows) and kind (columns), from ``text_raw``.

    Kinds: presentation_forms, invisible_controls, tatweel, quotes, whitespace,
    line_breaks, date_header, repeated_headline, trailing_chrome, chrome_lines (bylines, credits, counters),
    chrome_tail (a list of other stories after "Related Articles"), hard_wraps, and — when the
    articles went through joined-word repair — joined_words.
    """
    import pandas as pd

    _check_articles(articles, "article_id", "text_raw")
    rows = {}
    for aid, raw in zip(articles["article_id"], articles["text_raw"]):
        rows[aid] = dict(split_article(raw).changes)
    if "n_joined_fixed" in articles.columns:
        for aid, n in zip(articles["article_id"], articles["n_joined_fixed"]):
            rows[aid]["joined_words"] = int(n)
    table = pd.DataFrame.from_dict(rows, orient="index").fillna(0).astype("int64")
    table = table.reindex(sorted(table.columns), axis=1)
    table.index.name = "article_id"
    return table


def top_words(articles, *, lang: str, n: int = 15, min_length: int = 3, max_zipf: float = 5.0):
    """The ``n`` most frequent content words of the articles in ``lang``.

    Function words are left out by their general frequency: a word whose
    wordfreq Zipf frequency in ``lang`` is above ``max_zipf`` (as "في", "the",
    "من" are) is not counted. Arabic words are counted by their matching key
    (so "أكتوبر" and "اكتوبر" are one word) and shown in their most common
    written form. Returns a Series indexed by word, sorted by count, then word.
    """
    import pandas as pd
    from wordfreq import zipf_frequency

    if lang not in _WORD:
        raise ValueError(f"unknown language {lang!r}: expected 'ar' or 'en'")
    _check_articles(articles, "lang", "text")
    forms: dict[str, Counter] = {}
    for text in articles.loc[articles["lang"] == lang, "text"]:
        for w in _WORD[lang].findall(text):
            key = normalize_arabic(w) if lang == "ar" else w.lower()
            forms.setdefault(key, Counter())[w if lang == "ar" else key] += 1
    counts = Counter()
    for key, seen in forms.items():
        if len(key) >= min_length and zipf_frequency(key, lang) <= max_zipf:
            counts[key] = sum(seen.values())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    index = [forms[k].most_common(1)[0][0] for k, _ in ranked]
    return pd.Series([c for _, c in ranked], index=index, name="count", dtype="int64")
