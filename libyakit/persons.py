"""People and organisations the gazetteer does not list, and the state mentions that are none.

Real articles name far more people and bodies than any gazetteer holds. Each keep/drop decision
here is a named rule (:mod:`libyakit.rules`); each row says in its ``rule`` column which path found
it. Vocabulary is data: ``data/lexicon/person_titles.csv``, ``first_names.csv`` (``also_word``:
the name is also a common word, عادل "just"), ``name_stops.csv``, ``title_links.csv``,
``organisation_heads.csv`` (``takes_name``: the head takes a proper name, حزب، شركة; ``no``: only a
construct chain, سلاح الجو), ``languages.csv``.

Arabic persons (actor_id ``unlisted:<name as written>``, alias_type ``titled_name``):

* ``persons.titled`` — after a title or role and what describes it ("وزيرة الخارجية نجلاء
  المنقوش", "الرئيس التركي ...", "الفريق أول ...", also between commas: ``persons.between_commas``);
* ``persons.reporting_subject`` — right after a reporting verb ("وقال محمد ..."; a verb whose bare
  form is another word, بين, only after و/ف);
* ``persons.role_after`` — before the person's role ("جاسم ...، رئيس المؤسسة");
* ``persons.first_name`` — a first name that is no common word and a family name ("وليد ...");
* ``persons.coordinated`` — joined by و to a person right before (lists of people);
* ``persons.kunya`` — أبو/أبي + a first name or a word with the article, and its nisba;
* ``persons.surname_again`` — a person found in full, named again by a last name that is no common
  word (the row's actor is the full name).

A name is two to four words: it ends at punctuation or a line, a stop word, a reporting verb or
title, a known actor, a family name with the article, a preposition's phrase (بالاسم), a feminine
adjective, a verb, an adverb, or و joining another word. English persons (``persons.en_titled``):
two to four capitalised words after a title ("Italian Premier ...", "commission member ...").

Organisations (alias_type ``headed_name``): English capitalised names with a head word
(``persons.en_headed``); Arabic bodies by their head noun — with their owner's nisba
(``persons.owned_organisation``: "وزارة الخارجية الإيطالية", "الخارجية الروسية", "القوات المسلحة
المصرية"), with a name or a construct chain after it (``persons.named_organisation``: "حزب الدعوة",
"مديرية أمن مطروح", "شركة «...»"), or ال<head> ال<adjective> ل<what for> (``persons.defined_body``).

States that are none (:func:`unlisted`): a nisba naming a language (``persons.language_nisba``), a
person's adjective (``persons.person_nisba``: "الكاميرونية" after "... كاميرون"), a kunya's nisba
standing for its person later (``persons.kunya_nisba``). And a body named with its state's nisba
names that state too in the actor table (``persons.owner_state``, :func:`owner_states`).

Measured on the gold set (benchmarks/extraction.py): see docs/persons.md.

>>> [p.surface for p in titled_persons("وقالت وزيرة الخارجية نجلاء المنقوش إن الانتخابات ستجرى")]
['نجلاء المنقوش']
>>> [p.surface for p in titled_persons("German Chancellor Anna Vogelsang hosted the Berlin conference.")]
['Anna Vogelsang']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter

import regex

from .arabic import MARK_CLASS, MARKS
from .document import Mention
from .lexicon import flagged, reporting_verb_table, reporting_verbs, word_list
from .marks import BareText
from .regex_gate import finditer_at, word_starts
from .rules import row_rule, rule
from .sentences import SpanSet

__all__ = ["Person", "titled_persons", "named_organisations", "unlisted", "owner_states"]


@dataclass(frozen=True, init=False)
class Person(Mention):
    """A person (or organisation) mention the gazetteer does not list: a :class:`libyakit.document.Mention`
    with no ``actor_id``, whose ``alias`` is the title that introduced the name."""

    rule: str  # the named rule that found it (libyakit.rules)

    def __init__(self, actor_id: str, start: int, end: int, surface: str, alias: str,
                 alias_type: str = "titled_name", rule: str = ""):
        super().__init__(actor_id, start, end, surface, alias, alias_type)
        self.__dict__["rule"] = rule  # (as Mention writes its fields)


_AR_TOKEN = regex.compile(rf"[\u0621-\u064a\u0671-\u06d3{MARKS}]+")
_AR_TOKEN_SPLIT = re.compile(rf"({_AR_TOKEN.pattern})")  # (character ranges only: re splits it as regex does, faster)
_EN_TOKEN = regex.compile(r"[\p{L}][\p{L}\p{M}'’.-]*")
_MARKS = regex.compile(MARK_CLASS)
_PUNCT_BETWEEN = regex.compile(r"[^ \t\u00a0\u200c\u200f\u200e]")  # anything but spaces (a line too) between two words breaks a name


@lru_cache(maxsize=1 << 16)  # (words repeat: a dict lookup, not a regex or a wordfreq call)
def _bare(word: str) -> str:
    return _MARKS.sub("", word)


@lru_cache(maxsize=1 << 16)  # (words repeat: a dict lookup, not a regex or a wordfreq call)
def _ar_base(word: str) -> str:
    """The word without و/ف and with ل+ال contracted back (للرئيس → الرئيس, ووزير → وزير)."""
    w = _bare(word)
    if w.startswith("لل") and len(w) > 4:
        return "ال" + w[2:]
    if len(w) > 3 and w[0] in "وفبل" and w[1:] != "":
        rest = w[1:]
        if rest.startswith("لل"):
            return "ال" + rest[2:]
        return rest
    return w


@lru_cache(maxsize=1 << 16)  # (words repeat: a dict lookup, not a regex or a wordfreq call)
def _has_article(word: str) -> bool:
    w = _bare(word)
    return w.startswith(("ال", "وال", "فال", "بال", "لل", "ولل"))


@lru_cache(maxsize=1 << 16)  # (words repeat: a dict lookup, not a regex or a wordfreq call)
def _rare(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "ar") < _RARE_ZIPF


_RARE_ZIPF = 3.2  # a transliterated foreign name: "برناردينو ليون" is 2.2 and 3.3, "تمتين العلاقات" 2.1 and 5.3


def _name_like(first: str, second: str, first_names) -> bool:
    """Whether two words after a title open a name: a known first name ("عادل الجبير": عادل is also
    "just"), or two rare words (a foreign name transliterated: "لوران فابيوس")."""
    return first in first_names or (_rare(first) and _rare(second))


@lru_cache(maxsize=1)
def _gazetteer_first_names() -> frozenset[str]:
    """The first words of the gazetteer's Arabic person names (خليفة، فايز، ستيفاني ...)."""
    from .gazetteer import alias_entries, actor_info

    info = actor_info()
    return frozenset(_bare(e.alias.split()[0]) for e in alias_entries()
                     if e.lang == "ar" and info[e.actor_id].kind == "person" and len(e.alias.split()) > 1
                     and e.alias_type == "name")  # (a variant may open with a word: "نظام الأسد")


_NAME_PARTICLES_AR = {"بن", "ابن", "بنت", "أبو", "ابو", "أبي", "عبد", "ولد"}
_KUNYA_WORDS = ("أبو", "ابو", "أبي", "ابي", "أبا", "ابا")


