"""Joined-word repair: real Arabic cases, invariants, and the long token."""

import pytest
from hypothesis import given, settings, strategies as st

import libyakit as ly
from libyakit import find_joined_words, fix_joined_words
from libyakit.segment import CorpusStats


@pytest.mark.parametrize(
    "joined, repaired",
    [
        ("الولاياتالمتحدة", "الولايات المتحدة"),
        ("تركياوروسيا", "تركيا وروسيا"),  # the conjunction stays on the next word
        ("الأممالمتحدة", "الأمم المتحدة"),
        # function-word pairs that web text joins and the lexicon lists as words
        # (data/function_pairs.csv): written apart, ما + زال and لا + سيّما
        ("مازالت", "ما زالت"),
        ("لاسيما", "لا سيما"),
        ("قدرت الأممالمتحدة بنحو 20 ألفاً", "قدرت الأمم المتحدة بنحو 20 ألفاً"),
        ("وزيرالاقتصاد", "وزير الاقتصاد"),
        ("قائدالشرطة", "قائد الشرطة"),
        ("الخدماتالإلكترونية", "الخدمات الإلكترونية"),
        ("فيالأوساط", "في الأوساط"),
        ("عدموجود", "عدم وجود"),
        ("النقطةلغالبية", "النقطة لغالبية"),  # ة only ends a word
        # diacritics stay with their letters
        ("الأُممالمتحدة", "الأُمم المتحدة"),
        # more than two words, and words the lexicon has never seen joined to known ones
        ("انسحابالقواتالأجنبية", "انسحاب القوات الأجنبية"),
        ("وقفإطلاقالنار", "وقف إطلاق النار"),
        ("المشيرخليفةحفتر", "المشير خليفة حفتر"),
        ("قواتفاغنرالروسية", "قوات فاغنر الروسية"),
        ("المتحدثباسمالحكومة", "المتحدث باسم الحكومة"),
        ("أكدأنالاتفاق", "أكد أن الاتفاق"),
        # names: "بن" and "آل" stand alone
        ("محمدبنسلمان", "محمد بن سلمان"),
        ("آلثاني", "آل ثاني"),
        # wordfreq lists the join itself (web text), far more rarely than its words
        ("وزيرالخارجيةالتركي", "وزير الخارجية التركي"),
        ("الشرقالأوسط", "الشرق الأوسط"),
        # tanween only ends a word (with its alef written before or after the mark)
        ("سياسياًلصحيفة", "سياسياً لصحيفة"),
        ("معتبراًالصحيفة", "معتبراً الصحيفة"),
        ("كثيرًاالمصادر", "كثيرًا المصادر"),
        ("حربٌضروس", "حربٌ ضروس"),
        # "ان" + pronoun ends only an imperfect verb (يقولانه); after قال it is a word
        ("قالانه", "قال انه"),
        # the negation لا / ما is written apart from its verb, however often web text joins them
        ("لايمكن", "لا يمكن"),
        ("ولاتزال القوات", "ولا تزال القوات"),
        ("مايحدث في طرابلس", "ما يحدث في طرابلس"),
        ("لايقل عن", "لا يقل عن"),  # a verb of three letters
        # and so are لم / لن (before a verb in ي) and سوف
        ("ولميكن", "ولم يكن"),
        ("لنيسمح", "لن يسمح"),
        ("سوفيكون", "سوف يكون"),
        # a rarer verb in ي/ت, in a join spelled like no word (PARTICLE_VERB_LOW_ZIPF)
        ("جزء لايتجزأ من", "جزء لا يتجزأ من"),
        ("وهو مايخالف القرار", "وهو ما يخالف القرار"),
        # no word reads as the article with a pronoun or verb ending (اليمن + تم)
        ("في اليمنتم الاتفاق", "في اليمن تم الاتفاق"),
    ],
)
def test_joined_words_are_split(joined, repaired):
    assert fix_joined_words(joined) == repaired


