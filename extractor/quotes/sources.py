"""Sources in the parse: the words naming who performs a reporting verb.

A cue's speaker is its subject, the subject it shares as a participle or conjunct,
the antecedent of `who`/`which`, the owner of a record (`data from the GAO saying`),
or the name after an inverted verb (`"...," said Taluz`); and who wrote a document the
text goes on to quote (`Kaiser said in a statement ... The statement said`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.speech import ADDRESSEE_VERBS, CHANNEL_NOUNS, ISSUE_VERBS, RECORD_NOUNS
from .verbs import is_passive, is_reporting, lemma

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Left dependents that belong to a name's noun phrase ("striker Tanya Taluz",
# "the health maintenance organization", "Kaiser's spokesperson").
_NP_LEFT_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "quantmod"})
_NP_RIGHT_DEPS = frozenset({"compound", "flat"})
# Quotation marks, to skip what a participle's speaker says while looking for them.
_CLOSING_MARKS = frozenset({"\u201d", "''"})
_STRAIGHT_MARKS = frozenset({'"'})
_QUOTE_MARKS = _CLOSING_MARKS | _STRAIGHT_MARKS | frozenset({"\u201c", "``"})
# How far up a participle or conjunct may climb to find the subject it shares.
MAX_SUBJECT_CLIMB = 4
# Verbs whose subject authored the document they take, beyond the cue lexicon's
# (`brought a lawsuit`, `commissioned a survey`).
_AUTHOR_VERBS = ISSUE_VERBS | frozenset({"bring", "launch", "commission", "conduct", "produce", "author"})
# Prepositions that put a document in its author's hands (`said in a statement`).
_AUTHOR_PREPOSITIONS = frozenset({"in", "through", "via"})


def source_phrase(tok: Token) -> tuple[int, int]:
    """The words naming a source: its noun phrase, or the name in apposition to a
    common noun (`the spokesperson for the union, Jane Doe,` -> `Jane Doe`); with
    every name of a group (`Ana and Luis Ortega`, `the panelists — A, B and C —`)."""
    if tok.pos_ == "NOUN":
        name = next((c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name is not None:
            tok = name
    start, end = noun_phrase(tok)
    members = conjoined_names(tok)
    return (start, noun_phrase(members[-1])[1]) if len(members) > 1 else (start, end)


def conjoined_names(tok: Token) -> list[Token]:
    """The heads of the names in `A, B and C` (A's conjuncts, in order) when `tok` is a
    name coordinated with other names in its paragraph; else []."""
    if tok.pos_ != "PROPN":
        return []
    names = [tok]
    for conj in tok.conjuncts:
        if conj.i > tok.i and conj.pos_ == "PROPN" and same_paragraph(tok, conj):
            names.append(conj)
    return sorted(names, key=lambda t: t.i) if len(names) > 1 else []


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the noun phrase headed by `tok`, without its
    appositions, relative clauses and prepositional tails."""
    if tok.pos_ == "PRON":
        return tok.i, tok.i + 1
    left = right = tok.i
    for child in tok.lefts:
        if child.dep_ in _NP_LEFT_DEPS:
            left = min(left, child.left_edge.i)
    for child in tok.rights:
        if child.dep_ in _NP_RIGHT_DEPS or (tok.pos_ == "PROPN" and child.dep_ == "nummod"):
            right = max(right, child.right_edge.i)
        elif (tok.pos_ == "PROPN" or tok.is_title) and child.dep_ == "prep" and tok.ent_type_ != "PERSON" \
                and child.lower_ in ("of", "for") and child.i == right + 1 \
                and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children):
            right = max(right, child.right_edge.i)  # "Institute for Economic Affairs", not "Hall, of Fresno"
    for i in range(tok.i - 1, left - 1, -1):    # never across a paragraph or bracket
        t = tok.doc[i]
        if "\n" in t.text or (t.is_punct and t.dep_ != "case" and t.text not in "-.&"):
            left = i + 1
            break
    while left < tok.i and tok.doc[left].pos_ in ("CCONJ", "ADP", "PUNCT"):
        left += 1                   # `Parks, Recreation and Open Spaces office` cut at a comma
    return left, right + 1


