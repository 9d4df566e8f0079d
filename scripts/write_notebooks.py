"""Write the numbered notebooks from the cell lists below and execute them in place.

The notebooks are the deliverable; this script keeps them reproducible: edit a
cell here, run `python scripts/write_notebooks.py [NN ...]`, commit the result
with its outputs (nbval compares them on every `make test`).
"""

from __future__ import annotations

import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from nbtools import NOTEBOOKS, execute

VERSIONS = """\
# Package versions this notebook last ran with (not compared by nbval).
import importlib.metadata as md, platform
print("python", platform.python_version())
for pkg in ["libyakit", "pandas", "matplotlib", "wordfreq", "pyahocorasick", "dateparser"]:
    print(pkg, md.version(pkg))"""

SETUP = """\
import pandas as pd
import libyakit as ly
from libyakit import plotting

plotting.setup_arabic_plots()
pd.set_option("display.max_colwidth", 80)
articles = ly.load_articles()"""


def md(text: str):
    return ("md", text)


def code(text: str):
    return ("code", text)


NOTEBOOKS_SPEC: dict[str, list] = {}

NOTEBOOKS_SPEC["01-corpus"] = [
    md("""# 01 · The corpus: what we read, and what cleaning changed

**Question.** Which articles does this study rest on — in which language, from when, how long —
and what did we have to change in their text before counting anything?

**Data.** The five articles in `seeds/` (three in Arabic, two in English), loaded by
`libyakit.load_articles()`. Every later notebook uses the cleaned `text` column built here, and
every figure in them points back to a span of that text."""),
    md("## Load the articles"),
    code(SETUP),
    md("""One row per article. `lang` comes from the script of the letters; `date` from a
`date YYYY-MM-DD` header where the scraper kept one (only `002`); `title` from a headline the site
printed twice (only `003`)."""),
    code("""articles[["article_id", "lang", "date", "title", "n_words", "encoding"]]"""),
    code("""articles.groupby("lang").agg(articles=("article_id", "size"), words=("n_words", "sum"))"""),
    md("""## What cleaning changed

`clean_text` removes what a reader never sees (bidi and zero-width controls, tatweel), folds
look-alike characters (curly quotes to straight ones, odd spaces to plain spaces) and strips site
chrome (a repeated headline, "Add a comment", the date header). Diacritics and spelling are kept.
Each number below counts changes of one kind in one article, recomputed from `text_raw`."""),
    code("""ly.cleaning_report(articles)"""),
    md("""The site chrome, before and after, for the two articles that had it:"""),
    code("""for aid in ["002_8be2f4364e3a7b62", "003_0fe516f51d17a9fa"]:
    row = articles.set_index("article_id").loc[aid]
    print(aid, "| raw starts:", repr(row.text_raw[:60]))
    print(" " * len(aid), "| clean starts:", repr(row.text[:60]))
    print(" " * len(aid), "| raw ends:", repr(row.text_raw[-40:]))
    print(" " * len(aid), "| clean ends:", repr(row.text[-40:]))"""),
    md("""## Repairing words that lost their space

Scraped Arabic often loses the space around linked names: "الأمم المتحدة" arrives as
"الأممالمتحدة", and would then be counted as a word of its own. `load_articles` repairs such joins
with `fix_joined_words`, which only ever inserts spaces, and only where a split into common words is
far more likely than the joined form (see `libyakit/segment.py` and `benchmarks/joined_words.py`).
How many spaces were inserted per article:"""),
    code("""articles[["article_id", "lang", "n_joined_fixed"]]"""),
    md("""Every repair, with its offsets into the final `text` and the evidence behind it (the Zipf
frequency of each part and of the joined form in wordfreq's Arabic lexicon, and the log-odds score):"""),
    code("""repairs = ly.joined_words_report(articles)
ly.rtl_table(repairs.drop(columns="article_id"), uuid="repairs", precision=2)"""),
    md("""## Frequent content words in the Arabic articles

Function words are left out by their general frequency in Arabic (wordfreq), so what remains is
what these articles are about. Words are counted by their matching key (alef and ta-marbuta
variants together) and shown as written."""),
    code("""ar_words = ly.top_words(articles, lang="ar", n=15)
ax = plotting.barh(ar_words, title="الكلمات الأكثر تكراراً في المقالات العربية", xlabel="عدد المرات")"""),
    md("""## Versions"""),
    code(VERSIONS),
]


def build(name: str, spec: list) -> None:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for kind, text in spec:
        nb.cells.append(new_markdown_cell(text) if kind == "md" else new_code_cell(text))
    nb.cells[-1].metadata["tags"] = ["nbval-ignore-output"]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{name[:2]}-{i:02d}"
    execute(nb)
    nbformat.write(nb, NOTEBOOKS / f"{name}.ipynb")
    print("wrote", name)


def main(argv: list[str]) -> None:
    wanted = [n for n in NOTEBOOKS_SPEC if not argv or n[:2] in argv]
    for name in wanted:
        build(name, NOTEBOOKS_SPEC[name])


if __name__ == "__main__":
    main(sys.argv[1:])
