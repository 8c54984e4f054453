"""Readers of clock times for `timex_rules`: a time alone or joined to its day, and time ranges.

"4:53 am", "14:58:31 utc", "tomorrow before 5pm", "Monday at 2.30", "October 14 at
8:00:31am", "tonight around 7"; ranges "between 3 and 5 pm Monday", "today from 7
to 7:30", "next Monday 6-8" give one `range` reading whose value is the start
date-time and whose end value is the end date-time. Spelled times ("five-thirty",
"ten past nine") reach these readers already in digits (`timex_spelled`).

Each reader takes `read`, the reader of the whole family, to read the day part.
"""
from __future__ import annotations

import re
from typing import Callable

from .values import CLOCK, Context, Reading, clean

Read = Callable[[str, Context], "Reading | None"]

# Words that tie a time to its day ("Friday at 5", "tomorrow before 5pm", "5/3/18 @ 17:49").
_LINK = (r"(?:at|on|@|by|before|after|around|about|circa|from|for|of|no later than|later than|or later"
         r"|or earlier|until|till|between)")
_EDGE_LINKS = re.compile(rf"^(?:[\s,(@-]|\b{_LINK}\b)+|(?:[\s,)@-]|\b{_LINK}\b)+$")
# A bare hour is a time only after one of these words and beside a day ("Sat at 5", "tonight around 7").
_BARE = re.compile(r"\b(?:at|around|about|circa|by)\s+(?P<h>\d{1,2})(?:[.:](?P<mi>\d\d))?$")
_UNKNOWN_DAY = "XXXX-XX-XX"
_PM_PARTS = ("AF", "EV", "NI")
# Before this hour "at night" and "tonight" mean the small hours ("tonight around 3").
NIGHT_SMALL_HOURS = 5
_TIME = r"\d{1,2}(?:[:.]\d\d)?(?:\s*[ap]m\b)?"
_TIME_RANGE = re.compile(
    rf"(?:\b(?:from|between)\s+)?(?<![\d:./-])(?P<a>{_TIME})\s*(?:-|–|~|\bto\b|\band\b|\buntil\b|\btill\b"
    rf"|\bthrough\b)\s*(?P<b>{_TIME})(?![\d:./])(?:\s*o'?clock)?(?:\s+(?:utc|gmt|[ecmp][sd]?t)\b)?")
_PART_TIME = re.compile(r"(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?(?:\s*(?P<ap>[ap])m)?")


def read_clock(s: str, ctx: Context, read: Read) -> Reading | None:
    """A clock time, alone (on the day of the sentence) or with its day in `s`."""
    m = CLOCK.search(s)
    hms = _hms(m) if m else None
    if m is None:
        m = _BARE.search(s)
        if m is None:
            return None
        hms = (int(m["h"]), int(m["mi"] or 0), 0, None)
        if not 1 <= hms[0] <= 12:
            return None
    if hms is None:
        return None
    rest = _EDGE_LINKS.sub("", s[:m.start()] + " " + s[m.end():])
    if not rest and m.re is _BARE:
        return None         # "at 5" with no day is no time
    day = _day_of(rest, ctx, read)
    if day is None:
        return None
    prefix, relative, part = day
    if prefix is None:      # "tomorrow 8 am" with no anchor: unresolved
        return ("time", None, None, False)
    h, mi, sec, ap = hms
    h = _by_part(h, ap, part)
    if h > 23 or mi > 59 or sec > 59:
        return None
    zone = "Z" if m.re is CLOCK and m["zone"] in ("utc", "gmt") else ""
    return ("time", f"{prefix}T{_hm(h, mi, sec)}{zone}", None, relative)


def read_time_range(s: str, ctx: Context, read: Read) -> Reading | None:
    """"3 to 8 pm", "between 10 and 11:30 on 1/1/2015", "Monday 12-4": start and end date-times."""
    m = _TIME_RANGE.search(s)
    if m is None:
        return None
    a, b = _PART_TIME.fullmatch(m["a"]), _PART_TIME.fullmatch(m["b"])
    rest = _EDGE_LINKS.sub("", s[:m.start()] + " " + s[m.end():])
    clock_like = any(x["mi"] or x["ap"] for x in (a, b)) or "clock" in m[0]
    if not rest and not clock_like:
        return None         # "between 3 and 5" alone is an amount
    hours = _range_hours(a, b)
    if hours is None:
        return None
    day = _day_of(rest, ctx, read)
    if day is None:
        return None
    prefix, relative, part = day
    if prefix is None:
        return ("range", None, None, False)
    (h1, m1, ap1), (h2, m2, ap2) = hours
    h1, h2 = _by_part(h1, ap1, part), _by_part(h2, ap2, part)
    if part is None and ap1 is None and ap2 is None and h2 < h1:
        h2 += 12            # "Monday 12-4", "Wednesday from 10-4": the end in the afternoon
    if h1 > 23 or h2 > 23:
        return None
    return ("range", f"{prefix}T{_hm(h1, m1)}", f"{prefix}T{_hm(h2, m2)}", relative)


