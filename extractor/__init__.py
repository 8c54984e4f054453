"""extractor: who said what in news articles.

    >>> import extractor
    >>> article = extractor.extract("“We are on strike,” said Tanya Taluz.", published="2019-05-01")
    >>> article["quotes"][0]["speaker"]["name"]
    'Tanya Taluz'
"""
from __future__ import annotations

from .errors import (ArticleError, ArticleTimeoutError, ExtractorError, InputError,
                     MalformedInputError, ModelNotFoundError, UnreadableInputError)
from .pipeline import Extractor
from .settings import Settings

__all__ = [
    "ArticleError", "ArticleTimeoutError", "Extractor", "ExtractorError", "InputError",
    "MalformedInputError", "ModelNotFoundError", "Settings", "UnreadableInputError",
    "extract",
]

_default: Extractor | None = None


def extract(text: str | None = None, *, html: str | None = None, url: str | None = None,
            title: str | None = None, published: str | None = None) -> dict:
    """Extract one article (plain text or HTML) into the output-schema dict.

    The model is loaded on the first call and reused by later ones.
    """
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, html=html, url=url, title=title, published=published)