@pytest.mark.parametrize(
    "word",
    [
        # rare but valid: clitics around a known stem, or names
        "استخدموهم", "وأحصت", "ونشرتهم", "قنونو", "يستخدمونهم", "ودعمتهم",
        "مرحبّةً", "المسماري", "الصخيرات", "ترهونة", "غوتيريش", "فاغنر",
        "سراحهما", "للانتهاك", "مشكلاتهم", "والانسحاب", "الليبيان",
        # real words that contain two words
        "عندما", "بينما", "فيما", "لماذا", "ربما",
        # common words
        "المتحدة", "الولايات", "ليبيا", "طرابلس",
        # names and places of the Libyan war (rare in wordfreq or never seen)
        "باشاغا", "الدبيبة", "معيتيقة", "الوطية", "بيرقدار", "بانتسير", "الجنجويد", "كوبيتش",
        "القداحية", "ورشفانة", "تاجوراء", "بالمرتزقة",
        # words and names that contain two words
        "منصور", "عبدالله", "بنغازي", "أبوظبي", "الليبيان",
        # a misplaced tanween inside a word is not a word end
        "مساًء", "قًدمت", "الحميًد", "وأَفهمًتْهُ", "واحًدا", "كثيًرا",
        # a verb's own ending, then an object pronoun (يحذفان+ها, دمرتمو+كم, اعتبرتا+نا)
        "يحذفانها", "تصدقانني", "وتساهمانه", "يريانني", "دمرتموكم", "اعتبرتانا", "ويواجهاكم",
        # ل + a word in ا, not لا + a word; names that start like لا/ما
        "لاتجاه", "لاتمام", "لاتينية", "مايكل", "مانيلا", "ولايتهم", "لاتسيو", "مايوركا",
        # names that start like لا/ما + a rarer verb (see PARTICLE_VERB_LOW_ZIPF)
        "لايستر", "ماندا", "لانوف", "مانوال",
        # ك + a word in ل (لقيم: feedstock), and the article with the endings it takes
        "كلبنان", "كلقيم", "العربي", "اليمنيين",
        "لانجاح",  # ل + انجاح (إنجاح with its hamza dropped), not لا + نجاح
        # ل + a participle in م or a verb of "we" in ن, not لم / لن + a verb; قد + a noun
        "لمتلقي", "لمتابعة", "لنتجنب", "لنتمكن", "قديمين",
        # a rare noun with a pronoun ending, not the noun + the word كم
        "وأهازيجكم", "بأهازيجكم", "وأهازيجكما",
        # foreign names that end or start like a common word (داني + يتسك, اخند + زاده):
        # a part no lexicon knows must have six letters or more
        "دانييتسك", "اخندزاده", "لاسزلو", "رايفهايزن", "شوارتزنيجير", "كازيميرزوفسكي", "فورالبرغ",
    ],
)
def test_real_words_stay_whole(word):
    assert fix_joined_words(word) == word


@pytest.mark.parametrize(
    "text",
    [
        "Wagner2020الأممالمتحدة",  # only the Arabic run is looked at
        "الأمم-المتحدة",
        "UNSMIL (بعثة) 5+5",
        "",
    ],
)
def test_non_arabic_never_split_off(text):
    out = fix_joined_words(text)
    assert out.replace(" ", "") == text.replace(" ", "")
    for ch in "Wagner2020-()+5":
        assert out.count(ch) == text.count(ch)


def test_seed_000_gets_exactly_its_ten_repairs():
    articles = ly.load_articles()
    fixed = dict(zip(articles["article_id"].str[:3], articles["n_joined_fixed"]))
    assert fixed == {"000": 10, "001": 0, "002": 0, "003": 0, "004": 0}
    report = ly.joined_words_report(articles)
    assert sorted(report["original"].value_counts().items()) == [
        ("الأممالمتحدة", 7), ("الولاياتالمتحدة", 1), ("تركياوروسيا", 2)]
    texts = dict(zip(articles["article_id"], articles["text"]))
    for row in report.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface


def test_seeds_unchanged_except_spaces():
    articles = ly.load_articles()
    plain = ly.load_articles(fix_joined=False)
    for a, b in zip(articles["text"], plain["text"]):
        assert a.replace(" ", "") == b.replace(" ", "")


def test_audit_columns_and_offsets():
    text = "طلبت الولاياتالمتحدة من تركياوروسيا"
    audit = find_joined_words(text)
    assert list(audit["original"]) == ["الولاياتالمتحدة", "تركياوروسيا"]
    assert list(audit["replacement"]) == ["الولايات المتحدة", "تركيا وروسيا"]
    for row in audit.itertuples():
        assert text[row.start:row.end] == row.original
    assert {"parts", "part_zipf", "whole_zipf", "score", "rule"} <= set(audit.columns)


