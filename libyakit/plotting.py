"""Arabic in matplotlib charts: every label goes through :func:`arabic`.

Why this module exists
----------------------
matplotlib before 3.11 draws each character in logical order and unjoined,
so Arabic comes out reversed and in isolated letter forms; the long-standing
recipe is to *pre-shape* labels with arabic-reshaper (contextual letter forms)
and python-bidi (visual order). From 3.11 (June 2026) matplotlib lays text out
with libraqm, which shapes and reorders by itself, and the old recipe applied
on top draws labels reversed (matplotlib issue 32262). So :func:`arabic`
decides once, from the running matplotlib, whether to pre-shape; all label
handling sits here so that no notebook has to know.

tests/test_plotting.py proves the result against a real shaping engine
(Pillow's RAQM layout in the same font): correct labels score about 2–8
there, reversed or unshaped ones 35–75.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "arabic",
    "bilingual",
    "claims_chart",
    "claims_summary_chart",
    "timeline",
    "matplotlib_shapes_arabic",
    "font_path",
    "font_family",
    "setup_arabic_plots",
    "barh",
    "heatmap",
]

_ARABIC_CHAR = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_STRONG = re.compile("[A-Za-z\u00c0-\u024f\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_RLM = "\u200f"

# Faces with good Arabic, best first; each is paired with DejaVu Sans for Latin
# (Noto Naskh Arabic, for one, has no Latin letters at all).
_ARABIC_FACES = ["Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Arial"]
_FALLBACK_FACE = "DejaVu Sans"


@lru_cache(maxsize=1)
def matplotlib_shapes_arabic() -> bool:
    """True when the running matplotlib shapes complex text itself (libraqm).

    Checked from the FreeType wrapper rather than the version string, so a
    patched build counts for what it does.
    """
    import matplotlib
    import matplotlib.ft2font as ft2font

    if hasattr(ft2font, "__libraqm_version__"):
        return True
    major, minor = (int(x) for x in matplotlib.__version__.split(".")[:2])
    return (major, minor) >= (3, 11)


def _first_strong_is_latin(s: str) -> bool:
    m = _STRONG.search(s)
    return bool(m) and not _ARABIC_CHAR.match(m.group())


def arabic(s) -> str:
    """The string to hand matplotlib so that ``s`` displays right.

    * No Arabic in ``s``: returned unchanged.
    * matplotlib shapes natively (>= 3.11): returned unchanged, except that a
      label whose first strong letter is Latin ("UN بعثة") gets a leading
      RIGHT-TO-LEFT MARK so that the paragraph stays right-to-left.
    * Older matplotlib: tatweel removed, then arabic-reshaper (joined letter
      forms) and python-bidi (visual order, right-to-left base direction).

    >>> arabic("Libya")
    'Libya'
    """
    s = "" if s is None else str(s)
    if not _ARABIC_CHAR.search(s):
        return s
    s = s.replace("\u0640", "")
    if matplotlib_shapes_arabic():
        return _RLM + s if _first_strong_is_latin(s) else s
    import arabic_reshaper
    from bidi.algorithm import get_display

    return get_display(arabic_reshaper.reshape(s), base_dir="R")


@lru_cache(maxsize=1)
def font_family() -> list[str]:
    """Font family list for charts: the best installed Arabic face, then DejaVu Sans."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    faces = [f for f in _ARABIC_FACES if f in installed]
    return faces[:1] + [_FALLBACK_FACE]


def font_path() -> str:
    """Path of the Arabic-capable font the charts use (its first family)."""
    from matplotlib import font_manager

    prop = font_manager.FontProperties(family=font_family()[0])
    return font_manager.findfont(prop, fallback_to_default=False)


def setup_arabic_plots(*, dpi: int = 110) -> None:
    """Set matplotlib up for Arabic charts in a notebook or script.

    Sets the font family list (Arabic face first, DejaVu Sans for Latin),
    a readable figure resolution, and turns missing-glyph warnings into errors
    so that a label drawn in boxes never passes unnoticed.
    """
    import warnings

    import matplotlib as mpl

    mpl.rcParams["font.family"] = font_family()
    mpl.rcParams["figure.dpi"] = dpi
    mpl.rcParams["savefig.dpi"] = dpi
    mpl.rcParams["axes.unicode_minus"] = False
    mpl.rcParams["svg.fonttype"] = "path"
    warnings.filterwarnings("error", message=r"Glyph \d+ .*missing from font")


