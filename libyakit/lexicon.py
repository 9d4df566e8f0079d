"""Vocabulary tables under ``data/lexicon/``: loaded once, validated, shared by every extractor.

A domain expert adds a reporting verb or a participle as one CSV row; no Python changes. Each
table has a ``lang`` column (``ar`` or ``en``) and a ``form`` as written, without diacritics (the
extractors read a mark-free view of the text) and, for Arabic, without the proclitics و/ف that the
``proclitic`` column allows. A broken row raises :class:`~libyakit.errors.DataFileError` with the
file and line.

* ``reporting_verbs.csv`` — verbs and phrases that report speech: ``direct`` (a cue next to a
  quotation: "said", قال), ``reported`` (takes a that-clause: "said that", قال إن, أشار إلى أن),
  ``speaker`` (``subject``: its subject speaks; ``object``: who follows it is addressed, "told
  Reuters"; ``before``: the speaker stands before it, "quoted X as saying", قوله; ``according``:
  the source follows it, "according to"; ``relayed``: the verb's subject relays a speaker named after
  عن/from, "نقلت الوكالة عن الوزير أن"), ``proclitic`` for Arabic (``optional``: و/ف may stand
  before it; ``required``: only with و/ف, where the bare form is another word — كتب "books",
  بين "between"; ``none``).
* ``person_titles.csv`` and ``name_stops.csv`` — see :func:`word_list`.
* ``continuing_participles.csv`` — participles that go on with the speaker before them
  ("، مضيفا أن", ", adding that"). An Arabic participle written with ا also matches its feminine
  with ة (مضيفة).

>>> sorted(f for f in reporting_verbs("ar", reported=True) if f.startswith("أش"))
['أشار', 'أشارت']
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

import regex

from .arabic import CONJUNCTION_RE
from .errors import DataFileError
from .paths import data_rows

__all__ = ["ReportingVerb", "reporting_verb_table", "reporting_verbs", "participles", "cue_pattern", "word_list", "flagged",
           "unnamed_sources", "unnamed_source_regex", "unnamed_label", "table", "row_error", "alternation"]

LANGS = ("ar", "en")
_YES_NO = ("yes", "no")
PROCLITIC = ("optional", "required", "none")
SPEAKER = ("subject", "object", "before", "according", "relayed")


def _rows(name: str, required: tuple[str, ...]):
    seen = {}
    for path, line, row in data_rows(f"lexicon/{name}", required):
        if row["lang"] not in LANGS:
            raise DataFileError(path, line, f"unknown lang {row['lang']!r}; expected one of {LANGS}")
        form = row["form"]
        if not form:
            raise DataFileError(path, line, "empty form")
        if regex.search(r"\p{M}", form):
            raise DataFileError(path, line, f"form {form!r} carries diacritics: write it bare")
        if (row["lang"], form) in seen:
            raise DataFileError(path, line, f"duplicate form {form!r} (line {seen[row['lang'], form]})")
        seen[row["lang"], form] = line
        yield path, line, row


def _choice(path, line, row, column, allowed):
    if row[column] not in allowed:
        raise DataFileError(path, line, f"{column} must be one of {allowed}, not {row[column]!r}")
    return row[column]


@dataclass(frozen=True)
class ReportingVerb:
    lang: str
    form: str
    proclitic: str
    direct: bool
    reported: bool
    speaker: str


@lru_cache(maxsize=1)
def reporting_verb_table() -> tuple[ReportingVerb, ...]:
    """Every row of ``reporting_verbs.csv``, validated."""
    out = []
    for path, line, row in _rows("reporting_verbs.csv", ("lang", "form", "proclitic", "direct", "reported", "speaker")):
        out.append(ReportingVerb(row["lang"], row["form"], _choice(path, line, row, "proclitic", PROCLITIC),
                                 _choice(path, line, row, "direct", _YES_NO) == "yes",
                                 _choice(path, line, row, "reported", _YES_NO) == "yes",
                                 _choice(path, line, row, "speaker", SPEAKER)))
    return tuple(out)


def reporting_verbs(lang: str | None = None, *, direct: bool | None = None, reported: bool | None = None,
                    speaker: str | None = None) -> tuple[str, ...]:
    """The forms of the reporting verbs that match every condition given."""
    return tuple(v.form for v in reporting_verb_table()
                 if (lang is None or v.lang == lang) and (direct is None or v.direct == direct)
                 and (reported is None or v.reported == reported) and (speaker is None or v.speaker == speaker))


@lru_cache(maxsize=None)
def word_list(name: str, lang: str) -> frozenset[str]:
    """The forms of one language in a two-column table (``lang,form``, a ``note`` allowed):
    ``person_titles.csv`` (titles and roles a name follows: وزيرة الخارجية نجلاء المنقوش, "analyst
    Jalel Harchaoui"), ``name_stops.csv`` (words a name never runs into: إن، الذي، في, "The"),
    ``subject_skips.csv`` (words between a reporting verb and its subject: "وقال أمس إن"),
    ``first_names.csv``, ``title_links.csv``, ``name_heads.csv``, ``organisation_heads.csv``,
    ``honorifics.csv``."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {LANGS}")
    return frozenset(row["form"] for _p, _l, row in _rows(name, ("lang", "form")) if row["lang"] == lang)


