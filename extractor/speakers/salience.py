"""Salience: which entity an anaphor most likely means, and the genders of people.

An entity's salience at a position is its recency in sentences plus bonuses for
grammatical subjects and for the speakers of the latest quotes (news keeps talking
about whoever just spoke). A person's gender comes from a first name, a courtesy title
or a gendered role ("his mother, Ernestine"), and from the pronouns that follow them.
he/she goes to the most salient person of that gender, it/they/we to the most salient
organisation.
"""
from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Token

from ..lexicon.names import FEMALE_TITLES, GENDERED_NOUNS, MALE_TITLES, ORG_PRONOUNS, PERSON_PRONOUNS
from ..entities.names import person_gender_hint
from .index import NOMINAL_SUBJECT_DEPS, ArticleIndex, EntityFacts

# Salience bonuses, in sentences of recency: chosen on the dev articles and a sample of
# the Fundus pages, small enough that a clearly closer antecedent still wins.
SUBJECT_BONUS = 0.5
SPEAKER_BONUS = 1.5
SAME_KIND_BONUS = 1.0
NAME_MATCH_BONUS = 2.0
# A name in the anaphor's own paragraph: a paragraph that names someone is about them
# ("Callaghan, who stars ..., was surprised. “...,” she said"), even when the speaker
# of the paragraph before was someone else; chosen on the PolNeAR train sample (see
# /work/shared/bench), above SPEAKER_BONUS less one sentence of distance.
SAME_PARAGRAPH_BONUS = 1.5
# A first name or a courtesy title outweighs this many nearby pronouns, which often refer
# to someone else ("Habba claims he has the cash").
NAME_GENDER_VOTES = 4
# A person of unknown gender is a poor antecedent for he/she when one of known gender is near.
UNKNOWN_GENDER_PENALTY = 3.0
# An organisation named n times earns 0.25 * log2(n), at most one sentence's worth: enough
# to prefer the article's main company over a one-off outlet named in the same sentence.
FREQUENCY_WEIGHT = 0.25
MAX_FREQUENCY_BONUS = 1.0
# How far back a pronoun's antecedent may be: within a few paragraphs.
PRONOUN_WINDOW_SENTENCES = 10
# Mentions looked at behind a source at most: bounds the work on very long articles.
MAX_MENTIONS_BACK = 200
# Latest quotes whose speakers get the speaker bonus.
RECENT_SPEAKERS = 2

ORG_PRONOUN_TYPES = frozenset({"ORG", "FAC", "GPE", "NORP"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})


def frequency_bonus(x: EntityFacts) -> float:
    """Organisations the article keeps naming are what "it" and "the company" usually mean."""
    return min(MAX_FREQUENCY_BONUS, FREQUENCY_WEIGHT * math.log2(len(x.entity.mentions)))


def infer_genders(index: ArticleIndex) -> None:
    """Gender of each person: first name, courtesy title or gendered role ("his mother,
    Ernestine"), and the pronouns after it."""
    votes = {i: Counter() for i, x in index.ents.items() if x.entity.type == "PERSON"}
    for eid, count in votes.items():     # "Ernestine", described as "his mother"
        hint = person_gender_hint(index.ents[eid].entity.name) or next(
            (GENDERED_NOUNS[r] for r in sorted(index.ents[eid].roles) if r in GENDERED_NOUNS), None)
        if hint:
            count[hint] += NAME_GENDER_VOTES
    for start, _end, eid in index.mentions:
        tok = index.token_at(start) if eid in votes else None
        if tok is not None and tok.i > 0:
            before = tok.doc[tok.i - 1].lower_
            gender = "male" if before in MALE_TITLES else "female" if before in FEMALE_TITLES else None
            if gender:
                votes[eid][gender] += NAME_GENDER_VOTES
    for tok in index.doc:
        gender = PERSON_PRONOUNS.get(tok.lower_)
        if gender is None or tok.pos_ != "PRON" or index.in_quote(tok.idx):
            continue
        # The likeliest antecedent in its sentence or the one before: a later sentence
        # first, then a subject ("Nowak met Kowalczyk. He said": Nowak), then the nearest.
        here = index.sentence(tok.idx)
        low = index.sent_starts[max(0, here - 1)]
        lo, hi = bisect.bisect_left(index.mention_starts, low), bisect.bisect_left(index.mention_starts, tok.idx)
        # An object pronoun is never its own verb's subject ("Ernestine introduced him").
        own = [c for c in tok.head.children if c.dep_ in NOMINAL_SUBJECT_DEPS] if tok.dep_ in ("dobj", "dative") else []
        barred = index.covering(own[0]) if own else None
        near = [(index.sentence(s), index.is_subject(s), s, eid) for s, _e, eid in index.mentions[lo:hi]
                if eid in votes and eid != barred]
        if near:
            votes[max(near)[3]][gender] += 1
    for eid, count in votes.items():
        ranked = count.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
            index.ents[eid].gender = ranked[0][0]


