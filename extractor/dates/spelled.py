"""Spelled-out numbers in dates and clock times, rewritten as digits for the readers.

`digits(s)` takes a cleaned, lower-cased expression and writes the numbers that
name a day, a year or a clock time in digits ("february twenty second" ->
"february 22nd", "nineteen eighty six" -> "1986", "five-thirty" -> "5:30",
"ten past nine in the evening" -> "9:10 pm"). Numbers are rewritten only where
a month, a weekday, a clock word or a part of day says what they count, so
durations ("twenty five years") and amounts are left as they are.
"""
from __future__ import annotations

import re

from ..lexicon.numbers import TEENS, TENS, UNITS
from .values import MONTH, ONES_RE as _ONE, TENS_RE as _TENS, WEEKDAY

# Zero and its variants ("nought", "naught") never name a day, a year or an hour.
_ONES = [w for w, v in UNITS.items() if 0 < v]
_TEENS = list(TEENS)
_TENS_W = list(TENS)
_ORD_ONES = "first second third fourth fifth sixth seventh eighth ninth".split()
_ORD_TEENS = ("tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
              "eighteenth nineteenth").split()
CARDINALS = {w: UNITS[w] for w in _ONES} | TEENS | TENS
ORDINALS = {w: i for i, w in enumerate(_ORD_ONES, 1)} | {w: i for i, w in enumerate(_ORD_TEENS, 10)}
ORDINALS |= {"twentieth": 20, "thirtieth": 30}

_TEEN = rf"(?:{'|'.join(_TEENS)})"
N99 = rf"(?:{_TENS}(?:[\s-]+{_ONE})?|{_TEEN}|{_ONE})"
ORD31 = rf"(?:(?:twenty|thirty)[\s-]+(?:{'|'.join(_ORD_ONES)})|twentieth|thirtieth|{'|'.join(_ORD_TEENS)}" \
        rf"|{'|'.join(_ORD_ONES)})"
# "nineteen eighty six", "seventeen hundred thirty three", "twenty fifteen", "two thousand and five"
YEAR_W = (rf"(?:(?:{_TEEN}|twenty)\s+(?:hundred(?:\s+(?:and\s+)?{N99})?|{_TENS}(?:[\s-]+{_ONE})?|{_TEEN}"
          rf"|oh\s+{_ONE})|two\s+thousand(?:\s+(?:and\s+)?{N99})?)")
HOUR_W = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# Minutes spoken after an hour word ("five-thirty", "seven twenty-seven"): ten and up
MINUTES_W = rf"(?:{_TENS}(?:[\s-]+{_ONE})?|{_TEEN}|oh[\s-]+{_ONE})"
_CLOCK_NUM = rf"(?:\d{{1,2}}|{HOUR_W})"
_PARTS_AP = {"morning": "am", "afternoon": "pm", "evening": "pm"}
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}

# The rewrites of `digits`, compiled once: it runs on every candidate expression.
_DATE_CUE = re.compile(rf"\b{MONTH}(?![a-z])|\b{WEEKDAY}(?![a-z])|\bmonth\b")
_MONTH_YEAR_W = re.compile(rf"(\b{MONTH}\s+)({YEAR_W})\b")
_DAY_W = rf"(?P<d>{ORD31}|{N99})"
_MONTH_DAY_W = re.compile(rf"(?P<m>\b{MONTH}\s+(?:the\s+)?){_DAY_W}\b(?![\s-]+(?:hundred|thousand))")
_DAY_OF_MONTH_W = re.compile(rf"\b{_DAY_W}(?P<rest>(?:\s+day)?\s+of\s+|\s+(?={MONTH}(?![a-z])))")
_WEEKDAY_DAY_W = re.compile(rf"(?P<w>\b{WEEKDAY}\s+(?:the\s+)?)(?P<d>{ORD31})\b")
_LONE_DAY_W = re.compile(rf"(?P<a>^(?:the\s+)?|\b(?:and|to|till|until|through|the|between|from)\s+(?:the\s+)?)"
                         rf"(?P<d>{ORD31})\b")
_DAY_YEAR_W = re.compile(rf"(\d(?:st|nd|rd|th)?,?\s+|{MONTH}\s+)({YEAR_W})\b")
_PAST_HOUR = re.compile(rf"\b(?P<n>\d{{1,2}}|{N99}|half|(?:a\s+)?quarter)\s+(?:min(?:ute)?s?\s+)?past\s+"
                        rf"(?P<h>{_CLOCK_NUM})(?:\s+o'?clock)?\b")
_HOUR_MINUTES = re.compile(rf"\b(?P<h>{HOUR_W})[\s-]+(?P<n>{MINUTES_W})(?:\s+minutes)?\b"
                           r"(?!\s*(?:years?|days?|weeks?|months?))")
_HOUR_BEFORE_CUE = re.compile(rf"\b(?P<h>{HOUR_W})"
                              r"(?=\s*(?:[ap]m\b|o'?clock\b|in\s+the\s+(?:morning|afternoon|evening)\b|at\s+night\b))")
