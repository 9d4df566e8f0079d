"""Actor mentions: every place an article names a state, body, group or person.

One pass per article over all aliases at once (Aho-Corasick, pyahocorasick),
on a matching key of the text: Arabic letters normalised (no diacritics,
unified alef/ya/ta-marbuta) with a map back to the original offsets, English
as written (case matters: "US" is the United States, "us" is not).

Arabic names carry clitics and endings. A match counts when

* it starts a word, or follows only proclitics in the same word
  (و ف ب ل ك, the article ال and their combinations: وروسيا، لروسيا، والروس);
  an alias starting with ال also matches after ل with the alef dropped
  ("للأمم المتحدة" is ل + الأمم المتحدة);
* it ends a word, or — for nisba adjectives only — is followed by a nisba
  ending (الروسية، السوريين، التشاديين).

Overlapping matches are resolved longest first, so "الأمم المتحدة" is never
the United States, "الجيش الوطني الليبي" is the LNA rather than Libya, and
"المتحدة" alone belongs to nobody. The surface spans whole words, clitics
included: ``text[start:end] == surface``.

>>> m = mentions_in("دعت الولايات المتحدة تركيا وروسيا وقال للأمم المتحدة")
>>> [(x.actor_id, x.surface) for x in m]
[('USA', 'الولايات المتحدة'), ('TUR', 'تركيا'), ('RUS', 'وروسيا'), ('un', 'للأمم المتحدة')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import regex

from .arabic import CONJUNCTION_RE, KEY_LETTERS, MARK_CODEPOINTS, TATWEEL, proclitics
from .document import Mention
from .gazetteer import NISBA_ENDINGS, Alias, actor_info, actors_table, alias_entries, match_key
from .persons import OWNER_STATE, owner_states, unlisted
from .regex_gate import finditer_at
from .rules import row_rule
from .sentences import SpanSet

__all__ = ["extract_actors", "actor_rows", "mentions_in", "Mention", "ACTOR_COLUMNS"]

ACTOR_COLUMNS = ["article_id", "actor_id", "name_en", "name_ar", "kind", "start", "end", "surface",
                 "alias", "alias_type", "rule"]
GAZETTEER = row_rule("actors.gazetteer", "an alias of the gazetteer (data/actors.csv, aliases.csv, states.csv)")
SURNAME = row_rule("actors.surname", "a person the article named in full, named again by last name alone")

_PROCLITICS = proclitics()  # "", و, وب, وبال, لل ... (the Arabic profile's)
_CONTRACTED_ARTICLE = {"ل", "ول", "فل"}  # before an ال-alias written لل...
# A state's name that is written without the article never takes it: "المالي" is "the financial",
# not Mali, and "الفرنسا" is never written (the adjective is a nisba alias of its own).
_WITH_ARTICLE = _PROCLITICS - proclitics(article=False)
_DROP = {chr(c) for c in MARK_CODEPOINTS} | {TATWEEL}
_KEY_PAIRS = tuple(KEY_LETTERS.items())  # the letters normalize_arabic unifies (alef, ya, ta marbuta, Persian ی ک)
_NISBA_SUFFIXES = set(NISBA_ENDINGS)


def _is_ar_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"


_AR_LETTERS = frozenset(chr(c) for c in range(0x0600, 0x0700) if _is_ar_letter(chr(c)))  # (a set look-up is faster)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _kind(actor_id: str) -> str:
    return actor_info()[actor_id].kind


@lru_cache(maxsize=1)
def _automaton():
    """The aliases' Aho-Corasick automaton: key -> ``(length, English entries, Arabic entries)``, an
    Arabic entry as ``(alias, contracted, bare_state)`` (see :func:`_ar_entry`)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    table: dict[str, list[tuple]] = {}
    for e in alias_entries():
        table.setdefault(e.key, []).append((e, False))
        if e.lang == "ar" and e.key.startswith("ال") and len(e.key) > 3:
            table.setdefault(e.key[1:], []).append((e, True))  # لل-contraction: drop the alef
    for lang, phrase in _not_actors():  # a phrase that names nobody: it wins and is dropped
        table.setdefault(match_key(phrase, lang), []).append((Alias("", lang, phrase, "not_actor",
                                                                    match_key(phrase, lang)), False))
    for key, entries in table.items():
        # (the entries keep their order: the matcher tries them as the table lists them)
        auto.add_word(key, (len(key), tuple(e for e, _ in entries),
                            tuple(e.lang == "en" or _ar_entry(e, contracted) for e, contracted in entries)))
    auto.make_automaton()
    return auto


