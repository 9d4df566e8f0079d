"""People the gazetteer does not list, found by the title or role written before their name.

Real articles name far more people than any gazetteer holds: "وزيرة الخارجية نجلاء المنقوش",
"German Chancellor Angela Merkel", "analyst Jalel Harchaoui". A name that follows a title or
role (``data/lexicon/person_titles.csv``) is a person, with the name as written:

* Arabic: the title (with its proclitics: ووزير، للرئيس), then what describes it — words with the
  article (الخارجية، الإيطالي، الأممي), the links of ``title_links.csv`` (باسم، وزير خارجية،
  في ليبيا) and actors the gazetteer knows (إيطاليا) — then two to four words of a name that end
  at punctuation, at a word of ``name_stops.csv`` (إن، الذي، في، يوم), at a reporting verb or
  after a family name with the article ("نجلاء المنقوش"; "عبد الله" goes on). The name's first
  word has no article and is a first name (``first_names.csv`` or the first word of a person in
  the gazetteer) — many Arabic first names are also words (عادل "just", سعود "rise") — or the
  first two words are both rare in wordfreq's Arabic list (a transliterated foreign name).
* English: the title, then a run of two to four capitalised words ("Angela Merkel", "Ahmed
  al-Mismari"); a title inside the run starts it again ("US Africa Command chief General
  Stephen Townsend" is Stephen Townsend).

A single word after a title is not taken ("the envoy Kubis" is the gazetteer's), nor a name a
known actor's mention overlaps. Measured on the gold set (benchmarks/extraction.py): see
docs/extraction.md.

>>> [p.surface for p in titled_persons("وقالت وزيرة الخارجية نجلاء المنقوش إن الانتخابات ستجرى")]
['نجلاء المنقوش']
>>> [p.surface for p in titled_persons("German Chancellor Angela Merkel hosted the Berlin conference.")]
['Angela Merkel']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .arabic import MARK_CLASS, MARKS
from .document import Mention
from .lexicon import reporting_verbs, word_list
from .sentences import SpanSet

__all__ = ["Person", "titled_persons", "named_organisations"]


@dataclass(frozen=True, init=False)
class Person(Mention):
    """A person (or organisation) mention the gazetteer does not list: a :class:`libyakit.document.Mention`
    with no ``actor_id``, whose ``alias`` is the title that introduced the name."""

    def __init__(self, actor_id: str, start: int, end: int, surface: str, alias: str,
                 alias_type: str = "titled_name"):
        super().__init__(actor_id, start, end, surface, alias, alias_type)


_AR_TOKEN = regex.compile(rf"[\u0621-\u064a\u0671-\u06d3{MARKS}]+")
_EN_TOKEN = regex.compile(r"[\p{L}][\p{L}\p{M}'’.-]*")
_MARKS = regex.compile(MARK_CLASS)
_PUNCT_BETWEEN = regex.compile(r"[^\s]")  # anything but spaces between two words breaks a name


def _bare(word: str) -> str:
    return _MARKS.sub("", word)


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


def _has_article(word: str) -> bool:
    w = _bare(word)
    return w.startswith(("ال", "وال", "فال", "بال", "لل", "ولل"))


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
                     if e.lang == "ar" and info[e.actor_id].kind == "person" and len(e.alias.split()) > 1)


def _arabic(text: str, known, known_people) -> list[Person]:
    titles = word_list("person_titles.csv", "ar")
    links = word_list("title_links.csv", "ar")
    stops = word_list("name_stops.csv", "ar")
    verbs = set(reporting_verbs("ar"))
    first_names = word_list("first_names.csv", "ar") | _gazetteer_first_names()
    toks = [(m.start(), m.end(), m.group()) for m in _AR_TOKEN.finditer(text)]
    out, i, n = [], 0, len(toks)

    def broken(a: int, b: int) -> bool:  # punctuation (or a line) between token a and token b
        return bool(_PUNCT_BETWEEN.search(text, toks[a][1], toks[b][0]))

    def stop_word(w: str) -> bool:
        b = _bare(w)
        return b in stops or b in verbs or b in titles or _ar_base(w) in verbs or _ar_base(w) in titles

    while i < n:
        bare = _bare(toks[i][2])
        base = bare if bare in titles else _ar_base(toks[i][2])
        two = f"{base} {_bare(toks[i + 1][2])}" if i + 1 < n and not broken(i, i + 1) else ""
        if two in titles:
            j, title = i + 2, two
        elif base in titles:
            j, title = i + 1, base
        else:
            i += 1
            continue
        # what describes the title: words with the article, links, known actors (at most six)
        steps = 0
        while j < n and steps < 6 and not broken(j - 1, j):
            w = toks[j][2]
            if known_people.overlaps(toks[j][0], toks[j][1]):
                break  # the title names a person the gazetteer knows ("الجنرال خليفة حفتر")
            if _has_article(w) or _bare(w) in links or known.overlaps(toks[j][0], toks[j][1]):
                j, steps = j + 1, steps + 1
                continue
            break
        if j >= n or broken(j - 1, j) or stop_word(toks[j][2]) or _has_article(toks[j][2]) \
                or known.overlaps(toks[j][0], toks[j][1]):
            i += 1
            continue
        k = j
        while k + 1 < n and k - j < 3 and not broken(k, k + 1):
            w = toks[k + 1][2]
            if stop_word(w) or known.overlaps(toks[k + 1][0], toks[k + 1][1]):
                break
            first_name = k == j or (k == j + 1 and _bare(toks[j][2]) == "عبد")
            if _has_article(w) and not first_name and _bare(toks[k][2]) != "عبد":
                break  # after a first and a last name, a word with the article is what follows ("... فرانكين الوفد")
            k += 1
            if _has_article(w) and _bare(toks[k - 1][2]) != "عبد":
                break  # a family name with the article ends the name ("نجلاء المنقوش"; "عبد الله" goes on)
        words = k - j + 1
        if words >= 2 and _name_like(_bare(toks[j][2]), _bare(toks[j + 1][2]), first_names):
            start, end = toks[j][0], toks[k][1]
            out.append(Person("", start, end, text[start:end], title))
            i = k + 1
        else:
            i = j
    return out


_EN_PARTICLES = {"al-", "el-", "al", "el", "bin", "ibn", "de", "van", "von", "abu", "abdel", "abdul"}


def _english(text: str, known) -> list[Person]:
    titles = word_list("person_titles.csv", "en")
    stops = word_list("name_stops.csv", "en")
    toks = [(m.start(), m.end(), m.group().rstrip(".") if not m.group().endswith(("Gen.", "Col.", "Dr.", "Mr.", "Ms."))
             else m.group()) for m in _EN_TOKEN.finditer(text)]
    out, i, n = [], 0, len(toks)
    two_word = {t for t in titles if " " in t}
    while i < n:
        w = toks[i][2]
        pair = f"{w} {toks[i + 1][2]}" if i + 1 < n else ""
        if pair in two_word:
            j = i + 2
        elif w in titles:
            j = i + 1
        else:
            i += 1
            continue
        run = []
        k = j
        while k < n and len(run) < 4 and not _PUNCT_BETWEEN.search(text, toks[k - 1][1], toks[k][0]):
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
            if not known.overlaps(start, end) and not any(c.isdigit() for c in text[start:end]):
                out.append(Person("", start, end, text[start:end], w if pair not in two_word else pair))
            i = run[-1] + 1
        else:
            i += 1
    return out


_ORG_LINKS = {"of", "for", "and", "the"}  # ("the" only after of/for: "Council of the European Union")
_SENTENCE_OPENERS = {"The", "A", "An", "In", "On", "At", "But", "And", "As", "For", "By", "With", "From", "To", "Of",
                     "While", "After", "Before", "When", "Meanwhile", "Also", "Since", "Under", "Last", "This"}
_ORG_WORD = regex.compile(r"[A-Z][\w'’.&-]*|\([A-Z][A-Za-z]{1,6}\)")  # a capitalised word, or "(AK)"


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?\n:\"”"


def _common_en(word: str) -> bool:
    """A word English writes in lower case often (wordfreq Zipf ≥ 4.5: "members", "officials")."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= _COMMON_ZIPF


