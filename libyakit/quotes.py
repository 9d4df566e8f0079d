"""Direct quotes and their speakers, in Arabic and English.

Quotes are text between «guillemets» or between double quotes (curly quotes
are straight after cleaning), paired left to right within a paragraph. A
paragraph with an odd number of double quotes has one that never closes: its
quote runs to the end of the paragraph and is flagged ``closed=False``
rather than guessed at. A quoted single word or name («قنونو») is a name in
quotation marks, not a quote, and is skipped.

The speaker is found from a reporting cue (said, told, added, stressed;
قال، أضاف، أكد، ...) next to the quote:

* after it — ``"...," Guterres told reporters``, ``"..." Mills said``;
* before it — ``Mills also stressed: "..."``, ``وقال ميلز خلال اجتماع ...: "..."``.

A named person wins over a body or state named beside him. Where the cue names
a speaker the gazetteer does not know ("وقال تشاندار في مقال له:", "said
Chandar"), speaker_id stays empty with ``resolved_by`` "not in gazetteer" — never
guessed from the sentence before. Where the cue has
no subject ("he said", Arabic ``وقال "..."``) the speaker is resolved only
when that is safe: to the speaker of a quote in the sentence just before, or
to the one person named in it; otherwise the speaker stays unknown. An
unnamed speaker ("the spokesperson") is kept as a label in ``speaker_en``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

from .actors import mentions_in
from .arabic import PREPOSITIONS as _AR_PREPOSITION_CLITICS
from .gazetteer import actor_info
from .lexicon import (cue_pattern, participles, reporting_verb_table, reporting_verbs, unnamed_label,
                      unnamed_source_regex, word_list)
from .marks import mark_free, written
from .sentences import SpanSet, within

__all__ = ["extract_quotes", "QUOTE_COLUMNS", "quotes_in", "extract_agencies", "same_statements",
           "statement_quotes"]

QUOTE_COLUMNS = ["article_id", "kind", "speaker_id", "speaker_en", "speaker_name", "cue", "quote", "start", "end",
                 "surface", "closed", "resolved_by", "rule"]

_DIRECT = tuple(v for v in reporting_verb_table() if v.direct)
_CUE_WORDS = cue_pattern(_DIRECT)
_ACCORDING = regex.compile(cue_pattern(tuple(v for v in _DIRECT if v.speaker == "according")), regex.IGNORECASE)
_SPEAKER_BEFORE = regex.compile(cue_pattern(tuple(v for v in _DIRECT if v.speaker == "before")), regex.IGNORECASE)
_CUE = regex.compile(rf"(?<![\p{{L}}])(?:{_CUE_WORDS})(?![\p{{L}}])", regex.IGNORECASE)
_PRONOUN = regex.compile(r"(?<![\p{L}])(?:he|she|they|it)(?![\p{L}])", regex.IGNORECASE)
_GENERIC = unnamed_source_regex()  # a source named by what it is (data/lexicon/unnamed_sources.csv)
_DQUOTE = regex.compile('"')
# between two quotes of one speaker: punctuation, or a participle that goes on ("، مضيفا أن", "، داعيا
# إلى", ", adding that")
_PARTICIPLE = "|".join(regex.escape(f) for f in sorted({f for _, f in participles()}, key=len, reverse=True))
_CONTINUING = regex.compile(
    rf"[\s.,،:;]*(?:(?:و)?(?:{_PARTICIPLE}))?(?:\s+(?:أن|إن|بأن|إلى|الى|that|to))?[\s,،:]*", regex.IGNORECASE)
# the rest of one sentence, ended by a full stop, and nothing else: an attribution between two quotes
_ONE_ATTRIBUTION = regex.compile(r"[^.!?\n\"«»]{1,100}[.:]\s*")
# the attribution that follows a quote whose full stop is inside it, up to its own end
_TAIL_ATTRIBUTION = regex.compile(r"[ \t]*[^.!?\n\"«»]{1,100}?(?:[.:]|$)", regex.MULTILINE)
_WINDOW = 120  # characters around a quote searched for its cue and speaker


# Single quotes, as British papers quote ('We are not leaving,' he said): cleaning makes curly ones
# straight, so an opening mark starts a word and a closing one ends one. An apostrophe stands between
# letters ("UN's", "Ma'aitiga") and is neither; "countries' forces" (s' before a word) is a possessive.
_SQ_OPEN = regex.compile(r"(?:^|(?<=[\s(\[—–]))'(?=[\p{L}\p{N}])")
_SQ_CLOSE = regex.compile(r"(?<=[^\s'])'(?=[\s.,;:!?)\]—–]|$)")
_POSSESSIVE = regex.compile(r"(?<=s)'(?=\s+\p{L})")


def _single_quote_spans(para: str, offset: int) -> list[tuple[int, int, bool]]:
    """Closed single-quoted spans of one paragraph (an unclosed one is left alone: it may be an apostrophe)."""
    if "'" not in para:
        return []
    opens = [m.start() for m in _SQ_OPEN.finditer(para)]
    closes = [m.start() for m in _SQ_CLOSE.finditer(para) if not _POSSESSIVE.match(para, m.start())]
    spans, pos = [], -1
    for a in opens:
        if a <= pos:
            continue
        b = next((c for c in closes if c > a), None)
        if b is None:
            break
        spans.append((offset + a, offset + b + 1, True))
        pos = b
    return spans


_NAME_HEADS = {lang: word_list("name_heads.csv", lang) for lang in ("ar", "en")}
_WORD_BEFORE_MARK = regex.compile(r"([\p{L}\p{M}]+)\s*$")


def _named(text: str, mark: int) -> bool:
    """Whether the word before the opening mark at ``mark`` is a noun that names what follows (قناة،
    اتفاق، عملية, "Operation", "dubbed")."""
    m = _WORD_BEFORE_MARK.search(text, max(0, mark - 30), mark)
    if m is None:
        return False
    word = regex.sub(r"\p{M}", "", m.group(1))
    if word in _NAME_HEADS["en"] or word.lower() in _NAME_HEADS["en"]:
        return True
    for prefix in ("", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "فال"):
        if word.startswith(prefix) and word[len(prefix):] in _NAME_HEADS["ar"]:
            return True
    return False


def _quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, closed)`` of each quotation, marks included."""
    spans = []
    for m in regex.finditer(r"«[^«»]*»", text):
        spans.append((m.start(), m.end(), True))
    singles = []
    para_start = 0
    for para in text.split("\n"):
        marks = [para_start + m.start() for m in _DQUOTE.finditer(para)]
        for a, b in zip(marks[0::2], marks[1::2]):
            spans.append((a, b + 1, True))
        if len(marks) % 2:
            spans.append((marks[-1], para_start + len(para), False))
        singles.extend(_single_quote_spans(para, para_start))
        para_start += len(para) + 1
    # a single-quoted span inside (or across) a double-quoted one is a quote within a quote
    spans.extend(sp for sp in singles if not any(a < sp[1] and sp[0] < b for a, b, _ in spans))
    spans.sort()
    return spans


