"""TIMEX3 values for temporal expressions, resolved against an anchor date.

`normalize(text, anchor=..., tense=...)` reads one expression (already cut out
of the text by `dates.py`) and returns its `Timex`: type, value, range end and
whether the anchor was used. Spelled numbers of dates and times are first
written in digits (`timex_spelled`); common news shapes are then read by the
regular-expression readers of `timex_rules` (time ranges by `timex_clock`); what
they cannot read falls back to dateparser, which is slow (~ms a call), so its
results are cached.

Conventions (TimeML / TIMEX3): `2019-04-25`, `2019-05`, `2019`, `2019-W17`,
`2019-W17-WE`, `2018-SU`, `2009-Q1`, `2019-H2`, `198` (a decade), `2024-02-26TAF`,
`2019-05-01T04:53:31`, a time range `2016-11-07T15:00` to `2016-11-07T17:00`,
durations `P3M` / `PT2H` / `PT1H30M` / `PXY`, sets `P1M` / `XXXX-WXX-2TAF`, and
`PAST_REF` / `PRESENT_REF` / `FUTURE_REF`. Without an anchor nothing is
invented: a year the text does not give is `XXXX`, a purely relative
expression has value None.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime

from . import values as L
from .clock import read_time_range
from .calendar import is_compact
from .periods import read_quarter
from .rules import read, worth_dateparser
from .spelled import digits


@dataclass(frozen=True)
class Timex:
    type: str                   # date, time, duration, set, range
    value: str | None
    end_value: str | None = None
    relative: bool = False      # resolved against the anchor date


def parse_anchor(published: str | None) -> date | None:
    """The calendar date of an ISO 8601 date or date-time, as written (no timezone shift)."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip()).date()
    except ValueError:
        return None


@functools.lru_cache(maxsize=8192)     # joining and cutting spans read the same pieces again and again
def normalize(text: str, *, anchor: date | None, tense: str | None = None,
              day: date | None = None) -> Timex | None:
    """The TIMEX3 reading of one temporal expression, or None when it is not one.

    Args:
        text: the expression as it stands in the article.
        anchor: the publication date, for relative expressions.
        tense: "past", "present", "future" or "generic" (a modal of advice: a holiday of any
            year) when the clause says so. Without it a bare
            weekday or month is read as past (news reports what happened) and a
            month with its day as the nearest such day.
        day: the day a bare time or part of day belongs to (a date mentioned
            just before in the sentence); the anchor when None.
    """
    s = digits(L.clean(text))
    if not s:
        return None
    ctx = L.Context(anchor=anchor, future=tense in ("future", "generic"), day=day or anchor, past=(tense == "past"),
                    generic=(tense == "generic"), present=(tense == "present"))
    times = read_time_range(s, ctx, read)
    if times is not None:
        return Timex(*times)
    rng = _range(s, ctx)
    if rng is not None:
        return rng
    found = read(s, ctx)
    if found is not None:
        return Timex(*found)
    if anchor is None or not worth_dateparser(s):
        return None
    return _dateparser(s, anchor)


_WORD_RANGE = re.compile(r"(?:from\s+)?(?P<a>.+?)\s+(?:to|through|thru|until|till)\s+(?P<b>.+)"
                         r"|between\s+(?P<a2>.+?)\s+and\s+(?P<b2>.+)")
# The ends of a range, compiled once ("9th till 17th of April", "March 15-17")
_DAY_OF_MONTH = re.compile(rf"(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?({L.MONTH}(?:,?\s+\d{{4}})?)")
_MONTH_THEN_DAY = re.compile(rf"({L.MONTH})\s+(?:the\s+)?\d")


