"""Joined-word repair: put back the spaces that scraped Arabic text lost.

Text extractors drop the space around linked names, so "الولايات المتحدة"
arrives as "الولاياتالمتحدة" and "تركيا وروسيا" as "تركياوروسيا". Every count
downstream is wrong until these are repaired — and splitting a real word is
worse than leaving a join, so the repair is deliberately conservative.

Method
------
A unigram model over wordfreq's Arabic lexicon (~620k forms with
frequencies, built from Wikipedia, subtitles, news and web text — never from
the text being repaired), with a character model of Arabic spelling
(:mod:`libyakit.charlm`, trained on wordfreq's rare forms) for the forms no
lexicon has seen. For a run of Arabic letters ``w`` (diacritics ignored for
lookup, kept in the output):

1. ``w`` is kept when it is a common word (Zipf ≥ ``KEEP_ZIPF``).
2. Otherwise the best split into two or three parts is found. Parts are
   words the lexicon knows (three-letter parts: common ones; two-letter parts:
   a list of standalone words; never a bare clitic or pronoun suffix), and at
   most one part — the first or the last, of six letters or more — may be a
   form the lexicon never saw, scored by the character model with a penalty
   (a rare name joined to a common word). A conjunction و stays attached to the word after it
   ("تركيا وروسيا", never "تركيا و روسيا") because a lone و is never a part.
3. The split is made only when it is far more likely than the whole:
   ``log10 Π f(part) − JOIN_PENALTY·(parts−1) − log10 f(w) ≥ MARGIN``, where
   f(w) is the best of: the lexicon's frequency (its rarest entries include
   joined junk from the web such as "الولاياتالمتحدة" at Zipf 1.2, so they
   count for less), clitics around a known stem (و ف ب ل ك س, ال, pronoun
   suffixes, a verb's own ending before an object pronoun: "استخدموهم" and
   "يحذفانها" are real words though unseen), and the character
   model's probability of the spelling. Letter sequences that only occur
   across a word boundary ("...يقدتت...") make the last one small.
4. Ta marbuta (ة), alef maqsura (ى) and tanween (ً ٌ ٍ) only end words: a
   letter after any of them inside a run is strong evidence of a lost space.
5. The particles لا / ما / لم / لن / سوف are written apart from the verb they
   govern: joined to a common imperfect verb ("لايمكن", "مايحدث", "لميكن",
   "سوفيكون") they are split, however often web text (and so wordfreq) joins
   them.
6. The text itself is weighed: a split made on weak evidence (score below
   ``REPEAT_KEEP_BELOW``) is undone where the text has the same form again (a
   random join seldom repeats letter for letter; a name does), and, when one
   of its parts is rare ("لودفيجس|هافن"), where nothing else in the text shows
   a lost space (rules "repeated-kept", "lone-kept").
7. Pairs of words that web text joins so often that wordfreq lists the join
   as a word ("أكثرمن", "عددمن", "إلاأن", "لاسيما", "محمدبن") are split from a
   table, ``data/function_pairs.csv`` (rule "function-pair-split"): a unigram
   lexicon cannot see these lost spaces. Writers join them by habit, so such a
   split is no sign that the text lost spaces (for rule 6 and 8).
8. A text whose repair already shows lost spaces throughout (DENSE_MIN_SPLITS
   or more, one per DENSE_WORDS words or more) lost them everywhere: there a
   split of words at least DENSE_PART_ZIPF common needs only DENSE_MARGIN
   (rule "dense-split", made by :meth:`Segmenter.dense_sibling`).

Digits, Latin letters and punctuation are never touched: only runs of Arabic
letters (with their diacritics) are looked at, and only spaces are inserted.
Decisions are cached per form and per whitespace-delimited token, which makes
the pass linear and, once warm, fast; runs longer than ``MAX_RUN`` letters are
left alone (no prose has them).

The decisions are made by a compiled core, libyakit/_segcore.c, built on install
(``make install`` or ``pip install -e .``; a C compiler is needed): it is the one
implementation of steps 1-8, set up with the constants and tables of this module, which
holds the rest (tokens, diacritics and tanween, the text-level rules 6 and 8, the audit).
Without a built core a :class:`Segmenter` raises :class:`CoreUnavailable`;
:func:`core_status` and ``libyakit.show_versions()`` say which build runs.

Measured with benchmarks/joined_words.py on 1,000 SaudiNewsNet articles held out from tuning,
5 % of the spaces deleted (seed 7), the source's own joins labelled (benchmarks/source_joins.tsv):
precision 0.991, recall 0.952, 0.8 false splits per 10,000 tokens in runs the deletion left
intact (3.7 counting every misplaced cut). On the 20,093 articles as scraped it makes 2,937
repairs (1,030 of them function-word pairs); benchmarks/valid_words.py splits 1.1 % of rare verb
forms and 0.01 % of rare noun forms made by a morphological generator. Figures, commands and
what was tried: docs/joined-words.md and the README. Known limits:
without pair statistics the model cannot tell "X الY" from "Xا لY" or a foreign
name from common syllables ("كارين هو"); corpus evidence (``load_articles(...,
joined_evidence="corpus")`` or ``Segmenter(corpus=CorpusStats(texts))``) keeps
names seen whole elsewhere and splits pairs seen spaced elsewhere.

>>> fix_joined_words("طلبت الولاياتالمتحدة من تركياوروسيا")
'طلبت الولايات المتحدة من تركيا وروسيا'
>>> fix_joined_words("استخدموهم ونشرتهم")
'استخدموهم ونشرتهم'
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from .arabic import LETTERS as ARABIC_LETTERS
from .arabic import MARK_CODEPOINTS as ARABIC_MARK_CODEPOINTS
from .arabic import MARKS as ARABIC_MARKS
from .arabic import OBJECT_PRONOUNS as _OBJECT_PRONOUNS
from .arabic import CONJUNCTIONS, SUFFIXES, proclitics

__all__ = ["fix_joined_words", "fix_joined_words_at", "find_joined_words", "Segmenter", "CorpusStats", "joined_words_report", "inserted_spaces",
           "repairs_in", "final_parts", "run_pieces", "explain_run", "function_pairs"]

# --- tunable constants (tuned on SaudiNewsNet 2015-07-21 only; the other days
# are held out for the benchmark figures) -------------------------------------
KEEP_ZIPF = 2.5  # a whole form at least this common is never split (junk joins in wordfreq sit below 2)
PART_ZIPF = 1.0  # a part the lexicon knows at least this well counts at its own frequency ...
THREE_LETTER_ZIPF = 3.5  # three-letter parts are often name fragments: need more
JUNK_LOG_RATIO = -2.0  # a lexicon entry this much rarer (log10) than the rarer of its two parts is a join ...
JUNK_MIN_PART = 3  # ... of two words at least this long (shorter parts are often clitics and endings)
MARGIN = 1.5  # log10 odds the split must win by
JOIN_PENALTY = 0.5  # log10: each lost space is this much rarer than a kept one
FINAL_LETTER_MARGIN = -1.0  # ... when ة/ى inside the run marks the boundary
# Forms no lexicon has seen: log10 P(form) = UNSEEN_MASS + the character model's
# log10 P(spelling) (libyakit.charlm). UNSEEN_MASS is the share of running words
# that are unseen, as a log10 odds offset.
UNSEEN_MASS = -0.5
UNSEEN_PART_PENALTY = 1.0  # an unseen *part* of a split counts for this much less ...
UNSEEN_PART_MIN = 6  # ... and must have at least this many letters (shorter ones are mostly name fragments)
NOISE_ZIPF = 1.5
NOISE_DISCOUNT = 1.0  # wordfreq's rarest entries include joined junk: they count for a little less
CLITIC_DISCOUNT = 1.5  # log10: a clitic+stem form is this much rarer than its stem
CLITIC_STEM_ZIPF = 2.5  # stems must be at least this common to vouch for a form
TANWEEN_MIN_LETTERS = 3  # a word ending in tanween has at least this many letters
MAX_RUN = 64  # letters; longer runs are left alone
# A split scored below REPEAT_KEEP_BELOW is undone where the same text has the run
# REPEAT_MIN times or more (names: "كيليفيش" nine times in one article).
REPEAT_KEEP_BELOW = 3.5
REPEAT_MIN = 2
# ... except, in a text that lost spaces throughout (see DENSE_MARGIN), a split whose parts are
# all at least LONE_PART_ZIPF common ("في|سوريا" twice): there the same pair lost its space
# again, as a name cut into rarer syllables ("كيلي|فيش") does not.
# A weak split (below REPEAT_KEEP_BELOW) with a part rarer than this ("لودفيجس|هافن",
# "موندا|دوري": a foreign name cut into syllables as often as a real join) is made only
# where the same text shows lost spaces elsewhere: a split that is not of this kind.
LONE_PART_ZIPF = 3.0
# corpus evidence (Segmenter(corpus=...)):
CORPUS_PAIR_MIN = 2  # a pair seen spaced at least this often ...
CORPUS_PAIR_RATIO = 2.0  # ... and this many times more often than whole is split
CORPUS_WHOLE_MIN = 3  # a form seen whole this often, and never spaced, is kept
CORPUS_PAIR_CLITIC_MAX = 2.0  # a form this well explained as clitics + a known word is not split by pair counts
MAX_PARTS = 3
# A text whose repair already shows lost spaces — at least DENSE_MIN_SPLITS splits that show
# them (see _shows_lost_space), and one per DENSE_WORDS words or more — lost them throughout
# (a scraper that drops the space around links does so in the whole article): there a split
# needs only DENSE_MARGIN, when every part is at least DENSE_PART_ZIPF common (rule
# "dense-split"; not a rare part, which is as often a syllable of a name: 2.0, lowered from
# 3.0 after the benchmark's draw moved, +33 right / +2 wrong there ("وطقس|معتدل", "ويملك|المساهمون"),
# and on the 20,093 scraped articles 4 new repairs, all right: "وودرو ويلسن" ×2, "والشعبي دم").
DENSE_MARGIN = 0.5
DENSE_PART_ZIPF = 2.0
# ... and, for a split in three, parts at least DENSE_THREE_PART_ZIPF common (a rarer part in a
# three-way cut at the low margin is a guess on a guess: "والبرازيلي|ان|مارسيلو").
DENSE_THREE_PART_ZIPF = 3.0
# ... or, for two parts, when the first is a function word (DENSE_FUNCTION_ZIPF or more common:
# في، من، أو، ما، لن، تم) and the second at least DENSE_AFTER_FUNCTION_ZIPF ("أو|إيحاء", "لن|نتراجع")
DENSE_FUNCTION_ZIPF = 6.0
DENSE_AFTER_FUNCTION_ZIPF = 1.5  # (was 2.0: +3 right on the benchmark, "مثل|تكيفه", "التي|سترمى"; no change on the scraped text)
DENSE_MIN_SPLITS = 3
DENSE_WORDS = 100
PARTICLE_VERB_ZIPF = 4.0  # لا/ما/لم/لن/سوف + a verb at least this common is split (step 5) ...
PARTICLE_VERB_ALEF_ZIPF = 3.0  # ... unless what follows a first ل is a word this common (ل + اتجاه, ل + متابعة)
# A rarer verb, down to PARTICLE_VERB_LOW_ZIPF ("لايتجزأ", "مايترتب"), is split too when it starts in
# ي or ت, has PARTICLE_VERB_LOW_MIN letters or more, and the join is spelled like no word (the
# character model's Zipf of it below PARTICLE_VERB_SPELLING_MAX): not a name ("لايستر", "ماندا")
# nor a noun that starts like a particle ("ولايتهم" = و + ولاية + هم).
PARTICLE_VERB_LOW_ZIPF = 3.0
PARTICLE_VERB_LOW_MIN = 4
PARTICLE_VERB_SPELLING_MAX = 2.5

# Proclitics, longest first (conjunctions, prepositions, future س, article: libyakit.arabic).
_PREFIXES = sorted(proclitics(future=True) - {""}, key=len, reverse=True)
# Enclitic pronouns (and the plural/dual endings they sit on), longest first (libyakit.arabic).
_SUFFIXES = sorted(set(SUFFIXES), key=len, reverse=True)
# Object pronouns after a verb's own ending: the imperfect's dual and plural
# (يقولانه، يستخدمونها، تسألينني، ليعوضاه) and the perfect's (استخدموه،
# استقبلناهم، أطلقتاهم، أعطيتموهم). Endings that only the imperfect has count
# only on a stem that starts like one (ي ت ن أ): "قالانه" is "قال انه".
_IMPERFECT_OBJECT = frozenset(e + p for e in ("ان", "ون", "ين", "ا") for p in _OBJECT_PRONOUNS)
_PERFECT_OBJECT = frozenset(e + p for e in ("و", "تمو", "نا", "ت", "تا", "تما") for p in _OBJECT_PRONOUNS)
_IMPERFECT_START = "يتنأ"
# لا / ما / لم / لن / سوف (after و or ف) joined to an imperfect verb of three letters or more
_PARTICLES = ("لا", "ما", "لم", "لن", "سوف")
# After ل, "م" or "ن" + a verb in ت/ن/أ is far more often one word: a participle
# ("لمتلقي" = ل + متلقي) or ل + a verb of "we" ("لنتجنب"). So لم and لن are split
# only from a verb in ي ("لميكن", "لنيسمح"). (قد is not split at all: "قديمين".)
_PARTICLES_BEFORE_YA = ("لم", "لن")
# the letters a rarer verb may start with (see PARTICLE_VERB_LOW_ZIPF)
_LOW_VERB_START = "يت"
# Clitics that cannot stand together, so a form is not read as them (the clitic reading, in
# _segcore.c): the article (ending the proclitics, or starting the stem) takes no pronoun or
# verb ending, only the endings of number, gender and nisba ("اليمنتم" is no اليمن + تم).
# (Not kept: "a preposition is not followed by another one", which split "كلبلد" but also
# "كلقيم" = ك + لقيم, feedstock, on real text: docs/joined-words.md.)
_ARTICLE_ENDS = ("ال", "لل")
_ARTICLE_SUFFIXES = frozenset({"ون", "ين", "ان", "ات", "ة", "ي"})


_CONJ = "".join(CONJUNCTIONS)  # و ف (before a particle)
_IMPERFECT_ONLY = _IMPERFECT_OBJECT - _PERFECT_OBJECT - set(_SUFFIXES)
_PREFIX_SET = frozenset(_PREFIXES)
_SUFFIX_SET = frozenset(_SUFFIXES) | _IMPERFECT_OBJECT | _PERFECT_OBJECT
_PREFIX_LENGTHS = [0] + sorted({len(p) for p in _PREFIXES})
_SUFFIX_LENGTHS = [0] + sorted({len(x) for x in _SUFFIX_SET})
# Strings that are clitics or endings and never stand alone as a word.
_NOT_A_PART = set(_PREFIXES) | {
    "ه", "ها", "ك", "ي", "ني", "وا", "ون", "ين", "ات", "ة", "ته", "تها", "تهم", "تهما",
    "وه", "وها", "وهم", "وني", "ونا",
}
# Two-letter words that do stand alone; any other two-letter part is taken for
# a fragment (wordfreq lists many two-letter fragments of names as words).
_TWO_LETTER_WORDS = {
    "من", "في", "عن", "أن", "إن", "ان", "لم", "لن", "قد", "ما", "لا", "هو", "هي",
    "هم", "كل", "أو", "او", "يا", "إذ", "اذ", "بل", "مع", "أي", "اي", "له", "لك",
    "لي", "به", "بي", "ذا", "تم", "ثم", "لو", "كم", "هل", "كي", "قط", "أم",
    # in names: "سلمان بن عبدالعزيز", "آل سعود"
    "بن", "آل",
    # common two-letter nouns
    "خط", "حق", "دم", "يد", "أب", "أخ", "جو", "حد", "فن", "ضد", "شك", "ظل",
}
# Last parts that are more often an ending of the word before them than a word:
# the adverbial/nisba "-يا" (احترافيا، جداويا), the dual "-ان" (يتأرجحان) and the
# pronouns "-كم", "-هم", "-كما", "-هما" (وأهازيجكم: a rare noun + "your", not "how many").
_NOT_LAST = {"يا", "ان", "كم", "هم", "كما", "هما"}
# "ما" after ه/ك/ت is the dual pronoun (إعارتهما، بإعطائهما), not the word ما.
_DUAL_PRONOUN_BEFORE_MA = ("ه", "ك", "ت")


# Letters that only end a word.
_FINAL_ONLY = "ةى"


def _inner_final(w: str) -> bool:
    """Whether ة or ى stands inside ``w`` (not at its end): no single word has that."""
    return "ة" in w[:-1] or "ى" in w[:-1]

# stdlib re: character ranges only, and faster than the regex module on the hot scan
_RUN = re.compile(f"[{ARABIC_LETTERS}][{ARABIC_LETTERS}{ARABIC_MARKS}]*")
_MARKS = re.compile(f"[{ARABIC_MARKS}]")
_RUN_OR_GAP = re.compile(
    f"[{ARABIC_LETTERS}][{ARABIC_LETTERS}{ARABIC_MARKS}]*|(?<=[{ARABIC_LETTERS}{ARABIC_MARKS}]) (?=[{ARABIC_LETTERS}])")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    """wordfreq's large Arabic list: form -> frequency (loaded once, ~0.4 s)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("ar", "large")


