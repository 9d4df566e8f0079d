"""Seconds per MB of each extractor on long texts: is the cost linear in an article's length?

    python benchmarks/long_articles.py [DATA] [--sizes 1 10] [--many 10] [--only forces quotes]

The text is SaudiNewsNet's Libya articles run together (repeated to the size asked), the shape of a
news-database export read as one file; it is built at run time from DATA (default
../shared/data/saudinewsnet) and never written anywhere. For each size it prints the seconds and
the seconds per MB of each extractor on that text as **one article**, and on ``--many`` MB (default: the
largest size; 0: none) of the same text as **many articles** (the articles it was made of, one Document each). Flat
seconds per MB across sizes means a linear cost; a figure that grows with the size means worse.

The first rows are the document's layers alone (sentences, gazetteer mentions, the bare view).
Each extractor gets a fresh :class:`libyakit.document.Document`, so its figure includes the layers
it reads (sentences, actor mentions, the bare view; quotes' and forces' statements); ``all`` is one
document through every extractor (the pipeline's :func:`libyakit.pipeline.document_tables` and
:func:`libyakit.dates.dates_in`), each layer computed once. Figures on a shared machine are noisy:
compare runs made side by side.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def libya_articles(data: Path) -> list[str]:
    """The cleaned texts of SaudiNewsNet's articles that name Libya."""
    from libyakit.clean import clean_text

    parts = []
    for z in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                parts += [clean_text(a["content"]) for a in json.loads(zf.read(name))
                          if a.get("content") and "ليبيا" in a["content"]]
    return parts


def extractors() -> dict:
    from libyakit.dates import dates_in
    from libyakit.pipeline import EXTRACTORS, document_tables

    return {
        "sentences": lambda doc: doc.sentences,  # the document's layers alone
        "mentions": lambda doc: doc.mentions,
        "bare_view": lambda doc: doc.bare_view,
        **EXTRACTORS,
        "all": lambda doc: (document_tables(doc), dates_in(doc)),
    }


def _timed(f, docs) -> float:
    start = time.perf_counter()
    for doc in docs:
        f(doc)
    return time.perf_counter() - start


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--sizes", type=float, nargs="+", default=[1.0, 10.0], help="MB of text (default: 1 10)")
    ap.add_argument("--only", nargs="+", help="these rows only (sentences mentions bare_view actors forces quotes "
                                              "ceasefire backing dates all)")
    ap.add_argument("--many", type=float, help="MB of text as many articles (default: the largest size; 0: none)")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"benchmark data not found: {args.data}; nothing measured", file=sys.stderr)
        return 2
    from libyakit.document import Document

    articles = libya_articles(args.data)
    base = "\n\n".join(articles)
    funcs = {k: f for k, f in extractors().items() if not args.only or k in args.only}
    for f in funcs.values():
        f(Document(base[:5000], lang="ar"))  # load the tables first: the figures are the cost per text

    def texts(n_chars: int) -> list[str]:
        """Whole articles, repeated, until ``n_chars`` (the last one cut)."""
        out, total, i = [], 0, 0
        while total < n_chars:
            a = articles[i % len(articles)][: n_chars - total]
            out.append(a)
            total += len(a) + 2
            i += 1
        return out

    many = max(args.sizes) if args.many is None else args.many
    columns = [f"{s:g} MB" for s in args.sizes] + ([f"{many:g} MB as articles"] if many else [])
    print(f"{len(articles)} Libya articles, {len(base) / 1e6:.2f} M characters; seconds per MB of text "
          "(1 MB = 1,000,000 characters; one article unless said)")
    print(f"{'extractor':10s} " + " ".join(f"{c:>20s}" for c in columns))
    for name, f in funcs.items():
        cells = []
        for size in args.sizes:
            n = int(size * 1_000_000)
            text = "\n\n".join(texts(n))[:n]
            secs = _timed(f, [Document(text, lang="ar")])
            cells.append(f"{secs / size:8.2f} s/MB ({secs:6.1f} s)")
        if many:
            size = many
            docs = [Document(t, lang="ar") for t in texts(int(size * 1_000_000))]
            secs = _timed(f, docs)
            cells.append(f"{secs / size:8.2f} s/MB ({secs:6.1f} s)")
        print(f"{name:10s} " + " ".join(f"{c:>20s}" for c in cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
