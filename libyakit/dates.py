"""Dates in Arabic and English news, resolved without looking at today's date.

Found by patterns (dateparser's ``search_dates`` splits "23 أكتوبر 2020"
badly and fills missing parts from *today*, which would change stored
notebook outputs over time): numeric days ("23/10/2020", read day first as
Arabic and European papers write them, unless the second number cannot be a
month: "10/23/2020"; "2020-10-23"), day-month-year in either order
("23rd of October" too; Arabic ordinal days, "في الخامس عشر من يناير"), month-year,
month alone, year alone, both Arabic month series (أكتوبر and تشرين الأول,
"أكتوبر / تشرين الأول" counted once), English abbreviations ("Oct. 23"), and
weekdays ("on Saturday", "الخميس"); a weekday written with its date
("الأحد 12 يناير 2020") is one mention, dated by the date.

A date without a year takes one from a reference date (the article's date,
or a corpus reference date), in a direction the caller chooses: the latest
such day on or before the reference (past events), the earliest on or after
it (announced future events), or the nearest. Weekdays resolve only against
a known article date: the latest such weekday on or before it.

>>> d = find_dates("وقع الاتفاق في 23 أكتوبر 2020 ونُفذ في تشرين الثاني")
>>> [(x.surface, x.year, x.month, x.day, x.precision) for x in d]
[('23 أكتوبر 2020', 2020, 10, 23, 'day'), ('تشرين الثاني', None, 11, None, 'month')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import arabic, lexicon
from .arabic import DIGITS as _DIGITS
from .document import Span
from .paths import data_path
from .rules import row_rule, rule

__all__ = ["DateMention", "find_dates", "resolve", "placed", "MONTHS", "MONTH_RE", "WEEKDAYS", "ORDINAL_DAYS", "calendar", "extract_dates",
           "dates_in", "DATE_COLUMNS", "dateline"]

CALENDAR_KINDS = ("month", "weekday", "day", "relative", "relative_lead", "numbered", "weekday_link", "event_name")
_VALUES = {"month": range(1, 13), "weekday": range(1, 8), "day": range(1, 32)}
_RELATIVE = ("past", "future", "same")
_ALONE = ("yes", "capitalised", "abbreviation", "no")


@lru_cache(maxsize=1)
def calendar() -> dict[str, dict[str, object]]:
    """kind -> {form: value} over the calendar words of ``data/lexicon/calendar_<variety>.csv``.

    One file per language or variety, as dateparser keeps them: ``en``, ``ar`` (the Gregorian month
    names most Arab papers write, weekdays, ordinal days), ``ar-eg`` (Egyptian spellings: يونيه،
    الماضى), ``ar-levant`` (the Syriac names: تشرين الأول، شباط), ``ar-maghreb`` (جانفي، أفريل، أوت).
    Columns ``lang, form, kind, value, alone, note``; ``kind`` is one of :data:`CALENDAR_KINDS`:
    ``month`` (value 1-12; ``alone``: ``yes``, ``capitalised`` — alone only with a capital, "May",
    not "may" —, ``abbreviation`` — the same, and not before a capitalised word: "Jan Kubis" — or
    ``no`` — only with a day or a year: ماي، جوان are also names), ``weekday`` (ISO
    number, 1 Monday), ``day`` (an ordinal day: الخامس عشر, 15), ``relative`` (a word that places a
    month: الماضي/last ``past``, المقبل/next ``future``, الحالي/this ``same``), ``relative_lead``
    ("earlier" this month), ``numbered`` (a four-digit number after it is a document's: resolution,
    رقم), ``weekday_link`` (between a weekday and its date: الموافق) and ``event_name`` (a day and
    month next to it name an event: ثورة 17 فبراير; value ``before`` or ``after``, where the word
    stands). English forms are written
    in lower case (matching ignores case). A form listed twice, in one file or two, is an error
    naming the file and line."""
    folder = data_path("lexicon/calendar_en.csv").parent
    out: dict[str, dict[str, object]] = {k: {} for k in CALENDAR_KINDS}
    alone: dict[str, str] = {}
    seen: dict[tuple[str, str], str] = {}
    for f in sorted(folder.glob("calendar_*.csv")):
        variety = f.stem.removeprefix("calendar_")
        for row in lexicon.table(f.name, ("kind", "value", "alone"), choices={"kind": CALENDAR_KINDS}):
            if row["lang"] != variety.split("-")[0]:
                raise lexicon.row_error(row, f"lang {row['lang']!r} in the file of {variety!r}")
            form, kind, value = row["form"], row["kind"], row["value"]
            if row["lang"] == "en" and form != form.lower():
                raise lexicon.row_error(row, f"write {form!r} in lower case: matching ignores case")
            if (row["lang"], form) in seen:
                raise lexicon.row_error(row, f"{form!r} is listed already ({seen[row['lang'], form]})")
            seen[row["lang"], form] = f"{f.name} line {row['_line']}"
            if kind in _VALUES:
                if not value.isdigit() or int(value) not in _VALUES[kind]:
                    raise lexicon.row_error(row, f"a {kind} needs a value in {_VALUES[kind]}, not {value!r}")
                value = int(value)
            elif kind == "relative" and value not in _RELATIVE:
                raise lexicon.row_error(row, f"a relative word is one of {_RELATIVE}, not {value!r}")
            elif kind == "event_name" and value not in ("before", "after"):
                raise lexicon.row_error(row, f"an event name's word stands before or after the date, not {value!r}")
            elif kind not in ("relative", "event_name") and value:
                raise lexicon.row_error(row, f"a {kind} takes no value ({value!r})")
            if (kind == "month") != bool(row["alone"]) or (row["alone"] and row["alone"] not in _ALONE):
                raise lexicon.row_error(row, f"alone is one of {_ALONE} for a month and empty otherwise")
            out[kind][form] = value
            if kind == "month":
                alone[form] = row["alone"]
    out["alone"] = alone
    return out


# month name -> number; weekday -> Python weekday (0 Monday); Arabic ordinal day -> day
MONTHS: dict[str, int] = calendar()["month"]
WEEKDAYS: dict[str, int] = {w: n - 1 for w, n in calendar()["weekday"].items()}
ORDINAL_DAYS: dict[str, int] = calendar()["day"]
_RELATIVE_WORDS: dict[str, str] = calendar()["relative"]
_YEAR_WORD = "عام"  # "عام 2011": the year the word names
_ORDINAL_RE = "|".join(regex.escape(w) for w in sorted(ORDINAL_DAYS, key=len, reverse=True))
MONTH_RE = "|".join(regex.escape(m) for m in sorted(MONTHS, key=len, reverse=True))  # every month name, longest first
_MONTH_RE = MONTH_RE  # (the name forces imports)
_WEEKDAY_RE = "|".join(regex.escape(w) for w in sorted(WEEKDAYS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
# a conjunction or preposition glued to a month or weekday ("ويناير 2015", "بالخميس"): not ك ("like")
_DATE_CLITIC = f"(?:{arabic.alternation(c for c in arabic.CONJUNCTIONS + arabic.PREPOSITIONS if c != 'ك')})"
_AR_PRE = f"{_DATE_CLITIC}?"
_DOT = r"(?:(?<=[A-Za-z])\.)?"  # "Oct." – but not the full stop after "23 يناير."
# "أكتوبر / تشرين الأول", "يونيو (حزيران)": one month, said twice
_ALT = rf"(?:\s*/\s*(?:{_MONTH_RE})|\s*\(\s*(?:{_MONTH_RE})\s*\))?"
_PATTERN = regex.compile(
    rf"""(?:(?<=(?<![\p{{L}}\p{{N}}])و)(?P<yg>{_YEAR})  # "في أعوام 2015 و2016 و2017": a year the conjunction is glued to
    | (?<![\p{{L}}\p{{N}}])(?:
        (?P<nd>{_DAY})(?P<sep>[/.-])(?P<nm>1[0-2]|0?[1-9]|[12]\d|3[01])(?P=sep)(?P<ny>{_YEAR})
      | (?P<iy>{_YEAR})(?P<isep>[/.-])(?P<im>1[0-2]|0?[1-9])(?P=isep)(?P<id>{_DAY})
      | (?P<d1>{_DAY})(?:st|nd|rd|th)?(?:\s*(?:و|and|-|–)\s*{_DAY}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?:من\s+)?(?P<m1>{_MONTH_RE}){_DOT}{_ALT}(?:,?\s+(?:(?:من\s+)?(?:عام|سنة)\s+)?(?P<y1>{_YEAR}))?
      | (?P<od>{_ORDINAL_RE})\s+(?:من\s+)?(?:شهر\s+)?(?P<m5>{_MONTH_RE}){_ALT}(?:,?\s+(?:(?:من\s+)?(?:عام|سنة)\s+)?(?P<y5>{_YEAR}))?
      | (?P<m2>{_MONTH_RE}){_DOT}{_ALT}\s+(?P<d2>{_DAY})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>{_YEAR}))?
      | {_DATE_CLITIC}(?P<pm>{_MONTH_RE}){_ALT}\s+(?:(?:من\s+)?(?:عام|سنة)\s+)?(?P<py>{_YEAR})
      | (?P<m3>{_MONTH_RE}){_DOT}{_ALT}(?:,?\s+(?:(?:من\s+)?(?:عام|سنة)\s+)?(?P<y3>{_YEAR}))?
      | (?:{_YEAR_WORD}\s+)?(?P<y4>{_YEAR})
      | {_AR_PRE}(?P<w>{_WEEKDAY_RE})
    ))(?:(?<=\d)م)?  # "23/10/2020م", "2020م": م marks the Gregorian year
    (?:(?![\p{{L}}\p{{N}}])|(?<=\d)(?=[\u0621-\u064a]{{2}}))""",  # (a number glued to the next word: "2020وقال")
    regex.VERBOSE | regex.IGNORECASE,
)
_ARTICLE_BEFORE_DIGIT = regex.compile(rf"(?<![\p{{L}}]){arabic.ARTICLE}{arabic.TATWEEL}*(?=\d)")
# a four-digit number after these is a resolution's or a document's number
_NUMBERED_BEFORE = regex.compile(rf"(?:(?<![\p{{L}}])(?:{lexicon.alternation(calendar()['numbered'])})\s*|/)$",
                                 regex.IGNORECASE)


@dataclass(frozen=True)
class DateMention(Span):
    start: int
    end: int
    surface: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None

    @property
    def precision(self) -> str:
        if self.weekday is not None or self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"


def _month_key(name: str) -> str:
    """The MONTHS key of a month name as matched ("October", "تشرين  الأول")."""
    key = name.lower()
    return key if key in MONTHS else regex.sub(r"\s+", " ", key)


@lru_cache(maxsize=1)
def _anchors():
    """An Aho-Corasick automaton of the first words of every month, weekday and ordinal day and
    the year word: each date this module finds starts with one of them (after a one-letter
    clitic: "ويناير 2015", "بالخميس") or with a digit."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for form in (*MONTHS, *WEEKDAYS, *ORDINAL_DAYS, _YEAR_WORD):
        word = form.lower().split()[0]
        auto.add_word(word, len(word))
    auto.make_automaton()
    return auto


