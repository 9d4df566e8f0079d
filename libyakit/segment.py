"""Joined-word repair: put back the spaces that scraped Arabic text lost.

Text extractors drop the space around linked names, so "الولايات المتحدة"
arrives as "الولاياتالمتحدة" and "تركيا وروسيا" as "تركياوروسيا". Every count
downstream is wrong until these are repaired — and splitting a real word is
worse than leaving a join, so the repair is deliberately conservative.

Method
------
A unigram model over wordfreq's Arabic lexicon (~620k forms with
frequencies, built from Wikipedia, subtitles, news and web text — never from
the text being repaired). For a run of Arabic letters ``w`` (diacritics
ignored for lookup, kept in the output):

1. ``w`` is kept when it is a common word (Zipf ≥ ``KEEP_ZIPF``) or made of
   clitics around a known stem (و ف ب ل ك س, ال, pronoun suffixes): such a
   form is a real word even when the lexicon never saw it.
2. Otherwise the best split into two or three parts is found by dynamic
   programming. Every part must be a plausible standalone word: at least two
   letters, common enough (Zipf ≥ ``PART_ZIPF``; more for two-letter parts),
   not a bare clitic or pronoun suffix. A conjunction و stays attached to the
   word after it ("تركيا وروسيا", never "تركيا و روسيا") because a lone و is
   never a part.
3. The split is made only when it is far more likely than the whole:
   ``log10 Π f(part) − log10 f(w) ≥ MARGIN``. The lexicon itself contains
   some joined junk from the web ("الولاياتالمتحدة" at Zipf 1.2), which is
   why a known-but-rare whole is compared rather than trusted.
4. Ta marbuta (ة) and alef maqsura (ى) only end words: either one inside a
   run is strong evidence of a lost space right after it, and lowers the
   margin for splits made there.

Digits, Latin letters and punctuation are never touched: only runs of Arabic
letters (with their diacritics) are looked at, and only spaces are inserted.
Decisions are cached per form, which makes the pass linear and fast; runs
longer than ``MAX_RUN`` letters are left alone (no prose has them).

Measured with benchmarks/joined_words.py (5 % of spaces deleted at random in 1,000
SaudiNewsNet articles held out from tuning, seed 7): precision 0.980, recall 0.827,
7.1 false splits per 10,000 clean tokens, about 2 MB/s with a cold cache (symspellpy:
0.56 / 0.97 / 329; wordninja: 0.46 / 0.98 / 496). Known limits: recall suffers where one
part is rarer than Zipf 2.5 or the joined form is a junk entry of the lexicon; false
splits are mostly foreign names cut into common syllables ("كارين هو") — and, in that
count, real joins of the source text that the benchmark cannot tell from errors.

>>> fix_joined_words("طلبت الولاياتالمتحدة من تركياوروسيا")
'طلبت الولايات المتحدة من تركيا وروسيا'
>>> fix_joined_words("استخدموهم ونشرتهم")
'استخدموهم ونشرتهم'
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from .clean import ARABIC_LETTERS, ARABIC_MARK_CODEPOINTS, ARABIC_MARKS

__all__ = ["fix_joined_words", "fix_joined_words_at", "find_joined_words", "Segmenter", "CorpusStats", "joined_words_report", "inserted_spaces",
           "repairs_in", "final_parts"]

# --- tunable constants (tuned on SaudiNewsNet 2015-07-21 only; the other days
# are held out for the benchmark figures) -------------------------------------
KEEP_ZIPF = 2.5  # a whole form at least this common is never split (junk joins in wordfreq sit below 2)
PART_ZIPF = 2.5  # each part at least this common ...
SHORT_PART_ZIPF = 4.3  # ... and a two-letter part at least this
PART_CLITIC_ZIPF = 1.5  # or clitics around a stem this common (estimated, see clitic_zipf)
MARGIN = 1.0  # log10 odds the split must win by
JOIN_PENALTY = 0.5  # log10: each lost space is this much rarer than a kept one
FINAL_LETTER_MARGIN = -1.0  # ... when ة/ى inside the run marks the boundary
UNSEEN_ZIPF = -2.0  # frequency floor for a form the lexicon never saw, at UNSEEN_PIVOT letters
UNSEEN_PIVOT = 8
NOISE_ZIPF = 1.5
NOISE_DISCOUNT = 0.5
UNSEEN_SLOPE = 0.5  # floor rises this much per letter shorter than the pivot
UNSEEN_LONG = 11  # Arabic words, clitics included, rarely run longer: ...
# ... so the floor could fall faster per letter beyond. Measured on the tuning day: 1.0 gives
# P 0.978 / R 0.853 / 8.0 false splits per 10k against 0.983 / 0.826 / 6.0 at 0.0; precision
# matters more here (a wrong split is worse than a missed one), so it is off.
UNSEEN_LONG_SLOPE = 0.0
THREE_LETTER_ZIPF = 4.0  # three-letter parts are often name fragments: need more
CLITIC_DISCOUNT = 1.5  # log10: a clitic+stem form is this much rarer than its stem
CLITIC_STEM_ZIPF = 3.0  # stems must be at least this common to vouch for a form
MAX_RUN = 64  # letters; longer runs are left alone
# corpus evidence (Segmenter(corpus=...)):
CORPUS_PAIR_MIN = 2  # a pair seen spaced at least this often ...
CORPUS_PAIR_RATIO = 2.0  # ... and this many times more often than whole is split
CORPUS_WHOLE_MIN = 3  # a form seen whole this often, and never spaced, is kept
MAX_PARTS = 3

# Proclitics, longest first (conjunctions, prepositions, future س, article).
_PREFIXES = sorted(
    {
        "و", "ف", "ب", "ل", "ك", "س",
        "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل",
        "وب", "فب", "ول", "فل", "وك", "فك", "وس", "فس", "وبال", "فبال", "وكال",
    },
    key=len,
    reverse=True,
)
# Enclitic pronouns (and the plural/dual endings they sit on), longest first.
_SUFFIXES = sorted(
    {
        "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "نا", "ني",
        "وا", "ون", "ين", "ان", "ات", "ة", "تم", "تن", "تها", "ته", "تهم", "تهما",
        "وها", "وهم", "وه", "ونا", "وني",
    },
    key=len,
    reverse=True,
)
_PREFIX_SET = frozenset(_PREFIXES)
_SUFFIX_SET = frozenset(_SUFFIXES)
_PREFIX_LENGTHS = [0] + sorted({len(p) for p in _PREFIXES})
_SUFFIX_LENGTHS = [0] + sorted({len(x) for x in _SUFFIXES})
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
    "لي", "به", "بي", "ذا", "تم", "ثم", "لو", "كم", "هل", "كي", "قط",
    # common two-letter nouns
    "خط", "حق", "دم", "يد", "أب", "أخ", "جو", "حد", "فن", "ضد", "شك",
}
# Last parts that are more often an ending of the word before them than a word:
# the adverbial/nisba "-يا" (احترافيا، جداويا) and the dual "-ان" (يتأرجحان).
_NOT_LAST = {"يا", "ان"}
# "ما" after ه/ك/ت is the dual pronoun (إعارتهما، بإعطائهما), not the word ما.
_DUAL_PRONOUN_BEFORE_MA = ("ه", "ك", "ت")


def _may_end(left: str, last: str) -> bool:
    """Whether ``last`` may be the last part after ``left`` (see _NOT_LAST)."""
    if last in _NOT_LAST:
        return False
    return not (last == "ما" and left.endswith(_DUAL_PRONOUN_BEFORE_MA))


# Letters that only end a word.
_FINAL_ONLY = "ةى"

# stdlib re: character ranges only, and faster than the regex module on the hot scan
_RUN = re.compile(f"[{ARABIC_LETTERS}][{ARABIC_LETTERS}{ARABIC_MARKS}]*")
_MARKS = regex.compile(f"[{ARABIC_MARKS}]")
_RUN_OR_GAP = regex.compile(
    f"[{ARABIC_LETTERS}][{ARABIC_LETTERS}{ARABIC_MARKS}]*|(?<=[{ARABIC_LETTERS}{ARABIC_MARKS}]) (?=[{ARABIC_LETTERS}])")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    """wordfreq's large Arabic list: form -> frequency (loaded once, ~0.4 s)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("ar", "large")


