"""Past one process: the same per-article functions over a Dask DataFrame.

Nothing here is a parallel framework of its own: Dask partitions the corpus,
``map_partitions`` runs libyakit's ordinary pandas functions on each partition,
and a local (or remote) Dask cluster runs the partitions in parallel. Dask is
an optional extra: ``pip install 'libyakit[dask]'``.

>>> import libyakit.scale as sc                                  # doctest: +SKIP
>>> articles = sc.read_articles_dask("corpus.jsonl")               # doctest: +SKIP
>>> actors = sc.extract_dask(articles, "actors").compute()         # doctest: +SKIP
"""

from __future__ import annotations

import warnings
from pathlib import Path

__all__ = ["read_articles_dask", "extract_dask", "run_pipeline_dask", "EXTRACTORS"]


def _dd():
    try:
        import dask.dataframe as dd
    except ImportError as e:  # an optional extra: say how to get it
        raise ImportError("libyakit.scale needs Dask: pip install 'libyakit[dask]'") from e
    return dd


def _extractors():
    from . import actors, backing, ceasefire, forces, quotes

    return {
        "actors": (actors.extract_actors, actors.ACTOR_COLUMNS),
        "forces": (forces.extract_forces, forces.FORCE_COLUMNS),
        "backing": (backing.extract_backing, backing.BACKING_COLUMNS),
        "ceasefire": (ceasefire.extract_ceasefire, ceasefire.CEASEFIRE_COLUMNS),
        "quotes": (quotes.extract_quotes, quotes.QUOTE_COLUMNS),
    }


EXTRACTORS = ("actors", "forces", "backing", "ceasefire", "quotes")


def _articles_meta():
    from .load import ARTICLE_COLUMNS, articles_from_frame
    import pandas as pd

    empty = articles_from_frame(pd.DataFrame({"text": ["Libya."]}), progress=False).iloc[:0]
    return empty[ARTICLE_COLUMNS]


def _read_raw(path: Path, blocksize):
    """The corpus file as a Dask DataFrame of raw rows, and what the articles' ``encoding``
    column says (as :func:`libyakit.load_articles` has it)."""
    dd = _dd()
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return dd.read_json(str(path), lines=True, blocksize=blocksize, dtype=False), "jsonl"
    if suffix == ".csv":
        from .load import sniff_encoding

        encoding = sniff_encoding(path)  # as load_articles decodes it (Windows-1256 from Excel ...)
        if encoding == "utf-16":
            blocksize = None  # blocks are cut at b"\n", which splits UTF-16's two-byte letters
        return dd.read_csv(str(path), blocksize=blocksize, dtype=str, keep_default_na=False,
                           encoding=encoding), encoding
    if suffix == ".parquet":
        return dd.read_parquet(str(path)), "parquet"
    raise ValueError(f"{path}: Dask reads .csv, .jsonl/.ndjson or .parquet corpora, not {suffix!r}")


def read_articles_dask(path, *, blocksize: str | int = "8MB", text_column: str | None = None,
                       errors: str = "raise", fix_joined: bool = True):
    """A Dask DataFrame of articles from a CSV, JSON Lines or Parquet corpus.

    Each partition goes through :func:`libyakit.load.articles_from_frame`:
    the same cleaning, repair and columns as :func:`libyakit.load_articles`.
    Rows without an id column get ``<file>-p<partition>-<row>`` ids.
    """
    from .load import articles_from_frame

    path = Path(path)
    raw, encoding = _read_raw(path, blocksize)

    def convert(part, partition_info=None):
        number = partition_info["number"] if partition_info else 0
        return articles_from_frame(part, name=f"{path.stem}-p{number}", text_column=text_column,
                                   errors=errors, fix_joined=fix_joined, progress=False, encoding=encoding)

    return raw.map_partitions(convert, meta=_articles_meta())


def extract_dask(articles, name: str, **kwargs):
    """Run one extractor (actors, forces, backing, ceasefire, quotes) on every partition.

    ``articles`` is a Dask DataFrame of articles; the result is a Dask
    DataFrame of that extractor's rows. Ceasefire dates of undated articles
    take the same ``reference_date=`` as :func:`libyakit.extract_ceasefire` (default: none).
    """
    table = _extractors()
    if name not in table:
        raise ValueError(f"unknown extractor {name!r}; expected one of {EXTRACTORS}")
    func, _ = table[name]
    kwargs.setdefault("progress", False)  # no bars inside workers
    meta = func(_articles_meta(), **kwargs)
    return articles.map_partitions(func, meta=meta, **kwargs)


def run_pipeline_dask(path, *, workers: int = 2, blocksize: str | int = "8MB", client=None,
                      text_column: str | None = None) -> dict:
    """Load a tabular corpus and compute every table on a Dask cluster (a local one by default).

    One task per partition loads it (:func:`libyakit.load.articles_from_frame`)
    and runs :func:`libyakit.pipeline.run_pipeline` on it — one pass per
    article over all extractors (a year is never borrowed across articles, so
    partitions need nothing from each other). Returns pandas DataFrames, as
    run_pipeline does.
    """
    import dask
    import pandas as pd

    from .load import articles_from_frame
    from .pipeline import TABLES, run_pipeline

    own = None
    if client is None:
        from dask.distributed import Client, LocalCluster

        own = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(own)
    try:
        raw, encoding = _read_raw(Path(path), blocksize)
        stem = Path(path).stem

        def load_and_run(part, number):
            with warnings.catch_warnings():  # one summary below, not one warning per partition
                warnings.simplefilter("ignore")
                articles = articles_from_frame(part, name=f"{stem}-p{number}", text_column=text_column,
                                               errors="warn", progress=False, encoding=encoding)
            tables = run_pipeline(articles, progress=False)
            tables["problems"] = articles.attrs["problems"]
            return tables

        parts = [dask.delayed(load_and_run)(p, i) for i, p in enumerate(raw.to_delayed())]
        results = dask.compute(*parts)
        from .load import _first_problems

        problems = [p for r in results for p in r["problems"]]
        if problems:
            warnings.warn(f"skipped {len(problems)} rows: {_first_problems(problems)}"
                          + (" ..." if len(problems) > 5 else ""), stacklevel=2)
        tables = {"articles": pd.concat([r["articles"] for r in results], ignore_index=True)}
        tables["articles"].attrs["problems"] = problems
        for name in TABLES:
            tables[name] = pd.concat([r[name] for r in results], ignore_index=True)
        return tables
    finally:
        if own is not None:
            client.close()
            own.close()
