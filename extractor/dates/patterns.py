"""The patterns that find temporal expressions spaCy's DATE and TIME entities miss.

Used by `dates._candidates` through `find_spans`. Each pattern is
case-insensitive unless it says otherwise and word-bounded; a group "x", when
given, is the expression and the rest of the match is context. A regex pass
costs ~1 ms an article, a substring test next to nothing, so the patterns are
kept from most of the text: `NEEDS` lists, for some general patterns, words
without which the pattern cannot match (its pass is skipped on articles that
lack them all), and the anchored groups run only in short windows around the
words they need (a month name, a weekday, a unit, a clock word).
"""
from __future__ import annotations

import re

from ..lexicon.calendar import (
    HOLIDAY_NAMES,
    MONTH_NAME_NOT_MODAL_RE, MONTH_NOT_MODAL_RE, MONTH_RE, MONTH_SHORT_RE, MONTH_WORDS, WEEKDAY_ABBREVIATION_RE,
    WEEKDAY_ABBREVIATIONS, WEEKDAY_NAME_RE, WEEKDAY_WORDS)
from ..spans import merge_spans, word_hits
from .values import HOLIDAY, MONTH, SAME_PERIOD
from .spelled import CARDINALS, HOUR_W, MINUTES_W, N99, ORD31, ORDINALS, YEAR_W

