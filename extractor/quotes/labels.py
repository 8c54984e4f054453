"""Speech without quotation marks that the layout attributes.

Two shapes, both direct speech of their speaker by our guidelines:

- a speaker label: a paragraph that opens with a name and a colon (`TRUMP: We will
  win.`, a transcript line; `NY Daily News: Attacks Highlight Threat`, a headline);
- an answer set off by a frame: a paragraph ending `Carlson replied:` followed by a
  paragraph with no quotation marks, which is what he replied.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..lexicon.speech import RECORD_NOUNS, SAY_LIKE_VERBS
from .marks import WORD, Quoted, paragraphs
from .sources import source_phrase, speaker_of
from .verbs import is_verb, lemma

# A label is a name of at most this many words: `Sen. Bernie Sanders (I-VT)` has four;
# longer text before a colon is a sentence (`The facts are these:`).
MAX_LABEL_WORDS = 5
# The words after a label or frame must say something: `TRUMP: Yes.` is too little to
# tell a transcript from a caption.
MIN_SPEECH_WORDS = 3
# Entity types that speak; `THE FACTS:` or `Update:` are section labels.
_SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_LABEL = re.compile(r"(\w[^\n:!?;,\"\u201c\u201d]{1,59}):[ \t]+(?=\S)")   # `[Editor's note:` is no name
_OPEN_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab")


@dataclass(frozen=True)
class Unmarked:
    """Unmarked speech: characters [start, end), the cue's and the source's token bounds."""

    start: int
    end: int
    cue: tuple[int, int] | None
    mention: tuple[int, int]


def unmarked_speech(doc: Doc, text: str, quoted: list[Quoted]) -> list[Unmarked]:
    """Labelled paragraphs of `doc` (whose text is `text`: `Doc.text` is rebuilt on
    every access), and framed answers that hold no quotation marks."""
    marked = {q.paragraph[0] for q in quoted}
    out = []
    previous = None
    for start, end in paragraphs(text):
        if end > start:             # a label may hold quoted words; an answer holds none
            found = _labelled(doc, text, start, end) or (
                _answer(doc, text, previous, start, end) if start not in marked else None)
            if found is not None:
                out.append(found)
        previous = (start, end)
    return out


def _labelled(doc: Doc, text: str, start: int, end: int) -> Unmarked | None:
    """`TRUMP: We will win.`: the label names the speaker, the rest is what was said."""
    m = _LABEL.match(text, start, end)
    if m is None or text[m.end()] in _OPEN_MARKS or len(WORD.findall(m.group(1))) > MAX_LABEL_WORDS \
            or len(WORD.findall(text, m.end(), end)) < MIN_SPEECH_WORDS:
        return None
    label = doc.char_span(start, m.end(1), alignment_mode="expand")
    words = [t for t in label if t.is_alpha] if label is not None else []
    named = {t.i for e in doc.ents if e.label_ in _SPEAKING_ENTITIES
             and e.start >= label.start and e.end <= label.end for t in e} if words else set()
    if not words or not (
            (words[-1].i in named and 2 * len(named) >= len(words))
            or (len(words) == 1 and _names_someone(doc, words[0]))   # `Gingrich:`, `TRUMP:`
            or lemma(words[-1]) in RECORD_NOUNS):                # `Poll:`, `New report:`
        return None                 # the label must name who speaks: not `THE FACTS:`
    return Unmarked(m.end(), _trim_end(text, m.end(), end), None, (label.start, label.end))


def _names_someone(doc: Doc, word) -> bool:
    """A one-word label is a name when the article names someone by it elsewhere
    (`Sanders: ...` over an article about Bernie Sanders; not `Update: ...`)."""
    if word.pos_ == "PROPN":
        return True
    key = word.text.lower()
    return word.text[:1].isupper() and any(
        e.label_ in _SPEAKING_ENTITIES and any(t.lower_ == key for t in e) for e in doc.ents)


def _answer(doc: Doc, text: str, previous: tuple[int, int] | None, start: int,
            end: int) -> Unmarked | None:
    """`Carlson replied:` ¶ `One hundred percent. ...`: the frame's speaker said it."""
    if previous is None or not text[previous[0]:previous[1]].rstrip().endswith(":") \
            or text[start] in _OPEN_MARKS or len(WORD.findall(text, start, end)) < MIN_SPEECH_WORDS:
        return None
    frame = doc.char_span(previous[0], text.rindex(":", previous[0], previous[1]),
                          alignment_mode="expand")
    if frame is None or len(frame) == 0:
        return None
    verb = frame[-1]
    if not (is_verb(verb) and lemma(verb) in SAY_LIKE_VERBS and verb.head.i == verb.i):
        return None                 # the frame must end on its own speech verb
    subject = speaker_of(verb)
    if subject is None or not frame.start <= subject.i < verb.i:
        return None
    return Unmarked(start, _trim_end(text, start, end), (verb.i, verb.i + 1), source_phrase(subject))


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
