"""Loading: article files into one tidy pandas DataFrame, one row per article.

Scraped news comes in several encodings. We decode strictly and in a fixed
order — UTF-8/UTF-16 byte-order marks, then UTF-8, then Windows-1256, then
Windows-1252 — and accept Windows-1256 only when the result is mostly Arabic
letters, and Windows-1252 only when it reads as Latin-script prose, because
both decode almost any bytes without complaint, and
statistical detectors guess wrong on short Arabic texts (charset-normalizer
took a short cp1256 text for cp932). A file we cannot read is an error that
names it, never a silently empty row.
"""

from __future__ import annotations

import codecs
import os
import re
import warnings
from collections import Counter
from pathlib import Path
from typing import Iterable

import regex

from .clean import ARABIC_LETTERS, split_article
from .errors import CorpusError
from .paths import seeds_dir
from .progress import progress_bar
from .segment import JOINED_EVIDENCE, _default_segmenter, corpus_segmenter, fix_joined_words_at

__all__ = ["load_articles", "decode_bytes", "detect_language", "ARTICLE_SUFFIXES"]

TEXT_SUFFIXES = (".txt",)
EXPORT_SUFFIXES = (".docx", ".rtf", ".html", ".htm")  # news-database downloads (libyakit.exports)
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".json", ".parquet")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + EXPORT_SUFFIXES + TABLE_SUFFIXES