def _axes(ax, figsize):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def barh(series, *, ax=None, title: str = "", xlabel: str = "", color: str = "#4C72B0", figsize=(7, 4)):
    """Horizontal bar chart of a Series whose index holds (Arabic) labels.

    Bars are drawn top-down in the Series order; value labels sit at the bar
    ends. Returns the Axes.
    """
    ax = _axes(ax, figsize)
    labels = [arabic(i) for i in series.index]
    y = range(len(series))
    ax.barh(list(y), series.to_numpy(), color=color)
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    for yi, v in zip(y, series.to_numpy()):
        ax.annotate(f"{v:,.0f}", (v, yi), xytext=(3, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_title(arabic(title))
    ax.set_xlabel(arabic(xlabel))
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(x=0.12)
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_formatter(FuncFormatter(_plain))
    return ax


def heatmap(frame, *, ax=None, title: str = "", cmap: str = "Blues", figsize=(8, 5), annotate: bool = True):
    """Heatmap of a DataFrame (rows × columns) with (Arabic) tick labels. Returns the Axes."""
    import numpy as np

    ax = _axes(ax, figsize)
    values = frame.to_numpy(dtype=float)
    im = ax.imshow(values, cmap=cmap, aspect="auto")
    ax.set_xticks(range(frame.shape[1]), [arabic(c) for c in frame.columns], rotation=45, ha="right")
    ax.set_yticks(range(frame.shape[0]), [arabic(i) for i in frame.index])
    if annotate:
        vmax = values.max() if values.size else 0
        for (i, j), v in np.ndenumerate(values):
            if v:
                ax.text(j, i, f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}", ha="center", va="center", fontsize=8,
                        color="white" if v > vmax / 2 else "black")
    ax.figure.colorbar(im, ax=ax, shrink=0.8)
    ax.set_title(arabic(title))
    return ax


def bilingual(name_ar: str, name_en: str) -> str:
    """One label in both languages, Arabic first: ``"روسيا · Russia"``."""
    return f"{name_ar} · {name_en}"


def _plain(v, _=None) -> str:
    return f"{v:,.0f}" if abs(v) >= 1 or v == 0 else f"{v:g}"


def _log_axis_plain(axis, low: float = 1.0, high: float = 10.0) -> None:
    """A log axis labelled in plain numbers (1,000 2,000 5,000), never 10^3 or 2x10^3.

    Ticks at 1, 2 and 5 times each power of ten when the data span up to two powers of
    ten; at the powers of ten alone when they span more (labels would collide).
    """
    import math

    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    decades = math.log10(max(high, 1e-9) / max(low, 1e-9)) if low > 0 and high > 0 else 1.0
    subs = (1.0, 2.0, 5.0) if decades <= 2.5 else (1.0,)
    axis.set_major_locator(LogLocator(base=10, subs=subs))
    # (counts of people or bases: nothing below one to label)
    axis.set_major_formatter(FuncFormatter(lambda v, _: _plain(v) if v >= 1 else ""))
    axis.set_minor_formatter(NullFormatter())


def _span(*columns) -> tuple[float, float]:
    """The smallest and largest positive value in the columns (for the axis' ticks)."""
    import pandas as pd

    values = pd.concat([pd.Series(c, dtype="float64") for c in columns]).dropna()
    values = values[values > 0]
    return (float(values.min()), float(values.max()) * 2) if len(values) else (1.0, 10.0)


def claims_chart(forces, *, labels=None, ax=None, title: str = "", figsize=None, xlabel: str = "stated number"):
    """Stated figures of force claims, one row per claim, on a log scale.

    Exact and approximate figures are dots; ranges and vague amounts are bars
    from low to high; "more than" and open-ended vague amounts ("thousands",
    "آلاف": no upper bound worth drawing) are arrows from their figure.
    ``labels`` gives each row's label (default: origins). Draw people or
    bases, never both on one axis. Returns the Axes.
    """
    import math

    import numpy as np

    from .report import open_ended

    n = len(forces)
    ax = _axes(ax, figsize or (9, max(2.5, 0.38 * n + 1.2)))
    if labels is None:
        labels = [", ".join(o) or "foreign (general)" for o in forces["origins"]]
    colors = {"exact": "#1b9e77", "approx": "#1b9e77", "range": "#7570b3", "vague": "#d95f02",
              "more_than": "#e7298a", "less_than": "#e7298a"}
    for y, row in enumerate(forces.itertuples()):
        c = colors.get(row.qualifier, "grey")
        low = row.low if not math.isnan(row.low) else row.high / 2
        high = row.high if not math.isnan(row.high) else low * 2
        arrow = row.qualifier == "more_than" or (row.qualifier == "vague" and open_ended(str(row.amount)))
        if arrow:
            high = low * 2
        if row.qualifier in ("exact", "approx"):
            ax.plot([low], [y], "o", color=c, ms=7)
        else:
            ax.plot([low, high], [y, y], "-", color=c, lw=6, solid_capstyle="butt", alpha=0.8)
            if arrow:
                ax.annotate("", xy=(high * 1.3, y), xytext=(high, y),
                            arrowprops={"arrowstyle": "-|>", "color": c, "lw": 1.5})
    ax.set_xscale("log")
    _log_axis_plain(ax.xaxis, *_span(forces["low"], forces["high"]))
    ax.set_yticks(np.arange(n), [arabic(lbl) for lbl in labels])
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_title(arabic(title))
    ax.set_xlabel(arabic(xlabel))
    ax.grid(axis="x", which="major", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    # legend swatches drawn as the bars are (same width and transparency)
    handles = [ax.plot([], [], "o", color=colors["exact"])[0]] + [
        ax.plot([], [], "-", lw=6, color=colors[q], alpha=0.8)[0] for q in ("range", "vague", "more_than")]
    handles.append(ax.plot([], [], ls="none", marker=r"$\rightarrow$", ms=14, color="dimgrey")[0])
    ax.legend(handles, ["exact / approx.", "range", "vague: documented range", "more than", "no upper bound"],
              loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    ax.margins(x=0.15)
    return ax


def claims_summary_chart(groups, *, ax=None, title: str = "", figsize=None, xlabel: str = "stated number"):
    """Many claims at once: one row per group (origins and force type), the span of the
    figures stated for it (line), their median (dot) and, in the label, how many claims.

    ``groups`` is a DataFrame with columns label, n_claims, low, high, median (see
    :func:`libyakit.report.claim_groups`). Returns the Axes.
    """
    import numpy as np

    n = len(groups)
    ax = _axes(ax, figsize or (9, max(2.5, 0.38 * n + 1.2)))
    for y, row in enumerate(groups.itertuples()):
        ax.plot([row.low, row.high], [y, y], "-", color="#7570b3", lw=4, alpha=0.6, solid_capstyle="butt")
        ax.plot([row.median], [y], "o", color="#1b9e77", ms=7)
    ax.set_xscale("log")
    _log_axis_plain(ax.xaxis, *_span(groups["low"], groups["high"]))
    ax.set_yticks(np.arange(n), [arabic(f"{r.label} · {r.n_claims:,} claims") for r in groups.itertuples()])
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_title(arabic(title))
    ax.set_xlabel(arabic(xlabel))
    ax.grid(axis="x", which="major", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    handles = [ax.plot([], [], "o", color="#1b9e77")[0], ax.plot([], [], "-", lw=4, color="#7570b3", alpha=0.6)[0]]
    ax.legend(handles, ["median figure", "lowest to highest figure stated"], loc="upper left",
              bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    ax.margins(x=0.15)
    return ax


def timeline(events, *, ax=None, title: str = "", figsize=(11, 6.5)):
    """Dated events on a time axis, one row per term, labelled in Arabic and English.

    ``events`` is :func:`libyakit.timeline_events` output. Filled markers are
    dates stated in full; hollow ones had their year inferred. Marker size
    grows with the number of articles stating the event. Returns the Axes.
    """
    import matplotlib.dates as mdates

    ax = _axes(ax, figsize)
    terms = list(dict.fromkeys(events["term"]))
    y = {t: i for i, t in enumerate(terms)}
    seen_in_row: dict[str, int] = {}
    # a row with many events labels only its few most stated dates (the table beside the chart has them all)
    labelled = set()
    for term, g in events.groupby("term", sort=False):
        keep = g if len(g) <= 4 else g.sort_values(["n_articles", "date"], ascending=[False, True], kind="stable").head(2)
        labelled.update(keep.index)
    for idx, row in zip(events.index, events.itertuples()):
        size = 40 + 60 * min(row.n_articles, 25) ** 0.5  # (capped: one event can be in hundreds of articles)
        face = "white" if row.inferred else "#c0392b"
        ax.scatter([row.date], [y[row.term]], s=size, facecolors=face, edgecolors="#c0392b", zorder=3)
        if idx not in labelled:
            continue
        k = seen_in_row.get(row.term, 0)
        seen_in_row[row.term] = k + 1
        # alternate labels above and below the marker so that close dates stay readable
        ax.annotate(f"{row.date:%d %b %Y}", (row.date, y[row.term]), xytext=(0, 9 if k % 2 == 0 else -15),
                    textcoords="offset points", ha="center", fontsize=8)
    labels = {r.term: bilingual(r.label_ar, r.label_en) for r in events.itertuples()}
    ax.set_yticks(range(len(terms)), [arabic(labels[t]) for t in terms])
    ax.set_ylim(len(terms) - 0.5, -0.7)
    span = (events["date"].max() - events["date"].min()).days if len(events) else 0
    if span > 540:  # quarters over a long span, else matplotlib's own choice of ticks
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    else:
        locator = mdates.AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(arabic(title))
    ax.scatter([], [], s=80, facecolors="#c0392b", edgecolors="#c0392b", label="date stated")
    ax.scatter([], [], s=80, facecolors="white", edgecolors="#c0392b", label="year inferred")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return ax
