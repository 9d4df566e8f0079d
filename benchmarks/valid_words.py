"""How often the joined-word repair splits a real word: inflected forms made by a
morphological generator, not taken from any corpus.

    python benchmarks/valid_words.py [--min-zipf 4.0] [--show 30] [--seed 0]

joined_words.py measures repairs of spaces deleted at random; it cannot tell how
often a rare but real word is cut, because rare forms are rare in its text. Here
the verbs and nouns of the Arramooz dictionary that wordfreq knows at Zipf
``--min-zipf`` or more (the vocabulary of news) are inflected: verbs conjugated by
Qutrub (past, present, subjunctive, jussive, passive) with object pronouns; nouns
with the article, prepositions and possessive pronouns; both with و / ف (and
future س). Forms wordfreq knows at Zipf 2.5 or more are dropped (the repair never
splits those); what is left is the rare or never-seen real forms the repair must
judge by spelling and clitics alone. Every form is one word, so every split is a
false split.

The generator is not perfect: a few forms it makes are not Arabic (a dictionary
verb made from a noun, an ending the generator attaches without the sound change
it needs), so the rate printed is an upper bound. Needs the ``bench`` extra
(``pip install -e ".[bench]"``: libqutrub and arramooz-pysqlite, both GPL, used
only here).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TENSES = {"الماضي المعلوم", "المضارع المعلوم", "المضارع المجزوم", "المضارع المنصوب", "الماضي المجهول",
          "المضارع المجهول"}
OBJECT = ("ه", "ها", "هم", "هما", "كم", "نا", "ني")
POSSESSIVE = ("ه", "ها", "هم", "هما", "كم", "نا", "ي")
NOUN_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب")
DEFINITE_PREFIXES = ("ال", "وال", "بال", "فال", "كال", "وبال")


def _dictionary() -> sqlite3.Connection:
    import arramooz

    return sqlite3.connect(Path(arramooz.__file__).parent / "data" / "arabicdictionary.sqlite")


def verb_forms(con, common) -> set[str]:
    from libqutrub import conjugator
    from pyarabic import araby

    forms: set[str] = set()
    rows = {unv: (voc, ft, tr) for voc, unv, ft, tr in
            con.execute("select vocalized, unvocalized, future_type, transitive from verbs") if common(unv)}
    for voc, ft, tr in rows.values():
        try:
            table = conjugator.conjugate(voc, ft, transitive=bool(tr), display_format="DICT")
        except Exception:  # a few dictionary entries the conjugator cannot handle
            continue
        for tense, persons in (table or {}).items():
            tense = tense.strip()
            if tense not in TENSES:
                continue
            for form in persons.values():
                form = araby.strip_tashkeel(form).replace("ـ", "")
                if not form or " " in form:
                    continue
                stems = [form]
                if tr and "المجهول" not in tense and not form.endswith("ى"):
                    # the written alef of -وا drops, and -تم takes a و, before a pronoun
                    base = form[:-1] if form.endswith("وا") else form + "و" if form.endswith("تم") else form
                    stems += [base + p for p in OBJECT]
                for s in stems:
                    for c in ("", "و", "ف"):
                        forms.add(c + s)
                        if tense == "المضارع المعلوم":
                            forms.add(c + "س" + s)
    return forms


def noun_forms(con, common) -> set[str]:
    from pyarabic import araby

    forms: set[str] = set()
    nouns = {araby.strip_tashkeel(n) for (n,) in con.execute("select unvocalized from nouns")}
    for n in sorted(x for x in nouns if " " not in x and common(x)):
        # ة becomes ت and ى becomes ا before a pronoun
        stem = n[:-1] + "ت" if n.endswith("ة") else n[:-1] + "ا" if n.endswith("ى") else n
        for c in NOUN_PREFIXES:
            forms.add(c + n)
            forms.update(c + stem + p for p in POSSESSIVE)
        forms.update(c + n for c in DEFINITE_PREFIXES)
        forms.add("لل" + n)
    return forms


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-zipf", type=float, default=4.0, help="dictionary words at least this common in wordfreq")
    ap.add_argument("--show", type=int, default=30, help="print this many split forms of each kind")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    try:
        import arramooz  # noqa: F401
        import libqutrub  # noqa: F401
    except ImportError:
        print('needs the bench extra: pip install -e ".[bench]"', file=sys.stderr)
        return 2

    from libyakit import segment as S

    seg = S.Segmenter()

    def common(w):
        return seg.zipf(w) >= args.min_zipf

    con = _dictionary()
    print(f"dictionary words with wordfreq Zipf >= {args.min_zipf}; forms of >= 4 letters that wordfreq "
          f"has below Zipf {S.KEEP_ZIPF}")
    print(f"{'kind':<6} {'forms':>9} {'split':>7} {'rate':>7} {'forms/s':>8}  by rule")
    for kind, make in (("verbs", verb_forms), ("nouns", noun_forms)):
        forms = sorted(f for f in make(con, common) if len(f) >= 4 and seg.zipf(f) < S.KEEP_ZIPF)
        t = time.perf_counter()
        # each form's own repair (run_pieces), not fix_joined_words on the form alone: a
        # text of one word shows no other lost space, which would keep its weak splits
        # whole (rule "lone-kept") and flatter the figure
        split = [(f, out) for f in forms if (out := " ".join(S.run_pieces(f, seg))) != f]
        secs = time.perf_counter() - t
        rules = Counter(seg.decide(f).rule for f, _ in split)
        print(f"{kind:<6} {len(forms):>9,} {len(split):>7,} {len(split) / max(len(forms), 1):>7.2%} "
              f"{len(forms) / secs:>8,.0f}  {dict(rules.most_common())}")
        for f, out in random.Random(args.seed).sample(split, min(args.show, len(split))):
            print(f"    {f} -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