FUNCTION_PAIRS_FILE = "function_pairs.csv"
_LETTERS_ONLY = re.compile(f"[{ARABIC_LETTERS}]+")


@lru_cache(maxsize=1)
def function_pairs() -> dict[str, int]:
    """The function-word pairs of ``libyakit/data/function_pairs.csv`` as joined forms,
    each with the offset of the space it lacks: "أكثرمن" -> 4.

    Web text joins some pairs so often ("أكثرمن", "عددمن", "إلاأن", "محمدبن") that
    wordfreq lists the join as a word, and a unigram lexicon cannot see the lost space.
    Each row is two words that stand apart and whose join spells no word; the joined
    form is also listed after the conjunction و ("وعددمن"). Any joined form is split
    (rule "function-pair-split"), however common the join is on the web. Errors name
    the file and line.
    """
    import csv

    from .errors import DataFileError
    from .paths import data_path

    path = data_path(FUNCTION_PAIRS_FILE)
    out: dict[str, int] = {}
    line_of: dict[str, int] = {}
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != ["first", "second", "note"]:
            raise DataFileError(path, 1, f"header must be first,second,note, not {header!r}")
        for line, row in enumerate(reader, start=2):
            if len(row) != 3:
                raise DataFileError(path, line, f"expected 3 fields (first,second,note), got {len(row)}")
            first, second = row[0], row[1]
            for word in (first, second):
                if not _LETTERS_ONLY.fullmatch(word):
                    raise DataFileError(path, line, f"{word!r} is not a word of Arabic letters (no marks, no spaces)")
                if len(word) < 2 or word in _NOT_A_PART:
                    raise DataFileError(path, line, f"{word!r} is a clitic or an ending, not a word")
            joined = first + second
            if joined in line_of:
                raise DataFileError(path, line, f"{first} {second}: the join {joined!r} is already listed "
                                    f"on line {line_of[joined]}")
            line_of[joined] = line
            out[joined] = len(first)
    for joined, cut in list(out.items()):  # after the conjunction و, unless that is a row of its own
        if not joined.startswith("و"):
            out.setdefault("و" + joined, cut + 1)
    return out