@lru_cache(maxsize=None)
def flagged(name: str, lang: str, column: str, value: str = "yes") -> frozenset[str]:
    """The forms of ``word_list(name, lang)`` whose yes/no ``column`` is ``value`` (a cell may be
    left empty): ``first_names.csv``'s ``also_word`` marks a first name that is also a common word
    (عادل "just"); ``organisation_heads.csv``'s ``takes_name``."""
    out = set()
    for path, line, row in _rows(name, ("lang", "form", column)):
        if row[column] not in ("yes", "no", ""):
            raise DataFileError(path, line, f"{column} must be yes, no or empty, not {row[column]!r}")
        if row["lang"] == lang and row[column] == value:
            out.add(row["form"])
    return frozenset(out)


@lru_cache(maxsize=1)
def unnamed_sources() -> dict[tuple[str, str], str]:
    """``(lang, form) -> label`` of ``unnamed_sources.csv``: a source named by what it is ("the
    spokesman", "diplomats", المصادر) and the one label quotes and force figures both give it."""
    out = {}
    for path, line, row in _rows("unnamed_sources.csv", ("lang", "form", "label")):
        if not row["label"]:
            raise DataFileError(path, line, f"no label for {row['form']!r}")
        out[row["lang"], row["form"]] = row["label"]
    return out


@lru_cache(maxsize=1)
def unnamed_source_regex():
    """One pattern for every unnamed source: group ``en`` (English, any case) or ``ar`` (Arabic, with
    the article or without); :func:`unnamed_label` gives a match its label."""
    forms = unnamed_sources()
    en = alternation(f for lang, f in forms if lang == "en")
    ar = alternation(f for lang, f in forms if lang == "ar")
    return regex.compile(rf"(?<![\p{{L}}])(?:(?P<en>{en})|(?P<ar>(?:ال)?(?:{ar})))(?![\p{{L}}])", regex.IGNORECASE)


def unnamed_label(match) -> str:
    """The label of a match of :func:`unnamed_source_regex` ("spokesmen" is "spokesperson")."""
    if match.group("en"):
        return unnamed_sources()["en", match.group("en").lower()]
    word = match.group("ar")
    forms = unnamed_sources()
    return forms.get(("ar", word)) or forms["ar", word[2:]]


@lru_cache(maxsize=1)
def participles() -> tuple[tuple[str, str], ...]:
    """``(lang, form)`` of every continuing participle, Arabic feminines (ا → ة) included."""
    out = []
    for _path, _line, row in _rows("continuing_participles.csv", ("lang", "form")):
        out.append((row["lang"], row["form"]))
        if row["lang"] == "ar" and row["form"].endswith("ا"):
            out.append(("ar", row["form"][:-1] + "ة"))
    return tuple(out)


def alternation(forms) -> str:
    """One regex alternation of ``forms``, longest first (a space in a form matches any spaces)."""
    return "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True))


def cue_pattern(verbs: tuple[ReportingVerb, ...]) -> str:
    """One regex alternation for ``verbs``: Arabic ones with the و/ف their ``proclitic`` allows."""
    groups = {"none": [], "optional": [], "required": []}
    for v in verbs:
        groups[v.proclitic if v.lang == "ar" else "none"].append(v.form)
    parts = []
    if groups["required"]:
        parts.append(f"{CONJUNCTION_RE}(?:{alternation(groups['required'])})")
    if groups["optional"]:
        parts.append(f"{CONJUNCTION_RE}?(?:{alternation(groups['optional'])})")
    if groups["none"]:
        parts.append(f"(?:{alternation(groups['none'])})")
    return "|".join(parts)


def table(name: str, required: tuple[str, ...] = (), *, choices: dict | None = None,
          patterns: tuple[str, ...] = ()) -> tuple[dict, ...]:
    """Every row of ``data/lexicon/<name>``, validated as the other tables are (``lang``, a bare
    ``form``, no form twice in a language) and more: ``choices`` maps a column to the values it
    allows; ``patterns`` names the columns that hold a regular expression (the ``regex`` module's),
    compiled on load. Each row keeps ``_path`` and ``_line``, for the errors a caller raises
    (:func:`row_error`). Used by the date, ceasefire and backing vocabularies."""
    out = []
    for path, line, row in _rows(name, ("lang", "form") + tuple(required)):
        for column, allowed in (choices or {}).items():
            _choice(path, line, row, column, tuple(allowed))
        for column in patterns:
            try:
                regex.compile(row[column], regex.IGNORECASE)
            except regex.error as e:
                raise DataFileError(path, line, f"bad pattern in {column}: {e}") from None
        out.append({**row, "_path": path, "_line": line})
    return tuple(out)


def row_error(row: dict, message: str) -> DataFileError:
    """A :class:`DataFileError` at the file and line a :func:`table` row came from."""
    return DataFileError(row["_path"], row["_line"], message)

