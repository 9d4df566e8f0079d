"""News-database exports: one file with many articles, split into one record per article.

Researchers download from LexisNexis / Nexis Uni and Factiva, not one ``.txt`` per
article. :func:`load_articles` hands every text, DOCX and HTML file to
:func:`split_export`; a file in a known layout comes back as one record per
article (headline, source, date, byline, length and body), anything else as
``None`` and is read as one article, as before.

Layouts recognised (learnt from the public documentation and the mock samples of
the R package LexisNexisTools; our test files in ``tests/data/`` are our own):

* **LexisNexis / Nexis Uni**, TXT, DOCX or RTF. Articles are separated by
  "Document N of M" / "N of M DOCUMENTS" lines before each one, or by an
  "End of Document" line after each one (anything before the first article is the
  download's cover page). Each article opens with a few short lines (Nexis Uni:
  headline, source, date; LexisNexis Academic: source, date, headline), then
  labelled lines ("Length: 355 words", "Byline: …"), then the text (after a
  "Body" line in Nexis Uni), then index lines ("Classification", "Load-Date: …").
* **Factiva**, text (a copy of its "Full Article plus Indexing" view), RTF or
  HTML: every field behind a two- or three-letter code (HD headline, BY byline,
  WC word count, PD date, SN source, LP lead paragraph, TD text, AN the
  accession number that closes each article). A code stands alone on its line
  (the value on the lines after it), or is followed by a tab or two spaces and
  the value.

The labels and codes are data (``libyakit/data/export_fields.csv``), so a
database's other interface languages can be added without code.

>>> recs = split_export('''Document 1 of 1
...
... Troops leave Sirte
... Libya Observer
... October 24, 2020 Saturday
... Length: 4 words
... Byline: A. Writer
... Body
... The fighters left Sirte.
... End of Document''')
>>> [(r["title"], r["source"], r["date"], r["byline"], r["length"], r["text"]) for r in recs]
[('Troops leave Sirte', 'Libya Observer', '2020-10-24', 'A. Writer', '4 words', 'The fighters left Sirte.')]
>>> split_export("Just one article, no export around it.") is None
True
"""

from __future__ import annotations

import csv
import re
import warnings
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from .errors import CorpusError, DataFileError
from .paths import data_path

__all__ = ["split_export", "read_export", "export_fields", "rtf_text", "html_text", "EXPORT_FORMATS", "RECORD_FIELDS"]

EXPORT_FORMATS = ("lexisnexis", "factiva")
# what a record carries (besides the article text and the format)
RECORD_FIELDS = ("title", "source", "date", "date_raw", "byline", "length", "section", "language")
# what export_fields.csv may map a label to, per format
_STRUCTURE = {"article_start", "article_end", "body_start", "body_end"}
_KNOWN_FIELDS = {
    "lexisnexis": _STRUCTURE | {"length", "byline", "section", "dateline", "highlight", "edition", "load_date",
                                "language", "publication_type", "subject", "geographic", "journal_code", "notes",
                                "correction_date", "graphic"},
    "factiva": {"title", "byline", "credit", "length", "date", "time", "source", "source_code", "edition", "page",
                "volume", "language", "copyright", "lead", "body", "section", "contact", "reference", "caption",
                "companies", "industries", "subjects", "regions", "publisher_codes", "publisher_terms",
                "publisher", "accession"},
}
# LexisNexis fields that come after the article text (the first one ends the body)
_TAIL_FIELDS = {"load_date", "language", "publication_type", "subject", "geographic", "journal_code", "notes",
                "correction_date", "body_end"}


