"""Quotes: direct, indirect and mixed reported speech (filled by the who-said-what issue)."""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .records import Entity, Quote


def find_quotes(doc: Doc, entities: Sequence[Entity]) -> tuple[list[Quote], list[Entity]]:
    """Find the quotes of `doc` with their speakers resolved against `entities`.

    Returns the quotes and the entities (which speaker resolution may refine).
    """
    return [], list(entities)
