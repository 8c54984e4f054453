"""Cues of reported speech: the reporting-verb lexicon and the parse patterns around it.

The lexicon is split by what a verb can introduce, because a verb that reports a
quoted sentence ("she laughed") does not report a `that` clause, and a verb that
takes a clause ("they believe that ...") is not always speech. Everything here reads
the parse spaCy already made (`dep_`, `head`, `lemma_`); nothing runs a model.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

# Speech and claim verbs that report a clause: `X <verb> (that) ...`. Mental-state
# verbs (think, believe, hope, know, expect, fear) and evidence verbs (show, find,
# reveal, indicate) are left out: in news they mostly narrate rather than report a
# source, and each false `that` clause costs precision on every article.
REPORTING_VERBS = frozenset("""
    say tell add note assert argue warn claim explain recount stress insist accuse urge
    state declare announce report write tweet post reply respond answer ask acknowledge
    admit concede confirm deny allege contend maintain suggest predict promise pledge vow
    threaten estimate emphasize emphasise underscore underline reiterate repeat recall
    observe remark comment mention disclose caution complain lament boast brag joke quip
    counter retort rebut testify swear affirm aver attest opine speculate theorize posit
    conclude agree disagree dispute object protest charge blame criticize criticise
    demand request plead implore beg recommend propose advise inform notify assure
    reassure remind tell instruct order hint imply signal clarify elaborate detail
    describe characterize outline specify stipulate rule contest concur echo forecast
    project calculate reckon surmise reason muse wonder question query inquire enquire
    whisper shout yell scream cry exclaim mutter murmur sigh confide divulge proclaim
    pronounce publish blog text email message relate narrate insinuate counsel guarantee
    certify verify confess reaffirm restate hypothesize hypothesise intimate decree
    corroborate forewarn reminisce theorise summarize summarise
    """.split())

# Verbs that attribute a quotation placed next to them but never a `that` clause of
# their own ("..." she laughed; "..." reads a post; "..." he continued).
DIRECT_ONLY_VERBS = frozenset("""
    continue read laugh smile chuckle grin sneer scoff snap interject interrupt chime
    begin start finish go conclude rage fume gush marvel recall reflect mumble stammer
    stutter bark growl grumble groan moan whine wail sob gasp hiss
    """.split())

DIRECT_CUE_VERBS = REPORTING_VERBS | DIRECT_ONLY_VERBS

# Verbs that take a quotation as their bare object: `He said "we will win."`.
SAY_LIKE_VERBS = frozenset("""
    say add write tweet post declare state reply respond answer ask explain continue
    announce exclaim shout yell scream whisper mutter insist warn read conclude
    """.split())

# Verbs whose object is the person addressed, not the speaker: in `"...," told Ann`
# Ann is not the source, so inversion never takes their object as the speaker.
ADDRESSEE_VERBS = frozenset("""
    tell ask urge warn accuse inform notify assure reassure remind instruct order
    advise implore beg blame criticize criticise question
    """.split())

# Verbs that report through a preposition: `called for ...`, `warned against ...`.
PREP_CUES: dict[str, frozenset[str]] = {
    "call": frozenset({"for"}),
    "warn": frozenset({"against", "of", "about"}),
    "caution": frozenset({"against", "about"}),
    "hint": frozenset({"at"}),
    "accuse": frozenset({"of"}),
    "complain": frozenset({"about", "of"}),
    "insist": frozenset({"on"}),
}

# Verbs that report an order or appeal: `urged the therapists to resolve ...`.
APPEAL_VERBS = frozenset("""
    urge ask tell call implore beg encourage advise warn remind instruct order press appeal
    """.split())

# Verbs that quote through a predicate on their object: `called the plan "a disaster"`,
# `dismissed the idea as "nonsense"`. Only a quoted fragment makes them a quote.
NAMING_VERBS = frozenset("""
    call describe label dub brand term dismiss deride denounce characterize portray
    slam decry
    """.split())

# Nouns that report a clause: `his accusation that ...`, `a statement that ...`.
CUE_NOUNS = frozenset("""
    claim statement accusation allegation assertion warning suggestion argument
    insistence admission announcement promise pledge vow remark comment contention
    prediction denial assurance testimony charge
    """.split())

# Written channels that carry a source's words: in "they sent a statement that read:",
# the statement reads, but they are the source.
CHANNEL_NOUNS = frozenset("""
    statement release post tweet letter report message email filing note notice memo
    """.split())

# Pobj of "according to" that is a rule or plan rather than a source.
NON_SOURCES = frozenset("""
    law laws rule rules plan plans schedule tradition custom regulation regulations
    guideline guidelines policy treaty agreement contract protocol standard standards
    constitution script legend
    """.split())

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Left dependents that belong to a name's noun phrase ("striker Tanya Taluz",
# "the health maintenance organization", "Kaiser's spokesperson").
_NP_LEFT_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "quantmod"})
_NP_RIGHT_DEPS = frozenset({"compound", "flat"})
# A reported clause needs two words ("Not so" is the shortest real one in the dev gold).
MIN_CLAUSE_WORDS = 2
# Confidence by the shape of the cue, ranked by how often each shape was right on dev.
CONF_CLAUSE, CONF_MIXED, CONF_ACCORDING, CONF_NOUN = 0.75, 0.8, 0.7, 0.6
# How far up a participle or conjunct may climb to find the subject it shares.
MAX_SUBJECT_CLIMB = 4


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def source_phrase(tok: Token) -> tuple[int, int]:
    """The words naming a source: its noun phrase, or the name in apposition to a
    common noun (`the spokesperson for the union, Jane Doe,` -> `Jane Doe`)."""
    if tok.pos_ == "NOUN":
        name = next((c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name is not None:
            return noun_phrase(name)
    return noun_phrase(tok)


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
        elif tok.pos_ == "PROPN" and child.dep_ == "prep" and child.lower_ in ("of", "for") \
                and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children):
            right = max(right, child.right_edge.i)  # "Institute for Economic Affairs"
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
            if subj.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                subj = tok.head
            return _channel_owner(subj)
        if tok.dep_ in ("advcl", "conj", "xcomp", "acl") and tok.head is not tok \
                and same_paragraph(tok, tok.head):
            if tok.dep_ == "acl" and tok.tag_ == "VBN":
                return tok.head        # "an account called ...": the account
            tok = tok.head
            continue
        if tok.dep_ == "relcl":
            return _channel_owner(tok.head)
        return None
    return None


def same_paragraph(a: Token, b: Token) -> bool:
    """spaCy parses across paragraph breaks; a speaker is never found over one."""
    lo, hi = sorted((a.i, b.i))
    return not any(t.is_space and "\n" in t.text for t in a.doc[lo:hi])


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


# -- what a cue reports -------------------------------------------------------------

def is_direct_cue(tok: Token) -> bool:
    return is_verb(tok) and (lemma(tok) in DIRECT_CUE_VERBS or is_point_out(tok))


def is_point_out(tok: Token) -> bool:
    return lemma(tok) == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)


def speaker_of(cue: Token) -> Token | None:
    """The cue's subject; a participle without one ("..., saying ...") shares the
    subject of the nearest reporting verb before it in the sentence."""
    if cue.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        for tok in reversed(_sentence_before(cue)):
            if tok.i < cue.i and is_reporting(tok) and tok.tag_ != "VBG":
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


def _sentence_before(tok: Token):
    sent = tok.sent
    return sent.doc[sent.start:tok.i]


def is_reporting(tok: Token) -> bool:
    return is_verb(tok) and (lemma(tok) in REPORTING_VERBS or is_point_out(tok))


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
    if not (tok.pos_ in ("VERB", "AUX", "NOUN") or tok.tag_.startswith("VB")
            or tok.lower_ == "according"):
        return []
    report = _report(doc, tok)
    if report is None or report.hi < report.lo:
        return []
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
    ccomps = [c for c in tok.children if c.dep_ == "ccomp"]
    if tok.pos_ == "NOUN" and not (ccomps and lem in REPORTING_VERBS):
        # a noun cue, unless the tagger took a verb for a noun ("a post ... states that")
        return _noun_report(tok) if lem in CUE_NOUNS else None
    if is_passive(tok):
        return None
    if lem in NAMING_VERBS and any(c.dep_ in ("dobj", "oprd", "dative") for c in tok.rights):
        return _naming(tok)
    if tok.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children) \
            and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None                 # `what to say when ...`: an infinitive reports nothing
    if not (lem in REPORTING_VERBS or lem in PREP_CUES or lem in APPEAL_VERBS
            or is_point_out(tok)) or (
            tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl", "amod")):
        return None
    if ccomps:
        return _complement(doc, tok, min(ccomps, key=lambda c: abs(c.i - tok.i)))
    if tok.dep_ == "parataxis":
        lo, hi = _around_parenthetical(tok, tok.head.left_edge.i, tok.head.right_edge.i)
        return Report(lo, hi, speaker_of(tok), (tok.i, tok.i + 1), CONF_CLAUSE, rank=2)
    return _object_report(doc, tok, lem)


def _complement(doc: Doc, tok: Token, clause: Token) -> Report:
    """`X said (that) ...`, `..., X said`, `The concern, Kim said, is ...`."""
    lo, hi = clause.left_edge.i, clause.right_edge.i
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
    prep = next((c for c in rights + [g for o in objects for g in o.rights]
                 if c.dep_ == "prep" and c.lower_ in preps), None)
    if prep is not None:            # `accused X of ...`, `called for ...`
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
    if tok.i > tok.sent.start and doc[tok.i - 1].text not in (",", "(", "\u2014", "\u2013"):
        return None                 # `re-ranked according to their scores`: a manner, not a source
    head = tok.head
    for _ in range(MAX_SUBJECT_CLIMB):
        if is_verb(head) or head.head is head:
            break
        head = head.head
    sent = tok.sent
    lo, hi = max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1)
    p_lo, p_hi = tok.i, max(tok.right_edge.i, to.right_edge.i)
    if head is tok:
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
    args = [c for c in verb.rights if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "attr", "prep", "dative")]
    if not args:
        return None
    speaker = speaker_of(verb)
    if speaker is None:
        return None
    return Report(args[0].left_edge.i, args[-1].right_edge.i, speaker, (verb.i, verb.i + 1),
                   CONF_MIXED, rank=2, needs_quote=True)
