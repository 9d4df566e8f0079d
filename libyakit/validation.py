"""Validation by hand: draw extracted rows for coders, and report how often the rows are right.

A reviewer will ask how accurate the coding is. The answer is a sample of the rows,
each read by a person in its sentence and marked right or wrong, and the share marked
right (precision) with a confidence interval; when two people coded the same rows,
their agreement (Krippendorff's alpha, ``krippendorff`` package).

1. :func:`sample_for_validation` draws a reproducible sample (the same ``seed`` and
   rows give the same sample, in whatever order the rows come), stratified if asked
   (by extractor and language, say), each row with the sentence it came from and empty
   columns for the coder: ``correct`` (y/n), ``right_value`` and ``note``. Write it to
   CSV for a spreadsheet (``encoding="utf-8-sig"`` so that Excel reads the Arabic) or
   code it in the notebook with :func:`validation_form`.
2. :func:`validation_report` reads the coded sample(s) back and gives, per extractor and
   language, the rows coded, the rows right, precision and its Wilson interval, and
   Krippendorff's alpha over the rows that two coders or more marked.

>>> wilson_interval(18, 20)
(0.699, 0.972)
"""

from __future__ import annotations

import math

__all__ = ["sample_for_validation", "validation_report", "validation_form", "wilson_interval", "read_marks",
           "CODER_COLUMNS", "REPORT_COLUMNS"]

CODER_COLUMNS = ["correct", "right_value", "note"]
REPORT_COLUMNS = ["extractor", "lang", "coded", "right", "precision", "ci_low", "ci_high", "double_coded", "alpha"]
_KEY = ["extractor", "article_id", "start", "end"]
_YES = {"y", "yes", "1", "true", "t", "right", "correct", "✓", "نعم", "صح"}
_NO = {"n", "no", "0", "false", "f", "wrong", "incorrect", "✗", "لا", "خطأ"}


