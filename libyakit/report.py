"""What the notebooks share: the corpus their parameters name, and values put the way a reader reads them.

Every notebook starts with a cell tagged ``parameters`` (``CORPUS``,
``DATE_FROM``, ``DATE_TO``, ``LANGUAGE``) that papermill and
``make report CORPUS=…`` set; :func:`load_corpus` turns them into the
articles DataFrame and :func:`describe_corpus` into a sentence about it.
The rest turns extractor tables into what a researcher reads: origins as
names, amounts as words ("about 20,000", "thousands (2,000 or more)"),
mentions binned by article or by month so that charts stay readable at
10,000 articles.
"""

from __future__ import annotations

import re
import warnings

from .display import markdown, number

__all__ = ["load_corpus", "describe_corpus", "origins_text", "amount_text", "forces_view", "PEOPLE", "claim_groups", "top_events", "open_ended", "term_label",
           "article_bins", "actor_label"]

# Force types counted in people; bases are places and never share an axis with them.
PEOPLE = ("troops", "mercenaries", "fighters", "trainers", "contractors", "elements", "operatives")

# A vague amount with one of these words has a closed range ("several thousand": 3,000-9,000);
# a bare plural ("thousands", "آلاف", "مئات") is open-ended: only its lower bound means something.
_QUANTIFIED = re.compile(r"several|few|couple|عدة|بضع")