@lru_cache(maxsize=1 << 16)  # (words repeat: a dict lookup, not a regex or a wordfreq call)
def _common_ar(word: str) -> bool:
    """A word Arabic text uses often (wordfreq Zipf ≥ 4.5: تأكيد، وحدة), which no family name is."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "ar") >= _COMMON_AR_ZIPF


@lru_cache(maxsize=1 << 16)
def _zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an Arabic word (cached)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "ar")


@lru_cache(maxsize=1 << 16)
def _prepositional(word: str) -> bool:
    """ب/ل/ك with the article and a word in use ("بالاسم", "للعقار": ال + the rest at wordfreq Zipf ≥ 4),
    which a family name is not ("بالمر" Palmer: المر is rarer)."""
    from wordfreq import zipf_frequency

    for prefix in ("بال", "كال", "لل"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return zipf_frequency("ال" + word[len(prefix):], "ar") >= 4.0
    return False


@lru_cache(maxsize=1 << 16)  # (words repeat: a dict lookup, not a regex or a wordfreq call)
def _conjoined(word: str) -> bool:
    """و/ف/ب/ل and a word ("ورهان", "ويفي", "بفوزه"): the rest is a word in use (wordfreq Zipf ≥ 3) and
    more frequent than the whole, which a name that starts with those letters is not ("فرانكين")."""
    from wordfreq import zipf_frequency

    if len(word) <= 2 or word[0] not in "وفبل":
        return False
    rest = zipf_frequency(word[1:], "ar")
    return rest >= (3.0 if word[0] in "وف" else 4.0) and rest > zipf_frequency(word, "ar")  # ("بالمر": المر is rare)


@lru_cache(maxsize=4)
def _first_words(titles: frozenset) -> frozenset:
    return frozenset(t.split()[0] for t in titles)


def _ar_tokens(text: str) -> tuple:
    """``(start, end, word)`` of the Arabic words of ``text`` (one pass, shared by the finders)."""
    return _ar_index(text)[0]


def _ar_words(text: str) -> frozenset:
    """The distinct Arabic words of ``text`` (a finder looks at each once)."""
    return _ar_index(text)[1]


@lru_cache(maxsize=4)
def _ar_openers(text: str) -> tuple[frozenset, frozenset, frozenset]:
    """The distinct words of ``text`` that may open a name (:func:`_may_open_name`), a named body
    (:func:`_opens_body`) and a defined body (:func:`_opens_defined_body`): one pass over the words
    for the three finders."""
    words = list(_ar_words(text))
    kinds = list(map(_word_openers, words))  # (map and compress: no Python step per word)
    return tuple(frozenset(compress(words, map(itemgetter(i), kinds))) for i in range(3))


@lru_cache(maxsize=1 << 16)  # (words repeat across articles)
def _word_openers(word: str) -> tuple[bool, bool, bool]:
    return _may_open_name(word), _opens_body(word), _opens_defined_body(word)


def _ar_token_at(text: str) -> "_TokenAt":
    """The index of the Arabic word that starts at an offset of ``text`` (``.get(offset)``, ``in``)."""
    return _TokenAt(_ar_index(text)[2])


class _TokenAt:
    """Offset -> index of the word starting there, by bisection in the words' starts (a dict of every
    word of a long article was slower to build than the few look-ups it served)."""

    def __init__(self, starts: list[int]):
        self.starts = starts

    def get(self, offset: int, default=None):
        k = bisect_left(self.starts, offset)
        return k if k < len(self.starts) and self.starts[k] == offset else default

    def __contains__(self, offset: int) -> bool:
        return self.get(offset) is not None

    def __getitem__(self, offset: int) -> int:
        k = self.get(offset)
        if k is None:
            raise KeyError(offset)
        return k


@lru_cache(maxsize=4)
def _ar_index(text: str) -> tuple:
    # (a split of the text into gaps and words, the offsets summed: no Python step per word)
    parts = _AR_TOKEN_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    words = parts[1::2]
    starts = offsets[1::2]
    return tuple(zip(starts, offsets[2::2], words)), frozenset(words), starts, words


def _tokens_among(text: str, words: frozenset, stop: int | None = None) -> list[int]:
    """The indexes of the Arabic tokens of ``text`` (before token ``stop``) that are one of ``words``."""
    return list(compress(range(len(_ar_index(text)[3]) if stop is None else stop),
                         map(words.__contains__, _ar_index(text)[3])))


_LATIN_CAPITAL = regex.compile(r"[A-Z]")


@lru_cache(maxsize=1)  # (built once, not per article and finder; cleared with the data caches)
def _ar_name_words() -> tuple[frozenset, frozenset, frozenset]:
    """The Arabic reporting verbs, the verbs whose subject a name after them is, and the first names."""
    verbs = frozenset(reporting_verbs("ar"))
    table = [v for v in reporting_verb_table() if v.lang == "ar" and v.speaker == "subject"]
    # a verb whose bare form is another word (بين "between", كتب "books") counts only after و/ف
    subject_verbs = frozenset({v.form for v in table if v.proclitic != "required"}
                              | {c + v.form for v in table if v.proclitic != "none" for c in "وف"})
    return verbs, subject_verbs, word_list("first_names.csv", "ar") | _gazetteer_first_names()


@lru_cache(maxsize=1 << 16)  # (words repeat across articles: one look-up per distinct word of an article)
def _may_open_name(word: str) -> bool:
    """Whether a token may start one of :func:`_arabic`'s rules: a title's first word, a reporting verb
    whose subject follows, or a first name (proclitics aside)."""
    title_firsts = _first_words(word_list("person_titles.csv", "ar"))
    _verbs, subject_verbs, first_names = _ar_name_words()
    b, a = _bare(word), _ar_base(word)
    return b in title_firsts or a in title_firsts or b in subject_verbs or b in first_names or a in first_names


@lru_cache(maxsize=1 << 16)  # (words repeat: a dict lookup, not five)
def _stop_word(w: str) -> bool:
    """A word a name does not run through: a stop word, a reporting verb, a title."""
    stops, titles, verbs = word_list("name_stops.csv", "ar"), word_list("person_titles.csv", "ar"), _ar_name_words()[0]
    b = _bare(w)
    return b in stops or b in verbs or b in titles or _ar_base(w) in verbs \
        or _ar_base(w) in titles or b[:1] in "وف" and _ar_base(w) in stops  # (والذي)


class _ArabicNames:
    """One article's Arabic tokens and the decisions that find a person's name among them."""

    def __init__(self, text: str, known, known_people, organisations=()):
        self.text = text
        self.known, self.known_people = known, known_people
        self.titles = word_list("person_titles.csv", "ar")
        self.title_firsts = _first_words(self.titles)
        self.links = word_list("title_links.csv", "ar")
        self.stops = word_list("name_stops.csv", "ar")
        self.verbs, self.subject_verbs, self.first_names = _ar_name_words()
        self.also_words = flagged("first_names.csv", "ar", "also_word")
        self.heads = word_list("organisation_heads.csv", "ar")
        self.toks = list(_ar_tokens(text))

    def broken(self, a: int, b: int) -> bool:
        """Punctuation (or a line) between token a and token b."""
        gap_start, gap_end = self.toks[a][1], self.toks[b][0]
        if gap_end == gap_start + 1 and self.text[gap_start] == " ":
            return False  # (one space, the most common gap: no regex search)
        return bool(_PUNCT_BETWEEN.search(self.text, gap_start, gap_end))

    def stop_word(self, w: str) -> bool:
        return _stop_word(w)

    def initial(self, k: int) -> bool:
        """Token k is an initial with its full stop ("ستيفن ج. هينتغس"): the name goes on after it."""
        return len(_bare(self.toks[k][2])) == 1 and self.text[self.toks[k][1]:self.toks[k + 1][0]].strip() == "."

    def is_known(self, k: int) -> bool:
        return self.known.overlaps(self.toks[k][0], self.toks[k][1])

    def first_name(self, word: str) -> bool:
        return _bare(word) in self.first_names

    def sure_first(self, word: str) -> bool:
        """A listed first name that is no common word (``also_word`` empty)."""
        b = _bare(word)
        return b in self.first_names and b not in self.also_words

    def title_at(self, i: int):
        """``(j, title)``: the title at token i and the token after it, or None."""
        toks, n = self.toks, len(self.toks)
        bare = _bare(toks[i][2])
        base = bare if bare in self.title_firsts else _ar_base(toks[i][2])
        if base not in self.title_firsts:
            return None
        two = f"{base} {_bare(toks[i + 1][2])}" if i + 1 < n and not self.broken(i, i + 1) else ""
        if two in self.titles:
            return i + 2, two
        if base in self.titles:
            return i + 1, base
        return None

    def after_description(self, j: int):
        """The token after what describes a title (words with the article, links, known actors: at
        most six), or None when the title names a person the gazetteer knows."""
        toks, n, steps = self.toks, len(self.toks), 0
        while j < n and steps < 6 and not self.broken(j - 1, j):
            w = toks[j][2]
            if self.known_people.overlaps(toks[j][0], toks[j][1]):
                return None  # the title names a person the gazetteer knows ("الجنرال خليفة حفتر")
            if _has_article(w) and not (self.first_name(w) and j + 1 < n and not _has_article(toks[j + 1][2])
                                        and not self.stop_word(toks[j + 1][2])):
                j, steps = j + 1, steps + 1
                continue
            if _bare(w) in self.links or self.is_known(j):
                j, steps = j + 1, steps + 1
                continue
            break
        return j

    def name_end(self, j: int):
        """The last token of a name that starts at token j (two to four words), or None."""
        toks, n = self.toks, len(self.toks)
        if j >= n or self.stop_word(toks[j][2]) or self.is_known(j):
            return None
        if _has_article(toks[j][2]) and not self.first_name(toks[j][2]):
            return None  # a name opens with a first name, which has no article (العربي، الباجي are listed)
        if _bare(toks[j][2]) == "بن":
            return None  # (the particle inside a name: "... بن مروان" is the end of one)
        k = j
        while k + 1 < n and k - j < 3 and (not self.broken(k, k + 1) or self.initial(k)):
            w = toks[k + 1][2]
            if self.stop_word(w) or self.is_known(k + 1):
                break
            if _bare(w) == "الله" and _bare(toks[k][2]) not in ("عبد", "نصر", "فضل", "جار", "خير"):
                break  # "أحمد الله" is a verb and God; "عبد الله" a name
            b = _bare(w)
            if _prepositional(b) or (_has_article(w) and b.endswith(("ية", "ات")) and b != "العطية"):
                break  # a preposition's phrase ("يوسف بالاسم", "هاتون للعقار") or a feminine adjective
                # ("فهد الأمنية") is no part of a name
            if b[:1] == "و" and b not in self.first_names and (k > j or not self.sure_first(toks[j][2])):
                break  # "المبروك وباهي", "كريستوفر شانون وسيبلينغ": و joins another word
            if b not in self.first_names and (_conjoined(b) or k > j and b[:1] == "م" and b.endswith("ا") and _zipf(b) >= 3.5):
                break  # "بفوزه" (ب + a word), "مقلدا", "محققا" (an adverb after the name)
            if not _has_article(w) and b not in self.first_names and _zipf(b) >= 3.0 \
                    and (b[:1] in "يت" or b.endswith("ى")):
                break  # a verb after the name ("فهد يرجع", "عبد العزيز اشترى")
            if not _has_article(w) and b not in self.first_names and b not in _NAME_PARTICLES_AR:
                if _conjoined(b) or (_common_ar(b) and (k > j or not self.sure_first(toks[j][2]))):
                    break  # "و" + a word, or a common word, is the sentence going on ("الوزير شكري تأكيد");
                    # a first name that is no word takes one ("ميشيل كيلو", "حسني مبارك")
            first_name = k == j or (k == j + 1 and _bare(toks[j][2]) == "عبد")
            if _has_article(w) and not first_name and _bare(toks[k][2]) not in ("عبد", "العبد"):
                break  # after a first and a last name, a word with the article is what follows ("... فرانكين الوفد")
            k += 1
            if _has_article(w) and _bare(toks[k - 1][2]) not in ("عبد", "العبد") and _bare(w) != "العبد":
                break  # a family name with the article ends the name ("نجلاء المنقوش"; "عبد الله" goes on)
        while k > j and (_bare(toks[k][2]) in _NAME_PARTICLES_AR or len(_bare(toks[k][2])) == 1):
            k -= 1  # "فيصل بن" at the end of a line: the particle is no part of what was written
        return k if k > j else None

    def name_like(self, j: int) -> bool:
        return _name_like(_bare(self.toks[j][2]), _bare(self.toks[j + 1][2]), self.first_names)

    def role_follows(self, k: int) -> bool:
        """A title or role right after the name, or after a comma: "جاسم السعدون، رئيس المؤسسة"."""
        toks, n = self.toks, len(self.toks)
        if k + 1 >= n:
            return False
        between = self.text[toks[k][1]:toks[k + 1][0]]
        if between.strip() not in ("", "،", ",", "-", "–"):
            return False
        return self.title_at(k + 1) is not None

    def head_before(self, j: int) -> bool:
        """An organisation's head noun right before: "كتيبة أبو بكر الصديق", "جامعة محمد الخامس"."""
        if j == 0 or self.broken(j - 1, j):
            return False
        w = self.toks[j - 1][2]
        return _bare(w) in self.heads or _ar_base(w) in self.heads


