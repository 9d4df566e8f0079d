"""Score the extractors against the hand-made gold set of real articles (``make bench``).

    python benchmarks/extraction.py [--gold benchmarks/gold] [--set saudinewsnet --set pages]
                                    [--rows] [--agreement] [--json OUT]

The gold set (``benchmarks/gold/<set>/<id>.json``, made as ``benchmarks/gold/GUIDE.md`` says)
references real articles without holding their text: SaudiNewsNet articles by day and index in
``../shared/data/saudinewsnet``, web pages by address with their text in a cache outside git
(``~/.cache/libyakit/gold_pages`` or ``$LIBYAKIT_GOLD_PAGES``). An article whose text is not on
this machine is skipped and counted as such, so the scorer runs (and says what it could not
score) on a fresh clone without ``../shared``.

Each article is loaded as a researcher loads it (``articles_from_frame``: cleaning and joined-word
repair included), every extractor runs on it, and each gold item is found again in the cleaned
``text`` by its short surface, on a key that ignores spaces, marks, tatweel and the alef/ya/ta
marbuta variants (so a space the repair inserted does not hide a match).

Printed: with ``--rows``, every miss and every false row on one line (``MISS``/``FALSE``/``WRONG``
then the extractor, the article and what); then one table: per extractor and language the gold
count, the predicted count, precision and recall, and the attribute scores — a force figure's
value, origin and source, a date's value and wrong years, a quote's speaker. The table comes last
so that the last lines of the output are the figures.

What is counted (one line per extractor):

* states — the set of ISO3 states per article (``extract_actors`` rows of kind ``state``);
  "false" counts states the article does not name.
* entities — gold persons and organisations; a gold entity is found when an actor row (not a
  state) overlaps one of its occurrences as a whole word (proclitics allowed: "تاس" inside
  "تأسيسها" is no occurrence), or is a person whose English name's words hold the gold name's or
  are held by them ("Bathily", "Abdoulaye Bathily"; a shared first or family name is not enough);
  a predicted actor that matches no gold entity is false.
* forces — gold figures not about a Libyan side's own men; a row matches a gold figure when their
  spans overlap. value right: low and high equal (a vague amount: the row is vague too); origin
  right: the same set of origins; source right: the row's ``attributed_to`` is named in the gold
  source (by the gazetteer, or the unnamed label's word), or both are empty.
* dates — gold dated events (a weekday alone is no gold date); found by span overlap; value right
  when the resolved date equals the gold one at the gold precision; "wrong year" counts found
  dates whose year differs from the gold year or that have a year where the gold has none.
* quotes — direct and reported statements separately (``kind``); found by overlap with the
  statement's first words; speaker right when the row's speaker (name as written, English name or
  gazetteer id) names the gold speaker.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import sys
import unicodedata
import warnings
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOLD = ROOT / "benchmarks" / "gold"
SNN = ROOT.parent / "shared" / "data" / "saudinewsnet"
PAGES = Path(os.environ.get("LIBYAKIT_GOLD_PAGES", Path.home() / ".cache" / "libyakit" / "gold_pages"))
SETS = ("saudinewsnet", "pages")


# ---------------------------------------------------------------- gold records and their texts

def read_gold(gold: Path = GOLD, sets=SETS) -> list[dict]:
    records = []
    for s in sets:
        for f in sorted((gold / s).glob("*.json")):
            try:
                rec = json.loads(f.read_text(encoding="utf-8"))
            except json.JSONDecodeError as e:
                raise SystemExit(f"{f}: not JSON ({e})")
            rec["_file"] = str(f)
            rec.setdefault("set", s)
            records.append(rec)
    return records


def _snn_texts(ids: set[str], data: Path = SNN) -> dict[str, dict]:
    """id -> SaudiNewsNet record, reading each daily ZIP once."""
    out = {}
    by_day = defaultdict(set)
    for i in ids:
        by_day[i[:10]].add(int(i[11:]))
    for day, wanted in by_day.items():
        z = data / f"{day}.zip"
        if not z.exists():
            continue
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                arts = json.loads(zf.read(name))
                for k in wanted:
                    if k < len(arts):
                        out[f"{day}-{k:05d}"] = arts[k]
    return out


def texts_for(records: list[dict]) -> tuple[dict[str, dict], dict[str, str]]:
    """(id -> {text, date, title, source, url}, id -> why it was skipped)."""
    found, skipped = {}, {}
    snn = _snn_texts({r["id"] for r in records if r["set"] == "saudinewsnet"})
    for r in records:
        rid = r["id"]
        if r["set"] == "saudinewsnet":
            art = snn.get(rid)
            if art is None:
                skipped[rid] = f"no {SNN}"
                continue
            found[rid] = {"text": art.get("content") or "", "date": r.get("day") or rid[:10],
                          "title": art.get("title") or "", "source": art.get("source") or "", "url": art.get("url") or ""}
        else:
            slug = rid.split(":", 1)[1]
            f = PAGES / f"{slug}.txt"
            if not f.exists():
                skipped[rid] = f"no cached page {f}"
                continue
            text = f.read_text(encoding="utf-8")
            if r.get("sha1") and hashlib.sha1(text.encode("utf-8")).hexdigest() != r["sha1"]:
                skipped[rid] = f"cached page {f} is not the text annotated (sha1 differs)"
                continue
            found[rid] = {"text": text, "date": "", "title": "", "source": "", "url": r.get("url", "")}
    return found, skipped


# ---------------------------------------------------------------- finding a surface again

_DROP = set("\u0640\u200b\u200c\u200d\u200e\u200f\ufeff") | {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"}
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                       "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "’": "'", "‘": "'",
                       "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7",
                       "٨": "8", "٩": "9", "،": ",", "–": "-", "—": "-"})


def keyed(text: str) -> tuple[str, list[int]]:
    """The matching key of ``text`` and, for each key character, its offset in ``text``."""
    chars, where = [], []
    for i, ch in enumerate(text):
        if ch.isspace() or ch in _DROP:
            continue
        for c in unicodedata.normalize("NFKC", ch).translate(_FOLD).lower():
            chars.append(c)
            where.append(i)
    return "".join(chars), where


class Located:
    """Find gold surfaces in one article's cleaned text."""

    def __init__(self, text: str):
        self.text = text
        self.key, self.where = keyed(text)

    def spans(self, surface: str | None, nth: int | None = None) -> list[tuple[int, int]]:
        if not surface:
            return []
        k, _ = keyed(surface)
        if not k:
            return []
        out, i = [], self.key.find(k)
        while i >= 0:
            out.append((self.where[i], self.where[i + len(k) - 1] + 1))
            i = self.key.find(k, i + 1)
        if nth and len(out) >= nth:
            return [out[nth - 1]]
        return out

    def word_spans(self, surface: str | None, nth: int | None = None) -> list[tuple[int, int]]:
        """:meth:`spans` that stand as whole words: a hit that starts inside a word (after letters
        that are not only Arabic proclitics: و ف ب ل ك and the article) or ends inside one is
        another word ("تاس" inside "تأسيسها", "RT" inside "parts", "صالح" inside "المصالح")."""
        if not surface:
            return []
        out = [(s, e) for s, e in self.spans(surface) if self._whole(s, e, surface)]
        if nth and len(out) >= nth:
            return [out[nth - 1]]
        return out

    def _whole(self, s: int, e: int, surface: str) -> bool:
        t = self.text
        if e < len(t) and t[e].isalpha() and surface.strip()[-1:].isalpha():
            return False
        w = s
        while w > 0 and (t[w - 1].isalpha() or t[w - 1] in _DROP):
            w -= 1
        prefix = "".join(c for c in t[w:s] if c not in _DROP)
        return not prefix or (not surface.strip()[:1].isalpha()) or bool(_PROCLITIC_PREFIX.fullmatch(prefix))


