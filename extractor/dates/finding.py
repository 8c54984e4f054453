"""Temporal expressions with TIMEX3 values, resolved against the publication date.

Finding and valuing are kept apart: this module finds the spans (spaCy's DATE
and TIME entities plus the patterns of `timex_patterns` for what the small model
misses), trims them to what TimeML annotates and joins the pieces of one
expression ("Monday" + "afternoon", "Aug. 15" + "to" + "Sept. 17": `timex_join`);
`timex.normalize` gives each its value. The tense of the clause tells whether a
bare "Wednesday" or "May" lies before or after the publication date.
"""
from __future__ import annotations

import bisect
import re
from datetime import date

from spacy.tokens import Doc, Span

from . import values as L
from ..records import DateMention
from .context import in_context, settle_years
from .normalize import Timex, normalize, parse_anchor
from .join import ANY_DAY, join
from .patterns import find_spans
from .spelled import N99
from .tense import clause_tense

LABELS = ("DATE", "TIME")

# Characters between a currency sign and the amount a date span starts with ("$ 12 December 27").
MONEY_LOOKBACK = 8
# Entities whose words are names, not dates ("Donna Summer", "Summer Olympics" is an EVENT and stays).
_NAME_LABELS = ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC")
# Set phrases with a temporal word that say nothing about time.
_IDIOMS = re.compile(r"\bat the end of the day\b|\bday in,? day out\b|\bday-to-day\b"
                     r"|\b(?:a|one|three) quarters?,? of\b"     # "a quarter of its dealers": a share
                     r"|\bup[- ]to[- ]date\b|\bequals? to date\b"
                     # an age is a number, not a date (GUIDELINES): "a 6-year-old", "52 years old"
                     r"|\b[\w.]+[- ](?:years?|months?|weeks?|days?)[- ]old\b", re.I)
# "three quarters" counts a span of time only after one of these words ("the past three quarters",
# "took two quarters") or before "ago", "in a row"...; else it is a fraction ("three quarters").
_QUARTERS = re.compile(r"(?:an?|one|two|three|four|\d+)\s+quarters?", re.I)
_QUARTER_CUES = {"the", "past", "last", "next", "previous", "first", "for", "over", "in", "within", "coming",
                 "following", "recent", "consecutive", "straight", "those", "these", "fiscal", "took", "take",
                 "takes", "lasted", "spent", "after", "than", "each", "every", "per"}
_QUARTERS_AFTER = re.compile(r"\s+(?:ago|later|earlier|in a row|running|straight)\b", re.I)
# Leading words TimeML leaves outside the expression (approximators, possessives, prepositions).
_TRIM_LEFT = re.compile(
    r"^(?:(?:about|around|nearly|almost|approximately|roughly|more than|less than|fewer than|at least"
    r"|at most|up to|just|only|shortly before|shortly after|no later than|not later than|prior to"
    r"|some|their|his|her|its|our|my|your"
    r"|on|at|in|by|since|during|from|until|till)\s+"
    rf"|an?\s+(?={L.MONTH}\s*\d|\d))+", re.I)       # "an Aug. 10, 1988, agreement", "a 2022 study"
# Trailing punctuation, possessives and dangling connectors ("between now and"); a final period
# stays only after a.m./p.m.
_TRIM_RIGHT = re.compile(r"(?:[\s,;:|!?\"”“’)\]]|'s|(?<![ap]\.m)\.|(?<=\s)(?:and|or|to)\b)+$", re.I)
# A spelled number after a month that counts the noun after it ("In March two people died").
_MONTH_COUNT = re.compile(rf"\b{L.MONTH}(?P<n>\s+{N99})$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?!(?:at|and|or|to|from|in|on|by|[ap]\.?m)\b)[a-z]")
# Where an over-long entity is cut into parts; parts longer than this are not searched.
_SEPARATOR = re.compile(r"\s*(?:[,;\n]|\band\b|\bor\b)\s*")
MAX_PIECE_WORDS = 8
# What is left of a span after its best piece does not start with these ("of 2021").
_PREPOSITION = re.compile(r"(?:of|in|on|at|for|to|by|from|since|until)\b", re.I)
# A count of time told from the moment before ("a minute and a half later"): spaCy's span holds it.
_COUNT_LATER = re.compile(r"\s+(?:later|earlier)\b", re.I)
# "the day" names the day the story last dated, however far back.
_THE_DAY = re.compile(r"\b(?:the|that) (?:same |next |following |previous |preceding )?day(?: before| after)?$", re.I)
# A time or part of day this close after a date (in characters) belongs to that date's day.
DAY_REACH = 80
# Without a readable publication date, a date alone on one of the first lines (title, dateline) anchors.
DATELINE_LINES = 3
MAX_DATELINE_CHARS = 40


