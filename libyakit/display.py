"""Showing Arabic and English in notebooks so that it reads right, and safely.

JupyterLab has no right-to-left mode: its sanitizer keeps ``dir`` attributes
but drops ``<style>``. So every piece of HTML made here carries its own
direction:

* :func:`table` (and :func:`rtl_table`) — an HTML table with ``dir="auto"`` on
  every cell, so that "10 قواعد" or "4 أبريل 2019" (a digit first, then Arabic)
  is laid out right to left in logical order, while English cells stay left to
  right. Values are formatted for a reader: tuples of actor ids become names,
  floats are rounded, missing values are blank.
* :func:`markdown` — prose built from computed values; every Arabic run
  (with the numbers inside or at its edges: "أكثر من 5000") is wrapped in
  ``<span dir="rtl">`` so that it keeps its order inside an English sentence.
* :func:`evidence` — the sentence each extracted row came from, with the
  extracted span in ``<mark>``.

Article text is untrusted: everything that goes into HTML here is escaped
with :func:`html.escape`, so an article containing ``<script>`` or
``<img src=x onerror=…>`` shows those characters as text. Every object also
has a plain-text ``repr``, which is what nbval compares.
"""

from __future__ import annotations

import html
import math
import re

from .arabic import DIGIT_CLASS

__all__ = ["table", "rtl_table", "markdown", "evidence", "wrap_arabic", "cell_html", "has_arabic", "number", "Table", "Markdown",
           "Evidence"]

_AR = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_CHAR = re.compile(f"[{_AR}]")
_DIGITS = DIGIT_CLASS
# An Arabic run: Arabic letters, and the digits, spaces and punctuation between them; a number
# right before or after it ("5000 مرتزق", "أكثر من 5000") belongs to it.
_RUN = re.compile(
    rf"(?:[{_DIGITS}][{_DIGITS}.,٫٬]*[ \u00a0]?)?"
    rf"[{_AR}](?:[{_AR}{_DIGITS}\s.,،؛؟!%()«»\"'/:\-–]*[{_AR}])?"
    rf"(?:[ \u00a0]?[{_DIGITS}][{_DIGITS}.,٫٬]*(?<![.,]))?"
)


def has_arabic(value) -> bool:
    """True when ``value`` (as text) holds an Arabic letter.

    >>> has_arabic("روسيا · Russia"), has_arabic("Russia")
    (True, False)
    """
    return bool(_ARABIC_CHAR.search(str(value)))


_STRONG = re.compile(f"[A-Za-z\u00c0-\u024f{_AR}]")


def cell_html(value: str) -> str:
    """One table cell's text as HTML: escaped; in a cell that starts in English, each Arabic run
    is isolated in ``<span dir="rtl">`` ("3,000–9,000 (vague: آلاف عدة)"). A cell that starts in
    Arabic is left whole: its ``dir="auto"`` makes it right to left, English words included.

    >>> cell_html("about 20,000 (بنحو 20 ألفاً)")
    'about 20,000 (<span dir="rtl">بنحو 20 ألفاً</span>)'
    >>> cell_html("أكثر من 5000 <b>")
    'أكثر من 5000 &lt;b&gt;'
    """
    first = _STRONG.search(value)
    if first and not _ARABIC_CHAR.match(first.group()) and _ARABIC_CHAR.search(value):
        return wrap_arabic(value)
    return html.escape(value)


