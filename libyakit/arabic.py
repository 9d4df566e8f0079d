"""One Arabic profile: letters, marks, digits, clitics and their folding, for every module.

The character lists are package data (``data/arabic/characters.csv``: code points and ranges, in
the manner of CAMeL Tools' character maps; ``data/arabic/clitics.csv``: the proclitics by kind and
the suffixes), validated on load with the file and line in the error. The cleaning, the
joined-word repair, the actor matcher and the extractors take their Arabic from here, and only
from here:

* ``LETTERS``, ``MARKS`` — regex class bodies (``f"[{LETTERS}][{LETTERS}{MARKS}]*"`` is a word);
  ``MARK_CODEPOINTS`` for ``str.translate``; ``TATWEEL``;
* ``DIGITS`` — a ``str.translate`` table from Arabic-Indic and Persian digits to ASCII;
  ``NUMERALS`` the same with the Arabic decimal and thousands separators; ``DIGIT_CLASS`` a class
  body of every digit; ``NON_ASCII_DIGIT`` a pattern of what the two tables change;
* ``KEY_LETTERS`` — the folding of matching keys (alef forms, alef maqsura, Persian ya and kaf,
  ta marbuta);
* the proclitics: ``CONJUNCTIONS`` (و ف), ``PREPOSITIONS`` (ب ل ك), ``FUTURE`` (س), ``ARTICLE``
  (ال), and :func:`proclitics`, the sequences a word may start with (conjunction, then
  preposition, then article — ل + ال written لل — or conjunction then future);
  ``SUFFIXES`` and ``OBJECT_PRONOUNS`` (the repair's enclitics and endings).

>>> "وبالقوات".startswith(tuple(p for p in proclitics() if p))
True
>>> sorted(proclitics(article=False))[:4]
['', 'ب', 'ف', 'فب']
>>> "٢٠٢٠ و۱۵".translate(DIGITS)
'2020 و15'
"""

from __future__ import annotations

import re
import unicodedata

from .errors import DataFileError
from .paths import data_path, data_rows

__all__ = ["LETTERS", "MARKS", "MARK_CODEPOINTS", "MARK_CLASS", "TATWEEL", "DIGITS", "NUMERALS", "DIGIT_CLASS",
           "NON_ASCII_DIGIT", "KEY_LETTERS", "CONJUNCTIONS", "PREPOSITIONS", "FUTURE", "ARTICLE", "proclitics",
           "SUFFIXES", "OBJECT_PRONOUNS", "alternation", "CONJUNCTION_RE", "CUE_PREFIX_RE", "NOUN_PREFIX_RE",
           "strip_marks", "loose_spelling"]

_SETS = ("letter", "mark", "tatweel", "digit", "decimal_separator", "thousands_separator", "fold")
_KINDS = ("conjunction", "preposition", "future", "article", "suffix", "object_pronoun")
_CODE = re.compile(r"^U\+([0-9A-F]{4,5})(?:-U\+([0-9A-F]{4,5}))?$")


def _code_points(path, line, spec: str) -> range:
    m = _CODE.match(spec)
    if m is None:
        raise DataFileError(path, line, f"{spec!r} is no code point: write U+XXXX or U+XXXX-U+YYYY")
    lo = int(m.group(1), 16)
    hi = int(m.group(2), 16) if m.group(2) else lo
    if hi < lo:
        raise DataFileError(path, line, f"range {spec!r} ends before it starts")
    return range(lo, hi + 1)


def _load_characters() -> dict:
    out = {s: [] for s in _SETS}
    for path, line, row in data_rows("arabic/characters.csv", ("set", "char", "to")):
        kind = row["set"]
        if kind not in _SETS:
            raise DataFileError(path, line, f"unknown set {kind!r}; expected one of {_SETS}")
        points = _code_points(path, line, row["char"])
        if kind == "letter" and not all(unicodedata.category(chr(c)).startswith("L") for c in points):
            raise DataFileError(path, line, f"{row['char']} holds a character that is no letter")
        if kind == "mark" and not all(unicodedata.category(chr(c)) == "Mn" for c in (points[0], points[-1])):
            raise DataFileError(path, line, f"{row['char']} does not start and end with a combining mark")
        if kind == "tatweel" and len(points) != 1:
            raise DataFileError(path, line, "the tatweel is one character")
        if kind == "digit" and [unicodedata.digit(chr(c), None) for c in points] != list(range(10)):
            raise DataFileError(path, line, f"{row['char']} is not the ten digits 0-9 of one script")
        if kind in ("decimal_separator", "thousands_separator"):
            if len(points) != 1 or len(row["to"]) != 1 or not row["to"].isascii():
                raise DataFileError(path, line, f"a separator is one character read as one ASCII character")
            out[kind].append((chr(points[0]), row["to"]))
            continue
        if kind == "fold":
            target = _code_points(path, line, row["to"])
            if len(points) != 1 or len(target) != 1:
                raise DataFileError(path, line, "a fold maps one character to one character")
            if not all(unicodedata.category(chr(c)).startswith("L") for c in (points[0], target[0])):
                raise DataFileError(path, line, "a fold maps a letter to a letter")
            if any(chr(points[0]) == a for a, _ in out["fold"]):
                raise DataFileError(path, line, f"{row['char']} is folded twice")
            out[kind].append((chr(points[0]), chr(target[0])))
            continue
        out[kind].append(points)
    letters = {c for r in out["letter"] for c in r}
    if any(c in letters for r in out["mark"] for c in r):
        raise DataFileError(data_path("arabic/characters.csv"), None, "a code point is both a letter and a mark")
    for kind in ("letter", "mark", "tatweel", "digit"):
        if not out[kind]:
            raise DataFileError(data_path("arabic/characters.csv"), None, f"no {kind} rows")
    return out


