"""Foreign-force claims: who has how many troops, mercenaries, fighters or bases in Libya.

A claim is an amount (:mod:`libyakit.numbers`) close to a force noun
(mercenaries, troops, fighters, bases, trainers; مرتزقة، قوات، جنود، مقاتلين،
عناصر، قواعد، مدربين) in one sentence. "Contractors" count as mercenaries when
military ("private military contractors") or of an armed group ("Wagner
contractors"). A four-digit amount that reads as a year ("since late 2019",
"منذ 2019", or with its noun only before it) is not a claim. Around it:

* **origins** — the foreign states and armed groups named in the claim's
  clause: first after the amount ("from Syria and Sudan", "المرتزقة
  السوريين"), else before it ("the Wagner Group ... had provided ... 800 to
  1,200"). Libyan actors (``libyan`` in the gazetteer) are never origins; an
  armed group named with its state ("Wagner, a Russian company") is the
  origin on its own. Empty means foreign forces in general.
* **attributed_to** — who gives the figure, where a reporting cue says so
  (said, estimates, according to; قال، قدرت، أحصت، بحسب، وفق): the actor id,
  or a plain label for unnamed sources ("diplomat", "experts"). Each claim
  takes the cue nearest to it; a cue's source is named in its own clause
  ("According to the Syrian Observatory, Turkey sent ..." is the Observatory,
  never Turkey), and an unnamed source followed by a person's name is that
  person ("المتحدث باسم قوات الوفاق محمد قنونو"). Empty when the nearest cue
  names no one the gazetteer or the labels know.

Claims about Libyan forces ("1300 جندي ليبي") and amounts that are not about
forces (dates, members, kilometres) are left out. Known limits: one force
type per claim (the first noun: "troops and mercenaries" is troops), and an
amount listed without its noun ("... and a thousand from Chad") takes the
noun of the claim before it in the same sentence.
"""

from __future__ import annotations


import re
from functools import lru_cache

import regex

from .actors import mentions_in
from .dates import MONTHS
from .gazetteer import actor_info
from .numbers import find_quantities
from .sentences import sentence_spans, within

__all__ = ["extract_forces", "FORCE_COLUMNS", "claims_in"]

FORCE_COLUMNS = ["article_id", "origins", "force_type", "low", "high", "qualifier", "attributed_to",
                 "amount", "start", "end", "surface", "sentence"]

_M = "[\u064b-\u065f\u0670]*"  # optional harakat (stdlib re has no \\p{M})
_AR_PREFIX = r"(?:و|ف|ب|ل|ك)?(?:ال|ل)?"
# force noun -> force_type; Arabic stems take clitics and plural endings.
_NOUNS = [
    ("mercenaries", r"mercenar(?:y|ies)"),
    ("mercenaries", _AR_PREFIX + rf"مرتزق{_M}(?:ة|ين|ون)?"),
    ("fighters", r"fighters?(?!\s+(?:jets?|aircraft|planes?|bombers?|squadrons?|pilots?))|combatants?|militants?"),
    ("fighters", _AR_PREFIX + rf"مقاتل{_M}(?:ين|ون|ا|ًا|اً)?"),
    ("bases", r"(?:military\s+)?bases?"),
    ("bases", _AR_PREFIX + r"(?:قواعد|قاعدة)"),
    ("trainers", r"trainers?|instructors?|(?:military\s+)?advisers?|advisors?"),
    ("trainers", _AR_PREFIX + r"(?:مدرب(?:ين|ون)|مستشار(?:ين|ون))"),
    ("contractors", r"(?:private\s+)?(?:military\s+)?contractors?"),  # mercenaries when military (see claims_in)
    ("fighters", _AR_PREFIX + rf"(?:عنصر{_M}(?:ا|اً|ًا)?|عناصر)"),
    ("troops", r"troops|soldiers?|servicemen|military\s+personnel|forces"),
    ("troops", _AR_PREFIX + rf"(?:جنود|جندي{_M}(?:ا|اً|ًا)?|قوات|عسكري{_M}(?:ين|ون))"),
]
# stdlib re: several times faster than the regex module on this alternation, and the
# scan over every sentence is the extractor's hot loop. [^\W\d_] is "a letter".
_NOUN_RE = re.compile(
    "(?<![^\\W\\d_])(?:" + "|".join(f"(?P<n{i}>{p})" for i, (_, p) in enumerate(_NOUNS)) + ")(?![^\\W\\d_])",
    re.IGNORECASE,
)
_FOREIGN = regex.compile(r"foreign|outside|external|(?<!\p{L})\p{L}{0,3}(?:أجنب|خارجي)", regex.IGNORECASE)
_BREAK = regex.compile(r"[،;:«»\"()؛]|,(?!\d)")  # (not the comma of "1,200")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}.'-]*")
NOUN_WINDOW = 5  # words between an amount and its force noun, at most
# A cheap first look (one Aho-Corasick pass over the article): the stems every
# force noun starts with. A sentence without one has no claim.
_NOUN_STEMS = (
    "مرتزق", "مقاتل", "قواعد", "قاعدة", "مدرب", "مستشار", "جنود", "جندي", "قوات", "عسكري",
    "عنصر", "عناصر",
    "mercenar", "contractor", "fighter", "combatant", "militant", "base", "trainer", "instructor", "advis", "troop",
    "soldier", "servicemen", "personnel", "forces",
)


