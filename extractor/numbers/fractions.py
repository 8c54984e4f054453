"""Fractions written in words whose parts are numbers of several words.

"one hundred thirty-fifths" is 100/35, "one one hundred fifth" 1/105, "one million
two thousand two hundred three fifths" 1,002,203/5: the denominator is an ordinal
with the number words that make one compound with it ("thirty-fifth", "one hundred
fifth"), the numerator what stands before. Of the ways to split the words, the one
with the longest denominator wins, as long as both parts are well-formed numbers
(a unit word cannot precede a unit ordinal: "three fifths" is 3/5, not a 35th).
After "and", a proper fraction is a mixed number's tail ("one hundred and three
quarters" is 100 3/4; words.py reads those), an improper one is the numerator's
end ("one hundred and thirty fifths" is 130/5). No spaCy here.
"""
from __future__ import annotations

from .tokens import HYPHENS, Tok
from ..lexicon.numbers import DENOMINATORS, ORDINALS, SCALES, TEENS, TENS, UNITS

# The run of number words a fraction may be read from is at most this long: enough
# for "one million two thousand two hundred three", short of a list of numbers.
MAX_RUN = 12


def word_fraction(toks: list[Tok], i: int) -> tuple[float, int] | None:
    """A word fraction starting at token i: (value, index after it), or None.

    Plural denominators take any numerator ("two thirds", "one hundred thirty fifths");
    a singular one only "one" before a compound ("one one hundred fifth"); the rest
    ("a third", "one fifth", "one and a half") is words.py's.
    """
    run = _word_run(toks, i)
    k = run[-1] + 1 if run else i
    if k < len(toks) and toks[k].text in HYPHENS and toks[k].glued:
        k += 1                                  # "thirty-fifths"
    if not run or k >= len(toks):
        return None
    ordinal = toks[k].low
    plural = ordinal.endswith("s") and ordinal[:-1] in ORDINALS
    if plural:
        ordinal = ordinal[:-1]
    elif ordinal not in ORDINALS:
        return None
    if ordinal in ("first", "second") and not (toks[k - 1].text in HYPHENS and toks[k].glued):
        return None                             # "twenty seconds" is a time; "three thirty-seconds" 3/32
    value = ORDINALS[ordinal]
    for split in range(1, len(run) + 1):        # the longest denominator first
        numerator = _value([toks[j] for j in run[:split]])
        words = [toks[j] for j in run[split:]]
        denominator = _denominator(words, ordinal, value) if numerator else None
        if denominator is None or not plural and (numerator[0] != 1 or not words):
            continue
        if _mixed_tail(toks, run[:split], value):
            return None                         # "one hundred and three quarters"
        return numerator[0] / denominator, k + 1
    return None


def _word_run(toks: list[Tok], i: int) -> list[int]:
    """Indexes of the number words from i on (hyphens and "and" stepped over, not kept)."""
    run, j = [], i
    while j < len(toks) and len(run) < MAX_RUN:
        t = toks[j]
        if t.kind != "word":
            break
        low = t.low
        if low in UNITS or low in TEENS or low in TENS or low == "hundred" or low in SCALES \
                or (low in ("a", "an") and j == i) or (low == "and" and run):
            run.append(j)
            j += 1
            if j < len(toks) and toks[j].text in HYPHENS and toks[j].glued and j + 1 < len(toks) \
                    and toks[j + 1].glued and (toks[j + 1].low in UNITS or toks[j + 1].low in TENS):
                j += 1                          # "thirty-two", not "thirty-fifths"
            continue
        break
    return run


def _value(words: list[Tok]) -> tuple[float, str] | None:
    """A well-formed cardinal in words: (value, kind of its last word), or None."""
    total, group, last = 0.0, 0.0, None
    scale_seen = float("inf")
    for t in words:
        low = t.low
        if low in ("a", "an") and last is None:
            group, last = 1.0, "a"
        elif low in UNITS and last in (None, "tens", "hundred", "scale", "and"):
            group, last = group + UNITS[low], "unit"
        elif (low in TEENS or low in TENS) and last in (None, "hundred", "scale", "and"):
            group, last = group + TEENS.get(low, TENS.get(low, 0)), "tens" if low in TENS else "teen"
        elif low == "hundred" and last in ("unit", "teen", "a") and group < 100:
            group, last = group * 100, "hundred"
        elif low in SCALES and last in ("unit", "teen", "tens", "hundred", "a") and SCALES[low] < scale_seen:
            total, group, last, scale_seen = total + group * SCALES[low], 0.0, "scale", SCALES[low]
        elif low == "and" and last in ("hundred", "scale"):
            last = "and"
        else:
            return None
    if last in (None, "and", "a"):
        return None
    return total + group, last


def _denominator(words: list[Tok], ordinal: str, value: float) -> float | None:
    """The denominator: the ordinal alone, or with the words that compound with it."""
    if not words:
        return DENOMINATORS.get(ordinal)        # "firsts", "seconds" are no denominators
    if words[0].low in ("and", "a", "an", "hundred") or words[0].low in SCALES:
        return None                             # the numerator's words, not a new number
    if words[-1].low == "and":
        words = words[:-1]                      # "one hundred and fifth"
    read = _value(words)
    if read is None:
        return None
    base, last = read
    place = {"tens": 10, "hundred": 100}.get(last) or (SCALES[words[-1].low] if last == "scale" else 0)
    return base + value if value < place else None


def _mixed_tail(toks: list[Tok], numerator: list[int], value: float) -> bool:
    """The numerator ends "and <n>" with n below the denominator: a mixed number."""
    ands = [k for k, j in enumerate(numerator) if toks[j].low == "and"]
    if not ands:
        return False
    tail = _value([toks[j] for j in numerator[ands[-1] + 1:]])
    return tail is not None and tail[0] < value