_DIGIT_RUN = re.compile(r"\d+")
_ARABIC_DIGIT_RUN = re.compile("[" + "".join(re.escape(chr(c)) for c in _DIGITS) + "]+")  # what arabic.DIGITS maps
_CLITICS = "".join(arabic.CONJUNCTIONS + arabic.PREPOSITIONS)  # (a superset of what the pattern allows)


def _date_matches(text: str):
    """``_PATTERN.finditer(text)``, tried only where a date can start: at a digit, or at a word
    that is (or, after a one-letter clitic, continues as) a month, a weekday, an ordinal day or the
    year word. The same matches, in one pass of an automaton and a match attempt per candidate
    instead of the whole pattern at every character (linear in the text, and 10 times faster)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: offsets would not agree
        yield from _PATTERN.finditer(text)
        return
    starts = {m.start() for m in _DIGIT_RUN.finditer(text)}
    for end, n in _anchors().iter(lowered):
        s = end - n + 1
        if s == 0 or not text[s - 1].isalnum():
            starts.add(s)
        elif text[s - 1] in _CLITICS and (s == 1 or not text[s - 2].isalnum()):
            starts.add(s - 1)
    pos = 0
    for s in sorted(starts):
        if s >= pos and (m := _PATTERN.match(text, s)) is not None:
            yield m
            pos = m.end()


@rule("dates.month_first_numeric")
def _month_first(day: int, month: int) -> bool:
    """A numeric date whose second number cannot be a month was written month first: 10/23/2020
    (Arabic and European papers write the day first: 23/10/2020)."""
    return month > 12


_CAPITALISED_NEXT = regex.compile(r"\s+\p{Lu}")


@rule("dates.month_needs_more")
def _month_needs_more(month_name: str, text: str = "", end: int = 0) -> bool:
    """A month alone (no day, no year) is dropped when its name is also a common word or a name:
    "may" the verb, "mar", "sept" without a capital; an abbreviation before a capitalised word
    ("Jan Kubis"); ماي، جوان (تيريزا ماي) in any case (the ``alone`` column of the calendar
    tables)."""
    alone = calendar()["alone"][_month_key(month_name)]
    if alone == "abbreviation" and _CAPITALISED_NEXT.match(text, end):
        return True
    return alone == "no" or (alone in ("capitalised", "abbreviation") and not month_name[0].isupper())


@rule("dates.numbered_not_year")
def _numbered(text: str, start: int, end: int) -> bool:
    """A four-digit number after "resolution", القرار رقم or a slash, or before one, is a document's
    number, not a year: "resolution 1970", "S/2021/62"."""
    return bool(_NUMBERED_BEFORE.search(text, max(0, start - 16), start)) or text[end:end + 1] == "/"


_QUOTED_BEFORE = regex.compile(r"[«“](?:\p{L}+\s+){1,2}$")
_QUOTE_CLOSE = ("»", "”")


@rule("dates.quoted_name")
def _quoted_name(text: str, start: int, end: int) -> bool:
    """A four-digit number that ends a short name in quotation marks is part of the name, not a
    year: «ميراج 2000», “Vision 2030”."""
    return text[end:end + 1] in _QUOTE_CLOSE and _QUOTED_BEFORE.search(text, max(0, start - 40), start) is not None


def find_dates(text: str) -> list[DateMention]:
    """Date expressions in ``text``, left to right."""
    ascii_text = _ARABIC_DIGIT_RUN.sub(lambda m: m.group().translate(_DIGITS), text)
    if "ال" in ascii_text:  # "الـ24 من ديسمبر", "ال24": the article before a day, blanked (same length)
        ascii_text = _ARTICLE_BEFORE_DIGIT.sub(lambda m: " " * len(m.group()), ascii_text)
    out = []
    for m in _date_matches(ascii_text):
        g = m.groupdict()
        surface = text[m.start():m.end()]
        if g["ny"] or g["iy"]:  # 23/10/2020 (day first, as Arabic and European papers write it), 2020-10-23
            if g["ny"]:
                day, month = int(g["nd"]), int(g["nm"])
                if _month_first(day, month):
                    day, month = month, day
                year = int(g["ny"])
            else:
                year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
            if 1 <= month <= 12:
                out.append(DateMention(m.start(), m.end(), surface, year, month, day))
            continue
        if g["w"]:
            out.append(DateMention(m.start(), m.end(), surface, None, None, None, WEEKDAYS[g["w"].lower()]))
            continue
        if g["od"]:
            out.append(DateMention(m.start(), m.end(), surface, int(g["y5"]) if g["y5"] else None,
                                   MONTHS[_month_key(g["m5"])], ORDINAL_DAYS[regex.sub(r"\s+", " ", g["od"])]))
            continue
        if g["pm"]:  # "ويناير 2015": a month with its conjunction or preposition, and its year
            out.append(DateMention(m.start(), m.end(), surface, int(g["py"]), MONTHS[_month_key(g["pm"])], None))
            continue
        month_name = g["m1"] or g["m2"] or g["m3"]
        if month_name:
            if g["m3"] and not g["y3"] and _month_needs_more(month_name, text, m.end("m3")):
                continue
            day = g["d1"] or g["d2"]
            year = g["y1"] or g["y2"] or g["y3"]
            out.append(DateMention(m.start(), m.end(), surface, int(year) if year else None,
                                   MONTHS[_month_key(month_name)], int(day) if day else None))
        elif g["y4"] or g["yg"]:
            if _numbered(text, m.start(), m.end()) or _quoted_name(text, m.start(), m.end()):
                continue  # "resolution 1970", "القرار رقم 2011", "S/2021/62", «ميراج 2000»: a number, not a year
            out.append(DateMention(m.start(), m.end(), surface, int(g["y4"] or g["yg"]), None, None))
    return _fold_weekdays(text, out)


_WEEKDAY_GAP = regex.compile(rf"[\s,،]*(?:{lexicon.alternation(calendar()['weekday_link'])})?[\s,،]*")  # "الجمعة الموافق 23 أكتوبر"


@rule("dates.weekday_with_its_date")
def _weekday_with_date(text: str, prev: DateMention | None, d: DateMention) -> bool:
    """A weekday right before a date ("Sunday, 12 January 2020", "الجمعة الموافق 23 أكتوبر") is one
    mention with it, dated by the date."""
    return (prev is not None and prev.weekday is not None and d.day is not None
            and _WEEKDAY_GAP.fullmatch(text, prev.end, d.start) is not None)


def _fold_weekdays(text: str, dates: list[DateMention]) -> list[DateMention]:
    """"Sunday, 12 January 2020", "الأحد 12 يناير": one mention, dated by its day and month.

    The weekday only repeats what the date says; left apart, it would be a
    second date of the sentence that resolves only against the article's date.
    """
    out = []
    for d in dates:
        prev = out[-1] if out else None
        if _weekday_with_date(text, prev, d):
            out[-1] = DateMention(prev.start, d.end, text[prev.start:d.end], d.year, d.month, d.day)
        else:
            out.append(d)
    return out


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(d: DateMention, *, article_date: dt.date | None, reference: dt.date | None,
            direction: str = "nearest") -> tuple[dt.date | None, bool]:
    """``(date, year_inferred)`` for a date mention; ``(None, False)`` when it cannot be resolved.

    Month-precision dates resolve to the first of the month, year-precision
    ones to 1 January. ``direction`` is "past", "future" or "nearest".
    """
    if d.weekday is not None:
        if article_date is None:
            return None, False
        back = (article_date.weekday() - d.weekday) % 7
        return article_date - dt.timedelta(days=back), False
    if d.year is not None:
        return _safe_date(d.year, d.month or 1, d.day or 1), False  # None for "30 February 2020"
    ref = article_date or reference
    if ref is None:
        return None, False
    day = d.day or 1
    options = [x for y in (ref.year - 1, ref.year, ref.year + 1) if (x := _safe_date(y, d.month, day))]
    if not options:  # "30 فبراير", "31 April": no such day in any nearby year
        return None, False
    if d.day is None:  # month precision: compare whole months
        ref_m = dt.date(ref.year, ref.month, 1)
    else:
        ref_m = ref
    if direction == "past":
        cands = [x for x in options if x <= ref_m]
        best = max(cands) if cands else None
    elif direction == "future":
        cands = [x for x in options if x >= ref_m]
        best = min(cands) if cands else None
    else:
        best = min(options, key=lambda x: (abs((x - ref_m).days), x))
    return best, best is not None


# ---------------------------------------------------------------- dated events, one row per date

DATE_COLUMNS = ["article_id", "start", "end", "surface", "year", "month", "day", "precision", "date",
                "year_inferred", "rule"]

# A month alone is a dated event only when the text places it: "يونيو الماضي", "last June" (the
# ``relative`` words of the calendar tables: Arabic ones follow the month, English ones precede it).
_AR_RELATIVE = regex.compile(
    rf"\s+(?P<w>{lexicon.alternation(w for w in _RELATIVE_WORDS if not w.isascii())})(?![\p{{L}}])")
_EN_RELATIVE = regex.compile(
    rf"(?<![\p{{L}}])(?P<w>(?:(?:{lexicon.alternation(calendar()['relative_lead'])})\s+)?"
    rf"(?:{lexicon.alternation(w for w in _RELATIVE_WORDS if w.isascii())}))\s+$", regex.IGNORECASE)

# the value of each row's ``rule``
_DAY_MONTH_YEAR = row_rule("dates.day_month_year", "A day, a month and a year as written: 23 أكتوبر 2020, 23/10/2020.")
_DAY_MONTH = row_rule("dates.day_month", "A day and a month without a year (الـ24 من ديسمبر, Oct. 23): the year "
                      "is the article's own, the nearest, or the one a relative word says (الماضي, last).")
_MONTH_YEAR = row_rule("dates.month_year", "A month and a year: أكتوبر 2020, since February 2020.")
_MONTH_RELATIVE = row_rule("dates.month_relative", "A month alone that the text places: يونيو الماضي, last June.")
_YEAR_ALONE = row_rule("dates.year", "A year alone: منذ 2011, عام 2019.")
_RELATIVE_MONTH_DAY = row_rule("dates.day_of_relative_month", "A day of the month before, this month or the next, "
                               "counted from the article's date: الثالث عشر من الشهر الماضي, بين 10 و13 من الشهر الجاري.")

# "الثالث عشر من الشهر الماضي", "ما بين العاشر والثالث عشر من الشهر الماضي", "في 5 من هذا الشهر"
_RELATIVE_MONTH = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<a>{_ORDINAL_RE}|{_DAY})(?:\s*(?:و|-|–|إلى|حتى)\s*(?P<b>{_ORDINAL_RE}|{_DAY}))?"
    rf"\s+من\s+(?:(?P<this>هذا)\s+)?الشهر(?:\s+(?P<w>{lexicon.alternation(w for w in _RELATIVE_WORDS if not w.isascii())}))?"
    r"(?![\p{L}\p{N}])")
_MONTH_STEP = {"past": -1, "future": 1, "same": 0}


def _relative_month_days(text: str, article_date: dt.date | None) -> list[dict]:
    """Rows for the days of a month named by its place (الشهر الماضي, هذا الشهر), in an article with
    a date: the month is the article's, the one before or the one after it."""
    if article_date is None or "الشهر" not in text:
        return []
    rows = []
    for m in _RELATIVE_MONTH.finditer(text):
        if not (m.group("this") or m.group("w")):
            continue  # "من الشهر" alone: which month is not said
        step = 0 if m.group("this") else _MONTH_STEP[_direction(m.group("w"))]
        y, mo = divmod(article_date.year * 12 + article_date.month - 1 + step, 12)
        parts = [("a", m.start("a"), m.end("a"))] if m.group("b") else []
        parts.append(("b" if m.group("b") else "a", m.start("b") if m.group("b") else m.start("a"), m.end()))
        for group, start, end in parts:
            word = regex.sub(r"\s+", " ", m.group(group))
            day = int(word) if word.isdigit() else ORDINAL_DAYS.get(word)
            if day is None or _safe_date(y, mo + 1, day) is None:
                continue
            rows.append({"start": start, "end": end, "surface": text[start:end], "year": y, "month": mo + 1,
                         "day": day, "precision": "day", "date": f"{y:04d}-{mo + 1:02d}-{day:02d}",
                         "year_inferred": True, "rule": _RELATIVE_MONTH_DAY})
    return rows


