"""Loading: article files into one tidy pandas DataFrame, one row per article.

Scraped news comes in several encodings. We decode strictly and in a fixed
order — UTF-8/UTF-16 byte-order marks, then UTF-8, then Windows-1256 — and
accept Windows-1256 only when the result is mostly Arabic letters, because
cp1256 (like cp1252) decodes almost any bytes without complaint, and
statistical detectors guess wrong on short Arabic texts (charset-normalizer
took a short cp1256 text for cp932). A file we cannot read is an error that
names it, never a silently empty row.
"""

from __future__ import annotations

import codecs
import os
import warnings
from collections import Counter
from pathlib import Path
from typing import Iterable

import regex

from .clean import ARABIC_LETTERS, split_article
from .errors import CorpusError
from .paths import seeds_dir
from .segment import fix_joined_words

__all__ = ["load_articles", "decode_bytes", "detect_language", "ARTICLE_SUFFIXES"]

ARTICLE_SUFFIXES = (".txt",)

_ARABIC = regex.compile(f"[{ARABIC_LETTERS}]")
_LATIN = regex.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = regex.compile(r"\p{L}")
_BAD_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def detect_language(text: str) -> str:
    """``"ar"`` or ``"en"`` by which script has more letters in ``text``.

    >>> detect_language("قال ميلز إن Wagner موجودة")
    'ar'
    >>> detect_language("The U.N. said")
    'en'
    """
    n_ar = len(_ARABIC.findall(text))
    n_lat = len(_LATIN.findall(text))
    if n_ar == 0 and n_lat == 0:
        raise ValueError("no Arabic or Latin letters: cannot tell the language")
    return "ar" if n_ar >= n_lat else "en"


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    if len(_BAD_CONTROL.findall(text)) > max(2, len(text) // 1000):
        return False
    return True


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
            else:
                raise CorpusError(
                    name,
                    f"cannot decode: not UTF-8 ({utf8_error}), not UTF-16 with a byte-order mark, "
                    "and not Windows-1256 Arabic text",
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
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise CorpusError(p, f"folder has no article files ({', '.join(ARTICLE_SUFFIXES)})")
            files.extend(found)
        else:
            files.append(p)
    return files


def _article_row(f: Path, fix_joined: bool) -> dict:
    raw, encoding = decode_bytes(f.read_bytes(), str(f))
    cleaned = split_article(raw)
    if not cleaned.text:
        raise CorpusError(f, "no article text left after removing site chrome")
    try:
        lang = detect_language(cleaned.text)
    except ValueError as e:
        raise CorpusError(f, str(e)) from None
    text, n_fixed = cleaned.text, 0
    if fix_joined:
        text = fix_joined_words(cleaned.text)
        n_fixed = len(text) - len(cleaned.text)  # one inserted space per repair point
    return {
        "article_id": f.stem,
        "path": str(f),
        "encoding": encoding,
        "lang": lang,
        "date": cleaned.date,
        "title": cleaned.title,
        "text_raw": raw,
        "text": text,
        "n_words": len(text.split()),
        "n_joined_fixed": n_fixed,
    }


def load_articles(path=None, *, errors: str = "raise", fix_joined: bool = True):
    """Load articles into a DataFrame, one row per article, sorted by ``article_id``.

    Parameters
    ----------
    path
        A folder of ``.txt`` files, one file, or a list of files. Default: the
        project's ``seeds/`` corpus, found wherever the code runs from.
    errors
        ``"raise"`` (default): the first bad file raises :class:`CorpusError`
        naming it and the reason. ``"warn"``: bad files are skipped with a
        warning and every problem is listed in ``df.attrs["problems"]`` as
        ``{"path": …, "reason": …}``.
    fix_joined
        Repair Arabic words that lost the space between them
        (:func:`libyakit.fix_joined_words`); the audit of every repair is
        :func:`libyakit.joined_words_report`.

    Columns
    -------
    article_id (file stem), path, encoding, lang ("ar" or "en", from the
    script of the letters), date (datetime64; NaT when unknown; set by a leading
    ``date YYYY-MM-DD`` line), title (a headline repeated at the top; empty when
    none), text_raw (the decoded file, line ends unified), text (cleaned and
    joined words repaired: what every analysis uses), n_words, n_joined_fixed
    (spaces the repair inserted).

    >>> df = load_articles()
    >>> sorted(df["lang"].unique())
    ['ar', 'en']
    """
    import pandas as pd

    if errors not in ("raise", "warn"):
        raise ValueError(f"errors must be 'raise' or 'warn', not {errors!r}")
    files = _expand_paths(path)
    rows, problems = [], []
    for f in files:
        try:
            rows.append(_article_row(f, fix_joined))
        except (CorpusError, OSError) as e:
            if errors == "raise":
                raise
            reason = e.reason if isinstance(e, CorpusError) else str(e)
            problems.append({"path": str(f), "reason": reason})
    if problems:
        warnings.warn(
            f"skipped {len(problems)} of {len(files)} files: "
            + "; ".join(f"{p['path']}: {p['reason']}" for p in problems),
            stacklevel=2,
        )
    counts = Counter(r["article_id"] for r in rows)
    dupes = sorted(i for i, n in counts.items() if n > 1)
    if dupes:
        raise CorpusError(", ".join(dupes), "the same article_id comes from more than one file")
    columns = ["article_id", "path", "encoding", "lang", "date", "title", "text_raw", "text", "n_words",
               "n_joined_fixed"]
    df = pd.DataFrame(rows, columns=columns)
    df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d", errors="raise").astype("datetime64[ns]")
    df["n_words"] = df["n_words"].astype("int64")
    df["n_joined_fixed"] = df["n_joined_fixed"].astype("int64")
    df = df.sort_values("article_id", kind="stable").reset_index(drop=True)
    df.attrs["problems"] = problems
    return df
