"""CPU seconds per MB of dates, ceasefire and backing on one long article: alone, with the
article's sentences and actor mentions given, and on a Document whose layers (sentences, mentions,
mark-free view) are built once, as the pipeline shares them.

    python benchmarks/events_long.py [--sizes 1 10] [DATA]

The article is SaudiNewsNet's Libya articles run together and repeated to the size asked (see
benchmarks/long_articles.py). Process time, the best of three runs (one at 10 MB and more), so
that other work on the machine counts less; flat figures across sizes mean a linear cost.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _best(f, runs: int) -> float:
    out = float("inf")
    for _ in range(runs):
        t = time.process_time()
        f()
        out = min(out, time.process_time() - t)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--sizes", type=float, nargs="+", default=[1.0, 10.0], help="MB of text")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"benchmark data not found: {args.data}; nothing measured", file=sys.stderr)
        return 2
    from long_articles import libya_text

    from libyakit.actors import mentions_in
    from libyakit.backing import backing_in
    from libyakit.ceasefire import events_in
    from libyakit.dates import dates_in
    from libyakit.sentences import sentence_spans

    try:
        from libyakit.document import Document
    except ImportError:  # (before the Document: extractors took the text and its layers as keywords)
        Document = None
    base = libya_text(args.data)
    events_in(base[:3000], lang="ar", article_date=None, reference=None), dates_in(base[:3000]), backing_in(base[:3000])  # load the tables
    columns = ["dates", "ceasefire", "ceasefire|layers", "backing|mentions", "backing|layers"]
    if Document is not None:
        columns += ["ceasefire|document", "backing|document"]
    print(f"{'MB':>6} " + " ".join(f"{c:>20}" for c in columns) + "   (CPU s/MB)")
    for size in args.sizes:
        n = int(size * 1_000_000)
        text = (base * (n // len(base) + 1))[:n]
        sents, ments = sentence_spans(text), mentions_in(text)
        layers = {"sentences": sents, **({"mentions": ments} if Document is not None else {})}
        runs = 3 if size <= 2 else 1
        figures = [
            _best(lambda: dates_in(text), runs),
            _best(lambda: events_in(text, lang="ar", article_date=None, reference=None), runs),
            _best(lambda: events_in(text, lang="ar", article_date=None, reference=None, **layers), runs),
            _best(lambda: backing_in(text, mentions=ments), runs),
            _best(lambda: backing_in(text, mentions=ments, sentences=sents), runs),
        ]
        if Document is not None:  # the pipeline's case: one Document, its layers built once and shared
            doc = Document(text, lang="ar")
            doc.sentences, doc.mentions, doc.bare_view
            figures += [_best(lambda: events_in(doc), runs), _best(lambda: backing_in(doc), runs)]
        print(f"{size:6.2f} " + " ".join(f"{s / size:20.3f}" for s in figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
