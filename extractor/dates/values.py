"""The vocabulary of temporal expressions and the small date arithmetic behind them.

Shared by `timex_rules` (the readers) and `dates` (detection): month and weekday
names, number words, units and their TIMEX3 letters, vague references, the
clock-time pattern, and helpers that write TIMEX3 values (ISO weeks, shifted
months, durations).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from calendar import monthrange
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta, weekday as relative_weekday

from ..lexicon.calendar import (
    DAY_AFTER_HOLIDAYS, EASTER_HOLIDAYS, FIXED_HOLIDAYS, HOLIDAY_NAMES, MONTH_LOWER_RE, MONTH_NUMBER,
    WEEKDAY_HOLIDAYS, WEEKDAY_LOWER_RE, WEEKDAY_NUMBER)
from ..lexicon.numbers import TEENS, TENS, UNITS

Reading = tuple[str, "str | None", "str | None", bool]

MONTH = rf"{MONTH_LOWER_RE}\.?"
WEEKDAY = rf"{WEEKDAY_LOWER_RE}\.?"
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
PART = r"(?:morning|afternoon|evening|night|overnight)"
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}

# "nought"/"naught" are not read as counts of time units.
WORD_NUMBERS = {w: v for w, v in UNITS.items() if w not in ("nought", "naught")} | TEENS | TENS
WORD_NUMBERS.update({"a": 1, "an": 1, "single": 1, "hundred": 100,
                     "a hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2,
                     "a couple": 2, "couple of": 2, "half a": 0.5, "a half": 0.5})
VAGUE_AMOUNT = (r"(?:a few|few|several|many|some|a number of|dozens of|hundreds of|a couple of|couple of"
                r"|numerous)")
TENS_RE = rf"(?:{'|'.join(TENS)})"
ONES_RE = rf"(?:{'|'.join(w for w, v in UNITS.items() if 0 < v)})"
NUMBER = (rf"(?:\d+(?:\.\d+)?|{TENS_RE}(?:[- ]|\s+and\s+){ONES_RE}|single|a dozen|a hundred|a couple of|a couple"
          r"|couple of|half a"
          r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
          rf"|fifteen|sixteen|seventeen|eighteen|nineteen|{TENS_RE}|hundred|dozen|an|a)")
UNIT = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?"
        r"|quarters?|years?|yrs?|decades?|century|centuries|millenni(?:um|a))")
# unit word -> (TIMEX3 letter, is a time unit, multiplier)
UNIT_CODES = {"sec": ("S", True, 1), "min": ("M", True, 1), "hour": ("H", True, 1), "hr": ("H", True, 1),
              "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
              "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
              "year": ("Y", False, 1), "yr": ("Y", False, 1), "decade": ("DE", False, 1),
              "centur": ("CE", False, 1), "millenni": ("ML", False, 1)}
SET_ADVERBS = {"daily": "P1D", "everyday": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
               "bi-weekly": "P2W", "bimonthly": "P2M", "bi-monthly": "P2M",
               "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y",
               "hourly": "PT1H"}
VAGUE = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "present": "PRESENT_REF",
    "so far": "PRESENT_REF", "the time being": "PRESENT_REF", "these days": "PRESENT_REF",
    "the moment": "PRESENT_REF", "this time": "PRESENT_REF", "the minute": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "ongoing": "PRESENT_REF", "to date": "PRESENT_REF",
    "the present time": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF", "past": "PAST_REF",
    "once": "PAST_REF", "until recently": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF", "very soon": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the near future": "FUTURE_REF", "long-term": "FUTURE_REF", "short-term": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "the coming months": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "coming years": "FUTURE_REF", "the years ahead": "FUTURE_REF",
    "the months ahead": "FUTURE_REF", "the weeks ahead": "FUTURE_REF", "the days ahead": "FUTURE_REF",
}
# Leading words that modify a timex but do not change its value (TIMEX3 keeps them as `mod`).
LEADING = re.compile(
    r"^(?:no later than|not later than|no earlier than|later than|earlier than|"     # before "later"
    r"about|around|nearly|almost|approximately|roughly|some|more than|less than|fewer than|"
    r"at least|at most|up to|over|under|just|only|shortly|sometime|since|until|till|by|on|in|at|"
    r"during|throughout|within|for|of|from|their|his|her|its|our|my|your|early|earlier|late|later|"
    r"mid-|mid|early-|late-|the end of|the beginning of|the start of|the middle of|the rest of|the remainder of|"
    r"the close of|the turn of|end of|beginning of|start of|before|after|as of|as early as|as late as|circa|"
    r"prior to)"
    r"(?:\s+|(?<=-))")
RANGE = re.compile(r"(?:from\s+)?(?P<a>.+?)\s*(?:-|–|—|~|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b)"
                   r"\s*(?P<b>.+)"
                   r"|between\s+(?P<a2>.+?)\s+and\s+(?P<b2>.+)")


# "the same month a year ago", "the same period of the previous year": a period of a year before.
SAME_PERIOD = r"the same (?:period|month|quarter|week|day|time|season|date)"
# ("the quarter a year ago" is the same: the quarter reported, a year back)
_SAME_PERIOD = re.compile(rf"^(?:{SAME_PERIOD}|the (?:quarter|period))(?: of)? "
                          r"(?=(?:the )?(?:last|previous|prior) year|(?:a|one) year )")
_IN_THE_UNIT = re.compile(r"^(?:(?:earlier|later|early|late) in|(?:the )?(?:end|beginning|start|middle|rest"
                          r"|remainder) of) the (year|month|week)$")


@dataclass(frozen=True)
class Context:
    anchor: date | None
    future: bool = False
    day: date | None = None
    past: bool = False          # the clause says past; neither flag: tense unknown
    generic: bool = False       # a modal of advice or ability ("you can call on Christmas")
    present: bool = False       # a present tense: a month alone is this year's ("the vote is in November")


def clean(text: str) -> str:
    """Lower case, one space, curly quotes straightened, no trailing punctuation,
    leading modifiers ("about", "early", "on", ...) dropped."""
    s = " ".join(text.replace("’", "'").replace("‘", "'").lower().split()).replace(" ,", ",")
    s = re.sub(r"[\s,;:|!?)(\"]+$", "", s)
    if s.endswith(".") and not re.search(r"\b[ap]\.m\.$", s):
        s = s[:-1]
    s = re.sub(r"'s$", "", s)
    while True:
        # "later in the year", "(by) the end of the year" are this year; "the year" alone may be
        # any year ("the year before"). "The same period last year" is the year back: `dates`
        # narrows it to the period named before.
        s = _SAME_PERIOD.sub("", _IN_THE_UNIT.sub(r"this \1", s))
        t = LEADING.sub("", s, count=1)
        if t == s or not t:
            return s
        s = t


def is_ref(value: str | None) -> bool:
    return bool(value) and value.endswith("_REF")


# --- helpers -------------------------------------------------------------------


def number_value(word: str | None) -> float | None:
    """A number from digits or words; None for a vague amount ("a few")."""
    if word is None:
        return 1
    w = word.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w) if "." in w else int(w)
    if w in WORD_NUMBERS:
        return WORD_NUMBERS[w]
    m = re.fullmatch(rf"({TENS_RE})(?:[- ]|\s+and\s+)({ONES_RE})", w)
    if m:
        return WORD_NUMBERS[m[1]] + WORD_NUMBERS[m[2]]
    return None


def unit_code(word: str) -> tuple[str, bool, int]:
    for stem, code in UNIT_CODES.items():
        if word.startswith(stem):
            return code
    raise KeyError(word)


def duration(n: float | None, unit_word: str) -> str:
    letter, is_time, mult = unit_code(unit_word)
    if letter == "Q":       # ISO 8601 has no quarters: TimeML writes them as months ("three quarters": P9M)
        letter, mult = "M", 3 * mult
    if n is None:
        amount = "X"
    else:
        n = n * mult
        amount = str(int(n)) if float(n).is_integer() else str(n)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(d: date, n: int) -> date:
    """The first day of the month n months from d's."""
    return d + relativedelta(months=n, day=1)


