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
a speaker the gazetteer does not know ("وقال تشاندار في مقال له:", "said Chandar",
"the motion said"), speaker_id stays empty with ``resolved_by`` "not in gazetteer" and the
name as written in speaker_name; a bare title ("وأضاف الوزير", "رئيس الوزراء الجزائري")
stands for the person named before with that title.

Speakers left to context are resolved after every statement is found, in document order
(:func:`_resolve`), within a bounded window (two sentences, one paragraph back):

* a quotation inside a reported clause, or that is the clause, takes its speaker ("رأت
  وليامز أن الحكومة أمامها «فرصة كبيرة»", 'revealed that "..."');
* a cue with no subject ("he said", وقال «...», ، مضيفا: «...») continues the statement
  before it, or the person named just before when nearer ("person named before"), never
  one named inside a statement nor in a sentence that names several people;
* a quotation that goes on after another (same sentence, the next paragraph) keeps its
  speaker.

An unnamed speaker ("the spokesperson") is kept as a label in ``speaker_en``. Each keep/drop
decision is a named rule (``quotes.*`` in :func:`libyakit.rules.list_rules`); the ``rule``
column says which path made a row. Vocabulary (cue verbs, complementizers, pronouns,
prepositions, fillers...) is data under ``data/lexicon/``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

import regex

from .actors import mentions_in
from .arabic import ARTICLE, CONJUNCTION_RE, CONJUNCTIONS, OBJECT_PRONOUNS, PREPOSITIONS as PREPOSITION_CLITICS, loose_spelling, proclitics
from .gazetteer import actor_info
from .lexicon import (alternation, cue_pattern, is_seat, opens_seat, participles, reporting_verb_table, reporting_verbs, unnamed_label,
                      unnamed_source_regex, word_list)
from .marks import mark_free, written
from .regex_gate import WordFinder, lowered
from .rules import row_rule, rule
from .sentences import SpanSet, within

__all__ = ["extract_quotes", "QUOTE_COLUMNS", "quotes_in", "extract_agencies", "same_statements",
           "statement_quotes"]

QUOTE_COLUMNS = ["article_id", "kind", "speaker_id", "speaker_en", "speaker_name", "cue", "quote", "start", "end",
                 "surface", "closed", "resolved_by", "rule"]

# the spellings web text swaps: a hamza on alef left out (اضاف for أضاف), a final ya written ى or ي
_ALEFS = ("أ", "إ", "آ", "ا")
_FINAL_YA = ("ى", "ي")
_FOLD = str.maketrans({a: _ALEFS[-1] for a in _ALEFS[:-1]})


@lru_cache(maxsize=1 << 16)  # (asked for the same words over and over)
def _fold(word: str) -> str:
    """A word with its hamza seats folded (أمس and امس look the same; not ى and ي: على is not علي)."""
    return word.translate(_FOLD)


class _Folded(frozenset):
    """A set of Arabic words asked with or without their hamzas ("امس" in it when "أمس" is)."""

    def __new__(cls, words):
        return super().__new__(cls, {_fold(w) for w in words})

    def __contains__(self, word) -> bool:
        return super().__contains__(_fold(word)) if isinstance(word, str) else False


_MARK = regex.compile(r"\p{M}")
_ARABIC = regex.compile(r"\p{Arabic}")
_LETTER = regex.compile(r"\p{L}")
_GUILLEMETS = regex.compile(r"«[^«»]*»")
_DETERMINERS = word_list("determiners.csv", "en")
_EN_ARTICLES = alternation(_DETERMINERS)
_ONLY_ARTICLE = regex.compile(rf"\s*(?:(?:{_EN_ARTICLES})\s+)?", regex.IGNORECASE)
_DOCUMENT_LABELS = frozenset({"report", "statement"})  # unnamed sources that are documents (their labels)

# the values of a row's ``rule`` column: the path that made the row
_R_CUE_BEFORE = row_rule("quotes.direct_cue_before", "A quotation whose reporting cue stands before it in its sentence "
                         "(Mills stressed: \"...\", وقال ميلز: «...»).")
_R_CUE_AFTER = row_rule("quotes.direct_cue_after", "A quotation whose reporting cue follows it (\"...,\" Guterres "
                        "told reporters; «...»، قال ميلز).")
_R_NO_CUE = row_rule("quotes.direct_no_cue", "A quotation of three words or more with no reporting cue near it; its "
                     "speaker only where a reported clause holds it.")
_R_CONTINUES = row_rule("quotes.direct_continues", "A quotation straight after another, or after the attribution of "
                        "the one before: the same speaker goes on.")
_R_PARTICIPLE = row_rule("quotes.direct_participle", "A quotation after a continuing participle (، مضيفا: «...», "
                         "', adding: \"...\"'): the speaker of the clause before.")
_R_VERB_THAT = row_rule("quotes.reported_verb_that", "A reported statement: a reporting verb, its subject and a "
                        "complementizer (قال X إن ..., X said that ...).")
_R_VERB_COLON = row_rule("quotes.reported_verb_colon", "A reported statement after an Arabic reporting verb and a colon "
                         "with no quotation marks (وقال X: ...).")
_R_VERB_CLAUSE = row_rule("quotes.reported_verb_clause", "An English reported statement without \"that\" (X said "
                          "there is ...).")
_R_TRAILING = row_rule("quotes.reported_trailing_verb", "An English statement attributed after it: \"..., diplomats "
                       "said.\"")
_R_PARTICIPLE_CLAUSE = row_rule("quotes.reported_participle", "A reported statement after a continuing participle "
                                "(، مضيفا أن ..., \", adding that ...\"): the speaker before goes on.")

_DIRECT = tuple(v for v in reporting_verb_table() if v.direct)

_ACCORDING = regex.compile(loose_spelling(cue_pattern(tuple(v for v in _DIRECT if v.speaker == "according"))), regex.IGNORECASE)
_SPEAKER_BEFORE = regex.compile(loose_spelling(cue_pattern(tuple(v for v in _DIRECT if v.speaker == "before"))),
                                regex.IGNORECASE)


class _CueMatch:
    """A reporting cue found by :class:`_CueMatcher` (``start()``, ``end()``, ``group()`` as a match)."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text[self._start:self._end]


class _CueMatcher:
    """Words and phrases of several kinds (direct cues, reported cues, continuing participles) found
    by their head word, a whole run of letters (lower case; every spelling of its hamzas and final
    ya listed, a conjunction و/ف in front where the form's ``proclitic`` allows; the heads found in
    one Aho-Corasick pass, :class:`~libyakit.regex_gate.WordFinder`), and a phrase ("according
    to") checks its further words. One pass over the text finds every kind; a range is
    then asked in log time. About ten times faster than one alternation of every form with
    look-arounds (benchmarks/long_articles.py)."""

    def __init__(self, kinds: dict[str, list[tuple[str, str, str]]]):
        """``kinds``: kind -> ``(lang, form, proclitic)`` (proclitic: optional, required or none)."""
        self.kinds = tuple(kinds)
        # head word -> [(further words, the kinds it is)], the longest phrase first
        self.first: dict[str, list[tuple[tuple[str, ...], set[str]]]] = {}
        for kind, forms in kinds.items():
            for lang, form, proclitic in forms:
                words = form.lower().split()
                heads = [words[0]]
                if lang == "ar" and proclitic != "none":
                    heads = [c + words[0] for c in CONJUNCTIONS] + ([words[0]] if proclitic == "optional" else [])
                rest = tuple(words[1:])
                for h in heads:
                    for spelling in _spellings(h):
                        entries = self.first.setdefault(spelling, [])
                        entry = next((e for e in entries if e[0] == rest), None)
                        if entry is None:
                            entries.append((rest, {kind}))
                        else:
                            entry[1].add(kind)
        for entries in self.first.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)
        self._heads = WordFinder(self.first)

    def index(self, text: str) -> dict[str, "_CueIndex"]:
        """kind -> the forms of that kind in ``text``, each found once."""
        lower = lowered(text)
        found = {k: ([], []) for k in self.kinds}
        first = self.first
        for start, head_end in self._heads.finditer(lower):  # (the runs of letters that are head words)
            for rest, kinds in first[lower[start:head_end]]:
                end = head_end
                for want in rest:
                    nxt = _NEXT_WORD_RE.match(lower, end)
                    if nxt is None or nxt.group(1) not in _spellings(want):
                        end = None
                        break
                    end = nxt.end()
                if end is not None:
                    for k in kinds:
                        found[k][0].append(start)
                        found[k][1].append(end)
                    break
        return {k: _CueIndex(text, *v) for k, v in found.items()}


@lru_cache(maxsize=None)
def _spellings(word: str) -> frozenset[str]:
    """``word`` with every spelling web text gives its hamzas on alef (أضاف, اضاف) and its final ya
    (روى, روي)."""
    out = {""}
    for c in word:
        alts = _ALEFS if c in _ALEFS else _FINAL_YA if c in _FINAL_YA else (c,)
        out = {o + a for o in out for a in alts}
    return frozenset(out)


_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_]+)")


class _CueIndex:
    """The cues of one text, asked like a compiled pattern: ``finditer(text, pos, endpos)``,
    ``search``, ``match`` (a cue must lie wholly within the range)."""

    def __init__(self, text: str, starts: list[int], ends: list[int]):
        self.text, self.starts, self.ends = text, starts, ends

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        i = bisect_left(self.starts, pos)
        while i < len(self.starts) and self.ends[i] <= endpos:
            yield _CueMatch(text, self.starts[i], self.ends[i])
            i += 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        m = self.search(text, pos, endpos)
        return m if m is not None and m.start() == pos else None


def _relaying_forms(v) -> tuple[str, ...]:
    """A verb's forms; a relaying Arabic verb also with its feminine past (نقل: نقلت, "the agency
    relayed"), derived here so that the bare نقل, also "moved", stays one row for every extractor."""
    return (v.form, v.form + _FEMININE_PAST) if v.speaker == "relayed" and v.lang == "ar" else (v.form,)


_FEMININE_PAST = "ت"
_CUE_WORDS = frozenset(f for v in reporting_verb_table() for form in (v.form,) for f in _spellings(form))
_CUES = _CueMatcher({
    "direct": [(v.lang, v.form, v.proclitic) for v in reporting_verb_table() if v.direct],
    "reported": [(v.lang, f, v.proclitic) for v in reporting_verb_table() if v.reported for f in _relaying_forms(v)],
    "participle": [(lang, form, "optional") for lang, form in participles()],
})
_PRONOUN = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(word_list('pronouns.csv', 'en'))})(?![\p{{L}}])",
                          regex.IGNORECASE)
