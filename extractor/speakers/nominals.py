"""Nominal speakers: a common noun naming a quote's source, and the dispatch over mentions.

`resolve_mention` reads the words naming a source by their head word: a name (known,
or one NER missed), a pronoun (`salience`), or a common noun. An organisation noun
("the company") goes to the most salient organisation of a fitting kind; a role noun
("the psychologist") to the person whose descriptors share it; a spokesperson or
document tied to an organisation ("a Kaiser spokesperson") to it; "the statement" to
whoever issued it before ("Kaiser said in a statement"), else the nominal itself is the
source, unresolved. The nominals resolve the words they are tied to in turn, so the
dispatch lives here with them.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..lexicon.names import DOCUMENT_NOUNS, DOCUMENT_PREPOSITIONS, GENDERED_NOUNS, GENERIC_SOURCE_NOUNS, \
    INDEFINITE_DETERMINERS, NAME_TITLES, OFFICE_NOUNS, ORG_NOUN_KINDS, ORG_PRONOUNS, ORG_VOICE_NOUNS, \
    PAST_ROLE_WORDS, PERSON_PRONOUNS, PLACE_BODIES, ROLE_NOUNS, ROLE_SUFFIXES, SPOKESPERSON_PREPOSITIONS
from ..entities.names import person_gender_hint
from .salience import NAME_MATCH_BONUS, ORG_PRONOUN_TYPES, SAME_KIND_BONUS, frequency_bonus, \
    resolve_pronoun, salient
from ..quotes.sources import document_author, noun_phrase
from .index import ArticleIndex, EntityFacts, singular

# "the company" may mean an organisation named a good while before, so distance weighs
# less for nominals than for pronouns.
NOMINAL_WINDOW_SENTENCES = 15
NOMINAL_DISTANCE_WEIGHT = 0.3
# "the prime minister" with no one so described: only a person named just before.
ROLE_FALLBACK_WINDOW_SENTENCES = 3
# "the veteran organizer says" in a feature: the person in focus, named up to a few
# paragraphs before (the pronoun window).
FOCUS_WINDOW_SENTENCES = 10
# A role noun may name a person introduced just after it ("his doctor said ... Dr. X").
CATAPHORA_WINDOW_SENTENCES = 3

_ORG_TYPES = frozenset({"ORG", "FAC"})
_NOT_A_VOICE = frozenset({"WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"})
# Endings of nouns for someone who does something ("reporter", "editor", "resident"):
# "a Times reporter" is a person at the Times, not the Times.
_AGENT_SUFFIXES = ("er", "or", "ant", "ent")
_AGE_NOUN = re.compile(r"\d+-year-old")
# NER labels of words that never name a source ("a post from October").
_NOT_A_SOURCE = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})

Resolved = tuple[str | None, str | None]      # (entity id, resolution)


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


def _indefinite(tok: Token, deps: tuple[str, ...] = ("det",)) -> bool:
    """'a drama teacher', 'another contestant': someone or something not seen before."""
    return any(c.dep_ in deps and c.lower_ in INDEFINITE_DETERMINERS for c in tok.children)


def _salient_nominal(index: ArticleIndex, pos: int, fits: Callable[[EntityFacts], bool],
                     **kwargs) -> str | None:
    """`salient` over the nominals' window, where distance weighs less than for pronouns."""
    return salient(index, pos, fits, window=NOMINAL_WINDOW_SENTENCES, weight=NOMINAL_DISTANCE_WEIGHT,
                   **kwargs)


def resolve_mention(index: ArticleIndex, span: SpacySpan) -> Resolved:
    """(entity id or None, resolution or None) for the words naming a source."""
    head = span.root
    # A known name, even where the tagger took it for a common noun ("Harper estimates").
    eid = index.covering(head) or (index.known_name(head.text) if head.text[:1].isupper()
                                   and head.pos_ != "PRON" else None)
    if eid:
        return eid, "explicit"
    if head.pos_ == "PRON" or head.lower_ in PERSON_PRONOUNS or head.lower_ in ORG_PRONOUNS:
        return resolve_pronoun(index, head), "pronoun"
    if head.pos_ == "PROPN" and not _is_common_title(head):
        return _unmarked_name(index, span), "explicit"
    return _nominal(index, span, head)


def _unmarked_name(index: ArticleIndex, span: SpacySpan) -> str | None:
    """A proper name NER did not mark: an existing entity by its forms, else a new one."""
    words = [t for t in span if t.pos_ == "PROPN" and t.lower_ not in NAME_TITLES]
    if not words or any(t.ent_type_ in _NOT_A_SOURCE for t in words):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    eid = index.known_name(index.text[start:end])
    if eid:
        return eid
    titled = span.start > 0 and span.doc[span.start - 1].lower_ in NAME_TITLES
    person = titled or person_gender_hint(index.text[start:end]) is not None or \
        (len(words) >= 2 and not any(w.lower_ in ORG_NOUN_KINDS for w in words))
    return index.add_entity(start, end, "PERSON" if person else "ORG")


