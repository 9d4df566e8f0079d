"""Benchmark joined-word repair on real Arabic news with spaces deleted at random.

    python benchmarks/joined_words.py [DATA] [--articles 1000] [--rate 0.05] [--seed 7]
                                      [--days 2015-07-22,...] [--no-baselines]

DATA is a folder of SaudiNewsNet daily ZIP files (default ../shared/data/saudinewsnet
beside the project). Spaces between two Arabic words are deleted with probability
--rate (fixed seed); the fixer runs on the corrupted text and its inserted spaces are
compared with the deleted ones:

* precision, recall, F1 over restored spaces;
* false splits per 10,000 tokens of the *uncorrupted* text (inserted spaces that were
  never deleted: splits of real words, and also repairs of joins the source articles
  already had, which this measure cannot tell apart; the splits made in the
  uncorrupted articles are counted separately, and --show-clean lists them; in
  brackets, how many false splits fall in runs with no deleted space, where the
  source wrote the form as it stands — a word, or one of its own joins);
* MB/s of corrupted UTF-8 text through the fixer (one core; the fixer starts with empty
  caches and warms them as it goes, as in real use; with its compiled core, built by
  ``pip install -e .``: the decision has no other code);

and, on the same text, the same figures for symspellpy and wordninja with a wordfreq
lexicon. The seeds' own joins (seed 000, 10 joins) are added as one more document with
their true spacing, from benchmarks/seed_joins.tsv.

The lexicon and the character model are wordfreq's (never built from these articles).
The fixer's constants were tuned on the 2015-07-21 file only, which is excluded by default.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import regex as re
import sys
import time
from collections import Counter
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from libyakit.clean import ARABIC_LETTERS, ARABIC_MARKS, clean_text  # noqa: E402
from libyakit.segment import (  # noqa: E402
    _RUN, CorpusStats, Segmenter, fix_joined_words, fix_joined_words_at, inserted_spaces)

sys.path.insert(0, str(ROOT / "benchmarks"))
from reviewed_repairs import read_labels, run_key, spaced  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
TUNING_DAY = "2015-07-21"
# The source's own joins, read in context: the splits the repair makes in the uncorrupted
# articles (source_joins.tsv), and the runs read in the scraped sample (reviewed_repairs.tsv).
SOURCE_JOINS = (ROOT / "benchmarks" / "source_joins.tsv", ROOT / "benchmarks" / "reviewed_repairs.tsv")
_GAP = re.compile(f"(?<=[{ARABIC_LETTERS}][{ARABIC_MARKS}]*) (?=[{ARABIC_LETTERS}])")


PINNED = ROOT / "benchmarks" / "joined_words_sample.txt"


def _pinned(days: list[str] | None, limit: int) -> list[str] | None:
    """The pinned draw's ids for ``days`` (the held-out days), when it has ``limit`` of them."""
    if not PINNED.exists() or days is None:
        return None
    lines = PINNED.read_text(encoding="utf-8").splitlines()
    pinned_days = next((ln.split(":", 1)[1].strip().split(",") for ln in lines if ln.startswith("# days:")), None)
    ids = [ln for ln in lines if ln and not ln.startswith("#")]
    return ids[:limit] if pinned_days == list(days) and len(ids) >= limit else None


def read_articles(data: Path, days: list[str] | None, limit: int, with_ids: bool = False) -> list:
    """Cleaned texts of more than 200 characters, shuffled (seed 0), the first ``limit``;
    with ``with_ids``, as (article_id, text) with the ids of benchmarks/pipeline.py
    ("2015-07-22-00041": the day and the article's place in that day's file).

    For the held-out days the draw is pinned (``joined_words_sample.txt``): the cleaning rules
    decide which texts pass the length filter, and so the shuffle; a change to them must not change
    which articles the benchmark, and the labels of their own joins, are about."""
    pinned = _pinned(days, limit)
    if pinned is not None:
        wanted = set(pinned)
        found = {}
        for z in sorted(data.glob("*.zip")):
            if z.stem not in days:
                continue
            with zipfile.ZipFile(z) as zf:
                for name in zf.namelist():
                    for i, art in enumerate(json.loads(zf.read(name))):
                        if f"{z.stem}-{i:05d}" in wanted:
                            found[f"{z.stem}-{i:05d}"] = clean_text(art.get("content") or "")
        texts = [(aid, found[aid]) for aid in pinned if aid in found]
        return texts if with_ids else [t for _, t in texts]
    zips = sorted(data.glob("*.zip"))
    if not zips:
        sys.exit(f"no SaudiNewsNet ZIP files in {data}")
    texts = []
    for z in zips:
        day = z.stem
        if days is not None and day not in days:
            continue
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for i, art in enumerate(json.loads(zf.read(name))):
                    t = clean_text(art.get("content") or "")
                    if len(t) > 200:
                        texts.append((f"{day}-{i:05d}", t))
    random.Random(0).shuffle(texts)
    return texts[:limit] if with_ids else [t for _, t in texts[:limit]]


