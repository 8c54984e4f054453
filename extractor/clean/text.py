"""Plain-text articles: clean body text and what metadata the text itself gives.

Cleaning keeps the words of the article and its paragraph breaks (one blank
line between paragraphs, single spaces inside them) and drops page furniture
that survives copy-and-paste: "Advertisement", "Share this article", comment
widget credits, "| Video Below |" lines, and a second copy of the body (pages
that put the text twice, once run together and once in paragraphs, keep the
paragraphed copy). A byline date near the top ("Published : Wednesday, May 1,
2019 | 4:53 AM") becomes the publication date; its line stays in the text.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from ..lexicon.calendar import MONTH_NUMBER
from .language import detect_language
from ..records import CleanArticle, Metadata

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\ufeff\u00ad]")

# Whole lines that are page furniture, not article text (plain text and HTML).
# Each entry is a kind of line many sites print (share prompts, comment-widget
# credits, labels of an embedded video), written as the family, not as one
# site's wording; checked on the Zyte and Fundus benchmark pages.
BOILERPLATE_LINE = re.compile(
    r"^(?:advertisement|advertisements|advert|ad|sponsored(?: content)?|"
    r"story continues below(?: advertisement)?|continue reading(?: below)?|"
    r"share this (?:article|story|post|page)|share(?: on (?:facebook|twitter|x|linkedin|email))?|"
    r"click to share.*|(?:like|liked|enjoy|enjoyed) this (?:story|article|post)\?.*|"
    r"(?:blog )?comments powered by \w+\.?|please enable javascript to view the comments.*|"
    r"comments?|\d+ comments?|leave a (?:comment|reply)|"
    # An embed's label, framed or before a colon: "| Video Below | ...", "[VIDEO]", "WATCH: ...".
    r"[|\[(]?\s*(?:video|watch|photos?|gallery|audio)(?:\s+(?:below|above|here))?\s*(?:[|\])]|:).*|"
    r"video|photo|image|"
    r"sign up for (?:our|the) .*newsletter.*|subscribe(?: now| today)?|click here to subscribe.*|"
    r"read more:?|more:|related:?|related (?:articles|stories|content|video):?.*|"
    r"recommended(?: for you)?:?|you may also like.*|trending:?|topics:?|don'?t miss:?|"
    r"(?:photo|image|video) credit:.*|skip to (?:main )?content|we use cookies.*|"
    r"accept(?: all)?(?: cookies)?|print(?: this article)?|email(?: this article)?|"
    r"listen to (?:this|the) (?:article|story).*|(?:this|the) article continues (?:below|after).*|"
    r"scroll to continue.*|filed under:.*|tags?:.*|copyright ©.*|© \d{4}.*|all rights reserved\.?|"
    r"tweet|pin it|whatsapp|facebook|twitter|linkedin|reddit|copy link)$", re.I)

# A paragraph whose 5-word shingles are mostly found in other paragraphs, and
# which is longer than each of them, is a run-together second copy of the body.
# The glued copy loses 4 shingles at each seam between paragraphs; with
# paragraphs of 12 words or more, 70% of its shingles are still found apart.
SHINGLE_WORDS = 5
REPEAT_SHARE = 0.7
# Lines looked at for a byline date and a headline.
BYLINE_SEARCH_LINES = 6
# A byline line is at most this long, and starts with a cue or is mostly its date
# (a weekday and a time around it make "May 1, 2019" about half of the line).
BYLINE_MAX_CHARS = 120
BYLINE_DATE_SHARE = 0.45
_BYLINE_START = re.compile(r"^\W*(?:first |last )?(?:published|posted|updated|dated?|by|on)\b", re.I)
HEADLINE_MAX_WORDS = 30
# A block of at least this many lines, all but the last within this width,
# was wrapped by hand: its lines are one paragraph.
WRAPPED_MIN_LINES = 3
WRAPPED_WIDTH = (40, 100)

_WORD = re.compile(r"\w+")
# Publication dates outside these years are placeholders or typos.
PLAUSIBLE_YEARS = (1800, 2100)
EPOCH = datetime(1970, 1, 1)

# -- dates ----------------------------------------------------------------------

_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
_TIME = (r"(?:\s*(?:[|,•·@-]|at)?\s*(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)"
         r"(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?\s?m\.?)?)?")
_DAY = r"(?P<day>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_BYLINE_DATES = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b{_TIME}", re.I),     # May 1, 2019 4:53 AM
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b{_TIME}", re.I),  # 1 May 2019
    re.compile(rf"\b{_YEAR}-(?P<month>0?[1-9]|1[0-2])-{_DAY}\b{_TIME}"),  # 2019-05-01
    re.compile(rf"\b(?P<month>0?[1-9]|1[0-2])/{_DAY}/{_YEAR}\b{_TIME}"),  # 05/01/2019 (US)
]
# Words that say a date in a byline is the publication date.
_PUBLISHED_CUE = re.compile(r"\b(?:published|posted|first published|date|on)\b\s*:?", re.I)
# A zone name after a machine timestamp ("...T21:10:43 GMT", Java's "...Z[UTC]"):
# datetime.fromisoformat takes offsets only, and the name adds nothing to them.
_ZONE_NAME = re.compile(r"\s*(?:\[[\w/+-]+\]|[A-Z]{3,4})$")


def normalize_newlines(text: str) -> str:
    """`\\r\\n`, `\\r` and Unicode line separators become `\\n`."""
    return _NEWLINES.sub("\n", text)


def iso_date(value: str | None) -> str | None:
    """An ISO 8601 date or date-time from a machine-readable date, else from prose.

    The local time and offset are kept as given (converting to UTC could move
    the date to the day before or after); fractions of a second are dropped.
    """
    if not value:
        return None
    machine = _ZONE_NAME.sub("", value.strip())
    try:
        return _iso_day(date.fromisoformat(machine))       # "2024-02-29", "20240229"
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(machine)           # with a time, maybe an offset
    except ValueError:
        return byline_date(value)
    return _iso_moment(moment)


def byline_date(text: str) -> str | None:
    """The publication date written in a byline, as ISO 8601; None without one.

    "Published : Wednesday, May 1, 2019 | 4:53 AM" -> "2019-05-01T04:53". A date
    after a cue ("Published", "Posted") beats the first date of the line.
    """
    m = _byline_match(text)
    return _match_date(m) if m else None


def _byline_match(text: str) -> re.Match | None:
    found = [m for pattern in _BYLINE_DATES for m in pattern.finditer(text)]
    if not found:
        return None
    cued = [m for m in found if _PUBLISHED_CUE.search(text[max(0, m.start() - 30):m.start()])
            and not re.search(r"updated", text[max(0, m.start() - 30):m.start()], re.I)]
    return min(cued or found, key=lambda m: m.start())


def _byline_line_date(line: str) -> str | None:
    """The date of a byline line; None for a sentence that mentions a date.

    A byline is short and either starts with a cue ("Published", "By") or is
    mostly the date itself ("Wednesday, May 1, 2019").
    """
    if len(line) > BYLINE_MAX_CHARS:
        return None
    m = _byline_match(line)
    if m is None:
        return None
    if _BYLINE_START.match(line) or len(m.group(0)) >= BYLINE_DATE_SHARE * len(line.rstrip(" .")):
        return _match_date(m)
    return None


def _match_date(m: re.Match) -> str | None:
    month = m.group("month")
    month = int(month) if month.isdigit() else MONTH_NUMBER[month.lower().rstrip(".")]
    hour = int(m.group("hour")) if m.group("hour") else None
    minute = int(m.group("minute")) if m.group("minute") else None
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if hour is not None and ampm:
        if hour > 12:
            return _iso(int(m.group("year")), month, int(m.group("day")), None, None)
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    return _iso(int(m.group("year")), month, int(m.group("day")), hour, minute)


def _iso(year: int, month: int, day: int, hour: int | None, minute: int | None) -> str | None:
    try:
        moment = datetime(year, month, day, hour or 0, minute or 0)
    except ValueError:
        return None
    return _iso_day(moment.date()) if hour is None else _iso_moment(moment)


def _iso_day(day: date) -> str | None:
    return day.isoformat() if _plausible(day.year) and day != EPOCH.date() else None


def _iso_moment(moment: datetime) -> str | None:
    # A CMS placeholder ("0001-01-01", the Unix epoch at midnight) is no date.
    if not _plausible(moment.year) or moment.replace(tzinfo=None) == EPOCH:
        return None
    return moment.replace(microsecond=0).isoformat(timespec="seconds" if moment.second else "minutes")


def _plausible(year: int) -> bool:
    return PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]


# -- cleaning ---------------------------------------------------------------------

def clean_text(text: str) -> CleanArticle:
    """Body text of a plain-text article with its title and byline date.

    The first line is the title when it reads like a headline (short, not a
    sentence ending in a full stop).
    """
    paragraphs = _paragraphs(normalize_newlines(text))
    paragraphs = [p for p in paragraphs if not BOILERPLATE_LINE.match(p)]
    paragraphs = drop_repeats(paragraphs)
    body = "\n\n".join(paragraphs)
    title = paragraphs[0] if paragraphs and _headline(paragraphs[0]) else None
    published = None
    for p in paragraphs[:BYLINE_SEARCH_LINES]:
        published = _byline_line_date(p)
        if published:
            break
    return CleanArticle(text=body, metadata=Metadata(
        title=title, published=published, published_from="byline" if published else None,
        language=detect_language(body)))


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs; each line of a block is a paragraph too,
    unless the block was wrapped by hand (its lines one width, as in e-mail)."""
    text = _ZERO_WIDTH.sub("", text)
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in (_SPACES.sub(" ", raw).strip() for raw in block.split("\n")) if line]
        if _hand_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _hand_wrapped(lines: list[str]) -> bool:
    if len(lines) < WRAPPED_MIN_LINES or not all(
            WRAPPED_WIDTH[0] <= len(line) <= WRAPPED_WIDTH[1] for line in lines[:-1]):
        return False
    # A wrapped sentence goes on in lower case; a new paragraph starts a capital.
    continued = sum(not line[0].isupper() for line in lines[1:])
    return continued * 2 >= len(lines) - 1


def drop_repeats(paragraphs: list[str]) -> list[str]:
    """Keep one copy of text the page gives twice.

    A paragraph repeated word for word keeps its first copy; a long paragraph
    that only runs together paragraphs found elsewhere is dropped.
    """
    keys = [tuple(w.lower() for w in _WORD.findall(p)) for p in paragraphs]
    shingles = [_shingles(k) for k in keys]
    holders: dict[tuple[str, ...], list[int]] = {}
    for i, sh in enumerate(shingles):
        for s in sh:
            holders.setdefault(s, []).append(i)
    out, seen = [], set()
    for i, p in enumerate(paragraphs):
        key, own = keys[i], shingles[i]
        if len(key) >= SHINGLE_WORDS and key in seen:
            continue
        if len(own) >= 3 * SHINGLE_WORDS:
            elsewhere = sum(any(len(shingles[j]) < len(own) for j in holders[s]) for s in own)
            if elsewhere >= REPEAT_SHARE * len(own):
                continue
        seen.add(key)
        out.append(p)
    return out


def _shingles(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {words[i:i + SHINGLE_WORDS] for i in range(len(words) - SHINGLE_WORDS + 1)}


def _headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= HEADLINE_MAX_WORDS and not re.search(r"[.,;:]$", line)
