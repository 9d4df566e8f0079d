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
* ``force_nouns.csv`` — the nouns a force figure counts, one row per word (see :func:`force_nouns`).
* ``force_cues.csv`` — words that tell what a sentence is about (fighting, foreign, military, armed),
  one row per word under its ``concept`` (see :func:`force_cues`).
* ``number_words.csv``, ``vague_amounts.csv``, ``amount_qualifiers.csv`` — the words amounts are
  written with (:mod:`libyakit.numbers`).
* ``continuing_participles.csv`` — participles that go on with the speaker before them
  ("، مضيفا أن", ", adding that"). An Arabic participle written with ا also matches its feminine
  with ة (مضيفة).

>>> sorted(f for f in reporting_verbs("ar", reported=True) if f.startswith("أش"))
['أشار', 'أشارت']
"""

from __future__ import annotations

from dataclasses import dataclass
import math
from functools import lru_cache

import regex

from .arabic import CONJUNCTION_RE
from .errors import DataFileError
from .paths import data_rows

__all__ = ["ReportingVerb", "reporting_verb_table", "reporting_verbs", "participles", "cue_pattern", "word_list", "flagged",
           "unnamed_sources", "unnamed_source_regex", "unnamed_label", "table", "row_error", "alternation",
           "ForceNoun", "force_nouns", "force_cues", "FORCE_NOUN_TYPES", "FORCE_CUE_CONCEPTS", "is_seat", "opens_seat", "NumberWord",
           "number_words", "vague_amounts", "amount_qualifiers", "private_military_companies"]

LANGS = ("ar", "en")
_YES_NO = ("yes", "no")
PROCLITIC = ("optional", "required", "none")
SPEAKER = ("subject", "object", "before", "according", "relayed")


def _rows(name: str, required: tuple[str, ...], key: tuple[str, ...] = ("lang", "form")):
    seen = {}
    for path, line, row in data_rows(f"lexicon/{name}", required):
        if row["lang"] not in LANGS:
            raise DataFileError(path, line, f"unknown lang {row['lang']!r}; expected one of {LANGS}")
        form = row["form"]
        if not form:
            raise DataFileError(path, line, "empty form")
        if regex.search(r"\p{M}", form):
            raise DataFileError(path, line, f"form {form!r} carries diacritics: write it bare")
        k = tuple(row[c] for c in key)
        if k in seen:
            raise DataFileError(path, line, f"duplicate form {form!r} (line {seen[k]})")
        seen[k] = line
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



FORCE_NOUN_TYPES = ("mercenaries", "troops", "fighters", "bases", "trainers", "contractors", "elements", "operatives",
                    "people", "leaders")
NOUN_PROCLITICS = ("article", "no_article", "conjunction", "none")
FORCE_CUE_CONCEPTS = ("fighting", "foreign", "military", "armed_sentence", "armed", "military_contractor",
                      "casualty_before", "casualty_after", "measure", "named_by_number", "terrorist", "joining", "group_anaphor",
                      "seat_before", "seat_after", "of_them", "number_of", "counted_persons",
                      "sending", "place_before", "outlet", "not_outlet", "belonging", "superlative", "formerly", "place_noun",
                      "serving", "agent_head", "ratio", "composition", "direction")


@dataclass(frozen=True)
class ForceNoun:
    """One row of ``force_nouns.csv``.

    ``form`` is the word (or words) as written without clitics, for Arabic the stem its ``endings``
    (``|``-separated, an empty one for the bare form: ``|ين|ون|ا``) follow; ``possessive`` the stem
    the possessive suffixes (ها، هم، ه) follow ("مرتزقت" of مرتزقة); ``proclitics`` which clitics
    may stand before it (``article``: و/ف/ب/ل/ك then ال or ل; ``no_article``: the same without ال;
    ``conjunction``: و/ف/ب/ل/ك only; ``none``; left empty, ``none`` in English and ``article`` in
    Arabic); ``not_before``/``only_before`` the starts of a next
    word that rule it out / that it needs; ``not_after`` words it must not
    follow; ``adjacent``: counts only right after its amount (empty: no).
    """
    force_type: str
    lang: str
    form: str
    endings: tuple[str, ...]
    possessive: str
    proclitics: str
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    only_before: tuple[str, ...]
    adjacent: bool
    line: int


def _bars(path, line, value: str, *, empty_ok: bool) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in value.split("|")) if value else ()
    for p in parts:
        if regex.search(r"\p{M}", p):
            raise DataFileError(path, line, f"{p!r} carries diacritics: write it bare")
        if not p and not empty_ok:
            raise DataFileError(path, line, f"an empty word in {value!r}")
    return parts


@lru_cache(maxsize=1)
def force_nouns() -> tuple[ForceNoun, ...]:
    """Every row of ``force_nouns.csv``, validated: the force nouns of :mod:`libyakit.forces`, and the
    stems of its first look at a text (one definition)."""
    out = []
    for path, line, row in _rows("force_nouns.csv", ("force_type", "lang", "form", "endings", "possessive",
                                                     "proclitics", "not_before", "not_after", "only_before",
                                                     "adjacent"), key=("lang", "form", "adjacent")):
        force_type = _choice(path, line, row, "force_type", FORCE_NOUN_TYPES)
        # (left empty: an English noun takes none, an Arabic one the clitics and the article; not adjacent)
        row["proclitics"] = row["proclitics"] or ("none" if row["lang"] == "en" else "article")
        row["adjacent"] = row["adjacent"] or "no"
        proclitics = _choice(path, line, row, "proclitics", NOUN_PROCLITICS)
        if row["lang"] == "en" and (proclitics != "none" or row["possessive"]):
            raise DataFileError(path, line, "an English noun takes no proclitics and no possessive stem")
        if regex.search(r"[^\p{L}\s-]", row["form"]):
            raise DataFileError(path, line, f"form {row['form']!r}: letters, spaces and hyphens only")
        endings = _bars(path, line, row["endings"], empty_ok=True) or ("",)
        out.append(ForceNoun(force_type, row["lang"], row["form"], endings, row["possessive"], proclitics,
                             _bars(path, line, row["not_before"], empty_ok=False),
                             _bars(path, line, row["not_after"], empty_ok=False),
                             _bars(path, line, row["only_before"], empty_ok=False),
                             _choice(path, line, row, "adjacent", _YES_NO) == "yes", line))
    return tuple(out)


@lru_cache(maxsize=1)
def force_cues() -> dict[str, tuple[tuple[str, str], ...]]:
    """``concept -> ((lang, form), ...)`` of ``force_cues.csv``: the words that tell a sentence is
    about fighting, foreign forces, the military or armed men (found anywhere in a word)."""
    out: dict[str, list] = {c: [] for c in FORCE_CUE_CONCEPTS}
    for path, line, row in _rows("force_cues.csv", ("concept", "lang", "form"), key=("concept", "lang", "form")):
        out[_choice(path, line, row, "concept", FORCE_CUE_CONCEPTS)].append((row["lang"], row["form"]))
    return {c: tuple(v) for c, v in out.items()}


@lru_cache(maxsize=1)
def _seat_patterns():
    import regex

    cues = force_cues()
    before = alternation([f for _, f in cues["seat_before"]])
    after = alternation([f for _, f in cues["seat_after"]])
    # the seat's words (و may come first), then at most two words ("the British capital") before the place
    return (regex.compile(rf"(?<!\p{{L}})(?:و)?(?:{before})\s+(?:[\p{{L}}\p{{M}}]+\s+){{0,2}}[\"«“]?$", regex.IGNORECASE),
            regex.compile(rf"(?:{after})(?!\p{{L}})", regex.IGNORECASE),
            regex.compile(rf"(?:which\s+is\s+|الذي\s+|التي\s+)?(?:و)?(?:{before})(?!\p{{L}})", regex.IGNORECASE))


def is_seat(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a place) is where someone sits, by ``force_cues.csv``'s
    ``seat_before``/``seat_after`` words: "the Observatory, which is based in Britain", "the UK-based
    monitor", "المرصد السوري، ومقره بريطانيا", "ومقره العاصمة البريطانية لندن". Such a place is neither
    where a force comes from nor who speaks."""
    before, after, _ = _seat_patterns()
    return bool(before.search(text, max(0, start - 40), start) or after.match(text, end))


