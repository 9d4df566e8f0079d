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
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from .arabic import NON_ASCII_DIGIT as _NON_ASCII_DIGIT
from .arabic import NUMERALS as _DIGITS
from .document import Span
from .lexicon import amount_qualifiers, number_words, vague_amounts
from .regex_gate import WordFinder, lowered

__all__ = ["Quantity", "find_quantities", "VAGUE"]

NAN = math.nan

_M = r"\p{M}*"  # optional diacritics (ألفاً)
# thousands grouped by commas, or by a space as in French and SI style ("5 000", "5\u202f000")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:\.\d+)?"


def _qual_re(table, prefix="", tag=""):
    alts = sorted(((p, q) for q, ps in table.items() for p in ps), key=lambda x: -len(x[0]))
    return "|".join(f"(?P<{q}_{tag}{i}>{prefix}{regex.escape(p)})" for i, (p, q) in enumerate(alts))





# An Arabic number in words goes on with و: "مئة وخمسون" (150), "ثلاثة آلاف وخمسمائة" (3,500),
# "خمسة وعشرون" (25: the unit comes before the ten).
_AR_TENS = frozenset(range(20, 100, 10))
# a noun right after a bare ألفا makes it the dual in construct, two thousand ("ألفا مقاتل")
_CONSTRUCT_NOUN = regex.compile(r"\s+(?!(?:من|في|على|عن|إلى|الى|مع|و)(?!\p{L}))\p{L}")


# "17 ألفاً و300", "14 ألفا و700": thousands in digits and a scale word, then the rest in digits



def _and_digits(text: str, expr: str, end: int, value: float) -> tuple[int, float]:
    """A number ending in a scale word goes on with و and fewer than that scale in digits: "17 ألفاً
    و300" is 17,300 (read as 300 before, which looked right and was not), "2 مليون و500 ألف" 2,500,000."""
    compound = " و" in expr  # (a compound in words: "ثلاثة وعشرين ألفا", its scale its last word)
    base, scale = _scale_of(" ".join(expr.split()[-2:]) if compound else expr)
    if scale < 1000 or (base is None and not compound):
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
        base, scale = _scale_of(m.group("w"))
        if scale >= 1000 and base is not None and value + base < 1000:
            # a scale word after the last part counts the whole number: "ثلاثة وعشرين ألف" is 23,000 (read
            # as 3 and 20,000 before), "مئة وخمسون ألفا" 150,000, "مئة وخمسة وعشرين ألفا" 125,000
            return _ar_compound(text, m.end(), (value + base) * scale)
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


_MARKS = regex.compile(r"\p{M}")
_NUM_THEN = regex.compile(rf"({_NUM})\s*(.*)$")
_SEPARATORS = regex.compile(r"[,\s]")
_HALF = regex.compile(r"half\s+(?=a\s)")  # "half a dozen", "half a million"
_WORD_SCALE = regex.compile(rf"({_NUM}|\S+)\s+(\S+)$")
_NUM_SCALE = regex.compile(rf"({_NUM})\s*(\D\S*)$")


@lru_cache(maxsize=4096)  # (the same figures recur: cleared when the vocabulary is rebuilt)
def _value(expr: str) -> float | None:
    """Numeric value of one number expression (digits already ASCII)."""
    s = _MARKS.sub("", expr.strip()).lower()
    m = _NUM_THEN.match(s)
    if m:
        base = float(_SEPARATORS.sub("", m.group(1)))
        scale = m.group(2).strip()
    else:
        half = _HALF.match(s)  # "half a dozen", "half a million"
        parts = s[half.end() if half else 0:].split(None, 1)
        if s in _AR_DUAL:
            return float(_AR_DUAL[s])
        if parts[0] in _AR_ALONE and len(parts) == 1:
            return float(_AR_SCALE[parts[0]])
        if parts[0] not in _NUMBER_WORDS:
            return None
        base = float(_NUMBER_WORDS[parts[0]]) * (0.5 if half else 1.0)
        scale = parts[1] if len(parts) > 1 else ""
        if parts[0] in ("a", "an") and not scale:
            return None  # "a" alone is not a number
    if scale:
        factor = _EN_SCALE.get(scale) or _AR_SCALE.get(scale)
        if factor is None:
            return None
        base *= factor
    return base