_COMMON_ZIPF = 4.5


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
    # a state's demonym inside the name is part of it ("Libyan Political Dialogue Forum"); any other
    # actor the gazetteer knows there makes the name the gazetteer's
    spans = SpanSet((m.start, m.end) for m in known if m.actor_id and info[m.actor_id].kind != "state")
    out, pos = [], 0
    words = list(regex.finditer(r"\S+", text))
    i = 0
    while i < len(words):
        run, j = [], i
        while j < len(words):
            w = words[j].group().strip(",.;:\"'“”‘’")
            bare = words[j].group()
            prev = words[run[-1]].group() if run else ""
            if _ORG_WORD.fullmatch(w) or (run and w in _ORG_LINKS and (w != "the" or prev in ("of", "for"))):
                run.append(j)
                if bare[-1:] in ",.;:\"”’" and bare not in ("U.S.", "U.N."):
                    break  # punctuation ends the name
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
        names = [words[k].group().strip(",.;:\"'“”‘’") for k in run]
        capitals = [n for n in names if n not in _ORG_LINKS]
        if len(capitals) >= 2 and any(n in heads for n in names):
            start = words[run[0]].start()
            last = words[run[-1]]
            end = last.start() + len(last.group().rstrip(",.;:\"'“”‘’"))
            if not spans.overlaps(start, end):
                out.append(Person("", start, end, text[start:end], next(n for n in names if n in heads),
                                  "headed_name"))
        i = max(j, i + 1) if run else i + 1
    return sorted(out + arabic, key=lambda o: o.start)