_ARABIC = re.compile(f"[{ARABIC_LETTERS}]")  # stdlib re: ranges only, faster
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = regex.compile(r"\p{L}")
_BAD_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def detect_language(text: str) -> str:
    """``"ar"`` or ``"en"`` by which script has more letters in ``text``.

    >>> detect_language("قال ميلز إن Wagner موجودة")
    'ar'
    >>> detect_language("The U.N. said")
    'en'
    """
    # the first few thousand characters tell the script as well as the whole text
    sample = text[:5000]
    n_ar = len(_ARABIC.findall(sample))
    n_lat = len(_LATIN.findall(sample))
    if n_ar == n_lat and len(text) > len(sample):
        n_ar, n_lat = len(_ARABIC.findall(text)), len(_LATIN.findall(text))
    if n_ar == 0 and n_lat == 0:
        raise ValueError("no Arabic or Latin letters: cannot tell the language")
    return "ar" if n_ar >= n_lat else "en"


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    if len(_BAD_CONTROL.findall(text)) > max(2, len(text) // 1000):
        return False
    return True


_NON_ASCII_LETTERS = regex.compile(r"[^\x00-\x7f\P{L}]+")


def _western_text(data: bytes) -> str | None:
    """``data`` read as Windows-1252 (which includes Latin-1's letters), if that gives
    Latin-script prose: an English or French article saved by a Western Windows tool,
    with curly quotes, dashes or accented letters.

    cp1252 also decodes Arabic cp1256 bytes without complaint ("ÇáÌíÔ" for "الجيش"),
    so the result must look like Western prose: at most a third of its letters
    outside ASCII, and never three of them in a row (a run of accented letters is
    another script read wrongly).
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # five bytes cp1252 leaves undefined
        return None
    letters = _LETTER.findall(text)
    runs = _NON_ASCII_LETTERS.findall(text)
    if not letters or sum(map(len, runs)) > len(letters) / 3 or any(len(r) >= 3 for r in runs):
        return None
    return text if _looks_like_text(text) else None


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode an article's bytes; return ``(text, encoding)``.

    Line ends are unified to ``\\n`` (CRLF and CR are encodings of the same
    line break). Raises :class:`CorpusError` naming ``name`` for an empty,
    binary or undecodable input.

    >>> decode_bytes("ليبيا\\r\\n".encode("cp1256"))
    ('ليبيا\\n', 'cp1256')
    >>> decode_bytes(codecs.BOM_UTF8 + "ليبيا".encode())
    ('ليبيا', 'utf-8-sig')
    """
    if not data.strip():
        raise CorpusError(name, "empty file")
    text = encoding = None
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            raise CorpusError(name, f"has a {encoding} byte-order mark but is not valid {encoding}: {e.reason} at byte {e.start}") from None
    elif b"\x00" in data:
        raise CorpusError(name, "binary file (contains NUL bytes and no UTF-16 byte-order mark)")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as e:
            utf8_error = f"{e.reason} at byte {e.start}"
            try:
                candidate = data.decode("cp1256")
            except UnicodeDecodeError:
                candidate = ""
            letters = _LETTER.findall(candidate)
            arabic = _ARABIC.findall(candidate)
            if letters and len(arabic) / len(letters) >= 0.6 and _looks_like_text(candidate):
                text, encoding = candidate, "cp1256"
            elif (western := _western_text(data)) is not None:
                text, encoding = western, "cp1252"
            else:
                raise CorpusError(
                    name,
                    f"cannot decode: not UTF-8 ({utf8_error}), not UTF-16 with a byte-order mark, "
                    "not Windows-1256 Arabic text and not Windows-1252 Latin-script text",
                ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CorpusError(name, "empty file")
    if not _looks_like_text(text):
        raise CorpusError(name, "binary file (control characters where text is expected)")
    return text, encoding


def _expand_paths(path) -> list[Path]:
    if path is None:
        path = seeds_dir()
    if isinstance(path, (str, os.PathLike)):
        paths = [Path(path)]
    elif isinstance(path, Iterable):
        paths = [Path(p) for p in path]
        if not paths:
            raise CorpusError("[]", "an empty list of files")
    else:
        raise TypeError(f"path must be a file, a folder or a list of files, not {type(path).__name__}")
    files: list[Path] = []
    for p in paths:
        if not p.exists():
            raise FileNotFoundError(f"no such file or folder: {p}")
        if p.is_dir():
            entries = sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith("."))
            found = [f for f in entries if f.suffix.lower() in ARTICLE_SUFFIXES]
            if not found:
                raise CorpusError(p, f"folder has no article files ({', '.join(ARTICLE_SUFFIXES)})")
            other = [f.name for f in entries if f.suffix.lower() not in ARTICLE_SUFFIXES]
            if other:  # nothing left out without a word
                warnings.warn(f"{p}: {len(other)} file(s) that are no article files were not read: "
                              f"{', '.join(other[:5])}{' ...' if len(other) > 5 else ''}", stacklevel=3)
            files.extend(found)
        elif p.suffix.lower() not in ARTICLE_SUFFIXES:
            raise CorpusError(p, f"not an article file: expected one of {', '.join(ARTICLE_SUFFIXES)}")
        else:
            files.append(p)
    return files


# Column names recognised in tabular corpora (case-insensitive), first match wins.
TABLE_COLUMNS = {
    "text": ["text", "content", "body", "article", "full_text", "fulltext"],
    "article_id": ["article_id", "id", "doc_id", "uid"],
    "date": ["date", "published", "published_at", "date_published", "pubdate", "date_extracted"],
    "title": ["title", "headline"],
    "source": ["source", "outlet", "publisher", "site"],
    "byline": ["byline", "author"],
    "url": ["url", "link"],
}


def sniff_encoding(f: Path, size: int = 1 << 20) -> str:
    """The text encoding of file ``f``, judged by :func:`decode_bytes` on its first
    ``size`` bytes (cut at a line end), for readers that stream a file in blocks."""
    with open(f, "rb") as fh:
        head = fh.read(size + 1)
    if len(head) > size:
        head = head[:size]
        cut = head.rfind(b"\n")
        if cut > 0:
            head = head[:cut + 1]
    return decode_bytes(head, str(f))[1]


def _read_table(f: Path):
    """The table in ``f`` and what its ``encoding`` column says: a CSV file's text
    encoding (decoded by the same rules as a text file: a spreadsheet saved on an
    Arabic Windows machine is Windows-1256), else the format, "jsonl" or "parquet"."""
    import io

    import pandas as pd

    suffix = f.suffix.lower()
    if suffix == ".csv":
        text, encoding = decode_bytes(f.read_bytes(), str(f))
        try:
            return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False), encoding
        except Exception as e:  # pandas raises many kinds; all mean "cannot read this file"
            raise CorpusError(f, f"cannot read as csv: {e}") from None
    if suffix == ".json":
        return _read_json_array(f), "json"
    try:
        if suffix in (".jsonl", ".ndjson"):
            return pd.read_json(f, lines=True, dtype=False), "jsonl"
        return pd.read_parquet(f), "parquet"
    except Exception as e:
        where = _bad_json_line(f) if suffix in (".jsonl", ".ndjson") else None
        raise CorpusError(f, where or f"cannot read as {suffix[1:]}: {e}") from None