def _ar_entry(e: Alias, contracted: bool) -> tuple:
    """What the matcher checks of an Arabic entry: whether it is the لل-contraction of an ال-alias,
    and whether it is a state's name written without the article (which never takes it)."""
    bare_state = e.alias_type in ("name", "variant") and not e.key.startswith("ال") and _kind(e.actor_id) == "state"
    return contracted, bare_state


@lru_cache(maxsize=1)
def _not_actors() -> tuple[tuple[str, str], ...]:
    """``(lang, phrase)`` of data/not_actors.csv: words an actor's name stands inside that name no
    actor ("دولار أمريكي", "Libyan dinars": a currency is no state), validated."""
    import csv

    from .errors import DataFileError
    from .paths import data_path

    path = data_path("not_actors.csv")
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            lang, phrase = (row.get("lang") or "").strip(), (row.get("phrase") or "").strip()
            if lang not in ("ar", "en"):
                raise DataFileError(path, n, f"unknown lang {lang!r}; expected 'ar' or 'en'")
            if not phrase:
                raise DataFileError(path, n, "empty phrase")
            out.append((lang, phrase))
    return tuple(out)


# "أبو يحيى التونسي", "أبو محمد العدناني": a kunya and a first name before a nisba make it part of a name
# (also a theophoric first name, عبد + a word: "رفيقه عبد الرحيم الجزائري")
_KUNYA_BEFORE = regex.compile(rf"(?<![\p{{L}}]){CONJUNCTION_RE}?(?:أبو|ابو|أبي|ابي|أبا|أم|عبد)\s+\p{{L}}+\s+$")
_DROP_RE = re.compile("[" + "".join(sorted(_DROP)) + "]")  # (a class of single characters: re is faster)


class _Offsets:
    """Text offset of each key character, from the key positions of the dropped marks.

    A dropped character at text offset ``d`` (the j-th one dropped) sits before
    key position ``d - j``; key position ``k`` is at text offset ``k`` plus the
    number of dropped characters before it.
    """

    def __init__(self, dropped_at: list[int]):
        self.key_pos = [d - j for j, d in enumerate(dropped_at)]

    def __getitem__(self, k: int) -> int:
        return k + bisect_right(self.key_pos, k)


def _key_text(text: str):
    """Matching key of ``text`` and, for each key character, its offset in ``text``."""
    dropped = [m.start() for m in _DROP_RE.finditer(text)]
    key = _DROP_RE.sub("", text) if dropped else text
    for a, b in _KEY_PAIRS:  # a few str.replace scans beat one translate with a dict table
        if a in key:
            key = key.replace(a, b)
    return key, _Offsets(dropped)


def mentions_in(text: str, *, surnames: bool = True) -> list[Mention]:
    """All actor mentions in one text, longest match first, sorted by position.

    With ``surnames``, a person the text has named in full is found again by last name
    alone further on (alias_type ``surname``)."""
    key, idx = _key_text(text)
    n = len(key)
    candidates = []  # (-length, start, nisba, order, end, alias): sorted longest, then leftmost, a name before a nisba
    for end_k, (length, entries, checks) in _automaton().iter(key):
        start_k = end_k - length + 1
        ar_bounds = None  # (the word around an Arabic match, the same for each of its entries)
        for e, check in zip(entries, checks):
            if check is True:  # English: whole words as written
                if start_k > 0 and key[start_k - 1].isalnum():
                    continue
                if end_k + 1 < n and key[end_k + 1].isalnum():
                    continue
                ws, we = start_k, end_k + 1
            else:
                if ar_bounds is None:
                    ws = start_k
                    while ws > 0 and key[ws - 1] in _AR_LETTERS:
                        ws -= 1
                    we = end_k + 1
                    while we < n and key[we] in _AR_LETTERS:
                        we += 1
                    ar_bounds = ws, we, key[ws:start_k], key[end_k + 1:we]
                ws, we, prefix, suffix = ar_bounds
                contracted, bare_state = check
                if contracted and prefix not in _CONTRACTED_ARTICLE:
                    continue
                if prefix not in _PROCLITICS:
                    continue
                if bare_state and prefix in _WITH_ARTICLE:
                    continue
                if suffix and not (e.nisba and suffix in _NISBA_SUFFIXES):
                    continue
            candidates.append((ws - we, ws, e.nisba, len(candidates), we, e))
    candidates.sort()
    # the key offsets taken, one byte each (a scan of every span taken was quadratic; a sorted list of
    # spans, which a candidate is inserted into anywhere, grew slower with the article's length too)
    taken = bytearray(n)
    chosen = []
    for _, ws, _, _, we, e in candidates:
        if taken.find(1, ws, we) != -1:
            continue
        taken[ws:we] = b"\x01" * (we - ws)
        if not e.actor_id:
            continue  # a phrase that names no actor (data/not_actors.csv) keeps its words from them
        start = idx[ws]
        if e.nisba and _KUNYA_BEFORE.search(text, max(0, start - 30), start):
            continue  # "أبو يحيى التونسي", "عبد الرحيم الجزائري": a nisba in a (nom de guerre) name is part of it
        end = idx[we - 1] + 1
        while end < len(text) and text[end] in _DROP:  # trailing diacritics belong to the word
            end += 1
        chosen.append(Mention(e.actor_id, start, end, text[start:end], e.alias, e.alias_type))
    chosen.sort(key=lambda m: (m.start, m.end))
    if surnames:
        chosen = _with_surnames(text, key, idx, chosen)
    return chosen