@lru_cache(maxsize=1)
def _stem_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for stem in _NOUN_STEMS:
        auto.add_word(stem, len(stem))
    auto.make_automaton()
    return auto


def _stem_hits(text: str) -> list[int] | None:
    """Sorted offsets where a force-noun stem starts (None: look everywhere)."""
    lower = text.lower()
    if len(lower) != len(text):  # a few letters change length when lowered: no shortcut
        return None
    return sorted(end - length + 1 for end, length in _stem_automaton().iter(lower))
# An amount followed by one of these measures time, distance or a share, not forces.
_UNIT = regex.compile(
    r"\s*(?:months?|weeks?|days?|years?|hours?|decades?|km|kilomet(?:re|er)s?|miles?|percent|per\s+cent|%"
    r"|(?:ال)?(?:أشهر|شهر(?:ا|ين)?|أسابيع|أسبوع(?:ا|ين)?|أيام|يوم(?:ا|ين)?|سنوات|سنة|عام(?:ا|ين)?|أعوام|ساعات|ساعة"
    r"|كيلومتر(?:ا|ات)?|كلم|ميل|بالمئة|بالمائة|في\s+المئة))(?![\p{L}])",
    regex.IGNORECASE,
)

# A plain four-digit amount that reads as a year: after one of these words, or with its force noun
# before it ("fighters to Tripoli since late 2019"). "2000 مقاتل" after a verb stays an amount.
_YEAR_LEAD = regex.compile(
    r"(?<![\p{L}])(?:since|in|by|until|till|before|after|late|early|mid|of|during|from|to|year|"
    r"منذ|عام|العام|سنة|مطلع|أواخر|أوائل|نهاية|بداية|منتصف|حتى|خلال|في|قبل|بعد|"
    r"(?:و|ف|ب|ل)?(?:" + "|".join(regex.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + r"))"
    r"[\s,.-]*$",
    regex.IGNORECASE,
)


def _is_year(text: str, q, noun, lo: int) -> bool:
    digits = q.surface.translate(_ASCII_DIGITS)
    if q.qualifier != "exact" or not (len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100):
        return False
    return noun[1] <= q.start or bool(_YEAR_LEAD.search(text[max(lo, q.start - 30):q.start]))


_ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Reporting cues, and whether the source usually stands after them.
_CUES = regex.compile(
    r"(?<![\p{L}])(?:"
    r"(?P<after>according\s+to|per|(?:و|ف)?(?:ب)?(?:حسب|وفق(?:ا|اً)?|قال(?:ت)?|أفاد(?:ت)?|أكد(?:ت)?|ذكر(?:ت)?"
    r"|قدر(?:ت)?|أحص(?:ت|ى)|أشار(?:ت)?|صرح|يقول|تقول|تقدر|يقدر))"
    r"|(?P<before>said|says|told|estimates?|estimated|reported|stated|counted|claims?|believes?)"
    r")(?![\p{L}])",
    regex.IGNORECASE,
)
# Unnamed sources -> label.
_SOURCES = [
    ("diplomat", r"diplomats?|(?:ال)?دبلوماسي(?:ين|ون)?"),
    ("experts", r"experts?|(?:ال)?خبراء"),
    ("officials", r"officials?|(?:ال)?مسؤول(?:ين|ون)?"),
    ("spokesperson", r"spokes(?:person|man|woman)|(?:ال)?متحدث(?:ة)?"),
    ("sources", r"sources?|(?:ال)?مصادر"),
]
_SOURCE_RE = regex.compile(
    "|".join(f"(?P<s{i}>(?<![\\p{{L}}]){p}(?![\\p{{L}}]))" for i, (_, p) in enumerate(_SOURCES)),
    regex.IGNORECASE,
)


def _words_between(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text[a:b]))