def _read_json_array(f: Path):
    """A ``.json`` corpus: an array of article objects (as SaudiNewsNet's daily files are), or an
    object holding one such array ({"articles": [...]})."""
    import json

    import pandas as pd

    text, _ = decode_bytes(f.read_bytes(), str(f))
    try:
        data = json.loads(text)
    except ValueError as e:
        raise CorpusError(f, f"not valid JSON: {e}") from None
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        if len(lists) != 1:
            raise CorpusError(f, "a JSON object must hold exactly one list of article objects "
                                 f"(found {len(lists)}: keys {list(data)[:8]})")
        data = lists[0]
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise CorpusError(f, "expected a JSON array of article objects")
    return pd.DataFrame(data)


def _bad_json_line(f: Path) -> str | None:
    """Which line of a JSON Lines file is not a JSON object, and why (pandas does not say)."""
    import json

    with open(f, encoding="utf-8-sig", errors="replace") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except ValueError as e:
                return f"line {n} is not valid JSON ({e}): {line.strip()[:60]!r}"
            if not isinstance(value, dict):
                return f"line {n} is not a JSON object: {line.strip()[:60]!r}"
    return None


def _records(f: Path, text_column: str | None):
    """Yield ``(where, raw_text, metadata)`` for each article in file ``f``."""
    if f.suffix.lower() in TEXT_SUFFIXES + EXPORT_SUFFIXES:
        from .exports import docx_text, export_records, html_text, rtf_text

        if f.suffix.lower() == ".docx":
            raw, encoding = docx_text(f), "docx"
        else:
            raw, encoding = decode_bytes(f.read_bytes(), str(f))
            raw = rtf_text(raw) if f.suffix.lower() == ".rtf" else raw
        exported = export_records(f, raw)
        if exported is None:  # one article per file
            raw = html_text(raw) if f.suffix.lower() in (".html", ".htm") else raw
            yield str(f), raw, {"article_id": f.stem, "encoding": encoding}
            return
        for i, rec in enumerate(exported, start=1):  # a LexisNexis or Factiva export: one article each
            meta = {"article_id": f"{f.stem}-{i:05d}", "encoding": encoding,
                    **{k: rec[k] for k in ("title", "source", "date", "byline")}}
            yield f"{f} article {i}", rec["text"], meta
        return
    table, encoding = _read_table(f)
    yield from _table_records(table, f.stem, str(f), encoding, text_column)


def _cell_text(value) -> str:
    """A table cell as text: missing values (None, NaN) become ""."""
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _table_records(table, stem: str, name: str, encoding: str, text_column: str | None, first_row: int = 0):
    """Yield ``(where, raw_text, metadata)`` for each row of a tabular corpus."""
    lower = {str(c).lower(): c for c in table.columns}
    names = {}
    for field, options in TABLE_COLUMNS.items():
        if field == "text" and text_column:
            options = [text_column.lower()]
        names[field] = next((lower[o] for o in options if o in lower), None)
    if names["text"] is None:
        wanted = text_column or " / ".join(TABLE_COLUMNS["text"])
        raise CorpusError(name, f"no text column ({wanted}) among {list(table.columns)}")
    for i, row in enumerate(table.to_dict("records"), start=first_row):
        meta = {"encoding": encoding, "row": i}
        for field in ("article_id", "date", "title", "source", "byline", "url"):
            col = names[field]
            meta[field] = _cell_text(row.get(col) if col is not None else None)
        meta["article_id"] = meta["article_id"] or f"{stem}-{i:06d}"
        raw = _cell_text(row[names["text"]])
        yield f"{name} row {i + 1}", raw.replace("\r\n", "\n").replace("\r", "\n"), meta


