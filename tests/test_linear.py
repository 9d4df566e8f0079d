"""Linear time, counted rather than timed: each extractor's work on an invented article of 4N
characters is at most ~4.5 times its work on one of N characters.

Work is counted two ways, both deterministic (a busy machine does not disturb them): the function
calls, Python and C, that cProfile counts while the extractor runs; and the lines of libyakit's own
code that run (a trace of libyakit's frames only), which also counts every turn of a loop or a
comprehension that calls nothing. A quadratic step — every candidate scanning every mention, every
claim looking at every statement — multiplies them by 16 when the text grows by 4. (A C function
that scans a long text counts as one call whatever it reads: the wall-clock figures are
benchmarks/long_articles.py's.)
"""

import cProfile
import os
import pstats
import sys

import pytest

import libyakit
from libyakit import pipeline
from libyakit.dates import dates_in
from libyakit.document import Document

# Invented sentences (none from an article), each with what one extractor or another looks for;
# {n} and {m} vary the amounts so that no two paragraphs are the same.
SENTENCES = {
    "ar": [
        "وقال المتحدث باسم الجيش إن تركيا أرسلت {n} مرتزق سوري إلى طرابلس في {d} يناير 2020.",
        "وأكدت الأمم المتحدة أن نحو {m} من مقاتلي فاغنر وصلوا إلى قاعدة الجفرة الجوية.",
        "ودعمت روسيا قوات حفتر، بينما تدعم تركيا حكومة الوفاق في طرابلس.",
        "واتفقت اللجنة العسكرية المشتركة على وقف إطلاق النار وانسحاب المرتزقة خلال {d} يوما.",
        "وقال وزير الخارجية: «لن نقبل بوجود {n} جندي أجنبي على أرضنا بعد اليوم».",
        "وأشار المرصد السوري إلى أن عدد المرتزقة بلغ {m} مقاتل منذ أواخر ديسمبر الماضي.",
    ],
    "en": [
        "The UN envoy said on March {d}, 2021 that some {n} foreign fighters remained in Libya.",
        '"We will not leave until the job is done," a Turkish official told reporters on Monday.',
        "Russia backs Haftar, while Turkey supports the Government of National Accord in Tripoli.",
        "The ceasefire agreement signed in Geneva set a deadline of {d} days for the withdrawal of mercenaries.",
        "According to the Syrian Observatory, about {m} Syrian mercenaries were sent by Turkey.",
        "Egypt said it had deployed {n} troops along its western border, officials said.",
    ],
}


def article(lang: str, n_chars: int) -> str:
    """An invented article of about ``n_chars`` characters: paragraphs of the sentences above."""
    out, i, size = [], 0, 0
    while size < n_chars:
        s = SENTENCES[lang][i % len(SENTENCES[lang])].format(n=100 + 7 * i, m=1000 + 13 * i, d=1 + i % 28)
        out.append(s + ("\n\n" if i % 3 == 2 else " "))
        size += len(out[-1])
        i += 1
    return "".join(out)


EXTRACTORS = {
    "layers": lambda doc: (doc.sentences, doc.mentions, doc.actors, doc.bare_view, doc.quantities, doc.dates),
    **pipeline.EXTRACTORS,
    "all": lambda doc: (pipeline.document_tables(doc), dates_in(doc)),
}
N = 8_000


PACKAGE = os.path.dirname(libyakit.__file__)


def calls(f, text: str, lang: str) -> int:
    """Function calls made by ``f`` on a fresh Document of ``text``."""
    doc = Document(text, lang=lang)
    profile = cProfile.Profile()
    profile.enable()
    f(doc)
    profile.disable()
    return pstats.Stats(profile).total_calls


def lines(f, text: str, lang: str) -> int:
    """Trace events (calls, lines, returns) in libyakit's own code while ``f`` runs on a fresh
    Document of ``text``."""
    doc = Document(text, lang=lang)
    n = 0

    def local(frame, event, arg):
        nonlocal n
        n += 1
        return local

    def enter(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    previous = sys.gettrace()  # (a coverage tool's tracer comes back afterwards)
    sys.settrace(enter)
    try:
        f(doc)
    finally:
        sys.settrace(previous)
    return n


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("name", list(EXTRACTORS))
def test_work_grows_linearly_with_the_length(name, lang):
    f = EXTRACTORS[name]
    f(Document(article(lang, 2_000), lang=lang))  # load the tables: only the work per text is compared
    for counter in (calls, lines):
        small, large = counter(f, article(lang, N), lang), counter(f, article(lang, 4 * N), lang)
        assert small > 0
        assert large / small <= 4.5, \
            f"{name} ({lang}): {small} {counter.__name__} at {N} characters, {large} at {4 * N}"


def test_the_invented_article_exercises_the_extractors():
    for lang in ("ar", "en"):
        doc = Document(article(lang, N), lang=lang)
        tables = pipeline.document_tables(doc)
        assert all(tables[name] for name in ("actors", "forces", "quotes", "backing", "ceasefire")), lang
        assert dates_in(doc)
