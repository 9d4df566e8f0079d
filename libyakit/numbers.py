"""Amounts in Arabic and English news: figures, number words and vague quantities.

Each amount found is a :class:`Quantity` with its offsets, a numeric
``low``/``high`` and a ``qualifier``:

========== ===================================== ==========================
qualifier  examples                              low, high
========== ===================================== ==========================
exact      10, 1,300, ١٠, "20 ألفاً", a thousand N, N
approx     some 20,000; about; نحو، حوالي، قرابة  N, N
more_than  more than 5,000; أكثر من              N, NaN
less_than  fewer than 300; أقل من                NaN, N
range      between 800 and 1,200; 2,000 to 3,000;   A, B
           بين 800 و1200
vague      several thousand; آلاف عدة; thousands  the range in VAGUE below
========== ===================================== ==========================

Number words: English and Arabic units, tens and hundreds (ثلاثمئة or ثلاث
مئة) with their scale words, Arabic duals (ألفين), and Arabic compounds joined
by و ("ثلاثة آلاف وخمسمائة" is 3,500, "خمسة وعشرون" is 25).

Vague amounts get a documented numeric range, so that a chart can show them
as intervals rather than drop them. Arabic-Indic digits (٠–٩, ۰–۹) and
separators (٬ ٫) are read as their ASCII counterparts.

>>> [(q.surface, q.low, q.high, q.qualifier) for q in find_quantities("قدرت بنحو 20 ألفاً و أكثر من ٥٠٠٠ مرتزق")]
[('بنحو 20 ألفاً', 20000.0, 20000.0, 'approx'), ('أكثر من ٥٠٠٠', 5000.0, nan, 'more_than')]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import regex

from .arabic import NON_ASCII_DIGIT as _NON_ASCII_DIGIT
from .arabic import NUMERALS as _DIGITS
from .document import Span

__all__ = ["Quantity", "find_quantities", "VAGUE"]

NAN = math.nan

# Vague amounts -> (low, high). "Several"/عدة/بضعة is 3-9 in Arabic usage and
# in most English style guides; a plural "thousands"/آلاف is at least two.
VAGUE = {
    "several thousand": (3000, 9000),
    "a few thousand": (2000, 5000),
    "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
    "several hundred": (300, 900),
    "a few hundred": (200, 500),
    "hundreds": (200, 999),
    "dozens": (24, 99),
    "scores": (40, 99),  # "scores of fighters": many twenties
    "1000's": (2000, 9999),  # "1000's of Syrian mercenaries": thousands, written in digits
    "1000s": (2000, 9999),
    "100's": (200, 999),
    "100s": (200, 999),
    "a few dozen": (24, 60),
    "several dozen": (36, 99),
    "آلاف عدة": (3000, 9000),
    "عدة آلاف": (3000, 9000),
    "بضعة آلاف": (3000, 9000),
    "بضع آلاف": (3000, 9000),
    "آلاف": (3000, 10000),  # Arabic plural آلاف: 3-10 thousand
    "آلافا": (3000, 10000),  # (accusative, آلافًا without its tanween)
    "آلافا عدة": (3000, 9000),
    "عشرات الآلاف": (30000, 99999),
    "مئات الآلاف": (300000, 999999),
    # the definite plurals ("الآلاف من المرتزقة", "المئات من المقاتلين") are as vague
    "الآلاف": (3000, 10000),
    "المئات": (300, 999),
    "العشرات": (30, 99),
    "مئات": (300, 999),
    "عشرات": (30, 99),
}

_EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}
_EN_WORDS = {
    **_EN_UNITS, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, **_EN_TENS, "a": 1, "an": 1,
    # "twenty-five" (so that "twenty-five hundred" is 2,500, not 20)
    **{f"{t}-{u}": tv + uv for t, tv in _EN_TENS.items() for u, uv in _EN_UNITS.items()},
}
_AR_WORDS = {
    "واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5,
    "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9,
    "عشرة": 10, "عشر": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "أربعين": 40,
    "أربعون": 40, "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70,
    "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90,
    # hundreds are written as one word (ثلاثمئة) as often as two (ثلاث مئة, read by scale below)
    **{unit + hundred: n * 100
       for unit, n in (("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("ثماني", 8),
                       ("تسع", 9))
       for hundred in ("مئة", "مائة")},
}
_EN_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}  # "two dozen" is 24
_AR_SCALE = {
    "مئة": 100, "مائة": 100, "ألف": 1000, "ألفا": 1000, "آلاف": 1000, "ألوف": 1000,
    "الف": 1000, "الفا": 1000, "الاف": 1000,  # written without the hamza ("150 الف")
    "مليون": 1_000_000, "ملايين": 1_000_000,
}
_AR_DUAL = {"ألفين": 2000, "ألفان": 2000, "ألفي": 2000, "مئتين": 200, "مئتي": 200, "مائتين": 200, "مائتي": 200}


_M = r"\p{M}*"  # optional diacritics (ألفاً)
# thousands grouped by commas, or by a space as in French and SI style ("5 000", "5\u202f000")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:\.\d+)?"
_EN_WORD = "|".join(sorted(_EN_WORDS, key=len, reverse=True))
_AR_WORD = "|".join(sorted(_AR_WORDS, key=len, reverse=True))
_EN_SCALE_RE = "|".join(_EN_SCALE)
_AR_SCALE_RE = "|".join(sorted((k + _M for k in _AR_SCALE), key=len, reverse=True))
_AR_DUAL_RE = "|".join(sorted(_AR_DUAL, key=len, reverse=True))

# the words an Arabic amount in words can start with
_AR_FIRST_WORDS = (*_AR_WORDS, *_AR_DUAL, "ألف", "مئة", "مائة")
_AR_START = "(?:" + "|".join(sorted(_AR_FIRST_WORDS, key=len, reverse=True)) + ")"
_NUMBER = (
    rf"(?:(?:{_NUM})(?:\s*(?:{_AR_SCALE_RE})(?!\p{{L}})|\s+(?:{_EN_SCALE_RE}))?"
    rf"|(?:half\s+a|{_EN_WORD})\s+(?:{_EN_SCALE_RE})|(?:{_AR_WORD})\s+(?:{_AR_SCALE_RE})|(?:{_AR_DUAL_RE})"
    rf"|(?:ألف(?:{_M}ا)?|مئة|مائة){_M}(?!\p{{L}})|(?:{_EN_WORD})|(?:{_AR_WORD}))"
)

_EN_QUAL = {
    # ("no fewer than 500" is at least 500, "no more than" at most)
    "more_than": ["more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than",
                  "not fewer than", "not less than"],
    "less_than": ["less than", "fewer than", "under", "up to", "at most", "no more than", "not more than"],
    "approx": ["about", "some", "around", "approximately", "roughly", "nearly", "almost",
               "an estimated", "estimated", "close to", "as many as"],
}
_AR_QUAL = {
    "more_than": ["أكثر من", "ما يزيد على", "ما يزيد عن", "أزيد من", "ما لا يقل عن", "لا يقل عن"],
    "less_than": ["أقل من", "ما لا يزيد على", "ما لا يزيد عن", "ما يصل إلى", "ما يصل الى"],
    "approx": ["نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "ما يقرب من", "تقريبا"],
}


def _qual_re(table, prefix="", tag=""):
    alts = sorted(((p, q) for q, ps in table.items() for p in ps), key=lambda x: -len(x[0]))
    return "|".join(f"(?P<{q}_{tag}{i}>{prefix}{regex.escape(p)})" for i, (p, q) in enumerate(alts))


_EN_VAGUE = "|".join(regex.escape(k) for k in sorted(VAGUE, key=len, reverse=True) if k.isascii())
_AR_VAGUE = "|".join(regex.escape(k) for k in sorted(VAGUE, key=len, reverse=True) if not k.isascii())

_PATTERN = regex.compile(
    rf"""
    (?:(?<![\p{{L}}\p{{N}}])|(?<=(?<![\p{{L}}\p{{N}}])و)(?=\d|{_AR_START}))  # "و3 قواعد", "وخمسة آلاف": و joins an amount to what came before
    (?<!\p{{L}}-)  # not a model number: MiG-29, F-16, ميغ-29
    (?<!\d[-–/.])  # nor the middle of a date: "2020-10-23", "25-10-2020"
    (?:
        (?:between|from|بين|من)\s+(?P<ra>{_NUMBER})\s*(?:and\s|to\s|و|إلى\s|[-–—])\s*(?P<rb>{_NUMBER})
      | (?P<vague>{_EN_VAGUE}|(?:و)?(?:{_AR_VAGUE}))
      | (?:(?:{_qual_re(_EN_QUAL)}|{_qual_re(_AR_QUAL, "(?:و|ب|وب)?", "ar")})\s+)?(?P<num>{_NUMBER})
        (?:\s+(?:to|إلى)\s+(?P<rb2>{_NUMBER})  # "2,000 to 3,000 troops", "نحو ألفين إلى ثلاثة آلاف": a range
           |\s*[-–—]\s*(?P<rb3>{_NUM})(?![-–/]\d))?  # "300-400", "1,000–2,000" (not a date: "2020-10-23")
    )
    (?![\p{{L}}\p{{N}}]|-(?!strong)\p{{L}})  # (not "one-third", "20-year-old"; but "a 2,000-strong force")
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


