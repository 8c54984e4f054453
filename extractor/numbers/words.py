"""A small parser for numbers in tokens, in digits, in words or both.

`read_number(toks, i)` reads the longest number starting at token i: digits
("1,234.5", ".5", "10k", "1.2bn"), words ("twenty-one", "three dozen",
"one hundred and six"), mixed ("1.2 billion", "4 thousand 3 hundred and 21"),
fractions ("two thirds", "a quarter", "3/4", "½", "five and a half million"),
ordinals ("eighth", "21st") and vague amounts ("dozens", "thousands").
The tokens come from `lex` (tokens.py), the word
tables from lexicon/numbers.py.
No spaCy here: finding.py adds the context (units, currencies, names, dates).
"""
from __future__ import annotations

from dataclasses import dataclass

from .fractions import word_fraction
from .tokens import Tok, digits_value
from ..lexicon.numbers import (COMPOUND_SCALES, DENOMINATORS, DIGIT_ORDINAL_SUFFIXES, DOZEN, FOLDS,
                               GLUED_MULTIPLIERS, ORDINALS, SCALES, SLASH_DENOMINATORS, SPACED_MULTIPLIERS,
                               STARTERS, TEENS, TENS, UNITS, VAGUE, VULGAR)


@dataclass(frozen=True)
class Reading:
    value: float
    end: int                 # index of the token after the number
    hint: str | None = None  # "ordinal", "fraction", "vague", "fold" or None
    words: bool = False      # some of it is written in words
    multiplier: bool = False  # a scale or a glued multiplier ("million", "bn", "k")


def _small(t: Tok) -> float | None:
    """Value of a unit, teen or tens word; None for anything else."""
    return UNITS.get(t.low, TEENS.get(t.low, TENS.get(t.low)))


def _next_word(toks: list[Tok], j: int) -> int:
    """Index of the next token, stepping over one hyphen between words ("twenty-one")."""
    return j + 1 if j + 1 < len(toks) and toks[j].text in "-\u2010\u2011" else j


def _fraction(toks: list[Tok], j: int, numerator: float, single: bool, *, strict: bool = True
              ) -> tuple[float, int] | None:
    """A denominator at j after `numerator` ("two thirds", "a quarter", "three twenty-firsts")."""
    k = _next_word(toks, j)
    if k >= len(toks) or toks[k].kind != "word":
        return None
    tens = 0
    if toks[k].low in TENS:     # "twenty-fifth": tens, then an ordinal unit
        k2 = _next_word(toks, k + 1)
        unit = toks[k2].low.rstrip("s") if k2 < len(toks) else ""
        if unit not in ORDINALS or ORDINALS[unit] >= 10:
            return None
        tens, k = TENS[toks[k].low], k2
    low = toks[k].low
    if low not in DENOMINATORS and not (tens and low.rstrip("s") in ORDINALS):
        return None
    plural = low.endswith("s") and low not in ORDINALS
    if not plural and not single:
        return None
    joined = toks[k - 1].text in "-\u2010\u2011" and toks[k - 1].glued and toks[k].glued  # "one-fourth is"
    if strict and not plural and not joined and k + 1 < len(toks) and toks[k + 1].kind == "word" \
            and toks[k + 1].low not in ("of", "and", "or") and toks[k + 1].low not in SCALES:
        return None                # "a third term", "a fourth-quarter loss": ordinals
    if strict and not plural and not joined and k + 2 < len(toks) and toks[k + 1].low in ("and", "or") \
            and toks[k + 2].kind == "word" and toks[k + 2].low not in _AFTER_FRACTION_AND:
        return None                # "a third and final term": ordinals; not "a third or more"
    if not plural and k + 2 < len(toks) and toks[k + 1].text in "-\u2010\u2011" and toks[k + 1].glued \
            and toks[k + 2].low not in SCALES:   # "a quarter-million" is 250,000
        return None
    denominator = tens + (DENOMINATORS.get(low) or ORDINALS[low.rstrip("s")])
    return numerator / denominator, k + 1


# Words a fraction of number words may start with (fractions.word_fraction).
_FRACTION_STARTS = frozenset(set(UNITS) | set(TEENS) | set(TENS) | {"a", "an"})
# What may follow "a third and" / "a quarter or" in a fraction: another number or a bound
# ("a third or more", "a quarter and a half"); any other word makes it an ordinal.
_AFTER_FRACTION_AND = frozenset(STARTERS | {"more", "less", "fewer", "so", "above", "below", "over",
                                            "under", "greater", "higher", "lower"})


def _whole(low: str) -> float | None:
    """What "half a ..." halves: a scale, a hundred or a dozen."""
    return SCALES.get(low) or (100 if low == "hundred" else 12 if low in DOZEN else None)


