"""`make report`: execute every notebook into build/ and write HTML pages plus an index.

build/NN-name.ipynb       the executed notebooks
build/report/NN-name.html one page per notebook
build/report/index.html   links to them, with each notebook's opening question
"""

from __future__ import annotations

import html
import sys
import time

import nbformat
from nbconvert import HTMLExporter

from nbtools import ROOT, execute, notebook_paths

BUILD = ROOT / "build"
REPORT = BUILD / "report"


def first_heading(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("# ").strip()
    return ""


def main() -> int:
    REPORT.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter()
    items = []
    for path in notebook_paths():
        start = time.perf_counter()
        nb = execute(nbformat.read(path, as_version=4))
        nbformat.write(nb, BUILD / path.name)
        body, _ = exporter.from_notebook_node(nb)
        page = REPORT / (path.stem + ".html")
        page.write_text(body, encoding="utf-8")
        items.append((page.name, path.stem, first_heading(nb)))
        print(f"{path.name}: executed in {time.perf_counter() - start:.1f} s -> {page.relative_to(ROOT)}")
    if not items:
        print("no notebooks found in notebooks/", file=sys.stderr)
        return 1
    links = "\n".join(
        f'<li><a href="{html.escape(href)}">{html.escape(stem)}</a> — <span dir="auto">{html.escape(title)}</span></li>'
        for href, stem, title in items
    )
    (REPORT / "index.html").write_text(
        "<!doctype html><meta charset='utf-8'><title>libyakit report</title>"
        f"<h1>libyakit report</h1><ol>{links}</ol>\n",
        encoding="utf-8",
    )
    print(f"report: {(REPORT / 'index.html').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