@rule("persons.between_commas")
def _between_commas(names: _ArabicNames, j: int) -> bool:
    """A title and its description, a comma, then a name closed by a comma: the apposition "وزير الطاقة
    الجزائري، صلاح خبري، الأسبوع الماضي" (the name as after the title right away)."""
    text, toks = names.text, names.toks
    if text[toks[j - 1][1]:toks[j][0]].strip() not in ("،", ","):
        return False
    k = names.name_end(j)
    return k is not None and k + 1 < len(toks) and text[toks[k][1]:toks[k + 1][0]].strip() in ("،", ",")


@rule("persons.titled")
def _titled(names: _ArabicNames, j: int, k: int) -> bool:
    """A name after a title or role and what describes it ("وزيرة الخارجية نجلاء المنقوش", "الرئيس
    التركي رجب طيب أردوغان", "السفير المصري إيهاب بدوي"): its first word a first name, or the first two
    both rare (a foreign name transliterated)."""
    return names.name_like(j)


@rule("persons.reporting_subject")
def _reporting_subject(names: _ArabicNames, j: int, k: int) -> bool:
    """A name right after a reporting verb is its subject ("وقال محمد الحجازي، المتحدث ..."): taken when
    its first word is a first name, or the first two both rare."""
    first = _bare(names.toks[j][2])
    if first not in names.first_names and _conjoined(first):
        return False  # "يقول ويفي بوعوده": the next verb, not a subject
    return names.name_like(j)


@rule("persons.role_after")
def _role_after(names: _ArabicNames, j: int, k: int) -> bool:
    """A name followed by its role ("جاسم السعدون، رئيس المؤسسة", "نوري المالكي نائب الرئيس"), its first
    word a listed first name."""
    first = _bare(names.toks[j][2])
    if first not in names.first_names or not names.role_follows(k):
        return False
    after = names.title_at(k + 1) if names.text[names.toks[k][1]:names.toks[k + 1][0]].strip() == "" else None
    if after is not None:  # a title with no comma: it may open the next name ("صديق عمره الأستاذ عمرو موسى")
        nxt = names.after_description(after[0])
        if first in names.also_words or (nxt is not None and nxt < len(names.toks) and names.name_end(nxt) is not None
                                         and names.first_name(names.toks[nxt][2])):
            return False
    return True


@rule("persons.first_name")
def _first_name(names: _ArabicNames, j: int, k: int) -> bool:
    """A listed first name that is no common word (``also_word`` empty: خالد, وليد, not عادل "just"),
    then a family name: a word with the article, another first name, or a word that is not common
    (wordfreq Zipf below 4.5): "وليد المعلم", "خالد مشعل"."""
    first, second = _bare(names.toks[j][2]), _bare(names.toks[j + 1][2])
    if first == "عبد" and _has_article(second) and k >= j + 2:  # "عبد الله السنوسي": the compound, then the family name
        first, second = first + " " + second, _bare(names.toks[j + 2][2])
    elif first not in names.first_names or first in names.also_words or first == "عبد":
        return False
    return _has_article(second) or second in names.first_names or _zipf(second) < _COMMON_AR_ZIPF  # (cached)


_COMMON_AR_ZIPF = 4.5


@rule("persons.kunya")
def _kunya(names: _ArabicNames, j: int, k: int) -> bool:
    """A kunya: أبو/أبي/أبا and a listed first name or a word with the article ("أبو يحيى التونسي",
    "أبو الفداء السوداني"), and the nisba or family name after it."""
    second = names.toks[j + 1][2]
    return _bare(names.toks[j][2]) in _KUNYA_WORDS \
        and (names.first_name(second) or _has_article(second) and not names.is_known(j + 1))


@rule("persons.coordinated")
def _coordinated(names: _ArabicNames, j: int, k: int, after_person: bool) -> bool:
    """A name joined by و to a person's name right before it ("... النوري بوسهمين والصديق الصور"):
    one of a list of people, even when its first name is also a word."""
    word = _bare(names.toks[j][2])
    return after_person and word[:1] == "و" and names.first_name(word[1:]) or False


@rule("persons.organisation_name")
def _organisation_name(names: _ArabicNames, j: int, k: int) -> bool:
    """A name right after an organisation's head noun names the body, not a person ("كتيبة أبو بكر
    الصديق", "جامعة محمد الخامس"): not taken without a title."""
    return names.head_before(j)


_AR_PROCLITIC = regex.compile(r"^(?:[وف]?[بل]?)")