# what opens a reported clause (data/lexicon/complementizers.csv: إن/أن, بأن, "that"), with an object
# pronoun (إنه، أنها)
_COMP_AR = alternation(word_list("complementizers.csv", "ar"))
_COMP_EN = alternation(word_list("complementizers.csv", "en"))
_AR_COMPLEMENTIZER = rf"(?:{_COMP_AR})(?:{alternation(OBJECT_PRONOUNS)})?"
_OPENS_CLAUSE = regex.compile(rf"^(?:{_AR_COMPLEMENTIZER}|{alternation(word_list('particles.csv', 'ar'))})$")
_CONJUNCTION_START = regex.compile(rf"^{CONJUNCTION_RE}")
_DATIVE = tuple(p for p in PREPOSITION_CLITICS if p == ARTICLE[1])  # ل, the article's own letter
_DEFINITE_DATIVE = tuple(p + ARTICLE[1:] for p in PREPOSITION_CLITICS if p == ARTICLE[1])  # ل + ال written لل
_DEFINITE = regex.compile(rf"^(?:{ARTICLE}|{alternation(_DEFINITE_DATIVE)})")
_GENERIC = unnamed_source_regex()  # a source named by what it is (data/lexicon/unnamed_sources.csv)
_DQUOTE = regex.compile('"')
# between two quotes of one speaker: punctuation, or a participle that goes on ("، مضيفا أن", "، داعيا
# إلى", ", adding that")
_PARTICIPLE = loose_spelling(alternation(f for _, f in participles()))
_CONTINUING = regex.compile(
    rf"[\s.,،:;]*(?:{CONJUNCTION_RE}?(?:{_PARTICIPLE}))?(?:\s+(?:{_AR_COMPLEMENTIZER}|{_COMP_EN}|إلى|الى|to))?[\s,،:]*",
    regex.IGNORECASE)
# the rest of one sentence, ended by a full stop, and nothing else: an attribution between two quotes
# (a full stop after an abbreviation does not end it: "said U.S. Air Force Gen. Jeff Harrigian.")
_ONE_ATTRIBUTION = regex.compile(r"(?:[^.!?\n\"«»]|(?<=(?<![\p{L}])\p{Lu}\p{Ll}{0,3})\.(?=\s*\p{L})){1,160}[.:]\s*")
# the attribution that follows a quote whose full stop is inside it, up to its own end
_TAIL_ATTRIBUTION = regex.compile(r"[ \t]*[^.!?\n\"«»]{1,200}?(?:[.:]|$)", regex.MULTILINE)
_WINDOW = 250  # characters around a quote searched for its cue and speaker


# Single quotes, as British papers quote ('We are not leaving,' he said): cleaning makes curly ones
# straight, so an opening mark starts a word and a closing one ends one. An apostrophe stands between
# letters ("UN's", "Ma'aitiga") and is neither; "countries' forces" (s' before a word) is a possessive.
_SQ_OPEN = regex.compile(r"(?:^|(?<=[\s(\[—–]))'(?=[\p{L}\p{N}])")
_SQ_CLOSE = regex.compile(r"(?<=[^\s'])'(?=[\s.,;:!?)\]—–]|$)")
_POSSESSIVE = regex.compile(r"(?<=s)'(?=\s+\p{L})")


@rule("quotes.possessive_apostrophe")
def _possessive(para: str, pos: int) -> bool:
    """An apostrophe after an s before a word ("countries' forces") is a possessive, not a closing
    single quote."""
    return _POSSESSIVE.match(para, pos) is not None


def _single_quote_spans(para: str, offset: int) -> list[tuple[int, int, bool]]:
    """Closed single-quoted spans of one paragraph (an unclosed one is left alone: it may be an apostrophe)."""
    if "'" not in para:
        return []
    opens = [m.start() for m in _SQ_OPEN.finditer(para)]
    closes = [m.start() for m in _SQ_CLOSE.finditer(para) if not _possessive(para, m.start())]
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
# (read backwards, from the mark: the same match as a forward search, without trying every start)
_WORD_BEFORE_MARK = regex.compile(r"(?r)([\p{L}\p{M}]+)\s*$")


_NAME_PROCLITICS = sorted(proclitics(), key=len)


@rule("quotes.name_in_marks")
def _named(text: str, mark: int) -> bool:
    """Whether the word before the opening mark at ``mark`` is a noun that names what follows (قناة،
    اتفاق، عملية, "Operation", "dubbed"): a name in quotation marks, no quote."""
    m = _WORD_BEFORE_MARK.search(text, max(0, mark - 30), mark)
    if m is None:
        return False
    word = _MARK.sub("", m.group(1))
    if word in _NAME_HEADS["en"] or word.lower() in _NAME_HEADS["en"]:
        return True
    for prefix in _NAME_PROCLITICS:
        if word.startswith(prefix) and word[len(prefix):] in _NAME_HEADS["ar"]:
            return True
    return False


@rule("quotes.quote_within_quote")
def _within_quote(sp, taken: SpanSet) -> bool:
    """A single-quoted span inside (or across) a double-quoted one is a quote within a quote, no row of
    its own (``taken``: the quotations kept so far)."""
    return taken.overlaps(sp[0], sp[1])


@rule("quotes.too_short_for_quote")
def _too_short(text: str, sp) -> bool:
    """A single word or name in quotation marks («قنونو», "Wagner") is no quote: a quote has three
    words or more."""
    return len(text[sp[0] + 1:sp[1]].split()) < 3


def _backwards_pair(para: str, offset: int) -> tuple[int, int, bool] | None:
    """The quotation of a paragraph whose only two guillemets are written the same way, one of them
    backwards («إن الحكومة ... الليبية «. ; » إن وجود خلافات ... »), or None."""
    if para.count("«") + para.count("»") != 2:
        return None
    a, b = (m.start() for m in _ANY_GUILLEMET.finditer(para))
    if not _backwards_mark(para, a, b):
        return None
    return offset + a, offset + b + 1, True


@rule("quotes.guillemet_written_backwards")
def _backwards_mark(para: str, a: int, b: int) -> bool:
    """Two guillemets of a paragraph written the same way, the second closing its text («... «. at the
    end of a sentence) or the first opening it (» before the words): one is written backwards, and
    the two make one quotation (two quotations left open, «... «ستتصل, stay apart)."""
    if para[a] != para[b]:
        return False
    return bool(_CLOSES_HERE.match(para, b + 1)) if para[a] == "«" else bool(_OPENS_HERE.match(para, a + 1))


_CLOSES_HERE = regex.compile(r"\s*(?:[.،,;:!?؟)]|$)")
_OPENS_HERE = regex.compile(r"\s*\p{L}")


_ANY_GUILLEMET = regex.compile(r"[«»]")


def _quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, closed)`` of each quotation, marks included."""
    spans = [(m.start(), m.end(), True) for m in _GUILLEMETS.finditer(text)]  # (over paragraphs too)
    taken = SpanSet((a, b) for a, b, _ in spans)  # (the same spans, asked for overlaps in log time)

    def keep(span):
        spans.append(span)
        taken.add(span[0], span[1])

    singles = []
    para_start = 0
    for para in text.split("\n"):
        if ("«" in para or "»" in para) and (pair := _backwards_pair(para, para_start)) is not None \
                and not _within_quote(pair, taken):
            keep(pair)
        marks = [para_start + m.start() for m in _DQUOTE.finditer(para)]
        for a, b in zip(marks[0::2], marks[1::2]):
            keep((a, b + 1, True))
        if len(marks) % 2:
            keep((marks[-1], para_start + len(para), False))
        singles.extend(_single_quote_spans(para, para_start))
        para_start += len(para) + 1
    # a single-quoted span inside (or across) a double-quoted one is a quote within a quote
    for sp in singles:
        if not _within_quote(sp, taken):
            keep(sp)
    spans.sort()
    return spans


@rule("quotes.document_speaks_as_subject")
def _next_to(text: str, match, cue) -> bool:
    """Whether only spaces (or an article) stand between ``match`` and the reporting cue ("the report said",
    وقال التقرير, "according to a statement"): a report or statement speaks only as the cue's subject,
    not in "وقال أوتو في التقرير", "said in the report"."""
    a, b = (match.end(), cue.start()) if match.end() <= cue.start() else (cue.end(), match.start())
    return _ONLY_ARTICLE.fullmatch(text, a, b) is not None




@rule("quotes.preposition_clitic")
def _with_preposition(m) -> bool:
    """Whether an Arabic mention carries a preposition (لإسرائيل، بمصر، للأمم المتحدة): the object of
    something, never the subject that speaks."""
    surface, alias = _MARK.sub("", m.surface), _MARK.sub("", m.alias)
    if not _ARABIC.match(surface):
        return False
    head = surface.lstrip("وف") if not alias.startswith(("و", "ف")) else surface
    if alias.startswith("ال") and head.startswith("لل"):
        return True  # ل + ال contracted
    extra = len(surface) - len(alias)
    return extra > 0 and surface[:extra].lstrip("وف").startswith(PREPOSITION_CLITICS)


_PREPOSITIONS = {lang: word_list("prepositions.csv", lang) for lang in ("ar", "en")}
_AR_PREPOSITIONS = _Folded(_PREPOSITIONS["ar"])
_PREPOSITION_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?:{CONJUNCTION_RE}?(?:{alternation(_PREPOSITIONS['ar'])})|{alternation(_PREPOSITIONS['en'])})"
    rf"\s+(?:(?:{_EN_ARTICLES})\s+)?$", regex.IGNORECASE)


@rule("quotes.object_of_preposition")
def _after_preposition(text: str, m, lo: int) -> bool:
    """A mention after a preposition ("وحذر من محاولات الانقلاب في سوريا", "said in a letter to
    Merkel") is what the statement is about or to whom it is said, never the one who speaks."""
    return _PREPOSITION_BEFORE.search(text, max(lo, m.start - 25), m.start) is not None


def _is_person(m, actors) -> bool:
    """A person: the gazetteer's, or one named after a title (an unlisted organisation is not)."""
    return m.alias_type == "titled_name" if not m.actor_id else actors[m.actor_id].kind == "person"


@rule("quotes.seat_not_speaker")
def _seat(text: str, m) -> bool:
    """Where a speaker sits does not speak: "أفاد المرصد، ومقره المملكة المتحدة، بأن", "the
    London-based group said" (:func:`libyakit.lexicon.is_seat`)."""
    return is_seat(text, m.start, m.end)


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
               and (unnamed_label(g) not in _DOCUMENT_LABELS or _next_to(text, g, cue))]
    if generic:
        return min(generic, key=lambda g: abs(g.start() - cue_pos))
    others = [m for m in cands if not _is_person(m, actors) and (not m.actor_id or actors[m.actor_id].kind != "media")
              and m.alias_type not in ("demonym", "nisba") and not _with_preposition(m) and not _seat(text, m)]
    return min(others, key=lambda m: abs(m.start - cue_pos)) if others else None