# What spaCy misses, anywhere in the text.
_UNITS_PLURAL = r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries|millennia)"
_GENERAL = [re.compile(p, re.I) for p in (
    r"\b\d{1,2}(?:[:.]\d{2})?\.?\s*(?:[ap]\.?\s?m\b\.?|[ap]\b(?!\.?\s*\w))",          # 4:53 AM, 1 p.m., 8.30pm
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|GMT))?\b",                            # 14:58 UTC
    r"\b(?:noon|midnight)\b",
    r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:-|–|to|and|until|till)\s*\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b\.?",
    r"\b(?:right now|now|currently|presently|at present|nowadays|these days|so far|to date)\b",
    r"\b(?:until recently|more recently|recently|lately|in the past)\b",
    r"\brecent(?:\s+(?:years|months|weeks|days))?\b",
    # ("soon" is left out: neither TimeBank nor the dev gold annotates it)
    r"\b(?:the (?:near |distant )?future|the (?:long|short|near) term)\b",
    r"\bfor (?P<x>the time being)\b",
    r"\b(?:the coming|the next few|in coming) (?:days|weeks|months|years)\b",
    r"\b(?:the|this|last|next|that|this past|this coming) weekend\b",
    r"\b(?:every|each|per) (?:other )?(?:\w+ )?(?:second|minute|hour|day|night|week|month|quarter|year"
    rf"|{WEEKDAY_NAME_RE}|morning|afternoon|evening)\b",
    r"\b(?:daily|nightly|weekly|biweekly|monthly|quarterly|yearly|annually|annual|hourly)\b",
    r"\b(?:hour|day|week|month|year)-?long\b",
    r"\b(?:in|during|by|until|since|through) (?P<x>the fall)\b(?! of\b)",
    r"\b(?:once|twice|\w+ times) (?:a|an|per|every|each) (?:day|week|month|year|hour)\b",
    r"\b(?:every|each) weekend\b",
    r"\b(?:decades|centuries|millennia)\b",
    r"\b(?:the )?(?:\d{4}|['’]\d0|(?<!['’])\d0)s\b",     # a bare "20s" stays only after "1920s" (`context`)
    r"\b(?:this|last|next|past|this past|this coming) (?:spring|summer|fall|autumn|winter)\b",
    r"\b(?:spring|summer|autumn|winter)\b",
    r"\bthe past\b(?=\s*[,.;:)]|\s*$)",
    r"\b(?:spring|summer|fall|autumn|winter),? (?:of )?\d{4}\b",
    r"\b(?:this|tomorrow|yesterday) (?:morning|afternoon|evening)\b|\btonight\b|\blast night\b",
    r"\b(?:today|yesterday|tomorrow)\b",
    r"\b\d{4}\s*(?:UTC|GMT)\b",
    r"\bat (?:the moment|this time|the minute)\b",
    r"\b\d{1,2} ?o'?clock\b",
    r"\b(?:on|by|until|since|before|after) (?P<x>the \d{1,2}(?:st|nd|rd|th))(?=\s*(?:[.,;:)]|$|at\b|and\b|to\b|or\b))",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH_NOT_MODAL_RE}\b\.?(?:,? \d{{4}}\b)?",
    r"(?<![\d/])\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b(?!/)",                      # 10/1/2018, 7/8/07
    r"\b(?:on|from|by|until|since) (?P<x>\d{1,2}/\d{1,2})\b(?!/)",               # on 11/20
    r"\b(?:\w+|\d+) (?:days|weeks|months|years|decades) ago\b",
    # a year standing alone ("in 2015", "a 2022 study", "WWDC 2005"), not an amount or part of a number
    r"(?<![$€£#\d.,/:-])\b(?:1[89]|20)\d\d\b(?![\d%]|[.,:/-]\d|\s*(?:percent|people|persons|times|votes"
    r"|miles|feet|acres|units|jobs|workers|employees|shares|cars|vehicles|dollars|euros|pounds|tons|tonnes"
    r"|barrels|members|students|patients|homes|points|copies|pages|words|meters|metres|kilometers)\b)",
)]
# Patterns of the general kind that need a unit or clock word: they run in the windows
# around those words (see _ANCHORED).
_GENERAL_BY_UNIT = [re.compile(p, re.I) for p in (
    rf"\b(?:for|over|within|after|took|take|takes|lasted|lasting|spent|spend) (?P<x>{_UNITS_PLURAL})\b",
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|single)-(?:day|week|month|year|hour|minute)\b",
    r"\b(?:\w+|\d+) (?:days?|weeks?|months?|years?) (?:from|after|before) (?:today|tomorrow|yesterday|now)\b",
    r"\b(?:(?:earlier|later) )?(?:this|last|next|past|previous|coming|latest) (?:week|month|year|quarter|decade)\b",
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|a few|several|many) (?:more )?(?:seconds|minutes|hours|days|weeks|months|years|decades)\b",
    r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) (?:and a half (?:hours?|days|weeks|months"
    r"|years)|(?:hour|day|week|month|year) and a half)\b",
    # "(stocks fell 2%) on the day", "late in the day": the day of the report
    r"\b(?:late in |early in |the start of |the end of )?(?:the|that) (?:same )?day\b"
    r"(?!\s+(?:of|when|before|after|that|which|in which|on which|he|she|they|it|we|I)\b|-)",
    r"\b(?:earlier|later|late|early) in the (?:year|month|week)\b",
    r"\b(?:decades|centuries|years|months|weeks|days|hours)-long\b",        # "a decades-long dispute"
    rf"\b{SAME_PERIOD}(?: of)? (?:(?:the )?(?:last|previous|prior) year|(?:a|one) year (?:ago|earlier|before))\b",
    # the period of a report and the one a year before: "the quarter", "the year-ago period"
    r"\b(?:the|that|this) (?:latest |current |same |fiscal )?quarter\b(?![\w-])|\bthe latest period\b",
    r"\b(?:the (?:comparable )?year[- ]|year-)(?:earlier|ago)\b(?: (?:period|quarter)\b)?",
)]
_GENERAL_BY_CLOCK = [re.compile(p, re.I) for p in (
    r"\b(?:(?:earlier|later|late|early) )?in the (?:morning|afternoon|evening)\b",
)]
# Words without which a pattern cannot match: its pass is skipped when the article lacks them all.
NEEDS = {p.pattern: words for p in _GENERAL for key, words in (
    ("noon|midnight", ("noon", "midnight")), ("weekend", ("weekend",)), (" ago", (" ago",)),
    ("(?:today|tomorrow|yesterday|now)", ("today", "tomorrow", "yesterday", " now")),
    ("spring|summer", ("spring", "summer", "fall", "autumn", "winter")),
    ("(?:decades|centuries|millennia)\\b", ("decades", "centuries", "millennia")),
    ("the (?:near |distant )?future", ("future", "term")), ("time being", ("time being",)),
    ("the coming", ("coming",)), ("once|twice", ("once", "twice", "times")),
    ("recently|lately", ("recently", "lately", "the past")), ("\\brecent(", ("recent",)),
    ("tonight", ("tonight", "night", "morning", "afternoon", "evening")),
    ("daily|nightly", ("daily", "nightly", "weekly", "monthly", "quarterly", "yearly", "annual", "hourly")),
    ("-?long", ("long",)), ("the fall)", ("the fall",)),
    ("every|each|per) (?:other", ("every", "each", "per ")),
    ("(?:\\d{4}|['’]\\d0", ("0s", "0 s")), ("the past\\b(?=", ("the past",)),
    ) if key in p.pattern}