def corrupt(text: str, rate: float, rng: random.Random, keep_at: list[int] = ()) -> tuple[str, set[int]]:
    """Delete spaces between Arabic words; return the text and the deletion offsets in it.

    ``keep_at``: offsets in ``text``, returned moved to where they fall in the corrupted
    text (as a third item, a set), for the source's own joins."""
    out, deleted, prev, removed, gaps = [], set(), 0, 0, []
    for m in _GAP.finditer(text):
        if rng.random() < rate:
            out.append(text[prev:m.start()])
            prev = m.end()
            removed += 1
            deleted.add(m.start() - (removed - 1))
            gaps.append(m.start())
    out.append(text[prev:])
    if keep_at:
        return "".join(out), deleted, {o - bisect.bisect_left(gaps, o) for o in keep_at}
    return "".join(out), deleted


def inserted_offsets(before: str, after: str) -> set[int]:
    """Offsets in ``before`` where ``after`` has an extra space (fixers only insert spaces)."""
    if len(after) == len(before) and after != before:
        raise AssertionError("fixer changed more than spaces")
    try:  # the k-th inserted space stands k characters later in ``after``
        return {o - k for k, o in enumerate(inserted_spaces(before, after))}
    except ValueError as e:
        raise AssertionError(f"fixer changed more than spaces: {e}") from None


def seed_document() -> tuple[str, str] | None:
    """Seed 000 as (joined text as delivered, text with its true spacing)."""
    tsv = ROOT / "benchmarks" / "seed_joins.tsv"
    seed = sorted((ROOT / "seeds").glob("000_*.txt"))
    if not seed or not tsv.is_file():
        return None
    joined = clean_text(seed[0].read_text(encoding="utf-8"))
    truth = joined
    for line in tsv.read_text(encoding="utf-8").splitlines()[1:]:
        wrong, right = line.split("\t")
        truth = truth.replace(wrong, right)
    return joined, truth


class Baseline:
    """A generic segmenter applied to every Arabic run, with a wordfreq lexicon."""

    def __init__(self, name: str, top: int = 300_000):
        from wordfreq import top_n_list, word_frequency

        self.name = name
        words = top_n_list("ar", top, wordlist="large")
        if name == "symspellpy":
            from symspellpy import SymSpell

            self.sym = SymSpell(max_dictionary_edit_distance=0, prefix_length=7)
            for w in words:
                self.sym.create_dictionary_entry(w, max(1, int(word_frequency(w, "ar", "large") * 1e9)))
            self.split = lambda s: self.sym.word_segmentation(s, max_edit_distance=0).corrected_string
        elif name == "wordninja":
            import gzip
            import tempfile

            import wordninja

            path = Path(tempfile.mkdtemp()) / "ar.txt.gz"
            with gzip.open(path, "wt", encoding="utf-8") as f:
                f.write("\n".join(words))
            lm = wordninja.LanguageModel(str(path))
            # wordninja's own regex splits on anything but [a-z0-9']: call its core directly
            self.split = lambda s: " ".join(lm._split(s))
        else:
            raise ValueError(name)

    def _recut(self, run: str) -> str:
        """The baseline's split points applied to the original run (they may also
        normalise letters; only where they put spaces is measured)."""
        if len(run) < 4:
            return run
        parts = self.split(run).split()
        if sum(map(len, parts)) != len(run):
            return run
        out, i = [], 0
        for p in parts:
            out.append(run[i:i + len(p)])
            i += len(p)
        return " ".join(out)

    def __call__(self, text: str) -> str:
        return _RUN.sub(lambda m: self._recut(m.group()), text)


def _in_intact_runs(text: str, offsets: set[int], deleted: set[int]) -> set[int]:
    """Those of ``offsets`` that fall in a run of Arabic letters with no deleted space in it:
    a split there is of a form the source itself wrote (one of its own joins, or a word)."""
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
    starts = [a for a, _ in runs]
    cuts = sorted(deleted)
    out = set()
    for o in offsets:
        k = bisect.bisect_right(starts, o) - 1
        if k >= 0 and runs[k][0] < o < runs[k][1]:
            a, b = runs[k]
            j = bisect.bisect_right(cuts, a)
            if j == len(cuts) or cuts[j] >= b:
                out.add(o)
    return out