_PROCLITIC_PREFIX = re.compile(r"(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)")


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def matched(gold, rows, loc, used: set, ok=lambda i: True):
    """``(gold item, its spans in the text, the index of the row it matches or None)`` for each gold
    item, each row matched once (``used`` collects the rows matched, for the false ones after)."""
    for g in gold:
        spans = loc.spans(g.get("surface"), g.get("nth"))
        hit = first_overlap(rows, used, spans, ok)
        if hit is not None:
            used.add(hit)
        yield g, spans, hit


def first_overlap(rows, used: set, spans, ok=lambda i: True) -> int | None:
    """The first row not yet used (and that ``ok`` accepts) whose span overlaps one of ``spans``."""
    return next((i for i, r in enumerate(rows) if i not in used and ok(i)
                 and any(overlaps((r.start, r.end), s) for s in spans)), None)


def _plain(s) -> str:
    s = unicodedata.normalize("NFKD", str(s or "")).lower()
    return "".join(c for c in s if not unicodedata.combining(c))


def _ar_key(s) -> str:
    return keyed(str(s or ""))[0]


_NAME_STOP = {"al", "el", "the", "of", "and", "bin", "ben", "abu", "abdel", "abdul", "de", "von"}


def _ar_tokens(name) -> set[str]:
    """Words of a name or description on the matching key, without proclitics and the article
    ("التقارير" and "تقارير إيطالية" share تقارير); Latin words as _name_tokens has them."""
    out = set()
    for w in str(name or "").split():
        k = _ar_key(w)
        if regex_ar.match(k):
            k = re.sub(r"^(?:و|ف|ب|ل)?(?:ال|لل)", "", k) if len(k) > 4 else k
            if len(k) >= 3:
                out.add(k)
        else:
            out |= _name_tokens(w)
    return out


