"""Joining neighbouring spans that make one temporal expression, for `dates.find_dates`.

A range ("Aug. 15" + "to" + "Sept. 17"), a day and its part of day or clock time
("Monday" + "afternoon", "tomorrow" + "before 5pm"), a weekday and its date ("Friday" + "Oct. 13"), a week and its weekday ("next
week" + "on Tuesday"), a duration and its day ("3 days" + "after January 12th"),
the units of one duration ("1 hour" + "and 30 minutes"), a day and its year.
Each join is kept only when the joined text reads as one expression.
"""
from __future__ import annotations

import re
from datetime import date

from . import values as L
from .normalize import normalize

# Whether a piece of text reads as a date at all is tested against this stand-in anchor, so that
# relative expressions ("today", "now") count whether or not the article has a date.
ANY_DAY = date(2000, 1, 5)

# What may stand between a day and its clock time ("Friday at 4 p.m."), and between range ends.
_DAY_TIME_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:at|on|of|@|by|before|after|around|about|from|in|no later than"
                           r"|later than)\s+)?", re.I)
# Between a week and its weekday ("next week on Tuesday", "this week Monday", "previous week - Monday").
_WEEK_DAY_GAP = re.compile(r"\s*(?:[,-]\s*)?(?:on\s+)?", re.I)
_OFFSET_GAP = re.compile(r"\s+(?:after|before|from)\s+", re.I)
_UNITS_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?", re.I)
_YEAR_GAP = re.compile(r"\s*(?:(?:,|of|in)\s*)?", re.I)
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till)\s*|\s+and\s+", re.I)