@lru_cache(maxsize=4096)
def _scale_of(expr: str) -> tuple[float | None, float]:
    """(the number before the scale word, the scale) of an expression: "40 ألف" -> (40, 1000)."""
    s = _MARKS.sub("", expr.strip()).lower()
    m = _WORD_SCALE.match(s) or _NUM_SCALE.match(s)
    if m is None:
        return _value(s), 1.0
    factor = _EN_SCALE.get(m.group(2)) or _AR_SCALE.get(m.group(2))
    return (_value(m.group(1)), float(factor)) if factor else (_value(s), 1.0)




def _starters() -> dict:
    """Where an amount can start: a digit, or the first word of a number word, qualifier, range or
    vague amount (with و/ب before it). Trying _PATTERN only there, rather than at every word,
    gives the same matches several times faster (tests/test_numbers.py checks they agree).

    A run of letters -> ``True`` (a start) or the patterns one of which must follow it: a word that
    only opens a longer phrase is a start only where the phrase goes on ("ما" before "يزيد على"),
    "from"/من only before a number ("من 300 إلى 400"; من is among the commonest Arabic words, and
    most of them open no amount)."""
    single = {*_EN_WORDS, *_AR_FIRST_WORDS, *_AR_CONSTRUCT, "half"}
    phrases = [p for table in (_EN_QUAL, _AR_QUAL) for ps in table.values() for p in ps] + list(VAGUE)
    number_first = "|".join(re.escape(w) for w in sorted(single, key=len, reverse=True))
    single |= {p for p in phrases if " " not in p}
    rests: dict[str, set[str]] = {}
    for p in phrases:
        if " " in p:
            first, rest = p.split(" ", 1)
            rests.setdefault(first, set()).add(r"\s+" + r"\s+".join(re.escape(w) for w in rest.split()))
    for w in ("between", "from", "بين", "من"):  # a range: "between 800 and 1,200", "من 300 إلى 400"
        rests.setdefault(w, set()).add(rf"\s+(?:\d|{number_first})")
    out: dict = {}
    for prefix in ("", "و", "ب", "وب"):
        for w in single:
            run = _LETTERS.match(w)
            if run is not None:  # ("twenty-five" starts with the run "twenty", a start of its own)
                out[prefix + run.group().lower()] = True
    after: dict[str, set[str]] = {}
    for prefix in ("", "و", "ب", "وب"):
        for w, r in rests.items():
            if w not in single and prefix + w not in out:
                after.setdefault(prefix + w, set()).update(r)
    out.update({run: re.compile("|".join(r), re.IGNORECASE) for run, r in after.items()})
    return out


_LETTERS = re.compile(r"[^\W\d_]+")


# a digit after no letter or digit, or a run و/ب/وب (and a ـ: "بـ23") written onto one ("و3 قواعد");
# (?=...) lets most characters fail at once (the other starts are words of _STARTS)
_DIGIT_START = re.compile(r"(?=[\dوب])(?<![^\W_])(?:(?:وب|و|ب)ـ*)?\d")


def _starter_positions(text: str) -> list[int]:
    """Where an amount may start in ``text``, left to right (see :func:`_starters`): a digit after
    no letter or digit (or و/ب before it), or a word of ``_STARTS`` after no digit, found in one
    pass (:class:`~libyakit.regex_gate.WordFinder`), where what must follow it does."""
    out = [m.start() for m in _DIGIT_START.finditer(text)]
    words = []
    for a, b in _START_WORDS.finditer(lowered(text)):
        if a and text[a - 1].isdecimal():
            continue  # (a run of letters straight after a digit starts no token: "3rd")
        run = text[a:b]
        start = _STARTS.get(run.lower() if run.isascii() else run)  # (the keys: English lower case, or Arabic)
        if start is True or (start is not None and start.match(text, b)):
            words.append(a)
    if words:
        out = sorted(set(out).union(words)) if out else words  # (و before a digit may be a word of _STARTS too)
    return out


def _matches(ascii_text: str):
    """The matches of _PATTERN in ``ascii_text``, as finditer would give them."""
    pos = 0
    for s in _starter_positions(ascii_text):
        for start in range(max(s, pos), s + 4):  # at the starter, or after its و/ب (and a ـ: "وبـ500")
            m = _PATTERN.match(ascii_text, start)
            if m is not None and m.end() > m.start():
                yield m
                pos = m.end()
                break


_BUILT: tuple = (None, None, None)