def _next_to(text: str, match, cue) -> bool:
    """Whether only spaces (or an article) stand between ``match`` and the reporting cue ("the report said",
    وقال التقرير, "according to a statement")."""
    a, b = (match.end(), cue.start()) if match.end() <= cue.start() else (cue.end(), match.start())
    return regex.fullmatch(r"\s*(?:(?:a|an|the)\s+)?", text[a:b], regex.IGNORECASE) is not None




def _with_preposition(m) -> bool:
    """Whether an Arabic mention carries a preposition (لإسرائيل، بمصر، للأمم المتحدة): the object of
    something, never the subject that speaks."""
    surface, alias = regex.sub(r"\p{M}", "", m.surface), regex.sub(r"\p{M}", "", m.alias)
    if not regex.match(r"\p{Arabic}", surface):
        return False
    head = surface.lstrip("وف") if not alias.startswith(("و", "ف")) else surface
    if alias.startswith("ال") and head.startswith("لل"):
        return True  # ل + ال contracted
    extra = len(surface) - len(alias)
    return extra > 0 and surface[:extra].lstrip("وف").startswith(_AR_PREPOSITION_CLITICS)


def _is_person(m, actors) -> bool:
    """A person: the gazetteer's, or one named after a title (an unlisted organisation is not)."""
    return m.alias_type == "titled_name" if not m.actor_id else actors[m.actor_id].kind == "person"


def _pick(mentions, actors, text, lo, hi, cue):
    """Best speaker in [lo, hi): a named person, else an unnamed source, else a body or state."""
    cue_pos = cue.start()
    cands = [m for m in mentions if lo <= m.start and m.end <= hi]
    people = [m for m in cands if _is_person(m, actors)]
    if people:
        return min(people, key=lambda m: abs(m.start - cue_pos))
    # a report speaks only as the cue's subject: not "وقال أوتو في التقرير", "said in the report"
    # (not a word of an actor's name: "the Joint Military Commission")
    generic = [g for g in _GENERIC.finditer(text, lo, hi) if not any(m.start < g.end() and g.start() < m.end for m in cands)
               and (not regex.search(r"report|statement|تقرير|بيان", g.group(), regex.IGNORECASE) or _next_to(text, g, cue))]
    if generic:
        return min(generic, key=lambda g: abs(g.start() - cue_pos))
    others = [m for m in cands if not _is_person(m, actors) and (not m.actor_id or actors[m.actor_id].kind != "media")
              and m.alias_type not in ("demonym", "nisba") and not _with_preposition(m)]
    return min(others, key=lambda m: abs(m.start - cue_pos)) if others else None


def _speaker(mentions, actors, text, cue, lo, hi):
    """Speaker for a reporting cue within [lo, hi): its subject.

    English puts the subject before the verb ("Mills said"); Arabic mostly
    after it ("وقال ميلز"), but before it after a relative ("أردوغان، الذي أعلن").
    """
    before = (lo, cue.start())
    after = (cue.end(), hi)
    arabic_verb = bool(regex.match(r"\p{Arabic}", cue.group())) and not _SPEAKER_BEFORE.fullmatch(cue.group())
    relative = regex.search(r"(?:الذي|التي|who)\s*$", text[lo:cue.start()])
    order = [after, before] if (arabic_verb or _ACCORDING.fullmatch(cue.group())) and not relative else [before, after]
    for a, b in order:
        found = _pick(mentions, actors, text, a, b, cue)
        if found is not None:
            return found
    return None


def _unknown_subject_first(text: str, cue, is_after: bool, speaker, actors) -> bool:
    """Whether a name the gazetteer lacks stands right after the cue, before the body or state found
    as ``speaker``: the subject is the speaker ('"...," said Jalel Harchaoui, a Libya specialist',
    'أعلنت وزارة الدفاع التركية ... أن قواتها في ليبيا')."""
    word = cue.group()
    arabic = bool(regex.match(r"\p{Arabic}", word))
    if speaker is None or not hasattr(speaker, "actor_id") or not speaker.actor_id \
            or actors[speaker.actor_id].kind == "person" \
            or speaker.start <= cue.end():
        return False
    if arabic and (is_after or _SPEAKER_BEFORE.fullmatch(word)):
        return False  # (an Arabic verb after its quote, or "قوله": its subject is elsewhere)
    if not arabic and not (is_after and word.isascii()):
        return False  # (English puts the subject first, unless inverted after the quote)
    name = _unknown_name(text, cue, False) if arabic else _en_name_at(text, cue.end())
    return bool(name) and text.find(name, cue.end()) + len(name) <= speaker.start