# Words a last name does not stand alone as: the particles inside names ("جاويش أوغلو" is the
# last name, not أوغلو)
_NAME_PARTICLES = {"اوغلو", "بن", "ابن", "ابو", "عبد", "oglu", "bin", "ibn", "abu", "abdel", "abdul", "al", "el",
                   "de", "van", "von"}
_AR_SURNAME_PROCLITICS = tuple(sorted(proclitics(article=False)))  # (a last name takes no article)
_EN_ARTICLE = regex.compile(r"^(?:al|el)-(?=\p{Lu})")


# capitalised words that may stand right before a last name: titles, and words that open a sentence
_BEFORE_SURNAME = set("""Mr Mrs Ms Dr Miss President Envoy Minister Ambassador General Gen Marshal Field Secretary
Spokesman Spokeswoman Commander Prime Chancellor Colonel Col Lt Major Maj King Prince Sheikh Emir Brig Admiral Adm
Senator Sen Rep Judge Mayor Special Acting Deputy Foreign Defence Defense Interior Premier Counterpart
When But And As If After Before While Meanwhile Then So Yet Later Earlier Also Both Neither Nor Since Though Although
Because Unlike Like Under For With Without Whether""".split())
_WORD_BEFORE = regex.compile(r"(\p{Lu}[\p{L}.'-]*)\s+$")


