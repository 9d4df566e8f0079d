"""Cleaning: turn a decoded article into the display text every analysis uses.

Two different outputs, never to be confused:

* :func:`clean_text` gives *display text*. It only removes what carries no
  meaning for a reader (invisible controls, tatweel, site chrome) and folds
  look-alike code points (presentation forms, curly quotes, odd spaces) to
  their plain forms. Diacritics and spelling are kept: ``على`` stays ``على``.
* :func:`normalize_arabic` gives a *matching key*: no diacritics, alef, ya and
  ta-marbuta variants unified. It loses information (``على`` "on" and ``علي``
  "Ali" become the same key), so it is only ever compared, never shown.

>>> clean_text("ﺍﻟﺴﻼﻡ\u200f  عليكم")
'السلام عليكم'
>>> clean_text("الـــمتحدة")
'المتحدة'
>>> normalize_arabic("إِلى الأُمَم المتحدة")
'الي الامم المتحده'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import DataFileError
from .arabic import KEY_LETTERS, TATWEEL
from .arabic import LETTERS as ARABIC_LETTERS
from .arabic import MARK_CODEPOINTS as ARABIC_MARK_CODEPOINTS
from .arabic import MARKS as ARABIC_MARKS
from .paths import data_path

__all__ = [
    "clean_text",
    "normalize_arabic",
    "split_article",
    "cleaning_changes",
    "ARABIC_LETTERS",
    "ARABIC_MARKS",
]

# Arabic letters proper (no digits, punctuation or marks), and the harakat, superscript alef and
# Quranic marks (kept in display text): the Arabic profile's (libyakit.arabic, data/arabic/).

# Invisible code points removed from display text: zero-width space/joiners,
# LRM/RLM, the bidi embeddings and isolates, the Arabic letter mark, word
# joiner, soft hyphen and stray BOMs. NFKC keeps all of these, so they are
# removed explicitly.
_CONTROLS = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\u00ad\ufeff"
    # other C0/C1 controls, but not tab and newline (handled as whitespace)
    "\x00-\x08\x0e-\x1f\x7f-\x9f]"
)
_TATWEEL = re.compile(f"{TATWEEL}+")
_SPACES = re.compile("[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_NEWLINES = re.compile("\r\n?|[\x0b\x0c\u2028\u2029\x85]")
_DOUBLE_QUOTES = re.compile("[\u201c\u201d\u201e\u201f\u2033\u301d\u301e\uff02]")
_SINGLE_QUOTES = re.compile("[\u2018\u2019\u201a\u201b\u2032]")

# Phrase ligatures (ﷺ, ﷻ, the basmala) expand to whole phrases under NFKC;
# we leave them as they are rather than put words in an author's mouth.
_KEEP_LIGATURES = {0xFDFA, 0xFDFB, 0xFDFD}
_PRESENTATION = re.compile("[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefe]")


@lru_cache(maxsize=1)
def _presentation_table() -> dict[int, str]:
    """Map Arabic presentation forms (and Latin ﬁ-style ligatures) to letters.

    Text copied out of PDFs arrives in these forms; NFKC folds them, but also
    turns isolated harakat such as U+FE70 into "space + mark", so spaces are
    dropped from the folded result.
    """
    table: dict[int, str] = {}
    ranges = [(0xFB00, 0xFB06), (0xFB50, 0xFDFF), (0xFE70, 0xFEFE)]
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            if cp in _KEEP_LIGATURES:
                continue
            ch = chr(cp)
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch:
                table[cp] = folded.replace(" ", "")
    return table


CHROME_WHERE = ("trailing", "line", "rest")
_CHROME_LINE_MAX = 100  # a "line" rule removes only lines this short: a paragraph of the article is never lost
_CHROME_REST_LINE_MAX = 150  # ... and a "rest" rule only when every line after it is this short (a list of links)


@lru_cache(maxsize=1)
def _chrome() -> tuple[frozenset[str], re.Pattern | None, re.Pattern | None]:
    """The site-chrome rules of data/chrome.csv, validated: (trailing line keys, line regex, rest regex).

    ``trailing`` lines ("Add a comment") are removed while they end the article; ``line`` patterns
    (bylines, photo credits, "Back to top", view counters) are whole short lines removed anywhere;
    ``rest`` patterns ("Related Articles", "اقرأ أيضا") start a tail of links removed to the end.
    """
    import csv

    path = data_path("chrome.csv")
    trailing, line, rest = set(), [], []
    with open(path, encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            where, lang, pattern = ((row.get(k, "") or "").strip() for k in ("where", "lang", "pattern"))
            if where not in CHROME_WHERE:
                raise DataFileError(path, n, f"where must be one of {CHROME_WHERE}, not {where!r}")
            if lang not in ("ar", "en"):
                raise DataFileError(path, n, f"unknown lang {lang!r}; expected 'ar' or 'en'")
            if not pattern:
                raise DataFileError(path, n, "empty pattern")
            if where == "trailing":
                trailing.add(_chrome_key(pattern))
                continue
            try:
                re.compile(pattern)
            except re.error as e:
                raise DataFileError(path, n, f"pattern {pattern!r} is no regular expression: {e}") from None
            (line if where == "line" else rest).append(f"(?:{pattern})")

    def compiled(parts):
        return re.compile("|".join(parts), re.IGNORECASE) if parts else None

    return frozenset(trailing), compiled(line), compiled(rest)


def _chrome_lines() -> frozenset[str]:
    """Trailing site-chrome lines ("Add a comment", …), as keys."""
    return _chrome()[0]


def _strip_chrome_lines(text: str, changes: Counter) -> str:
    """Short lines of site chrome anywhere (data/chrome.csv ``line``), and a tail of links after a
    heading such as "Related Articles" (``rest``) in the article's second half."""
    _, line_re, rest_re = _chrome()
    lines = text.split("\n")
    keep = []
    for ln in lines:
        bare = ln.strip()
        if bare and len(bare) <= _CHROME_LINE_MAX and line_re is not None and line_re.fullmatch(bare):
            changes["chrome_lines"] += 1
            continue
        keep.append(ln)
    if rest_re is not None:
        pos = 0
        for i, ln in enumerate(keep):
            bare = ln.strip()
            if pos > len(text) // 2 and bare and len(bare) <= 60 and rest_re.fullmatch(bare.rstrip(":：")) \
                    and all(len(x.strip()) <= _CHROME_REST_LINE_MAX for x in keep[i + 1:]):
                changes["chrome_tail"] += 1
                keep = keep[:i]
                break
            pos += len(ln) + 1
        else:
            cut = _inline_rest(keep, rest_re, len(text))
            if cut is not None:
                changes["chrome_tail"] += 1
                return "\n".join(keep[:-1] + [cut]) if cut else "\n".join(keep[:-1])
    return "\n".join(keep) if len(keep) != len(lines) else text


