"""Values that depend on what the article named before an expression.

Business and wire news compare a period with the one a year before ("sales in the third
quarter rose from a year earlier", "the same period last year", "the year-ago quarter"),
come back to the period of the report ("in the quarter"), count from a date they have just
given ("in 2016 ... four years later", "On May 22, 1995 ... the following year"), tell a story in a year ("That was in 2012 ... in
November") and echo a decade ("the 1920s ... 20s tickets"). `in_context` gives such an
expression the value it takes from the mentions found before it (every other reading passes
unchanged); `settle_years` gives a day read without its year the year the rest of the article
gives it ("the Jan. 6 insurrection three years ago").
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from . import values as L
from ..records import DateMention
from .normalize import Timex

# A comparison with the period a year before: "the same period last year", "a year earlier",
# "the year-ago quarter", "year-earlier (results)", "the comparable year-ago period".
_YEAR_BACK = re.compile(rf"{L.SAME_PERIOD}\b|(?:a|one) year (?:ago|earlier|before)$"
                        r"|(?:the\s+)?(?:comparable\s+)?year[- ](?:earlier|ago)(?:\s+(?:period|quarter))?$", re.I)
# "the same week a year ago": the unit it names, by its TIMEX3 letter.
_SAME_UNIT = re.compile(r"the same (week|month|quarter|day|date)\b", re.I)
_UNIT_LETTER = {"week": "W", "month": "M", "quarter": "Q", "day": "D", "date": "D"}
# "the 1988 period": the period compared (a quarter) in that year.
_YEAR_PERIOD = re.compile(r"(?:the\s+)?(\d{4})\s+(?:period|quarter)", re.I)
# The period the report is about: "the quarter", "that quarter", "the latest quarter".
# ("the current quarter" is the publication's, read without the article)
_THE_QUARTER = re.compile(r"(?:the|that|this)\s+(?:latest\s+|same\s+|fiscal\s+)?quarter"
                          r"|the\s+latest\s+period", re.I)
# "four years later", "three days after": counted from the date named before.
_COUNTED_ON = re.compile(rf"(?P<n>{L.NUMBER})\s+(?P<unit>{L.UNIT})\s+(?P<way>later|after|earlier|before)", re.I)
# "the following year", "the previous month": the year or month after or before the one in focus.
_FOLLOWING = re.compile(r"(?:the\s+)?(following|previous|preceding)\s+(year|month)", re.I)
_THAN = re.compile(r"\s+than\b", re.I)        # "three days later than planned" is a duration
# What stands before a decade in two digits that is no age: "the (late) 70s", "the 70s and 80s".
_DECADE_BEFORE = re.compile(r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?$|\d0['’]?s\s+(?:and|or|to)\s+$", re.I)
_DECADE_LOOKBACK = 20
# A month alone, as the text names it.
_MONTH_ALONE = re.compile(rf"{L.MONTH}", re.I)
# A decade in two digits: "the '20s", "20s".
_DECADE_SHORT = re.compile(r"(?:the\s+)?['’]?\d0\s?['’]?s", re.I)
# How far back (in characters) a count looks for the date it counts from: a paragraph of news.
SAME_PERIOD_REACH = 300
# How far back a comparison with a year before looks for the period compared: an earnings report
# names its quarter once at the top and compares with "a year earlier" paragraphs below (TimeBank's
# WSJ reports: 17 of 40 such comparisons lie more than 300 characters after the quarter).
YEAR_BACK_REACH = 2000
# A period finer than a year and its year: "2010-02", "2009-Q3", "2009-H1", "2009-W14", "2008-SU",
# "2009-11-02".
_YEAR_PART = re.compile(r"(\d{4})(-(?:\d\d(?:-\d\d)?|[QH]\d|W\d\d|SP|SU|FA|WI))")
_QUARTER = re.compile(r"\d{4}-Q\d")
# The shapes of a year, a month and a day (coarse to fine), and the finest a count of each unit
# needs: "(2016) four years later" is a year, "(May 3) two weeks later" a day.
_GRAIN = [re.compile(r"\d{4}"), re.compile(r"\d{4}-\d\d"), re.compile(r"\d{4}-\d\d-\d\d")]
_UNIT_GRAIN = {"Y": 0, "M": 1, "W": 2, "D": 2}


def in_context(text: str, start: int, end: int, tx: Timex, found: list[DateMention],
               anchor: date | None, looks_back: bool = False) -> Timex | None:
    """The reading of text[start:end] (in a clause that does not look ahead when `looks_back`) in
    the light of the mentions `found` before it; None when that shows it is no date."""
    piece = " ".join(text[start:end].split())
    if looks_back and tx.relative and _MONTH_ALONE.fullmatch(piece):
        return _month_in_year_told(text, tx, found, start)
    if _YEAR_BACK.search(piece):
        return _year_back(piece, tx, found, start, anchor)
    year_period = _YEAR_PERIOD.fullmatch(piece)
    if year_period and tx.value == year_period[1]:
        part = _period_before(found, start)
        return Timex("date", tx.value + part[2], None, False) if part and part[2].startswith("-Q") else tx
    if _THE_QUARTER.fullmatch(piece):
        named = next((m for m in reversed(_named(found)) if _QUARTER.fullmatch(m.value or "")), None)
        return Timex("date", named.value, None, True) if named else tx
    if _DECADE_SHORT.fullmatch(piece):
        return _decade_named(piece, tx, found, text[max(0, start - _DECADE_LOOKBACK):start])
    following = _FOLLOWING.fullmatch(piece)
    if following:
        return _next_in_focus(following, tx, found, start)
    counted = _COUNTED_ON.fullmatch(piece)
    if counted and tx.value is None and _THAN.match(text, end):
        n = L.number_value(counted["n"].lower())
        return Timex("duration", L.duration(n, counted["unit"].lower()))
    if counted and tx.value is None:
        return _counted_on(counted, tx, found, start, anchor)
    return tx


def _month_in_year_told(text: str, tx: Timex, found: list[DateMention], start: int) -> Timex:
    """"That was in 2012, when ... Obama went on to carry the state in November": a month alone in
    a clause that does not look ahead, right after a story told "in" a year (the mention just
    before, not "since 1990"), is that year's."""
    last = next(iter(reversed(found)), None)
    if last is None or start - last.end > SAME_PERIOD_REACH or not re.fullmatch(r"\d{4}", last.value or "") \
            or last.anchor is not None or not re.search(r"\bin\s+$", text[max(0, last.start - 4):last.start]):
        return tx
    return Timex("date", last.value + (tx.value or "")[4:], None, False) if tx.value else tx


