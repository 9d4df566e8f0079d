"""The Dask path: the same per-article functions over a Dask DataFrame, on a local cluster."""

import json

import pandas as pd
import pytest

import libyakit as ly

dd = pytest.importorskip("dask.dataframe", reason="Dask is an optional extra: pip install 'libyakit[dask]'")
distributed = pytest.importorskip("dask.distributed")

from libyakit import scale  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds as a JSON Lines corpus, three times over with distinct ids."""
    seeds = ly.load_articles(fix_joined=False)
    path = tmp_path_factory.mktemp("corpus") / "seeds.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for copy in range(3):
            for row in seeds.itertuples():
                date = "" if pd.isna(row.date) else row.date.strftime("%Y-%m-%d")
                f.write(json.dumps({"id": f"{row.article_id}-{copy}", "date": date, "text": row.text_raw},
                                   ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_dask_articles_equal_pandas(corpus, client):
    d = scale.read_articles_dask(corpus, blocksize=4000).compute().sort_values("article_id").reset_index(drop=True)
    p = ly.load_articles(corpus)
    assert d["article_id"].tolist() == p["article_id"].tolist()
    assert d["text"].tolist() == p["text"].tolist()
    assert d["n_joined_fixed"].sum() == 30  # seed 000's ten repairs, three times


@pytest.mark.parametrize("name", scale.EXTRACTORS)
def test_dask_extractor_equals_pandas(corpus, client, name):
    articles = scale.read_articles_dask(corpus, blocksize=4000)
    assert articles.npartitions > 1
    got = scale.extract_dask(articles, name).compute()
    want = getattr(ly, f"extract_{name}")(ly.load_articles(corpus))
    key = ["article_id", "start", "end"]
    got = got.sort_values(key).reset_index(drop=True)
    want = want.sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_pipeline_on_cluster(corpus, client):
    tables = scale.run_pipeline_dask(corpus, client=client, blocksize=4000)
    local = ly.run_pipeline(ly.load_articles(corpus))
    for name in ("actors", "forces", "ceasefire", "quotes"):
        assert len(tables[name]) == len(local[name]), name


def test_unknown_extractor(corpus, client):
    with pytest.raises(ValueError, match="unknown extractor"):
        scale.extract_dask(scale.read_articles_dask(corpus), "weather")


def test_dask_reads_a_cp1256_csv(tmp_path, client):
    rows = [{"id": f"a{i}", "text": f"قدرت الأممالمتحدة بنحو {i} ألفاً عدد المرتزقة في ليبيا."} for i in range(1, 40)]
    f = tmp_path / "excel.csv"
    f.write_bytes(pd.DataFrame(rows).to_csv(index=False).encode("cp1256"))
    d = scale.read_articles_dask(f, blocksize=500).compute().sort_values("article_id").reset_index(drop=True)
    p = ly.load_articles(f).sort_values("article_id").reset_index(drop=True)
    assert d["text"].tolist() == p["text"].tolist()
    assert set(d["encoding"]) == set(p["encoding"]) == {"cp1256"}
