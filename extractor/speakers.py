"""Speakers: resolve each quote's source mention to one entity."""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .records import Entity, Quote, QuoteCandidate, Speaker


def resolve_speakers(doc: Doc, candidates: Sequence[QuoteCandidate],
                     entities: Sequence[Entity]) -> tuple[list[Quote], list[Entity]]:
    """Attach a speaker (canonical name, entity id, how it was found) to every candidate.

    Returns the quotes and the entities (resolution may add or refine entities).
    """
    by_mention = {(m.start, m.end): e for e in entities for m in e.mentions}
    quotes = []
    for i, cand in enumerate(candidates, start=1):
        entity = by_mention.get((cand.mention.start, cand.mention.end)) if cand.mention else None
        speaker = Speaker(name=entity.name if entity else None, entity=entity.id if entity else None,
                          mention=cand.mention, resolution="explicit" if entity else None)
        quotes.append(Quote(id=f"Q{i}", text=cand.text, start=cand.start, end=cand.end,
                            type=cand.type, speaker=speaker, cue=cand.cue,
                            confidence=cand.confidence))
    return quotes, list(entities)