def test_long_token_does_not_hang():
    # 2 million letters without a space: linear, left alone (no prose has it).
    token = "الولاياتالمتحدة" * (2_000_000 // 15)
    assert fix_joined_words(token) == token


@pytest.mark.parametrize("bad", [None, 5, b"\xd8\xa7"])
def test_type_error(bad):
    with pytest.raises(TypeError, match="fix_joined_words expects str"):
        fix_joined_words(bad)
    with pytest.raises(TypeError, match="find_joined_words expects str"):
        find_joined_words(bad)


# --- invariants ------------------------------------------------------------------

_pieces = st.sampled_from(
    ["الولايات", "المتحدة", "تركيا", "وروسيا", "الأمم", "في", "من", "ليبيا", "استخدموهم", "عبد", "الكلام",
     "قنونو", "ة", "ى", "ال", "و", " ", " ", "،", "5000", "UN", "ً", "ّ", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=12).map("".join))
def test_only_spaces_inserted(s):
    out = fix_joined_words(s)
    assert out.replace(" ", "") == s.replace(" ", "")
    assert len(out) >= len(s)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=12).map("".join))
def test_idempotent(s):
    once = fix_joined_words(s)
    assert fix_joined_words(once) == once


def test_parts_are_split_to_a_fixed_point():
    # found by hypothesis: four joined words, at most three parts per decision
    once = fix_joined_words("منفيالولاياتالولايات")
    assert fix_joined_words(once) == once


def test_report_from_recorded_offsets_equals_recomputed():
    articles = ly.load_articles()
    import pandas as pd

    pd.testing.assert_frame_equal(ly.joined_words_report(articles),
                                  ly.joined_words_report(articles.drop(columns="joined_fixed_at")))


@pytest.mark.parametrize(
    "word",
    ["إعارتهما", "بإعطائهما", "احترافيا", "اتفاقياً", "يتأرجحان"],  # dual pronoun, adverbial -يا, dual -ان
)
def test_endings_are_not_words(word):
    assert fix_joined_words(word) == word


@settings(max_examples=200, deadline=None)
@given(st.lists(_pieces, max_size=12).map("".join))
def test_offsets_of_inserted_spaces(s):
    from libyakit.segment import fix_joined_words_at, inserted_spaces

    fixed, offsets = fix_joined_words_at(s)
    assert fixed == fix_joined_words(s)
    assert offsets == inserted_spaces(s, fixed)


def test_report_span_keeps_quranic_marks():
    # a repaired run carrying a Quranic mark (U+06E1) is reported whole, marks included
    from libyakit.segment import fix_joined_words_at, repairs_in

    text = "قدرت الأممالمتحدۡة"
    fixed, at = fix_joined_words_at(text)
    rows = repairs_in(fixed, at)
    assert len(rows) == 1 and rows[0]["surface"] == fixed.split(" ", 1)[1]


def test_audit_names_the_rule():
    audit = find_joined_words("قال سياسياًلصحيفة إن الأممالمتحدة و وزيرالخارجية")
    assert dict(zip(audit["original"], audit["rule"])) == {
        "سياسياًلصحيفة": "tanween-split", "الأممالمتحدة": "unseen-split", "وزيرالخارجية": "junk-entry-split"}
    assert (audit["score"].dropna() > 0).all()


@pytest.mark.parametrize("floor, expected", [(-3.0, "القوات تتقدم نحو سرت"), (0.0, "القواتتتقدم نحو سرت")])
def test_the_unseen_whole_is_judged_by_the_character_model(floor, expected):
    # a tiny lexicon and a stand-in model that knows no n-gram (every letter gets ``floor``):
    # the repair follows them, not wordfreq
    from libyakit.charlm import CharModel
    from libyakit.segment import Segmenter

    lexicon = {w: 1e-4 for w in ["قوات", "مدينة", "سرت", "القوات", "تتقدم", "نحو"]}
    seg = Segmenter(lexicon, char_model=CharModel({}, {}, floor))
    assert fix_joined_words("القواتتتقدم نحو سرت", segmenter=seg) == expected


def _apply_audit(text, audit):
    out, prev = [], 0
    for row in audit[audit["split"]].itertuples():
        out.append(text[prev:row.start])
        out.append(row.replacement)
        prev = row.end
    out.append(text[prev:])
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=12).map("".join))
def test_the_audit_is_what_the_repair_does(s):
    assert _apply_audit(s, find_joined_words(s)) == fix_joined_words(s)


