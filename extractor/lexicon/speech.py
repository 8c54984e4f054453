"""The lexicon of reported speech: which words cue it, and what each can introduce.

The lists are split by what a verb can introduce, because a verb that reports a
quoted sentence ("she laughed") does not report a `that` clause, and a verb that
takes a clause ("they believe that ...") is not always speech. The predicates at the
end read spaCy's tags and lemmas; nothing here runs a model.
"""
from __future__ import annotations


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

# Verbs that close a sentence as `..., X said.` often enough to trust when the parse
# lost the clause; narrower verbs (`responded quickly`, `testified`) narrate.
TRAILING_VERBS = frozenset("""
    say add write tell state note explain claim argue insist warn report announce confirm
    """.split())
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

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

# Records that speak for their author in `data from the GAO saying ...`,
# `a brief urging Congress to ...`: the participle's source is the record's.
RECORD_NOUNS = CHANNEL_NOUNS | frozenset("""
    data datum figures study survey poll analysis document brief review audit research
    complaint lawsuit suit petition ad video
    """.split())

# Verbs whose subject authored the record they take (`issued a statement saying`),
# unlike `liked a tweet saying` or `read a report saying`.
ISSUE_VERBS = frozenset("""
    issue release put send publish post file submit write sign deliver tweet
    """.split())

# Pobj of "according to" that is a rule or plan rather than a source.
NON_SOURCES = frozenset("""
    law laws rule rules plan plans schedule tradition custom regulation regulations
    guideline guidelines policy treaty agreement contract protocol standard standards
    constitution script legend
    """.split())

# Verbs that attribute a position through their object, infinitive or clause:
# `endorsed Sanders`, `vowed to repeal it`. PolNeAR (Newell, Margolin and Ruths,
# LREC 2018) annotates these as attributions: the candidates are the frequent cues of
# its train split that our guidelines count as a source's statement or stance; left
# out are those whose reports mostly narrated on the dev articles (want, seek, cite,
# refer to, point to, talk about, echo) and mental verbs (they take only a clause).
ACT_VERBS = frozenset("""
    support back endorse oppose criticize criticise praise attack blast denounce
    condemn defend reject mock question challenge tout thank congratulate mention
    discuss announce reveal deny confirm admit acknowledge demand propose promise
    pledge vow refuse express repeat applaud welcome embrace highlight recommend
    predict lament dispute attribute blame accuse urge
    """.split())

# Verbs that attribute a position through a preposition: `complained about the deal`,
# `blamed X for Y`; each with the prepositions that introduce the position.
ACT_PREPOSITIONS: dict[str, frozenset[str]] = {
    "complain": frozenset({"about", "of"}),
    "blame": frozenset({"for"}),
    "attribute": frozenset({"to"}),
    "accuse": frozenset({"of"}),
    "criticize": frozenset({"for"}),
    "criticise": frozenset({"for"}),
    "praise": frozenset({"for"}),
    "thank": frozenset({"for"}),
    "ask": frozenset({"about", "for"}),
    "vote": frozenset({"for", "against"}),
    "argue": frozenset({"for", "against"}),
    "campaign": frozenset({"for", "against", "on"}),
}

# Verbs by which a record states a finding: `a poll by X showed ...`, `the report
# found that ...`; a report only when their subject is a record (`RECORD_NOUNS`).
EVIDENCE_VERBS = frozenset("""
    show find reveal indicate suggest conclude confirm estimate
    """.split())

# Subjects that make an evidence verb a report: records, and what counts in them
# (`exit polls are showing`, `the figures show`, `records show`).
EVIDENCE_SUBJECTS = RECORD_NOUNS | frozenset("""
    record result number finding count tally estimate return
    """.split())

# Speech verbs whose noun-phrase object is what was said (`said yes`, `noted the
# attacks`, `reported a rise`); with `write`, `answer` or `repeat` the object is
# mostly the thing handled (`wrote a screenplay`, `answered questions`).
OBJECT_SPEECH_VERBS = frozenset("""
    say note report tweet post
    """.split())

# Verbs of belief that attribute a clause (`she believes (that) ...`, `they expect the
# bill will pass`), never an object: optional in our guidelines, annotated in PolNeAR.
BELIEF_VERBS = frozenset("""
    think believe expect hope fear feel know worry doubt
    """.split())

# Verbs of intention whose infinitive states a plan (`Trump wants to build a wall`,
# `Cruz plans to appeal`): a report only with a named subject, since `they wanted to
# help` mostly narrates.
INTENT_VERBS = frozenset("""
    want seek plan intend hope decline aim
    """.split())
