"""The whole analysis in one pass per article, and its tables written to disk.

:func:`run_pipeline` computes every table from the articles DataFrame,
matching actors and splitting sentences once per article for all
extractors. :func:`export_tables` writes them as CSV or Parquet, and
``python -m libyakit run CORPUS --out DIR`` does both from the command line.

The per-article work is a pure function of one row (:func:`article_tables`),
which is what lets :mod:`libyakit.scale` run it over a Dask DataFrame.
"""

from __future__ import annotations

from pathlib import Path

from .actors import ACTOR_COLUMNS, actor_rows
from .backing import BACKING_COLUMNS, backing_in
from .ceasefire import CEASEFIRE_COLUMNS, events_in
from .dates import dates_in
from .document import Document
from .forces import FORCE_COLUMNS, claims_in, with_statement_sources
from .quotes import QUOTE_COLUMNS

__all__ = ["run_pipeline", "export_tables", "article_tables", "document_tables", "forces_in", "EXTRACTORS", "TABLES"]

REPAIR_COLUMNS = ["article_id", "start", "end", "surface", "original", "parts", "part_zipf", "whole_zipf",
                  "score", "rule"]
TABLES = {
    "repairs": REPAIR_COLUMNS,
    "actors": ACTOR_COLUMNS,
    "forces": FORCE_COLUMNS,
    "backing": BACKING_COLUMNS,
    "ceasefire": CEASEFIRE_COLUMNS,
    "quotes": QUOTE_COLUMNS,
}


def forces_in(doc: Document) -> list[dict]:
    """The force claims of a document, a claim without a source of its own taking the speaker of the
    statement it stands in (what :func:`libyakit.extract_forces` gives for one article)."""
    return with_statement_sources(claims_in(doc), doc.statements)


# One function of a Document per extractor, with its default options: the rows of one article
# (without article_id, but the actors'). The benchmarks and the linear-time test run these.
EXTRACTORS = {
    "actors": lambda doc: actor_rows(doc.article_id, doc.actors),
    "forces": forces_in,
    "quotes": lambda doc: doc.statements,
    "ceasefire": events_in,
    "backing": backing_in,
    "dates": dates_in,
}


def article_tables(article_id: str, text: str, lang: str, date, *, reference=None) -> dict[str, list[dict]]:
    """Rows of every extractor table for one article (not the repairs: see run_pipeline).

    One :class:`~libyakit.document.Document` is built and handed to every extractor, so that its
    layers (sentences, actor mentions, the bare view, the statements) are computed once."""
    return document_tables(Document(text, article_id=article_id, lang=lang, date=date), reference=reference)


def document_tables(doc: Document, *, reference=None) -> dict[str, list[dict]]:
    """Rows of every extractor table for one document."""
    article_id = doc.article_id
    out = {
        "actors": EXTRACTORS["actors"](doc),
        "forces": forces_in(doc),
        "backing": backing_in(doc),
        "ceasefire": events_in(doc, reference=reference),
        "quotes": doc.statements,
    }
    for name in ("forces", "backing", "ceasefire", "quotes"):
        out[name] = [{"article_id": article_id, **r} for r in out[name]]
    return out


def _frame(name: str, rows: list[dict]):
    import pandas as pd

    df = pd.DataFrame(rows, columns=TABLES[name])
    for col in ("start", "end"):
        df[col] = df[col].astype("int64")
    if name == "ceasefire":
        df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
        df["year_inferred"] = df["year_inferred"].astype("bool")
    if name == "forces":
        df = df.astype({"low": "float64", "high": "float64"})
    return df


def run_pipeline(articles, *, reference_date=None, progress: bool | None = None) -> dict:
    """Every table for the articles: articles, repairs, actors, forces, backing, ceasefire, quotes.

    Equal, table by table, to calling the ``extract_*`` functions one by one
    (a test checks it), but each article's actors and sentences are found once.
    ``reference_date`` is the ceasefire dates' reference date for undated articles
    (default: none; see :func:`libyakit.extract_ceasefire`).
    """
    import pandas as pd

    from .corpus import _check_articles
    from .progress import progress_bar
    from .segment import joined_words_report

    _check_articles(articles, "article_id", "text", "lang", "date", "text_raw")
    reference = None if reference_date is None else pd.Timestamp(reference_date).date()
    rows: dict[str, list] = {name: [] for name in TABLES if name != "repairs"}
    items = zip(articles["article_id"], articles["text"], articles["lang"], articles["date"])
    for aid, text, lang, date in progress_bar(items, total=len(articles), desc="extracting", enable=progress):
        for name, part in article_tables(aid, text, lang, date, reference=reference).items():
            rows[name].extend(part)
    tables = {"articles": articles, "repairs": joined_words_report(articles, progress=progress)}
    tables.update({name: _frame(name, r) for name, r in rows.items()})
    return tables


def _convert_tuples(df, convert):
    """A copy of ``df`` with every tuple value (origins, parts, ...) passed through ``convert``."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object and out[col].map(lambda v: isinstance(v, tuple)).any():
            out[col] = out[col].map(lambda v: convert(v) if isinstance(v, tuple) else v)
    return out


def export_tables(tables: dict, out_dir, *, format: str = "csv") -> list[Path]:
    """Write each table to ``out_dir/<name>.csv`` (UTF-8 with BOM, so Excel reads Arabic) or ``.parquet``.

    Tuple columns (origins, parts) become ';'-joined text in CSV and lists in
    Parquet. Returns the paths written.
    """
    if format not in ("csv", "parquet"):
        raise ValueError(f"format must be 'csv' or 'parquet', not {format!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        path = out / f"{name}.{format}"
        if format == "csv":  # ';'-joined text, so that any CSV reader takes it
            _convert_tuples(df, lambda v: ";".join(map(str, v))).to_csv(path, index=False, encoding="utf-8-sig")
        else:
            _convert_tuples(df, list).to_parquet(path, index=False)
        written.append(path)
    return written