def _load_clitics() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {k: [] for k in _KINDS}
    for path, line, row in data_rows("arabic/clitics.csv", ("kind", "form")):
        kind, form = row["kind"], row["form"]
        if kind not in _KINDS:
            raise DataFileError(path, line, f"unknown kind {kind!r}; expected one of {_KINDS}")
        if not form or not all("\u0621" <= ch <= "\u064a" for ch in form):
            raise DataFileError(path, line, f"form {form!r} is not bare Arabic letters")
        if form in out[kind]:
            raise DataFileError(path, line, f"duplicate {kind} {form!r}")
        out[kind].append(form)
    if len(out["article"]) != 1:
        raise DataFileError(data_path("arabic/clitics.csv"), None, "exactly one article row is needed")
    return {k: tuple(v) for k, v in out.items()}


def _class_body(ranges) -> str:
    return "".join(chr(r[0]) if len(r) == 1 else f"{chr(r[0])}-{chr(r[-1])}" for r in ranges)


_CHARS = _load_characters()
_CLITICS = _load_clitics()

LETTERS = _class_body(_CHARS["letter"])
MARKS = _class_body(_CHARS["mark"])
MARK_CODEPOINTS = tuple(c for r in _CHARS["mark"] for c in r)
MARK_CLASS = f"[{MARKS}]"
TATWEEL = chr(_CHARS["tatweel"][0][0])
_SEPARATORS = _CHARS["decimal_separator"] + _CHARS["thousands_separator"]
DIGITS = str.maketrans("".join(chr(c) for r in _CHARS["digit"] for c in r), "0123456789" * len(_CHARS["digit"]))
NUMERALS = str.maketrans("".join(chr(c) for r in _CHARS["digit"] for c in r) + "".join(a for a, _ in _SEPARATORS),
                         "0123456789" * len(_CHARS["digit"]) + "".join(b for _, b in _SEPARATORS))
DIGIT_CLASS = "0-9" + _class_body(_CHARS["digit"])
NON_ASCII_DIGIT = re.compile("[" + _class_body(_CHARS["digit"]) + "".join(a for a, _ in _SEPARATORS) + "]")
KEY_LETTERS = dict(_CHARS["fold"])

CONJUNCTIONS = _CLITICS["conjunction"]
PREPOSITIONS = _CLITICS["preposition"]
FUTURE = _CLITICS["future"]
(ARTICLE,) = _CLITICS["article"]
SUFFIXES = _CLITICS["suffix"]
OBJECT_PRONOUNS = _CLITICS["object_pronoun"]
_MARK_RE = re.compile(MARK_CLASS)


def _with_article(prefix: str) -> str:
    """``prefix`` + the article, ل + ال written لل."""
    return prefix[:-1] + "لل" if prefix.endswith("ل") else prefix + ARTICLE


def proclitics(*, article: bool = True, future: bool = False, prepositions: bool = True) -> frozenset[str]:
    """Every proclitic sequence a word may start with, the empty one included: a conjunction, then a
    preposition, then the article (ل + ال is written لل); with ``future``, also a conjunction then
    the future س."""
    out = set()
    for c in ("", *CONJUNCTIONS):
        for p in ("", *(PREPOSITIONS if prepositions else ())):
            out.add(c + p)
            if article:
                out.add(_with_article(c + p))
        if future:
            out.update(c + f for f in FUTURE)
    return frozenset(out)


def alternation(forms) -> str:
    """A regex alternation of ``forms``, longest first (the empty form left out)."""
    return "|".join(re.escape(f) for f in sorted({f for f in forms if f}, key=lambda f: (-len(f), f)))


def strip_marks(text: str) -> str:
    """``text`` without its Arabic marks."""
    return _MARK_RE.sub("", text)


# the spellings web text swaps (the fold table's alef seats and final ya): a hamza on alef left out
# (اضاف for أضاف, اكد for أكد), a final ya written ى or ي (روى, روي)
_ALEF, _YA = "\u0627", "\u064a"
_ALEFS = "".join(sorted({a for a, b in KEY_LETTERS.items() if b == _ALEF} | {_ALEF}))
_YAS = "".join(sorted({a for a, b in KEY_LETTERS.items() if b == _YA} | {_YA}))
_LOOSE_LETTER = re.compile(f"[{_ALEFS}{_YAS}]")


def loose_spelling(pattern: str) -> str:
    """A regex ``pattern`` of Arabic words that also matches the spellings web text drops or swaps:
    each alef seat matches any (اكد for أكد, اعلن for أعلن), each ya either ya (روى, روي)."""
    return _LOOSE_LETTER.sub(lambda m: f"[{_YAS if m.group() in _YAS else _ALEFS}]", pattern)


# Regex pieces built from the clitics, for the patterns of the extractors:
CONJUNCTION_RE = f"(?:{alternation(CONJUNCTIONS)})"  # و|ف
# what a cue may carry: a conjunction then a preposition ("لانسحاب", "وبحلول", "بسحب")
CUE_PREFIX_RE = f"{CONJUNCTION_RE}?(?:{alternation(PREPOSITIONS)})?"
# what a force noun may carry: a conjunction or a preposition, then the article or ل ("وللمرتزقة")
NOUN_PREFIX_RE = f"(?:{alternation(CONJUNCTIONS + PREPOSITIONS)})?(?:{ARTICLE}|ل)?"
