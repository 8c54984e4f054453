"""Readers of calendar expressions for `timex_rules`: dates with a month name or in
digits, years, decades and centuries, quarters and halves, seasons, holidays, "the 18th".

Each takes a cleaned, lower-cased expression and a `Context` and returns a
`Reading` or None, like the readers in `timex_rules`.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..lexicon.calendar import FIXED_HOLIDAYS
from .values import (
    HOLIDAY, MONTH, SEASON_ORDER, SEASONS, WEEKDAY, Context, Reading, add_months, calendar_date, holiday,
    month_number, safe_date, week, weekday_number)

# Compiled once: the readers run on every candidate expression.
_HOLIDAY_WEEKEND = re.compile(r"(?:the\s+)?weekend\s+of\s+(.+)|(.+?)\s+weekend(?:,?\s+(\d{4}))?")
_HOLIDAY_NAMED = re.compile(rf"(?:(this|last|next|the following|following|the last|the next)\s+)?({HOLIDAY})"
                            r"(?:,?\s+(?:of\s+|in\s+)?(\d{4}))?")
_WD = rf"(?:(?P<wd>{WEEKDAY}),?\s+)?"
_MONTH_DAY = re.compile(rf"{_WD}(?:the\s+)?(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
                        r"(?:,?\s+(?P<y>\d{4}))?")
_DAY_MONTH = re.compile(rf"{_WD}(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH}),?"
                        r"(?:\s+(?P<y>\d{4}))?")
_MONTH_REL_YEAR = re.compile(rf"(?:the\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?({MONTH}),?\s+(?:of\s+)?"
                             r"(this|last|next)\s+year")
_MONTH_YEAR = re.compile(rf"({MONTH}),?\s+(?:of\s+)?(\d{{4}})|(\d{{4}})\s+({MONTH})")
# Fiscal years are written as plain years (GUIDELINES: "fiscal year 2024" = 2024).
_YEAR_ONLY = re.compile(r"(?:the\s+)?(?:(?:calendar|fiscal|financial)\s+)?(?:year\s+(?:of\s+)?)?(\d{4})|fy\s?(\d{4})")
_MONTH_SHORT_YEAR = re.compile(rf"(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?({MONTH}),?\s+(?:of\s+'?|')(\d\d)")
_REL_MONTH = re.compile(rf"(?:(this|last|next|past|previous|coming)\s+)?({MONTH})")
# Season of each month from March (Jan-Feb are the winter begun the year before).
_MONTH_SEASON = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA", 12: "WI"}


def read_holiday(s: str, ctx: Context) -> Reading | None:
    """"Christmas", "Easter 2018", "last Thanksgiving", "Labor Day"; "Labor Day weekend": the
    weekend of that day's week, or the one just before a Monday holiday."""
    weekend = _HOLIDAY_WEEKEND.fullmatch(s)
    if weekend:
        day = read_holiday(weekend[1] or (weekend[2] + (f" {weekend[3]}" if weekend[3] else "")), ctx)
        if not day or not day[1]:
            return day
        d = date.fromisoformat(day[1])
        return ("date", week(d - timedelta(days=1) if d.weekday() == 0 else d) + "-WE", None, day[3])
    m = _HOLIDAY_NAMED.fullmatch(s)
    if not m:
        return None
    name = m[2]
    if m[3]:
        day = holiday(name, int(m[3]))
        return day and ("date", day.isoformat(), None, False)
    rel = (m[1] or "").replace("the ", "")
    if ctx.anchor is None or (ctx.generic and not rel):
        # a holiday in general ("reach out at Christmas"): any year's, when its day is fixed
        fixed = FIXED_HOLIDAYS.get(name)
        return ("date", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else None, None, False)
    a = ctx.anchor
    this = holiday(name, a.year)
    if this is None:
        return None         # a name the holiday tables do not know is no date
    if rel == "last" or (not rel and not ctx.future and this > a):
        day = this if this < a else holiday(name, a.year - 1)
    elif rel in ("next", "following") or (not rel and ctx.future and this < a):
        day = this if this > a else holiday(name, a.year + 1)
    else:
        day = this
    return ("date", day.isoformat(), None, True)


_DECADE_WORDS = ["thir", "for", "fif", "six", "seven", "eigh", "nine"]