def _zipf(f: float) -> float:
    return math.log10(f) + 9 if f > 0 else 0.0


@dataclass(frozen=True)
class Decision:
    """What the segmenter decided for one form (diacritics removed)."""

    parts: tuple[str, ...]
    whole_zipf: float
    part_zipf: tuple[float, ...]
    score: float  # log10 odds of the split over the whole (nan when kept without scoring)
    rule: str  # "common-word", "clitic-form", "no-split", "lexicon-split", "final-letter-split", "too-long"

    @property
    def split(self) -> bool:
        return len(self.parts) > 1


_UNSEEN_PART = object()


class CorpusStats:
    """Evidence from the corpus being repaired: how often each form stands whole,
    and how often each pair of forms stands spaced.

    A pair seen spaced elsewhere is probably joined here ("الأمم المتحدة" in
    one article, "الأممالمتحدة" in another); a form seen whole several times
    and never spaced is probably a word (a name the lexicon does not know).
    """

    def __init__(self, texts=()):
        from collections import Counter

        self.whole: Counter = Counter()
        self.pairs: Counter = Counter()
        for t in texts:
            self.add(t)

    def add(self, text: str) -> None:
        keys = [m.group().translate(_STRIP_MARKS) for m in _RUN_OR_GAP.finditer(text)]
        self.whole.update(k for k in keys if k != " ")
        self.pairs.update((a, b) for a, gap, b in zip(keys, keys[1:], keys[2:]) if gap == " " and a != " " and b != " ")


