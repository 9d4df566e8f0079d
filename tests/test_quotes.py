"""Quotes and speakers in both languages; agencies; the same statement across articles."""

import pytest

import libyakit as ly
from libyakit.quotes import quotes_in


def direct_in(text, **kw):
    """The direct quotations of ``text`` (reported statements are tested in test_reported.py)."""
    return [r for r in quotes_in(text, **kw) if r["kind"] == "direct"]


@pytest.fixture(scope="module")
def seeds():
    articles = ly.load_articles()
    return articles, ly.extract_quotes(articles)


def test_spans_check_out(seeds):
    articles, q = seeds
    texts = dict(zip(articles["article_id"], articles["text"]))
    for row in q.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface
        assert row.quote in row.surface


def test_mills_and_guterres_in_both_languages(seeds):
    articles, q = seeds
    lang = dict(zip(articles["article_id"], articles["lang"]))
    by = q.assign(lang=q["article_id"].map(lang)).groupby("speaker_id")["lang"].agg(set)
    assert by["mills"] == {"ar", "en"}
    assert by["guterres"] == {"ar", "en"}
    assert "williams" in set(q.loc[q["article_id"].str.startswith("000"), "speaker_id"])


def test_pronoun_only_where_safe(seeds):
    _, q = seeds
    rows = q[q["quote"].str.startswith("We call on Turkey and Russia")]
    # follows a paragraph without a quote: "he" is not resolved
    assert list(rows["speaker_id"]) == [""] and list(rows["resolved_by"]) == ["unresolved"]
    essential = q[q["quote"].str.startswith("It's essential")]
    assert list(essential["speaker_id"]) == ["guterres"]


def test_names_in_guillemets_are_not_quotes(seeds):
    _, q = seeds
    assert not q["quote"].isin(["قنونو", "حفتر", "المسماري"]).any()


@pytest.mark.parametrize(
    "text, speaker, cue",
    [
        ('"The truce is holding," Guterres told reporters.', "guterres", "told"),
        ('Mills also stressed: "It is very important to act now."', "mills", "stressed"),
        ("وقال ميلز خلال الاجتماع: «ندعو جميع الأطراف إلى الانسحاب».", "mills", "وقال"),
        ('وقالت ستيفاني وليامز "هذا التدخل الأجنبي الفاضح مستمر".', "williams", "وقالت"),
        ('«أردوغان»، الذي أعلن أن الحوارات "لن تبدو موثوقة أبدا".', "erdogan", "أعلن"),
    ],
)
def test_small_cases(text, speaker, cue):
    rows = direct_in(text)
    assert len(rows) == 1, rows
    assert (rows[0]["speaker_id"], rows[0]["cue"]) == (speaker, cue)


def test_unclosed_quote_is_flagged():
    rows = direct_in('Mills said: "We call on all parties to leave now.\n\nNext paragraph.')
    assert len(rows) == 1 and rows[0]["closed"] is False and rows[0]["speaker_id"] == "mills"


def test_unnamed_speaker_label():
    rows = direct_in('"We have no troops in Libya at all," the spokesperson said.')
    assert rows[0]["speaker_id"] == "" and rows[0]["speaker_en"] == "spokesperson"


@pytest.mark.parametrize(
    "text",
    ['"Wagner has been acting as an effective force multiplier," the report said.',
     'وقال التقرير "إن فاغنر تعمل كقوة مضاعفة فعالة في ليبيا".'])
def test_a_report_is_quoted(text):
    (row,) = direct_in(text)
    assert (row["speaker_id"], row["speaker_en"]) == ("", "report")


def test_a_report_is_no_speaker_beside_one():
    (row,) = direct_in('وقال أوتو في التقرير الذي أذيع أمس: «إذا اضطررنا للخروج من هنا، فسنخرج».')
    assert (row["speaker_name"], row["resolved_by"]) == ("أوتو", "not in gazetteer")


def test_us_call_in_four_of_five(seeds):
    _, q = seeds
    s = ly.same_statements(q)
    call = s[s["states"] == ("RUS", "TUR")].iloc[0]
    assert call["n_articles"] == 4
    assert not any(a.startswith("004") for a in call["articles"])


def test_agencies():
    a = ly.extract_agencies(ly.load_articles())
    assert set(a["actor_id"]) == {"afp"}
    assert set(a["article_id"].str[:3]) == {"000", "002"}


