"""Foreign-force claims: figures, origins and sources on the seeds and on small cases."""

import math

import pandas as pd
import pytest

import libyakit as ly
from libyakit.forces import claims_in


@pytest.fixture(scope="module")
def seeds():
    articles = ly.load_articles()
    return articles, ly.extract_forces(articles)


def find(forces, prefix, low, high=None):
    rows = forces[forces["article_id"].str.startswith(prefix) & (forces["low"] == low)]
    if high is not None:
        rows = rows[rows["high"] == high]
    assert len(rows) >= 1, (prefix, low)
    return rows.iloc[0]


def test_spans_check_out(seeds):
    articles, forces = seeds
    texts = dict(zip(articles["article_id"], articles["text"]))
    for row in forces.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface
        assert row.sentence in texts[row.article_id]


def test_about_20000_foreign_fighters_per_the_un(seeds):
    _, forces = seeds
    for prefix in ("000", "002", "003"):
        row = find(forces, prefix, 20000)
        assert row["origins"] == () and row["qualifier"] == "approx" and row["attributed_to"] == "un"


def test_wagner_800_to_1200(seeds):
    row = find(seeds[1], "003", 800, 1200)
    assert row["origins"] == ("wagner",) and row["qualifier"] == "range" and row["force_type"] == "mercenaries"


def test_more_than_5000_from_four_states(seeds):
    row = find(seeds[1], "004", 5000)
    assert row["origins"] == ("RUS", "SYR", "SDN", "TCD")
    assert row["qualifier"] == "more_than" and math.isnan(row["high"])


def test_several_thousand_syrians_and_sudanese_and_a_thousand_chadians(seeds):
    _, forces = seeds
    f000 = forces[forces["article_id"].str.startswith("000")]
    by_origin = {r.origins: r for r in f000.itertuples()}
    assert by_origin[("SYR",)].qualifier == "vague" and by_origin[("SDN",)].qualifier == "vague"
    assert by_origin[("TCD",)].low == 1000 and by_origin[("TCD",)].attributed_to == "diplomat"
    f002 = forces[forces["article_id"].str.startswith("002")]
    origins = {r.origins: r for r in f002.itertuples()}
    assert origins[("SYR", "SDN")].qualifier == "vague"
    assert origins[("TCD",)].low == 1000 and origins[("TCD",)].attributed_to == "diplomat"
    # "أرسلت [أنقرة] ... وبضعة آلاف من المرتزقة الذين كانوا سابقين في سوريا": from Syria, sent by Turkey
    f001 = forces[forces["article_id"].str.startswith("001")]
    assert list(f001["origins"]) == [("SYR",)]


def test_no_claims_about_libyan_troops_or_durations(seeds):
    _, forces = seeds
    assert not (forces["low"] == 1300).any()  # 1300 جندي ليبي
    assert not (forces["low"] == 3).any()  # within three months
    assert not (forces["low"] == 15).any()  # the 15 Security Council members


@pytest.mark.parametrize(
    "text, origins, low, qualifier",
    [
        ("Turkey has sent about 2,000 Syrian fighters to Libya, officials said.", ("SYR",), 2000, "approx"),
        ("أرسلت تركيا نحو ألفي مقاتل سوري إلى ليبيا.", ("SYR",), 2000, "approx"),
        ("Russia has deployed hundreds of Wagner mercenaries.", ("wagner",), 200, "vague"),
        ("وتقدر واشنطن عدد المرتزقة الروس بأكثر من 1200 مرتزق.", ("RUS",), 1200, "more_than"),
        ("Russia's Wagner Group deployed between 800 and 1,200 contractors.", ("wagner",), 800, "range"),
        ("وتشير التقارير إلى وجود ما بين 800 و1200 عنصر من فاغنر.", ("wagner",), 800, "range"),
        ("Turkey sent 2000 Syrian fighters to Tripoli in 2020.", ("SYR",), 2000, "exact"),
        ("تقتصر مهمة 12.500 جندي أجنبي في ليبيا على التدريب.", (), 12500, "exact"),  # a dot between thousands
        ("وقدرت الأمم المتحدة بنحو 20 ألفاً عدد المرتزقة الروس.", ("RUS",), 20000, "approx"),
        ("لدى إيران 500 مستشار عسكري في ليبيا.", ("IRN",), 500, "exact"),  # a singular noun after hundreds
        ("Turkey has sent 2,000 fighters to Libya from Syria.", ("SYR",), 2000, "exact"),
        # the noun first, the figure after a comma
        ("Sudanese fighters, estimated at 3,000 by UN experts, were seen near Sirte.", ("SDN",), 3000, "exact"),
        ("وصل المرتزقة الروس، الذين يبلغ عددهم 1200، إلى الجفرة.", ("RUS",), 1200, "exact"),
        ("ينتشر في ليبيا مرتزقة سوريون يقدر عددهم بنحو ألفين.", ("SYR",), 2000, "approx"),
        ("Nearly 1,000 Chadian rebels are fighting alongside the LNA.", ("TCD",), 1000, "approx"),
        ("Washington estimates that Russia has 2,000 personnel in Libya.", ("RUS",), 2000, "exact"),
        ("There are thousands of mercenaries from Syria, Sudan and Chad in Libya.", ("SYR", "SDN", "TCD"), 2000,
         "vague"),  # the commas of a list do not end the clause
        ("ونشرت روسيا ألفاً من المرتزقة في الجفرة.", ("RUS",), 1000, "exact"),
        ("وسيطرت القوات على القاعدة الجوية و3 قواعد تركية.", ("TUR",), 3, "exact"),
    ],
)
def test_small_cases(text, origins, low, qualifier):
    claims = claims_in(text)
    assert len(claims) == 1, claims
    c = claims[0]
    assert (c["origins"], c["low"], c["qualifier"]) == (origins, low, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "The council has 15 members.",
        "The trench is 70 kilometres long and troops guard it.",
        "أكمل 1300 جندي ليبي التدريب.",
        "In 2011, forces loyal to Gaddafi fought on.",
        "Turkey has flown fighters to Tripoli since late 2019.",
        "وصل المقاتلون إلى طرابلس منذ أواخر 2019.",
        "In 2020 foreign troops were seen near Sirte.",
        "Some 1,200 Turkish contractors returned to build houses.",  # builders, not a force
        "Russian aircraft, including MiG-29 fighter jets, arrived at al-Jufra, AFRICOM said.",
        "Turkey sent 12 fighter jets to Libya.",
        "باعتداءات 11 سبتمبر 2001 التي نفذها تنظيم القاعدة الأمريكي.",  # a date, and al-Qaeda
        "ما أدى إلى مقتل 10 مدنيين وجندي من تشاد المجاورة.",  # 10 civilians and one soldier
        "واجهة من ثمانية أعمدة يتوسطها نصب الجندي الألماني المجهول.",
        "Turkey sent 2.5 soldiers to Libya.",
        "أقال النادي أكثر من 48 مدربا فرنسيا وألمانيا في عشر سنوات.",  # football coaches
        "قبضت السلطات المغربية على خلية من 8 عناصر.",  # members of a cell
        "الأسلحة الروسية لا تخرج عن 7 عناصر محددة.",  # items
        "اعتقلت الشرطة 147 شخصًا يشتبه في دعمهم لمقاتلين أجانب.",  # 147 people, not fighters
        "دمرت القوات السعودية اليوم 16 آلية للمسلحين الأجانب.",  # 16 vehicles
        "انطلقت المركبة وعلى متنها ثلاثة من رواد الفضاء من قاعدة بايكونور الروسية.",
        "إن الإرهابيين المرتزقة ليس من بينهم عربي واحد.",
        "نحو 60 في المائة من المقاتلين الأجانب يصلون عبر تركيا.",
        "سلمت الحركة 14 جثة لمقاتلين أجانب.",  # 14 bodies
        # the LNA's own troops: the UAE after the clause break backs it, it is no origin
        "The Libyan National Army, which has about 25,000 troops, is backed by the UAE.",
    ],
)
def test_not_claims(text):
    assert claims_in(text) == []


def test_columns_and_bad_input(seeds):
    assert list(seeds[1].columns) == ly.forces.FORCE_COLUMNS
    with pytest.raises(ValueError):
        ly.extract_forces(pd.DataFrame({"article_id": ["a"]}))


def test_libyan_demonym_before_the_noun_is_not_foreign():
    assert claims_in("Some 1,300 Libyan soldiers finished training.") == []