def _arabic(text: str, known, known_people) -> list[Person]:
    names = _ArabicNames(text, known, known_people)
    toks, n = names.toks, len(names.toks)
    out, i = [], 0
    last_end = -1  # the token a found name ended at

    def take(j: int, k: int, alias: str, rule_name: str, trim: bool = False) -> None:
        nonlocal last_end
        last_end = k
        start, end = toks[j][0], toks[k][1]
        if trim:  # a proclitic on the first name is no part of the name ("وبثينة شعبان")
            word = toks[j][2]
            for cut in (2, 1):
                if len(word) > cut + 2 and _AR_PROCLITIC.fullmatch(word[:cut]) and _bare(word[cut:]) in names.first_names:
                    start += cut
                    break
        # (alias_type titled_name for every person the gazetteer lacks: quotes take them as speakers;
        # the rule column says which path found the name)
        out.append(Person("", start, end, text[start:end], alias, "titled_name", rule_name))

    # only a title, a reporting verb or a first name (proclitics aside) starts a name: the loop jumps
    # from one such token to the next (each word is looked at once, not each token)
    maybe = _ar_openers(text)[0]
    starts = _tokens_among(text, maybe)
    while i < n:
        if toks[i][2] not in maybe and "" not in names.first_names:
            c = bisect_left(starts, i)
            if c == len(starts):
                break
            i = starts[c]
        hit = names.title_at(i)
        if hit is not None:
            j = names.after_description(hit[0])
            if j is not None and j < n and names.broken(j - 1, j) and _between_commas(names, j):
                pass  # "وزير الطاقة الجزائري، صلاح خبري، ...": the name between commas after the title
            elif j is None or j >= n or names.broken(j - 1, j):
                i += 1
                continue
            k = names.name_end(j)
            if (k is None or not _titled(names, j, k)) and j - 2 > hit[0] - 1 and names.first_name(toks[j - 2][2]) \
                    and _has_article(toks[j - 2][2]) and _has_article(toks[j - 1][2]):
                # the description took the name: a first name with the article and a family name with it
                # ("رئيس الجمهورية المنصف الزواري")
                j -= 2
                k = names.name_end(j)
            if k is not None and _titled(names, j, k):
                take(j, k, hit[1], TITLED)
                i = k + 1
            else:
                i = max(j, i + 1)
            continue
        word = toks[i][2]
        if _bare(word) in names.subject_verbs:
            j = i + 1
            if j < n and not names.broken(i, j):
                k = names.name_end(j)
                if k is not None and _reporting_subject(names, j, k):
                    take(j, k, _bare(word), AFTER_VERB)
                    i = k + 1
                    continue
            i += 1
            continue
        base = _bare(word)
        stripped = base if base in names.first_names else _ar_base(word)
        coordinated = i > 0 and (last_end == i - 1 or known_people.overlaps(toks[i - 1][0], toks[i - 1][1])) \
            and base[:1] == "و" \
            and names.text[toks[i - 1][1]:toks[i][0]].strip() in ("", "،", ",")
        if stripped != base and (stripped in names.also_words and stripped != "عبد" and not coordinated
                                 or _common_ar(base) or base[:1] not in "وفبل"):
            stripped = ""  # "لجان" is committees, not ل + جان
        if stripped in names.first_names and (i == 0 or not _organisation_name(names, i, i)):
            found, k = None, None
            names.toks[i] = (toks[i][0], toks[i][1], stripped)  # the name without its proclitic ("وبثينة")
            try:
                k = names.name_end(i)
                if k is not None:
                    if _kunya(names, i, k):
                        if k + 1 < n and _has_article(toks[k + 1][2]) and not names.broken(k, k + 1) \
                                and not names.stop_word(toks[k + 1][2]):
                            k += 1  # the kunya's nisba or family name: "أبو يحيى التونسي"
                        found = (k, KUNYA)
                    elif _role_after(names, i, k):
                        found = (k, ROLE_AFTER)
                    elif _first_name(names, i, k):
                        found = (k, FIRST_NAME)
            finally:
                names.toks[i] = (toks[i][0], toks[i][1], word)
            if found is None and k is not None and _coordinated(names, i, k, coordinated):
                found = (k, COORDINATED)
            if found is not None:
                take(i, found[0], "", found[1], trim=True)
                i = found[0] + 1
                continue
        i += 1
    return out


TITLED = row_rule("persons.titled_name", "a person named after a title or role (persons.titled, persons.en_titled)")
AFTER_VERB = row_rule("persons.subject_name", "a person named as a reporting verb's subject")
ROLE_AFTER = row_rule("persons.name_before_role", "a person named before their role")
FIRST_NAME = row_rule("persons.first_and_family_name", "a person named by a first name that is no common word and a family name")
KUNYA = row_rule("persons.kunya_name", "a person named by a kunya (أبو يحيى ...)")
COORDINATED = row_rule("persons.coordinated_name", "a person named in a list right after another")
HEADED_EN = row_rule("persons.en_organisation_name", "an English organisation named by capitalised words with a head word")
OWNED_AR = row_rule("persons.owned_body", "an Arabic organisation named by its head noun and its owner's nisba")
NAMED_AR = row_rule("persons.named_body", "an Arabic organisation named by its head noun and a name")


_EN_PARTICLES = {"al-", "el-", "al", "el", "bin", "ibn", "de", "van", "von", "abu", "abdel", "abdul"}


def _english(text: str, known) -> list[Person]:
    if not _LATIN_CAPITAL.search(text):
        return []  # (no capitalised word: no English name)
    titles = word_list("person_titles.csv", "en")
    stops = word_list("name_stops.csv", "en")
    two_word = {t for t in titles if " " in t}
    out = []
    # Only a title starts a name: the text is read from one place a title's word stands to the next,
    # token by token only there (every word of a long Arabic text was a Python step). ``pos`` is
    # never inside a token, so the tokens read from it are the text's.
    places = word_starts(text, _title_words(titles))  # (Aho-Corasick: a regex alternation of the words,
    # searched from each place on, read the whole of a long Arabic text at a slow pace)
    pos = 0
    while True:
        c = bisect_left(places, pos)  # (the next place at or after pos)
        if c == len(places):
            break
        p = places[c]
        space = _LAST_SPACE.search(text, pos, p)
        toks = _LazyWords(text, space.end() if space is not None else pos, _EN_TOKEN, _en_token)
        i = 0
        while toks.has(i) and toks[i][0] < p:
            i += 1
        if i > 0 and toks[i - 1][1] > p:  # inside a word: no title there
            pos = toks[i - 1][1]
            continue
        if not toks.has(i) or toks[i][0] != p:
            pos = p + 1
            continue
        w = toks[i][2]
        pair = f"{w} {toks[i + 1][2]}" if toks.has(i + 1) else ""
        if pair in two_word:
            j = i + 2
        elif w in titles:
            j = i + 1
        else:
            pos = toks[i][1]
            continue
        run = []
        k = j
        while toks.has(k) and len(run) < 4 and not _PUNCT_BETWEEN.search(text, toks[k - 1][1], toks[k][0]):
            word = toks[k][2]
            if word in titles and word[:1].isupper():  # another title: the name starts after it
                run = []
                k += 1
                continue
            if word[:1].isupper() and word not in stops or (run and word.lower() in _EN_PARTICLES):
                run.append(k)
                k += 1
                continue
            break
        while run and toks[run[-1]][2].lower() in _EN_PARTICLES:
            run.pop()
        if len(run) >= 2:
            start, end = toks[run[0]][0], toks[run[-1]][1]
            if _en_titled(text, start, end, known):
                out.append(Person("", start, end, text[start:end], w if pair not in two_word else pair,
                                  "titled_name", TITLED))
            i = run[-1] + 1
        else:
            i += 1
        if not toks.has(i):
            break
        pos = toks[i][0]
    return out


def _en_token(m) -> tuple:
    """``(start, end, word)``: an English token, its full stop dropped unless it is an abbreviation's."""
    g = m.group()
    return m.start(), m.end(), g.rstrip(".") if not g.endswith(("Gen.", "Col.", "Dr.", "Mr.", "Ms.")) else g


@lru_cache(maxsize=4)
def _title_words(titles: frozenset) -> tuple[str, ...]:
    """The (first) words of the titles: where one is written, a title may open (a superset of the
    tokens that open a title)."""
    return tuple(sorted({t.split(" ", 1)[0] for t in titles if t}))


@rule("persons.en_titled")
def _en_titled(text: str, start: int, end: int, known) -> bool:
    """English: two to four capitalised words after a title ("German Chancellor Angela Merkel") are a
    person, unless a known actor's mention overlaps them or they hold a digit."""
    return not known.overlaps(start, end) and not any(c.isdigit() for c in text[start:end])


_ORG_LINKS = {"of", "for", "and", "the"}  # ("the" only after of/for: "Council of the European Union")
_SENTENCE_OPENERS = {"The", "A", "An", "In", "On", "At", "But", "And", "As", "For", "By", "With", "From", "To", "Of",
                     "While", "After", "Before", "When", "Meanwhile", "Also", "Since", "Under", "Last", "This"}
_ORG_WORD = regex.compile(r"[A-Z][\w'’.&-]*|\([A-Z][A-Za-z]{1,6}\)")  # a capitalised word, or "(AK)"


def _opens_sentence(text: str, pos: int) -> bool:
    k = pos  # (the last character before ``pos`` that is no space; a copy of text[:pos] was quadratic)
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k == 0 or text[k - 1] in ".!?\n:\"”"