def _nearest_noun(text, nouns, q, lo, hi):
    """Force noun for amount ``q``: the first after it within the clause, else the last before."""
    after = [n for n in nouns if q.end <= n[0] < hi and not _BREAK.search(text, q.end, n[0])
             and _words_between(text, q.end, n[0]) <= NOUN_WINDOW]
    if after:
        return after[0]
    before = [n for n in nouns if lo <= n[0] and n[1] <= q.start and not _BREAK.search(text, n[1], q.start)
              and _words_between(text, n[1], q.start) <= NOUN_WINDOW]
    return before[-1] if before else None


# Where a source named after a cue must stand: before the clause goes on to what is reported
# ("أكد المرصد السوري أن ... تركيا": the source is the Observatory, not Turkey).
_CLAUSE_END = regex.compile(
    r"[،;:«»\"()؛]|,(?!\d)|(?<![\p{L}])(?:أن|إن|بأن|أنه|إنه|أنها|إنها|that)(?![\p{L}])", regex.IGNORECASE)


def _sources(text, s_start, s_end, mentions, actors):
    """Who could give the figures of a sentence: (start, end, value, is_actor), in text order."""
    sources = []
    for m in mentions:
        # a state speaks through its name or capital, not through a demonym ("Russian forces")
        if s_start <= m.start < s_end and (actors[m.actor_id].kind != "state"
                                           or m.alias_type not in ("demonym", "nisba")):
            sources.append((m.start, m.end, m.actor_id, True))
    for sm in _SOURCE_RE.finditer(text, s_start, s_end):
        label = next(_SOURCES[int(k[1:])][0] for k, v in sm.groupdict().items() if v)
        sources.append((sm.start(), sm.end(), label, False))
    return sorted(sources)


def _cue_source(text, cue, sources, actors):
    """The source a reporting cue names, or '': for "according to"/قال the first one after it
    in the same clause, for "said" the last one before it (else the first after: "said Akar")."""
    def after():
        return [s for s in sources if s[0] >= cue.end() and not _CLAUSE_END.search(text, cue.end(), s[0])]

    def before():
        return [s for s in sources if s[1] <= cue.start() and not _BREAK.search(text, s[1], cue.start())]

    if cue.group("after"):
        cands = after()
        pick = cands[0] if cands else (before() or [None])[-1]
    else:
        cands = before()
        pick = cands[-1] if cands else (after() or [None])[0]
    if pick is None:
        return ""
    if not pick[3]:  # an unnamed source: "UN experts", "المتحدث باسم الجيش الوطني"
        # named right after it ("المتحدث باسم قوات الوفاق محمد قنونو"): that person
        named = [s for s in sources if s[3] and actors[s[2]].kind == "person" and 0 <= s[0] - pick[1] <= 40
                 and not _CLAUSE_END.search(text, pick[1], s[0])]
        if named:
            return named[0][2]
        near = [s for s in sources if s[3] and (0 <= s[0] - pick[1] <= 25 or 0 <= pick[0] - s[1] <= 3)]
        near = [s for s in near if actors[s[2]].kind != "person"]
        if near:
            return min(near, key=lambda s: abs(s[0] - pick[0]))[2]
    return pick[2]


def _attributions(text, s_start, s_end, mentions, actors):
    """[(cue start, cue end, source)] for the reporting cues of a sentence."""
    cues = list(_CUES.finditer(text, s_start, s_end))
    if not cues:
        return []
    sources = _sources(text, s_start, s_end, mentions, actors)
    return [(c.start(), c.end(), _cue_source(text, c, sources, actors)) for c in cues]


def _attribution_of(cues, start, end) -> str:
    """The source of the claim at text[start:end]: that of the nearest reporting cue."""
    if not cues:
        return ""
    return min(cues, key=lambda c: (max(c[0] - end, start - c[1], 0), c[0]))[2]


def _foreign(mentions, actors, source):
    """Foreign states and armed groups among ``mentions``; an armed group alone if one is named."""
    ms = [m for m in mentions if actors[m.actor_id].kind in ("state", "armed_group")
          and not actors[m.actor_id].libyan and m.actor_id != source]
    groups = [m for m in ms if actors[m.actor_id].kind == "armed_group"]
    return groups or ms