def _decade_named(piece: str, tx: Timex, found: list[DateMention], before: str) -> Timex | None:
    """"the '20s", "20s" after "the 1920s": that decade; a bare "20s" is a decade after "the"
    ("the 70s and 80s") or once the decade was named in full, else an age ("in their 20s")."""
    named = next((m for m in reversed(found) if re.fullmatch(r"\d\d" + piece[-3], m.value or "")), None)
    if named:
        return Timex("date", named.value, None, False)
    if re.search(r"['’]|^the\b", piece, re.I) or _DECADE_BEFORE.search(before):
        return tx
    return None


def _period_before(found: list[DateMention], start: int) -> re.Match | None:
    """The period finer than a year that the article named last before `start` (a quarter
    before any other: earnings news names the quarter, then the day it ended), as a match of
    _YEAR_PART."""
    near = [m for m in _named(found) if start - m.end <= YEAR_BACK_REACH]
    parts = [part for m in near if (part := _YEAR_PART.fullmatch(m.value or ""))]
    quarters = [part for part in parts if part[2].startswith("-Q")]
    return (quarters or parts or [None])[-1]


def _named(found: list[DateMention]) -> list[DateMention]:
    """The mentions that name a period themselves, not by comparison with another."""
    return [m for m in found if not _YEAR_BACK.search(m.text)]


def _year_back(piece: str, tx: Timex, found: list[DateMention], start: int, anchor: date | None) -> Timex:
    """"(rose in February from) the same period last year": the period named just before, in the
    year that `tx` reads; "the same week a year ago" with no week named: the publication's week a
    year back; the bare year when no period was named or it was not the year after."""
    if tx.type != "date" or not re.fullmatch(r"\d{4}", tx.value or ""):
        return tx
    part = _period_before(found, start)
    if part:
        if int(part[1]) - 1 != int(tx.value):
            return tx
        return Timex("date", tx.value + part[2], None, True)
    unit = _SAME_UNIT.match(piece)
    if unit and anchor is not None and int(tx.value) == anchor.year - 1:
        # the publication's week (by its number), month, quarter or day, a year back
        letter = _UNIT_LETTER[unit[1].lower()]
        now = L.shift(anchor, 0, letter)
        return Timex("date", f"{int(now[:4]) - 1}{now[4:]}" if letter == "W" else
                     L.shift(L.move(anchor, -1, "Y"), 0, letter), None, True)
    return tx


