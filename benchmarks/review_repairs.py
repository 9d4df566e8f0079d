"""Print a random sample of the joined-word repairs made in a real corpus, for review by eye.

    python benchmarks/review_repairs.py [CORPUS] [--sample 60] [--seed 11]

CORPUS is anything load_articles reads (default: build/saudinewsnet.jsonl, written by
benchmarks/pipeline.py from the shared SaudiNewsNet sample). Real text has no answer key:
the random-deletion benchmark (joined_words.py) measures recall, this sample shows how
many of the repairs made in text as it was scraped are right. One line per repair: the
rule, a little context, and the repaired words in [brackets].
"""

from __future__ import annotations

import argparse
import random
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT / "build" / "saudinewsnet.jsonl"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (run benchmarks/pipeline.py first for the default)", file=sys.stderr)
        return 2

    import libyakit as ly

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # empty rows of the sample are skipped, as counted below
        articles = ly.load_articles(args.corpus, errors="warn", progress=False)
    report = ly.joined_words_report(articles, progress=False)
    print(f"{len(articles):,} articles, {len(report):,} repairs; by rule: {report['rule'].value_counts().to_dict()}")
    texts = dict(zip(articles["article_id"], articles["text"]))
    rows = list(report.itertuples())
    random.Random(args.seed).shuffle(rows)
    for r in rows[:args.sample]:
        t = texts[r.article_id]
        before = t[max(0, r.start - 15):r.start].replace("\n", " ")
        after = t[r.end:r.end + 15].replace("\n", " ")
        print(f"{r.rule:<19} {r.article_id:<22} {before} [{r.surface}] {after}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