_AR_CLAUSE_OPENS = regex.compile(rf"(?<![\p{{L}}])(?:ب)?(?:{_AR_COMPLEMENTIZER})(?![\p{{L}}])")
_RELATIVE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(word_list('relatives.csv', 'ar') | word_list('relatives.csv', 'en'))})\s*$")
_CLAUSE_BREAK = regex.compile(r"[،,.:;؛!?؟\n]")


@rule("quotes.arabic_subject_adjacent")
def _adjacent_start(text: str, lo: int, cue_start: int) -> int:
    """Where an Arabic verb's subject may stand before it: right before it, with no punctuation
    between ("الجيش قال إن"), not anywhere earlier in the sentence ("... أن إيران تشارك، لكنه قال
    إنه": Iran is no subject of قال)."""
    start = max(lo, cue_start - 30)
    last = None
    for last in _CLAUSE_BREAK.finditer(text, start, cue_start):
        pass
    return last.end() if last is not None else start


_ONLY_SPACE_OR_QAD = regex.compile(r"[ \t]+(?:قد[ \t]+)?")


@rule("quotes.subject_before_verb")
def _subject_right_before(mentions, actors, text: str, cue, lo: int):
    """A person named right before an Arabic verb that carries no conjunction ("أن الرئيس سالم شدد
    في اتصاله مع نظيره فلان على أن «...»"): the verb's subject (subject-verb order), not a person
    named after the verb (the mention, or None)."""
    if _CONJUNCTION_START.match(cue.group()) and cue.group()[1:] in _CUE_WORDS:
        return None  # "... سالم. وشدد": the name ends the clause before
    for m in mentions:
        if lo <= m.start and m.end <= cue.start() and (_ONLY_SPACE_OR_QAD.fullmatch(text, m.end, cue.start())
                                                       or _title_between(text, m.end, cue.start())) \
                and _is_person(m, actors) and not _with_preposition(m) and not _after_preposition(text, m, lo):
            return m
    return None


_TITLE_WORDS = regex.compile(r"[ \t]+([\p{Arabic}\p{M}]+)((?:[ \t]+[\p{Arabic}\p{M}]+){0,3})[ \t]+(?:قد[ \t]+)?")


def _title_between(text: str, a: int, b: int) -> bool:
    """Only the person's title and its description between a name and the verb ("سيرغي لافروف وزير
    الخارجية الروسية أعلن"): up to four words, the first a title."""
    m = _TITLE_WORDS.fullmatch(text, a, b)
    return m is not None and _is_title(_MARK.sub("", m.group(1))) and not any(
        w in _AR_PREPOSITIONS for w in m.group(2).split())


@rule("quotes.relative_is_object")
def _relative_is_object(text: str, cue, lo: int) -> bool:
    """A relative pronoun before a verb that carries an object pronoun ("فلان الذي وصفته القناة بأنه
    «...»"): the one the relative follows is the verb's object, its subject stands after the verb."""
    word = _CONJUNCTION_START.sub("", cue.group()) if cue.group()[1:] in _CUE_WORDS else cue.group()
    if not any(word.endswith(p) and word[:-len(p)] in _CUE_WORDS for p in OBJECT_PRONOUNS):
        return False
    return _RELATIVE_BEFORE.search(text, max(lo, cue.start() - 12), cue.start()) is not None


@rule("quotes.subject_before_clause")
def _clause_opens(text: str, a: int, hi: int) -> int:
    """Where the subject after a verb must end: at the complementizer that opens its clause ("وأعلنت
    الهيئة أمس أن الوزير «...»": the minister is in the clause, the body speaks), else ``hi``."""
    m = _AR_CLAUSE_OPENS.search(text, a, hi)
    return m.start() if m is not None else hi


def _speaker(mentions, actors, text, cue, lo, hi):
    """Speaker for a reporting cue within [lo, hi): its subject.

    English puts the subject before the verb ("Mills said"); Arabic mostly
    after it ("وقال ميلز"), but before it after a relative ("أردوغان، الذي أعلن").
    """
    before = (lo, cue.start())
    after = (cue.end(), _clause_opens(text, cue.end(), hi))
    arabic_verb = bool(_ARABIC.match(cue.group())) and not _SPEAKER_BEFORE.fullmatch(cue.group())
    relative = _RELATIVE_BEFORE.search(text, lo, cue.start())
    if arabic_verb and relative and _relative_is_object(text, cue, lo):
        # "فلان الذي وصفته القناة بأنه «...»": the one named before is the object, the subject follows
        after_only = [m for m in mentions if not _after_preposition(text, m, cue.end())]
        return _pick(after_only, actors, text, *after, cue)
    if arabic_verb and not relative:
        before = (_adjacent_start(text, lo, cue.start()), cue.start())
    if arabic_verb and not relative:
        subject = _subject_right_before(mentions, actors, text, cue, lo)
        if subject is not None:
            return subject
    order = [after, before] if (arabic_verb or _ACCORDING.fullmatch(cue.group())) and not relative else [before, after]
    for a, b in order:
        # (a mention after a preposition is no subject: after the verb, and before an Arabic one, "وعن اليمن قال")
        ms = [m for m in mentions if not ((a == cue.end() or arabic_verb) and a <= m.start < b
                                          and _after_preposition(text, m, a))]
        found = _pick(ms, actors, text, a, b, cue)
        if found is not None:
            return found
    return None


@rule("quotes.unlisted_name_first")
def _unknown_subject_first(text: str, cue, is_after: bool, speaker, actors) -> bool:
    """Whether a name the gazetteer lacks stands right after the cue, before the body, state or
    unnamed source found as ``speaker``: the subject is the speaker ('"...," said Jalel Harchaoui, a
    Libya specialist', "وقال حامد سالم، المتحدث باسم القوات الجوية، إن")."""
    word = cue.group()
    arabic = bool(_ARABIC.match(word))
    if speaker is None:
        return False
    if hasattr(speaker, "actor_id"):
        if not speaker.actor_id or actors[speaker.actor_id].kind == "person":
            return False
        at = speaker.start
    else:
        at = speaker.start()  # an unnamed source ("المتحدث", "a spokesman")
    if at <= cue.end():
        return False
    if arabic and (is_after or _SPEAKER_BEFORE.fullmatch(word)):
        return False  # (an Arabic verb after its quote, or "قوله": its subject is elsewhere)
    if not arabic and not (is_after and word.isascii()):
        return False  # (English puts the subject first, unless inverted after the quote)
    name = _unknown_name(text, cue, False) if arabic else _en_name_at(text, cue.end())
    return bool(name) and text.find(name, cue.end()) + len(name) <= at


@rule("quotes.pronoun_subject")
def _pronoun_between(text: str, lo: int, hi: int) -> bool:
    """A pronoun subject ("..., he said", "She said that"): the speaker is named elsewhere, resolved
    from context (:func:`_resolve`), never from a mention beside the cue."""
    return _PRONOUN.search(text, lo, hi) is not None


_AR_PRONOUN_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?:{CONJUNCTION_RE})?(?:{alternation(word_list('pronouns.csv', 'ar'))})[ \t]+(?:قد[ \t]+)?$")


@rule("quotes.arabic_pronoun_subject")
def _ar_pronoun_before(text: str, lo: int, cue) -> bool:
    """An Arabic verb after a subject pronoun ("فهو وصف الخطة بأنها «...»", "وهي قالت إن"): the
    speaker is named before, resolved from context (:func:`_resolve`), never the words after the
    verb (its object)."""
    return bool(_ARABIC.match(cue.group())) and _AR_PRONOUN_BEFORE.search(text, max(lo, cue.start() - 12),
                                                                          cue.start()) is not None


@rule("quotes.cue_after_full_stop")
def _after_full_stop(text: str, q_end: int, cue_start: int) -> bool:
    """A cue after a quotation with a full stop between them ("«...».وقال المصدر:") opens the next
    sentence, even where no space follows the stop: it is not the quotation's attribution."""
    return _FULL_STOP.search(text, q_end, cue_start) is not None