def shift(anchor: date, n: int, letter: str) -> str | None:
    """The anchor moved by n units, written at that unit's granularity."""
    if letter == "D":
        return (anchor + timedelta(days=n)).isoformat()
    if letter == "W":
        return week(anchor + timedelta(weeks=n))
    if letter == "M":
        return add_months(anchor, n).strftime("%Y-%m")
    if letter == "Q":
        q = (anchor.month - 1) // 3 + n
        return f"{anchor.year + q // 4}-Q{q % 4 + 1}"
    if letter == "Y":
        return str(anchor.year + n)
    if letter == "DE":
        return str(anchor.year // 10 + n)
    if letter == "CE":
        return str(anchor.year // 100 + n)
    return None


def safe_date(y: int, m: int, d: int) -> date:
    """The day, or the last day of that month when it has no such day (Feb 29 in 2023)."""
    return date(y, m, 1) + relativedelta(day=d)


def month_number(word: str) -> int:
    return MONTH_NUMBER[word[:3]]       # the first three letters name a month ("sept", "sept.")


def weekday_number(word: str) -> int:
    return WEEKDAY_NUMBER[word[:3]]


# A day of a month with no year and no tense lies at most this many months after the publication
# month, else in the year before: on TimeBank's 152 such dates (with the window 2: 147 right; the
# nearest day: 142; always before publication: 112).
MONTH_DAY_AHEAD = 2
# How many years either way a weekday with its month and day ("Saturday, April 25") is sought.
WEEKDAY_YEAR_REACH = 6


def calendar_date(y: int | None, m: int, d: int | None, ctx: Context, weekday: int | None = None) -> Reading | None:
    """A calendar date; a missing year comes from the anchor: the year where the weekday given
    falls on that day, else in the direction of the tense."""
    relative = False
    if y is None and (m, d) == (2, 29) and ctx.anchor is not None:
        y = _leap_year_near(ctx)        # "2/29": the leap day nearest in the tense's direction
    if y is None:
        if ctx.anchor is None:
            return ("date", f"XXXX-{m:02d}" + (f"-{d:02d}" if d else ""), None, False)
        y, relative = _year_of(m, d, weekday, ctx), True
    try:
        date(y, m, d or 1)
    except ValueError:
        return None
    return ("date", f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d else ""), None, relative)


def _year_of(m: int, d: int | None, weekday: int | None, ctx: Context) -> int:
    """The year of a month (and day) written without one."""
    y = ctx.anchor.year
    if d and weekday is not None:
        years = sorted(range(y - WEEKDAY_YEAR_REACH, y + WEEKDAY_YEAR_REACH + 1), key=lambda yy: abs(yy - y))
        fits = [yy for yy in years if d <= monthrange(yy, m)[1] and date(yy, m, d).weekday() == weekday]
        if fits:
            return fits[0]
    probe = (m, d or 1)
    here = (ctx.anchor.month, ctx.anchor.day if d else 1)
    if ctx.future:
        return y + 1 if probe < here else y
    if ctx.past:
        return y - 1 if probe > here else y
    if d:       # no tense: within the window around the publication month
        if m - ctx.anchor.month > MONTH_DAY_AHEAD:
            return y - 1
        return y + 1 if ctx.anchor.month - m >= 12 - MONTH_DAY_AHEAD else y
    # a month alone is past in news unless the tense says otherwise
    if ctx.present:     # "the vote is in November", "sales in January are up": this year's
        return y
    return y - 1 if probe > here else y


def _leap_year_near(ctx: Context) -> int:
    step = 1 if ctx.future else -1
    y = ctx.anchor.year
    while not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) or (step < 0 and date(y, 2, 29) > ctx.anchor):
        y += step
    return y