def join(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` (sorted, not overlapping) with the neighbours that make one expression joined."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _joins(text, *out[-1], start, end):
            p_start = out[-1][0]
            between = re.search(r"\bbetween\s+$", text[max(0, p_start - 9):p_start], re.I)
            # "between X and Y" reads as a range only with its first word
            if between and re.fullmatch(r"\s+and\s+", text[out[-1][1]:start], re.I) \
                    and _is_range(text, p_start, out[-1][1], start, end, " and "):
                p_start -= len(between[0])
            out[-1] = (p_start, end)
        else:
            out.append((start, end))
    return out


def _joins(text: str, a0: int, a1: int, b0: int, b1: int) -> bool:
    """Whether the span [a0, a1) and the next one [b0, b1) make one expression."""
    a, b, both, gap = text[a0:a1], text[b0:b1], text[a0:b1], text[a1:b0]
    if re.fullmatch(r"\s*(?:in\s+)?", gap, re.I) and re.fullmatch(rf"(?:the\s+)?{L.PART}", b.lower()) \
            and _is_day(both):
        return True         # "Monday" + "afternoon", "Tuesday" + "in the morning"
    if _DAY_TIME_GAP.fullmatch(gap) and _is_weekly(a) and _is_clock(b) and _is_weekly(both):
        return True         # "each Monday" + "at 4pm": a set
    if _DAY_TIME_GAP.fullmatch(gap) and _is_day_time(a, b, both, gap):
        return True         # "tomorrow 8:00am", "Friday at 4 p.m.", "8.30pm today": one point
    if _WEEK_DAY_GAP.fullmatch(gap) and (_is_week_day(a, b, both) or not gap.strip() and _is_week_day(b, a, both)):
        return True         # "next week on Tuesday", "Wednesday evening next week": that day
    if _OFFSET_GAP.fullmatch(gap) and _is_offset(a, both):
        return True         # "3 days after January 12th": that day
    if _UNITS_GAP.fullmatch(gap) and (_is_compound(both) or _is_offset(a, both)):
        return True         # "1 hour and 30 minutes": one duration; "2 weeks and 2 days ago": a day
    if _RANGE_GAP.fullmatch(gap) and _is_range(text, a0, a1, b0, b1, gap):
        return True         # "Aug. 15 to Sept. 17"
    if re.fullmatch(r",? ?", gap) and re.fullmatch(rf"{L.WEEKDAY}", a.lower()) and _is_day(b) and _is_day(both):
        return True         # "Friday Oct. 13": the weekday of the day beside it
    return _YEAR_GAP.fullmatch(gap) is not None and _is_year(b) and _is_day(both, clock=True)   # "26 June in 2020"


def _is_clock(piece: str) -> bool:
    tx = normalize(piece, anchor=ANY_DAY)
    return tx is not None and tx.type in ("time", "range") and bool(re.search(r"T\d\d:\d\d", tx.value or ""))


def _is_day_time(a: str, b: str, both: str, gap: str) -> bool:
    """A day and a clock time (or time range) beside it that read as one. A time written before
    its day joins it only when nothing stands between ("3 p.m. Monday"); "1 p.m. on Sunday" stays
    two mentions, as the dev gold annotates it, and the time takes the day in `_days_after`."""
    # a bare range ("between 3 and 5") reads only with its day: it joins it across "on"
    time_first = (not gap.strip() and _is_clock(a)) or normalize(a, anchor=ANY_DAY) is None
    if not ((_is_day(a) and _is_clock(b)) or (time_first and _is_day(b))):
        return False
    tx = normalize(both, anchor=ANY_DAY)
    return tx is not None and tx.type in ("time", "range") and bool(re.search(r"\d{4}-\d\d-\d\dT\d", tx.value or ""))


def _is_weekly(piece: str) -> bool:
    tx = normalize(piece, anchor=ANY_DAY)
    return tx is not None and tx.type == "set" and (tx.value or "").startswith("XXXX-WXX-")


def _is_offset(amount: str, piece: str) -> bool:
    a, tx = normalize(amount, anchor=ANY_DAY), normalize(piece, anchor=ANY_DAY)
    return a is not None and bool(re.fullmatch(r"P[\d.]+[DWMY]", a.value or "")) and tx is not None \
        and tx.type == "date" and tx.value is not None


def _is_compound(piece: str) -> bool:
    tx = normalize(piece, anchor=ANY_DAY)
    return tx is not None and tx.type == "duration" and bool(re.fullmatch(r"P(?:\d+[YMWD])*(?:T(?:\d+[HMS])+)?",
                                                                          tx.value or ""))


def _is_week_day(week: str, day: str, both: str) -> bool:
    w = normalize(week, anchor=ANY_DAY)
    return w is not None and bool(re.fullmatch(r"\d{4}-W\d\d", w.value or "")) and _is_day(day, clock=True) \
        and _is_day(both, clock=True)


def _is_year(piece: str) -> bool:
    """"2020", "nineteen seventy two": a year, that a day before it takes."""
    tx = normalize(piece, anchor=ANY_DAY)
    return tx is not None and bool(re.fullmatch(r"\d{4}", tx.value or ""))


def _is_day(piece: str, *, clock: bool = False) -> bool:
    """Whether `piece` reads as a day (or part of one); with `clock`, also as a date-time."""
    tx = normalize(piece, anchor=ANY_DAY)
    time = r"|T\d\d:\d\d(?::\d\d)?" if clock else ""
    return tx is not None and bool(re.fullmatch(rf"\d{{4}}-\d\d-\d\d(?:T(?:MO|AF|EV|NI){time})?", tx.value or ""))


def _is_range(text: str, a0: int, a1: int, b0: int, b1: int, gap: str) -> bool:
    piece = text[a0:b1]
    if "and" in gap.lower() and not re.match(r"between\s", piece, re.I):
        if not re.search(r"\bbetween\s+$", text[max(0, a0 - 9):a0], re.I):
            return False        # "2020 and 2021" is two years, "between 2020 and 2021" one range
        piece = "between " + piece
    tx = normalize(piece, anchor=ANY_DAY)
    return tx is not None and tx.type == "range"
