"""Quotes: direct, indirect and mixed reported speech, with their cue and source mention."""
from __future__ import annotations

from spacy.tokens import Doc

from .records import QuoteCandidate


def find_quotes(doc: Doc) -> list[QuoteCandidate]:
    """Find the quotes of `doc`, in text order, each with its cue and the words naming its source."""
    return []
