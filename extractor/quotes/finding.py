"""Quotes: direct, indirect and mixed reported speech, with their cue and source mention.

`find_quotes` works in four steps over the parse spaCy already made:

1. Pair quotation marks paragraph by paragraph (`quotemarks`), so one unbalanced
   mark never spoils the rest of the article.
2. Attribute each quoted span from the words around it: `"A," X said`,
   `said X`, `X said: "A"`, `X told Y that "A"`. A span that opens a sentence
   with no cue (the next paragraph of a long quote) is kept with no mention, so the
   speaker stage continues the previous speaker.
3. Report clauses from the parse: complements of reporting verbs and nouns,
   parentheticals (`Patients, she explained, are ...`), `according to X`,
   `called for ...`, `called the plan "a disaster"` (`cues`, with the speaker from
   `sources`), and stances and findings (`endorsed X`, `a poll showed ...`: `acts`).
   A clause that embeds quoted fragments is mixed and absorbs them; a clause that is
   only a quote attributes it. Speech the layout attributes without marks (`TRUMP:
   ...`, `X replied:` before a paragraph) comes from `labels`.
4. Quoted fragments that no cue governs (scare quotes, titles, nicknames) are
   dropped; overlapping candidates keep the strongest (`candidates`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from . import cues, labels
from ..lexicon.speech import ADDRESSEE_VERBS, SAY_LIKE_VERBS
from .verbs import is_direct_cue, is_reporting, is_verb, lemma
from .marks import SENTENCE_END, WORD, Quoted, is_heading, is_title, pair_quotes
from .sources import inverted_subject, source_phrase, speaker_of
from ..records import QuoteCandidate
from .candidates import Candidate, cue_bounds, resolve_overlaps, to_record

_TRIM_LEFT = re.compile(r"(?:[\s,;:\u2013\u2014.-]|(?:and|but|or)\b)+", re.IGNORECASE)
_TRIM_RIGHT = re.compile(r"(?:[\s,;:\u2013\u2014.-]|\b(?:and|but|or)\b)+$", re.IGNORECASE)
_JOINER = re.compile(r"[\s,;]*(?:\s(?:and|or)\s)?[\s,;]*")
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART", "PUNCT", "ADP",
                     "ADV", "AUX", "CCONJ", "SYM"})

# Window sizes, in tokens, chosen from how news writes attributions: a subject with a
# title and an apposition ("Sandra Ascencio, a striking clinical social worker, said")
# stays under 12 tokens; a cue before a comma-introduced quote sits within the last 8
# ("it said in a statement on Monday,"); 40 tokens back always reaches a sentence start.
MAX_SUBJECT_TOKENS = 12
MAX_CUE_DISTANCE = 8
MAX_CONTEXT_TOKENS = 40
# Confidence by how the quote was found, ranked by how often each shape was right on dev.
CONF_DIRECT_CUED, CONF_DIRECT_BARE = 0.9, 0.6
# What a bare speech frame (`he said,` before a quote) has beside its verb.
_FRAME_DEPS = frozenset({"nsubj", "aux", "neg", "advmod", "punct", "ccomp", "mark"})


@dataclass(frozen=True)
class _Attribution:
    """Step 2's decision for one quote: it stands alone, with this cue and source."""

    cue: Token | None
    mention: tuple[int, int] | None


@dataclass(frozen=True)
class _ClauseDecision:
    """Step 3's decision for one report: its candidate, the quotes it attributes (they
    stand alone, with the report's cue) and the fragments it absorbs."""

    cue: Token
    mention: tuple[int, int] | None
    candidate: Candidate | None = None
    attributed: tuple[Quoted, ...] = ()
    absorbed: tuple[Quoted, ...] = ()


def find_quotes(doc: Doc) -> list[QuoteCandidate]:
    """Find the quotes of `doc`, in text order, each with its cue and the words naming its source.

    Args:
        doc: a parsed Doc (tagger, parser and lemmatizer have run).

    Returns:
        One candidate per quote (a multi-paragraph quote gives one per paragraph),
        sorted by start; no two share (start, end).
    """
    text = doc.text
    if not text.strip() or len(doc) == 0:
        return []
    starts = [t.idx for t in doc]
    quoted = pair_quotes(text)
    # Each quote's decision reads only the marks of its neighbours, never their
    # attribution, so all are decided first and written after.
    decided = [_attribute_by_position(doc, text, starts, q, quoted, i) for i, q in enumerate(quoted)]
    for q, found in zip(quoted, decided):
        if found is not None:
            _attribute(q, found.cue, found.mention)
    candidates = _clauses(doc, text, starts, quoted)
    candidates += [Candidate(u.start, u.end, "direct", u.cue, u.mention, CONF_DIRECT_BARE, rank=3)
                   for u in labels.unmarked_speech(doc, text, quoted)]
    for q in quoted:
        if q.clause and not q.absorbed:
            candidates.append(Candidate(
                q.start, q.end, "direct", cue_bounds(q.cue), q.mention,
                CONF_DIRECT_CUED if q.cue is not None else CONF_DIRECT_BARE, rank=3))
    return [to_record(doc, text, c) for c in resolve_overlaps(candidates)]