def read_decade(s: str, ctx: Context) -> Reading | None:
    m = re.fullmatch(r"(?:the\s+)?(?:(\d\d)(\d)0|'(\d)0|(\d)0)\s?'?s", s)
    if m:
        if m[1]:
            return ("date", m[1] + m[2], None, False)
        d = int(m[3] or m[4])
        if ctx.anchor is None:
            return ("date", ("19" if d >= 3 else "20") + str(d), None, False)
        # "the '90s": the latest such decade up to the publication's (in 1998: 199; in 2024 "the '30s": 193)
        century = ctx.anchor.year // 100
        return ("date", f"{century if century * 10 + d <= ctx.anchor.year // 10 else century - 1}{d}", None, False)
    m = re.fullmatch(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(thir|for|fif|six|seven|eigh|nine)ties"
                     r"|(two[\s-]thousands))", s)
    if m:       # "the nineties": the twentieth century's (TIMEX3 "199"); "the two-thousands": 200
        return ("date", "200" if m[2] else "19" + str(_DECADE_WORDS.index(m[1]) + 3), None, False)
    m = re.fullmatch(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century", s)
    if m:
        return ("date", f"{int(m[1]) - 1:02d}", None, False)
    return None


# Compact shapes rewritten to the long ones the readers know: "2019/aug/01", "23/sep/2020",
# "oct/2", "dec-2018", "dec31", "30.04.2022" (day first, as Europe writes it), "2016 10 16",
# "2021/03/03", "march 3, '21".
_COMPACT = [
    (re.compile(rf"(\d{{4}})[/-]({MONTH})[/-](\d{{1,2}})"), r"\2 \3, \1"),
    (re.compile(rf"(\d{{1,2}})[/-]({MONTH})[/-](\d{{4}})"), r"\1 \2 \3"),
    (re.compile(rf"({MONTH})[/-](\d{{4}}|\d{{1,2}})"), r"\1 \2"),
    (re.compile(rf"({MONTH})(\d{{1,2}})\b"), r"\1 \2"),
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), r"\3-\2-\1"),
    (re.compile(r"(\d{4}) (\d{1,2}) (\d{1,2})"), r"\1-\2-\3"),
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), r"\1-\2-\3"),                  # "2021/03/03"
    (re.compile(rf"({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+'(\d\d)"), r"\2 \1 '\3"),   # "march 3, '21"
]
# A two-digit year this far past the anchor's year is read in the century before ("03/18/40").
TWO_DIGIT_YEAR_AHEAD = 10


def _compact(s: str) -> str:
    for pattern, repl in _COMPACT:
        m = pattern.fullmatch(s)
        if m:
            return m.expand(repl)
    return s


def is_compact(s: str) -> bool:
    """Whether `s` is one date in a compact shape ("2019-aug-01"), not a range of two."""
    return _compact(s) != s


def _two_digit_year(yy: str, ctx: Context) -> int:
    if len(yy) == 4:
        return int(yy)
    now = ctx.anchor.year if ctx.anchor else 2000
    return 2000 + int(yy) if 2000 + int(yy) <= now + TWO_DIGIT_YEAR_AHEAD else 1900 + int(yy)


def read_calendar(s: str, ctx: Context) -> Reading | None:
    """Dates with a month name or in digits: full, month-day, month-year, year."""
    s = _compact(re.sub(r"\s+(?:of|in)\s+(\d{4})$", r" \1", s))    # "26 June in 2020", "June 26th of 2020"
    m = _MONTH_DAY.fullmatch(s) or _DAY_MONTH.fullmatch(s)
    if m:
        return calendar_date(int(m["y"]) if m["y"] else None, month_number(m["m"]), int(m["d"]), ctx,
                             weekday=weekday_number(m["wd"]) if m["wd"] else None)
    m = _MONTH_REL_YEAR.fullmatch(s)
    if m:       # "October of next year", "the 3rd of May last year"
        if ctx.anchor is None:
            return ("date", None, None, False)
        y = ctx.anchor.year + {"last": -1, "next": 1}.get(m[3], 0)
        found = calendar_date(y, month_number(m[2]), int(m[1]) if m[1] else None, ctx)
        return found and (found[0], found[1], None, True)
    m = _MONTH_YEAR.fullmatch(s)
    if m:
        return calendar_date(int(m[2] or m[3]), month_number(m[1] or m[4]), None, ctx)
    m = _YEAR_ONLY.fullmatch(s)
    if m and 1000 <= int(m[1] or m[2]) <= 2199:
        return ("date", m[1] or m[2], None, False)
    m = re.fullmatch(r"(\d{4})[-/](0?[1-9]|1[0-2])|(0?[1-9]|1[0-2])[-/](\d{4})", s)
    if m:       # "2015-12", "2015-3", "12-2015": a year and a month
        return calendar_date(int(m[1] or m[4]), int(m[2] or m[3]), None, ctx)
    m = _MONTH_SHORT_YEAR.fullmatch(s)
    if m:       # "April of 87", "15 April '87": a year in two digits
        return calendar_date(_two_digit_year(m[3], ctx), month_number(m[2]), int(m[1]) if m[1] else None, ctx)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?", s)
    if m:
        if m[1]:
            return calendar_date(int(m[1]), int(m[2]), int(m[3]), ctx)
        mo, d = int(m[4]), int(m[5])
        if mo > 12 and 1 <= d <= 12 and (m[6] or len(m[5]) == 2):
            mo, d = d, mo       # US month/day order unless only day/month can be ("22/04/2016", "22/04";
            #                     "24/7", round the clock, is no date)
        if not 1 <= mo <= 12 or not 1 <= d <= 31:
            return None     # anything else is no date ("24/7")
        return calendar_date(_two_digit_year(m[6], ctx) if m[6] else None, mo, d, ctx)
    m = _REL_MONTH.fullmatch(s)
    if not m:
        return None
    if m[1] is None:
        return calendar_date(None, month_number(m[2]), None, ctx)
    if ctx.anchor is None:
        return ("date", None, None, False)
    month, y = month_number(m[2]), ctx.anchor.year
    if m[1] in ("last", "past", "previous") and month >= ctx.anchor.month:
        y -= 1      # "last September": the latest one before this month
    elif m[1] in ("next", "coming") and month <= ctx.anchor.month:
        y += 1
    return ("date", f"{y}-{month:02d}", None, True)