_CLOCK = r"(?<![\d.,:])(?P<c>\d{1,2}(?::\d\d)?)(?!\s*[ap]m\b|:\d|\d)"
_PART_THEN_CLOCK = re.compile(rf"\b(?:(?:early|late)\s+)?(?:in\s+the\s+)?(?P<p>morning|afternoon|evening)"
                              rf"\s+(?:at|around|about)\s+{_CLOCK}")
# after the time the part of day needs "in the" or "early"/"late" ("2 morning sessions" is a count)
_CLOCK_THEN_PART = re.compile(rf"\b{_CLOCK}(?:\s+o'?clock)?\s+"
                              r"(?:(?:early|late)\s+(?:in\s+the\s+)?|in\s+the\s+)(?P<p>morning|afternoon|evening)\b")
_CLOCK_AT_NIGHT = re.compile(rf"\b{_CLOCK}(?:\s+o'?clock)?\s+at\s+night\b")


def number(words: str) -> int | None:
    """The value of a spelled number below 100 ("twenty-seven"), an ordinal up to 31st, or digits."""
    w = re.sub(r"[\s-]+", " ", words.strip())
    if w.isdigit():
        return int(w)
    if w in CARDINALS:
        return CARDINALS[w]
    if w in ORDINALS:
        return ORDINALS[w]
    if w.startswith("oh "):
        return CARDINALS.get(w[3:])
    head, _, tail = w.partition(" ")
    if head in CARDINALS and head in {*_TENS_W} and (tail in CARDINALS or tail in ORDINALS):
        return CARDINALS[head] + CARDINALS.get(tail, ORDINALS.get(tail, 0))
    return None


def year(words: str) -> int | None:
    """The value of a spelled year ("nineteen eighty six" -> 1986, "two thousand and five" -> 2005)."""
    w = re.sub(r"[\s-]+", " ", words.strip())
    m = re.fullmatch(r"two thousand(?: (?:and )?(.+))?", w)
    if m:
        rest = number(m[1]) if m[1] else 0
        return 2000 + rest if rest is not None else None
    head, _, tail = w.partition(" ")
    century = CARDINALS.get(head)
    if century is None:
        return None
    m = re.fullmatch(r"hundred(?: (?:and )?(.+))?", tail)
    rest = (number(m[1]) if m[1] else 0) if m else number(tail)
    return century * 100 + rest if rest is not None else None


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else _SUFFIX.get(n % 10, 'th')}"


def _day(m: re.Match, group: str) -> str:
    n = number(m[group])
    return _ordinal(n) if n is not None and 1 <= n <= 31 else m[group]


def digits(s: str) -> str:
    """`s` with the numbers of dates and clock times written in digits (see the module docstring)."""
    if not re.search(r"[a-z]", s):
        return s
    if re.fullmatch(YEAR_W, s):         # "(in) nineteen ninety six"
        return str(year(s))
    if _DATE_CUE.search(s):
        s = _date_words(s)
    return _clock_words(s)


def _date_words(s: str) -> str:
    # a month followed by a year ("october two thousand and five") before a day ("may twenty nine")
    s = _MONTH_YEAR_W.sub(lambda m: f"{m[1]}{year(m[2])}", s)
    s = _MONTH_DAY_W.sub(lambda m: m["m"] + _day(m, "d"), s)
    s = _DAY_OF_MONTH_W.sub(lambda m: _day(m, "d") + m["rest"], s)
    s = _WEEKDAY_DAY_W.sub(lambda m: m["w"] + _day(m, "d"), s)
    s = _LONE_DAY_W.sub(lambda m: m["a"] + _day(m, "d"), s)
    # a spelled year after a day ("january 25th nineteen eighty six", "13 sept nineteen seventy two")
    return _DAY_YEAR_W.sub(lambda m: f"{m[1]}{year(m[2])}", s)


def _clock_words(s: str) -> str:
    """Spoken clock times in digits: "ten past nine", "half past seven", "five-thirty",
    "one in the morning", "in the afternoon at 7", "seven p . m .", "noonish"."""
    s = re.sub(r"\b([ap])\s?\.?\s?m\b\.?(?=\s|$)", r"\1m", s)          # "p . m .", "a m" -> "pm", "am"
    s = re.sub(r"\b(noon|\d{1,2})ish\b", r"\1", s)
    s = _PAST_HOUR.sub(_hm, s)
    s = _HOUR_MINUTES.sub(_hm, s)
    s = _HOUR_BEFORE_CUE.sub(lambda m: str(number(m["h"])), s)
    s = _PART_THEN_CLOCK.sub(lambda m: f"{m['c']} {_PARTS_AP[m['p']]}", s)
    s = _CLOCK_THEN_PART.sub(lambda m: f"{m['c']} {_PARTS_AP[m['p']]}", s)
    return _CLOCK_AT_NIGHT.sub(lambda m: f"{m['c']} {'am' if int(m['c'].split(':')[0]) < 5 else 'pm'}", s)


def _hm(m: re.Match) -> str:
    """"H:MM" for a match with an hour `h` and minutes `n` (a number, "half" or "quarter")."""
    h, n = number(m["h"]), m["n"]
    minutes = 30 if n == "half" else 15 if "quarter" in n else number(n)
    if h is None or minutes is None or not 0 <= minutes < 60 or not 0 <= h <= 24:
        return m[0]
    return f"{h}:{minutes:02d}"