# An Arabic number in words goes on with و: "مئة وخمسون" (150), "ثلاثة آلاف وخمسمائة" (3,500),
# "خمسة وعشرون" (25: the unit comes before the ten).
_AR_AND_WORD = regex.compile(
    rf"\s*و\s?(?P<w>(?:{_AR_WORD})(?:\s+(?:{_AR_SCALE_RE}))?|{_AR_DUAL_RE}|(?:مئة|مائة|ألف){_M})(?![\p{{L}}\p{{N}}])"
)
_AR_TENS = frozenset(range(20, 100, 10))
# a noun right after a bare ألفا makes it the dual in construct, two thousand ("ألفا مقاتل")
_CONSTRUCT_NOUN = regex.compile(r"\s+(?!(?:من|في|على|عن|إلى|الى|مع|و)(?!\p{L}))\p{L}")


# "17 ألفاً و300", "14 ألفا و700": thousands in digits and a scale word, then the rest in digits
_AR_AND_DIGITS = regex.compile(
    rf"\s*و\s?(?P<d>\d{{1,3}})(?:\s*(?P<s>{_AR_SCALE_RE}))?(?![\p{{N}}]|,\d|\.\d|\s*{_AR_DUAL_RE})")


def _and_digits(text: str, expr: str, end: int, value: float) -> tuple[int, float]:
    """A number ending in a scale word goes on with و and fewer than that scale in digits: "17 ألفاً
    و300" is 17,300 (read as 300 before, which looked right and was not), "2 مليون و500 ألف" 2,500,000."""
    base, scale = _scale_of(expr)
    if scale < 1000 or base is None:
        return end, value
    m = _AR_AND_DIGITS.match(text, end)
    if m is None:
        return end, value
    part = _value(m.group()[m.start("d") - m.start():].strip()) if m.group("s") else float(m.group("d"))
    if part is None or part >= scale or (m.group("s") and _scale_of(m.group("s"))[1] >= scale):
        return end, value  # "5 آلاف و12 ألف": a second amount, not a part of the first
    return m.end(), value + part