class Segmenter:
    """Decides, per letter form, whether and where spaces were lost; caches decisions.

    With ``corpus`` (a :class:`CorpusStats`), decisions also weigh evidence
    from the corpus itself (rules "corpus-pair-split" and "corpus-whole-kept").
    """

    def __init__(self, lexicon: dict[str, float] | None = None, *, corpus: "CorpusStats | None" = None,
                 cache_size: int = 500_000):
        self.corpus = corpus
        self.lexicon = _lexicon() if lexicon is None else lexicon
        self._cache: dict[str, Decision] = {}
        self._cache_size = cache_size
        self._parts: dict[str, float | None] = {}  # memo of _part_ok
        self._repaired: dict[str, str] = {}  # memo of fix_joined_words per run

    # -- scoring helpers ------------------------------------------------------
    def zipf(self, w: str) -> float:
        return _zipf(self.lexicon.get(w, 0.0))

    def _part_ok(self, p: str) -> float | None:
        z = self._parts.get(p, _UNSEEN_PART)
        if z is _UNSEEN_PART:  # a sentinel: None is a valid memoised answer
            if len(self._parts) >= self._cache_size:
                self._parts.clear()
            z = self._parts[p] = self._part_ok_uncached(p)
        return z

    def _part_ok_uncached(self, p: str) -> float | None:
        """Zipf of ``p`` if it may stand alone as a part, else None.

        A part is a common word (Zipf >= PART_ZIPF) or clitics around a known
        stem; two-letter parts must be listed standalone words; "ال" must have
        at least two letters after it; ة/ى may only end it.
        """
        if len(p) < 2 or p in _NOT_A_PART:
            return None
        if len(p) == 2:
            return self.zipf(p) if p in _TWO_LETTER_WORDS else None
        if p.startswith("ال") and len(p) < 4:
            return None
        if ("ة" in p[:-1] or "ى" in p[:-1]):
            return None
        z = self.zipf(p)
        if len(p) == 3:
            return z if z >= THREE_LETTER_ZIPF else None
        if z >= PART_ZIPF:
            return z
        zc = self.clitic_zipf(p)
        return zc if zc >= PART_CLITIC_ZIPF else None

    def clitic_zipf(self, w: str) -> float:
        """Estimated Zipf of ``w`` as clitics around a known stem (0 if none)."""
        n = len(w)
        pres = [lp for lp in _PREFIX_LENGTHS[1:] if lp < n and w[:lp] in _PREFIX_SET]
        sufs = [ls for ls in _SUFFIX_LENGTHS[1:] if ls < n and w[n - ls:] in _SUFFIX_SET]
        if not pres and not sufs:
            return 0.0
        best = 0.0
        lex = self.lexicon
        for lp in [0] + pres:
            for ls in [0] + sufs:
                if not (lp or ls) or n - lp - ls < 2:
                    continue
                f = lex.get(w[lp:n - ls])
                if f:
                    z = _zipf(f)
                    if z >= CLITIC_STEM_ZIPF:
                        best = max(best, z - CLITIC_DISCOUNT * ((lp > 0) + (ls > 0)))
        return best

    def _best_split(self, w: str) -> tuple[tuple[str, ...], tuple[float, ...]] | None:
        """Most probable split of ``w`` into 2..MAX_PARTS valid parts.

        Probability of a split: the product of the parts' frequencies, times a
        lost-space penalty per boundary. Two-part splits are enumerated
        directly (linear in the length); three-part splits extend the valid
        prefixes, which keeps the search small.
        """
        n = len(w)
        part = self._part_ok
        heads = [(i, z) for i in range(2, n - 1) if (z := part(w[:i])) is not None]
        best = None  # (log10 p, parts, zipfs)
        for i, zi in heads:
            zr = part(w[i:]) if _may_end(w[:i], w[i:]) else None
            if zr is not None:
                lp = zi + zr - 18 - JOIN_PENALTY
                if best is None or lp > best[0]:
                    best = (lp, (w[:i], w[i:]), (zi, zr))
            if MAX_PARTS >= 3:
                for j in range(i + 2, n - 1):
                    zm = part(w[i:j])
                    if zm is None:
                        continue
                    zr = part(w[j:]) if _may_end(w[i:j], w[j:]) else None
                    if zr is None:
                        continue
                    lp = zi + zm + zr - 27 - 2 * JOIN_PENALTY
                    if best is None or lp > best[0]:
                        best = (lp, (w[:i], w[i:j], w[j:]), (zi, zm, zr))
        if best is None:
            return None
        return best[1], best[2]

    def decide(self, w: str) -> Decision:
        """Decision for a form without diacritics."""
        d = self._cache.get(w)
        if d is not None:
            return d
        d = self._decide(w)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[w] = d
        return d

    def _decide(self, w: str) -> Decision:
        d = self._decide_lexicon(w)
        if self.corpus is None or d.rule in ("short", "too-long", "common-word"):
            return d
        whole_n = self.corpus.whole.get(w, 0)
        if d.split:
            pair_n = self.corpus.pairs.get((d.parts[0], "".join(d.parts[1:])), 0) if len(d.parts) == 2 else 0
            if whole_n >= CORPUS_WHOLE_MIN and pair_n == 0 and d.rule != "final-letter-split":
                return Decision((w,), d.whole_zipf, d.part_zipf, d.score, "corpus-whole-kept")
            return d
        # the lexicon kept it whole: is it a pair the corpus shows spaced?
        best = None
        for i in range(2, len(w) - 1):
            n = self.corpus.pairs.get((w[:i], w[i:]), 0)
            if n and (best is None or n > best[0]):
                best = (n, i)
        if best and best[0] >= CORPUS_PAIR_MIN and best[0] >= CORPUS_PAIR_RATIO * whole_n:
            i = best[1]
            if self._part_ok(w[:i]) is not None or self.corpus.whole.get(w[:i], 0) >= CORPUS_PAIR_MIN:
                if self._part_ok(w[i:]) is not None or self.corpus.whole.get(w[i:], 0) >= CORPUS_PAIR_MIN:
                    return Decision((w[:i], w[i:]), d.whole_zipf, d.part_zipf, d.score, "corpus-pair-split")
        return d

    def _decide_lexicon(self, w: str) -> Decision:
        nan = float("nan")
        whole = self.zipf(w)
        if len(w) > MAX_RUN:
            return Decision((w,), whole, (), nan, "too-long")
        if len(w) < 4:
            return Decision((w,), whole, (), nan, "short")
        inner_final = ("ة" in w[:-1] or "ى" in w[:-1])
        if whole >= KEEP_ZIPF and not inner_final:
            return Decision((w,), whole, (), nan, "common-word")
        split = self._best_split(w)
        if split is None:
            if inner_final:
                # ة and ى only end words: split right after them even when the
                # lexicon knows neither part (names, rare words)
                cuts = [i + 1 for i, ch in enumerate(w[:-1]) if ch in _FINAL_ONLY]
                bounds = [0] + cuts + [len(w)]
                parts = tuple(w[a:b] for a, b in zip(bounds, bounds[1:]))
                if all(len(p) >= 2 for p in parts):
                    return Decision(parts, whole, (), nan, "final-letter-forced")
            return Decision((w,), whole, (), nan, "no-split")
        parts, zs = split
        clitic = 0.0 if inner_final else self.clitic_zipf(w)
        # An unseen short form is often a name or a rare inflection; an unseen
        # long one is more often two words: the floor falls with length.
        unseen = UNSEEN_ZIPF + UNSEEN_SLOPE * (UNSEEN_PIVOT - len(w)) - UNSEEN_LONG_SLOPE * max(0, len(w) - UNSEEN_LONG)
        # wordfreq's rarest entries (Zipf < NOISE_ZIPF) include joined junk from
        # the web: a form seen only that rarely counts for a little less.
        seen = whole - NOISE_DISCOUNT if 0 < whole < NOISE_ZIPF else whole
        whole_est = max(seen if whole > 0 else unseen, clitic if clitic > 0 else unseen)
        split_logp = sum(z - 9 for z in zs) - JOIN_PENALTY * (len(parts) - 1)
        score = split_logp - (whole_est - 9)
        boundaries_final = all(p[-1] in _FINAL_ONLY for p in parts[:-1])
        if inner_final and boundaries_final:
            if score >= FINAL_LETTER_MARGIN:
                return Decision(parts, whole, zs, score, "final-letter-split")
        elif score >= MARGIN:
            return Decision(parts, whole, zs, score, "unseen-split" if whole == 0 else "lexicon-split")
        rule = "clitic-form" if clitic > whole else "no-split"
        return Decision((w,), whole, zs, score, rule)


