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
with `fix_joined_words`, which only ever inserts spaces, and only where a split into words is far
more likely than the joined form: word frequencies come from wordfreq's Arabic lexicon, and a form no
lexicon has seen is judged by a model of Arabic spelling trained on that lexicon (letter sequences such
as "...مم|الم..." rarely occur inside one word). See `libyakit/segment.py` and, for precision and
recall measured on news text with spaces deleted at random, `benchmarks/joined_words.py` and the README.
How many spaces were inserted per article:"""),
    code("""articles[["article_id", "lang", "n_joined_fixed"]]"""),
    md("""Every repair, with its offsets into the final `text` and the evidence behind it: the Zipf
frequency of each part and of the joined form in wordfreq's Arabic lexicon (0 = never seen), the
log10 odds of the split over the joined form (`score`), and the rule that decided. `unseen-split`:
the joined form is in no lexicon and its spelling is unlikely for one word; `junk-entry-split`: the
lexicon lists the joined form, but far more rarely than either of its words — a join copied from web
text, not a word ("الولاياتالمتحدة" at Zipf 1.2 against 5.6 and 5.9 for its parts)."""),
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


NOTEBOOKS_SPEC["02-actors"] = [
    md("""# 02 · Actors: who appears in these articles, and where

**Question.** Which states, international bodies, Libyan factions, armed groups and people do the
articles name — and do the Arabic and English articles name the same ones?

**Method.** `libyakit.extract_actors` finds every mention of an actor in the gazetteer
(`libyakit/data/actors.csv` and `aliases.csv`: names in both languages, spelling variants, demonyms,
Arabic nisba adjectives and capitals used for governments). Arabic is matched through its clitics
("وروسيا", "للأمم المتحدة", "الروسية"), and the longest name wins, so "الأمم المتحدة" is never the
United States. Every row below points at the words it came from (`start`, `end`, `surface`)."""),
    md("## Load and extract"),
    code(SETUP + """
mentions = ly.extract_actors(articles)
len(mentions)"""),
    md("""A sample of the mentions: the surface as written, and the alias it matched."""),
    code("""mentions.groupby("alias_type").head(2)[["article_id", "actor_id", "surface", "alias", "alias_type", "start", "end"]]"""),
    md("""## Who appears most

Mentions, and in how many Arabic and English articles each actor is named (three Arabic, two English
articles in all)."""),
    code("""summary = ly.mention_summary(mentions, articles)
summary.drop(columns="label").head(20)"""),
    code("""ax = plotting.barh(
    summary.head(15).set_index("label")["mentions"],
    title="Most mentioned actors · الجهات الأكثر ذكراً", xlabel="mentions · عدد الإشارات", figsize=(8, 5.5))"""),
    md("""## Arabic versus English coverage

Actors named in one language's articles and not in the other's. With three Arabic and two English
articles, absence is a fact about these texts, not about the press in general."""),
    code("""summary[(summary["articles_ar"] == 0) | (summary["articles_en"] == 0)][["actor_id", "name_en", "name_ar", "kind", "articles_ar", "articles_en"]]"""),
    md("""## Actor × article

Mentions of the states and armed groups per article (columns are the first three characters of the
article id)."""),
    code("""states = summary[summary["kind"].isin(["state", "armed_group"])]
matrix = ly.mention_matrix(mentions, actor_ids=states["actor_id"]).rename(columns=lambda c: c[:3])
matrix.index = states["label"]
ax = plotting.heatmap(matrix, title="Mentions per article · الإشارات في كل مقال", figsize=(7, 7))"""),
    md("""## Who is named together

Pairs of actors named in the same articles (states, international bodies and Libyan factions), in at
least three of the five."""),
    code("""ly.cooccurrence(mentions, kinds={"state", "international_org", "government", "armed_group"}, min_articles=3).head(15)"""),
    md("## Versions"),
    code(VERSIONS),
]

NOTEBOOKS_SPEC["03-foreign-forces"] = [
    md("""# 03 · Foreign forces: how many, from where, and who says so

