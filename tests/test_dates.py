"""Dates: both Arabic month series, English abbreviations, weekdays, inference without 'today'."""

import datetime as dt

import pytest

from libyakit.dates import find_dates, resolve

REF = dt.date(2021, 1, 29)  # a Friday


def only(text):
    ds = find_dates(text)
    assert len(ds) == 1, ds
    d = ds[0]
    assert text[d.start:d.end] == d.surface
    return d


@pytest.mark.parametrize(
    "text, ymd",
    [
        ("23 أكتوبر 2020", (2020, 10, 23)),
        ("23 تشرين الأول 2020", (2020, 10, 23)),  # Levantine series
        ("في 4 أبريل 2019.", (2019, 4, 4)),
        ("٢٣ أكتوبر ٢٠٢٠", (2020, 10, 23)),
        ("October 23, 2020", (2020, 10, 23)),
        ("Oct. 23", (None, 10, 23)),
        ("23 يناير", (None, 1, 23)),
        ("آب 2020", (2020, 8, None)),
        ("أيلول", (None, 9, None)),
        ("أكتوبر / تشرين الأول", (None, 10, None)),  # one month, said twice
        ("since 2011", (2011, None, None)),
        ("عام 2019", (2019, None, None)),
    ],
)
def test_find(text, ymd):
    d = only(text)
    assert (d.year, d.month, d.day) == ymd


def test_may_the_verb_is_not_a_month():
    assert find_dates("they may leave") == []


@pytest.mark.parametrize(
    "text, direction, expected",
    [
        ("23 أكتوبر", "past", dt.date(2020, 10, 23)),
        ("23 يناير", "nearest", dt.date(2021, 1, 23)),
        ("24 ديسمبر", "future", dt.date(2021, 12, 24)),
        ("24 ديسمبر", "past", dt.date(2020, 12, 24)),
        ("21 أغسطس", "past", dt.date(2020, 8, 21)),
    ],
)
def test_year_inferred_from_reference(text, direction, expected):
    date, inferred = resolve(only(text), article_date=None, reference=REF, direction=direction)
    assert (date, inferred) == (expected, True)


@pytest.mark.parametrize(
    "text, expected",
    [("passed on Saturday", dt.date(2021, 1, 23)), ("told reporters Thursday", dt.date(2021, 1, 28)),
     ("الخميس", dt.date(2021, 1, 28)), ("on Friday", dt.date(2021, 1, 29))],
)
def test_weekday_against_article_date(text, expected):
    assert resolve(only(text), article_date=REF, reference=None) == (expected, False)


def test_weekday_without_article_date_stays_unknown():
    assert resolve(only("on Saturday"), article_date=None, reference=REF) == (None, False)


def test_no_reference_no_year():
    assert resolve(only("23 يناير"), article_date=None, reference=None) == (None, False)


@pytest.mark.parametrize("text", ["30 فبراير", "31 April", "30 February 2020"])
def test_impossible_days_resolve_to_nothing(text):
    # found in SaudiNewsNet: must not crash the whole pipeline
    assert resolve(only(text), article_date=None, reference=REF) == (None, False)


@pytest.mark.parametrize(
    "text, surface, ymd",
    [
        ("أعلنت اللجنة يوم الأحد 12 يناير 2020 أن", "الأحد 12 يناير 2020", (2020, 1, 12)),
        ("signed on Sunday, 12 January 2020 in Moscow", "Sunday, 12 January 2020", (2020, 1, 12)),
        ("الخميس، 5 مارس", "الخميس، 5 مارس", (None, 3, 5)),
    ],
)
def test_a_weekday_with_its_date_is_one_mention(text, surface, ymd):
    (d,) = find_dates(text)
    assert (d.surface, (d.year, d.month, d.day), d.weekday) == (surface, ymd, None)


def test_a_weekday_apart_from_a_date_stays_a_weekday():
    ds = find_dates("passed on Saturday and took effect on 3 May")
    assert [(d.surface, d.weekday) for d in ds] == [("Saturday", 5), ("3 May", None)]


