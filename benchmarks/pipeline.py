"""Benchmark the whole pipeline over the shared SaudiNewsNet sample (~20k real articles).

    python benchmarks/pipeline.py [DATA] [--limit N] [--workers 2]

1. Converts ../shared/data/saudinewsnet (12 daily ZIPs) to JSON Lines once, into
   build/saudinewsnet.jsonl (outside git; the text is CC BY-NC-SA and never committed).
2. Times each stage over all of it, single process: load (read + decode the table),
   clean, repair (joined words), and every extractor; prints articles/s, MB/s of
   article text and the process's peak memory after each stage.
3. With --workers N (default 2: this machine's cores), runs the same per-article
   functions over a Dask DataFrame on a local cluster (libyakit.scale) and prints the
   wall time of the whole pipeline.

Targets (issue 6): whole pipeline under 40 s on 2 cores, peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import warnings
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
JSONL = ROOT / "build" / "saudinewsnet.jsonl"


def convert(data: Path, out: Path) -> Path:
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for z in sorted(data.glob("*.zip")):
            with zipfile.ZipFile(z) as zf:
                for name in zf.namelist():
                    for i, art in enumerate(json.loads(zf.read(name))):
                        rec = {"id": f"{z.stem}-{i:05d}", "date": z.stem, "title": art.get("title") or "",
                               "source": art.get("source") or "", "url": art.get("url") or "",
                               "text": art.get("content") or ""}
                        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                        n += 1
    print(f"converted {n:,} articles to {out.relative_to(ROOT)}")
    return out


def load_unrepaired(data: Path):
    """SaudiNewsNet as articles, converted once and loaded without the joined-word repair (for
    benchmarks of the corpus tools); prints the load time."""
    import libyakit as ly

    path = convert(data, JSONL)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the empty rows SaudiNewsNet has
        articles = ly.load_articles(path, errors="warn", fix_joined=False, progress=False)
    print(f"load (no repair): {len(articles):,} articles in {time.perf_counter() - start:.1f} s")
    return articles


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def stage(name, n_articles, n_bytes, fn):
    start = time.perf_counter()
    result = fn()
    secs = time.perf_counter() - start
    print(f"{name:<11} {secs:7.2f} s  {n_articles / secs:9,.0f} articles/s  {n_bytes / 1e6 / secs:7.2f} MB/s"
          f"  peak {peak_mb():7,.0f} MB", flush=True)
    return result, secs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--workers", type=int, default=2, help="Dask workers for the parallel run (0: skip)")
    ap.add_argument("--dask-only", action="store_true",
                    help="skip the single-process stages (clean memory figures for the Dask run)")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"benchmark data not found: {args.data}; nothing measured", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    import libyakit  # noqa: F401

    print(f"import libyakit: {time.perf_counter() - t0:.3f} s")
    import pandas as pd

    import libyakit as ly
    from libyakit.clean import split_article
    from libyakit.pipeline import article_tables, run_pipeline
    from libyakit.segment import fix_joined_words

    path = convert(args.data, JSONL)
    if args.limit:
        path = JSONL.with_name(f"saudinewsnet-{args.limit}.jsonl")
        if not path.exists():
            with open(JSONL, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
                for _, line in zip(range(args.limit), src):
                    dst.write(line)

    if not args.dask_only:
        total_start = time.perf_counter()
        start = time.perf_counter()
        table = pd.read_json(path, lines=True, dtype=False)
        secs = time.perf_counter() - start
        print(f"{'read':<11} {secs:7.2f} s  {len(table) / secs:9,.0f} articles/s  "
              f"{path.stat().st_size / 1e6 / secs:7.2f} MB/s  peak {peak_mb():7,.0f} MB  (JSON Lines file)")
        table = table[table["text"].str.strip() != ""]
        n, nbytes = len(table), sum(len(t.encode("utf-8")) for t in table["text"])  # MB/s of UTF-8 article text
        print(f"{n:,} non-empty articles, {table['text'].str.len().sum():,} characters")
        cleaned, _ = stage("clean", n, nbytes, lambda: [split_article(t).text for t in table["text"]])
        repaired, _ = stage("repair", n, nbytes, lambda: [fix_joined_words(t) for t in cleaned])
        import warnings

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            articles, _ = stage("load", n, nbytes, lambda: ly.load_articles(path, errors="warn", progress=False))
        print(f"  (load = read + clean + repair + language + dates; {len(articles.attrs['problems'])} empty rows "
              f"skipped with {len(caught)} warning)")
        ref = articles["date"].dropna().max().date()

        def extract():
            out = []
            for aid, text, lang, date in zip(articles["article_id"], articles["text"], articles["lang"], articles["date"]):
                out.append(article_tables(aid, text, lang, date, reference=ref))
            return out

        _, _ = stage("extractors", n, nbytes, extract)
        tables, _ = stage("pipeline", n, nbytes, lambda: run_pipeline(articles, progress=False))
        print("rows: " + ", ".join(f"{k} {len(v):,}" for k, v in tables.items()))
        print(f"single process, all stages: {time.perf_counter() - total_start:.1f} s; peak {peak_mb():,.0f} MB")

    if args.workers:
        from libyakit.scale import run_pipeline_dask

        start = time.perf_counter()
        dtables = run_pipeline_dask(path, workers=args.workers)
        secs = time.perf_counter() - start
        n = len(dtables["articles"])
        print(f"dask, {args.workers} workers, load + pipeline: {secs:.1f} s "
              f"({n / secs:,.0f} articles/s); rows: " + ", ".join(f"{k} {len(v):,}" for k, v in dtables.items()))
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        ran = " (it also ran the single-process stages)" if not args.dask_only else ""
        print(f"dask peak memory: this process {peak_mb():,.0f} MB{ran}, largest worker {worker_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