def _arabic_organisations(text: str, known) -> list[Person]:
    """Arabic organisations named by a head noun and their owner's nisba: "وزارة الخارجية الإيطالية",
    "وكالة الأنباء الجزائرية", "الجيش المصري", "سلاح الجو الفرنسي" — the head (with its article or
    proclitics), at most three words with the article between, and last a state's demonym the
    gazetteer knows. Without the owner ("وزارة الخارجية") the body is not named, and is not taken."""
    from .gazetteer import actor_info

    heads = word_list("organisation_heads.csv", "ar")
    info = actor_info()
    nisbas = [m for m in known if m.actor_id and info[m.actor_id].kind == "state"
              and m.alias_type in ("demonym", "nisba")]
    others = SpanSet((m.start, m.end) for m in known if m.actor_id and info[m.actor_id].kind != "state")
    toks = [(m.start(), m.end(), m.group()) for m in _AR_TOKEN.finditer(text)]
    starts = {t[0]: k for k, t in enumerate(toks)}
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
            if base in heads or (base.startswith("ال") and base[2:] in heads):
                if back == 1 and not _has_article(toks[h][2]):
                    break  # "شركة أمريكية": an American company, not a name
                start, end = toks[h][0], m.end
                if not others.overlaps(start, end):
                    out.append(Person("", start, end, text[start:end], base, "headed_name"))
                break
            if not _has_article(toks[h][2]):
                break  # the words between are the body's description, all with the article
    return out


def titled_persons(text: str, known=()) -> list[Person]:
    """People named after a title or role in ``text``, left to right; ``known`` are the gazetteer's
    mentions (:func:`libyakit.actors.mentions_in`), which a name never overlaps."""
    from .gazetteer import actor_info

    info = actor_info()
    spans = SpanSet((m.start, m.end) for m in known)
    people = SpanSet((m.start, m.end) for m in known if m.actor_id and info[m.actor_id].kind == "person")
    found = _arabic(text, spans, people) + _english(text, spans)
    return sorted(found, key=lambda p: p.start)
