"""Ceasefire terms on the seeds and in small Arabic and English cases."""

import pandas as pd
import pytest

import libyakit as ly
from libyakit.ceasefire import events_in


# The seeds report the Security Council session of 28 January 2021; four of them carry no date. A
# year-less date borrows no year from another article: the tests give the session's date explicitly.
SESSION = "2021-01-29"


@pytest.fixture(scope="module")
def seeds():
    articles = ly.load_articles()
    return articles, ly.extract_ceasefire(articles, reference_date=SESSION)


def test_no_year_is_borrowed_from_another_article():
    articles = ly.load_articles()
    c = ly.extract_ceasefire(articles)  # 002 is dated 2021-01-29; 000 is not
    signing = c[c["article_id"].str.startswith("000") & (c["term"] == "signing")]
    assert signing["date"].isna().all() and (signing["date_source"] == "year_unknown").any()
    assert set(signing.loc[signing["date_source"] == "year_unknown", "date_surface"]) >= {"23 أكتوبر"}
    assert "2020-10-23" in dated(c, "002", "signing")  # from its own date


def dated(c, prefix, term):
    rows = c[c["article_id"].str.startswith(prefix) & (c["term"] == term)]
    return set(rows["date"].dropna().dt.date.astype(str))


def test_done_when_dates(seeds):
    _, c = seeds
    assert "2020-10-23" in dated(c, "000", "signing")
    assert "2020-10-23" in dated(c, "002", "signing")
    assert "2020-10-23" in dated(c, "003", "signing")
    assert "2020-10-23" in dated(c, "004", "signing")
    for prefix in ("000", "001", "002"):
        assert "2021-01-23" in dated(c, prefix, "withdrawal_deadline"), prefix
    assert "2021-12-24" in dated(c, "000", "elections")
    assert "2020-08-21" in dated(c, "004", "announcement")
    assert "2019-04-04" in dated(c, "004", "offensive")


def test_weekday_resolves_only_with_article_date(seeds):
    _, c = seeds
    sat002 = c[c["article_id"].str.startswith("002") & (c["date_surface"] == "Saturday")]
    assert list(sat002["date"].dt.date.astype(str)) == ["2021-01-23"]
    assert not sat002["year_inferred"].any()
    sat003 = c[c["article_id"].str.startswith("003") & (c["surface"] == "deadline")]
    assert sat003["date"].isna().all()  # 003 has no date: "on Saturday" stays unknown


def test_spans_and_flags(seeds):
    articles, c = seeds
    texts = dict(zip(articles["article_id"], articles["text"]))
    for row in c.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface
        if pd.notna(row.date):
            assert row.date_precision in ("day", "month", "year")
    inferred = c[c["date_source"] == "year_inferred"]
    assert inferred["year_inferred"].all()


def test_durations_captured(seeds):
    _, c = seeds
    durations = set(c["duration"]) - {""}
    assert "within three months" in durations
    assert any("خلال الأشهر الثلاثة" in d for d in durations)


def test_reference_date_argument():
    articles = ly.load_articles()
    c = ly.extract_ceasefire(articles, reference_date="2022-06-01")
    assert "2021-10-23" in dated(c, "000", "signing")  # the latest 23 October before mid-2022


def test_levantine_and_arabic_cases():
    rows = events_in("وقع الطرفان اتفاق وقف إطلاق النار في 23 تشرين الأول 2020، على أن تُجرى الانتخابات في 24 كانون الأول.",
                     lang="ar", article_date=None, reference=pd.Timestamp("2021-01-29").date())
    got = {(r["term"], str(r["date"])) for r in rows if r["date"]}
    assert ("signing", "2020-10-23") in got or ("ceasefire_agreement", "2020-10-23") in got
    assert ("elections", "2021-12-24") in got


@pytest.mark.parametrize(
    "text, lang, duration, deadline",
    [
        ("وقعت الأطراف اتفاق وقف إطلاق النار في 23 أكتوبر 2020، على أن تغادر القوات الأجنبية خلال تسعين يوما.",
         "ar", "خلال تسعين يوما", "2021-01-21"),
        ("وقعت الأطراف اتفاق وقف إطلاق النار في 23 أكتوبر 2020، على أن تغادر القوات الأجنبية خلال 90 يوما.",
         "ar", "خلال 90 يوما", "2021-01-21"),
        ("وقع الطرفان اتفاق وقف إطلاق النار في 23 أكتوبر 2020 على أن يغادر المرتزقة خلال الأشهر الثلاثة المقبلة.",
         "ar", "خلال الأشهر الثلاثة", "2021-01-23"),
        ("The sides signed a ceasefire on 23 October 2020; foreign fighters must leave within two weeks.",
         "en", "within two weeks", "2020-11-06"),
        ("The sides signed a ceasefire on 23 October 2020; foreign fighters must leave within 90 days.",
         "en", "within 90 days", "2021-01-21"),
    ],
)
def test_deadline_from_a_duration(text, lang, duration, deadline):
    rows = [r for r in events_in(text, lang=lang, article_date=None, reference=None)
            if r["term"] == "withdrawal_deadline"]
    assert [(r["duration"], str(r["date"]), r["date_source"]) for r in rows] == [(duration, deadline, "duration")]


