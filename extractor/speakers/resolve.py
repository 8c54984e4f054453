"""Speakers: resolve the words naming each quote's source to one entity.

Each candidate's mention is read by its head word, in text order:
1. group: names coordinated with names ("Ana and Luis Ortega said"): no single
   speaker, every member named (`Speaker.members`);
2. explicit: the head lies in an entity mention ("striker Tanya Taluz"), or is a name
   NER missed (an entity is made for it, with the next entity id);
3. pronoun: he/she to the most salient person of that gender, it/they/we to the most
   salient organisation;
4. nominal: an organisation noun ("the company") to the most salient organisation of a
   fitting kind; a role noun ("the psychologist") to the person whose descriptors share
   it, or a feature's description ("the veteran organizer") to the person in focus; a
   spokesperson, office or document tied to someone ("a Kaiser spokesperson", "the
   mayor's office") to them; "the statement" to whoever issued it before, else the
   nominal itself is the source, unresolved (no entity, lower confidence);
5. no mention: the subject the narration introduced in the quote's paragraph (or in a
   paragraph ending in a colon before it), named or not; else the previous quote's
   source when it is in the same or the previous paragraph, with the words that named
   it (`“A,” he said. “B.”`).
A relative pronoun subject ("Cruz, who said") is reported as the mention; its
antecedent is what resolves. Salience is recency in sentences plus bonuses for subjects,
names in the same paragraph and the speakers of the latest quotes. What the resolution
looks up is in `index`, salience, genders and pronouns in `salience`, names and
nominals in `nominals`. The stage reads the entity stage's records and returns
new ones (`SpeakerResolution`): it never renumbers or rewrites them.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..entities.mentions import FIRST_NAMES
from ..lexicon.names import PERSON_PRONOUNS
from ..quotes.sources import conjoined_names, noun_phrase, relative_subject
from ..records import Entity, MentionLink, Quote, QuoteCandidate, Span, Speaker, SpeakerResolution
from .index import NOMINAL_SUBJECT_DEPS, ArticleIndex, singular
from .nominals import is_person_noun, resolve_mention
from .salience import MAX_MENTIONS_BACK, infer_genders, resolve_pronoun

# How much each way of resolving is trusted; the quote's own confidence is scaled by it.
RESOLUTION_CONFIDENCE = {"group": 1.0, "explicit": 1.0, "pronoun": 0.85, "nominal": 0.8, "adjacent": 0.75, None: 0.6}
# A document whose author the text does not name ("the report found"): the nominal is the
# source, unresolved; less sure than no source at all, as the document may be someone's.
UNRESOLVED_DOCUMENT_CONFIDENCE = 0.5
# Who may be the source of a quote that names none: people and organisations.
SPEAKING_TYPES = frozenset({"PERSON", "ORG"})
# A colon introduces the quote when at most a space and an opening mark lie between.
COLON_REACH = 3
_OPENING_MARKS = "\u201c\"'\u2018"


@dataclass(frozen=True)
class _Resolved:
    """One candidate's source as decided: the words naming it, its entity, how found."""
    cand: QuoteCandidate
    mention: Span | None
    eid: str | None = None
    how: str | None = None
    members: tuple[str, ...] = ()


def _resolve_in_order(doc: Doc, index: ArticleIndex, ordered: list[QuoteCandidate]) -> list[_Resolved]:
    """The source of each candidate, in text order: each speaker found joins the index's
    history, which the later ones' salience reads."""
    resolved: list[_Resolved] = []
    for cand in ordered:
        mention = cand.mention
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand") \
            if mention is not None and mention.end > mention.start else None
        if span is None or not len(span):
            decided = _without_mention(index, cand, resolved[-1] if resolved else None)
        elif members := _group(index, span):
            decided = _Resolved(cand, mention, how="group", members=members)
        else:
            eid, how = resolve_mention(index, span)
            if eid and how in ("pronoun", "nominal"):
                index.ents[eid].added.append(mention)
            decided = _Resolved(cand, mention, eid, how if eid or how == "nominal" else None)
        relative = _relative_pronoun(doc, cand)
        if relative is not None:
            decided = replace(decided, mention=relative)
        if decided.eid:
            index.history.append((decided.mention.start if decided.mention else cand.start, decided.eid))
        resolved.append(decided)
    return resolved


def _relative_pronoun(doc: Doc, cand: QuoteCandidate) -> Span | None:
    """`Ted Cruz, who said ...`: the quote stage names the source by the antecedent,
    which resolution reads; "who" is what names it where it speaks, so it is the mention."""
    if cand.cue is None or cand.mention is None:
        return None
    cue = doc.char_span(cand.cue.start, cand.cue.end, alignment_mode="expand")
    relative = relative_subject(cue.root) if cue is not None and len(cue) else None
    if relative is None or not cand.mention.end <= relative.idx < cand.cue.start:
        return None
    return Span(relative.text, relative.idx, relative.idx + len(relative.text))