@lru_cache(maxsize=1)
def _default_segmenter() -> Segmenter:
    return Segmenter()


def _split_offsets(run: str, parts: tuple[str, ...]) -> list[int]:
    """Offsets in ``run`` (with diacritics) where spaces go between ``parts``."""
    cuts, letters, target = [], 0, []
    acc = 0
    for p in parts[:-1]:
        acc += len(p)
        target.append(acc)
    ti = 0
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


def _repair(run: str, seg: Segmenter) -> str:
    """The run with its lost spaces put back (the run itself when none)."""
    parts = final_parts(run.translate(_STRIP_MARKS), seg)
    if len(parts) == 1:
        return run
    out, prev = [], 0
    for c in _split_offsets(run, parts):
        out.append(run[prev:c])
        prev = c
    out.append(run[prev:])
    return " ".join(out)


def fix_joined_words(text: str, *, segmenter: Segmenter | None = None) -> str:
    """Insert the spaces lost between Arabic words; change nothing else.

    With all whitespace removed, input and output are equal; applying it twice
    gives the same result as once.

    >>> fix_joined_words("قدرت الأممالمتحدة بنحو 20 ألفاً")
    'قدرت الأمم المتحدة بنحو 20 ألفاً'
    """
    return fix_joined_words_at(text, segmenter=segmenter)[0]


