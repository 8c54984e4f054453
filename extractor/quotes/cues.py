"""Cues of reported speech: what a reporting verb, noun or `according to` reports.

Each cue gives the token bounds of the clause it reports and the token naming its
source (see `sources`), read from the parse spaCy already made (`dep_`, `head`,
`lemma_`); the word lists live in `cue_lexicon`. Nothing here runs a model.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon.speech import (ADDRESSEE_VERBS, APPEAL_VERBS, CUE_NOUNS, FINITE_TAGS, NAMING_VERBS, NON_SOURCES, PREP_CUES,
                              REPORTING_VERBS, TRAILING_VERBS)
from . import acts
from .verbs import is_passive, is_point_out, is_reporting, is_verb, lemma
from .sources import (MAX_SUBJECT_CLIMB, SUBJECT_DEPS, is_paragraph_break, record_source, same_paragraph,
                      speaker_of, subject_of)

# A reported clause needs two words ("Not so" is the shortest real one in the dev gold).
MIN_CLAUSE_WORDS = 2
# Confidence by the shape of the cue, ranked by how often each shape was right on dev.
CONF_CLAUSE, CONF_MIXED, CONF_ACCORDING, CONF_NOUN = 0.75, 0.8, 0.7, 0.6
# `claimed at the time that`, `said on Friday during a news conference that`: a
# complementizer sits within eight words of its verb (two short adjuncts); farther
# `that`s belong to something else. Raised from 6 after PolNeAR misses of two adjuncts.
MAX_THAT_GAP = 9
# Words a quoted phrase before `according to` needs to be what X said, not a label
# in a list (`“R,” or “D,”`); the same floor as a reported clause.
MIN_QUOTED_WORDS = MIN_CLAUSE_WORDS
# Tags of a `what`/`who`/`when` word: an infinitive clause opened by one asks, not reports.
WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})
DASHES = ("\u2014", "\u2013", "--")
# Marks of a clause that imagines speech rather than reports it.
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})


@dataclass
class Report:
    """What a cue reports: token bounds [lo, hi] of the clause and who says it."""

    lo: int
    hi: int
    speaker: Token | None
    cue: tuple[int, int]
    confidence: float
    rank: int
    needs_quote: bool = False       # naming verbs report only through a quoted fragment
    clause: Token | None = None     # the head of a `that` clause, to split at its conjuncts


def reports(doc: Doc, tok: Token) -> list[Report]:
    """What `tok` reports, when it is a cue; `said that A and that B` reports two."""
    if not (is_verb(tok) or tok.pos_ == "NOUN" or tok.lower_ == "according"):
        return []
    report = _report(doc, tok)
    if report is None or report.hi < report.lo:
        return []
    if report.needs_quote:          # without a quoted fragment, the naming may still be a stance
        named = _stance(tok)
        return [report] if named is None else [report, named]
    if report.clause is None:
        return [report]
    head = report.clause
    parts = [c for c in head.subtree if c.dep_ == "conj" and any(
        g.dep_ == "mark" or (c.head is head and g.dep_ in SUBJECT_DEPS) for g in c.children)]
    if not parts:
        return [report]
    out = [Report(report.lo, parts[0].left_edge.i - 1, report.speaker, report.cue,
                   report.confidence, report.rank)]
    out += [Report(c.left_edge.i, c.right_edge.i, report.speaker, report.cue,
                    report.confidence, report.rank) for c in parts]
    return out


def _report(doc: Doc, tok: Token) -> Report | None:
    lem = lemma(tok)
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        return _according(doc, tok)
    ccomps = [c for c in tok.children if c.dep_ == "ccomp" and (  # a clause the parse hung on
        c.i < tok.i or same_paragraph(c, tok))]   # the next paragraph is not reported here
    if tok.pos_ == "NOUN" and not (ccomps and lem in REPORTING_VERBS):
        # a noun cue, unless the tagger took a verb for a noun ("a post ... states that")
        return _noun_report(tok) if lem in CUE_NOUNS else None
    if is_passive(tok) or any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS
                              for c in tok.children):
        return None                 # `if a constitution does not declare that ...`: no report
    if lem in NAMING_VERBS and any(c.dep_ in ("dobj", "oprd", "dative") and same_paragraph(c, tok)
                                   for c in tok.rights):   # not a `___` rule parsed as object
        return _naming(tok)
    if tok.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children) \
            and not any(c.dep_ in SUBJECT_DEPS for c in tok.children) and not _controlled(tok, ccomps):
        return None                 # `what to say when ...`: an infinitive reports nothing
    if not (lem in REPORTING_VERBS or lem in PREP_CUES or lem in APPEAL_VERBS
            or is_point_out(tok)) or (
            tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl", "amod")
            and not any(c.dep_ in ("aux", "nsubj") for c in tok.children)):
        return _stance(tok)         # `an account called ...`, but `since Logan had confessed that`
    if ccomps:
        return _complement(doc, tok, min(ccomps, key=lambda c: abs(c.i - tok.i)))
    gerund = _gerund_clause(tok)
    if gerund is not None:          # `said legalizing it could put ...`: a clause hung on a gerund
        return _complement(doc, tok, gerund)
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return _as_aside(doc, tok)
    if tok.dep_ == "parataxis":
        lo, hi = _around_parenthetical(tok, tok.head.left_edge.i, tok.head.right_edge.i)
        return Report(lo, hi, speaker_of(tok), (tok.i, tok.i + 1), CONF_CLAUSE, rank=2)
    return _that_clause(doc, tok, lem) or _object_report(doc, tok, lem) or _trailing(doc, tok, lem) \
        or _stance(tok)


def _controlled(verb: Token, ccomps: list[Token]) -> bool:
    """`rushed to TV to say he ...`, `is right to note that ...`: an infinitive whose
    speaker is the subject above it reports when it has a clause of its own."""
    return verb.dep_ in ("xcomp", "advcl") and any(
        not any(g.dep_ == "mark" and g.lower_ in HYPOTHETICAL_MARKS for g in c.children)
        and c.left_edge.tag_ not in WH_TAGS for c in ccomps) and speaker_of(verb) is not None


def _gerund_clause(verb: Token) -> Token | None:
    """The verb right after a reporting verb that the parse took for its open complement
    while it heads the reported clause: a finite verb (`which critics say left a gap`) or
    a gerund carrying a finite clause of its own (`said legalizing it could put ...`)."""
    gerund = next((c for c in verb.rights if c.dep_ == "xcomp" and c.i == verb.i + 1), None)
    if gerund is None or lemma(verb) not in REPORTING_VERBS or verb.tag_ not in FINITE_TAGS:
        return None
    finite = gerund.pos_ == "VERB" and gerund.tag_ in FINITE_TAGS or gerund.tag_ == "VBG" and any(
        c.dep_ == "ccomp" and any(g.dep_ in SUBJECT_DEPS for g in c.children)
        for c in gerund.children)
    return gerund if finite else None


def _as_aside(doc: Doc, tok: Token) -> Report | None:
    """`As the Times noted, Clinton raised ...` / `..., as he said.`: the clause the aside
    belongs to, without the aside."""
    head = tok.head
    if not is_verb(head) or any(c.dep_ in ("dobj", "xcomp", "prep") for c in tok.children) \
            or subject_of(tok) is None:
        return None                 # `as she noted the decline`: an object, no report
    lo, hi = head.left_edge.i, head.right_edge.i
    a_lo, a_hi = tok.left_edge.i, tok.right_edge.i
    if all(t.pos_ in ("CCONJ", "PUNCT") for t in doc[lo:a_lo]):   # `But as X noted, ...`
        lo = a_hi + 1
    elif a_hi >= hi - 1:
        hi = a_lo - 1
    else:
        return None                 # an aside inside the clause is another shape
    while lo <= hi and doc[lo].is_punct:
        lo += 1
    while hi >= lo and doc[hi].is_punct:
        hi -= 1
    if sum(1 for t in doc[lo:hi + 1] if t.is_alpha) < MIN_CLAUSE_WORDS:
        return None
    return Report(lo, hi, speaker_of(tok), (tok.i, tok.i + 1), CONF_CLAUSE, rank=2)


def _stance(tok: Token) -> Report | None:
    """`endorsed Sanders`, `vowed to repeal it`: a position, when `tok` states one."""
    found = acts.act_report(tok) if acts.is_act_cue(tok) else None
    if found is None:
        return None
    lo, hi, speaker = found
    return Report(lo, hi, speaker, (tok.i, tok.i + 1), acts.CONF_ACT, rank=1)


def _that_clause(doc: Doc, tok: Token, lem: str) -> Report | None:
    """`claimed at the time that they were ...` / `reported that jurisdictions ... struggle`
    when the parse took `that` for a relative word or the subject for an object: the
    words after a `that` close behind the cue, to the end of the cue's phrase."""
    if lem not in REPORTING_VERBS or tok.tag_ not in FINITE_TAGS:
        return None                 # `We'll start by noting that ...`: participles narrate
    that = next((t for t in doc[tok.i + 1:tok.i + 1 + MAX_THAT_GAP] if t.lower_ == "that"), None)
    if that is None or that.dep_ not in ("mark", "advmod") or any(
            (is_verb(t) and t.dep_ != "prep") or t.is_punct or lemma(t) in CUE_NOUNS
            for t in doc[tok.i + 1:that.i]):
        return None                 # `repeated his accusation that ...` is the noun's
    hi, end, aside = that.i, tok.sent.end, False
    crossed = not same_paragraph(tok, that)
    for t in doc[that.i + 1:end]:
        # same_paragraph(t, tok), kept incrementally: the loop stops at the first break
        crossed = crossed or is_paragraph_break(doc[t.i - 1])
        after = doc[t.i + 1] if t.i + 1 < len(doc) else t
        if crossed or t.text in (";", ":") or (
                t.text in (",",) + DASHES and after.pos_ == "CCONJ"):
            break                   # `..., and he suggested ...`, `— but ...`: no longer the clause
        if t.text in DASHES:        # a pair of dashes sets off an aside; a lone one ends it
            if not aside and not any(d.text in DASHES for d in doc[t.i + 1:end]):
                break
            aside = not aside
        hi = t.i
    while hi > that.i and doc[hi].is_punct:
        hi -= 1
    if hi - that.i < MIN_CLAUSE_WORDS:
        return None
    return Report(that.i + 1, hi, speaker_of(tok), (tok.i, tok.i + 1), CONF_CLAUSE, rank=2)