@pytest.mark.parametrize(
    "text, low, source",
    [
        # the source is who the cue names, not a state named later in what it reports
        ("According to the Syrian Observatory for Human Rights, Turkey has sent some 18,000 Syrian fighters.",
         18000, "sohr"),
        ("أكد المرصد السوري لحقوق الإنسان أن عدد المقاتلين السوريين الذين أرسلتهم تركيا بلغ 4700 مقاتل.",
         4700, "sohr"),
        ("According to a resident, Turkey has sent some 18,000 Syrian fighters.", 18000, ""),
        # each claim takes the source of its nearest cue
        ("According to the Syrian Observatory, Turkey sent 18,000 Syrian fighters, while the Wagner Group "
         "deployed between 800 and 1,200 contractors, a UN report said.", 800, "un"),
        ("Sudanese fighters, estimated by UN experts at 3,000 fighters, were seen.", 3000, "un"),
        ("وبحسب صحيفة الغارديان، جندت تركيا نحو ألفي مرتزق سوري، فيما أرسلت روسيا 1200 عنصر من فاغنر، "
         "وفق تقرير أممي.", 1200, "un"),
        ("وبحسب صحيفة الغارديان، جندت تركيا نحو ألفي مرتزق سوري، فيما أرسلت روسيا 1200 عنصر من فاغنر، "
         "وفق تقرير أممي.", 2000, "guardian"),
        ("Sudanese fighters, estimated at 3,000 by UN experts, were seen near Sirte.", 3000, "un"),
        # "يقدر عددهم" is estimated by nobody named; "في ليبيا" is a place, never a source
        ("ينتشر في ليبيا مرتزقة سوريون يقدر عددهم بنحو ألفين.", 2000, ""),
        # "an estimated" is a qualifier, not a reporting cue
        ("Turkey has deployed an estimated 5,000 Syrian mercenaries to Libya, according to the Syrian "
         "Observatory for Human Rights.", 5000, "sohr"),
        # an unnamed source named right after: the person
        ("وقال المتحدث باسم قوات الوفاق محمد قنونو إن نحو ألفي مرتزق من فاغنر ما زالوا في الجفرة.", 2000,
         "gnounou"),
        # a person in the cue's clause, after words that describe them ("الأممية" is the UN's adjective)
        ("قالت المبعوثة الأممية بالإنابة إلى ليبيا ستيفاني ويليامز يوم الأربعاء إن نحو عشرين ألفا من المقاتلين "
         "الأجانب والمرتزقة ما زالوا في البلاد.", 20000, "williams"),
        # an appositive name before "said"
        ("The United Nations' acting envoy for Libya, Stephanie Williams, said Wednesday that there are still "
         "some 20,000 foreign fighters and mercenaries in the country.", 20000, "williams"),
        ("The Pentagon's Africa Command estimated in July that about 2,000 Russian mercenaries were deployed.",
         2000, "africom"),
    ],
)
def test_attribution(text, low, source):
    claims = [c for c in claims_in(text) if c["low"] == low]
    assert len(claims) == 1, claims_in(text)
    assert claims[0]["attributed_to"] == source


def test_the_broken_plural_of_foreign():
    # الأجانب is the plural of أجنبي: "20 ألفا من المقاتلين الأجانب" is a claim about foreign fighters
    (claim,) = claims_in("يوجد نحو 20 ألفا من المقاتلين الأجانب في ليبيا.")
    assert (claim["low"], claim["force_type"]) == (20000, "fighters")
    assert claims_in("يوجد نحو 20 ألفا من المقاتلين في ليبيا.") == []  # not said to be foreign


def test_an_amount_of_libyans_is_not_foreign():
    text = "يقدر عدد العناصر بين 4500 و5 آلاف مقاتل بينهم ألف من الليبيين والباقي أجانب وعرب."
    assert [c["low"] for c in claims_in(text) if c["low"] == 1000] == []
    assert [c["low"] for c in claims_in("There are 5,000 foreign fighters, 1,000 of them Libyans.")] == [5000]


@pytest.mark.parametrize(
    "text, low, origins",
    [
        ("نشرت روسيا نحو 1200 من المتعاقدين العسكريين الخاصين في ليبيا.", 1200, ("RUS",)),
        ("وصل 300 متعاقد أمني روسي إلى سرت.", 300, ("RUS",)),
        ("1,200 security contractors from Russia arrived.", 1200, ("RUS",)),
        # a year does not cut the sender off from the troops it sent
        ("Turkey intervened in January 2020 in support of the Tripoli government, sending military advisers "
         "and hundreds of troops.", 200, ("TUR",)),
        ("وتدخلت تركيا في يناير 2020 دعما لحكومة طرابلس، وأرسلت مستشارين عسكريين ومئات الجنود.", 300, ("TUR",)),
    ],
)
def test_contractors_and_dates_between(text, low, origins):
    claims = [c for c in claims_in(text) if c["low"] == low]
    assert [(c["origins"], c["force_type"] in ("mercenaries", "troops")) for c in claims] == [(origins, True)]


@pytest.mark.parametrize(
    "text", ["Russia has deployed 1,200 contractors to build roads in Libya.",
             "وقعت الشركة مع 300 متعاقد لبناء الطرق في ليبيا وروسيا."])
def test_civilian_contractors_are_not_forces(text):
    assert claims_in(text) == []


@pytest.mark.parametrize(
    "text",
    ["Russia has deployed around 1,200 private military contractors to Libya, a confidential United Nations "
     "report seen by Reuters said on Wednesday.",
     "نشرت روسيا نحو 1200 من المتعاقدين العسكريين الخاصين في ليبيا، وفقا لتقرير سري للأمم المتحدة اطلعت عليه "
     "رويترز يوم الأربعاء."])
def test_who_saw_the_report_is_not_its_source(text):
    assert [c["attributed_to"] for c in claims_in(text)] == ["un"]


@pytest.mark.parametrize(
    "text, origins, source",
    [
        ("Two thousand Syrian fighters backed by Turkey returned home in 2021, the Syrian Observatory said.",
         ("SYR",), "sohr"),
        ("وعاد ألفا مقاتل سوري تدعمهم تركيا إلى بلادهم في 2021، بحسب المرصد السوري.", ("SYR",), "sohr"),
        ("An estimated 7,000 Turkish-backed Syrian fighters stayed on, the Syrian Observatory said.", ("SYR",),
         "sohr"),
        # a parenthesis between the source and "said"
        ("Up to 2,500 Russian mercenaries remain in Libya, the Joint Military Commission (5+5) said on Saturday.",
         ("RUS",), "jmc"),
    ],
)
def test_backers_are_no_origin_and_parentheses_no_break(text, origins, source):
    (claim,) = claims_in(text)
    assert (claim["origins"], claim["attributed_to"]) == (origins, source)


@pytest.mark.parametrize(
    "text, lows",
    [
        ("The 5+5 military committee met in Sirte on Nov. 3 and agreed that all mercenaries should leave.", []),
        ("In May 300 Syrian fighters arrived.", [300]),  # (no day of May is 300)
        ("Wagner chief Yevgeny Prigozhin has denied sending fighters, but U.S. officials estimate that at least "
         "1,000 Russian contractors are in Libya.", [1000]),  # contractors in a sentence about fighters
    ],
)
def test_days_after_a_month_and_contractors_among_fighters(text, lows):
    assert [c["low"] for c in claims_in(text)] == lows


