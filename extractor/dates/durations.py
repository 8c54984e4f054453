"""Readers of durations with several parts for `timex_rules`.

"two and a half years" (P2Y6M), "2 1/2 years" (P2Y6M), "one hour and half" (PT1H30M),
"half an hour" (PT30M), "1 hour and 30 minutes" (PT1H30M), "2 years 1 month 21 days" (P2Y1M21D),
and "2 weeks and 2 days ago", the day that far back.
"""
from __future__ import annotations

import re

from .values import NUMBER, UNIT, Context, Reading, duration, move, number_value, unit_code

_FRACTIONS = {"half": 0.5, "quarter": 0.25, "three quarters": 0.75, "1/2": 0.5, "½": 0.5, "1/4": 0.25,
              "¼": 0.25, "3/4": 0.75, "¾": 0.75}
_FRACTION = r"(half|quarter|three\s+quarters)"
# "2 1/2 years", "5½ hours": a whole number and a written fraction.
_MIXED = re.compile(rf"(\d+)(?:\s+|-)?(1/2|½|1/4|¼|3/4|¾)[\s-]+({UNIT})")
# How many of the next smaller unit make one of each: TIMEX3 writes a fraction of a unit in the
# unit below when it comes out whole ("two and a half years" = P2Y6M, TimeBank's form), so a week
# and a month, which split into no whole number of smaller units, keep the decimal.
_SMALLER = {"Y": ("M", 12), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def read_fraction(s: str) -> Reading | None:
    """"two and a half years", "a year and a half", "one and a quarter year", "half an hour", "½ hour"."""
    m = re.fullmatch(rf"(?:an?\s+)?(?:({NUMBER})\s+and\s+(?:a\s+|one\s+)?{_FRACTION}\s+({UNIT})"
                     rf"|({NUMBER})\s+({UNIT})\s+and\s+(?:a\s+|one\s+)?{_FRACTION})"
                     rf"|(?:½|half)\s*(?:an?\s+)?({UNIT})", s)
    mixed = _MIXED.fullmatch(s)
    if mixed:
        return ("duration", split_fraction(int(mixed[1]) + _FRACTIONS[mixed[2]], mixed[3]), None, False)
    if not m:
        return None
    if m[7]:
        return ("duration", split_fraction(0.5, m[7]), None, False)
    n = number_value(m[1] or m[4])
    frac = _FRACTIONS[re.sub(r"\s+", " ", m[2] or m[6])]
    return ("duration", split_fraction(n + frac, m[3] or m[5]), None, False) if n is not None else None


def split_fraction(n: float, unit_word: str) -> str:
    """A duration of n units, its fraction written in the unit below when that comes out whole:
    2.5 years P2Y6M, 1.5 minutes PT1M30S, 0.5 hour PT30M; 1.5 weeks stays P1.5W."""
    plain = duration(n, unit_word)
    letter, is_time, mult = unit_code(unit_word)
    key = ("T" if is_time else "") + letter
    whole, rest = divmod(n * mult, 1)
    if not rest or key not in _SMALLER:
        return plain
    small, per = _SMALLER[key]
    if not float(rest * per).is_integer():
        return plain
    parts = {key: int(whole), small: int(rest * per)}
    date_part = "".join(f"{v}{k}" for k, v in parts.items() if v and not k.startswith("T"))
    clock = "".join(f"{v}{k[1]}" for k, v in parts.items() if v and k.startswith("T"))
    return f"P{date_part}" + (f"T{clock}" if clock else "")


# Duration units from the largest down, as ISO 8601 writes them after "P" (and "T" for clock units).
_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")


def read_compound(s: str) -> Reading | None:
    """"1 hour and 30 minutes", "3 hours 30 minutes", "2 years, 1 month and 21 days": one duration."""
    pairs = list(re.finditer(rf"({NUMBER})\s+({UNIT})", s))
    if len(pairs) < 2 or not all(re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)?", s[a.end():b.start()])
                                 for a, b in zip(pairs, pairs[1:])):
        return None
    if pairs[0].start() != 0 or pairs[-1].end() != len(s):
        return None
    amounts: dict[str, float] = {}
    for p in pairs:
        n, (letter, is_time, mult) = number_value(p[1]), unit_code(p[2])
        key = ("T" if is_time else "") + letter
        last = _ORDER.index(list(amounts)[-1]) if amounts else -1
        if n is None or key not in _ORDER or _ORDER.index(key) <= last:
            return None     # units out of order ("30 minutes and 1 hour") are two durations
        amounts[key] = n * mult
    if "W" in amounts and len(amounts) > 1:      # ISO 8601 writes weeks alone: fold them into days
        amounts["D"] = amounts.get("D", 0) + 7 * amounts.pop("W")
    text = "".join(f"{_num(amounts[k])}{k}" for k in _ORDER if k in amounts and not k.startswith("T"))
    clock = "".join(f"{_num(amounts[k])}{k[1]}" for k in _ORDER if k in amounts and k.startswith("T"))
    return ("duration", f"P{text}" + (f"T{clock}" if clock else ""), None, False)


def _num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def read_compound_ago(s: str, ctx: Context) -> Reading | None:
    """"2 weeks and 2 days ago", "a year and three months from now": the day that far back or ahead."""
    m = re.fullmatch(r"(.+?)\s+(ago|from now)", s)
    amount = read_compound(m[1]) if m else None
    parts = re.findall(r"(\d+)([YMWD])", amount[1]) if amount and "T" not in amount[1] else []
    if not parts:
        return None
    if ctx.anchor is None:
        return ("date", None, None, False)
    d, sign = ctx.anchor, -1 if m[2] == "ago" else 1
    for n, letter in parts:
        d = move(d, sign * int(n), letter)
    return ("date", d.isoformat(), None, True)
