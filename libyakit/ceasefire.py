"""Ceasefire terms and dated events, for one timeline across both languages.

The terms are listed in ``data/ceasefire_term_kinds.csv`` (term, direction,
needs, weight, English and Arabic labels) and their cues in
``data/ceasefire_terms.csv`` (term, lang, cue regex); the words that make a
sentence speak of a ceasefire, of forces, and the word deadline, in
``data/lexicon/ceasefire_context.csv``; duration words in
``data/lexicon/durations.csv``. A term is found where its cue occurs; signing
and announcement only count in a sentence that speaks of a ceasefire or an
agreement (cease-fire, truce, agreement, وقف إطلاق النار، هدنة، اتفاق).

Withdrawal, deadline and monitoring cues only count in a sentence that speaks
of forces or of the ceasefire ("سحب 40 مليار يورو" is no withdrawal, "في غضون
ذلك" is "meanwhile"), except the word deadline/مهلة itself ("That deadline
passed on Saturday").
Dates come from :mod:`libyakit.dates`. Each date of a sentence goes to the
term cue nearest to it, and each term takes the nearest date it was given.
A day and month without a year take it from the article's own date (or from a
reference date the caller gives: none by default; a year is never borrowed from
another article, and such a date stays undated, date_source "year_unknown"), in the
direction of the term: past events (signing, announcement, conference,
offensive) the latest such day on or before, announced events (elections)
the earliest on or after, others the nearest; ``year_inferred`` is then
True. Weekdays ("passed on Saturday") resolve only against the article's own
date; a weekday written with its date ("Sunday, 12 January 2020") is that
date. Durations ("within three months", "خلال الأشهر الثلاثة", "خلال تسعين
يوما") are kept in ``duration``; a deadline stated only as a duration, in a
sentence that also dates the signing or the agreement, is dated from it
(``date_source`` "duration": months are added as calendar months, days and
weeks as days; ``date_surface`` is the date it is counted from). So is a
duration given a date of its own: in "Under the 23 October ceasefire, all
foreign forces were to leave within 90 days" the date is when the 90 days
began, not the deadline; a month or a year to count from leaves the deadline
undated rather than guessed.

Nothing depends on today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import lexicon
from .arabic import CUE_PREFIX_RE as _AR_PROCLITIC  # what an Arabic cue may carry: "لانسحاب", "وبحلول"
from .dates import find_dates, placed, resolve
from .numbers import find_quantities
from .errors import DataFileError
from .marks import mark_free, rewrite
from .paths import data_rows
from .regex_gate import prefix_gate
from .rules import row_rule, rule
from .sentences import within

__all__ = ["extract_ceasefire", "CEASEFIRE_COLUMNS", "terms", "term_kinds", "TERM_LABELS", "term_matrix",
           "timeline_events"]

DIRECTIONS = ("past", "future", "nearest")
NEEDS = ("none", "agreement", "forces")


@dataclass(frozen=True)
class TermKind:
    """A row of ``data/ceasefire_term_kinds.csv``: what a term is, whatever the language of its cue."""
    term: str
    direction: str  # which way a year-less date of it resolves: past, future, nearest
    needs: str  # none; agreement (a ceasefire or agreement word in the sentence); forces (forces or the ceasefire)
    weight: float  # its cue's distance to a date counts this many times (withdrawal: 6, farther)
    label_en: str
    label_ar: str


@lru_cache(maxsize=1)
def term_kinds() -> dict[str, TermKind]:
    """term -> :class:`TermKind`, from data/ceasefire_term_kinds.csv (in its order), validated."""
    out = {}
    for path, line, row in data_rows("ceasefire_term_kinds.csv", ("term", "direction", "needs", "weight", "label_en",
                                                                  "label_ar")):
        if not regex.fullmatch(r"[a-z_]+", row["term"]):
            raise DataFileError(path, line, f"term {row['term']!r} is not a lower-case slug")
        if row["term"] in out:
            raise DataFileError(path, line, f"duplicate term {row['term']!r}")
        if row["direction"] not in DIRECTIONS:
            raise DataFileError(path, line, f"direction must be past, future or nearest, not {row['direction']!r}")
        if row["needs"] not in NEEDS:
            raise DataFileError(path, line, f"needs must be one of {NEEDS}, not {row['needs']!r}")
        try:
            weight = float(row["weight"])
        except ValueError:
            weight = 0.0
        if weight <= 0:
            raise DataFileError(path, line, f"weight must be a positive number, not {row['weight']!r}")
        if not row["label_en"] or not row["label_ar"]:
            raise DataFileError(path, line, f"{row['term']!r} needs label_en and label_ar")
        out[row["term"]] = TermKind(row["term"], row["direction"], row["needs"], weight,
                                    row["label_en"], row["label_ar"])
    return out


# term -> (English, Arabic) label for tables and charts, in the order of ceasefire_term_kinds.csv
TERM_LABELS = {t: (k.label_en, k.label_ar) for t, k in term_kinds().items()}

CEASEFIRE_COLUMNS = ["article_id", "term", "date", "date_precision", "year_inferred", "date_source",
                     "duration", "start", "end", "surface", "date_surface", "sentence", "rule"]

# The words that make a sentence speak of a ceasefire or an agreement, of forces, and the word
# deadline itself: data/lexicon/ceasefire_context.csv (regular expressions; Arabic deadline words
# with their proclitics).
_CONTEXT_ROWS = lexicon.table("ceasefire_context.csv", ("role",), choices={"role": ("agreement", "forces", "deadline")},
                              patterns=("form",))


def _context_forms(role: str, lang: str | None = None) -> list[str]:
    return [r["form"] for r in _CONTEXT_ROWS if r["role"] == role and (lang is None or r["lang"] == lang)]


_AGREEMENT = regex.compile("|".join(_context_forms("agreement")), regex.IGNORECASE)
_FORCES = regex.compile("|".join(_context_forms("forces")), regex.IGNORECASE)
_DEADLINE_WORD = regex.compile("|".join(_context_forms("deadline", "en") + [
    f"{_AR_PROCLITIC}(?:{f})" for f in _context_forms("deadline", "ar")]), regex.IGNORECASE)

# Durations: "within three months", "خلال الأشهر الثلاثة", "خلال تسعين يوما" (data/lexicon/durations.csv)
_DURATION_ROLES = ("lead", "scale", "unit", "plural", "dual")
_DURATION_ROWS = lexicon.table("durations.csv", ("role", "days", "months"), choices={"role": _DURATION_ROLES})
_UNITS: dict[str, tuple[int, int, str]] = {}  # unit as written -> (days, months, role)
for _r in _DURATION_ROWS:
    if _r["role"] in ("lead", "scale"):
        if _r["days"] or _r["months"]:
            raise lexicon.row_error(_r, f"a {_r['role']} word takes no days or months")
        continue
    if not (_r["days"].isdigit() and _r["months"].isdigit()) or not int(_r["days"]) + int(_r["months"]):
        raise lexicon.row_error(_r, "a unit needs its days and months (whole numbers, not both 0)")
    _UNITS[_r["form"].lower()] = (int(_r["days"]), int(_r["months"]), _r["role"])


def _durations(lang: str, *roles: str) -> str:
    return lexicon.alternation(r["form"] for r in _DURATION_ROWS if r["lang"] == lang and r["role"] in roles)


_DURATION = regex.compile(
    rf"(?:{_durations('en', 'lead')})\s+(?:the\s+next\s+)?(?P<n>[\w,.-]+(?:\s+(?:{_durations('en', 'scale')}))?)"
    rf"\s+(?P<u>{_durations('en', 'unit', 'plural', 'dual')})"
    rf"|(?:{_durations('ar', 'lead')})\s+(?:ال)?(?P<u2>{_durations('ar', 'plural', 'dual')})\s*(?:ال)?(?P<n2>\S+)?"
    rf"|(?:{_durations('ar', 'lead')})\s+(?P<n3>\S+(?:\s+(?:{_durations('ar', 'scale')}))?)"
    rf"\s+(?P<u3>{_durations('ar', 'unit', 'plural', 'dual')})(?!\p{{L}})",
    regex.IGNORECASE,
)


def _duration_parts(m) -> tuple[int, int] | None:
    """(days, months) a duration match stands for ("within three months" -> (0, 3)), or None."""
    if m is None:
        return None
    unit = regex.sub(r"\p{M}", "", (m.group("u") or m.group("u2") or m.group("u3") or "").lower())
    number = m.group("n") or m.group("n2") or m.group("n3")
    per = _UNITS.get(unit)
    if per is None:
        return None
    if per[2] == "dual":  # شهرين: the count is in the word
        return None if number else per[:2]
    if not number:
        return None
    number = number.removeprefix("ال")
    if number.isdigit():
        n = int(number)
    else:
        q = find_quantities(number)
        if len(q) != 1 or q[0].surface != number or q[0].qualifier != "exact":
            return None
        n = int(q[0].low)
    return per[0] * n, per[1] * n


@dataclass(frozen=True)
class Term:
    term: str
    direction: str
    lang: str
    cue_text: str  # a stdlib-re pattern


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """The term cues from data/ceasefire_terms.csv (term, lang, cue, note), validated: each term is
    one of data/ceasefire_term_kinds.csv, whose row gives its direction."""
    kinds = term_kinds()
    out = []
    for path, line, row in data_rows("ceasefire_terms.csv", ("term", "lang", "cue")):
        if row["term"] not in kinds:
            raise DataFileError(path, line, f"unknown term {row['term']!r}: add it to ceasefire_term_kinds.csv")
        if row["lang"] not in ("ar", "en"):
            raise DataFileError(path, line, f"unknown lang {row['lang']!r}")
        try:  # the engine the cues run on (see _combined)
            re.compile(row["cue"], re.IGNORECASE)
        except re.error as e:
            raise DataFileError(path, line, f"bad cue pattern: {e}") from None
        out.append(Term(row["term"], kinds[row["term"]].direction, row["lang"], row["cue"]))
    return tuple(out)


def _distance(d, cue) -> float:
    c_start, c_end, t = cue[:3]
    gap = min(abs(d.start - c_end), abs(c_start - d.end))
    return gap * term_kinds()[t.term].weight


@lru_cache(maxsize=4)
def _combined(lang: str):
    """All cues of a language as one stdlib-re alternation, and group name -> Term."""
    lang_terms = [t for t in terms() if t.lang == lang]
    alts = "|".join(f"(?P<c{i}>{t.cue_text})" for i, t in enumerate(lang_terms))
    clitic = _AR_PROCLITIC if lang == "ar" else ""
    # (a look-ahead of the cues' first letters skips most word starts: the same matches, half the work)
    gate = prefix_gate([t.cue_text for t in lang_terms], re.IGNORECASE)
    gate = f"(?={clitic}(?:{gate}))" if gate else ""
    pattern = re.compile(f"(?<![^\\W\\d_]){gate}{clitic}(?:{alts})(?![^\\W\\d_])", re.IGNORECASE)
    return pattern, {f"c{i}": t for i, t in enumerate(lang_terms)}


# ---------------------------------------------------------------- named rules

_TERM_CUE = row_rule("ceasefire.term_cue", "A term whose cue needs no context (needs none in ceasefire_term_kinds.csv): "
                     "the ceasefire agreement, an arms embargo, elections, a conference, an offensive, a meeting.")
_IN_AGREEMENT = row_rule("ceasefire.in_agreement_sentence", "Signing or announcement, in a sentence that speaks of a "
                         "ceasefire or an agreement (needs agreement).")
_IN_FORCES = row_rule("ceasefire.in_force_sentence", "Withdrawal, deadline or monitoring, in a sentence that speaks of "
                      "forces or of the ceasefire (needs forces).")
_DEADLINE_ROW = row_rule("ceasefire.deadline_word", "The word deadline/مهلة itself, in a sentence about neither forces "
                         "nor the ceasefire: \"That deadline passed on Saturday\".")
_NEAREST_DATE = row_rule("ceasefire.nearest_date", "Dated by the nearest of the dates its sentence gives it (each date "
                         "goes to the nearest cue; a withdrawal cue counts as farther).")
_FROM_OWN_DATE = row_rule("ceasefire.duration_from_its_date", "A deadline that is a duration (\"within 90 days\") with "
                          "a day beside it: the deadline is counted from that day.")
_FROM_SIGNING = row_rule("ceasefire.duration_from_signing", "A deadline stated only as a duration, in a sentence that "
                         "dates the signing or the agreement: counted from that day.")


@rule("ceasefire.speaks_of_agreement")
def _speaks_of_agreement(sentence: str) -> bool:
    """A sentence with a ceasefire or agreement word (cease-fire, truce, agreement, وقف إطلاق النار،
    هدنة، اتفاق): signing and announcement count in it, and so do the force terms."""
    return _AGREEMENT.search(sentence) is not None


@rule("ceasefire.speaks_of_forces")
def _speaks_of_forces(sentence: str) -> bool:
    """A sentence with a force word (troops, mercenaries, قوات، مرتزقة، انسحاب): withdrawal, deadline
    and monitoring count in it ("سحب 40 مليار يورو" and "monitoring prices" do not)."""
    return _FORCES.search(sentence) is not None


@rule("ceasefire.cue_is_deadline_word")
def _is_deadline_word(text: str, start: int, end: int) -> bool:
    """The cue is the word deadline/مهلة itself: it counts in any sentence."""
    return _DEADLINE_WORD.fullmatch(text, start, end) is not None


@rule("ceasefire.duration_not_dated_beside")
def _own_duration(own, date) -> bool:
    """A deadline cue that is itself a duration ("within 90 days") is not dated by the date beside
    it: that date is when the time began ("Under the 23 October 2020 ceasefire, ... within 90
    days"); counted from it when it is a day, else left undated."""
    return own is not None and date is not None


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    day = min(d.day, 28)
    return dt.date(d.year + y, m + 1, day if d.day > 28 else d.day)


def _counted_from(d: dt.date, span: tuple[int, int]) -> dt.date:
    """The day a duration of ``span`` (days, months) ends when counted from ``d``."""
    return _add_months(d, span[1]) + dt.timedelta(days=span[0])


@mark_free(rewrite("date_surface", "duration"))
def events_in(doc, *, lang: str | None = None, article_date: dt.date | None = None,
              reference: dt.date | None = None) -> list[dict]:
    """Term rows for one :class:`~libyakit.document.Document` or text (rows of :func:`extract_ceasefire`
    without article_id); ``lang`` and ``article_date`` default to the document's."""
    text, sentences = doc.text, doc.sentences
    lang = doc.lang if lang is None else lang
    if lang is None:
        raise ValueError("events_in needs the language: a Document with lang, or lang='ar'/'en'")
    article_date = doc.date if article_date is None else article_date
    rows = []
    combined, by_group = _combined(lang)
    # one scan of the text for all cues, then bucket them into sentences
    all_cues = [(m.start(), m.end(), by_group[m.lastgroup]) for m in combined.finditer(text)]
    if not all_cues:
        return rows
    cue_starts = [c[0] for c in all_cues]
    for s_start, s_end, sentence in sentences:
        cues = [c for c in within(all_cues, cue_starts, s_start, s_end) if c[1] <= s_end]
        if not cues:
            continue
        agreement, forces, kept = _speaks_of_agreement(sentence), None, []
        kinds = term_kinds()
        for c in cues:
            needs = kinds[c[2].term].needs
            if needs == "none":
                kept.append((*c, _TERM_CUE))
            elif needs == "agreement":
                if agreement:
                    kept.append((*c, _IN_AGREEMENT))
            else:  # a withdrawal of money, a deadline for a tourism plan, monitoring prices
                if forces is None:
                    forces = agreement or _speaks_of_forces(sentence)
                if forces:
                    kept.append((*c, _IN_FORCES))
                elif _is_deadline_word(text, c[0], c[1]):
                    kept.append((*c, _DEADLINE_ROW))
        if not kept:
            continue
        # (one cue per span: the one scan of all cues gives no two cues the same words)
        cues = sorted(kept, key=lambda c: (c[0], c[1]))
        dates = [type(d)(d.start + s_start, d.end + s_start, d.surface, d.year, d.month, d.day, d.weekday)
                 for d in find_dates(sentence)]
        given: dict[int, list] = {}
        for d in dates:
            nearest = min(range(len(cues)), key=lambda i: (_distance(d, cues[i]), i))
            given.setdefault(nearest, []).append(d)
        # (a duration only matters to a deadline: "within three months", "خلال تسعين يوما")
        duration = _DURATION.search(text, s_start, s_end) if any(
            c[2].term == "withdrawal_deadline" for c in cues) else None
        signing_date = None
        sentence_rows = []
        for i, (c_start, c_end, t, path) in enumerate(cues):
            ds = given.get(i, [])
            d = min(ds, key=lambda x: min(abs(x.start - c_end), abs(c_start - x.end))) if ds else None
            date, inferred, source, precision = None, False, "", ""
            if d is not None:
                # a year-less date the text places ("last June", "أكتوبر الماضي") resolves that way, else the term's
                direction = placed(sentence, type(d)(d.start - s_start, d.end - s_start, d.surface, d.year, d.month,
                                                     d.day, d.weekday)) or t.direction
                date, inferred = resolve(d, article_date=article_date, reference=reference, direction=direction)
                if date is not None:
                    source = "weekday" if d.weekday is not None else ("year_inferred" if inferred else "stated")
                    precision = d.precision
                elif d.year is None and d.month is not None:
                    source, precision = "year_unknown", d.precision  # "23 October" in an undated article
                own = _DURATION.match(text, c_start) if t.term == "withdrawal_deadline" else None
                if date is not None:
                    path += "+" + _NEAREST_DATE
                if _own_duration(own, date):
                    # a deadline that is a duration ("within 90 days"): the date beside it is when the
                    # time began ("Under the October 2020 ceasefire, ... within 90 days"), not the deadline;
                    # counted from a day, else left undated
                    span = _duration_parts(own)
                    if precision == "day" and span:
                        date, source = _counted_from(date, span), "duration"
                        path = path.replace(_NEAREST_DATE, _FROM_OWN_DATE)
                    else:
                        date, inferred, source, precision = None, False, "", ""
                        path = path.split("+")[0]
            if t.term in ("signing", "ceasefire_agreement") and date is not None and precision == "day" \
                    and signing_date is None:
                signing_date, signing_surface = date, d.surface
            sentence_rows.append({
                "term": t.term, "date": date, "date_precision": precision, "year_inferred": inferred,
                "date_source": source, "duration": duration.group() if duration and t.term == "withdrawal_deadline" else "",
                "start": c_start, "end": c_end, "surface": text[c_start:c_end],
                "date_surface": d.surface if d is not None and (date is not None or source == "year_unknown") else "",
                "sentence": sentence, "rule": path,
            })
        span = _duration_parts(duration)
        for r in sentence_rows:
            if r["term"] == "withdrawal_deadline" and r["date"] is None and signing_date and span:
                r.update(date=_counted_from(signing_date, span), rule=f"{r['rule']}+{_FROM_SIGNING}",
                         date_precision="day", date_source="duration", year_inferred=True, date_surface=signing_surface)
        rows.extend(sentence_rows)
    return rows


def extract_ceasefire(articles, *, reference_date=None, progress: bool | None = None):
    """The ceasefire terms and dated events of the articles, one row per cue.

    Parameters
    ----------
    reference_date
        Where an article has no date, a day and month without a year take
        their year from this date, if you give one. Default: none — a year is
        never borrowed from another article; such a date stays NaT with
        date_source "year_unknown" and its date_surface, to be checked by hand.

    Columns
    -------
    article_id; term (signing, announcement, withdrawal_deadline,
    foreign_forces_withdrawal, arms_embargo, elections, monitoring,
    conference, offensive); date (datetime64, NaT when none); date_precision
    (day | month | year | ""); year_inferred (bool); date_source (stated |
    year_inferred | weekday | duration | year_unknown — a day and month in an
    undated article | ""); duration (as written);
    start, end, surface (the cue: ``text[start:end] == surface``);
    date_surface (the date as written; for date_source "duration", the date
    counted from); sentence; rule (the path that made the row: how its cue
    counted, then how it was dated, joined by "+": ``ceasefire.in_force_sentence+
    ceasefire.nearest_date``; ``libyakit.rules.list_rules("ceasefire")``).
    """
    import pandas as pd

    from .corpus import _check_articles

    _check_articles(articles, "article_id", "text", "lang", "date")
    reference = None if reference_date is None else pd.Timestamp(reference_date).date()
    rows = []
    from .progress import progress_bar

    from .corpus import documents

    for doc in progress_bar(documents(articles), total=len(articles), desc="ceasefire", enable=progress):
        rows.extend({"article_id": doc.article_id, **r} for r in events_in(doc, reference=reference))
    df = pd.DataFrame(rows, columns=CEASEFIRE_COLUMNS)
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    return df.astype({"year_inferred": "bool", "start": "int64", "end": "int64"})


def term_matrix(events):
    """Mentions per term (rows, in TERM_LABELS order) and article (columns)."""
    table = events.pivot_table(index="term", columns="article_id", values="start", aggfunc="count", fill_value=0)
    order = [t for t in TERM_LABELS if t in table.index] + [t for t in table.index if t not in TERM_LABELS]
    return table.loc[order].astype("int64")


def timeline_events(events, *, start=None, end=None):
    """One row per (term, day): the dated events for a timeline, with the articles that state them.

    Only day-precision dates; ``start``/``end`` bound the window. Columns:
    date, term, label_en, label_ar, articles (tuple), n_articles, inferred
    (True when every statement of it had its year inferred).
    """
    import pandas as pd

    e = events[(events["date_precision"] == "day") & events["date"].notna()]
    if start is not None:
        e = e[e["date"] >= pd.Timestamp(start)]
    if end is not None:
        e = e[e["date"] <= pd.Timestamp(end)]
    rows = []
    for (date, term), g in e.groupby(["date", "term"], sort=True):
        en, ar = TERM_LABELS.get(term, (term, term))
        arts = tuple(sorted(set(g["article_id"])))
        rows.append({"date": date, "term": term, "label_en": en, "label_ar": ar, "articles": arts,
                     "n_articles": len(arts), "inferred": bool(g["year_inferred"].all())})
    return pd.DataFrame(rows, columns=["date", "term", "label_en", "label_ar", "articles", "n_articles", "inferred"])