def _trailing(doc: Doc, tok: Token, lem: str) -> Report | None:
    """`..., Noem said in a statement.` when the parse lost the clause (it hung it on
    a headline in the paragraph above): the words from the paragraph or sentence start
    to the comma before the subject."""
    subject = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
    # `..., his aide told The Huffington Post.`: the object of `told` is the addressee
    tail_deps = ("prep", "agent", "npadvmod", "advmod") + (
        ("dobj", "dative") if lem in ADDRESSEE_VERBS else ())
    if lem not in TRAILING_VERBS or subject is None or any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "dative") and c.dep_ not in tail_deps
            and same_paragraph(c, tok) for c in tok.children):
        return None
    tail = {t.i for c in tok.rights if c.dep_ in tail_deps for t in c.subtree}
    sent = tok.sent                 # spaCy finds the bounds anew on every access
    if any(not (t.is_punct or t.is_space or t.i in tail) for t in doc[tok.i + 1:sent.end]):
        return None                 # the cue must end its sentence
    comma = subject.left_edge.i - 1
    if comma <= sent.start or doc[comma].text != ",":
        return None
    lo = comma - 1
    while lo > sent.start and not is_paragraph_break(doc[lo - 1]):
        lo -= 1
    words, last = doc[lo:comma], sent.end - 1
    while last > tok.i and doc[last].is_space:
        last -= 1
    if doc[last].text not in (".", "!", "?") or not any(
            t.tag_ in FINITE_TAGS for t in words) or any(t.is_punct for t in doc[tok.i + 1:last]):
        return None                 # `Later in the day, X testified.`: no clause; `X said:`
    if words[0].dep_ == "mark" or words[0].pos_ == "SCONJ" and not any(t.text == "," for t in words):
        return None                 # `Since X helped write it, he also wrote ...`: one adverbial
    return Report(lo, comma - 1, speaker_of(tok), (tok.i, tok.i + 1), CONF_CLAUSE, rank=2)