@pytest.mark.parametrize(
    "text, expected",
    [
        # the number of ... has reached N / بلغ عدد ... N
        ("The number of Syrian mercenaries sent to Libya by Turkey has reached 18,000, the Syrian Observatory said.",
         [(18000, ("SYR",), "mercenaries", "sohr")]),
        ("بلغ عدد المرتزقة السوريين الذين أرسلتهم تركيا إلى ليبيا 18 ألفا، بحسب المرصد السوري.",
         [(18000, ("SYR",), "mercenaries", "sohr")]),
        # demonyms counted, then fighting
        ("Turkey has sent 18,000 Syrians to fight in Libya.", [(18000, ("SYR",), "fighters", "")]),
        ("About 11,000 Sudanese, 7,000 Syrians and 2,000 Russians are fighting in Libya.",
         [(11000, ("SDN",), "fighters", ""), (7000, ("SYR",), "fighters", ""), (2000, ("RUS",), "fighters", "")]),
        ("أرسلت تركيا 18 ألف سوري للقتال في ليبيا.", [(18000, ("SYR",), "fighters", "")]),
        ("Turkey hosts 3.6 million Syrians who fled the fighting.", []),
    ],
)
def test_number_of_and_demonyms_fighting(text, expected):
    assert [(c["low"], c["origins"], c["force_type"], c["attributed_to"]) for c in claims_in(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a 2,000-strong Turkish force arrived in Tripoli.", [(2000, ("TUR",), "troops")]),
        ("A 5,000-strong force of Syrian mercenaries arrived.", [(5000, ("SYR",), "mercenaries")]),
        ("a 2,000-strong crowd gathered in Tripoli.", []),
        ("Twenty-five hundred Russian mercenaries arrived.", [(2500, ("RUS",), "mercenaries")]),
        ("Turkey sent 300 Turkish officers to Tripoli.", [(300, ("TUR",), "troops")]),
        ("300 Turkish police officers arrived.", []),
        ("أرسلت تركيا 200 خبير عسكري تركي إلى طرابلس.", [(200, ("TUR",), "trainers")]),
        ("Russia deployed 30 military experts to al-Jufra.", [(30, ("RUS",), "trainers")]),
    ],
)
def test_strong_forces_officers_experts_and_english_compounds(text, expected):
    assert [(c["low"], c["origins"], c["force_type"]) for c in claims_in(text)] == expected


@pytest.mark.parametrize(
    "text, source",
    [("أعلنت القيادة العامة للقوات المسلحة الليبية، اليوم الأحد، أن نحو 300 من المرتزقة الأفارقة غادروا ليبيا.", "lna"),
     ("The LNA announced that 300 African mercenaries had left Libya.", "lna"),
     ("وكشف المرصد السوري أن تركيا أرسلت 2000 مقاتل سوري إلى ليبيا.", "sohr")])
def test_announced_and_revealed(text, source):
    assert [c["attributed_to"] for c in claims_in(text)] == [source]


@pytest.mark.parametrize(
    "text, expected",
    [("Analysts estimate Turkey has 500 troops in Libya.", [(("TUR",), "troops", "")]),  # Turkey is no source
     ("Some 2,000 Syrian fighters are there, reported Reuters.", [(("SYR",), "fighters", "reuters")]),
     ("A UN panel said the Wagner Group had between 800 and 1,200 personnel in Libya.",
      [(("wagner",), "mercenaries", "un")]),  # a military company's men are mercenaries
     ("وصل قرابة ألفي عنصر من مجموعة فاغنر الروسية.", [(("wagner",), "mercenaries", "")])])
def test_sources_after_the_cue_and_company_men(text, expected):
    assert [(c["origins"], c["force_type"], c["attributed_to"]) for c in claims_in(text)] == expected


@pytest.mark.parametrize(
    "text, origins",
    [("Russia deployed 200 special forces to western Egypt near the Libyan border.", ("RUS",)),
     ("وأرسلت إيران 15 ألف جندي إلى سوريا.", ("IRN",)),  # where a force goes is not where it comes from
     ("وأرسلت إيران 15 ألف مقاتل إلى سوريا.", ()),  # (nor who sends fighters: test_senders_places_and_outlets...)
     ("Some 300 fighters from Chad went to Sudan.", ("TCD",))])
def test_a_destination_is_no_origin(text, origins):
    assert [c["origins"] for c in claims_in(text)] == [origins]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "no fewer than" is a floor; the next count of a list keeps the subject's origin
        ("Ankara has deployed no fewer than 500 troops and a dozen military advisers to bases in western Libya.",
         [(("TUR",), "troops", 500, math.nan, "more_than"), (("TUR",), "trainers", 12, 12, "exact")]),
        ("أرسلت تركيا 500 جندي و20 مستشارا عسكريا.",
         [(("TUR",), "troops", 500, 500, "exact"), (("TUR",), "trainers", 20, 20, "exact")]),
        # a possessive between the amount and its noun
        ("Turkey has deployed hundreds of its own soldiers to Libya.", [(("TUR",), "troops", 200, 999, "vague")]),
        ("وأرسلت تركيا 300 من جنودها إلى طرابلس.", [(("TUR",), "troops", 300, 300, "exact")]),
        # the singular عسكري right after its amount is a soldier
        ("وإن نحو ٦٠٠ عسكري تركي يعملون في قاعدتي الوطية ومصراتة.", [(("TUR",), "troops", 600, 600, "approx")]),
        # "the number of X ranges between"
        ("مشيرة إلى أن عدد عناصر فاغنر في ليبيا يتراوح بين ألفين وثلاثة آلاف.",
         [(("wagner",), "mercenaries", 2000, 3000, "range")]),
        # عنصر counts what "عدد" named
        ("ويقدر عدد المرتزقة الروس بنحو 2000 عنصر.", [(("RUS",), "mercenaries", 2000, 2000, "approx")]),
        # thousands grouped by a space
        ("Ankara dispatched some 5 000 Syrian fighters to Libya.", [(("SYR",), "fighters", 5000, 5000, "approx")]),
    ],
)
def test_third_round_readings(text, expected):
    got = [(c["origins"], c["force_type"], c["low"], c["high"], c["qualifier"]) for c in claims_in(text)]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        assert g[:2] == e[:2] and same_number(g[2], e[2]) and same_number(g[3], e[3]) and g[4] == e[4], got


def same_number(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b


@pytest.mark.parametrize("text", [
    "وقال إن التعاون العسكري مع 3 دول أجنبية مستمر.",  # عسكري the adjective, 3 counts states
    "وتلقى الجيش دعما عسكريا أجنبيا بقيمة 300 مليون دولار.",
    "Ankara dispatched some 000 Syrian fighters to Libya.",  # a zero is no figure
])
def test_not_claims_third_round(text):
    assert claims_in(text) == []


def test_diplomats_say():
    (c,) = claims_in("An estimated 2,000 Russian mercenaries are in Libya, diplomats say.")
    assert c["attributed_to"] == "diplomat"


@pytest.mark.parametrize(
    "text, counts",
    [
        ("وأسفر الهجوم عن مقتل 17 جنديا تركيا في ليبيا.", ["casualties"]),
        ("17 Turkish soldiers were killed in an attack near Sirte.", ["casualties"]),
        ("The strike killed at least 35 Syrian mercenaries.", ["casualties"]),
        ("قال الجيش التركي إن مسلحين قتلوا اثنين من جنوده في ليبيا.", ["casualties"]),
        ("قُتل ضابط و3 جنود أتراك في هجوم.", ["casualties"]),  # (أتراك: the plural without its article)
        ("هجوم أودى بحياة ثلاثة جنود أتراك.", ["casualties"]),
        ("واستشهد 5 جنود أتراك في الهجوم.", ["casualties"]),
        ("ولقي 12 جنديا تركيا مصرعهم في ليبيا.", ["casualties"]),
        ("Turkey sent 500 troops to avenge soldiers killed last year.", ["strength"]),
        ("ونشرت تركيا 500 جندي في ليبيا بعد مقتل جنديين.", ["strength"]),
        ("Turkey has 500 troops in Libya and two of its soldiers died last week.", ["strength"]),
    ],
)
def test_casualties_are_not_strength(text, counts):
    assert [c["counts"] for c in claims_in(text)] == counts


@pytest.mark.parametrize("text", ["Russia deployed 1,200 Wagner mercenaries, killing hundreds of GNA fighters.",
                                  "وقتل 17 من مقاتلي الوفاق."])
def test_a_libyan_sides_own_men_are_not_foreign(text):
    assert [c["low"] for c in claims_in(text)] == ([1200] if "Wagner" in text else [])


def test_fighters_of_a_company_in_construct():
    (c,) = claims_in("ووصل مئات من مقاتلي فاغنر إلى الجفرة.")
    assert (c["origins"], c["force_type"], c["counts"]) == (("wagner",), "mercenaries", "strength")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a breakdown of the claim before, by counted demonyms
        ("Foreign powers have about 20,000 fighters in Libya, including at least 11,000 Sudanese and some 7,000 "
         "Syrians, according to a UN estimate.",
         [((), 20000, "un"), (("SDN",), 11000, "un"), (("SYR",), 7000, "un")]),
        # whom they fight for is no origin
        ("There are 20,000 mercenaries, among them 3,000 Syrians who fight for Turkey.",
         [((), 20000, ""), (("SYR",), 3000, "")]),
    ],
)
def test_breakdowns_by_demonym(text, expected):
    assert [(c["origins"], c["low"], c["attributed_to"]) for c in claims_in(text)] == expected