def _quote_text(row: dict, text: str) -> None:
    """A quote's words as written, inside its marks (after :func:`libyakit.marks.mark_free` maps it back)."""
    if row["kind"] == "reported":
        row["quote"] = row["surface"]
    else:
        row["quote"] = text[row["start"] + 1:row["end"] - 1 if row["closed"] else row["end"]].strip()
    around = text[max(0, row["start"] - 200):row["end"] + 200]
    for c in ("cue", "speaker_name"):
        row[c] = written(row[c], around)


@mark_free(fix_row=_quote_text)
def quotes_in(doc, *, reported: bool = True) -> list[dict]:
    """Quote rows for one :class:`~libyakit.document.Document` or text (rows of :func:`extract_quotes`
    without article_id)."""
    actors = actor_info()
    text, mentions, sentences = doc.text, doc.mentions, doc.sentences
    # who may speak: the gazetteer's actors and the people named after a title it does not list
    pool = doc.actors
    # «قنونو»: a single word or name in quotation marks is not a quote, nor a name its noun introduces
    # (قناة «آر. بي. كا», "Operation «Volcano of Rage»", اتفاق «سايكس - بيكو»)
    spans = [sp for sp in _quote_spans(text) if len(text[sp[0] + 1:sp[1]].split()) >= 3 and not _named(text, sp[0])]
    if not spans:
        return _with_reported(text, [], [], mentions, sentences, actors, pool) if reported else []
    span_starts = [sp[0] for sp in spans]
    span_ends = sorted(sp[1] for sp in spans)
    sent_starts = [sp[0] for sp in sentences]
    m_starts = [m.start for m in mentions]
    pool_starts = [m.start for m in pool]
    rows = []
    for q_start, q_end, closed in spans:
        inner = text[q_start + 1:q_end - 1 if closed else q_end].strip()
        # context: the rest of the sentence after the quote, and the text before it
        nxt = bisect_left(span_starts, q_end)
        after_hi = min(span_starts[nxt] if nxt < len(spans) else len(text), q_end + _WINDOW, len(text))
        para_end = text.find("\n", q_end)
        after_hi = min(after_hi, para_end if para_end != -1 else len(text))
        prv = bisect_right(span_ends, q_start) - 1
        before_lo = max(span_ends[prv] if prv >= 0 else 0, q_start - _WINDOW, 0)
        para_start = text.rfind("\n", 0, q_start) + 1
        before_lo = max(before_lo, para_start)
        speaker = cue = None
        resolved_by, is_after = "", False
        first = sentences[max(bisect_right(sent_starts, q_start) - 1, 0)] if sentences else (q_start, q_end, "")
        last = sentences[max(bisect_right(sent_starts, max(q_end - 1, q_start)) - 1, 0)] if sentences else first
        s_lo = max(min(first[0], q_start), before_lo)
        s_hi = min(max(last[1], q_end), after_hi)
        tail = _TAIL_ATTRIBUTION.match(text, q_end, after_hi)
        if tail is not None and tail.end() > s_hi:
            s_hi = tail.end()  # '"... the country." Williams explained.': the sentence ended inside the quote
        cues_before = list(_CUE.finditer(text, s_lo, q_start))
        cues_after = list(_CUE.finditer(text, q_end, s_hi))
        near_before = cues_before[-1] if cues_before and q_start - cues_before[-1].end() <= 60 else None
        near_after = cues_after[0] if cues_after and cues_after[0].start() - q_end <= 60 else None
        chosen = near_before or near_after or (cues_before[-1] if cues_before else None) or (
            cues_after[0] if cues_after else None)
        if chosen is not None:
            cue = chosen.group()
            is_after = chosen.start() >= q_end
            resolved_by = "after" if is_after else "before"
            lo, hi = (q_end, s_hi) if is_after else (s_lo, q_start)
            if is_after and _PRONOUN.search(text, q_end, chosen.start()):
                speaker = None  # "..., he said"
            else:
                speaker = _speaker(within(pool, pool_starts, lo, hi), actors, text, chosen, lo, hi)
                if _unknown_subject_first(text, chosen, is_after, speaker, actors):
                    speaker = None  # ... and _unknown_name below takes the name
        elif rows and rows[-1]["end"] <= q_start and (
                _CONTINUING.fullmatch(text, rows[-1]["end"], q_start)
                or (rows[-1]["rule"] == "direct:cue_after" and (rows[-1]["speaker_name"] or rows[-1]["speaker_id"])
                    and _ONE_ATTRIBUTION.fullmatch(text, rows[-1]["end"], q_start))):
            # a quote straight after another continues it, as does one after the attribution of the
            # quote before: '"We will hold elections," Dbeibah told Al Jazeera. "No one will stop us."'
            prev = rows[-1]
            rows.append({**prev, "quote": inner, "start": q_start, "end": q_end, "surface": text[q_start:q_end],
                         "closed": closed, "resolved_by": "continues previous quote", "rule": "direct:continues"})
            continue
        speaker_id, speaker_en, speaker_name = _speaker_columns(speaker, text, actors)
        if speaker is None and cue is not None and not (is_after and _PRONOUN.search(text, q_end, chosen.start())) and (
                unknown := _unknown_name(text, chosen, chosen.start() >= q_end, q_end if is_after else s_lo)):
            resolved_by = "not in gazetteer"  # "وقال تشاندار:", "said Chandar": a speaker the gazetteer lacks
            speaker_name = unknown
            named = _title_antecedent(unknown, pool, q_start)
            if named:  # "وأضاف الوزير أن «...»": the minister named before
                speaker_name, resolved_by = named, "title of a person named before"
        elif speaker is None and cue is not None:
            # "he said", وقال "...": only where that is safe
            found = _safe_pronoun(text, sentences, sent_starts, mentions, m_starts, actors, rows, q_start, pool)
            if found:
                (speaker_id, speaker_en, speaker_name), resolved_by = found, "previous sentence"
            else:
                resolved_by = "unresolved"
        rows.append({
            "kind": "direct", "speaker_id": speaker_id, "speaker_en": speaker_en, "speaker_name": speaker_name,
            "cue": cue or "", "quote": inner,
            "start": q_start, "end": q_end, "surface": text[q_start:q_end], "closed": closed,
            "resolved_by": resolved_by if cue else "",
            "rule": ("direct:cue_after" if is_after else "direct:cue_before") if cue else "direct:no_cue",
        })
    return _with_reported(text, rows, spans, mentions, sentences, actors, pool) if reported else rows