# Capitalized month names with a day or a year (spaCy misses some); "May" alone is too ambiguous.
_MONTH_CASED = re.compile(
    rf"\b{MONTH_RE}\.? (?:\d{{1,2}}(?:st|nd|rd|th)?\b(?:,? \d{{4}}\b)?|\d{{4}}\b)")
_WEEKDAY_CASED = re.compile(rf"\b{WEEKDAY_NAME_RE}\b")

_MON = MONTH_SHORT_RE
_WEEKDAY_NAME = rf"(?:{WEEKDAY_NAME_RE}|(?-i:{WEEKDAY_ABBREVIATION_RE})\.?)"
_DAY_WORD = rf"(?:{_WEEKDAY_NAME}|today|tomorrow|yesterday|to-?night|last night)"
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b"
_REL = r"(?:this past|this coming|this|last|next|previous|following|coming|past)"
_DAY_N = rf"(?:{ORD31}|\d{{1,2}}(?:st|nd|rd|th)?)"
# A spelled day ends the expression or comes before a time or a link, not a noun ("Tuesday the
# first generation", "in March two people").
_DAY_END = rf"(?=\s*(?:$|[.,;:!?)\n]|(?:at|and|or|to|from|in|on|by|{HOUR_W})\b|\d))"
_HOUR = r"\d{1,2}(?:[:.]\d\d)?"
_HOUR_AP = rf"{_HOUR}(?:\s*[ap]\.?m\b\.?)?"
_ORD = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{ORD31}|last|final)"
_YEAR_REF = r"(?:(?:19|20)\d\d|(?:this|last|next) year)"
# A bare hour ends here: at the end of the clause or before a word that cannot count it.
_HOUR_END = r"(?![\d%]|[.,:]\d)(?=\s*(?:$|[.,;:!?)\n]|(?:on|and|or|to|for|with|in the|tonight|today|tomorrow)\b))"
# Near a month name: qualified and compact dates, two-digit years ("this September", "Oct/2",
# "2019/aug/01", "April of 87", "April 9th through 17th").
_BY_MONTH = [re.compile(p, re.I) for p in (
    # a range of days before their month: "9 to 12 of June", "between the ninth and the 17th of April"
    rf"\b(?:(?:from|between)\s+(?:the\s+)?{_DAY_N}\s*(?:-|to|till|until|through|and)|{_DAY_N}\s*(?:-|to|till"
    rf"|until|through))\s*(?:the\s+)?{_DAY_N}\s+(?:of\s+)?{MONTH}(?![a-z])",
    rf"\b{_REL} {MONTH_NAME_NOT_MODAL_RE}\b",
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{MONTH},?\s+(?:of\s+'?|['’])\d\d\b(?![\d'’])",
    rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+['’]\d\d\b(?![\d'’])",
    rf"\b(?:19|20)\d\d[/-]{_MON}[a-z]*\.?[/-]\d{{1,2}}\b|\b\d{{1,2}}[/-]{_MON}[a-z]*[/-](?:19|20)\d\d\b",
    rf"\b{_MON}[a-z]*[/-](?:(?:19|20)\d\d|\d{{1,2}})\b(?![/-]\d)|\b{_MON}(?:t|ch|il|e|y)?\d{{1,2}}\b",
    rf"\b{MONTH}\s+(?:the\s+)?{_DAY_N}\s*(?:-|to|till|until|through)\s*(?:the\s+)?{_DAY_N}\b",
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?),?\s+"
    rf"{YEAR_W}\b",
)]
# Near a month name and a number word: spelled days ("february twenty second", "second of Aug").
_BY_SPELLED_DAY = [re.compile(p, re.I) for p in (
    rf"\b{MONTH}\s+(?:the\s+)?(?:{ORD31}|{N99})\b(?:[\s,]+{YEAR_W}\b|{_DAY_END})",
    rf"\b{ORD31}\s+(?:day\s+of\s+|of\s+)?{MONTH}(?![a-z])(?:[\s,]+{YEAR_W}\b)?",
    rf"\b{N99}\s+(?:of\s+)?{MONTH}(?![a-z])(?:[\s,]+{YEAR_W}\b|{_DAY_END})",
)]
# Near a weekday or a day word: times with their day and weekdays with their date ("previous
# Monday", "Sat at 5", "Monday 12-4", "Monday the twenty seventh", "Sunday 31", "Tuesdays").
_BY_DAY = [re.compile(p, re.I) for p in (
    rf"\b{_REL} {_WEEKDAY_NAME}(?![a-z])",
    rf"\b{_DAY_WORD}\b[^.,;!?\n]{{0,15}}?\s(?:at|around|about)\s+{_HOUR}\b{_HOUR_END}",
    rf"\b{_DAY_WORD}(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:from\s+|between\s+)?{_HOUR_AP}\s*"
    rf"(?:-|–|to|and|until|till)\s*{_HOUR_AP}\b(?![\d/%-]|\s*percent)",
    rf"(?<![\d/.-])\b(?:(?:from|between)\s+{_HOUR_AP}\s*(?:-|–|to|and|until|till)|{_HOUR_AP}\s*(?:-|–))\s*"
    rf"{_HOUR_AP}\s+(?:{_REL}\s+)?{_DAY_WORD}\b",
    rf"\b{_WEEKDAY_NAME},?\s+\d{{1,2}}/\d{{1,2}}\b(?!/)",
    rf"\b{_WEEKDAY_NAME}\s+the\s+(?:{ORD31}|\d{{1,2}}(?:st|nd|rd|th))\b{_DAY_END}",
    rf"\b{_WEEKDAY_NAME}\s+\d{{1,2}}(?:(?:st|nd|rd|th)\b|(?=\s*(?:[.,;!?]|$|at\b)))",
    rf"\b{WEEKDAY_NAME_RE}s(?: (?:mornings|afternoons|evenings|nights))?\b"
    rf"(?: at {_HOUR}(?:\s*[ap]\.?m\b\.?)?)?"
    rf"|\b{WEEKDAY_NAME_RE} (?:mornings|afternoons|evenings|nights)\b",
)]
# Near a clock word: spoken times ("ten past nine", "one in the morning", "five-thirty").
_BY_CLOCK = [re.compile(p, re.I) for p in (
    rf"\b(?:{N99}|\d{{1,2}}|half|(?:a )?quarter)\s+(?:min(?:ute)?s?\s+)?past\s+(?:{HOUR_W}|\d{{1,2}})\b",
    rf"(?<![\d.,:])\b(?:(?:from\s+|between\s+)?(?:{HOUR_W}|\d{{1,2}})(?::\d\d)?\s*(?:-|to|and|until)\s*)?"
    rf"(?:{HOUR_W}|\d{{1,2}})(?::\d\d)?\s+(?:o'?clock\s+)?(?:in the (?:morning|afternoon|evening)|at night)\b",
    rf"\b{HOUR_W}(?:[\s-]+(?:{MINUTES_W}))?\s+(?:[ap]\.?\s?m\b\.?|[ap] \. m\b\.?|o'?clock\b)",
    rf"\bin the (?:morning|afternoon|evening) (?:at|around) {_HOUR}\b",
    rf"\b{HOUR_W}-(?:thirty|fifteen|forty-five)\b|\bat (?P<x>{HOUR_W}[\s-]+(?:thirty|fifteen|forty[\s-]five"
    r"|twenty[\s-]\w+|forty[\s-]\w+|fifty[\s-]\w+))\b",
    rf"\b(?:from|between)\s+{HOUR_W}[\s-]+{MINUTES_W}\s+(?:to|and|until|till)\s+{HOUR_W}(?:[\s-]+{MINUTES_W})?\b",
)]
# Near "week", "month" or "day": parts of periods ("first week of 2015", "the day before").
_BY_PERIOD = [re.compile(p, re.I) for p in (
    rf"\b(?:the )?{_ORD} week of (?:the year )?(?:{_YEAR_REF}|{MONTH}(?:,? (?:19|20)\d\d)?"
    r"|(?:this|last|next) month)\b",
    rf"\bweek \d{{1,2}} of (?:the year )?{_YEAR_REF}\b",
    rf"\b(?:the )?{_ORD} month of (?:the year )?{_YEAR_REF}\b",
    rf"\b(?:the )?{_ORD} day of (?:{MONTH}|(?:this|last|next|the) month)\b",
    r"\bthe (?:next|following|previous|preceding) day\b|\bthe day (?:before|after)(?=\s*(?:[.,;:!?)]|$))",
    rf"\bthe week of (?:{MONTH}\s*{_DAY_N}|{_DAY_N}\s+(?:of\s+)?{MONTH}|the \d{{1,2}}(?:st|nd|rd|th))(?![\w/])",
)]
# Near "half" or "quarter": fractions of a unit ("one and a quarter year", "half an hour").
_BY_FRACTION = [re.compile(p, re.I) for p in (
    rf"\b(?:{N99}|\d+|an?)\s+(?:and\s+(?:a\s+|one\s+)?(?:half|quarter|three quarters)\s+{_UNIT}"
    rf"|{_UNIT}\s+and\s+(?:a\s+|one\s+)?(?:half|quarter)\b)",
    rf"(?:½|\bhalf)\s*(?:an?\s+)?{_UNIT}",
    rf"\b\d+(?:\s+|-)?(?:1/2|1/4|3/4|½|¼|¾)[\s-]+{_UNIT}",       # "2 1/2 years", "5½ hours"
)]
# Near a holiday: its name, with its year, qualifier or weekend ("Easter 2018", "Labor Day weekend").
_HOLIDAY = HOLIDAY.replace("'", "['’]")        # "Valentine’s Day" with a typographic apostrophe
_BY_HOLIDAY = [re.compile(p, re.I) for p in (
    rf"\b(?:the )?weekend of (?:{_HOLIDAY})(?:,? \d{{4}})?\b|\b(?:{_HOLIDAY})(?:,? \d{{4}})? weekend(?:,? \d{{4}})?\b",
    rf"\b(?:{_REL} )?(?:{_HOLIDAY})(?:,? (?:of )?(?:19|20)\d\d)?\b",
)]
# Everywhere: time ranges with minutes, quarters ("2017 Q1"), compact digits, ISO dates. Case-sensitive,
# starting with a literal or a class, which lets the regex engine skip ahead fast (a leading "\b" or
# re.I costs three to five times as much); a lookbehind after the first characters stands for "\b".
_FULL = [re.compile(p) for p in (
    # "from 7 to 7:30", "between 9.30-4.30", and a bare one before its day: "between 3 and 5 on 1/1/2015"
    rf"(?:[Ff]rom(?<!\w....)|[Bb]etween(?<!\w.......))\s+(?:"
    rf"(?:\d{{1,2}}[:.]\d\d|\d{{1,2}})\s*(?:-|–|to|and|until|till)\s*\d{{1,2}}[:.]\d\d\b"
    rf"|\d{{1,2}}[:.]\d\d\s*(?:-|–|to|and|until|till)\s*\d{{1,2}}\b(?![\d/%]|\s*percent)"
    rf"|{_HOUR}\s*(?:-|–|to|and|until|till)\s*{_HOUR}(?=\s+(?:on|of)\s+(?i:\d|{MONTH}|{_DAY_WORD})))",
    # "from 10/1 to 11/7", "between 5/1-5/7/2020": a range of days in digits ("between 1/2 and 3/4 of"
    # are fractions)
    r"(?:[Ff]rom(?<!\w....)|[Bb]etween(?<!\w.......))\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*(?:-|–|to|through|until)"
    r"\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?\b(?!/|\s+of\b)",
    # "2017 Q1", "2019-H2", "Q3 2019", "Q1"
    r"(?:19|20)(?<![\w.]..)\d\d[\s-]?(?:[Qq][1-4]|[Hh][12])\b",
    r"(?:[Qq](?<![\w.][Qq])[1-4]|[Hh](?<![\w.][Hh])[12](?=[\s-]+(?:of\s+)?(?:19|20)\d\d))\b"
    r"(?:(?:[\s-]|\s+of\s+)(?:19|20)\d\d\b)?",
    # "30.04.2022", "2016 10 16", "2002-10-09"
    r"\d(?<![\w.]\d)\d?\.\d{1,2}\.(?:19|20)\d\d\b",
    r"(?:19|20)(?<![\w.]..)\d\d \d{1,2} \d{1,2}\b(?! ?\d)",
    r"(?:19|20)(?<!\d..)(?<!\d-..)\d\d-[01]\d-[0-3]\d(?![\d-])",
    r"(?:19|20)(?<![\d/]..)\d\d/[01]?\d/[0-3]?\d(?![\d/])",                         # 2021/03/03
    r"FY(?<![\w.]..)\s?(?:19|20)\d\d\b",                                               # FY2024
    r"[Tt]he(?<!\w...) (?:19|20)\d\d (?:period|quarter)\b",                               # the 1988 period
)] + [re.compile(p, re.I) for p in (
    # fortnights, decades by name, a spelled year, "at the present time" (each pass needs its word)
    r"\b(?:(?:an?|one|two|three|four|the|this)\s+)?(?:(?:last|next|past|previous|coming)\s+)?fortnights?\b"
    r"(?: (?:ago|later|earlier))?",
    r"\bthe (?:(?:early|mid|late)[- ])?(?:thirties|forties|fifties|sixties|seventies|eighties|nineties"
    r"|two[- ]thousands)\b",
    rf"\bin (?P<x>{YEAR_W})\b(?=\s*(?:$|[.,;:!?)]|and\b|or\b|when\b))",
    r"\bat the present time\b|\bbi-?monthly\b",
)]
# Each anchored group runs only in windows this many characters around its anchor words (found
# with str.find, far cheaper than a regex pass): no expression of a group reaches farther from its
# anchor (the longest, "between the twenty-seventh and the third of April", about 50).
WINDOW = 80
_NUMBER_WORDS = (*ORDINALS, *CARDINALS, "hundred", "thousand")
_DAY_WORDS = (*WEEKDAY_WORDS, *(w + "s" for w in WEEKDAY_WORDS), *WEEKDAY_ABBREVIATIONS,
              "today", "tomorrow", "yesterday", "tonight", "night")