def claims_in(text: str, *, mentions=None, sentences=None) -> list[dict]:
    """Force claims in one text (the rows of :func:`extract_forces` without ``article_id``).

    ``mentions`` and ``sentences`` may be passed when already computed.
    """
    actors = actor_info()
    mentions = mentions_in(text) if mentions is None else mentions
    starts = [m.start for m in mentions]  # mentions come sorted by start
    rows = []
    hits = _stem_hits(text)
    if hits == []:
        return rows
    for s_start, s_end, sentence in sentence_spans(text) if sentences is None else sentences:
        if hits is not None and not within(hits, hits, s_start, s_end):
            continue  # no force noun in the sentence
        nouns = []
        for nm in _NOUN_RE.finditer(text, s_start, s_end):
            kind = next(_NOUNS[int(k[1:])][0] for k, v in nm.groupdict().items() if v)
            nouns.append((nm.start(), nm.end(), kind))
        if not nouns:
            continue
        quantities = find_quantities(sentence)
        if not quantities:
            continue
        s_mentions = within(mentions, starts, s_start, s_end)
        cues = None
        prev_claim = None
        for i, q0 in enumerate(quantities):
            q = type(q0)(q0.start + s_start, q0.end + s_start, q0.surface, q0.low, q0.high, q0.qualifier)
            lo = quantities[i - 1].end + s_start if i else s_start
            hi = quantities[i + 1].start + s_start if i + 1 < len(quantities) else s_end
            if _UNIT.match(text, q.end):
                continue  # "within three months", "خندقا بطول 70 كيلومترا"
            noun = _nearest_noun(text, nouns, q, lo, hi)
            if noun is None and prev_claim is not None and regex.match(r"\s*(?:each\s+)?(?:from|من)\s", text[q.end:hi]):
                noun = (q.end, q.end, prev_claim["force_type"])  # "... and a thousand from Chad"
            if noun is None or _is_year(text, q, noun, lo):
                continue
            after = [m for m in s_mentions if q.end <= m.start < hi]
            before = [m for m in s_mentions if lo <= m.start and m.end <= q.start]
            # a Libyan demonym next to the noun ("1300 جندي ليبي", "1,300 Libyan soldiers"): not foreign
            if any(m.actor_id == "LBY" and m.alias_type in ("demonym", "nisba")
                   and (0 <= m.start - noun[1] <= 1 or 0 <= noun[0] - m.end <= 1) for m in s_mentions):
                continue
            if cues is None:
                cues = _attributions(text, s_start, s_end, mentions, actors)
            start, end = min(q.start, noun[0]), max(q.end, noun[1])
            source = _attribution_of(cues, start, end)

            origin_ms = _foreign(after, actors, source) or _foreign(before, actors, source)
            origins = tuple(dict.fromkeys(m.actor_id for m in origin_ms))
            window = text[lo:hi]
            force_type = noun[2]
            if force_type == "contractors":
                # "military contractors", "contractors from the Wagner Group" - not builders
                if "military" not in text[noun[0]:noun[1]].lower() and not any(
                        actors[o].kind == "armed_group" for o in origins):
                    continue
                force_type = "mercenaries"
            if not origins and force_type != "mercenaries" and not _FOREIGN.search(window):
                continue  # not about foreign forces
            claim = {
                "origins": origins, "force_type": force_type, "low": q.low, "high": q.high,
                "qualifier": q.qualifier, "attributed_to": source, "amount": q.surface,
                "start": start, "end": end, "surface": text[start:end], "sentence": sentence,
            }
            rows.append(claim)
            prev_claim = claim
    return rows


def extract_forces(articles, *, progress: bool | None = None):
    """One row per claim about foreign troops, mercenaries, fighters, bases or trainers.

    Columns
    -------
    article_id; origins (tuple of actor ids, in the order named; empty =
    foreign forces in general); force_type (mercenaries | troops | fighters |
    bases | trainers); low, high (numbers, NaN when open: "more than 5,000"
    has no high); qualifier (exact | approx | more_than | less_than | range |
    vague — vague amounts carry the documented range of
    :data:`libyakit.numbers.VAGUE`); attributed_to (actor id or source label,
    empty when the text does not say); amount (the amount as written); start,
    end, surface (from the amount to its force noun: ``text[start:end] ==
    surface``); sentence.
    """
    import pandas as pd

    from .corpus import rows_per_article

    rows = rows_per_article(articles, claims_in, desc="forces", progress=progress)
    df = pd.DataFrame(rows, columns=FORCE_COLUMNS)
    return df.astype({"low": "float64", "high": "float64", "start": "int64", "end": "int64"})