@lru_cache(maxsize=1 << 16)  # (words repeat: a dict lookup, not a wordfreq call)
def _common_en(word: str) -> bool:
    """A word English writes in lower case often (wordfreq Zipf ≥ 4.5: "members", "officials")."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= _COMMON_ZIPF


_COMMON_ZIPF = 4.5


_POSSESSIVE = regex.compile(r"['’]s[,.;:]?$")


@rule("persons.en_headed")
def _en_headed(names: list[str], heads) -> bool:
    """English: a run of at least two capitalised words (linked by of/for/and/the) holding an
    organisation's head word ("Libyan Political Dialogue Forum", "Center for Humanitarian Dialogue")."""
    return len([n for n in names if n not in _ORG_LINKS]) >= 2 and any(n in heads for n in names)


def named_organisations(text: str, known=()) -> list[Person]:
    """English organisations the gazetteer does not list, by the word that makes a capitalised name an
    organisation's (``organisation_heads.csv``): "Libyan Political Dialogue Forum", "Center for
    Humanitarian Dialogue", "Justice and Development (AK) Party". At least two capitalised words,
    linked only by of/for/and/the; a leading "The" is no part of the name; a name a known actor's
    mention overlaps is the gazetteer's. Arabic has no capitals to tell where a name ends: an
    Arabic organisation is found only when named with its owner's demonym
    (:func:`_arabic_organisations`: "وزارة الخارجية الإيطالية").

    >>> [o.surface for o in named_organisations("The Libyan Political Dialogue Forum met in Tunis.")]
    ['Libyan Political Dialogue Forum']
    """
    from .gazetteer import actor_info

    heads = word_list("organisation_heads.csv", "en")
    info = actor_info()
    arabic = _arabic_organisations(text, known)
    arabic += _arabic_named_organisations(text, known, SpanSet((o.start, o.end) for o in arabic))
    arabic += _arabic_defined_bodies(text, known, SpanSet((o.start, o.end) for o in arabic))
    # a state's demonym inside the name is part of it ("Libyan Political Dialogue Forum"); any other
    # actor the gazetteer knows there makes the name the gazetteer's
    spans = SpanSet((m.start, m.end) for m in known if m.actor_id and info[m.actor_id].kind != "state")
    out = []
    # A name opens with a word holding a capital: the text is read from one such word to the next,
    # word by word only where a name may stand (every word of a long Arabic text was a Python step)
    pos = 0
    while True:
        cap = _LATIN_CAPITAL.search(text, pos)
        if cap is None:
            break
        space = _LAST_SPACE.search(text, pos, cap.start())
        words = _LazyWords(text, space.end() if space is not None else pos)  # from the word holding it
        i = 0
        run, j = [], i
        while words.has(j):
            w = _POSSESSIVE.sub("", words[j].group().strip(",.;:\"'“”‘’"))
            bare = words[j].group()
            prev = words[run[-1]].group() if run else ""
            if _ORG_WORD.fullmatch(w) or (run and w in _ORG_LINKS and (w != "the" or prev in ("of", "for"))):
                run.append(j)
                if (bare[-1:] in ",.;:\"”’" and bare not in ("U.S.", "U.N.")) or _POSSESSIVE.search(bare):
                    break  # punctuation, or a possessive ("the Forum's round"), ends the name
                j += 1
                continue
            break
        while run and words[run[-1]].group().strip(",.;:\"'“”‘’") in _ORG_LINKS:
            run.pop()
        while run and words[run[0]].group() in _SENTENCE_OPENERS:  # "The", "In", "But" opening a sentence
            run = run[1:]
        # a common word capitalised only because it opens the sentence ("Members of the Committee met")
        while run and _opens_sentence(text, words[run[0]].start()) and _common_en(words[run[0]].group()):
            run = run[1:]
            while run and words[run[0]].group() in _ORG_LINKS:
                run = run[1:]
        names = [_POSSESSIVE.sub("", words[k].group().strip(",.;:\"'“”‘’")) for k in run]
        if run and _en_headed(names, heads):
            start = words[run[0]].start()
            last = words[run[-1]]
            end = last.start() + len(_POSSESSIVE.sub("", last.group().rstrip(",.;:\"'“”‘’")))
            if not spans.overlaps(start, end):
                out.append(Person("", start, end, text[start:end], next(n for n in names if n in heads),
                                  "headed_name", HEADED_EN))
        i = max(j, i + 1) if run else i + 1
        if not words.has(i):
            break
        pos = words[i].start()
    return sorted(out + arabic, key=lambda o: o.start)


_WORD = regex.compile(r"\S+")
_LAST_SPACE = regex.compile(r"(?r)\s")


class _LazyWords:
    """The words (``\\S+`` matches, or ``pattern``'s made into ``make(match)``) of ``text`` from
    ``start`` on, read as far as asked for."""

    def __init__(self, text: str, start: int, pattern=None, make=None):
        self._it = (pattern or _WORD).finditer(text, start)
        if make is not None:
            self._it = map(make, self._it)
        self._words: list = []

    def has(self, k: int) -> bool:
        words = self._words
        while len(words) <= k:
            m = next(self._it, None)
            if m is None:
                return False
            words.append(m)
        return True

    def __getitem__(self, k: int):
        return self._words[k]


def _feminine(word: str) -> bool:
    """A feminine (or feminine plural) form: الخارجية، المخابرات، الروسية."""
    return word.endswith(("ة", "ات"))


@rule("persons.owned_organisation")
def _owned(back: int, head_has_article: bool) -> bool:
    """A head noun one to four words before a state's nisba names that state's body ("وزارة الخارجية
    الإيطالية", "الجيش المصري"), unless the nisba follows an indefinite head right away ("شركة
    أمريكية": an American company)."""
    return back > 1 or head_has_article


def _arabic_organisations(text: str, known) -> list[Person]:
    """Arabic organisations named by a head noun and their owner's nisba: "وزارة الخارجية الإيطالية",
    "وكالة الأنباء الجزائرية", "الجيش المصري", "سلاح الجو الفرنسي" — the head (with its article or
    proclitics), at most three words with the article between, and last a state's demonym the
    gazetteer knows. Without the owner ("وزارة الخارجية") the body is not named, and is not taken."""
    from .gazetteer import actor_info

    heads = word_list("organisation_heads.csv", "ar")
    elliptic = {h for h in heads if h.startswith("ال") and h[2:] not in heads}  # (الخارجية: وزارة الخارجية)
    titles = word_list("person_titles.csv", "ar")
    construct_only = flagged("organisation_heads.csv", "ar", "takes_name", "no")
    stops = word_list("name_stops.csv", "ar")
    info = actor_info()
    nisbas = [m for m in known if m.actor_id and info[m.actor_id].kind == "state"
              and (m.alias_type in ("demonym", "nisba") or _bare(m.surface).startswith("ال") and _bare(m.surface).endswith("ية"))]
    others = SpanSet((m.start, m.end) for m in known if m.actor_id and info[m.actor_id].kind != "state")
    toks = _ar_tokens(text)
    starts = _ar_token_at(text)
    nisba_at = {starts[m.start] for m in nisbas if m.start in starts}
    out = []
    for m in nisbas:
        k = starts.get(m.start)
        if k is None:
            continue
        for back in range(1, 5):  # the head one to four words before the demonym
            h = k - back
            if h < 0 or _PUNCT_BETWEEN.search(text, toks[h][1], toks[h + 1][0]):
                break
            word = _bare(toks[h][2])
            base = word if word in heads else _ar_base(word)
            if base in construct_only or base.startswith("ال") and base[2:] in construct_only:
                if back == 1:
                    break  # "السلاح المصري" is Egyptian weapons; "سلاح الجو المصري" a body
            if base in elliptic and h > 0 and (_bare(toks[h - 1][2]) in heads or _ar_base(toks[h - 1][2]) in heads) \
                    and not _PUNCT_BETWEEN.search(text, toks[h - 1][1], toks[h][0]):
                continue  # "وزارة الخارجية الإيطالية": the ministry's own head is the word before
            if base in heads or (base.startswith("ال") and base[2:] in heads):
                if base in elliptic and (_feminine(base) != _feminine(_bare(m.surface)) or h > 0 and base.endswith("ية")
                        and (_has_article(toks[h - 1][2]) or _ar_base(toks[h - 1][2]) in titles)
                        and not _PUNCT_BETWEEN.search(text, toks[h - 1][1], toks[h][0])):
                    # "السياسة الخارجية الروسية", "وزير الخارجية الروسي": the word before is what the
                    # nisba describes, not the ministry (الخارجية takes a feminine nisba)
                    break
                if not _owned(back, _has_article(toks[h][2])):
                    break  # "شركة أمريكية": an American company, not a name
                start, end = toks[h][0], m.end
                if not others.overlaps(start, end):
                    out.append(Person("", start, end, text[start:end], base, "headed_name", OWNED_AR))
                break
            if not _has_article(toks[h][2]) or _bare(toks[h][2]) in stops or starts.get(toks[h][0]) in nisba_at:
                break  # the words between are the body's description, all with the article ("التابع" ends
                # it; another owner's nisba too: "القوات الروسية والتركية" names no body)
    return out


