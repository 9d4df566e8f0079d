"""People the gazetteer does not list, named after a title or role. Sentences written for the test."""

import pandas as pd
import pytest

import libyakit as ly
from libyakit.actors import mentions_in
from libyakit.persons import titled_persons


def names(text):
    found = titled_persons(text, mentions_in(text))
    for p in found:
        assert text[p.start:p.end] == p.surface
    return [p.surface for p in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وقالت وزيرة الخارجية نجلاء المنقوش إن الانتخابات ستجرى", ["نجلاء المنقوش"]),
        ("وقال وزير الدفاع الفرنسي جان إيف لودريان يوم الاثنين إن", ["جان إيف لودريان"]),
        ("والتقى وزير خارجية إيطاليا باولو جنتيلوني نظيره", ["باولو جنتيلوني"]),
        ("وقال الوزير عبد الله القماطي للصحفيين", ["عبد الله القماطي"]),  # (an invented name)
        ("وصرح المبعوث الأممي جيوفاني سافيناتي بأن", ["جيوفاني سافيناتي"]),  # (an invented name)
        ("German Chancellor Anna Vogelsang hosted the conference.", ["Anna Vogelsang"]),  # (an invented name)
        ("said analyst Jalel Harchaoui, a Libya specialist", ["Jalel Harchaoui"]),
        ("Marine Corps chief General Andrew Carlton said", ["Andrew Carlton"]),  # (an invented name)
        ("Foreign Minister Najla Mangoush told reporters", ["Najla Mangoush"]),
    ],
)
def test_a_titled_name_is_a_person(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وحفرت مليشيات الجنرال خليفة حفتر خندقا بطول 70 كيلومترا",  # the gazetteer's person, not "خندقا بطول"
        "وأجرى الرئيس اتصالا هاتفيا مع نظيره",  # no name after the title
        "رئيس الحكومة المعترف بها دوليا والتي يوجد مقرها في طرابلس",  # words that are no name
        "وقال الرئيس إن الحرب انتهت",
        "The President said the war was over.",
        "Minister Dbeibah spoke.",  # one word: not taken
    ],
)
def test_no_person(text):
    assert names(text) == []


def test_extract_actors_lists_them_with_the_title_as_alias():
    arts = pd.DataFrame({"article_id": ["a"], "text": ["وقالت وزيرة الخارجية نجلاء المنقوش إن ليبيا ترفض."]})
    rows = ly.extract_actors(arts)
    person = rows[rows["kind"] == "person"].iloc[0]
    assert (person["actor_id"], person["name_ar"], person["alias"], person["alias_type"]) == (
        "unlisted:نجلاء المنقوش", "نجلاء المنقوش", "وزيرة", "titled_name")
    assert ly.extract_actors(arts, unlisted=False)["kind"].tolist() == ["state"]


def test_a_titled_name_is_a_quote_speaker():
    rows = [r for r in ly.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [
        'وقال وزير الخارجية الإسباني خوسيه مانويل غارسيا مارغايو في بروكسل: "لا يمكننا الانتظار أكثر".']}))
        .itertuples()]
    assert rows[0].speaker_name == "خوسيه مانويل غارسيا مارغايو" and rows[0].speaker_id == ""


@pytest.mark.parametrize(
    "text, actor",
    [
        ("وسيطر تنظيم داعش على سرت", "isis"),
        ("Islamic State fighters took Sirte", "isis"),
        ("قوات فجر ليبيا", "libya_dawn"),
        ("نقلت صحيفة واشنطن بوست", "washington_post"),  # an outlet, not the United States
        ("المؤسسة الوطنية للنفط", "noc"),
    ],
)
def test_actors_of_libya_coverage(text, actor):
    assert actor in [m.actor_id for m in mentions_in(text)]
    assert "USA" not in [m.actor_id for m in mentions_in(text)]


