"""Check the joined-word repair against repairs in the scraped text that were read by eye.

    python benchmarks/reviewed_repairs.py [CORPUS] [--labels benchmarks/reviewed_repairs.tsv]
                                          [--joined-evidence article|corpus] [--show 20]

Real text has no answer key, and the random-deletion benchmark (joined_words.py) rewards
splitting function words that scraped text seldom joins. benchmarks/reviewed_repairs.tsv
records, for runs of Arabic letters in the SaudiNewsNet sample (CORPUS, default
build/saudinewsnet.jsonl from benchmarks/pipeline.py), the spacing a reader judged right: the
repair as made, a different spacing, or the run left whole. It holds no text of the articles:
each run is named by its article and a hash of its letters, and the spacing by offsets. This
script loads the corpus, repairs it, and counts for each labelled run what the repair does now:

* right repair — a join, spaced as the label says;
* wrong repair — spaces inserted, but not as the label says (a real word or name cut, or a
  join cut in the wrong place);
* missed join — the label has spaces, the repair left the run whole;
* kept whole — the label and the repair both leave it whole.

Rows from the seeded random review samples ("sample") estimate how often the repairs made are
right; rows read while trying a change ("change") are a regression set of hard cases, not a
random one. The labels are one reader's judgement; unclear cases were left out.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT / "build" / "saudinewsnet.jsonl"
LABELS = Path(__file__).resolve().parent / "reviewed_repairs.tsv"
OUTCOMES = ("right repair", "wrong repair", "missed join", "kept whole")
_HEX12 = re.compile(r"[0-9a-f]{12}")


def run_key(run: str) -> str:
    """How the label file names a run: the first 12 hex digits of the SHA-1 of its UTF-8."""
    return hashlib.sha1(run.encode("utf-8")).hexdigest()[:12]


def read_labels(path: Path) -> list[dict]:
    """The labels, each with ``spaces`` as a tuple of offsets into its run."""
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))
    for r in rows:
        try:
            r["spaces"] = tuple(int(x) for x in r["spaces"].split(",")) if r["spaces"] else ()
        except ValueError:
            raise ValueError(f"{path}: spaces {r['spaces']!r} are not offsets") from None
        if list(r["spaces"]) != sorted(set(r["spaces"])) or any(x < 1 for x in r["spaces"]):
            raise ValueError(f"{path}: spaces {r['spaces']!r} must be increasing offsets inside the run")
        if not _HEX12.fullmatch(r["run_sha1"]):
            raise ValueError(f"{path}: {r['run_sha1']!r} is not 12 hex digits of a SHA-1")
    return rows


def spaced(run: str, spaces) -> str:
    """``run`` with a space before each offset in ``spaces``."""
    cut = set(spaces)
    return "".join((" " if k in cut else "") + ch for k, ch in enumerate(run))


def outcome(expected, actual) -> str:
    """Compare the offsets of the spaces a label puts in a run with those the repair put."""
    expected, actual = tuple(expected), tuple(actual)
    if not actual:
        return "missed join" if expected else "kept whole"
    return "right repair" if actual == expected else "wrong repair"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--joined-evidence", choices=("article", "corpus"), default="article")
    ap.add_argument("--show", type=int, default=20, help="print this many disagreements")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (run benchmarks/pipeline.py first for the default)", file=sys.stderr)
        return 2
    labels = read_labels(args.labels)

    import libyakit as ly
    from libyakit.clean import clean_text
    from libyakit.segment import _RUN as run_re  # a run, exactly as the repair sees it
    from libyakit.segment import inserted_spaces

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # empty rows of the sample are skipped
        articles = ly.load_articles(args.corpus, errors="warn", progress=False,
                                    joined_evidence=args.joined_evidence)
    wanted = {r["article_id"] for r in labels}
    missing = wanted - set(articles["article_id"])
    if missing:
        print(f"{len(missing)} labelled articles are not in {args.corpus}, e.g. {sorted(missing)[:3]}", file=sys.stderr)
        return 2
    report = ly.joined_words_report(articles, progress=False)
    repaired: dict[tuple[str, str], tuple[int, ...]] = {}  # (article, run key) -> offsets of its spaces in the run
    for aid, original, surface in zip(report["article_id"], report["original"], report["surface"]):
        at = inserted_spaces(original, surface)  # offsets in the repaired form
        repaired.setdefault((aid, run_key(original)), tuple(o - k for k, o in enumerate(at)))
    runs: dict[tuple[str, str], str] = {}  # every labelled run, for printing
    labelled = {(r["article_id"], r["run_sha1"]) for r in labels}
    for aid, raw in zip(articles["article_id"], articles["text_raw"]):
        if aid in wanted:
            for run in run_re.findall(clean_text(raw)):  # the text the repair was given
                if (aid, run_key(run)) in labelled:
                    runs.setdefault((aid, run_key(run)), run)
    unknown = labelled - set(runs)
    if unknown:  # a cleaning rule took the text that held them (site chrome): reported, not scored
        print(f"{len(unknown)} labelled runs are no longer in their articles' cleaned text (left out), "
              f"e.g. {sorted(unknown)[:3]}", file=sys.stderr)
        labels = [r for r in labels if (r["article_id"], r["run_sha1"]) in runs]
    outside = [r for r in labels if r["spaces"] and r["spaces"][-1] >= len(runs[r["article_id"], r["run_sha1"]])]
    if outside:
        print(f"{len(outside)} labels put a space past the end of their run, e.g. {outside[0]}", file=sys.stderr)
        return 2

    counts: Counter = Counter()
    disagree = []
    for r in labels:
        key = (r["article_id"], r["run_sha1"])
        actual = repaired.get(key, ())
        o = outcome(r["spaces"], actual)
        counts[r["source"], o] += 1
        if o in ("wrong repair", "missed join"):
            run = runs[key]
            disagree.append((r["source"], o, r["article_id"], run, spaced(run, actual), spaced(run, r["spaces"])))

    print(f"{len(labels)} labelled runs in {len(wanted)} articles; repair with joined_evidence={args.joined_evidence!r}")
    print(f"{'source':<8} " + " ".join(f"{o:>13}" for o in OUTCOMES))
    for source in sorted({r["source"] for r in labels}):
        print(f"{source:<8} " + " ".join(f"{counts[source, o]:>13}" for o in OUTCOMES))
    for source, o, aid, original, actual, expected in disagree[:args.show]:
        print(f"  {source:<7} {o:<12} {aid}  {original} -> {actual}   (label: {expected})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
