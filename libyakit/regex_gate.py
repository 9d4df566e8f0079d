"""A cheap look-ahead that lets a big alternation of cue patterns skip most word starts.

A pattern such as ceasefire's (every cue of every term, one alternation) is tried at every word
start of an article, and each try runs through every alternative. :func:`prefix_gate` reads the
alternatives (with the stdlib parser) and writes the first characters they can start with — up to
three, as a trie — so that ``(?=gate)`` in front of the alternation rejects a word start in a few
steps when no cue can start there. The gate only ever lets through more than the alternatives
can match (a look-around is skipped, a character class it cannot list, ``\\w`` or ``.`` lets
anything through), so the matches are the same; it returns None, and the caller keeps the plain
pattern, when some alternative can start with anything.

>>> gate = prefix_gate(["withdraw\\\\w*", "pull(?:ed|ing)? out", "\\\\d{4} truce"], re.IGNORECASE)
>>> gate
'\\\\d(?:\\\\d(?:\\\\d))|p(?:u(?:l))|w(?:i(?:t))'
>>> bool(re.match(f"(?={gate})", "Pulling out", re.I)), bool(re.match(f"(?={gate})", "talks", re.I))
(True, False)
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _C
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _C
    import sre_parse as _sre_parse

__all__ = ["prefix_gate", "finditer_at", "word_starts", "WordFinder", "lowered"]

_DEPTH = 3  # characters of each prefix
_ANYTHING = {()}  # "any text may follow here"


def _prefixes(seq, k: int):
    """The prefixes (tuples of at most ``k`` regex atoms; a shorter one: anything may follow) of the
    strings the parsed sequence ``seq`` matches."""
    if k == 0 or not seq:
        return {()}
    op, av = seq[0]
    rest = seq[1:]
    if op is _C.LITERAL:
        return {(re.escape(chr(av)),) + t for t in _prefixes(rest, k - 1)}
    if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):  # zero-width: what follows is what counts
        return _prefixes(rest, k)
    if op is _C.IN:
        atoms = set()
        for item_op, item in av:
            if item_op is _C.LITERAL:
                atoms.add(re.escape(chr(item)))
            elif item_op is _C.RANGE and item[1] - item[0] < 64:
                atoms.update(re.escape(chr(c)) for c in range(item[0], item[1] + 1))
            elif item_op is _C.CATEGORY and item is _C.CATEGORY_DIGIT:
                atoms.add(r"\d")
            else:  # a negated set, \w, \s, a wide range: anything
                return _ANYTHING
        return {(a,) + t for a in atoms for t in _prefixes(rest, k - 1)}
    if op is _C.BRANCH:
        return set().union(*(_prefixes(list(alt) + rest, k) for alt in av[1]))
    if op is _C.SUBPATTERN:
        return _prefixes(list(av[-1]) + rest, k)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
        lo, hi, body = av
        out = _prefixes(rest, k) if lo == 0 else set()
        if hi is _C.MAXREPEAT or hi > 1:
            again = [(op, (max(lo - 1, 0), hi if hi is _C.MAXREPEAT else hi - 1, body))]
        else:
            again = []
        if hi is _C.MAXREPEAT or hi > 0:
            out |= _prefixes(list(body) + again + rest, k)
        return out
    return _ANYTHING  # any character, a category, a group reference


def _trie(prefixes) -> str:
    by_first = defaultdict(set)
    for p in prefixes:
        by_first[p[0]].add(p[1:])
    parts = []
    for first, rests in sorted(by_first.items()):
        if () in rests:  # (anything may follow the first atom)
            parts.append(first)
        else:
            parts.append(f"{first}(?:{_trie(rests)})")
    return "|".join(parts)


def prefix_gate(patterns, flags: int = 0) -> str | None:
    """A regex that matches wherever one of ``patterns`` (stdlib ``re`` syntax, compiled with
    ``flags``) can match, and rejects most other places in a few steps; None when one of them can
    start with anything. Use it as ``(?=gate)`` before their alternation."""
    out = set()
    for p in patterns:
        prefixes = _prefixes(list(_sre_parse.parse(p, flags)), _DEPTH)
        if () in prefixes:
            return None
        out |= prefixes
    if flags & re.IGNORECASE:
        out = {tuple(a.lower() for a in p) for p in out}
    return _trie(out)


def finditer_at(pattern, text: str, words, back: int):
    """The matches of ``pattern.finditer(text)``, tried only where one of ``words`` stands or up to
    ``back`` characters before: the same matches when every match of ``pattern`` holds one of
    ``words`` at most ``back`` characters after its start (a search with an alternation of many
    names at every offset of a long article is slow; Aho-Corasick finds the places in one pass).

    >>> [m.group() for m in finditer_at(re.compile(r"(?<!\\w)(?:wa)?(?:ali|bob)\\b"), "ali waali kali bob", ["ali", "bob"], 2)]
    ['ali', 'waali', 'bob']
    """
    if not words:
        return
    following = 0  # the first offset not tried yet and not inside the last match
    for at in word_starts(text, words):
        p = max(at - back, following)
        while p <= at:  # (each offset once, left to right, as a search would reach them)
            m = pattern.match(text, p)  # (a lookbehind sees the text before p, as in the search)
            if m is not None:
                yield m
                p = max(p + 1, m.end())
            else:
                p += 1
            following = p


def word_starts(text: str, words) -> list[int]:
    """The sorted offsets where one of ``words`` is written in ``text`` (anywhere: inside a word too),
    found in one Aho-Corasick pass.

    >>> word_starts("General Gen. McGen", ("Gen", "General"))
    [0, 8, 15]
    """
    if not words:
        return []
    return sorted({end - n + 1 for end, n in _automaton(tuple(words)).iter(text)})


@lru_cache(maxsize=32)
def _automaton(words: tuple):
    """An Aho-Corasick automaton of ``words`` (the same word lists recur: one per article's surnames,
    one of data/not_actors.csv)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, len(w))
    auto.make_automaton()
    return auto


_LETTER = re.compile(r"[^\W\d_]")  # a letter as ``re`` reads one (what a run of ``[^\W\d_]+`` is made of)


def lowered(text: str) -> str:
    """``text`` in lower case letter for letter, so that its offsets are the text's (a letter whose
    lower case is longer, as İ, is kept as written).

    >>> lowered("Between İzmir and ÉTAT")
    'between İzmir and état'
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class WordFinder:
    """Where the listed words stand in a text as whole runs of letters (``[^\\W\\d_]+``, the runs a
    ``re.finditer`` of that pattern gives), in one Aho-Corasick pass rather than a look-up for every
    word of the text.

    >>> [(a, b) for a, b in WordFinder(["من", "between"]).finditer("between 3 and 5; ضمن من 300")]
    [(0, 7), (21, 23)]
    """

    def __init__(self, words):
        self.words = frozenset(w for w in words if w and re.fullmatch(r"[^\W\d_]+", w))
        self._auto = _automaton(tuple(sorted(self.words))) if self.words else None

    def finditer(self, text: str):
        """``(start, end)`` of each listed word of ``text`` that is a whole run of letters, left to right."""
        if self._auto is None:
            return
        letter = _LETTER.match
        n = len(text)
        for end, size in self._auto.iter(text):
            start, end = end - size + 1, end + 1
            if (start == 0 or not letter(text, start - 1)) and (end == n or not letter(text, end)):
                yield start, end