def load_corpus(corpus=None, *, date_from=None, date_to=None, language=None):
    """The articles the notebook parameters name.

    ``corpus``: a folder of ``.txt``/``.csv``/``.json``/... files, one file, or
    ``None`` for the seeds. Articles dated outside ``date_from``–``date_to``
    are left out (undated articles are kept: their date is unknown, not
    outside). ``language``: ``"ar"``, ``"en"`` or ``None`` for both.
    Unreadable files or rows are skipped; what was skipped is in
    ``df.attrs["problems"]`` and in :func:`describe_corpus` (not as a warning,
    which would land in the notebook's stored output).
    """
    import pandas as pd

    from .load import load_articles

    if language not in (None, "", "ar", "en"):
        raise ValueError(f"LANGUAGE must be 'ar', 'en' or None, not {language!r}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = load_articles(corpus or None, errors="warn")
    problems = articles.attrs.get("problems", [])
    notes = [str(w.message) for w in caught if "skipped" not in str(w.message)]
    n_loaded = len(articles)
    keep = pd.Series(True, index=articles.index)
    if date_from:
        keep &= articles["date"].isna() | (articles["date"] >= pd.Timestamp(date_from))
    if date_to:
        keep &= articles["date"].isna() | (articles["date"] <= pd.Timestamp(date_to))
    if language:
        keep &= articles["lang"] == language
    out = articles[keep].reset_index(drop=True)
    out.attrs.update(articles.attrs)
    out.attrs["problems"] = problems
    out.attrs["notes"] = notes
    out.attrs["n_loaded"] = n_loaded
    out.attrs["filters"] = {"date_from": date_from, "date_to": date_to, "language": language}
    if out.empty:
        raise ValueError(f"no articles left: {n_loaded} loaded, none dated {date_from or '…'}–{date_to or '…'}"
                         f"{' in ' + language if language else ''}")
    return out


def _corpus_name(corpus) -> str:
    from pathlib import Path

    return "the seeds (seeds/)" if not corpus else Path(str(corpus)).name


def describe_corpus(articles, corpus=None):
    """One computed paragraph: how many articles, in which languages, from when; what was skipped."""
    langs = articles["lang"].value_counts()
    dated = articles["date"].dropna()
    parts = ", ".join(f"{number(n)} in {'Arabic' if lang == 'ar' else 'English'}" for lang, n in langs.items())
    if not len(dated):
        when = "none of them dated"
    elif dated.min() == dated.max():
        when = f"dated {dated.min():%d %B %Y}"
    else:
        when = f"dated {dated.min():%d %B %Y} to {dated.max():%d %B %Y}"
    undated = len(articles) - len(dated)
    text = "**Corpus:** {name}: **{n}** articles ({parts}), {when}"
    values = dict(name=_corpus_name(corpus), n=len(articles), parts=parts, when=when)
    if len(dated) and undated:
        text += " ({undated} undated)"
        values["undated"] = undated
    text += "."
    filters = articles.attrs.get("filters", {})
    shown = [f"{k.replace('_', ' ')} {v}" for k, v in filters.items() if v]
    if shown:
        text += " Parameters: {filters}; {n_loaded} articles were loaded before filtering."
        values.update(filters="; ".join(shown), n_loaded=articles.attrs.get("n_loaded", len(articles)))
    problems = articles.attrs.get("problems", [])
    if problems:
        text += " Skipped as unreadable: {n_bad} (first: {first_bad})."
        p = problems[0]
        values.update(n_bad=len(problems), first_bad=f"{p.get('article_id') or p['path']}: {p['reason']}")
    return markdown(text, **values)


def _name_lookup():
    from .gazetteer import actors_table

    return actors_table()["name_en"].to_dict()


def actor_label(actor_id: str, names: dict | None = None) -> str:
    """An actor id as its English name (the id itself when the gazetteer lacks it; "" stays "")."""
    names = _name_lookup() if names is None else names
    if not actor_id:
        return ""
    if actor_id not in names and ":" in actor_id:  # a person the gazetteer does not list ("unlisted:Jan Kubis")
        return actor_id.split(":", 1)[1]
    return names.get(actor_id, actor_id)


def origins_text(origins, names: dict | None = None, *, none: str = "origin not stated") -> str:
    """A claim's origins as names: ``("SYR", "SDN")`` → ``"Syria, Sudan"``; ``()`` → ``none``."""
    names = _name_lookup() if names is None else names
    return ", ".join(actor_label(o, names) for o in origins) or none


def open_ended(amount: str) -> bool:
    """True for a vague amount with no upper bound worth reading: "thousands", "آلاف", "مئات"."""
    return not _QUANTIFIED.search(amount)


def amount_text(qualifier: str, low: float, high: float, amount: str = "") -> str:
    """A stated amount in words a reader reads.

    >>> amount_text("approx", 20000.0, 20000.0)
    'about 20,000'
    >>> amount_text("vague", 2000.0, 9999.0, "thousands")
    '2,000 or more (vague: thousands)'
    >>> amount_text("vague", 3000.0, 9000.0, "several thousand")
    '3,000–9,000 (vague: several thousand)'
    >>> amount_text("more_than", 5000.0, float("nan"))
    'more than 5,000'
    """
    if qualifier == "exact":
        return number(low)
    if qualifier == "approx":
        return f"about {number(low)}"
    if qualifier == "range":
        return f"{number(low)}–{number(high)}"
    if qualifier == "more_than":
        return f"more than {number(low if low == low else high)}"
    if qualifier == "less_than":
        return f"fewer than {number(high if high == high else low)}"
    if qualifier == "vague":
        words = amount.strip()
        words = re.sub(r"^[وف](?=[\u0600-\u06ff]{2})", "", words)  # the conjunction before it: "وآلاف عدة"
        if open_ended(words):
            return f"{number(low)} or more (vague: {words})"
        return f"{number(low)}–{number(high)} (vague: {words})"
    return number(low)


def forces_view(forces):
    """The force claims as a reader reads them: origins as names, amounts in words, sources named.

    Keeps ``article_id``, ``start`` and ``end`` (for :func:`libyakit.display.evidence`).
    """
    import pandas as pd

    names = _name_lookup()
    return pd.DataFrame({
        "article_id": forces["article_id"],
        "origins": [origins_text(o, names) for o in forces["origins"]],
        "force": forces["force_type"],
        "counts": forces["counts"],
        "amount": [amount_text(q, lo, hi, a) for q, lo, hi, a in
                   zip(forces["qualifier"], forces["low"], forces["high"], forces["amount"])],
        "as written": forces["surface"],
        "source": [actor_label(s, names) or "unattributed" for s in forces["attributed_to"]],
        "start": forces["start"],
        "end": forces["end"],
    }, index=forces.index)


def article_bins(articles, *, max_articles: int = 12):
    """How to group articles on a chart's axis so that it stays readable.

    Returns ``(mapping, kind)``: a Series article_id → bin label. Up to
    ``max_articles`` articles: one bin per article (full ids). More, with dates:
    one bin per month (weeks when all dates fall within three months); undated
    articles in an "undated" bin. More and no dates: one bin per language.
    """
    import pandas as pd

    ids = articles["article_id"]
    if len(articles) <= max_articles:
        return pd.Series(ids.to_numpy(), index=ids.to_numpy()), "article"
    dates = articles["date"]
    if dates.notna().any():
        span = dates.max() - dates.min()
        if span <= pd.Timedelta(days=92):
            labels = dates.dt.to_period("W-SUN").dt.start_time.dt.strftime("week of %Y-%m-%d")
            kind = "week"
        else:
            labels = dates.dt.strftime("%Y-%m")
            kind = "month"
        labels = labels.where(dates.notna(), "undated")
        return pd.Series(labels.to_numpy(), index=ids.to_numpy()), kind
    return pd.Series(articles["lang"].map({"ar": "Arabic", "en": "English"}).to_numpy(), index=ids.to_numpy()), \
        "language"


def claim_groups(forces, *, top: int = 15):
    """Strength claims grouped by origins and force type, the ``top`` most often stated first.

    Columns: label ("Syria, Sudan (mercenaries)"), n_claims, n_articles, low (the lowest
    figure stated), high (the highest; an open-ended amount counts by its lower bound),
    median (of each claim's figure: its value, or the middle of its range).
    """
    import numpy as np
    import pandas as pd

    names = _name_lookup()
    rows = []
    for row in forces.itertuples():
        lo = row.low if row.low == row.low else row.high
        hi = row.high if row.high == row.high else lo
        if row.qualifier == "more_than" or (row.qualifier == "vague" and open_ended(str(row.amount))):
            hi = lo
        rows.append({"label": f"{origins_text(row.origins, names)} ({row.force_type})", "article_id": row.article_id,
                     "low": lo, "high": hi, "point": (lo + hi) / 2})
    columns = ["label", "n_claims", "n_articles", "low", "high", "median"]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows)
    out = frame.groupby("label").agg(n_claims=("point", "size"), n_articles=("article_id", "nunique"),
                                     low=("low", "min"), high=("high", "max"), median=("point", "median"))
    out = out.reset_index().sort_values(["n_claims", "label"], ascending=[False, True], kind="stable")
    out["median"] = np.round(out["median"])
    return out.head(top).reset_index(drop=True)[columns]


def top_events(timeline, *, top: int = 30):
    """The ``top`` (term, day) events stated by the most articles, in date order."""
    if len(timeline) <= top:
        return timeline
    kept = timeline.sort_values(["n_articles", "date"], ascending=[False, True], kind="stable").head(top)
    return kept.sort_values(["date", "term"], kind="stable").reset_index(drop=True)


def term_label(term: str, lang: str = "en") -> str:
    """A ceasefire term's name as a reader reads it: "foreign_forces_withdrawal" → "withdrawal of foreign forces"."""
    from .ceasefire import TERM_LABELS

    en, ar = TERM_LABELS.get(term, (term.replace("_", " "), term.replace("_", " ")))
    return ar if lang == "ar" else en
