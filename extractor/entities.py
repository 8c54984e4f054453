"""Entities: spaCy's named-entity mentions grouped into entities."""
from __future__ import annotations

from spacy.tokens import Doc

from .records import Entity, Span

# Labels that name who or what can be a source or a subject of the news.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT",
                           "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})


def find_entities(doc: Doc) -> list[Entity]:
    """Group the doc's named-entity mentions by identical text, in order of first mention."""
    groups: dict[tuple[str, str], list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        groups.setdefault((ent.text, ent.label_), []).append(
            Span(ent.text, ent.start_char, ent.end_char))
    return [Entity(id=f"E{i}", name=name, type=label, mentions=tuple(spans))
            for i, ((name, label), spans) in enumerate(groups.items(), start=1)]