@lru_cache(maxsize=1)
def export_fields() -> dict[str, dict[str, str]]:
    """``{format: {label: field}}`` from ``data/export_fields.csv``, validated.

    LexisNexis labels are compared case-insensitively ("LENGTH:" and "Length:");
    Factiva codes are upper case as written. A bad row raises
    :class:`~libyakit.errors.DataFileError` naming the file and line.
    """
    path = data_path("export_fields.csv")
    out: dict[str, dict[str, str]] = {f: {} for f in EXPORT_FORMATS}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != ["format", "label", "field", "note"]:
            raise DataFileError(path, 1, f"expected columns format,label,field,note, not {reader.fieldnames}")
        for line, row in enumerate(reader, start=2):
            fmt, label, field = (row["format"] or "").strip(), (row["label"] or "").strip(), (row["field"] or "").strip()
            if fmt not in EXPORT_FORMATS:
                raise DataFileError(path, line, f"unknown format {fmt!r}: expected one of {EXPORT_FORMATS}")
            if not label:
                raise DataFileError(path, line, "empty label")
            if field not in _KNOWN_FIELDS[fmt]:
                raise DataFileError(path, line, f"unknown field {field!r} for {fmt}")
            if fmt == "factiva" and not re.fullmatch(r"[A-Z]{2,3}", label):
                raise DataFileError(path, line, f"a Factiva code is two or three capital letters, not {label!r}")
            key = label.casefold() if fmt == "lexisnexis" else label
            if key in out[fmt]:
                raise DataFileError(path, line, f"label {label!r} listed twice for {fmt}")
            out[fmt][key] = field
    return out


def _labels(field_names: set[str]) -> list[str]:
    return [label for label, f in export_fields()["lexisnexis"].items() if f in field_names]


@lru_cache(maxsize=1)
def _lexis_patterns():
    """Compiled patterns for the LexisNexis labels (built from the data file once)."""
    def alts(labels):  # "#" in a label stands for a number
        return "|".join(re.escape(lab).replace("\\#", r"\d+").replace("\\ ", r"\s+") for lab in
                        sorted(labels, key=len, reverse=True))

    start = re.compile(rf"^[ \t]*(?:{alts(_labels({'article_start'}))})[ \t]*$", re.IGNORECASE | re.MULTILINE)
    end = re.compile(rf"^[ \t]*(?:{alts(_labels({'article_end'}))})[ \t]*$", re.IGNORECASE | re.MULTILINE)
    body_start = re.compile(rf"(?:{alts(_labels({'body_start'}))})", re.IGNORECASE)
    body_end = re.compile(rf"(?:{alts(_labels({'body_end'}))})", re.IGNORECASE)
    meta = set(export_fields()["lexisnexis"]) - set(_labels(_STRUCTURE))
    labelled = re.compile(rf"^[ \t]*({alts(meta)})[ \t]*:[ \t\u00a0]*(.*)$", re.IGNORECASE)
    return start, end, body_start, body_end, labelled


@lru_cache(maxsize=1)
def _factiva_pattern():
    codes = "|".join(sorted(export_fields()["factiva"], key=len, reverse=True))
    # a code alone on its line, or followed by a tab or two spaces and the value
    return re.compile(rf"^({codes})(?:[ \t]*$|(?:\t|[ \t]{{2,}})[ \t]*(\S.*)$)", re.MULTILINE)


# --- dates ---------------------------------------------------------------------

@lru_cache(maxsize=4096)
def iso_day(line: str) -> str:
    """The day a date line names, as ``YYYY-MM-DD`` ("" when it names no whole day).

    >>> iso_day("January 11, 2010 Monday 9:20 AM GMT"), iso_day("12 March 2020"), iso_day("السبت 24 أكتوبر 2020")
    ('2010-01-11', '2020-03-12', '2020-10-24')
    >>> iso_day("The Guardian")
    ''
    """
    from .dates import find_dates

    for d in find_dates(line[:120]):
        if d.year and d.month and d.day:
            return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    return ""


# --- LexisNexis / Nexis Uni ------------------------------------------------------

