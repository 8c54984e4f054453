"""Readers of parts of a period for `timex_rules`: quarters and halves, weeks counted in a year
or a month, and the nth month or day of a period.

"the third quarter", "2017 Q1", "2019-H2", "first week of 2015" (2015-W01), "last week of
2016" (2016-W52), "week 27 of last year", "the third month of 2021" (2021-03), "the 15th
day of next month". A week of a month is the ISO week of that month's nth Thursday, the
day ISO 8601 assigns a week to its month and year by.
"""
from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import TH, relativedelta

from .values import MONTH, Context, Reading, add_months, calendar_date, month_number, week

_ORD_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1}
_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|last|final)"
_YEAR = r"(?:\d{4}|(?:this|last|next)\s+year|(?:the\s+)?year)"
# The ISO week of 28 December is always its year's last.
_LAST_WEEK_DAY = (12, 28)
# Ordinals of a quarter or a half ("the final quarter" is the fourth).
_PART_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
# Compiled once: the readers run on every candidate expression.
_WEEK_OF_YEAR = re.compile(rf"(?:the\s+)?(?:({_ORD})\s+week|week\s+(\d{{1,2}}))\s+of\s+(?:the\s+year\s+)?({_YEAR})")
_WEEK_OF_MONTH = re.compile(
    rf"(?:the\s+)?({_ORD})\s+week\s+of\s+(?:({MONTH})(?:,?\s+(\d{{4}}))?|(this|last|next)\s+month)")
_MONTH_OF_YEAR = re.compile(rf"(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)\s+month\s+of\s+(?:the\s+year\s+)?({_YEAR})")
_DAY_OF_MONTH = re.compile(rf"(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)\s+(?:day\s+of\s+(?:({MONTH})(?:,?\s+(\d{{4}}))?"
                           r"|(this|last|next|the)\s+month)|(?:of\s+)?(this|last|next|the)\s+month)")


def _ordinal(word: str) -> int:
    return _ORD_WORDS.get(word) or int(re.match(r"\d+", word)[0])


def _year(expr: str | None, ctx: Context) -> int | None:
    """The year of "2015", "last year", "this year", "the year"; None when relative with no anchor."""
    if expr and expr[:1].isdigit():
        return int(expr)
    if ctx.anchor is None:
        return None
    return ctx.anchor.year + {"last": -1, "next": 1}.get((expr or "").split(" ")[0], 0)


# "the third quarter (of 2019)", "next year's first quarter", "the 1988 second quarter", "the year-ago
# third quarter", "fiscal second-quarter", "q3"
_NTH_PART = re.compile(
    r"(?:the\s+)?(?:(?:comparable|same)\s+)?(?:(?P<rel>this|last|next)\s+year's\s+|(?P<year>\d{4})\s+"
    r"|(?P<back>year-(?:ago|earlier)|year\s+(?:ago|earlier))\s+)?(?:fiscal[\s-]+)?"
    r"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)"
    r"(?:\s+of\s+(?:the\s+)?(?:(?P<year_of>\d{4})|(?P<rel_of>this|last|next)\s+year|(?:fiscal\s+)?year))?"
    r"|q(?P<q>[1-4])")


def read_quarter(s: str, ctx: Context) -> Reading | None:
    """"the third quarter (of 2019)", "2017 Q1", "Q3 2019", "2019-H2", "Q1", "next year's first quarter"."""
    m = re.fullmatch(r"(\d{4})[\s-]?([qh])([1-4])|([qh])([1-4])(?:[\s-]|\s+of\s+)(\d{4})", s)
    if m:
        letter, n, y = (m[2], m[3], m[1]) if m[1] else (m[4], m[5], m[6])
        return ("date", f"{y}-{letter.upper()}{n}", None, False) if letter == "q" or n in "12" else None
    m = _NTH_PART.fullmatch(s)
    if not m:
        return None
    idx = int(m["q"]) if m["q"] else _PART_ORD[m["ord"]]
    letter = "H" if m["unit"] == "half" else "Q"
    if letter == "H" and idx > 2:
        return None
    year = m["year"] or m["year_of"]
    if year:
        return ("date", f"{year}-{letter}{idx}", None, False)
    if ctx.anchor is None:
        return ("date", None, None, False)
    rel = m["rel"] or m["rel_of"] or ("last" if m["back"] else None)
    y = ctx.anchor.year + {"last": -1, "next": 1}.get(rel or "", 0)
    if not rel and letter == "Q" and not ctx.future and idx > (ctx.anchor.month - 1) // 3 + 1:
        # a later quarter is last year's in a past clause; with the tense unknown the nearer of
        # last year's and this year's ("the fourth quarter" in March: last year's; in August: this year's)
        months_ahead = 3 * idx - 2 - ctx.anchor.month
        months_since = ctx.anchor.month + 12 - 3 * idx
        if ctx.past or months_since <= months_ahead:
            y -= 1
    return ("date", f"{y}-{letter}{idx}", None, True)


