"""The issue-22 benchmarks build what they measure correctly (small inputs; no timing here)."""

import pandas as pd

import libyakit as ly
from bench_scripts import load

PARAS = ["قال مصدر عسكري إن نحو ثلاثمئة مقاتل أجنبي غادروا قاعدة الجفرة الجوية صباح اليوم بعد توقيع الاتفاق.",
         "وأضاف المصدر أن طائرات الشحن أقلعت نحو وجهة لم يعلن عنها، فيما التزمت الأطراف الصمت حيال العملية.",
         "وطالبت البعثة الأممية بخروج جميع القوات الأجنبية والمرتزقة من البلاد خلال تسعين يوما من التوقيع.",
         "ويأتي ذلك بعد جولة من المحادثات بين الوفدين في جنيف برعاية الأمم المتحدة استمرت خمسة أيام كاملة."]


VOCAB = sorted({w for p in PARAS for w in p.split()})


def _texts(n):
    """n articles of four paragraphs, each its own shuffle of the words above (no two alike)."""
    import random

    out = []
    for i in range(n):
        rng = random.Random(i)
        words = [rng.choice(VOCAB) for _ in range(80)]
        out.append({"title": f"خبر رقم {i}", "source": "صحيفة المثال",
                    "text": "\n".join(" ".join(words[k * 20:(k + 1) * 20]) for k in range(4))})
    return out


def test_export_benchmark_file_is_read_one_row_per_article(tmp_path, monkeypatch):
    bench = load("exports")
    monkeypatch.setattr(bench, "TARGET_BYTES", 30 * 3000)
    out = tmp_path / "export.txt"
    bench.write_export(_texts(7), 30, out)
    table = ly.read_export(out)
    assert len(table) == 30
    assert table["title"].tolist()[:8] == [f"خبر رقم {i % 7}" for i in range(8)]
    assert (table["date"] != "").all() and (table["byline"] != "").all()
    assert not table["text"].str.contains("Classification|End of Document|Load-Date").any()


def test_planted_reprints_are_altered_and_found(tmp_path):
    bench = load("duplicates")
    rows = [{"article_id": f"a{i}", "lang": "ar", "title": t["title"], "text": t["text"]} for i, t in enumerate(_texts(6))]
    arts = pd.DataFrame(rows)
    arts["n_words"] = arts["text"].str.split().str.len()
    copies, origin = bench.plant(arts, 3, seed=1)
    assert len(copies) == 3 and set(origin) == set(copies["article_id"])
    for c in copies.itertuples():
        original = arts.set_index("article_id").loc[origin[c.article_id]]
        assert c.text != original["text"] and c.title != original["title"]
    stories = ly.find_duplicates(pd.concat([arts, copies], ignore_index=True), threshold=0.5)
    story = dict(zip(stories["article_id"], stories["story_id"]))
    assert all(story[c] == story[o] for c, o in origin.items())
    assert len({story[a] for a in arts["article_id"]}) == 6  # the originals stay apart
