"""Execute the notebooks in place, as nbval and JupyterLab's "Run All" do.

    python scripts/nbtools.py            # all notebooks
    python scripts/nbtools.py 03 05      # some of them

The notebooks in notebooks/ are the source: edit them in JupyterLab, then run
this (or "Restart Kernel and Run All Cells" and save) and commit them with
their outputs; `make test` re-runs them and compares (nbval).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def execute(nb: nbformat.NotebookNode, *, timeout: int = 1800) -> nbformat.NotebookNode:
    """Run every cell from a fresh kernel in notebooks/, as nbval does."""
    env_backend = os.environ.pop("MPLBACKEND", None)  # inline figures, as in JupyterLab
    try:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                                store_widget_state=False,
                                resources={"metadata": {"path": str(NOTEBOOKS)}})
        client.execute()
    finally:
        if env_backend is not None:
            os.environ["MPLBACKEND"] = env_backend
    return nb


def main(argv: list[str]) -> int:
    for path in notebook_paths():
        if argv and path.name[:2] not in argv:
            continue
        nb = execute(nbformat.read(path, as_version=4))
        nbformat.write(nb, path)
        print("executed", path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