def subject_of(verb: Token) -> Token | None:
    """The token naming who performs `verb`: its own subject, else the subject it
    shares as a participle or conjunct ("..., saying"; "denied ... and says").

    With two subjects (`The department, said Ascensio, sees ...` parses both as
    nsubj of "said"), the one after the verb is the speaker.
    """
    tok = verb
    for _ in range(MAX_SUBJECT_CLIMB):
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            after = [c for c in subjects if c.i > tok.i]
            subj = after[0] if after and len(subjects) > 1 else subjects[-1]
            if len(subjects) > 1 and not after and _is_apposition(subj):
                subj = subjects[-2]     # `ACV, a group launched in 2021, says`: the name
            relative = next((c for c in subjects if c.lower_ in RELATIVE_PRONOUNS), None)
            if relative is not None and tok.dep_ == "relcl" \
                    and subj.left_edge.i != relative.i + 1:   # `which the Times said`: the Times
                return _channel_owner(_antecedent(relative, tok.head))
            return _channel_owner(subj)
        if tok.dep_ in ("advcl", "conj", "xcomp", "acl") and tok.head.i != tok.i \
                and same_paragraph(tok, tok.head):
            if tok.dep_ == "acl" and tok.tag_ == "VBN":
                return tok.head        # "an account called ...": the account
            tok = tok.head
            continue
        if tok.dep_ == "relcl":
            return _channel_owner(tok.head)
        return None
    return None


def relative_subject(verb: Token) -> Token | None:
    """The relative pronoun that is the subject of `verb` (`Cruz, who said`: who)."""
    if verb.dep_ != "relcl":
        return None
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS), None)


def _antecedent(relative: Token, head: Token) -> Token:
    """What `which`/`who` stands for: the parse's head of the relative clause, unless
    the name right before `, which` is likelier (`opposition from the EPP, which ...
    has insisted`: the parser hangs the clause on `opposition` or even `some`)."""
    i = relative.i - 1
    if i >= 0 and relative.doc[i].text == ",":
        i -= 1
    prev = relative.doc[i] if i >= 0 else None
    if prev is None or prev.i == head.i or head.pos_ == "PROPN":
        return head
    if prev.pos_ == "PROPN" and relative.lower_ == "which" or (
            head.pos_ not in ("NOUN", "PROPN") and prev.pos_ in ("NOUN", "PROPN")):
        return prev
    return head


def _is_apposition(tok: Token) -> bool:
    """`, a group ...` after a name: a description the parser took for a second subject."""
    before = tok.left_edge.i - 1
    return tok.pos_ == "NOUN" and before >= 0 and tok.doc[before].text == "," and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def is_paragraph_break(tok: Token) -> bool:
    return tok.is_space and "\n" in tok.text


def same_paragraph(a: Token, b: Token) -> bool:
    """spaCy parses across paragraph breaks; a speaker is never found over one."""
    lo, hi = sorted((a.i, b.i))
    return not any(is_paragraph_break(t) for t in a.doc[lo:hi])


def _channel_owner(subj: Token) -> Token:
    """For "a statement that read: ..." the owner of the statement is the source
    when the same sentence names one ("they sent a statement that read")."""
    if lemma(subj) in CHANNEL_NOUNS and subj.dep_ in ("dobj", "pobj"):
        verb = subj.head if subj.dep_ == "dobj" else subj.head.head
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
    return subj


def inverted_subject(verb: Token, stop: int) -> Token | None:
    """The speaker named after the verb in `"...," said Taluz`: the verb's subject to
    its right, else its first nominal object when the verb takes no addressee."""
    for child in verb.rights:
        if child.i >= stop:
            break
        if child.dep_ in SUBJECT_DEPS:
            return child
    if lemma(verb) in ADDRESSEE_VERBS:
        return None
    for child in verb.rights:
        if child.i >= stop:
            break
        if child.dep_ in ("dobj", "attr", "npadvmod", "oprd", "dep") and \
                child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
    return None


