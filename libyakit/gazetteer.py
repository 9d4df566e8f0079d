"""The bilingual actor gazetteer: curated CSV files, validated when loaded.

``data/actors.csv`` has one row per actor: ``actor_id`` (ISO 3166-1 alpha-3
for states, a stable slug otherwise), ``kind``, ``iso2`` (states), ``name_en``,
``name_ar``, ``libyan`` ("yes" for Libyan actors: they are never *foreign*
forces), ``backs`` (the Libyan side it backs where the articles say so) and
a ``note`` with the evidence. A state's names, when left empty, come from
CLDR through Babel (``babel.Locale("ar").territories["LY"]``).

``data/states.csv`` lists every UN member and observer state (and Kosovo and
Taiwan) by ISO 3166 codes, so that no state is missing because nobody wrote a
row for it: a state not in actors.csv is added as an actor of kind ``state``
with its CLDR names, or the names the file gives where CLDR's display form is
not how the news writes it ("Congo - Kinshasa") or is an ordinary word
("مالي" is also "financial").

``data/aliases.csv`` adds the other ways the articles name an actor:
spelling variants (Hifter, Nebenzya), abbreviations (U.N., GNA), demonyms
(Russian, الروس), Arabic nisba adjectives (روسي → الروسية، الروسيين) and
metonyms (أنقرة → Turkey). A domain expert adds an actor or an alias by
adding a row; nothing in Python changes.

Validation fails loudly with :class:`~libyakit.errors.DataFileError` naming
the file and line: unknown kinds, duplicate ids, aliases of unknown actors,
and one alias claimed by two actors.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from .clean import normalize_arabic
from .errors import DataFileError
from .paths import data_path

__all__ = ["KINDS", "ALIAS_TYPES", "Alias", "actors_table", "aliases_table", "alias_entries", "actor_info"]

KINDS = {
    "state": "a sovereign state",
    "international_org": "the UN and its bodies, NATO, the EU, ...",
    "government": "a government that is not a state (the GNA)",
    "armed_group": "an army or militia that is not a state's (the LNA, Wagner)",
    "legislature": "a parliament (the House of Representatives)",
    "commission": "a joint body of the parties (the 5+5 commission)",
    "person": "a named person",
    "military": "a state's military command (US Africa Command)",
    "media": "a news agency or outlet",
    "monitor": "a non-governmental monitor or rights group (the Syrian Observatory, Amnesty)",
}
ALIAS_TYPES = {"name", "variant", "abbreviation", "demonym", "nisba", "metonym"}
LANGS = {"en", "ar"}

# Endings an Arabic nisba adjective takes (on the matching key, where ة is ه):
# روسي، روسيه (روسية)، روسيون، روسيين، روسيان، روسيتان، روسيتين; the indefinite accusative "مقاتلا
# تشاديا" (where it spells the state's name, سوريا، تركيا، the name is matched: a name beats a nisba form).
NISBA_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ا", "ي")  # (and the construct "سوريي الجنسية")


@dataclass(frozen=True)
class Alias:
    actor_id: str
    lang: str
    alias: str  # as written in the gazetteer
    alias_type: str
    key: str  # the matching key
    nisba: bool = False  # takes nisba endings


def _read(name: str) -> list[tuple[int, dict]]:
    path = data_path(name)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return [(i, row) for i, row in enumerate(reader, start=2)]


def _yes(row: dict, column: str, path, line: int) -> bool:
    value = (row.get(column) or "").strip().lower()
    if value not in ("", "yes"):
        raise DataFileError(path, line, f"{column} must be 'yes' or empty, not {value!r}")
    return value == "yes"


def match_key(alias: str, lang: str) -> str:
    """The key an alias is matched on: Arabic normalised, English as written."""
    return normalize_arabic(alias) if lang == "ar" else alias


@lru_cache(maxsize=1)
def actors_table():
    """All actors as a DataFrame indexed by ``actor_id`` (validated, names filled from CLDR)."""
    import pandas as pd
    from babel import Locale

    path = data_path("actors.csv")
    rows = _read("actors.csv")
    ar, en = Locale("ar"), Locale("en")
    seen, out = set(), []
    for line, row in rows:
        aid = (row.get("actor_id") or "").strip()
        if not aid:
            raise DataFileError(path, line, "empty actor_id")
        if aid in seen:
            raise DataFileError(path, line, f"duplicate actor_id {aid!r}")
        seen.add(aid)
        kind = row.get("kind", "").strip()
        if kind not in KINDS:
            raise DataFileError(path, line, f"unknown kind {kind!r} for {aid!r}; expected one of {sorted(KINDS)}")
        iso2 = (row.get("iso2") or "").strip()
        if kind == "state":
            if len(aid) != 3 or not aid.isupper():
                raise DataFileError(path, line, f"state id {aid!r} is not an ISO 3166-1 alpha-3 code")
            if iso2 not in en.territories:
                raise DataFileError(path, line, f"state {aid!r} has unknown iso2 {iso2!r}")
            row["name_en"] = row.get("name_en") or en.territories[iso2]
            row["name_ar"] = row.get("name_ar") or ar.territories[iso2]
        if not row.get("name_en") or not row.get("name_ar"):
            raise DataFileError(path, line, f"{aid!r} needs name_en and name_ar")
        out.append({"actor_id": aid, "kind": kind, "iso2": iso2, "name_en": row["name_en"].strip(),
                    "name_ar": row["name_ar"].strip(), "libyan": _yes(row, "libyan", path, line),
                    "backs": (row.get("backs") or "").strip(),
                    "note": (row.get("note") or "").strip(), "_line": line})
    out += _cldr_states(seen, {r["actor_id"]: r["iso2"] for r in out if r["kind"] == "state"}, ar, en)
    for r in out:
        if r["backs"] and r["backs"] not in seen:
            raise DataFileError(path, r["_line"], f"{r['actor_id']!r} backs unknown actor {r['backs']!r}")
    table = pd.DataFrame(out).drop(columns="_line").set_index("actor_id")
    return table


STATE_STATUS = {"member", "observer", "other"}


def _cldr_states(seen: set, listed_iso2: dict, ar, en) -> list[dict]:
    """Rows for the states of data/states.csv that actors.csv does not list (validated)."""
    path = data_path("states.csv")
    out, codes = [], set()
    for line, row in _read("states.csv"):
        iso3, iso2 = (row.get("iso3") or "").strip(), (row.get("iso2") or "").strip()
        if len(iso3) != 3 or not iso3.isupper() or not iso3.isalpha():
            raise DataFileError(path, line, f"iso3 {iso3!r} is not an ISO 3166-1 alpha-3 code")
        if iso2 not in en.territories:
            raise DataFileError(path, line, f"unknown iso2 {iso2!r} for {iso3!r}")
        if (row.get("status") or "").strip() not in STATE_STATUS:
            raise DataFileError(path, line, f"status must be one of {sorted(STATE_STATUS)}, not {row.get('status')!r}")
        if iso3 in codes or iso2 in codes:
            raise DataFileError(path, line, f"duplicate state {iso3!r}/{iso2!r}")
        codes |= {iso3, iso2}
        if iso3 in seen:
            if listed_iso2.get(iso3) != iso2:
                raise DataFileError(path, line, f"{iso3!r} has iso2 {iso2!r} here but {listed_iso2.get(iso3)!r} in actors.csv")
            continue
        seen.add(iso3)
        out.append({"actor_id": iso3, "kind": "state", "iso2": iso2,
                    "name_en": (row.get("name_en") or "").strip() or en.territories[iso2],
                    "name_ar": (row.get("name_ar") or "").strip() or ar.territories[iso2],
                    "libyan": False, "backs": "", "note": (row.get("note") or "").strip() or "from data/states.csv",
                    "_line": line})
    return out


@lru_cache(maxsize=1)
def _state_nisbas() -> dict[str, str]:
    """iso3 -> the Arabic nisba adjective of data/states.csv's ``nisba_ar`` column (a state whose
    adjective aliases.csv does not give: أوكراني، ياباني، يمني), validated."""
    path = data_path("states.csv")
    out = {}
    for line, row in _read("states.csv"):
        nisba = (row.get("nisba_ar") or "").strip()
        if not nisba:
            continue
        if not all("\u0621" <= ch <= "\u064a" for ch in nisba):
            raise DataFileError(path, line, f"nisba_ar {nisba!r} is not one Arabic word")
        out[(row.get("iso3") or "").strip()] = nisba
    return out


@lru_cache(maxsize=1)
def alias_entries() -> tuple[Alias, ...]:
    """Every alias of every actor, validated: the names from actors.csv plus aliases.csv."""
    actors = actors_table()
    path = data_path("aliases.csv")
    entries: list[Alias] = []
    for aid, row in actors.iterrows():
        entries.append(Alias(aid, "en", row["name_en"], "name", match_key(row["name_en"], "en")))
        entries.append(Alias(aid, "ar", row["name_ar"], "name", match_key(row["name_ar"], "ar")))
    for aid, nisba in _state_nisbas().items():  # "أوكراني": الأوكرانية، الأوكرانيين
        entries.append(Alias(aid, "ar", nisba, "nisba", match_key(nisba, "ar"), nisba=True))
    seen_rows = {(e.lang, e.key): e.actor_id for e in entries}
    for line, row in _read("aliases.csv"):
        aid, lang = row.get("actor_id", "").strip(), row.get("lang", "").strip()
        alias, atype = (row.get("alias") or "").strip(), row.get("alias_type", "").strip()
        if aid not in actors.index:
            raise DataFileError(path, line, f"alias {alias!r} names unknown actor {aid!r}")
        if lang not in LANGS:
            raise DataFileError(path, line, f"unknown lang {lang!r}; expected 'en' or 'ar'")
        if atype not in ALIAS_TYPES:
            raise DataFileError(path, line, f"unknown alias_type {atype!r}; expected one of {sorted(ALIAS_TYPES)}")
        if not alias:
            raise DataFileError(path, line, "empty alias")
        key = match_key(alias, lang)
        if (lang, key) in seen_rows:
            raise DataFileError(path, line, f"duplicate alias {alias!r} (already an alias of {seen_rows[lang, key]!r})")
        seen_rows[lang, key] = aid
        entries.append(Alias(aid, lang, alias, atype, key, nisba=(atype == "nisba")))
    # One key, one actor: "المتحدة" alone must never be claimed by anybody, and
    # no surface form may point at two actors.
    owner: dict[tuple[str, str], str] = {}
    for e in entries:
        keys = [e.key + end for end in NISBA_ENDINGS] if e.nisba else [e.key]
        for k in keys:
            prev = owner.setdefault((e.lang, k), e.actor_id)
            if prev != e.actor_id:
                raise DataFileError(path, None, f"alias {k!r} ({e.lang}) is claimed by both {prev!r} and {e.actor_id!r}")
    unique = {(e.actor_id, e.lang, e.key, e.nisba): e for e in entries}
    return tuple(unique.values())


@dataclass(frozen=True)
class ActorInfo:
    kind: str
    libyan: bool
    name_en: str
    name_ar: str


@lru_cache(maxsize=1)
def actor_info() -> dict[str, ActorInfo]:
    """actor_id -> kind, libyan, names: a plain dict for the extractors' inner loops."""
    t = actors_table()
    return {aid: ActorInfo(r.kind, bool(r.libyan), r.name_en, r.name_ar) for aid, r in zip(t.index, t.itertuples())}


def aliases_table():
    """Every alias as a DataFrame: actor_id, lang, alias, alias_type, key, nisba."""
    import pandas as pd

    return pd.DataFrame([e.__dict__ for e in alias_entries()])