def _complement(doc: Doc, tok: Token, clause: Token) -> Report:
    """`X said (that) ...`, `..., X said`, `The concern, Kim said, is ...`."""
    lo, hi = clause.left_edge.i, clause.right_edge.i
    complete = clause.pos_ == "VERB" and (clause.tag_ in FINITE_TAGS or any(
        c.dep_ == "aux" for c in clause.children))
    for other in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
        if not complete and other.dep_ == "ccomp" and other.i > clause.i > tok.i \
                and other.left_edge.i == hi + 1 and not doc[hi].is_punct:
            hi = other.right_edge.i     # `said she’s also worried employees are ...` parses
            #                             as a verbless ccomp and a second one: one clause
    if clause.i > tok.i:            # a misparse may hang the cue's own subject on the clause
        lo = max(lo, tok.i + 1)
        that = next((t for t in doc[tok.i + 1:clause.i] if t.lower_ == "that"), None)
        if that is not None:        # `told us that leaders, especially women, are ...`
            lo = min(lo, that.i + 1)
    else:
        hi = min(hi, tok.i - 1)
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1 and subjects[0].i < tok.i < clause.i and any(
            t.text == "," for t in doc[tok.i + 1:clause.i]):
        lo = subjects[0].left_edge.i  # `The concern, Kim said, is ...`: two subjects
    return Report(lo, hi, speaker_of(tok), (tok.i, tok.i + 1), CONF_CLAUSE, rank=2, clause=clause)