regex_ar = re.compile(r"[\u0621-\u064a]")


def _name_tokens(name) -> set[str]:
    toks = re.split(r"[\s\-'’.]+", _plain(name))
    return {t for t in toks if len(t) > 2 and t not in _NAME_STOP}


# ---------------------------------------------------------------- one extractor at a time

class Tally:
    def __init__(self):
        self.c = defaultdict(lambda: defaultdict(int))
        self.lines = []

    def add(self, key, lang, n=1):
        self.c[(key, lang)]["_"] += 0
        self.c[(key, lang)][key] += n

    def line(self, kind, extractor, aid, what):
        self.lines.append(f"{kind:5s} {extractor:9s} {aid}  {what}")


def _one_line(s, n=90) -> str:
    s = re.sub(r"\s+", " ", str(s))
    return s if len(s) <= n else s[: n - 1] + "…"


def score_states(rec, art, actors, t: Tally, c):
    gold = {s["iso3"] for s in rec.get("states", []) if s.get("iso3")}
    pred = set(actors.loc[actors["kind"] == "state", "actor_id"]) if len(actors) else set()
    c["gold"] += len(gold)
    c["pred"] += len(pred)
    c["tp"] += len(gold & pred)
    for s in sorted(gold - pred):
        t.line("MISS", "states", rec["id"], s)
    for s in sorted(pred - gold):
        surf = actors.loc[(actors["kind"] == "state") & (actors["actor_id"] == s), "surface"].iloc[0]
        t.line("FALSE", "states", rec["id"], f"{s} ({surf})")


def score_entities(rec, loc: Located, actors, t: Tally, c):
    from libyakit.gazetteer import actor_info

    gold = [e for e in rec.get("entities", []) if e.get("surface")]
    rows = actors[actors["kind"] != "state"] if len(actors) else actors
    by_actor = defaultdict(list)
    for r in rows.itertuples():
        key = r.actor_id if isinstance(r.actor_id, str) and r.actor_id else f"~{_ar_key(r.surface)}"
        by_actor[key].append(r)
    matched_actors = set()
    for e in gold:
        spans = loc.word_spans(e["surface"], e.get("nth"))
        toks = _name_tokens(e.get("name_en"))
        hit = None
        for key, mentions in by_actor.items():
            if any(overlaps((m.start, m.end), s) for m in mentions for s in spans):
                hit = key
                break
            name = mentions[0].name_en if isinstance(mentions[0].name_en, str) else ""
            # the same person by name: one name's words hold the other's ("Bathily" and "Abdoulaye
            # Bathily"), not a shared first or family name ("Saif al-Islam Gaddafi" is not "Muammar
            # Gaddafi", "Sergei Mikhailov" not "Sergei Lavrov")
            ptoks = _name_tokens(name)
            if toks and ptoks and (toks <= ptoks or ptoks <= toks) and e.get("type") == "person" \
                    and mentions[0].kind == "person":
                hit = key
                break
        c["gold"] += 1
        if hit is None:
            t.line("MISS", "entities", rec["id"], f"{e.get('type')}: {e['surface']} ({e.get('name_en', '')})")
        else:
            c["tp"] += 1
            matched_actors.add(hit)
    c["pred"] += len(by_actor)
    c["pred_tp"] += len(matched_actors)
    for key in sorted(set(by_actor) - matched_actors):
        m = by_actor[key][0]
        t.line("FALSE", "entities", rec["id"], f"{key} ({m.surface})")