_FULL_STOP = regex.compile(r"[!?؟]|(?<!(?<![\p{L}])\p{Lu}\p{Ll}{0,3})\.")  # (not an abbreviation's: "U.S. Army Gen.")


@rule("quotes.no_sentence_end_inside_marks")
def _split_inside_marks(boundary: int, spans) -> bool:
    """A sentence boundary inside a short name in quotation marks (قناة «آر. بي. كا», "«U.N.»"): the
    dots are an abbreviation's, the sentence goes on (the cue before the name is the quotation's)."""
    i = bisect_right(spans, (boundary, 1 << 62, True)) - 1
    while i >= 0 and boundary - spans[i][0] <= 40:
        a, b, _ = spans[i]
        if a < boundary < b and b - a <= 40:
            return True
        i -= 1
    return False


@rule("quotes.continues_quote")
def _continues(text: str, prev: dict, q_start: int) -> bool:
    """A quotation with no cue straight after another (only punctuation or a participle between: "،
    مضيفا «...»"), or after the attribution of the one before ('"We will hold elections," Dbeibah
    told Al Jazeera. "No one will stop us."'), continues it."""
    return bool(_CONTINUING.fullmatch(text, prev["end"], q_start)
                or (prev["rule"] == _R_CUE_AFTER and (prev["speaker_name"] or prev["speaker_id"] or "_need" in prev)
                    and _ONE_ATTRIBUTION.fullmatch(text, prev["end"], q_start)))


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
    all_spans = _quote_spans(text)
    spans = [sp for sp in all_spans if not _too_short(text, sp) and not _named(text, sp[0])]
    if not spans:
        return _resolve(text, _with_reported(text, [], [], mentions, sentences, actors, pool, _CUES.index(text)),
                        sentences, pool,
                        actors) if reported else []
    found = _CUES.index(text)
    cues = found["direct"]
    span_starts = [sp[0] for sp in spans]
    span_ends = sorted(sp[1] for sp in spans)
    sent_starts = [sp[0] for sp in sentences]
    pool_starts = [m.start for m in pool]
    rows = []
    for q_start, q_end, closed in spans:
        inner = text[q_start + 1:q_end - 1 if closed else q_end].strip()
        # context: the rest of the sentence after the quote, and the text before it
        nxt = bisect_left(span_starts, q_end)
        after_hi = min(span_starts[nxt] if nxt < len(spans) else len(text), q_end + _WINDOW, len(text))
        # (the paragraph's ends looked for within the window only: a long paragraph is not read again
        # for each of its quotes)
        para_end = text.find("\n", q_end, after_hi)
        after_hi = min(after_hi, para_end if para_end != -1 else len(text))
        prv = bisect_right(span_ends, q_start) - 1
        before_lo = max(span_ends[prv] if prv >= 0 else 0, q_start - _WINDOW, 0)
        para_start = text.rfind("\n", before_lo, q_start) + 1
        before_lo = max(before_lo, para_start)
        speaker = cue = title_only = None
        resolved_by, is_after, pronoun = "", False, False
        k = max(bisect_right(sent_starts, q_start) - 1, 0)
        while k > 0 and _split_inside_marks(sentences[k][0], all_spans):
            k -= 1  # (قناة «آر. بي. كا»: the sentence goes on over the dots of a name in marks)
        first = sentences[k] if sentences else (q_start, q_end, "")
        last = sentences[max(bisect_right(sent_starts, max(q_end - 1, q_start)) - 1, 0)] if sentences else first
        s_lo = max(min(first[0], q_start), before_lo)
        s_hi = min(max(last[1], q_end), after_hi)
        tail = _TAIL_ATTRIBUTION.match(text, q_end, after_hi)
        if tail is not None and tail.end() > s_hi:
            s_hi = tail.end()  # '"... the country." Williams explained.': the sentence ended inside the quote
        cues_before = list(cues.finditer(text, s_lo, q_start))
        cues_after = [c for c in cues.finditer(text, q_end, s_hi) if not _after_full_stop(text, q_end, c.start())]
        near_before = cues_before[-1] if cues_before and q_start - cues_before[-1].end() <= 60 else None
        near_after = cues_after[0] if cues_after and cues_after[0].start() - q_end <= 60 else None
        chosen = near_before or near_after or (cues_before[-1] if cues_before else None) or (
            cues_after[0] if cues_after else None)
        if chosen is not None:
            cue = chosen.group()
            is_after = chosen.start() >= q_end
            resolved_by = "after" if is_after else "before"
            lo, hi = (q_end, s_hi) if is_after else (s_lo, q_start)
            pronoun = _pronoun_between(text, q_end, chosen.start()) if is_after else _ar_pronoun_before(text, s_lo, chosen)
            if pronoun:
                speaker = None  # "..., he said", "فهو وصف ... «...»"
            else:
                speaker = _speaker(within(pool, pool_starts, lo, hi), actors, text, chosen, lo, hi)
                if _unknown_subject_first(text, chosen, is_after, speaker, actors):
                    speaker = None  # ... and _unknown_name below takes the name
        elif rows and rows[-1]["end"] <= q_start and _continues(text, rows[-1], q_start):
            # a quote straight after another continues it, as does one after the attribution of the
            # quote before: '"We will hold elections," Dbeibah told Al Jazeera. "No one will stop us."'
            prev = {k: v for k, v in rows[-1].items() if not k.startswith("_")}
            rows.append({**prev, "quote": inner, "start": q_start, "end": q_end, "surface": text[q_start:q_end],
                         "closed": closed, "resolved_by": "continues previous quote", "rule": _R_CONTINUES,
                         "_follows": rows[-1]["start"]})
            continue
        speaker_id, speaker_en, speaker_name = _speaker_columns(speaker, text, actors)
        if speaker is None and cue is not None and not pronoun and (
                unknown := _unknown_name(text, chosen, chosen.start() >= q_end, q_end if is_after else s_lo)):
            resolved_by = "not in gazetteer"  # "وقال تشاندار:", "said Chandar": a speaker the gazetteer lacks
            speaker_name = unknown
            named = _title_antecedent(unknown, pool, q_start)
            if named:  # "وأضاف الوزير أن «...»": the minister named before
                speaker_name, resolved_by = named, "title of a person named before"
            title_only = unknown if _bare_title(unknown) else None
        need = None
        if speaker is None and cue is not None and not speaker_name:
            # "he said", وقال "...": the speaker named before (resolved in document order, below)
            resolved_by, need = "unresolved", q_start
        rule_name = (_R_CUE_AFTER if is_after else _R_CUE_BEFORE) if cue else _R_NO_CUE
        if cue is None and (part := _participle_before(text, max(s_lo, q_start - 40), q_start)) is not None:
            # "، مضيفا: «...»", "قائلا إن «...»", ', adding: "..."': the speaker of the clause before goes on
            cue, rule_name, resolved_by, need = part.group().strip(), _R_PARTICIPLE, "unresolved", q_start
        row = {
            "kind": "direct", "speaker_id": speaker_id, "speaker_en": speaker_en, "speaker_name": speaker_name,
            "cue": cue or "", "quote": inner,
            "start": q_start, "end": q_end, "surface": text[q_start:q_end], "closed": closed,
            "resolved_by": resolved_by if cue else "", "rule": rule_name,
        }
        if need is not None:
            row["_need"] = need
        elif title_only and resolved_by == "not in gazetteer":
            row["_title_only"] = q_start
        elif cue is None:
            row["_need_clause"] = True  # a quotation inside a reported clause: its speaker's (below)
        rows.append(row)
    rows = _with_reported(text, rows, spans, mentions, sentences, actors, pool, found) if reported else rows
    return _resolve(text, rows, sentences, pool, actors)


_TITLES_AR = word_list("person_titles.csv", "ar")
_TITLES_EN = word_list("person_titles.csv", "en")


@rule("quotes.title_then_name")
def _is_title(word: str) -> bool:
    """A title or role ("وزير النفط الجزائري، صالح بن علي، إن"): the name between the commas after it
    is the speaker's."""
    return word in _TITLES_AR or word.removeprefix("ال") in _TITLES_AR


@rule("quotes.title_of_person_named_before")
def _title_antecedent(name: str, pool, pos: int) -> str:
    """The person a bare title stands for ("وأضاف الوزير", "the minister added", "وأوضح رئيس الوزراء
    الجزائري"): the last one named before ``pos`` after that title (a titled name the gazetteer
    lacks: "رئيس الوزراء عبد المالك سلال"), or ""."""
    words = name.split()
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]  # "the minister"
    if not words or len(words) > 4:
        return ""
    first = _MARK.sub("", words[0])
    bare = first.removeprefix(ARTICLE)
    forms = {first, bare, ARTICLE + bare, first.lower(), first.capitalize()}
    if not (forms & _TITLES_AR or forms & _TITLES_EN):
        return ""
    key = _title_key(" ".join(words))
    titled, ends = _titled_names(pool)
    i = bisect_right(ends, pos) - 1
    while i >= 0 and pos - titled[i].end <= _TITLE_REACH:  # (bounded: linear time)
        alias = _title_key(titled[i].alias)
        if alias and (key[:len(alias)] == alias or alias[:len(key)] == key):
            return titled[i].surface  # "رئيس الوزراء الجزائري" and "رئيس الوزراء"; "الوزير" and "وزير الخارجية"
        i -= 1
    return ""


def _bare_title(name: str) -> bool:
    """A subject that is one definite title and nothing more ("المحامي", "الوزير")."""
    words = name.split()
    return len(words) == 1 and words[0].startswith(ARTICLE) and _is_title(_MARK.sub("", words[0]))