def salient(index: ArticleIndex, pos: int, fits: Callable[[EntityFacts], bool], *, window: int,
            weight: float = 1.0, bonus: Callable[[EntityFacts], float] = lambda x: 0.0,
            forward: int = 0) -> str | None:
    """The fitting entity named most saliently before `pos` (or, failing that, just after)."""
    here, paragraph = index.sentence(pos), index.paragraph(pos)
    best: dict[str, float] = {}
    recent_speakers = {eid for _, eid in index.history[-RECENT_SPEAKERS:]}

    def consider(start: int, eid: str, subject: bool) -> bool:
        dist = here - index.sentence(start)
        if dist > window:
            return False
        x = index.ents[eid]
        if fits(x):
            score = -dist * weight + bonus(x) + SPEAKER_BONUS * (eid in recent_speakers) \
                + SUBJECT_BONUS * subject + SAME_PARAGRAPH_BONUS * (index.paragraph(start) == paragraph)
            best[eid] = max(score, best.get(eid, score))
        return True

    hi = bisect.bisect_left(index.mention_starts, pos)
    for start, _end, eid in reversed(index.mentions[max(0, hi - MAX_MENTIONS_BACK):hi]):
        # A name inside someone's quoted words is not whom the narration refers to next.
        if not index.in_quote(start) and not consider(start, eid, index.is_subject(start)):
            break
    for start, eid in reversed(index.history):
        if start < pos and not consider(start, eid, True):
            break
    if not best and forward:
        for start, _end, eid in index.mentions[hi:]:
            if index.sentence(start) - here > forward:
                break
            if fits(index.ents[eid]):
                return eid
    return max(best, key=best.__getitem__) if best else None


def resolve_pronoun(index: ArticleIndex, tok: Token) -> str | None:
    """he/she: the most salient person of that gender; it/they/we: the most salient organisation."""
    low = tok.lower_
    gender = PERSON_PRONOUNS.get(low)
    if gender:
        return salient(index, tok.idx, lambda x: x.entity.type == "PERSON" and x.gender in (gender, None),
                       window=PRONOUN_WINDOW_SENTENCES,
                       bonus=lambda x: -UNKNOWN_GENDER_PENALTY * (x.gender is None))
    if low not in ORG_PRONOUNS:
        return None
    eid = salient(index, tok.idx, lambda x: x.entity.type in ORG_PRONOUN_TYPES,
                  window=PRONOUN_WINDOW_SENTENCES,
                  bonus=lambda x: SAME_KIND_BONUS * (x.entity.type == "ORG") + frequency_bonus(x))
    # "a dozen staffers spoke ... They said": the people named since, not the body.
    if eid and low in _PLURAL_PRONOUNS and _plural_subject_since(index, tok.idx, eid):
        return None
    return eid


def _plural_subject_since(index: ArticleIndex, pos: int, eid: str) -> bool:
    """A plural common noun is a subject in the sentence before `pos` or its own (after
    `eid`'s last naming as a speaker): "a half-dozen staffers spoke about CNN's coverage.
    They said" are the staffers, though CNN was named after them."""
    last = max([s for s, e in index.history if e == eid and s < pos], default=0)
    low = max(last + 1, index.sent_starts[max(0, index.sentence(pos) - 1)])
    span = index.doc.char_span(low, pos, alignment_mode="contract") if low < pos else None
    return span is not None and any(t.dep_ in NOMINAL_SUBJECT_DEPS and t.tag_ == "NNS" and not index.in_quote(t.idx)
                                    for t in span)