def _values_right(g, r) -> bool:
    if g.get("qualifier") == "vague":
        return r.qualifier == "vague"

    def same(a, b):
        if a is None:
            return b is None or b != b  # NaN
        return b == b and b is not None and abs(float(a) - float(b)) < 0.5

    lo, hi = g.get("low"), g.get("high")
    return same(lo, r.low) and same(hi, r.high)


def _origin_key(o) -> str:
    return _plain(o).replace("-", "").replace(" ", "").replace("_", "")  # ("Ansar Bayt al-Maqdis" = ansar_bayt_al_maqdis)


def _source_right(g, r, loc: Located) -> bool:
    from libyakit.actors import mentions_in

    src = r.attributed_to if isinstance(r.attributed_to, str) else ""
    gsrc, gsurf = g.get("source"), g.get("source_surface")
    if not gsrc and not gsurf:
        return not src
    if not src:
        return False
    if src.startswith("unlisted:"):  # a name as written: the same name as the gold source's
        return bool(_ar_tokens(src[9:]) & (_ar_tokens(gsurf) | _ar_tokens(gsrc) | _name_tokens(gsrc)))
    named = set()
    for s in (gsurf, gsrc):
        if s:
            named |= {m.actor_id for m in mentions_in(s)}
    if src in named:
        return True
    words = _plain(f"{gsrc or ''} {gsurf or ''}")
    return bool(re.search(rf"\b{re.escape(_plain(src))}", words))


FORCE_KINDS = {"troops", "mercenaries", "fighters", "advisers", "bases"}


def scored_force(g: dict) -> bool:
    """A gold figure the forces extractor is meant to find: not a Libyan side's own men, and of a
    kind it counts (aircraft, vehicles and the like are annotated as "other" and not scored)."""
    return not g.get("libyan") and g.get("counted") in FORCE_KINDS


def score_forces(rec, loc: Located, forces, t: Tally, c):
    gold = [g for g in rec.get("forces", []) if scored_force(g)]
    rows = list(forces.itertuples()) if len(forces) else []
    used = set()
    for g, spans, hit in matched(gold, rows, loc, used):
        c["gold"] += 1
        if hit is None:
            t.line("MISS", "forces", rec["id"], f"{g['surface']} [{g.get('low')}–{g.get('high')} {g.get('counted')}]"
                   + ("" if spans else " (surface not found in text)"))
            continue
        r = rows[hit]
        c["tp"] += 1
        if _values_right(g, r):
            c["value"] += 1
        else:
            t.line("WRONG", "forces", rec["id"], f"value {g['surface']}: gold {g.get('low')}–{g.get('high')} "
                   f"{g.get('qualifier')}, row {r.low}–{r.high} {r.qualifier}")
        gold_o = {_origin_key(o) for o in g.get("origin") or []}
        pred_o = {_origin_key(o) for o in (r.origins or ())}
        if gold_o == pred_o:
            c["origin"] += 1
        else:
            t.line("WRONG", "forces", rec["id"], f"origin {g['surface']}: gold {sorted(gold_o)}, row {sorted(pred_o)}")
        if _source_right(g, r, loc):
            c["source"] += 1
        else:
            t.line("WRONG", "forces", rec["id"], f"source {g['surface']}: gold {g.get('source')!r}, "
                   f"row {r.attributed_to!r}")
    c["pred"] += len(rows)
    c["pred_tp"] += len(used)
    for i, r in enumerate(rows):
        if i not in used:
            unscored = [g for g in rec.get("forces", []) if not scored_force(g)
                        and any(overlaps((r.start, r.end), s) for s in loc.spans(g["surface"], g.get("nth")))]
            why = ""
            if unscored:
                why = " (a Libyan side's men)" if unscored[0].get("libyan") else f" (gold: {unscored[0].get('counted')})"
            t.line("FALSE", "forces", rec["id"], f"{r.surface} [{r.low}–{r.high} {r.force_type}]{why}")