def read_week_of(s: str, ctx: Context) -> Reading | None:
    """"first week of 2015", "the last week of 2016", "week 27 of last year", "3rd week of Jan"."""
    m = _WEEK_OF_YEAR.fullmatch(s)
    if m:
        y = _year(m[3], ctx)
        if y is None:
            return ("date", None, None, False)
        n = int(m[2]) if m[2] else _ordinal(m[1])
        if n == -1:
            return ("date", week(date(y, *_LAST_WEEK_DAY)), None, not m[3][:1].isdigit())
        return ("date", f"{y}-W{n:02d}", None, not m[3][:1].isdigit()) if 1 <= n <= 53 else None
    m = _WEEK_OF_MONTH.fullmatch(s)
    if not m:
        return None
    month = _month(m[2], m[3], m[4], ctx)
    if month is None or not re.fullmatch(r"\d{4}-\d\d", month[1] or ""):
        return month
    y, mo = map(int, month[1].split("-"))
    n = _ordinal(m[1])
    start = date(y, mo, 1) + relativedelta(day=31 if n == -1 else 1)
    thursday = start + relativedelta(weekday=TH(n))
    if thursday.month != mo:
        return None
    return ("date", week(thursday), None, month[3])


def read_week_of_day(s: str, ctx: Context, read) -> Reading | None:
    """"the week of April 10", "the week of the 18th": the ISO week of that day."""
    m = re.fullmatch(r"(?:the\s+)?week\s+of\s+(.+)", s)
    if not m:
        return None
    day = read(m[1], ctx)
    if day is None or day[0] != "date" or not re.fullmatch(r"\d{4}-\d\d-\d\d", day[1] or ""):
        return None
    return ("date", week(date.fromisoformat(day[1])), None, day[3])


def read_nth_of_period(s: str, ctx: Context) -> Reading | None:
    """"the third month of 2021", "the 9th month of next year", "the 15th day of next month"."""
    m = _MONTH_OF_YEAR.fullmatch(s)
    if m:
        y, n = _year(m[2], ctx), int(m[1])
        if not 1 <= n <= 12:
            return None
        return ("date", f"{y}-{n:02d}", None, not m[2][:1].isdigit()) if y else ("date", None, None, False)
    m = _DAY_OF_MONTH.fullmatch(s)
    if not m:
        return None
    month = _month(m[2], m[3], m[4] or m[5], ctx)
    if month is None or not re.fullmatch(r"\d{4}-\d\d", month[1] or ""):
        return month
    y, mo = map(int, month[1].split("-"))
    return ("date", f"{y}-{mo:02d}-{int(m[1]):02d}", None, month[3]) if _valid(y, mo, int(m[1])) else None


def _month(name: str | None, year: str | None, rel: str | None, ctx: Context) -> Reading | None:
    """The month of "jan 2015", "jan" or "this/last/next/the month"."""
    if name:
        return calendar_date(int(year) if year else None, month_number(name), None, ctx)
    if ctx.anchor is None:
        return ("date", None, None, False)
    first = add_months(ctx.anchor, {"last": -1, "next": 1}.get(rel, 0))
    return ("date", f"{first.year}-{first.month:02d}", None, True)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True