def _is_part_shape(p: str, z: float) -> bool:
    """Whether a lexicon form of Zipf ``z`` may stand alone as a part.

    Three-letter parts must be common (they are often name fragments);
    two-letter parts must be listed standalone words; clitics and endings
    never stand alone; "ال" needs at least two letters after it; ة/ى may
    only end a part. (An unseen form can still be a part, scored by the
    character model with a penalty: the best split, in _segcore.c.)
    """
    n = len(p)
    if n < 2 or p in _NOT_A_PART:
        return False
    if n == 2:
        return p in _TWO_LETTER_WORDS
    if n == 3:
        return z >= THREE_LETTER_ZIPF and not p.startswith("ال") and not _inner_final(p)
    return z >= PART_ZIPF and not _inner_final(p)


_PART_TABLE: list = [None, None]  # [lexicon, its part table]: one lexicon at a time


def _part_table(lexicon: dict[str, float]) -> dict[str, float]:
    """Zipf of every lexicon form that may stand alone as a part (built once per lexicon)."""
    if _PART_TABLE[0] is not lexicon:
        _PART_TABLE[:] = [lexicon, {w: z for w, f in lexicon.items() if _is_part_shape(w, z := _zipf(f))}]
    return _PART_TABLE[1]


def _zipf(f: float) -> float:
    return math.log10(f) + 9 if f > 0 else 0.0


