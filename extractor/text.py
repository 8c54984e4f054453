"""Plain-text articles: clean body text and what metadata the text itself gives."""
from __future__ import annotations

import re

from .records import CleanArticle, Metadata

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029]")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize_newlines(text: str) -> str:
    """`\\r\\n`, `\\r` and Unicode line separators become `\\n`."""
    return _NEWLINES.sub("\n", text)


def clean_text(text: str) -> CleanArticle:
    """Body text of a plain-text article; the first line is taken as its title."""
    body = _BLANK_RUNS.sub("\n\n", normalize_newlines(text)).strip()
    first_line = body.split("\n", 1)[0].strip() if body else ""
    return CleanArticle(text=body, metadata=Metadata(title=first_line or None))