def _scale_after(toks: list[Tok], j: int) -> tuple[float, int] | None:
    """A scale after a fraction: "... million", "...-million", "... of a million"."""
    j = _next_word(toks, j)
    if j < len(toks) and toks[j].low in SCALES:
        return SCALES[toks[j].low], j + 1
    if (j + 2 < len(toks) and toks[j].low == "of" and toks[j + 1].low in ("a", "an")
            and toks[j + 2].low in SCALES):
        return SCALES[toks[j + 2].low], j + 3
    return None


def _couple(toks: list[Tok], j: int) -> Reading | None:
    """After "a couple": "of" (two, roughly) or a scale ("a couple hundred"); else the noun."""
    if j < len(toks) and toks[j].low == "of":
        return Reading(2, j, "vague", True)
    if j < len(toks) and (toks[j].low in SCALES or toks[j].low == "hundred"):
        scaled = _read_words(toks, j, 2.0, words=True)
        return scaled and Reading(scaled.value, scaled.end, "vague", True, True)
    return None               # "part of a couple", "a couple who"


def read_number(toks: list[Tok], i: int) -> Reading | None:  # noqa: C901 - one grammar
    """The longest number that starts at token i, or None."""
    t = toks[i]
    n = len(toks)
    if t.kind == "word" and (t.low in _FRACTION_STARTS):
        frac = word_fraction(toks, i)        # "two thirds", "one hundred thirty-fifths"
        if frac is not None:
            sc = _scale_after(toks, frac[1])
            if sc:                            # "two thirds of a million"
                return Reading(frac[0] * sc[0], sc[1], None, True, True)
            return Reading(frac[0], frac[1], "fraction", True)
    # "a"/"an"/"half" start a number only before a scale, dozen or denominator.
    if t.low == "hundred" and i + 1 < n and toks[i + 1].low in SCALES:   # "hundred thousand"
        return _read_words(toks, i, 1.0, words=True)
    if t.low == "quarter" and i + 1 < n and toks[i + 1].low in SCALES:
        return Reading(.25 * SCALES[toks[i + 1].low], i + 2, None, True, True)
    if t.low == "half" and i + 2 < n and toks[i + 1].text in "-\u2010\u2011" and toks[i + 1].glued \
            and toks[i + 2].kind == "word":
        if _whole(toks[i + 2].low):   # "half-dozen", "half-million"
            return Reading(.5 * _whole(toks[i + 2].low), i + 3, None, True, True)
        k = i + 4                     # "half-a-million", "half-a-dozen"
        if toks[i + 2].low in ("a", "an") and k < n and toks[k - 1].text == "-" and _whole(toks[k].low):
            return Reading(.5 * _whole(toks[k].low), k + 1, None, True, True)
        return None                   # "half-brother", "half-time"
    if t.low in ("a", "an", "half"):
        if i + 1 >= n:
            return None if t.low != "half" else Reading(.5, i + 1, "fraction", True)
        nxt = toks[i + 1]
        lead = .5 if t.low == "half" else 1.0
        if t.low == "half" and nxt.low in ("a", "an") and i + 2 < n:
            if _whole(toks[i + 2].low):
                return Reading(.5 * _whole(toks[i + 2].low), i + 3, None, True, True)
            return Reading(.5, i + 1, "fraction", True)
        if nxt.low in SCALES or nxt.low == "hundred":
            return _read_words(toks, i + 1, lead, words=True)
        if nxt.low == "half" and t.low != "half":   # "a half-dozen", "a half million"
            whole = read_number(toks, i + 1)
            if whole is not None and whole.multiplier:
                return whole
        if nxt.low == "couple" and t.low == "a":
            return _couple(toks, i + 2)
        if nxt.low in DOZEN and not nxt.low.endswith("s"):
            return Reading(lead * 12, i + 2, None, True, True)
        if t.low == "half":
            return Reading(.5, i + 1, "fraction", True)
        frac = _fraction(toks, i + 1, 1.0, single=True)
        if frac is None:
            return None
        value, j = frac
        sc = _scale_after(toks, j)
        if sc:
            return Reading(value * sc[0], sc[1], None, True, True)
        return Reading(value, j, "fraction", True)
    if t.text in VULGAR:
        return Reading(VULGAR[t.text], i + 1, "fraction")
    if t.low in FOLDS:
        return Reading(FOLDS[t.low], i + 1, "fold", True)
    if t.kind == "word" and t.low in VAGUE:   # "thousands of", not "he scores"
        if i + 1 < n and toks[i + 1].low == "of":
            nxt = toks[i + 2].low if i + 2 < n else ""
            if VAGUE.get(nxt, 0) >= 1e3 > VAGUE[t.low]:   # "tens of thousands" is 10,000
                return Reading(VAGUE[t.low] * VAGUE[nxt], i + 3, "vague", True)
            return Reading(VAGUE[t.low], i + 1, "vague", True)
        return None
    if t.kind == "word" and t.low in ORDINALS:
        return Reading(ORDINALS[t.low], i + 1, "ordinal", True)
    if t.kind == "num" or _small(t) is not None:
        return _read_words(toks, i, None, words=t.kind == "word")
    return None