@pytest.mark.parametrize(
    "text, surface, ymd",
    [
        ("وقع الاتفاق في 23/10/2020 في جنيف", "23/10/2020", (2020, 10, 23)),  # day first
        ("signed on 10/23/2020", "10/23/2020", (2020, 10, 23)),  # 23 cannot be a month
        ("بتاريخ 2020/10/23", "2020/10/23", (2020, 10, 23)),
        ("on 2020-10-23 in Geneva", "2020-10-23", (2020, 10, 23)),
        ("٢٣/١٠/٢٠٢٠", "٢٣/١٠/٢٠٢٠", (2020, 10, 23)),
        ("on the 23rd of October", "23rd of October", (None, 10, 23)),
        ("في الثالث والعشرين من أكتوبر", "الثالث والعشرين من أكتوبر", (None, 10, 23)),
        ("في الخامس عشر من يناير 2020", "الخامس عشر من يناير 2020", (2020, 1, 15)),
        ("في الأول من شهر مارس", "الأول من شهر مارس", (None, 3, 1)),
        ("الحادي والثلاثين من ديسمبر", "الحادي والثلاثين من ديسمبر", (None, 12, 31)),
    ],
)
def test_numeric_and_ordinal_days(text, surface, ymd):
    (d,) = find_dates(text)
    assert (d.surface, (d.year, d.month, d.day)) == (surface, ymd)


def test_a_numeric_day_is_not_read_as_a_bare_year():
    # before numeric days were read, "23/10/2020" gave the year 2020 alone: a signing dated 1 January
    assert [d.precision for d in find_dates("وقع الاتفاق في 23/10/2020")] == ["day"]


def test_every_arabic_ordinal_day_once():
    from libyakit.dates import ORDINAL_DAYS as AR_ORDINAL_DAYS

    assert sorted(set(AR_ORDINAL_DAYS.values())) == list(range(1, 32))
    assert find_dates("وهو الأول من نوعه") == []  # an ordinal without a month is no date


@pytest.mark.parametrize(
    "text, expected",
    [("في 23/10/2020م وقع الاتفاق", (2020, 10, 23)),  # م marks the Gregorian year
     ("عام 2020م", (2020, None, None)),
     ("يوم الجمعة الموافق 23 أكتوبر 2020", (2020, 10, 23))])  # a weekday "corresponding to" its date: one date
def test_gregorian_mark_and_corresponding_weekday(text, expected):
    (d,) = find_dates(text)
    assert (d.year, d.month, d.day) == expected and text[d.start:d.end] == d.surface


@pytest.mark.parametrize(
    "text, expected",
    [("في 23 جانفي 2021", (2021, 1, 23)), ("في 23 أوت 2020", (2020, 8, 23)), ("في 5 ماي", (None, 5, 5)),
     ("منذ جويلية 2019", (2019, 7, None)), ("يوم 12 فيفري 2020", (2020, 2, 12))],
)
def test_maghrebi_month_names(text, expected):
    (d,) = find_dates(text)
    assert (d.year, d.month, d.day) == expected


def test_a_maghrebi_month_that_is_also_a_name_needs_a_day_or_a_year():
    assert find_dates("وقالت رئيسة الوزراء تيريزا ماي إن") == []


@pytest.mark.parametrize("text, surfaces", [
    ("the arms embargo established by resolution 1970 (2011)", ["2011"]),  # a resolution's number is no year
    ("قرار مجلس الأمن رقم 1970 لسنة 2011", ["2011"]),
    ("the Secretary-General's report (S/2021/62)", []),  # nor a document symbol
    ("in 2019 and 2020", ["2019", "2020"]),
])
def test_numbers_that_are_not_years(text, surfaces):
    assert [d.surface for d in find_dates(text)] == surfaces


@pytest.mark.parametrize("text, expected", [
    ("المنعقد في مدينة سرت يومي 7 و8 أكتوبر 2021", (2021, 10, 7)),  # two days: the first
    ("talks on 7-8 October 2021", (2021, 10, 7)),
])
def test_two_days_of_one_month(text, expected):
    (d,) = find_dates(text)
    assert (d.year, d.month, d.day) == expected


# ---------------------------------------------------------------- extract_dates: dated events

