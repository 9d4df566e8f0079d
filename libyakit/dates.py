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
from dataclasses import dataclass

import regex

from .arabic import DIGITS as _DIGITS
from .arabic import NON_ASCII_DIGIT as _NON_ASCII_DIGIT
from .document import Span

__all__ = ["DateMention", "find_dates", "resolve", "MONTHS", "WEEKDAYS", "extract_dates", "dates_in", "DATE_COLUMNS",
           "dateline"]

# month name -> number. Arabic: the Egyptian/Gulf series, the Levantine one and the Maghrebi one
# (Tunisian and Algerian papers: جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت).
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10,
    "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "اب": 8, "أيلول": 9, "ايلول": 9, "تشرين الأول": 10,
    "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12,
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "جويلة": 7, "أوت": 8,
    "اوت": 8,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3, "الجمعة": 4,
    "السبت": 5, "الأحد": 6, "الاحد": 6,
}

# Arabic ordinal days: "في الخامس عشر من يناير", "الحادي والعشرين من أكتوبر"
_UNITS_ORD = ["الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
AR_ORDINAL_DAYS = {"الأول": 1, "أول": 1, "العاشر": 10, **{w: i + 2 for i, w in enumerate(_UNITS_ORD[1:])}}
AR_ORDINAL_DAYS.update({f"{w} عشر": 11 + i for i, w in enumerate(_UNITS_ORD)})
for _tens, _n in (("العشرين", 20), ("العشرون", 20), ("الثلاثين", 30), ("الثلاثون", 30)):
    AR_ORDINAL_DAYS[_tens] = _n
    if _n == 20:
        AR_ORDINAL_DAYS.update({f"{w} و{_tens}": 21 + i for i, w in enumerate(_UNITS_ORD)})
    else:
        AR_ORDINAL_DAYS[f"الحادي و{_tens}"] = 31
_ORDINAL_RE = "|".join(regex.escape(w) for w in sorted(AR_ORDINAL_DAYS, key=len, reverse=True))
_MONTH_RE = "|".join(regex.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(regex.escape(w) for w in sorted(WEEKDAYS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_AR_PRE = r"(?:و|ب|ل|ف)?"
_DOT = r"(?:(?<=[A-Za-z])\.)?"  # "Oct." – but not the full stop after "23 يناير."
# "أكتوبر / تشرين الأول", "يونيو (حزيران)": one month, said twice
_ALT = rf"(?:\s*/\s*(?:{_MONTH_RE})|\s*\(\s*(?:{_MONTH_RE})\s*\))?"
_PATTERN = regex.compile(
    rf"""(?<![\p{{L}}\p{{N}}])(?:
        (?P<nd>{_DAY})(?P<sep>[/.-])(?P<nm>1[0-2]|0?[1-9]|[12]\d|3[01])(?P=sep)(?P<ny>{_YEAR})
      | (?P<iy>{_YEAR})(?P<isep>[/.-])(?P<im>1[0-2]|0?[1-9])(?P=isep)(?P<id>{_DAY})
      | (?P<d1>{_DAY})(?:st|nd|rd|th)?(?:\s*(?:و|and|-|–)\s*{_DAY}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?:من\s+)?(?P<m1>{_MONTH_RE}){_DOT}{_ALT}(?:,?\s+(?:(?:من\s+)?(?:عام|سنة)\s+)?(?P<y1>{_YEAR}))?
      | (?P<od>{_ORDINAL_RE})\s+(?:من\s+)?(?:شهر\s+)?(?P<m5>{_MONTH_RE}){_ALT}(?:,?\s+(?:(?:من\s+)?(?:عام|سنة)\s+)?(?P<y5>{_YEAR}))?
      | (?P<m2>{_MONTH_RE}){_DOT}{_ALT}\s+(?P<d2>{_DAY})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>{_YEAR}))?
      | (?:و|ب|ل|ف)(?P<pm>{_MONTH_RE}){_ALT}\s+(?:(?:من\s+)?(?:عام|سنة)\s+)?(?P<py>{_YEAR})
      | (?P<m3>{_MONTH_RE}){_DOT}{_ALT}(?:,?\s+(?:(?:من\s+)?(?:عام|سنة)\s+)?(?P<y3>{_YEAR}))?
      | (?:عام\s+)?(?P<y4>{_YEAR})
      | {_AR_PRE}(?P<w>{_WEEKDAY_RE})
    )(?:(?<=\d)م)?  # "23/10/2020م", "2020م": م marks the Gregorian year
    (?:(?![\p{{L}}\p{{N}}])|(?<=\d)(?=[\u0621-\u064a]{{2}}))""",  # (a number glued to the next word: "2020وقال")
    regex.VERBOSE | regex.IGNORECASE,
)
_ARTICLE_BEFORE_DIGIT = regex.compile(r"(?<![\p{L}])ال\u0640*(?=\d)")
# a four-digit number after these is a resolution's or a document's number
_NUMBERED_BEFORE = regex.compile(r"(?:(?<![\p{L}])(?:resolutions?|القرار|قرار|قراره|رقم|no\.?|nos\.?)\s*|/)$",
                                 regex.IGNORECASE)
# English month abbreviations that are ordinary words need a capital or a day.
_AMBIGUOUS = {"may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr", "sept"}
# ... and Maghrebi month names that are also names (تيريزا ماي, جوان بايز) need a day or a year
_AR_AMBIGUOUS = {"ماي", "جوان"}


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


def find_dates(text: str) -> list[DateMention]:
    """Date expressions in ``text``, left to right."""
    ascii_text = text.translate(_DIGITS) if _NON_ASCII_DIGIT.search(text) else text
    if "ال" in ascii_text:  # "الـ24 من ديسمبر", "ال24": the article before a day, blanked (same length)
        ascii_text = _ARTICLE_BEFORE_DIGIT.sub(lambda m: " " * len(m.group()), ascii_text)
    out = []
    for m in _PATTERN.finditer(ascii_text):
        g = m.groupdict()
        surface = text[m.start():m.end()]
        if g["ny"] or g["iy"]:  # 23/10/2020 (day first, as Arabic and European papers write it), 2020-10-23
            if g["ny"]:
                day, month = int(g["nd"]), int(g["nm"])
                if month > 12:  # 10/23/2020: the month came first
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
                                   MONTHS[_month_key(g["m5"])], AR_ORDINAL_DAYS[regex.sub(r"\s+", " ", g["od"])]))
            continue
        if g["pm"]:  # "ويناير 2015": a month with its conjunction or preposition, and its year
            out.append(DateMention(m.start(), m.end(), surface, int(g["py"]), MONTHS[_month_key(g["pm"])], None))
            continue
        month_name = g["m1"] or g["m2"] or g["m3"]
        if month_name:
            key = _month_key(month_name)
            if g["m3"] and not g["y3"] and (key in _AMBIGUOUS or key == "may") and not month_name[0].isupper():
                continue  # "may" the verb, "mar", ...
            if g["m3"] and not g["y3"] and key in ("march", "may") and not month_name[0].isupper():
                continue
            if g["m3"] and not g["y3"] and key in _AR_AMBIGUOUS:
                continue
            day = g["d1"] or g["d2"]
            year = g["y1"] or g["y2"] or g["y3"]
            out.append(DateMention(m.start(), m.end(), surface, int(year) if year else None, MONTHS[key],
                                   int(day) if day else None))
        elif g["y4"]:
            if _NUMBERED_BEFORE.search(text, max(0, m.start() - 16), m.start()) or text[m.end():m.end() + 1] == "/":
                continue  # "resolution 1970", "القرار رقم 2011", "S/2021/62": a number, not a year
            out.append(DateMention(m.start(), m.end(), surface, int(g["y4"]), None, None))
    return _fold_weekdays(text, out)


_WEEKDAY_GAP = regex.compile(r"[\s,،]*(?:الموافق|الموافق\s+ل|corresponding\s+to)?[\s,،]*")  # "الجمعة الموافق 23 أكتوبر"


def _fold_weekdays(text: str, dates: list[DateMention]) -> list[DateMention]:
    """"Sunday, 12 January 2020", "الأحد 12 يناير": one mention, dated by its day and month.

    The weekday only repeats what the date says; left apart, it would be a
    second date of the sentence that resolves only against the article's date.
    """
    out = []
    for d in dates:
        prev = out[-1] if out else None
        if (prev is not None and prev.weekday is not None and d.day is not None
                and _WEEKDAY_GAP.fullmatch(text, prev.end, d.start)):
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

# A month alone is a dated event only when the text places it: "يونيو الماضي", "last June".
_AR_RELATIVE = regex.compile(r"\s+(?P<w>الماضي|الماضى|المنصرم|المنقضي|السابق|المقبل|القادم|الحالي|الجاري)(?![\p{L}])")
_EN_RELATIVE = regex.compile(r"(?<![\p{L}])(?P<w>last|next|this|(?:earlier|later|late|early)\s+(?:this|last|next))\s+$",
                             regex.IGNORECASE)
_PAST = {"الماضي", "الماضى", "المنصرم", "المنقضي", "السابق", "last"}
_FUTURE = {"المقبل", "القادم", "next"}


def _direction(word: str) -> str:
    word = word.lower().split()[-1]
    return "past" if word in _PAST else "future" if word in _FUTURE else "same"


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


def _in_dateline(text: str, d: DateMention) -> bool:
    """Whether date mention ``d`` stands where a dateline or byline date does: in the first lines,
    alone on its line but for a place, a byline or a time, or opening the first paragraph with a
    dash, a parenthesis or an agency after it ("TRIPOLI, Nov 11, 2021 (Reuters) -", "طرابلس 11
    نوفمبر 2021 (شينخوا)", "MOSCOW (Sputnik - 23rd October, 2020)", "May 26 (UPI) --")."""
    if d.start >= _DATELINE_SPAN:
        return False
    line_start = text.rfind("\n", 0, d.start) + 1
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
        if d.weekday is not None and d.day is None:
            continue  # a weekday alone ("on Saturday") dates nothing without more context
        if d.day is not None and _in_dateline(text, d):
            continue  # the article's own date (a dateline, "May 26 (UPI) --"), not an event
        start, end, direction = d.start, d.end, "same"
        if d.year is None:
            if d.day is None:  # a month alone: only "يونيو الماضي", "last June"
                after = _AR_RELATIVE.match(text, end)
                before = _EN_RELATIVE.search(text, max(0, start - 20), start)
                if after is None and before is None:
                    continue
                if after is not None:
                    end, direction = after.end(), _direction(after.group("w"))
                else:
                    start, direction = before.start(), _direction(before.group("w"))
                rule = "month_relative"
            else:
                after = _AR_RELATIVE.match(text, end)
                if after is not None:
                    end, direction = after.end(), _direction(after.group("w"))
                rule = "day_month"
            year = _in_year_of(d, article_date, direction) if article_date else None
            inferred = year is not None
        else:
            year, inferred = d.year, False
            rule = "day_month_year" if d.day else "month_year" if d.month else "year"
        iso = f"{year:04d}" if year is not None else "-"
        if d.month:
            iso += f"-{d.month:02d}"
        if d.day:
            iso += f"-{d.day:02d}"
        rows.append({"start": start, "end": end, "surface": text[start:end], "year": year, "month": d.month,
                     "day": d.day, "precision": d.precision, "date": iso, "year_inferred": inferred, "rule": rule})
    return rows


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
    precision: "2020-10-23", "2020-10", "2020", "--10-23"), year_inferred, rule (day_month_year |
    day_month | month_year | month_relative | year).

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "date": [pd.Timestamp("2015-07-21")],
    ...                      "text": ["وقع في 20 يونيو الماضي، بعد اتفاق عام 2011."]})
    >>> extract_dates(arts, progress=False)[["surface", "date", "rule"]].values.tolist()
    [['20 يونيو الماضي', '2015-06-20', 'day_month'], ['عام 2011', '2011', 'year']]
    """
    import pandas as pd

    from .corpus import rows_per_article

    rows = rows_per_article(articles[["article_id", "date", "text"]], dates_in, desc="dates", progress=progress)
    return pd.DataFrame(rows, columns=DATE_COLUMNS).astype({"start": "int64", "end": "int64", "year": "Int64",
                                                            "month": "Int64", "day": "Int64"})
