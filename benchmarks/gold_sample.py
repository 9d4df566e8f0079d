"""Draw the SaudiNewsNet articles of the gold set, reproducibly.

    python benchmarks/gold_sample.py [--n 60] [--show ID]

The gold set references each article by its day and index in ../shared/data/saudinewsnet
(``2015-07-21-00004`` is the fifth article of 2015-07-21.zip), the same ids that
benchmarks/pipeline.py gives; the text itself never enters the project.

The draw: every article whose text mentions ليبيا (255 of 20,329), 300 to 7,000 characters
long (a hand annotator reads each one whole), one per title (the same story is often
stored twice), ordered by a SHA-1 of its id and the first N taken. ``--show ID`` prints
one article's title and text, for the annotator.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"


def articles(data: Path = DATA):
    """Yield (id, record) for every article of the daily ZIPs, in file order."""
    for z in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for i, art in enumerate(json.loads(zf.read(name))):
                    yield f"{z.stem}-{i:05d}", art


def candidates(data: Path = DATA) -> list[tuple[str, dict]]:
    seen_titles = set()
    out = []
    for aid, art in articles(data):
        text = art.get("content") or ""
        title = (art.get("title") or "").strip()
        if "ليبيا" not in text or not 300 <= len(text) <= 7000 or title in seen_titles:
            continue
        seen_titles.add(title)
        out.append((aid, art))
    return out


def sample(n: int, data: Path = DATA) -> list[tuple[str, dict]]:
    ranked = sorted(candidates(data), key=lambda p: hashlib.sha1(p[0].encode()).hexdigest())
    return ranked[:n]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--show", metavar="ID")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} is not there")
        return 0
    if args.show:
        for aid, art in articles():
            if aid == args.show:
                print(f"# {aid}  source={art.get('source')}  date_extracted={art.get('date_extracted')}")
                print(f"# title: {art.get('title')}\n")
                print(art.get("content"))
                return 0
        print(f"no article {args.show}", file=sys.stderr)
        return 1
    for aid, art in sample(args.n):
        print(aid, art.get("source"), len(art.get("content") or ""), (art.get("title") or "")[:70], sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