def evaluate(name: str, fixer, docs: list[tuple], n_clean_tokens: int) -> dict:
    """Score ``fixer`` on ``docs``: (corrupted text, deleted offsets, offsets of the source's
    own labelled joins in it). A space inserted at a labelled join of the source is no false
    split: it is counted apart, as a source join repaired."""
    tp = fp = fn = fp_intact = src = 0
    nbytes = sum(len(d[0].encode("utf-8")) for d in docs)
    start = time.perf_counter()
    outputs = [fixer(d[0]) for d in docs]
    secs = time.perf_counter() - start
    for (c, deleted, *rest), out in zip(docs, outputs):
        source = rest[0] if rest else set()
        ins = inserted_offsets(c, out)
        false = ins - deleted - source
        tp += len(ins & deleted)
        fp += len(false)
        fn += len(deleted - ins)
        src += len(ins & source - deleted)
        fp_intact += len(_in_intact_runs(c, false, deleted))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "fixer": name,
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "false_splits_per_10k": fp / n_clean_tokens * 1e4,
        "mb_per_s": nbytes / 1e6 / secs,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "fp_intact": fp_intact,
        "source_joins": src,
        "seconds": secs,
        "outputs": outputs,
    }


def read_source_joins(paths) -> dict[tuple[str, str], tuple[int, ...]]:
    """(article_id, run key) -> the offsets of the spaces a reader put in that run, from
    label files in the format of benchmarks/reviewed_repairs.tsv (an empty tuple: the run
    is one word). A run labelled twice must be labelled the same."""
    out: dict[tuple[str, str], tuple[int, ...]] = {}
    for path in paths:
        if not path.is_file():
            continue
        for r in read_labels(path):
            key = (r["article_id"], r["run_sha1"])
            if out.get(key, r["spaces"]) != r["spaces"]:
                raise ValueError(f"{path}: run {key} is labelled {r['spaces']} here and {out[key]} before")
            out[key] = r["spaces"]
    return out


def source_join_offsets(aid: str, text: str, labels: dict) -> list[int]:
    """Offsets in ``text`` where a labelled run of it lacks a space (the source's own joins)."""
    out = []
    for m in _RUN.finditer(text):
        spaces = labels.get((aid, run_key(m.group())))
        if spaces:
            out.extend(m.start() + s for s in spaces if s < len(m.group()))
    return out