def _dates(text, article_date=None):
    import pandas as pd

    from libyakit import extract_dates

    arts = pd.DataFrame({"article_id": ["a"], "date": [pd.Timestamp(article_date) if article_date else pd.NaT],
                         "text": [text]})
    rows = extract_dates(arts, progress=False)
    for r in rows.itertuples():
        assert text[r.start:r.end] == r.surface
    return rows


@pytest.mark.parametrize(
    "text, article_date, dates",
    [
        ("On 22 May 2021, the committee met.", None, ["2021-05-22"]),
        ("وفي الـ24 من ديسمبر اجتمعت اللجنة.", "2021-12-30", ["2021-12-24"]),
        ("وكان الاتفاق فى 23 أكتوبر الماضى.", "2021-02-01", ["2020-10-23"]),  # Egyptian spelling, last October
        ("ومنذ يونيو (حزيران) الماضي لم يتغير شيء.", "2015-07-21", ["2015-06"]),  # one month, written twice
        ("The fighters arrived last October.", "2021-02-01", ["2020-10"]),
        ("وستجرى الانتخابات في ديسمبر المقبل.", "2021-02-01", ["2021-12"]),
        ("منذ عام 2011وحتى الآن", None, ["2011"]),  # a year glued to the next word
        ("since February 2020", None, ["2020-02"]),
        ("The talks resumed on 23 October.", None, ["--10-23"]),  # no article date: year unknown, not borrowed
    ],
)
def test_dated_events(text, article_date, dates):
    assert list(_dates(text, article_date)["date"]) == dates


@pytest.mark.parametrize(
    "text",
    [
        "The vote is in May.",  # a month alone places nothing
        "The UN envoy Jan Kubis met them.",  # a month name that is a person's name
        "وقالت تيريزا ماي إن الحل سياسي.",
        "They met on Saturday.",  # a weekday alone
        "Resolution 1970 imposed an arms embargo.",  # a resolution's number
    ],
)
def test_no_dated_event(text):
    assert _dates(text, "2021-02-01").empty


def test_year_comes_from_the_article_itself_never_another():
    import pandas as pd

    from libyakit import extract_dates

    arts = pd.DataFrame({"article_id": ["a", "b"], "date": [pd.Timestamp("2019-05-01"), pd.NaT],
                         "text": ["The truce of 23 October held.", "The truce of 23 October held."]})
    rows = extract_dates(arts, progress=False).set_index("article_id")
    assert rows.loc["a", "date"] == "2019-10-23" and bool(rows.loc["a", "year_inferred"])
    assert rows.loc["b", "date"] == "--10-23" and pd.isna(rows.loc["b", "year"])


@pytest.mark.parametrize(
    "text, day",
    [
        ("طرابلس 11 نوفمبر 2021 (رويترز) - قال مسؤولون ليبيون إن اللجنة اجتمعت.", "2021-11-11"),
        ("October 23, 2020 - 14:38\nThe Joint Military Commission signed a ceasefire.", "2020-10-23"),
        ("London, 4 November 2020\n\nThe commission met in Ghadames on Tuesday.", "2020-11-04"),
        ("On 23 October 2020 the rivals signed a ceasefire in Geneva, the UN said on Friday.", None),  # an event
    ],
)
def test_the_dateline_dates_the_article_and_is_no_event(tmp_path, text, day):
    import libyakit as ly

    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    arts = ly.load_articles(tmp_path, progress=False)
    got = arts["date"].iloc[0]
    assert (None if pd_isna(got) else got.strftime("%Y-%m-%d")) == day
    events = ly.extract_dates(arts, progress=False)
    assert (day is None) == (len(events) == 1)  # the dateline is the article's date, not one of its events


def pd_isna(x):
    import pandas as pd

    return pd.isna(x)


@pytest.mark.parametrize(
    "text, article_date, dates",
    [
        ("في الفترة من يونيو 2014 ويناير 2015 تراجعت الأسعار.", None, ["2014-06", "2015-01"]),  # و before a month
        ("ولد في 20 يوليو (تموز) سنة 1974 في طرابلس.", None, ["1974-07-20"]),  # سنة before the year
        ("منذ أول أكتوبر (تشرين الأول) سنة 1973", None, ["1973-10-01"]),
        ("The elections set for December 24 did not take place.", "2022-05-28", ["2021-12-24"]),  # the nearest year
        ("MOSCOW (Sputnik - 23rd October, 2020) The commission met.", None, []),  # a dateline, no event
        ("May 26 (UPI) -- Russian jets were deployed to Libya.", "2020-05-26", []),
    ],
)
def test_more_dated_events(text, article_date, dates):
    assert list(_dates(text, article_date)["date"]) == dates