_QUOTED_NAME = regex.compile(r"\s*[«\"“]([^«»\"“”\n]{2,40})[»\"”]")


@rule("persons.named_organisation")
def _named_body(head: str, words: list[str], known_inside: bool, takes_name: bool) -> bool:
    """An Arabic head noun without the article and the words that name the body after it: taken when
    they hold a place or actor the gazetteer knows ("جامعة القاهرة"), when the head takes a proper
    name (``takes_name``: "حزب الدعوة", "شركة بوناتي"), when the last word is rare (a name: "غرفة
    عمليات ورشفانة") or when two words or more follow ("مجلس نواب الشعب", "جهاز مكافحة الإرهاب").
    "وزارة الخارجية" alone names no body."""
    if not words:
        return False
    if any(_with_pronoun(w) for w in words):
        return False  # "مركز جاذبيته", "بعلاقاتها": a noun with a pronoun is no name
    return known_inside or takes_name or len(words) >= 2 or _zipf(words[-1]) < _RARE_ZIPF  # (cached)


_PRONOUN_ENDINGS = ("ها", "هما", "هم", "هن", "ه", "كم", "نا")


@lru_cache(maxsize=1 << 16)  # (words repeat: a dict lookup, not a regex or a wordfreq call)
def _with_pronoun(word: str) -> bool:
    """A noun with an attached pronoun (جاذبيته، بعلاقاتها): the word without the ending is in use
    (wordfreq Zipf ≥ 3, its ة restored from ت) and more frequent than the whole."""
    from wordfreq import zipf_frequency

    whole = zipf_frequency(word, "ar")
    for end in _PRONOUN_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            stem = word[: -len(end)]
            for s in (stem, stem[:-1] + "ة" if stem.endswith("ت") else stem):
                z = zipf_frequency(s, "ar")
                if z >= 3.0 and z > whole:
                    return True
    return False


def _not_actor_spans(text: str) -> SpanSet:
    """Where ``data/not_actors.csv``'s phrases stand in ``text`` (with proclitics): "قناة السويس" is a
    waterway, no channel, and names no body."""
    from .actors import _not_actors

    spans = SpanSet()
    pattern = _not_actor_pattern()
    if pattern is not None:
        phrases = [p for lang, p in _not_actors() if lang == "ar"]
        for m in finditer_at(pattern, text, phrases, 3):  # (و/ف/ب/ل and ال before a phrase)
            spans.add(m.start(), m.end())
    return spans


@lru_cache(maxsize=1)
def _not_actor_pattern():
    from .actors import _not_actors

    phrases = sorted((p for lang, p in _not_actors() if lang == "ar"), key=len, reverse=True)
    if not phrases:
        return None
    alternation = "|".join(regex.escape(p) for p in phrases)
    return regex.compile(rf"(?<![\p{{L}}])(?:[وفبل]?(?:ال)?)(?:{alternation})(?![\p{{L}}])")


def _arabic_named_organisations(text: str, known, taken) -> list[Person]:
    """Arabic organisations named by a head noun in the construct state and the words after it, up to
    punctuation, a stop word or a reporting verb (:func:`_named_body`), or a name in quotation marks
    right after it ("شركة «داسو»"); none where a phrase of ``not_actors.csv`` stands."""
    from .gazetteer import actor_info

    blocked = _not_actor_spans(text)

    names = _ArabicNames(text, SpanSet(), SpanSet())
    info = actor_info()
    heads = names.heads
    takes = flagged("organisation_heads.csv", "ar", "takes_name")
    construct_only = flagged("organisation_heads.csv", "ar", "takes_name", "no")
    persons = SpanSet((m.start, m.end) for m in known if m.actor_id and info[m.actor_id].kind == "person")
    actors = SpanSet((m.start, m.end) for m in known if m.actor_id)
    nonstate = SpanSet((m.start, m.end) for m in known if m.actor_id and info[m.actor_id].kind != "state")
    nisbas = SpanSet((m.start, m.end) for m in known if m.actor_id and info[m.actor_id].kind == "state"
                     and m.alias_type in ("demonym", "nisba"))
    toks, n = names.toks, len(names.toks)
    out, h = [], 0

    def head(word: str) -> str:
        return _bare(word) if _bare(word) in heads else _ar_base(word)

    # only a head noun starts a body's name: the loop jumps from one to the next
    maybe = _ar_openers(text)[1]
    starts = _tokens_among(text, maybe)
    while h < n:
        if toks[h][2] not in maybe:
            c = bisect_left(starts, h)
            if c == len(starts):
                break
            h = starts[c]
        word = toks[h][2]
        base = head(word)
        if base not in heads or base.startswith("ال") or _has_article(word):
            h += 1
            continue
        quoted = _QUOTED_NAME.match(text, toks[h][1])
        if quoted:
            start, end = quoted.start(1), quoted.end(1)  # the name is what the quotation marks hold
            if not nonstate.overlaps(start, end) and not taken.overlaps(start, end):
                out.append(Person("", start, end, text[start:end], base, "headed_name", NAMED_AR))
            h += 1
            continue
        k, words, inside = h, [], False
        while k + 1 < n and len(words) < 5 and not names.broken(k, k + 1):
            w = toks[k + 1][2]
            b = _bare(w)
            if names.stop_word(w) or persons.overlaps(toks[k + 1][0], toks[k + 1][1]) or b in ("من", "عن", "مع", "على"):
                break
            if _bare(w) in heads and not _has_article(w) and words:
                break  # another body begins
            if not words and (b.startswith("لل") or b[:1] == "ل" and not _has_article(w) and _conjoined(b)):
                break  # "جهاز للمؤثرات", "شركة لحفلات": a device, a company for, not a body's name
            if words and b[:1] in "وف" and not b[1:].startswith(("ال", "لل")) and b[1:] not in heads:
                break  # "و" + a word without the article is the sentence going on ("ولوائها")
            if not words and b in _KUNYA_WORDS and k + 2 < n and names.first_name(toks[k + 2][2]) \
                    and not names.broken(k + 1, k + 2):
                # a person's name names the body ("كتيبة أبو بكر الصديق"): the kunya and a family name
                k += 2
                words += [b, _bare(toks[k][2])]
                if k + 1 < n and _has_article(toks[k + 1][2]) and not names.broken(k, k + 1) \
                        and not names.stop_word(toks[k + 1][2]):
                    k += 1
                    words.append(_bare(toks[k][2]))
                break
            if not words and base in construct_only and not _has_article(w):
                break  # "سلاح الجو", never "سلاح ينتشرون"
            if not words and base not in takes and names.first_name(w) and not _has_article(w):
                break  # "رئاسة نزيه النصر": the presidency of a person, no body's name
            if not words and base in takes and not _has_article(w) and not _conjoined(b) and _zipf(b) < 5.0 \
                    and not b.endswith(("ية", "ي", "يون", "يين", "ى")) and not _with_pronoun(b):
                words.append(b)  # a head that takes a proper name, and the name ("استوديو بغداد", "حزب النور")
                k += 1
                break
            if not _has_article(w) and not actors.overlaps(toks[k + 1][0], toks[k + 1][1]) and not _rare(b):
                # an indefinite word is a name only as the first link of a construct chain ("مجلس نواب
                # الشعب"); an indefinite adjective or a verb ("مجموعة أخرى", "جماعة متطرفة تسيطر") is none
                if words or k + 2 >= n or names.broken(k + 1, k + 2) or b.endswith(("ية", "ي", "يون", "يين", "ى")):
                    break  # (an adjective: "شركة نفطية", "جماعة إرهابية", "مجموعة أخرى")
                nxt = toks[k + 2]
                nb = _bare(nxt[2])
                if not (_has_article(nxt[2]) or actors.overlaps(nxt[0], nxt[1]) or _rare(nb)
                        or not _common_ar(nb) and not nb.startswith(("ت", "ي"))):
                    break  # ("مديرية أمن مطروح", "غرفة عمليات ورشفانة": a word not common is a place's name;
                    # one with a verb's prefix is the sentence going on: "قناة أخرى تقلب")
                if not _has_article(nxt[2]) and names.stop_word(nxt[2]):
                    break
                words += [b, _bare(nxt[2])]  # the chain's indefinite word and what it governs
                inside = inside or actors.overlaps(nxt[0], nxt[1])
                k += 2
                if k + 1 < n and not names.broken(k, k + 1) and _has_article(toks[k + 1][2]) \
                        and not _has_article(nxt[2]):
                    break  # "مديرية أمن مطروح الجديدة": a name ends after a place without the article
                if k + 1 < n and not _bare(toks[k + 1][2]).startswith(("ال", "وال", "لل")):
                    break  # only adjectives go on ("مجلس أعيان المدينة بالهدوء")
                continue
            if nisbas.overlaps(toks[k + 1][0], toks[k + 1][1]) and not words:
                break  # "شركة أمريكية": an adjective, not a name (the owner's nisba after the article is _owned's)
            if actors.overlaps(toks[k + 1][0], toks[k + 1][1]):
                inside = True
            words.append(b)
            k += 1
            if _has_article(w) and k + 1 < n and not names.broken(k, k + 1):
                nxt = toks[k + 1][2]
                if not (_bare(nxt).startswith(("ال", "وال", "لل"))):
                    break  # the construct chain ends at its first defined word unless adjectives follow
                    # (not at a preposition: "مجلس أعيان المدينة بالهدوء")
        # what follows the last defined word and is no adjective of it is no part of the name
        if words and _named_body(base, words, inside, base in takes):
            start, end = toks[h][0], toks[k][1]
            if start > 0 and word != base:  # a proclitic on the head is no part of the name (لجامعة → جامعة)
                start += len(word) - len(base) if word.endswith(base) else 0
            if not nonstate.overlaps(start, end) and not taken.overlaps(start, end) \
                    and not blocked.overlaps(start, toks[h][1]):  # ("هيئة قناة السويس" is a body; "قناة السويس" none)
                out.append(Person("", start, end, text[start:end], base, "headed_name", NAMED_AR))
                h = k + 1
                continue
        h += 1
    return out


