"""Benchmark the concordance over the shared SaudiNewsNet sample (~20k real Arabic articles).

    python benchmarks/kwic.py [DATA] [--repeat 3]

Loads the corpus (build/saudinewsnet.jsonl, converted once as benchmarks/pipeline.py does;
never committed) with load_articles(fix_joined=False), times the index build (the first
kwic call), then each query of a fixed list (stems, whole words, a phrase, an English word)
as the best of --repeat runs, with the number of lines it found.

Target (issue 22): under 2 s per query after one index build.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

QUERIES = [("مرتزق", "prefix"), ("الحوثي", "prefix"), ("السعودية", "prefix"), ("اليمن", "word"),
           ("قوات التحالف", "prefix"), ("التحالف العربي", "word"), ("وزير", "prefix"), ("Saudi", "prefix")]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"benchmark data not found: {args.data}; nothing measured", file=sys.stderr)
        return 2
    import libyakit as ly
    from pipeline import load_unrepaired

    articles = load_unrepaired(args.data)
    start = time.perf_counter()
    ly.kwic(articles, "مرتزق")
    print(f"index build (first kwic call): {time.perf_counter() - start:.1f} s")
    worst = 0.0
    for term, match in QUERIES:
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            rows = ly.kwic(articles, term, match=match)
            best = min(best, time.perf_counter() - start)
        worst = max(worst, best)
        print(f"kwic {term!r:<18} match={match:<6} {len(rows):6,} lines  {best:6.3f} s")
    print(f"slowest query: {worst:.3f} s (target < 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
