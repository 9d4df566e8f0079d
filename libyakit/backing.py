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
"""

from __future__ import annotations

import re

import regex

from .gazetteer import actor_info
from .marks import mark_free, rewrite
from .sentences import within

__all__ = ["extract_backing", "BACKING_COLUMNS", "SIDES"]

BACKING_COLUMNS = ["article_id", "backer", "side", "cue", "start", "end", "surface", "sentence"]

# Libyan actors -> the camp they stand for.
# ("gna" is the Tripoli camp: its successor government, the High Council of State and the
# ministers of the war years; Bashagha's later alliance with the House is not modelled.)
SIDES = {
    "gna": "gna", "sarraj": "gna", "gnounou": "gna", "bashagha": "gna", "maiteeq": "gna",
    "gnu": "gna", "dbeibah": "gna", "hcs": "gna", "mishri": "gna",
    "lna": "lna", "haftar": "lna", "hor": "lna", "aguila_saleh": "lna", "mismari": "lna",
    "saddam_haftar": "lna", "belqasem_haftar": "lna",
}

_PASSIVE = (
    r"(?:supported|backed)(?:\s+\w+ly)?\s+by|(?:the\s+)?backing\s+of|support\s+from|help\s+of"
    r"|(?:و)?(?:(?:ال)?مدعوم(?:ة|ين|ون)?|بدعم|بمساعدة|بمساندة)"
)
_ACTIVE = (
    r"patrons?|backers?|allies|ally|suppliers?|supports?|backs|back(?=\s+(?:the\s+)?[A-Z])|supported|backed"
    r"|provided|supplied|arming"
    r"|(?:و)?(?:حليف(?:ها|ه|ة|تا|تها)?|حلفاء|تدعم|يدعم|دعمت|دعم|الداعم(?:ة|تين|تان|ين|ون)?|داعمو|داعمي|راعي)"
)
# stdlib re for the whole-text scan ([^\W\d_] is "a letter"); "X-backed" is no statement
_CUE = re.compile(rf"(?<![^\W\d_])(?<!-)(?:(?P<passive>{_PASSIVE})|(?P<active>{_ACTIVE}))(?![^\W\d_])", re.IGNORECASE)
# "Turkish-backed GNA", "UAE-backed forces of Haftar": the backer is the word before the hyphen
_HYPHEN_BACKED = re.compile(r"(?<=[^\W\d_])-(?:backed|supported|funded)(?![^\W\d_])", re.IGNORECASE)
_SIDE_NEXT = regex.compile(r"\s+(?:ل)?")  # "بدعم حفتر", "بدعم لحكومة الوفاق"
_FIRST_GAP = regex.compile(r"\s*(?:(?:من|of|the|كل|رسميا|رسميًا|دولي|officially|\p{L}+ly)\s+){0,3}", regex.IGNORECASE)
_LIST_GAP = regex.compile(r"[\s,،()]*(?:(?:and|or|as\s+well\s+as)\s+)?(?:the\s+)?", regex.IGNORECASE)
_AR_VERB = regex.compile(r"(?:و|ف)?(?:تدعم|يدعم|دعمت|دعم|تساند|يساند|ساندت)")
# "Haftar's foreign backers, including the UAE and Russia": the backers are listed after the cue
_INCLUDING = regex.compile(
    r"[\s,،]*(?:(?:foreign|regional|international|main|key|الإقليميين|الدوليين)\s+)?[\s,،]*"
    r"(?:(?:including|such\s+as|namely|among\s+them|ومنهم|ومن\s+بينهم|مثل|وفي\s+مقدمتهم|وعلى\s+رأسهم)\s+"
    r"|(?<=(?:allies|backers|patrons|supporters),\s*))",  # "Haftar's main allies, the UAE and Egypt, ..."
    regex.IGNORECASE)
_CLAUSE_BREAK = regex.compile(r"(?<!\p{L})(?:while|whereas|بينما|في\s+حين|وفي\s+حين)(?!\p{L})", regex.IGNORECASE)


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
    actors = actor_info()
    text, mentions, sentences = doc.text, doc.mentions, doc.sentences
    starts = [m.start for m in mentions]
    rows, seen = [], set()
    if not any(m.actor_id in SIDES for m in mentions):
        return rows  # no Libyan side named: no statement to find
    all_cues = list(_CUE.finditer(text))
    hyphens = list(_HYPHEN_BACKED.finditer(text))
    if not all_cues and not hyphens:
        return rows
    cue_starts = [c.start() for c in all_cues]
    hyphen_starts = [h.start() for h in hyphens]
    for s_start, s_end, sentence in sentences:
        cues = within(all_cues, cue_starts, s_start, s_end)
        s_hyphens = within(hyphens, hyphen_starts, s_start, s_end)
        if not cues and not s_hyphens:
            continue
        s_mentions = within(mentions, starts, s_start, s_end)
        sides = [m for m in s_mentions if m.actor_id in SIDES]
        if not sides:
            continue
        for h in s_hyphens:
            backer = next((m for m in s_mentions if m.end == h.start()), None)
            side_m = next((m for m in sides if 0 <= m.start - h.end() <= 25
                           and regex.fullmatch(r"[\s\p{L}]*", text[h.end():m.start])), None)
            if backer is None or side_m is None or actors[backer.actor_id].libyan \
                    or actors[backer.actor_id].kind not in ("state", "armed_group"):
                continue
            key = (backer.actor_id, SIDES[side_m.actor_id], s_start)
            if key not in seen:
                seen.add(key)
                rows.append({"backer": backer.actor_id, "side": SIDES[side_m.actor_id], "cue": h.group()[1:],
                             "start": backer.start, "end": backer.end, "surface": backer.surface,
                             "sentence": sentence})
        breaks = [s_start] + [b.start() for b in _CLAUSE_BREAK.finditer(text, s_start, s_end)] + [s_end]
        for cue in cues:
            c_lo = max(b for b in breaks if b <= cue.start())
            c_hi = min(b for b in breaks if b >= cue.end())
            clause = [m for m in s_mentions if c_lo <= m.start < c_hi]
            foreign = [m for m in clause if actors[m.actor_id].kind in ("state", "armed_group")
                       and not actors[m.actor_id].libyan and m.alias_type not in ("demonym", "nisba")]
            side_next = next((m for m in sides if m.start >= cue.end()
                              and _SIDE_NEXT.fullmatch(text, cue.end(), m.start)), None)
            if cue.group("passive") and side_next is not None and cue.group().endswith("بدعم"):
                # "بدعم حفتر" names whom: "تتهم حكومة الوفاق الإمارات ومصر بدعم حفتر" — the backers
                # came before it
                backers = [m for m in foreign if m.end <= cue.start()]
            elif cue.group("passive") or (including := _INCLUDING.match(
                    text, side_next.end if side_next is not None else cue.end(), c_hi)):
                # the list right after the cue: "المدعوم من روسيا والإمارات ومصر", "backed by Russia,
                # the UAE and Egypt", "Haftar's backers, including the UAE" (not the backers of
                # another cue further on)
                list_start = cue.end() if cue.group("passive") else including.end()
                backers = _listed(text, [m for m in foreign if m.start >= list_start], list_start)
            elif _AR_VERB.fullmatch(cue.group()):
                # an Arabic verb comes first: "تدعم تركيا حكومة الوفاق" — its backers follow it,
                # up to the side it supports
                # (its subject right after it: not "دعم الإرهاب ... في تونس وتشاد", where they are places)
                side_after = min((m.start for m in sides if m.start >= cue.end()), default=c_hi)
                backers = _listed(text, [m for m in foreign if cue.end() <= m.start < side_after], cue.end()) or [
                    m for m in foreign if m.end <= cue.start()]  # "وكانت روسيا قد دعمت حفتر"
            else:
                backers = [m for m in foreign if m.end <= cue.start()]
            if not backers:
                continue
            candidates = sides
            if regex.search(r"(?:ها|ه|هم)$", cue.group()):  # حليفها "its ally": the side came before
                candidates = [m for m in sides if m.end <= cue.start()] or sides
            # the side right after the cue is the one it names ("داعمي حفتر", "يدعم حفتر"), else the nearest
            side_m = side_next if side_next is not None and side_next in candidates else min(
                candidates, key=lambda m: (not (c_lo <= m.start < c_hi), abs(m.start - cue.start())))
            for b in backers:
                key = (b.actor_id, SIDES[side_m.actor_id], s_start)
                if key in seen:
                    continue  # "the United Arab Emirates (UAE)": one statement
                seen.add(key)
                rows.append({"backer": b.actor_id, "side": SIDES[side_m.actor_id], "cue": cue.group(),
                             "start": b.start, "end": b.end, "surface": b.surface, "sentence": sentence})
    return rows


def extract_backing(articles, *, progress: bool | None = None):
    """One row per (backer, side) statement in the articles.

    Columns: article_id, backer (actor id), side ("gna" or "lna"), cue (the
    support word as written), start, end, surface (the backer's mention),
    sentence.
    """
    import pandas as pd

    from .corpus import rows_per_article

    rows = rows_per_article(articles, backing_in, desc="backing", progress=progress)
    return pd.DataFrame(rows, columns=BACKING_COLUMNS).astype({"start": "int64", "end": "int64"})