@pytest.mark.parametrize(
    "text",
    ["the Joint Military Committee met in Sirte", "the 5 + 5 committee agreed", "اللجنة العسكرية الليبية (5+5) تجتمع",
     "وقالت لجنة (5+5) إن", "The 5+5 Commission said"],
)
def test_committee_variants(text):
    assert "jmc" in [m.actor_id for m in mentions_in(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("بلغت الكلفة مليار دولار أمريكي", []),  # a currency is no state
        ("cost 5 million US dollars", []),
        ("الدعم الأمريكي لليبيا", ["USA", "LBY"]),
        ("وذكرت صحيفة واشنطن بوست أن", ["washington_post"]),  # an outlet is no state
    ],
)
def test_currencies_and_outlets_are_no_states(text, expected):
    assert [m.actor_id for m in mentions_in(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Libyan Political Dialogue Forum met in Tunis.", ["Libyan Political Dialogue Forum"]),
        ("Bathily met the Center for Humanitarian Dialogue in Geneva.", ["Center for Humanitarian Dialogue"]),
        ("In Tripoli the Government of National Stability said it would not leave.", ["Government of National Stability"]),
        ("The Nationalist Movement Party backed the motion.", ["Nationalist Movement Party"]),
        ("The Libyan National Army said", []),  # the gazetteer's
        ("The Party said", []),  # one capitalised word
        ("Members of the Committee met", []),
    ],
)
def test_an_english_name_with_an_organisation_word(text, expected):
    from libyakit.persons import named_organisations

    found = named_organisations(text, mentions_in(text))
    assert [o.surface for o in found] == expected
    assert all(text[o.start:o.end] == o.surface for o in found)


def test_extract_actors_lists_unlisted_organisations():
    arts = pd.DataFrame({"article_id": ["a"], "text": ["The Libyan Political Dialogue Forum met in Tunis."]})
    rows = ly.extract_actors(arts, kinds={"organisation"})
    assert rows[["actor_id", "kind", "alias", "alias_type"]].values.tolist() == [
        ["unlisted:Libyan Political Dialogue Forum", "organisation", "Forum", "headed_name"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وقالت وزارة الخارجية الإيطالية إن أربعة من مواطنيها خطفوا", ["وزارة الخارجية الإيطالية"]),
        ("نقلت وكالة الأنباء الجزائرية عن مصدر", ["وكالة الأنباء الجزائرية"]),
        ("وأعلن الجيش المصري أن", ["الجيش المصري"]),
        ("وقالت وزارة الخارجية إن", []),  # no owner named: the body is not named
        ("وقعت شركة أمريكية عقدا", []),  # "an American company"
        ("وقالت الحكومة التونسية إن", []),  # a state's government is the state (the guide's rule)
    ],
)
def test_an_arabic_body_named_with_its_owner(text, expected):
    from libyakit.persons import named_organisations

    assert [o.surface for o in named_organisations(text, mentions_in(text))] == expected


