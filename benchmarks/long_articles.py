"""Seconds per MB of each extractor on one long article, at growing lengths: is the cost linear?

    python benchmarks/long_articles.py [--sizes 0.25 0.5 1 2] [DATA]

The article is SaudiNewsNet's Libya articles run together (and repeated to the size asked), the
shape of a news-database export read as one file. Each extractor runs on the text once per size;
the figures are seconds and seconds per MB (flat when the cost is linear in the length).
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


def libya_text(data: Path) -> str:
    parts = []
    for z in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                parts += [a["content"] for a in json.loads(zf.read(name))
                          if a.get("content") and "ليبيا" in a["content"]]
    return "\n\n".join(parts)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1.0, 2.0], help="MB of text")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"benchmark data not found: {args.data}; nothing measured", file=sys.stderr)
        return 2
    from libyakit.actors import mentions_in
    from libyakit.backing import backing_in
    from libyakit.ceasefire import events_in
    from libyakit.dates import dates_in
    from libyakit.forces import claims_in
    from libyakit.quotes import quotes_in

    base = libya_text(args.data)
    extractors = {
        "actors": mentions_in, "forces": claims_in, "quotes": quotes_in, "backing": backing_in,
        "ceasefire": lambda t: events_in(t, lang="ar", article_date=None, reference=None), "dates": dates_in,
    }
    for f in extractors.values():
        f(base[:2000])  # load the tables first: the figures are the cost per text
    print(f"{'extractor':10s} " + " ".join(f"{s:>7.2f} MB" for s in args.sizes) + "   s/MB at each size")
    for name, f in extractors.items():
        secs = []
        for size in args.sizes:
            n = int(size * 1_000_000)
            text = (base * (n // len(base) + 1))[:n]
            start = time.perf_counter()
            f(text)
            secs.append(time.perf_counter() - start)
        per_mb = " ".join(f"{s / size:6.2f}" for s, size in zip(secs, args.sizes))
        print(f"{name:10s} " + " ".join(f"{s:8.2f} s" for s in secs) + f"   {per_mb}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