def find_dates(doc: Doc, *, published: str | None) -> list[DateMention]:
    """Every temporal expression in `doc`, in text order, with its TIMEX3 value.

    Args:
        doc: the parsed article.
        published: the publication date (ISO 8601 date or date-time) that
            relative expressions are resolved against; None leaves them unresolved.
    """
    text = doc.text
    anchor = parse_anchor(published) or _dateline(text)
    # 1. spans: spaCy's DATE/TIME entities and our patterns, trimmed, united, joined
    spans = join(text, _trimmed(text, _candidates(doc, text)))
    found: list[DateMention] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or _is_modifier(span):
            continue
        tense = clause_tense(span)
        # 2. values: each span, or each part of it that reads as a date, in the light of the
        #    clause's tense and of the day the text last named (for times and "the day")
        for p_start, p_end in _pieces(text, start, end):
            piece = text[p_start:p_end]
            reach = None if _THE_DAY.search(piece) else DAY_REACH
            tx = normalize(piece, anchor=anchor, tense=tense, day=_day_before(found, p_start, reach))
            if tx is not None and tense in ("future", "generic") and anchor and re.search(r"\bin\s+$", text[max(0, p_start - 4):p_start]):
                tx = _later(tx, anchor)
            if tx is not None:
                # None: no date after all
                tx = in_context(text, p_start, p_end, tx, found, anchor, looks_back=tense in ("past", None))
            if tx is not None and not _is_share(text, p_start, p_end):
                found.append(_mention(text, p_start, p_end, tx))
    # 3. a time written before its day takes that day
    # 4. days without their year settled by the rest of the article
    return settle_years(text, _days_after(text, found, anchor))


def _dateline(text: str) -> date | None:
    """The day of a dateline ("February 03, 2009" alone on one of the first lines), else None."""
    for line in text.split("\n", DATELINE_LINES)[:DATELINE_LINES]:
        line = line.strip()
        tx = normalize(line, anchor=None) if len(line) <= MAX_DATELINE_CHARS else None
        # a day alone: not a time on that day
        if tx is not None and tx.type == "date" and len(tx.value or "") == 10:
            day = _iso_day(tx.value)
            if day is not None:
                return day
    return None


def _iso_day(value: str | None) -> date | None:
    """The day an ISO value starts with ("2009-02-03", "2009-02-03T14:00"), else None."""
    if value and re.match(r"\d{4}-\d\d-\d\d", value):
        return date.fromisoformat(value[:10])
    return None


def _is_share(text: str, start: int, end: int) -> bool:
    """"three quarters", "(five and) a quarter" with no word of time before them: a fraction."""
    if not _QUARTERS.fullmatch(text[start:end]):
        return False
    before = re.search(r"(\w+)\W*$", text[max(0, start - 20):start])
    return not (before and before[1].lower() in _QUARTER_CUES) and not _QUARTERS_AFTER.match(text, end)


def _later(tx: Timex, anchor: date) -> Timex:
    """"(will leave) in two weeks": the day that far after publication, not a duration."""
    m = re.fullmatch(r"P(\d+)([DWMY])", tx.value or "")
    if tx.type != "duration" or not m:
        return tx
    n, unit = int(m[1]), m[2]
    if unit == "Y":     # "(debt falling) in five years" reads as a span as often as a point (dev gold: P5Y)
        return tx
    return Timex("date", L.move(anchor, n, unit).isoformat(), None, True)