_TITLES_AR = word_list("person_titles.csv", "ar")
_TITLES_EN = word_list("person_titles.csv", "en")


def _title_antecedent(name: str, pool, pos: int) -> str:
    """The person a bare title stands for ("وأضاف الوزير", "the minister added"): the last one named
    before ``pos`` after that title (a titled name the gazetteer lacks), or ""."""
    words = name.split()
    if not words or len(words) > 2:
        return ""
    first = regex.sub(r"\p{M}", "", words[0])
    forms = {first, first.removeprefix("ال"), "ال" + first.removeprefix("ال"), first.lower(), first.capitalize()}
    if not (forms & _TITLES_AR or forms & _TITLES_EN):
        return ""
    before = [m for m in pool if not m.actor_id and m.end <= pos and m.alias_type == "titled_name"
              and {m.alias, m.alias.removeprefix("ال"), "ال" + m.alias.removeprefix("ال")} & forms]
    return before[-1].surface if before else ""


def _speaker_columns(speaker, text: str, actors) -> tuple[str, str, str]:
    """``(speaker_id, speaker_en, speaker_name)`` of a speaker found by :func:`_speaker`: an actor
    mention, or an unnamed source (a match of ``_GENERIC``); empty strings for ``None``."""
    if speaker is None:
        return "", "", ""
    if hasattr(speaker, "actor_id") and not speaker.actor_id:  # a titled name the gazetteer lacks
        return "", speaker.surface if not regex.search(r"\p{Arabic}", speaker.surface) else "", speaker.surface
    if hasattr(speaker, "actor_id"):
        return speaker.actor_id, actors[speaker.actor_id].name_en, text[speaker.start:speaker.end]
    g = speaker.groupdict()
    # its name, where it follows the title and the gazetteer lacks it: "spokeswoman Maria Zakharova"
    name = (g["en"] and (_en_name_at(text, speaker.end()) or _en_described(text, speaker))) or speaker.group()
    label = unnamed_label(speaker)
    return "", label, name


# ---------------------------------------------------------------- reported speech
#
# "X said that ...", "قال X إن ...", "وأكد X أن ...", "أشار X إلى أن ...", "وقال X: ..." (no quotation
# marks), and ", adding that ..." / "، مضيفا أن ..." (the speaker before goes on). The statement is
# the rest of the sentence after the complementizer; the speaker is found as for a direct quote's cue.

_REPORTED_CUE = regex.compile(
    rf"(?<![\p{{L}}])(?:{cue_pattern(tuple(v for v in reporting_verb_table() if v.reported))})(?![\p{{L}}])",
    regex.IGNORECASE)
_PARTICIPLE_CUE = regex.compile(rf"(?<![\p{{L}}])(?:و)?(?:{_PARTICIPLE})(?![\p{{L}}])", regex.IGNORECASE)
# what opens the reported clause: إن/أن (with a pronoun: إنه، أنها، بأن), "that"; an Arabic colon
_THAT = regex.compile(r"(?<![\p{L}])(?:ب|ل)?(?:إن|أن|ان)(?:ه|ها|هم|هما|هن|نا|ني|كم)?(?![\p{L}])"
                      r"|(?<![\p{L}])that(?![\p{L}])|:", regex.IGNORECASE)
_SUBJECT_MAX = 160  # characters between a reporting verb and its complementizer (the subject, a time, a place)
_PARTICIPLE_MAX = 12  # between a participle and its complementizer: "مشيرا إلى أن", "adding that"
_BREAK = regex.compile(r"[.!?؟\n\"«»“”]")
_OPENS_QUOTE = regex.compile(r"\s*[\"«“]")


def _clause(text: str, sentence_end: int, comp) -> tuple[int, int] | None:
    """The reported clause after the complementizer ``comp``, to the end of its sentence; None
    where it is a direct quotation (that row is the quote's) or empty."""
    if _OPENS_QUOTE.match(text, comp.end()):
        return None
    start = comp.end()
    while start < sentence_end and text[start].isspace():
        start += 1
    end = sentence_end
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,;:"):
        end -= 1
    return (start, end) if end - start >= 6 else None


class _At:
    """Where a reported clause opens without a complementizer (quacks like a match of ``_THAT``)."""

    def __init__(self, pos: int):
        self.pos = pos

    def start(self) -> int:
        return self.pos

    def end(self) -> int:
        return self.pos

    def group(self) -> str:
        return ""


