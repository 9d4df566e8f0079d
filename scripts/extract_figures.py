"""Save every PNG output of the notebooks to build/figures/ (to look at charts outside Jupyter)."""

import base64
import sys

import nbformat

from nbtools import ROOT, notebook_paths

out = ROOT / "build" / "figures"
out.mkdir(parents=True, exist_ok=True)
for path in notebook_paths():
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        for j, o in enumerate(cell.get("outputs", [])):
            png = o.get("data", {}).get("image/png")
            if png:
                f = out / f"{path.stem}-cell{i:02d}-{j}.png"
                f.write_bytes(base64.b64decode(png))
                print(f.relative_to(ROOT), file=sys.stdout)