def clean_splits(items, labels: dict, seg) -> tuple[Counter, list]:
    """The repair run on the uncorrupted articles: counts of its splitting runs by label
    ("real join" as labelled, "wrong" when labelled otherwise, "unlabelled"), and the
    runs themselves as (article id, text, run start, run, the repair's offsets, kind)."""
    counts: Counter = Counter()
    runs = []
    for aid, text in items:
        out, at = fix_joined_words_at(text, segmenter=seg)
        if not at:
            continue
        ins = inserted_offsets(text, out)
        for m in _RUN.finditer(text):
            cut = tuple(o - m.start() for o in ins if m.start() < o < m.end())
            if not cut:
                continue
            label = labels.get((aid, run_key(m.group())))
            kind = "unlabelled" if label is None else "real join" if label == cut else "wrong"
            counts[kind] += len(cut)
            runs.append((aid, text, m.start(), m.group(), cut, kind))
    return counts, runs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=1000, help="how many articles (fewer while trying a change)")
    ap.add_argument("--rate", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--days", default=None, help="comma-separated days (default: all but the tuning day)")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--corpus-evidence", action="store_true",
                    help="also run libyakit with evidence from the (corrupted) corpus itself")
    ap.add_argument("--labels", type=Path, nargs="*", default=list(SOURCE_JOINS),
                    help="files of the source's own joins, read in context (none: count every split "
                         "that restores no deleted space as false)")
    ap.add_argument("--show-errors", type=int, default=0, help="print this many false splits and misses")
    ap.add_argument("--show-clean", type=int, default=0,
                    help="print this many splits made in the uncorrupted articles (unlabelled ones first, "
                         "with the article id and run key a label needs)")
    args = ap.parse_args(argv)

    if not args.data.is_dir():
        print(f"benchmark data not found: {args.data} (SaudiNewsNet ZIPs); nothing measured", file=sys.stderr)
        return 2
    days = args.days.split(",") if args.days else [z.stem for z in sorted(args.data.glob("*.zip")) if z.stem != TUNING_DAY]
    items = read_articles(args.data, days, args.articles, with_ids=True)
    texts = [t for _, t in items]
    labels = read_source_joins(args.labels)
    rng = random.Random(args.seed)
    docs = [corrupt(t, args.rate, rng, source_join_offsets(aid, t, labels)) for aid, t in items]
    docs = [d if len(d) == 3 else (*d, set()) for d in docs]
    n_clean_tokens = sum(len(t.split()) for t in texts)
    seed = seed_document()
    if seed:
        joined, truth = seed
        deleted = inserted_offsets(joined, truth)
        docs.append((joined, deleted, set()))
        n_clean_tokens += len(truth.split())
    n_deleted = sum(len(d[1]) for d in docs)
    n_source = sum(len(d[2]) for d in docs)
    mb = sum(len(d[0].encode()) for d in docs) / 1e6
    print(f"articles: {len(texts)} (+ seed 000) from {len(days)} day(s); {mb:.1f} MB; "
          f"{n_clean_tokens:,} clean tokens; {n_deleted:,} spaces deleted (rate {args.rate}, seed {args.seed}); "
          f"{n_source:,} spaces the source itself lacks, labelled ({len(labels):,} labelled runs)")

    t0 = time.perf_counter()
    seg = Segmenter()  # loads the lexicon and models outside the timed run
    seg.dense_sibling()  # (and the one for texts that lost many spaces, made on the first such text)
    print(f"lexicon and character model loaded in {time.perf_counter() - t0:.2f} s ({len(seg.lexicon):,} forms); "
          f"decisions by the compiled core")
    results = [evaluate("libyakit", lambda s: fix_joined_words(s, segmenter=seg), docs, n_clean_tokens)]
    if args.corpus_evidence:
        start = time.perf_counter()
        stats = CorpusStats(d[0] for d in docs)
        print(f"corpus evidence counted in {time.perf_counter() - start:.2f} s (not in the MB/s below)")
        seg_c = Segmenter(corpus=stats)
        seg_c.dense_sibling()
        r = evaluate("+corpus", lambda s: fix_joined_words(s, segmenter=seg_c), docs, n_clean_tokens)
        results.append(r)
    if not args.no_baselines:
        for name in ("symspellpy", "wordninja"):
            results.append(evaluate(name, Baseline(name), docs, n_clean_tokens))

    print(f"{'fixer':<11} {'precision':>9} {'recall':>7} {'F1':>6} {'false/10k':>9} {'MB/s':>7}   tp/fp/fn"
          f"   (fp in runs the deletion left intact)   source joins repaired")
    for r in results:
        print(f"{r['fixer']:<11} {r['precision']:>9.4f} {r['recall']:>7.4f} {r['f1']:>6.4f} "
              f"{r['false_splits_per_10k']:>9.2f} {r['mb_per_s']:>7.2f}   {r['tp']}/{r['fp']}/{r['fn']}"
              f"   ({r['fp_intact']})   {r['source_joins']}")
    # The source text has joins of its own: the splits the fixer makes in the uncorrupted
    # articles, by label, so that the label file can be kept up to date.
    counts, runs = clean_splits(items, labels, Segmenter())
    n_clean_splits = sum(counts.values())
    n_art_tokens = sum(len(t.split()) for t in texts)
    print(f"libyakit on the uncorrupted articles: {n_clean_splits} splits "
          f"({n_clean_splits / n_art_tokens * 1e4:.2f} per 10,000 tokens): {counts['real join']} labelled real joins, "
          f"{counts['wrong']} labelled otherwise, {counts['unlabelled']} unlabelled (--show-clean N lists them)")
    if args.show_clean:
        order = {"unlabelled": 0, "wrong": 1, "real join": 2}
        for aid, text, a, run, cut, kind in sorted(runs, key=lambda x: order[x[5]])[:args.show_clean]:
            before = text[max(0, a - 40):a].replace("\n", " ")
            after = text[a + len(run):a + len(run) + 40].replace("\n", " ")
            print(f"CLEAN-TEXT SPLIT [{kind}] {aid}\t{run_key(run)}\t{','.join(map(str, cut))}\t"
                  f"{before}[{spaced(run, cut)}]{after}")
    if args.show_errors:
        shown_fp = shown_fn = 0
        ids = [aid for aid, _ in items] + ["seed-000"]
        for aid, text, (c, deleted, source), out in zip(ids, texts + [None], docs, results[0]["outputs"]):
            ins = inserted_offsets(c, out)
            for o in sorted(ins - deleted - source):
                if shown_fp < args.show_errors:
                    key = ""
                    if text is not None:  # the run of the uncorrupted text this split falls in
                        cuts = sorted(deleted)
                        p = o + bisect.bisect_left(cuts, o)
                        m = next(m for m in _RUN.finditer(text) if m.start() < p < m.end())
                        key = (f"{aid}\t{run_key(m.group())}\t{p - m.start()}\t"
                               f"{text[max(0, m.start() - 25):m.start()]}[{spaced(m.group(), [p - m.start()])}]"
                               f"{text[m.end():m.end() + 25]}\t")
                    print(f"FALSE SPLIT: {key}{c[max(0, o - 25):o]}|{c[o:o + 25]}".replace("\n", " "))
                    shown_fp += 1
            for o in sorted(deleted - ins):
                if shown_fn < args.show_errors:
                    print("MISSED:", c[max(0, o - 15):o] + "|" + c[o:o + 15])
                    shown_fn += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
