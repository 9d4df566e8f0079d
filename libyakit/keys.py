"""Matching keys of words, shared by the reprint finder and the concordance.

A key is compared, never shown (see :mod:`libyakit.clean`): :func:`libyakit.normalize_arabic`
folds diacritics, tatweel and the alef, ya and ta marbuta variants, Latin letters are
case-folded, and the proclitics that the joined-word repair knows (و ف ب ل ك س and the
article ال, alone and combined: وال، بال، لل، وبال …) can be cut from the front.

>>> word_key("وَالمُرتزقةُ"), word_key("Mercenaries")
('والمرتزقه', 'mercenaries')
>>> stem_keys("والمرتزقة")
('والمرتزقه', 'المرتزقه', 'مرتزقه')
>>> stem_keys("ليبيا")  # a word is also indexed as written: "ليبي" finds it, "يبي" finds nothing else
('ليبيا', 'يبيا')
"""

from __future__ import annotations

import zlib
from functools import lru_cache

import regex

from .clean import normalize_arabic

__all__ = ["word_key", "stem_keys", "bare_key", "word_hash", "WORD"]

# A word: letters, marks (harakat inside a word) and digits.
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
MIN_STEM = 3  # letters a word keeps after a proclitic is cut ("بان" is not ب + "ان")


@lru_cache(maxsize=1)
def _proclitics() -> tuple[str, ...]:
    """The repair's proclitics as keys, shortest first."""
    from .arabic import proclitics

    return tuple(sorted({normalize_arabic(p) for p in proclitics(future=True) if p}, key=lambda p: (len(p), p)))


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """``word`` folded for matching (no proclitic cut)."""
    return normalize_arabic(word).casefold()


@lru_cache(maxsize=1 << 16)
def stem_keys(word: str) -> tuple[str, ...]:
    """The key of ``word`` and the keys left when each proclitic it may carry is cut
    (leaving at least ``MIN_STEM`` letters), shortest cut first."""
    key = word_key(word)
    out = [key]
    for p in _proclitics():
        if key.startswith(p) and len(key) - len(p) >= MIN_STEM:
            out.append(key[len(p):])
    return tuple(dict.fromkeys(out))


def bare_key(word: str) -> str:
    """The key with the longest proclitic cut: one key per word, for shingles."""
    return stem_keys(word)[-1]


def word_hash(word: str) -> int:
    """A 32-bit hash (CRC-32, the same on every run and machine) of the word's bare key."""
    return zlib.crc32(bare_key(word).encode("utf-8"))