def test_a_weak_split_is_undone_where_the_text_repeats_the_form():
    # "عبدالكلام" splits on weak evidence (score about 2): once, it is split; a text
    # that has the form twice keeps it whole (a random join seldom repeats letter
    # for letter; names do)
    once = "توفي الدكتور عبدالكلام أمس"
    twice = "توفي الدكتور عبدالكلام أمس، وكان عبدالكلام رئيسا للهند"
    assert fix_joined_words(once) == "توفي الدكتور عبد الكلام أمس"
    assert fix_joined_words(twice) == twice
    audit = find_joined_words(twice, include_kept=True)
    assert set(audit.loc[audit["original"] == "عبدالكلام", "rule"]) == {"repeated-kept"}
    # strong evidence is not overruled: the seeds' "الأممالمتحدة" comes seven times
    assert fix_joined_words("الأممالمتحدة و الأممالمتحدة") == "الأمم المتحدة و الأمم المتحدة"


def test_a_lone_weak_split_with_a_rare_part_needs_other_lost_spaces_in_the_text():
    # "لودفيجس|هافن" (Ludwigshafen) splits on weak evidence, one part unknown to the
    # lexicon: in a text with no other lost space it is kept whole (such splits cut
    # foreign names about as often as they repair joins) ...
    clean = "يقع مقرها في مدينة لودفيجسهافن غربي ألمانيا"
    assert fix_joined_words(clean) == clean
    audit = find_joined_words(clean, include_kept=True)
    assert list(audit["rule"]) == ["lone-kept"] and not audit["split"].any()
    # ... and split where the text shows a lost space elsewhere
    sloppy = clean + " وفق الأممالمتحدة"
    assert fix_joined_words(sloppy) == "يقع مقرها في مدينة لودفيجس هافن غربي ألمانيا وفق الأمم المتحدة"
    # a weak split of two common words needs no company ("عبد|الكلام" above), nor
    # does a spelling rule
    assert fix_joined_words("قال ولاتزال") == "قال ولا تزال"


def test_corpus_evidence():
    """A pair seen spaced elsewhere is split; a form seen whole, never spaced, is kept
    (a name); a split that rests on a spelling rule is not undone by counts."""
    from libyakit.segment import CorpusStats, Segmenter

    texts = ["في مهب الريح", "في مهب العاصفة", "ديموسثينيس قال", "كتب ديموسثينيس", "ديموسثينيس",
             "لايمكن", "لايمكن", "لايمكن"]
    plain = Segmenter()
    assert fix_joined_words("فيمهب ديموسثينيس", segmenter=plain) == "فيمهب ديموس ثينيس"
    seg = Segmenter(corpus=CorpusStats(texts))
    assert fix_joined_words("فيمهب ديموسثينيس لايمكن", segmenter=seg) == "في مهب ديموسثينيس لا يمكن"
    # a pair seen spaced in the corpus is split even where nothing else in the text is:
    # its evidence is the pair, not a weak lexicon score with a rare part ("lone-kept")
    paired = Segmenter(corpus=CorpusStats(["الماء لا يصلها", "لا يصلها أحد"]))
    assert fix_joined_words("لايصلها", segmenter=paired) == "لا يصلها"
    audit = find_joined_words("فيمهب ديموسثينيس لايمكن", segmenter=seg, include_kept=True)
    assert dict(zip(audit["original"], audit["rule"])) == {
        "فيمهب": "corpus-pair-split", "ديموسثينيس": "corpus-whole-kept", "لايمكن": "particle-verb-split"}
    # a form that reads as clitics around a known word is not split by pair counts: ف + يحق
    seg = Segmenter(corpus=CorpusStats(texts + ["في حق الشعب"] * 3 + ["في ظل الأزمة"] * 3))
    assert fix_joined_words("فيحق لنا فيظل الأمر فيمهب", segmenter=seg) == "فيحق لنا فيظل الأمر في مهب"


def test_corpus_counts_strip_diacritics_and_pair_only_spaced_runs():
    stats = CorpusStats(["الأُممُ المتحدة", "الأمم المتحدة، الأمم-المتحدة", "وفي\nليبيا"])
    assert stats.whole["الأمم"] == 3 and stats.whole["المتحدة"] == 3
    assert stats.pairs[("الأمم", "المتحدة")] == 2  # not across "-", a newline or a comma
    assert ("وفي", "ليبيا") not in stats.pairs


