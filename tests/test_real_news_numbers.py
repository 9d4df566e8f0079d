"""Amounts as journalists write them (issue: real news). Sentences written for the test."""

import math

import pytest

from libyakit.forces import claims_in
from libyakit.numbers import find_quantities


def _nan_eq(a, b):
    return (a is None and math.isnan(b)) or (a is not None and a == b)


@pytest.mark.parametrize(
    "text, surface, low, high, qualifier",
    [
        ("قدرت المنظمة عددهم بنحو 17 ألفاً و300 مرتزق", "بنحو 17 ألفاً و300", 17300, 17300, "approx"),
        ("وصل 14 ألفا و700 مقاتل", "14 ألفا و700", 14700, 14700, "exact"),
        ("نشرت ثلاثة آلاف و500 جندي", "ثلاثة آلاف و500", 3500, 3500, "exact"),
        ("بلغت الكلفة 2 مليون و500 ألف دولار", "2 مليون و500 ألف", 2_500_000, 2_500_000, "exact"),
        ("أرسلت ألفين وخمسمائة مقاتل", "ألفين وخمسمائة", 2500, 2500, "exact"),
        ("جند مائتين من الشبان", "مائتين", 200, 200, "exact"),
        ("between 800 and 1,000 fighters", "between 800 and 1,000", 800, 1000, "range"),
        ("from 1,000 to 1,500 individuals", "from 1,000 to 1,500", 1000, 1500, "range"),
        ("some 600-1200 people", "600-1200", 600, 1200, "range"),
        ("1000's of foreign fighters", "1000's", 2000, 9999, "vague"),
        ("scores of fighters crossed", "scores", 40, 99, "vague"),
    ],
)
def test_amounts(text, surface, low, high, qualifier):
    (q,) = [q for q in find_quantities(text) if q.surface.endswith(surface) or surface.endswith(q.surface)]
    assert text[q.start:q.end] == q.surface
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize("text", ["وصل 5 آلاف و12 ألف جندي", "20 ألفا و2020 كان عاما صعبا"])
def test_a_second_amount_is_not_a_part(text):
    assert len(find_quantities(text)) == 2


def test_the_compound_figure_is_the_claim():
    (c,) = claims_in("وقدر المرصد عدد المرتزقة السوريين في ليبيا بنحو 17 ألفاً و300 مرتزق.")
    assert (c["low"], c["high"], c["qualifier"]) == (17300, 17300, "approx")


@pytest.mark.parametrize(
    "text, origins",
    [
        # the armed group that killed them is no origin of the killed
        ("وهاجم مسلحو تنظيم داعش نقطة تفتيش فقتلوا خمسة جنود أمس.", ()),
        ("Islamic State militants stormed the checkpoint and killed five soldiers.", ()),
        # ... but the demonym of the killed is
        ("وقتل مسلحو داعش ثلاثة جنود أتراك قرب الحدود.", ("TUR",)),
    ],
)
def test_killers_are_no_origin(text, origins):
    rows = claims_in(text)
    assert [r["origins"] for r in rows if r["counts"] == "casualties"] in ([origins], [])
    if origins:
        assert [r["origins"] for r in rows] == [origins]


@pytest.mark.parametrize(
    "text, origins",
    [
        # where they came through or who sent them is no origin when the noun says where they are from
        ("A new batch of 1,750 Syrian mercenaries has arrived from Turkey in Libya.", ("SYR",)),
        ("ووصل 300 مرتزق سوري قادمين من تركيا إلى ليبيا.", ("SYR",)),
        ("وأوضحت أن بينهم 6 آلاف مرتزق سوري وآخرون من شركة فاغنر الروسية.", ("SYR",)),
        # whom they are loyal to is no origin
        ("About 5,600 mercenaries of the pro-Turkish factions returned home.", ()),
        ("وعاد من مرتزقة الفصائل الموالية لتركيا نحو 6000 إلى بلادهم.", ()),
        # a list of demonyms on the noun: all of them
        ("Some 2,000 Syrian and Sudanese mercenaries remain.", ("SYR", "SDN")),
    ],
)
def test_origin_is_not_the_sender_or_patron(text, origins):
    rows = claims_in(text)
    assert rows and rows[0]["origins"] == origins


@pytest.mark.parametrize(
    "text, found",
    [
        ("وقد بلغ عدد القتلى في صفوف المرتزقة في ليبيا 481 مقاتلا.", True),  # fighters among the mercenaries
        ("Among the mercenaries, 500 fighters have returned to Syria.", True),
        ("قتل 40 مقاتلا في اشتباكات قرب طرابلس.", False),  # nothing foreign: Libyans fighting Libyans
    ],
)
def test_fighters_of_the_mercenaries_are_foreign(text, found):
    assert bool(claims_in(text)) == found


@pytest.mark.parametrize(
    "text, source",
    [
        # a figure inside a quotation takes its speaker as source
        ("وقالت ستيفاني ويليامز إن الوضع صعب. وتابعت: «في ليبيا هناك بين 17 و20 ألف مرتزق».", "williams"),
        ('Stephanie Williams spoke on Monday. "There are now 20,000 foreign mercenaries in your country," she said.',
         "williams"),
        # ... and inside a reported statement (the speaker the gazetteer lacks, as written)
        ("وأضاف العقيد أحمد الهادي أن نحو 300 مرتزق سوري غادروا البلاد.", "unlisted:أحمد الهادي"),
    ],
)
def test_who_states_a_figure_is_its_source(text, source):
    import pandas as pd

    import libyakit as ly

    rows = ly.extract_forces(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    assert list(rows["attributed_to"]) == [source]
