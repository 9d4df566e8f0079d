"""libyakit: Arabic and English news about foreign forces in Libya, as tidy tables.

The public names are re-exported here and imported lazily, so that
``import libyakit`` stays fast and heavy resources (pandas, the Arabic lexicon,
matplotlib) load only when first used.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "CorpusError": "errors",
    "DataFileError": "errors",
    "load_articles": "load",
    "decode_bytes": "load",
    "detect_language": "load",
    "clean_text": "clean",
    "normalize_arabic": "clean",
    "split_article": "clean",
    "cleaning_changes": "clean",
    "seeds_dir": "paths",
    "fix_joined_words": "segment",
    "find_joined_words": "segment",
    "joined_words_report": "segment",
    "cleaning_report": "corpus",
    "top_words": "corpus",
    "rtl_table": "display",
    "run_pipeline": "pipeline",
    "export_tables": "pipeline",
    "extract_actors": "actors",
    "mention_summary": "actors",
    "mention_matrix": "actors",
    "cooccurrence": "actors",
    "extract_forces": "forces",
    "extract_backing": "backing",
    "extract_ceasefire": "ceasefire",
    "term_matrix": "ceasefire",
    "timeline_events": "ceasefire",
    "extract_quotes": "quotes",
    "extract_dates": "dates",
    "extract_agencies": "quotes",
    "same_statements": "quotes",
    "statement_quotes": "quotes",
    "actors_table": "gazetteer",
    "aliases_table": "gazetteer",
    "read_export": "exports",
    "split_export": "exports",
    "find_duplicates": "duplicates",
    "dedupe": "duplicates",
    "diff_articles": "duplicates",
    "diff_html": "duplicates",
    "per_story": "duplicates",
    "kwic": "concordance",
    "KwicIndex": "concordance",
    "kwic_html": "concordance",
    "sample_for_validation": "validation",
    "validation_report": "validation",
    "validation_form": "validation",
    "Document": "document",
    "Span": "document",
    "as_document": "document",
    "use_data_dir": "paths",
    "list_rules": "rules",
    "plotting": None,
}

__all__ = sorted([*_EXPORTS, "show_versions"])

# the packages whose versions change what libyakit finds, or how fast (show_versions)
KEY_PACKAGES = ("wordfreq", "regex", "pandas", "numpy", "pyarrow", "pyahocorasick", "dateparser", "datasketch",
                "matplotlib", "dask")


def show_versions(file=None) -> dict[str, str]:
    """Print, for a bug report, which code makes the joined-word decisions (the compiled core,
    libyakit/_segcore.c, or why it cannot run: not built, or stale) and the versions of Python,
    libyakit and the packages whose behaviour changes its results (KEY_PACKAGES; wordfreq's
    lexicon above all). Returns the same as a dict."""
    import platform
    import sys
    from importlib import metadata

    from .segment import core_status

    info = {"python": sys.version.split()[0], "platform": platform.platform(), "libyakit": __version__,
            "joined-word decisions": core_status()}
    for name in KEY_PACKAGES:
        try:
            info[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            info[name] = "not installed"
    width = max(map(len, info))
    for name, value in info.items():
        print(f"{name:<{width}}  {value}", file=file or sys.stdout)
    return info


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'libyakit' has no attribute {name!r}")
    module = _EXPORTS[name]
    if module is None:
        value = importlib.import_module(f".{name}", __name__)
    else:
        value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + __all__)