def read_day_of_month(s: str, ctx: Context) -> Reading | None:
    """"(on) the 18th": that day of the publication month, or of the month before or after by tense."""
    m = re.fullmatch(r"the\s+(\d{1,2})(?:st|nd|rd|th)", s)
    if not m or not 1 <= int(m[1]) <= 31:
        return None
    d = int(m[1])
    if ctx.anchor is None:
        return ("date", f"XXXX-XX-{d:02d}", None, False)
    a = ctx.anchor
    step = -1 if (ctx.past and d > a.day) else 1 if (ctx.future and d < a.day) else 0
    first = add_months(a, step)
    return ("date", safe_date(first.year, first.month, d).isoformat(), None, True)


# How many months away from the anchor a weekday with a day of the month ("Sunday 31") is sought.
WEEKDAY_MONTH_REACH = 12


def weekday_of_month(wd: int, d: int, ctx: Context) -> Reading | None:
    """"Sunday 31": that day of the anchor's month, else of the nearest month, back in the past
    (forward when the tense looks ahead), where it falls on that weekday."""
    if not 1 <= d <= 31:
        return None
    if ctx.anchor is None:
        return ("date", f"XXXX-WXX-{wd + 1}", None, False)
    ahead = list(range(1, WEEKDAY_MONTH_REACH + 1))
    behind = [-k for k in ahead]
    for k in [0] + (ahead + behind if ctx.future else behind + ahead):
        first = add_months(ctx.anchor, k)
        try:
            day = date(first.year, first.month, d)
        except ValueError:
            continue
        if day.weekday() == wd:
            return ("date", day.isoformat(), None, True)
    return None


def read_season(s: str, ctx: Context) -> Reading | None:
    m = re.fullmatch(r"(?:(this past|this coming|this|last|next|past|coming)\s+)?(?:the\s+)?"
                     r"(spring|summer|fall|autumn|winter)(?:\s+season)?(?:,?\s+(?:of\s+)?(\d{4}))?"
                     r"|(\d{4})\s+(spring|summer|fall|autumn|winter)", s)
    if not m:
        return None
    code = SEASONS[m[2] or m[5]]
    year = m[3] or m[4]
    if year:
        return ("date", f"{year}-{code}", None, False)
    if ctx.anchor is None:
        return ("date", None, None, False)
    a = ctx.anchor
    # Jan-Feb belong to the winter that began the year before: order -1 puts it first.
    cur = -1 if a.month <= 2 else SEASON_ORDER[_MONTH_SEASON[a.month]]
    want, rel = SEASON_ORDER[code], m[1]
    if rel == "this":
        y = a.year
    elif rel in ("last", "past", "this past") or (rel is None and not ctx.future):
        y = a.year if (want < cur or (rel is None and want == cur)) else a.year - 1
    else:
        y = a.year if (want > cur or (rel is None and want == cur)) else a.year + 1
    return ("date", f"{y}-{code}", None, True)
