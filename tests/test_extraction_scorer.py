"""The gold-set scorer (benchmarks/extraction.py) on an invented page: it finds gold surfaces again in
the cleaned text and counts what the extractors get right."""

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("extraction_scorer", ROOT / "benchmarks" / "extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_surface_is_found_across_a_repaired_space_and_marks(scorer):
    loc = scorer.Located("قالت الأمم المتحدة إنّ المرتزقة باقون")
    assert loc.spans("الأممالمتحدة") == [(5, 18)]  # a space the repair inserted
    assert loc.spans("إن المرتزقة") == [(19, 31)]  # a shadda the annotator did not copy


def test_the_scorer_counts_an_invented_page(scorer, tmp_path, monkeypatch, capsys):
    text = ("Turkey has sent 2,000 Syrian mercenaries to Libya, the Syrian Observatory said on Monday.\n"
            '"The mercenaries must leave," Ghassan Salame told reporters.\n')
    pages = tmp_path / "pages_cache"
    pages.mkdir()
    (pages / "invented.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "gold" / "pages"
    gold.mkdir(parents=True)
    record = {
        "id": "page:invented", "set": "pages", "lang": "en", "url": "https://example.org/invented",
        "sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
        "states": [{"iso3": "TUR", "surface": "Turkey"}, {"iso3": "SYR", "surface": "Syrian"},
                   {"iso3": "LBY", "surface": "Libya"}],
        "entities": [{"type": "org", "surface": "Syrian Observatory", "name_en": "Syrian Observatory"},
                     {"type": "person", "surface": "Ghassan Salame", "name_en": "Ghassan Salame"}],
        "forces": [{"surface": "2,000 Syrian mercenaries", "low": 2000, "high": 2000, "qualifier": "exact",
                    "counted": "mercenaries", "counts": "strength", "origin": ["SYR"],
                    "source": "Syrian Observatory", "source_surface": "the Syrian Observatory"}],
        "dates": [],
        "quotes": [{"kind": "direct", "surface": "The mercenaries must leave", "speaker": "Ghassan Salame",
                    "speaker_en": "Ghassan Salame", "speaker_kind": "person"},
                   {"kind": "reported", "surface": "Turkey has sent 2,000", "speaker": "the Syrian Observatory",
                    "speaker_en": "Syrian Observatory", "speaker_kind": "org"}],
    }
    (gold / "invented.json").write_text(json.dumps(record), encoding="utf-8")
    monkeypatch.setattr(scorer, "PAGES", pages)
    assert scorer.main(["--gold", str(tmp_path / "gold"), "--set", "pages", "--json", str(tmp_path / "c.json")]) == 0
    counts = json.loads((tmp_path / "c.json").read_text())
    assert counts["states|en"]["tp"] == 3 and counts["forces|en"]["tp"] == 1
    assert counts["forces|en"]["value"] == counts["forces|en"]["origin"] == counts["forces|en"]["source"] == 1
    assert counts["quotes direct|en"]["speaker"] == 1 and counts["quotes reported|en"]["tp"] == 1
    assert "| forces | en | 1 | 1 |" in capsys.readouterr().out


def test_a_page_whose_text_is_not_here_is_skipped(scorer, tmp_path, monkeypatch, capsys):
    gold = tmp_path / "gold" / "pages"
    gold.mkdir(parents=True)
    (gold / "gone.json").write_text(json.dumps({"id": "page:gone", "set": "pages", "lang": "en"}), encoding="utf-8")
    monkeypatch.setattr(scorer, "PAGES", tmp_path / "nowhere")
    assert scorer.main(["--gold", str(tmp_path / "gold"), "--set", "pages"]) == 0
    assert "nothing to score on this machine" in capsys.readouterr().out