def _nominal(index: ArticleIndex, span: SpacySpan, head: Token) -> Resolved:
    """A common noun naming the source: organisation, role, spokesperson or document."""
    # "Gia Gunn, a contestant," / "the group, Consumer Watchdog,": the name beside it.
    beside = [head.head] if head.dep_ == "appos" else [c for c in head.children if c.dep_ == "appos"]
    eid = next((e for tok in beside if (e := index.covering(tok))), None)
    if eid:
        return eid, "explicit"
    noun = singular(head.lemma_.lower())
    if any(c.lower_ in PAST_ROLE_WORDS for c in head.children if c.i < head.i):
        noun = "former " + noun
    modifiers = [c for c in head.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < head.i]
    tied = next((e for c in modifiers if (e := index.covering(c))), None)
    owner = next((c for c in modifiers if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
    if tied is None and owner is not None and not index.in_quote(owner.idx):
        # "the mayor's office": whoever "the mayor" is
        tied = resolve_mention(index, index.doc[slice(*noun_phrase(owner))])[0]
    document = noun in DOCUMENT_NOUNS or head.lower_ in DOCUMENT_NOUNS
    indefinite = _indefinite(head)
    generic = noun in GENERIC_SOURCE_NOUNS or head.lower_ in GENERIC_SOURCE_NOUNS
    if tied is None and (document or generic):
        preps = DOCUMENT_PREPOSITIONS if document else SPOKESPERSON_PREPOSITIONS
        tied = _tied_by_preposition(index, head, preps)
    if tied is None and document:       # "an exit poll conducted by CAIR"
        author = document_author(head)
        tied = resolve_mention(index, index.doc[slice(*noun_phrase(author))])[0] \
            if author is not None and author.i != head.i and author.pos_ != "PRON" \
            and not index.in_quote(author.idx) else None
    if document:        # "AP reporting", "its website": whoever owns the writing
        if tied:
            return tied, "nominal"
        owner = next((c for c in modifiers if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None:
            return resolve_pronoun(index, owner), "pronoun"
        if indefinite:      # "a new report found": one not seen before, by no one named
            return None, "nominal"
        # "the account" after "an account called Mossad Commentary" (not an article's
        # title: the article does not speak for itself); else its author
        return _salient_nominal(index, head.idx,
                                lambda x: noun in x.roles and x.entity.type not in _NOT_A_VOICE) \
            or _author(index, head), "nominal"
    plural = head.tag_ in ("NNS", "NNPS")
    person_noun = generic or is_person_noun(noun)
    if tied and not (person_noun or plural) and noun not in ORG_NOUN_KINDS:
        return tied, "nominal"      # "Bobulinski's testimony", "the MBA's index": whose it is
    if noun in ORG_NOUN_KINDS and not plural:
        return _organisation(index, span, head, noun, tied, indefinite)
    if generic or plural:   # "a Kaiser spokesperson" speaks for Kaiser; "officials" for no one named
        voice = noun in ORG_VOICE_NOUNS or head.lower_ in ORG_VOICE_NOUNS
        if tied and voice and index.ents[tied].entity.type == "ORG":
            return tied, "nominal"
        eid = None if plural else _salient_nominal(
            index, head.idx, lambda x: x.entity.type == "PERSON" and noun in x.roles)
        return (eid, "nominal") if eid else (None, None)
    return _role(index, head, noun)


def is_person_noun(noun: str) -> bool:
    """A singular common noun for people: a role, an office, a gendered word, or a word
    ending like one ("psychologist", "staffer", "resident")."""
    return noun in ROLE_NOUNS or noun in OFFICE_NOUNS or noun in GENDERED_NOUNS or noun in GENERIC_SOURCE_NOUNS \
        or noun.endswith(ROLE_SUFFIXES + _AGENT_SUFFIXES)


def _author(index: ArticleIndex, head: Token) -> str | None:
    """'The statement said': who wrote the statement named before ('Kaiser said in a
    statement'); one introduced with no author ('a new report') has none."""
    first = index.sent_token_starts[max(0, index.sentence(head.idx) - NOMINAL_WINDOW_SENTENCES)]
    for tok in reversed(index.doc[first:head.i]):
        if tok.lemma_.lower() != head.lemma_.lower() or index.in_quote(tok.idx):
            continue
        source = document_author(tok)
        if source is not None:
            return resolve_mention(index, index.doc[slice(*noun_phrase(source))])[0]
        if _indefinite(tok):
            return None
    return None


def _tied_by_preposition(index: ArticleIndex, head: Token, preps: frozenset[str]) -> str | None:
    """'a spokesman for Kaiser', 'a statement from the company': whom the noun speaks for."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return resolve_mention(index, index.doc[pobj.left_edge.i:pobj.i + 1])[0]
    return None


def _organisation(index: ArticleIndex, span: SpacySpan, head: Token, noun: str, tied: str | None,
                  indefinite: bool) -> Resolved:
    """'the company', 'the union', 'the agency': the salient organisation of that kind."""
    kind = ORG_NOUN_KINDS[noun]
    # "the Kaiser health system" is Kaiser; but "the Budget watchdog" is a public body
    # that only names its field, as "the Israeli military" names its country.
    if tied and index.ents[tied].entity.type in _ORG_TYPES and (
            kind != "government" or index.ents[tied].kind == "government"):
        return tied, "nominal"
    if tied and index.ents[tied].entity.type == "PERSON":
        return tied, "nominal"      # "the mayor's office", "Trump's campaign": the person's voice
    if tied:
        first = next((t for t in span if t.i <= head.i and t.pos_ != "DET" and t.dep_ not in ("poss", "case")), head)
        return index.add_entity(first.idx, head.idx + len(head.text), "ORG"), "nominal"
    if indefinite:
        return None, None       # "an animal rights organization": one not named
    types = _ORG_TYPES | ({"GPE"} if noun in PLACE_BODIES else set())

    def fits(x: EntityFacts) -> bool:
        # "the company" may be any business; "the ministry" or "the union" must be one.
        open_kind = kind in ("company", "group") and x.kind is None
        return x.entity.type in types and (open_kind or x.kind == kind or noun in x.words)

    def bonus(x: EntityFacts) -> float:
        return frequency_bonus(x) + NAME_MATCH_BONUS * (noun in x.words or noun in x.roles) \
            + SAME_KIND_BONUS * (x.kind == kind)

    eid = _salient_nominal(index, head.idx, fits, bonus=bonus)
    if eid:
        return eid, "nominal"
    proper = [t for t in span if t.i < head.i and t.pos_ == "PROPN"]
    if proper:     # "the Budget watchdog": a description that works as a name
        return index.add_entity(proper[0].idx, head.idx + len(head.text), "ORG"), "nominal"
    return None, None


def _role(index: ArticleIndex, head: Token, noun: str) -> Resolved:
    """'the psychologist': the person so described, else (for offices) the person just named.

    'a drama teacher' is someone new: unresolved. 'her husband' is someone else: only
    a descriptor resolves it ('his doctor' -> the person described as Dr.).
    """
    if _indefinite(head, deps=("det", "nummod")):     # "one teacher" too
        return None, None
    eid = _salient_nominal(index, head.idx, lambda x: x.entity.type == "PERSON" and noun in x.roles,
                           forward=CATAPHORA_WINDOW_SENTENCES)
    if eid or any(c.dep_ == "poss" for c in head.children):
        return (eid, "nominal") if eid else (None, None)
    eid = _salient_nominal(index, head.idx, lambda x: x.entity.type in ORG_PRONOUN_TYPES and noun in x.roles)
    if eid:     # "the think tank": an organisation the article described so
        return eid, "nominal"
    # Offices, ages ("the 43-year-old") and gendered words ("the woman") go back to the
    # person just named; the gender filter keeps "the man" off a woman.
    gender = GENDERED_NOUNS.get(noun)

    def plausible(x: EntityFacts) -> bool:
        return x.entity.type == "PERSON" and x.gender in (gender, None) if gender else \
            x.entity.type == "PERSON" and "former " + noun not in x.roles

    if noun in OFFICE_NOUNS or gender or _AGE_NOUN.fullmatch(head.lower_):
        eid = salient(index, head.idx, plausible, window=ROLE_FALLBACK_WINDOW_SENTENCES)
    if eid is None and _definite(head) and head.tag_ not in ("NNS", "NNPS") and (
            noun in ROLE_NOUNS or noun.endswith(ROLE_SUFFIXES + _AGENT_SUFFIXES)) \
            and not _said_before(index, head):
        # "says the soft-spoken Leeds native", "the veteran organizer says": a feature's
        # description of the person it is about, named paragraphs before (but "a
        # whistleblower ... the whistleblower said" is that unnamed someone)
        eid = salient(index, head.idx, plausible, window=FOCUS_WINDOW_SENTENCES)
    return (eid, "nominal") if eid else (None, None)


def _said_before(index: ArticleIndex, head: Token) -> bool:
    """The noun was used before in the narration ("a whistleblower's complaint" in the
    lead): it goes on naming that one, not the person in focus."""
    return any(t.lemma_ == head.lemma_ and not index.in_quote(t.idx) for t in index.doc[:head.i])


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)