@pytest.mark.parametrize(
    "text, speaker, resolved_by",
    [
        # a named speaker the gazetteer lacks is not the person of the sentence before
        ('انتقد خبير الرئيس رجب طيب أردوغان. وقال تشاندار في مقال له: "إن السياسة الحالية خطيرة جدا".',
         "", "not in gazetteer"),
        ('Erdogan was criticised. "The current policy is very dangerous," said Chandar.', "", "not in gazetteer"),
        ('Erdogan was criticised. Chandar said: "The current policy is very dangerous."', "", "not in gazetteer"),
        # a cue without a subject of its own: the one person of the sentence before
        ('التقى الرئيس رجب طيب أردوغان الصحفيين. وقال: "إن السياسة الحالية ناجحة جدا".', "erdogan",
         "person named before"),
        ('التقى الرئيس رجب طيب أردوغان الصحفيين. وأضاف موضحا: "إن السياسة الحالية ناجحة جدا".', "erdogan",
         "person named before"),
        ('Erdogan met reporters. "The current policy is very successful," he said.', "erdogan", "person named before"),
    ],
)
def test_unknown_names_are_not_guessed(text, speaker, resolved_by):
    (row,) = direct_in(text)
    assert (row["speaker_id"], row["resolved_by"]) == (speaker, resolved_by)


@pytest.mark.parametrize(
    "text, name",
    [
        ('وقال تشاندار في مقال له: "إن السياسة الحالية خطيرة جدا".', "تشاندار"),
        ('أكد عبد اللطيف العبد اللطيف، المستثمر العقاري، أن "السوق تتعافى ببطء شديد".', "عبد اللطيف العبد اللطيف"),
        ('"The current policy is very dangerous," said Cengiz Chandar.', "Cengiz Chandar"),
        ('Cengiz Chandar said: "The current policy is very dangerous."', "Cengiz Chandar"),
        ('وقال المتحدث باسم قوات الوفاق محمد قنونو إن "نحو ألفي مرتزق ما زالوا هناك".', "محمد قنونو"),
        ('"There are still around 20,000 foreign forces," UN envoy Stephanie Williams told reporters.',
         "Stephanie Williams"),
        ('Erdogan met reporters. "The current policy is very successful," he said.', ""),
        # an unnamed source followed by a name the gazetteer lacks: the name
        ('Foreign ministry spokeswoman Maria Zakharova said Moscow had "no military personnel in Libya".',
         "Maria Zakharova"),
        ('"We have no forces there at all," the spokesman, Ahmed Mohammed, said.', "Ahmed Mohammed"),
        ('A spokesman said: "We have no forces there at all."', "spokesman"),
        # a last name after the full name
        ('قالت ستيفاني ويليامز إن الوضع صعب. وأضافت ويليامز "هذا انتهاك صارخ للسيادة الليبية".', "ويليامز"),
    ],
)
def test_the_speaker_as_written(text, name):
    assert direct_in(text)[-1]["speaker_name"] == name


def test_last_name_resolves_to_the_person_named_before():
    row = direct_in('قالت ستيفاني ويليامز إن الوضع صعب. وأضافت ويليامز "هذا انتهاك صارخ للسيادة الليبية".')[-1]
    assert (row["speaker_id"], row["resolved_by"]) == ("williams", "before")
    row = direct_in('Stephanie Williams spoke first. "This is a shocking violation," Williams told reporters.')[-1]
    assert (row["speaker_id"], row["resolved_by"]) == ("williams", "after")


def test_a_quote_after_the_attribution_of_the_one_before_continues_it():
    rows = direct_in('"We will hold elections on December 24 as planned," Dbeibah told Al Jazeera. '
                     '"No one will stop us."')
    assert [(r["speaker_id"], r["resolved_by"]) for r in rows] == [
        ("dbeibah", "after"), ("dbeibah", "continues previous quote")]
    # ... not across another sentence
    rows = direct_in('"We will hold elections on December 24 as planned," Dbeibah told Al Jazeera. Meanwhile '
                     'Haftar met Sisi in Cairo on Sunday. "No one will stop us."')
    assert rows[-1]["speaker_id"] == ""


def test_who_is_told_is_no_speaker():
    (row, _) = direct_in('"We will hold elections on December 24 as planned," he told Al Jazeera. "No one will stop us."')
    assert (row["speaker_name"], row["resolved_by"]) == ("", "unresolved")


@pytest.mark.parametrize(
    "text, speaker_id, name",
    [
        # "نقلت ... عن X قوله" / "quoted X as saying": the speaker stands before the cue
        ("ونقلت وكالة رويترز عن المتحدث باسم الجيش الوطني الليبي أحمد المسماري قوله: «لن نقبل بأي وجود تركي».",
         "mismari", "أحمد المسماري"),
        ("ونقلت وكالة إخلاص للأنباء عن بايكال قوله للصحفيين «لا يريد حزبه انتخابات مبكرة».", "", "بايكال"),
        ('The agency quoted Baykal as saying: "Our troops will stay in Libya as long as needed."', "", "Baykal"),
        # the whole name after its title, up to بأن; a relative clause is no part of a name
        ("وصرح وزير الخارجية المصري سامح شكري بأن «سرت والجفرة خط أحمر».", "", "سامح شكري"),
        ("وقال غابريال الذي كان يتحدث بحضور وزير النفط «يجب أن تدفع إيران ثمن ذلك».", "", "غابريال"),
    ],
)
def test_speakers_before_the_cue_and_long_names(text, speaker_id, name):
    (row,) = direct_in(text)
    assert (row["speaker_id"], row["speaker_name"]) == (speaker_id, name)