def _gold_date(s: str):
    """'2020-10-23' -> (2020, 10, 23); '2020-10' -> (2020, 10, None); '--10-23' -> (None, 10, 23)."""
    m = re.fullmatch(r"(\d{4}|-)-?(\d\d)?(?:-(\d\d))?", s.strip())
    if not m:
        m2 = re.fullmatch(r"--(\d\d)-(\d\d)", s.strip())
        if m2:
            return None, int(m2.group(1)), int(m2.group(2))
        m3 = re.fullmatch(r"(\d{4})", s.strip())
        if m3:
            return int(m3.group(1)), None, None
        raise ValueError(f"gold date {s!r}")
    y = None if m.group(1) == "-" else int(m.group(1))
    return y, int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def _int_or_none(x):
    import pandas as pd

    return None if x is None or pd.isna(x) else int(x)


def score_dates(rec, loc: Located, dates, t: Tally, c):
    gold = [g for g in rec.get("dates", []) if g.get("surface") and g.get("date")]
    rows = list(dates.itertuples()) if len(dates) else []
    used = set()
    for g, spans, hit in matched(gold, rows, loc, used):
        c["gold"] += 1
        if hit is None:
            t.line("MISS", "dates", rec["id"], f"{g['surface']} ({g['date']})"
                   + ("" if spans else " (surface not found in text)"))
            continue
        c["tp"] += 1
        r = rows[hit]
        gy, gm, gd = _gold_date(g["date"])
        ry, rm, rd = (_int_or_none(x) for x in (r.year, r.month, r.day))
        if (gy, gm, gd) == (ry, rm if gm else gm, rd if gd else gd):
            c["value"] += 1
        else:
            t.line("WRONG", "dates", rec["id"], f"{g['surface']}: gold {g['date']}, row {r.date} ({r.surface})")
        if ry is not None and ry != gy:
            c["wrong_year"] += 1
    c["pred"] += len(rows)
    c["pred_tp"] += len(used)
    for i, r in enumerate(rows):
        if i not in used:
            t.line("FALSE", "dates", rec["id"], f"{r.surface} -> {r.date}")


def _speaker_right(g, r) -> bool:
    from libyakit.gazetteer import actor_info

    gs, gen, kind = g.get("speaker") or "", g.get("speaker_en") or "", g.get("speaker_kind")
    name = r.speaker_name if isinstance(r.speaker_name, str) else ""
    en = r.speaker_en if isinstance(r.speaker_en, str) else ""
    sid = r.speaker_id if isinstance(r.speaker_id, str) else ""
    if not (name or en or sid):
        return False
    gk = _ar_key(gs)
    for cand in (name, en):
        ck = _ar_key(cand)
        if ck and gk and (ck in gk or gk in ck):
            return True
    gtoks = _name_tokens(gen) | _ar_tokens(gs)
    ptoks = _name_tokens(en) | _ar_tokens(name)
    if sid:
        try:
            info = actor_info(sid)
            ptoks |= _name_tokens(info.get("name_en") if isinstance(info, dict) else getattr(info, "name_en", ""))
        except Exception:
            pass
    if kind == "person":
        return bool(gtoks & ptoks)
    return bool(gtoks and ptoks and (gtoks & ptoks))


def score_quotes(rec, loc: Located, quotes, t: Tally, cs):
    rows = list(quotes.itertuples()) if len(quotes) else []
    kinds = [getattr(r, "kind", "direct") or "direct" for r in rows]
    used = set()
    for g in rec.get("quotes", []):
        kind = g.get("kind", "direct")
        c = cs[kind]
        spans = loc.spans(g.get("surface"), g.get("nth"))
        c["gold"] += 1
        hit = first_overlap(rows, used, spans, ok=lambda i: kinds[i] == kind)
        if hit is None:
            t.line("MISS", f"q-{kind[:3]}", rec["id"], f"{_one_line(g.get('surface'), 50)} — {g.get('speaker')}"
                   + ("" if spans else " (surface not found in text)"))
            continue
        used.add(hit)
        c["tp"] += 1
        r = rows[hit]
        if _speaker_right(g, r):
            c["speaker"] += 1
        else:
            t.line("WRONG", f"q-{kind[:3]}", rec["id"], f"speaker of {_one_line(g.get('surface'), 40)}: gold "
                   f"{g.get('speaker')!r}, row {r.speaker_name!r}/{r.speaker_en!r}/{r.speaker_id!r}")
    for i, r in enumerate(rows):
        cs[kinds[i]]["pred"] += 1
        if i in used:
            cs[kinds[i]]["pred_tp"] += 1
        else:
            t.line("FALSE", f"q-{kinds[i][:3]}", rec["id"], f"{_one_line(r.surface, 60)} — {r.speaker_name or r.speaker_en}")


