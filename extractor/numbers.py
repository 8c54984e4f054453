"""Numbers cited in the text (filled by the numbers-and-dates issue)."""
from __future__ import annotations

from spacy.tokens import Doc

from .records import NumberMention


def find_numbers(doc: Doc) -> list[NumberMention]:
    """Every number the article states, normalized."""
    return []
