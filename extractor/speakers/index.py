"""Speaker index: what resolving an article's sources looks up, by position in its text.

`ArticleIndex` holds one article's entities (with the facts resolution matches on: name
words, role words, kind, gender), their mentions in text order, sentence, paragraph and
quote boundaries, and the speakers resolved so far; it answers where a position falls
and which entity a name or token stands for, and adds the entities NER missed.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Token

from ..lexicon.names import ORG_NOUN_KINDS, PAST_ROLE_WORDS, TITLE_ROLES
from ..entities.names import name_key, person_gender_hint
from ..records import Entity, Span

# Subjects that are noun phrases (sources.SUBJECT_DEPS also takes clausal ones).
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_WORD = re.compile(r"[a-z]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


@dataclass
class EntityFacts:
    """What resolution needs to know about one entity."""
    entity: Entity
    words: frozenset[str]            # lowercased words of its name forms
    roles: frozenset[str]            # lowercased words of its descriptors and titles
    kind: str | None                 # company / union / government / group, from its name
    gender: str | None = None
    added: list[Span] = field(default_factory=list)


def singular(word: str) -> str:
    """'staffers' -> 'staffer'; 'business' and 'news' stay."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def entity_facts(e: Entity) -> EntityFacts:
    """The words, roles and kind of one entity; its gender is inferred later, from the text."""
    words = frozenset(w for m in e.mentions for w in _WORD.findall(m.text.lower())) \
        | frozenset(_WORD.findall(e.name.lower()))
    words |= frozenset(singular(w) for w in words)       # "the lab" for "Acme Labs"
    roles = set()
    for d in e.descriptors:
        found = _WORD.findall(d.lower())
        # "former president X" is not "the president": such roles are kept apart.
        prefix = "former " if any(w in PAST_ROLE_WORDS for w in found) else ""
        # A person's role words are all of them ("licensed clinical psychologist"); an
        # organisation's only the head ("the UK's fiscal watchdog").
        for w in (found if e.type == "PERSON" else found[-1:]):
            roles.update(prefix + r for r in (w, singular(w), *TITLE_ROLES.get(w, ())))
    kind = None if e.type == "PERSON" else next(
        (ORG_NOUN_KINDS[singular(w)] for w in reversed(_WORD.findall(e.name.lower()))
         if singular(w) in ORG_NOUN_KINDS), None)
    return EntityFacts(e, words, frozenset(roles), kind)


@dataclass
class ArticleIndex:
    """One article: entity facts, a position index of their mentions, the speakers so far."""
    doc: Doc
    text: str                                   # doc.text is rebuilt on every access: read once
    ents: dict[str, EntityFacts]
    mentions: list[tuple[int, int, str]]        # (start, end, entity id), in text order
    mention_starts: list[int]
    sent_starts: list[int]
    sent_token_starts: list[int]
    para_starts: list[int]
    quote_spans: list[tuple[int, int]]          # direct quotes, in text order
    quote_starts: list[int]
    history: list[tuple[int, str]] = field(default_factory=list)   # (position, entity id) of resolved speakers
    subjects: dict[int, bool] = field(default_factory=dict)         # mention start -> is it a subject
    new_entities: list[Entity] = field(default_factory=list)   # sources NER missed, in the order found
    forms: dict[str, str] | None = None         # name forms -> entity id, built on first need

    @classmethod
    def build(cls, doc: Doc, entities: Sequence[Entity], quote_spans: list[tuple[int, int]]) -> ArticleIndex:
        """The index of one article, before any speaker is resolved or gender inferred."""
        text = doc.text
        mentions = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        sents = list(doc.sents)
        return cls(doc=doc, text=text, ents={e.id: entity_facts(e) for e in entities}, mentions=mentions,
                   mention_starts=[m[0] for m in mentions],
                   sent_starts=[s.start_char for s in sents], sent_token_starts=[s.start for s in sents],
                   para_starts=[0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)],
                   quote_spans=quote_spans, quote_starts=[q[0] for q in quote_spans])

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quote_spans[i][0] <= pos < self.quote_spans[i][1]

    def token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def is_subject(self, char: int) -> bool:
        """Whether the name starting at `char` is a grammatical subject ("Kaiser Permanente said")."""
        if char not in self.subjects:
            tok = self.token_at(char)
            while tok is not None and tok.dep_ == "compound" and tok.head.i > tok.i:
                tok = tok.head
            self.subjects[char] = tok is not None and tok.dep_ in NOMINAL_SUBJECT_DEPS
        return self.subjects[char]

    def sentence(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def covering(self, tok: Token) -> str | None:
        """The entity one of whose mentions contains the token."""
        start, end = tok.idx, tok.idx + len(tok.text)
        i = bisect.bisect_right(self.mention_starts, start) - 1
        return next((eid for s, e, eid in self.mentions[max(0, i - 3):i + 4] if s <= start and end <= e), None)

    def known_name(self, text: str) -> str | None:
        """The entity that goes by this name (a mention's text, or a person's surname)."""
        if self.forms is None:
            self.forms = {}
            # A surname two people share ("Holden" for Chris and his father Nate Holden)
            # goes to the one named most: the article's subject, as in entity clustering.
            for x in sorted(self.ents.values(), key=lambda x: len(x.entity.mentions)):
                keys = {name_key(m.text) for m in x.entity.mentions} | {name_key(x.entity.name)}
                if x.entity.type == "PERSON":
                    keys.add(name_key(x.entity.name).split()[-1])
                self.forms.update(dict.fromkeys(keys, x.entity.id))
        return self.forms.get(name_key(text))

    def add_entity(self, start: int, end: int, label: str) -> str:
        """An entity for a source NER missed, named by the text at start:end; its id
        continues the entity stage's numbering (E1, E2, ...)."""
        text = self.text[start:end]
        number = 1 + max((int(eid[1:]) for eid in self.ents if eid[1:].isdigit()), default=0)
        entity = Entity(id=f"E{number}", name=text, type=label, mentions=(Span(text, start, end),))
        self.new_entities.append(entity)
        self.ents[entity.id] = entity_facts(entity)
        self.ents[entity.id].gender = person_gender_hint(text) if label == "PERSON" else None
        if self.forms is not None:
            self.forms[name_key(text)] = entity.id
        i = bisect.bisect_left(self.mention_starts, start)
        self.mentions.insert(i, (start, end, entity.id))
        self.mention_starts.insert(i, start)
        return entity.id