@pytest.mark.parametrize("text", [
    "There are 20,000 fighters and 3,000 Syrian civilians.",  # the demonym describes civilians
    "وأشار إلى أن أنقرة درّبت أكثر من ألفي عنصر من الجيش الليبي منذ مطلع 2020.",  # Libyan soldiers
    "Turkey trained 2,000 members of the Libyan army.",
])
def test_not_foreign_forces(text):
    assert claims_in(text) == []


@pytest.mark.parametrize("text, force_type", [
    ("Russia has deployed about 2,000 troops of its Africa Corps to eastern Libya.", "troops"),
    ("ونشر الفيلق الإفريقي الروسي نحو ألفي عنصر في قاعدة الجفرة.", "fighters"),  # a state force: not mercenaries
])
def test_the_africa_corps(text, force_type):
    (c,) = claims_in(text)
    assert (c["origins"], c["force_type"], c["low"]) == (("africa_corps",), force_type, 2000)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("As many as 2,500 Wagner operatives remain at al-Jufra, according to the U.S. military's Africa Command.",
         [(("wagner",), "mercenaries", 2500, "africom")]),  # the owner is not the source
        ("According to the UN's panel of experts, 2,000 Russian mercenaries are there.",
         [(("RUS",), "mercenaries", 2000, "un")]),
        # a report after a preposition is where the subject said it
        ("وكان المرصد السوري لحقوق الإنسان قد أشار في تقرير سابق إلى أن عدد المرتزقة السوريين وصل إلى نحو 18 ألفاً.",
         [(("SYR",), "mercenaries", 18000, "sohr")]),
        # an unnamed source does not reach over "أن" for a state
        ("كشفت مصادر عسكرية ليبية أن تركيا سحبت نحو 300 مقاتل سوري من طرابلس.",
         [(("SYR",), "fighters", 300, "source")]),
        ("Sudanese and Chadian fighters, whose number the UN panel of experts put at roughly 11,000, stayed.",
         [(("SDN", "TCD"), "fighters", 11000, "")]),
        ("It still pays about 2,000 Syrian fighters in Tripoli, said Rami Abdel Rahman, who heads the Syrian "
         "Observatory for Human Rights.", [(("SYR",), "fighters", 2000, "abdel_rahman")]),
    ],
)
def test_sources_owners_and_estimates(text, expected):
    assert [(c["origins"], c["force_type"], c["low"], c["attributed_to"]) for c in claims_in(text)] == expected


def test_operatives_only_of_an_armed_group_or_in_a_fight():
    assert claims_in("Five intelligence operatives from Russia were expelled from the embassy.") == []


def test_a_relative_clause_after_the_source():
    (c,) = claims_in("The Council took note of the report (S/2021/62), which estimates that some 20,000 foreign forces "
                     "and mercenaries remain in Libya.")
    assert (c["low"], c["attributed_to"]) == (20000, "report")


@pytest.mark.parametrize("text, low, high", [
    ("وقالت الأمم المتحدة إن 20.000 مرتزق ما زالوا في ليبيا.", 20000, 20000),  # dots between thousands
    ("between 1.000 and 2.000 Syrian fighters", 1000, 2000),
    ("أكثر من 5.000 مرتزق سوري", 5000, math.nan),
    ("نحو 1.5 ألف مقاتل سوري", 1500, 1500),  # a decimal before its scale word
])
def test_dots_between_thousands(text, low, high):
    (c,) = claims_in(text)
    assert same_number(c["low"], low) and same_number(c["high"], high)


def test_in_addition_to_is_no_destination():
    claims = claims_in("Turkey has about 500 troops in Libya, in addition to Syrian mercenaries numbering several thousand.")
    assert [(c["origins"], c["low"]) for c in claims] == [(("TUR",), 500), (("SYR",), 3000)]


def test_exceeds_is_more_than_and_the_source_does_not_reach_over_its_cue():
    (c,) = claims_in("According to the Volcano of Rage Operation, the number of Russian mercenaries in Sirte and Jufra "
                     "now exceeds 2,000.")
    assert (c["low"], c["qualifier"], c["attributed_to"]) == (2000, "more_than", "gna")
    (c,) = claims_in("Military sources have told the Libya Observer that over 300 Janjaweed mercenaries arrived.")
    assert (c["origins"], c["attributed_to"]) == (("rsf",), "source")  # one label with the quotes (unnamed_sources.csv)


@pytest.mark.parametrize("text, expected", [
    # a noun an amount has counted is not counted again by the next one
    ("وقتل أربعة جنود أتراك وأصيب عشرات في هجمات.", [(4, "casualties")]),
    # a unit's number is no amount
    ("خطفت الجبهة خمسة مقاتلين أتراك على الأقل من الفرقة 30 في قرية قاح.", [(5, "casualties")]),
    # "من" before the police is partitive, not "from" a state
    ("أسفرت عن مقتل ثلاثة ضباط أتراك و ثلاثة من أفراد الشرطة.", [(3, "casualties")]),
    # the dead and the captured counted after the noun
    ("وبلغ عدد قتلى الجنود الأتراك في ليبيا 15.", [(15, "casualties")]),
])
def test_each_noun_counted_once_and_unit_numbers(text, expected):
    assert [(c["low"], c["counts"]) for c in claims_in(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a demonym that describes another noun is no breakdown of the claim before
    ("He put the number of Wagner personnel at between 1,000 and 2,000, adding that half a dozen Russian fighter "
     "jets had been flown in from Syria.", [(("wagner",), 1000)]),
    # "a role for" the Wagner Group: it is still the origin (only fighting for someone names a backer)
    ("Russia has denied any role for the Wagner Group, whose fighters number around 1,200, U.S. officials say.",
     [(("wagner",), 1200)]),
])
def test_no_false_breakdowns_or_backers(text, expected):
    assert [(c["origins"], c["low"]) for c in claims_in(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("يوجد في ليبيا الآلاف من المرتزقة الأجانب.", ((), 3000, 10000)),  # the definite plural is as vague
    ("وصل المئات من المرتزقة السوريين.", (("SYR",), 300, 999)),
    ("وصلت دفعة جديدة تضم 150 مرتزقا سوريا.", (("SYR",), 150, 150)),  # مرتزقا, as journalists write it
])
def test_definite_vague_plurals_and_murtaziqan(text, expected):
    (c,) = claims_in(text)
    assert (c["origins"], c["low"], c["high"]) == expected


# --- the vocabulary is data (data/lexicon/force_nouns.csv, force_cues.csv) ---

@pytest.fixture
def lexicon_dir(tmp_path):
    """A copy of the package's data directory, to edit: its lexicon/ folder."""
    import shutil

    from libyakit.paths import DATA_DIR

    shutil.copytree(DATA_DIR, tmp_path / "data")
    yield tmp_path / "data" / "lexicon"
    ly.use_data_dir(None)


@pytest.mark.parametrize("row, text, force_type, origin", [
    ("fighters,ar,قناص,|ة|ين|ا,,article,,,,no,snipers\n", "ووصل 200 قناص روسي إلى ليبيا الشهر الماضي.", "fighters", "RUS"),
    ("troops,en,paratrooper,|s,,none,,,,no,\n", "Russia sent 300 paratroopers to Libya last month.", "troops", "RUS"),
])
def test_a_new_force_noun_is_one_row(lexicon_dir, row, text, force_type, origin):
    """A domain expert adds a force noun as one row of force_nouns.csv: the noun pattern and the
    first look's stems both come from it."""
    assert claims_in(text) == []
    with open(lexicon_dir / "force_nouns.csv", "a", encoding="utf-8") as f:
        f.write(row)
    with ly.use_data_dir(lexicon_dir.parent):
        (claim,) = claims_in(text)
    assert (claim["force_type"], claim["origins"]) == (force_type, (origin,))
    assert claims_in(text) == []  # the package's tables again after the block


