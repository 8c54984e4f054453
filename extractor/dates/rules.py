"""The regular-expression readers behind `timex.normalize`.

`read(s, ctx)` takes one cleaned, lower-cased expression and returns
`(type, value, end_value, relative)` or None. Each reader handles one family
of shapes (vague references, durations and sets, relative units, calendar
dates, weekdays, seasons, times); the first that matches wins. The calendar
readers live in `timex_calendar`, those of parts of periods (quarters, weeks of
a year) in `timex_periods`, of clock times in `timex_clock`, of durations with
several parts in `timex_durations`; the vocabulary and date arithmetic they
share in `timex_lexicon`.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import calendar as C
from . import clock as K
from . import durations as D
from . import periods as W
from .values import (
    MONTH, NUMBER, PART, PARTS, SET_ADVERBS, UNIT, VAGUE, VAGUE_AMOUNT, WEEKDAY, Context, Reading,
    duration, move, number_value, shift, unit_code, week, weekday_number)


# Compiled once: the readers run on every candidate expression.
_WEEK_REL = r"(this|last|next|previous|following|the following|the previous)"
_DAY_WORD_PART = re.compile(rf"(today|yesterday|tomorrow|tonight|this|last|(?:the )?day before yesterday"
                            rf"|(?:the )?day after tomorrow)(?:\s+({PART}))?")
_PART_ALONE = re.compile(rf"(?:the\s+)?({PART})")
_UNIT_SPAN = re.compile(rf"(?:the\s+)?(?:(?:last|past|next|coming|first|previous|final|following|same|"
                        rf"additional|other|entire|whole|full|recent)\s+)?(?:({NUMBER}|{VAGUE_AMOUNT})[\s-]+)?"
                        rf"(?:(?:more|upcoming|coming|next|past|previous|last)\s+)?"
                        rf"(?:consecutive\s+|straight\s+|full\s+|long\s+|trading\s+|(business\s+|working\s+)"
                        rf"|calendar\s+)?"
                        rf"({UNIT})(?:[\s-]?(long)|[\s-]old)?")
_WEEKDAYS_PLURAL = re.compile(rf"(?:({WEEKDAY})s(?:\s+({PART})s)?|({WEEKDAY})\s+({PART})s)(?:\s+at\s+(.+))?")
_EVERY = re.compile(rf"(?:(?:once|twice|\w+ times|[\d,.]+)\s+)?(?:every|each|per|a|an)\s+(?:other\s+)?"
                    rf"(?:({NUMBER})\s+)?({UNIT}|{WEEKDAY}|{PART}|weekend)(?:\s+at\s+(.+))?")
_AGO = re.compile(rf"({NUMBER}|{VAGUE_AMOUNT})\s+({UNIT})\s+(ago|earlier|before|from now|later|after|hence)")
_WEEKDAY_REL = re.compile(rf"(?:(this past|this coming|this|last|next|past|previous|coming|following)\s+)?"
                          rf"({WEEKDAY})(?:'s)?"
                          rf"(?:,?\s+({PART}))?")
_WEEKDAY_OF_WEEK = re.compile(rf"({WEEKDAY})(?:\s+({PART}))?(?:,?\s+(?:of\s+)?){_WEEK_REL}\s+week"
                              rf"|{_WEEK_REL}\s+week(?:'s)?\s*[-,]?\s*(?:on\s+)?({WEEKDAY})(?:\s+({PART}))?")
_DAY_WITH_DATE = re.compile(rf"(?:(?:this|next|last|coming)\s+)?({WEEKDAY}|today|tomorrow|yesterday)"
                            r",?\s+\(?(.+?)\)?")
_UNITS_FROM = re.compile(rf"({NUMBER})\s+({UNIT})\s+(from|after|before)\s+(.+)")
_DATE_PART = re.compile(rf"(.+?),?\s+(?:in\s+the\s+)?({PART})|(?:the\s+)?({PART})\s+of\s+(.+)")


def worth_dateparser(s: str) -> bool:
    """Only short strings with a month, a weekday, a date in digits or a day word go to
    dateparser: it reads a date into almost anything else ("15 a year" -> 2007)."""
    if not re.search(r"[a-z]", s):
        return False    # dates in digits are read above; what they refused ("24/7", "17.30") is no date
    return len(s.split()) <= 8 and bool(re.search(
        rf"\b{MONTH}(?![a-z])|\b{WEEKDAY}(?![a-z])|\d{{1,4}}[/.-]\d{{1,2}}|\d{{1,2}}:\d\d"
        r"|\b(?:today|tomorrow|yesterday|tonight|noon|midnight)\b", s))


def read(s: str, ctx: Context) -> Reading | None:
    for reader in _READERS:
        found = reader(s, ctx)
        if found is not None:
            return found
    return None


# --- readers -------------------------------------------------------------------

def _vague(s: str, ctx: Context) -> Reading | None:
    if s in VAGUE:
        return ("date", VAGUE[s], None, False)
    return None


def _deictic(s: str, ctx: Context) -> Reading | None:
    """today, yesterday, tomorrow, tonight, last night, this morning, yesterday afternoon."""
    m = _DAY_WORD_PART.fullmatch(s)
    if not m or (m[1] in ("this", "last") and not m[2]) or (m[1] == "last" and m[2] != "night"):
        return None
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(m[1], 0)
    offset = -2 if "before" in m[1] else 2 if "after" in m[1] else offset
    part = PARTS["night"] if m[1] == "tonight" else PARTS.get(m[2] or "")
    base = ctx.anchor if m[1] not in ("this",) else (ctx.day or ctx.anchor)
    if base is None:
        return ("time" if part else "date", None, None, False)
    d = (base + timedelta(days=offset)).isoformat()
    return ("time", f"{d}T{part}", None, True) if part else ("date", d, None, True)


def _the_day(s: str, ctx: Context) -> Reading | None:
    """"the day", "the same day", "that day": in news, the day reported on; "the next day",
    "the day before": the day after or before it."""
    m = re.fullmatch(r"(?:the|that)\s+(?:same\s+)?day|the\s+(?:(next|following)|previous|preceding)\s+day"
                     r"|the\s+day\s+(?:(after)|before)", s)
    if not m:
        return None
    if ctx.day is None:
        return ("date", None, None, False)
    same = re.fullmatch(r"(?:the|that)\s+(?:same\s+)?day", s)
    step = 0 if same else 1 if (m[1] or m[2]) else -1
    return ("date", (ctx.day + timedelta(days=step)).isoformat(), None, True)


def _report_period(s: str, ctx: Context) -> Reading | None:
    """"the quarter", "the latest period": the quarter of the report (`context` takes the one the
    article named); "the year-earlier period", "year-ago": the year before (`context` narrows it to
    the period compared)."""
    m = re.fullmatch(r"(?:the|that)\s+(?:same\s+|fiscal\s+)?quarter|the\s+latest\s+period", s)
    if m:       # reported once it is over: the quarter before publication's
        return ("date", shift(ctx.anchor, -1, "Q") if ctx.anchor else None, None, ctx.anchor is not None)
    m = re.fullmatch(r"(?:the\s+)?((?:19|20)\d\d)\s+(?:period|quarter)", s)
    if m:       # "the 1988 period": that year (`context` narrows it to the quarter compared)
        return ("date", m[1], None, False)
    if re.fullmatch(r"(?:the\s+)?(?:comparable\s+)?year[- ](?:earlier|ago)(?:\s+(?:period|quarter))?", s):
        return ("date", shift(ctx.anchor, -1, "Y") if ctx.anchor else None, None, ctx.anchor is not None)
    return None


def _the_unit(s: str, ctx: Context) -> Reading | None:
    """"this calendar year", "(earlier in) the year" (cleaned to "this year"): the unit of the report."""
    m = re.fullmatch(r"this\s+(?:calendar\s+)?(year|month|week)", s)
    if not m:
        return None
    if ctx.anchor is None:
        return ("date", None, None, False)
    if m[1] == "week" and ctx.future and ctx.anchor.weekday() >= SATURDAY:
        # written on a weekend, "this week" of what is still to come is the week ahead
        return ("date", shift(ctx.anchor, 1, "W"), None, True)
    return ("date", shift(ctx.anchor, 0, {"year": "Y", "month": "M", "week": "W"}[m[1]]), None, True)


# date.weekday() of Saturday
SATURDAY = 5


def _part_of_day(s: str, ctx: Context) -> Reading | None:
    """"the morning", "early in the morning", "afternoon": the day of the sentence."""
    m = _PART_ALONE.fullmatch(s)
    if not m:
        return None
    if ctx.day is None:
        return ("time", None, None, False)
    return ("time", f"{ctx.day.isoformat()}T{PARTS[m[1]]}", None, True)


def _duration(s: str, ctx: Context) -> Reading | None:
    """"three months", "the 18 months", "the last three decades", "a few years", "six-year", "weeks"."""
    part = D.read_fraction(s) or D.read_compound(s)
    if part:
        return part
    m = _UNIT_SPAN.fullmatch(s)
    if not m or (m[1] in ("a", "an") and m[3] == "second"):     # "a second" is an ordinal far more often
        return None
    amount, business, unit = m[1], m[2], m[3]
    plural = unit.endswith("s") or unit.endswith("ia") or unit == "centuries"
    if amount is None and m[4] and not plural:
        amount = "one"      # "an hourlong meeting", "a day-long strike"
    if amount is None:
        if not plural and not s.startswith(("the last", "the past", "the next", "the coming")):
            return None     # "the week", "a month" alone are read elsewhere or not at all
        n = None if plural else 1
    else:
        n = number_value(amount)
    if unit.startswith("decade") and n == 1:
        return ("duration", "P10Y", None, False)
    if business and unit.startswith("day"):        # "4 business days": TIMEX3's P4BD
        return ("duration", duration(n, unit)[:-1] + "BD", None, False)
    return ("duration", duration(n, unit), None, False)


def _set(s: str, ctx: Context) -> Reading | None:
    """"each month", "every day", "per hour", "daily", "twice a year", "every Monday"."""
    if s in SET_ADVERBS:
        return ("set", SET_ADVERBS[s], None, False)
    m = _WEEKDAYS_PLURAL.fullmatch(s)
    if m:           # "Mondays", "Tuesday afternoons", "Thursdays at 17.30": that day of every week
        return _weekly(weekday_number(m[1] or m[3]), m[2] or m[4], m[5])
    m = _EVERY.fullmatch(s)
    if not m or (s.startswith(("a ", "an ")) and not re.match(r"(once|twice|\w+ times|[\d,.]+ )", s)):
        return None
    unit = m[2]
    if re.fullmatch(WEEKDAY, unit):       # "every Monday (at 4pm)"
        return _weekly(weekday_number(unit), None, m[3])
    if m[3]:
        return None
    if unit == "weekend":
        return ("set", "P1WE", None, False)
    if unit in PARTS:
        return ("set", "P1D", None, False)
    n = number_value(m[1]) if m[1] else (2 if "other" in s else 1)
    return ("set", duration(n, unit), None, False)


def _weekly(wd: int, part: str | None, clock: str | None) -> Reading | None:
    """That weekday of every week, with its part of day or clock time: XXXX-WXX-2TAF, XXXX-WXX-4T17:30."""
    day = f"XXXX-WXX-{wd + 1}"
    if clock is None:
        return ("set", day + (f"T{PARTS[part]}" if part else ""), None, False)
    found = _clock(f"at {clock}", Context(anchor=None))
    if found and found[1]:
        return ("set", day + found[1][found[1].index("T"):], None, False)
    h24 = re.fullmatch(r"(\d{1,2})[.:](\d\d)", clock)          # "at 17.30"
    if h24 and int(h24[1]) < 24 and int(h24[2]) < 60:
        return ("set", f"{day}T{int(h24[1]):02d}:{h24[2]}", None, False)
    return None


def _ago(s: str, ctx: Context) -> Reading | None:
    """"two weeks ago", "a year earlier", "three days from now", "20 years later"."""
    m = _AGO.fullmatch(s)
    if not m:
        return D.read_compound_ago(s, ctx)
    n, letter = number_value(m[1]), unit_code(m[2])
    if m[3] == "earlier" and n is not None and ctx.anchor is not None and letter[0] in ("Y", "Q"):
        # "(profit rose from) a year earlier": in news, the same period a year before the report
        return ("date", shift(ctx.anchor, -int(n * letter[2]), letter[0]), None, True)
    if n is None or ctx.anchor is None or letter[1] or m[3] in ("earlier", "before", "later", "after"):
        # vague amount, clock units, or counted from an event: `context` counts from the date
        # named before ("(in 2016) four years later")
        counted = n is not None and not letter[1] and m[3] in ("earlier", "before", "later", "after")
        return ("date", None, None, False) if m[3] in ("ago", "from now", "hence") or counted else None
    sign = -1 if m[3] == "ago" else 1
    n = int(n * letter[2])
    if m[3] != "ago" and letter[0] in ("D", "W", "M"):       # "three weeks from now": that day
        return ("date", move(ctx.anchor, sign * n, letter[0]).isoformat(), None, True)
    # back, each at its own unit's granularity: "three weeks ago" is a week (GUIDELINES), "two
    # months ago" a month (TimeBank), "five days ago" a day
    return ("date", shift(ctx.anchor, sign * n, letter[0]), None, True)


def _relative_unit(s: str, ctx: Context) -> Reading | None:
    """"last week", "this month", "next year", "the previous quarter", "earlier this week" (cleaned)."""
    m = re.fullmatch(r"(?:the\s+)?(this|last|next|past|previous|coming|following|current|same|latest|"
                     r"this past|this coming)\s+(week|month|year|quarter|decade|century|fortnight|weekend)", s)
    if not m:
        return None
    rel, unit = m[1], m[2]
    if unit == "weekend":
        return _weekend(rel, ctx)
    letter = unit_code(unit)[0]
    # "the past year" is a span of time; "the last quarter" a reporting period, the one before this
    # ("the past decade" is the decade before: TimeBank and MEANTIME both give it as 200, not P10Y;
    # "this past year" is "the past year", the dev gold's P1Y)
    if (s.startswith("the ") and rel in ("past", "last", "next", "coming")
            and not (unit in ("quarter", "decade") and rel in ("past", "last"))) or s == "this past year":
        return ("duration", duration(1, unit) if unit != "decade" else "P10Y", None, False)
    if rel == "same":
        return None
    if ctx.anchor is None:
        return ("date", None, None, False)
    n = {"last": -1, "past": -1, "previous": -1, "this past": -1, "latest": -1, "next": 1, "coming": 1,
         "following": 1, "this coming": 1}.get(rel, 0)
    if unit == "fortnight":
        return ("date", shift(ctx.anchor, 2 * n, "W"), None, True)
    return ("date", shift(ctx.anchor, n, letter), None, True)


def _weekend(rel: str | None, ctx: Context) -> Reading:
    if ctx.anchor is None:
        return ("date", None, None, False)
    on_weekend = ctx.anchor.weekday() >= 5
    if rel in ("last", "past", "previous", "this past"):
        n = -1
    elif rel in ("next", "coming", "following", "this coming"):
        n = 0 if not on_weekend and rel != "next" else 1
    elif on_weekend or ctx.future or rel == "this":
        n = 0
    else:
        n = -1
    return ("date", week(ctx.anchor + timedelta(weeks=n)) + "-WE", None, True)


def _weekend_bare(s: str, ctx: Context) -> Reading | None:
    if re.fullmatch(r"(?:the\s+)?weekend", s):
        return _weekend(None, ctx)
    return None


def _weekday_reader(s: str, ctx: Context) -> Reading | None:
    """"Monday", "last Friday", "next Tuesday", "Monday afternoon", "Wednesday night"."""
    m = _WEEKDAY_REL.fullmatch(s)
    if not m:
        return _weekday_of_week(s, ctx)
    rel, wd, part = m[1], weekday_number(m[2]), m[3]
    typ = "time" if part else "date"
    if ctx.anchor is None:
        return (typ, f"XXXX-WXX-{wd + 1}" + (f"T{PARTS[part]}" if part else ""), None, False)
    a = ctx.anchor
    monday = a - timedelta(days=a.weekday())
    if rel in ("last", "previous"):
        d = monday - timedelta(days=7 - wd)
    elif rel in ("past", "this past"):           # the latest such day before today
        d = a - timedelta(days=(a.weekday() - wd - 1) % 7 + 1)
    elif rel in ("next", "coming"):
        d = monday + timedelta(days=7 + wd)
    elif rel in ("following", "this coming"):    # the first such day after today
        d = a + timedelta(days=(wd - a.weekday() - 1) % 7 + 1)
    elif rel == "this":
        d = monday + timedelta(days=wd)
    elif ctx.future or ctx.present:     # "they meet Monday": the coming one
        d = a + timedelta(days=(wd - a.weekday()) % 7)
    else:
        d = a - timedelta(days=(a.weekday() - wd) % 7)
    return (typ, d.isoformat() + (f"T{PARTS[part]}" if part else ""), None, True)


def _weekday_of_week(s: str, ctx: Context) -> Reading | None:
    """"Monday next week", "next week on Tuesday", "this week Monday", "Monday of the following week"."""
    m = _WEEKDAY_OF_WEEK.fullmatch(s)
    if not m:
        return None
    wd, which = weekday_number(m[1] or m[5]), (m[3] or m[4]).replace("the ", "")
    part = m[2] or m[6]
    if ctx.anchor is None:
        return ("time" if part else "date", None, None, False)
    step = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(which, 0)
    monday = ctx.anchor - timedelta(days=ctx.anchor.weekday()) + timedelta(weeks=step)
    day = (monday + timedelta(days=wd)).isoformat()
    return ("time", f"{day}T{PARTS[part]}", None, True) if part else ("date", day, None, True)


def _weekday_and_date(s: str, ctx: Context) -> Reading | None:
    """"Friday 5/12", "this Friday (Jun-15)", "tomorrow, 13/04/21": the explicit date decides;
    "Sunday 31", "Monday the 27th": the nearest month whose such day is that weekday."""
    m = _DAY_WITH_DATE.fullmatch(s)
    if not m:
        return None
    day = re.fullmatch(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?", m[2])
    if day and re.match(WEEKDAY, m[1]):
        return C.weekday_of_month(weekday_number(m[1]), int(day[1]), ctx)
    found = read(m[2], ctx)
    if found and found[1] and re.fullmatch(r"(\d{4}|XXXX)-\d\d-\d\d", found[1]):
        return found
    return None


def _from_day(s: str, ctx: Context) -> Reading | None:
    """"three weeks from tomorrow", "2 days before yesterday", "3 days after January 12th",
    "two weeks before Christmas": that many units from the day named."""
    m = _UNITS_FROM.fullmatch(s)
    if not m:
        return None
    n, (letter, is_time, mult) = number_value(m[1]), unit_code(m[2])
    if n is None or is_time or letter not in ("D", "W", "M", "Y"):
        return None
    if m[4] in ("today", "tomorrow", "tmrw", "yesterday", "now"):
        if ctx.anchor is None:
            return ("date", None, None, False)
        base, relative = ctx.anchor + timedelta(days={"tomorrow": 1, "tmrw": 1, "yesterday": -1}.get(m[4], 0)), True
    else:
        found = read(m[4], ctx)
        if not found or found[0] != "date" or not re.fullmatch(r"\d{4}-\d\d-\d\d", found[1] or ""):
            return None
        base, relative = date.fromisoformat(found[1]), found[3]
    sign = -1 if m[3] == "before" else 1
    return ("date", move(base, sign * int(n * mult), letter).isoformat(), None, relative)


def _clock(s: str, ctx: Context) -> Reading | None:
    """"4:53 am", "1 p.m.", "14:58 utc", "noon", also after a day: "tomorrow 8:00am", "friday at 5"."""
    return K.read_clock(s, ctx, read)


def _week_of_day(s: str, ctx: Context) -> Reading | None:
    return W.read_week_of_day(s, ctx, read)


def _date_part(s: str, ctx: Context) -> Reading | None:
    """A date followed by a part of day: "April 25 morning", "the morning of May 1"."""
    m = _DATE_PART.fullmatch(s)
    if not m:
        return None
    left, part = (m[1], m[2]) if m[1] else (m[4], m[3])
    found = read(left, ctx)
    if not found or not found[1] or not re.fullmatch(r"(\d{4}|XXXX)-\d\d-\d\d", found[1]):
        return None
    return ("time", f"{found[1]}T{PARTS[part]}", None, found[3])


# Order matters: the first reader that matches wins (vague words before durations, durations
# before calendar dates, clock times last since they take a date reading for their day).
_READERS = [_vague, _deictic, _the_day, _report_period, _the_unit, C.read_holiday, _part_of_day, C.read_decade, _set, _ago,
            _from_day, _relative_unit, _weekend_bare, W.read_week_of, W.read_nth_of_period, _duration,
            C.read_day_of_month, W.read_quarter, _weekday_reader, C.read_season, C.read_calendar, _weekday_and_date,
            _clock, _date_part, _week_of_day]