@pytest.mark.parametrize(
    "text, label",
    [('ونقلت وكالة الأناضول عن مصدر عسكري قوله إن «القوات التركية ستبقى في ليبيا».', "source"),
     ('وقال بيان صادر عن الخارجية الروسية: «لا يوجد عسكريون روس في ليبيا».', "statement"),
     ('"Our troops will stay," a source told Reuters on condition of anonymity.', "source")])
def test_sources_and_statements(text, label):
    (row,) = direct_in(text)
    assert (row["speaker_id"], row["speaker_en"]) == ("", label)


@pytest.mark.parametrize(
    "text, speaker_id, label",
    [('"The mercenaries must leave now," Norland tweeted.', "norland", "Richard Norland"),
     ("Norland wrote on Twitter: \"The mercenaries must leave now.\"", "norland", "Richard Norland"),
     ("وغرد نورلاند على تويتر: «يجب أن يغادر المرتزقة الآن».", "norland", "Richard Norland"),
     ('"The mercenaries must leave now," according to a statement from the embassy.', "", "statement")])
def test_tweets_and_according_to(text, speaker_id, label):
    (row,) = direct_in(text)
    assert (row["speaker_id"], row["speaker_en"]) == (speaker_id, label)


@pytest.mark.parametrize(
    "text, name",
    [("يقول د. علي: «ما زال الطريق طويلا جدا».", "د. علي"),
     ("وقال ستيفن ج. هينتغس: «يزعم البعض ذلك دائما».", "ستيفن ج. هينتغس"),
     ("وكتب سواريز في حسابه على تويتر «لا يمكنني الانتظار أكثر».", "سواريز")])
def test_a_name_runs_over_initials_not_over_a_sentence_end(text, name):
    assert direct_in(text)[0]["speaker_name"] == name


def test_described_as():
    (row,) = direct_in('في خطوة وصفها المتحدث باسمها اللواء أحمد المسماري بأنها "بداية لخروج جميع المقاتلين الأجانب".')
    assert (row["speaker_id"], row["cue"]) == ("mismari", "وصفها")


def test_single_quotes_british_style():
    rows = direct_in("'We are there at the invitation of the legitimate government,' defence minister Hulusi Akar "
                     "told parliament. 'Our presence is not foreign interference.'")
    assert [(r["speaker_id"], r["resolved_by"]) for r in rows] == [("akar", "after"), ("akar", "continues previous quote")]
    assert rows[0]["quote"] == "We are there at the invitation of the legitimate government,"
    # an inverted cue names the speaker, not a state further on; "say" is a cue
    (row,) = direct_in("'They are not going anywhere,' said Jalel Harchaoui, a Libya specialist.")
    assert (row["speaker_id"], row["speaker_name"]) == ("", "Jalel Harchaoui")
    (row,) = direct_in("'We are not seeing any reduction at all,' officials say.")
    assert row["cue"] == "say"


@pytest.mark.parametrize("text", [
    "The UN's envoy met Turkey's and Russia's ambassadors on the militias' future in Tripoli.",  # apostrophes
    "The countries' forces stayed while the fighters' commanders left the region of Sirte.",
    "'Some words here and no closing mark at all",
])
def test_apostrophes_are_no_quotes(text):
    assert direct_in(text) == []


def test_a_quote_within_a_quote_is_not_a_second_quote():
    rows = direct_in('"They told us \'leave the base within days\' and we did," the commander said.')
    assert len(rows) == 1 and rows[0]["quote"].startswith("They told us")


@pytest.mark.parametrize("text", [
    'وقال الوزير عادل الكافي إن "وجود المرتزقة لم يعد سرا على أحد"، مضيفا أن "موسكو تستخدم ليبيا منصة للتمدد".',
    'وأضاف الوزير عادل الكافي أن «القوات التركية لا تزال في قاعدة الوطية»، داعياً إلى «إخراج كافة القوات الأجنبية».',
    '"The mercenaries are still there," the minister Adel Kafi said, adding that "nothing has changed since then".',
])
def test_a_participle_continues_the_speaker(text):
    first, second = direct_in(text)
    assert second["speaker_name"] == first["speaker_name"] != ""