def _object_report(doc: Doc, tok: Token, lem: str) -> Report | None:
    """`called for ...`, `accused X of ...`, `urged X to ...`."""
    cue = (tok.i, tok.i + 1)
    rights = list(tok.rights)
    objects = [c for c in rights if c.dep_ in ("dobj", "dative")]
    preps = PREP_CUES.get(lem, frozenset())
    tails = [g for o in objects for g in o.subtree
             if g.dep_ == "prep" and (g.head.i == o.i or (g.head.dep_ == "conj" and g.head.head.i == o.i))]
    prep = next((c for c in rights + tails if c.dep_ == "prep" and c.lower_ in preps), None)
    if prep is not None:            # `accused X and Y of ...`, `called for ...`
        lo = objects[0].left_edge.i if objects and objects[0].i < prep.i else prep.i
        hi = prep.right_edge.i
        for t in doc[prep.i + 1:hi + 1]:
            if t.dep_ in ("relcl", "appos") and doc[t.left_edge.i - 1].text == ",":
                hi = t.left_edge.i - 1   # `a cut to national insurance, which ...`
                break
        return Report(lo, hi, speaker_of(tok), cue, CONF_CLAUSE, rank=2)
    if lem in APPEAL_VERBS:
        xcomp = next((c for c in rights if c.dep_ == "xcomp"
                      and any(a.lower_ == "to" for a in c.lefts)), None)
        target = objects[0] if objects else next(
            (c for c in rights if c.dep_ == "prep" and c.lower_ == "on"), None)
        if xcomp is not None and target is not None:
            return Report(target.left_edge.i, xcomp.right_edge.i, speaker_of(tok), cue,
                           CONF_CLAUSE, rank=2)
    return None


def _around_parenthetical(cue: Token, lo: int, hi: int) -> tuple[int, int]:
    """The clause around `, she explained,`: one side when the cue ends or opens it,
    the whole clause when it sits inside (the scorer forgives the few cue words)."""
    p_lo, p_hi = parenthetical_bounds(cue)
    left = sum(1 for t in cue.doc[lo:p_lo] if t.is_alpha)
    right = sum(1 for t in cue.doc[p_hi + 1:hi + 1] if t.is_alpha)
    if left and right and any(t.lower_ == "according" for t in cue.doc[p_hi + 1:hi + 1]):
        right = 0                   # `A, X said, B, according to Y`: B is Y's
    if left and right:
        return lo, hi
    return (lo, p_lo - 1) if left else (p_hi + 1, hi)


