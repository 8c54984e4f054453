"""TIMEX3 values for temporal expressions, resolved against an anchor date.

`normalize(text, anchor=..., tense=...)` reads one expression (already cut out
of the text by `dates.py`) and returns its `Timex`: type, value, range end and
whether the anchor was used. Common news shapes are read by the regular-
expression readers of `timex_rules`; what they cannot read falls back to dateparser, which
is slow (~ms a call), so its results are cached.

Conventions (TimeML / TIMEX3): `2019-04-25`, `2019-05`, `2019`, `2019-W17`,
`2019-W17-WE`, `2018-SU`, `2009-Q1`, `198` (a decade), `2024-02-26TAF`,
`2019-05-01T04:53`, durations `P3M` / `PT2H` / `PXY`, sets `P1M`, and
`PAST_REF` / `PRESENT_REF` / `FUTURE_REF`. Without an anchor nothing is
invented: a year the text does not give is `XXXX`, a purely relative
expression has value None.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime

from . import timex_lexicon as L
from .timex_rules import read, worth_dateparser


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
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def normalize(text: str, *, anchor: date | None, tense: str | None = None,
              day: date | None = None) -> Timex | None:
    """The TIMEX3 reading of one temporal expression, or None when it is not one.

    Args:
        text: the expression as it stands in the article.
        anchor: the publication date, for relative expressions.
        tense: "past" or "future" when the clause says so. Without it a bare
            weekday or month is read as past (news reports what happened) and a
            month with its day as the nearest such day.
        day: the day a bare time or part of day belongs to (a date mentioned
            just before in the sentence); the anchor when None.
    """
    s = L.clean(text)
    if not s:
        return None
    ctx = L.Context(anchor=anchor, future=(tense == "future"), day=day or anchor, past=(tense == "past"))
    rng = _range(s, ctx)
    if rng is not None:
        return rng
    found = read(s, ctx)
    if found is not None:
        return Timex(*found)
    if anchor is None or not worth_dateparser(s):
        return None
    return _dateparser(s, anchor)


def _range(s: str, ctx: L.Context) -> Timex | None:
    """"Aug. 15 to Sept. 17", "from 2015 to 2019", "March 15-17", "2010-11" as one range."""
    m = L.RANGE.fullmatch(s)
    if not m:
        return None
    left, right = (m["a"] or m["a2"]).strip(), (m["b"] or m["b2"]).strip()
    # the end may lack the month ("March 15-17") or the start the year ("Aug. 15 to Sept. 17, 2019")
    if re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", right):
        mm = re.match(rf"({L.MONTH})\s+\d", left)
        if mm:
            right = f"{mm[1]} {right}"
        elif re.fullmatch(r"\d{4}", left) and len(right) == 2:
            right = left[:2] + right          # "2010-11"
    ampm = re.search(r"\d\s*([ap]\.?\s?m\.?)$", right)
    if ampm and re.fullmatch(r"\d{1,2}(?::\d\d)?", left):
        left = f"{left} {ampm[1]}"            # "3 to 8 pm": both ends in the afternoon
    y = re.search(r"\b(\d{4})$", right)
    if y and not re.search(r"\b\d{4}\b", left) and re.search(L.MONTH, left):
        left = f"{left}, {y[1]}"
    a, b = read(left, ctx), read(right, ctx)
    if not a or not b or a[0] not in ("date", "time") or b[0] not in ("date", "time") or not a[1] or not b[1]:
        return None
    ends = []
    for reading in (a, b):      # "between now and May 21": now is the publication day
        if L.is_ref(reading[1]):
            if reading[1] != "PRESENT_REF" or ctx.anchor is None:
                return None
            reading = (reading[0], ctx.anchor.isoformat(), None, True)
        ends.append(reading)
    (_, start, _, rel_a), (_, end, _, rel_b) = ends
    return Timex("range", start, end, rel_a or rel_b)


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