def _range(s: str, ctx: L.Context) -> Timex | None:
    """"Aug. 15 to Sept. 17", "from 2015 to 2019", "March 15-17", "2010-11" as one range."""
    m = _WORD_RANGE.fullmatch(s) or L.RANGE.fullmatch(s)     # "2017-q1 to 2018-q1": at "to" first
    if not m or read_quarter(s, ctx) or is_compact(s):     # "2017-q1", "2019-aug-1" are one date
        return None
    left, right = (m["a"] or m["a2"]).strip(), (m["b"] or m["b2"]).strip()
    # the end may lack the month ("March 15-17") or the start the year ("Aug. 15 to Sept. 17, 2019")
    # or its month ("9th till 17th of April")
    month_end = _DAY_OF_MONTH.fullmatch(right)
    if month_end and re.fullmatch(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?", left):
        left = f"{left} of {month_end[1]}"
    if re.fullmatch(r"(?:the\s+)?\d{1,2}(st|nd|rd|th)?", right):
        mm = _MONTH_THEN_DAY.match(left)
        if mm:
            right = f"{mm[1]} {right}"
        elif re.fullmatch(r"\d{4}", left) and len(right) == 2:
            right = left[:2] + right          # "2010-11"; "2015-12" is a month, not a range back
            if right <= left:
                return None
    ampm = re.search(r"\d\s*([ap]\.?\s?m\.?)$", right)
    if ampm and re.fullmatch(r"\d{1,2}(?::\d\d)?", left):
        left = f"{left} {ampm[1]}"            # "3 to 8 pm": both ends in the afternoon
    y = re.search(r"\b(\d{4})$", right)
    if y and not re.search(r"\b\d{4}\b", left) and re.search(L.MONTH, left):
        left = f"{left}, {y[1]}"
    elif y and re.fullmatch(r"\d{1,2}/\d{1,2}", left) and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", right):
        left = f"{left}/{y[1]}"                # "5/1-5/7/2020"
    a, b = read(L.clean(left), ctx), read(L.clean(right), ctx)     # "from 2007 to the end of 2008"
    if not a or not b or a[0] not in ("date", "time") or b[0] not in ("date", "time") or not a[1] or not b[1]:
        return None
    if _clock(a[1]) != _clock(b[1]) and not (L.is_ref(a[1]) or L.is_ref(b[1])):
        return None         # "3pm - this week": a time and a date are no range
    ends = []
    for reading in (a, b):      # "between now and May 21": now is the publication day
        if L.is_ref(reading[1]):
            if reading[1] != "PRESENT_REF" or ctx.anchor is None:
                return None
            reading = (reading[0], ctx.anchor.isoformat(), None, True)
        ends.append(reading)
    (_, start, _, rel_a), (_, end, _, rel_b) = ends
    if rel_b and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", end) and re.match(r"\d{4}-\d\d", start) and end < start:
        # an end written without its year before the start is the first such day after it ("10/1
        # to 11/7" read as 2018-10-01 and 2017-11-07)
        end = f"{int(start[:4]) + (end[4:] < start[4:len(end)]):04d}{end[4:]}"
    return Timex("range", start, end, rel_a or rel_b)


def _clock(value: str) -> bool:
    return bool(re.search(r"T\d\d:\d\d", value))


# dateparser's period says how much of the date the text gave.
_PERIOD_FORMAT = {"year": "%Y", "month": "%Y-%m", "week": "%G-W%V", "day": "%Y-%m-%d"}


@functools.lru_cache(maxsize=4096)
def _dateparser(s: str, anchor: date) -> Timex | None:
    """dateparser's reading, for the shapes the rules above do not know."""
    try:
        data = _parser_for(anchor).get_date_data(s)
    except Exception:  # dateparser raises assorted errors on odd input: no reading then
        return None
    if data is None or data.date_obj is None:
        return None
    dt, period = data.date_obj, data.period or "day"
    years = re.findall(r"\b\d{4}\b", s)
    if (str(dt.year) not in years) if years else abs(dt.year - anchor.year) > 1:
        return None     # a year made of other digits ("12 December 27" -> 1927)
    if period == "time":
        if not re.search(r"\d:\d\d|\d\s*[ap]\.?m\b|noon|midnight", s):
            return Timex("date", dt.strftime("%Y-%m-%d"), None, True)
        return Timex("time", dt.strftime("%Y-%m-%dT%H:%M"), None, True)
    return Timex("date", dt.strftime(_PERIOD_FORMAT.get(period, "%Y-%m-%d")), None, True)


@functools.lru_cache(maxsize=256)
def _parser_for(anchor: date):
    from dateparser.date import DateDataParser  # slow import: only when a reading needs it

    base = datetime(anchor.year, anchor.month, anchor.day, 12, 0)
    return DateDataParser(languages=["en"], settings={
        "RETURN_TIME_AS_PERIOD": True, "PREFER_DATES_FROM": "past", "RELATIVE_BASE": base})


__all__ = ["Timex", "normalize", "parse_anchor"]