def parenthetical_bounds(cue: Token) -> tuple[int, int]:
    """Token bounds of `she explained` / `said Ascensio in a statement` around a cue."""
    lo = hi = cue.i
    for child in cue.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ in ("aux", "neg", "advmod", "npadvmod", "prep"):
            lo, hi = min(lo, child.left_edge.i), max(hi, child.right_edge.i)
    return lo, hi


def _according(doc: Doc, tok: Token) -> Report | None:
    """`..., according to X` / `According to X, ...`: X is the source of the clause."""
    to = doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None or lemma(source) in NON_SOURCES:
        return None
    source = record_source(source)  # `according to the TexAuto Facts report from InfoNation`
    sent = tok.sent
    before = doc[tok.i - 1] if tok.i > sent.start else None
    if before is not None and before.tag_ == "''" and _quoted_words(doc, before.i, sent.start) \
            >= MIN_QUOTED_WORDS:    # `a “trip to the dentist,” according to X`: the comma sits
        before = doc[tok.i - 2]     # inside; not `for “R,” or “D,” according to their party`
    if before is not None and before.text not in (",", "(", "\u2014", "\u2013"):
        return None                 # `re-ranked according to their scores`: a manner, not a source
    head = tok.head
    for _ in range(MAX_SUBJECT_CLIMB):
        if is_verb(head) or head.head.i == head.i:
            break
        head = head.head
    while head.tag_ == "VBG" and head.dep_ in ("advcl", "xcomp") and head.head.i != head.i:
        head = head.head            # `X proposes "...," adding ..., according to Y`: all of it
    lo, hi = max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1)
    p_lo, p_hi = tok.i, max(tok.right_edge.i, to.right_edge.i)
    if head.i == tok.i:
        lo, hi = sent.start, sent.end - 1
    left = sum(1 for t in doc[lo:p_lo] if t.is_alpha)
    right = sum(1 for t in doc[p_hi + 1:hi + 1] if t.is_alpha)
    if right >= MIN_CLAUSE_WORDS and not left:
        lo = p_hi + 1
    elif left >= MIN_CLAUSE_WORDS and not right:
        hi = p_lo - 1
        for t in doc[lo:p_lo]:      # `A, X said, B, according to Y`: Y's clause is B
            if is_reporting(t) and t.dep_ == "parataxis":
                lo = max(lo, parenthetical_bounds(t)[1] + 1)
    return Report(lo, hi, source, (tok.i, to.i + 1), CONF_ACCORDING, rank=1)


def _quoted_words(doc: Doc, close: int, floor: int) -> int:
    """Words between the closing mark at `close` and the mark that opens it."""
    words = 0
    for t in reversed(doc[floor:close]):
        if t.tag_ in ("``", "''"):
            break
        words += t.is_alpha
    return words


def _noun_report(noun: Token) -> Report | None:
    """`his accusation that ...`: the owner of the claim, or the subject that made it."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None and noun.dep_ in ("dobj", "pobj"):
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        speaker = subject_of(verb) if is_verb(verb) else None
    if speaker is None:
        return None
    return Report(clause.left_edge.i, clause.right_edge.i, speaker, (noun.i, noun.i + 1),
                   CONF_NOUN, rank=1)


def _naming(verb: Token) -> Report | None:
    """`called the plan "a disaster"`, `dismissed X as "nonsense"`."""
    args = [c for c in verb.rights if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "attr", "prep", "dative")
            and same_paragraph(c, verb)]
    if not args:
        return None
    speaker = speaker_of(verb)
    if speaker is None:
        return None
    return Report(args[0].left_edge.i, args[-1].right_edge.i, speaker, (verb.i, verb.i + 1),
                   CONF_MIXED, rank=2, needs_quote=True)
