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
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .names import DOCUMENT_NOUNS, DOCUMENT_PREPOSITIONS, FEMALE_TITLES, GENDERED_NOUNS, \
    GENERIC_SOURCE_NOUNS, INDEFINITE_DETERMINERS, MALE_TITLES, NAME_TITLES, OFFICE_NOUNS, \
    ORG_NOUN_KINDS, ORG_VOICE_NOUNS, ORG_PRONOUNS, PAST_ROLE_WORDS, PERSON_PRONOUNS, PLACE_BODIES, ROLE_NOUNS, \
    ROLE_SUFFIXES, SPOKESPERSON_PREPOSITIONS, TITLE_ROLES, name_key, person_gender_hint
from .records import Entity, Quote, QuoteCandidate, Span, Speaker
from .sources import document_author, noun_phrase

# How much each way of resolving is trusted; the quote's own confidence is scaled by it.
RESOLUTION_CONFIDENCE = {"explicit": 1.0, "pronoun": 0.85, "nominal": 0.8, "adjacent": 0.75, None: 0.6}
# A document whose author the text does not name ("the report found"): the nominal is the
# source, unresolved; less sure than no source at all, as the document may be someone's.
UNRESOLVED_DOCUMENT_CONFIDENCE = 0.5
# Salience bonuses, in sentences of recency: chosen on the dev articles and a sample of
# the Fundus pages, small enough that a clearly closer antecedent still wins.
SUBJECT_BONUS = 0.5
SPEAKER_BONUS = 1.5
SAME_KIND_BONUS = 1.0
NAME_MATCH_BONUS = 2.0
# A first name or a courtesy title outweighs this many nearby pronouns, which often refer
# to someone else ("Habba claims he has the cash").
NAME_GENDER_VOTES = 4
# A person of unknown gender is a poor antecedent for he/she when one of known gender is near.
UNKNOWN_GENDER_PENALTY = 3.0
# An organisation named n times earns 0.25 * log2(n), at most one sentence's worth: enough
# to prefer the article's main company over a one-off outlet named in the same sentence.
FREQUENCY_WEIGHT = 0.25
MAX_FREQUENCY_BONUS = 1.0
# How far back an antecedent may be: a pronoun within a few paragraphs; "the company" may
# mean an organisation named a good while before, so distance weighs less for nominals.
PRONOUN_WINDOW_SENTENCES = 10
NOMINAL_WINDOW_SENTENCES = 15
NOMINAL_DISTANCE_WEIGHT = 0.3
# "the prime minister" with no one so described: only a person named just before.
ROLE_FALLBACK_WINDOW_SENTENCES = 3
# A role noun may name a person introduced just after it ("his doctor said ... Dr. X").
CATAPHORA_WINDOW_SENTENCES = 3
# Mentions looked at behind a source at most: bounds the work on very long articles.
MAX_MENTIONS_BACK = 200
# Latest quotes whose speakers get the speaker bonus.
RECENT_SPEAKERS = 2

