"""The tense of the clause that governs a temporal expression.

A bare "Wednesday" or "November" lies before or after the publication date as the clause
says: "will", "would", "to" and words like "ahead of" look ahead; a past tense looks back,
except for a date that dates a thing ("payable Dec. 7") or that a past act moves to
("extended the offer to Nov. 20"); a present tense ("the vote is in November", "they meet
Monday") speaks of this year's month or the coming day. A thing planned lies ahead ("planned
a rally on Saturday"); a thing named with its date ("Wednesday's ruling", "a June agreement")
is one known, before publication; "until" a date looks back after a past perfect or a denial.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicon.calendar import MONTH_NUMBER, WEEKDAY_NUMBER
from ..lexicon.speech import REPORTING_VERBS

# Auxiliaries that look ahead: "will", modals of possibility ("may be signed on September 12") and
# the future in the past ("said he would step down in November").
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll", "may", "might", "should", "must", "can", "would"}
# Of those, the modals of advice and ability speak in general ("you can call on Christmas"): a
# holiday they govern is any year's (GUIDELINES); other expressions read them as looking ahead.
_GENERIC_AUX = {"should", "must", "can"}
# Words just before an expression that point ahead ("ahead of a March 15 vote").
_FUTURE_CUES = re.compile(r"\b(?:ahead of|upcoming|scheduled for|slated for|set for|due on|due by|until|till|"
                          r"no later than|starting|beginning)\b(?:\s+\w+){0,3}\s*\S*$")
# Of those, the end of a span looks ahead ("extended its offer until Nov. 9") unless a past perfect or a denial held until then ("Until Thursday, they had not
# called him a suspect").
_SPAN_END_CUES = re.compile(r"\b(?:until|till)\b(?:\s+\w+){0,3}\s*\S*$")
# Scheduled events: a month that dates one ("the election in November") lies ahead unless a
# past tense says otherwise (GUIDELINES' settled case). Nouns of
# news events planned on a calendar, chosen by hand.
_SCHEDULED_EVENTS = frozenset("""
    election primary caucus vote ballot referendum poll runoff inauguration budget summit meeting
    hearing trial sentencing verdict deadline conference convention congress session launch release
    premiere opening ceremony festival tournament match game final race contest debate
    """.split())
# Verbs that plan what they govern: the date of a thing planned lies ahead even when the planning
# is told in the past ("Protesters planned a demonstration on Saturday", "has scheduled a news
# conference Thursday", "was planned for early March"). Chosen by hand.
_PLANNING = frozenset("plan schedule slate intend".split())
# Modals that, with "have", put an act in the past ("may have been responsible ... on Wednesday").
_PAST_MODALS = {"may", "might", "could", "must", "should", "would"}
# Verbs whose infinitive happens when they do ("failed to pass this week"), not after.
_IMPLICATIVE = frozenset("fail manage try attempt refuse decline begin start continue stop cease seem appear happen".split())
# How many tokens before an expression are read for such cues.
FUTURE_CUE_REACH = 5


def clause_tense(span: Span) -> str | None:
    """"future" when the clause governing the expression looks ahead, "generic" when a modal of
    advice or ability, an imperative or a gerund alone governs it (which also looks ahead), "past" when it is in a past tense,
    "present" in a present tense, else None."""
    doc = span.doc
    # without a parser (spacy.blank) there are no sentences: the cue window may then cross one
    floor = span.sent.start if doc.has_annotation("SENT_START") else 0
    left = doc[max(floor, span.start - FUTURE_CUE_REACH):span.start + 1].text.lower()
    if _FUTURE_CUES.search(left):
        if not (_SPAN_END_CUES.search(left) and _held_before(span)):
            return "future"
    return _parsed_tense(span, left)


def _parsed_tense(span: Span, left: str) -> str | None:
    """The tense `clause_tense` reads from the parse once no cue word settled it."""
    doc = span.doc
    floor = span.sent.start if doc.has_annotation("SENT_START") else 0
    if not doc.has_annotation("DEP"):       # no parse to read the tense from: the words around it
        before = doc[max(floor, span.start - 2 * FUTURE_CUE_REACH):span.start].text.lower()
        return "future" if re.search(r"\b(?:will|shall|going to)\b|'ll\b", before) else None
    tok = span.root
    if tok.head.lower_ == "since" or span[0].lower_ == "since":
        return "past"       # "the best week since November": the one before
    # a date that dates a thing ("payable Dec. 7", "the Nov. 1 deadline") or that a past act moves
    # to ("extended the offer to Nov. 20") is not dated by a past tense
    through_thing = tok.head.lower_ == "to"
    event = False
    # a weekday's event is as often the one just held ("Tuesday's vote, which came ..."): months only
    weekday = any(t.lower_.rstrip(".") in WEEKDAY_NUMBER for t in span)
    if _names_a_thing(span) and not _dates_an_event(span):
        return None     # "a June agreement", "Wednesday's ruling": the one before, whatever the verb
    for _ in range(8):
        if tok not in span and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            through_thing = True
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in _SCHEDULED_EVENTS and not weekday:
            event = True
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            kids = {c.lower_ for c in auxes}
            # the plan, not the planning: a date after a finite planning verb ("On Friday, they
            # planned to pay" dates the planning; "a service planned for Saturday" may be past)
            if tok.lemma_ in _PLANNING and tok.tag_ != "VBG" and tok.dep_ not in ("acl", "amod") \
                    and span.start > tok.i:
                return "future"
            if kids & _PAST_MODALS and "have" in kids:
                return "past"
            if kids & _GENERIC_AUX or tok.lower_ in _GENERIC_AUX:
                return "generic"
            if kids & _FUTURE_AUX or tok.lower_ in _FUTURE_AUX:
                return "future"
            if "to" in kids:        # "to be held on October 12", "plans to close by May"
                # but an infinitive of purpose under a past verb ("was" + participle too) takes its
                # time when the date is its own ("extended their offers to acquire the company
                # Friday"), not when it is what the verb plans ("agreed to buy it in February")
                purpose = tok.dep_ != "xcomp" and tok.head is not tok and _is_past(tok.head)
                # "failed to pass this week": an implicative verb's infinitive shares its time
                shared = tok.dep_ == "xcomp" and tok.head.tag_ == "VBD" and tok.head.lemma_ in _IMPLICATIVE
                return None if (purpose and not through_thing) or shared else "future"
            if _is_past(tok):
                return None if through_thing else "past"
            if tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl") and not auxes:   # "plans announced in January"
                if re.search(r"\bby\s+\S*$", left):      # "... restored by Monday"
                    return "future"
                return None if through_thing else "past"    # "(Corp., ...) extended to Nov. 20 its offer"
            if tok.tag_ in ("VB", "VBG") and not auxes and not any(c.dep_.startswith("nsubj") for c in tok.children) \
                    and not any(a.pos_ in ("VERB", "AUX") for a in tok.ancestors):
                return "generic"    # an imperative or a gerund alone: advice ("reaching out on Christmas")
            if kids & {"has", "have"}:      # a present perfect says nothing of the date's side
                return None
            if tok.tag_ in ("VBP", "VBZ") or any(c.tag_ in ("VBP", "VBZ") for c in auxes):
                # present tense: a deadline looks ahead ("wants to cut dealers by early June"); a
                # report in the present ("says Monday") tells of the past
                if re.search(r"\bby\s+\S*$", left):
                    return "future"
                if event:
                    return "future"
                # (a weekday that dates a thing in a present clause may be past: "follows Tuesday's
                # declaration"; a month is this year's either way)
                return None if tok.lemma_ in REPORTING_VERBS or (through_thing and weekday) else "present"
        if tok.head is tok:
            break
        tok = tok.head
    return "future" if event else None


def _is_past(verb: Token) -> bool:
    """A past tense: "fell", "was kidnapped", and a present form whose singular subject shows it is
    a past one the tagger took for a present ("Weakness hurt the composite")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return True
    return verb.tag_ == "VBP" and not auxes and verb.lower_ == verb.lemma_ and \
        not any(c.dep_ == "mark" for c in verb.children) and \
        any(c.dep_ == "nsubj" and c.tag_ == "NN" and not any(g.dep_ == "conj" for g in c.children)
            for c in verb.children)


