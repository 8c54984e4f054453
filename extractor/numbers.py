"""Numbers cited in the text (filled by the numbers-and-dates issue)."""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .records import DateMention, NumberMention


def find_numbers(doc: Doc, *, dates: Sequence[DateMention] = ()) -> list[NumberMention]:
    """Every number the article states, normalized; numbers inside `dates` are not numbers."""
    return []
