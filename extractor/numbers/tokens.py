"""Cutting text into number, word and symbol tokens for the number reader.

`number_windows(text)` finds the stretches of text around digits and number words;
`lex(text, windows)` cuts them into tokens in one regex pass; `digits_value` reads
a digits token ("1,234.5", "1.234,5", "1e10"). No spaCy here.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..lexicon.calendar import MONTHS
from ..lexicon.numbers import NUMBER_WORDS, VULGAR
from ..spans import merge_spans, word_hits

# Hyphens that join words: "one-day", "a million-dollar home", "45-acre".
HYPHENS = "-\u2010\u2011"


class Tok(NamedTuple):
    kind: str        # "num", "word" or "sym"
    text: str
    low: str
    start: int
    end: int
    glued: bool      # no space between this token and the one before


# Numbers: digits with thousands separators (commas or thin spaces; plain spaces from
# three groups on, "1 414 021 100", and in two groups, "40 000", when no digits, hyphen or
# name sits around them: "116 123" may be a phone number, "12 100-metre" and "400 737 Max
# jets" two numbers); Indian lakh grouping ("12,34,567"); a decimal comma, with dots grouping
# ("1.234,56") or alone, not three decimals and not in a list ("3,5%", not "1,2,3");
# plain digits or a leading-dot decimal; each with an optional exponent ("1e10",
# "1.3x10^6", "2.5^-1"). Then words; then every other character alone.
_GROUPED = (r"\d{1,3}(?:(?:,|[\u202f\u2009])\d{3})+(?!\d)(?:\.\d+)?"
            r"|\d{1,3}(?: \d{3}){2,}(?:\.\d+)?(?!\d|[.,]\d)"
            r"|(?<![\d.,])(?<![\d.,] )[1-9]\d{0,2} \d{3}(?![\d-]|[.,]\d| \d| [A-Z])"
            r"|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)(?:\.\d+)?"
            r"|(?<![\d,.])\d{1,3}(?:\.\d{3})+,\d{1,2}(?!\d|[.,]\d)"
            r"|(?<![\d,.])\d+,(?:\d{1,2}|\d{4,})(?!\d|[.,]\d)")
_DECIMAL_COMMA_RE = re.compile(r"[\d.]*\d,(?:\d{1,2}|\d{4,})")
_LEX_RE = re.compile(
    r"(?P<num>(?:" + _GROUPED + r"|\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+\b|x10\^[+-]?\d+|\^[+-]{0,2}\d+)?)"
    r"|(?P<word>[^\W\d_]+)|(?P<sym>[^\s])")


def lex(text: str, windows: list[tuple[int, int]] | None = None) -> list[Tok]:
    """Number, word and symbol tokens of the text (or of its (start, end) windows), in order."""
    toks: list[Tok] = []
    prev_end = -1
    for start, end in windows if windows is not None else [(0, len(text))]:
        for m in _LEX_RE.finditer(text, start, end):
            s = m.group()
            if " " in s and m.lastgroup == "num":
                for a, b in _day_apart(text, m):
                    toks.append(Tok("num", text[a:b], text[a:b], a, b, a == prev_end))
                    prev_end = b
                continue
            toks.append(Tok(m.lastgroup or "sym", s, s.lower(), m.start(), m.end(), m.start() == prev_end))
            prev_end = m.end()
    return toks


def _day_apart(text: str, m: re.Match) -> list[tuple[int, int]]:
    """The match's bounds, or two for "12 100" after a month: "March 12 100 people" is a
    day and a count, not 12,100."""
    a, b = m.span()
    if m.group().count(" ") == 1:
        before = text[max(0, a - 12):a].split()
        if before and before[-1].rstrip(".").lower() in MONTHS:
            gap = text.index(" ", a)
            return [(a, gap), (gap + 1, b)]
    return [(a, b)]


def digits_value(text: str) -> float:
    """"1,234.5" and "1.234,5" -> 1234.5; also "1e10", "1.3x10^6", powers "2.5^-1" (signs cancel)."""
    if _DECIMAL_COMMA_RE.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    text = re.sub(r"[,\s\u202f\u2009]", "", text)
    if "^" not in text:
        return float(text)
    base, exp = text.split("^")
    sign = -1 if exp.count("-") % 2 else 1
    if base.endswith("x10"):
        return float(base[:-3]) * 10.0 ** (sign * float(exp.lstrip("+-")))
    return float(base) ** (sign * float(exp.lstrip("+-")))


# Words that open a window for lex(); "couple" ("a couple") and the scales' plurals too.
_WINDOW_WORDS = sorted(NUMBER_WORDS | {"couple"})


# Most of an article holds no number: only the text around digits and number words is
# tokenized. The window reaches far enough for the longest phrase before a number
# ("a little more than US$") and after it ("to 10 million Hong Kong dollars a year").
WINDOW_BEFORE, WINDOW_AFTER = 60, 120
_DIGITS_RE = re.compile(r"[\d" + "".join(VULGAR) + r"]+")


def number_windows(text: str) -> list[tuple[int, int]]:
    """Merged (start, end) stretches of text around digits and number words, cut at spaces."""
    low = text.lower()
    hits = [m.start() for m in _DIGITS_RE.finditer(text)]
    # str.find runs in C; a regex alternation of 150 words does not
    hits += [i for i, _ in word_hits(low, _WINDOW_WORDS, 0, len(low))]
    hits.sort()
    spans = []
    for hit in hits:
        start = text.rfind(" ", 0, max(0, hit - WINDOW_BEFORE)) + 1
        end = text.find(" ", min(len(text), hit + WINDOW_AFTER))
        spans.append((start, len(text) if end < 0 else end))
    return merge_spans(spans)