def test_a_dateline_with_its_agency_in_parentheses_dates_the_article(tmp_path):
    import libyakit as ly

    (tmp_path / "a.txt").write_text("طرابلس 11 نوفمبر 2021 (شينخوا) أعلنت اللجنة إخراج 300 مرتزق في أغسطس الماضي.",
                                    encoding="utf-8")
    arts = ly.load_articles(tmp_path, progress=False)
    assert arts["date"].iloc[0].strftime("%Y-%m-%d") == "2021-11-11"
    assert list(ly.extract_dates(arts, progress=False)["date"]) == ["2021-08"]


@pytest.mark.parametrize(
    "text, article_date, dates",
    [
        # a year the conjunction و is glued to, in a list of years
        ("تراجع الإنتاج في أعوام 2012 و2013 و2014 بسبب الإغلاق.", None, ["2012", "2013", "2014"]),
        ("وارتفعت الواردات بين 2003 و2009 ثم استقرت.", None, ["2003", "2009"]),
        ("Output fell in 2012 and 2013.", None, ["2012", "2013"]),
        ("وصل الوفد يوم و2019 كلمة", None, ["2019"]),  # (a و standing alone before it)
        # a day and month that name an event (a revolution) date nothing: its year is not the article's
        ("وشارك آلاف في ذكرى ثورة 14 أكتوبر في الساحة.", "2015-07-01", []),
        ("وقد قمعت السلطات انتفاضة الخامس من مارس بالقوة.", "2015-07-01", []),
        ("Crowds marked the anniversary of the October 14 Revolution in the square.", "2015-07-01", []),
        ("وقعت الحادثة في 14 أكتوبر الماضي قرب الحدود.", "2015-07-01", ["2014-10-14"]),  # no revolution: a date
        # a whole date alone on its line (but for a weekday or a time) is a page's timestamp
        ("The talks went on in Geneva.\nWednesday 09/06/2021\nThe envoy said little.", None, []),
        ("واستمرت المحادثات في جنيف.\n9 يونيو 2021 - 14:30\nولم يصرح المبعوث بشيء.", None, []),
        ("واستمرت المحادثات في جنيف منذ 9 يونيو 2021 دون نتيجة.", None, ["2021-06-09"]),
        # an agency's dateline further down a page (a caption before it) is the article's own date
        ("A caption of the picture, courtesy of the navy, that runs on for a while and then some more, "
         "with the photographer's name and the place the picture was taken, and more words after that "
         "to push the dateline well past the top of the page.\n\nJune 3 (AFP) -- The frigate left port.",
         "2021-06-03", []),
    ],
)
def test_dated_event_readings(text, article_date, dates):
    """Real articles list years with a glued و, name revolutions by their day, and carry timestamps
    and datelines in page chrome (invented sentences)."""
    assert list(_dates(text, article_date)["date"]) == dates


@pytest.mark.parametrize(
    "text, article_date, dates",
    [
        ("وقالت المصادر إن الاشتباكات دارت بين العاشر والثالث عشر من الشهر الماضي.", "2019-03-05",
         ["2019-02-10", "2019-02-13"]),
        ("وتعقد اللجنة اجتماعها في 5 من هذا الشهر.", "2019-03-01", ["2019-03-05"]),
        ("ويصل الوفد في الثاني من الشهر المقبل.", "2019-12-20", ["2020-01-02"]),
        ("ويصل الوفد في الثاني من الشهر المقبل.", None, []),  # no article date: which month is not known
        ("وقع ذلك في الخامس من الشهر.", "2019-03-05", []),  # which month is not said
    ],
)
def test_days_of_a_month_named_by_its_place(text, article_date, dates):
    assert list(_dates(text, article_date)["date"]) == dates


