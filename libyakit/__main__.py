"""Command line: ``python -m libyakit run CORPUS --out DIR [--format csv|parquet]``."""

from __future__ import annotations

import argparse
import sys
import time


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m libyakit", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="load a corpus, run every extractor, write every table")
    run.add_argument("corpus", help="a folder, a .txt file, or a .csv / .jsonl / .parquet table")
    run.add_argument("--out", required=True, help="folder for the tables")
    run.add_argument("--format", choices=["csv", "parquet"], default="csv")
    run.add_argument("--text-column", default=None, help="text column of tabular corpora, if not text/content/body")
    run.add_argument("--errors", choices=["raise", "warn"], default="raise")
    run.add_argument("--joined-evidence", choices=["article", "corpus"], default="article",
                     help="repair joined words from each article alone (default) or with the whole corpus's counts")
    args = parser.parse_args(argv)

    import libyakit as ly
    from libyakit.errors import CorpusError
    from libyakit.pipeline import export_tables, run_pipeline

    start = time.perf_counter()
    try:
        articles = ly.load_articles(args.corpus, errors=args.errors, text_column=args.text_column,
                                    joined_evidence=args.joined_evidence)
    except (CorpusError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    tables = run_pipeline(articles)
    for path in export_tables(tables, args.out, format=args.format):
        name = path.stem
        print(f"{path}: {len(tables[name]):,} rows")
    print(f"{len(articles):,} articles in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