def test_an_arabic_title_then_the_name_between_commas():
    (row,) = direct_in('وقال الناطق باسم غرفة عمليات سرت الجفرة، العميد الهادي دراه، لـ«بوابة الوسط» إن '
                       '«طائرات شحن عسكرية روسية هبطت في قاعدة الجفرة».')
    # (the name after the title, found by libyakit.persons, or the whole description)
    assert row["speaker_name"].endswith("العميد الهادي دراه") or row["speaker_name"] == "الهادي دراه"
    # "في بيان" between commas is no name
    (row,) = direct_in('وقال المتحدث، في بيان، إن «القوات التركية لا تزال في قاعدة الوطية».')
    assert "بيان" not in row["speaker_name"]


def test_the_subject_after_an_arabic_cue_is_the_speaker():
    (row,) = direct_in('أعلنت وزارة الدفاع التركية، الخميس، أن قواتها في ليبيا ستواصل مهامها "بناء على طلب '
                       'الحكومة الشرعية".')
    assert (row["speaker_id"], row["speaker_name"]) == ("", "وزارة الدفاع التركية")


def test_a_place_before_the_cue_is_no_speaker():
    (row,) = direct_in('"They come and go with the seasons," a Libyan intelligence officer in Sebha told me.')
    assert (row["speaker_en"], row["speaker_name"]) == ("officer", "Libyan intelligence officer")
    (row,) = direct_in('"They come and go with the seasons," the pilots in Sebha told me.')
    assert row["speaker_name"] == ""


@pytest.mark.parametrize("text, label, name", [
    ('In a statement, the Turkish defence ministry said: "Our troops are there at the invitation of the government."',
     "ministry", "Turkish defence ministry"),
    ('"We are not seeing any reduction at all," a western diplomat said.', "diplomat", "western diplomat"),
])
def test_an_unnamed_source_with_its_description(text, label, name):
    (row,) = direct_in(text)
    assert (row["speaker_en"], row["speaker_name"]) == (label, name)


def test_qalaha():
    (row,) = direct_in("وقد قالها المبعوث الأممي السابق غسان سلامة بوضوح: «التدخل الخارجي هو أكبر عائق أمام السلام».")
    assert row["speaker_id"] == "salame"


@pytest.mark.parametrize("text, name", [
    ('وقال في تصريح لـ«الشرق الأوسط» إن «الوضع في ليبيا خطير جدا».', ""),  # what follows في is its object
    ('وأعلن أمس عن جلسة استثنائية للحكومة «للتباحث في أي إجراءات أمنية جديدة».', ""),
    # the person after the title, by name as written (the title was part of the name before)
    ('وقال في هذا الصدد وزير الخارجية سامح شكري إن «الوضع في ليبيا خطير جدا».', "سامح شكري"),
    ('وقال من جهته الوزير عادل الكافي إن «الوضع في ليبيا خطير جدا».', "عادل الكافي"),
])
def test_no_name_after_a_preposition(text, name):
    (row,) = direct_in(text)
    assert row["speaker_name"] == name


@pytest.mark.parametrize(
    "text, speakers",
    [
        # the full stop inside the quotation ends the sentence; the attribution after it still counts
        ('Stephanie Williams spoke on Monday.\n\n"I have warned you about the declining conditions in the country." '
         'Williams explained.', ["Williams"]),
        # a quotation right after the attribution of the one before goes on with its speaker, named or not
        ('"We had to get all the parties to speak with one voice," Merkel said. "We achieved this result here."',
         ["Merkel", "Merkel"]),
    ],
)
def test_attribution_after_a_quoted_full_stop(text, speakers):
    assert [r["speaker_name"] for r in direct_in(text)] == speakers


@pytest.mark.parametrize(
    "text",
    [
        "وأعلن في حديث إلى قناة «آر بي كا» التلفزيونية أن بلاده مستعدة",  # a channel's name
        "ويعيد إلى الأذهان اتفاق «سايكس - بيكو» القديم في المنطقة",  # an agreement's name
        "The group launched Operation \"Peace Storm Now\" in March.",
        "فصائل «السلطان مراد وفرقة الحمزة» وصلت إلى ليبيا",
    ],
)
def test_a_name_its_noun_introduces_is_no_quote(text):
    assert direct_in(text) == []