_INLINE_REST_MAX = 400  # the list of links run into the article's last line, after its heading


def _inline_rest(keep: list[str], rest_re, n: int) -> str | None:
    """The last line without a ``rest`` heading and the links run on after it, when the heading opens
    the line or follows a sentence's end in it, in the article's second half, with at most
    ``_INLINE_REST_MAX`` characters after it ("... أخرى!!. مقالات أخرى للكاتب عنوان عنوان ..."); None
    when there is none. (Pages that lose their line breaks run the list into the last paragraph.)"""
    while keep and not keep[-1].strip():
        keep = keep[:-1]
    if not keep:
        return None
    last = keep[-1]
    start_of_last = n - len(last)
    for m in re.finditer(r"(?:^|(?<=[.!?؟»\"]))\s*", last):
        head = rest_re.match(last, m.end())
        if head is None or not head.group().strip():
            continue
        if start_of_last + m.end() > n // 2 and len(last) - head.end() <= _INLINE_REST_MAX and head.end() < len(last):
            return last[:m.start()].rstrip()
    return None


def _chrome_key(line: str) -> str:
    return re.sub(r"[\W_]+", " ", line.casefold()).strip()


# A leading "date 2021-01-29" header (as scrapers write it), with its day.
_DATE_HEADER = re.compile(
    r"\A[ \t]*(?:date|التاريخ)[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})\b[ \t]*:?[ \t]*",
    re.IGNORECASE,
)


_MAX_HEADLINE = 300  # characters; longer repeated paragraphs are not headlines


@dataclass
class CleanResult:
    """What :func:`split_article` found: the display text and the chrome it removed."""

    text: str
    title: str = ""
    date: str | None = None
    changes: Counter = field(default_factory=Counter)


_CHARACTER_STEPS = [
    (_NEWLINES, "\n", "line_breaks"),
    (_CONTROLS, "", "invisible_controls"),
    (_TATWEEL, "", "tatweel"),
    (_DOUBLE_QUOTES, '"', "quotes"),
    (_SINGLE_QUOTES, "'", "quotes"),
    (_SPACES, " ", "whitespace"),
]