def wrap_arabic(text: str) -> str:
    """``text`` escaped for HTML, each Arabic run in ``<span dir="rtl">``.

    >>> wrap_arabic("UN says أكثر من 5000 <b>")
    'UN says <span dir="rtl">أكثر من 5000</span> &lt;b&gt;'
    """
    out, pos = [], 0
    for m in _RUN.finditer(text):
        out.append(html.escape(text[pos:m.start()], quote=False))
        out.append(f'<span dir="rtl">{html.escape(m.group(), quote=False)}</span>')
        pos = m.end()
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def number(value, digits: int = 0) -> str:
    """A number as a reader writes it: thousands separated, rounded, no float noise.

    >>> number(5.220000000000001, 1), number(20000.0), number(float("nan"))
    ('5.2', '20,000', '')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(round(float(value))):,}"
    text = f"{float(value):,.{digits}f}"
    return text


def _names():
    from .gazetteer import actors_table

    return actors_table()["name_en"].to_dict()


def _cell(value, *, digits: int, names: dict | None) -> str:
    """One value as display text."""
    import pandas as pd

    if isinstance(value, (tuple, list, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
        if names is not None:
            items = [(names.get(v) or (v.split(":", 1)[1] if ":" in v else v)) if isinstance(v, str) else v
                     for v in items]
        return ", ".join(_cell(v, digits=max(digits, 2) if isinstance(v, float) else digits, names=None)
                         for v in items)
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat(sep=" ")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "dtype") and getattr(value.dtype, "kind", "") == "b":
        return "yes" if bool(value) else "no"
    if isinstance(value, (int, float)) or (hasattr(value, "dtype") and getattr(value.dtype, "kind", "") in "iuf"):
        return number(value.item() if hasattr(value, "item") else value, digits)
    return str(value)


class Table:
    """An HTML table whose every cell reads in its own direction (see module doc)."""

    def __init__(self, frame, *, digits: int = 0, names: bool = True, max_rows: int | None = 50,
                 caption: str = "", rtl: bool = False, index: bool = True):
        import pandas as pd

        self.total = len(frame)
        if max_rows is not None and len(frame) > max_rows:
            frame = frame.head(max_rows)
        lookup = _names() if names else None
        show_index = index and not isinstance(frame.index, pd.RangeIndex)
        self.columns = ([str(n) if n is not None else "" for n in frame.index.names] if show_index else []) + [
            str(c) for c in frame.columns]
        self.rows = []
        for idx, row in zip(frame.index, frame.itertuples(index=False, name=None)):
            cells = []
            if show_index:
                cells += [_cell(v, digits=digits, names=None) for v in (idx if isinstance(idx, tuple) else (idx,))]
            cells += [_cell(v, digits=digits, names=lookup) for v in row]
            self.rows.append(cells)
        self.n_index = len(self.columns) - len(frame.columns)
        self.caption = caption
        self.rtl = rtl

    def _note(self) -> str:
        if self.total > len(self.rows):
            return f"the first {len(self.rows):,} of {self.total:,} rows"
        return ""

    def _repr_html_(self) -> str:
        esc = html.escape
        attrs = ' dir="rtl"' if self.rtl else ""
        parts = [f'<table class="dataframe libyakit-table"{attrs}>']
        caption = " · ".join(c for c in (self.caption, self._note()) if c)
        if caption:
            parts.append(f'<caption dir="auto">{esc(caption)}</caption>')
        parts.append("<thead><tr>" + "".join(f'<th dir="auto">{esc(c)}</th>' for c in self.columns) + "</tr></thead>")
        parts.append("<tbody>")
        for cells in self.rows:
            tds = [f'<th dir="auto">{cell_html(v)}</th>' if i < self.n_index else
                   f'<td dir="auto">{cell_html(v)}</td>' for i, v in enumerate(cells)]
            parts.append("<tr>" + "".join(tds) + "</tr>")
        parts.append("</tbody></table>")
        return "".join(parts)

    def __repr__(self) -> str:
        widths = [max([len(c)] + [len(r[i]) for r in self.rows]) for i, c in enumerate(self.columns)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(self.columns, widths)).rstrip()]
        lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in self.rows]
        if not self.rows:
            lines.append("(no rows)")
        note = self._note()
        return "\n".join(([self.caption] if self.caption else []) + lines + ([f"({note})"] if note else []))


def table(frame, *, digits: int = 0, names: bool = True, max_rows: int | None = 50, caption: str = "",
          index: bool = True) -> Table:
    """``frame`` as a :class:`Table`: ``dir="auto"`` on every cell, values formatted, HTML escaped.

    ``digits``: decimals kept for non-integer numbers. ``names``: tuples of actor
    ids (origins, backers) shown as English names. ``max_rows``: the first rows
    only, with a note of the total. ``index``: show a meaningful (non-range) index.

    >>> import pandas as pd
    >>> t = table(pd.DataFrame({"amount": ["10 قواعد"], "origins": [("SYR", "SDN")], "share": [5.220000000000001]}),
    ...           digits=1)
    >>> t.rows
    [['10 قواعد', 'Syria, Sudan', '5.2']]
    >>> '<td dir="auto">10 قواعد</td>' in t._repr_html_()
    True
    """
    return Table(frame, digits=digits, names=names, max_rows=max_rows, caption=caption, index=index)


def rtl_table(frame, *, uuid: str = "libyakit", precision: int = 0, max_rows: int | None = 50) -> Table:
    """A table of mostly Arabic content, laid out right to left (``dir="rtl"`` on the table,
    ``dir="auto"`` on every cell). ``uuid`` is accepted for older callers and unused: the
    HTML has no ids, so a re-run notebook shows the same HTML."""
    t = Table(frame, digits=precision, max_rows=max_rows)
    t.rtl = True
    return t


class Markdown:
    """Markdown built from computed values; Arabic runs wrapped in ``<span dir="rtl">``."""

    def __init__(self, text: str, plain: str):
        self.text = text
        self.plain = plain

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.plain


def markdown(template: str, **values) -> Markdown:
    """A finding as markdown: ``template`` is markdown written by us (trusted); ``values`` are
    computed and may hold article text, so each is escaped and its Arabic runs wrapped.

    Numbers are formatted with :func:`number`; sequences are joined with ", ".

    >>> m = markdown("**{n}** claims; the largest: {big}", n=1200, big="أكثر من 5000 <b>")
    >>> m.text
    '**1,200** claims; the largest: <span dir="rtl">أكثر من 5000</span> &lt;b&gt;'
    >>> m
    **1,200** claims; the largest: أكثر من 5000 <b>
    """
    def fmt(v):
        if isinstance(v, (list, tuple)):
            return ", ".join(fmt(x) for x in v)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return number(v, 0 if float(v).is_integer() else 1)
        if hasattr(v, "item"):  # numpy scalars
            return fmt(v.item())
        return str(v)

    shown = {k: fmt(v) for k, v in values.items()}
    text = template.format(**{k: _md_escape(wrap_arabic(v)) for k, v in shown.items()})
    # the template's own Arabic (a bilingual heading) reads right too
    if has_arabic(template):
        text = _wrap_outside_tags(text)
    return Markdown(text, template.format(**shown))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def _md_escape(text: str) -> str:
    """Markdown's own syntax characters in a value, escaped (HTML is escaped already)."""
    parts = re.split(r"(<[^>]+>)", text)
    return "".join(p if p.startswith("<") else _MD_SPECIAL.sub(r"\\\1", p) for p in parts)


