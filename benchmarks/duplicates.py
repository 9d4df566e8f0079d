"""Benchmark the reprint finder over the shared SaudiNewsNet sample with planted reprints.

    python benchmarks/duplicates.py [DATA] [--plant 1000] [--threshold 0.5] [--seed 22]

1. Loads ../shared/data/saudinewsnet (converted once to build/saudinewsnet.jsonl, as
   benchmarks/pipeline.py does; never committed) with load_articles(fix_joined=False).
2. Finds the stories of the corpus as it is (SaudiNewsNet already holds many reprints of
   the same agency story) and times it.
3. Plants altered reprints of --plant articles of 60 words or more: a new headline, one
   paragraph dropped (not the lead, at most a third of the words; when there is none, a
   paragraph of at most 30 words added from another article), and three word edits (a word replaced, one deleted, one given a
   "و" proclitic). Runs the finder again over corpus + copies, single process, and prints:
   recall: copies put in the same story as their original;
   precision: of the articles a copy's story put with it, those that belong there (its
   original, the original's story in the corpus as it was, other copies of those).

Targets (issue 22): under 60 s for 20k articles, recall >= 0.95, precision >= 0.99.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def plant(articles, n: int, seed: int):
    """Altered copies of ``n`` articles (60 words or more); returns (copies table, copy id -> original id)."""
    import pandas as pd

    rng = random.Random(seed)
    pool = articles[articles["n_words"] >= 60]
    chosen = rng.sample(list(pool.index), n)
    all_texts = articles["text"].tolist()
    rows, origin = [], {}
    for k, idx in enumerate(chosen):
        art = articles.loc[idx]
        paras = [p for p in art["text"].split("\n") if p.strip()]
        total = sum(len(p.split()) for p in paras)
        # a paragraph that is at most a third of the article (a reprint keeps the story), never the lead
        small = [i for i in range(1, len(paras)) if len(paras[i].split()) <= total / 3]
        if small:
            paras.pop(rng.choice(small))
        else:
            other = rng.choice(all_texts).split()
            paras.append(" ".join(other[:30]))
        words = "\n".join(paras).split(" ")
        for edit in ("replace", "delete", "proclitic"):
            i = rng.randrange(len(words))
            if edit == "replace":
                words[i] = rng.choice(rng.choice(all_texts).split() or ["خبر"])
            elif edit == "delete" and len(words) > 1:
                del words[i]
            else:
                words[i] = "و" + words[i]
        cid = f"planted-{k:05d}"
        origin[cid] = art["article_id"]
        rows.append({**art.to_dict(), "article_id": cid, "title": "نسخة: " + art["title"], "text": " ".join(words)})
    return pd.DataFrame(rows, columns=articles.columns), origin


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--plant", type=int, default=1000)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=22)
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"benchmark data not found: {args.data}; nothing measured", file=sys.stderr)
        return 2
    import pandas as pd

    import libyakit as ly
    from pipeline import load_unrepaired

    articles = load_unrepaired(args.data)

    start = time.perf_counter()
    base = ly.find_duplicates(articles, threshold=args.threshold)
    secs = time.perf_counter() - start
    grouped = int((base["story_size"] > 1).sum())
    print(f"find_duplicates, corpus as it is: {secs:.1f} s for {len(articles):,} articles; "
          f"{base['story_id'].nunique():,} stories, {grouped:,} articles share a story with another "
          f"({len(base.attrs['pairs']):,} pairs)")

    copies, origin = plant(articles, args.plant, args.seed)
    both = pd.concat([articles, copies], ignore_index=True)
    start = time.perf_counter()
    found = ly.find_duplicates(both, threshold=args.threshold)
    secs = time.perf_counter() - start
    print(f"find_duplicates, corpus + {len(copies):,} planted reprints: {secs:.1f} s for {len(both):,} articles "
          f"(one process)")

    story = dict(zip(found["article_id"], found["story_id"]))
    base_story = dict(zip(base["article_id"], base["story_id"]))
    members: dict[str, list[str]] = {}
    for aid, sid in story.items():
        members.setdefault(sid, []).append(aid)
    hits = sum(story[c] == story[o] for c, o in origin.items())
    good = bad = 0
    for c, o in origin.items():
        for other in members[story[c]]:
            if other == c:
                continue
            home = origin.get(other, other)  # a copy belongs where its original does
            if home == o or base_story.get(home) == base_story[o]:
                good += 1
            else:
                bad += 1
    recall = hits / len(origin)
    precision = good / (good + bad) if good + bad else 1.0
    print(f"planted reprints: recall {recall:.3f} ({hits}/{len(origin)}), precision {precision:.3f} "
          f"({good} right, {bad} wrong of the articles grouped with a copy); threshold {args.threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