def _lexis_blocks(text: str) -> list[str] | None:
    """The text of each article, without separators and cover page; None if no separator."""
    start, end, body_start, _, labelled = _lexis_patterns()
    ends = list(end.finditer(text))
    if ends:
        blocks, pos = [], 0
        for m in ends:
            blocks.append(text[pos:m.start()])
            pos = m.end()
        first = start.search(blocks[0])  # "Document 1 of M" ends the cover page; else a run of blank lines does
        blocks[0] = blocks[0][first.end():] if first else _drop_cover(blocks[0], body_start, labelled)
        blocks = [start.sub("", b) for b in blocks]
        return [b for b in blocks if b.strip()]
    starts = list(start.finditer(text))
    if starts:  # everything before the first separator is the cover page
        stops = [m.start() for m in starts[1:]] + [len(text)]
        return [text[m.end():stop] for m, stop in zip(starts, stops)]
    return None


def _drop_cover(block: str, body_start, labelled) -> str:
    """The first article of an "End of Document" export without the cover page before it.

    The cover (date of the download, search terms, list of documents) is set off from
    the first article by a run of three or more blank lines, as in Nexis Uni's downloads.
    """
    lines = block.split("\n")
    first_meta = next((i for i, ln in enumerate(lines)
                       if body_start.fullmatch(ln.strip()) or labelled.match(ln)), len(lines))
    cut, blank = 0, 0
    for i, ln in enumerate(lines[:first_meta]):
        if ln.strip():
            if blank >= 3:
                cut = i
            blank = 0
        else:
            blank += 1
    return "\n".join(lines[cut:])


def _paragraphs(lines: list[str]) -> str:
    """Body lines to text: blank-line separated paragraphs; a paragraph hard-wrapped
    at ~80 columns (LexisNexis Academic's TXT) is joined back into one line."""
    paras, cur = [], []
    for ln in lines + [""]:
        if ln.strip():
            cur.append(ln.strip())
        elif cur:
            paras.append(cur)
            cur = []
    out = []
    for p in paras:
        wrapped = len(p) > 1 and all(len(x) <= 90 for x in p[:-1])
        out.append(" ".join(p) if wrapped else "\n".join(p))
    return "\n\n".join(out)


def _parse_lexis_article(block: str) -> dict:
    _, _, body_start, body_end, labelled = _lexis_patterns()
    fields = export_fields()["lexisnexis"]
    lines = [ln.replace("\u00a0", " ").rstrip() for ln in block.split("\n")]
    rec = {k: "" for k in RECORD_FIELDS}
    head: list[str] = []
    body: list[str] = []
    state = "head"  # head -> meta -> body -> tail
    for ln in lines:
        s = ln.strip()
        m = labelled.match(ln)
        if state in ("head", "meta"):
            if body_start.fullmatch(s):  # Nexis Uni: "Body"
                state = "body"
            elif m:
                _keep(rec, fields[m.group(1).casefold()], m.group(2))
                state = "meta"
            elif state == "head":
                if s:
                    head.append(s)
            elif s:  # LexisNexis Academic: the text follows the last label line
                state = "body"
                body.append(ln)
        elif state == "body":
            if body_end.fullmatch(s) or (m and fields[m.group(1).casefold()] in _TAIL_FIELDS):
                state = "tail"
                if m:
                    _keep(rec, fields[m.group(1).casefold()], m.group(2))
            else:
                body.append(ln)
        elif m:  # tail: index lines after the text
            _keep(rec, fields[m.group(1).casefold()], m.group(2))
    if state == "head":  # no labels at all: the header is the lines before the first blank line
        parts = block.strip().split("\n\n", 1)
        head = [x.strip() for x in parts[0].split("\n") if x.strip()]
        body = parts[1].split("\n") if len(parts) > 1 else []
    # copyright notices, and LexisNexis Academic's edition line ("Edition 1; Scotland", "3 Star Edition")
    head = [h for h in head if not re.match(r"(?:copyright\b|©)|(?:\d+ star )?edition\b.{0,40}$|.{0,40}\bedition$",
                                            h, re.IGNORECASE)]
    _header(head, rec)
    rec["text"] = _paragraphs(body)
    return rec