def _range_hours(a: re.Match, b: re.Match):
    """Both ends as (hour, minute, am/pm), the am/pm of one end lent to the other."""
    h1, h2 = int(a["h"]), int(b["h"])
    m1, m2 = int(a["mi"] or 0), int(b["mi"] or 0)
    ap1, ap2 = a["ap"], b["ap"]
    if m1 > 59 or m2 > 59 or (ap1 and not 1 <= h1 <= 12) or (ap2 and not 1 <= h2 <= 12):
        return None
    if not a["mi"] and not ap1 and not 1 <= h1 <= 12 or not b["mi"] and not ap2 and not 1 <= h2 <= 12:
        return None         # a bare number past 12 is no hour ("from 10 to 20")
    if ap2 and not ap1:     # "3 to 8 pm": both in the afternoon; "10 to 3 pm": the start before noon
        ap1 = ap2 if h1 % 12 <= h2 % 12 else ("a" if ap2 == "p" else "p")
    h1 = _twelve(h1, ap1)
    if ap1 and not ap2:     # "8am-3": the end is the first such hour after the start
        h2 = h2 % 12 + 12 if h2 % 12 + 12 > h1 and h2 % 12 <= h1 else h2
    h2 = _twelve(h2, ap2)
    return (h1, m1, ap1), (h2, m2, ap2)


def _twelve(h: int, ap: str | None) -> int:
    if ap == "p" and h < 12:
        return h + 12
    if ap == "a" and h == 12:
        return 0
    return h


def _hms(m: re.Match) -> tuple[int, int, int, str | None] | None:
    """(hour, minute, second, "a"/"p"/None) of a CLOCK match, or None when it is no clock time."""
    if m["word"]:
        return (0, 0, 0, None) if m["word"] == "midnight" else (12, 0, 0, None)
    if m["oc"]:
        return int(m["oc"]), 0, 0, None
    if m["hz"]:
        return int(m["hz"]), int(m["mz"]), 0, None
    if m["h24"]:
        return int(m["h24"]), int(m["m24"]), int(m["s24"] or 0), None
    h = int(m["h"])
    if h > 12:
        return None         # "15 a (year)" is no clock time
    return _twelve(h, m["ap"]), int(m["mi"] or 0), int(m["s"] or 0), m["ap"]


def _by_part(h: int, ap: str | None, part: str | None) -> int:
    """An hour without am/pm in the evening or at night ("tonight around 7") is after noon."""
    if part in _PM_PARTS and not ap and 1 <= h < 12 and not (part == "NI" and h < NIGHT_SMALL_HOURS):
        return h + 12
    return h


def _day_of(rest: str, ctx: Context, read: Read):
    """(date prefix, relative, part of day) of the words beside a time, None when they name no day;
    the prefix is None when the day is relative and there is no anchor."""
    if not rest:
        return (ctx.day.isoformat() if ctx.day else _UNKNOWN_DAY), ctx.day is not None, None
    found = read(clean(rest), ctx)
    if not found or found[0] not in ("date", "time"):
        return None
    if found[1] is None:
        return None, False, None
    part = re.fullmatch(r"(.+)T(MO|AF|EV|NI)", found[1])      # "tonight at 2am", "8am this morning"
    when = part[1] if part else found[1]
    if re.fullmatch(r"XXXX-\d\d-\d\d|XXXX-WXX-\d", when):
        return when, False, part and part[2]
    if re.fullmatch(r"\d{4}-\d\d-\d\d", when):
        return when, found[3], part and part[2]
    return None


def _hm(h: int, mi: int, sec: int = 0) -> str:
    return f"{h:02d}:{mi:02d}" + (f":{sec:02d}" if sec else "")
