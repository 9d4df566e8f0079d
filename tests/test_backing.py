"""Who backs whom: support statements in both languages."""

import pytest

import libyakit as ly
from libyakit.backing import backing_in


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The GNA is supported by Turkey.", {("TUR", "gna")}),
        ("Haftar has the backing of the United Arab Emirates (UAE), Egypt and Russia.",
         {("ARE", "lna"), ("EGY", "lna"), ("RUS", "lna")}),
        ("Turkey is the main patron of the Tripoli-based government, while Russia supports Khalifa Hifter.",
         {("TUR", "gna"), ("RUS", "lna")}),
        ("تحظى قوات الجيش الوطني الليبي بدعم دولي من مصر والسعودية.", {("EGY", "lna"), ("SAU", "lna")}),
        ("رفضت حكومة الوفاق الوطني بمساعدة تركيا، حليفها الرئيسي، قوات الجيش الوطني الليبي.", {("TUR", "gna")}),
        ("The U.N.-backed agreement was signed in Geneva by the GNA.", set()),  # "X-backed" is no statement
        ("Russian mercenaries support Haftar.", set()),  # a demonym is not a backer
        # "X-backed" before a side names the backer, demonym or not
        ("Haftar lost his bases after the Turkish-backed GNA retook al-Watiya air base.", {("TUR", "gna")}),
        ("Turkish-backed Syrian fighters arrived, the GNA said.", set()),  # no side right after it
        # "بدعم حفتر" names whom: the backers come before it
        ("وتتهم حكومة الوفاق الإمارات ومصر بدعم حفتر.", {("ARE", "lna"), ("EGY", "lna")}),
        ("Haftar is supported militarily by the UAE.", {("ARE", "lna")}),
        # a passive cue takes the list right after it, not the backers of the next cue
        ("وخسر حفتر، المدعوم من روسيا والإمارات ومصر، قواعده بعد أن استعادت حكومة الوفاق المدعومة من تركيا "
         "قاعدة الوطية.", {("RUS", "lna"), ("ARE", "lna"), ("EGY", "lna"), ("TUR", "gna")}),
    ],
)
def test_statements(text, expected):
    assert {(r["backer"], r["side"]) for r in backing_in(text)} == expected


def test_seeds():
    articles = ly.load_articles()
    b = ly.extract_backing(articles)
    pairs = set(zip(b["backer"], b["side"]))
    assert {("TUR", "gna"), ("RUS", "lna"), ("ARE", "lna"), ("EGY", "lna"), ("wagner", "lna")} <= pairs
    assert not {side for backer, side in pairs if backer == "TUR"} - {"gna"}
    texts = dict(zip(articles["article_id"], articles["text"]))
    for row in b.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface


def test_every_side_is_a_libyan_actor_of_the_gazetteer():
    from libyakit.backing import SIDES
    from libyakit.gazetteer import actor_info

    actors = actor_info()
    for actor_id, camp in SIDES.items():
        assert actor_id in actors and actors[actor_id].libyan, actor_id
        assert camp in SIDES and SIDES[camp] == camp, (actor_id, camp)



@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia, the UAE and Egypt back Haftar.", {("RUS", "lna"), ("ARE", "lna"), ("EGY", "lna")}),
        ("تدعم تركيا حكومة الوفاق، بينما تدعم الإمارات ومصر قوات حفتر.",
         {("TUR", "gna"), ("ARE", "lna"), ("EGY", "lna")}),  # the verb first, its backers after it
        ("وكانت روسيا قد دعمت حفتر.", {("RUS", "lna")}),  # the backer before the verb
        ("The GNA forces pushed back Haftar's troops.", set()),
    ],
)
def test_verbs_in_both_orders(text, expected):
    from libyakit.backing import backing_in

    assert {(r["backer"], r["side"]) for r in backing_in(text)} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Haftar's foreign backers, including the UAE and Russia, were silent.", [("ARE", "lna"), ("RUS", "lna")]),
        ("داعمو حفتر، ومنهم الإمارات وروسيا، التزموا الصمت.", [("ARE", "lna"), ("RUS", "lna")]),
        # the side the cue names, not the subject of the sentence
        ("وتتهم حكومة الوفاق داعمي حفتر، مثل الإمارات ومصر، بخرق الحظر.", [("ARE", "lna"), ("EGY", "lna")]),
        ("The Tripoli government is supported militarily by Turkey and Qatar.", [("TUR", "gna"), ("QAT", "gna")]),
        ("Haftar's main allies, the UAE and Egypt, stayed silent.", [("ARE", "lna"), ("EGY", "lna")]),
        ("وتتهم حكومة الوفاق الإمارات ومصر الداعمتين لحفتر بخرق الحظر.", [("ARE", "lna"), ("EGY", "lna")]),
    ],
)
def test_backers_listed_after_the_cue(text, expected):
    assert [(r["backer"], r["side"]) for r in backing_in(text)] == expected