@pytest.mark.parametrize("row, message", [
    ("navy,en,sailor,|s,,none,,,,no,\n", "force_type must be one of"),
    ("troops,en,sailor,|s,,article,,,,no,\n", "English noun takes no proclitics"),
    ("troops,ar,بحار,|ة,,sometimes,,,,no,\n", "proclitics must be one of"),
    ("troops,ar,جنود,,جنود,article,,,,no,\n", "duplicate form 'جنود'"),
    ("troops,ar,بحّار,,,article,,,,no,\n", "carries diacritics"),
    ("troops,en,sailor,|s,,none,,,,maybe,\n", "adjacent must be one of"),
])
def test_a_broken_force_noun_names_its_file_and_line(lexicon_dir, row, message):
    from libyakit import lexicon
    from libyakit.errors import DataFileError

    path = lexicon_dir / "force_nouns.csv"
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    with open(path, "a", encoding="utf-8") as f:
        f.write(row)
    with pytest.raises(DataFileError, match=message) as exc:
        ly.use_data_dir(lexicon_dir.parent)
        lexicon.force_nouns()
    assert exc.value.path.endswith("force_nouns.csv") and exc.value.row == n_lines + 1


def test_the_first_look_stems_come_from_the_nouns():
    """Every force noun's stem is in the Aho-Corasick first look (one definition, no second list)."""
    from libyakit import forces
    from libyakit.lexicon import force_nouns

    assert {n.form.split()[-1].lower() for n in force_nouns()} <= set(forces._NOUN_STEMS)


# --- sources and nouns as real articles write them (issue 19, items 2-3; invented sentences) ---

@pytest.mark.parametrize("text, source", [
    ("The Herald: Some 2,000 Syrian mercenaries have reached Sirte this week.", None),  # an outlet unknown: no source
    ("Syrian Observatory: 1,200 Syrian mercenaries reached Tripoli last week.", "sohr"),
    ("UN envoy: There are now 15,000 foreign mercenaries in the country.", "un"),
    ("Acting envoy: There are now 15,000 foreign mercenaries in the country.", "envoy"),
    ("More than 4,000 Syrian mercenaries are fighting in Libya: monitor", "monitor"),
    ("المرصد السوري: وصول 900 مرتزق سوري إلى طرابلس", "sohr"),
    ("Libya: Turkey sends 1,000 Syrian mercenaries to Misrata", ""),  # a place before the colon is no source
])
def test_a_headline_names_its_source_at_its_colon(text, source):
    (claim,) = claims_in(text)
    if source is not None:
        assert claim["attributed_to"] == source


@pytest.mark.parametrize("text, source", [
    ("The UN panel of experts' report has disclosed that some 900 Chadian fighters are in Libya.", "expert"),
    ("The monitor said that about 4,500 Syrian mercenaries have reached Libya so far.", "monitor"),
    ("The British newspaper \"The Guardian\" indicated that 2,500 Syrian mercenaries arrived in Tripoli.", "guardian"),
])
def test_who_states_the_figure_is_its_source(text, source):
    (claim,) = claims_in(text)
    assert claim["attributed_to"] == source


def test_a_noun_after_for_names_whom_they_serve():
    text = ("The report found that mercenaries fighting for Haftar's forces included 800 from the Sudan "
            "Liberation armed group and 400 from the Union of Chad Resistance Forces.")
    rows = claims_in(text)
    assert [(r["low"], r["force_type"]) for r in rows] == [(800.0, "mercenaries"), (400.0, "mercenaries")]
    assert rows[1]["rule"] == "forces.listed_from" and rows[1]["origins"] == ("TCD",)


@pytest.mark.parametrize("text, source", [
    # a pronoun subject: the person last named before
    ("وقالت المبعوثة ستيفاني ويليامز إن الوضع صعب. وتابعت: «في البلاد نحو 9 آلاف مرتزق أجنبي».", "williams"),
    ("Stephanie Williams met the committee on Monday. She added that 9,000 foreign mercenaries remain.", "williams"),
    # كان + subject + comma + verb: the subject before the verb
    ("وكان المرصد السوري، وثق أن 700 مرتزق سوري وصلوا إلى طرابلس.", "sohr"),
    # the nearest cue names no one, another in the sentence does
    ("أعلن المرصد السوري وصول 400 مرتزق سوري إلى ليبيا وفق لبيان صدر أمس.", "sohr"),
    # "renewed the affirmation"
    ("جددت المبعوثة ستيفاني ويليامز التأكيد على أن 9 آلاف مرتزق أجنبي ما زالوا في ليبيا.", "williams"),
])
def test_who_states_the_figure_in_arabic_and_english(text, source):
    rows = claims_in(text)
    assert rows and rows[-1]["attributed_to"] == source


def test_a_statement_is_where_it_was_said_not_who_said_it():
    # (no one the tables know: the statement's speaker fills it in the pipeline, never "statement")
    (claim,) = claims_in("وأوضح ممثلو الوفد في بيان أن 300 مرتزق أجنبي غادروا البلاد.")
    assert claim["attributed_to"] == ""


# --- a figure retold: parts, restatements, the same force again (invented sentences) ---

@pytest.mark.parametrize("text, expected", [
    ("The count rose to about 12,500 mercenaries of Syrian nationality, including 420 children under 18.",
     [(12500.0, "mercenaries", ("SYR",)), (420.0, "mercenaries", ("SYR",))]),
    ("وارتفع العدد إلى نحو 12 ألف مرتزق سوري، من بينهم 420 طفلا دون سن الثامنة عشرة.",
     [(12000.0, "mercenaries", ("SYR",)), (420.0, "mercenaries", ("SYR",))]),
])
def test_a_part_of_a_claim_is_counted_as_what_it_is_part_of(text, expected):
    assert [(r["low"], r["force_type"], r["origins"]) for r in claims_in(text)] == expected
    assert claims_in(text)[-1]["rule"] == "forces.subset"


def test_an_amount_that_restates_the_sentence_before():
    text = ("Officials estimated that there were at least 30,000 foreign fighters in the country. "
            "But diplomats said there were more than 30,000, including 14,000 Syrians and 9,000 Sudanese.")
    rows = claims_in(text)
    assert [(r["low"], r["rule"], r["origins"]) for r in rows] == [
        (30000.0, "forces.noun_after", ()), (30000.0, "forces.anaphoric", ()),
        (14000.0, "forces.breakdown", ("SYR",)), (9000.0, "forces.breakdown", ("SDN",))]
    # (not after a sentence with no claim, nor with a noun after it)
    assert claims_in("The talks went on. But diplomats said there were more than 30,000, the most ever.") == []


@pytest.mark.parametrize("text, origins", [
    # a few sentences after the same force named its origin
    ("A new batch of 2,400 Syrian mercenaries arrived in Misrata. The monitor confirmed the arrival of "
     "2,400 mercenaries, while seven mercenaries were killed near Sirte.", [("SYR",), ("SYR",), ("SYR",)]),
    # the same figure in the headline
    ("Monitor: 2,400 more mercenaries reached Misrata\n\nA new batch of 2,400 Syrian mercenaries arrived in "
     "Misrata this week.", [("SYR",), ("SYR",)]),
    # not a sentence about foreign forces in general
    ("A new batch of 2,400 Syrian mercenaries arrived in Misrata. There are 20,000 foreign mercenaries in the "
     "country.", [("SYR",), ()]),
    # a private military company deploys its own men
    ("The monitors said the number of private military operatives deployed to Libya by the Wagner Group is no "
     "more than 800 to 1,200.", [("wagner",)]),
])
def test_the_same_force_keeps_its_origin(text, origins):
    assert [r["origins"] for r in claims_in(text)] == origins


@pytest.mark.parametrize("text, expected", [
    ("Over 500 members of Syrian factions loyal to Ankara have reached Libyan territory.", [(500.0, "fighters", ("SYR",))]),
    ("Some 300 members of a Chadian armed group crossed into Libya.", [(300.0, "fighters", ("TCD",))]),
    ("Over 500 members of the Syrian parliament met in Damascus.", []),
    ("The 15 Security Council members called for the withdrawal of 20,000 foreign fighters.", [(20000.0, "fighters", ())]),
])
def test_members_of_armed_groups_are_fighters(text, expected):
    assert [(r["low"], r["force_type"], r["origins"]) for r in claims_in(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Turkey began sending Syrian fighters, some 5,000 of them, to Libya.", [(5000.0, ("SYR",))]),
    ("وأرسلت تركيا مرتزقة سوريين، نحو 5 آلاف منهم، إلى ليبيا.", [(5000.0, ("SYR",))]),
    ("Turkey sent fighters, 5,000 of them Libyans, to Sirte.", []),  # Libyans are no foreign force
])
def test_some_of_them_counts_the_noun_before(text, expected):
    assert [(r["low"], r["origins"]) for r in claims_in(text)] == expected