def found(text):
    """(surface, rule) of every person and organisation the gazetteer does not list."""
    from libyakit.actors import with_unlisted

    out = [(m.surface, m.rule) for m in with_unlisted(text, mentions_in(text)) if not m.actor_id]
    for m in with_unlisted(text, mentions_in(text)):
        assert text[m.start:m.end] == m.surface
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        # after a title, also a military rank in two words and a first name written with the article
        ("وتسلم الفريق أول مراد الحسناوي الأوسمة", [("مراد الحسناوي", "persons.titled_name")]),
        ("وقال رئيس الجمهورية المنصف الزواري إن", [("المنصف الزواري", "persons.titled_name")]),
        # a reporting verb's subject
        ("وقال ماهر الفيتوري، الناطق باسم البلدية، إن الطريق مفتوح", [("ماهر الفيتوري", "persons.subject_name")]),
        ("وأضاف ستيفان كورمان أن الوفد سيعود", [("ستيفان كورمان", "persons.subject_name")]),
        # a name before its role
        ("وشارك ماهر الزاوي مدير المصرف في اللقاء", [("ماهر الزاوي", "persons.name_before_role")]),
        # a first name that is no common word, and a family name
        ("والتقى وليد الشريف بالوفد", [("وليد الشريف", "persons.first_and_family_name")]),
        ("وحكم على عبد الله الكيلاني بالسجن", [("عبد الله الكيلاني", "persons.first_and_family_name")]),
        # one of a list: a first name that is also a word, right after another person
        ("وحضر وليد الشريف وصالح البرعصي الاجتماع",
         [("وليد الشريف", "persons.first_and_family_name"), ("صالح البرعصي", "persons.coordinated_name")]),
        # a kunya and its nisba
        ("وظهر أبو عمر الليبي في تسجيل", [("أبو عمر الليبي", "persons.kunya_name")]),
        ("ونعى التنظيم «أبو الفداء المصري»", [("أبو الفداء المصري", "persons.kunya_name")]),
        # a list of foreign names: the first by its first name, the others joined to it
        ("ويظهر في الفيلم مارلون هيوز وكريس بالمر وجيمس دين",
         [("مارلون هيوز", "persons.first_and_family_name"), ("كريس بالمر", "persons.first_and_family_name"),
          ("جيمس دين", "persons.coordinated_name")]),
        # the name ends before a relative, an adverb or ب + a word
        ("وقال الوزير عبدالعزيز الفلاني والذي وصل أمس", [("عبدالعزيز الفلاني", "persons.titled_name")]),
        ("وفاز اللاعب ماهر الكعبي محققا رقما جديدا", [("ماهر الكعبي", "persons.titled_name")]),
        # initials
        ("وقال ستيفن ج. هاريسون للصحفيين", [("ستيفن ج. هاريسون", "persons.subject_name")]),
        # a first name that is also a nisba, after a title: the name's, not Turkey
        ("وجلس الأمير تركي العتيبي في الصف الأول", [("تركي العتيبي", "persons.titled_name")]),
        # a title, a comma, and the name closed by a comma
        ("قال وزير الزراعة التونسي، فتحي الزروق، إن", [("فتحي الزروق", "persons.titled_name")]),
    ],
)
def test_arabic_names_by_rule(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وقال عادل إن الأمر انتهى",  # one word
        "والتقى صالح الأعمال بالوفد",  # صالح is also "good": no cue, no name
        "وأجرى الوزير شكري تأكيد الموقف",  # a first name that is also a word, then common words
        "وكان للصراع بين حكومتين تتقاتلان أثر",  # بين is "between", not "وبين" (he explained)
        "ويقول ما يعي ويفي بوعوده",  # a conjunction and a verb after a reporting verb
        "واجتمعت لجان التخطيط أمس",  # لجان is committees, not ل + جان
        "وقال أحمد الله على السلامة",  # a verb and God, not a name
        "وتخرج في جامعة عمر المختار",  # a body's name, not a person
        "وقال الوزير هاتون للعقار",  # a preposition's phrase is no part of a name
        "وأكد العميد فهد الأمنية",  # a feminine adjective is no family name
        "وكان نظام الحكم قاسيا",  # نظام opens a gazetteer variant (نظام الأسد), not a name
        "وقال الوزير بن مروان إن",  # a particle opens no name
        "وقال الأمير فيصل\nأسند الأمر إليه",  # a line ends a name
        "وقال المدرب فهد يرجع الفريق غدا",  # a verb after a first name
    ],
)
def test_arabic_no_person(text):
    assert [s for s, r in found(text) if r != "persons.named_body"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وأعلنت غرفة عمليات الزاوية أن الطريق مفتوح", ["غرفة عمليات الزاوية"]),
        ("وقال حزب التجديد إن الحوار هو الحل", ["حزب التجديد"]),
        ("وأصدرت محكمة استئناف مصراتة حكمها", ["محكمة استئناف مصراتة"]),
        ("وطالب مجلس أعيان المدينة بالهدوء", ["مجلس أعيان المدينة"]),
        ("ووقعت شركة «فالورا» العقد", ["فالورا"]),  # the name in quotation marks
        ("وبحسب الخارجية التونسية، فإن", ["الخارجية التونسية"]),  # the ministry by its portfolio
        ("وأكدت القوات المسلحة المصرية أن", ["القوات المسلحة المصرية"]),
        ("وأصدرت كتيبة أبو بكر الحاسي بيانا", ["كتيبة أبو بكر الحاسي"]),  # a person's name names the body
        ("وقال رئيس هيئة قناة السويس إن", ["هيئة قناة السويس"]),  # a body whose name holds a not_actors phrase
        ("في الخارجية السعودية أمس", ["الخارجية السعودية"]),  # the state's name in the nisba's form
        ("وأدانت اللجنة الوطنية لحقوق الإنسان الهجوم", ["اللجنة الوطنية لحقوق الإنسان"]),  # what the body is for
        ("وقال المجلس الأعلى للقضاء إن", ["المجلس الأعلى للقضاء"]),
        ("وأنشأ رجل الأعمال استوديو مصراتة", ["استوديو مصراتة"]),  # a head that takes a name, and the name
    ],
)
def test_arabic_bodies_by_head_noun(text, expected):
    assert [s for s, r in found(text) if r in ("persons.named_body", "persons.owned_body")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "وانضمت مجموعة أخرى تدرس الطب",  # an adjective and a verb, not a name
        "وقالت جماعة متطرفة تسيطر على المدينة",
        "وعرض جهاز للمؤثرات البصرية",  # "a device for"
        "ووصل السلاح المصري إلى الحدود",  # weapons, not a body
        "وقال إن حملة سلاح ينتشرون في المدينة",  # سلاح names a body only in a construct chain (سلاح الجو)
        "وافتتح شركة لحفلات الزفاف",  # a company for: no name
        "سواء كانت شركة أو مزرعة",
        "في عهد رئاسة وليد الكردي للنادي",  # the presidency of a person: no body's name
        "وانسحبت القوات التركية من القاعدة",  # forces with only their owner: no name
        "وتغيرت السياسة الخارجية الروسية",  # an adjective of the noun before
        "وقال وزير الخارجية الروسي إن",  # the nisba is the minister's
        "وعبرت السفن قناة السويس أمس",  # a waterway (not_actors.csv)
        "وكانت مركز جاذبيته في الشرق",  # a noun with a pronoun
        "وقالت اللجنة الوطنية إن",  # a head and an adjective: no name
    ],
)
def test_arabic_no_body(text):
    assert [s for s, r in found(text) if r in ("persons.named_body", "persons.owned_body")] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the second Coastal Development Forum's round opened", ["Coastal Development Forum"]),  # a possessive
        ("Italian Premier Marco Santoro arrived in Tripoli", ["Marco Santoro"]),
        ("commission member Ahmed Boukhari voiced hope", ["Ahmed Boukhari"]),
    ],
)
def test_english_names_and_bodies(text, expected):
    assert [s for s, r in found(text)] == expected