def _ar_compound(text: str, end: int, value: float) -> tuple[int, float]:
    """Extend an Arabic number in words over its و-joined parts: (new end, value)."""
    last = value
    while True:
        m = _AR_AND_WORD.match(text, end)
        if m is None:
            return end, value
        v = _value(m.group("w"))
        # each part smaller than the one before (مئة وخمسون), or a ten after a unit (خمسة وعشرون);
        # anything else is a second number ("ألف وألفان")
        if v is None or not (v < last or (last < 10 and v in _AR_TENS)):
            return end, value
        end, value, last = m.end(), value + v, v


@dataclass(frozen=True)
class Quantity(Span):
    start: int
    end: int
    surface: str
    low: float
    high: float
    qualifier: str


def _value(expr: str) -> float | None:
    """Numeric value of one number expression (digits already ASCII)."""
    s = regex.sub(r"\p{M}", "", expr.strip()).lower()
    m = regex.match(rf"({_NUM})\s*(.*)$", s)
    if m:
        base = float(regex.sub(r"[,\s]", "", m.group(1)))
        scale = m.group(2).strip()
    else:
        half = regex.match(r"half\s+(?=a\s)", s)  # "half a dozen", "half a million"
        parts = s[half.end() if half else 0:].split(None, 1)
        if s in _AR_DUAL:
            return float(_AR_DUAL[s])
        if parts[0] in ("ألف", "ألفا", "مئة", "مائة") and len(parts) == 1:
            return float(_AR_SCALE[parts[0]])
        words = {**_EN_WORDS, **_AR_WORDS}
        if parts[0] not in words:
            return None
        base = float(words[parts[0]]) * (0.5 if half else 1.0)
        scale = parts[1] if len(parts) > 1 else ""
        if parts[0] in ("a", "an") and not scale:
            return None  # "a" alone is not a number
    if scale:
        factor = _EN_SCALE.get(scale) or _AR_SCALE.get(scale)
        if factor is None:
            return None
        base *= factor
    return base