@dataclass(frozen=True)
class Decision:
    """What the segmenter decided for one form (diacritics removed)."""

    parts: tuple[str, ...]
    whole_zipf: float
    part_zipf: tuple[float, ...]
    score: float  # log10 odds of the split over the whole (nan when kept without scoring)
    rule: str  # "common-word", "no-split", "unseen-split", "junk-entry-split", "final-letter-split", ... (see find_joined_words)

    @property
    def split(self) -> bool:
        return len(self.parts) > 1


# splits that rest on spelling rules rather than frequencies: corpus counts do not undo them
_CERTAIN_RULES = ("final-letter-split", "particle-verb-split", "function-pair-split")


class CorpusStats:
    """Evidence from the corpus being repaired: how often each form stands whole,
    and how often each pair of forms stands spaced.

    A pair seen spaced elsewhere is probably joined here ("الأمم المتحدة" in
    one article, "الأممالمتحدة" in another); a form seen whole several times
    and never spaced is probably a word (a name the lexicon does not know).
    """

    def __init__(self, texts=()):
        self.whole: Counter = Counter()
        self.pairs: Counter = Counter()
        for t in texts:
            self.add(t)

    def add(self, text: str) -> None:
        keys = _RUN_OR_GAP.findall(text)
        if _MARKS.search(text):
            keys = [k.translate(_STRIP_MARKS) for k in keys]
        self.whole.update(k for k in keys if k != " ")
        self.pairs.update((a, b) for a, gap, b in zip(keys, keys[1:], keys[2:]) if gap == " " and a != " " and b != " ")


class Segmenter:
    """Decides, per letter form, whether and where spaces were lost; caches decisions.

    With ``corpus`` (a :class:`CorpusStats`), decisions also weigh evidence
    from the corpus itself (rules "corpus-pair-split" and "corpus-whole-kept").
    ``lexicon`` (form -> frequency) and ``char_model`` replace wordfreq's list
    and :func:`libyakit.charlm.char_model` (for tests and experiments), ``pairs``
    (joined form -> offset of its space) the table of :func:`function_pairs`.
    ``dense``: decide as for a text that has lost many spaces (see DENSE_MARGIN);
    :func:`fix_joined_words_at` asks :meth:`dense_sibling` for such texts itself.
    """

    def __init__(self, lexicon: dict[str, float] | None = None, *, corpus: "CorpusStats | None" = None,
                 char_model=None, cache_size: int = 500_000,
                 pairs: "dict[str, int] | None" = None, dense: bool = False):
        from .charlm import char_model as _char_model

        self.corpus = corpus
        self.lexicon = _lexicon() if lexicon is None else lexicon
        # joined form -> where its space goes, for the function-word pairs of data/function_pairs.csv
        self.function_pairs: dict[str, int] = function_pairs() if pairs is None else pairs
        self.dense = dense
        self._low_margin = DENSE_MARGIN if dense else MARGIN  # (a split at MARGIN or more needs no lower one)
        self._dense_sibling: "Segmenter | None" = None
        self.lm = _char_model() if char_model is None else char_model
        self._cache: dict[str, Decision] = {}
        self._cache_size = cache_size
        self._part_table = _part_table(self.lexicon)  # form -> Zipf, for forms that may be parts
        self._top_part = max(self._part_table.values(), default=0.0)
        self._same: set[str] = set()  # whitespace-delimited tokens that need no repair
        self._rep: dict[str, str] = {}  # token -> repaired token
        self._offs: dict[str, tuple[int, ...]] = {}  # token -> offsets of the spaces inserted in it
        self._weak: dict[str, tuple[str, ...]] = {}  # token -> the runs in it split on weak evidence
        self._evident: set[str] = set()  # tokens with a split that shows lost spaces (see _is_lone)
        # the decision itself: the compiled core (libyakit/_segcore.c), built on install
        self._core = _compiled_core(self)

    def dense_sibling(self) -> "Segmenter":
        """The segmenter for texts that lost many spaces: the same tables and evidence,
        ``dense=True`` (made once, on the first such text)."""
        if self.dense:
            return self
        if self._dense_sibling is None:
            self._dense_sibling = Segmenter(self.lexicon, corpus=self.corpus, char_model=self.lm,
                                            cache_size=self._cache_size,
                                            pairs=self.function_pairs, dense=True)
        return self._dense_sibling

    @property
    def compiled(self) -> bool:
        """Whether decisions are made by the compiled core: always (there is no other code for them)."""
        return self._core is not None

    # -- scoring helpers ------------------------------------------------------
    def zipf(self, w: str) -> float:
        return _zipf(self.lexicon.get(w, 0.0))

    def unseen_zipf(self, w: str) -> float:
        """Zipf-scale estimate for a form no lexicon has seen, from its spelling."""
        return 9 + UNSEEN_MASS + self.lm.logp(w)

    def clitic_zipf(self, w: str) -> float:
        """Estimated Zipf of ``w`` as clitics around a known stem (0 if none), as the core has it."""
        z = self._core.clitic_zipf(w)
        return 0.0 if z is None else z

    def decide(self, w: str) -> Decision:
        """Decision for a form without diacritics (made by the compiled core; a form with a
        character that is no Arabic letter is kept whole, rule "not-letters")."""
        d = self._cache.get(w)
        if d is not None:
            return d
        t = self._core.decide(w)
        d = Decision(*t) if t is not None else Decision((w,), self.zipf(w), (), float("nan"), "not-letters")
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[w] = d
        return d


