"""Readers of calendar expressions for `timex_rules`: dates with a month name or in
digits, years, decades and centuries, quarters and halves, seasons, holidays, "the 18th".

Each takes a cleaned, lower-cased expression and a `Context` and returns a
`Reading` or None, like the readers in `timex_rules`.
"""
from __future__ import annotations

import re

from .timex_lexicon import (
    HOLIDAY, MONTH, SEASON_ORDER, SEASONS, WEEKDAY, Context, Reading, add_months, calendar_date, holiday,
    month_number, safe_date)


def read_holiday(s: str, ctx: Context) -> Reading | None:
    """"Christmas", "Easter 2018", "last Thanksgiving", "Labor Day"."""
    m = re.fullmatch(rf"(?:(this|last|next|the following|following|the last|the next)\s+)?({HOLIDAY})"
                     rf"(?:,?\s+(?:of\s+|in\s+)?(\d{{4}}))?", s)
    if not m:
        return None
    name = m[2]
    if m[3]:
        return ("date", holiday(name, int(m[3])).isoformat(), None, False)
    if ctx.anchor is None:
        return ("date", None, None, False)
    a, rel = ctx.anchor, (m[1] or "").replace("the ", "")
    this = holiday(name, a.year)
    if rel == "last" or (not rel and not ctx.future and this > a):
        day = this if this < a else holiday(name, a.year - 1)
    elif rel in ("next", "following") or (not rel and ctx.future and this < a):
        day = this if this > a else holiday(name, a.year + 1)
    else:
        day = this
    return ("date", day.isoformat(), None, True)


def read_decade(s: str, ctx: Context) -> Reading | None:
    m = re.fullmatch(r"(?:the\s+)?(?:(\d\d)(\d)0|'(\d)0|(\d)0)\s?'?s", s)
    if m:
        if m[1]:
            return ("date", m[1] + m[2], None, False)
        d = int(m[3] or m[4])
        return ("date", ("19" if d >= 3 else "20") + str(d), None, False)
    m = re.fullmatch(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century", s)
    if m:
        return ("date", f"{int(m[1]) - 1:02d}", None, False)
    return None


def read_calendar(s: str, ctx: Context) -> Reading | None:
    """Dates with a month name or in digits: full, month-day, month-year, year."""
    s = re.sub(r"\s+(?:of|in)\s+(\d{4})$", r" \1", s)       # "26 June in 2020", "June 26th of 2020"
    wd = rf"(?:{WEEKDAY},?\s+)?"
    m = re.fullmatch(rf"{wd}(?:the\s+)?({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", s)
    if m:
        return calendar_date(int(m[3]) if m[3] else None, month_number(m[1]), int(m[2]), ctx)
    m = re.fullmatch(rf"{wd}(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH}),?(?:\s+(\d{{4}}))?", s)
    if m:
        return calendar_date(int(m[3]) if m[3] else None, month_number(m[2]), int(m[1]), ctx)
    m = re.fullmatch(rf"({MONTH}),?\s+(?:of\s+)?(\d{{4}})|(\d{{4}})\s+({MONTH})", s)
    if m:
        return calendar_date(int(m[2] or m[3]), month_number(m[1] or m[4]), None, ctx)
    m = re.fullmatch(rf"(?:the\s+)?(?:(calendar|fiscal|financial)\s+)?(?:year\s+(?:of\s+)?)?(\d{{4}})", s)
    if m and 1000 <= int(m[2]) <= 2199:
        return ("date", ("FY" if m[1] in ("fiscal", "financial") else "") + m[2], None, False)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})|(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?", s)
    if m:
        if m[1]:
            return calendar_date(int(m[1]), int(m[2]), int(m[3]), ctx)
        mo, d = int(m[4]), int(m[5])
        if mo > 12 and 1 <= d <= 12 and m[6]:
            mo, d = d, mo       # US month/day order unless only day/month can be ("22/04/2016")
        if not 1 <= mo <= 12 or not 1 <= d <= 31:
            return None     # anything else is no date ("24/7")
        y = None if not m[6] else int(m[6]) if len(m[6]) == 4 else 2000 + int(m[6])
        return calendar_date(y, mo, d, ctx)
    m = re.fullmatch(rf"(?:(this|last|next|past|previous|coming)\s+)?({MONTH})", s)
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


def read_quarter(s: str, ctx: Context) -> Reading | None:
    m = re.fullmatch(r"(?:the\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(quarter|half)"
                     r"(?:\s+of\s+(?:the\s+)?(?:(\d{4})|(this|last|next)\s+year|(?:fiscal\s+)?year))?"
                     r"|q([1-4])\s+(\d{4})|(\d{4})\s+q([1-4])", s)
    if not m:
        return None
    if m[5] or m[7]:
        return ("date", f"{m[6] or m[7]}-Q{m[5] or m[8]}", None, False)
    idx = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
           "final": 4}[m[1]]
    letter = "Q" if m[2] == "quarter" else "H"
    if letter == "H" and idx > 2:
        return None
    if m[3]:
        return ("date", f"{m[3]}-{letter}{idx}", None, False)
    if ctx.anchor is None:
        return ("date", None, None, False)
    y = ctx.anchor.year + {"last": -1, "next": 1}.get(m[4] or "", 0)
    if not m[4] and letter == "Q" and not ctx.future and idx > (ctx.anchor.month - 1) // 3 + 1:
        y -= 1
    return ("date", f"{y}-{letter}{idx}", None, True)


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
    cur = -1 if a.month <= 2 else SEASON_ORDER[{3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                                                9: "FA", 10: "FA", 11: "FA", 12: "WI"}[a.month]]
    want, rel = SEASON_ORDER[code], m[1]
    if rel == "this":
        y = a.year
    elif rel in ("last", "past", "this past") or (rel is None and not ctx.future):
        y = a.year if (want < cur or (rel is None and want == cur)) else a.year - 1
    else:
        y = a.year if (want > cur or (rel is None and want == cur)) else a.year + 1
    return ("date", f"{y}-{code}", None, True)