def move(d: date, n: int, letter: str) -> date:
    """d moved by n days, weeks, months or years (to the month's last day when it is shorter)."""
    if letter in ("D", "W"):
        return d + timedelta(days=n * (7 if letter == "W" else 1))
    return d + relativedelta(months=n * (12 if letter == "Y" else 1))


# A clock time: "4:53 am" / "9a" / "9.am" / "1140 a.m." (h, mi, s, ap), "0800 utc" (hz, mz),
# "14:58:31" (h24, m24, s24), noon / midnight (word), "7 o'clock" (oc), and a zone.
CLOCK = re.compile(r"(?:(?P<h>\d{1,2})(?:[:.]?(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?\.?\s*(?P<ap>[ap])"
                   r"(?:\.?\s?m\.?|\b(?!\.?\s*[a-z]))"
                   r"|(?P<hz>\d{1,2}):?(?P<mz>\d{2})(?=\s*(?:utc|gmt))"
                   r"|(?P<h24>\d{1,2}):(?P<m24>\d{2})(?::(?P<s24>\d{2}))?"
                   r"|(?P<word>noon|midday|midnight)|(?P<oc>\d{1,2})\s*o'?clock)"
                   r"(?:\s+(?P<zone>utc|gmt|[ecmp][sd]?t|bst|cet))?")


HOLIDAY = "|".join(sorted((re.escape(h) for h in HOLIDAY_NAMES), key=len, reverse=True))


def holiday(name: str, year: int) -> date | None:
    """The day in `year` of a holiday the calendar lexicon names; None for any other name."""
    if name in FIXED_HOLIDAYS:
        return date(year, *FIXED_HOLIDAYS[name])
    if name in EASTER_HOLIDAYS:
        return easter(year) + timedelta(days=EASTER_HOLIDAYS[name])
    if name in DAY_AFTER_HOLIDAYS:
        before = holiday(DAY_AFTER_HOLIDAYS[name], year)
        return before and before + timedelta(days=1)
    if name not in WEEKDAY_HOLIDAYS:
        return None
    month, wd, n = WEEKDAY_HOLIDAYS[name]
    start = date(year, month, 1) if n > 0 else date(year, month, 1) + relativedelta(day=31)
    return start + relativedelta(weekday=relative_weekday(wd, n))