# ---------------------------------------------------------------- the run

def _dates_frame(articles):
    import libyakit

    if hasattr(libyakit, "extract_dates") or "extract_dates" in getattr(libyakit, "__all__", []):
        return libyakit.extract_dates(articles)
    # before extract_dates existed: the date layer as the ceasefire extractor sees it
    import pandas as pd
    from libyakit.dates import find_dates, resolve

    out = []
    for a in articles.itertuples():
        ad = a.date.date() if a.date == a.date and a.date is not None else None
        for d in find_dates(a.text):
            if d.weekday is not None and d.day is None:
                continue
            value, _ = resolve(d, article_date=ad, reference=None)
            out.append({"article_id": a.article_id, "start": d.start, "end": d.end, "surface": d.surface,
                        "year": value.year if value else d.year, "month": d.month, "day": d.day,
                        "date": value.isoformat() if value else None})
    return pd.DataFrame(out, columns=["article_id", "start", "end", "surface", "year", "month", "day", "date"])


def run(records, texts):
    import pandas as pd
    import libyakit as ly

    frame = pd.DataFrame([{"id": rid, **texts[rid]} for rid in texts])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = ly.articles_from_frame(frame, name="gold", progress=False) if hasattr(ly, "articles_from_frame") \
            else __import__("libyakit.load", fromlist=["x"]).articles_from_frame(frame, name="gold", progress=False)
    articles = articles.set_index("article_id", drop=False)
    results = {
        "actors": ly.extract_actors(articles.reset_index(drop=True)),
        "forces": ly.extract_forces(articles.reset_index(drop=True)),
        "quotes": ly.extract_quotes(articles.reset_index(drop=True)),
        "dates": _dates_frame(articles.reset_index(drop=True)),
    }
    t = Tally()
    counts = defaultdict(lambda: defaultdict(int))
    for rec in records:
        rid = rec["id"]
        if rid not in texts:
            continue
        art = articles.loc[rid]
        lang = rec.get("lang") or art["lang"]
        loc = Located(art["text"])
        part = {k: v[v["article_id"] == rid] for k, v in results.items()}
        score_states(rec, art, part["actors"], t, counts[("states", lang)])
        score_entities(rec, loc, part["actors"], t, counts[("entities", lang)])
        score_forces(rec, loc, part["forces"], t, counts[("forces", lang)])
        score_dates(rec, loc, part["dates"], t, counts[("dates", lang)])
        score_quotes(rec, loc, part["quotes"], t,
                     {"direct": counts[("quotes direct", lang)], "reported": counts[("quotes reported", lang)]})
        counts[("articles", lang)]["n"] += 1
    return counts, t


def _pct(a, b) -> str:
    return f"{100 * a / b:5.1f}" if b else "    –"