class CoreUnavailable(RuntimeError):
    """The compiled core (libyakit/_segcore.c), which makes every joined-word decision, cannot be
    used: not built (no C compiler at install), built from another version of its source, or
    given tables it cannot read."""


def core_status() -> str:
    """Which code makes the joined-word decisions, in one line: the compiled core, or why not."""
    try:
        from . import _segcore
    except ImportError as e:
        return f"not built ({e})"
    source = _core_source_sha1()
    if source is not None and getattr(_segcore, "SOURCE_SHA1", None) != source:
        return "stale (built from another version of libyakit/_segcore.c)"
    return f"compiled core ({Path(_segcore.__file__).name})"


def _compiled_core(seg: Segmenter):
    """The compiled core (libyakit/_segcore.c) set up with ``seg``'s tables and this module's
    constants. Raises :class:`CoreUnavailable` where it is not built, was built from another
    version of the source, or ``seg`` uses a character model of another kind (or corpus counts
    that are not dicts): the decision has no other code."""
    from . import charlm

    def unavailable(why: str):
        raise CoreUnavailable(f"libyakit's joined-word repair needs its compiled core, which is {why}: install a C "
                              f"compiler (e.g. gcc) and run `make install` (or `pip install -e .`) again")

    try:
        from . import _segcore
    except ImportError as e:
        unavailable(f"not built ({e})")
    source = _core_source_sha1()
    if source is not None and getattr(_segcore, "SOURCE_SHA1", None) != source:
        unavailable("stale build (built from another version of libyakit/_segcore.c)")
    if type(seg.lm) is not charlm.CharModel or charlm.ORDER != 5:  # the core reads 4 letters of context
        raise CoreUnavailable("the compiled core reads a libyakit.charlm.CharModel of order 5 only")
    if seg.corpus is not None and not (isinstance(seg.corpus.whole, dict) and isinstance(seg.corpus.pairs, dict)):
        raise CoreUnavailable("the compiled core reads corpus counts kept in dicts (CorpusStats) only")
    cfg = dict(
        lexicon=seg.lexicon, part_table=seg._part_table, lp=seg.lm._lp, bo=seg.lm._bo,
        start_ch=charlm._START, end_ch=charlm._END, lm_floor=seg.lm._floor, top_part=seg._top_part,
        keep_zipf=KEEP_ZIPF, junk_log_ratio=JUNK_LOG_RATIO, margin=MARGIN, join_penalty=JOIN_PENALTY,
        low_margin=seg._low_margin, low_part_zipf=DENSE_PART_ZIPF, dense_three_part_zipf=DENSE_THREE_PART_ZIPF,
        dense_function_zipf=DENSE_FUNCTION_ZIPF, dense_after_function_zipf=DENSE_AFTER_FUNCTION_ZIPF, r_dense="dense-split", near_margin=DENSE_MARGIN,
        final_letter_margin=FINAL_LETTER_MARGIN, unseen_mass=UNSEEN_MASS,
        unseen_part_penalty=UNSEEN_PART_PENALTY, noise_zipf=NOISE_ZIPF, noise_discount=NOISE_DISCOUNT,
        clitic_discount=CLITIC_DISCOUNT, clitic_stem_zipf=CLITIC_STEM_ZIPF,
        particle_verb_zipf=PARTICLE_VERB_ZIPF, particle_verb_alef_zipf=PARTICLE_VERB_ALEF_ZIPF,
        particle_verb_low_zipf=PARTICLE_VERB_LOW_ZIPF, particle_verb_low_min=PARTICLE_VERB_LOW_MIN,
        particle_verb_spelling_max=PARTICLE_VERB_SPELLING_MAX, low_verb_start=_LOW_VERB_START,
        article_ends=_ARTICLE_ENDS, article_suffixes=_ARTICLE_SUFFIXES,
        junk_min_part=JUNK_MIN_PART, unseen_part_min=UNSEEN_PART_MIN, max_run=MAX_RUN, max_parts=MAX_PARTS,
        cache_size=seg._cache_size, repeat_keep_below=REPEAT_KEEP_BELOW, lone_part_zipf=LONE_PART_ZIPF,
        never_lone=_NEVER_LONE, letters=_LETTER_CHARS, marks=_MARK_CHARS, tanween=_TANWEEN,
        imperfect_start=_IMPERFECT_START, dual_before_ma="".join(_DUAL_PRONOUN_BEFORE_MA),
        final_only=_FINAL_ONLY, conj=_CONJ,  # (the optional conjunction before a particle)
        prefix_set=_PREFIX_SET, suffix_set=_SUFFIX_SET, imperfect_only=_IMPERFECT_ONLY,
        not_a_part=_NOT_A_PART, not_last=_NOT_LAST,
        prefix_lengths=tuple(_PREFIX_LENGTHS[1:]), suffix_lengths=tuple(_SUFFIX_LENGTHS[1:]),
        particles=_PARTICLES, before_ya=_PARTICLES_BEFORE_YA,
        la="لا", ma="ما", hamza_alef="إ", waw="و", ya="ي",  # (لا / ما particles, the hamza a verbal noun drops, و)
        r_too_long="too-long", r_short="short", r_particle="particle-verb-split", r_common="common-word",
        r_forced="final-letter-forced", r_no_split="no-split", r_final="final-letter-split",
        r_unseen="unseen-split", r_junk="junk-entry-split", r_lexicon="lexicon-split", r_clitic="clitic-form",
        r_corpus_whole="corpus-whole-kept", r_corpus_pair="corpus-pair-split", r_function_pair="function-pair-split",
        function_pairs=seg.function_pairs,
        corpus_whole=seg.corpus.whole if seg.corpus is not None else None,
        corpus_pairs=seg.corpus.pairs if seg.corpus is not None else None,
        corpus_pair_min=CORPUS_PAIR_MIN, corpus_pair_ratio=CORPUS_PAIR_RATIO, corpus_whole_min=CORPUS_WHOLE_MIN,
        corpus_pair_clitic_max=CORPUS_PAIR_CLITIC_MAX,
    )
    return _segcore.Core(cfg)


@lru_cache(maxsize=1)
def _core_source_sha1() -> str | None:
    """SHA-1 of the core's C source beside this module (None in an install without it)."""
    src = Path(__file__).with_name("_segcore.c")
    return hashlib.sha1(src.read_bytes()).hexdigest() if src.is_file() else None


@lru_cache(maxsize=1)
def _default_segmenter() -> Segmenter:
    return Segmenter()


