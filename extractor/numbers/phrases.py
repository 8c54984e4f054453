"""The words around a number that bound it or rule it out: bounds, dates, names.

Tables and small token-level readers used by finding.py; no spaCy here: bound
phrases ("more than", "or fewer"), text patterns that are never numbers (dates,
times, phone numbers, addresses), and words that make a number a label ("page 5").
Currencies are in money.py, percent and units of measure in units.py.
Phrase tables are keyed by tuples of lowercase tokens as `tokens.lex` cuts them
(">=" is (">", "=")).
"""
from __future__ import annotations

import re

from .tokens import Tok

from ..lexicon.calendar import MONTH_RE, MONTHS

STREET_RE = (r"(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl"
             r"|Place|Pkwy|Parkway|Hwy|Highway|Cir|Circle|Ter|Terrace|Sq|Square|Trail|Plaza)")


# Text patterns that are never numbers, found before the token pass. Each names its case.
DIGITS_RE = re.compile(r"\d+")
BLOCKED_RES = [
    # web and mail addresses: "%20", "?q=30"
    re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+"),
    # phone numbers: 1-888-466-2219, (626) 564-3000, +44 20 7946 0958
    re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[.-]\d{4}\b"),
    re.compile(r"\b1[-.]\d{3}[-.]\d{3}[-.]\d{4}\b"),
    # three or more digit groups: dates (2019-04-25, 5/17/2018), IDs, IPs; not "1.2-1.5 billion"
    re.compile(r"\b(?!\d+(?:\.\d+)?-\d+(?:\.\d+)?\b(?![-/.]\d))\d+(?:[-/.]\d+){2,}\b"),
    # clock times: 4:53, 10:30 p.m., 6pm, 11 a.m.
    re.compile(r"\b\d{1,2}(?::\d{2}){1,2}(?:\s?[ap]\.?m\b\.?)?", re.I),
    re.compile(r"\b\d{1,2}\s?[ap]\.?m\b\.?", re.I),
    # decades and seasons: 1990s, '90s, 2019-20
    re.compile(r"(?:\b\d{2}|\b\d{4}|['\u2019]\d{2})['\u2019]?s\b"),
    re.compile(r"\b(?:19|20)\d{2}[-\u2013/]\d{2}\b"),
    # month and day: Aug. 15, April 25, 2019, March 15-17, 1 May, 4th of July
    re.compile(r"\b" + MONTH_RE + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:\s*(?:-|\u2013|to|and|through)\s*"
               r"\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4}\b)?"),
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
               + MONTH_RE + r"\b"),
    re.compile(r"\b" + MONTH_RE + r"\.?,?\s+\d{4}\b"),
    re.compile(r"\b\d+\([a-z\d]\)"),       # legal subsections: 401(k), 230(c)
    # street addresses: 3280 E Foothill Blvd
    re.compile(r"\b\d+[A-Z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'.-]*\s+){1,3}" + STREET_RE + r"\b\.?"),
    # ZIP codes after a state: CA 91107, Calif. 91107-1234
    re.compile(r"\b(?:[A-Z]{2}|[A-Z][a-z]{2,5}\.)\s+\d{5}(?:-\d{4})?\b"),
]
# What makes a spaCy DATE/TIME entity a date ("between 20 and 30" can be one).
DATE_WORD_RE = re.compile(
    r"(?i)\b(?:" + MONTH_RE + r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|ago|today|tonight|"
    r"yesterday|tomorrow|noon|midnight|morning|afternoon|evening|night|[ap]\.?m\b|"
    r"(?:1[5-9]|20)\d\d|(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?)\b|:\d")

def _table(spec: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(k.split()): v for k, v in spec.items()}


# Before a number: "lo" (more than), "hi" (up to) or "approx" (nearly). All set `approximate`.
BOUNDS = _table({
    **dict.fromkeys(["nearly", "almost", "about", "around", "roughly", "approximately", "approx",
                     "some", "circa", "an estimated", "estimated", "close to", "just about",
                     "in the region of", "on the order of", "~", "as few as", "as little as",
                     "an average of", "on average"], "approx"),
    **dict.fromkeys(["more than", "over", "above", "at least", "no less than", "not less than",
                     "no fewer than", "upwards of", "upward of", "in excess of", "exceeding",
                     "exceeds", "exceeded", "exceed", "surpass", "surpassing", "greater than",
                     "larger than", "bigger than", "higher than", "just over", "a little over",
                     "well over", "well above", "just above", "slightly more than",
                     "slightly over", "more than or equal to", "greater than or equal to",
                     "at least or equal to", "equal to or more than", "equal to or greater than",
                     "bigger or equal than", "higher or equal than", "larger or equal than",
                     "greater or equal than", "> =", ">", "≥"], "lo"),
    **dict.fromkeys(["less than", "fewer than", "under", "below", "up to", "at most",
                     "no more than", "not more than", "as much as", "as many as", "as high as",
                     "just under", "a little under", "well under", "well below", "smaller than",
                     "lower than", "less than or equal to", "smaller or equal than",
                     "lower or equal than", "less or equal than", "equal to or less than",
                     "< =", "<", "≤"], "hi"),
    **dict.fromkeys(["equal to", "equals", "equals to", "equaling to", "equal"], "eq"),
})
UPPER_BOUNDS = {k: v for k, v in BOUNDS.items() if v == "hi"}
LOWER_BOUNDS = {k: v for k, v in BOUNDS.items() if v == "lo"}
POST_BOUNDS = _table({"or more": "lo", "and more": "lo", "or greater": "lo", "and above": "lo",
                      "or above": "lo", "and over": "lo", "or over": "lo", "+": "lo",
                      "or less": "hi", "or fewer": "hi", "and below": "hi", "or below": "hi",
                      "or under": "hi", "or so": "approx", "- plus": "lo"})
