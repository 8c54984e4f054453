"""Quotation marks: pair them paragraph by paragraph into quoted spans.

A mark's direction is read from the characters beside it, not from its curly shape
(scraped text uses a closing mark to open), and a paragraph end resets the state, so
one unbalanced mark never spoils the rest of the article. Single marks double as
apostrophes, so they pair only with clear sides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

# Two apostrophes or backticks stand for a double mark in archive text (`''Yes,'' he
# said`, the New York Times' plain-text convention, and PTB-style ``` ``Yes'' ```).
_DOUBLE_MARKS = re.compile("''|``|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\uff02]")
_SINGLE_MARKS = re.compile("['\u2018\u2019\u2039\u203a]")
_SINGLE_OPENERS = frozenset("'\u2018\u2039\u203a")
_SINGLE_CLOSERS = frozenset("'\u2019\u203a\u2039")
_OPEN_CONTEXT = frozenset("([{\u2014\u2013-/\"\u201c\u201d")
_PARAGRAPH_BREAK = re.compile(r"\n+")
# Markup left in the text (`<tweet author="X" timestamp="...">`): its attribute values
# are in quote marks but are nobody's words.
_MARKUP_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")
# A word, and the marks that end a sentence: shared with `quotes`.
WORD = re.compile(r"[^\W_]+")
SENTENCE_END = frozenset({".", "?", "!", "\u2026"})
# A quoted line of this many words or fewer, alone in its paragraph and without
# punctuation, is a heading; quote paragraphs in the dev set are full sentences.
MAX_HEADING_WORDS = 8
# Quoted titles of films, books and shows (`“Drive-Away Dolls”`): every word capitalized
# but these, and as long as the titles news names (a sentence of speech is longer).
_TITLE_SMALL_WORDS = frozenset("a an the and or nor but of in on at to for with by from as vs".split())
MAX_TITLE_WORDS = 8


@dataclass
class Quoted:
    """A quoted span: marks at `open`/`close`, content `start:end`."""

    open: int
    close: int
    start: int
    end: int
    paragraph: tuple[int, int]
    clause: bool = False            # stands as a quote of its own, not a fragment
    absorbed: bool = False          # part of a mixed clause
    cue: Token | None = None
    mention: tuple[int, int] | None = None


def paragraphs(text: str):
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def pair_quotes(text: str) -> list[Quoted]:
    """Quoted spans in text order: double marks first, then single and angle marks
    outside them (inside a double quote they are nested quotes, part of its text)."""
    spans: list[Quoted] = []
    tags = [m.span() for m in _MARKUP_TAG.finditer(text)] if "<" in text else []
    for p_start, p_end in paragraphs(text):
        doubles = _pair_double(text, p_start, p_end, [t for t in tags if p_start <= t[0] < p_end])
        singles = [(o, o + 1, c, c) for o, c in _pair_single(text, p_start, p_end)
                   if not any(a <= o <= b for a, _, _, b in doubles)]
        for o, start, end, c in sorted(doubles + singles):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if WORD.search(text, start, end):
                spans.append(Quoted(o, c, start, end, (p_start, p_end)))
    return spans


def _pair_double(text: str, p_start: int, p_end: int,
                 tags: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """A mark opens when a non-space follows it and closes when a non-space precedes
    it; inside a quote, a mark that can only open means the last close was missing,
    unless the next two marks can only close: then it opens a quote nested in this one
    (`“... Georgia’s “Citizens Only Voting” amendment to hit the floor,” he said`)."""
    marks = []
    for m in _DOUBLE_MARKS.finditer(text, p_start, p_end):
        i, j = m.span()
        if any(a < i < b for a, b in tags):
            continue                # an attribute value of a markup tag
        left = text[i - 1] if i > p_start else " "
        right = text[j] if j < p_end else " "
        marks.append((i, j, not right.isspace(), not left.isspace()))
    # Each pair: (open mark, content start, content end, last character of the close mark).
    pairs, opened, skip = [], None, set()
    for k, (i, j, can_open, can_close) in enumerate(marks):
        if k in skip:
            continue
        if opened is None:
            if can_open:
                opened = (i, j)
        elif can_close:
            pairs.append((*opened, i, j - 1))
            opened = None
        elif can_open:
            closers = [c for _, _, o, c in marks[k + 1:k + 3] if c and not o]
            if len(closers) == 2:
                skip.add(k + 1)     # a nested quote: its close is not ours
                continue
            pairs.append((*opened, i, j - 1))
            opened = (i, j)
    if opened is not None:
        pairs.append((*opened, p_end, p_end))  # a quote running on to the next paragraph
    return pairs


def _pair_single(text: str, p_start: int, p_end: int) -> list[tuple[int, int]]:
    """Single marks double as apostrophes, so they pair only with clear sides: an
    opener after a space or bracket and before a letter, a closer not before one."""
    pairs, open_at = [], None
    for m in _SINGLE_MARKS.finditer(text, p_start, p_end):
        i, ch = m.start(), m.group()
        if ch == "'" and "''" in text[max(i - 1, 0):i + 2]:
            continue                # half of a double mark
        left = text[i - 1] if i > p_start else " "
        right = text[i + 1] if i + 1 < p_end else " "
        if ch in _SINGLE_OPENERS and (left.isspace() or left in _OPEN_CONTEXT) and right.isalnum():
            open_at = i             # a second opener: the first was an elision (`'90s`)
        elif open_at is not None and ch in _SINGLE_CLOSERS and not left.isspace() \
                and not right.isalnum():
            pairs.append((open_at, i))
            open_at = None
    return pairs


def is_heading(text: str, q: Quoted) -> bool:
    """A short quoted line standing alone with no punctuation is a heading or title
    (`“These Animals Deserve Better”`), not the next paragraph of a quote."""
    alone = text[q.paragraph[0]:q.open].strip() == "" and text[q.close + 1:q.paragraph[1]].strip() == ""
    return alone and text[q.end - 1] not in SENTENCE_END and text[q.end - 1] != "," \
        and len(WORD.findall(text, q.start, q.end)) <= MAX_HEADING_WORDS


def is_title(text: str, q: Quoted) -> bool:
    """`“Drive-Away Dolls”`, `“Lopez Tonight”`: capitalized words with no sentence end
    are a title, not speech (`“I’m Not Shy”` has a contraction and is speech)."""
    words = WORD.findall(text, q.start, q.end)
    if not 2 <= len(words) <= MAX_TITLE_WORDS or text[q.end - 1] in SENTENCE_END:
        return False
    return words[0][0].isupper() and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words)