def _split_offsets(run: str, parts: tuple[str, ...]) -> list[int]:
    """Offsets in ``run`` (with diacritics) where spaces go between ``parts``."""
    target = list(accumulate(map(len, parts[:-1])))
    if len(run) == target[-1] + len(parts[-1]):  # no diacritics: letters are characters
        return target
    cuts, letters, ti = [], 0, 0
    for i, ch in enumerate(run):
        if _MARKS.match(ch):
            continue
        if ti < len(target) and letters == target[ti]:
            cuts.append(i)
            ti += 1
        letters += 1
    return cuts


_STRIP_MARKS = dict.fromkeys(ARABIC_MARK_CODEPOINTS)
_RUN_CHAR = re.compile(f"[{ARABIC_LETTERS}{ARABIC_MARKS}]")
# Tanween (ً ٌ ٍ) only ends a word: a letter right after it (after the alef or
# alef maqsura that carries fathatan) starts the next one.
_TANWEEN_CUT = re.compile(
    f"(?<=[اى])[\u064b-\u064d][\u0651\u0652]*(?=[{ARABIC_LETTERS}])"  # "اً": the carrier came first
    f"|(?<![اى])[\u064b-\u064d][\u0651\u0652]*(?:[اى](?=[{ARABIC_LETTERS}])|(?![اى])(?=[{ARABIC_LETTERS}]))")
_WS_SPLIT = re.compile(r"(\s+)")
# the character classes above, spelled out (for the compiled core)
_LETTER_CHARS = "".join(chr(c) for c in range(0x600, 0x700) if _RUN.fullmatch(chr(c)))
_MARK_CHARS = "".join(map(chr, ARABIC_MARK_CODEPOINTS))
_TANWEEN = "\u064b\u064c\u064d"


def final_parts(key: str, seg: Segmenter) -> tuple[str, ...]:
    """The parts of ``key`` once every part is itself left whole.

    A split can leave a part that would be split again on its own (a run of
    four joined words, with at most three parts per decision); splitting to
    that fixed point is what makes the repair idempotent.
    """
    d = seg.decide(key)
    if not d.split:
        return (key,)
    out: list[str] = []
    for p in d.parts:
        out.extend(final_parts(p, seg))
    return tuple(out)


def _letters(s: str) -> int:
    return len(s.translate(_STRIP_MARKS))


def _tanween_pieces(run: str, seg: Segmenter) -> list[str]:
    """The run cut after every tanween that a letter follows.

    Each side keeps at least TANWEEN_MIN_LETTERS / two letters, what follows
    is not a bare ending, and the run is not a common word: a mark misplaced
    inside a word ("مساًء", "وأفهمًته", "واحًدا") is left alone.
    """
    cuts = [m.end() for m in _TANWEEN_CUT.finditer(run)]
    if not cuts or seg.zipf(run.translate(_STRIP_MARKS)) >= KEEP_ZIPF:
        return [run]
    pieces, prev = [], 0
    for c in cuts:
        rest = run[c:].translate(_STRIP_MARKS)
        if _letters(run[prev:c]) >= TANWEEN_MIN_LETTERS and len(rest) >= 2 and rest not in _NOT_A_PART:
            pieces.append(run[prev:c])
            prev = c
    pieces.append(run[prev:])
    return pieces


def run_pieces(run: str, seg: Segmenter) -> list[str]:
    """The words of one run of Arabic letters (diacritics kept), once repaired."""
    out: list[str] = []
    for piece in _tanween_pieces(run, seg):
        parts = final_parts(piece.translate(_STRIP_MARKS), seg)
        prev = 0
        for c in _split_offsets(piece, parts) if len(parts) > 1 else ():
            out.append(piece[prev:c])
            prev = c
        out.append(piece[prev:])
    return out


def _repair(run: str, seg: Segmenter) -> str:
    """The run with its lost spaces put back (the run itself when none)."""
    pieces = run_pieces(run, seg)
    return run if len(pieces) == 1 else " ".join(pieces)


def _repair_token(token: str, seg: Segmenter, keep: frozenset = frozenset()):
    """One whitespace-delimited token repaired: (repaired token, offsets of its new
    spaces, the runs it split on weak evidence, whether it has a split that shows
    lost spaces — one that is not :func:`_is_lone`). Runs in ``keep`` are left whole."""
    if not keep:
        done = seg._core.repair_token(token)  # None for a token with diacritics
        if done is not None:
            return done
    if not _TANWEEN_CUT.search(token):  # fast path: every run left whole
        decide = seg.decide
        if not any(decide(r.translate(_STRIP_MARKS)).split for r in _RUN.findall(token)):
            return token, (), (), False
    inserted: list[int] = []
    weak: list[str] = []
    evident = False
    shift = 0

    def repl(m):
        nonlocal shift, evident
        run = m.group()
        if run in keep:
            return run
        r = _repair(run, seg)
        if len(r) != len(run):
            base = m.start() + shift
            inserted.extend(base + i for i, ch in enumerate(r) if ch == " ")
            shift += len(r) - len(run)
            d = explain_run(run, seg)
            if _is_weak(d):
                weak.append(run)
            evident = evident or _shows_lost_space(d)
        return r

    return _RUN.sub(repl, token), tuple(inserted), tuple(weak), evident


def explain_run(run: str, seg: Segmenter) -> Decision:
    """The decision behind the repair of one run (diacritics kept)."""
    d = seg.decide(run.translate(_STRIP_MARKS))
    if len(_tanween_pieces(run, seg)) == 1:
        return d
    parts = tuple(p.translate(_STRIP_MARKS) for p in run_pieces(run, seg))
    return Decision(parts, d.whole_zipf, tuple(seg.zipf(p) for p in parts), float("nan"), "tanween-split")


def fix_joined_words(text: str, *, segmenter: Segmenter | None = None) -> str:
    """Insert the spaces lost between Arabic words; change nothing else.

    With all whitespace removed, input and output are equal; applying it twice
    gives the same result as once.

    >>> fix_joined_words("قدرت الأممالمتحدة بنحو 20 ألفاً")
    'قدرت الأمم المتحدة بنحو 20 ألفاً'
    """
    return fix_joined_words_at(text, segmenter=segmenter)[0]


def _repeated(text: str, runs: set[str]) -> frozenset[str]:
    """Those of ``runs`` that ``text`` has at least REPEAT_MIN times, as whole runs."""
    # a run stands whole in the text no more often than it stands in it at all
    runs = {r for r in runs if text.count(r) >= REPEAT_MIN}
    if not runs:
        return frozenset()
    seen = Counter(r for r in _RUN.findall(text) if r in runs)
    return frozenset(r for r in runs if seen[r] >= REPEAT_MIN)


def _is_weak(d: Decision) -> bool:
    """Whether ``d`` splits on evidence weak enough for repetition to overrule."""
    return d.split and d.score < REPEAT_KEEP_BELOW