**Question.** What figures do the articles give for foreign troops, mercenaries, fighters and bases
in Libya; whose forces are they; who gives each figure; and which outside powers back which Libyan
side?

**Method.** `libyakit.extract_forces` reads amounts in both languages — "some 20,000", "between 800
and 1,200", "أكثر من 5000", "بنحو 20 ألفاً", "آلاف عدة" — next to a force noun, takes the origins
from the foreign states and armed groups named in the same clause, and the source from a reporting
cue (said, according to, قدرت، بحسب). Vague amounts ("several thousand", "آلاف عدة") get a documented
range (`libyakit.numbers.VAGUE`) and the qualifier `vague`. A figure of the killed, wounded or
captured ("مقتل 17 جنديا تركيا", "17 Turkish soldiers were killed") is marked `counts` = casualties,
so that it is never read as the size of a force; the chart below draws only `counts` = strength.
`libyakit.extract_backing` reads support statements ("supported by Turkey", "بدعم دولي من مصر")."""),
    md("## The claims"),
    code(SETUP + """
forces = ly.extract_forces(articles)
forces[["article_id", "origins", "force_type", "counts", "low", "high", "qualifier", "attributed_to", "surface"]]"""),
    md("""Each claim with the sentence it came from, to check against the text:"""),
    code("""for row in forces.itertuples():
    print(f"{row.article_id[:3]}  {row.amount!r:>26}  {row.origins}  <- {row.attributed_to or '?'}")
    print("     ", row.sentence[:160])"""),
    md("""## The stated figures

One row per claim, on a log scale: dots are exact or approximate figures, bars are ranges and vague
amounts (their documented range), arrows are "more than". The label gives the origins and force
type and, after the slash, who states the figure."""),
    code("""strength = forces[forces["counts"] == "strength"]
names = ly.actors_table()["name_en"]
labels = [
    (", ".join(names.get(o, o) for o in row.origins) or "foreign forces (all)")
    + f" ({row.force_type}) / {names.get(row.attributed_to, row.attributed_to) or 'unattributed'} [{row.article_id[:3]}]"
    for row in strength.itertuples()
]
ax = plotting.claims_chart(strength, labels=labels, title="Foreign forces in Libya as stated · القوات الأجنبية في ليبيا")"""),
    md("""## Who states the figures

Claims per source and qualifier: the UN gives the overall figure, unnamed diplomats give the
breakdown by nationality."""),
    code("""forces.assign(source=forces["attributed_to"].replace("", "unattributed")).pivot_table(
    index="source", columns="qualifier", values="article_id", aggfunc="count", fill_value=0)"""),
    md("""## Who backs whom, according to the articles

Every support statement found, then the backers of each side. The gazetteer's own `backs` column
(curated, with the seed that says so) is shown beside it for comparison."""),
    code("""backing = ly.extract_backing(articles)
backing[["article_id", "backer", "side", "cue", "surface"]]"""),
    code("""table = backing.groupby(["side", "backer"])["article_id"].nunique().rename("articles").reset_index()
table["gazetteer_backs"] = table["backer"].map(ly.actors_table()["backs"])
table"""),
    md("## Versions"),
    code(VERSIONS),
]


NOTEBOOKS_SPEC["04-ceasefire-terms"] = [
    md("""# 04 · The ceasefire: its terms, and when each was due

**Question.** What did the October 2020 ceasefire provide for — withdrawal of foreign forces, a
deadline, an arms embargo, monitoring, elections — and which dates do the articles give, from the
April 2019 offensive on Tripoli to the elections planned for December 2021?

**Method.** `libyakit.extract_ceasefire` finds each term by its cue words (`libyakit/data/
ceasefire_terms.csv`, in both languages) and gives it the date nearest to it in the sentence. Dates
are read in both Arabic month series (أكتوبر and تشرين الأول), as "Oct. 23", and as weekdays ("passed
on Saturday", resolved only against the article's own date). A day and month without a year take it
from the article's date or, for undated articles, from the corpus reference date (the latest article
date, 29 January 2021), looking back for past events and forward for announced ones; such dates are
flagged `year_inferred`. Nothing depends on the day the notebook is run."""),
    md("## The terms"),
    code(SETUP + """