@pytest.mark.parametrize("text, source", [
    ("وقال شهود عيان في اتصال مع «الشرق الأوسط» إن 300 مرتزق سوري وصلوا إلى سرت.", ""),
    ("وأشارت مصادر محلية لـ«الشرق الأوسط» إلى أن 300 مرتزق سوري وصلوا إلى سرت.", "source"),
    ("Speaking to the BBC, a diplomat said 300 Syrian mercenaries reached Sirte.", "diplomat"),
])
def test_who_was_told_is_not_the_source(text, source):
    (claim,) = claims_in(text)
    assert claim["attributed_to"] == source


def test_a_private_military_company_is_a_row_naming_a_gazetteer_armed_group(lexicon_dir):
    from libyakit import lexicon
    from libyakit.errors import DataFileError

    assert {"wagner", "sadat"} <= lexicon.private_military_companies()
    with open(lexicon_dir / "private_military_companies.csv", "a", encoding="utf-8") as f:
        f.write("en,TUR,a state is no company\n")
    with pytest.raises(DataFileError, match="no armed group of the gazetteer"):
        ly.use_data_dir(lexicon_dir.parent)
        lexicon.private_military_companies()


def _vague_or(v):
    return "nan" if v != v else v


@pytest.mark.parametrize("text, expected", [
    # "a number of" (عدد من): vague, with no documented range
    ("وصل عدد من المقاتلين الأجانب إلى الجنوب.", [("عدد من المقاتلين", "nan", "vague", "fighters")]),
    # عناصر called terrorist, or of an armed group named in their clause, are a force whatever their origin
    ("وقصفت الطائرات مخابئ إرهابية في الجبل، وقتلت عددا من العناصر.", [("عددا من العناصر", "nan", "vague", "fighters")]),
    ("واعتقلت الشرطة 12 عنصرا من داعش في الصحراء.", [("12 عنصرا", 12.0, "exact", "fighters")]),
    # ... but not a team's members, nor officials "of a number of" that is no force
    ("وتتكون المفرزة المكلفة بحماية المعبر من 11 عنصرا.", []),
    ("وحضر الحفل عدد من المسؤولين وكبار قادة الجيش.", []),
    ("واعتقلت الشرطة قرب مخبأ إرهابي 8 أشخاص بينما فر عنصر آخر.", []),
    # "a number of" before no force noun neither counts nor cuts the next figure off its origin
    ("وشاهد السكان في شمال تشاد عددا من المدرعات، وعشرات المقاتلين المسلحين.",
     [("وعشرات المقاتلين", 30.0, "vague", "fighters")]),  # the 8 are persons, not the element
    # the opposition counted, for training (as عناصر are: beside a word for armed men or training)
    ("وتعهدت الدول المانحة بتدريب أعداد من المعارضة السورية على القتال.", [("أعداد من المعارضة", "nan", "vague", "fighters")]),
    ("وشارك عدد من المعارضة السورية في المؤتمر.", []),
])
def test_a_number_of_armed_group_members(text, expected):
    got = [(r["surface"], _vague_or(r["low"]), r["qualifier"], r["force_type"]) for r in claims_in(text)]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # leaders of an armed group, and a part of them, counted; التنظيم is the group named before
    ("وأعلن تنظيم داعش في بيان على مواقعه، أنه أعدم 9 قياديين بارزين في التنظيم، من بينهم ثلاثة قادة عسكريين.",
     [(9.0, "casualties"), (3.0, None)]),
    ("واجتمع خمسة قادة عرب في القاهرة.", []),  # heads of state are no force
    ("وحضر حفل التخريج عدد من قادة الوحدات العسكرية في المنطقة.", []),  # no armed group named
    ("وكان عدد من قادة داعش قد أرسلوا رسائل إلى فروع التنظيم.", [("nan", None)]),
    ("1989 - مجموعة تخطف أحد قادة حزب الله.", []),  # a chronology's year counts nobody
])
def test_leaders_of_an_armed_group(text, expected):
    got = [(_vague_or(r["low"]), r["counts"]) for r in claims_in(text)]
    assert [g[0] for g in got] == [e[0] for e in expected]
    assert all(e[1] is None or g[1] == e[1] for g, e in zip(got, expected))


@pytest.mark.parametrize("text, expected", [
    ("وقال مسؤول إن 400 بريطاني انضموا إلى داعش منذ بداية الحرب.", [(400.0, ("GBR", "isis"))]),
    ("وقال مسؤول إن 300 تونسي وتونسية التحقوا بـ«داعش» في سرت.", [(300.0, ("TUN", "isis"))]),
    ("Some 600 Syrians have joined ISIS since the spring.", [(600.0, ("SYR", "isis"))]),
    ("وقال إن 500 سوري انضموا إلى الجامعة هذا العام.", []),  # joining no armed group
    ("Some 600 Syrians have joined the university this year.", []),
])
def test_nationals_who_joined_an_armed_group_are_its_fighters(text, expected):
    assert [(r["low"], r["origins"]) for r in claims_in(text)] == expected


def test_the_organisation_is_the_group_named_before():
    text = "وأعلن تنظيم داعش في بيان على مواقعه، أنه أعدم 9 قياديين بارزين في التنظيم، من بينهم ثلاثة قادة عسكريين."
    assert [r["origins"] for r in claims_in(text)] == [("isis",), ("isis",)]


def test_the_statements_that_hold_a_claim_are_those_a_scan_finds():
    """with_statement_sources looks back over the statements sorted by start (_Holding): the same
    statements, in the same order, as a scan of all of them."""
    import random

    from libyakit.forces import _Holding

    rnd = random.Random(9)
    for _ in range(300):
        statements = []
        for _ in range(rnd.randrange(0, 30)):
            a = rnd.randrange(0, 200)
            statements.append({"start": a, "end": a + rnd.randrange(1, 80)})
        holding = _Holding(statements)
        for _ in range(20):
            a = rnd.randrange(0, 250)
            b = a + rnd.randrange(1, 10)
            assert holding.around(a, b) == [s for s in statements if s["start"] <= a and b <= s["end"]]


@pytest.mark.parametrize(
    "text, origins, source",
    [
        # where the source sits is no origin, nor the source ("based in London")
        ("The Britain-based Syrian Observatory said about 400 Syrian fighters arrived in Libya.", ("SYR",), "sohr"),
        ("The Syrian Observatory, which is based in London, said 250 Syrian mercenaries had reached Tripoli.",
         ("SYR",), "sohr"),
        ("قال المرصد السوري لحقوق الإنسان، ومقره بريطانيا، إن نحو 400 مرتزق سوري وصلوا إلى ليبيا.", ("SYR",), "sohr"),
        ("ذكر المرصد السوري، الذي يتخذ من لندن مقرا له، أن 250 مرتزقا من تشاد وصلوا إلى سرت.", ("TCD",), "sohr"),
        ("وصل 300 مرتزق سوري إلى طرابلس، بحسب المرصد السوري ومقره العاصمة البريطانية لندن.", ("SYR",), "sohr"),
    ],
)
def test_where_a_source_sits_is_no_origin(text, origins, source):
    (claim,) = claims_in(text)
    assert (claim["origins"], claim["attributed_to"]) == (origins, source)


@pytest.mark.parametrize(
    "text, origins",
    [
        # a faction's name in quotation marks after the noun is the force's origin (the marks are no break)
        ("وصل نحو 150 مقاتلا من فصيل «فرقة الحمزة» إلى ليبيا.", ("hamza_division",)),
        ("وصل 300 مقاتل من فصيلي «السلطان مراد» و«فرقة الحمزة» إلى طرابلس.", ("sultan_murad", "hamza_division")),
        ('وصل 300 مقاتل من فصائل "السلطان مراد وفرقة الحمزة" إلى طرابلس.', ("sultan_murad", "hamza_division")),
        ('About 300 fighters from the "Sultan Murad" faction arrived in Libya.', ("sultan_murad",)),
        ("About 300 fighters from the Sultan Murad and Hamza Division factions arrived in Libya.",
         ("sultan_murad", "hamza_division")),
    ],
)
def test_a_quoted_faction_after_the_noun_is_the_origin(text, origins):
    (claim,) = claims_in(text)
    assert claim["origins"] == origins