def _without_mention(index: ArticleIndex, cand: QuoteCandidate, prev: _Resolved | None) -> _Resolved:
    """A quote whose own words name no source: the subject the narration introduced in
    its paragraph since the last quote, else the previous quote's source when that is in
    the same or the previous paragraph (`“A,” he said. “B.”`: "he" names B's source too)."""
    introduced = _introduced_before(index, cand, prev.cand if prev else None)
    if introduced is not None:
        eid, mention = introduced
        return _Resolved(cand, mention, eid, "adjacent" if eid else None)
    if prev is None:
        return _Resolved(cand, None)
    gap = index.paragraph(cand.start) - index.paragraph(prev.cand.start)
    if prev.eid and gap <= 1:
        return _Resolved(cand, prev.mention, prev.eid, "adjacent")
    if gap == 0 and prev.mention is not None:     # `“A,” officials said. “B.”`: unnamed, as A's
        return _Resolved(cand, prev.mention, None, prev.how, prev.members)
    return _Resolved(cand, None)


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


def _introduced_before(index: ArticleIndex, cand: QuoteCandidate, prev: QuoteCandidate | None
                       ) -> tuple[str | None, Span] | None:
    """A quote with no source of its own, after a person or organisation is the subject
    of the narration in its paragraph since the last quote ("Callaghan met dolphins
    during the filming: “...”"), or of a paragraph that ends in a colon to introduce
    it ("He was emphatic about it:"): that subject speaks, not the previous speaker; an
    unnamed one ("Another staffer chimed in") is an unnamed source (no entity)."""
    paragraph = index.paragraph(cand.start)
    low = index.para_starts[paragraph]
    if paragraph > 0 and index.text[:low].rstrip().endswith(":"):
        low = index.para_starts[paragraph - 1]
    if prev is not None:
        low = max(low, prev.end)
    window = index.doc.char_span(low, cand.start, alignment_mode="contract") if low < cand.start else None
    for tok in reversed(window or ()):
        if not _narrated_subject(tok) or index.in_quote(tok.idx):
            continue
        eid = index.covering(tok)
        if eid is None and tok.lower_ in PERSON_PRONOUNS:
            eid = resolve_pronoun(index, tok)
        phrase = index.doc[slice(*noun_phrase(tok))]
        if eid is None and tok.pos_ == "NOUN" and is_person_noun(singular(tok.lemma_.lower())):
            eid = resolve_mention(index, phrase)[0]
            if eid is None:
                return None, Span(phrase.text, phrase.start_char, phrase.end_char)
        if eid is not None and index.ents[eid].entity.type in SPEAKING_TYPES:
            return eid, Span(phrase.text, phrase.start_char, phrase.end_char)
    return _named_before_colon(index, cand.start, low)


def _named_before_colon(index: ArticleIndex, pos: int, low: int) -> tuple[str, Span] | None:
    """A quote opened right after a colon ("Continued Stone: “...”", "More from Jones:
    “...”"): the last person or organisation named in the sentence before the colon."""
    colon = index.text.rfind(":", max(low, pos - COLON_REACH), pos)
    if colon < 0 or index.text[colon + 1:pos].strip(_OPENING_MARKS + " "):
        return None
    floor = max(low, index.sent_starts[index.sentence(colon)])
    hi = bisect.bisect_left(index.mention_starts, colon)
    for start, end, eid in reversed(index.mentions[max(0, hi - MAX_MENTIONS_BACK):hi]):
        if start < floor:
            break
        if index.ents[eid].entity.type in SPEAKING_TYPES and not index.in_quote(start):
            return eid, Span(index.text[start:end], start, end)
    return None


def _narrated_subject(tok: Token) -> bool:
    """A subject, or a noun the parser made the root with its verb hung on it as a
    modifier ("Another staffer chimed in": staffer ROOT, chimed acl)."""
    return tok.dep_ in NOMINAL_SUBJECT_DEPS or (
        tok.dep_ == "ROOT" and tok.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "acl" and c.pos_ == "VERB" and c.i == tok.i + 1 for c in tok.children))


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
    for i, r in enumerate(resolved, start=1):
        entity = index.ents[r.eid].entity if r.eid else None
        speaker = Speaker(name=entity.name if entity else None, entity=r.eid,
                          mention=r.mention, resolution=r.how, members=r.members)
        trust = RESOLUTION_CONFIDENCE[r.how] if r.eid or r.how in (None, "group") else UNRESOLVED_DOCUMENT_CONFIDENCE
        quotes.append(Quote(id=f"Q{i}", text=r.cand.text, start=r.cand.start, end=r.cand.end, type=r.cand.type,
                            speaker=speaker, cue=r.cand.cue, confidence=round(r.cand.confidence * trust, 3)))
    return SpeakerResolution(
        quotes=tuple(quotes), entities=tuple(index.new_entities),
        mentions=tuple(MentionLink(eid, m) for eid, x in index.ents.items() for m in x.added))