def speaker_of(cue: Token) -> Token | None:
    """The cue's subject; a participle without one ("..., saying ...") shares the
    subject of the nearest reporting verb before it in the sentence."""
    if cue.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        record = _record_before(cue)
        if record is not None:
            return record
        prev = cue.doc[cue.i - 1] if cue.i > 0 else None
        if prev is not None and prev.dep_ == "pobj" and prev.head.lower_ == "with" \
                and prev.pos_ in ("PROPN", "NOUN", "PRON"):
            return prev             # `with Kilmeade stating`: the participle's own subject
        quoted = False          # reading back: inside a quotation ("... because I am,” adding)
        for tok in reversed(_sentence_before(cue)):
            if is_paragraph_break(tok):
                break
            if tok.text in _QUOTE_MARKS:
                quoted = tok.text in _CLOSING_MARKS or (tok.text in _STRAIGHT_MARKS and not quoted)
            elif not quoted and tok.i < cue.i and is_reporting(tok) and tok.tag_ != "VBG" and not (
                    tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")):   # `a letter posted`
                subject = subject_of(tok)
                if subject is not None:
                    return subject
    subject = subject_of(cue)
    if subject is None and cue.tag_ != "VBG":
        # a misparse lost the subject ("Putin" as the object of the line above):
        # the noun right before the cue still names the source
        prev = cue.i - 1
        while prev >= 0 and cue.doc[prev].pos_ in ("ADV", "AUX", "PART"):
            prev -= 1
        if prev >= 0 and cue.doc[prev].pos_ in ("PROPN", "NOUN", "PRON"):
            return cue.doc[prev]
    return subject


def _record_before(cue: Token) -> Token | None:
    """`data from the GAO saying ...`: a participle right after a record (no comma
    between) reports the record's source (`from`/`by` X, a possessor), else the record."""
    prev = cue.doc[cue.i - 1] if cue.i > 0 else None
    if prev is None or prev.pos_ not in ("NOUN", "PROPN"):
        return None
    if prev.dep_ == "pobj" and prev.head.lower_ in ("from", "by") \
            and lemma(prev.head.head) in RECORD_NOUNS:
        return prev
    if lemma(prev) not in RECORD_NOUNS:
        return None
    if prev.dep_ == "dobj" and lemma(prev.head) in ISSUE_VERBS:   # `X put out a statement saying`
        owner = next((c for c in prev.head.children if c.dep_ == "nsubj"), None)
        if owner is not None:
            return owner
    return record_source(prev)


def record_source(record: Token) -> Token:
    """Who a record speaks for: `the TexAuto Facts report from InfoNation` -> InfoNation,
    `the agency's data` -> the agency; a record with neither speaks for itself."""
    if lemma(record) not in RECORD_NOUNS:
        return record
    for child in record.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
            source = next((g for g in child.children if g.dep_ == "pobj"), None)
            if source is not None:
                return source
    return record


def _sentence_before(tok: Token):
    sent = tok.sent
    return sent.doc[sent.start:tok.i]


def document_author(record: Token) -> Token | None:
    """Who wrote a document the text names: `Kaiser said in a statement`, `Exxon filed a
    brief`, `a report released by the GAO`, `the agency's report`, `a New York Times
    article`; None if no one is named (`X was quoted in an article` is not its author)."""
    for child in record.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            source = next((g for g in child.children if g.dep_ == "pobj"), None)
            if source is not None:
                return source
        if child.dep_ == "acl" and child.tag_ == "VBN" and _agent(child) is not None:
            return _agent(child)                # `a report released by the GAO`
    if record.dep_ == "nsubjpass" and _agent(record.head) is not None:
        return _agent(record.head)              # `the statement was issued by the GAO`
    if record.dep_ == "dobj" and lemma(record.head) in _AUTHOR_VERBS:
        return subject_of(record.head)
    verb = record.head.head
    if record.dep_ == "pobj" and record.head.lower_ in _AUTHOR_PREPOSITIONS and is_reporting(verb) \
            and not is_passive(verb):
        return subject_of(verb)
    return None


def _agent(verb: Token) -> Token | None:
    """`by X` after a passive verb: X."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