def _vocabulary() -> None:
    """(Re)build the words and patterns made from number_words.csv, vague_amounts.csv and
    amount_qualifiers.csv when the tables were (re)loaded: once per process, again after their
    caches are cleared (another data directory, :func:`libyakit.use_data_dir`)."""
    global _BUILT, VAGUE, _AR_ALONE, _AR_ALONE_RE, _AR_AND_DIGITS, _AR_AND_WORD, _AR_CONSTRUCT, _AR_DUAL
    global _AR_DUAL_RE, _AR_FIRST_WORDS, _AR_QUAL, _AR_SCALE, _AR_SCALE_RE, _AR_START, _AR_VAGUE, _AR_WORD
    global _AR_WORDS, _EN_QUAL, _EN_SCALE, _EN_SCALE_RE, _EN_TENS, _EN_UNITS, _EN_VAGUE, _EN_WORD, _EN_WORDS
    global _NUMBER, _NUMBER_WORDS, _PATTERN, _STARTS, _START_WORDS, _WORDS
    tables = (number_words(), vague_amounts(), amount_qualifiers())
    if tables[0] is _BUILT[0] and tables[1] is _BUILT[1] and tables[2] is _BUILT[2]:
        return
    # The words amounts are written with are data. Vague amounts -> (low, high): "several"/عدة/بضعة is
    # 3-9 in Arabic usage and in most English style guides; a plural "thousands"/آلاف is at least two.
    VAGUE = tables[1]

    _WORDS = tables[0]
    _EN_UNITS = {w.form: w.value for w in _WORDS if w.lang == "en" and w.kind == "unit"}
    _EN_TENS = {w.form: w.value for w in _WORDS if w.lang == "en" and w.kind == "ten"}
    _EN_WORDS = {
        **{w.form: w.value for w in _WORDS if w.lang == "en" and w.kind in ("unit", "ten", "word")},
        # "twenty-five" (so that "twenty-five hundred" is 2,500, not 20)
        **{f"{t}-{u}": tv + uv for t, tv in _EN_TENS.items() for u, uv in _EN_UNITS.items()},
    }
    _AR_WORDS = {w.form: w.value for w in _WORDS if w.lang == "ar" and w.kind in ("unit", "ten", "word")}
    _NUMBER_WORDS = {**_EN_WORDS, **_AR_WORDS}
    _EN_SCALE = {w.form: w.value for w in _WORDS if w.lang == "en" and w.kind == "scale"}
    _AR_SCALE = {w.form: w.value for w in _WORDS if w.lang == "ar" and w.kind == "scale"}
    _AR_DUAL = {w.form: w.value for w in _WORDS if w.lang == "ar" and w.kind == "dual"}
    _AR_ALONE = tuple(w.form for w in _WORDS if w.lang == "ar" and w.alone)  # ألف، مئة: a number by themselves
    # a bare thousand ending in ا before a noun is the dual in construct ("ألفا مقاتل")
    _AR_CONSTRUCT = frozenset(f for f, v in _AR_SCALE.items() if v == 1000 and f.endswith("ا"))
    _EN_WORD = "|".join(sorted(_EN_WORDS, key=len, reverse=True))
    _AR_WORD = "|".join(sorted(_AR_WORDS, key=len, reverse=True))
    _EN_SCALE_RE = "|".join(_EN_SCALE)
    _AR_SCALE_RE = "|".join(sorted((k + _M for k in _AR_SCALE), key=len, reverse=True))
    _AR_DUAL_RE = "|".join(sorted(_AR_DUAL, key=len, reverse=True))
    _AR_ALONE_RE = "|".join(_M.join(f) for f in sorted(_AR_ALONE, key=len, reverse=True))  # (marks anywhere: ألفًا)

    # the words an Arabic amount in words can start with
    _AR_FIRST_WORDS = (*_AR_WORDS, *_AR_DUAL, *_AR_ALONE)
    _AR_START = "(?:" + "|".join(sorted(_AR_FIRST_WORDS, key=len, reverse=True)) + ")"
    _NUMBER = (
        rf"(?:(?:{_NUM})(?:\s*(?:{_AR_SCALE_RE})(?!\p{{L}})|\s+(?:{_EN_SCALE_RE}))?"
        rf"|(?:half\s+a|{_EN_WORD})\s+(?:{_EN_SCALE_RE})|(?:{_AR_WORD})\s+(?:{_AR_SCALE_RE})|(?:{_AR_DUAL_RE})"
        rf"|(?:{_AR_ALONE_RE}){_M}(?!\p{{L}})|(?:{_EN_WORD})|(?:{_AR_WORD}))"
    )

    _EN_QUAL = tables[2]["en"]  # ("no fewer than 500" is at least 500, "no more than" at most)
    _AR_QUAL = tables[2]["ar"]
    _EN_VAGUE = "|".join(regex.escape(k) for k in sorted(VAGUE, key=len, reverse=True) if k.isascii())
    _AR_VAGUE = "|".join(regex.escape(k) for k in sorted(VAGUE, key=len, reverse=True) if not k.isascii())

    _PATTERN = regex.compile(
        rf"""
        (?:(?<![\p{{L}}\p{{N}}])|(?<=(?<![\p{{L}}\p{{N}}])(?:و|ب|وب)ـ?)(?=\d|{_AR_START}|(?:{_AR_VAGUE})(?![\p{{L}}])))  # "و3 قواعد", "وخمسة آلاف": و joins an amount to what came before; ب holds it ("بـ23 ألفا", "بثلاثة آلاف", "بالمئات")
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
    _AR_AND_WORD = regex.compile(
        rf"\s*و\s?(?P<w>(?:{_AR_WORD})(?:\s+(?:{_AR_SCALE_RE}))?|{_AR_DUAL_RE}|(?:{_AR_ALONE_RE}){_M})(?![\p{{L}}\p{{N}}])"
    )
    _AR_AND_DIGITS = regex.compile(
        rf"\s*و\s?(?P<d>\d{{1,3}})(?:\s*(?P<s>{_AR_SCALE_RE}))?(?![\p{{N}}]|,\d|\.\d|\s*{_AR_DUAL_RE})")
    _STARTS = _starters()
    _value.cache_clear()
    _scale_of.cache_clear()
    _START_WORDS = WordFinder(lowered(w) for w in _STARTS)
    _BUILT = tables


_vocabulary()


def _qualifier(m) -> str:
    """The qualifier of an amount matched by _PATTERN's third branch: the name of the qualifier's
    group ("more_than_3" -> more_than), "exact" where none stands before the number."""
    if m.start("num") == m.start():
        return "exact"
    return next((k.rsplit("_", 1)[0] for k, val in m.groupdict().items()
                 if val and k.split("_")[0] in ("more", "less", "approx")), "exact")


def find_quantities(text: str) -> list[Quantity]:
    """Every amount in ``text``, left to right, with offsets into ``text``."""
    _vocabulary()
    ascii_text = text.translate(_DIGITS) if _NON_ASCII_DIGIT.search(text) else text  # same length: offsets carry over
    out = []
    for m in _matches(ascii_text):
        if out and m.start() < out[-1].end:
            continue  # inside the compound before ("مئة وخمسين")
        # (the groups read by name: a groupdict of every qualifier's group costs more than the rest)
        num, ra, rb, rb2, rb3, vague = m.group("num", "ra", "rb", "rb2", "rb3", "vague")
        end = m.end()
        if rb3:
            a, b = _value(num), _value(rb3)
            if a is None or b is None or a >= b or (a >= 1900 and b <= 2100):
                continue  # a hyphen between two numbers that are no range: "2019-2020", "25-10"
            low, high, qual = a, b, "range"
        elif ra or rb2:
            a, b = _value(ra or num), _value(rb or rb2)
            if a is None or b is None:
                continue
            # "بين 30 و40 ألفا", "between three and five thousand": one scale word for both
            a_scale, (b_base, b_scale) = _scale_of(ra or num)[1], _scale_of(rb or rb2)
            if a_scale == 1 and b_scale > 1 and b_base is not None and a < b_base:
                a *= b_scale
            low, high, qual = min(a, b), max(a, b), "range"
        elif vague:
            key = vague.lower()
            key = key[1:] if key.startswith("و") and key[1:] in VAGUE else key
            low, high = VAGUE[key]
            qual = "vague"
        else:
            v = _value(num)
            if v is None:
                continue
            if not num[:1].isdigit():
                end, v = _ar_compound(ascii_text, end, v)
                if num in _AR_CONSTRUCT and _CONSTRUCT_NOUN.match(ascii_text, end):
                    v = 2000.0  # the dual before its noun: "ألفا مقاتل" (not ألفاً, nor "ألفا من")
            end, v = _and_digits(ascii_text, ascii_text[m.start("num"):end], end, v)
            qual = _qualifier(m)
            low, high = {"more_than": (v, NAN), "less_than": (NAN, v)}.get(qual, (v, v))
        out.append(Quantity(m.start(), end, text[m.start():end], float(low), float(high), qual))
    return out