def test_a_quote_after_a_name_is_still_a_quote():
    rows = direct_in("وقال في حديث لقناة «آر بي كا»: «إنني لا أعتقد أن هناك مشكلة دولية خطيرة».")
    assert [r["quote"] for r in rows] == ["إنني لا أعتقد أن هناك مشكلة دولية خطيرة"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the verb's subject before an infinitive or a maṣdar of saying
        ("واستطرد سيرغي لافروف ليقول: «إنه ليس من قبيل الصدفة أن يبدأ الجانب الأميركي البحث».", "lavrov"),
        ("حين قاطعه غسان سلامة بقوله: «هذا الكلام غير مقبول على الإطلاق».", "salame"),
        # a present-tense feminine cue with no subject continues the speaker before
        ("وتقول ستيفاني ويليامز إن السوق متوترة. وتضيف: «لذلك فإن الاجتماع المقبل قد يسوده التوتر».", "williams"),
    ],
)
def test_more_ways_of_introducing_a_quotation(text, speaker):
    assert direct_in(text)[-1]["speaker_id"] == speaker


# ---------------------------------------------------------------- speakers left to context (issue 19)
# Every sentence below is invented for the test.

@pytest.mark.parametrize(
    "text, speaker, name, resolved_by",
    [
        # a quotation inside a reported clause takes its speaker
        ("ورأت المبعوثة ستيفاني وليامز أن الحكومة الجديدة أمامها «فرصة تاريخية للمصالحة» قبل الانتخابات.",
         "williams", None, "reported clause"),
        # ... or that is the clause itself
        ("وكشف المرصد السوري أن «عدد المقاتلين ارتفع إلى ألفين هذا الشهر».", "sohr", None, "reported clause"),
        ('The Syrian Observatory revealed that "the number of fighters has risen again this month."', "sohr", None,
         "reported clause"),
        # a cue with no subject continues the statement before, across a paragraph
        ("قال غسان سلامة إن المحادثات ستستأنف في جنيف.\nوأضاف: «لن نقبل بأي تدخل أجنبي في هذه العملية».",
         "salame", None, "previous statement"),
        ('Ghassan Salame said the talks would resume in Geneva.\n\n"No foreign meddling will be accepted," he added.',
         "salame", None, "previous statement"),
        # a participle before the quotation: the person of the clause before
        ("وزار غسان سلامة طرابلس أمس، قائلا: «الحوار هو الطريق الوحيد للحل».", "salame", None, "person named before"),
        ('Ghassan Salame visited Tripoli on Monday, saying: "Dialogue is the only way forward."', "salame", None,
         "person named before"),
        # a cue written without its hamza
        ("واضاف غسان سلامة «اذا استمر القتال فلن تكون هناك انتخابات».", "salame", None, "before"),
        # an English subject named by what it is
        ('"Turkey will keep supporting the training of Libyan forces," the motion said.', "", "the motion",
         "not in gazetteer"),
        # a title, then the name between commas; a name before an unnamed source's title
        # (libyakit.persons finds both people, so the speaker is the mention before the cue)
        ("قال وزير النفط الجزائري، صالح بن علي، الأسبوع الماضي إن «الاجتماع الطارئ قد يكون ضروريا جدا».", "",
         "صالح بن علي", "before"),
        ("وقال حامد سالم، المتحدث باسم القوات الجوية، إن «الطائرات قصفت مواقع المسلحين في المدينة».", "",
         "حامد سالم", "before"),
    ],
)
def test_speaker_from_context(text, speaker, name, resolved_by):
    row = direct_in(text)[-1]
    assert (row["speaker_id"], row["resolved_by"]) == (speaker, resolved_by), row
    if name is not None:
        assert row["speaker_name"] == name


def test_a_sentence_naming_several_people_gives_no_antecedent():
    text = ("Among those present were Vladimir Putin, Recep Tayyip Erdogan and Emmanuel Macron.\n\n"
            '"We want the embargo respected by everyone," she said.')
    (row,) = direct_in(text)
    assert row["speaker_id"] == "" and row["resolved_by"] == "unresolved"


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a cue-less quotation after another in its sentence
        ('"It is a very difficult question," Salame said, because it depends on "the political will of the member '
         'states" above all.', ["salame", "salame"]),
        # an attribution with abbreviations between two quotations of one speaker
        ('"If they stay, the war goes on," said U.S. Air Force Gen. John Smith, a commander. "If they leave, there '
         'is hope."', ["John Smith", "John Smith"]),
    ],
)
def test_the_same_speaker_goes_on(text, speakers):
    assert [r["speaker_id"] or r["speaker_name"] for r in direct_in(text)] == speakers


def test_a_mention_after_a_preposition_is_no_speaker():
    rows = quotes_in("وحذر الرئيس من أي محاولات للتدخل في تركيا. وأكد في سوريا أن الوضع مستقر تماما هناك.")
    assert [r["speaker_id"] for r in rows] == [""]