def _counted_on(counted: re.Match, tx: Timex, found: list[DateMention], start: int, anchor: date | None) -> Timex:
    """"(in 2016 ...) four years later": the date named just before moved by that much, written
    at the unit's granularity; unchanged when that date is coarser than the unit ("in March ...
    two days later"); counted from publication when no date was named in the paragraph before."""
    n = L.number_value(counted["n"].lower())
    letter, is_time, mult = L.unit_code(counted["unit"].lower())
    if n is None or is_time or letter not in _UNIT_GRAIN or not float(n).is_integer():
        return tx
    sign = -1 if counted["way"].lower() in ("earlier", "before") else 1
    for m in reversed(found):
        if start - m.end > SAME_PERIOD_REACH:
            break
        grain = next((g for g, shape in enumerate(_GRAIN) if shape.fullmatch(m.value or "")), None)
        if grain is None:
            continue
        if grain < _UNIT_GRAIN[letter]:
            return tx
        return _moved(date.fromisoformat((m.value + "-01-01")[:10]), sign * int(n) * mult, letter,
                      m.anchor == "published")
    return _moved(anchor, sign * int(n) * mult, letter, True) if anchor else tx


def _next_in_focus(following: re.Match, tx: Timex, found: list[DateMention], start: int) -> Timex:
    """"(On May 22, 1995, ...) the following year": the year (or month) after the one the
    paragraph dated last; unchanged (from publication) when it dated none."""
    letter = "Y" if following[2].lower() == "year" else "M"
    sign = 1 if following[1].lower() == "following" else -1
    for m in reversed(found):
        if start - m.end > SAME_PERIOD_REACH:
            break
        grain = next((g for g, shape in enumerate(_GRAIN) if shape.fullmatch(m.value or "")), None)
        if grain is None or grain < _UNIT_GRAIN[letter]:
            continue
        return _moved(date.fromisoformat((m.value + "-01-01")[:10]), sign, letter, False)
    return tx


def _moved(day: date, n: int, letter: str, relative: bool) -> Timex:
    moved = L.move(day, n, letter)
    return Timex("date", (f"{moved.year}", moved.strftime("%Y-%m"), moved.isoformat())[_UNIT_GRAIN[letter]],
                 None, relative)


# A day of a month read without its year, and a count of years back.
_MONTH_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_YEARS_BACK = re.compile(r"\byears?\s+(?:ago|earlier|before)$", re.I)
_MONTH_NAMED = re.compile(rf"\b{L.MONTH}(?![a-z])", re.I)
# How far (in characters) after a day "N years ago" may stand and still date it ("the Jan. 6
# insurrection three years ago"): a noun phrase, not the next clause.
COUNT_AFTER_REACH = 30


def settle_years(text: str, found: list[DateMention]) -> list[DateMention]:
    """Days of a month read without their year, settled by the rest of the article: "the Jan. 6
    insurrection three years ago" takes the year of the count after it, and a day named again
    ("the Jan. 6 insurrection") takes the year it had the first time."""
    out = list(found)
    for i, (m, nxt) in enumerate(zip(out, out[1:])):
        between = text[m.end:nxt.start]
        if _relative_day(m) and len(between) <= COUNT_AFTER_REACH and not re.search(r"[.;!?]", between) \
                and _YEARS_BACK.search(nxt.text) and re.fullmatch(r"\d{4}", nxt.value or ""):
            out[i] = replace(m, value=nxt.value + m.value[4:])
    first_year: dict[str, str] = {}
    for i, m in enumerate(out):
        if m.type != "date" or not _MONTH_DAY_VALUE.fullmatch(m.value or ""):
            continue
        day = m.value[4:]
        if day in first_year and _relative_day(found[i]):
            out[i] = replace(m, value=first_year[day] + day)
        first_year.setdefault(day, out[i].value[:4])
    return out


def _relative_day(m: DateMention) -> bool:
    """A day of a month, named by its month, whose year came from the publication date."""
    return m.type == "date" and m.anchor == "published" and bool(_MONTH_DAY_VALUE.fullmatch(m.value or "")) \
        and bool(_MONTH_NAMED.search(m.text)) and not re.search(r"\d{4}", m.text)