def _read_words(toks: list[Tok], i: int, lead: float | None, *, words: bool) -> Reading | None:
    """Cardinal numbers in words and digits, with scales, dozens, fractions and "point"."""
    n = len(toks)
    total, group = 0.0, (lead or 0.0)
    last = "lead" if lead is not None else None   # kind of the last part read
    big = float("inf")                              # last scale >= 1000 used
    multiplier = lead is not None
    part = group
    has_hundred = False
    and_snapshot: tuple[int, float] | None = None   # where "... and" began, to step back
    group_total: float | None = None                # the total after a first and only scale
    j = i
    end = i
    while j < n:
        t = toks[j]
        small = _small(t) if t.kind == "word" else None
        if t.kind == "num" and last in (None, "hundred", "scale", "and"):
            if last == "and" and digits_value(t.text) >= 100:
                break
            part = digits_value(t.text)
            group += part
            last, end, j = "digits", j + 1, j + 1
            nxt = toks[j] if j < n else None
            # 10k, 1.2bn, 2mil (a lowercase m is left to the caller); 10 bln
            if nxt and nxt.kind == "word" and nxt.glued and nxt.text in GLUED_MULTIPLIERS:
                return _finish(toks, j + 1, total + group * GLUED_MULTIPLIERS[nxt.text], None, words, True)
            if nxt and nxt.kind == "word" and not nxt.glued and nxt.low in SPACED_MULTIPLIERS and (
                    nxt.low != "k" or j + 1 >= n or toks[j + 1].kind != "word"):
                return _finish(toks, j + 1, total + group * SPACED_MULTIPLIERS[nxt.low], None, words, True)
            if nxt and nxt.text in ("M", "G") and (j + 1 >= n or toks[j + 1].kind != "word"):  # "1.5 M"
                scale = 1e6 if nxt.text == "M" else 1e9
                return _finish(toks, j + 1, total + group * scale, None, words, True)
            # 3/4 and 10 1/2
            slash = _slash(toks, j)
            if slash is not None and group == part:
                return _finish(toks, slash[1], total + slash[0], "fraction", words, multiplier)
            if nxt and not nxt.glued and nxt.kind == "num" and "." not in t.text:
                slash = _slash(toks, j + 1)
                if slash is not None and slash[0] < 1:
                    return _finish(toks, slash[1], total + group + slash[0], None, words, multiplier)
            if nxt and nxt.text in "-\u2010\u2011" and j + 1 < n and (
                    toks[j + 1].low in SCALES or toks[j + 1].low == "hundred"):
                j += 1
            continue
        if t.text in VULGAR and last == "digits":
            group += VULGAR[t.text]
            end = j = j + 1
            break
        if small is not None and last in (None, "hundred", "scale", "and", "tens_only"):
            if last == "tens_only" and small >= 10:
                break
            group += small
            part = part + small if last == "tens_only" else small
            last = "tens_only" if t.low in TENS else "small"
            words, end, j = True, j + 1, _next_word(toks, j + 1)
            continue
        if t.low == "hundred" and last in ("small", "tens_only", "digits", "lead") and not has_hundred:
            group *= 100
            has_hundred = True
            last, words, multiplier, end = "hundred", True, True, j + 1
            j = _next_word(toks, j + 1)
            continue
        if last == "scale" and (toks[j - 1].low, t.low) in COMPOUND_SCALES and total == group_total:
            total *= SCALES[t.low]   # "1.5 lakh crore", "40 thousand million": one scale
            big, end, j = big * SCALES[t.low], j + 1, _next_word(toks, j + 1)
            continue
        if t.low in SCALES and last in ("small", "tens_only", "digits", "lead", "hundred") \
                and SCALES[t.low] < big:
            group_total = total + group * SCALES[t.low] if big == float("inf") else None
            total += group * SCALES[t.low]
            group, big, has_hundred = 0.0, SCALES[t.low], False
            last, words, multiplier, end = "scale", True, True, j + 1
            j = _next_word(toks, j + 1)
            continue
        if t.low in DOZEN and last in ("small", "tens_only", "digits", "lead"):
            group += part * 11
            last, words, multiplier, end = "scale", True, True, j + 1
            break
        if t.low == "and" and last in ("hundred", "scale", "small", "tens_only", "digits"):
            # "and a half", "and three quarters", "and one fifth"
            frac = _and_fraction(toks, j + 1)
            if frac is not None:
                value, k = frac
                if last == "scale" and big < float("inf") and big >= 1e3 and not _scale_after(toks, k):
                    total += value * big   # "3 million and a half" = 3.5 million
                else:
                    group += value
                    sc = _scale_after(toks, k)
                    if sc and sc[0] < big:
                        total += group * sc[0]
                        group, k = 0.0, sc[1]
                        multiplier = True
                return _finish(toks, k, total + group, None, True, multiplier)
            if last in ("hundred", "scale") and j + 1 < n and (
                    toks[j + 1].kind == "num" or _small(toks[j + 1]) is not None):
                last, j = "and", j + 1
                and_snapshot = (end, total + group)
                continue
            break
        if t.low == "point" and last in ("small", "tens_only", "digits", "hundred") and total == 0:
            dec = _decimals(toks, j + 1)
            if dec is None:
                break
            frac_digits, k = dec
            group = float(f"{int(group)}.{frac_digits}")
            return _finish(toks, k, total + group, None, True, multiplier)
        if last in ("hundred", "scale") and t.low in DENOMINATORS and t.low.endswith("s") and big > 1e12:
            return _finish(toks, j + 1, group / DENOMINATORS[t.low], "fraction", True, multiplier)
        if last in ("small", "tens_only", "digits") and t.kind == "word":
            frac = _fraction(toks, j, group, single=group == 1)
            if frac is not None and total == 0:
                value, k = frac
                sc = _scale_after(toks, k)
                if sc:
                    return _finish(toks, sc[1], value * sc[0], None, True, True)
                return _finish(toks, k, value, "fraction", True, multiplier)
            if t.low in ORDINALS and last in ("tens_only",):
                return _finish(toks, j + 1, total + group + ORDINALS[t.low], "ordinal", True, False)
        break
    if last is None or end == i:
        return None
    if and_snapshot and j < n and (toks[j].low == "hundred" or toks[j].low in SCALES):
        # "3 hundred and 2 hundred" is two numbers
        return _finish(toks, and_snapshot[0], and_snapshot[1], None, words, multiplier)
    return _finish(toks, end, total + group, None, words, multiplier)


