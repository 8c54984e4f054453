"""extractor: who said what in news articles.

    >>> import extractor
    >>> article = extractor.extract("“We are on strike,” said Tanya Taluz.", published="2019-05-01")
    >>> article["quotes"][0]["speaker"]["name"]
    'Tanya Taluz'
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import (ArticleError, ArticleLimitError, ArticleTimeoutError, ExtractorError,
                     InputError, MalformedInputError, ModelNotFoundError, UnreadableInputError)
from .settings import Settings

if TYPE_CHECKING:
    from .pipeline import Extractor

__all__ = [
    "ArticleError", "ArticleLimitError", "ArticleTimeoutError", "Extractor", "ExtractorError",
    "InputError", "MalformedInputError", "ModelNotFoundError", "Settings",
    "UnreadableInputError", "extract",
]

_default: Extractor | None = None


def __getattr__(name: str):
    # The pipeline (and spaCy, ~0.7 s to import) loads on first use: `extractor export`,
    # `--help` and a resumed run with nothing left to extract never need it.
    if name == "Extractor":
        from .pipeline import Extractor

        return Extractor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract(text: str | None = None, *, html: str | None = None, url: str | None = None,
            title: str | None = None, published: str | None = None) -> dict:
    """Extract one article (plain text or HTML) into the output-schema dict.

    The model is loaded on the first call and reused by later ones.
    """
    global _default
    if _default is None:
        from .pipeline import Extractor

        _default = Extractor()
    return _default.extract(text, html=html, url=url, title=title, published=published)
