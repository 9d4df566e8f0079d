"""The gazetteer: every row is checked, and broken rows fail loudly."""


import pytest

from libyakit import gazetteer
from libyakit.errors import DataFileError
from libyakit.gazetteer import KINDS, actors_table, alias_entries


def test_every_actor_row():
    actors = actors_table()
    assert actors.index.is_unique
    for aid, row in actors.iterrows():
        assert row["kind"] in KINDS, aid
        assert row["name_en"] and row["name_ar"], aid
        if row["kind"] == "state":
            assert len(aid) == 3 and aid.isupper(), aid
        if row["backs"]:
            assert row["backs"] in actors.index, aid


def test_every_alias_maps_to_a_known_actor_and_is_unique():
    actors = actors_table()
    seen = {}
    for e in alias_entries():
        assert e.actor_id in actors.index
        other = seen.setdefault((e.lang, e.key), e.actor_id)
        assert other == e.actor_id, (e.alias, other, e.actor_id)


def test_required_actors_present():
    ids = set(actors_table().index)
    assert {"LBY", "TUR", "RUS", "USA", "ARE", "EGY", "SYR", "SDN", "TCD", "FRA", "ITA", "QAT", "SAU",
            "JOR", "MAR", "DEU", "un", "unsc", "unsmil", "nato", "gna", "lna", "hor", "wagner", "jmc",
            "haftar", "sarraj", "aguila_saleh", "mills", "guterres", "williams", "nebenzia", "erdogan",
            "putin", "biden", "trump", "gaddafi", "afp"} <= ids


def test_state_names_come_from_cldr():
    actors = actors_table()
    assert actors.loc["LBY", "name_ar"] == "ليبيا"
    assert actors.loc["ARE", "name_en"] == "United Arab Emirates"


def test_nobody_owns_al_muttahida_alone():
    keys = {e.key for e in alias_entries()}
    assert "المتحده" not in keys


def _with_data(tmp_path, monkeypatch, actors_rows=None, alias_rows=None, state_rows=None):
    src = gazetteer.data_path("actors.csv").parent
    for name, extra in (("actors.csv", actors_rows), ("aliases.csv", alias_rows), ("states.csv", state_rows)):
        text = (src / name).read_text(encoding="utf-8")
        if extra:
            text += "".join(extra)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(gazetteer, "data_path", lambda name: tmp_path / name)
    actors_table.cache_clear()
    alias_entries.cache_clear()


@pytest.fixture(autouse=True)
def _clear_caches():
    yield
    actors_table.cache_clear()
    alias_entries.cache_clear()


@pytest.mark.parametrize(
    "actors_rows, alias_rows, message",
    [
        (["xx,martian,,X,س,,,\n"], None, "unknown kind 'martian'"),
        (["LBY,state,LY,,,,,\n"], None, "duplicate actor_id 'LBY'"),
        (["XYZ,state,QQ,,,,,\n"], None, "unknown iso2 'QQ'"),
        (["yy,person,,Y,ص,,nobody,\n"], None, "backs unknown actor 'nobody'"),
        (["zz,person,,Z,ض,maybe,,\n"], None, "libyan must be 'yes' or empty"),
        (None, ["ghost,en,Ghost,name,\n"], "unknown actor 'ghost'"),
        (None, ["RUS,fr,Russie,name,\n"], "unknown lang 'fr'"),
        (None, ["RUS,ar,روسيا,name,\n"], "duplicate alias"),
        (None, ["TUR,ar,المتحدة الروسية,name,\n", "RUS,ar,المتحدة الروسية,variant,\n"], "duplicate alias"),
        (None, ["EGY,en,Russian,demonym,\n"], "already an alias of 'RUS'"),
        (None, ["EGY,ar,روسية,variant,\n"], "claimed by both"),  # a nisba form of روسي
    ],
)
def test_broken_rows_fail_loudly(tmp_path, monkeypatch, actors_rows, alias_rows, message):
    _with_data(tmp_path, monkeypatch, actors_rows, alias_rows)
    with pytest.raises(DataFileError, match=message) as exc:
        alias_entries()
    assert exc.value.path.endswith(".csv")


