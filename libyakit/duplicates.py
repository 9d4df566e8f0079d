"""Reprints and near-duplicates: which articles tell the same story, and what an outlet changed.

The same wire story reprinted by ten outlets counts ten times in every table an
extractor makes. :func:`find_duplicates` groups near-identical articles into
stories; :func:`dedupe` keeps one article per story, so that any extractor
counts stories instead of articles (``ly.extract_forces(ly.dedupe(articles))``);
:func:`per_story` puts the story on rows already extracted; :func:`diff_articles`
shows, word by word, what one copy changed (like LexisNexisTools' ``lnt_diff``).

How: each article becomes the set of its word 3-shingles on a *matching key*
(:mod:`libyakit.keys`: :func:`libyakit.normalize_arabic` folds diacritics, tatweel
and alef/ya/ta marbuta variants; the proclitics the joined-word repair knows, و ف
ب ل ك س and the article ال in their combinations, are cut from the front of a
word when three letters or more remain, so "والمرتزقة" and "للمرتزقة" shingle
alike; Latin letters are case-folded). A MinHash of each set (``datasketch``, 128 permutations) goes into
an LSH index whose bands are tuned a little below ``threshold``; every candidate
pair that the index returns is kept when the exact Jaccard similarity of the two
shingle sets reaches ``threshold``, and kept pairs are joined into stories
(connected components). The work is linear in the corpus: one signature per article, one
index lookup per article.

Measured (``python benchmarks/duplicates.py``): over the 20,093 SaudiNewsNet
articles with 1,000 planted altered reprints (new headline, a paragraph added or
dropped, three words changed), 13–27 s in one process on a shared 2-core machine,
recall 0.998, precision 0.995 (the 11 "wrong" neighbours, read by hand, are further
reprints of the same story that the copy linked: see docs/workflow.md).

Across languages: never. An Arabic article and its English translation share no
shingles, and we have no translation we could show; they stay separate stories.

>>> import pandas as pd
>>> text = ("قالت مصادر عسكرية إن المرتزقة غادروا قاعدة الجفرة الجوية صباح السبت "
...         "بعد توقيع اتفاق وقف إطلاق النار في جنيف برعاية البعثة الأممية للدعم في ليبيا.")
>>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "lang": ["ar"] * 3,
...                      "text": [text, "و" + text.replace("السبت", "الأحد"), "خبر آخر تماما عن الطقس في بنغازي اليوم."]})
>>> find_duplicates(arts)[["article_id", "story_id", "story_size"]].values.tolist()
[['a', 'a', 2], ['b', 'a', 2], ['c', 'c', 1]]
"""

from __future__ import annotations

import difflib
import html
import zlib
from functools import lru_cache

import numpy as np
import regex

from .clean import normalize_arabic
from .keys import WORD, bare_key, word_hash

__all__ = ["find_duplicates", "dedupe", "per_story", "diff_articles", "diff_html", "shingles", "STORY_COLUMNS"]

STORY_COLUMNS = ["article_id", "story_id", "story_size", "is_first"]

NUM_PERM = 128  # MinHash permutations: the Jaccard estimate's standard error is about 0.04 at 0.5
SHINGLE = 3  # words per shingle
MIN_SHINGLES = 5  # an article with fewer (a caption, a one-line brief) is its own story
SEED = 1  # the permutations' seed: fixed, so that stories are the same on every run
# The LSH index is tuned this far below the threshold: a MinHash estimate is off by about 0.04,
# so pairs just above the threshold would otherwise be missed (planted reprints in SaudiNewsNet:
# recall 0.984 with the estimate deciding at the threshold, 0.998 with this margin and the exact check).
CANDIDATE_MARGIN = 0.15

def key_words(text: str) -> list[str]:
    """The words of ``text`` as matching keys: folded letters, no marks, the longest proclitic cut.

    >>> key_words("والمرتزقةُ، للمرتزقة The U.N.")
    ['مرتزقه', 'مرتزقه', 'the', 'u', 'n']
    """
    return [bare_key(w) for w in WORD.findall(text)]


def shingles(text: str, *, size: int = SHINGLE, cache: dict | None = None) -> np.ndarray:
    """The distinct 32-bit hashes of the ``size``-word shingles of ``text``'s matching key
    (of the whole text, when it has fewer words), sorted. ``cache`` (word -> hash) saves
    work over a corpus, whose words repeat."""
    words = WORD.findall(text)
    if not words:
        return np.zeros(0, dtype=np.uint64)
    if cache is None:
        cache = {}
    hashes = []
    for w in words:
        v = cache.get(w)
        if v is None:
            v = cache[w] = word_hash(w)
        hashes.append(v)
    h = np.array(hashes, dtype=np.uint64)
    if len(h) < size:
        h = np.array([zlib.crc32(" ".join(map(bare_key, words)).encode("utf-8"))], dtype=np.uint64)
    else:  # combine the words' hashes position by position (wraps modulo 2**64), keep 32 bits
        mixed = np.zeros(len(h) - size + 1, dtype=np.uint64)
        for i in range(size):
            mixed = mixed * np.uint64(0x9E3779B1) + h[i:len(h) - size + 1 + i]
        h = mixed & np.uint64(0xFFFFFFFF)
    return np.unique(h)