def _wrap_outside_tags(text: str) -> str:
    """Arabic runs of an (already escaped) markdown text wrapped, except inside existing spans."""
    pieces = re.split(r'(<span dir="rtl">.*?</span>|<[^>]+>)', text)
    out = []
    for p in pieces:
        if p.startswith("<"):
            out.append(p)
        else:
            out.append(_RUN.sub(lambda m: f'<span dir="rtl">{m.group()}</span>', p))
    return "".join(out)


class Evidence:
    """Sentences with the extracted span highlighted, one block per row."""

    def __init__(self, items: list[dict], total: int):
        self.items = items
        self.total = total

    def _repr_html_(self) -> str:
        esc = html.escape
        blocks = []
        for it in self.items:
            head = cell_html(it["label"])
            sentence = (esc(it["before"], quote=False) + "<mark>" + esc(it["span"], quote=False) + "</mark>"
                        + esc(it["after"], quote=False))
            blocks.append(
                '<div class="libyakit-evidence" style="margin:0.4em 0">'
                f'<div dir="auto" style="font-size:85%;color:#555"><code>{esc(it["article_id"])}</code> {head}</div>'
                f'<div dir="auto">{sentence}</div></div>')
        if self.total > len(self.items):
            blocks.append(f'<div dir="auto"><em>the first {len(self.items):,} of {self.total:,}</em></div>')
        if not self.items:
            blocks.append("<div><em>(nothing found)</em></div>")
        return "".join(blocks)

    def __repr__(self) -> str:
        lines = []
        for it in self.items:
            lines.append(f"{it['article_id']}  {it['label']}")
            lines.append(f"    {it['before']}[[{it['span']}]]{it['after']}")
        if self.total > len(self.items):
            lines.append(f"(the first {len(self.items):,} of {self.total:,})")
        return "\n".join(lines) or "(nothing found)"


def _context(text: str, start: int, end: int, sentence: str | None, width: int) -> tuple[int, int, bool]:
    """Bounds of the sentence holding ``text[start:end]`` (located by its text, True), else a window (False)."""
    if sentence:
        lo = max(0, end - len(sentence))
        at = text.find(sentence, lo, start + len(sentence))
        if 0 <= at <= start and at + len(sentence) >= end:
            return at, at + len(sentence), True
    a = max(0, start - width)
    b = min(len(text), end + width)
    # widen to whole words
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return a, b, False


def evidence(rows, articles, *, label=None, max_rows: int = 20, width: int = 120, max_chars: int = 400) -> Evidence:
    """The words each row of an extractor table came from, in their sentence, the span in ``<mark>``.

    ``rows`` needs ``article_id``, ``start`` and ``end`` (a ``sentence`` column is used when
    present); ``articles`` is the frame the rows were extracted from. ``label(row)`` gives the
    line above each sentence (default: the row's ``surface``). Long sentences are cut around
    the span to ``max_chars``.
    """
    texts = dict(zip(articles["article_id"], articles["text"]))
    items = []
    for row in rows.head(max_rows).to_dict("records"):
        text = texts[row["article_id"]]
        start, end = int(row["start"]), int(row["end"])
        a, b, whole = _context(text, start, end, row.get("sentence"), width)
        sa, sb = a, b
        if b - a > max_chars:  # a long sentence: keep the words around the span
            half = max(0, (max_chars - (end - start)) // 2)
            a, b = max(a, start - half), min(b, end + half)
            while a > sa and not text[a - 1].isspace():  # whole words only
                a += 1
            while b < sb and not text[b].isspace():
                b -= 1
            a, b = min(a, start), max(b, end)
        cut_before = a > sa or (not whole and a > 0 and text[a - 1] not in ".!?؟\n")
        cut_after = b < sb or (not whole and b < len(text) and text[b - 1] not in ".!?؟\n")
        items.append({"article_id": str(row["article_id"]),
                      "label": str(label(row) if label else row.get("surface", "")),
                      "before": ("… " if cut_before else "") + text[a:start].lstrip(),
                      "span": text[start:end],
                      "after": text[end:b].rstrip() + (" …" if cut_after else "")})
    return Evidence(items, len(rows))