def _other_first_name(text: str, start: int) -> bool:
    """Whether the word before ``start`` is a capitalised word that is no title or acronym:
    another person's first name."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group(1).rstrip(".")
    return not (word.isupper() or word in _BEFORE_SURNAME)


def _surname_keys(alias_key: str, lang: str) -> list[str]:
    """The last name of a person's full-name alias (match key), as an article may use it
    alone: "Stephanie Williams" -> Williams; "Fayez al-Sarraj" -> al-Sarraj and Sarraj;
    "مولود جاويش أوغلو" -> جاويش اوغلو. Empty for a one-word alias."""
    words = alias_key.split()
    if len(words) < 2:
        return []
    last = words[-1]
    if last.lower() in _NAME_PARTICLES and len(words) >= 3:
        last = " ".join(words[-2:])
    if (last.split()[0].lower() in _NAME_PARTICLES) or len(last.replace(" ", "")) < 3:
        return []
    keys = [last]
    if lang == "en" and _EN_ARTICLE.match(last):
        keys.append(_EN_ARTICLE.sub("", last))
    return keys


COMMON_WORD_ZIPF = 3.0


def _common_word(surname: str) -> bool:
    """Whether an Arabic last name is also a common word: one that takes the article
    (wordfreq has ال + it at Zipf ``COMMON_WORD_ZIPF`` or more: صالح "good", سلامة "safety"),
    which a foreign or family name seldom does (الويليامز, الحفتر)."""
    if surname.startswith("ال") or " " in surname:
        return False
    from .segment import _lexicon, _zipf

    return _zipf(_lexicon().get("ال" + surname, 0.0)) >= COMMON_WORD_ZIPF


def _with_surnames(text: str, key: str, idx, chosen: list[Mention]) -> list[Mention]:
    """``chosen`` and the later mentions of a person by last name alone, once the text has
    named them in full ("Stephanie Williams ... Williams told reporters", "ستيفاني ويليامز ...
    وأضافت ويليامز"). A last name two persons of the text share is left alone."""
    info = actor_info()
    # (lang, surname key) -> (actor, end of the first full mention, the surname as the alias spells it)
    first: dict[tuple[str, str], tuple[str, int, str]] = {}
    shared = set()
    for m in chosen:
        if info[m.actor_id].kind != "person" or m.alias_type == "surname":
            continue
        lang = "ar" if any(_is_ar_letter(c) for c in m.alias) else "en"
        for k in _surname_keys(m.alias if lang == "en" else _key_text(m.alias)[0], lang):
            spelled = k if lang == "en" else " ".join(m.alias.split()[-len(k.split()):])
            if lang == "ar" and _common_word(spelled):
                continue
            prev = first.get((lang, k))
            if prev is None:
                first[(lang, k)] = (m.actor_id, m.end, spelled)
            elif prev[0] != m.actor_id:
                shared.add((lang, k))
    if not first:
        return chosen
    taken = SpanSet((m.start, m.end) for m in chosen)
    added = []
    # one pass over the text per language for every surname at once (a pass per surname made a
    # long article with many people quadratic); the longer of two surnames sharing a start wins
    live = {lk: v for lk, v in first.items() if lk not in shared}
    for lang in ("en", "ar"):
        keys = sorted((k for (lg, k) in live if lg == lang), key=len, reverse=True)
        if not keys:
            continue
        names = "|".join(regex.escape(k) for k in keys)
        if lang == "en":
            pattern = rf"(?<![\w-])(?P<k>{names})(?![\w-])"
            words, back = keys, 0
        else:
            pattern = rf"(?<![\p{{L}}])(?:(?:{'|'.join(_AR_SURNAME_PROCLITICS)})(?P<k>{names})"
            with_article = [k for k in keys if k.startswith("ال")]
            if with_article:  # للسراج: ل + السراج with the alef dropped
                pattern += rf"|{CONJUNCTION_RE}?ل(?P<k2>{'|'.join(regex.escape(k[1:]) for k in with_article)})"
            pattern += r")(?![\p{L}])"
            words, back = keys + [k[1:] for k in with_article], _SURNAME_BACK
        for hit in finditer_at(regex.compile(pattern), key, words, back):
            k = hit.group("k") if hit.group("k") is not None else "ا" + hit.group("k2")
            actor, after, spelled = live[(lang, k)]
            start, end = idx[hit.start()], idx[hit.end() - 1] + 1
            while end < len(text) and text[end] in _DROP:
                end += 1
            if start < after or taken.overlaps(start, end):
                continue
            if lang == "en" and _other_first_name(text, start):
                continue  # "Serena Williams" is not Stephanie Williams
            taken.add(start, end)
            added.append(Mention(actor, start, end, text[start:end], spelled, "surname"))
    if not added:
        return chosen
    return sorted(chosen + added, key=lambda m: (m.start, m.end))


_SURNAME_BACK = max(len(c) for c in _AR_SURNAME_PROCLITICS + ("فل",))  # (what stands before a surname: a
# proclitic, or و/ف and the ل of للسراج)


def with_unlisted(text: str, mentions) -> list:
    """The gazetteer's ``mentions`` of ``text`` and the people and organisations it does not list
    (:mod:`libyakit.persons`), in text order."""
    return unlisted(text, mentions)


_ARABIC = regex.compile(r"\p{Arabic}")  # (compiled once: regex.search looks its cache up at each call)


def actor_rows(article_id: str, mentions, *, kinds=None, rule: str | None = None) -> list[dict]:
    """Rows of :func:`extract_actors` for one article's mentions (used by the pipeline too)."""
    info = actor_info()
    rows = []
    for m in mentions:
        if not m.actor_id:  # a person or organisation the gazetteer does not list (libyakit.persons)
            kind = "organisation" if m.alias_type == "headed_name" else "person"
            if kinds is None or kind in kinds:
                latin = m.surface.isascii() or not _ARABIC.search(m.surface)
                name = m.alias if m.alias_type == "surname" or getattr(m, "rule", "") == "persons.surname_name" \
                    else m.surface  # (the person named in full before)
                rows.append({"article_id": article_id, "actor_id": f"unlisted:{name}",
                             "name_en": name if latin else "", "name_ar": "" if latin else name,
                             "kind": kind, "start": m.start, "end": m.end, "surface": m.surface,
                             "alias": m.alias, "alias_type": m.alias_type, "rule": m.rule})
            continue
        a = info[m.actor_id]
        if kinds is None or a.kind in kinds:
            rows.append({"article_id": article_id, "actor_id": m.actor_id, "name_en": a.name_en,
                         "name_ar": a.name_ar, "kind": a.kind, "start": m.start, "end": m.end,
                         "surface": m.surface, "alias": m.alias, "alias_type": m.alias_type,
                         "rule": rule or (SURNAME if m.alias_type == "surname" else GAZETTEER)})
    return rows


def extract_actors(articles, *, kinds=None, unlisted: bool = True, progress: bool | None = None):
    """One row per actor mention in the articles' cleaned ``text``.

    Parameters
    ----------
    articles
        The DataFrame from :func:`libyakit.load_articles`.
    kinds
        Keep only these actor kinds (e.g. ``{"state"}``); default: all.
    unlisted
        Also the people the gazetteer does not list, named after a title or role
        ("وزيرة الخارجية نجلاء المنقوش", "analyst Jalel Harchaoui"; :mod:`libyakit.persons`):
        kind ``person``, actor_id ``unlisted:`` + the name as written, alias the title,
        alias_type ``titled_name``; and English organisations it does not list, by the word that
        makes a capitalised name an organisation's ("Libyan Political Dialogue Forum"): kind
        ``organisation``, alias that word, alias_type ``headed_name``.

    Columns
    -------
    article_id, actor_id, name_en, name_ar, kind, start, end, surface (the
    words as written, clitics included: ``text[start:end] == surface``),
    alias (the gazetteer alias that matched) and alias_type (name, variant,
    abbreviation, demonym, nisba, metonym; or surname: a person the article has
    named in full, named again by last name alone, "Williams told reporters"; titled_name and
    headed_name: a person and an organisation the gazetteer does not list), and
    rule (the named rule that found the row: actors.gazetteer, actors.surname, persons.*;
    :func:`libyakit.rules.list_rules`).
    """
    import pandas as pd

    from .corpus import _check_articles
    from .progress import progress_bar

    _check_articles(articles, "article_id", "text")
    actors = actors_table()
    if kinds is not None:
        unknown = set(kinds) - set(actors["kind"]) - {"organisation"}  # (an unlisted organisation's kind)
        if unknown:
            raise ValueError(f"unknown actor kind(s) {sorted(unknown)}")
    from .corpus import documents

    rows = []
    for doc in progress_bar(documents(articles), total=len(articles), desc="actors", enable=progress):
        found = actor_rows(doc.article_id, doc.actors if unlisted else doc.mentions, kinds=kinds)
        found += actor_rows(doc.article_id, owner_states(doc.text, doc.mentions), kinds=kinds, rule=OWNER_STATE)
        rows.extend(sorted(found, key=lambda r: (r["start"], r["end"])))
    df = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    return df.astype({"start": "int64", "end": "int64"})


def mention_summary(mentions, articles):
    """Per actor: mentions, articles, and in how many Arabic and English articles it appears.

    Sorted by mentions, then actor_id. Columns: actor_id, name_en, name_ar, kind,
    mentions, articles, articles_ar, articles_en, label (both names, for charts).
    """
    from .plotting import bilingual

    import pandas as pd

    lang = dict(zip(articles["article_id"], articles["lang"]))
    m = mentions.assign(lang=mentions["article_id"].map(lang))
    g = m.groupby(["actor_id", "name_en", "name_ar", "kind"])
    out = pd.DataFrame({
        "mentions": g.size(),
        "articles": g["article_id"].nunique(),
        "articles_ar": g.apply(lambda x: x.loc[x["lang"] == "ar", "article_id"].nunique(), include_groups=False),
        "articles_en": g.apply(lambda x: x.loc[x["lang"] == "en", "article_id"].nunique(), include_groups=False),
    }).reset_index()
    out["label"] = [bilingual(a, e) for a, e in zip(out["name_ar"], out["name_en"])]
    return out.sort_values(["mentions", "actor_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def mention_matrix(mentions, *, actor_ids=None):
    """Mentions per actor (rows, in ``actor_ids`` order or by total) and article (columns)."""
    table = mentions.pivot_table(index="actor_id", columns="article_id", values="start", aggfunc="count",
                                 fill_value=0)
    if actor_ids is not None:
        table = table.reindex(list(actor_ids), fill_value=0)
    else:
        table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    return table.astype("int64")


def cooccurrence(mentions, *, kinds=None, min_articles: int = 2):
    """Pairs of actors named in the same articles: how many articles name both.

    Columns: actor_a, actor_b, articles (sorted by articles, then ids).
    """
    import itertools

    import pandas as pd

    m = mentions if kinds is None else mentions[mentions["kind"].isin(kinds)]
    per_article = m.groupby("article_id")["actor_id"].agg(lambda s: sorted(set(s)))
    counts: dict[tuple[str, str], int] = {}
    for ids in per_article:
        for pair in itertools.combinations(ids, 2):
            counts[pair] = counts.get(pair, 0) + 1
    rows = [(a, b, n) for (a, b), n in counts.items() if n >= min_articles]
    df = pd.DataFrame(rows, columns=["actor_a", "actor_b", "articles"])
    return df.sort_values(["articles", "actor_a", "actor_b"], ascending=[False, True, True]).reset_index(drop=True)
