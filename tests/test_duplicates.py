"""Reprints (libyakit.duplicates): invented Arabic and English stories, reprinted with changes."""

import pandas as pd
import pytest

import libyakit as ly
from libyakit.duplicates import key_words, shingles
from libyakit.keys import stem_keys, word_key

AR_STORY = ("قالت مصادر عسكرية في طرابلس إن نحو ثلاثمئة من المرتزقة غادروا قاعدة الجفرة الجوية صباح السبت "
            "بعد يوم واحد من توقيع اتفاق وقف إطلاق النار في جنيف برعاية البعثة الأممية للدعم في ليبيا.\n"
            "وأضافت المصادر أن طائرتي شحن أقلعتا من القاعدة نحو وجهة لم تعلن، فيما التزمت الأطراف الصمت.\n"
            "وطالبت البعثة الأممية بخروج جميع القوات الأجنبية والمقاتلين الأجانب من البلاد خلال تسعين يوما.")
AR_REPRINT = ("قالت مصادر عسكرية في طرابلس إن نحو ثلاثمئة من المرتزقة غادروا قاعدة الجفرة الجوية صباح الأحد "
              "بعد يوم واحد من توقيع اتفاق وقف إطلاق النار في جنيف برعاية البعثة الأممية للدعم في ليبيا.\n"
              "وطالبت البعثة الأممية بخروج جميع القوات الأجنبية والمقاتلين الأجانب من البلاد خلال تسعين يوما.")
EN_STORY = ("About three hundred mercenaries left the Jufra air base on Saturday, one day after the two sides "
            "signed a ceasefire agreement in Geneva under the auspices of the United Nations mission, military "
            "sources in Tripoli said. Two cargo planes took off from the base for an undisclosed destination. "
            "The mission called on all foreign forces and fighters to leave the country within ninety days.")
EN_REPRINT = ("About three hundred mercenaries left the Jufra air base on Sunday, one day after the two sides "
              "signed a ceasefire agreement in Geneva under the auspices of the United Nations mission, military "
              "sources in Tripoli said. The mission called on all foreign forces and fighters to leave the "
              "country within ninety days, a spokesman added.")
OTHER_AR = ("أعلنت وزارة الصحة في بنغازي افتتاح مستشفى جديد للأطفال يضم مئة وعشرين سريرا وقسما للطوارئ "
            "ومختبرا حديثا، على أن يبدأ استقبال المرضى مطلع الشهر المقبل بعد استكمال التجهيزات.")
OTHER_EN = ("The central bank said on Monday that it would issue new banknotes next month to ease a cash "
            "shortage that has left long queues outside branches in Tripoli and Benghazi for weeks.")


@pytest.fixture
def articles():
    return pd.DataFrame({
        "article_id": ["ar1", "ar2", "ar3", "en1", "en2", "en3"],
        "lang": ["ar", "ar", "ar", "en", "en", "en"],
        "date": pd.to_datetime(["2020-10-25", "2020-10-24", "2020-10-24", "2020-10-24", "2020-10-25", "2020-10-24"]),
        "text": [AR_REPRINT, AR_STORY, OTHER_AR, EN_STORY, EN_REPRINT, OTHER_EN],
    })


def test_keys_fold_clitics_diacritics_and_alef():
    assert word_key("إِلى") == word_key("الى") == "الي"
    assert "مرتزقه" in stem_keys("والمرتزقة") and "مرتزقه" in stem_keys("للمرتزقة")
    assert stem_keys("بان") == ("بان",)  # a cut must leave three letters
    assert key_words("والمرتزقةُ للمرتزقة") == ["مرتزقه", "مرتزقه"]


def test_clitic_changes_do_not_change_shingles():
    a = "غادر المرتزقة قاعدة الجفرة الجوية صباح السبت"
    b = "غادر والمرتزقة قاعدة الجفرة الجوية صباح السبت".replace("والمرتزقة", "للمرتزقةِ")
    assert list(shingles(a)) == list(shingles(b))
    assert list(shingles(a)) != list(shingles(a.replace("السبت", "الأحد")))


def test_reprints_grouped_per_language_first_copy_names_the_story(articles):
    stories = ly.find_duplicates(articles)
    got = dict(zip(stories["article_id"], stories["story_id"]))
    assert got == {"ar1": "ar2", "ar2": "ar2", "ar3": "ar3", "en1": "en1", "en2": "en1", "en3": "en3"}
    assert list(stories["story_size"]) == [2, 2, 1, 2, 2, 1]
    assert list(stories["is_first"]) == [False, True, True, True, False, True]
    pairs = stories.attrs["pairs"]
    assert sorted(map(tuple, pairs[["article_id_a", "article_id_b"]].values)) == [("ar1", "ar2"), ("en1", "en2")]
    assert (pairs["similarity"] >= 0.5).all()


def test_a_high_threshold_keeps_only_near_verbatim_copies(articles):
    stories = ly.find_duplicates(articles, threshold=0.95)
    assert stories["story_size"].max() == 1
    with pytest.raises(ValueError, match="threshold"):
        ly.find_duplicates(articles, threshold=1.5)


def test_dedupe_keeps_one_article_per_story(articles):
    one = ly.dedupe(articles)
    assert sorted(one["article_id"]) == ["ar2", "ar3", "en1", "en3"]
    assert dict(zip(one["article_id"], one["story_size"])) == {"ar2": 2, "ar3": 1, "en1": 2, "en3": 1}
    assert one.attrs["dedupe"]["articles"] == 6 and one.attrs["dedupe"]["stories"] == 4


def test_extractors_count_stories_after_dedupe(articles):
    all_rows = ly.extract_actors(articles)
    story_rows = ly.extract_actors(ly.dedupe(articles))
    assert set(story_rows["article_id"]) <= {"ar2", "ar3", "en1", "en3"}
    assert len(story_rows) < len(all_rows)
    tagged = ly.per_story(all_rows, ly.find_duplicates(articles))
    assert set(tagged["story_id"]) <= {"ar2", "ar3", "en1", "en3"}


def test_diff_shows_what_the_reprint_changed(articles):
    diff = ly.diff_articles(articles, "ar2", "ar1")
    assert ("replace", "السبت", "الأحد") in set(map(tuple, diff[["op", "old", "new"]].values))
    dropped = diff[diff["op"] == "delete"]
    assert len(dropped) == 1 and dropped["old"].iloc[0].startswith("وأضافت المصادر")
    text_a = articles.set_index("article_id")["text"]["ar2"]
    for row in diff.itertuples():
        assert text_a[row.a_start:row.a_end] == row.old
    html = ly.diff_html(articles, "ar2", "ar1").data
    assert 'dir="rtl"' in html and "<del" in html and "<ins" in html


def test_diff_html_escapes():
    arts = pd.DataFrame({"article_id": ["a", "b"], "lang": ["en", "en"],
                         "text": ["He said <b>no</b> today", "He said <i>yes</i> today"]})
    html = ly.diff_html(arts, "a", "b").data
    assert "<i>" not in html and "&lt;i&gt;yes&lt;/i&gt;" in html