def test_a_weekday_with_its_date_dates_the_event_without_an_article_date():
    rows = events_in("أعلنت اللجنة يوم الأحد 12 يناير 2020 أن وقف إطلاق النار دخل حيز التنفيذ.", lang="ar",
                     article_date=None, reference=None)
    # (the date is nearer the ceasefire taking effect than the announcement)
    assert [(r["term"], str(r["date"]), r["date_source"]) for r in rows] == [
        ("announcement", "None", ""), ("ceasefire_agreement", "2020-01-12", "stated")]


def test_english_relative_date():
    rows = events_in("The deadline for withdrawal passed on Saturday.", lang="en",
                     article_date=pd.Timestamp("2021-01-29").date(), reference=None)
    assert any(r["term"] == "withdrawal_deadline" and str(r["date"]) == "2021-01-23" for r in rows)


def test_does_not_depend_on_today(monkeypatch):
    import datetime as dt

    class Future(dt.date):
        @classmethod
        def today(cls):
            return cls(2030, 1, 1)

    monkeypatch.setattr(dt, "date", Future)
    articles = ly.load_articles()
    assert "2020-10-23" in dated(ly.extract_ceasefire(articles, reference_date=SESSION), "000", "signing")


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the package's data directory, in use (libyakit.paths.use_data_dir)."""
    import shutil

    from libyakit import ceasefire
    from libyakit.paths import DATA_DIR, use_data_dir

    shutil.copytree(DATA_DIR, tmp_path / "data")
    with use_data_dir(tmp_path / "data"):
        yield tmp_path / "data"
    for f in (ceasefire.terms, ceasefire.term_kinds, ceasefire._combined):
        f.cache_clear()


def _append(path, row):
    with open(path, "a", encoding="utf-8") as f:
        f.write(row)


@pytest.mark.parametrize(
    "row, message",
    [("elections,fr,vote,\n", "unknown lang"), ("elections,en,(unclosed,\n", "bad cue pattern"),
     ("truce_talks,en,truce talks,\n", "unknown term 'truce_talks'")],
)
def test_broken_term_rows_fail_loudly(data_copy, row, message):
    from libyakit import ceasefire
    from libyakit.errors import DataFileError

    path = data_copy / "ceasefire_terms.csv"
    n = len(path.read_text(encoding="utf-8").splitlines())
    _append(path, row)
    ceasefire.terms.cache_clear()
    with pytest.raises(DataFileError, match=message) as exc:
        ceasefire.terms()
    assert exc.value.row == n + 1


@pytest.mark.parametrize(
    "row, message",
    [("talks,someday,none,1,talks,محادثات,\n", "direction must be"),
     ("talks,future,maybe,1,talks,محادثات,\n", "needs must be one of"),
     ("talks,future,none,0,talks,محادثات,\n", "weight must be a positive number"),
     ("elections,future,none,1,elections,الانتخابات,\n", "duplicate term 'elections'"),
     ("truce_talks,past,none,1,,محادثات,\n", "needs label_en and label_ar")],
)
def test_broken_term_kinds_fail_loudly(data_copy, row, message):
    from libyakit import ceasefire
    from libyakit.errors import DataFileError

    _append(data_copy / "ceasefire_term_kinds.csv", row)
    ceasefire.term_kinds.cache_clear()
    with pytest.raises(DataFileError, match=message):
        ceasefire.term_kinds()


def test_a_new_ceasefire_cue_is_one_row(data_copy):
    """A domain expert adds a cue (here "تم الاتفاق على" for an announcement) as one row of
    ceasefire_terms.csv, and the term is found."""
    from libyakit import ceasefire

    text = "وتم الاتفاق على وقف إطلاق النار يوم 23 أكتوبر 2020 في جنيف."
    before = {r["term"] for r in events_in(text, lang="ar")}
    _append(data_copy / "ceasefire_terms.csv", "announcement,ar,تم الاتفاق على,\n")
    for f in (ceasefire.terms, ceasefire._combined):
        f.cache_clear()
    after = {r["term"] for r in events_in(text, lang="ar")}
    assert "announcement" not in before and "announcement" in after