@rule("quotes.title_refers_back")
def _title_refers_back(prev: dict, person_keys, title: str, text: str, pos: int) -> bool:
    """A bare title no person was named with before ("وقال فهد العتيبي: «...». وأضاف المحامي: «...»")
    stands for the speaker of the statement before, when that speaker is a person (not "وقالت
    الوزارة ... وأضاف الوزير") whose name was not written with that word after it ("الهادي محمد
    الأمين ... وأوضح الأمين": the word is the last name, kept as written)."""
    name = prev["speaker_name"]
    if not (prev["speaker_id"] or name) or not (prev["speaker_id"] in person_keys or name in person_keys):
        return False
    return not (name and f"{name} {title}" in text[max(0, pos - _TITLE_REACH):pos])


def _title_key(title: str) -> tuple[str, ...]:
    """A title's words without the article and case: "الوزير" and "وزير", "The Minister" and "minister"."""
    return tuple(_MARK.sub("", w).removeprefix(ARTICLE).lower() for w in title.split())


_TITLE_REACH = 3000  # characters back to the person a bare title stands for


def _titled_names(pool):
    """The titled names of ``pool`` the gazetteer lacks, and their ends (sorted), cached per pool."""
    key = id(pool)
    if _TITLED_CACHE.get("key") != key or _TITLED_CACHE.get("pool") is not pool:
        titled = sorted((m for m in pool if not m.actor_id and m.alias_type == "titled_name"), key=lambda m: m.end)
        _TITLED_CACHE.update(key=key, pool=pool, value=(titled, [m.end for m in titled]))
    return _TITLED_CACHE["value"]


_TITLED_CACHE: dict = {}


def _speaker_columns(speaker, text: str, actors) -> tuple[str, str, str]:
    """``(speaker_id, speaker_en, speaker_name)`` of a speaker found by :func:`_speaker`: an actor
    mention, or an unnamed source (a match of ``_GENERIC``); empty strings for ``None``."""
    if speaker is None:
        return "", "", ""
    if hasattr(speaker, "actor_id") and not speaker.actor_id:  # a titled name the gazetteer lacks
        return "", speaker.surface if not _ARABIC.search(speaker.surface) else "", speaker.surface
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

# what opens the reported clause: إن/أن (with a pronoun: إنه، أنها، بأن), "that"; an Arabic colon
_THAT = regex.compile(rf"(?<![\p{{L}}])(?:{_AR_COMPLEMENTIZER}|{_COMP_EN})(?![\p{{L}}])|:", regex.IGNORECASE)
_SUBJECT_MAX = 160  # characters between a reporting verb and its complementizer (the subject, a time, a place)
_PARTICIPLE_MAX = 12  # between a participle and its complementizer: "مشيرا إلى أن", "adding that"
_BREAK = regex.compile(r"[.!?؟\n\"«»“”]")
_OPENS_QUOTE = regex.compile(r"\s*[\"«“]")
# a name in quotation marks (في تصريحات نقلتها «الشرق الأوسط»، أن): no break between a verb and its clause
_NAME_IN_MARKS = regex.compile(r"«[^«»\n]{1,30}»|\"[^\"\n]{1,30}\"")


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
_LATIN = regex.compile(r"[A-Za-z]")  # (an English attribution needs Latin letters)
_TRAILING = regex.compile(
    r",\s*(?P<who>(?:[\w.'’-]+\s+){0,5}?[\w.'’-]+)\s+(?P<cue>said|says|added|stated|noted|warned|explained|wrote"
    r"|told\s+[\w.-]+(?:\s+[A-Z][\w.-]+)?)(?:\s+(?:on\s+)?[A-Z][a-z]+day)?\s*\.?\s*$")


@rule("quotes.english_zero_that")
def _zero_that(text: str, cue, hi: int):
    """Where an English reported clause without "that" opens after ``cue``, or None."""
    pos = cue.end()
    if _addressed(cue.group()):
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


def _complementizer(text: str, cue, limit: int, hi: int, arabic: bool, rcues: _CueIndex):
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
    if _cut_from_clause(text, cue.end(), comp.start(), rcues):
        return None
    return comp


@rule("quotes.verb_cut_from_clause")
def _cut_from_clause(text: str, a: int, b: int, rcues: _CueIndex) -> bool:
    """A sentence break, a quotation mark or another reporting verb between a verb and a
    complementizer: the complementizer is not the verb's (a name in marks, «الشرق الأوسط», is no
    break)."""
    between = _NAME_IN_MARKS.sub(lambda m: "x" * len(m.group()), text[a:b])
    return bool(_BREAK.search(between) or rcues.search(text, a, b))


def _with_reported(text, rows, spans, mentions, sentences, actors, pool, found_cues: dict) -> list[dict]:
    """``rows`` (direct quotes) with the reported statements of ``text`` added, sorted by start.

    A reported verb whose clause is a quotation ("وقال إن «...»", 'said that "..."') makes no row of
    its own, but a carrier (``_carrier``) that lends its speaker to the quotation (:func:`_resolve`)."""
    if not sentences:
        return rows
    pool_starts = [m.start for m in pool]
    quoted = SpanSet((a + 1, b) for a, b, _ in spans)
    inside_quote = lambda pos: quoted.overlaps(pos, pos + 1)  # noqa: E731 (a cue inside a quotation)
    found = []
    rcues, parts = found_cues["reported"], found_cues["participle"]
    for s_lo, s_hi, _ in sentences:
        in_sentence = len(found)  # (the rows of this sentence: found[in_sentence:])
        for cue in rcues.finditer(text, s_lo, s_hi):
            if inside_quote(cue.start()):
                continue
            arabic = bool(_ARABIC.match(cue.group()))
            comp = _complementizer(text, cue, _SUBJECT_MAX, s_hi, arabic, rcues)
            if not comp:
                continue
            carrier = _clause_is_quote(text, comp)
            clause = (comp.end(), comp.end() + 1) if carrier else _clause(text, s_hi, comp)
            if not clause:
                continue
            rule = {":": _R_VERB_COLON, "": _R_VERB_CLAUSE}.get(comp.group(), _R_VERB_THAT)
            subject_less = arabic and not _LETTER.search(text[cue.end():comp.start()]) \
                and not _RELATIVE_BEFORE.search(text, max(s_lo, cue.start() - 12), cue.start())
            speaker, resolved_by, name, title_only = None, "", "", None
            before = text[max(s_lo, cue.start() - 5):cue.start()].split()
            pronoun = (not arabic and bool(before) and bool(_PRONOUN.fullmatch(before[-1]))) or (
                arabic and _ar_pronoun_before(text, s_lo, cue))
            relayed = _relayed_speaker(text, cue, comp)
            if relayed is not None:  # "نقلت الوكالة عن الوزير أن": the one named after عن
                lo_r, hi_r = relayed.span(1)
                speaker = next((m for m in within(pool, pool_starts, lo_r, hi_r) if m.end <= hi_r), None)
                name = "" if speaker is not None else relayed.group(1)
                resolved_by = "after" if speaker is not None else "not in gazetteer"
            elif not subject_less and not pronoun:
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
                    elif name and _bare_title(name):
                        title_only = cue.start()
            row = {"kind": "reported", "cue": cue.group(), "start": clause[0], "end": clause[1],
                   "surface": text[clause[0]:clause[1]], "quote": text[clause[0]:clause[1]], "closed": True,
                   "rule": rule}
            if carrier:
                row["_carrier"] = True
            if title_only is not None:
                row["_title_only"] = title_only
            if speaker is not None or name:
                sid, sen, sname = _speaker_columns(speaker, text, actors)
                row.update(speaker_id=sid, speaker_en=sen, speaker_name=sname or name, resolved_by=resolved_by)
            else:  # "وقال إن", "he said that": the speaker named before (:func:`_resolve`)
                row.update(speaker_id="", speaker_en="", speaker_name="", resolved_by="unresolved", _need=cue.start())
            found.append(row)
        trailing = _TRAILING.search(text, s_lo, s_hi) if _LATIN.search(text, s_lo, s_hi) else None
        if trailing is not None and not _BREAK.search(text, s_lo, trailing.start()) \
                and not any(r["start"] < trailing.start() and r["end"] > s_lo for r in found[in_sentence:]):
            cue = rcues.match(text, trailing.start("cue"))
            who = (trailing.start("who"), cue.start())
            pronoun = bool(_PRONOUN.fullmatch(text[who[0]:who[1]].strip()))
            speaker = None if pronoun else _speaker(
                within(pool, pool_starts, *who), actors, text, cue, who[0], cue.end())
            end = trailing.start()
            row = {"kind": "reported", "cue": cue.group(), "start": s_lo, "end": end, "surface": text[s_lo:end],
                   "quote": text[s_lo:end], "closed": True, "rule": _R_TRAILING}
            if speaker is not None:
                sid, sen, sname = _speaker_columns(speaker, text, actors)
                row.update(speaker_id=sid, speaker_en=sen, speaker_name=sname, resolved_by="after")
            elif not pronoun and (named := text[who[0]:who[1]].strip()):
                row.update(speaker_id="", speaker_en="", speaker_name=named, resolved_by="not in gazetteer")
            else:
                row.update(speaker_id="", speaker_en="", speaker_name="", resolved_by="unresolved", _need=s_lo)
            found.append(row)
        for part in parts.finditer(text, s_lo, s_hi):
            if inside_quote(part.start()):
                continue
            comp = _complementizer(text, part, _PARTICIPLE_MAX, s_hi, True, rcues)
            if not comp or comp.group() == ":":
                continue
            carrier = _clause_is_quote(text, comp)
            clause = (comp.end(), comp.end() + 1) if carrier else _clause(text, s_hi, comp)
            if not clause:
                continue
            row = {"kind": "reported", "cue": part.group(), "start": clause[0], "end": clause[1],
                   "surface": text[clause[0]:clause[1]], "quote": text[clause[0]:clause[1]], "closed": True,
                   "rule": _R_PARTICIPLE_CLAUSE, "speaker_id": "", "speaker_en": "", "speaker_name": "",
                   "resolved_by": "unresolved", "_need": part.start(), "_goes_on": True}
            if carrier:
                row["_carrier"] = True
            found.append(row)
    return sorted(rows + found, key=lambda r: (r["start"], r["end"]))


