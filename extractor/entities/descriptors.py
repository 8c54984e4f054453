"""Entity descriptors: the roles an article gives a name ("striker X", "X, a ... worker").

Pre-modifiers inside the name's noun phrase, the noun a name stands beside ("his
mother, Ernestine", "an account called X"), appositions and "who is a ..." clauses;
each cut to a short noun phrase that ends in a noun and is not just another name.
"""
from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from ..lexicon.names import COURTESY_TITLES

# A descriptor longer than this is a clause, not a role ("a licensed clinical psychologist").
MAX_DESCRIPTOR_TOKENS = 12
# Characters that never stand in a role ("called Bushnell \u201can idiot\u201d", "| 4:53 AM").
_NOT_IN_DESCRIPTOR = re.compile(r"[\"\u201c\u201d|@#]")
_NOT_IN_NOUN_PHRASE = frozenset({"VERB", "AUX", "SCONJ", "PUNCT", "CCONJ", "ADV"})
_NAMING_VERBS = frozenset({"call", "name", "dub", "title"})
_DESCRIPTOR_STOPS = frozenset({",", "\u2014", "\u2013", "(", ";", ":", "--", "which", "who", "that"})


def _descriptor_text(tokens: list) -> str | None:
    while tokens and (tokens[0].pos_ == "DET" or tokens[0].lower_ in ("a", "an", "the")):
        tokens = tokens[1:]
    if not tokens or len(tokens) > MAX_DESCRIPTOR_TOKENS:
        return None
    # A role ends in a noun ("striker", "French President"), and is not just another name.
    if tokens[-1].pos_ not in ("NOUN", "PROPN") or all(t.ent_type_ for t in tokens):
        return None
    text = "".join(t.text_with_ws for t in tokens).strip()
    if _NOT_IN_DESCRIPTOR.search(text):
        return None
    if text.lower() in COURTESY_TITLES and len(tokens) == 1:
        return None     # Mr, Mrs: courtesy, not a role
    return text or None


def _until_stop(tokens) -> list:
    out = []
    for t in tokens:
        if t.text in _DESCRIPTOR_STOPS or t.dep_ == "relcl":
            break
        out.append(t)
    return out


def descriptors_of(span: SpacySpan) -> list[str]:
    """Roles the article gives a mention: 'striker X', 'X, a ... worker', 'X, who is a ...'."""
    root, found = span.root, []
    # Pre-modifiers: the words left of the name inside its own noun phrase.
    i, sent_start = span.start - 1, span.sent.start    # `sent` is found anew on each access
    while i >= sent_start:
        tok = span.doc[i]
        if tok.pos_ in ("DET", "PRON", "VERB", "AUX") or tok.dep_ in ("case", "poss") \
                or (tok.pos_ == "ADP" and tok.lower_ != "of") \
                or (tok.is_punct and tok.text != "-") or root not in tok.ancestors:
            break
        i -= 1
    text = _descriptor_text(list(span.doc[i + 1:span.start]))
    if text:
        found.append(text)
    # The noun a name stands beside: "his mother, Ernestine", "an account called X" (but not
    # "the account called Bushnell an idiot", "two women, Ann and", "evidence, UNRWA" misparsed).
    noun = root.head.head if root.dep_ == "oprd" and root.head.dep_ == "acl" \
        and root.head.lemma_ in _NAMING_VERBS else root.head
    if noun.tag_ == "NN" and not any(c.dep_ == "nummod" for c in noun.children) and (
            noun.i != root.head.i and any(c.lower_ in ("a", "an") for c in noun.children)
            or root.dep_ == "appos" and noun.i == span.start - 2 and span.doc[noun.i + 1].text == ","):
        first = noun.i      # its own words, back to a verb or clause word parsed into it
        while first > noun.left_edge.i and (span.doc[first - 1].pos_ not in _NOT_IN_NOUN_PHRASE
                                            or span.doc[first - 1].text == "-"):     # "eight-year-old"
            first -= 1
        text = _descriptor_text(list(span.doc[first:noun.i + 1]))
        if text:
            found.append(text)
    for child in root.children:
        if child.i < span.end:
            continue
        if child.dep_ == "appos" and not child.ent_type_:
            text = _descriptor_text(_until_stop(span.doc[child.left_edge.i:child.right_edge.i + 1]))
        elif child.dep_ == "relcl" and child.lemma_ == "be":
            attrs = [c for c in child.children if c.dep_ == "attr"]
            text = _descriptor_text(_until_stop(span.doc[attrs[0].left_edge.i:attrs[0].right_edge.i + 1])) \
                if attrs else None
        else:
            continue
        if text:
            found.append(text)
    return found