@pytest.mark.parametrize(
    "text, lang",
    [
        ("في غضون ذلك، عززت روسيا وجودها في البلاد.", "ar"),  # "meanwhile"
        ("وفي غضون ذلك تسعى القوات الموالية للحكومة إلى التقدم.", "ar"),  # ... beside a force word
        ("وذكرت أنه تم سحب حوالي 40 مليار يورو من المصارف اليونانية منذ ديسمبر.", "ar"),
        ("The plan aims to double tourism by 2020.", "en"),
        ("Regulators are monitoring prices closely.", "en"),
    ],
)
def test_force_terms_need_forces_or_the_ceasefire(text, lang):
    terms = {r["term"] for r in events_in(text, lang=lang, article_date=None, reference=None)}
    assert not terms & {"foreign_forces_withdrawal", "withdrawal_deadline", "monitoring"}


def test_the_word_deadline_counts_on_its_own():
    rows = events_in("That deadline passed on Saturday.", lang="en", article_date=pd.Timestamp("2021-01-29").date(),
                     reference=None)
    assert [(r["term"], str(r["date"])) for r in rows] == [("withdrawal_deadline", "2021-01-23")]


@pytest.mark.parametrize(
    "text, lang, term, date",
    [
        ("The UN Security Council met on Thursday to discuss the withdrawal of mercenaries.", "en", "meeting",
         "2021-01-28"),
        ("The ceasefire has largely held since it was agreed last October.", "en", "signing", "2020-10-01"),
        ("التقى وفدا اللجنة العسكرية يوم الخميس لبحث انسحاب المرتزقة.", "ar", "meeting", "2021-01-28"),
    ],
)
def test_meeting_and_agreement_verbs_take_the_date(text, lang, term, date):
    rows = events_in(text, lang=lang, article_date=pd.Timestamp("2021-01-29").date(), reference=None)
    assert (term, date) in {(r["term"], str(r["date"])) for r in rows}


@pytest.mark.parametrize(
    "text, lang, term",
    [
        ("Williams told a press conference that foreign forces must leave under the ceasefire agreement.", "en",
         "conference"),
        ("The talks came after a news conference on the ceasefire deal.", "en", "conference"),
        ("وقالت ويليامز في مؤتمر صحفي إن القوات الأجنبية يجب أن تغادر بموجب اتفاق وقف إطلاق النار.", "ar",
         "conference"),
        ("The Syrian Observatory, a Britain-based war monitor, said 300 fighters left under the ceasefire deal.", "en",
         "monitoring"),
        ("Observers say the truce between the forces is fragile.", "en", "monitoring"),
        ("وبحسب مراقبين فإن اتفاق وقف إطلاق النار بين القوات هش.", "ar", "monitoring"),
        ("ويرى مراقبون أن اتفاق وقف إطلاق النار بين القوات هش.", "ar", "monitoring"),
    ],
)
def test_press_conferences_and_war_monitors_are_not_terms(text, lang, term):
    assert term not in {r["term"] for r in events_in(text, lang=lang, article_date=None, reference=None)}


@pytest.mark.parametrize(
    "text, lang, term",
    [
        ("The ceasefire agreement was reached at the Berlin conference in January.", "en", "conference"),
        ("ودعا مؤتمر برلين إلى نشر مراقبين لمراقبة انسحاب القوات.", "ar", "conference"),
        ("UN monitors will observe the withdrawal of forces.", "en", "monitoring"),
        ("ودعا مؤتمر برلين إلى نشر مراقبين لمراقبة انسحاب القوات.", "ar", "monitoring"),
        ("وأعلنت البعثة أن نحو 300 مراقب سيشرفون على وقف إطلاق النار.", "ar", "monitoring"),
    ],
)
def test_real_conferences_and_monitors_still_are(text, lang, term):
    assert term in {r["term"] for r in events_in(text, lang=lang, article_date=None, reference=None)}


def test_arabic_cues_with_a_proclitic():
    rows = events_in("واتفقت اللجنة في 8 أكتوبر 2021 على خطة لانسحاب تدريجي للمرتزقة والقوات الأجنبية.", lang="ar",
                     article_date=None, reference=None)
    assert [(r["term"], r["surface"], str(r["date"])) for r in rows] == [
        ("foreign_forces_withdrawal", "لانسحاب", "2021-10-08")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("A ceasefire brokered by Russia and Turkey took effect on Jan. 12, 2020, days before world leaders met "
         "at the Berlin conference.", "en"),
        ("The truce that took effect on 12 January 2020 was broken within hours.", "en"),
        ("وقف إطلاق النار الذي دخل حيز التنفيذ في 12 يناير 2020 انهار بعد ساعات.", "ar"),
        ("منذ دخول وقف إطلاق النار حيز التنفيذ في 12 يناير 2020 تراجعت الاشتباكات.", "ar"),
    ],
)
def test_the_ceasefire_taking_effect_is_dated(text, lang):
    rows = events_in(text, lang=lang, article_date=None, reference=None)
    assert ("ceasefire_agreement", "2020-01-12") in [(r["term"], str(r["date"])) for r in rows]


