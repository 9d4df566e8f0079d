"""Reported speech: "X said that ...", "قال X إن ...", and the participles that go on with a speaker.

Every sentence here is written for the test; none is copied from an article.
"""

import pytest

from libyakit.quotes import quotes_in


def reported(text):
    rows = [r for r in quotes_in(text) if r["kind"] == "reported"]
    for r in rows:
        assert text[r["start"]:r["end"]] == r["surface"] == r["quote"]
        assert r["rule"].startswith("quotes.reported_")
    return rows


@pytest.mark.parametrize(
    "text, speaker, starts",
    [
        # Arabic: verb, subject, complementizer
        ("وقال المبعوث الأممي غسان سلامة إن المحادثات ستستأنف في جنيف.", "salame", "المحادثات ستستأنف"),
        ("وأكد وزير الخارجية الروسي سيرغي لافروف أن بلاده لا تملك قوات في ليبيا.", "lavrov", "بلاده لا تملك"),
        ("وأشار أردوغان إلى أن الجنود الأتراك سيبقون هناك.", "erdogan", "الجنود الأتراك"),
        ("وشددت الأمم المتحدة على أن حظر الأسلحة ما زال قائما.", "un", "حظر الأسلحة"),
        ("وكشف المرصد السوري أن عدد المقاتلين ارتفع إلى ألفين.", "sohr", "عدد المقاتلين"),
        # English: subject, verb, "that"
        ("Stephanie Williams said on Tuesday that the ceasefire was holding.", "williams", "the ceasefire was"),
        ("The Kremlin denied that Russian troops were in Libya, Peskov added.", "", "Russian troops were"),
        ("Bloomberg reported that Wagner had withdrawn some fighters.", "", "Wagner had withdrawn"),
    ],
)
def test_verb_subject_complementizer(text, speaker, starts):
    rows = reported(text)
    assert len(rows) == 1
    assert rows[0]["surface"].startswith(starts)
    if speaker:
        assert rows[0]["speaker_id"] == speaker


@pytest.mark.parametrize(
    "text, name",
    [
        ("وقالت وزيرة الخارجية نجلاء المنقوش إن الانتخابات ستجرى في موعدها.", "نجلاء المنقوش"),
        ("وقال عبد الحكيم الزوي إن الحكومة لن تستقيل.", "عبد الحكيم الزوي"),
        ("Analyst Jalel Harchaoui said that the deal was fragile.", "Jalel Harchaoui"),
    ],
)
def test_a_speaker_the_gazetteer_lacks_keeps_the_name_as_written(text, name):
    rows = reported(text)
    assert len(rows) == 1
    assert name in rows[0]["speaker_name"] and rows[0]["speaker_id"] == ""


@pytest.mark.parametrize(
    "text",
    [
        "وقال غسان سلامة إن المحادثات مستمرة، مضيفا أن الطرفين وافقا على الهدنة.",
        "Ghassan Salame said that talks would go on, adding that both sides had agreed to the truce.",
    ],
)
def test_a_participle_goes_on_with_the_speaker_before(text):
    rows = reported(text)
    assert [r["rule"] for r in rows] == ["quotes.reported_verb_that", "quotes.reported_participle"]
    assert [r["speaker_id"] for r in rows] == ["salame", "salame"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("وصل غسان سلامة إلى طرابلس. وأضاف أن الأمم المتحدة ستواصل عملها.", "salame"),  # subject-less verb
        ("Ghassan Salame arrived in Tripoli. He said that the UN would stay.", "salame"),  # a pronoun
    ],
)
def test_a_subjectless_verb_takes_the_person_of_the_sentence_before(text, speaker):
    rows = reported(text)
    assert len(rows) == 1 and rows[0]["speaker_id"] == speaker


@pytest.mark.parametrize(
    "text",
    [
        'وقال سلامة إن "الحل سياسي وليس عسكريا" في ليبيا.',  # the clause is the direct quotation's
        'Salame said that "there is no military solution" in Libya.',
        "وقال سلامة. إن الحل سياسي.",  # a sentence ends between the verb and إن
        "دعا سلامة إلى أن تبدأ المحادثات.",  # an appeal, not a statement (دعا is no reported verb)
        "It is clear that the war goes on.",  # "that" with no reporting verb
        'وقال «إن الاتفاق صامد» ثم غادر.',  # a cue inside a quotation belongs to the quotation
    ],
)
def test_not_reported(text):
    assert reported(text) == []