_RELAYING = frozenset(_spelling for v in reporting_verb_table() if v.speaker == "relayed" for form in _relaying_forms(v)
                      for f in (form, *(c + form for c in CONJUNCTIONS)) for _spelling in _spellings(f))
_RELAYED_FROM = regex.compile(
    r"(?<![\p{L}])(?:عن|from)\s+((?:[\p{L}\p{M}'.-]+[ \t]+){0,3}?[\p{L}\p{M}'.-]+)(?:[ \t]*،[^،\n]{1,60}،)?[\s،,]*$",
    regex.IGNORECASE)


@rule("quotes.relayed_speaker")
def _relayed_speaker(text: str, cue, comp):
    """A verb that relays ("نقلت الوكالة عن حامد سالم، رئيس البلدية، أن"): the speaker is the one named
    after عن, not the outlet that relays (the match, its name in group 1, or None)."""
    if cue.group().lower() not in _RELAYING:
        return None
    return _RELAYED_FROM.search(text, max(cue.end(), comp.start() - 120), comp.start())


@rule("quotes.clause_is_quote")
def _clause_is_quote(text: str, comp) -> bool:
    """A reported verb's clause that opens with a quotation mark ("وقال إن «...»", 'said that "..."'):
    the quotation is the statement, a direct quote; the verb only lends it its speaker."""
    return bool(comp.group() != ":" and _OPENS_QUOTE.match(text, comp.end()))


_PARTICIPLE_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?:و)?(?:{_PARTICIPLE})(?:\s+(?:إلى\s+)?(?:ب)?(?:{_AR_COMPLEMENTIZER}|that))?[\s,،:]*$",
    regex.IGNORECASE)


@rule("quotes.participle_before_quote")
def _participle_before(text: str, lo: int, q_start: int):
    """A continuing participle right before a quotation ("، مضيفا: «...»", "قائلا إن «...»", ', adding:
    "..."'): its speaker is the one of the clause before (the match, or None)."""
    return _PARTICIPLE_BEFORE.search(text, lo, q_start)


_ONLY_OPENING = re.compile("[ \t\"«“]*")  # what may stand between a carrier and its quotation


def _has_speaker(row: dict) -> bool:
    return bool(row["speaker_id"] or row["speaker_en"] or row["speaker_name"])


@rule("quotes.reported_clause_lends_speaker")
def _reported_around(row: dict, done: list[dict], text: str):
    """A quotation with no cue of its own inside a reported clause ('Dang said the pullout depends
    on "the political determination" of ...', "رأت X أن الحكومة أمامها «فرصة كبيرة»"), or that is
    the clause itself: the reported statement's speaker is the quotation's (the row, or None)."""
    outer = None  # (the outermost: "قال كيري إن القاهرة ترى أن «...»" is Kerry's)
    for d in reversed(done[-_SCAN_BACK:]):
        if d["kind"] != "reported" or not _has_speaker(d):
            continue
        if d["start"] <= row["start"] < d["end"] or (
                d.get("_carrier") and _ONLY_OPENING.fullmatch(text, d["start"], row["start"])):
            outer = d
    return outer


@rule("quotes.quote_before_in_sentence")
def _quote_before_in_sentence(row: dict, done: list[dict], sentences, sent_starts):
    """A quotation with no cue after another quotation of its sentence ('Dang said it is "a very
    difficult question" that depends on "the political determination" of ...') is the same
    speaker's (the row before, or None)."""
    idx = bisect_right(sent_starts, row["start"]) - 1
    lo = sentences[idx][0] if idx >= 0 else 0
    for d in reversed(done[-_SCAN_BACK:]):
        if d["kind"] == "direct" and lo <= d["start"] < row["start"]:
            return d if _has_speaker(d) else None
    return None


_SCAN_BACK = 40  # statements looked back at for an antecedent (bounded: linear time)
_SENTENCES_BACK = 2  # sentences before the cue's own in which its antecedent is sought


def _window_start(text: str, pos: int, sentences, sent_starts) -> int:
    """Where the antecedent of a cue at ``pos`` may start: two sentences before the cue's own, and
    not before the paragraph before its own."""
    idx = bisect_right(sent_starts, pos) - 1
    lo = sentences[max(idx - _SENTENCES_BACK, 0)][0] if idx >= 0 else 0
    para = text.rfind("\n", lo, pos)  # (line breaks looked for after lo only: the window starts there at the earliest)
    while para > 0 and text[para - 1] == "\n":
        para -= 1  # (blank lines between paragraphs)
    prev_para = text.rfind("\n", lo, max(para, 0)) + 1 if para > 0 else 0
    return max(lo, prev_para)


@rule("quotes.previous_statement")
def _previous_statement(done: list[dict], pos: int, lo: int):
    """A cue with no subject of its own ("he said", "وأضاف:", "، مضيفا أن") continues the last
    statement before it, within two sentences and one paragraph (the row, or None)."""
    for d in reversed(done[-_SCAN_BACK:]):
        if d["start"] < pos and d["end"] > lo and _has_speaker(d):
            return d
    return None


@rule("quotes.person_named_before")
def _person_before(people, people_starts, pos: int, lo: int, statements: SpanSet, text: str, sentences,
                   sent_starts):
    """Else the last person named before the cue in that window ("Bathily met X. He said ..."), not
    one named inside a statement (whom a speaker talks about is not the speaker), nor the object of
    a preposition (the mention, or None)."""
    i = bisect_left(people_starts, pos) - 1
    while i >= 0 and people[i].start >= lo:
        m = people[i]
        if not statements.overlaps(m.start, m.end) and not _after_preposition(text, m, lo):
            return m if _only_person_of_sentence(people, i, sentences, sent_starts) else None
        i -= 1
    return None


@rule("quotes.several_people_no_antecedent")
def _several_people(people, i: int, sentences, sent_starts) -> bool:
    """A sentence that names several people ("Among those who attended were Putin, Erdogan and
    Macron") gives a pronoun after it no antecedent."""
    idx = bisect_right(sent_starts, people[i].start) - 1
    lo, hi = (sentences[idx][0], sentences[idx][1]) if idx >= 0 else (0, people[i].end)
    names = {m.actor_id or m.surface for m in people[max(0, i - 20):i + 20] if lo <= m.start < hi}
    return len(names) > 1


_LEAD_PHRASE = regex.compile(
    rf"[ \t\n]*(?:{CONJUNCTION_RE})?(?:{alternation(_PREPOSITIONS['ar'])})[ \t]+[^،,.:\n«»\"]{{1,40}}?[،,][ \t]*")
_OPENING_WORD = regex.compile(r"[ \t\n]*([\p{Arabic}\p{M}]+)[ \t]+")
_AR_PARTICLES = word_list("particles.csv", "ar")


@rule("quotes.sentence_subject")
def _sentence_subject(text: str, s_lo: int, pos: int, pool, pool_starts, actors):
    """The subject of the verb that opens a sentence ("وظهر أبو سالم الطرابلسي في مقطع ... وهو يتوعد
    فلانا وفلانا، وأضاف: «...»", "وكان المستشار X قد حث ... . وقال إن «...»", "في غضون ذلك، أعلن
    الجيش ... على مواقع قال: «...»"): the mention right after that verb (a title or قد between), for a
    cue with no subject of its own; the other people the sentence names are the verb's objects. An
    opening phrase after a preposition up to a comma ("في غضون ذلك،") is skipped (the mention, or None)."""
    lead = _LEAD_PHRASE.match(text, s_lo, pos)
    at = lead.end() if lead is not None else s_lo
    w = _OPENING_WORD.match(text, at, pos)
    if w is not None and _CONJUNCTION_START.sub("", _MARK.sub("", w.group(1))) in _AR_PARTICLES:
        w = _OPENING_WORD.match(text, w.end(), pos)  # "ولم يفصح الدبلوماسيون": the verb after its particle
    if w is None:
        return None
    verb = _MARK.sub("", w.group(1))
    bare = _CONJUNCTION_START.sub("", verb) if len(verb) >= 3 else verb  # ("وعن اليمن قال": a preposition)
    if bare.startswith(ARTICLE) or verb in _AR_PREPOSITIONS or bare in _AR_PREPOSITIONS or verb in _AR_NOT_SUBJECT \
            or _OPENS_CLAUSE.match(bare) or within(pool, pool_starts, w.start(1), w.end(1)):
        return None  # (a noun, a preposition or a name opens it: no verb-subject order)
    at, titled = w.end(), False
    for _ in range(3):
        found = [m for m in within(pool, pool_starts, at, at + 1) if m.start == at]
        if found:
            m = found[0]
            if m.end > pos or m.alias_type in ("demonym", "nisba") or _with_preposition(m) or (
                    titled and not _is_person(m, actors)):
                return None  # (after a title only its person: "المبعوثة الأممية" is no subject "الأممية")
            return m
        n = _OPENING_WORD.match(text, at, pos)
        if n is None or not (n.group(1) == "قد" or _is_title(_MARK.sub("", n.group(1)))):
            g = _GENERIC.match(text, at, pos) if not titled else None
            # an unnamed source ("ولم يفصح الدبلوماسيون عن ...، لكنهم قالوا"), not a title before a name
            return g if g is not None and g.start() == at else None
        at, titled = n.end(), titled or n.group(1) != "قد"
    return None


def _only_person_of_sentence(people, i, sentences, sent_starts) -> bool:
    return not _several_people(people, i, sentences, sent_starts)