def test_a_text_that_lost_many_spaces_takes_weaker_splits_of_common_words():
    # "التمييزبين" ("التمييز بين", score 0.7 below the margin of 1.5): left whole in a text
    # that shows no lost space ...
    clean = "دعا الوزير إلى التمييزبين الحالتين"
    assert fix_joined_words(clean) == clean
    # ... split in one that lost spaces throughout (3 or more, one per 100 words or more)
    sloppy = "طلبت الولاياتالمتحدة من تركياوروسيا والصينالتمييز بين الحالتين ثم دعا الوزير إلى التمييزبين الحالتين"
    fixed = ("طلبت الولايات المتحدة من تركيا وروسيا والصين التمييز بين الحالتين ثم دعا الوزير إلى "
             "التمييز بين الحالتين")
    assert fix_joined_words(sloppy) == fixed
    audit = find_joined_words(sloppy)
    assert audit.loc[audit["original"] == "التمييزبين", "rule"].tolist() == ["dense-split"]
    # the report explains the repair with the same rule
    from libyakit.segment import fix_joined_words_at, repairs_in
    text, at = fix_joined_words_at(sloppy)
    assert {r["original"]: r["rule"] for r in repairs_in(text, at)}["التمييزبين"] == "dense-split"
    # the same three lost spaces in a long text are not one per 100 words: left whole
    long = sloppy + " " + " ".join(["وقال"] * 300)
    assert "التمييزبين" in fix_joined_words(long)
    # nor is a weak split of a rare part made on that evidence ("dense" needs common parts)
    from libyakit.segment import Segmenter
    seg = Segmenter()
    assert seg.dense_sibling().dense and seg.dense_sibling() is seg.dense_sibling()
    assert not seg.decide("التمييزبين").split and seg.dense_sibling().decide("التمييزبين").split


def test_in_a_text_that_lost_many_spaces_a_repeated_split_of_common_words_is_made():
    # "فيسوريا" (في|سوريا, a weak split of two common words) twice: kept whole in a text with no
    # other lost space, as a repeated form is more often a name ...
    clean = "قال الوزير فيسوريا إن الوضع في الجنوب هادئ وإن فيسوريا حلا"
    assert fix_joined_words(clean) == clean
    # ... and split in a text that lost spaces throughout (there a pair loses its space again);
    # a repeated split with a rare part ("لودفيجس|هافن") stays whole there too
    sloppy = ("طلبت الولاياتالمتحدة من تركياوروسيا والصينالتمييز بين الحالتين وقال الوزير فيسوريا إن "
              "فيسوريا حلا وإن لودفيجسهافن بعيدة عن لودفيجسهافن")
    fixed = fix_joined_words(sloppy)
    assert fixed.count("في سوريا") == 2 and fixed.count("لودفيجسهافن") == 2


def test_in_a_text_that_lost_many_spaces_a_function_word_takes_a_rarer_word():
    # "أوإيحاء" (أو|إيحاء: a function word and a rarer word, Zipf 2.7): whole in a clean text,
    # split in one that lost spaces throughout (DENSE_FUNCTION_ZIPF)
    clean = "دون إشارة أوإيحاء بذلك"
    assert fix_joined_words(clean) == clean
    sloppy = "طلبت الولاياتالمتحدة من تركياوروسيا والصينالتمييز بين الحالتين دون إشارة أوإيحاء بذلك"
    assert "أو إيحاء" in fix_joined_words(sloppy)
    audit = find_joined_words(sloppy)
    assert audit.loc[audit["original"] == "أوإيحاء", "rule"].tolist() == ["dense-split"]


def test_in_a_text_that_lost_many_spaces_parts_of_zipf_two_split_in_two_not_in_three():
    # "وطقسمعتدل" (وطقس|معتدل: a part of Zipf 2.3): whole in a clean text, split in one that
    # lost spaces throughout (DENSE_PART_ZIPF 2.0); a three-way cut with a part that rare stays
    # whole there (DENSE_THREE_PART_ZIPF): "والبرازيليانمارسيلو" is not والبرازيلي|ان|مارسيلو
    clean = "أمطار خفيفة وطقسمعتدل على الساحل"
    assert fix_joined_words(clean) == clean
    sloppy = ("طلبت الولاياتالمتحدة من تركياوروسيا والصينالتمييز بين الحالتين وتوقعت أمطار خفيفة "
              "وطقسمعتدل على الساحل واللاعبان والبرازيليانمارسيلو")
    fixed = fix_joined_words(sloppy)
    assert "وطقس معتدل" in fixed and "والبرازيليانمارسيلو" in fixed