@pytest.mark.parametrize(
    "text, surfaces, origins",
    [
        # recruits and gunmen are forces
        ("وبلغ عدد المجندين السوريين 18 ألف مجند سوري.", ["18 ألف مجند"], [("SYR",)]),
        ("Some 18,000 Syrian recruits have been sent to Libya.", ["Some 18,000 Syrian recruits"], [("SYR",)]),
        ("ويقدر عدد المرتزقة بـ23 ألف مسلح سوري.", ["23 ألف مسلح"], [("SYR",)]),
        ("Some 300 Syrian gunmen arrived in Tripoli.", ["Some 300 Syrian gunmen"], [("SYR",)]),
        # an amount of them counts a part of the force before, and takes its origin
        ("وانسحب من ليبيا نحو 5 آلاف مرتزق من فاغنر، وبقي نحو 1500 منهم في الجنوب.",
         ["نحو 5 آلاف مرتزق", "نحو 1500 منهم"], [("wagner",), ("wagner",)]),
        ("وبلغ عدد المرتزقة السوريين في ليبيا 7 آلاف، عاد منهم إلى سوريا نحو 2600.",
         ["المرتزقة السوريين في ليبيا 7 آلاف", "منهم إلى سوريا نحو 2600"], [("SYR",), ("SYR",)]),
        ("Around 7,000 Syrian fighters were sent to Libya. Some 2,600 of them have since returned home.",
         ["Around 7,000 Syrian fighters", "Some 2,600 of them"], [("SYR",), ("SYR",)]),
        # an accusative nisba is written as the state's name
        ("ووثق المرصد السوري مقتل 14 مرتزقا سوريا قرب سرت.", ["14 مرتزقا"], [("SYR",)]),
        ("وأرسلت أنقرة 300 جنديا تركيا إلى طرابلس.", ["300 جنديا"], [("TUR",)]),
    ],
)
def test_recruits_parts_of_them_and_accusative_nisbas(text, surfaces, origins):
    claims = claims_in(text)
    assert [c["surface"] for c in claims] == surfaces
    assert [c["origins"] for c in claims] == origins


@pytest.mark.parametrize(
    "text, source",
    [
        # the monitor refers back to the monitor the article named
        ("قال المرصد السوري لحقوق الإنسان إن المعارك مستمرة. ووثق المرصد مقتل 14 مرتزقا سوريا.", "sohr"),
        ("The Syrian Observatory for Human Rights tracks the flights. The monitor said 300 Syrian fighters arrived.",
         "sohr"),
        # a named subject right before a present-tense verb, in a run-on sentence
        ("المرصد السوري لحقوق الإنسان يعلن مقتل 120 من المرتزقة السوريين في ليبيا ويشير إلى نقل مقاتلين من سوريا.",
         "sohr"),
        # a hamza left out of the verb; نقل without عن is a transfer, not a relayed statement
        ("واكد الجيش الوطني الليبي ان تركيا قامت بنقل 5 آلاف مقاتل سوري إلى ليبيا.", "lna"),
    ],
)
def test_sources_named_before_before_the_verb_and_spelt_loosely(text, source):
    (claim,) = claims_in(text)
    assert claim["attributed_to"] == source


@pytest.mark.parametrize(
    "text, origins",
    [
        # who sends, moves or recruits mercenaries or fighters is no origin of theirs (they stay foreign)
        ("وأرسلت روسيا 300 مرتزق إلى ليبيا.", ()),
        ("جندت المخابرات التركية 900 مرتزق للقتال في ليبيا.", ()),
        ("وتحدث المرصد عن إرسال الحكومة التركية دفعة من 450 مرتزقا إلى مصراتة.", ()),
        ("وذكرت الوثيقة أن تركيا في الأسابيع الأخيرة نقلت مئات المرتزقة إلى مصراتة.", ()),
        ("وافقت أنقرة على مهمة عسكرية لدعم الحكومة، حيث أرسلت بضعة آلاف من المرتزقة.", ()),
        ("جندت المخابرات التركية 900 مرتزق سوري للقتال في ليبيا.", ("SYR",)),
        ("Turkey has sent 2,300 fighters to Libya since March.", ()),
        ("Russia flew 300 Syrian mercenaries to Libya.", ("SYR",)),
        # ... but a state's own troops are its own
        ("وأرسلت تركيا 35 جنديا إلى ليبيا.", ("TUR",)),
        ("Turkey has sent 500 troops to Libya.", ("TUR",)),
        # a state where they are or pass through is no origin
        ("وأرسلت روسيا 300 مرتزق إلى ليبيا عبر سوريا.", ()),
        ("ووصل 300 مرتزق سوري إلى ليبيا عبر تركيا.", ("SYR",)),
        ("Some 300 Syrian mercenaries reached Libya via Turkey.", ("SYR",)),
        ("Some 1,000 fighters recruited in Sudan arrived in Libya.", ("SDN",)),
        ("ووصل 1000 مقاتل جرى تجنيدهم في السودان إلى ليبيا.", ("SDN",)),
        # the nationality of a news outlet is no origin
        ("وبحسب وكالة الأناضول التركية فإن 300 مرتزق سوداني وصلوا إلى سرت.", ("SDN",)),
        ("أوردت صحيفة «النهار»، اللبنانية أن 500 مرتزق وصلوا إلى سرت.", ()),
        ("The Turkish daily Milliyet said 2,000 Chadian mercenaries had arrived.", ("TCD",)),
        # who a force is made of, after a comma, is its origin
        ("وصل 300 مرتزق، غالبيتهم من سوريا، إلى طرابلس.", ("SYR",)),
        ("ويوجد نحو 20 ألف مرتزق ومقاتل أجنبي من جنسيات مختلفة، بينهم سوريون وسودانيون وتشاديون.",
         ("SYR", "SDN", "TCD")),
        ("Some 300 mercenaries, mostly Syrians, arrived in Tripoli.", ("SYR",)),
        # the construct nisba "سوريي الجنسية"
        ("وصل 300 مقاتل سوريي الجنسية إلى طرابلس.", ("SYR",)),
        # the accusative nisba (after 11-99) is a demonym too
        ("وصل إلى ليبيا 40 مقاتلا تشاديا عبر الحدود الجنوبية.", ("TCD",)),
        ("ألقت القوات القبض على 12 مسلحا تشاديين قرب الحدود.", ("TCD",)),
        # a nisba or demonym of a place where they are: after a place noun
        ("قال الوزير في مدينة ميلانو الإيطالية إن نحو ثلاثة آلاف مقاتل أجنبي عبروا الحدود.", ()),
        ("ويتدرب 1200 مرتزق سوري على الأراضي التركية.", ("SYR",)),
        ("ثم انتقل إلى المعسكرات التركية 650 مسلحا سوريا.", ("SYR",)),
        ("ثم انتقل بالمعسكرات التركية 650 مرتزقا.", ()),
        ("Some 1,900 Syrian fighters are training in the Turkish city of Gaziantep.", ("SYR",)),
        # ... not an army's: عناصر of an army are armed men
        ("ووصل 300 عنصر من الجيش التركي إلى طرابلس.", ("TUR",)),
        ("Some 300 fighters from the Turkish army arrived in Tripoli.", ("TUR",)),
        ("وأفادت الوثيقة بأن أنقرة أرسلت نحو ثلاثة آلاف عنصر من المرتزقة إلى مصراتة.", ()),
        # a nisba in a person's name is no state: "عبد الرحيم الجزائري"
        ("وتضم الخلية نحو 90 مقاتلا أجنبيا يقودهم عبد الرحيم الجزائري.", ()),
        # whom they are sent to support, or are loyal to, is no origin; the company they belong to is
        ("وحولت الشركة 300 مرتزق إلى السودان لمساندة الجيش السوداني.", ()),
        ("The company moved 300 mercenaries to Sudan in support of the Sudanese army.", ()),
        ("وقتل 60 مرتزقا من المجموعات الموالية للجيش التركي.", ()),
        ("ذكرت المجلة أن 150 مرتزق روسي تابعين لمجموعة «فاغنر» يحرسون الميناء.", ("RUS", "wagner")),
        # a group they belong to is their origin ("إلى", "to" are no destination there)
        ("وصل 700 مقاتل ينتمون إلى حركة العدل والمساواة إلى الجنوب الليبي.", ("jem",)),
        ("About 700 fighters belonging to the Justice and Equality Movement crossed into Libya.", ("jem",)),
    ],
)
def test_senders_places_and_outlets_are_no_origin(text, origins):
    (claim,) = claims_in(text)
    assert claim["origins"] == origins


