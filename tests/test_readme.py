"""The README's links and picture exist; the LICENSE file and pyproject name the same licence."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_relative_links_exist():
    targets = re.findall(r"\]\(([^)#:]+)\)", README)
    assert "docs/foreign-forces.png" in targets
    for target in targets:
        assert (ROOT / target).exists(), target


def test_licence_file_matches_pyproject():
    licence = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]["text"]
    first = (ROOT / "LICENSE").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"{licence} License"
    assert licence in README.split("## Licence", 1)[1]


def test_readme_commands_are_make_targets():
    makefile = (ROOT / "Makefile").read_text()
    for target in set(re.findall(r"^make (\w+)", README, re.M)):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_readme_is_for_users():
    # the development log lives in docs/
    assert len(README.splitlines()) < 200
    assert (ROOT / "docs" / "development-log.md").is_file() and (ROOT / "docs" / "measurements.md").is_file()
