"""A character n-gram model of how Arabic words are spelled.

The joined-word repair must judge forms no lexicon has seen: is
"استخدموهم" a rare word (it is) and "الايرانيقدتتأخر" three words that
lost their spaces (they are)? Letter sequences tell them apart: word ends
like "ي" followed by word starts like "قد" are rare inside real words.

The model is an interpolated Witten–Bell character model of order
``ORDER`` trained on the *types* (each form once) of wordfreq's Arabic list
below Zipf ``TRAIN_BELOW_ZIPF`` — the rare forms that unseen words resemble.
It is built from wordfreq alone, never from the text being repaired, in a few
seconds, and kept in a cache file (``$XDG_CACHE_HOME/libyakit`` or
``~/.cache/libyakit``; ``LIBYAKIT_CACHE`` overrides it) so it is built once per
machine.

>>> lm = char_model()
>>> lm.logp("استخدموهم") > lm.logp("الايرانيقدتتأخر")
True
"""

from __future__ import annotations

import math
import os
import pickle
import re
import warnings
from collections import Counter
from functools import lru_cache, reduce
from operator import add
from pathlib import Path

from .clean import ARABIC_LETTERS

ORDER = 5  # letters of context + 1
TRAIN_BELOW_ZIPF = 3.0
_START, _END = "^", "$"
_VERSION = 2
_WORD = re.compile(f"^[{ARABIC_LETTERS}]+$")


class CharModel:
    """log10 P(form) under the character model (start and end of word included)."""

    def __init__(self, logprob: dict[str, float], backoff: dict[str, float], floor: float):
        self._lp = logprob  # context+letter -> interpolated log10 P(letter | context)
        self._bo = backoff  # context -> log10 weight given to the shorter context
        self._floor = floor  # log10 P of a letter never seen at all

    def cond(self, context: str, ch: str) -> float:
        """log10 P(ch | context), context at most ORDER - 1 letters."""
        lp, bo = self._lp, self._bo
        acc = 0.0
        while True:
            v = lp.get(context + ch)
            if v is not None:
                return acc + v
            acc += bo.get(context, 0.0)
            if not context:  # a letter never seen in training
                return acc + self._floor
            context = context[1:]

    def logp(self, form: str) -> float:
        s = _START + form + _END
        n, size = ORDER - 1, len(s)
        grams = [s[:i + 1] for i in range(1, min(n, size))] + [s[i - n:i + 1] for i in range(n, size)]
        vals = list(map(self._lp.get, grams))  # most n-grams were seen in training: one lookup each
        if None in vals:
            cond = self.cond
            for k, v in enumerate(vals):
                if v is None:
                    vals[k] = cond(grams[k][:-1], grams[k][-1])
        # left to right, one rounding per addition: the same double on every Python (sum() of
        # floats compensates its rounding since 3.12) and in the compiled core
        return reduce(add, vals, 0.0)


def train(words, order: int = ORDER) -> CharModel:
    """Witten–Bell interpolated model over the given word types."""
    grams = Counter()
    for k in range(1, order + 1):  # n-gram length k: context of k - 1 letters
        grams.update(s[i - k + 1:i + 1] for w in words for s in (_START + w + _END,)
                     for i in range(max(1, k - 1), len(s)))
    total, types = Counter(), Counter()
    for g, c in grams.items():
        total[g[:-1]] += c
        types[g[:-1]] += 1
    letters = {g for g in grams if len(g) == 1}
    floor = -math.log10(len(letters) + 1)
    logprob: dict[str, float] = {}
    for g in sorted(grams, key=len):  # shorter contexts first: each n-gram interpolates with the one below
        h = g[:-1]
        lower = 10 ** logprob[g[1:]] if h else 10 ** floor
        t, u = total[h], types[h]
        logprob[g] = math.log10((grams[g] + u * lower) / (t + u))
    backoff = {h: math.log10(types[h] / (t + types[h])) for h, t in total.items()}
    return CharModel(logprob, backoff, floor)


def _cache_dir() -> Path:
    env = os.environ.get("LIBYAKIT_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "libyakit"


def _training_words() -> list[str]:
    from wordfreq import get_frequency_dict

    limit = 10 ** (TRAIN_BELOW_ZIPF - 9)
    return [w for w, f in get_frequency_dict("ar", "large").items() if f < limit and _WORD.match(w)]


@lru_cache(maxsize=1)
def char_model() -> CharModel:
    """The model, loaded from the cache file or built (and cached) on first use."""
    from importlib.metadata import version

    # pickle (three times faster to load than marshal here); the file is the user's own cache
    path = _cache_dir() / f"charlm-v{_VERSION}-o{ORDER}-z{TRAIN_BELOW_ZIPF}-wordfreq{version('wordfreq')}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as f:
                lp, bo, floor = pickle.load(f)
            return CharModel(lp, bo, floor)
        except (OSError, pickle.UnpicklingError, ValueError, EOFError, TypeError) as e:
            warnings.warn(f"unreadable character model cache {path} ({e}); building it again", stacklevel=2)
    model = train(_training_words())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump((model._lp, model._bo, model._floor), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as e:  # a read-only home: keep the model in memory only
        warnings.warn(f"could not cache the character model in {path.parent} ({e}); it will be built again "
                      f"in the next session (set LIBYAKIT_CACHE to a writable folder)", stacklevel=2)
    return model
