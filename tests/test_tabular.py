"""Tabular corpora: CSV, JSON Lines and Parquet files, and folders of them."""

import json

import pandas as pd
import pytest

import libyakit as ly
from libyakit import CorpusError

ROWS = [
    {"id": "a1", "date": "2021-01-29", "title": "عنوان", "source": "وكالة", "url": "http://x/1",
     "content": "قدرت الأممالمتحدة بنحو 20 ألفاً عدد المرتزقة في ليبيا."},
    {"id": "a2", "date": "2021-01-30 18:19:14", "title": "Title", "source": "AP", "url": "http://x/2",
     "content": "The U.N. estimates there are some 20,000 foreign troops in Libya."},
]


def _write(tmp_path, kind, rows=ROWS):
    frame = pd.DataFrame(rows)
    f = tmp_path / f"corpus.{kind}"
    if kind == "csv":
        frame.to_csv(f, index=False)
    elif kind == "jsonl":
        f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    else:
        frame.to_parquet(f)
    return f


@pytest.mark.parametrize("kind", ["csv", "jsonl", "parquet"])
def test_tabular_formats(tmp_path, kind):
    df = ly.load_articles(_write(tmp_path, kind))
    assert list(df["article_id"]) == ["a1", "a2"]
    assert list(df["lang"]) == ["ar", "en"]
    assert list(df["date"].dt.strftime("%Y-%m-%d")) == ["2021-01-29", "2021-01-30"]
    assert list(df["source"]) == ["وكالة", "AP"] and list(df["url"]) == ["http://x/1", "http://x/2"]
    assert "الأمم المتحدة" in df.loc[0, "text"] and df.loc[0, "n_joined_fixed"] == 1  # same repair
    assert df.loc[0, "path"].endswith("row 1")


def test_folder_of_tables_and_texts(tmp_path):
    _write(tmp_path, "csv")
    (tmp_path / "z.txt").write_text("نص عربي قصير عن ليبيا.", encoding="utf-8")
    df = ly.load_articles(tmp_path)
    assert list(df["article_id"]) == ["a1", "a2", "z"]


def test_missing_text_column_names_the_file(tmp_path):
    f = _write(tmp_path, "csv", [{"id": "x", "headline": "no text here"}])
    with pytest.raises(CorpusError, match=r"corpus\.csv: no text column"):
        ly.load_articles(f)


def test_text_column_override(tmp_path):
    f = _write(tmp_path, "csv", [{"id": "x", "story": "The U.N. said so."}])
    assert ly.load_articles(f, text_column="story").loc[0, "lang"] == "en"


def test_ids_default_to_file_and_row(tmp_path):
    f = _write(tmp_path, "jsonl", [{"text": "Libya one."}, {"text": "Libya two."}])
    assert list(ly.load_articles(f)["article_id"]) == ["corpus-000000", "corpus-000001"]


def test_empty_row_raises_or_warns(tmp_path):
    f = _write(tmp_path, "csv", [{"id": "ok", "text": "Libya."}, {"id": "bad", "text": ""}])
    with pytest.raises(CorpusError, match=r"row 2 \(article_id 'bad'\): empty article text"):
        ly.load_articles(f)
    with pytest.warns(UserWarning, match=r"skipped 1 of 2 .*row 2 \(article_id 'bad'\): empty article text"):
        df = ly.load_articles(f, errors="warn")
    assert list(df["article_id"]) == ["ok"]
    assert df.attrs["problems"][0]["path"].endswith("row 2")
    assert df.attrs["problems"][0]["article_id"] == "bad"