# Scraped text keeps some HTML: entities (&nbsp; &quot; &#39;) and tags (<p>, <br/>, <b>).
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_HTML_BLOCKS = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_BREAK_TAGS = re.compile(r"</?(?:br|p|div|li|ul|ol|h[1-6]|tr|table|blockquote|section|article)\b[^<>]*>",
                              re.IGNORECASE)
_HTML_TAGS = re.compile(
    r"</?(?:span|b|i|u|em|strong|a|img|td|th|tbody|thead|figure|figcaption|header|footer|nav|sup|sub|small"
    r"|font|iframe|center|abbr|cite|q|mark|time)\b[^<>]*>",
    re.IGNORECASE,
)


def _strip_html(text: str, changes: Counter) -> str:
    """Entities decoded and tags removed, to a fixed point ("&amp;quot;" is one quote)."""
    from html import unescape

    def entity(m):
        decoded = unescape(m.group())
        changes["html_entities"] += decoded != m.group()
        return decoded

    while "&" in text or "<" in text:
        before = text
        text = _ENTITY.sub(entity, text)
        text, n1 = _HTML_BLOCKS.subn("", text)
        text, n2 = _HTML_BREAK_TAGS.subn("\n", text)
        text, n3 = _HTML_TAGS.subn("", text)
        changes["html_tags"] += n1 + n2 + n3
        if text == before:
            break
    return text


def _normalise_characters(text: str, changes: Counter) -> str:
    text = _strip_html(text, changes)
    if _PRESENTATION.search(text):
        table = _presentation_table()
        n = sum(1 for ch in _PRESENTATION.findall(text) if ord(ch) in table)
        if n:
            text = text.translate(table)
            changes["presentation_forms"] += n
    for pattern, replacement, kind in _CHARACTER_STEPS:  # in this order: controls before tatweel
        text, n = pattern.subn(replacement, text)
        changes[kind] += n
    return text


def _normalise_layout(text: str, changes: Counter) -> str:
    """One space between words, no spaces at line ends, at most one blank line."""
    for pattern, repl in ((r" {2,}", " "), (r" +\n *|\n +", "\n"), (r"\n{3,}", "\n\n")):
        text, n = re.subn(pattern, repl, text)
        changes["whitespace"] += n
    stripped = text.strip()
    changes["whitespace"] += stripped != text
    return stripped


def _strip_chrome(text: str, changes: Counter) -> tuple[str, str, str | None]:
    """Remove the date header, a repeated headline and trailing chrome lines.

    Repeats until nothing more is found, which keeps cleaning idempotent.
    """
    title, date = "", None
    while True:
        m = _DATE_HEADER.match(text)
        if m:
            date = date or m.group(1)
            text = text[m.end():].lstrip()
            changes["date_header"] += 1
            continue
        paras = [p for p in text.split("\n")]
        nonempty = [i for i, p in enumerate(paras) if p.strip()]
        # A headline repeated at the top: short, and with the article after it.
        if (
            len(nonempty) >= 3
            and paras[nonempty[0]].strip() == paras[nonempty[1]].strip()
            and len(paras[nonempty[0]]) <= _MAX_HEADLINE
        ):
            title = title or paras[nonempty[0]].strip()
            text = "\n".join(paras[nonempty[1] + 1:]).strip()
            changes["repeated_headline"] += 1
            continue
        if nonempty and _chrome_key(paras[nonempty[-1]]) in _chrome_lines():
            text = "\n".join(paras[: nonempty[-1]]).strip()
            changes["trailing_chrome"] += 1
            continue
        stripped = _strip_chrome_lines(text, changes)
        if stripped != text:
            text = stripped.strip()
            continue
        return text, title, date


_WRAP_MIN_LINES = 5  # a text is hard-wrapped when it has this many lines ...
_WRAP_WIDTH = (40, 100)  # ... most of them (_WRAP_SHARE) this long, none longer
_WRAP_SHARE = 0.6
_SENTENCE_END = ".!?؟:\"»)"