def _identity(x):
    return x


def _signatures(texts, num_perm: int):
    """The shingles of each text and one datasketch MinHash of them (None for a text
    with too few shingles)."""
    from datasketch import LeanMinHash, MinHash

    template = MinHash(num_perm=num_perm, seed=SEED)
    out, sets, cache = [], [], {}
    for text in texts:
        sh = shingles(text, cache=cache)
        sets.append(sh)
        if len(sh) < MIN_SHINGLES:
            out.append(None)
            continue
        m = MinHash(num_perm=num_perm, seed=SEED, hashfunc=_identity, permutations=template.permutations,
                    scheme=template.scheme)
        m.update_batch(sh.tolist())
        out.append(LeanMinHash(m))
    return sets, out


def _components(n: int, pairs) -> list[int]:
    """Union-find: the smallest index of each item's connected component."""
    parent = list(range(n))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return [root(i) for i in range(n)]


def find_duplicates(articles, *, threshold: float = 0.5, num_perm: int = NUM_PERM):
    """Group near-identical articles into stories.

    Parameters
    ----------
    articles
        The articles table (:func:`libyakit.load_articles`): ``article_id``,
        ``text`` and, when present, ``lang`` (articles in different languages are
        never grouped) and ``date`` (the earliest copy names the story).
    threshold
        The Jaccard similarity of two articles' shingle sets from which
        they count as the same story. 0.5 (default) keeps reprints with a new
        headline, a paragraph added or dropped and words changed; raise it to group
        only near-verbatim copies.

    Returns one row per article, in the order of ``articles``: ``article_id``,
    ``story_id`` (the ``article_id`` of the story's first copy: earliest date, then
    smallest id), ``story_size`` (copies in the story) and ``is_first``. The
    pairs behind the groups are in ``.attrs["pairs"]`` (``article_id_a``,
    ``article_id_b``, ``similarity``).
    """
    import pandas as pd
    from datasketch import MinHashLSH

    if not 0 < threshold < 1:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold!r}")
    ids = articles["article_id"].astype(str).tolist()
    n = len(ids)
    langs = articles["lang"].tolist() if "lang" in articles else [""] * n
    sets, sigs = _signatures(articles["text"].fillna("").astype(str), num_perm)
    # the index finds candidates a little below the threshold; the exact similarity decides
    lsh = MinHashLSH(threshold=max(0.1, threshold - CANDIDATE_MARGIN), num_perm=num_perm)
    with lsh.insertion_session() as session:
        for i, m in enumerate(sigs):
            if m is not None:
                session.insert(i, m, check_duplication=False)
    pairs = []
    for i, m in enumerate(sigs):
        if m is None:
            continue
        for j in lsh.query(m):
            if j > i and langs[i] == langs[j]:
                shared = len(np.intersect1d(sets[i], sets[j], assume_unique=True))
                sim = shared / (len(sets[i]) + len(sets[j]) - shared)
                if sim >= threshold:
                    pairs.append((i, j, sim))
    comp = _components(n, [(i, j) for i, j, _ in pairs])
    # the story's first copy: earliest date, then smallest id
    if "date" in articles:
        dates = pd.to_datetime(articles["date"], errors="coerce").tolist()
    else:
        dates = [pd.NaT] * n
    order = sorted(range(n), key=lambda k: (pd.isna(dates[k]), dates[k] if not pd.isna(dates[k]) else 0, ids[k]))
    first: dict[int, int] = {}
    for k in order:
        first.setdefault(comp[k], k)
    story = [ids[first[c]] for c in comp]
    size = pd.Series(comp).map(pd.Series(comp).value_counts()).astype("int64").tolist()
    out = pd.DataFrame({"article_id": ids, "story_id": story, "story_size": size,
                        "is_first": [first[comp[k]] == k for k in range(n)]}, columns=STORY_COLUMNS)
    out.attrs["pairs"] = pd.DataFrame([(ids[i], ids[j], round(s, 3)) for i, j, s in pairs],
                                      columns=["article_id_a", "article_id_b", "similarity"])
    out.attrs["threshold"] = threshold
    return out


