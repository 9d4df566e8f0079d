"""Benchmark reading a large LexisNexis-style export: 20,000 articles in one ~50 MB file.

    python benchmarks/exports.py [DATA] [--articles 20000] [--no-repair]

Writes build/lexisnexis_export.txt (never committed) in the Nexis Uni layout: a cover page,
then per article "Document N of M", headline, source, date, "Length:", "Byline:", "Body",
the text, "Classification", "Load-Date:", "End of Document". The text of each article is
taken from the shared SaudiNewsNet sample (../shared/data/saudinewsnet, via
build/saudinewsnet.jsonl as benchmarks/pipeline.py converts it), repeated in turn until
the file holds --articles articles of about the same size, 50 MB in all (a short
article's paragraphs are repeated, a long one is cut at a space). Then times
read_export (split + fields only) and load_articles (split, clean, language, dates and,
unless --no-repair, the joined-word repair) and checks one row per article.

Target (issue 22): 20,000 articles, 50 MB, loaded in under 30 s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

OUT = ROOT / "build" / "lexisnexis_export.txt"
TARGET_BYTES = 50_000_000


def write_export(texts: list[dict], n: int, out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    chars = int(TARGET_BYTES / n / 1.85) - 150  # Arabic text is ~1.85 bytes a character in UTF-8; 150 for the header
    with open(out, "w", encoding="utf-8") as f:
        f.write("Date and Time: Monday, 7. December 2026 20:00:00 UTC\nJob Number: 1\nDocuments (%d)\n"
                "Search Terms: benchmark\n\n\n\n" % n)
        for i in range(n):
            art = texts[i % len(texts)]
            body = art["text"].strip()
            while len(body) < chars:  # a short article: its paragraphs again
                body = body + "\n\n" + body
            if len(body) > chars * 1.2:  # a long one: cut at a space
                body = body[:body.rfind(" ", 0, chars)]
            day = 1 + i % 28
            f.write(f"Document {i + 1} of {n}\n\n{art['title'] or 'بدون عنوان'}\n{art['source'] or 'مصدر'}\n"
                    f"July {day}, 2015 Wednesday\n\nLength: {len(body.split())} words\nByline: مراسل {i % 50}\n"
                    f"Body\n\n{body}\n\nClassification\nLanguage: ARABIC\nLoad-Date: July {day}, 2015\n\n"
                    "End of Document\n\n")
    return out.stat().st_size


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--no-repair", action="store_true", help="load_articles(fix_joined=False)")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"benchmark data not found: {args.data}; nothing measured", file=sys.stderr)
        return 2
    import libyakit as ly
    from pipeline import JSONL, convert

    path = convert(args.data, JSONL)
    with open(path, encoding="utf-8") as fh:
        texts = [r for r in map(json.loads, fh) if len(r["text"].split()) >= 20]
    size = write_export(texts, args.articles, OUT)
    print(f"wrote {OUT.relative_to(ROOT)}: {args.articles:,} articles, {size / 1e6:.1f} MB")

    start = time.perf_counter()
    table = ly.read_export(OUT)
    print(f"read_export (split + fields): {len(table):,} rows in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = ly.load_articles(OUT, fix_joined=not args.no_repair, progress=False)
    secs = time.perf_counter() - start
    repair = "without" if args.no_repair else "with"
    print(f"load_articles ({repair} the joined-word repair): {len(articles):,} rows in {secs:.1f} s "
          f"({size / 1e6 / secs:.1f} MB/s); one row per article: {len(articles) == args.articles}; "
          f"dates read: {int(articles['date'].notna().sum()):,}; bylines: {int((articles['byline'] != '').sum()):,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
