"""Speakers: resolve the words naming each quote's source to one entity.

Each candidate's mention is read by its head word, in text order:
1. explicit: the head lies in an entity mention ("striker Tanya Taluz"), or is a name
   NER missed (an entity is made for it);
2. pronoun: he/she to the most salient person of that gender, it/they/we to the most
   salient organisation;
3. nominal: an organisation noun ("the company") to the most salient organisation of a
   fitting kind; a role noun ("the psychologist") to the person whose descriptors share
   it; a spokesperson or document tied to an organisation ("a Kaiser spokesperson") to it;
   "the statement" to whoever issued it before ("Kaiser said in a statement"), else the
   nominal itself is the source, unresolved (no entity, lower confidence);
4. adjacent: no mention, and the previous quote is in the same or the previous
   paragraph: its speaker goes on.
Salience is recency in sentences plus bonuses for grammatical subjects and for the
speakers of the latest quotes (news keeps talking about whoever just spoke).
What the resolution looks up is in `speaker_index`, salience, genders and pronouns in
`salience`, names and nominals in `speaker_nominals`.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..entities.mentions import FIRST_NAMES
from ..quotes.sources import conjoined_names, noun_phrase
from ..records import Entity, MentionLink, Quote, QuoteCandidate, Speaker, SpeakerResolution
from .salience import infer_genders
from .index import ArticleIndex
from .nominals import resolve_mention

# How much each way of resolving is trusted; the quote's own confidence is scaled by it.
RESOLUTION_CONFIDENCE = {"group": 1.0, "explicit": 1.0, "pronoun": 0.85, "nominal": 0.8, "adjacent": 0.75, None: 0.6}
# A document whose author the text does not name ("the report found"): the nominal is the
# source, unresolved; less sure than no source at all, as the document may be someone's.
UNRESOLVED_DOCUMENT_CONFIDENCE = 0.5
# Who may be the source of a quote that names none: people and organisations.
SPEAKING_TYPES = frozenset({"PERSON", "ORG"})


def _resolve_in_order(doc: Doc, index: ArticleIndex, ordered: list[QuoteCandidate]
                      ) -> list[tuple[QuoteCandidate, str | None, str | None, tuple[str, ...]]]:
    """(candidate, entity id, resolution) for each candidate, in text order: each speaker
    found joins the index's history, which the later ones' salience reads."""
    resolved: list[tuple[QuoteCandidate, str | None, str | None, tuple[str, ...]]] = []
    for cand in ordered:
        eid, how = None, None
        mention = cand.mention
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand") \
            if mention is not None and mention.end > mention.start else None
        members = _group(index, span) if span is not None and len(span) else ()
        if members:
            how = "group"
        elif span is not None and len(span):
            eid, how = resolve_mention(index, span)
            if eid and how in ("pronoun", "nominal"):
                index.ents[eid].added.append(mention)
        elif mention is None:
            eid = _introduced_before(index, cand, resolved[-1][0] if resolved else None)
            if eid is None and resolved:
                prev, prev_eid = resolved[-1][:2]
                if prev_eid and index.paragraph(cand.start) - index.paragraph(prev.start) <= 1:
                    eid = prev_eid
            how = "adjacent" if eid else None
        if eid:
            index.history.append((mention.start if mention else cand.start, eid))
        resolved.append((cand, eid, how if eid or how in ("nominal", "group") else None, members))
    return resolved


def _group(index: ArticleIndex, span: SpacySpan) -> tuple[str, ...]:
    """The names of a group of sources (`Ana and Luis Ortega said`, `the panelists — A, B
    and C — said`), each by its entity's name; a bare first name shares the surname
    of the last ("Ana" -> "Ana Ortega"). Empty when the words name one source."""
    heads = [t for t in conjoined_names(span.root) if span.start <= t.i < span.end]
    if len(heads) < 2:
        return ()
    phrases = [index.doc[slice(*noun_phrase(t))] for t in heads]
    surname = phrases[-1][-1].text if len(phrases[-1]) > 1 else None
    names = []
    for phrase in phrases:
        eid = resolve_mention(index, phrase)[0]
        name = index.ents[eid].entity.name if eid else phrase.text
        names.append(f"{name} {surname}" if surname and name.lower() in FIRST_NAMES else name)
    return tuple(dict.fromkeys(names))


def _introduced_before(index: ArticleIndex, cand: QuoteCandidate, prev: QuoteCandidate | None) -> str | None:
    """A quote with no source of its own, after a person or organisation is the subject
    of the narration in its paragraph since the last quote ("Callaghan met dolphins
    during the filming: “...”"): that subject speaks, not the previous quote's speaker."""
    low = index.para_starts[index.paragraph(cand.start)]
    if prev is not None:
        low = max(low, prev.end)
    lo, hi = bisect.bisect_left(index.mention_starts, low), bisect.bisect_left(index.mention_starts, cand.start)
    for start, _end, eid in reversed(index.mentions[lo:hi]):
        if index.ents[eid].entity.type in SPEAKING_TYPES and not index.in_quote(start) and index.is_subject(start):
            return eid
    return None


def resolve_speakers(doc: Doc, candidates: Sequence[QuoteCandidate],
                     entities: Sequence[Entity]) -> SpeakerResolution:
    """Attach a speaker (canonical name, entity id, how it was found) to every candidate.

    Args:
        doc: the parsed article.
        candidates: quotes found by the quote stage, each with the words naming its source.
        entities: the entities of the article (`entities.find_entities`), read only.

    Returns:
        The quotes, numbered Q1, Q2, ... in text order; the sources NER missed, as new
        entities whose ids continue the entity stage's numbering; and the pronoun and
        nominal mentions that name entities (`SpeakerResolution.extend` adds both to
        the entity list).
    """
    ordered = sorted(candidates, key=lambda c: (c.start, c.end))
    index = ArticleIndex.build(doc, entities, sorted((c.start, c.end) for c in ordered if c.type == "direct"))
    infer_genders(index)
    resolved = _resolve_in_order(doc, index, ordered)
    quotes = []
    for i, (cand, eid, how, members) in enumerate(resolved, start=1):
        entity = index.ents[eid].entity if eid else None
        speaker = Speaker(name=entity.name if entity else None, entity=eid,
                          mention=cand.mention, resolution=how, members=members)
        quotes.append(Quote(id=f"Q{i}", text=cand.text, start=cand.start, end=cand.end, type=cand.type,
                            speaker=speaker, cue=cand.cue,
                            confidence=round(cand.confidence * (RESOLUTION_CONFIDENCE[how] if eid or how in (None, "group")
                                                                 else UNRESOLVED_DOCUMENT_CONFIDENCE), 3)))
    return SpeakerResolution(
        quotes=tuple(quotes), entities=tuple(index.new_entities),
        mentions=tuple(MentionLink(eid, m) for eid, x in index.ents.items() for m in x.added))