# splits that rest on spelling rules, or on the pair seen spaced in the corpus (whose
# score is the lexicon's, for another question): never lone (see _is_lone)
_NEVER_LONE = (*_CERTAIN_RULES, "corpus-pair-split")


def _is_lone(d: Decision) -> bool:
    """Whether ``d`` is a weak split with a rare part, made only where the text shows
    lost spaces elsewhere (see LONE_PART_ZIPF)."""
    return _is_weak(d) and d.rule not in _NEVER_LONE and min(d.part_zipf, default=0.0) < LONE_PART_ZIPF


def _is_dense(text: str, n_evident: int) -> bool:
    """Whether a text whose repair has ``n_evident`` tokens with a split that shows lost
    spaces has lost them throughout (see DENSE_MARGIN)."""
    return n_evident >= DENSE_MIN_SPLITS and n_evident * DENSE_WORDS >= len(text.split())


def _shows_lost_space(d: Decision) -> bool:
    """Whether a split shows that the text lost spaces (see _kept): not a lone one, and not
    a function-word pair, which writers join by habit ("لاسيما", "مازال") in text that lost none."""
    return not _is_lone(d) and d.rule != "function-pair-split"


def _kept(text: str, weak: set[str], evident: bool, seg: Segmenter) -> dict[str, str]:
    """The runs of ``weak`` (split on weak evidence) that ``text`` keeps whole, each with
    its rule: "repeated-kept" where the text repeats the run (a random join seldom
    repeats letter for letter; a name does; in a dense text only a split with a rare part),
    "lone-kept" for a lone split where the text shows no lost space elsewhere (``evident`` false)."""
    if seg.dense:  # (a split of common words repeats in a text that lost spaces throughout)
        weak = {r for r in weak if _is_lone(explain_run(r, seg))}
    kept = dict.fromkeys(_repeated(text, weak) if REPEAT_MIN else (), "repeated-kept")
    if not evident:
        kept.update((r, "lone-kept") for r in weak if r not in kept and _is_lone(explain_run(r, seg)))
    return kept


