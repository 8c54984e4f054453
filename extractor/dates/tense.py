"""The tense of the clause that governs a temporal expression.

A bare "Wednesday" or "November" lies before or after the publication date as the clause
says: "will", "would", "to" and words like "ahead of" look ahead; a past tense looks back,
except for a date that dates a thing ("payable Dec. 7") or that a past act moves to
("extended the offer to Nov. 20"); a present tense ("the vote is in November", "they meet
Monday") speaks of this year's month or the coming day.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..lexicon.calendar import WEEKDAY_NUMBER
from ..lexicon.speech import REPORTING_VERBS

# Auxiliaries that look ahead: "will", modals of possibility ("may be signed on September 12") and
# the future in the past ("said he would step down in November").
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll", "may", "might", "should", "must", "can", "would"}
# Of those, the modals of advice and ability speak in general ("you can call on Christmas"): a
# holiday they govern is any year's (GUIDELINES); other expressions read them as looking ahead.
_GENERIC_AUX = {"should", "must", "can"}
# Words just before an expression that point ahead ("ahead of a March 15 vote").
_FUTURE_CUES = re.compile(r"\b(?:ahead of|upcoming|scheduled for|slated for|set for|due on|due by|until|"
                          r"no later than|starting|beginning)\b(?:\s+\w+){0,3}\s*\S*$")
# Scheduled events: a month that dates one ("the election in November") lies ahead unless a
# past tense says otherwise (GUIDELINES' settled case). Nouns of
# news events planned on a calendar, chosen by hand.
_SCHEDULED_EVENTS = frozenset("""
    election primary caucus vote ballot referendum poll runoff inauguration budget summit meeting
    hearing trial sentencing verdict deadline conference convention congress session launch release
    premiere opening ceremony festival tournament match game final race contest debate
    """.split())
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
        return "future"
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
    for _ in range(8):
        if tok not in span and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            through_thing = True
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in _SCHEDULED_EVENTS and not weekday:
            event = True
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            kids = {c.lower_ for c in auxes}
            if kids & _GENERIC_AUX or tok.lower_ in _GENERIC_AUX:
                return "generic"
            if kids & _FUTURE_AUX or tok.lower_ in _FUTURE_AUX:
                return "future"
            if "to" in kids:        # "to be held on October 12", "plans to close by May"
                # but an infinitive of purpose under a past verb takes its time when the date is
                # its own ("extended their offers to acquire the company Friday"), not when it
                # is what the verb plans ("agreed to buy it in February")
                purpose = tok.dep_ != "xcomp" and tok.head is not tok and tok.head.tag_ == "VBD"
                # "failed to pass this week": an implicative verb's infinitive shares its time
                shared = tok.dep_ == "xcomp" and tok.head.tag_ == "VBD" and tok.head.lemma_ in _IMPLICATIVE
                return None if (purpose and not through_thing) or shared else "future"
            if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
                return None if through_thing else "past"
            if tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl") and not auxes:   # "plans announced in January"
                return "future" if re.search(r"\bby\s+\S*$", left) else "past"   # "... restored by Monday"
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