# English leaves "that" out: "She said there is a sharp decline", "Salame told reporters on Tuesday the
# talks would resume". The clause opens with a subject; "said the minister." (an inverted subject) is
# too short to be one (_ZERO_THAT_MIN_WORDS).
_EN_AFTER_CUE = regex.compile(
    r"(?:\s+(?:on|late|early)\s+[A-Z][a-z]+|\s+(?:[A-Z][a-z]+day|in\s+a\s+statement|in\s+an\s+interview))?,?")
_EN_OBJECT = regex.compile(r"\s+(?:reporters|journalists|the\s+[A-Za-z]+(?:\s+[A-Z][a-z]+){0,2}|[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,2})")
_EN_SUBJECT = regex.compile(
    r"\s+(?=(?:[Tt]here|[Ii]t|[Tt]hey|[Hh]e|[Ss]he|[Ww]e|I|[Tt]he|[Aa]n?|[Tt]his|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Ii]ts"
    r"|[Tt]heir|[Ss]ome|[Aa]ll|[A-Z][\w'’-]+)\s+[\w'’])")
_ZERO_THAT_MIN_WORDS = 4
# the attribution after the statement: "The deadline has passed, diplomats said." (English only; a quotation
# there is the direct quote's)
_TRAILING = regex.compile(
    r",\s*(?P<who>(?:[\w.'’-]+\s+){0,5}?[\w.'’-]+)\s+(?P<cue>said|says|added|stated|noted|warned|explained|wrote"
    r"|told\s+[\w.-]+(?:\s+[A-Z][\w.-]+)?)(?:\s+(?:on\s+)?[A-Z][a-z]+day)?\s*\.?\s*$")


def _zero_that(text: str, cue, hi: int):
    """Where an English reported clause without "that" opens after ``cue``, or None."""
    pos = cue.end()
    if cue.group().lower() in _OBJECT_CUES or cue.group().lower() in ("tells",):
        obj = _EN_OBJECT.match(text, pos, hi)
        if obj is None:
            return None
        pos = obj.end()
    pos = _EN_AFTER_CUE.match(text, pos, hi).end()
    if _THAT.match(text, pos + 1) or not _EN_SUBJECT.match(text, pos, hi):
        return None
    if len(text[pos:hi].split()) < _ZERO_THAT_MIN_WORDS:
        return None
    return _At(pos)


def _complementizer(text: str, cue, limit: int, hi: int, arabic: bool):
    """The first complementizer after ``cue`` within ``limit`` characters and before ``hi``, with no
    sentence break, quotation mark or other reporting verb between (the later verb is the clause's);
    for an English verb with none right after it, where its clause opens (:func:`_zero_that`)."""
    comp = _THAT.search(text, cue.end(), min(hi, cue.end() + limit))
    if not arabic and limit == _SUBJECT_MAX and (comp is None or _BREAK.search(text, cue.end(), comp.start())
                                                 or len(text[cue.end():comp.start()].split()) > 4):
        zero = _zero_that(text, cue, hi)
        if zero is not None:
            return zero
    if comp is None or (comp.group() == ":" and not arabic):
        return None
    between = text[cue.end():comp.start()]
    if _BREAK.search(between) or _REPORTED_CUE.search(between):
        return None
    return comp


def _previous_speaker(rows: list[dict], pos: int, lo: int) -> dict | None:
    """The last row (direct or reported) that starts before ``pos`` and ends after ``lo``."""
    best = None
    for r in rows:
        if r["start"] < pos and r["end"] > lo and (r["speaker_id"] or r["speaker_name"] or r["speaker_en"]):
            if best is None or r["start"] > best["start"]:
                best = r
    return best