@pytest.mark.parametrize(
    "text, dates",
    [
        ("وتسلم سلاح الجو طائرات «ميراج 2000» المعدلة.", []),
        ("The plan, branded “Vision 2030”, was unveiled.", []),
        ("وقال الوزير: «سننسحب قبل نهاية 2021»، ثم غادر.", ["2021"]),  # a quotation ending with a year: a year
    ],
)
def test_a_number_that_ends_a_quoted_name_is_no_year(text, dates):
    assert list(_dates(text)["date"]) == dates


@pytest.mark.parametrize(
    "text, date",
    [
        ("وصل الوفد إلى دمشق في 3 تشرين ثاني 2020.", "2020-11-03"),  # Levantine, without the article
        ("وانطلقت المحادثات في الرباط يوم 12 شتنبر 2020.", "2020-09-12"),  # Moroccan spellings
        ("وأعلن عن الاتفاق في 5 دجنبر 2019.", "2019-12-05"),
    ],
)
def test_month_spellings_of_each_variety(text, date):
    assert list(_dates(text)["date"]) == [date]


def test_a_new_month_spelling_is_one_row(tmp_path):
    """A domain expert adds a month spelling (here an invented one) as one row of a calendar table in
    a copy of the data directory (``LIBYAKIT_DATA_DIR``); dates with it are found, and a broken row
    names its file and line. (The calendar is read when libyakit.dates is imported: a fresh process.)"""
    import os
    import shutil
    import subprocess
    import sys

    from libyakit.paths import DATA_DIR

    shutil.copytree(DATA_DIR, tmp_path / "data")
    table = tmp_path / "data" / "lexicon" / "calendar_ar-maghreb.csv"
    probe = "from libyakit.dates import find_dates; print([d.surface for d in find_dates('وعقد الاجتماع في 4 اغسطوس 2021 في تونس.')])"
    env = {**os.environ, "LIBYAKIT_DATA_DIR": str(tmp_path / "data")}

    def run():
        return subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)

    assert run().stdout.strip() == "['2021']"
    with open(table, "a", encoding="utf-8") as f:
        f.write("ar,اغسطوس,month,8,yes,an invented spelling\n")
    assert run().stdout.strip() == "['4 اغسطوس 2021']"
    n = len(table.read_text(encoding="utf-8").splitlines())
    with open(table, "a", encoding="utf-8") as f:
        f.write("ar,اغسطسو,month,13,yes,\n")
    err = run().stderr
    assert "calendar_ar-maghreb.csv" in err and f"line {n + 1}" in err and "a month needs a value" in err


@pytest.mark.parametrize(
    "text, months",
    [
        ("UN envoy Jan Kubis briefed the council.", []),  # a name, not January
        ("The envoy, Jan Kubis, left.", []),
        ("The vote slipped to Jan. The envoy left.", [1]),  # an abbreviation with its full stop
        ("The vote slipped to Jan and then to March.", [1, 3]),
        ("In May Haftar's forces moved west.", [5]),  # a full name keeps its month
    ],
)
def test_a_month_abbreviation_before_a_name_is_no_month(text, months):
    assert [d.month for d in find_dates(text)] == months


def test_the_candidate_scan_finds_what_the_whole_pattern_finds():
    """find_dates tries its pattern only where a date can start (digits, calendar words found by an
    automaton): the same matches as the pattern run at every character, on invented strings."""
    import random

    from libyakit import dates

    toks = (list(dates.MONTHS) + list(dates.WEEKDAYS) + list(dates.ORDINAL_DAYS)
            + ["عام", "سنة", "من", "of", "23", "2020", "1", "12/10/2020", "2020-10-23", "و", "ب", "ك", "ال", "الـ",
               "_", "-", "/", ",", "(", ")", ".", "May", "MAY", "وعام", "x", "٢٠٢٠", "م", "st", "and", "شهر", "«", "»"])
    rng = random.Random(3)
    for _ in range(4000):
        text = "".join(rng.choice(toks) + rng.choice([" ", "", " ", "  ", "\n"]) for _ in range(rng.randint(1, 12)))
        spans = [(m.start(), m.end()) for m in dates._PATTERN.finditer(text)]
        assert [(m.start(), m.end()) for m in dates._date_matches(text)] == spans, text