@pytest.mark.parametrize(
    "text, name",
    [
        # the name a relative pronoun follows
        ("وظهر في المقطع، أبو سالم الطرابلسي الذي اعتبر أن «القتال واجب على كل الأنصار» هناك.", "أبو سالم الطرابلسي"),
        # an outlet named in quotation marks after its noun (libyakit.persons: the body is the name in the marks)
        ("وقالت قناة «الأفق الجديد» إن «المفاوضات ستستأنف الأسبوع المقبل في جنيف».", "الأفق الجديد"),
    ],
)
def test_arabic_subjects_as_written(text, name):
    assert direct_in(text)[-1]["speaker_name"] == name


def test_an_arabic_verb_takes_no_subject_from_far_before_it():
    text = ("وأشار الوزير جون كيري إلى أن القاهرة تدرك أن إيران تشارك في زعزعة المنطقة، لكنه قال إنه "
            "«لا شك في أن الخطة ستجعل المنطقة أكثر أمنا».")
    row = direct_in(text)[-1]
    assert row["speaker_id"] != "IRN"


@pytest.mark.parametrize(
    "text, name",
    [
        # an English subject described, before its verb; a pronoun after it goes on with it
        ("The observatory stated that the number of recruits in the camps reached about 3,000.\n\n"
         'They pointed out that the recruits were paid "through a process of material temptation and pressure."',
         "The observatory"),
        # "جاء في": the document after it speaks
        ('وجاء في البيان "سيتم التنسيق مع البعثة الأممية أثناء عملية النقل".', "البيان"),
    ],
)
def test_described_and_document_speakers(text, name):
    assert direct_in(text)[-1]["speaker_name"] == name


@pytest.mark.parametrize(
    "text",
    [
        # a speech over paragraphs: the quote after a pronoun's quote goes on with its speaker
        'Ghassan Salame met the delegates on Monday.\n\n"There are ten bases in your country," he said.\n\n'
        '"They are now in your house. This is a violation of the embargo."',
        # an attribution after a quote of several sentences, longer than a short clause
        '"That is a clear breach of the truce. You may think they are guests. This is a violation of the embargo." '
        "Salame remarked in his opening statement at the virtual meeting of the forum on Wednesday.",
    ],
)
def test_speech_over_sentences_and_paragraphs(text):
    assert {r["speaker_id"] for r in direct_in(text)} == {"salame"}


def test_a_title_of_several_words_is_the_person_named_before_with_it():
    text = ("استقبل رئيس الوزراء الجزائري عبد المالك سلال الوفد أمس. "
            "وأوضح رئيس الوزراء الجزائري أن «الحل السياسي هو الطريق الوحيد في ليبيا».")
    row = direct_in(text)[-1]
    assert (row["speaker_name"], row["resolved_by"]) == ("عبد المالك سلال", "title of a person named before")


def test_a_verbal_noun_lends_its_speaker():
    row = direct_in("تمسكت الحكومة بروايتها رغم إعلان وزارة الخارجية الروسية أنه «لا صحة لهذه الأخبار إطلاقا».")[-1]
    assert row["resolved_by"] == "reported clause" and row["speaker_name"].startswith("وزارة الخارجية")


@pytest.mark.parametrize(
    "text, n",
    [
        # a closing guillemet written backwards: the two make one quotation
        ("وقال حامد سالم في تصريحات صحفية أمس: «إن الحكومة شددت على ضرورة احترام السيادة الليبية «. واعتبر أن ذلك خرق.", 1),
        # two quotations left open stay apart (no closing mark at all): none is made up
        ("وقال سالم إن «المؤتمر عازم على المضي بالحوار وأضاف أن البعثة «ستتصل بنا في الأيام المقبلة.", 0),
    ],
)
def test_a_guillemet_written_backwards(text, n):
    assert len(direct_in(text)) == n


def test_what_a_person_said_before_with_a_conjunction():
    row = direct_in("وهذا يؤكد ما سبق وقاله غسان سلامة حول أن «الحل في ليبيا سياسي فقط».")[-1]
    assert row["speaker_id"] == "salame"


def test_a_considering_verb_continues_the_statement_before():
    text = ("وقالت الوزارة في بيانها إنها «تشكر السلطات الأمنية على جهودها الكبيرة».\n"
            "وعدت أن «مثل هذه المحاولات لن تحبط عزيمة القيادات الأمنية».")
    row = direct_in(text)[-1]
    assert row["speaker_name"] == "الوزارة" and row["resolved_by"] == "reported clause"


# ---------------------------------------------------------------- speakers on real news (issue 19, speaker helper)
# Every sentence below is invented for the test.

def test_an_arabic_pronoun_subject_leaves_the_speaker_to_context():
    # "فهو وصف الخطة بأنها": the words after the verb are its object, the speaker is named before
    text = "وكان غسان سلامة قد تحدث مطولا أمس عن الأزمة، فهو وصف الخطة الجديدة بأنها «خطوة في الاتجاه الصحيح».\n"
    row = direct_in(text)[-1]
    assert row["speaker_id"] == "salame" and row["speaker_name"] != "الخطة الجديدة", row


