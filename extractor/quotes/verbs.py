"""Token tests for reporting verbs, over spaCy's tags and lemmas; the verb lists are in
`lexicon.speech`."""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.speech import DIRECT_CUE_VERBS, REPORTING_VERBS

def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def is_direct_cue(tok: Token) -> bool:
    return is_verb(tok) and (lemma(tok) in DIRECT_CUE_VERBS or is_point_out(tok))


def is_point_out(tok: Token) -> bool:
    return lemma(tok) == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)


def is_reporting(tok: Token) -> bool:
    return is_verb(tok) and (lemma(tok) in REPORTING_VERBS or is_point_out(tok))