def _join_hard_wraps(text: str, changes: Counter) -> str:
    """Lines broken inside a sentence at a fixed width ("الأمم\nالمتحدة", e-mail and PDF copies) joined
    again, in a text most of whose lines are of wrapping width; a blank line still ends a paragraph and
    a line ending a sentence keeps its break."""
    lines = text.split("\n")
    full = [ln for ln in lines if ln.strip()]
    lo, hi = _WRAP_WIDTH
    if len(full) < _WRAP_MIN_LINES or max(len(ln) for ln in full) > hi \
            or sum(lo <= len(ln) for ln in full) < _WRAP_SHARE * len(full):
        return text
    out = [lines[0]]
    for ln in lines[1:]:
        prev = out[-1]
        if prev.strip() and ln.strip() and not prev.rstrip().endswith(tuple(_SENTENCE_END)):
            out[-1] = prev.rstrip() + " " + ln.lstrip()
            changes["hard_wraps"] += 1
        else:
            out.append(ln)
    return "\n".join(out)


def split_article(text: str) -> CleanResult:
    """Clean ``text`` and report what was removed and why.

    Returns a :class:`CleanResult` with the display ``text``, the ``title``
    taken from a headline repeated at the top (empty otherwise), the ISO
    ``date`` of a leading ``date YYYY-MM-DD`` header (``None`` otherwise) and a
    ``Counter`` of changes by kind.

    >>> r = split_article("Title\\n\\nTitle\\n\\nBody text.\\n\\nAdd a comment")
    >>> r.title, r.text, sorted(r.changes)
    ('Title', 'Body text.', ['repeated_headline', 'trailing_chrome'])
    """
    if not isinstance(text, str):
        raise TypeError(f"clean_text expects str, got {type(text).__name__}")
    changes: Counter = Counter()
    title, date = "", None
    text = _normalise_layout(_normalise_characters(text, changes), changes)
    while True:  # chrome removal to a fixed point: each pass can only remove characters
        before = text
        text, t, d = _strip_chrome(text, changes)
        title, date = title or t, date or d
        if text == before:
            break
        text = _normalise_layout(_normalise_characters(text, changes), changes)
    text = _join_hard_wraps(text, changes)
    changes = Counter({k: v for k, v in changes.items() if v})
    return CleanResult(text=text, title=title, date=date, changes=changes)


def clean_text(text: str, *, lang: str | None = None) -> str:
    """Display text for ``text``: invisible controls, tatweel and chrome removed.

    * Arabic presentation forms (from PDFs) folded to letters;
    * bidi controls (U+200E/F, U+202A–E, U+2066–9), zero-width characters,
      stray BOMs and tatweel removed;
    * curly double quotes to ``"``, curly single quotes to ``'`` (guillemets
      « » are kept: they mark Arabic quotations);
    * any space character to a plain space, one space between words, at most
      one blank line between paragraphs, CR/LF to LF;
    * HTML left by scrapers: entities decoded (``&nbsp;``, ``&quot;``,
      ``&#39;``), tags removed (``<p>``, ``<br/>`` and other block tags become
      line breaks; ``<script>``/``<style>`` go with their content);
    * site chrome removed: a leading ``date YYYY-MM-DD`` header, a headline
      repeated at the top, trailing lines such as "Add a comment".

    Diacritics are kept. ``lang`` is accepted for symmetry with the other
    functions ("ar", "en" or None); the cleaning is the same for both
    languages because real articles mix them. Idempotent.

    >>> clean_text("“The cease-fire is holding,”\\u00a0he said.")
    '"The cease-fire is holding," he said.'
    """
    if lang not in (None, "ar", "en"):
        raise ValueError(f"unknown language {lang!r}: expected 'ar', 'en' or None")
    return split_article(text).text


def cleaning_changes(text: str) -> dict[str, int]:
    """What :func:`clean_text` changes in ``text``, counted by kind.

    >>> cleaning_changes("a\\u200fb ـــ")
    {'invisible_controls': 1, 'tatweel': 1, 'whitespace': 1}
    """
    return dict(sorted(split_article(text).changes.items()))


# --- matching keys -----------------------------------------------------------

# Letters unified in matching keys (KEY_LETTERS: alef forms, alef maqsura, Persian ya and kaf, ta
# marbuta; the actors' matcher applies the same ones: libyakit.actors)
_KEY_TABLE = str.maketrans(
    {
        **KEY_LETTERS,
        TATWEEL: None,
        **dict.fromkeys(ARABIC_MARK_CODEPOINTS),  # harakat, superscript alef, Quranic marks
    }
)


def normalize_arabic(text: str) -> str:
    """Matching key for Arabic: no diacritics or tatweel; alef, ya and
    ta-marbuta variants unified. Never use it as display text.

    >>> normalize_arabic("مدرسةٌ على")
    'مدرسه علي'
    """
    return text.translate(_KEY_TABLE)