def test_the_subject_after_a_verb_ends_where_its_clause_opens():
    # the body that announced speaks, not the person named inside its clause
    text = "وأعلنت لجنة المحامين خلال مؤتمر صحافي أمس أن غسان سلامة «تجاهل كل المطالب التي قدمناها إليه»."
    row = direct_in(text)[-1]
    assert row["speaker_id"] != "salame" and row["speaker_name"].startswith("لجنة المحامين"), row


def test_a_cue_after_a_full_stop_opens_the_next_sentence():
    # «...».وقال: the cue of the next sentence, even with no space after the stop
    text = ("وأضافت المصادر ذاتها أن الاجتماع الذي عقد الأسبوع الماضي «انتهى دون أي اتفاق بين الطرفين».وقال "
            "غسان سلامة في مؤتمر صحافي: «سنواصل العمل مع الجميع».")
    rows = direct_in(text)
    assert rows[0]["speaker_id"] != "salame" and "المصادر" in rows[0]["speaker_name"], rows[0]
    assert rows[1]["speaker_id"] == "salame"


@pytest.mark.parametrize(
    "text, name",
    [
        # the subject of the opening verb, not the other people the sentence names (its objects)
        ("وظهر أبو سالم الطرابلسي في مقطع مصور وهو يهدد الوزير رامي الحداد واللواء فهد العتيبي، وأضاف: "
         "«لن نترككم تنعمون بالأمان أبدا».", "أبو سالم الطرابلسي"),
        # ... of the sentence before
        ("وكان المستشار رامي الحداد، وزير العدل، قد طالب بالإفراج عن فهد العتيبي وسالم الورفلي. وقال إن "
         "«القضاة يعملون تحت تهديد السلاح في العاصمة».", "رامي الحداد"),
        # a participle with a pronoun on its complementizer (قائلا إنها)
        ("انتقد رامي الحداد، وزير الخارجية، تصريحات فهد العتيبي الأخيرة، قائلا إنها «غير مقبولة على الإطلاق».",
         "رامي الحداد"),
    ],
)
def test_the_subject_of_the_opening_verb_speaks(text, name):
    assert direct_in(text)[-1]["speaker_name"] == name


def test_a_bare_title_stands_for_the_speaker_before():
    text = ("وقال عضو الفريق القانوني سالم الورفلي: «سنرفع دعوى أمام القضاء». وأضاف المحامي: «لدينا كل الأدلة "
            "على ما نقوله اليوم».")
    rows = direct_in(text)
    assert rows[-1]["speaker_name"] == "سالم الورفلي" and rows[-1]["resolved_by"] == "title of the speaker before"


def test_a_bare_title_after_a_body_stays_as_written():
    text = "وقالت وزارة الصحة في بيان: «الوضع تحت السيطرة». وأضاف الوزير: «لن نسمح بأي تقصير في المستشفيات»."
    assert direct_in(text)[-1]["speaker_name"] == "الوزير"


def test_a_person_right_before_the_verb_is_its_subject():
    # subject-verb order after أن: not the person named after the verb, behind a preposition phrase
    text = ("وذكرت الصحف أن الوزير رامي الحداد شدد في اتصاله مع نظيره التونسي فهد العتيبي على أن «الحدود "
            "المشتركة تحتاج إلى مراقبة دائمة».")
    assert direct_in(text)[-1]["speaker_name"] == "رامي الحداد"


def test_a_name_in_marks_with_dots_does_not_end_the_sentence():
    # قناة «آر. بي. كا»: the cue before the name is the quotation's; the subject stands before the verb
    # with its title between
    text = ("وعلى صعيد آخر كان غسان سلامة المبعوث الأممي الخاص أعلن في حديث إلى قناة «إم. تي. في» المحلية "
            "المملوكة لرجل الأعمال فهد العتيبي «إننا لا نرى أي حل من دون حوار شامل».")
    assert direct_in(text)[-1]["speaker_id"] == "salame"


def test_an_unnamed_source_that_opens_the_sentence_after_a_particle():
    text = ("وقال الاتحاد الأوروبي إن «الحوار هو الطريق الوحيد».\n\nولم يكشف الدبلوماسيون في بروكسل عن أسماء "
            "المستهدفين، لكنهم قالوا إن «القائمة باتت شبه جاهزة الآن».")
    row = direct_in(text)[-1]
    assert row["speaker_name"] == "الدبلوماسيون" and row["speaker_en"] == "diplomat", row