def _pieces(text: str, start: int, end: int):
    """The span itself when it reads as one expression, else the parts of it that do.

    spaCy joins neighbours into one entity ("November 11, three days later",
    "between 60 and 90 days"); each part is tried at the list separators, then
    shortened a word at a time from the right, then from the left.
    """
    if normalize(text[start:end], anchor=ANY_DAY) is not None:
        yield start, end
        return
    counted = _COUNT_LATER.search(text, start, end)
    if counted and counted.end() == end:     # "a minute and a half later": the span of time it counts
        tx = normalize(text[start:counted.start()], anchor=ANY_DAY)
        if tx is not None and tx.type == "duration":
            yield start, counted.start()
            return
    cuts = [start] + [x for m in _SEPARATOR.finditer(text, start, end) for x in m.span()] + [end]
    for a, b in zip(cuts[::2], cuts[1::2]):
        words = [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", text[a:b])]
        if not words or len(words) > MAX_PIECE_WORDS:
            continue
        # the best piece, then the best of the words left beside it ("next week later in the afternoon")
        found: list[tuple[int, int]] = []
        while words:
            best = _best_piece(text, words, rest=bool(found))
            if best is None:
                break
            i, j = best
            found.append((words[i][0], words[j - 1][1]))
            words = words[j:] if i == 0 else words[:i]
        yield from sorted(found)


def _best_piece(text: str, words: list[tuple[int, int]], *, rest: bool) -> tuple[int, int] | None:
    """Word indexes [i, j) of the longest prefix, else suffix, of `words` that reads as a date.
    What is left beside a piece (`rest`) counts only as a point, a time or a set that does not
    start with a preposition ("every year" of "19 June every year", not "of 2021" or "ten days")."""
    if rest and _PREPOSITION.match(text, words[0][0]):
        return None
    for n in range(len(words), 0, -1):          # longest prefix first, then suffixes
        for i, j in ((0, n), (len(words) - n, len(words))):
            tx = normalize(text[words[i][0]:words[j - 1][1]], anchor=ANY_DAY)
            # a vague word cut out of a longer phrase ("the past" of "the past five days") is no reading
            if tx is not None and (n == len(words) or not L.is_ref(tx.value)) \
                    and not (rest and tx.type in ("duration", "range")):
                return i, j
    return None


def _days_after(text: str, found: list[DateMention], anchor: date | None) -> list[DateMention]:
    """A time right before its day ("1 p.m. on Sunday", "16:15 UTC, June 1st"), or before the same
    time in another zone and then its day ("10:35 a.m. (0735 GMT) Friday"), takes that day."""
    out = list(found)
    for i, m in enumerate(found):
        if m.type not in ("time", "range"):
            continue
        j = i + 1
        # the same time in another zone, in brackets
        while j < len(found) and found[j].type == "time" and re.fullmatch(r"\s*\(\s*", text[found[j - 1].end:found[j].start]):
            j += 1
        closing = r"\)" if j > i + 1 or text[max(0, m.start - 3):m.start].rstrip().endswith("(") else ""
        if j >= len(found) or not re.fullmatch(closing + r"\s*(?:,|on|of)?\s*", text[found[j - 1].end:found[j].start]):
            continue
        nxt = found[j]
        day = _iso_day(nxt.value) if nxt.type == "date" else None
        if day is not None:
            tx = normalize(m.text, anchor=anchor, day=day)
            if tx is not None and tx.type == m.type:
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
    found = find_spans(text)
    # a single word of ours inside a name is no date ("Donna Summer"); spaCy's own spans and
    # words with digits ("Oct/2") stay
    names = [(e.start_char, e.end_char) for e in ents if e.label_ in _NAME_LABELS]
    # a number that ends a name of several words is part of it ("SEIU Local 2015"); a year
    # before the name dates it ("the 2024 Brit Awards")
    name_ends = {e.end_char for e in ents if e.label_ in _NAME_LABELS and len(e) > 1}
    found = [(a, b) for a, b in found if (" " in text[a:b] or re.search(r"\d", text[a:b])
                                          or not _covered(names, a, b))
             and not (b in name_ends and text[a:b].isdigit() and _covered(names, a, b))]
    idioms = [m.span() for m in _IDIOMS.finditer(text)]
    return [(a, b) for a, b in spans + found if not _overlapped(idioms, a, b)]


def _covered(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether one of `spans` (sorted, not overlapping: entities, matches) holds [a, b)."""
    i = bisect.bisect_right(spans, (a, float("inf"))) - 1    # the last span starting at or before a
    return i >= 0 and b <= spans[i][1]


def _overlapped(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether one of `spans` (sorted, not overlapping) overlaps [a, b)."""
    i = bisect.bisect_left(spans, (b, 0)) - 1    # the last span starting before b
    return i >= 0 and spans[i][1] > a


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans trimmed at both ends, overlapping ones united, in text order."""
    lines: list[tuple[int, int]] = []
    for start, end in spans:     # an expression never crosses a line break (title, dateline)
        for m in re.finditer(r"[^\n]+", text[start:end]):
            lines.append((start + m.start(), start + m.end()))
    out: list[tuple[int, int]] = []
    for start, end in sorted(lines):
        # a look-back window, not the whole text before the span: linear in the article
        before = text[max(0, start - MONEY_LOOKBACK):start]
        money = re.match(r"[\d.,]+\s*", text[start:end]) if re.search(r"[$€£¥]\s*$", before) else None
        if money and money.end() < end - start:
            start += money.end()        # "$12 December 27": the amount is no part of the date
        piece = text[start:end]
        left = _TRIM_LEFT.match(piece)
        if left and left.end() < len(piece):
            start += left.end()
        right = _TRIM_RIGHT.search(text[start:end])
        if right:
            end = start + right.start()
        count = _MONTH_COUNT.search(text, start, end)
        if count and _NOUN_AFTER.match(text, end):
            end = count.start("n")      # "(In) March two (people)": a month, then a count
        if end <= start:
            continue
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _is_modifier(span: Span) -> bool:
    """A bare season or part of day used as a noun modifier ("winter equipment") is no date
    (a frequency is: "an annual meeting" is a set in TimeML, MEANTIME annotates it)."""
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
        day = _iso_day(m.value)
        if day is not None:
            return day
    return None