def test_a_bad_json_line_is_named(tmp_path):
    f = tmp_path / "corpus.jsonl"
    f.write_text('{"id": "a", "text": "Libya."}\n\n{"id": "b", "text": null}\nnot json\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 4 is not valid JSON .*'not json'"):
        ly.load_articles(f)
    f.write_text('{"id": "a", "text": "Libya."}\n["a list"]\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2 is not a JSON object"):
        ly.load_articles(f)


def test_unreadable_table(tmp_path):
    f = tmp_path / "broken.parquet"
    f.write_bytes(b"not parquet at all")
    with pytest.raises(CorpusError, match="broken.parquet: cannot read as parquet"):
        ly.load_articles(f)


def test_duplicate_ids_rejected(tmp_path):
    f = _write(tmp_path, "csv", [{"id": "x", "text": "Libya."}, {"id": "x", "text": "Libya again."}])
    with pytest.raises(CorpusError, match="more than one"):
        ly.load_articles(f)


def test_bad_dates_warn_and_become_nat(tmp_path):
    f = _write(tmp_path, "csv", [{"id": "x", "date": "yesterday-ish", "text": "Libya."}])
    with pytest.warns(UserWarning, match="unreadable dates"):
        df = ly.load_articles(f)
    assert df["date"].isna().all()


def test_dates_in_many_forms(tmp_path):
    rows = [{"id": str(i), "date": d, "text": f"Libya {i}."} for i, d in enumerate([
        "2020-10-23T23:30:00-05:00",  # the day as written, whatever the zone
        "2020-10-24 10:00",
        "25/10/2020",  # day first: 25 cannot be a month ...
        "03/11/2020",  # ... so this column puts the day first: 3 November
        "October 23, 2020",
        "23 أكتوبر 2020",
        "1603440000",  # Unix time: 2020-10-23 08:00 UTC
    ])]
    df = ly.load_articles(_write(tmp_path, "csv", rows)).set_index("article_id")
    assert [str(d.date()) for d in df["date"]] == [
        "2020-10-23", "2020-10-24", "2020-10-25", "2020-11-03", "2020-10-23", "2020-10-23", "2020-10-23"]


def test_month_first_columns_and_ambiguous_ones(tmp_path):
    f = _write(tmp_path, "csv", [{"id": "a", "date": "10/23/2020", "text": "Libya."},
                                 {"id": "b", "date": "03/04/2020", "text": "Libya."}])
    assert [str(d.date()) for d in ly.load_articles(f)["date"]] == ["2020-10-23", "2020-03-04"]
    f = _write(tmp_path, "csv", [{"id": "a", "date": "03/04/2020", "text": "Libya."}])
    with pytest.warns(UserWarning, match="could be day/month or month/day"):
        df = ly.load_articles(f)
    assert str(df["date"][0].date()) == "2020-04-03"


@pytest.mark.parametrize("encoding, expect", [("cp1256", "cp1256"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16")])
def test_csv_in_other_encodings(tmp_path, encoding, expect):
    # Excel on an Arabic Windows machine saves CSV as Windows-1256
    f = tmp_path / "excel.csv"
    f.write_bytes(pd.DataFrame(ROWS[:1]).to_csv(index=False).encode(encoding))
    df = ly.load_articles(f)
    assert df.loc[0, "article_id"] == "a1" and df.loc[0, "title"] == "عنوان"
    assert df.loc[0, "encoding"] == expect
    assert "الأمم المتحدة" in df.loc[0, "text"]


def test_csv_undecodable_names_the_file(tmp_path):
    f = tmp_path / "bad.csv"
    # mostly English with Arabic in cp1256: neither mostly Arabic, nor Western prose in cp1252
    f.write_bytes("id,text\nx,The Libyan National Army (الجيش الوطني الليبي) said so.\n".encode("cp1256"))
    with pytest.raises(CorpusError, match=r"bad\.csv: cannot decode"):
        ly.load_articles(f)


def test_json_array_and_object(tmp_path):
    # an array of article objects (as SaudiNewsNet's daily files are), or an object holding one
    (tmp_path / "day.json").write_text(json.dumps(ROWS, ensure_ascii=False), encoding="utf-8")
    df = ly.load_articles(tmp_path / "day.json")
    assert list(df["article_id"]) == ["a1", "a2"] and set(df["encoding"]) == {"json"}
    assert "الأمم المتحدة" in df.loc[0, "text"]
    (tmp_path / "wrapped.json").write_text(json.dumps({"meta": {"n": 2}, "articles": ROWS}), encoding="utf-8")
    assert list(ly.load_articles(tmp_path / "wrapped.json")["article_id"]) == ["a1", "a2"]


@pytest.mark.parametrize("content, reason", [("{not json", "not valid JSON"), ('{"a": 1}', "exactly one list"),
                                             ("[1, 2]", "array of article objects")])
def test_bad_json_names_the_file(tmp_path, content, reason):
    f = tmp_path / "bad.json"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=reason):
        ly.load_articles(f)


def test_files_that_are_no_articles(tmp_path):
    (tmp_path / "a.txt").write_text("نص عربي قصير عن ليبيا.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("my notes", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"1 file\(s\) that are no article files were not read: notes\.md"):
        assert list(ly.load_articles(tmp_path)["article_id"]) == ["a"]
    with pytest.raises(CorpusError, match="not an article file"):
        ly.load_articles(tmp_path / "notes.md")
