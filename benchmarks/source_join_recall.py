"""Recall on the joins already in the uncorrupted text: how many does the repair miss?

    python benchmarks/source_join_recall.py [DATA] [--articles 1000] [--sample 100] [--seed 3]
                                            [--labels benchmarks/source_joins.tsv] [--show]

The random-deletion benchmark (joined_words.py) measures recall on spaces it deleted itself.
The articles also have joins of their own, and the repair can only be asked about those by
reading them. This script takes the same held-out articles as joined_words.py, uncorrupted,
and lists the *candidates*: runs of Arabic letters that are no common word (wordfreq Zipf
below KEEP_ZIPF, web joins such as "عددمن" included) and that split into two parts the
lexicon knows as words of Zipf PART_ZIPF_MIN or more (in the repair's own part table). It draws a seeded random sample of
them; each drawn run is labelled by reading it in context (source "candidate" in
benchmarks/source_joins.tsv: the spacing a reader judged right, empty for a word). With
those labels it prints, for the sample and scaled to all candidates:

* how many candidates are real joins, and how many of those the repair spaces right
  (recall on real joins among the candidates), wrong, or not at all;
* how many words the repair splits (false splits among the candidates).

Joins whose letters are a common lexicon entry ("لاسيما", Zipf 3.8) or that need three
parts are not candidates: the estimate is of the joins of two words that the lexicon does
not list as common. --show prints the sample with the article id, run key, the repair's
spacing and the label, for labelling.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from joined_words import DEFAULT_DATA, SOURCE_JOINS, TUNING_DAY, read_articles, read_source_joins  # noqa: E402
from reviewed_repairs import run_key, spaced  # noqa: E402

from libyakit.segment import _RUN, _STRIP_MARKS, KEEP_ZIPF, Segmenter, fix_joined_words_at  # noqa: E402


PART_ZIPF_MIN = 3.0  # both parts words of at least this Zipf (not a syllable of a name)


def candidates(items, seg: Segmenter) -> list[tuple[str, str, int, str]]:
    """(article id, text, start, run) for every candidate run, in text order."""
    out = []
    table = seg._part_table
    for aid, text in items:
        for m in _RUN.finditer(text):
            w = m.group().translate(_STRIP_MARKS)
            if len(w) < 4 or seg.zipf(w) >= KEEP_ZIPF:
                continue
            if any(table.get(w[:i], 0.0) >= PART_ZIPF_MIN and table.get(w[i:], 0.0) >= PART_ZIPF_MIN
                   for i in range(2, len(w) - 1)):
                out.append((aid, text, m.start(), m.group()))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--labels", type=Path, nargs="*", default=list(SOURCE_JOINS))
    ap.add_argument("--show", action="store_true", help="print the sample, for labelling")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"benchmark data not found: {args.data} (SaudiNewsNet ZIPs); nothing measured", file=sys.stderr)
        return 2
    days = [z.stem for z in sorted(args.data.glob("*.zip")) if z.stem != TUNING_DAY]
    items = read_articles(args.data, days, args.articles, with_ids=True)
    seg = Segmenter()
    cands = candidates(items, seg)
    sample = random.Random(args.seed).sample(cands, min(args.sample, len(cands)))
    labels = read_source_joins(args.labels)
    repaired = {}  # article -> offsets of the repair's spaces in the uncorrupted text
    for aid, text in items:
        out, _ = fix_joined_words_at(text, segmenter=seg)
        repaired[aid] = _inserted(text, out)
    counts: Counter = Counter()
    rows = []
    for aid, text, a, run in sample:
        cut = tuple(o - a for o in sorted(repaired[aid]) if a < o < a + len(run))
        label = labels.get((aid, run_key(run)))
        if label is None:
            kind = "unlabelled"
        elif label:
            kind = "join, repaired" if cut == label else "join, cut wrong" if cut else "join, missed"
        else:
            kind = "word, split" if cut else "word, kept"
        counts[kind] += 1
        rows.append((kind, aid, run, cut, label, text[max(0, a - 40):a], text[a + len(run):a + len(run) + 40]))
    n = len(sample)
    scale = len(cands) / n if n else 0.0
    joins = counts["join, repaired"] + counts["join, cut wrong"] + counts["join, missed"]
    print(f"{len(items)} articles, {len(cands):,} candidate runs (no common word, two known words); "
          f"a sample of {n} (seed {args.seed}), {counts['unlabelled']} of them unlabelled")
    for kind in ("join, repaired", "join, cut wrong", "join, missed", "word, split", "word, kept", "unlabelled"):
        print(f"  {kind:<16} {counts[kind]:>4}   ~{counts[kind] * scale:,.0f} of all candidates")
    if joins:
        print(f"recall on real joins among the candidates: {counts['join, repaired']}/{joins} = "
              f"{counts['join, repaired'] / joins:.2f}; joins missed or cut wrong: "
              f"~{(joins - counts['join, repaired']) * scale:,.0f} in these {len(items)} articles")
    if args.show:
        for kind, aid, run, cut, label, before, after in rows:
            lab = "?" if label is None else spaced(run, label)
            print(f"CANDIDATE [{kind}] {aid}\t{run_key(run)}\t{','.join(map(str, cut))}\t"
                  f"{before}[{spaced(run, cut)}]{after}\tlabel: {lab}".replace("\n", " "))
    return 0


def _inserted(before: str, after: str) -> set[int]:
    """Offsets in ``before`` before which ``after`` has an inserted space."""
    from libyakit.segment import inserted_spaces

    return {o - k for k, o in enumerate(inserted_spaces(before, after))}


if __name__ == "__main__":
    sys.exit(main())