@pytest.mark.parametrize(
    "text",
    [
        "وتشير الإحصائيات إلى أنه من بين كل تسعة مجندين عائدين يحاول واحد تنفيذ هجوم.",
        "Officials say one in every nine returning recruits tries to carry out an attack.",
        "وأصيب أكثر من ثلاثين آخرين برصاص مسلح تسلل إلى الشاطئ.",  # (a gunman: the singular counts only after its amount)
    ],
)
def test_ratios_and_a_single_gunman_count_no_force(text):
    assert claims_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وتوارى بمصر وتونس والجزائر المئات من الضباط السابقين.",  # (Libyan officers hiding abroad: places, no origin)
        "ولفت إلى أن 800 عنصر آخر موجودون في تركيا حاليا.",
        "وتعد تونس صاحبة أكبر عدد من المقاتلين الأجانب هناك.",  # (a comparison, no amount)
        "وقد يخطط واحد من كل سبعة مقاتلين عائدين لهجوم.",  # (a ratio, no figure)
        "One in every seven returning fighters may plan an attack.",
        "وأصيب عشرون سائحا برصاص مسلح هاجم الفندق.",  # (the singular مسلح: a gunman)
        "نفذت الجماعة 50 هجوما مسلحا خلال العام.",  # (the adjective after an attack)
    ],
)
def test_no_force_where_only_a_place_or_a_comparison_is_named(text):
    assert claims_in(text) == []


@pytest.mark.parametrize(
    "text, surfaces, origins",
    [
        # the total (إجمالي، عدد قتلى) reached an amount of persons: the force named before it
        ("وأوضح المرصد أن إجمالي المرتزقة السوريين الذين قتلوا في ليبيا بلغ 496 شخصا فضلا عن إصابة آخرين.",
         ["المرتزقة السوريين الذين قتلوا في ليبيا بلغ 496"], [("SYR",)]),
        ("ولفت المرصد إلى أن عدد قتلى المرتزقة السوريين في ليبيا ارتفع إلى 216 عقب وصول جثث جديدة.",
         ["المرتزقة السوريين في ليبيا ارتفع إلى 216"], [("SYR",)]),
        # "of them" after a force noun with no amount; a figure between would be what it counts
        ("ويقوم مقاتلو «فاغنر» بدور حاسم، قبل الإعلان عن سحب نحو 1500 منهم من المنطقة.", ["نحو 1500 منهم"],
         [("wagner",)]),
        ("واستجوبت قوات الأمن، في المركز الحدودي، أكثر من 4500 من الأجانب، ومنعت دخول نحو ألف منهم.", [], []),
        # vague hundreds held by ب
        ("وفقد الاتصال بالمئات من المرتزقة السوريين.", ["المئات من المرتزقة"], [("SYR",)]),
        # a demonym on the noun and the group they belong to
        ("وأشارت الصحيفة إلى وجود 300 جندي روسي في بنغازي يتبعون للشركة الأمنية الروسية «فاغنر».",
         ["300 جندي"], [("RUS", "wagner")]),
        ("About 500 Sudanese fighters belonging to the Rapid Support Forces arrived.", ["About 500 Sudanese fighters"],
         [("SDN", "rsf")]),
        ("ووصل 6 آلاف مرتزق سوري، وآخرون من شركة فاغنر.", ["6 آلاف مرتزق"], [("SYR",)]),  # (others)
        # a camp, a capital where they meet, a sender a word or two before: no origin
        ("ووصل مرتزقة إلى معسكرات تابعة للجيش التركي، وبلغ عدد هؤلاء 18 ألف مجند.", ["18 ألف مجند"], [()]),
        ("Some 3,000 foreign recruits are training in the Turkish camps.", ["Some 3,000 foreign recruits"], [()]),
        ("وتجتمع اللجنة اليوم في القاهرة لبحث انسحاب 20 ألف مرتزق أجنبي.", ["20 ألف مرتزق"], [()]),
        ("وأشار المرصد إلى أن نحو 4000 مقاتل سوري نقلتهم شركة أمنية روسية إلى ليبيا.", ["نحو 4000 مقاتل"],
         [("SYR",)]),
        # a new clause (عندما، when) parts an amount from a force noun after it
        ("وقتل خمسة جنود وفقد 15 آخرون عندما هاجم مقاتلو داعش نقطة التفتيش.", [], []),
    ],
)
def test_totals_parts_groups_and_places(text, surfaces, origins):
    claims = claims_in(text)
    assert [c["surface"] for c in claims] == surfaces
    assert [c["origins"] for c in claims] == origins


def test_a_state_after_from_is_no_source():
    (claim,) = claims_in("وقالت الصحيفة إن عدد مرتزقة فاغنر يقدر بنحو ألفي عنصر غالبيتهم من روسيا.")
    assert claim["attributed_to"] != "RUS"


@pytest.mark.parametrize(
    "text, force_type, origins",
    [
        ("وصل 1900 مسلح سوري إلى طرابلس.", "fighters", ("SYR",)),
        ("وأفادت الوثيقة بأن أنقرة أرسلت نحو ثلاثة آلاف عنصر من المرتزقة إلى مصراتة.", "mercenaries", ()),
        ("وقال الضابط إن 12 خبيرا عسكريا تركيا يديرون الطائرات المسيرة في القاعدة العسكرية.", "trainers", ("TUR",)),
        ("وقال الضابط إن 12 خبيرا تركيا يديرون الطائرات المسيرة في القاعدة العسكرية.", "trainers", ("TUR",)),
        ("وارتفع العدد إلى نحو 900 مجند سوري يتبعون فصيل السلطان مراد.", "fighters", ("SYR", "sultan_murad")),
        ("وبلغ عدد المجندين السوريين الذين وصلوا المعسكرات التركية قرابة 2700 مجند.", "fighters", ("SYR",)),
        ("وقتل 45 مسلحا من الفصائل السورية في ضواحي المدينة.", "fighters", ("SYR",)),
        ("يرى الباحث أن 900 جهادي تونسي على الأقل انضموا إلى داعش.", "fighters", ("TUN", "isis")),
        ("At least 900 Tunisian jihadists have joined ISIS there.", "fighters", ("TUN", "isis")),
        ("ويقال إن 2500 عنصر ينتمون إلى جماعات جهادية مختلفة.", "fighters", ()),
    ],
)
def test_gunmen_and_jihadists_are_fighters(text, force_type, origins):
    (claim,) = claims_in(text)
    assert (claim["force_type"], claim["origins"]) == (force_type, origins)


@pytest.mark.parametrize(
    "text, origins",
    [
        # a part of a state named in a list: "من روسيا وشرق أوكرانيا"
        ("ويقدر عدد مرتزقة فاغنر بنحو ألفي مرتزق، غالبيتهم من روسيا وشرق أوكرانيا وصربيا.", ("RUS", "UKR", "SRB")),
    ],
)
def test_parts_of_states_in_a_list(text, origins):
    (claim,) = claims_in(text)
    assert claim["origins"] == origins


def test_of_them_takes_the_force_origin_not_a_place_named_by_name():
    # invented: a state named by name near "of them" is where part of the force is, not its origin
    ar = claims_in("وذكر المرصد أن 300 مرتزق سوري قتلوا، ويعالج منهم حاليا 40 شخصا في مستشفيات تركيا.")
    assert [(r["low"], r["origins"]) for r in ar] == [(300, ("SYR",)), (40, ("SYR",))]
    en = claims_in("The monitor said 300 Syrian mercenaries were wounded; 40 of them are treated in Turkey.")
    assert all(r["origins"] == ("SYR",) for r in en)


def test_persons_counted_only_where_the_force_is_what_is_counted():
    # invented: a toll of persons killed in clashes that name a group is no figure of that group
    assert claims_in("وارتفعت حصيلة قتلى الاشتباكات بين مقاتلي المدينة وتنظيم داعش إلى 20 شخصا.") == []
    assert claims_in("The toll of the clashes between the city's fighters and ISIS rose to 20 persons.") == []
    # ... but the number of a force given in persons still counts it
    assert [r["low"] for r in claims_in("وبلغ إجمالي المرتزقة السوريين الذين قتلوا 70 شخصا.")] == [70]
    assert [r["low"] for r in claims_in("وأوضح أن المرتزقة السوريين في ليبيا بلغ عددهم 700 شخص.")] == [700]