_COMMA_BEFORE = regex.compile(r"[،,][ \t]*$")


@rule("quotes.document_speaks")
def _document_before(text: str, cue_start: int, pool, pool_starts):
    """A verb with no subject and no conjunction right after a comma that ends a phrase naming a
    document ("نشرت نص بيان لوزارة الصحة، يؤكد أن «...»": the statement that affirms; not "أعلن X في
    بيان، وقال إنه"): its owner named right after it speaks, else the document (the mention or
    unnamed source's match, or None)."""
    comma = _COMMA_BEFORE.search(text, max(0, cue_start - 4), cue_start)
    if comma is None:
        return None
    docs = [g for g in _GENERIC.finditer(text, max(0, comma.start() - 80), comma.start())
            if g.group("ar") and unnamed_label(g) in _DOCUMENT_LABELS]
    if not docs or _CLAUSE_BREAK.search(text, docs[-1].end(), comma.start()):
        return None
    g = docs[-1]
    owner = [m for m in within(pool, pool_starts, g.end(), g.end() + 4) if m.end <= comma.start()]
    return owner[0] if owner else g


def _subject_before(text, pos, lo, sentences, sent_starts, pool, pool_starts, actors):
    """The subject of the opening verb of the cue's sentence, else of the sentence before it within the
    window (:func:`_sentence_subject`), or None."""
    idx = bisect_right(sent_starts, pos) - 1
    for k in (idx, idx - 1):
        if k < 0 or sentences[k][0] < lo and k != idx:
            return None
        m = _sentence_subject(text, sentences[k][0], pos, pool, pool_starts, actors)
        if m is not None and _at(m) >= lo:
            return m
    return None


def _at(speaker) -> int:
    """Where a speaker found in the text starts: an actor mention or an unnamed source's match."""
    return speaker.start if hasattr(speaker, "actor_id") else speaker.start()


def _same_sentence(a: int, b: int, sent_starts) -> bool:
    return bisect_right(sent_starts, a) == bisect_right(sent_starts, b)


def _resolve(text: str, rows: list[dict], sentences, pool, actors) -> list[dict]:
    """The speakers left to context, in document order: a quotation inside a reported clause takes
    its speaker; a cue with no subject continues the statement or person named just before; a quote
    that continues another takes its speaker. Carriers and private keys go."""
    rows = sorted(rows, key=lambda r: (r["start"], r["end"]))
    sent_starts = [sp[0] for sp in sentences]
    statements = SpanSet((r["start"], r["end"]) for r in rows if not r.get("_carrier"))
    people = [m for m in pool if _is_person(m, actors)]
    people_starts = [m.start for m in people]
    pool_starts = [m.start for m in pool]
    done, direct_at = [], {}
    person_keys = {m.actor_id or m.surface for m in people}
    for r in rows:
        if "_title_only" in r and sentences:
            pos = r["_title_only"]
            prev = _previous_statement(done, pos, _window_start(text, pos, sentences, sent_starts))
            if prev is not None and _title_refers_back(prev, person_keys, r["speaker_name"], text, pos):
                r.update(speaker_id=prev["speaker_id"], speaker_en=prev["speaker_en"], speaker_name=prev["speaker_name"],
                         resolved_by="title of the speaker before")
        if "_follows" in r and not _has_speaker(r) and (prev := direct_at.get(r["_follows"])) is not None:
            r.update(speaker_id=prev["speaker_id"], speaker_en=prev["speaker_en"], speaker_name=prev["speaker_name"])
        elif r.get("_need_clause") or "_need" in r:
            src = _reported_around(r, done, text) if r["kind"] == "direct" else None
            if src is not None:
                r.update(speaker_id=src["speaker_id"], speaker_en=src["speaker_en"], speaker_name=src["speaker_name"],
                         resolved_by="reported clause")
            elif r.get("_need_clause") and (src := _quote_before_in_sentence(r, done, sentences, sent_starts)):
                r.update(speaker_id=src["speaker_id"], speaker_en=src["speaker_en"], speaker_name=src["speaker_name"],
                         resolved_by="quote before in its sentence")
            elif "_need" in r and r["kind"] == "reported" and not (
                    _CONJUNCTION_START.match(r["cue"]) and r["cue"][1:] in _CUE_WORDS) and (
                    doc := _document_before(text, r["_need"], pool, pool_starts)) is not None:
                sid, sen, sname = _speaker_columns(doc, text, actors)
                r.update(speaker_id=sid, speaker_en=sen, speaker_name=sname, resolved_by="document before")
            elif "_need" in r and sentences:
                pos = r["_need"]
                lo = _window_start(text, pos, sentences, sent_starts)
                prev = _previous_statement(done, pos, lo)
                person = _person_before(people, people_starts, pos, lo, statements, text, sentences, sent_starts)
                subject = _subject_before(text, pos, lo, sentences, sent_starts, pool, pool_starts, actors)
                if subject is not None and (person is None or _same_sentence(_at(subject), person.start, sent_starts)
                                            or _at(subject) > person.start):
                    person = subject  # the subject of its sentence's verb, not an object it names
                if person is not None and (prev is None or _at(person) > prev["start"]):
                    sid, sen, sname = _speaker_columns(person, text, actors)
                    r.update(speaker_id=sid, speaker_en=sen, speaker_name="" if sid else sname,
                             resolved_by="person named before")
                elif prev is not None:
                    r.update(speaker_id=prev["speaker_id"], speaker_en=prev["speaker_en"],
                             speaker_name="" if prev["speaker_id"] else prev["speaker_name"],
                             resolved_by="continues previous statement" if r.get("_goes_on") else "previous statement")
        done.append(r)
        if r["kind"] == "direct":
            direct_at[r["start"]] = r
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in done if not r.get("_carrier")]


# Words between a reporting verb and its subject, or standing where no subject is (prepositions and
# their pronouns, times, "also", "saying", the complementizer): data/lexicon/subject_skips.csv. The
# quotes read the text without marks, so the table's bare forms serve ("قائلاً" is قائلا).
_AR_NOT_SUBJECT = _Folded(word_list("subject_skips.csv", "ar"))
_EN_PLACE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(_PREPOSITIONS['en'])})\s+$", regex.IGNORECASE)
_EN_NOT_SUBJECT = word_list("subject_skips.csv", "en")
_WORD_AFTER = regex.compile(r"[\s,،]*([\p{L}][\p{L}\p{M}'.-]*)")
_WORD_BEFORE = regex.compile(r"([\p{L}][\p{L}\p{M}'.-]*)[\s,،]*$")


_HONORIFICS = _Folded(word_list("honorifics.csv", "ar"))
_AR_FILLER = regex.compile(alternation(word_list("fillers.csv", "ar")))  # "في هذا الصدد", "من جهته"
_FILLER_HEADS = frozenset(f.split()[0] for f in word_list("fillers.csv", "ar"))  # (the pattern only after these)
_AR_NAME_STOPS = _Folded(word_list("name_stops.csv", "ar"))  # words a name never runs into (the titled names' table too)
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


@rule("quotes.addressee_not_speaker")
def _addressed(cue_word: str) -> bool:
    """A cue whose object is addressed ("told Reuters", "urged the parties", أبلغ): who follows it is
    no speaker."""
    return cue_word.lower() in _OBJECT_CUES


def _words_before(text: str, start: int, word, keep, *, lo: int = 0, width: int = 40) -> int:
    """Where the words before ``start`` that ``keep`` accepts begin (at most three, each matched by
    ``word`` as the last word within ``width`` characters)."""
    for _ in range(3):
        m = word.search(text, max(lo, start - width), start)
        if m is None or not keep(m.group(1)):
            break
        start = m.start(1)
    return start


@rule("quotes.place_not_speaker")
def _place_before(text: str, lo: int, start: int) -> bool:
    """A capitalised word after a preposition ('"...," a Libyan officer in Sebha told me') is a place,
    not the speaker."""
    return _EN_PLACE_BEFORE.search(text, lo, start) is not None


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


_EN_DESCRIPTION = regex.compile(rf"(?<![\p{{L}}])(?i:{_EN_ARTICLES})\s+(?:[\p{{Ll}}-]+\s+){{0,2}}([\p{{Ll}}-]+)\s*$")


@rule("quotes.described_subject")
def _described_subject(text: str, lo: int, hi: int) -> str:
    """An English subject named by what it is, right before the cue after a quotation ('"...," the
    motion said', "the panel said"): the description as written, or ""."""
    m = _EN_DESCRIPTION.search(text, lo, hi)
    return m.group().strip() if m is not None and m.group(1) not in _EN_NOT_SUBJECT else ""


@rule("quotes.relative_subject")
def _relative_subject(text: str, rel: int, lo: int) -> str:
    """The name a relative pronoun follows ("أبو يحيى التونسي الذي اعتبر أن"): the speaker of the
    verb after it, as written (up to three words, not over punctuation or a stop word), or ""."""
    start = _words_before(text, rel, _AR_WORD_BEFORE, lo=lo, keep=lambda w: not (
        w in _AR_NAME_STOPS or w in _AR_NOT_SUBJECT or w in _AR_PREPOSITIONS))
    if start > lo and not _AFTER_BREAK.search(text, max(lo, start - 3), start):
        return ""  # (a name opens its clause: "، أبو يحيى التونسي الذي", not "لما أعلنه فلان الذي")
    return text[start:rel].strip()


_AFTER_BREAK = regex.compile(r"[،,.:؛\n][ \t]*$")