LONGEST_PHRASE = max(len(k) for k in BOUNDS)
RANGE_SEPARATORS = frozenset({"-", "\u2013", "\u2014", "\u2212", "to", "through", "thru", "~"})
CHANGE_VERBS = frozenset(
    "rose rise rises risen rising fell fall falls fallen falling dropped drop drops increased "
    "increase increases decreased decrease decreases grew grow grows grown climbed climb jumped "
    "jump declined decline cut cuts raised raise went changed reduced reduce expanded shrank "
    "shrunk surged soared slumped plunged tumbled edged slid sank boosted lowered lifted moved "
    "swung up down".split())

# Plurals after a number word and a hyphen that make a decade: "the early two-thousands".
DECADE_WORDS = frozenset({"teens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                          "eighties", "nineties", "hundreds", "thousands"})
# Two counts joined by "-" or "to" are a tally, two numbers, not a range, after a vote verb
# ("the Senate voted 48-51") or before a tally noun ("a 5-4 ruling", "a 52-48 majority").
TALLY_VERBS = frozenset({"vote", "votes", "voted", "voting", "tally", "passed", "approved", "rejected"})
TALLY_NOUNS = frozenset({"vote", "votes", "ruling", "decision", "majority", "margin", "tally", "win",
                         "victory", "loss", "defeat", "lead", "verdict", "split"})
# A score after these verbs, when nothing is counted after it: "lost 1-3 on Sunday".
SCORE_VERBS = frozenset({"won", "win", "wins", "lost", "lose", "loses", "beat", "beats", "defeated",
                         "drew", "led", "leads", "trailed", "trails", "score", "scored"})
SCORE_ENDS = frozenset({"on", "in", "at", "against", "over", "to", "with", "after", "and", "but", "for"})
# Words right before a bare number of three or more digits that make it a phone number.
PHONE_WORDS = frozenset("call called calling dial dialed dialled text texted phone hotline helpline "
                        "freephone tel fax".split())
# Nouns after "one" that make it an idiom, not a count: "at one point", "one thing is clear".
ONE_IDIOMS = frozenset({"point", "thing", "way", "day", "time", "side", "hand", "reason"})
# Nouns after an ordinal that make one word with it, naming a kind, not a rank:
# "first class", "first aid", "second-hand", "third party", "first responders".
ORDINAL_IDIOMS = frozenset({"class", "aid", "hand", "lady", "gentleman", "responder", "responders",
                            "party", "parties", "rate", "cousin", "cousins", "nature", "thoughts",
                            "glance", "sight", "string", "wind", "guess", "fiddle", "language"})
# Words before a number that make it a label, not an amount ("page 5", "Route 66").
NAME_WORDS = frozenset((
    "route highway interstate channel flight chapter section sec article art page pages p pp "
    "paragraph para clause rule title room rm suite ste gate terminal level category cat stage "
    "phase episode ep volume vol issue no nos number unit apt apartment exit figure fig table "
    "amendment proposition prop measure district precinct ward lot box pier platform track bus "
    "tier item act part book step game round hole lap version v model grade division type form "
    "schedule annex appendix question q verse psalm covid windows iphone galaxy pixel").split())


def phrase_after(toks: list[Tok], b: int, table: dict) -> tuple[int, str] | None:
    """The longest phrase of `table` starting at token b: (index after it, its value)."""
    best = None
    for n in range(1, LONGEST_PHRASE + 1):
        if b + n > len(toks):
            break
        key = tuple(t.low for t in toks[b:b + n])
        if key in table:
            best = (b + n, table[key])
    return best


def phrase_before(toks: list[Tok], a: int, floor: int, table: dict) -> tuple[int, object] | None:
    """The longest phrase of `table` (tuples of lowercase words) ending right before a."""
    best = None
    for n in range(1, LONGEST_PHRASE + 1):
        s = a - n
        if s < floor:
            break
        key = tuple(t.low for t in toks[s:a])
        if key in table:
            best = (s, table[key])
    return best


def glued_name(toks: list[Tok], i: int) -> bool:
    """Digits glued to letters before them: "Covid-19", "F-35", "MP3", "SCP173"."""
    if i == 0 or not toks[i].glued:
        return False
    p = toks[i - 1]
    if p.kind == "word":
        return True
    return p.text in "-\u2010\u2011" and p.glued and i >= 2 and toks[i - 2].kind == "word"


def slash_pair(toks: list[Tok], a: int, b: int) -> bool:
    """Digits joined to digits by a slash that did not read as a fraction."""
    if b < len(toks) - 1 and toks[b].text == "/" and toks[b].glued and toks[b + 1].kind == "num" \
            and toks[b + 1].glued:
        return True
    return (a >= 2 and toks[a - 1].text == "/" and toks[a].glued and toks[a - 1].glued
            and toks[a - 2].kind == "num")


def month_near(toks: list[Tok], a: int, b: int) -> bool:
    before = toks[a - 1].low if a > 0 else ""
    if before == "." and a > 1:
        before = toks[a - 2].low
    after = toks[b + 1].low if b < len(toks) and toks[b].low == "of" and b + 1 < len(toks) else (
        toks[b].low if b < len(toks) else "")
    return before in MONTHS or after in MONTHS