_CLOCK_WORDS = ("past", "o'clock", "oclock", "am", "pm", "a.m", "p.m", "morning", "afternoon", "evening", "night",
                *(w for w in CARDINALS if CARDINALS[w] <= 12 or CARDINALS[w] >= 15))
# (anchor words, all of which must lie near; the patterns run there)
_UNIT_WORDS = ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week",
               "weeks", "month", "months", "quarter", "quarters", "year", "years", "decade", "decades")
_ANCHORED = [
    ((MONTH_WORDS,), _BY_MONTH),
    ((MONTH_WORDS, _NUMBER_WORDS), _BY_SPELLED_DAY),
    ((_DAY_WORDS,), _BY_DAY),
    ((_CLOCK_WORDS,), _BY_CLOCK + _GENERAL_BY_CLOCK),
    ((_UNIT_WORDS,), _BY_PERIOD + _GENERAL_BY_UNIT),
    ((("half", "quarter", "½", "¼", "¾", "1/2", "1/4", "3/4"),), _BY_FRACTION),
    ((HOLIDAY_NAMES,), _BY_HOLIDAY),
]
PATTERNS = _GENERAL + _FULL + [_WEEKDAY_CASED, _MONTH_CASED]
NEEDS.update({p.pattern: words for p in _FULL for key, words in (
    ("fortnight", ("fortnight",)), ("thirties|forties", ("ties", "thousands")), ("present time", ("present time", "monthly")),
    ("\\bin (?P<x>", ("thousand", "hundred", "nineteen", "eighteen", "seventeen", "twenty")),
    ) if key in p.pattern})