def _scale_of(expr: str) -> tuple[float | None, float]:
    """(the number before the scale word, the scale) of an expression: "40 ألف" -> (40, 1000)."""
    s = regex.sub(r"\p{M}", "", expr.strip()).lower()
    m = regex.match(rf"({_NUM}|\S+)\s+(\S+)$", s) or regex.match(rf"({_NUM})\s*(\D\S*)$", s)
    if m is None:
        return _value(s), 1.0
    factor = _EN_SCALE.get(m.group(2)) or _AR_SCALE.get(m.group(2))
    return (_value(m.group(1)), float(factor)) if factor else (_value(s), 1.0)


def _starters() -> "re.Pattern":
    """Where an amount can start: a digit, or the first word of a number word, qualifier, range or
    vague amount (with و/ب before it). Trying _PATTERN only there, rather than at every word,
    gives the same matches several times faster (tests/test_numbers.py checks they agree)."""
    import re

    words = {*_EN_WORDS, *_AR_FIRST_WORDS, "ألفا", "half", "between", "from", "بين", "من"}
    words |= {p.split()[0] for table in (_EN_QUAL, _AR_QUAL) for ps in table.values() for p in ps}
    words |= {k.split()[0] for k in VAGUE}
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:وب|و|ب)?(?:\d|(?:{alts})(?![^\W\d_]))", re.IGNORECASE)


_STARTERS = _starters()


def _matches(ascii_text: str):
    """The matches of _PATTERN in ``ascii_text``, as finditer would give them."""
    pos = 0
    for s in _STARTERS.finditer(ascii_text):
        for start in range(max(s.start(), pos), s.start() + 3):  # at the starter, or after its و/ب
            m = _PATTERN.match(ascii_text, start)
            if m is not None and m.end() > m.start():
                yield m
                pos = m.end()
                break


def find_quantities(text: str) -> list[Quantity]:
    """Every amount in ``text``, left to right, with offsets into ``text``."""
    ascii_text = text.translate(_DIGITS) if _NON_ASCII_DIGIT.search(text) else text  # same length: offsets carry over
    out = []
    for m in _matches(ascii_text):
        if out and m.start() < out[-1].end:
            continue  # inside the compound before ("مئة وخمسين")
        g = m.groupdict()
        end = m.end()
        if g.get("rb3"):
            a, b = _value(g["num"]), _value(g["rb3"])
            if a is None or b is None or a >= b or (a >= 1900 and b <= 2100):
                continue  # a hyphen between two numbers that are no range: "2019-2020", "25-10"
            low, high, qual = a, b, "range"
        elif g.get("ra") or g.get("rb2"):
            a, b = _value(g["ra"] or g["num"]), _value(g["rb"] or g["rb2"])
            if a is None or b is None:
                continue
            # "بين 30 و40 ألفا", "between three and five thousand": one scale word for both
            a_scale, (b_base, b_scale) = _scale_of(g["ra"] or g["num"])[1], _scale_of(g["rb"] or g["rb2"])
            if a_scale == 1 and b_scale > 1 and b_base is not None and a < b_base:
                a *= b_scale
            low, high, qual = min(a, b), max(a, b), "range"
        elif g.get("vague"):
            key = g["vague"].lower()
            key = key[1:] if key.startswith("و") and key[1:] in VAGUE else key
            low, high = VAGUE[key]
            qual = "vague"
        else:
            v = _value(g["num"])
            if v is None:
                continue
            if not g["num"][:1].isdigit():
                end, v = _ar_compound(ascii_text, end, v)
                if g["num"] in ("ألفا", "الفا") and _CONSTRUCT_NOUN.match(ascii_text, end):
                    v = 2000.0  # the dual before its noun: "ألفا مقاتل" (not ألفاً, nor "ألفا من")
            end, v = _and_digits(ascii_text, ascii_text[m.start("num"):end], end, v)
            qual = next((k.rsplit("_", 1)[0] for k, val in g.items()
                         if val and k.split("_")[0] in ("more", "less", "approx")), "exact")
            low, high = {"more_than": (v, NAN), "less_than": (NAN, v)}.get(qual, (v, v))
        out.append(Quantity(m.start(), end, text[m.start():end], float(low), float(high), qual))
    return out
