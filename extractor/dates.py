"""Temporal expressions with TIMEX3 values, resolved against the publication date.

Finding and valuing are kept apart: this module finds the spans (spaCy's DATE
and TIME entities plus patterns for what the small model misses), trims them to
what TimeML annotates and joins the pieces of one expression ("Monday" +
"afternoon", "Aug. 15" + "to" + "Sept. 17"); `timex.normalize` gives each its
value. The tense of the clause tells whether a bare "Wednesday" or "May" lies
before or after the publication date.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span

from . import timex_lexicon as L
from .records import DateMention
from .timex import Timex, normalize, parse_anchor

LABELS = ("DATE", "TIME")

# What spaCy misses. Case-insensitive; word-bounded; group "x", when given, is the expression.
_UNITS_PLURAL = r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries|millennia)"
PATTERNS = [re.compile(p, re.I) for p in (
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\b\.?|[ap]\b(?!\.?\s*\w))",          # 4:53 AM, 1 p.m., 8.30pm
    r"\b\d{1,2}:\d{2}(?:\s*(?:UTC|GMT))?\b",                            # 14:58 UTC
    r"\b(?:noon|midnight)\b",
    r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:-|–|to|and|until|till)\s*\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b\.?",
    r"\b(?:right now|now|currently|presently|at present|nowadays|these days|so far|to date)\b",
    r"\b(?:until recently|more recently|recently|lately|in the past)\b",
    r"\brecent(?:\s+(?:years|months|weeks|days))?\b",
    r"\b(?:the (?:near |distant )?future|soon|the (?:long|short|near) term)\b",
    r"\b(?:the coming|the next few|in coming) (?:days|weeks|months|years)\b",
    r"\b(?:the|this|last|next|that|this past|this coming) weekend\b",
    r"\b(?:every|each|per) (?:other )?(?:\w+ )?(?:second|minute|hour|day|night|week|month|quarter|year"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening)\b",
    r"\b(?:daily|nightly|weekly|biweekly|monthly|quarterly|yearly|annually|annual|hourly)\b",
    r"\b(?:once|twice|\w+ times) (?:a|an|per|every|each) (?:day|week|month|year|hour)\b",
    r"\b(?:every|each) weekend\b",
    rf"\b(?:for|over|within|after|took|take|takes|lasted|lasting|spent|spend) (?P<x>{_UNITS_PLURAL})\b",
    r"\b(?:decades|centuries|millennia)\b",
    r"\b(?:the )?(?:\d{4}|'\d0)s\b",
    r"\b(?:this|last|next|past|this past|this coming) (?:spring|summer|fall|autumn|winter)\b",
    r"\b(?:spring|summer|autumn|winter)\b",
    r"\bthe past\b(?=\s*[,.;:)]|\s*$)",
    r"\b(?:spring|summer|fall|autumn|winter),? (?:of )?\d{4}\b",
    r"\b(?:this|tomorrow|yesterday) (?:morning|afternoon|evening)\b|\btonight\b|\blast night\b",
    r"\b(?:today|yesterday|tomorrow)\b",
    # "(stocks fell 2%) on the day", "late in the day": the day of the report
    r"\b(?:late in |early in |the start of |the end of )?(?:the|that) (?:same )?day\b"
    r"(?!\s+(?:of|when|before|after|that|which|in which|on which|he|she|they|it|we|I)\b|-)",
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|single)-(?:day|week|month|year|hour|minute)\b",
    r"\b\d{4}\s*(?:UTC|GMT)\b",
    r"\b(?:earlier|later|late|early) in the (?:year|month|week)\b",
    r"\b(?:(?:earlier|later|late|early) )?in the (?:morning|afternoon|evening)\b",
    r"\bat (?:the moment|this time|the minute)\b",
    r"\b\d{1,2} ?o'?clock\b",
    r"\b(?:on|by|until|since|before|after) (?P<x>the \d{1,2}(?:st|nd|rd|th))(?=\s*(?:[.,;:)]|$|at\b|and\b|to\b|or\b))",
    r"\b(?:Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Halloween|Valentine's Day|Independence Day|Thanksgiving"
    r"|Labor Day|Memorial Day|Easter(?: Sunday| Monday)?|Good Friday|Black Friday|Boxing Day|Juneteenth)\b",
    r"\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:,? \d{4}\b)?",
    r"(?<![\d/])\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b(?!/)",                      # 10/1/2018, 7/8/07
    r"\b(?:on|from|by|until|since) (?P<x>\d{1,2}/\d{1,2})\b(?!/)",               # on 11/20
    r"\b(?:\w+|\d+) (?:days|weeks|months|years|decades) ago\b",
    r"\b(?:\w+|\d+) (?:days?|weeks?|months?|years?) (?:from|after|before) (?:today|tomorrow|yesterday|now)\b",
    r"\b(?:(?:earlier|later) )?(?:this|last|next|past|previous|coming) (?:week|month|year|quarter|decade)\b",
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|a few|several|many) (?:more )?(?:seconds|minutes|hours|days|weeks|months|years|decades)\b",
    r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) (?:and a half (?:hours?|days|weeks|months"
    r"|years)|(?:hour|day|week|month|year) and a half)\b",
    # a year standing alone ("in 2015", "a 2022 study", "WWDC 2005"), not an amount or part of a number
    r"(?<![$€£#\d.,/:-])\b(?:1[89]|20)\d\d\b(?![\d%]|[.,:/-]\d|\s*(?:percent|people|persons|times|votes"
    r"|miles|feet|acres|units|jobs|workers|employees|shares|cars|vehicles|dollars|euros|pounds|tons|tonnes"
    r"|barrels|members|students|patients|homes|points|copies|pages|words|meters|metres|kilometers)\b)",
)]
# Words without which a pattern cannot match: its pass is skipped when the article lacks them all.
_NEEDS = {p.pattern: words for p in PATTERNS for key, words in (
    ("noon|midnight", ("noon", "midnight")), ("weekend", ("weekend",)), (" ago", (" ago",)),
    ("(?:today|tomorrow|yesterday|now)", ("today", "tomorrow", "yesterday", " now")),
    ("spring|summer", ("spring", "summer", "fall", "autumn", "winter")),
    ("(?:decades|centuries|millennia)\\b", ("decades", "centuries", "millennia")),
    ("future|soon", ("future", "soon", "term")),
    ("the coming", ("coming",)), ("once|twice", ("once", "twice", "times")),
    ("recently|lately", ("recently", "lately", "the past")), ("\\brecent(", ("recent",)),
    ("tonight", ("tonight", "night", "morning", "afternoon", "evening")),
    ("daily|nightly", ("daily", "nightly", "weekly", "monthly", "quarterly", "yearly", "annual", "hourly")),
    ("every|each|per) (?:other", ("every", "each", "per ")),
    ("(?:\\d{4}|'\\d0)s", ("0s", "0 s")), ("the past\\b(?=", ("the past",)),
    ) if key in p.pattern}
# Entities whose words are names, not dates ("Donna Summer", "Summer Olympics" is an EVENT and stays).
_NAME_LABELS = ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC")
# Set phrases with a temporal word that say nothing about time.
_IDIOMS = re.compile(r"\bat the end of the day\b|\bday in,? day out\b|\bday-to-day\b"
                     r"|\b(?:a|one|three) quarters?,? of\b", re.I)    # "a quarter of its dealers": a share
# Capitalized month names with a day or a year (spaCy misses some); "May" alone is too ambiguous.
_MONTH_CASED = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (?:\d{1,2}(?:st|nd|rd|th)?\b(?:,? \d{4}\b)?|\d{4}\b)")
_WEEKDAY_CASED = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# Leading words TimeML leaves outside the expression (approximators, possessives, prepositions).
_TRIM_LEFT = re.compile(
    r"^(?:(?:about|around|nearly|almost|approximately|roughly|more than|less than|fewer than|at least"
    r"|at most|up to|just|only|shortly before|shortly after|some|their|his|her|its|our|my|your"
    r"|on|at|in|by|since|during|from|until|till)\s+)+", re.I)
# Trailing punctuation, possessives and dangling connectors ("between now and"); a final period
# stays only after a.m./p.m.
_TRIM_RIGHT = re.compile(r"(?:[\s,;:|!?\"”“’)\]]|'s|(?<![ap]\.m)\.|(?<=\s)(?:and|or|to)\b)+$", re.I)
# What may stand between a day and its clock time ("Friday at 4 p.m."), and between range ends.
_DAY_TIME_GAP = re.compile(r"\s*(?:,\s*)?(?:at\s+)?", re.I)
_YEAR_GAP = re.compile(r"\s*(?:,|of|in)\s*", re.I)
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till)\s*|\s+and\s+", re.I)
# Auxiliaries that look ahead: "will", and modals of possibility ("may be signed on September 12").
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll", "may", "might", "should", "must", "can"}
# Words just before an expression that point ahead ("ahead of a March 15 vote").
_FUTURE_CUES = re.compile(r"\b(?:ahead of|upcoming|scheduled for|slated for|set for|due on|due by|until|"
                          r"no later than|starting|beginning)\b(?:\s+\w+){0,3}\s*\S*$")
# How many tokens before an expression are read for such cues.
FUTURE_CUE_REACH = 5
# Whether a piece of text reads as a date at all is tested against this stand-in anchor, so that
# relative expressions ("today", "now") count whether or not the article has a date.
_ANY_DAY = date(2000, 1, 5)
# Where an over-long entity is cut into parts; parts longer than this are not searched.
_SEPARATOR = re.compile(r"\s*(?:[,;\n]|\band\b|\bor\b)\s*")
MAX_PIECE_WORDS = 8
# "the day" names the day the story last dated, however far back.
_THE_DAY = re.compile(r"\b(?:the|that) (?:same )?day$", re.I)
# A time or part of day this close after a date (in characters) belongs to that date's day.
DAY_REACH = 80


def find_dates(doc: Doc, *, published: str | None) -> list[DateMention]:
    """Every temporal expression in `doc`, in text order, with its TIMEX3 value.

    Args:
        doc: the parsed article.
        published: the publication date (ISO 8601 date or date-time) that
            relative expressions are resolved against; None leaves them unresolved.
    """
    anchor = parse_anchor(published)
    text = doc.text
    # 1. spans: spaCy's DATE/TIME entities and our patterns, trimmed, united, joined
    spans = _join(text, _trimmed(text, _candidates(doc, text)))
    found: list[DateMention] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or _is_modifier(span):
            continue
        tense = _tense(span)
        # 2. values: each span, or each part of it that reads as a date, in the light of the
        #    clause's tense and of the day the text last named (for times and "the day")
        for p_start, p_end in _pieces(text, start, end):
            piece = text[p_start:p_end]
            reach = None if _THE_DAY.search(piece) else DAY_REACH
            tx = normalize(piece, anchor=anchor, tense=tense, day=_day_before(found, p_start, reach))
            if tx is not None and tense == "future" and anchor and re.search(r"\bin\s+$", text[:p_start][-4:]):
                tx = _later(tx, anchor)
            if tx is not None:
                found.append(_mention(text, p_start, p_end, tx))
    # 3. a time written before its day takes that day
    return _days_after(text, found, anchor)


def _later(tx: Timex, anchor: date) -> Timex:
    """"(will leave) in two weeks": the day that far after publication, not a duration."""
    m = re.fullmatch(r"P(\d+)([DWMY])", tx.value or "")
    if tx.type != "duration" or not m:
        return tx
    n, unit = int(m[1]), m[2]
    if unit == "Y":     # "in five years" reads as a span of time as often as a point: left a duration
        return tx
    return Timex("date", L.move(anchor, n, unit).isoformat(), None, True)


def _pieces(text: str, start: int, end: int):
    """The span itself when it reads as one expression, else the parts of it that do.

    spaCy joins neighbours into one entity ("November 11, three days later",
    "between 60 and 90 days"); each part is tried at the list separators, then
    shortened a word at a time from the right, then from the left.
    """
    if normalize(text[start:end], anchor=_ANY_DAY) is not None:
        yield start, end
        return
    cuts = [start] + [x for m in _SEPARATOR.finditer(text, start, end) for x in m.span()] + [end]
    for a, b in zip(cuts[::2], cuts[1::2]):
        words = [m.span() for m in re.finditer(r"\S+", text[a:b])]
        if not words or len(words) > MAX_PIECE_WORDS:
            continue
        best = None
        for n in range(len(words), 0, -1):          # longest prefix first, then suffixes
            for i, j in ((0, n), (len(words) - n, len(words))):
                s0, s1 = a + words[i][0], a + words[j - 1][1]
                tx = normalize(text[s0:s1], anchor=_ANY_DAY) if best is None else None
                # a vague word cut out of a longer phrase ("the past" of "the past five days") is no reading
                whole = (s0, s1) == (a + words[0][0], a + words[-1][1])
                if tx is not None and (whole or not L.is_ref(tx.value)):
                    best = (s0, s1)
        if best:
            yield best


def _days_after(text: str, found: list[DateMention], anchor: date | None) -> list[DateMention]:
    """A time right before its day ("1 p.m. on Sunday", "16:15 UTC, June 1st") takes that day."""
    out = list(found)
    for i, (m, nxt) in enumerate(zip(found, found[1:])):
        if m.type != "time" or not re.fullmatch(r"\s*(?:,|on|of)?\s*", text[m.end:nxt.start]):
            continue
        day = (nxt.value or "")[:10]
        if re.fullmatch(r"\d{4}-\d\d-\d\d", day) and nxt.type == "date":
            tx = normalize(m.text, anchor=anchor, day=date.fromisoformat(day))
            if tx is not None:
                out[i] = _mention(text, m.start, m.end, tx)
    return out


def _mention(text: str, start: int, end: int, tx: Timex) -> DateMention:
    return DateMention(text=text[start:end], start=start, end=end, type=tx.type, value=tx.value,
                       end_value=tx.end_value, anchor="published" if tx.relative else None)


def _candidates(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Character spans that may be temporal expressions, overlapping and unsorted.

    `text` is `doc.text`, which spaCy builds anew on each access.
    """
    ents = doc.ents
    spans = [(e.start_char, e.end_char) for e in ents if e.label_ in LABELS]
    low = text.lower()
    found = []
    for pattern in PATTERNS + [_WEEKDAY_CASED, _MONTH_CASED]:
        needs = _NEEDS.get(pattern.pattern)
        if needs and not any(word in low for word in needs):
            continue    # a pass of a regex costs ~1 ms an article; a substring test next to nothing
        # a pattern with a group "x" matches context around the expression it marks
        found += [m.span("x" if "x" in m.re.groupindex else 0) for m in pattern.finditer(text)]
    # a single word of ours inside a name is no date ("Donna Summer"); spaCy's own spans stay
    names = [(e.start_char, e.end_char) for e in ents if e.label_ in _NAME_LABELS]
    found = [(a, b) for a, b in found
             if " " in text[a:b] or not any(s <= a and b <= e for s, e in names)]
    idioms = [m.span() for m in _IDIOMS.finditer(text)]
    return [(a, b) for a, b in spans + found if not any(a < e and s < b for s, e in idioms)]


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans trimmed at both ends, overlapping ones united, in text order."""
    lines: list[tuple[int, int]] = []
    for start, end in spans:     # an expression never crosses a line break (title, dateline)
        for m in re.finditer(r"[^\n]+", text[start:end]):
            lines.append((start + m.start(), start + m.end()))
    out: list[tuple[int, int]] = []
    for start, end in sorted(lines):
        piece = text[start:end]
        left = _TRIM_LEFT.match(piece)
        if left and left.end() < len(piece):
            start += left.end()
        right = _TRIM_RIGHT.search(text[start:end])
        if right:
            end = start + right.start()
        if end <= start:
            continue
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _join(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join neighbours that make one expression: a range, or a day and its part of day."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            p_start, p_end = out[-1]
            gap = text[p_end:start]
            joined = (p_start, end)
            if gap.strip() == "" and re.fullmatch(L.PART, text[start:end].lower()):
                out[-1] = joined
                continue
            if _DAY_TIME_GAP.fullmatch(gap) and L.CLOCK.fullmatch(L.clean(text[start:end])) \
                    and _is_day(text[p_start:p_end]):
                out[-1] = joined        # "tomorrow 8:00am", "Friday at 4 p.m.": one point in time
                continue
            if gap.strip() == "" and L.CLOCK.fullmatch(L.clean(text[p_start:p_end])) \
                    and _is_day(text[start:end]):
                out[-1] = joined        # "8.30pm today", "8am this morning"
                continue
            if _RANGE_GAP.fullmatch(gap) and _is_range(text, p_start, p_end, start, end, gap):
                between = re.search(r"\bbetween\s+$", text[max(0, p_start - 9):p_start], re.I)
                # "between X and Y" reads as a range only with its first word
                out[-1] = (p_start - len(between[0]), end) if between and "and" in gap.lower() else joined
                continue
            if _YEAR_GAP.fullmatch(gap) and re.fullmatch(r"\d{4}", text[start:end]) \
                    and _is_day(text[p_start:end]):
                out[-1] = joined        # "26 June in 2020", "June 26th of 2020"
                continue
        out.append((start, end))
    return out


def _is_day(piece: str) -> bool:
    tx = normalize(piece, anchor=_ANY_DAY)
    return tx is not None and bool(re.fullmatch(r"\d{4}-\d\d-\d\d(?:T(?:MO|AF|EV|NI))?", tx.value or ""))


def _is_range(text: str, a0: int, a1: int, b0: int, b1: int, gap: str) -> bool:
    piece = text[a0:b1]
    if "and" in gap.lower() and not re.match(r"between\s", piece, re.I):
        if not re.search(r"\bbetween\s+$", text[max(0, a0 - 9):a0], re.I):
            return False        # "2020 and 2021" is two years, "between 2020 and 2021" one range
        piece = "between " + piece
    tx = normalize(piece, anchor=_ANY_DAY)
    return tx is not None and tx.type == "range"


def _is_modifier(span: Span) -> bool:
    """A bare season or part of day used as a noun modifier ("winter equipment") is no date."""
    if len(span) != 1:
        return False
    tok = span[0]
    return tok.dep_ in ("compound", "amod") and tok.lower_ in (*L.SEASONS, *L.PARTS) and \
        tok.head.i > tok.i


def _day_before(found: list[DateMention], start: int, reach: int | None = DAY_REACH):
    """The day of the nearest dated mention just before, for a time or part of day."""
    for m in reversed(found):
        if reach is not None and start - m.end > reach:
            break
        v = m.value or ""
        if re.match(r"\d{4}-\d\d-\d\d", v):
            return date.fromisoformat(v[:10])
    return None


def _tense(span: Span) -> str | None:
    """"future" when the clause governing the expression looks ahead, "past" when it
    is in a past tense, else None."""
    doc = span.doc
    # without a parser (spacy.blank) there are no sentences: the cue window may then cross one
    floor = span.sent.start if doc.has_annotation("SENT_START") else 0
    left = doc[max(floor, span.start - FUTURE_CUE_REACH):span.start + 1].text.lower()
    if _FUTURE_CUES.search(left):
        return "future"
    if not doc.has_annotation("DEP"):       # no parse to read the tense from: the words around it
        before = doc[max(floor, span.start - 2 * FUTURE_CUE_REACH):span.start].text.lower()
        return "future" if re.search(r"\b(?:will|shall|going to)\b|'ll\b", before) else None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            kids = {c.lower_ for c in auxes}
            if kids & _FUTURE_AUX or tok.lower_ in _FUTURE_AUX:
                return "future"
            if "to" in kids:        # "to be held on October 12", "plans to close by May"
                return "future"
            if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
                return "past"
            if tok.tag_ == "VBN" and tok.dep_ == "acl" and not auxes:     # "plans announced in January"
                return "future" if re.search(r"\bby\s+\S*$", left) else "past"   # "... restored by Monday"
            if tok.tag_ in ("VBP", "VBZ") or kids & {"has", "have"} \
                    or any(c.tag_ in ("VBP", "VBZ") for c in auxes):
                # present tense: a deadline looks ahead ("wants to cut dealers by early June")
                return "future" if re.search(r"\bby\s+\S*$", left) else None
        if tok.head is tok:
            break
        tok = tok.head
    return None