_ORG_TYPES = frozenset({"ORG", "FAC"})
_ORG_PRONOUN_TYPES = frozenset({"ORG", "FAC", "GPE", "NORP"})
_NOT_A_VOICE = frozenset({"WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Endings of nouns for someone who does something ("reporter", "editor", "resident"):
# "a Times reporter" is a person at the Times, not the Times.
_AGENT_SUFFIXES = ("er", "or", "ant", "ent")
_AGE_NOUN = re.compile(r"\d+-year-old")
# NER labels of words that never name a source ("a post from October").
_NOT_A_SOURCE = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_WORD = re.compile(r"[a-z]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")

Resolved = tuple[str | None, str | None]      # (entity id, resolution)


@dataclass
class _Ent:
    """What resolution needs to know about one entity."""
    entity: Entity
    words: frozenset[str]            # lowercased words of its name forms
    roles: frozenset[str]            # lowercased words of its descriptors and titles
    kind: str | None                 # company / union / government / group, from its name
    gender: str | None = None
    added: list[Span] = field(default_factory=list)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _facts(e: Entity) -> _Ent:
    words = frozenset(w for m in e.mentions for w in _WORD.findall(m.text.lower())) \
        | frozenset(_WORD.findall(e.name.lower()))
    roles = set()
    for d in e.descriptors:
        found = _WORD.findall(d.lower())
        # "former president X" is not "the president": such roles are kept apart.
        prefix = "former " if any(w in PAST_ROLE_WORDS for w in found) else ""
        # A person's role words are all of them ("licensed clinical psychologist"); an
        # organisation's only the head ("the UK's fiscal watchdog").
        for w in (found if e.type == "PERSON" else found[-1:]):
            roles.update(prefix + r for r in (w, _singular(w), *TITLE_ROLES.get(w, ())))
    kind = None if e.type == "PERSON" else next(
        (ORG_NOUN_KINDS[_singular(w)] for w in reversed(_WORD.findall(e.name.lower()))
         if _singular(w) in ORG_NOUN_KINDS), None)
    return _Ent(e, words, frozenset(roles), kind)


def _frequency_bonus(x: _Ent) -> float:
    """Organisations the article keeps naming are what "it" and "the company" usually mean."""
    return min(MAX_FREQUENCY_BONUS, FREQUENCY_WEIGHT * math.log2(len(x.entity.mentions)))


def _is_common_title(head: Token) -> bool:
    """'the Prime Minister', 'the Company': a capitalised role or body, not a name.

    'the Miami-Dade Police Department' is a name: a body noun with a proper modifier.
    A sentence's first word is capitalised anyway ("Attorneys for Exxon said").
    """
    low = head.lower_
    if not head.is_sent_start and not any(c.lower_ == "the" for c in head.children):
        return False
    if low in ROLE_NOUNS or low in NAME_TITLES or low in GENERIC_SOURCE_NOUNS or low.endswith(ROLE_SUFFIXES):
        return True
    return low in ORG_NOUN_KINDS and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)


class _Resolver:
    """One article: entity facts, a position index of their mentions, the speakers so far."""

    def __init__(self, doc: Doc, entities: Sequence[Entity], quote_spans: list[tuple[int, int]]):
        self.doc, self.text = doc, doc.text     # doc.text is rebuilt on every access: read once
        self.ents = {e.id: _facts(e) for e in entities}
        self.mentions = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in sents]
        self.sent_token_starts = [s.start for s in sents]
        self.para_starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(self.text)]
        self.quote_spans, self.quote_starts = quote_spans, [q[0] for q in quote_spans]
        self.history: list[tuple[int, str]] = []      # (position, entity id) of resolved speakers
        self.subjects: dict[int, bool] = {}            # mention start -> is it a subject
        self.new_count = 0
        self.forms: dict[str, str] | None = None
        self._infer_genders()

    # -- positions ---------------------------------------------------------------
    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quote_spans[i][0] <= pos < self.quote_spans[i][1]

    def _token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _is_subject(self, char: int) -> bool:
        """Whether the name starting at `char` is a grammatical subject ("Kaiser Permanente said")."""
        if char not in self.subjects:
            tok = self._token_at(char)
            while tok is not None and tok.dep_ == "compound" and tok.head.i > tok.i:
                tok = tok.head
            self.subjects[char] = tok is not None and tok.dep_ in _SUBJECTS
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

    def _infer_genders(self) -> None:
        """Gender of each person: first name, courtesy title or gendered role ("his mother,
        Ernestine"), and the pronouns after it."""
        votes = {i: Counter() for i, x in self.ents.items() if x.entity.type == "PERSON"}
        for eid, count in votes.items():     # "Ernestine", described as "his mother"
            hint = person_gender_hint(self.ents[eid].entity.name) or next(
                (GENDERED_NOUNS[r] for r in sorted(self.ents[eid].roles) if r in GENDERED_NOUNS), None)
            if hint:
                count[hint] += NAME_GENDER_VOTES
        for start, _end, eid in self.mentions:
            tok = self._token_at(start) if eid in votes else None
            if tok is not None and tok.i > 0:
                before = tok.doc[tok.i - 1].lower_
                gender = "male" if before in MALE_TITLES else "female" if before in FEMALE_TITLES else None
                if gender:
                    votes[eid][gender] += NAME_GENDER_VOTES
        for tok in self.doc:
            gender = PERSON_PRONOUNS.get(tok.lower_)
            if gender is None or tok.pos_ != "PRON" or self._in_quote(tok.idx):
                continue
            # The likeliest antecedent in its sentence or the one before: a later sentence
            # first, then a subject ("Nowak met Kowalczyk. He said": Nowak), then the nearest.
            here = self.sentence(tok.idx)
            low = self.sent_starts[max(0, here - 1)]
            lo, hi = bisect.bisect_left(self.mention_starts, low), bisect.bisect_left(self.mention_starts, tok.idx)
            # An object pronoun is never its own verb's subject ("Ernestine introduced him").
            own = [c for c in tok.head.children if c.dep_ in _SUBJECTS] if tok.dep_ in ("dobj", "dative") else []
            barred = self.covering(own[0]) if own else None
            near = [(self.sentence(s), self._is_subject(s), s, eid) for s, _e, eid in self.mentions[lo:hi]
                    if eid in votes and eid != barred]
            if near:
                votes[max(near)[3]][gender] += 1
        for eid, count in votes.items():
            ranked = count.most_common(2)
            if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
                self.ents[eid].gender = ranked[0][0]

    # -- salience ----------------------------------------------------------------
    def salient(self, pos: int, fits: Callable[[_Ent], bool], *, window: int, weight: float = 1.0,
                bonus: Callable[[_Ent], float] = lambda x: 0.0, forward: int = 0) -> str | None:
        """The fitting entity named most saliently before `pos` (or, failing that, just after)."""
        here = self.sentence(pos)
        best: dict[str, float] = {}
        recent_speakers = {eid for _, eid in self.history[-RECENT_SPEAKERS:]}

        def consider(start: int, eid: str, subject: bool) -> bool:
            dist = here - self.sentence(start)
            if dist > window:
                return False
            x = self.ents[eid]
            if fits(x):
                score = -dist * weight + bonus(x) + SPEAKER_BONUS * (eid in recent_speakers) \
                    + SUBJECT_BONUS * subject
                best[eid] = max(score, best.get(eid, score))
            return True

        hi = bisect.bisect_left(self.mention_starts, pos)
        for start, _end, eid in reversed(self.mentions[max(0, hi - MAX_MENTIONS_BACK):hi]):
            # A name inside someone's quoted words is not whom the narration refers to next.
            if not self._in_quote(start) and not consider(start, eid, self._is_subject(start)):
                break
        for start, eid in reversed(self.history):
            if start < pos and not consider(start, eid, True):
                break
        if not best and forward:
            for start, _end, eid in self.mentions[hi:]:
                if self.sentence(start) - here > forward:
                    break
                if fits(self.ents[eid]):
                    return eid
        return max(best, key=best.__getitem__) if best else None

    # -- one mention -------------------------------------------------------------
    def resolve(self, span: SpacySpan) -> Resolved:
        """(entity id or None, resolution or None) for the words naming a source."""
        head = span.root
        # A known name, even where the tagger took it for a common noun ("Harper estimates").
        eid = self.covering(head) or (self.known_name(head.text) if head.text[:1].isupper()
                                      and head.pos_ != "PRON" else None)
        if eid:
            return eid, "explicit"
        if head.pos_ == "PRON" or head.lower_ in PERSON_PRONOUNS or head.lower_ in ORG_PRONOUNS:
            return self.pronoun(head), "pronoun"
        if head.pos_ == "PROPN" and not _is_common_title(head):
            return self.name(span), "explicit"
        return self.nominal(span, head)

    def pronoun(self, tok: Token) -> str | None:
        low = tok.lower_
        gender = PERSON_PRONOUNS.get(low)
        if gender:
            return self.salient(tok.idx, lambda x: x.entity.type == "PERSON" and x.gender in (gender, None),
                                window=PRONOUN_WINDOW_SENTENCES,
                                bonus=lambda x: -UNKNOWN_GENDER_PENALTY * (x.gender is None))
        if low not in ORG_PRONOUNS:
            return None
        eid = self.salient(tok.idx, lambda x: x.entity.type in _ORG_PRONOUN_TYPES,
                           window=PRONOUN_WINDOW_SENTENCES,
                           bonus=lambda x: SAME_KIND_BONUS * (x.entity.type == "ORG") + _frequency_bonus(x))
        # "a dozen staffers spoke ... They said": the people named since, not the body.
        if eid and low in _PLURAL_PRONOUNS and self._plural_subject_since(tok.idx, eid):
            return None
        return eid

    def _plural_subject_since(self, pos: int, eid: str) -> bool:
        """A plural common noun is a subject between `eid`'s last mention and `pos`."""
        hi = bisect.bisect_left(self.mention_starts, pos)
        last = max([s for s, _e, e in self.mentions[max(0, hi - MAX_MENTIONS_BACK):hi] if e == eid]
                   + [s for s, e in self.history if e == eid and s < pos], default=0)
        low = max(last + 1, self.sent_starts[max(0, self.sentence(pos) - 1)])
        span = self.doc.char_span(low, pos, alignment_mode="contract") if low < pos else None
        return span is not None and any(t.dep_ in _SUBJECTS and t.tag_ == "NNS" and not self._in_quote(t.idx)
                                        for t in span)

    def known_name(self, text: str) -> str | None:
        """The entity that goes by this name (a mention's text, or a person's surname)."""
        if self.forms is None:      # name forms -> entity, built on first need
            self.forms = {}
            for x in self.ents.values():
                keys = {name_key(m.text) for m in x.entity.mentions} | {name_key(x.entity.name)}
                if x.entity.type == "PERSON":
                    keys.add(name_key(x.entity.name).split()[-1])
                self.forms.update(dict.fromkeys(keys, x.entity.id))
        return self.forms.get(name_key(text))

    def name(self, span: SpacySpan) -> str | None:
        """A proper name NER did not mark: an existing entity by its forms, else a new one."""
        words = [t for t in span if t.pos_ == "PROPN" and t.lower_ not in NAME_TITLES]
        if not words or any(t.ent_type_ in _NOT_A_SOURCE for t in words):
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        eid = self.known_name(self.text[start:end])
        if eid:
            return eid
        titled = span.start > 0 and span.doc[span.start - 1].lower_ in NAME_TITLES
        person = titled or person_gender_hint(self.text[start:end]) is not None or \
            (len(words) >= 2 and not any(w.lower_ in ORG_NOUN_KINDS for w in words))
        return self._new_entity(start, end, "PERSON" if person else "ORG")

    def _new_entity(self, start: int, end: int, label: str) -> str:
        """An entity for a source NER missed, named by the text at start:end."""
        self.new_count += 1
        text = self.text[start:end]
        entity = Entity(id=f"new{self.new_count}", name=text, type=label, mentions=(Span(text, start, end),))
        self.ents[entity.id] = _facts(entity)
        self.ents[entity.id].gender = person_gender_hint(text) if label == "PERSON" else None
        if self.forms is not None:
            self.forms[name_key(text)] = entity.id
        i = bisect.bisect_left(self.mention_starts, start)
        self.mentions.insert(i, (start, end, entity.id))
        self.mention_starts.insert(i, start)
        return entity.id

    def nominal(self, span: SpacySpan, head: Token) -> Resolved:
        """A common noun naming the source: organisation, role, spokesperson or document."""
        # "Gia Gunn, a contestant," / "the group, Consumer Watchdog,": the name beside it.
        beside = [head.head] if head.dep_ == "appos" else [c for c in head.children if c.dep_ == "appos"]
        eid = next((e for tok in beside if (e := self.covering(tok))), None)
        if eid:
            return eid, "explicit"
        noun = _singular(head.lemma_.lower())
        if any(c.lower_ in PAST_ROLE_WORDS for c in head.children if c.i < head.i):
            noun = "former " + noun
        modifiers = [c for c in head.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < head.i]
        tied = next((e for c in modifiers if (e := self.covering(c))), None)
        document = noun in DOCUMENT_NOUNS or head.lower_ in DOCUMENT_NOUNS
        indefinite = any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in head.children)
        generic = noun in GENERIC_SOURCE_NOUNS or head.lower_ in GENERIC_SOURCE_NOUNS
        if tied is None and (document or generic):
            preps = DOCUMENT_PREPOSITIONS if document else SPOKESPERSON_PREPOSITIONS
            tied = self._tied_by_preposition(head, preps)
        if document:        # "AP reporting", "its website": whoever owns the writing
            if tied:
                return tied, "nominal"
            owner = next((c for c in modifiers if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if owner is not None:
                return self.pronoun(owner), "pronoun"
            if indefinite:      # "a new report found": one not seen before, by no one named
                return None, "nominal"
            # "the account" after "an account called Mossad Commentary" (not an article's
            # title: the article does not speak for itself); else its author
            return self.salient(head.idx, lambda x: noun in x.roles and x.entity.type not in _NOT_A_VOICE,
                                window=NOMINAL_WINDOW_SENTENCES, weight=NOMINAL_DISTANCE_WEIGHT) \
                or self.author(head), "nominal"
        plural = head.tag_ in ("NNS", "NNPS")
        person_noun = generic or noun in ROLE_NOUNS or noun in OFFICE_NOUNS or noun in GENDERED_NOUNS \
            or noun.endswith(ROLE_SUFFIXES + _AGENT_SUFFIXES)
        if tied and not (person_noun or plural) and noun not in ORG_NOUN_KINDS:
            return tied, "nominal"      # "Bobulinski's testimony", "the MBA's index": whose it is
        if noun in ORG_NOUN_KINDS and not plural:
            return self.organisation(span, head, noun, tied)
        if generic or plural:   # "a Kaiser spokesperson" speaks for Kaiser; "officials" for no one named
            voice = noun in ORG_VOICE_NOUNS or head.lower_ in ORG_VOICE_NOUNS
            if tied and voice and self.ents[tied].entity.type == "ORG":
                return tied, "nominal"
            eid = None if plural else self.salient(
                head.idx, lambda x: x.entity.type == "PERSON" and noun in x.roles,
                window=NOMINAL_WINDOW_SENTENCES, weight=NOMINAL_DISTANCE_WEIGHT)
            return (eid, "nominal") if eid else (None, None)
        return self.role(head, noun)

    def author(self, head: Token) -> str | None:
        """'The statement said': who wrote the statement named before ('Kaiser said in a
        statement'); one introduced with no author ('a new report') has none."""
        first = self.sent_token_starts[max(0, self.sentence(head.idx) - NOMINAL_WINDOW_SENTENCES)]
        for tok in reversed(self.doc[first:head.i]):
            if tok.lemma_.lower() != head.lemma_.lower() or self._in_quote(tok.idx):
                continue
            source = document_author(tok)
            if source is not None:
                return self.resolve(self.doc[slice(*noun_phrase(source))])[0]
            if any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in tok.children):
                return None
        return None

    def _tied_by_preposition(self, head: Token, preps: frozenset[str]) -> str | None:
        """'a spokesman for Kaiser', 'a statement from the company': whom the noun speaks for."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return self.resolve(self.doc[pobj.left_edge.i:pobj.i + 1])[0]
        return None

    def organisation(self, span: SpacySpan, head: Token, noun: str, tied: str | None) -> Resolved:
        """'the company', 'the union', 'the agency': the salient organisation of that kind."""
        kind = ORG_NOUN_KINDS[noun]
        # "the Kaiser health system" is Kaiser; but "the Budget watchdog" is a public body
        # that only names its field, as "the Israeli military" names its country.
        if tied and self.ents[tied].entity.type in _ORG_TYPES and (
                kind != "government" or self.ents[tied].kind == "government"):
            return tied, "nominal"
        if tied:
            first = next((t for t in span if t.i <= head.i and t.pos_ != "DET" and t.dep_ != "poss"), head)
            return self._new_entity(first.idx, head.idx + len(head.text), "ORG"), "nominal"
        if any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in head.children):
            return None, None       # "an animal rights organization": one not named
        types = _ORG_TYPES | ({"GPE"} if noun in PLACE_BODIES else set())

        def fits(x: _Ent) -> bool:
            # "the company" may be any business; "the ministry" or "the union" must be one.
            open_kind = kind in ("company", "group") and x.kind is None
            return x.entity.type in types and (open_kind or x.kind == kind or noun in x.words)

        def bonus(x: _Ent) -> float:
            return _frequency_bonus(x) + NAME_MATCH_BONUS * (noun in x.words or noun in x.roles) \
                + SAME_KIND_BONUS * (x.kind == kind)

        eid = self.salient(head.idx, fits, window=NOMINAL_WINDOW_SENTENCES,
                           weight=NOMINAL_DISTANCE_WEIGHT, bonus=bonus)
        if eid:
            return eid, "nominal"
        proper = [t for t in span if t.i < head.i and t.pos_ == "PROPN"]
        if proper:     # "the Budget watchdog": a description that works as a name
            return self._new_entity(proper[0].idx, head.idx + len(head.text), "ORG"), "nominal"
        return None, None

    def role(self, head: Token, noun: str) -> Resolved:
        """'the psychologist': the person so described, else (for offices) the person just named.

        'a drama teacher' is someone new: unresolved. 'her husband' is someone else: only
        a descriptor resolves it ('his doctor' -> the person described as Dr.).
        """
        if any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE_DETERMINERS for c in head.children):
            return None, None
        eid = self.salient(head.idx, lambda x: x.entity.type == "PERSON" and noun in x.roles,
                           window=NOMINAL_WINDOW_SENTENCES, weight=NOMINAL_DISTANCE_WEIGHT,
                           forward=CATAPHORA_WINDOW_SENTENCES)
        if eid or any(c.dep_ == "poss" for c in head.children):
            return (eid, "nominal") if eid else (None, None)
        eid = self.salient(head.idx, lambda x: x.entity.type in _ORG_PRONOUN_TYPES and noun in x.roles,
                           window=NOMINAL_WINDOW_SENTENCES, weight=NOMINAL_DISTANCE_WEIGHT)
        if eid:     # "the think tank": an organisation the article described so
            return eid, "nominal"
        # Offices, ages ("the 43-year-old") and gendered words ("the woman") go back to the
        # person just named; the gender filter keeps "the man" off a woman.
        gender = GENDERED_NOUNS.get(noun)

        def plausible(x: _Ent) -> bool:
            return x.entity.type == "PERSON" and x.gender in (gender, None) if gender else \
                x.entity.type == "PERSON" and "former " + noun not in x.roles

        if noun in OFFICE_NOUNS or gender or _AGE_NOUN.fullmatch(head.lower_):
            eid = self.salient(head.idx, plausible, window=ROLE_FALLBACK_WINDOW_SENTENCES)
        return (eid, "nominal") if eid else (None, None)


def _renumber(entities: list[Entity]) -> tuple[list[Entity], dict[str, str]]:
    """Ids E1, E2, ... in order of first mention; returns the old -> new id map."""
    ordered = sorted(entities, key=lambda e: min((m.start for m in e.mentions), default=0))
    mapping = {e.id: f"E{i}" for i, e in enumerate(ordered, start=1)}
    return [replace(e, id=mapping[e.id]) for e in ordered], mapping


def resolve_speakers(doc: Doc, candidates: Sequence[QuoteCandidate],
                     entities: Sequence[Entity]) -> tuple[list[Quote], list[Entity]]:
    """Attach a speaker (canonical name, entity id, how it was found) to every candidate.

    Args:
        doc: the parsed article.
        candidates: quotes found by the quote stage, each with the words naming its source.
        entities: the entities of the article (`entities.find_entities`).

    Returns:
        The quotes, numbered Q1, Q2, ... in text order, and the entities, extended with
        any source NER missed and with the pronoun and nominal mentions that name them.
    """
    ordered = sorted(candidates, key=lambda c: (c.start, c.end))
    resolver = _Resolver(doc, entities, sorted((c.start, c.end) for c in ordered if c.type == "direct"))
    resolved: list[tuple[QuoteCandidate, str | None, str | None]] = []
    for cand in ordered:
        eid, how = None, None
        mention = cand.mention
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand") \
            if mention is not None and mention.end > mention.start else None
        if span is not None and len(span):
            eid, how = resolver.resolve(span)
            if eid and how in ("pronoun", "nominal"):
                resolver.ents[eid].added.append(mention)
        elif mention is None and resolved:
            prev, prev_eid, _ = resolved[-1]
            if prev_eid and resolver.paragraph(cand.start) - resolver.paragraph(prev.start) <= 1:
                eid, how = prev_eid, "adjacent"
        if eid:
            resolver.history.append((mention.start if mention else cand.start, eid))
        resolved.append((cand, eid, how if eid or how == "nominal" else None))

    extended = [replace(x.entity, mentions=tuple(sorted(set(x.entity.mentions) | set(x.added),
                                                        key=lambda m: (m.start, m.end))))
                for x in resolver.ents.values()]
    final, mapping = _renumber(extended)
    by_id = {e.id: e for e in final}
    quotes = []
    for i, (cand, eid, how) in enumerate(resolved, start=1):
        entity = by_id[mapping[eid]] if eid else None
        speaker = Speaker(name=entity.name if entity else None, entity=entity.id if entity else None,
                          mention=cand.mention, resolution=how)
        quotes.append(Quote(id=f"Q{i}", text=cand.text, start=cand.start, end=cand.end, type=cand.type,
                            speaker=speaker, cue=cand.cue,
                            confidence=round(cand.confidence * (RESOLUTION_CONFIDENCE[how] if eid or how is None
                                                                 else UNRESOLVED_DOCUMENT_CONFIDENCE), 3)))
    return quotes, final