def _direction(word: str) -> str:
    return _RELATIVE_WORDS.get(word.lower().split()[-1], "same")


def placed(text: str, d: DateMention) -> str | None:
    """Which way the text places a year-less date: "past" ("يونيو الماضي", "last June"), "future"
    ("المقبل", "next"), "nearest" ("الحالي", "this June"), or None when no word places it."""
    if d.year is not None:
        return None
    after = _AR_RELATIVE.match(text, d.end)
    word = after.group("w") if after else None
    if word is None:
        before = _EN_RELATIVE.search(text, max(0, d.start - 20), d.start)
        word = before.group("w") if before else None
    return None if word is None else {"same": "nearest"}.get(_direction(word), _direction(word))


@rule("dates.weekday_alone")
def _weekday_alone(d: DateMention) -> bool:
    """A weekday alone ("on Saturday", "يوم الخميس") dates nothing without more context: no row."""
    return d.weekday is not None and d.day is None


@rule("dates.dateline_not_event")
def _dateline_date(text: str, d: DateMention) -> bool:
    """The date of a dateline or byline at the top ("طرابلس 11 نوفمبر 2021 (شينخوا)", "May 26 (UPI)
    --") is the article's own date, not an event: no row."""
    return d.day is not None and _in_dateline(text, d)