def find_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of `text` that the patterns match, unsorted and possibly overlapping.

    The general patterns run over the whole text (skipped when a word they need is absent);
    each anchored group only over the merged windows around its anchor words.
    """
    low = text.lower().replace("’", "'")     # the same length: anchor words are found with either apostrophe
    found = []
    for pattern in PATTERNS:
        needs = NEEDS.get(pattern.pattern)
        if needs and not any(word in low for word in needs):
            continue    # a pass of a regex costs ~1 ms an article; a substring test next to nothing
        found += [_span(m) for m in pattern.finditer(text)]
    for anchors, group in _ANCHORED:
        windows = _windows(low, anchors[0], [(0, len(low))])
        for words in anchors[1:]:       # the next words are sought only where the first ones are
            windows = _overlap(windows, _windows(low, words, windows))
        for lo, hi in windows:
            for pattern in group:
                found += [_span(m) for m in pattern.finditer(text, lo, hi)]
    return found


def _span(m: re.Match) -> tuple[int, int]:
    # a pattern with a group "x" matches context around the expression it marks
    return m.span("x" if "x" in m.re.groupindex else 0)


def _windows(low: str, words: tuple[str, ...], where: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged windows around the whole-word occurrences of `words` in the lower-cased text,
    sought within the ranges `where`."""
    return merge_spans(sorted((max(0, i - WINDOW), min(len(low), j + WINDOW))
                              for lo, hi in where for i, j in word_hits(low, words, lo, hi)))


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts two sorted lists of windows share."""
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo < hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out
