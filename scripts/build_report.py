"""`make report`: run every notebook on a corpus with papermill, then write HTML pages and an index.

    python scripts/build_report.py                         # the seeds
    python scripts/build_report.py --corpus my_articles/   # a folder of .txt/.csv/.json files
    python scripts/build_report.py --corpus news.csv --date-from 2020-01-01 --language ar

build/report/NN-name.ipynb  the executed notebooks (papermill adds a cell with the parameters)
build/report/NN-name.html   one page per notebook (nbconvert)
build/report/index.html     links to them, with the corpus and each notebook's question

The notebooks in notebooks/ are never modified.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
REPORT = ROOT / "build" / "report"


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def first_heading(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    title = line.lstrip("# ").strip()
                    return title.split(" · ", 1)[1] if title[:2].isdigit() and " · " in title else title
    return ""


def corpus_line(nb) -> str:
    """The computed corpus description (the first markdown output), as markdown text."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/markdown")
            if text:
                return text
    return ""


def build(corpus=None, out_dir=REPORT, *, date_from=None, date_to=None, language=None, only=None,
          log=print) -> list[Path]:
    """Execute the notebooks on ``corpus`` into ``out_dir``; return the HTML pages written (index last)."""
    import nbformat
    import papermill
    from nbconvert import HTMLExporter
    from nbconvert.filters.markdown import markdown2html

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    params = {"CORPUS": str(Path(corpus).resolve()) if corpus else None, "DATE_FROM": date_from or None,
              "DATE_TO": date_to or None, "LANGUAGE": language or None}
    if params["CORPUS"] and not Path(params["CORPUS"]).exists():
        raise FileNotFoundError(f"no such file or folder: {corpus}")
    env_backend = os.environ.pop("MPLBACKEND", None)  # inline figures, as in JupyterLab
    os.environ["LIBYAKIT_PROGRESS"] = "0"  # no progress bars in the pages
    exporter = HTMLExporter()
    pages, items = [], []
    try:
        for path in notebook_paths():
            if only and path.name[:2] not in only:
                continue
            start = time.perf_counter()
            executed = out_dir / path.name
            papermill.execute_notebook(str(path), str(executed), parameters=params, cwd=str(NOTEBOOKS),
                                       kernel_name="python3", progress_bar=False, log_output=False)
            nb = nbformat.read(executed, as_version=4)
            body, _ = exporter.from_notebook_node(nb)
            page = out_dir / (path.stem + ".html")
            page.write_text(body, encoding="utf-8")
            pages.append(page)
            items.append((page.name, path.stem, first_heading(nb), corpus_line(nb)))
            log(f"{path.name}: {time.perf_counter() - start:.1f} s -> {page}")
    finally:
        if env_backend is not None:
            os.environ["MPLBACKEND"] = env_backend
    if not items:
        raise FileNotFoundError("no notebooks found in notebooks/")
    links = "\n".join(
        f'<li><a href="{html.escape(href)}">{html.escape(stem)}</a> — <span dir="auto">{html.escape(title)}</span></li>'
        for href, stem, title, _ in items)
    about = markdown2html(items[0][3]) if items[0][3] else ""  # our own markdown: values already escaped
    index = out_dir / "index.html"
    index.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>libyakit report</title>"
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}</style></head><body>"
        f"<h1>libyakit report</h1><div dir='auto'>{about}</div><ol>{links}</ol></body></html>\n",
        encoding="utf-8")
    pages.append(index)
    log(f"report: {index}")
    return pages


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("CORPUS") or None,
                    help="a folder of article files or one file (default: the seeds)")
    ap.add_argument("--date-from", default=None, help="YYYY-MM-DD: leave out articles dated earlier")
    ap.add_argument("--date-to", default=None, help="YYYY-MM-DD: leave out articles dated later")
    ap.add_argument("--language", choices=["ar", "en"], default=None, help="only the articles in this language")
    ap.add_argument("--out", default=str(REPORT), help="output folder (default: build/report)")
    ap.add_argument("--only", nargs="*", help="notebook numbers to run (default: all)")
    args = ap.parse_args(argv)
    build(args.corpus, args.out, date_from=args.date_from, date_to=args.date_to, language=args.language,
          only=args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