_EVENT_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{lexicon.alternation(w for w, v in calendar()['event_name'].items() if v == 'before')})\s+$")
_EVENT_AFTER = regex.compile(rf"\s+(?:{lexicon.alternation(w for w, v in calendar()['event_name'].items() if v == 'after')})(?![\p{{L}}])",
                             regex.IGNORECASE)


@rule("dates.event_name")
def _event_name(text: str, d: DateMention) -> bool:
    """A day and month without a year next to ثورة/انتفاضة/revolution name an event ("انتفاضة 17
    فبراير", "the February 17 Revolution"): no dated event (its year is not the article's)."""
    return d.year is None and d.day is not None and (
        _EVENT_BEFORE.search(text, max(0, d.start - 20), d.start) is not None
        or _EVENT_AFTER.match(text, d.end) is not None)


_LETTER = regex.compile(r"\p{L}")


@rule("dates.timestamp_line")
def _timestamp_line(text: str, d: DateMention) -> bool:
    """A whole date alone on its line but for a weekday, a time or punctuation ("Thursday 03/12/2020",
    "12 يناير 2021 - 14:30") is a page's or a picture's timestamp, not an event."""
    if d.year is None or d.day is None:
        return False
    # (the first letter or line break on either side, not the whole line: a long paragraph is not read
    # again for each of its dates)
    before = _LETTER_OR_BREAK_BEFORE.search(text, 0, d.start)
    after = _LETTER_OR_BREAK.search(text, d.end)
    return (before is None or before.group() == "\n") and (after is None or after.group() == "\n")