# -- step 2: attribution from the words around a quote ----------------------------------

def _attribute(q: Quoted, cue: Token | None, mention: tuple[int, int] | None) -> None:
    """The one place a quote is written: it stands alone, with this cue and source."""
    q.clause, q.cue, q.mention = True, cue, mention


def _attribute_by_position(doc: Doc, text: str, starts: list[int], q: Quoted,
                           quoted: list[Quoted], index: int) -> _Attribution | None:
    # `quoted` is in text order and its spans do not cross, so the neighbours of
    # quote `index` are the quotes next to it in the list.
    prev = quoted[index - 1] if index > 0 else None
    nxt = quoted[index + 1] if index + 1 < len(quoted) else None
    floor = max(prev.close if prev is not None else -1, q.paragraph[0] - 1)
    before = _tokens_back(doc, starts, q.open, floor)
    if not before and q.open == q.paragraph[0]:
        # "... a statement that read in part:" ¶ “...”: scanned back (no copy of the prefix)
        lead = q.open               # end of the text before, trailing whitespace dropped
        while lead > 0 and text[lead - 1].isspace():
            lead -= 1
        if lead > 0 and text[lead - 1] == ":":
            before = _tokens_back(doc, starts, lead, text.rfind("\n", 0, lead))
    if is_title(text, q):
        return None                 # `“Drive-Away Dolls” is the first of ...`: a name
    after = _tokens_after(doc, starts, q, nxt)
    last = before[-1] if before else None
    if last is None and prev is not None and prev.close >= q.paragraph[0] \
            and text[prev.end - 1:prev.end] not in SENTENCE_END \
            and _JOINER.fullmatch(text, prev.close + 1, q.open):
        return None                 # `“corrupt,” “Trump-hating,”`: a list of fragments
    if last is None:
        intro = "start"
    elif last.text in (":",):
        intro = "colon"
    elif last.text in (",", "\u2014", "\u2013"):
        intro = "comma"
    elif last.lower_ == "that":
        intro = "that"
    elif is_verb(last) and lemma(last) in SAY_LIKE_VERBS:
        intro = "verb"
    else:
        return None                 # a fragment inside a sentence: left to step 3
    cue = _cue_before(before, intro)
    inner = last.head.head if last is not None and last.dep_ == "mark" else None
    if intro == "that" and cue is not None and inner is not None and inner.i != cue.i \
            and inner.dep_ == "ccomp" and inner.head.i == cue.i:
        return None                 # `said a message must be sent that “...”`: sent's clause, mixed
    if intro == "start" and text[q.close + 1:q.close + 2] == ":":
        return None                 # `'Meth. We're On It.': State spends ...`: a headline's label
    if intro in ("start", "colon") or (intro == "comma" and cue is None):
        found = _attribute_after(after, ended=text[q.end - 1] in SENTENCE_END)
        if found is not None:
            return found
    if cue is not None and (intro not in ("that", "verb") or _ends_clause(after)):
        subject = speaker_of(cue)
        return _Attribution(cue, source_phrase(subject) if subject is not None else None)
    if intro == "colon" or (intro == "start" and not is_heading(text, q)):
        return _Attribution(None, None)   # a quote on its own: the speaker stage continues
    return None


def _tokens_back(doc: Doc, starts: list[int], pos: int, floor: int) -> list[Token]:
    """Tokens between the sentence start (or `floor`) and the character `pos`."""
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and doc[i].idx + len(doc[i]) > pos:
        i -= 1                      # the mark is glued to a word: `.”Currently`
    out = []
    while i >= 0 and len(out) < MAX_CONTEXT_TOKENS:
        tok = doc[i]
        if tok.idx <= floor or tok.text in SENTENCE_END:
            break
        out.append(tok)
        i -= 1
    return out[::-1]