def opens_seat(text: str, pos: int) -> bool:
    """Whether the words at ``pos`` say where someone sits ("ومقره بريطانيا", "which is based in
    London"): a clause about a speaker, not a name of one."""
    return _seat_patterns()[2].match(text, pos) is not None


NUMBER_KINDS = ("unit", "ten", "word", "scale", "dual")
QUALIFIERS = ("more_than", "less_than", "approx")


@dataclass(frozen=True)
class NumberWord:
    """One row of ``number_words.csv``: ``kind`` ``unit`` (1-9), ``ten`` (20-90), ``word`` (another
    number word: "eleven", ثلاثمئة, "a" of "a thousand"), ``scale`` (a multiplier: "thousand", ألف),
    ``dual`` (an Arabic dual: ألفين); ``alone``: a scale word that is a number by itself (ألف، مئة)."""
    lang: str
    form: str
    value: int
    kind: str
    alone: bool


def _number(path, line, row, column) -> int:
    try:
        value = int(row[column])
    except ValueError:
        raise DataFileError(path, line, f"{column} must be a whole number, not {row[column]!r}") from None
    if value <= 0:
        raise DataFileError(path, line, f"{column} must be positive, not {value}")
    return value


@lru_cache(maxsize=1)
def number_words() -> tuple[NumberWord, ...]:
    """Every row of ``number_words.csv``, validated."""
    out = []
    for path, line, row in _rows("number_words.csv", ("lang", "form", "value", "kind", "alone")):
        word = NumberWord(row["lang"], row["form"].lower(), _number(path, line, row, "value"),
                          _choice(path, line, row, "kind", NUMBER_KINDS), _choice(path, line, row, "alone", _YES_NO) == "yes")
        if (word.kind == "unit" and not 1 <= word.value <= 9) or (word.kind == "ten" and word.value not in range(20, 100, 10)):
            raise DataFileError(path, line, f"a {word.kind} of value {word.value}")
        out.append(word)
    return tuple(out)