def _with_reported(text, rows, spans, mentions, sentences, actors, pool) -> list[dict]:
    """``rows`` (direct quotes) with the reported statements of ``text`` added, sorted by start."""
    if not sentences:
        return rows
    m_starts = [m.start for m in mentions]
    pool_starts = [m.start for m in pool]
    sent_starts = [sp[0] for sp in sentences]
    quoted = SpanSet((a + 1, b) for a, b, _ in spans)
    inside_quote = lambda pos: quoted.overlaps(pos, pos + 1)  # noqa: E731 (a cue inside a quotation)
    found = []
    for i, (s_lo, s_hi, _) in enumerate(sentences):
        prev_lo = sentences[i - 1][0] if i else s_lo
        for cue in _REPORTED_CUE.finditer(text, s_lo, s_hi):
            if inside_quote(cue.start()):
                continue
            arabic = bool(regex.match(r"\p{Arabic}", cue.group()))
            comp = _complementizer(text, cue, _SUBJECT_MAX, s_hi, arabic)
            clause = comp and _clause(text, s_hi, comp)
            if not clause:
                continue
            rule = {":": "reported:verb_colon", "": "reported:verb_clause"}.get(comp.group(), "reported:verb_that")
            subject_less = arabic and not regex.search(r"\p{L}", text[cue.end():comp.start()])
            speaker, resolved_by, name = None, "", ""
            before = text[max(s_lo, cue.start() - 5):cue.start()].split()
            pronoun = not arabic and bool(before) and bool(_PRONOUN.fullmatch(before[-1]))
            if not subject_less and not pronoun:
                speaker = _speaker(within(pool, pool_starts, s_lo, comp.start()), actors, text, cue, s_lo, comp.start())
                at = speaker.start if hasattr(speaker, "actor_id") else speaker.start() if speaker is not None else 0
                resolved_by = "after" if at > cue.start() else "before"
                if _unknown_subject_first(text, cue, False, speaker, actors):
                    speaker = None
                if speaker is None:
                    name = _unknown_name(text, cue, False, s_lo)
                    resolved_by = "not in gazetteer" if name else ""
                    named = _title_antecedent(name, pool, cue.start()) if name else ""
                    if named:
                        name, resolved_by = named, "title of a person named before"
            row = {"kind": "reported", "cue": cue.group(), "start": clause[0], "end": clause[1],
                   "surface": text[clause[0]:clause[1]], "quote": text[clause[0]:clause[1]], "closed": True,
                   "rule": rule}
            if speaker is not None or name:
                sid, sen, sname = _speaker_columns(speaker, text, actors)
                row.update(speaker_id=sid, speaker_en=sen, speaker_name=sname or name, resolved_by=resolved_by)
            else:
                prev = _previous_speaker(rows + found, cue.start(), prev_lo)
                if prev is not None:
                    row.update(speaker_id=prev["speaker_id"], speaker_en=prev["speaker_en"],
                               speaker_name=prev["speaker_name"], resolved_by="previous statement")
                else:
                    who = _safe_pronoun(text, sentences, sent_starts, mentions, m_starts, actors, rows + found,
                                        cue.start(), pool)
                    sid, sen, sname = who or ("", "", "")
                    row.update(speaker_id=sid, speaker_en=sen, speaker_name=sname,
                               resolved_by="previous sentence" if who else "unresolved")
            found.append(row)
        trailing = _TRAILING.search(text, s_lo, s_hi)
        if trailing is not None and not _BREAK.search(text, s_lo, trailing.start()) \
                and not any(r["start"] < trailing.start() and r["end"] > s_lo for r in found):
            cue = _REPORTED_CUE.match(text, trailing.start("cue"))
            who = (trailing.start("who"), cue.start())
            pronoun = bool(_PRONOUN.fullmatch(text[who[0]:who[1]].strip()))
            speaker = None if pronoun else _speaker(
                within(pool, pool_starts, *who), actors, text, cue, who[0], cue.end())
            end = trailing.start()
            row = {"kind": "reported", "cue": cue.group(), "start": s_lo, "end": end, "surface": text[s_lo:end],
                   "quote": text[s_lo:end], "closed": True, "rule": "reported:trailing_verb"}
            if speaker is not None:
                sid, sen, sname = _speaker_columns(speaker, text, actors)
                row.update(speaker_id=sid, speaker_en=sen, speaker_name=sname, resolved_by="after")
            else:
                prev = _previous_speaker(rows + found, s_lo, prev_lo)
                named = "" if prev is not None or pronoun else text[who[0]:who[1]].strip()
                row.update(speaker_id=prev["speaker_id"] if prev else "", speaker_en=prev["speaker_en"] if prev else "",
                           speaker_name=prev["speaker_name"] if prev else named,
                           resolved_by="previous statement" if prev else ("not in gazetteer" if named else "unresolved"))
            found.append(row)
        for part in _PARTICIPLE_CUE.finditer(text, s_lo, s_hi):
            if inside_quote(part.start()):
                continue
            comp = _complementizer(text, part, _PARTICIPLE_MAX, s_hi, True)
            clause = comp and comp.group() != ":" and _clause(text, s_hi, comp)
            if not clause:
                continue
            prev = _previous_speaker(rows + found, part.start(), prev_lo)
            row = {"kind": "reported", "cue": part.group(), "start": clause[0], "end": clause[1],
                   "surface": text[clause[0]:clause[1]], "quote": text[clause[0]:clause[1]], "closed": True,
                   "rule": "reported:participle", "speaker_id": prev["speaker_id"] if prev else "",
                   "speaker_en": prev["speaker_en"] if prev else "", "speaker_name": prev["speaker_name"] if prev else "",
                   "resolved_by": "continues previous statement" if prev else "unresolved"}
            found.append(row)
    return sorted(rows + found, key=lambda r: (r["start"], r["end"]))


# Words between a reporting verb and its subject, or standing where no subject is (prepositions and
# their pronouns, times, "also", "saying", the complementizer): data/lexicon/subject_skips.csv. The
# quotes read the text without marks, so the table's bare forms serve ("قائلاً" is قائلا).
_AR_NOT_SUBJECT = word_list("subject_skips.csv", "ar")
_EN_PLACE_BEFORE = regex.compile(r"(?<![\p{L}])(?:in|at|from|near|of|to|for|with|outside|inside)\s+$", regex.IGNORECASE)
_EN_NOT_SUBJECT = word_list("subject_skips.csv", "en")
_WORD_AFTER = regex.compile(r"[\s,،]*([\p{L}][\p{L}\p{M}'.-]*)")
_WORD_BEFORE = regex.compile(r"([\p{L}][\p{L}\p{M}'.-]*)[\s,،]*$")


_HONORIFICS = word_list("honorifics.csv", "ar")
_AR_PREPOSITIONS = frozenset("في عن على من إلى مع خلال عبر لدى حول".split())
_AR_FILLER = regex.compile(
    r"(?:في|وفي)\s+(?:هذا|ذلك)\s+(?:الصدد|السياق|الإطار|الشأن)|من\s+(?:جهته|جهتها|جانبه|جانبها|ناحيته|ناحيتها)"
    r"|في\s+(?:المقابل|الأثناء|غضون\s+ذلك)")
_AR_NAME_STOPS = word_list("name_stops.csv", "ar")  # words a name never runs into (the titled names' table too)
_AR_APPOSITIVE = regex.compile(r"[ \t]*،[ \t]*((?:[\p{L}\p{M}.]+[ \t]+){1,3}[\p{L}\p{M}]+)[ \t]*،")
_QUOTED_FROM = regex.compile(
    r"(?<![\p{L}])(?:عن|quoted)\s+((?:[\p{L}\p{M}'.-]+\s+){0,4}?[\p{L}\p{M}'.-]+)[\s،,]*$", regex.IGNORECASE)