def table(counts) -> list[str]:
    langs = sorted({lang for _, lang in counts})
    lines = ["", "| extractor | lang | articles | gold | rows | precision % | recall % | more |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for ext in ("states", "entities", "forces", "dates", "quotes direct", "quotes reported"):
        for lang in langs:
            c = counts.get((ext, lang))
            if not c:
                continue
            n = counts[("articles", lang)]["n"]
            pred_tp = c["pred_tp"] if ext not in ("states",) else c["tp"]
            more = ""
            if ext == "states":
                more = f"{c['pred'] - c['tp']} false states"
            elif ext == "forces":
                more = (f"value {c['value']}/{c['tp']}, origin {c['origin']}/{c['tp']} ({_pct(c['origin'], c['tp']).strip()} %), "
                        f"source {c['source']}/{c['tp']} ({_pct(c['source'], c['tp']).strip()} %)")
            elif ext == "dates":
                more = f"value {c['value']}/{c['tp']}, wrong year {c['wrong_year']}"
            elif ext.startswith("quotes"):
                more = f"speaker right {c['speaker']}/{c['tp']} ({_pct(c['speaker'], c['tp']).strip()} % of found)"
            lines.append(f"| {ext} | {lang} | {n} | {c['gold']} | {c['pred']} | {_pct(pred_tp, c['pred'])} | "
                         f"{_pct(c['tp'], c['gold'])} | {more} |")
    return lines


# ---------------------------------------------------------------- agreement between two annotators

def agreement(gold: Path = GOLD) -> list[str]:
    """Item agreement (F1 of one annotator against the other) on the articles both annotated."""
    second = {r["id"]: r for r in read_gold(gold, ("second",))}
    first = {r["id"]: r for r in read_gold(gold, SETS) if r["id"] in second}
    if not second:
        return ["no second annotation (benchmarks/gold/second/)"]
    texts, _ = texts_for(list(first.values()))
    out = [f"agreement on {len(first)} articles annotated twice (F1 of item sets; attributes on items both found):",
           "| category | items A | items B | both | F1 | attribute agreement |", "| --- | --- | --- | --- | --- | --- |"]
    agg = defaultdict(lambda: [0, 0, 0, 0, 0])
    for rid, a in first.items():
        b = second[rid]
        if rid not in texts:
            continue
        loc = Located(texts[rid]["text"])
        sa = {s["iso3"] for s in a.get("states", [])}
        sb = {s["iso3"] for s in b.get("states", [])}
        x = agg["states"]
        x[0] += len(sa); x[1] += len(sb); x[2] += len(sa & sb)
        for cat, attr in (("entities", None), ("forces", "value"), ("dates", "date"), ("quotes", "speaker")):
            keep = scored_force if cat == "forces" else (lambda i: True)
            ia = [i for i in a.get(cat, []) if keep(i)]
            ib = [i for i in b.get(cat, []) if keep(i)]
            x = agg[cat]
            x[0] += len(ia); x[1] += len(ib)
            used = set()
            for g in ia:
                sp = loc.spans(g.get("surface"))
                j = next((j for j, h in enumerate(ib) if j not in used and
                          any(overlaps(s, t) for s in sp for t in loc.spans(h.get("surface")))), None)
                if j is None:
                    continue
                used.add(j)
                x[2] += 1
                h = ib[j]
                if attr is None:
                    continue
                x[3] += 1
                if attr == "value":
                    x[4] += (g.get("low"), g.get("high")) == (h.get("low"), h.get("high"))
                elif attr == "date":
                    x[4] += g.get("date") == h.get("date")
                else:
                    x[4] += bool(_name_tokens(g.get("speaker_en")) & _name_tokens(h.get("speaker_en"))) or \
                        _ar_key(g.get("speaker")) == _ar_key(h.get("speaker"))
    for cat, (na, nb, both, natt, agree) in agg.items():
        f1 = 2 * both / (na + nb) if na + nb else 1.0
        att = f"{agree}/{natt}" if natt else "–"
        out.append(f"| {cat} | {na} | {nb} | {both} | {f1:.2f} | {att} |")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--set", action="append", dest="sets", choices=SETS)
    ap.add_argument("--rows", action="store_true", help="print every miss, false and wrong row")
    ap.add_argument("--agreement", action="store_true", help="also print the agreement of the two annotators")
    ap.add_argument("--json", type=Path, help="write the counts as JSON")
    args = ap.parse_args(argv)
    records = read_gold(args.gold, tuple(args.sets or SETS))
    if not records:
        print(f"no gold records under {args.gold}")
        return 0
    texts, skipped = texts_for(records)
    print(f"gold: {len(records)} articles; {len(texts)} with their text here, {len(skipped)} skipped")
    for rid, why in sorted(skipped.items())[:5]:
        print(f"  skipped {rid}: {why}")
    if not texts:
        print("nothing to score on this machine (the texts are not here): skipped")
        return 0
    counts, t = run(records, texts)
    if args.rows:
        for line in sorted(t.lines, key=lambda s: (s.split()[1], s.split()[0], s)):
            print(line)
    if args.agreement:
        print("\n".join(agreement(args.gold)))
    print("\n".join(table(counts)))
    if args.json:
        args.json.write_text(json.dumps({f"{k[0]}|{k[1]}": dict(v) for k, v in counts.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
