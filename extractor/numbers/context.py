"""What the numbers stage reads one article through, and the mention it is reading.

`Context` holds the article's number tokens, the spans where no number can be (what
the dates stage took, phone numbers, addresses ...) and spaCy's token at each
character; `Found` is a number being read, widened by the words on each side.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from .phrases import BLOCKED_RES, DATE_WORD_RE, DIGITS_RE
from ..spans import merge_spans
from .tokens import lex, number_windows
from .words import Reading
from ..records import DateMention

# The blocked patterns reach at most this far from their digits ("3280 E Foothill Blvd",
# "Calif. 91107"); they are only searched that close to digits.
BLOCK_REACH = 60


@dataclass
class Found:
    """A number being read: token bounds [a, b) and what the context adds."""

    a: int
    b: int
    value: float
    reading: Reading
    kind: str = "count"
    unit: str | None = None
    value_max: float | None = None
    approximate: bool = False
    bound: str | None = None      # "lo" or "hi" for "more than" / "up to"


class Context:
    """The text, its tokens, blocked spans and spaCy's view of each character."""

    def __init__(self, doc: Doc, dates: Sequence[DateMention]):
        self.doc = doc
        self.text = doc.text
        self.toks = lex(self.text, number_windows(self.text))
        # ages are numbers ("81 years old"), whatever the dates stage makes of them
        spans = [(d.start, d.end) for d in dates if not _is_age(d.text)]
        if not dates:   # the dates stage gave nothing: spaCy's dates that look like dates
            spans = [(e.start_char, e.end_char) for e in doc.ents
                     if e.label_ in ("DATE", "TIME") and DATE_WORD_RE.search(e.text) and not _is_age(e.text)]
        for start, end in _digit_windows(self.text):   # the patterns all hold digits
            for pattern in BLOCKED_RES:
                spans.extend(m.span() for m in pattern.finditer(self.text, start, end))
        merged = merge_spans(sorted(spans))
        self.block_starts = [s for s, _ in merged]
        self.block_ends = [e for _, e in merged]
        self.tok_starts = doc.to_array("IDX").tolist()

    def blocked(self, start: int, end: int) -> bool:
        """Some blocked span overlaps [start, end) (the spans are merged, so one look)."""
        k = bisect.bisect_left(self.block_starts, end) - 1
        return k >= 0 and self.block_ends[k] > start

    def token(self, char: int):
        """The spaCy token at a character offset."""
        k = bisect.bisect_right(self.tok_starts, char) - 1
        return self.doc[max(k, 0)]


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of text within BLOCK_REACH characters of a digit."""
    return merge_spans((max(0, m.start() - BLOCK_REACH), min(len(text), m.end() + BLOCK_REACH))
                       for m in DIGITS_RE.finditer(text))


def _is_age(text: str) -> bool:
    """"25-year-old", "81 years old", "aged 19", "ages 18 to 24"."""
    low = text.lower()
    return low.endswith(("old", "olds")) or low.startswith(("age ", "aged ", "ages "))