@rule("quotes.definite_subject_before")
def _definite_subject_before(text: str, cue, lo: int) -> str:
    """A definite noun phrase that opens its clause right before an Arabic verb with no conjunction and
    no subject after it ("، الجيل الجديد يقول: «...»"): the subject as written (up to three words), or ""."""
    if _CONJUNCTION_START.match(cue.group()) and cue.group()[1:] in _CUE_WORDS:
        return ""
    start = _words_before(text, cue.start(), _AR_WORD_BEFORE, lo=lo, keep=lambda w: _is_title(w) or not (
        w in _AR_NAME_STOPS or w in _AR_NOT_SUBJECT or w in _AR_PREPOSITIONS or w in _AR_PARTICLES))
    words = _MARK.sub("", text[start:cue.start()]).split()
    if not words or not (words[0].startswith(ARTICLE) or _is_title(words[0])):
        return ""
    before = _AR_WORD_BEFORE.search(text, max(lo, start - 12), start)
    if start > lo and not _AFTER_BREAK.search(text, max(lo, start - 3), start) and not (
            before is not None and before.end() == start and before.group(1) in _AR_NAME_STOPS
            and not _OPENS_CLAUSE.match(before.group(1)) and before.group(1) not in _AR_PREPOSITIONS
            and _CONJUNCTION_START.sub("", before.group(1)) not in _AR_PREPOSITIONS):
        return ""  # (the words run on from the clause before: not its opening, as after "، " or "لكن")
    return text[start:cue.start()].strip()


_AR_WORD_BEFORE = regex.compile(r"([\p{Arabic}][\p{Arabic}\p{M}]*)[ \t]+$")


def _unknown_name(text: str, cue, is_after: bool, lo: int = 0) -> str:
    """The subject a reporting cue names when the gazetteer does not know it, as written —
    "تشاندار" in "وقال تشاندار في مقال له:", "Chandar" in "said Chandar" — or "" where the cue
    has no subject of its own ("he said", وقال "...", "وقال في بيان")."""
    if _SPEAKER_BEFORE.fullmatch(cue.group()):
        # "نقلت الصحيفة عن بايكال قوله", "quoted Baykal as saying": the name between عن/quoted and the cue
        m = _QUOTED_FROM.search(text, max(0, cue.start() - 80), cue.start())
        return m.group(1) if m else ""
    if _ARABIC.match(cue.group()):
        rel = _RELATIVE_BEFORE.search(text, max(lo, cue.start() - 12), cue.start()) \
            if not _relative_is_object(text, cue, lo) else None
        return (_relative_subject(text, rel.start(), lo) if rel is not None else "") or _ar_subject_after(text, cue) \
            or _definite_subject_before(text, cue, lo)
    return _en_unknown_name(text, cue, is_after, lo)


_MARKED_NAME = regex.compile(r"[ \t]*«[^«»\n]{1,30}»")


_NAME_HEAD_PREFIX = regex.compile(rf"^{CONJUNCTION_RE}?(?:{ARTICLE})?")


def _with_clitic_preposition(word: str) -> bool:
    """A word that carries the dative ل (لوكالة، لحكومة، لهذه): no further word of a name (a title's
    description goes on: "الصحافي المختص بالجماعات المتطرفة")."""
    return word.startswith(_DATIVE)


def _is_name_head(word: str) -> bool:
    """A noun that names what follows it in quotation marks (قناة، وكالة، صحيفة: name_heads.csv)."""
    return _NAME_HEAD_PREFIX.sub("", word) in _NAME_HEADS["ar"]


_AR_COMPLEMENTIZER_WORD = regex.compile(rf"^(?:ب)?(?:{_AR_COMPLEMENTIZER})$")


@rule("quotes.no_subject_after_complementizer")
def _clause_opener(text: str, word: str, end: int) -> bool:
    """A complementizer right after an Arabic verb ("وتقول إن موضوع ... «...»", "ويضيف أن X"): the
    verb has no subject of its own there; the words after it are its clause's. Not where what
    follows is only a name and a colon before the quotation ("وتقول إن فلانة، من شركة كذا: «...»":
    the clause names the speaker)."""
    return _AR_COMPLEMENTIZER_WORD.match(word) is not None and _NAME_THEN_COLON.match(text, end) is None


_NAME_THEN_COLON = regex.compile(r"[^«»\"\n.:]{1,120}:\s*[«\"]")


_DEFINITE_WITH_CLITIC = regex.compile(rf"[ \t]+(?:{alternation(PREPOSITION_CLITICS)})(?:ال|ل)[\p{{Arabic}}]")


@rule("quotes.verbal_noun_object")
def _verbal_noun_object(text: str, word: str, end: int) -> bool:
    """A definite noun after the verb followed at once by a definite word with a preposition clitic
    ("وطلب الاتصال بالسفارة", "أعلن استمرار الغارات", "بدأ التحضير للمؤتمر"): a verbal noun and its
    object, what the verb is about, not its subject (a title is no verbal noun: "الخبير بالشؤون")."""
    return word.startswith(ARTICLE) and not _is_title(word) and _GENERIC.fullmatch(word) is None \
        and _DEFINITE_WITH_CLITIC.match(text, end) is not None


def _ar_subject_after(text: str, cue) -> str:
    """The subject after an Arabic reporting verb, as written ("وقال تشاندار في مقال له"), or ""."""
    pos = cue.end()
    for _ in range(3):  # skip "عليه", "أمس", "في هذا الصدد" ...: the subject may follow them
        m = _WORD_AFTER.match(text, pos)
        if m is None:
            return ""
        bare = _MARK.sub("", m.group(1))
        word = bare if bare in _AR_NOT_SUBJECT else _CONJUNCTION_START.sub("", bare)
        filler = _AR_FILLER.match(text, m.start(1)) if m.group(1) in _FILLER_HEADS else None
        if filler is not None:  # "في هذا الصدد", "من جهته": the subject may follow
            pos = filler.end()
            continue
        if word in _AR_PREPOSITIONS:
            return ""  # "وقال في تصريح", "وأعلن عن جلسة": what follows is its object, not a subject
        if bare in _HONORIFICS:
            return ""  # "وقال معاليه": a pronoun for the person named before, resolved like one
        if bare.lstrip("وف")[:1] in PREPOSITION_CLITICS and any(
                _with_preposition(x) for x in mentions_in(bare)):
            return ""  # "وقال لإسرائيل إن": whom it was said to, not who said it
        if _clause_opener(text, bare, m.end()):
            return ""  # "ويضيف أن جماعة X «...»": what follows the complementizer is the clause's
        if word in _AR_NOT_SUBJECT or (word[:1] in PREPOSITION_CLITICS and _is_name_head(word[1:])):
            pos = m.end()
            continue
        if _OPENS_CLAUSE.match(word) or len(word) < 2:
            return ""
        start, end, last = m.start(1), m.end(1), m.group(1)
        if _verbal_noun_object(text, bare, end):
            return ""  # "طلب الاتصال بالسفارة": what was asked for, not who asked
        for _ in range(5):  # the name's further words, up to a particle, "إن", a relative or punctuation
            if last.endswith(".") and len(last) > 2:
                break  # the sentence ended (not "د. علي", "ستيفن ج. هينتغس")
            if (marked := _MARKED_NAME.match(text, end)) is not None and _is_name_head(last):
                end = marked.end()  # "قناة «روسيا اليوم»": the outlet's name in its marks
                break
            n = _NAME_WORD.match(text, end)
            if n is None or n.group(1) in _AR_NOT_SUBJECT or n.group(1) in _AR_NAME_STOPS \
                    or _OPENS_CLAUSE.match(n.group(1)) or _with_clitic_preposition(n.group(1)):
                break
            end, last = n.end(1), n.group(1)
        # a title, then the name between commas: "وقال الناطق باسم غرفة العمليات، العميد الهادي دراه، إن"
        # (only after a title, a definite description: "عبد اللطيف العبد اللطيف، المستثمر العقاري،" is the name)
        appositive = _AR_APPOSITIVE.match(text, end) if _DEFINITE.match(bare) or _is_title(bare) else None
        if appositive is not None and not opens_seat(text, appositive.start(1)) and not any(
                w in _AR_NOT_SUBJECT or w in _AR_NAME_STOPS for w in appositive.group(1).split()):
            end = appositive.end(1)
        return text[start:end].rstrip(".")
    return ""


def _en_unknown_name(text: str, cue, is_after: bool, lo: int) -> str:
    """The English subject of ``cue`` the gazetteer lacks, as written ("said Chandar"), or ""."""
    if is_after:
        # '"...," said Chandar' (but '"...," told Reuters': who is told is no speaker) ...
        name = "" if _addressed(cue.group()) else _en_name_at(text, cue.end())
        if name:
            return name
        # ... else '"...," the minister Adel Kafi said': the name between the quote (``lo``) and the cue
    m = _WORD_BEFORE.search(text, max(lo, cue.start() - 80), cue.start())  # (not the whole article before)
    if m is None or m.end() < cue.start() - 3 or not m.group(1)[:1].isupper() or m.group(1).lower() in _EN_NOT_SUBJECT:
        return _described_subject(text, max(lo, cue.start() - 40), cue.start())
    # the name's earlier words: capitalised, or a particle ("Ahmed al-Mismari")
    start = _words_before(text, m.start(1), _NAME_WORD_BEFORE, lo=lo, keep=lambda w: (
        w[:1].isupper() or w.lower() in _EN_PARTICLES) and w.lower() not in _EN_NOT_SUBJECT)
    end = m.end(1)
    if _place_before(text, max(lo, start - 12), start):
        return ""  # '"...," a Libyan intelligence officer in Sebha told me': a place, not the speaker
    return text[start:end]


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
    the closing mark is missing); resolved_by (after | before | not in gazetteer — the cue names a
    speaker the gazetteer lacks | title of a person named before | reported clause | previous
    statement | person named before | continues previous quote | continues previous statement |
    quote before in its sentence | unresolved | "" when no cue was found); rule (the path that made
    the row: ``quotes.direct_*`` or ``quotes.reported_*``, see :func:`libyakit.rules.list_rules`).
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