_OBJECT_CUES = frozenset(f.lower() for f in reporting_verbs(speaker="object"))  # who follows them is addressed
_NAME_WORD = regex.compile(r"[ \t]*([\p{L}][\p{L}\p{M}'.-]*)")  # (the name goes on on the same line)
_EN_PARTICLES = {"al-", "el-", "bin", "ibn", "de", "van", "von", "al", "el"}


_DESCRIBING_WORD = regex.compile(r"([\p{L}][\p{L}'-]*)\s+$")
_NAME_WORD_BEFORE = regex.compile(r"([\p{L}][\p{L}\p{M}'.-]*)\s+$")
_NOT_DESCRIBING = frozenset("the a an in on at of to for from by with and or said says told but as that this one two "
                            "another some several other".split())


def _words_before(text: str, start: int, word, keep, *, lo: int = 0, width: int = 40) -> int:
    """Where the words before ``start`` that ``keep`` accepts begin (at most three, each matched by
    ``word`` as the last word within ``width`` characters)."""
    for _ in range(3):
        m = word.search(text, max(lo, start - width), start)
        if m is None or not keep(m.group(1)):
            break
        start = m.start(1)
    return start


def _en_described(text: str, generic) -> str:
    """An unnamed English source with the words that describe it: "Turkish defence ministry",
    "western diplomat", "Libyan intelligence officer" (up to three words before it)."""
    start = _words_before(text, generic.start("en"), _DESCRIBING_WORD, width=30, keep=lambda w: not (
        w.lower() in _NOT_DESCRIBING or w.lower().endswith("'s")))
    return text[start:generic.end()]


def _en_name_at(text: str, pos: int) -> str:
    """The capitalised name that starts at ``pos`` (after spaces or a comma), up to four
    words with particles ("Maria Zakharova", "Ahmed al-Mismari"), or ""."""
    m = _WORD_AFTER.match(text, pos)
    if m is None or not m.group(1)[:1].isupper() or m.group(1).lower() in _EN_NOT_SUBJECT:
        return ""
    start, end = m.start(1), m.end(1)
    for _ in range(3):
        n = _NAME_WORD.match(text, end)
        if n is None or not (n.group(1)[:1].isupper() or n.group(1).lower() in _EN_PARTICLES):
            break
        end = n.end(1)
    return text[start:end].rstrip(".")


def _unknown_name(text: str, cue, is_after: bool, lo: int = 0) -> str:
    """The subject a reporting cue names when the gazetteer does not know it, as written —
    "تشاندار" in "وقال تشاندار في مقال له:", "Chandar" in "said Chandar" — or "" where the cue
    has no subject of its own ("he said", وقال "...", "وقال في بيان")."""
    if _SPEAKER_BEFORE.fullmatch(cue.group()):
        # "نقلت الصحيفة عن بايكال قوله", "quoted Baykal as saying": the name between عن/quoted and the cue
        m = _QUOTED_FROM.search(text, max(0, cue.start() - 80), cue.start())
        return m.group(1) if m else ""
    if regex.match(r"\p{Arabic}", cue.group()):
        pos = cue.end()
        for _ in range(3):  # skip "عليه", "أمس", "في هذا الصدد" ...: the subject may follow them
            m = _WORD_AFTER.match(text, pos)
            if m is None:
                return ""
            bare = regex.sub(r"\p{M}", "", m.group(1))
            word = bare if bare in _AR_NOT_SUBJECT else regex.sub(r"^[وف]", "", bare)
            filler = _AR_FILLER.match(text, m.start(1))
            if filler is not None:  # "في هذا الصدد", "من جهته": the subject may follow
                pos = filler.end()
                continue
            if word in _AR_PREPOSITIONS:
                return ""  # "وقال في تصريح", "وأعلن عن جلسة": what follows is its object, not a subject
            if bare in _HONORIFICS:
                return ""  # "وقال معاليه": a pronoun for the person named before, resolved like one
            if bare.lstrip("وف")[:1] in _AR_PREPOSITION_CLITICS and any(
                    _with_preposition(x) for x in mentions_in(bare)):
                return ""  # "وقال لإسرائيل إن": whom it was said to, not who said it
            if word in _AR_NOT_SUBJECT or regex.match(r"^ل(?:وكالة|صحيفة|قناة)", word):
                pos = m.end()
                continue
            if regex.match(r"^(?:إن|أن|ان|بأن|بان|لأن)", word) or len(word) < 2 or word in ("لا", "لم", "لن", "قد", "ما"):
                return ""
            start, end, last = m.start(1), m.end(1), m.group(1)
            for _ in range(5):  # the name's further words, up to a particle, "إن", a relative or punctuation
                if last.endswith(".") and len(last) > 2:
                    break  # the sentence ended (not "د. علي", "ستيفن ج. هينتغس")
                n = _NAME_WORD.match(text, end)
                if n is None or n.group(1) in _AR_NOT_SUBJECT or n.group(1) in _AR_NAME_STOPS \
                        or regex.match(r"^(?:إن|أن|ان|ل|بأن|بان)", n.group(1)):
                    break
                end, last = n.end(1), n.group(1)
            # a title, then the name between commas: "وقال الناطق باسم غرفة العمليات، العميد الهادي دراه، إن"
            # (only after a title, a definite description: "عبد اللطيف العبد اللطيف، المستثمر العقاري،" is the name)
            appositive = _AR_APPOSITIVE.match(text, end) if regex.match(r"(?:ال|لل)", bare) else None
            if appositive is not None and not any(
                    w in _AR_NOT_SUBJECT or w in _AR_NAME_STOPS for w in appositive.group(1).split()):
                end = appositive.end(1)
            return text[start:end].rstrip(".")
        return ""
    if is_after:
        # '"...," said Chandar' (but '"...," told Reuters': who is told is no speaker) ...
        name = "" if cue.group().lower() in _OBJECT_CUES else _en_name_at(text, cue.end())
        if name:
            return name
        # ... else '"...," the minister Adel Kafi said': the name between the quote (``lo``) and the cue
    m = _WORD_BEFORE.search(text, max(lo, cue.start() - 80), cue.start())  # (not the whole article before)
    if m is None or m.end() < cue.start() - 3 or not m.group(1)[:1].isupper() or m.group(1).lower() in _EN_NOT_SUBJECT:
        return ""
    # the name's earlier words: capitalised, or a particle ("Ahmed al-Mismari")
    start = _words_before(text, m.start(1), _NAME_WORD_BEFORE, lo=lo, keep=lambda w: (
        w[:1].isupper() or w.lower() in _EN_PARTICLES) and w.lower() not in _EN_NOT_SUBJECT)
    end = m.end(1)
    if _EN_PLACE_BEFORE.search(text, max(lo, start - 12), start):
        return ""  # '"...," a Libyan intelligence officer in Sebha told me': a place, not the speaker
    return text[start:end]