def dedupe(articles, *, threshold: float = 0.5, stories=None):
    """One article per story: the first copy of each, with ``story_id`` and
    ``story_size`` columns added, so that whatever is extracted from it counts stories.

    ``stories``: a table from :func:`find_duplicates` (computed when not given).
    Every extractor takes the result as it takes ``articles``::

        forces = ly.extract_forces(ly.dedupe(articles))   # one row set per story
    """
    if stories is None:
        stories = find_duplicates(articles, threshold=threshold)
    info = stories.set_index(stories["article_id"].astype(str))
    key = articles["article_id"].astype(str)
    keep = key.map(info["is_first"]).fillna(True).astype(bool).to_numpy()  # an article not in stories: its own
    out = articles.loc[keep].copy()
    out["story_id"] = key[keep].map(info["story_id"]).fillna(key[keep])
    out["story_size"] = key[keep].map(info["story_size"]).fillna(1).astype("int64")
    out.attrs = dict(articles.attrs)
    out.attrs["dedupe"] = {"threshold": stories.attrs.get("threshold", threshold),
                           "articles": len(articles), "stories": len(out)}
    return out.reset_index(drop=True)


def per_story(rows, stories):
    """Extracted ``rows`` (any table with ``article_id``) with the ``story_id`` of their article.

    Count stories rather than articles with ``rows.groupby(...)["story_id"].nunique()``,
    or keep one row per story and value with ``drop_duplicates(["story_id", ...])``.
    """
    story = stories.set_index("article_id")["story_id"]
    out = rows.copy()
    out["story_id"] = out["article_id"].astype(str).map(story)
    return out


_WORD_OR_SPACE = regex.compile(r"\s+|[^\s]+")


def diff_articles(articles, a: str, b: str):
    """What changed from article ``a`` to article ``b``, word by word (difflib).

    One row per change: ``op`` ("replace", "delete" or "insert"), ``old`` (words of
    ``a``), ``new`` (words of ``b``), and ``a_start, a_end, b_start, b_end``: character
    offsets in each article's ``text`` (``text[a_start:a_end] == old``).

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["x", "y"],
    ...                      "text": ["غادر 300 مرتزق سرت يوم السبت", "غادر 400 مرتزق سرت يوم السبت الماضي"]})
    >>> diff_articles(arts, "x", "y")[["op", "old", "new"]].values.tolist()
    [['replace', '300', '400'], ['insert', '', 'الماضي']]
    """
    import pandas as pd

    texts = articles.set_index(articles["article_id"].astype(str))["text"]
    ta, tb = str(texts[str(a)]), str(texts[str(b)])
    wa, wb = _spans(ta), _spans(tb)
    ka = [normalize_arabic(ta[s:e]) for s, e in wa]
    kb = [normalize_arabic(tb[s:e]) for s, e in wb]
    rows = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        a0 = wa[i1][0] if i1 < i2 else (wa[i1 - 1][1] if i1 else 0)
        a1 = wa[i2 - 1][1] if i1 < i2 else a0
        b0 = wb[j1][0] if j1 < j2 else (wb[j1 - 1][1] if j1 else 0)
        b1 = wb[j2 - 1][1] if j1 < j2 else b0
        rows.append((op, ta[a0:a1], tb[b0:b1], a0, a1, b0, b1))
    return pd.DataFrame(rows, columns=["op", "old", "new", "a_start", "a_end", "b_start", "b_end"])


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(r"\S+", text)]


def diff_html(articles, a: str, b: str):
    """Article ``b`` with what it changed from ``a`` marked: deleted words struck through
    (``<del>``), added words underlined (``<ins>``); right to left for Arabic. Text is
    escaped. Returns an ``IPython.display.HTML`` (its ``.data`` is the HTML string)."""
    from IPython.display import HTML

    texts = articles.set_index(articles["article_id"].astype(str))
    tb = str(texts.loc[str(b), "text"])
    lang = texts.loc[str(b), "lang"] if "lang" in texts else ""
    parts, pos = [], 0
    for row in diff_articles(articles, a, b).itertuples():
        parts.append(html.escape(tb[pos:row.b_start]))
        if row.old:
            parts.append(f'<del style="color:#b00">{html.escape(row.old)}</del> ')
        if row.new:
            parts.append(f'<ins style="color:#070">{html.escape(row.new)}</ins>')
        pos = row.b_end
    parts.append(html.escape(tb[pos:]))
    direction = "rtl" if lang == "ar" else "auto"
    body = "".join(parts).replace("\n", "<br>")
    return HTML(f'<div dir="{direction}"><p><b>{html.escape(str(a))} → {html.escape(str(b))}</b></p>{body}</div>')
