"""The one exception tree of extractor.

    ExtractorError                 base: catch this to catch everything we raise
    ├── ModelNotFoundError         no spaCy model could be loaded
    ├── InputError                 an input file cannot be read or understood
    │   ├── UnreadableInputError   missing, unreadable, binary or too large
    │   └── MalformedInputError    bad JSON / JSON Lines, no text or html field
    └── ArticleError               an article failed inside the pipeline
        ├── ArticleTimeoutError    an article took longer than its time limit
        └── ArticleLimitError      an article is over a size limit (text length, HTML depth)
"""
from __future__ import annotations


class ExtractorError(Exception):
    """Base of every error extractor raises on purpose."""


class ModelNotFoundError(ExtractorError):
    """No spaCy model could be loaded."""


class InputError(ExtractorError):
    """An input cannot be read or understood; the message names the file.

    `path` is the input's name as the run record gives it (None when unknown).
    """

    def __init__(self, message: str, *, path: str | None = None):
        super().__init__(message)
        self.path = path


class UnreadableInputError(InputError):
    """Missing, unreadable, binary or oversized input."""


class MalformedInputError(InputError):
    """Input whose structure is wrong: bad JSON, no text or html field, ..."""


class ArticleError(ExtractorError):
    """An article failed inside the pipeline."""


class ArticleTimeoutError(ArticleError):
    """An article exceeded its processing time limit."""


class ArticleLimitError(ArticleError):
    """An article is over a safety limit: text too long, HTML nested too deeply."""