def _tokens_after(doc: Doc, starts: list[int], q: Quoted, nxt: Quoted | None) -> list[Token]:
    """Tokens from the closing mark to the sentence end or the next quote."""
    if q.close >= q.paragraph[1]:
        return []
    ceiling = min(nxt.open if nxt is not None else q.paragraph[1], q.paragraph[1])
    i = bisect.bisect_right(starts, q.close)
    out = []
    while i < len(doc) and len(out) < MAX_CONTEXT_TOKENS:
        tok = doc[i]
        if tok.idx >= ceiling:
            break
        out.append(tok)
        if tok.text in SENTENCE_END:
            break
        i += 1
    return out


def _attribute_after(after: list[Token], *, ended: bool) -> _Attribution | None:
    """`"...," X said` or `"...," said X`: the cue right after the quote. After a quote
    that ends its sentence (`."`), `He recalls one patient ...` is a new sentence, so the
    cue must not take an object there."""
    words = [t for t in after if not (t.is_punct and t.text in ",\u2014\u2013-")]
    if len(words) > 2 and words[0].lower_ == "according" and words[1].lower_ == "to":
        source = next((c for c in words[1].children if c.dep_ == "pobj"), words[2])
        return _Attribution(words[0], source_phrase(source))   # `"...," according to a statement`
    for k, tok in enumerate(words[:MAX_SUBJECT_TOKENS + 1]):
        if is_direct_cue(tok):
            break
        modifier = tok.dep_ in ("compound", "amod")     # "lead author", "acting director"
        if tok.text in SENTENCE_END or not (modifier or tok.pos_ in _NP_POS):
            return None
    else:
        return None
    if k == 0:
        subject = inverted_subject(tok, stop=tok.i + MAX_SUBJECT_TOKENS)
        if subject is None or tok.tag_ == "VBG":
            return None
    else:
        subject = speaker_of(tok)
        if subject is None or not words[0].i <= subject.i < tok.i:
            subject = next((t for t in reversed(words[:k]) if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if subject is None:
            return None
        objects = ("ccomp", "xcomp", "dobj") if ended else ("ccomp", "xcomp")
        if any(c.dep_ in objects and tok.i < c.i <= after[-1].i for c in tok.children):
            return None             # `"..." Soroken added that ...`: a new report
    return _Attribution(tok, source_phrase(subject))


def _cue_before(before: list[Token], intro: str) -> Token | None:
    if intro == "start":
        return None
    if intro == "verb":
        return before[-1]
    reach = len(before) if intro == "colon" else MAX_CUE_DISTANCE
    for tok in reversed(before[-reach:]):
        if is_direct_cue(tok):
            return tok
    # `told Fox News host Sean Smith, “...”`: a long addressee pushes the cue back; it
    # still introduces the quote when its object ends right at the comma
    last = before[-2] if intro == "comma" and len(before) > 1 else None
    return next((tok for tok in reversed(before[:-reach]) if last is not None and is_direct_cue(tok)
                 and lemma(tok) in ADDRESSEE_VERBS and any(c.dep_ in ("dobj", "dative") and c.right_edge.i == last.i
                         for c in tok.children)), None)


def _ends_clause(after: list[Token]) -> bool:
    """After `X said that "..."`, the quote is the whole clause when the sentence
    goes on with punctuation or a conjunction, not with more of the clause."""
    return not after or after[0].is_punct or after[0].pos_ == "CCONJ"


# -- step 3: reported clauses from the parse --------------------------------------------

def _clauses(doc: Doc, text: str, starts: list[int], quoted: list[Quoted]) -> list[Candidate]:
    inside = bytearray(len(doc))            # tokens between a quote's marks: never cues
    for q in quoted:
        for i in range(bisect.bisect_right(starts, q.open), bisect.bisect_left(starts, q.close)):
            inside[i] = 1
    opens = [q.open for q in quoted]
    out = []
    for tok in doc:
        if inside[tok.i]:
            continue
        found = cues.reports(doc, tok)
        if not found:
            continue
        # A clause never leaves its cue's paragraph, nor do quotes: only that
        # paragraph's quotes matter (and a long article stays linear).
        para_start = text.rfind("\n", 0, tok.idx) + 1
        para_end = text.find("\n", tok.idx)
        if para_end < 0:
            para_end = len(text)
        local = quoted[bisect.bisect_left(opens, para_start):bisect.bisect_left(opens, para_end)]
        for report in found:
            # Decided and written one report at a time: a report's decision reads
            # which quotes the reports before it attributed or absorbed.
            decision = _clause_candidate(doc, text, local, inside, tok, report, (para_start, para_end))
            if decision is None:
                continue
            for q in decision.attributed:
                _attribute(q, decision.cue, decision.mention)
            for q in decision.absorbed:
                q.absorbed = True
            if decision.candidate is not None:
                out.append(decision.candidate)
    return out


def _clause_candidate(doc: Doc, text: str, quoted: list[Quoted], inside: bytearray,
                      cue: Token, report: cues.Report, paragraph: tuple[int, int]) -> _ClauseDecision | None:
    lo, hi = report.lo, report.hi
    for tok in doc[max(lo, cue.i + 1):hi + 1]:
        if not inside[tok.i] and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp") \
                and (is_reporting(tok) or doc[tok.i - 1].text == ","):
            hi = tok.i - 1          # `..., stressing that ...`: the next report starts here
            break
    while lo <= hi and (doc[lo].is_punct or doc[lo].pos_ == "CCONJ" or (
            doc[lo].lower_ == "that" and doc[lo].dep_ not in ("nsubj", "nsubjpass", "det"))):
        lo += 1                     # `, and that`: not the reported words (`That will` is)
    if hi < lo:
        return None
    cs = max(doc[lo].idx, paragraph[0])
    ce = min(doc[hi].idx + len(doc[hi]), paragraph[1])
    if ce <= cs:
        return None
    mention = source_phrase(report.speaker) if report.speaker is not None else None
    pieces, prev, walls = [], cs, []
    for q in quoted:
        if q.clause and q.open < ce and q.close + 1 > cs:
            pieces.append((prev, q.open))
            prev = q.close + 1
            walls.append(q)
    pieces.append((prev, ce))
    # A bare quote inside the clause is attributed by the parse, whatever becomes of it.
    bare = tuple(q for q in walls if q.cue is None)
    decided = _ClauseDecision(cue, mention, attributed=bare)
    pieces = [p for p in (_trim(text, s, e) for s, e in pieces)
              if _clause_words(text, p, cue) >= cues.MIN_CLAUSE_WORDS
              and not any(min(p[1], cue.idx) <= q.open and q.close < max(p[0], cue.idx)
                          for q in walls)]   # `With AI, “...,” Melissa says`: not her clause
    if not pieces:
        return decided
    s, e = min(pieces, key=lambda p: min(abs(p[0] - cue.idx), abs(p[1] - cue.idx)))
    for q in quoted:                # a fragment the parse cut off belongs whole, and so
        if q.clause or q.close + 1 > q.paragraph[1]:   # does the list it starts: “A,” and “B”
            continue
        if s <= q.open < e < q.close + 1 or (q.open >= e and _JOINER.fullmatch(text, e, q.open)):
            e = q.close + 1
        elif q.open < s <= q.close < e:
            s = q.open
    fragments = [q for q in quoted if not q.clause and s <= q.open and q.close < e]
    if report.needs_quote and not (fragments and WORD.search(text, s, fragments[0].open)):
        return decided
    if fragments:
        outside = len(WORD.findall(text, s, e)) - sum(
            len(WORD.findall(text, q.start, q.end)) for q in fragments)
        if len(fragments) == 1 and outside <= 1 and fragments[0].open <= s + 1 \
                and not report.needs_quote:   # `stressing that "..."`: the quote is the clause
            return _ClauseDecision(cue, mention, attributed=bare + (fragments[0],))
    kind = "mixed" if fragments else "indirect"
    conf = cues.CONF_MIXED if fragments else report.confidence
    return _ClauseDecision(cue, mention, Candidate(s, e, kind, report.cue, mention, conf, report.rank),
                           attributed=bare, absorbed=tuple(fragments))


def _clause_words(text: str, piece: tuple[int, int], cue: Token) -> int:
    """Words of a piece, not counting the cue and its subject when the piece holds them
    (`“A,” he says, “B”` leaves `he says` between the quotes: no clause)."""
    s, e = piece
    words = len(WORD.findall(text, s, e))
    doc = cue.doc
    span = doc.char_span(s, e, alignment_mode="expand") if e > s else None
    frames = [t for t in span or ()
              if t.i == cue.i or (is_direct_cue(t) and all(
                  c.dep_ in _FRAME_DEPS for c in t.children))]
    for frame in frames:            # `recalled that he said, “...”`: `he said` frames a quote
        lo, hi = cues.parenthetical_bounds(frame)
        words -= len(WORD.findall(text, max(s, doc[lo].idx), min(e, doc[hi].idx + len(doc[hi]))))
    return words


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = _TRIM_LEFT.match(text, s, e)
    if m:
        s = m.end()
    m = _TRIM_RIGHT.search(text, s, e)
    if m:
        e = m.start()
    return s, e
