"""Site chrome from real pages (menus, bylines, credits, counters, link lists) leaves ``text`` and
stays in ``text_raw``; hard-wrapped lines are joined. Every example is written for the test."""

import pytest

import libyakit as ly
from libyakit import clean
from libyakit.errors import DataFileError

BODY_EN = ("The Joint Military Commission met in Ghadames on Tuesday and agreed on the steps that carry out "
           "the ceasefire signed in Geneva last month, the UN mission said in a statement.")
BODY_AR = ("قالت بعثة الأمم المتحدة إن اللجنة العسكرية المشتركة اجتمعت في غدامس يوم الثلاثاء واتفقت على "
           "خطوات تنفيذ اتفاق وقف إطلاق النار الموقع في جنيف الشهر الماضي.")


@pytest.mark.parametrize(
    "chrome, body",
    [
        ("By Sami Khalil.", BODY_EN),
        ("Photo courtesy of the UN mission", BODY_EN),
        ("Back to top", BODY_EN),
        ("Read more: Reuters", BODY_EN),
        ("1,234 views", BODY_EN),
        ("Send this page to someone via email", BODY_EN),
        ("كتبت : سلمى أحمد", BODY_AR),
        ("طرابلس اليوم – متابعات", BODY_AR),
        ("1234 مشاهدة", BODY_AR),
        ("يمكنكم متابعة المزيد من أخبار ليبيا عبر موقعنا", BODY_AR),
        ("صورة أرشيفية", BODY_AR),
    ],
)
def test_a_chrome_line_leaves_text_but_not_text_raw(chrome, body):
    raw = f"{chrome}\n{body}\n{body}"
    r = clean.split_article(raw)
    assert chrome not in r.text and r.text.count(body) == 2 and r.changes["chrome_lines"] == 1


@pytest.mark.parametrize(
    "line",
    [
        "By the end of 2020, thousands of foreign fighters were still in Libya.",  # not a byline
        "Read more about the ceasefire in our explainer on the talks in Geneva and what they agreed.",
        "كتب المبعوث الأممي في تغريدة أن المحادثات مستمرة.",  # no colon: a sentence, not a byline
    ],
)
def test_a_sentence_that_looks_like_chrome_stays(line):
    assert line in clean.split_article(f"{BODY_EN}\n{line}\n{BODY_EN}").text


@pytest.mark.parametrize("heading", ["Related Articles", "Check Also", "اقرأ أيضا", "أخبار ذات صلة"])
def test_a_list_of_other_stories_at_the_end_goes(heading):
    raw = f"{BODY_EN}\n{BODY_AR}\n{BODY_EN}\n\n{heading}\n\nTurkey sends more troops\nUN envoy visits Tripoli"
    r = clean.split_article(raw)
    assert r.text.endswith(BODY_EN) and "Tripoli" not in r.text.split(BODY_EN)[-1]


@pytest.mark.parametrize("joiner", [" ", "\n"])
def test_a_list_of_other_articles_run_into_the_last_line_goes(joiner):
    # pages that lose their line breaks run "other articles by the writer" and its links into the last line
    raw = f"{BODY_AR}\n{BODY_AR}\n{BODY_AR}{joiner}مقالات أخرى للكاتب حرب المياه في الجنوب!رحلة إلى إيران!"
    r = clean.split_article(raw)
    assert r.text.endswith("الماضي.") and "إيران" not in r.text and r.changes["chrome_tail"] == 1


def test_a_heading_inside_a_sentence_stays():
    raw = f"{BODY_AR}\n{BODY_AR}\nوقال إن مقالات أخرى للكاتب نفسه ستنشر لاحقا في الصحيفة."
    assert "ستنشر لاحقا" in clean.split_article(raw).text


def test_a_related_heading_with_long_paragraphs_after_it_stays():
    raw = f"{BODY_EN}\n\nRelated Articles\n\n{BODY_AR} {BODY_AR}"  # what follows is article text, not links
    assert "Related Articles" in clean.split_article(raw).text


def test_hard_wrapped_lines_are_joined():
    import textwrap

    para = BODY_AR + " " + BODY_AR.replace("قالت", "وأضافت")
    wrapped = textwrap.fill(para, width=60).replace("الأمم المتحدة", "الأمم\nالمتحدة", 1)
    r = clean.split_article(wrapped + "\n\n" + textwrap.fill(BODY_EN, width=60))
    assert r.changes["hard_wraps"] > 0
    assert r.text.split("\n\n") == [para, BODY_EN]  # a blank line still ends a paragraph


def test_short_lines_are_no_hard_wrap():
    raw = "\n".join(["Headline of the story", "By Agency staff", BODY_EN, "Subheading", BODY_EN])
    assert clean.split_article(raw).changes["hard_wraps"] == 0


def test_every_seed_paragraph_survives_cleaning():
    arts = ly.load_articles(progress=False)
    for raw, text in zip(arts["text_raw"], arts["text"]):
        cleaned_lines = clean.clean_text(raw)
        for line in raw.split("\n"):
            line = clean.clean_text(line)
            if len(line) > clean._CHROME_LINE_MAX:
                assert line in cleaned_lines


@pytest.mark.parametrize(
    "row, message",
    [
        ("anywhere,en,Back to top,\n", "where must be one of"),
        ("line,fr,Retour,\n", "unknown lang 'fr'"),
        ("line,en,,\n", "empty pattern"),
        ("line,en,(unclosed,\n", "no regular expression"),
    ],
)
def test_a_broken_chrome_row_names_its_line(tmp_path, monkeypatch, row, message):
    src = clean.data_path("chrome.csv")
    text = src.read_text(encoding="utf-8")
    (tmp_path / "chrome.csv").write_text(text + row, encoding="utf-8")
    monkeypatch.setattr(clean, "data_path", lambda name: tmp_path / name)
    clean._chrome.cache_clear()
    try:
        with pytest.raises(DataFileError, match=message) as exc:
            clean._chrome()
        assert exc.value.row == len(text.splitlines()) + 1
    finally:
        monkeypatch.undo()
        clean._chrome.cache_clear()