def _safe_pronoun(text, sentences, sent_starts, mentions, m_starts, actors, rows, q_start, pool=()):
    """Speaker for a subjectless cue, as ``(speaker_id, speaker_en, speaker_name)``, or None: the
    previous sentence's quote speaker (listed in the gazetteer or a name as written), else its only
    person (the gazetteer's, else one named after a title)."""
    idx = bisect_right(sent_starts, q_start) - 1
    if idx < 0:
        return None
    # the sentence before the one holding the quote (a quote may span sentences)
    cur_start = sentences[idx][0]
    while idx > 0 and any(r["start"] < cur_start < r["end"] for r in rows):
        idx -= 1
        cur_start = sentences[idx][0]
    if idx == 0:
        return None
    p_start, p_end, _ = sentences[idx - 1]
    if text[p_end:cur_start].count("\n") > 2:
        return None
    prev_quotes = [r for r in rows if p_start <= r["start"] < p_end or r["start"] < p_start < r["end"]]
    if prev_quotes and (prev_quotes[-1]["speaker_id"] or prev_quotes[-1]["speaker_name"]):
        last = prev_quotes[-1]  # (a listed speaker by id alone: speaker_name is what the cue names)
        return last["speaker_id"], last["speaker_en"], "" if last["speaker_id"] else last["speaker_name"]
    if prev_quotes:
        return None
    people = {m.actor_id for m in within(mentions, m_starts, p_start, p_end) if actors[m.actor_id].kind == "person"}
    if len(people) == 1:
        sid = people.pop()
        return sid, actors[sid].name_en, ""
    unlisted = {m.surface for m in pool if p_start <= m.start < p_end and not m.actor_id
                and m.alias_type == "titled_name"}
    if len(unlisted) == 1 and not people:
        name = unlisted.pop()
        return "", name if name.isascii() else "", name
    return None


def extract_quotes(articles, *, progress: bool | None = None):
    """Direct quotes with their speakers, one row per quote.

    Columns: article_id; speaker_id (actor id when the speaker is a known
    actor, else empty); speaker_en (English name, or a label such as
    "spokesperson" for an unnamed speaker); speaker_name (the speaker as
    written at the cue — "Stephanie Williams", "المتحدث", or a name the
    gazetteer lacks such as "تشاندار"; empty when resolved from another
    sentence); cue (the reporting verb as
    written); quote (the words inside the marks); start, end, surface (the
    quote with its marks: ``text[start:end] == surface``); closed (False when
    the closing mark is missing); resolved_by (after | before | previous
    sentence | not in gazetteer — the cue names a speaker the gazetteer lacks |
    unresolved | "" when no cue was found).
    """
    import pandas as pd

    from .corpus import rows_per_article

    rows = rows_per_article(articles, quotes_in, desc="quotes", progress=progress)
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS).astype({"start": "int64", "end": "int64", "closed": "bool"})


def extract_agencies(articles):
    """The news agencies and outlets each article cites (actor mentions of kind ``media``)."""
    from .actors import extract_actors

    return extract_actors(articles, kinds={"media"})


def _states_named(quote: str) -> tuple[str, ...]:
    """The non-Libyan states a quote names, sorted."""
    actors = actor_info()
    return tuple(sorted({m.actor_id for m in mentions_in(quote)
                         if actors[m.actor_id].kind == "state" and not actors[m.actor_id].libyan}))


def statement_quotes(quotes, states):
    """The quotes that name exactly ``states`` (a row of :func:`same_statements`)."""
    wanted = tuple(sorted(states))
    return quotes[[(_states_named(q) == wanted) for q in quotes["quote"]]]


def same_statements(quotes, *, min_states: int = 2):
    """Group quotes that name the same set of foreign states: one statement across articles and languages.

    A quote's key is the set of non-Libyan states it names (at least
    ``min_states``). Returns one row per key found in more than one article:
    states (tuple), articles (tuple of article ids), n_articles, speakers.
    """
    import pandas as pd

    keys = [k if len(k) >= min_states else None for k in map(_states_named, quotes["quote"])]
    q = quotes.assign(states=keys).dropna(subset=["states"])
    rows = []
    for states, g in q.groupby("states", sort=True):
        arts = tuple(sorted(set(g["article_id"])))
        if len(arts) > 1:
            speakers = tuple(sorted({s for s in g["speaker_en"] if s}))
            rows.append({"states": states, "articles": arts, "n_articles": len(arts), "speakers": speakers})
    df = pd.DataFrame(rows, columns=["states", "articles", "n_articles", "speakers"])
    return df.sort_values(["n_articles", "states"], ascending=[False, True]).reset_index(drop=True)
