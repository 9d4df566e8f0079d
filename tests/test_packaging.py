"""pyproject.toml and environment.yml name the same packages."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(req: str) -> str:
    return re.split(r"[\s\[<>=!~;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def pyproject_packages() -> set[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = data["project"]
    extras = project["optional-dependencies"]
    reqs = list(project["dependencies"]) + [r for extra in extras.values() for r in extra]
    return {_name(r) for r in reqs}


def environment_packages() -> set[str]:
    names = set()
    text = (ROOT / "environment.yml").read_text()
    for line in text.split("\ndependencies:", 1)[1].splitlines():
        # conda packages, and the packages under "- pip:" (not on conda-forge)
        m = re.match(r"^(?:\s{2}|\s{6})- ([A-Za-z][A-Za-z0-9_.\-]*)", line)
        if m and m.group(1) not in ("python", "pip"):
            names.add(_name(m.group(1)))
    return names


def test_same_packages():
    assert pyproject_packages() == environment_packages()


def test_required_packages_named():
    required = {"jupyterlab", "pandas", "matplotlib", "arabic-reshaper", "python-bidi", "pytest", "nbval"}
    assert required <= pyproject_packages()


def test_seeds_are_the_shared_files():
    shared = ROOT.parent / "shared" / "seeds"
    ours = sorted((ROOT / "seeds").glob("*.txt"))
    assert len(ours) == 5
    if shared.is_dir():  # beside the project in CI and on developer machines
        for f in ours:
            assert f.read_bytes() == (shared / f.name).read_bytes(), f.name