def fix_joined_words_at(text: str, *, segmenter: Segmenter | None = None) -> tuple[str, tuple[int, ...]]:
    """:func:`fix_joined_words`, and the offsets in its result of the spaces it inserted."""
    if not isinstance(text, str):
        raise TypeError(f"fix_joined_words expects str, got {type(text).__name__}")
    seg = segmenter or _default_segmenter()
    done = seg._repaired  # run (as written) -> repaired run: one lookup per word once warm
    inserted: list[int] = []
    shift = 0

    def repl(m):
        nonlocal shift
        run = m.group()
        r = done.get(run)
        if r is None:
            if len(done) >= seg._cache_size:
                done.clear()
            r = done[run] = _repair(run, seg)
        if len(r) != len(run):
            base = m.start() + shift
            inserted.extend(base + i for i, ch in enumerate(r) if ch == " ")
            shift += len(r) - len(run)
        return r

    return _RUN.sub(repl, text), tuple(inserted)


def find_joined_words(text: str, *, segmenter: Segmenter | None = None, include_kept: bool = False):
    """Audit of the repairs :func:`fix_joined_words` makes in ``text``.

    One row per repaired run (and, with ``include_kept=True``, per run that
    was scored and kept). Columns:

    * ``start, end`` – the run's offsets in ``text``; ``original`` – the run;
    * ``replacement`` – what it becomes; ``split`` – whether it changed;
    * ``parts``, ``part_zipf`` – the parts and their wordfreq Zipf frequencies;
    * ``whole_zipf`` – the whole form's Zipf frequency (0 = never seen);
    * ``score`` – log10 odds of the split over the whole;
    * ``rule`` – which rule decided (lexicon-split, final-letter-split, ...).
    """
    import pandas as pd

    seg = segmenter or _default_segmenter()
    rows = []
    for m in _RUN.finditer(text):
        run = m.group()
        d = seg.decide(run.translate(_STRIP_MARKS))
        if d.split or (include_kept and not math.isnan(d.score)):
            rows.append(
                {
                    "start": m.start(),
                    "end": m.end(),
                    "original": run,
                    "replacement": _repair(run, seg),
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
        original = "".join(ch for k, ch in enumerate(text[a:b], start=a) if k not in inserted)
        key = original.translate(_STRIP_MARKS)
        d = seg.decide(key)
        rows.append({"start": a, "end": b, "surface": text[a:b], "original": original,
                     "parts": final_parts(key, seg), "part_zipf": d.part_zipf, "whole_zipf": d.whole_zipf,
                     "score": round(d.score, 2), "rule": d.rule})
    return rows


REPORT_COLUMNS = ["article_id", "start", "end", "surface", "original", "parts", "part_zipf", "whole_zipf", "score",
                  "rule"]


def joined_words_report(articles, *, progress: bool | None = None):
    """The repairs made in a whole corpus, as offsets into each article's final ``text``.

    One row per repair: ``article_id, start, end, surface`` (the repaired
    words, ``text[start:end] == surface``), ``original`` (the joined form as
    it arrived), and the evidence columns of :func:`find_joined_words`.
    Uses the ``joined_fixed_at`` column that :func:`libyakit.load_articles`
    records; without it, cleans and repairs ``text_raw`` again.
    """
    import pandas as pd

    from .clean import clean_text
    from .progress import progress_bar

    have = "joined_fixed_at" in articles.columns
    fixed = articles["joined_fixed_at"] if have else articles["text_raw"]
    items = zip(articles["article_id"], articles["text"], fixed)
    rows = []
    for aid, text, f in progress_bar(items, total=len(articles), desc="repairs", enable=progress):
        if not have:
            cleaned = clean_text(f)
            text, f = fix_joined_words(cleaned), None
            f = inserted_spaces(cleaned, text)
        rows.extend({"article_id": aid, **r} for r in repairs_in(text, f))
    return pd.DataFrame(rows, columns=REPORT_COLUMNS).astype({"start": "int64", "end": "int64"})