def test_colon_without_quotation_marks_is_reported_in_arabic():
    rows = reported("وقال غسان سلامة: الحل في ليبيا سياسي وليس عسكريا.")
    assert len(rows) == 1 and rows[0]["rule"] == "quotes.reported_verb_colon" and rows[0]["speaker_id"] == "salame"


def test_direct_quotes_keep_their_rows_and_kind():
    text = 'وقال غسان سلامة: "الحل سياسي وليس عسكريا". وأضاف أن الأمم المتحدة ستبقى.'
    rows = quotes_in(text)
    assert [r["kind"] for r in rows] == ["direct", "reported"]
    assert rows[0]["rule"] == "quotes.direct_cue_before" and rows[1]["speaker_id"] == "salame"


@pytest.mark.parametrize(
    "text, rule, starts, speaker",
    [
        # English leaves "that" out
        ("Ghassan Salame told reporters on Tuesday the talks would resume next week.", "quotes.reported_verb_clause",
         "the talks would", "salame"),
        ("Ghassan Salame said there is no military solution in Libya.", "quotes.reported_verb_clause", "there is no", "salame"),
        # the attribution after the statement
        ("Turkey has sent 2,000 fighters to Libya, Ghassan Salame told reporters.", "quotes.reported_trailing_verb",
         "Turkey has sent", "salame"),
    ],
)
def test_english_without_that_and_trailing_attributions(text, rule, starts, speaker):
    (row,) = reported(text)
    assert (row["rule"], row["speaker_id"]) == (rule, speaker) and row["surface"].startswith(starts)


@pytest.mark.parametrize(
    "text",
    [
        "The war is over, said the minister.",  # an inverted subject, no clause
        '"The war is over," he said.',  # the direct quotation's
        "He said no.",  # too short to be a clause
    ],
)
def test_not_reported_in_english(text):
    assert reported(text) == []


@pytest.mark.parametrize(
    "text, name, resolved_by",
    [
        # an honorific is a pronoun for the one person named just before
        ("التقى وزير الخارجية عادل الجبير نظيره المصري. وقال معاليه إن العلاقات قوية.", "عادل الجبير",
         "person named before"),
        # a subjectless cue after a quote of a person the gazetteer lacks goes on with that person
        ("قال الإعلامي فيصل القاسم المذيع بالقناة: «إن الإنسان لن يشعر بقيمة الأشياء». "
         "وذكر في تدوينة له: «كل شيء يبدو رخيصا طالما أنك لا تدفع».", "فيصل القاسم", "previous statement"),
    ],
)
def test_speaker_from_the_sentence_before(text, name, resolved_by):
    rows = quotes_in(text)
    assert rows[-1]["speaker_name"] == name and rows[-1]["resolved_by"] == resolved_by


@pytest.mark.parametrize("text", ["وقال لإسرائيل إن عليها وقف الاستيطان فورا.",
                                  "وأضاف بمصر أن الوضع مستقر تماما هناك."])
def test_a_mention_with_a_preposition_is_no_speaker(text):
    (row,) = reported(text)
    assert row["speaker_id"] == "" and row["speaker_name"] == ""


@pytest.mark.parametrize(
    "text, name",
    [
        ("استقبل وزير الهجرة البلجيكي ثيو فرانكين الوفد. وقال الوزير إن بلاده ستستقبل ألفي شخص.", "ثيو فرانكين"),
        ("Interior Minister Adel Kafi arrived on Monday. The minister said that the border would stay open.",
         "Adel Kafi"),
    ],
)
def test_a_bare_title_is_the_person_named_before_with_it(text, name):
    (row,) = reported(text)
    assert row["speaker_name"] == name


@pytest.mark.parametrize(
    "text, speaker, name",
    [
        ("ونقلت الوكالة عن غسان سلامة أن المحادثات ستستأنف في جنيف.", "salame", None),
        ("ونقلت وكالة الأنباء عن حامد سالم، عميد بلدية المدينة، أن الأوضاع الأمنية مستقرة تماما.", "", "حامد سالم"),
    ],
)
def test_a_relaying_verb_names_its_speaker_after_an(text, speaker, name):
    (row,) = reported(text)
    assert row["speaker_id"] == speaker and (name is None or row["speaker_name"] == name)