def _article_row(where: str, raw: str, meta: dict, fix_joined: bool) -> dict:
    # a table's row N counts its data rows from 1 (the header not included): the id says which one
    at = f"{where} (article_id {meta['article_id']!r})" if "row" in meta else where
    if not raw.strip():
        raise CorpusError(at, "empty article text")
    cleaned = split_article(raw)
    if not cleaned.text:
        raise CorpusError(at, "no article text left after removing site chrome")
    try:
        lang = detect_language(cleaned.text)
    except ValueError as e:
        raise CorpusError(at, str(e)) from None
    repaired = fix_joined_words_at(cleaned.text) if fix_joined else (cleaned.text, ())
    return {
        "article_id": meta["article_id"],
        "path": where,
        "encoding": meta.get("encoding", ""),
        "lang": lang,
        "date": meta.get("date") or cleaned.date or _dateline_day(cleaned.text),
        "title": meta.get("title") or cleaned.title,
        "source": meta.get("source", ""),
        "byline": meta.get("byline", ""),
        "url": meta.get("url", ""),
        "text_raw": raw,
        **_text_columns(*repaired),
    }


def _dateline_day(text: str) -> str | None:
    """The ISO day of the article's dateline or byline date (:func:`libyakit.dates.dateline`), if any."""
    from .dates import dateline

    d = dateline(text)
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}" if d is not None else None


def _text_columns(text: str, fixed_at: tuple[int, ...]) -> dict:
    """The columns that follow from an article's final ``text`` and the spaces the repair put in it."""
    return {"text": text, "n_words": len(text.split()), "n_joined_fixed": len(fixed_at), "joined_fixed_at": fixed_at}


_ISO_DAY = r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$"  # the day as written, whatever the time or zone after it
_NUMERIC_DAY = r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ,].*)?$"


def _parse_dates(values):
    """Dates to datetime64 (day precision); unparseable ones become NaT with a warning naming them.

    Read in this order: ISO days ("2020-10-23", with any time or zone: the day as written),
    numeric days ("23/10/2020"; day first unless a value such as "10/23/2020" shows the column
    puts the month first — an all-ambiguous column is read day first, with a warning), Unix
    timestamps, dates with month names in English or Arabic ("October 23, 2020", "23 أكتوبر
    2020"), and last whatever pandas can read.
    """
    import pandas as pd

    from .dates import find_dates

    values = values.fillna("").astype(str).str.strip()
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    todo = values != ""

    iso = values.str.extract(_ISO_DAY)[0]
    hit = todo & iso.notna()
    parsed[hit] = pd.to_datetime(iso[hit], format="%Y-%m-%d", errors="coerce")
    todo &= parsed.isna()

    num = values.str.extract(_NUMERIC_DAY)
    hit = todo & num[0].notna()
    if hit.any():
        first, second = num.loc[hit, 0].astype(int), num.loc[hit, 1].astype(int)
        month_first = bool((second > 12).any()) and not bool((first > 12).any())
        day, month = (second, first) if month_first else (first, second)
        ambiguous = sorted(set(values[hit][(first <= 12) & (second <= 12) & (first != second)]))
        if ambiguous and not (first > 12).any() and not (second > 12).any():
            warnings.warn(f"dates such as {ambiguous[:3]} could be day/month or month/day; read day first",
                          stacklevel=3)
        frame = pd.DataFrame({"year": num.loc[hit, 2].astype(int), "month": month, "day": day})
        parsed[hit] = pd.to_datetime(frame, errors="coerce")
    todo &= parsed.isna()

    stamp = todo & values.str.fullmatch(r"\d{9,10}")
    if stamp.any():
        parsed[stamp] = pd.to_datetime(values[stamp].astype("int64"), unit="s", errors="coerce").dt.normalize()
    todo &= parsed.isna()

    def written_day(value):  # "October 23, 2020", "23 أكتوبر 2020": one whole date, to the day
        found = find_dates(value)
        if len(found) == 1 and found[0].day and found[0].year and len(found[0].surface) >= len(value) - 2:
            return pd.Timestamp(year=found[0].year, month=found[0].month, day=found[0].day)
        return pd.NaT

    if todo.any():  # once per distinct value: a corpus repeats its dates
        parsed[todo] = values[todo].map({v: written_day(v) for v in values[todo].unique()})
    todo &= parsed.isna()

    if todo.any():  # anything else pandas reads (zones made UTC first: mixed zones cannot share a column)
        rest = pd.to_datetime(values[todo], errors="coerce", format="mixed", utc=True)
        parsed[todo] = rest.dt.tz_localize(None)
    bad = sorted(set(values[(values != "") & parsed.isna()]))
    if bad:
        warnings.warn(f"unreadable dates set to NaT: {bad[:5]}{' ...' if len(bad) > 5 else ''}", stacklevel=3)
    return parsed.dt.normalize().astype("datetime64[ns]")