@pytest.mark.parametrize(
    "text, state",
    [
        ("وأكدت السلطة الفلسطينية أن", "PSE"),  # a body named with its state's nisba names the state
        ("the Saudi-led coalition said", "SAU"),
        ("المرصد السوري لحقوق الإنسان", "SYR"),
    ],
)
def test_a_body_named_with_its_state_names_the_state(text, state):
    rows = ly.extract_actors(pd.DataFrame({"article_id": ["a"], "text": [text]}), progress=False)
    assert state in set(rows.loc[rows["kind"] == "state", "actor_id"])
    row = rows[rows["actor_id"] == state].iloc[0]
    assert row["rule"] == "persons.owner_state_name" and text[row["start"]:row["end"]] == row["surface"]


def test_a_nisba_inside_a_persons_name_is_no_state():
    assert "TUR" not in states("وجلس الأمير تركي العتيبي في الصف الأول")
    assert "TUR" in states("وقال مسؤول تركي إن")


def test_libya_is_not_added_inside_a_libyan_body():
    # the gazetteer names Libya only where no narrower actor is named (actors.csv): "الجيش الوطني الليبي" is the LNA
    assert states("وأعلن الجيش الوطني الليبي أن") == []


def test_no_body_from_two_owners():
    from libyakit.persons import named_organisations

    text = "وانتشرت القوات الروسية والتركية في المدينة"
    assert named_organisations(text, mentions_in(text)) == []


def test_no_state_in_an_outlet_or_person_name():
    rows = ly.extract_actors(pd.DataFrame({"article_id": ["a"], "text": ["نقلت صحيفة واشنطن بوست"]}), progress=False)
    assert "USA" not in set(rows["actor_id"])