@lru_cache(maxsize=1 << 16)  # (words repeat across articles)
def _opens_body(word: str) -> bool:
    """Whether a token is an organisation's head noun (proclitics aside): where
    :func:`_arabic_named_organisations` may find a body."""
    heads = word_list("organisation_heads.csv", "ar")
    return (_bare(word) if _bare(word) in heads else _ar_base(word)) in heads


@lru_cache(maxsize=1 << 16)  # (words repeat across articles)
def _opens_defined_body(word: str) -> bool:
    """Whether a token is a head noun with the article (ال<head>, proclitics aside): where
    :func:`_arabic_defined_bodies` may find a body."""
    w = _bare(word)
    base = _ar_base(w) if not w.startswith("ال") else w
    return base.startswith("ال") and base[2:] in word_list("organisation_heads.csv", "ar")


@rule("persons.owner_state")
def _names_its_state(kind: str) -> bool:
    """A body named with its state's nisba or name ("السلطة الفلسطينية", "the Saudi-led coalition",
    "المرصد السوري") names that state too, as the annotation guide counts it ("the Saudi Newspapers
    Corpus is still Saudi Arabia"); a person's or an outlet's name does not ("Washington Post")."""
    return kind not in ("state", "person", "media")


OWNER_STATE = row_rule("persons.owner_state_name", "a state named inside the name of one of its bodies")


def owner_states(text: str, mentions) -> list:
    """The states named inside the gazetteer's body mentions (:func:`_names_its_state`), as mentions
    of those states (``libyakit.actors.Mention``) with ``rule`` ``persons.owner_state_name``. Only the
    actor table takes them: the other extractors see a body's name as one mention."""
    from .actors import Mention, mentions_in
    from .gazetteer import actor_info

    info = actor_info()
    out = []
    for m in mentions:
        if not m.actor_id or not _names_its_state(info[m.actor_id].kind) or " " not in m.surface.strip():
            continue
        for w in regex.finditer(r"[\p{L}\p{M}.]+", m.surface):
            for inner in mentions_in(w.group(), surnames=False):
                # (not Libya: the gazetteer names Libya only where no narrower actor is named)
                if inner.actor_id and info[inner.actor_id].kind == "state" and not info[inner.actor_id].libyan:
                    start = m.start + w.start() + inner.start
                    out.append(Mention(inner.actor_id, start, start + len(inner.surface), inner.surface,
                                       inner.alias, inner.alias_type))
    return out


@rule("persons.kunya_nisba")
def _kunya_nisba(text: str, prev_word: str, heads, titles) -> bool:
    """A nisba that ended a kunya name earlier ("أبو يحيى التونسي"), standing alone later after a word
    that is no noun with the article, no title and no head ("وطالب التونسي الناس"), is that person by
    the last word of his name, not a state ("الرئيس التونسي" stays Tunisia)."""
    b = _bare(prev_word)
    return not _has_article(prev_word) and b not in titles and _ar_base(prev_word) not in titles \
        and b not in heads and _ar_base(prev_word) not in heads


KUNYA_SURNAME = row_rule("persons.kunya_surname", "a kunya's person named again by its nisba alone")


@rule("persons.language_nisba")
def _names_a_language(run_words: list[str], before: str) -> bool:
    """Feminine nisbas in a list (joined by و) name languages, not states, when the list holds a word
    that names a language only (``languages.csv``: الإنجليزية، اللاتينية) or follows a word for
    language (اللغة، باللغة): "يتقن الفرنسية والإنجليزية والإيطالية", "كتب باللغة الإسبانية"."""
    languages = _language_words("language")
    cues = _language_words("cue")
    return any(_strip_and(w) in languages for w in run_words) or _bare(before) in cues or _ar_base(before) in cues


@lru_cache(maxsize=2)
def _language_words(kind: str) -> frozenset[str]:
    from .paths import data_rows

    out = set()
    for path, line, r in data_rows("lexicon/languages.csv", ("lang", "form", "kind")):
        if r["kind"] not in ("cue", "language"):
            from .errors import DataFileError

            raise DataFileError(path, line, f"kind must be cue or language, not {r['kind']!r}")
        if r["lang"] == "ar" and r["kind"] == kind:
            out.add(r["form"])
    return frozenset(out)


def _strip_and(word: str) -> str:
    w = _bare(word)
    return w[1:] if w.startswith("وال") else w


@rule("persons.person_nisba")
def _a_persons_adjective(stem: str, surnames: set, state_named: bool) -> bool:
    """A nisba made from the last name of a person the article names ("الاستراتيجية الكاميرونية" after
    "ديفيد كاميرون") is that person's adjective, not a state, when the article never writes the
    state's own name."""
    return stem in surnames and not state_named


_NISBA_ARTICLE = regex.compile(r"^(?:[وفبل]?ال|لل)")
_NISBA_TAIL = regex.compile(r"(?:يتين|يتان|يين|يون|ية|ي)$")


def _not_states(text: str, mentions, people) -> set:
    """The state nisba mentions that name a language or a person's adjective (dropped from the actors)."""
    from .gazetteer import actor_info

    info = actor_info()
    toks = _ar_tokens(text)
    at = _ar_token_at(text)
    nisbas = [m for m in mentions if m.actor_id and info[m.actor_id].kind == "state" and m.alias_type == "nisba"]
    if not nisbas:
        return set()
    named = {m.actor_id for m in mentions if m.actor_id and m.alias_type in ("name", "variant", "abbreviation")}
    surnames = {_bare(p.surface.split()[-1]) for p in people if " " in p.surface}
    surnames |= {_bare(m.surface.split()[-1]) for m in mentions
                 if m.actor_id and info[m.actor_id].kind == "person" and " " in m.surface}
    out = set()
    for m in nisbas:
        stem = _NISBA_TAIL.sub("", _NISBA_ARTICLE.sub("", _bare(m.surface)))
        if len(stem) >= 3 and _a_persons_adjective(stem, surnames, m.actor_id in named):
            out.add((m.start, m.end))
            continue
        k = at.get(m.start)
        if k is None or not _bare(m.surface).endswith("ة"):
            continue
        a = b = k  # the list of nisbas around it, joined by و (and commas)
        while a > 0 and _bare(toks[a][2]).startswith("و") and not _PUNCT_BETWEEN.search(text, toks[a - 1][1], toks[a][0]) \
                or a > 0 and text[toks[a - 1][1]:toks[a][0]].strip() in ("،", ","):
            if not _bare(toks[a - 1][2]).endswith("ية"):
                break
            a -= 1
        while b + 1 < len(toks) and _bare(toks[b + 1][2]).startswith("وال") and _bare(toks[b + 1][2]).endswith("ية") \
                and not _PUNCT_BETWEEN.search(text, toks[b][1], toks[b + 1][0]):
            b += 1
        run = [toks[x][2] for x in range(a, b + 1)]
        before = toks[a - 1][2] if a > 0 else ""
        if (len(run) >= 2 or before) and _names_a_language(run, before):
            out.add((m.start, m.end))
    return out