def load_articles(path=None, *, errors: str = "raise", fix_joined: bool = True, text_column: str | None = None,
                  progress: bool | None = None, joined_evidence: str = "article"):
    """Load articles into a DataFrame, one row per article, sorted by ``article_id``.

    Parameters
    ----------
    path
        A folder of article files, one file, or a list of files. Default: the
        project's ``seeds/`` corpus, found wherever the code runs from. A
        ``.txt`` file is one article; a ``.csv``, ``.jsonl``/``.ndjson`` or
        ``.parquet`` file is a table with one article per row: a text column
        (text, content, body, ...) and optional id, date, title, source and
        url columns (see ``TABLE_COLUMNS``). A LexisNexis / Nexis Uni export
        (``.txt``, ``.docx`` or ``.rtf``) or a Factiva export (text, ``.rtf`` or
        ``.html``) gives one row per article, with its title, source, date and
        byline (:mod:`libyakit.exports`); a ``.docx``, ``.rtf`` or ``.html`` file in
        no known layout is read as one article, with a warning.
    errors
        ``"raise"`` (default): the first bad file raises :class:`CorpusError`
        naming it and the reason. ``"warn"``: bad files are skipped with a
        warning and every problem is listed in ``df.attrs["problems"]`` as
        ``{"path": …, "article_id": …, "reason": …}`` (article_id for a table's
        rows, "" for files).
    fix_joined
        Repair Arabic words that lost the space between them
        (:func:`libyakit.fix_joined_words`); the audit of every repair is
        :func:`libyakit.joined_words_report`.
    text_column
        The text column of tabular files, when it has another name.
    progress
        Show a progress bar (default: when someone can see it; see
        :mod:`libyakit.progress`).
    joined_evidence
        ``"article"`` (default): each article is repaired on its own, so its
        ``text`` does not depend on which other articles were loaded.
        ``"corpus"``: the repair also weighs what the whole corpus shows — a
        pair seen spaced in other articles is split here, a form seen whole
        in several articles and never spaced is kept (a name). Higher recall
        (see the README); ``df.attrs["joined_evidence"]`` records the choice
        and :func:`libyakit.joined_words_report` explains the repairs with
        the same counts.

    Columns
    -------
    article_id (file stem, or the table's id column, else ``<file stem>-<row>``),
    path (file, with the row for tables), encoding, lang ("ar" or "en", from the
    script of the letters), date (datetime64; NaT when unknown; set by a leading
    ``date YYYY-MM-DD`` line), title (a headline repeated at the top; empty when
    none), source, byline (from tables and exports; empty otherwise), url, text_raw (the decoded
    file or the table's text, line ends unified), text (cleaned and
    joined words repaired: what every analysis uses), n_words, n_joined_fixed
    (spaces the repair inserted) and joined_fixed_at (their offsets in
    ``text``, for :func:`libyakit.joined_words_report`).

    >>> df = load_articles()
    >>> sorted(df["lang"].unique())
    ['ar', 'en']
    """
    if errors not in ("raise", "warn"):
        raise ValueError(f"errors must be 'raise' or 'warn', not {errors!r}")
    if joined_evidence not in JOINED_EVIDENCE:
        raise ValueError(f"joined_evidence must be one of {JOINED_EVIDENCE}, not {joined_evidence!r}")
    files = _expand_paths(path)

    def records():
        for f in files:
            try:
                yield from _records(f, text_column)
            except (CorpusError, OSError) as e:  # the whole file is unreadable
                yield str(f), e, None

    return _build(records(), errors=errors, fix_joined=fix_joined, progress=progress, joined_evidence=joined_evidence)


