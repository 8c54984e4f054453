"""Quote candidates: the one shape every finding step returns, and the last step that
keeps one candidate per span and writes the records."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..records import QuoteCandidate, Span

# Overlapping candidates: the later one is dropped above this share of the shorter.
MAX_OVERLAP = 0.5


@dataclass(frozen=True)
class Candidate:
    """A quote found: characters [start, end), its type, the cue's and source's token bounds."""

    start: int
    end: int
    type: str
    cue: tuple[int, int] | None
    mention: tuple[int, int] | None
    confidence: float
    rank: int                       # higher wins an overlap


def resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    kept_starts: list[int] = []     # `kept` sorted by start, for a windowed overlap test
    longest = 0
    for c in sorted(cands, key=lambda c: (-c.rank, -(c.end - c.start))):
        if c.end <= c.start:
            continue
        # Only a kept span starting within `longest` before c's start can reach it.
        lo = bisect.bisect_right(kept_starts, c.start - longest)
        hi = bisect.bisect_left(kept_starts, c.end)
        if any(min(c.end, k.end) - max(c.start, k.start)
               > MAX_OVERLAP * min(c.end - c.start, k.end - k.start) for k in kept[lo:hi]):
            continue
        at = bisect.bisect_left(kept_starts, c.start)
        kept_starts.insert(at, c.start)
        kept.insert(at, c)
        longest = max(longest, c.end - c.start)
    return sorted(kept, key=lambda c: (c.start, c.end))


def cue_bounds(tok: Token | None) -> tuple[int, int] | None:
    if tok is None:
        return None
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    joined = nxt is not None and ((tok.lower_ == "according" and nxt.lower_ == "to")
                                  or (nxt.dep_ == "prt" and nxt.head is tok))
    return tok.i, tok.i + (2 if joined else 1)   # `according to`, `pointed out`


def to_record(doc: Doc, text: str, c: Candidate) -> QuoteCandidate:
    return QuoteCandidate(text=text[c.start:c.end], start=c.start, end=c.end, type=c.type,
                          cue=_token_span(doc, c.cue), mention=_token_span(doc, c.mention),
                          confidence=c.confidence)


def _token_span(doc: Doc, bounds: tuple[int, int] | None) -> Span | None:
    if bounds is None:
        return None
    span = doc[bounds[0]:bounds[1]]
    return Span(span.text, span.start_char, span.end_char)