def fix_joined_words_at(text: str, *, segmenter: Segmenter | None = None) -> tuple[str, tuple[int, ...]]:
    """:func:`fix_joined_words`, and the offsets in its result of the spaces it inserted.

    Works token by token (text between whitespace), remembering every token
    it has seen: real text repeats its words, so once warm most of the work
    is set lookups. With the compiled core, the core
    itself clears and remembers the tokens that need no repair.
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_joined_words expects str, got {type(text).__name__}")
    seg = segmenter or _default_segmenter()
    return _fix_at(text, seg)[:2]


def _fix_at(text: str, seg: Segmenter, only=None) -> tuple[str, tuple[int, ...], Segmenter]:
    """:func:`fix_joined_words_at` with ``seg``, and the segmenter that made the repair:
    ``seg``, or its dense sibling for a text that lost many spaces (see DENSE_MARGIN).

    ``only``: (offset, token) of the tokens that may need a repair, in text order, when they
    are known (with the compiled core): the dense sibling then looks at those alone."""
    rep = seg._rep
    # the tokens the core could not clear, some repaired; these include every token with
    # a run that the dense sibling might split (see is_near in _segcore.c)
    found = seg._core.candidates(text) if only is None else [(a, t, None) for a, t in only]
    if not found:
        return text, (), seg
    _learn({t for _, t, done in found if done is None}, seg, room=len(found))
    for _, t, done in found:
        if done is not None and t not in rep:
            _remember(t, done, seg)
    changes = [(a, t) for a, t, _ in found if t in rep]
    if not changes:
        return text, (), seg
    offs, weak = seg._offs, seg._weak
    local: dict[int, tuple[str, tuple[int, ...]]] = {}
    doubtful = [i for i, (_, t) in enumerate(changes) if t in weak]
    if doubtful:
        # a form split on weak evidence that the text repeats is a name or a word of
        # its own; a lone split with a rare part in a text with no other lost space is
        # more often a foreign name than a join: keep them (see _kept)
        keep = frozenset(_kept(text, {r for i in doubtful for r in weak[changes[i][1]]},
                               any(t in seg._evident for _, t in changes), seg))
        if keep:
            for i in doubtful:
                t = changes[i][1]
                if keep.intersection(weak[t]):
                    local[i] = _repair_token(t, seg, keep)[:2]
    if not seg.dense and _is_dense(text, sum(t in seg._evident and (i not in local or bool(local[i][1]))
                                            for i, (_, t) in enumerate(changes))):
        # (the tokens found above, looked at again by the dense sibling: no second scan of the text)
        return _fix_at(text, seg.dense_sibling(), [(a, t) for a, t, _ in found])
    out, inserted, prev, shift = [], [], 0, 0
    for i, (a, t) in enumerate(changes):
        r, at = local[i] if i in local else (rep[t], offs[t])
        if not at:
            continue
        out += (text[prev:a], r)
        inserted.extend(a + shift + o for o in at)
        shift += len(r) - len(t)
        prev = a + len(t)
    if not out:
        return text, (), seg
    out.append(text[prev:])
    return "".join(out), tuple(inserted), seg


def _learn(tokens: set[str], seg: Segmenter, room: int = 0) -> None:
    """Repair, once, each of ``tokens`` that ``seg`` has not seen, and remember it: in
    ``seg._rep`` and ``seg._offs`` (with ``_weak`` and ``_evident``) when it changes, else
    in ``seg._same``. All of it is forgotten first when it would grow past the cache size
    (keeping ``room`` for tokens the caller will remember next)."""
    same, rep = seg._same, seg._rep
    new = tokens.difference(same).difference(rep)  # iterates the small set
    if len(same) + len(rep) + len(new) + room > seg._cache_size:
        for memo in (same, rep, seg._offs, seg._weak, seg._evident):
            memo.clear()
        new = tokens  # those remembered until now too: the caller looks them up next
    for tok in new:
        _remember(tok, _repair_token(tok, seg), seg)


def _remember(tok: str, repaired: tuple, seg: Segmenter) -> None:
    """Record one token's :func:`_repair_token` result in ``seg``'s memos (see _learn)."""
    r, at, w, e = repaired
    if at:
        seg._rep[tok], seg._offs[tok] = r, at
        if w:
            seg._weak[tok] = w
        if e:
            seg._evident.add(tok)
    else:
        seg._same.add(tok)


def find_joined_words(text: str, *, segmenter: Segmenter | None = None, include_kept: bool = False):
    """Audit of the repairs :func:`fix_joined_words` makes in ``text``.

    One row per repaired run (and, with ``include_kept=True``, per run that
    was scored and kept). Columns:

    * ``start, end`` – the run's offsets in ``text``; ``original`` – the run;
    * ``replacement`` – what it becomes; ``split`` – whether it changed;
    * ``parts``, ``part_zipf`` – the parts and their wordfreq Zipf frequencies;
    * ``whole_zipf`` – the whole form's Zipf frequency (0 = never seen);
    * ``score`` – log10 odds of the split over the whole;
    * ``rule`` – which rule decided (lexicon-split, final-letter-split, ...;
      ``particle-verb-split``: لا/ما/لم/لن/سوف joined to a common verb, "لايمكن";
      ``repeated-kept``: a split on weak evidence, undone because the text
      has the same form again; ``lone-kept``: a split on weak evidence with a
      rare part, "لودفيجس|هافن", undone because nothing else in the text shows
      a lost space — such splits cut foreign names about as often as they
      repair joins).
    """
    import pandas as pd

    if not isinstance(text, str):
        raise TypeError(f"find_joined_words expects str, got {type(text).__name__}")
    seg = _fix_at(text, segmenter or _default_segmenter())[2]  # (its dense sibling for a text that lost many spaces)
    decisions = {run: explain_run(run, seg) for run in set(_RUN.findall(text))}
    weak = {run for run, d in decisions.items() if _is_weak(d)}
    evident = any(d.split and _shows_lost_space(d) for d in decisions.values())
    kept = _kept(text, weak, evident, seg) if weak else {}
    rows = []
    for m in _RUN.finditer(text):
        run = m.group()
        d = decisions[run]
        if run in kept:
            d = Decision((run.translate(_STRIP_MARKS),), d.whole_zipf, d.part_zipf, d.score, kept[run])
        if d.split or (include_kept and not math.isnan(d.score)):
            rows.append(
                {
                    "start": m.start(),
                    "end": m.end(),
                    "original": run,
                    "replacement": run if run in kept else _repair(run, seg),
                    "split": d.split,
                    "parts": d.parts,
                    "part_zipf": d.part_zipf,
                    "whole_zipf": d.whole_zipf,
                    "score": round(d.score, 2),
                    "rule": d.rule,
                }
            )
    cols = ["start", "end", "original", "replacement", "split", "parts", "part_zipf", "whole_zipf", "score", "rule"]
    return pd.DataFrame(rows, columns=cols)


def inserted_spaces(before: str, after: str) -> tuple[int, ...]:
    """Offsets in ``after`` of the spaces that :func:`fix_joined_words` inserted into ``before``."""
    if len(after) == len(before):
        return ()
    out, i = [], 0
    for j, ch in enumerate(after):
        if i < len(before) and before[i] == ch:
            i += 1
        elif ch == " ":
            out.append(j)
        else:
            raise ValueError("the second text is not the first with spaces inserted")
    return tuple(out)


def _is_run_char(ch: str) -> bool:
    return bool(_RUN_CHAR.match(ch))


def repairs_in(text: str, fixed_at, *, segmenter: Segmenter | None = None) -> list[dict]:
    """Repair rows for one final text, from the offsets of its inserted spaces."""
    seg = segmenter or _default_segmenter()
    inserted = set(fixed_at)
    rows, done = [], set()
    for o in sorted(inserted):
        if o in done:
            continue
        a = o
        while a > 0 and (_is_run_char(text[a - 1]) or (a - 1) in inserted):
            a -= 1
        b = o + 1
        while b < len(text) and (_is_run_char(text[b]) or b in inserted):
            b += 1
        spaces = [k for k in range(a, b) if k in inserted]
        done.update(spaces)
        original = _unrepaired(text[a:b], [k - a for k in spaces])
        d = explain_run(original, seg)
        if not d.split and not seg.dense:  # repaired as part of a text that lost many spaces
            d = explain_run(original, seg.dense_sibling())
        parts = tuple(p.translate(_STRIP_MARKS) for p in run_pieces(original, seg))
        rows.append({"start": a, "end": b, "surface": text[a:b], "original": original,
                     "parts": parts, "part_zipf": d.part_zipf, "whole_zipf": d.whole_zipf,
                     "score": round(d.score, 2), "rule": d.rule})
    return rows


REPORT_COLUMNS = ["article_id", "start", "end", "surface", "original", "parts", "part_zipf", "whole_zipf", "score",
                  "rule"]


JOINED_EVIDENCE = ("article", "corpus")  # load_articles(joined_evidence=...)


def corpus_segmenter(texts) -> Segmenter:
    """A segmenter that also weighs the evidence of ``texts`` (cleaned, not yet repaired)."""
    return Segmenter(corpus=CorpusStats(texts))


def _unrepaired(text: str, fixed_at) -> str:
    """``text`` without the spaces the repair inserted at ``fixed_at``."""
    cut = set(fixed_at)
    return "".join(ch for k, ch in enumerate(text) if k not in cut) if cut else text


def joined_words_report(articles, *, progress: bool | None = None):
    """The repairs made in a whole corpus, as offsets into each article's final ``text``.

    One row per repair: ``article_id, start, end, surface`` (the repaired
    words, ``text[start:end] == surface``), ``original`` (the joined form as
    it arrived), and the evidence columns of :func:`find_joined_words`.
    Uses the ``joined_fixed_at`` column that :func:`libyakit.load_articles`
    records; without it, cleans and repairs ``text_raw`` again. Articles
    loaded with ``joined_evidence="corpus"`` are explained with the counts of
    the articles passed here (the same ones, unless a subset is passed).
    """
    import pandas as pd

    from .clean import clean_text
    from .corpus import _check_articles
    from .progress import progress_bar

    _check_articles(articles, "article_id", "text")
    have = "joined_fixed_at" in articles.columns
    if not have:
        _check_articles(articles, "text_raw")
    seg = None
    if have and articles.attrs.get("joined_evidence") == "corpus":
        texts = map(_unrepaired, articles["text"], articles["joined_fixed_at"])
        seg = corpus_segmenter(progress_bar(texts, total=len(articles), desc="counting", enable=progress))
    fixed = articles["joined_fixed_at"] if have else articles["text_raw"]
    items = zip(articles["article_id"], articles["text"], fixed)
    rows = []
    for aid, text, f in progress_bar(items, total=len(articles), desc="repairs", enable=progress):
        if not have:
            cleaned = clean_text(f)
            text, f = fix_joined_words(cleaned), None
            f = inserted_spaces(cleaned, text)
        rows.extend({"article_id": aid, **r} for r in repairs_in(text, f, segmenter=seg))
    return pd.DataFrame(rows, columns=REPORT_COLUMNS).astype({"start": "int64", "end": "int64"})