def _finish(toks: list[Tok], end: int, value: float, hint: str | None, words: bool,
            multiplier: bool) -> Reading:
    # 21st, 2nd: digits glued to an ordinal suffix
    if (hint is None and end < len(toks) and toks[end].glued and toks[end].low in DIGIT_ORDINAL_SUFFIXES
            and toks[end - 1].kind == "num" and not multiplier):
        return Reading(value, end + 1, "ordinal", words, False)
    return Reading(value, end, hint, words, multiplier)


def _slash(toks: list[Tok], j: int) -> tuple[float, int] | None:
    """A slash fraction whose numerator is token j-1... given as toks[j-1] / toks[j+1]."""
    if not (0 < j and j + 1 < len(toks) and toks[j].text == "/" and toks[j].glued
            and toks[j + 1].glued and toks[j - 1].kind == "num" and toks[j + 1].kind == "num") \
            or "." in toks[j - 1].text + toks[j + 1].text:
        return None
    num, den = digits_value(toks[j - 1].text), digits_value(toks[j + 1].text)
    if den not in SLASH_DENOMINATORS or num >= den:
        return None
    return num / den, j + 2


def _and_fraction(toks: list[Tok], j: int) -> tuple[float, int] | None:
    """After "and": "a half", "one half", "three quarters", "a fifth"."""
    if j >= len(toks):
        return None
    t = toks[j]
    if t.low in ("a", "an", "one"):
        return _fraction(toks, j + 1, 1.0, single=True, strict=False)
    small = _small(t)
    if small is not None and small > 1:
        k = j + 1
        nxt = _next_word(toks, k)
        if t.low in TENS and nxt < len(toks) and toks[nxt].low in UNITS and UNITS[toks[nxt].low] > 0:
            small, k = small + UNITS[toks[nxt].low], nxt + 1     # "fifty-four hundredths"
        return _fraction(toks, k, small, single=False)
    return None


def _decimals(toks: list[Tok], j: int) -> tuple[str, int] | None:
    """Digits after "point": "zero three" -> "03", "seventy-one" -> "71"."""
    out, k = "", j
    while k < len(toks):
        t = toks[k]
        if t.low in UNITS:
            out += str(UNITS[t.low])
        elif t.low in TEENS or t.low in TENS:
            value = TEENS.get(t.low, TENS.get(t.low, 0))
            k2 = _next_word(toks, k + 1)
            if t.low in TENS and k2 < len(toks) and toks[k2].low in UNITS and UNITS[toks[k2].low] > 0:
                value += UNITS[toks[k2].low]
                k = k2
            out += str(value)
        elif t.kind == "num" and t.text.isdigit():
            out += t.text
        else:
            break
        k += 1
    return (out, k) if out else None
