"""Who backs whom, according to the articles: support statements with their sentence.

A statement is a sentence with a support cue and a Libyan side:

* passive cues name the backers after them — "supported by Turkey", "has the
  backing of the UAE, Egypt and Russia", "مدعومة رسميًا من إيطاليا وقطر وتركيا",
  "بدعم دولي من مصر والسعودية", "بمساعدة تركيا", "حفتر، المدعوم من روسيا";
* "X-backed" names the backer before the hyphen and the side right after it: "the Turkish-backed
  GNA", "UAE-backed Haftar";
* active cues name them before — "Turkey is the main patron of", "the UAE,
  Russia and Egypt support", "Russia and the UAE serving as ... top suppliers",
  "مصر وروسيا، حليفتا الجيش الوطني" — except an Arabic verb that comes first,
  whose backers follow it: "تدعم تركيا حكومة الوفاق", and a list after
  "including": "Haftar's foreign backers, including the UAE and Russia".

Backers are foreign states and armed groups (not ``libyan`` in the gazetteer)
in the same clause as the cue; the side is the Libyan actor (GNA or LNA camp)
named nearest to the cue in the sentence. Clauses split at "while",
"whereas", "بينما", "في حين". One row per backer and side, pointing at the
backer's mention: ``text[start:end] == surface``.

The vocabulary is data: the support cues in ``data/lexicon/backing_cues.csv``,
the words around them (X-backed, list gaps, "including", clause breaks) in
``data/lexicon/backing_words.csv``, and the camp of each Libyan actor in the
``backs`` column of ``data/actors.csv`` (:func:`sides`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from . import lexicon
from .arabic import CONJUNCTION_RE
from .gazetteer import actor_info
from .marks import mark_free, rewrite
from .regex_gate import prefix_gate
from .rules import row_rule, rule
from .sentences import within

__all__ = ["extract_backing", "BACKING_COLUMNS", "SIDES", "sides"]

BACKING_COLUMNS = ["article_id", "backer", "side", "cue", "start", "end", "surface", "sentence", "rule"]


@lru_cache(maxsize=1)
def sides() -> dict[str, str]:
    """Libyan actor -> the camp it stands for, from the ``backs`` column of data/actors.csv: a camp
    is a Libyan actor that other Libyan actors back (the GNA, the LNA), and stands for itself.
    ("gna" is the Tripoli camp: its successor government, the High Council of State and the
    ministers of the war years; Bashagha's later alliance with the House is not modelled.)"""
    from .gazetteer import actors_table

    table = actors_table()
    libyan = table[table["libyan"].astype(bool) & (table["backs"] != "")]
    out = {aid: camp for aid, camp in zip(libyan.index, libyan["backs"])}
    return {**{camp: camp for camp in set(out.values())}, **out}


_camps = sides  # (backing_in names its side mentions "sides")


def __getattr__(name):  # SIDES: the gazetteer is read when it is first asked for, not on import
    if name == "SIDES":
        return sides()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# Support cues (data/lexicon/backing_cues.csv: regular expressions, in file order) and the words
# around them (data/lexicon/backing_words.csv).
_CUE_ROWS = lexicon.table("backing_cues.csv", ("kind", "verb_first", "names_whom"), choices={
    "kind": ("passive", "active"), "verb_first": ("yes", "no"), "names_whom": ("yes", "no")}, patterns=("form",))
_WORD_ROWS = lexicon.table("backing_words.csv", ("role",), choices={"role": (
    "hyphen", "first_gap", "list_gap", "including", "including_adjective", "apposition", "clause_break")})


def _cues(kind: str) -> str:
    """One alternation of the cues of a kind: English ones, then Arabic ones with an optional و."""
    en = [r["form"] for r in _CUE_ROWS if r["kind"] == kind and r["lang"] == "en"]
    ar = [r["form"] for r in _CUE_ROWS if r["kind"] == kind and r["lang"] == "ar"]
    return "|".join(en + ([f"(?:و)?(?:{'|'.join(ar)})"] if ar else []))


def _words(role: str) -> str:
    return lexicon.alternation(r["form"] for r in _WORD_ROWS if r["role"] == role)


# stdlib re for the whole-text scan ([^\W\d_] is "a letter"); "X-backed" is no statement
_GATE = prefix_gate([_cues("passive"), _cues("active")], re.IGNORECASE)  # (the same matches, less work)
_CUE = re.compile(rf"(?<![^\W\d_])(?<!-){f'(?={_GATE})' if _GATE else ''}"
                  rf"(?:(?P<passive>{_cues('passive')})|(?P<active>{_cues('active')}))(?![^\W\d_])", re.IGNORECASE)
# "Turkish-backed GNA", "UAE-backed forces of Haftar": the backer is the word before the hyphen
_HYPHEN_BACKED = re.compile(rf"(?<=[^\W\d_])-(?:{_words('hyphen')})(?![^\W\d_])", re.IGNORECASE)
_SIDE_NEXT = regex.compile(r"\s+(?:ل)?")  # "بدعم حفتر", "بدعم لحكومة الوفاق"
_FIRST_GAP = regex.compile(rf"\s*(?:(?:{_words('first_gap')}|\p{{L}}+ly)\s+){{0,3}}", regex.IGNORECASE)
_LIST_GAP = regex.compile(rf"[\s,،()]*(?:(?:{_words('list_gap')})\s+)?(?:the\s+)?", regex.IGNORECASE)
# an Arabic verb comes first, its backers after it: "تدعم تركيا حكومة الوفاق"
_AR_VERB = regex.compile(CONJUNCTION_RE + "?(?:{})".format(
    "|".join(r["form"] for r in _CUE_ROWS if r["verb_first"] == "yes" and r["lang"] == "ar")))
# "بدعم حفتر": a side right after it is whom it backs, its backers came before
_NAMES_WHOM = regex.compile("(?:و)?(?:{})".format(
    "|".join(r["form"] for r in _CUE_ROWS if r["names_whom"] == "yes" and r["lang"] == "ar") or "(?!)"))
# "Haftar's foreign backers, including the UAE and Russia": the backers are listed after the cue
_INCLUDING = regex.compile(
    rf"[\s,،]*(?:(?:{_words('including_adjective')})\s+)?[\s,،]*"
    rf"(?:(?:{_words('including')})\s+"
    rf"|(?<=(?:{_words('apposition')}),\s*))",  # "Haftar's main allies, the UAE and Egypt, ..."
    regex.IGNORECASE)
_CLAUSE_BREAK = regex.compile(rf"(?<!\p{{L}})(?:{_words('clause_break')})(?!\p{{L}})", regex.IGNORECASE)

# the value of each row's ``rule``: how its backers were found, then its side, joined by "+"
_HYPHEN = row_rule("backing.hyphen", "X-backed: the backer is the word before the hyphen, the side the name right "
                   "after it (the Turkish-backed GNA, UAE-backed Haftar).")
_WHOM = row_rule("backing.bidaam_names_whom", "بدعم followed by a side names whom is backed (تتهم حكومة الوفاق "
                 "الإمارات ومصر بدعم حفتر): the backers came before it.")
_AFTER_PASSIVE = row_rule("backing.listed_after_passive", "The list right after a passive cue: backed by Russia, the "
                          "UAE and Egypt; المدعوم من روسيا والإمارات.")
_AFTER_INCLUDING = row_rule("backing.listed_after_including", "The list after including/such as/ومن بينهم or an "
                            "apposition: Haftar's backers, including the UAE and Russia.")
_VERB_FIRST = row_rule("backing.verb_first", "An Arabic verb that comes first: its backers follow it up to the "
                       "side (تدعم تركيا حكومة الوفاق).")
_VERB_AFTER = row_rule("backing.verb_after_backers", "An Arabic verb with no backer after it: its subject came "
                       "before (وكانت روسيا قد دعمت حفتر).")
_BEFORE_CUE = row_rule("backing.before_active_cue", "An active cue: the backers stand before it in its clause "
                       "(Turkey supports the GNA, مصر وروسيا، حليفتا الجيش الوطني).")
_SIDE_AFTER = row_rule("backing.side_after_cue", "The side named right after the cue is the one it names "
                       "(داعمي حفتر، يدعم حفتر، backed by Turkey... the GNA).")
_SIDE_BEFORE = row_rule("backing.side_before_pronoun", "A cue with a pronoun (حليفها, its ally): the side is the "
                        "nearest named before it.")
_SIDE_NEAREST = row_rule("backing.nearest_side", "The side is the Libyan actor named nearest the cue, in its "
                         "clause first.")


@rule("backing.names_no_side")
def _no_side(sides_named) -> bool:
    """A sentence (or a whole text) that names no Libyan side (GNA or LNA camp) holds no statement."""
    return not sides_named


@rule("backing.can_back")
def _can_back(actors, m) -> bool:
    """A backer is a foreign state or armed group, named (not a demonym or nisba: "Russian",
    الروسية name no backer of a support cue)."""
    a = actors[m.actor_id]
    return a.kind in ("state", "armed_group") and not a.libyan and m.alias_type not in ("demonym", "nisba")


@rule("backing.hyphen_backer_can_back")
def _hyphen_backer(actors, backer, side_m) -> bool:
    """X-backed holds when X is a foreign state or armed group (its demonym counts: Turkish-backed)
    and a side follows within a few words."""
    return backer is not None and side_m is not None and not actors[backer.actor_id].libyan \
        and actors[backer.actor_id].kind in ("state", "armed_group")


@rule("backing.said_already")
def _said_already(key, seen) -> bool:
    """One row per backer, side and sentence: "the United Arab Emirates (UAE)" is one statement."""
    return key in seen


_LONGEST_CUE = 80  # characters: a cue that starts in a sentence ends within this many after its end


def _scan(pattern, text: str, start: int, end: int) -> list:
    """The matches of ``pattern`` that start in ``text[start:end]`` (a sentence), reading no further
    than a cue's length past it: the statements are found sentence by sentence, in the sentences that
    name a side, and the cost of an article grows with its length only."""
    return [m for m in pattern.finditer(text, start, min(len(text), end + _LONGEST_CUE)) if m.start() < end]


def _listed(text: str, mentions, pos: int) -> list:
    """The mentions that form a list starting at ``pos``: "Russia, the UAE and Egypt", "مصر والإمارات"."""
    out = []
    for m in mentions:
        if not (_LIST_GAP if out else _FIRST_GAP).fullmatch(text, out[-1].end if out else pos, m.start):
            break
        out.append(m)
    return out


@mark_free(rewrite("cue"))
def backing_in(doc) -> list[dict]:
    """Support statements in one :class:`~libyakit.document.Document` or text (rows of
    :func:`extract_backing` without article_id)."""
    actors, SIDES = actor_info(), _camps()
    text, mentions, sentences = doc.text, doc.mentions, doc.sentences
    starts = [m.start for m in mentions]
    rows, seen = [], set()
    if _no_side([m for m in mentions if m.actor_id in SIDES]):
        return rows  # no Libyan side named: no statement to find
    side_starts = [m.start for m in mentions if m.actor_id in SIDES]
    for s_start, s_end, sentence in sentences:
        if not within(side_starts, side_starts, s_start, s_end):
            continue  # no Libyan side named in it: its cues are not looked for (the scan is for these sentences only)
        cues = _scan(_CUE, text, s_start, s_end)
        s_hyphens = _scan(_HYPHEN_BACKED, text, s_start, s_end)
        if not cues and not s_hyphens:
            continue
        s_mentions = within(mentions, starts, s_start, s_end)
        sides = [m for m in s_mentions if m.actor_id in SIDES]
        if _no_side(sides):
            continue
        for h in s_hyphens:
            backer = next((m for m in s_mentions if m.end == h.start()), None)
            side_m = next((m for m in sides if 0 <= m.start - h.end() <= 25
                           and regex.fullmatch(r"[\s\p{L}]*", text[h.end():m.start])), None)
            if not _hyphen_backer(actors, backer, side_m):
                continue
            key = (backer.actor_id, SIDES[side_m.actor_id], s_start)
            if not _said_already(key, seen):
                seen.add(key)
                rows.append({"backer": backer.actor_id, "side": SIDES[side_m.actor_id], "cue": h.group()[1:],
                             "start": backer.start, "end": backer.end, "surface": backer.surface,
                             "sentence": sentence, "rule": _HYPHEN})
        breaks = [s_start] + [b.start() for b in _CLAUSE_BREAK.finditer(text, s_start, s_end)] + [s_end]
        for cue in cues:
            c_lo = max(b for b in breaks if b <= cue.start())
            c_hi = min(b for b in breaks if b >= cue.end())
            clause = [m for m in s_mentions if c_lo <= m.start < c_hi]
            foreign = [m for m in clause if _can_back(actors, m)]
            side_next = next((m for m in sides if m.start >= cue.end()
                              and _SIDE_NEXT.fullmatch(text, cue.end(), m.start)), None)
            if cue.group("passive") and side_next is not None and _NAMES_WHOM.fullmatch(cue.group()):
                # "بدعم حفتر" names whom: "تتهم حكومة الوفاق الإمارات ومصر بدعم حفتر" — the backers
                # came before it
                backers, path = [m for m in foreign if m.end <= cue.start()], _WHOM
            elif cue.group("passive") or (including := _INCLUDING.match(
                    text, side_next.end if side_next is not None else cue.end(), c_hi)):
                # the list right after the cue: "المدعوم من روسيا والإمارات ومصر", "backed by Russia,
                # the UAE and Egypt", "Haftar's backers, including the UAE" (not the backers of
                # another cue further on)
                list_start = cue.end() if cue.group("passive") else including.end()
                backers = _listed(text, [m for m in foreign if m.start >= list_start], list_start)
                path = _AFTER_PASSIVE if cue.group("passive") else _AFTER_INCLUDING
            elif _AR_VERB.fullmatch(cue.group()):
                # an Arabic verb comes first: "تدعم تركيا حكومة الوفاق" — its backers follow it,
                # up to the side it supports
                # (its subject right after it: not "دعم الإرهاب ... في تونس وتشاد", where they are places)
                side_after = min((m.start for m in sides if m.start >= cue.end()), default=c_hi)
                backers, path = _listed(text, [m for m in foreign if cue.end() <= m.start < side_after], cue.end()), \
                    _VERB_FIRST
                if not backers:  # "وكانت روسيا قد دعمت حفتر"
                    backers, path = [m for m in foreign if m.end <= cue.start()], _VERB_AFTER
            else:
                backers, path = [m for m in foreign if m.end <= cue.start()], _BEFORE_CUE
            if not backers:
                continue
            candidates, side_path = sides, _SIDE_NEAREST
            if regex.search(r"(?:ها|ه|هم)$", cue.group()):  # حليفها "its ally": the side came before
                before = [m for m in sides if m.end <= cue.start()]
                candidates, side_path = (before, _SIDE_BEFORE) if before else (sides, _SIDE_NEAREST)
            # the side right after the cue is the one it names ("داعمي حفتر", "يدعم حفتر"), else the nearest
            if side_next is not None and side_next in candidates:
                side_m, side_path = side_next, _SIDE_AFTER
            else:
                side_m = min(candidates, key=lambda m: (not (c_lo <= m.start < c_hi), abs(m.start - cue.start())))
            for b in backers:
                key = (b.actor_id, SIDES[side_m.actor_id], s_start)
                if _said_already(key, seen):
                    continue  # "the United Arab Emirates (UAE)": one statement
                seen.add(key)
                rows.append({"backer": b.actor_id, "side": SIDES[side_m.actor_id], "cue": cue.group(),
                             "start": b.start, "end": b.end, "surface": b.surface, "sentence": sentence,
                             "rule": f"{path}+{side_path}"})
    return rows


def extract_backing(articles, *, progress: bool | None = None):
    """One row per (backer, side) statement in the articles.

    Columns: article_id, backer (actor id), side ("gna" or "lna"), cue (the
    support word as written), start, end, surface (the backer's mention),
    sentence, rule (how the backers were found, then the side, joined by "+":
    ``backing.listed_after_passive+backing.side_after_cue``;
    ``libyakit.rules.list_rules("backing")``).
    """
    import pandas as pd

    from .corpus import rows_per_article

    rows = rows_per_article(articles, backing_in, desc="backing", progress=progress)
    return pd.DataFrame(rows, columns=BACKING_COLUMNS).astype({"start": "int64", "end": "int64"})