_LETTER_OR_BREAK = regex.compile(r"[\p{L}\n]")
_LETTER_OR_BREAK_BEFORE = regex.compile(r"(?r)[\p{L}\n]")  # (read backwards: the nearest one before)


@rule("dates.month_alone_unplaced")
def _unplaced(after, before) -> bool:
    """A month alone with no word that places it ("in May", "في يونيو") is no dated event."""
    return after is None and before is None


def _in_year_of(d: DateMention, article_date: dt.date, direction: str) -> int:
    """The year of a year-less date in an article of ``article_date``: the year that puts it nearest
    the article's date ("December 24" in an article of May 2022 is December 2021), or the latest
    before it / the earliest after it where the text says "last"/الماضي or "next"/المقبل."""
    best, _ = resolve(d, article_date=article_date, reference=None,
                      direction={"same": "nearest"}.get(direction, direction))
    return best.year if best is not None else article_date.year


_DATELINE_SPAN = 240  # a dateline stands in the first lines: "طرابلس 11 نوفمبر 2021", "October 23, 2020 - 14:38"
_DATELINE_WORDS = 6  # ... alone on its line but for a place, a byline or a time
_DATELINE_LEAD = 40  # ... or opening the first paragraph, with a dash after it: "TRIPOLI, Nov 11, 2021 (Reuters) -"
_DATELINE_DASH = regex.compile(r"\s*(?:\([^()]{0,30}\)\s*(?:[-–—|:]|(?=\p{L}))|[-–—|:)])")
_AGENCY_DASH = regex.compile(r"\s*\([^()]{1,30}\)\s*[-–—]")  # "May 26 (UPI) --", wherever the page puts it