@rule("persons.surname_again")
def _surname_again(surname: str, shared: bool) -> bool:
    """A person the article named in full, named again by the last name alone further on ("...
    المتحدث خالد الورفلي ... وأضاف الورفلي"): taken when the last name is no word in common use
    (wordfreq Zipf below 3.5: not الشريف "the honourable") and no other person of the article has it."""
    return not shared and len(surname) >= 4 and _zipf(surname) < 3.5 and _zipf(surname.removeprefix("ال")) < 3.5


@rule("persons.full_name_again")
def _full_name_again(surface: str) -> bool:
    """A person found in full after a title, named again in full further on without it ("الأمير
    سعود الفيصل ... حين قاطعه سعود الفيصل"): two Arabic words or more, however common each word is."""
    words = surface.split()
    return len(words) >= 2 and all(_AR_TOKEN.fullmatch(w) for w in words)


SURNAME_AGAIN = row_rule("persons.surname_name", "an unlisted person named again by the last name alone")


def _surnames(text: str, people: list, taken: SpanSet) -> list:
    """Later mentions by last name alone of the Arabic people found in full (:func:`_surname_again`);
    their ``alias`` is the full name (the row's actor)."""
    firsts: dict[str, Person] = {}
    shared = set()
    for p in people:
        words = p.surface.split()
        if len(words) < 2 or not _AR_TOKEN.fullmatch(words[-1]):
            continue
        last = _bare(words[-1])
        if last in firsts and firsts[last].surface != p.surface:
            shared.add(last)
        firsts.setdefault(last, p)
    eligible = {last: p for last, p in firsts.items() if _surname_again(last, last in shared)}
    # the full name again, without its title ("الأمير سعود الفيصل ... حين قاطعه سعود الفيصل")
    for p in people:
        if _full_name_again(p.surface):
            eligible.setdefault(_bare(p.surface), p)  # (the first time it is named)
    if not eligible:
        return []
    # one pass over the text for every surname at once (a pass per surname made a long article with
    # many people quadratic); at one place the longest surname wins
    form_of = {}
    for last in eligible:
        form_of.setdefault(last, last)
        if last.startswith("ال"):
            form_of.setdefault(f"ل{last[1:]}", last)
    forms = sorted(form_of, key=len, reverse=True)
    alternation = "|".join(regex.escape(f) for f in forms)
    out = []
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:[وف]?[بل]?)(?P<s>{alternation})(?![\p{{L}}\p{{M}}])")
    bt = BareText(text)  # (read without marks, offsets mapped back)
    # (tried only where a surname stands, up to its two proclitics before: a search with an alternation of
    # every surname at every offset was the slowest step of the layer)
    for m in finditer_at(pattern, bt.bare, forms, 2):
        p = eligible[form_of[m.group("s")]]
        start, end = bt.start(m.start()), bt.end(m.end())  # (a mark after the last letter is the word's)
        if start < p.end or taken.overlaps(start, end):
            continue
        out.append(Person("", start, end, text[start:end], p.surface, "titled_name", SURNAME_AGAIN))
        taken.add(start, end)
    return out


def unlisted(text: str, mentions) -> list:
    """The gazetteer's ``mentions`` and the people and organisations it does not list, in text order;
    a state's nisba that names a kunya's person again (:func:`_kunya_nisba`) is that person's."""
    people = titled_persons(text, mentions)
    # (a text with marks is read without them, its offsets mapped back: marks.BareText)
    people += _surnames(text, people, SpanSet([(m.start, m.end) for m in mentions] + [(q.start, q.end) for q in people]))
    orgs = named_organisations(text, mentions)
    kunyas = {}
    for p in people:
        if p.rule == KUNYA and len(p.surface.split()) >= 3 and _has_article(p.surface.split()[-1]):
            kunyas.setdefault(_bare(p.surface.split()[-1]), p)
    dropped = _not_states(text, mentions, people)
    names = SpanSet((p.start, p.end) for p in people)
    dropped |= {(m.start, m.end) for m in mentions if m.alias_type == "nisba" and names.overlaps(m.start, m.end)}
    if dropped:
        mentions = [m for m in mentions if (m.start, m.end) not in dropped]
    if not kunyas:
        return sorted(list(mentions) + people + orgs, key=lambda m: (m.start, m.end))
    titles = word_list("person_titles.csv", "ar")
    heads = word_list("organisation_heads.csv", "ar")
    kept, again = [], []
    for m in mentions:
        p = kunyas.get(_bare(m.surface)) if m.alias_type in ("nisba", "demonym") else None
        if p is not None and m.start > p.end:
            before = _AR_TOKEN.findall(text, max(0, m.start - 30), m.start)
            if before and _kunya_nisba(text, before[-1], heads, titles):
                again.append(Person("", m.start, m.end, m.surface, p.surface, "surname", KUNYA_SURNAME))
                continue
        kept.append(m)
    return sorted(kept + people + again + orgs, key=lambda m: (m.start, m.end))


@rule("persons.defined_body")
def _defined_body(adjectives: int, complement: str) -> bool:
    """A head with the article, its adjectives and what the body is for, with ل ("اللجنة الوطنية لحقوق
    الإنسان", "المجلس الأعلى للقضاء", "الهيئة العامة للاستثمار"): the form of a named body's name. The
    head alone with adjectives ("اللجنة الوطنية") is none."""
    return adjectives >= 1 and bool(complement)


def _arabic_defined_bodies(text: str, known, taken) -> list[Person]:
    """Bodies named ال<head> ال<adjective>… ل<what for> (:func:`_defined_body`)."""
    from .gazetteer import actor_info

    names = _ArabicNames(text, SpanSet(), SpanSet())
    info = actor_info()
    listed = SpanSet((m.start, m.end) for m in known if m.actor_id and info[m.actor_id].kind != "state")
    toks, n, out = names.toks, len(names.toks), []
    maybe = _ar_openers(text)[2]  # (a head with the article starts a body)
    for h in _tokens_among(text, maybe, max(n - 2, 0)):
        word = _bare(toks[h][2])
        base = _ar_base(word) if not word.startswith("ال") else word
        k, adjectives = h, 0
        while k + 1 < n and not names.broken(k, k + 1) and _bare(toks[k + 1][2]).startswith("ال") \
                and not names.stop_word(toks[k + 1][2]) and adjectives < 2:
            k += 1
            adjectives += 1
        if k + 1 >= n or names.broken(k, k + 1):
            continue
        comp = _bare(toks[k + 1][2])
        if not (comp.startswith("لل") or comp.startswith("ل") and len(comp) > 3 and k + 2 < n
                and _bare(toks[k + 2][2]).startswith("ال") and not names.broken(k + 1, k + 2)):
            continue
        end_k = k + 1
        if not comp.startswith("لل"):
            end_k = k + 2  # "لحقوق الإنسان": the ل-word and what it governs, and no more
        elif end_k + 1 < n and not names.broken(end_k, end_k + 1) and _bare(toks[end_k + 1][2]).startswith("وال"):
            end_k += 1  # "للدراسات والبحوث"
        if _defined_body(adjectives, comp):
            start, end = toks[h][0] + (len(toks[h][2]) - len(base) if toks[h][2].endswith(base[2:]) and not word.startswith("ال") else 0), toks[end_k][1]
            if not listed.overlaps(start, end) and not taken.overlaps(start, end):
                out.append(Person("", start, end, text[start:end], base, "headed_name", NAMED_AR))
                taken.add(start, end)
    return out


def titled_persons(text: str, known=()) -> list[Person]:
    """People named after a title or role in ``text``, left to right; ``known`` are the gazetteer's
    mentions (:func:`libyakit.actors.mentions_in`), which a name never overlaps."""
    from .gazetteer import actor_info

    info = actor_info()
    firsts = word_list("first_names.csv", "ar")
    # a nisba without the article that is also a first name (تركي) may open a name ("الأمير تركي الفيصل")
    spans = SpanSet((m.start, m.end) for m in known
                    if not (m.actor_id and info[m.actor_id].kind == "state" and m.alias_type == "nisba"
                            and _bare(m.surface) in firsts))
    people = SpanSet((m.start, m.end) for m in known if m.actor_id and info[m.actor_id].kind == "person")
    found = _arabic(text, spans, people) + _english(text, spans)
    return sorted(found, key=lambda p: p.start)