def states(text):
    rows = ly.extract_actors(pd.DataFrame({"article_id": ["a"], "text": [text]}), progress=False)
    return sorted(set(rows.loc[rows["kind"] == "state", "actor_id"]))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وكان يتقن الفرنسية والإنجليزية والإيطالية منذ صغره", []),  # languages: a list with الإنجليزية
        ("وصدر الكتاب باللغة الإسبانية العام الماضي", []),  # after اللغة
        ("وقالت الخارجية الفرنسية والخارجية الإيطالية إن", ["FRA", "ITA"]),  # states
        ("وزار الوفد الفرنسي روما", ["FRA", "ITA"]),
    ],
)
def test_a_nisba_that_names_a_language_is_no_state(text, expected):
    assert states(text) == expected


def test_a_nisba_made_from_a_named_persons_surname_is_no_state():
    text = "وقال رئيس الوزراء جوناثان كاميرون إن الحملة مستمرة. لكن في الخطة الكاميرونية ثغرات."
    assert "CMR" not in states(text)
    assert "CMR" in states("وزار الوفد الكاميروني طرابلس. وقال رئيس الوزراء جوناثان كاسل إن")  # no such person
    assert "CMR" in states("وقال جوناثان كاميرون إن الكاميرون والخطة الكاميرونية")  # the state's name is written


def test_a_kunyas_nisba_standing_alone_later_is_the_person():
    text = "وظهر أبو حمزة المغربي في تسجيل مصور. وطالب المغربي أنصاره بالصبر. وقال الوزير المغربي إن"
    from libyakit.actors import mentions_in, with_unlisted

    again = [m for m in with_unlisted(text, mentions_in(text)) if m.alias_type == "surname" and not m.actor_id]
    assert [(m.surface, m.alias) for m in again] == [("المغربي", "أبو حمزة المغربي")]
    rows = ly.extract_actors(pd.DataFrame({"article_id": ["a"], "text": [text]}), progress=False)
    assert "unlisted:أبو حمزة المغربي" in set(rows["actor_id"])
    assert "MAR" in states(text)  # "الوزير المغربي" is still Morocco


def test_an_unlisted_person_named_again_by_last_name():
    text = "وقال خالد الورفلي، المتحدث باسم الحكومة، إن الاجتماع سيعقد. وأضاف الورفلي أن الوفد سيصل."
    rows = ly.extract_actors(pd.DataFrame({"article_id": ["a"], "text": [text]}), progress=False)
    persons = rows[rows["kind"] == "person"]
    assert persons["surface"].tolist() == ["خالد الورفلي", "الورفلي"]
    assert set(persons["actor_id"]) == {"unlisted:خالد الورفلي"}  # one person
    assert persons["rule"].tolist() == ["persons.subject_name", "persons.surname_name"]


@pytest.mark.parametrize(
    "text",
    [
        "وقال محمد الشريف إن الأمر انتهى. وأكد الشريف أن",  # the last name is a common word ("the honourable")
        "وقال خالد الورفلي إن. وقال سالم الورفلي إن. وأضاف الورفلي أن",  # two people share it
    ],
)
def test_no_last_name_alone(text):
    assert [s for s, r in found(text) if r == "persons.surname_name"] == []


# Invented sentences.
@pytest.mark.parametrize("text", [
    "واستقبل الأمير فهد العتيبي الوفد أمس. وفي المساء قاطعه فهد العتيبي بقوله إن الوقت انتهى.",
    # a text with marks (a sukun) is read without them, its offsets mapped back
    "واستقبل الأمير فهد العتيبي الوفد في سرْت أمس. وفي المساء قاطعه فهد العتيبي بقوله إن الوقت انتهى.",
])
def test_a_titled_name_named_again_in_full_without_its_title(text):
    from libyakit.persons import unlisted

    rows = [m for m in unlisted(text, mentions_in(text)) if m.surface == "فهد العتيبي"]
    assert len(rows) == 2 and all(text[m.start:m.end] == m.surface for m in rows)