def _in_dateline(text: str, d: DateMention) -> bool:
    """Whether date mention ``d`` stands where a dateline or byline date does: in the first lines,
    alone on its line but for a place, a byline or a time, or opening the first paragraph with a
    dash, a parenthesis or an agency after it ("TRIPOLI, Nov 11, 2021 (Reuters) -", "طرابلس 11
    نوفمبر 2021 (شينخوا)", "MOSCOW (Sputnik - 23rd October, 2020)", "May 26 (UPI) --")."""
    # (a line start further back than the lead is as good as none: not looked for there)
    line_start = text.rfind("\n", 0 if d.start < _DATELINE_SPAN else d.start - _DATELINE_LEAD - 1, d.start) + 1
    if d.start >= _DATELINE_SPAN:  # (a page's chrome may stand before it: an agency's dateline still is one)
        return d.start - line_start <= _DATELINE_LEAD and _AGENCY_DASH.match(text, d.end) is not None
    line_end = text.find("\n", d.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = len(text[line_start:d.start].split()) + len(text[d.end:line_end].split())
    alone = rest <= _DATELINE_WORDS and line_end < len(text) and not text[line_start:line_end].rstrip().endswith(".")
    return alone or (d.start - line_start <= _DATELINE_LEAD and _DATELINE_DASH.match(text, d.end) is not None)


def dateline(text: str) -> DateMention | None:
    """The date an article gives itself at its top — a dateline ("طرابلس 11 نوفمبر 2021 (رويترز) -",
    "TRIPOLI, Nov 11, 2021 -") or a byline date ("October 23, 2020 - 14:38") — or None.

    A whole date (day, month and year) within the first lines, on a short line or near the start of
    its paragraph (:func:`_in_dateline`); a date further into the text is an event, not the
    article's own.

    >>> dateline("طرابلس 11 نوفمبر 2021 (رويترز) - قال مسؤولون إن ...").surface
    '11 نوفمبر 2021'
    >>> dateline("The ceasefire of 23 October 2020 held for a year, officials said.") is None
    True
    """
    for d in find_dates(text[:_DATELINE_SPAN]):
        if d.year is not None and d.month is not None and d.day is not None and _in_dateline(text, d):
            return d
    return None


def dates_in(doc, article_date: dt.date | None = None) -> list[dict]:
    """Dated events of one :class:`~libyakit.document.Document` or text: rows of :func:`extract_dates`
    without article_id. ``article_date`` defaults to the document's."""
    from .document import as_document

    doc = as_document(doc)
    text = doc.text
    article_date = doc.date if article_date is None else article_date
    rows = []
    for d in doc.dates:
        if _weekday_alone(d) or _dateline_date(text, d) or _timestamp_line(text, d) or _event_name(text, d):
            continue
        start, end, direction = d.start, d.end, "same"
        if d.year is None:
            if d.day is None:  # a month alone: only "يونيو الماضي", "last June"
                after = _AR_RELATIVE.match(text, end)
                before = _EN_RELATIVE.search(text, max(0, start - 20), start)
                if _unplaced(after, before):
                    continue
                if after is not None:
                    end, direction = after.end(), _direction(after.group("w"))
                else:
                    start, direction = before.start(), _direction(before.group("w"))
                rule = _MONTH_RELATIVE
            else:
                after = _AR_RELATIVE.match(text, end)
                if after is not None:
                    end, direction = after.end(), _direction(after.group("w"))
                rule = _DAY_MONTH
            year = _in_year_of(d, article_date, direction) if article_date else None
            inferred = year is not None
        else:
            year, inferred = d.year, False
            rule = _DAY_MONTH_YEAR if d.day else _MONTH_YEAR if d.month else _YEAR_ALONE
        iso = f"{year:04d}" if year is not None else "-"
        if d.month:
            iso += f"-{d.month:02d}"
        if d.day:
            iso += f"-{d.day:02d}"
        rows.append({"start": start, "end": end, "surface": text[start:end], "year": year, "month": d.month,
                     "day": d.day, "precision": d.precision, "date": iso, "year_inferred": inferred, "rule": rule})
    extra = _relative_month_days(text, article_date)
    return sorted(rows + extra, key=lambda r: r["start"]) if extra else rows


def extract_dates(articles, *, progress: bool | None = None):
    """Dated events in every article: one row per date that places an event in time.

    A date with a day, a month and a year, a month and a year, or a year alone ("منذ 2011") is
    taken as written; the dateline or byline date at the top of an article (:func:`dateline`) is the
    article's own date, not an event, and is left out. A day and month without a year ("الـ24 من
    ديسمبر", "Oct. 23") take their year from *their own* article's date (``year_inferred`` True):
    the year that puts them nearest it, or the latest before / earliest after it where the text
    says "الماضي"/"last" or "المقبل"/"next"; an article without a date
    leaves the year unknown (``year`` empty, ``date`` "--12-24") rather than borrow one from
    another article. A month alone is a dated event only when the text places it ("يونيو
    الماضي", "last June"); "in May" with nothing more is left out, as is a weekday alone.

    Columns: article_id, start, end, surface (``text[start:end] == surface``), year, month, day
    (empty where the text does not give them), precision (day | month | year), date (ISO at that
    precision: "2020-10-23", "2020-10", "2020", "--10-23"), year_inferred, rule (dates.day_month_year |
    dates.day_month | dates.month_year | dates.month_relative | dates.year: ``libyakit.rules.list_rules("dates")``).

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "date": [pd.Timestamp("2015-07-21")],
    ...                      "text": ["وقع في 20 يونيو الماضي، بعد اتفاق عام 2011."]})
    >>> extract_dates(arts, progress=False)[["surface", "date", "rule"]].values.tolist()
    [['20 يونيو الماضي', '2015-06-20', 'dates.day_month'], ['عام 2011', '2011', 'dates.year']]
    """
    import pandas as pd

    from .corpus import rows_per_article

    rows = rows_per_article(articles[["article_id", "date", "text"]], dates_in, desc="dates", progress=progress)
    return pd.DataFrame(rows, columns=DATE_COLUMNS).astype({"start": "int64", "end": "int64", "year": "Int64",
                                                            "month": "Int64", "day": "Int64"})
