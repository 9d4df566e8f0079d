"""Every extractor on arbitrary mixes of the words it looks for: no crash, and every row's span checks out."""

import datetime as dt

from hypothesis import given, settings, strategies as st

from libyakit.actors import mentions_in
from libyakit.backing import backing_in
from libyakit.ceasefire import events_in
from libyakit.forces import claims_in
from libyakit.quotes import quotes_in

_WORDS = st.sampled_from([
    # figures and qualifiers
    "5", "1,200", "12.500", "٥٠٠٠", "و3", "2019", "ألف", "ألفاً", "ألفين", "آلاف", "مئة", "وخمسين", "ثلاثة", "نحو",
    "بين", "و", "إلى", "أكثر", "من", "about", "some", "between", "and", "to", "more", "than", "several", "thousand",
    "an", "estimated", "at", "يبلغ", "عددهم", "MiG-29", "60", "في", "المائة", "23/10/2020", "الخامس", "عشر",
    # force nouns and words around them
    "مرتزق", "المرتزقة", "مقاتل", "جنود", "قوات", "عناصر", "قاعدة", "القاعدة", "مستشار", "مدربين", "troops",
    "fighters", "mercenaries", "contractors", "bases", "advisers", "rebels", "personnel", "fighter", "jets",
    # actors
    "تركيا", "روسيا", "الروس", "السوريين", "فاغنر", "حفتر", "حكومة الوفاق", "الأمم المتحدة", "المرصد السوري",
    "Turkey", "Russia", "Syrian", "Wagner", "Haftar", "GNA", "UN", "Libya", "ليبيا", "Erdogan", "أردوغان",
    # cues, dates, terms
    "قال", "وقال", "أكد", "said", "told", "according", "according to", "بحسب", "backed", "by", "تدعم", "back",
    "وقف إطلاق النار", "ceasefire", "signed", "وقع", "الانسحاب", "withdrawal", "deadline", "خلال", "يوما", "within",
    "days", "أكتوبر", "October", "23", "Saturday", "الأحد", "met", "on", "التقى", "المهلة",
    # punctuation and marks
    ",", "،", ".", ":", '"', "«", "»", "(", ")", "\n", "-", "؟",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40).map(" ".join))
def test_no_crash_and_spans_check_out(text):
    mentions = mentions_in(text)
    for rows in (claims_in(text, mentions=mentions), quotes_in(text, mentions=mentions),
                 backing_in(text, mentions=mentions),
                 events_in(text, lang="ar", article_date=dt.date(2021, 1, 29), reference=None),
                 events_in(text, lang="en", article_date=None, reference=dt.date(2021, 1, 29))):
        for r in rows:
            assert text[r["start"]:r["end"]] == r["surface"]
    for m in mentions:
        assert text[m.start:m.end] == m.surface