def _keep(rec: dict, field: str, value: str) -> None:
    """Record a labelled value (the first one wins; fields we do not report are dropped)."""
    if field in rec and not rec[field]:
        rec[field] = value.strip()


def _header(head: list[str], rec: dict) -> None:
    """Headline, source and date from the short lines before the labels.

    Nexis Uni writes headline, source, date; LexisNexis Academic source, date, headline.
    The date line (the first that names a whole day) tells which is which.
    """
    at = next((i for i, h in enumerate(head) if len(h) <= 80 and iso_day(h)), None)
    if at is None:
        rec["title"] = head[0] if head else ""
        rec["source"] = head[1] if len(head) > 1 else ""
        return
    rec["date_raw"], rec["date"] = head[at], iso_day(head[at])
    before, after = head[:at], head[at + 1:]
    if len(before) >= 2:  # Nexis Uni
        rec["title"], rec["source"] = " ".join(before[:-1]), before[-1]
    else:  # LexisNexis Academic: a long headline is wrapped over several lines
        rec["source"] = before[0] if before else ""
        rec["title"] = " ".join(after)


def parse_lexisnexis(text: str) -> list[dict] | None:
    """Records of a LexisNexis / Nexis Uni export, or None if ``text`` has no separators."""
    blocks = _lexis_blocks(text)
    if blocks is None:
        return None
    return [{**_parse_lexis_article(b), "format": "lexisnexis"} for b in blocks]


# --- Factiva ---------------------------------------------------------------------

def _factiva_records(pairs) -> list[dict]:
    """Records from ``(code, value)`` pairs in document order; each HD opens an article."""
    fields = export_fields()["factiva"]
    recs, cur = [], None
    for code, value in pairs:
        field = fields[code]
        if field == "title" or cur is None:
            if cur is not None and field == "title":
                recs.append(cur)
            cur = {}
        cur[field] = (cur.get(field, "") + "\n" + value).strip() if field in cur else value.strip()
        if field == "accession":
            recs.append(cur)
            cur = None
    if cur:
        recs.append(cur)
    out = []
    for r in recs:
        rec = {k: "" for k in RECORD_FIELDS}
        for k in ("title", "source", "byline", "length", "section", "language"):
            rec[k] = " ".join(r.get(k, "").split())
        rec["date_raw"] = r.get("date", "").strip()
        rec["date"] = iso_day(rec["date_raw"]) if rec["date_raw"] else ""
        rec["text"] = "\n\n".join(x for x in (r.get("lead", "").strip(), r.get("body", "").strip()) if x)
        rec["format"] = "factiva"
        out.append(rec)
    return out


def parse_factiva(text: str) -> list[dict] | None:
    """Records of a Factiva text export, or None if ``text`` has no HD and PD/SN/LP/TD codes."""
    pat = _factiva_pattern()
    marks = list(pat.finditer(text))
    codes = {m.group(1) for m in marks}
    if "HD" not in codes or not codes & {"PD", "SN", "LP", "TD"}:
        return None
    pairs = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        value = (m.group(2) or "") + text[m.end():end]
        pairs.append((m.group(1), _paragraphs(value.split("\n"))))
    return _factiva_records(pairs)


