"""Ceasefire terms and dated events, for one timeline across both languages.

The terms and their cue words live in ``data/ceasefire_terms.csv`` (term,
direction, lang, cue regex). A term is found where its cue occurs; signing
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

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from .arabic import CUE_PREFIX_RE as _AR_PROCLITIC  # what an Arabic cue may carry: "لانسحاب", "وبحلول"
from .dates import find_dates, resolve
from .numbers import find_quantities
from .errors import DataFileError
from .marks import mark_free, rewrite
from .paths import data_path
from .sentences import within

__all__ = ["extract_ceasefire", "CEASEFIRE_COLUMNS", "terms", "TERM_LABELS", "term_matrix", "timeline_events"]

# term -> (English, Arabic) label for tables and charts
TERM_LABELS = {
    "ceasefire_agreement": ("ceasefire agreement", "اتفاق وقف إطلاق النار"),
    "signing": ("signing", "التوقيع"),
    "announcement": ("announcement", "الإعلان"),
    "withdrawal_deadline": ("withdrawal deadline", "مهلة الانسحاب"),
    "foreign_forces_withdrawal": ("withdrawal of foreign forces", "انسحاب القوات الأجنبية"),
    "arms_embargo": ("arms embargo", "حظر الأسلحة"),
    "elections": ("elections", "الانتخابات"),
    "monitoring": ("monitoring", "المراقبة"),
    "conference": ("conference", "المؤتمر"),
    "offensive": ("offensive", "الهجوم"),
    "meeting": ("meeting", "الاجتماع"),
}

CEASEFIRE_COLUMNS = ["article_id", "term", "date", "date_precision", "year_inferred", "date_source",
                     "duration", "start", "end", "surface", "date_surface", "sentence"]
# (Arabic also splits the phrase: "وقفا فوريا لإطلاق النار")
_CONTEXT = regex.compile(r"cease-?fire|truce|agreement|deal|وقف\p{L}*\s+(?:\p{L}+\s+)?(?:ل)?إطلاق\s+النار|هدنة|اتفاق",
                         regex.IGNORECASE)
_AR_UNIT = r"أشهر|شهر[اًٌ]*|شهرين|أيام|يوم[اًٌ]*|يومين|أسابيع|أسبوع[اًٌ]*|أسبوعين|سنوات|سنة|عام[اًٌ]*"
# Terms about forces: they count only in a sentence that speaks of forces or of the ceasefire.
_FORCE_TERMS = ("foreign_forces_withdrawal", "withdrawal_deadline", "monitoring")
_DEADLINE_WORD = regex.compile(rf"deadline|{_AR_PROCLITIC}(?:ال)?مهلة", regex.IGNORECASE)  # "That deadline passed on Saturday"
_FORCES = regex.compile(
    r"troops|forces|soldiers|fighters|mercenar|militar|militia|armed|army|withdraw"
    r"|قوات|القوات|جنود|مقاتل|مرتزق|عسكري|ميليشي|مليشي|مسلح|الجيش|انسحاب|الانسحاب",
    regex.IGNORECASE,
)
_DURATION = regex.compile(
    r"(?:within|in|after|for)\s+(?:the\s+next\s+)?(?P<n>[\w,.-]+(?:\s+(?:hundred|thousand))?)\s+(?P<u>days?|weeks?|months?|years?)"
    r"|(?:خلال|في\s+غضون|بعد)\s+(?:ال)?(?P<u2>أشهر|أيام|أسابيع|سنوات|شهرين|يومين|أسبوعين)\s*(?:ال)?(?P<n2>\S+)?"
    rf"|(?:خلال|في\s+غضون|بعد)\s+(?P<n3>\S+(?:\s+(?:ألف|آلاف|مئة|مائة))?)\s+(?P<u3>{_AR_UNIT})(?!\p{{L}})",
    regex.IGNORECASE,
)
# a unit -> (days, months) of one of it; Arabic duals carry their own count
_UNITS = {"day": (1, 0), "week": (7, 0), "month": (0, 1), "year": (0, 12),
          "يوم": (1, 0), "أيام": (1, 0), "أسبوع": (7, 0), "أسابيع": (7, 0), "شهر": (0, 1), "أشهر": (0, 1),
          "سنة": (0, 12), "سنوات": (0, 12), "عام": (0, 12)}
_DUALS = {"يومين": (2, 0), "أسبوعين": (14, 0), "شهرين": (0, 2)}


def _duration_parts(m) -> tuple[int, int] | None:
    """(days, months) a duration match stands for ("within three months" -> (0, 3)), or None."""
    if m is None:
        return None
    unit = regex.sub(r"\p{M}", "", (m.group("u") or m.group("u2") or m.group("u3") or "").lower())
    number = m.group("n") or m.group("n2") or m.group("n3")
    if unit in _DUALS and not number:
        return _DUALS[unit]
    unit = unit.rstrip("s") if unit.isascii() else unit.rstrip("ا")
    per = _UNITS.get(unit)
    if per is None or not number:
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
    """The term cues from data/ceasefire_terms.csv, validated."""
    path = data_path("ceasefire_terms.csv")
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            if row["direction"] not in ("past", "future", "nearest"):
                raise DataFileError(path, line, f"direction must be past, future or nearest, not {row['direction']!r}")
            if row["lang"] not in ("ar", "en"):
                raise DataFileError(path, line, f"unknown lang {row['lang']!r}")
            try:  # the engine the cues run on (see _combined)
                re.compile(row["cue"], re.IGNORECASE)
            except re.error as e:
                raise DataFileError(path, line, f"bad cue pattern: {e}") from None
            out.append(Term(row["term"], row["direction"], row["lang"], row["cue"]))
    return tuple(out)




# Withdrawal is mentioned all the time; a date near it more often dates the
# deadline, signing or meeting mentioned beside it, so it counts as farther
# (six times: an Arabic sentence opens with its verb, "التقى الوفدان يوم الخميس
# لبحث انسحاب المرتزقة", so the date stands nearer the withdrawal than the meeting).
_LOW_PRIORITY = {"foreign_forces_withdrawal": 6.0}


def _distance(d, cue) -> float:
    c_start, c_end, t = cue
    gap = min(abs(d.start - c_end), abs(c_start - d.end))
    return gap * _LOW_PRIORITY.get(t.term, 1.0)


@lru_cache(maxsize=4)
def _combined(lang: str):
    """All cues of a language as one stdlib-re alternation, and group name -> Term."""
    lang_terms = [t for t in terms() if t.lang == lang]
    alts = "|".join(f"(?P<c{i}>{t.cue_text})" for i, t in enumerate(lang_terms))
    clitic = _AR_PROCLITIC if lang == "ar" else ""
    pattern = re.compile(f"(?<![^\\W\\d_]){clitic}(?:{alts})(?![^\\W\\d_])", re.IGNORECASE)
    return pattern, {f"c{i}": t for i, t in enumerate(lang_terms)}


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
        if not _CONTEXT.search(sentence):
            cues = [c for c in cues if c[2].term not in ("signing", "announcement")]
            if not _FORCES.search(sentence):
                # a withdrawal of money, a deadline for a tourism plan, monitoring prices
                cues = [c for c in cues if c[2].term not in _FORCE_TERMS or _DEADLINE_WORD.fullmatch(text, c[0], c[1])]
            if not cues:
                continue
        cues.sort(key=lambda c: (c[0], c[1]))
        # one cue per span: the first term listed for it
        dedup, taken = [], set()
        for c in cues:
            if (c[0], c[1]) not in taken:
                taken.add((c[0], c[1]))
                dedup.append(c)
        cues = dedup
        dates = [type(d)(d.start + s_start, d.end + s_start, d.surface, d.year, d.month, d.day, d.weekday)
                 for d in find_dates(sentence)]
        given: dict[int, list] = {}
        for d in dates:
            nearest = min(range(len(cues)), key=lambda i: (_distance(d, cues[i]), i))
            given.setdefault(nearest, []).append(d)
        duration = _DURATION.search(text, s_start, s_end)
        signing_date = None
        sentence_rows = []
        for i, (c_start, c_end, t) in enumerate(cues):
            ds = given.get(i, [])
            d = min(ds, key=lambda x: min(abs(x.start - c_end), abs(c_start - x.end))) if ds else None
            date, inferred, source, precision = None, False, "", ""
            if d is not None:
                date, inferred = resolve(d, article_date=article_date, reference=reference, direction=t.direction)
                if date is not None:
                    source = "weekday" if d.weekday is not None else ("year_inferred" if inferred else "stated")
                    precision = d.precision
                elif d.year is None and d.month is not None:
                    source, precision = "year_unknown", d.precision  # "23 October" in an undated article
                own = _DURATION.match(text, c_start) if t.term == "withdrawal_deadline" else None
                if date is not None and own is not None:
                    # a deadline that is a duration ("within 90 days"): the date beside it is when the
                    # time began ("Under the October 2020 ceasefire, ... within 90 days"), not the deadline;
                    # counted from a day, else left undated
                    span = _duration_parts(own)
                    if precision == "day" and span:
                        date, source = _counted_from(date, span), "duration"
                    else:
                        date, inferred, source, precision = None, False, "", ""
            if t.term in ("signing", "ceasefire_agreement") and date is not None and precision == "day" \
                    and signing_date is None:
                signing_date, signing_surface = date, d.surface
            sentence_rows.append({
                "term": t.term, "date": date, "date_precision": precision, "year_inferred": inferred,
                "date_source": source, "duration": duration.group() if duration and t.term == "withdrawal_deadline" else "",
                "start": c_start, "end": c_end, "surface": text[c_start:c_end],
                "date_surface": d.surface if d is not None and (date is not None or source == "year_unknown") else "",
                "sentence": sentence,
            })
        span = _duration_parts(duration)
        for r in sentence_rows:
            if r["term"] == "withdrawal_deadline" and r["date"] is None and signing_date and span:
                r.update(date=_counted_from(signing_date, span),
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
    counted from); sentence.
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