@pytest.mark.parametrize(
    "state_row, message",
    [
        ("IR,IQ,member,,,\n", "is not an ISO 3166-1 alpha-3 code"),
        ("XYZ,QQ,member,,,\n", "unknown iso2 'QQ'"),
        ("XYZ,IQ,member,,,\n", "duplicate state"),
        ("XYZ,XK,partly,,,\n", "status must be one of"),
        ("TUR,GR,member,,,\n", "duplicate state"),
    ],
)
def test_broken_state_rows_fail_loudly(tmp_path, monkeypatch, state_row, message):
    _with_data(tmp_path, monkeypatch, state_rows=[state_row])
    with pytest.raises(DataFileError, match=message) as exc:
        actors_table()
    assert exc.value.path.endswith("states.csv") and exc.value.row > 190


def test_every_un_member_is_a_state():
    """193 members from data/states.csv; names from CLDR unless the file overrides them."""
    import csv

    rows = list(csv.DictReader(open(gazetteer.data_path("states.csv"), encoding="utf-8")))
    assert sum(r["status"] == "member" for r in rows) == 193
    t = actors_table()
    states = t[t["kind"] == "state"]
    for code, en, ar in [("UKR", "Ukraine", "أوكرانيا"), ("MLI", "Mali", "جمهورية مالي"), ("BFA", "Burkina Faso", None),
                         ("CAF", "Central African Republic", None), ("LBN", "Lebanon", "لبنان"), ("IRQ", "Iraq", "العراق"),
                         ("COD", "Democratic Republic of the Congo", "الكونغو الديمقراطية"), ("PSE", "Palestine", "فلسطين")]:
        assert states.loc[code, "name_en"] == en
        if ar:
            assert states.loc[code, "name_ar"] == ar
    assert not states["name_en"].str.contains(r"[()&]| - ").any()  # no CLDR display forms


@pytest.mark.parametrize(
    "text, expected",
    [
        ("زار الوزير العراق واليمن ولبنان", ["IRQ", "YEM", "LBN"]),
        ("قدمت دعما ماليا ودعم مالي للوضع المالي", []),  # مالي: "financial", not Mali
        ("قوات فرنسية في جمهورية مالي", ["FRA", "MLI"]),
        ("Fighters came from Chad, Mali, Burkina Faso and the Central African Republic", ["TCD", "MLI", "BFA", "CAF"]),
        ("سافر إلى أوكرانيا ثم إلى بوركينا فاسو", ["UKR", "BFA"]),
    ],
)
def test_states_from_cldr_are_found(text, expected):
    from libyakit.actors import mentions_in

    assert [m.actor_id for m in mentions_in(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("الجنود الأوكرانيين", ["UKR"]),
        ("وكالة الأنباء اليابانية", ["JPN"]),
        ("الرئيس اليمني", ["YEM"]),
        ("مصالح مالية واسعة", []),  # مالي is no nisba of Mali here: "financial"
        ("اغتيال جون كندي", []),  # كندي is Kennedy, not Canadian
    ],
)
def test_nisbas_of_the_states_from_states_csv(text, expected):
    from libyakit.actors import mentions_in

    assert [m.actor_id for m in mentions_in(text)] == expected


def test_a_broken_nisba_names_its_line(tmp_path, monkeypatch):
    _with_data(tmp_path, monkeypatch, state_rows=["ATA,AQ,other,,,Antarctic-ish,\n"])
    gazetteer._state_nisbas.cache_clear()
    try:
        with pytest.raises(DataFileError, match="is not one Arabic word"):
            alias_entries()
    finally:
        gazetteer._state_nisbas.cache_clear()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ظهر أبو يحيى التونسي في التسجيل", []),  # a nisba in a nom de guerre
        ("مقاتلون من المغرب العربي وسورية", ["SYR"]),  # the Maghreb is a region, not Morocco
        ("وصل المقاتل التونسي إلى سرت", ["TUN"]),
        ("زار الوفد المغرب أمس", ["MAR"]),
    ],
)
def test_names_and_regions_that_are_no_state(text, expected):
    from libyakit.actors import mentions_in

    assert [m.actor_id for m in mentions_in(text)] == expected