@lru_cache(maxsize=1)
def vague_amounts() -> dict[str, tuple[float, float]]:
    """``form -> (low, high)`` of ``vague_amounts.csv`` ("thousands", آلاف): the documented range a
    vague amount stands for; NaN for both where the row leaves them empty (no documented range:
    "a number of", عدد من)."""
    out = {}
    for path, line, row in _rows("vague_amounts.csv", ("lang", "form", "low", "high")):
        if not row["low"].strip() and not row["high"].strip():
            # no documented range ("a number of", عدد من): a vague amount with both bounds unknown
            out[row["form"].lower()] = (math.nan, math.nan)
            continue
        low, high = _number(path, line, row, "low"), _number(path, line, row, "high")
        if low > high:
            raise DataFileError(path, line, f"low {low} above high {high}")
        out[row["form"].lower()] = (low, high)
    return out


@lru_cache(maxsize=1)
def amount_qualifiers() -> dict[str, dict[str, list[str]]]:
    """``lang -> qualifier -> [form, ...]`` of ``amount_qualifiers.csv`` ("more than", نحو)."""
    out: dict[str, dict[str, list[str]]] = {lang: {q: [] for q in QUALIFIERS} for lang in LANGS}
    for path, line, row in _rows("amount_qualifiers.csv", ("lang", "form", "qualifier")):
        out[row["lang"]][_choice(path, line, row, "qualifier", QUALIFIERS)].append(row["form"].lower())
    return out


@lru_cache(maxsize=1)
def private_military_companies() -> frozenset[str]:
    """The gazetteer ids of ``private_military_companies.csv`` (``form``: an actor id of kind
    ``armed_group``; ``lang`` is ``en``): the men they send are mercenaries, whatever the noun."""
    from .gazetteer import actor_info

    actors = actor_info()
    out = set()
    for path, line, row in _rows("private_military_companies.csv", ("lang", "form")):
        if row["form"] not in actors or actors[row["form"]].kind != "armed_group":
            raise DataFileError(path, line, f"{row['form']!r} is no armed group of the gazetteer (actors.csv)")
        out.add(row["form"])
    return frozenset(out)