@pytest.mark.parametrize(
    "text, name",
    [
        # a renewed affirmation (verb + verbal noun) introduces the quotation
        ("جددت المبعوثة الأممية السابقة ليلى الحداد، التأكيد على أن الليبيين «يرفضون كل وجود أجنبي على أرضهم».",
         "ليلى الحداد"),
        # a pledge
        ("وتعهدت وزارة العدل في وقت سابق بأن «تعامل جميع الموقوفين وفق القانون والمعايير الدولية».", "وزارة العدل"),
    ],
)
def test_more_arabic_cue_verbs(text, name):
    assert direct_in(text)[-1]["speaker_name"] == name


def test_a_definite_subject_before_the_verb_as_written():
    text = "تغيرت نظرة المهاجرين إلى أنفسهم، الجيل الجديد يقول: «نحن مواطنون هنا قبل أي شيء آخر»."
    assert direct_in(text)[-1]["speaker_name"] == "الجيل الجديد"


def test_a_relative_before_a_verb_with_an_object_pronoun_is_its_object():
    text = ("وجاء ذلك بعد تصريحات المدون فهد العتيبي الذي وصفته صحيفة «النهار الجديد» بأنه «الصوت الأكثر جرأة "
            "في البلاد».")
    row = direct_in(text)[-1]
    assert "النهار الجديد" in row["speaker_name"] and "العتيبي" not in row["speaker_name"], row


def test_no_subject_after_a_complementizer():
    # "ويضيف أن الحكومة «...»": the government is the clause's subject; the speaker goes on from before
    text = ("وقال المستشار سالم الورفلي إن الحوار متعثر منذ أشهر. ويضيف أن الحكومة الجديدة «لن تصمد طويلا أمام "
            "هذه الضغوط».")
    row = direct_in(text)[-1]
    assert row["speaker_name"] == "سالم الورفلي", row


def test_a_name_and_a_colon_after_the_complementizer_is_the_speaker():
    text = "وتقول إن ليلى الحداد، من مركز الدراسات الاقتصادية: «الأسعار سترتفع مجددا قبل نهاية العام»."
    assert direct_in(text)[-1]["speaker_name"].startswith("ليلى الحداد")


def test_a_document_and_its_owner_speak():
    text = ("وأعادت الصفحة الرسمية للحكومة التي يرأسها غسان سلامة نشر نص بيان لوزارة الصحة الليبية، يؤكد أن "
            "«الوضع الصحي في المدينة تحت السيطرة الكاملة».")
    row = direct_in(text)[-1]
    assert row["speaker_id"] != "salame" and "وزارة الصحة" in row["speaker_name"], row


@pytest.mark.parametrize(
    "text, name",
    [
        # after "لكن", a title and its description before the verb
        ("ونفت الوزارة الخبر. لكن وزير الداخلية الليبي قال في تصريحات من تونس، إنه «تم اكتشاف المخطط قبل "
         "تنفيذه بأيام».", "وزير الداخلية الليبي"),
        # "وعن اليمن قال": a preposition opens the sentence, no verb and no subject
        ("وأكد غسان سلامة دعم الحوار. وعن اليمن قال إن «الحل هناك سياسي أيضا ولا بديل عنه».", None),
    ],
)
def test_subjects_before_the_verb_and_prepositions_that_open_a_sentence(text, name):
    row = direct_in(text)[-1]
    if name is None:
        assert row["speaker_id"] == "salame", row
    else:
        assert row["speaker_name"] == name, row


def test_a_verbal_noun_after_the_verb_is_no_subject():
    text = "وفي المطار طلب الاتصال بالقنصلية الليبية لإبلاغها أن «مواطنا ليبيا عالق في الصالة منذ يومين»."
    row = direct_in(text)[-1]
    assert not row["speaker_name"].startswith("الاتصال") and row["speaker_name"] != "المطار", row


@pytest.mark.parametrize(
    "text, speaker_id, name",
    [
        # where a speaker sits does not speak, and a clause about it between commas is no name
        ("وأفاد المرصد، ومقره المملكة المتحدة، بأن دفعة جديدة من المرتزقة وصلت إلى ليبيا.", "", "المرصد"),
        ("وقال المرصد السوري لحقوق الإنسان، ومقره بريطانيا، إن دفعة جديدة من المرتزقة وصلت إلى ليبيا.", "sohr",
         "المرصد السوري لحقوق الإنسان"),
        ("The Syrian Observatory, which is based in London, said that a new batch of mercenaries had arrived.",
         "sohr", "Syrian Observatory"),
        ("The London-based Syrian Observatory said that a new batch of mercenaries had arrived.", "sohr",
         "Syrian Observatory"),
    ],
)
def test_where_a_speaker_sits_does_not_speak(text, speaker_id, name):
    (row,) = quotes_in(text)
    assert (row["speaker_id"], row["speaker_name"]) == (speaker_id, name)