def _held_before(span: Span) -> bool:
    """Whether the verb an "until" bounds is a past perfect or denied ("had not called")."""
    verb = next((t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    kids = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
    return "had" in kids or bool(kids & {"not", "n't", "never"}) and _is_past(verb)


def _names_a_thing(span: Span) -> bool:
    """A month or weekday alone that dates a noun before it names ("a June agreement", "the
    late-November trip", "Wednesday's ruling"): a thing known, so not placed by the verb."""
    words = [t for t in span if t.is_alpha and t.lower_ not in ("early", "mid", "late")]
    if len(words) != 1 or words[0].lower_.rstrip(".") not in WEEKDAY_NUMBER | MONTH_NUMBER:
        return False
    root = span.root
    if root.head.pos_ != "NOUN" or root.head.i < root.i:
        return False
    # a possessive ("Wednesday's ruling"), or a month in a noun phrase with its article ("a June
    # agreement"; not "orders for November transactions", which may lie ahead)
    return root.dep_ == "poss" or root.dep_ in ("compound", "nmod", "amod") and \
        any(c.dep_ == "det" for c in root.head.children)


def _dates_an_event(span: Span) -> bool:
    """Whether the noun the expression dates is a scheduled event ("the November election")."""
    return span.root.head.lemma_.lower() in _SCHEDULED_EVENTS