def wilson_interval(right: int, n: int, *, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``right / n`` (rounded to 3 places).

    Better than the normal approximation for the small samples and high precisions of
    hand validation: it stays inside [0, 1] and is not zero-width at 20 out of 20.
    """
    if n <= 0:
        return (math.nan, math.nan)
    from statistics import NormalDist

    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3))


def _as_rows(rows, articles):
    """One table with an ``extractor`` column (from a dict of tables, or as given) and ``lang``."""
    import pandas as pd

    if isinstance(rows, dict):
        parts = []
        for name, table in rows.items():
            t = table.copy()
            t.insert(0, "extractor", name)
            parts.append(t)
        rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    else:
        rows = rows.copy()
        if "extractor" not in rows:
            rows.insert(0, "extractor", "rows")
    missing = {"article_id", "start", "end", "surface"} - set(rows.columns)
    if missing:
        raise ValueError(f"rows need the columns article_id, start, end, surface; missing {sorted(missing)}")
    if "lang" not in rows and articles is not None:
        rows["lang"] = rows["article_id"].map(articles.set_index("article_id")["lang"])
    if "lang" not in rows:
        rows["lang"] = ""
    return rows


def _sentence_of(text: str, start: int, end: int) -> str:
    from .sentences import sentence_spans

    spans = [(s, e) for s, e, _ in sentence_spans(text) if s < end and e > start]
    if not spans:
        return text[start:end]
    return text[spans[0][0]:spans[-1][1]]


def _allocate(sizes: dict, n: int) -> dict:
    """Rows per stratum: proportional to its size (largest remainders), at least one each while n allows."""
    total = sum(sizes.values())
    if n >= total:
        return dict(sizes)
    keys = sorted(sizes)
    take = {k: 0 for k in keys}
    if n >= len(keys):
        for k in keys:
            take[k] = 1
    left = n - sum(take.values())
    quota = {k: (sizes[k] - take[k]) * left / max(1, total - sum(take.values())) for k in keys}
    for k in keys:
        take[k] += min(int(quota[k]), sizes[k] - take[k])
    rest = n - sum(take.values())
    for k in sorted(keys, key=lambda k: (-(quota[k] - int(quota[k])), k)):
        if rest <= 0:
            break
        if take[k] < sizes[k]:
            take[k] += 1
            rest -= 1
    return take


def sample_for_validation(rows, n: int, *, seed: int, stratify_by=None, articles=None):
    """A reproducible sample of ``n`` extracted rows for coding by hand.

    Parameters
    ----------
    rows
        An extractor's table (``article_id, start, end, surface`` and its own columns),
        or a dict ``{"forces": table, "quotes": table, ...}`` whose keys fill an
        ``extractor`` column.
    n
        Rows to draw (all of them when there are fewer).
    seed
        The random seed: the same rows and seed give the same sample, whatever the rows' order.
    stratify_by
        A column or list of columns ("extractor", "lang", ...): each stratum gets its
        share of ``n`` in proportion to its size, at least one row each while ``n`` allows.
    articles
        The articles table: gives each row its ``sentence`` (the sentence or sentences its
        span lies in) and ``lang``. Rows that carry a ``sentence`` column keep theirs.

    Returns the sample sorted by stratum, article and position, with ``sample_id`` (1…),
    ``extractor``, ``lang``, ``article_id``, ``start``, ``end``, ``surface``,
    ``sentence``, the rows' own columns, and empty coder columns ``correct``,
    ``right_value``, ``note``.
    """
    import pandas as pd

    if n < 1:
        raise ValueError(f"n must be 1 or more, not {n!r}")
    rows = _as_rows(rows, articles)
    strata = [stratify_by] if isinstance(stratify_by, str) else list(stratify_by or [])
    unknown = [c for c in strata if c not in rows]
    if unknown:
        raise ValueError(f"cannot stratify by {unknown}: the rows have no such column")
    # a canonical order first, so that the sample does not depend on the order rows came in
    rows = rows.sort_values(_KEY + ["surface"], kind="stable").reset_index(drop=True)
    if strata:
        groups = {k if isinstance(k, tuple) else (k,): g for k, g in rows.groupby(strata, sort=True, dropna=False)}
    else:
        groups = {(): rows}
    take = _allocate({k: len(g) for k, g in groups.items()}, n)
    picked = [g.sample(n=take[k], random_state=seed) for k, g in groups.items() if take[k]]
    sample = pd.concat(picked).sort_values(strata + _KEY, kind="stable").reset_index(drop=True)
    if "sentence" not in sample or sample["sentence"].isna().any():
        if articles is None:
            raise ValueError("pass articles= to give each row its sentence (the rows have no sentence column)")
        texts = articles.set_index("article_id")["text"]
        found = [_sentence_of(texts[a], int(s), int(e)) for a, s, e in zip(sample["article_id"], sample["start"],
                                                                         sample["end"])]
        sample["sentence"] = sample["sentence"].fillna(pd.Series(found)) if "sentence" in sample else found
    first = ["sample_id", "extractor", "lang", "article_id", "start", "end", "surface", "sentence"]
    sample.insert(0, "sample_id", range(1, len(sample) + 1))
    rest = [c for c in sample.columns if c not in first and c not in CODER_COLUMNS]
    sample = sample[first + rest]
    for c in CODER_COLUMNS:
        sample[c] = ""
    sample.attrs["validation"] = {"seed": seed, "stratify_by": strata, "from_rows": int(len(rows))}
    return sample


def read_marks(values):
    """Coder marks as 1.0 (right), 0.0 (wrong) or NaN (not coded): y/n, yes/no, 1/0,
    true/false, ✓/✗, نعم/لا, صح/خطأ. Anything else raises ``ValueError`` naming it."""
    import pandas as pd

    def one(v):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return math.nan
        s = str(v).strip().casefold()
        if s == "":
            return math.nan
        if s in _YES:
            return 1.0
        if s in _NO:
            return 0.0
        raise ValueError(f"cannot read the mark {v!r}: use y/n (or yes/no, 1/0, true/false)")

    index = values.index if isinstance(values, pd.Series) else None
    return pd.Series([one(v) for v in values], index=index, dtype="float64")


def validation_report(coded, *, confidence: float = 0.95):
    """Precision per extractor and language from coded samples, with agreement.

    ``coded``: a coded sample (from :func:`sample_for_validation`, read back from CSV),
    or a list of them, one per coder (or one table with a ``coder`` column). Rows are
    matched across coders by ``extractor, article_id, start, end``. Precision counts
    each row once, as marked by the first coder who coded it (the usual design: one
    coder codes everything, a second codes a share for reliability).

    Columns: ``extractor, lang, coded, right, precision, ci_low, ci_high`` (Wilson
    interval at ``confidence``), ``double_coded`` (rows two coders or more marked) and
    ``alpha`` (Krippendorff's alpha, nominal, over those rows; NaN when fewer than two
    rows were double-coded or every mark is the same, where alpha is undefined). A last
    row ``all`` / ``all`` pools everything.
    """
    import numpy as np
    import pandas as pd

    if isinstance(coded, (list, tuple)):
        parts = []
        for i, table in enumerate(coded, start=1):
            t = table.copy()
            if "coder" not in t or (t["coder"].astype(str).str.strip() == "").all():
                t["coder"] = f"coder {i}"
            parts.append(t)
        coded = pd.concat(parts, ignore_index=True)
    else:
        coded = coded.copy()
        if "coder" not in coded:
            coded["coder"] = "coder 1"
    missing = set(_KEY + ["lang", "correct"]) - set(coded.columns)
    if missing:
        raise ValueError(f"a coded sample needs the columns {_KEY + ['lang', 'correct']}; missing {sorted(missing)}")
    coded["coder"] = coded["coder"].astype(str)
    coded["mark"] = read_marks(coded["correct"]).to_numpy()
    coded = coded[coded["mark"].notna()]
    coded["lang"] = coded["lang"].fillna("").astype(str)
    coders = list(dict.fromkeys(coded["coder"]))  # in the order given: the first is the primary coder
    coded["_rank"] = coded["coder"].map({c: i for i, c in enumerate(coders)})

    def one(group, extractor, lang):
        first = group.sort_values("_rank", kind="stable").drop_duplicates(_KEY)
        n, right = len(first), int(first["mark"].sum())
        low, high = wilson_interval(right, n, confidence=confidence)
        matrix = group.pivot_table(index="coder", columns=_KEY, values="mark", aggfunc="first")
        doubles = matrix.columns[matrix.notna().sum() >= 2]
        alpha = math.nan
        if len(doubles) >= 2:
            data = matrix[doubles].to_numpy(dtype=float)
            if len(np.unique(data[~np.isnan(data)])) > 1:
                import krippendorff

                alpha = round(float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")), 3)
        return {"extractor": extractor, "lang": lang, "coded": n, "right": right,
                "precision": round(right / n, 3) if n else math.nan, "ci_low": low, "ci_high": high,
                "double_coded": int(len(doubles)), "alpha": alpha}

    out = [one(g, ex, lang) for (ex, lang), g in coded.groupby(["extractor", "lang"], sort=True)]
    if len(out) != 1:
        out.append(one(coded, "all", "all"))
    report = pd.DataFrame(out, columns=REPORT_COLUMNS)
    report.attrs["coders"] = coders
    return report


def validation_form(sample, *, path=None):
    """An in-notebook coding form (ipywidgets): each row's sentence with its span marked,
    right to left for Arabic, a right/wrong choice and a box for the right value.

    Marks go straight into ``sample`` (its ``correct`` and ``right_value`` columns);
    with ``path``, a "Save" button writes the sample to that CSV (UTF-8 with BOM, for
    spreadsheets). Returns the form widget (a ``VBox``).
    """
    import html

    import ipywidgets as widgets

    items = []
    for i, row in sample.iterrows():
        sentence, surface = str(row["sentence"]), str(row["surface"])
        at = sentence.find(surface)
        shown = (html.escape(sentence) if at < 0 else
                 html.escape(sentence[:at]) + f"<mark>{html.escape(surface)}</mark>"
                 + html.escape(sentence[at + len(surface):]))
        direction = "rtl" if row.get("lang") == "ar" else "ltr"
        label = widgets.HTML(f'<div dir="{direction}"><b>{int(row["sample_id"])}. {html.escape(str(row["extractor"]))}'
                             f"</b> — {shown}</div>")
        mark = widgets.ToggleButtons(options=[("not coded", ""), ("right", "y"), ("wrong", "n")],
                                     value=str(row["correct"]) if str(row["correct"]) in ("y", "n") else "")
        value = widgets.Text(value=str(row["right_value"]), placeholder="the right value, if wrong")

        def on_mark(change, i=i):
            sample.at[i, "correct"] = change["new"]

        def on_value(change, i=i):
            sample.at[i, "right_value"] = change["new"]

        mark.observe(on_mark, names="value")
        value.observe(on_value, names="value")
        items.append(widgets.VBox([label, widgets.HBox([mark, value])]))
    if path is not None:
        button = widgets.Button(description="Save")
        status = widgets.Label("")

        def save(_):
            sample.to_csv(path, index=False, encoding="utf-8-sig")
            status.value = f"saved {len(sample)} rows"

        button.on_click(save)
        items.append(widgets.HBox([button, status]))
    return widgets.VBox(items)
