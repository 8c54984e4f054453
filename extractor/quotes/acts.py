"""Stances and findings as reports: `endorsed Sanders`, `criticized the deal`, `vowed to
repeal it`, `blamed X for Y`, `a poll by X showed ...`.

News attributes a position to a source with many verbs besides `say`; what the
source holds is the verb's object, its infinitive or its clause. These cues rank
below the speech cues (`rank=1`), so a quote or a reported clause over the same
words wins. The verb lists live in `lexicon.speech`.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.speech import (ACT_PREPOSITIONS, ACT_VERBS, BELIEF_VERBS, CUE_NOUNS, EVIDENCE_SUBJECTS, EVIDENCE_VERBS,
                              INTENT_VERBS, NAMING_VERBS, OBJECT_SPEECH_VERBS)
from .sources import same_paragraph, speaker_of, subject_of
from .verbs import is_passive, lemma

# What a stance verb's position is: its object, an infinitive (`vowed to ...`) or a
# clause (`believes the deal ...`).
_POSITION_DEPS = frozenset({"dobj", "xcomp", "ccomp", "dative", "oprd"})
# A one-word object that is a pronoun (`backed it`, `said so`) repeats a position
# stated elsewhere: too little to quote.
_EMPTY_OBJECTS = frozenset({"it", "this", "that", "them", "him", "her", "one", "so"})
# What a naming verb calls its object: `called him competent`, `a fascist`, `as a hoax`.
_NAME_DEPS = frozenset({"oprd", "xcomp", "ccomp", "attr", "acomp"})
# `knows what was said`, `wonders whether ...`: a question, not a belief held.
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_ACT_CUES = (ACT_VERBS | ACT_PREPOSITIONS.keys() | EVIDENCE_VERBS | OBJECT_SPEECH_VERBS | BELIEF_VERBS
             | NAMING_VERBS | INTENT_VERBS)
# Confidence of a stance report: below the speech cues (0.6 to 0.9), as it was right
# less often on PolNeAR train.
CONF_ACT = 0.5


def is_act_cue(tok: Token) -> bool:
    return lemma(tok) in _ACT_CUES


def act_report(tok: Token) -> tuple[int, int, Token | None] | None:
    """Token bounds [lo, hi] of the position `tok` attributes, and who holds it.

    The position runs from the verb's first argument after it to the end of its last
    one, cut before a relative clause set off by a comma (`..., which ...`).
    """
    lem = lemma(tok)
    if _is_interview_question(tok):
        return _question(tok)
    # A stance has a source only in the active voice (`Sanders was endorsed` names the
    # target) and on a verb of its own clause.
    if is_passive(tok) or tok.dep_ in ("amod", "acl") or tok.tag_ == "VBN" and not any(
            c.dep_ == "aux" for c in tok.children):
        return None                 # `a candidate endorsed by ...`, `the plan backed by`
    if any(_asks_how(c) for c in tok.lefts):
        return None                 # `ways in which nominees reject ...`: no one's stance
    preps = ACT_PREPOSITIONS.get(lem, frozenset())
    subject = subject_of(tok)
    finding = lem in EVIDENCE_VERBS and subject is not None and lemma(subject) in EVIDENCE_SUBJECTS
    said = lem in OBJECT_SPEECH_VERBS   # `said yes`, `noted the attacks`
    args = [c for c in tok.rights if same_paragraph(c, tok) and (
        (c.dep_ == "prep" and c.lower_ in preps)
        or ((lem in ACT_VERBS or finding) and c.dep_ in _POSITION_DEPS)
        or (said and c.dep_ == "dobj")
        or (lem in BELIEF_VERBS and c.dep_ == "ccomp" and not _is_question(c))
        or (lem in INTENT_VERBS and c.dep_ == "xcomp" and _is_named(subject)))]
    if lem in NAMING_VERBS and lem not in ACT_VERBS:
        args = _naming_frame(tok)   # `calling Trump a fascist`, `described it as a hoax`
    if not args:
        return None
    if len(args) == 1 and args[0].dep_ == "dobj" and (lemma(args[0]) in CUE_NOUNS or (
            args[0].n_lefts + args[0].n_rights == 0 and args[0].lower_ in _EMPTY_OBJECTS)):
        return None                 # `repeated his accusation that ...`: the noun reports it
    speaker = speaker_of(tok)
    if speaker is None:
        return None
    lo, hi = args[0].left_edge.i, max(a.right_edge.i for a in args)
    doc = tok.doc
    for t in doc[lo:hi + 1]:
        if t.dep_ in ("relcl", "appos") and t.left_edge.i > lo and doc[t.left_edge.i - 1].text == ",":
            hi = t.left_edge.i - 2  # `the deal, which ...`: the position ends at the comma
            break
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return lo, hi, speaker


def _is_question(clause: Token) -> bool:
    first = clause.left_edge
    return first.tag_ in _WH_TAGS or first.lower_ in ("if", "whether")


def _naming_frame(verb: Token) -> list[Token]:
    """The object and what the source names it (`called him competent`); a bare
    object (`called the meeting`) names nothing."""
    rights = [c for c in verb.rights if same_paragraph(c, verb)]
    objects = [c for c in rights if c.dep_ == "dobj"]
    names = [c for c in rights if c.dep_ in _NAME_DEPS or (c.dep_ == "prep" and c.lower_ == "as")]
    names += [c for o in objects for c in o.rights if c.dep_ in _NAME_DEPS]
    if not objects or not names:
        return []
    return objects + names


def _is_interview_question(tok: Token) -> bool:
    """`Asked about her vote, she replied: ...`: the question an interviewer put."""
    return lemma(tok) == "ask" and tok.tag_ == "VBN" and tok.dep_ == "advcl" and tok.i < tok.head.i \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)


def _question(tok: Token) -> tuple[int, int, None] | None:
    """The question after `Asked`: `about ...`, `whether ...`, `if ...`; the interviewer
    is rarely named, so no source."""
    args = [c for c in tok.rights if (c.dep_ == "prep" and c.lower_ == "about") or c.dep_ in ("ccomp", "dobj")]
    if not args:
        return None
    hi = max(a.right_edge.i for a in args)
    while hi > args[0].left_edge.i and tok.doc[hi].is_punct:
        hi -= 1
    return args[0].left_edge.i, hi, None


def _is_named(tok: Token | None) -> bool:
    """A subject that names a person or organisation (`Trump`, `the Clinton campaign`)."""
    return tok is not None and (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"))


def _asks_how(left: Token) -> bool:
    """A left dependent that makes the verb's clause a manner or question (`in which`,
    `how`, `whether`), unlike a relative pronoun (`who endorsed Trump`, `the plan that
    he backs`)."""
    if left.dep_ == "prep":
        return any(g.tag_ in _WH_TAGS for g in left.children)
    return left.lower_ in ("how", "why") or (left.dep_ == "mark" and left.lower_ in ("if", "whether"))