class _FactivaHTML(HTMLParser):
    """(code, value) from the two-cell rows of Factiva's HTML view: <tr><td>HD</td><td>…</td></tr>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pairs: list[tuple[str, str]] = []
        self._cells: list[list[str]] | None = None
        self._in_cell = False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._cells = []
        elif tag == "td" and self._cells is not None:
            self._cells.append([])
            self._in_cell = True
        elif tag in ("p", "br", "div") and self._in_cell and self._cells:
            self._cells[-1].append("\n\n")

    def handle_endtag(self, tag):
        if tag == "td":
            self._in_cell = False
        elif tag == "tr" and self._cells is not None:
            cells = ["".join(c) for c in self._cells]
            if len(cells) >= 2 and cells[0].strip() in export_fields()["factiva"]:
                value = "\n\n".join(" ".join(p.split()) for p in cells[1].split("\n\n") if p.strip())
                self.pairs.append((cells[0].strip(), value))
            self._cells = None

    def handle_data(self, data):
        if self._in_cell and self._cells:
            self._cells[-1].append(data)


class _PlainHTML(HTMLParser):
    """The visible text of a web page: no head, script or style; block tags end paragraphs."""

    _SKIP = {"head", "script", "style", "title", "noscript"}
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(text: str) -> str:
    """The visible text of an HTML file, paragraphs separated by blank lines.

    >>> print(html_text("<html><head><title>x</title></head><body><p>قال المبعوث</p><p>Two</p></body></html>"))
    قال المبعوث
    <BLANKLINE>
    Two
    """
    parser = _PlainHTML()
    parser.feed(text)
    parser.close()
    paras = ("".join(parser.parts)).split("\n\n")
    return "\n\n".join(p.strip() for p in paras if p.strip())


def parse_factiva_html(text: str) -> list[dict] | None:
    """Records of a Factiva HTML export, or None if it has no HD row."""
    parser = _FactivaHTML()
    parser.feed(text)
    parser.close()
    if not any(code == "HD" for code, _ in parser.pairs):
        return None
    return _factiva_records(parser.pairs)


# --- RTF -------------------------------------------------------------------------

_RTF_TOKEN = re.compile(r"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+", re.DOTALL)
# groups whose text is no part of the document (font and colour tables, metadata, pictures)
_RTF_SKIP = {"fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "footer", "headerl", "headerr",
             "footerl", "footerr", "themedata", "colorschememapping", "latentstyles", "datastore", "xmlnstbl",
             "listtable", "listoverridetable", "rsidtbl", "generator", "object", "fldinst"}
_RTF_CHARS = {"par": "\n", "line": "\n", "sect": "\n", "page": "\n", "tab": "\t", "cell": "\t", "row": "\n",
              "emdash": "\u2014", "endash": "\u2013", "lquote": "\u2018", "rquote": "\u2019",
              "ldblquote": "\u201c", "rdblquote": "\u201d", "bullet": "\u2022"}


def rtf_text(rtf: str) -> str:
    """The text of an RTF document (Factiva's and LexisNexis's RTF downloads): paragraphs as
    lines, ``\\uN`` and ``\\'hh`` escapes decoded (the latter in the document's ``\\ansicpg``
    code page), font tables, metadata and pictures left out.

    >>> print(rtf_text(r"{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}HD\\par \\u1604?\\u1610?\\u1576?\\u1610?\\u1575? \\'93now\\'94}"))
    HD
    ليبيا “now”
    """
    out: list[str] = []
    stack: list[tuple[bool, int]] = []
    skip, uc, pending = False, 1, 0  # pending: fallback characters still to drop after a \\uN
    codepage = "cp1252"
    group_start = False
    for m in _RTF_TOKEN.finditer(rtf):
        word, arg, hexbyte, symbol, brace, text = m.groups()
        if brace == "{":
            stack.append((skip, uc))
            group_start = True
            continue
        if brace == "}":
            skip, uc = stack.pop() if stack else (False, 1)
            pending = 0
            continue
        first, group_start = group_start, False
        if word:
            if first and word in _RTF_SKIP:
                skip = True
            elif word == "ansicpg" and arg:
                codepage = f"cp{arg}"
            elif word == "uc" and arg:
                uc = int(arg)
            elif word == "u" and arg:
                if not skip:
                    out.append(chr(int(arg) % 65536))
                pending = uc
            elif word in _RTF_CHARS and not skip:
                out.append(_RTF_CHARS[word])
            continue
        if symbol:
            if symbol == "*" and first:
                skip = True
            elif pending:
                pending -= 1
            elif not skip:
                out.append({"~": "\u00a0", "-": "", "_": "\u2011"}.get(symbol, symbol if symbol in "\\{}" else ""))
            continue
        if hexbyte:
            if pending:
                pending -= 1
            elif not skip:
                out.append(bytes([int(hexbyte, 16)]).decode(codepage, errors="replace"))
            continue
        if text and not skip:
            if pending:
                drop = min(pending, len(text))
                text, pending = text[drop:], pending - drop
            out.append(text)
    return "".join(out)


# --- entry points ----------------------------------------------------------------

# what makes a text file look like a download (then failing to split it deserves a warning)
_LOOKS_LIKE_EXPORT = re.compile(r"^\s*(?:End of Document|Document \d+ of \d+|\d+ of \d+ DOCUMENTS?)\s*$"
                                r"|^(?:HD|AN)(?:[ \t]*$|\t|[ \t]{2})", re.MULTILINE)


def split_export(text: str, *, kind: str = "text") -> list[dict] | None:
    """One record per article of an export, or None when ``text`` is in no known layout.

    ``kind`` is "text" (TXT, or a DOCX's paragraphs) or "html". Each record has
    ``title, source, date`` (ISO day or ""), ``date_raw`` (as written), ``byline,
    length, section, language, text`` and ``format`` ("lexisnexis" or "factiva").
    """
    if kind == "html":
        recs = parse_factiva_html(text)
    else:
        recs = parse_lexisnexis(text)
        if recs is None:
            recs = parse_factiva(text)
    return recs or None


def docx_text(path) -> str:
    """The paragraphs of a Word file, one per line (Nexis Uni's DOCX downloads)."""
    import zipfile

    import docx

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise CorpusError(path, f"not a readable .docx file: {e}") from None
    return "\n".join(p.text.replace("\r", "\n") for p in document.paragraphs)


def file_text(path: Path) -> str:
    """A TXT or HTML file decoded as every article file is (:func:`libyakit.decode_bytes`),
    or a DOCX file's paragraphs."""
    if path.suffix.lower() == ".docx":
        return docx_text(path)
    from .load import decode_bytes

    text = decode_bytes(path.read_bytes(), str(path))[0]
    return rtf_text(text) if path.suffix.lower() == ".rtf" else text


def export_records(path: Path, text: str | None = None) -> list[dict] | None:
    """The export records of one file (TXT, DOCX or HTML), or None with a warning when a
    DOCX/HTML file (always a download) or a text file that looks like one is in no known layout.

    ``text``: the file's decoded text, when the caller has it already.
    """
    suffix = path.suffix.lower()
    if text is None:
        text = file_text(path)
    kind = "html" if suffix in (".html", ".htm") else "text"
    recs = split_export(text, kind=kind)
    if recs is None and (suffix != ".txt" or _LOOKS_LIKE_EXPORT.search(text)):
        warnings.warn(f"{path}: not in a known LexisNexis / Nexis Uni or Factiva layout; "
                      "read as one article", stacklevel=4)
    return recs


def read_export(path):
    """All the fields of a LexisNexis / Nexis Uni or Factiva export file as a DataFrame,
    one row per article: ``article, title, source, date, date_raw, byline, length,
    section, language, format, text`` (the article text as in the export, not cleaned).

    For analysis use :func:`libyakit.load_articles`, which reads the same files into
    the articles table (cleaned text, language, ids).
    """
    import pandas as pd

    path = Path(path)
    text = file_text(path)
    kind = "html" if path.suffix.lower() in (".html", ".htm") else "text"
    recs = split_export(text, kind=kind)
    if recs is None:
        raise CorpusError(path, "not in a known LexisNexis / Nexis Uni or Factiva layout")
    df = pd.DataFrame(recs, columns=[*RECORD_FIELDS, "format", "text"])
    df.insert(0, "article", range(1, len(df) + 1))
    return df