events = ly.extract_ceasefire(articles)
events[events["date"].notna()][["article_id", "term", "date", "date_precision", "year_inferred", "date_source", "surface", "date_surface"]]"""),
    md("""Durations stated with the deadline ("within three months", "خلال الأشهر الثلاثة"); where the same
sentence dates the signing, the deadline is computed from it (`date_source` = duration), and
`date_surface` shows the date it was counted from:"""),
    code("""events[events["duration"] != ""][["article_id", "term", "duration", "date", "date_source", "date_surface"]]"""),
    md("## Timeline, April 2019 to December 2021"),
    code("""timeline = ly.timeline_events(events, start="2019-04-01", end="2021-12-31")
timeline[["date", "label_en", "label_ar", "n_articles", "inferred"]]"""),
    code("""ax = plotting.timeline(timeline, title="The ceasefire on a timeline · وقف إطلاق النار على خط زمني")"""),
    md("""Two caveats a reader should keep: the Berlin conference appears in January **2021** because
article `004` gives only "19 يناير" and is undated, so its year was inferred from the corpus
reference date (it was in fact January 2020 — the flag says so); and `004` quotes Erdoğan about the 23
October talks, which the cue "أعلن" reads as an announcement."""),
    md("## Which article mentions which term"),
    code("""ly.term_matrix(events).rename(columns=lambda c: c[:3])"""),
    md("## Versions"),
    code(VERSIONS),
]

NOTEBOOKS_SPEC["05-sources"] = [
    md("""# 05 · Sources: who is quoted, and the same statement across articles and languages

**Question.** Whose words do these articles carry, in Arabic and in English; does the same statement
travel between articles and languages; and which news agencies do they cite?

**Method.** `libyakit.extract_quotes` takes every quotation (in « », in “ ” or in plain double quotes),
finds the reporting verb next to it (said, told, stressed; قال، أضاف، أكد) and its subject (a
person the article has named in full is recognised later by last name alone: "Williams told"). A
subjectless "he said" or "وقال" is given a speaker only where that is safe — the speaker of the quote
just before, or the one person named in the sentence before — and otherwise stays unknown. A speaker
the gazetteer does not know gets no id: `resolved_by` says "not in gazetteer", and `speaker_name`
keeps the words at the cue, so that nothing is guessed and nothing is lost."""),
    md("## The quotes"),
    code(SETUP + """
quotes = ly.extract_quotes(articles)
quotes[["article_id", "speaker_id", "speaker_name", "cue", "resolved_by", "closed", "quote"]]"""),
    md("## Who is quoted, per article and language"),
    code("""lang = articles.set_index("article_id")["lang"]
who = quotes.assign(lang=quotes["article_id"].map(lang), speaker=quotes["speaker_en"].replace("", "(unknown)"))
who.pivot_table(index="speaker", columns="lang", values="start", aggfunc="count", fill_value=0)"""),
    code("""counts = who.groupby("speaker").size().sort_values(ascending=False, kind="stable")
ax = plotting.barh(counts, title="Who is quoted · من يُقتبس كلامه", xlabel="quotes · عدد الاقتباسات", figsize=(7, 4))"""),
    md("""## The same statement across articles and languages

A statement is recognised by the foreign states it names. The US call on Turkey and Russia to
withdraw appears in four of the five articles — twice in Arabic, twice in English — and the call on
all outside parties including the UAE in three."""),
    code("""same = ly.same_statements(quotes)
same"""),
    md("""The quotes behind the first statement, with their speakers:"""),
    code("""ly.statement_quotes(quotes, same.iloc[0]["states"])[["article_id", "speaker_en", "quote"]]"""),
    md("## Agencies cited"),
    code("""ly.extract_agencies(articles)[["article_id", "actor_id", "name_en", "surface"]]"""),
    md("## Versions"),
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
