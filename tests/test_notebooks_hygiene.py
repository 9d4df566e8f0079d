"""Stored notebook outputs: no machine paths, no progress bars, no errors; every code cell ran."""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def test_numbered_notebooks_exist():
    names = [p.stem[:2] for p in NOTEBOOKS]
    assert names == ["01", "02", "03", "04", "05", "06"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_outputs_are_clean(path):
    raw = path.read_text(encoding="utf-8")
    assert not re.search(r"(/root|/home|/tmp|/work)/", raw), "an absolute path of this machine is stored"
    nb = json.loads(raw)
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        assert cell["execution_count"] is not None, "a code cell was never run"
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", cell["source"]
            assert "application/vnd.jupyter.widget-view+json" not in out.get("data", {}), "a progress bar was stored"
            if out["output_type"] == "stream":
                assert "it/s]" not in "".join(out["text"]), "a progress bar was stored"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_story_first_and_versions_last(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["cells"][0]["cell_type"] == "markdown" and "".join(nb["cells"][0]["source"]).startswith("# ")
    assert "nbval-ignore-output" in nb["cells"][-1]["metadata"].get("tags", [])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_holds_the_parameters(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert "parameters" in code[0]["metadata"].get("tags", [])
    names = re.findall(r"^([A-Z_]+) = None", "".join(code[0]["source"]), re.M)
    assert names == ["CORPUS", "DATE_FROM", "DATE_TO", "LANGUAGE"]
    assert not [c for c in code[1:] if "parameters" in c["metadata"].get("tags", [])]


SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_cell_names_a_seed_article(path):
    # findings are computed: no cell's source names a seed article (by id, hash or number)
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        for seed in SEEDS:
            number, digest = seed.stem.split("_")
            assert seed.stem not in source and digest not in source, seed.stem
            assert not re.search(rf"(?<![\w.,]){number}(?![\w.,])", source), (seed.stem, source[:200])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_ids_cut_in_code(path):
    # ids were once cut to three characters for column labels ("c[:3]")
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert not re.search(r"lambda c: c\[:|article_id\[:|aid\[:", "".join(cell["source"]))
