"""Compare a matplotlib rendering of a label with Pillow's RAQM layout.

Used by tests/test_plotting.py and by hand on a second matplotlib (3.10).
Method (see ../shared/PITFALLS.md): render both in the same font, crop to ink,
scale both to the reference's aspect at a coarse height (16 px, box filter),
and take the mean absolute pixel difference (0–255). Correct renderings score
about 2–8, reversed or unshaped ones 35–75.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageFont, ImageDraw, features

HEIGHT = 16


def _ink_crop(img: Image.Image) -> Image.Image:
    arr = 255 - np.asarray(img.convert("L"), dtype=np.uint8)
    ys, xs = np.nonzero(arr > 40)
    if len(xs) == 0:
        raise AssertionError("nothing was drawn")
    return img.convert("L").crop((xs.min(), ys.min(), xs.max() + 1, ys.max() + 1))


def render_pillow(text: str, font_file: str, size: int = 64) -> Image.Image:
    if not features.check("raqm"):
        raise RuntimeError("Pillow has no RAQM layout (libraqm/fribidi missing)")
    font = ImageFont.truetype(font_file, size, layout_engine=ImageFont.Layout.RAQM)
    l, t, r, b = font.getbbox(text, direction="rtl")
    img = Image.new("L", (r - l + 40, b - t + 40), 255)
    ImageDraw.Draw(img).text((20 - l, 20 - t), text, font=font, fill=0, direction="rtl")
    return _ink_crop(img)


def render_matplotlib(label: str, font_file: str, size: int = 64) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    fig = Figure(figsize=(12, 2), dpi=100)
    fig.text(0.5, 0.5, label, fontproperties=FontProperties(fname=font_file, size=size * 72 / 100),
             ha="center", va="center")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", facecolor="white")
    buf.seek(0)
    return _ink_crop(Image.open(buf))


def score(reference: Image.Image, candidate: Image.Image) -> float:
    """Mean absolute difference after scaling both to the reference's aspect at 16 px."""
    width = max(1, round(reference.width * HEIGHT / reference.height))
    a = np.asarray(reference.resize((width, HEIGHT), Image.Resampling.BOX), dtype=float)
    b = np.asarray(candidate.resize((width, HEIGHT), Image.Resampling.BOX), dtype=float)
    return float(np.abs(a - b).mean())


def compare(text: str, label: str, font_file: str) -> float:
    """Score of matplotlib drawing ``label`` against RAQM's layout of ``text``."""
    return score(render_pillow(text, font_file), render_matplotlib(label, font_file))


if __name__ == "__main__":  # by hand, e.g. in a matplotlib 3.10 environment
    import matplotlib
    from libyakit.plotting import arabic, font_path

    f = font_path()
    print("matplotlib", matplotlib.__version__, "font", f)
    for t in ["الولايات المتحدة", "الأمم المتحدة", "قوات أجنبية في ليبيا"]:
        print(f"{t}: through arabic() {compare(t, arabic(t), f):.1f}  reversed {compare(t, t[::-1], f):.1f}")