def articles_from_frame(table, *, name: str = "frame", text_column: str | None = None, errors: str = "raise",
                        fix_joined: bool = True, first_row: int = 0, progress: bool | None = False,
                        encoding: str = "table"):
    """The articles DataFrame for a table already in memory (one article per row).

    The same cleaning, repair and columns as :func:`load_articles`; used by
    the Dask path (:mod:`libyakit.scale`) on each partition. ``first_row``
    numbers the rows of a partition within its file; ``encoding`` fills the
    column of that name (the file's encoding, or its format).
    """
    if errors not in ("raise", "warn"):
        raise ValueError(f"errors must be 'raise' or 'warn', not {errors!r}")
    stem = Path(name).stem
    return _build(_table_records(table, stem, name, encoding, text_column, first_row),
                  errors=errors, fix_joined=fix_joined, progress=progress)


ARTICLE_COLUMNS = ["article_id", "path", "encoding", "lang", "date", "title", "source", "byline", "url", "text_raw", "text",
                   "n_words", "n_joined_fixed", "joined_fixed_at"]


def _first_problems(problems: list[dict], n: int = 5) -> str:
    """The first ``n`` problems for a warning: "path (article_id 'x'): reason; ..."."""
    def one(p):
        note = f" (article_id {p['article_id']!r})" if p.get("article_id") else ""
        return f"{p['path']}{note}: {p['reason']}"

    return "; ".join(map(one, problems[:n]))


def _build(records, *, errors: str, fix_joined: bool, progress, joined_evidence: str = "article"):
    import pandas as pd

    rows, problems = [], []
    n_items = 0
    by_corpus = fix_joined and joined_evidence == "corpus"
    if fix_joined:  # load the repair's lexicon and models before the bar's clock starts
        _default_segmenter()
    for where, raw, meta in progress_bar(records, desc="loading", enable=progress):
        n_items += 1
        try:
            if isinstance(raw, Exception):
                raise raw
            rows.append(_article_row(where, raw, meta, fix_joined and not by_corpus))
        except (CorpusError, OSError) as e:
            if errors == "raise":
                raise
            reason = e.reason if isinstance(e, CorpusError) else str(e)
            table_row = meta is not None and "row" in meta
            problems.append({"path": where, "article_id": meta["article_id"] if table_row else "",
                             "reason": reason})
    if problems:
        shown = _first_problems(problems)
        more = f"; and {len(problems) - 5} more (see df.attrs['problems'])" if len(problems) > 5 else ""
        warnings.warn(f"skipped {len(problems)} of {n_items} articles or files: {shown}{more}", stacklevel=3)
    counts = Counter(r["article_id"] for r in rows)
    dupes = sorted(i for i, n in counts.items() if n > 1)
    if dupes:
        raise CorpusError(", ".join(dupes[:10]), "the same article_id comes from more than one file or row")
    if by_corpus:  # second pass: every article repaired with the counts of all of them
        seg = corpus_segmenter(progress_bar((r["text"] for r in rows), total=len(rows), desc="counting",
                                            enable=progress))
        for r in progress_bar(rows, desc="repairing", enable=progress):
            r.update(_text_columns(*fix_joined_words_at(r["text"], segmenter=seg)))
    df = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    df["date"] = _parse_dates(df["date"])
    df["n_words"] = df["n_words"].astype("int64")
    df["n_joined_fixed"] = df["n_joined_fixed"].astype("int64")
    df = df.sort_values("article_id", kind="stable").reset_index(drop=True)
    df.attrs["problems"] = problems
    df.attrs["joined_evidence"] = joined_evidence if fix_joined else None
    return df