def test_a_call_for_a_ceasefire_is_no_agreement():
    assert events_in("Calls for a ceasefire grew on Jan. 12, 2020.", lang="en", article_date=None, reference=None) == []


def test_by_a_month_is_a_deadline():
    rows = events_in("Foreign fighters were to leave Libya by January 23, 2021, under the deal.", lang="en",
                     article_date=None, reference=None)
    assert ("withdrawal_deadline", "by", "2021-01-23") in [(r["term"], r["surface"], str(r["date"])) for r in rows]


@pytest.mark.parametrize("text, lang", [("وقال إن اللجنة ستجتمع في سرت الأسبوع المقبل لبحث آلية سحب المرتزقة.", "ar"),
                                        ("The committee meets in Sirte next week on the withdrawal of forces.", "en")])
def test_a_meeting_to_come(text, lang):
    assert "meeting" in {r["term"] for r in events_in(text, lang=lang, article_date=None, reference=None)}


def _events(text, date="2021-02-10"):
    arts = pd.DataFrame({"article_id": ["x"], "text": [text], "lang": ["en"], "date": [pd.Timestamp(date)]})
    return ly.extract_ceasefire(arts)


def test_a_date_beside_a_duration_is_where_it_starts():
    ev = _events("Under the October 2020 ceasefire, all foreign forces were to leave within 90 days.")
    deadline = ev[ev.term == "withdrawal_deadline"].iloc[0]
    assert pd.isna(deadline.date)  # counted from a month: not guessed, and October 2020 is no deadline
    agreement = ev[ev.term == "ceasefire_agreement"].iloc[0]
    assert (agreement.date, agreement.date_precision) == (pd.Timestamp("2020-10-01"), "month")
    ev = _events("The committee agreed on Oct. 23, 2020 that all foreign fighters must leave within three months.")
    deadline = ev[ev.term == "withdrawal_deadline"].iloc[0]
    assert (deadline.date, deadline.date_source, deadline.date_surface) == (
        pd.Timestamp("2021-01-23"), "duration", "Oct. 23, 2020")
    # a deadline stated with "by" keeps its own date
    ev = _events("Foreign fighters must leave within three months, by January 23, the committee said.")
    assert pd.Timestamp("2021-01-23") in set(ev.date)


def test_a_dated_ceasefire():
    ev = _events("The 23 October ceasefire called for foreign forces to leave within 90 days.")
    assert list(ev.term) == ["ceasefire_agreement", "withdrawal_deadline"]
    assert list(ev.date) == [pd.Timestamp("2020-10-23"), pd.Timestamp("2021-01-21")]
    assert _events("They may ceasefire soon.").empty  # "may" is no month without its year


def test_an_outlets_name_is_no_monitoring():
    ev = _events("Military sources told the Libya Observer and Middle East Monitor that foreign forces arrived.")
    assert "monitoring" not in set(ev.term)
    ev = _events("Observers will monitor the withdrawal of foreign forces.")
    assert "monitoring" in set(ev.term)


@pytest.mark.parametrize("text, lang, term, date", [
    ("ودخلت الهدنة حيز التنفيذ منتصف ليل السبت.", "ar", "ceasefire_agreement", "2021-02-06"),  # verb first
    ("وأعلن المجلس الرئاسي وقفا فوريا لإطلاق النار في 21 أغسطس 2020.", "ar", "announcement", "2020-08-21"),
    ("The truce, brokered by Russia and Turkey, took effect on January 12.", "en", "ceasefire_agreement", "2021-01-12"),
])
def test_more_ways_to_say_it(text, lang, term, date):
    arts = pd.DataFrame({"article_id": ["x"], "text": [text], "lang": [lang], "date": [pd.Timestamp("2021-02-10")]})
    ev = ly.extract_ceasefire(arts)
    assert (ev.term.iloc[0], ev.date.iloc[0]) == (term, pd.Timestamp(date))


@pytest.mark.parametrize(
    "text, lang, date",
    [
        ("The arms embargo was breached again last June, the panel said.", "en", "2020-06-01"),
        ("وقالت اللجنة إن حظر الأسلحة خرق مجددا في يونيو الماضي.", "ar", "2020-06-01"),
        ("وقالت اللجنة إن حظر الأسلحة سيراجع في يونيو المقبل.", "ar", "2021-06-01"),
    ],
)
def test_a_date_the_text_places_resolves_that_way(text, lang, date):
    """A year-less month placed by last/الماضي or next/المقبل takes that direction, not the term's
    (an embargo's date is otherwise the nearest: June of an article of March 2021 would be 2021)."""
    rows = events_in(text, lang=lang, article_date=pd.Timestamp("2021-03-01").date())
    embargo = [r for r in rows if r["term"] == "arms_embargo"]
    assert embargo and str(embargo[0]["date"]) == date
