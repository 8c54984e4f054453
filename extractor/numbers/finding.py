"""Numbers cited in the text: counts, percentages, money, measures, rates, ordinals.

One pass over the tokens of `tokens.lex`: wherever `words.read_number` reads a
number, the words around it say what it is. Before it: a currency ("$", "US$",
"EUR"), an approximation or bound ("nearly", "more than", "up to", "between").
After it: percent, a currency word ("dollars", "Malaysian ringgit", "cents"), a unit
of measure ("acres", "-mile", "km/h"), a second number making a range ("5-10%",
"400 to 500", "five or six"), a counted noun and a period making a rate ("900 new
patients each month", "$15 an hour"), an age ("25-year-old"). spaCy's parse is read
for the counted noun, ages between commas ("Cornyn, 72,") and to tell ordinals and
the pronoun "one" apart from numbers.

Not numbers: what the dates stage took (years, dates, times, durations; spaCy's
DATE/TIME entities stand in when it gave nothing) except ages, phone numbers,
addresses and ZIP codes, and numbers inside names ("KCRA 3", "Covid-19", "Route 66",
"page 5", "7-Eleven"). Votes and scores ("voted 56-40") are two numbers.

Units: percent is "percent"; money is an ISO 4217 code ("$" is USD unless the text
says C$, A$, HK$ ...), a rate of money its code and period ("USD per hour"); a
measure is its unit word as written, lowercased ("miles", "km", "acre" in "45-acre"),
a temperature "degrees" and its scale ("degrees celsius"), an age "years" (or
"months", ...); a count or rate is its counted noun as written, lowercased
("patients"). Money is in the currency's main unit: "20 cents" is 0.2.

Here: the pass, what is not a number, the counted noun. The words on each side of a
number are read in bounds.py, with the tables of lexicon/numbers.py, money.py and units.py.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from spacy.tokens import Doc

from .bounds import read_left, read_range, read_right
from .context import Context, Found
from .money import CURRENCY_WORDS, currency_code
from .phrases import (DECADE_WORDS, NAME_WORDS, ONE_IDIOMS, ORDINAL_IDIOMS, PHONE_WORDS, glued_name,
                      month_near, slash_pair)
from .tokens import HYPHENS, Tok
from .units import PER_WORDS, PERIODS, UNIT_WORDS, is_time_unit
from ..lexicon.calendar import MONTHS, WEEKDAYS
from ..lexicon.numbers import SCALES, STARTERS, VULGAR_SET
from .words import Reading, read_number
from ..records import DateMention, NumberMention

# Years: four digits in this range with nothing that makes them a count or amount.
YEAR_MIN, YEAR_MAX = 1000, 2099
# A count, unit or period at most this many tokens after the number still belongs to it
# ("900 new patients each month"); chosen so adjectives fit and the next clause does not.
NOUN_WINDOW = 4
# The oldest age a bare number after a person's name is read as ("Cornyn, 72,").
MAX_AGE = 120
ORDINAL_NAME_ENTS = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "GPE", "PERSON", "NORP"}


def find_numbers(doc: Doc, *, dates: Sequence[DateMention] = ()) -> list[NumberMention]:
    """Every number the article states, normalized; numbers inside `dates` are not numbers.

    Args:
        doc: the parsed article.
        dates: the dates stage's mentions; a number inside one is part of a date.

    Returns:
        The numbers in text order.
    """
    ctx = Context(doc, dates)
    toks = ctx.toks
    out: list[NumberMention] = []
    i, floor = 0, 0
    while i < len(toks):
        t = toks[i]
        if t.kind == "sym" and t.text not in VULGAR_SET or (t.kind == "word" and t.low not in STARTERS):
            i += 1
            continue
        reading = read_number(toks, i)
        if reading is None:
            i += 1
            continue
        found = _read_mention(ctx, i, reading, floor)
        if found is None:
            i = reading.end
            continue
        out.append(_record(ctx, found))
        i = floor = found.b
    return out


def _read_mention(ctx: Context, i: int, reading: Reading, floor: int) -> Found | None:
    toks = ctx.toks
    f = Found(i, reading.end, reading.value, reading)
    if reading.hint == "vague":
        f.approximate = True
    read_left(ctx, f, floor)
    if reading.hint != "ordinal":     # "second-degree" is no measure
        read_right(ctx, f)
        read_range(ctx, f)
    if _not_a_number(ctx, f, i, reading):
        return None
    if f.kind == "ratio" or f.kind == "count" and reading.hint in ("fraction", "fold"):
        f.kind = "other"
    if reading.hint == "ordinal":
        f.kind = "ordinal"
    if f.kind == "count" and _is_age(ctx, f):
        f.kind, f.unit = "quantity", "years"
    if f.kind == "count":
        _counted_noun(ctx, f)
    finite = math.isfinite(f.value) and math.isfinite(f.value_max or 0)   # "1" * 400 overflows
    return f if toks[f.a].start < toks[f.b - 1].end and finite else None


def _not_a_number(ctx: Context, f: Found, i: int, reading: Reading) -> bool:
    """Dates, times, durations, names, addresses, pronouns: not numbers."""
    toks = ctx.toks
    core_start, core_end = toks[i].start, toks[reading.end - 1].end
    if f.kind == "duration" or ctx.blocked(core_start, core_end):
        return True
    plain = f.kind in ("count", "ratio") and f.unit is None
    if plain and is_time_unit(toks, f.b):
        return True
    if plain and f.kind == "count" and _is_year(ctx, f, i, reading):
        return True
    if _is_label(ctx, f, i, reading, plain=plain):
        return True
    if reading.hint == "ordinal":
        tok = ctx.token(core_start)
        if tok.pos_ != "ADJ" or tok.ent_type_ in ORDINAL_NAME_ENTS or month_near(toks, f.a, f.b):
            return True
        nxt = f.b + 1 if f.b < len(toks) and toks[f.b].text in HYPHENS else f.b
        if nxt < len(toks) and toks[nxt].low in ORDINAL_IDIOMS:
            return True             # "a first class seat", "second-hand", "third party": no rank
    if f.kind == "count" and reading.end == i + 1 and toks[i].low == "one" \
            and not f.approximate and f.value > 0:
        tok = ctx.token(core_start)
        if tok.dep_ != "nummod" or tok.head.i < tok.i or tok.head.lower_ in ONE_IDIOMS:
            return True             # "one of", "a little one", "at one point", "one thing"
        if any(t.lower_ in ("another", "other") for t in ctx.doc[tok.i + 1:tok.i + 2 + NOUN_WINDOW]):
            return True             # "from one crisis to another", "one side or the other"
    return False


def _is_label(ctx: Context, f: Found, i: int, reading: Reading, *, plain: bool) -> bool:
    """Names, codes and phone numbers: "Covid-19", "5G", "070 Shake", "24/7", "KCRA 3"."""
    toks = ctx.toks
    if f.kind not in ("money", "percent") and glued_name(toks, i):
        return True
    if toks[i].kind == "num" and toks[i].text[:1] == "0" and toks[i].text[1:2] not in ("", ".", ","):
        return True                 # "070 Shake", "007": codes and names; not "0.5", "0,5"
    if _capital_after_hyphen(toks, i + 1) or toks[i].kind == "word" and _capital_after_hyphen(toks, i - 1):
        return True                 # "7-Eleven", "10-K", "4-H": names, not ranges or measures
    if reading.words and reading.end + 1 < len(toks) and toks[reading.end].text in HYPHENS \
            and toks[reading.end + 1].low in DECADE_WORDS:
        return True                 # "the early two-thousands", "the nineteen-nineties": decades
    if not plain:
        return False
    if f.b < len(toks) and toks[f.b].glued and toks[f.b].kind == "word":
        return True                 # "5G", "3D", "4K", "2FA": names, not amounts
    if slash_pair(toks, i, reading.end):
        return True                 # "24/7", "9/11", "50/50": not fractions, not amounts
    if f.a == i and (_name_before(ctx, f.a) or _name_after(ctx, f.a, f.b)):
        return True
    return i > 0 and toks[i - 1].low in PHONE_WORDS and f.value >= 100   # "called 911"


def _capital_after_hyphen(toks: list[Tok], h: int) -> bool:
    """Digits, a hyphen at h and a capitalized word glued to it that is no unit ("7-Eleven")."""
    if not (0 < h < len(toks) - 1 and toks[h - 1].kind == "num" and toks[h].text in HYPHENS):
        return False
    word = toks[h + 1]
    return (toks[h].glued and word.glued and word.kind == "word" and word.text[:1].isupper()
            and word.low not in UNIT_WORDS and word.low not in SCALES
            and currency_code(word) is None and word.low not in CURRENCY_WORDS)


def _is_year(ctx: Context, f: Found, i: int, reading: Reading) -> bool:
    t = ctx.toks[i]
    if not (reading.end == i + 1 and t.kind == "num" and len(t.text) == 4 and t.text.isdigit()):
        return False
    if not YEAR_MIN <= f.value <= YEAR_MAX or f.value_max is not None or f.bound in ("lo", "hi"):
        return False
    tok = ctx.token(t.start)
    head = tok.head
    return not (tok.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS") and head.i > tok.i)


def _is_age(ctx: Context, f: Found) -> bool:
    """"aged 19", "ages 18 to 24", "Cornyn, 72, served": a person's age in years."""
    toks = ctx.toks
    if f.a == 0 or not (0 < f.value <= MAX_AGE and float(f.value).is_integer()) or f.bound:
        return False
    if toks[f.a - 1].low in ("age", "aged", "ages"):
        return True
    if toks[f.a - 1].text != "," or f.a < 2 or f.value_max is not None:
        return False
    closed = f.b == len(toks) or toks[f.b].text in ",;."
    who = ctx.token(toks[f.a - 2].start)
    if not closed or toks[f.a - 2].kind != "word" or who.pos_ not in ("PROPN", "NOUN"):
        return False
    # spaCy's model learnt OntoNotes, where an age between commas is a DATE
    return who.ent_type_ == "PERSON" or ctx.token(toks[f.a].start).ent_type_ == "DATE"


def _counted_noun(ctx: Context, f: Found) -> None:
    """The noun a count counts ("60 counties", "14 other brands", "156 access complaints"),
    and a period after it making a rate ("900 new patients each month")."""
    doc = ctx.doc
    k = ctx.token(ctx.toks[f.b - 1].start).i + 1
    limit = min(len(doc), k + NOUN_WINDOW)
    while k < limit and doc[k].pos_ in ("ADJ", "ADV", "NUM") and doc[k].dep_ != "ROOT":
        k += 1
    if k >= limit or doc[k].pos_ not in ("NOUN", "PROPN"):
        return
    noun = doc[k]
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.i < limit + 2:
        noun = noun.head
    f.unit = noun.text.lower()
    after = noun.i + 1
    if after + 1 < len(doc) and doc[after].lower_ in PER_WORDS and doc[after + 1].lower_ in PERIODS:
        f.kind = "rate"


def _name_before(ctx: Context, a: int) -> bool:
    """"KCRA 3", "Route 66", "page 5", "No. 1", "#1", "Covid-19", "MP3"."""
    toks = ctx.toks
    if a == 0:
        return False
    p = toks[a - 1]
    if p.text == "#":
        return True
    if p.text == "." and a >= 2 and toks[a - 2].low in NAME_WORDS:
        return True
    if p.kind != "word":
        return False
    if p.low in NAME_WORDS:
        return True
    if not p.text[:1].isupper() or p.low in MONTHS or p.low in WEEKDAYS or p.low in STARTERS:
        return False
    if a + 2 < len(toks) and toks[a + 1].text in "-\u2013" and toks[a + 2].kind == "num":
        return False                # "Khachanov 6-3": a score after a name
    return ctx.token(p.start).pos_ == "PROPN"


def _name_after(ctx: Context, a: int, b: int) -> bool:
    """"the 687 Reamer fire": a number before a proper name, counting nothing plural."""
    toks = ctx.toks
    if b >= len(toks) or not toks[b].text[:1].isupper() or toks[b].low in MONTHS:
        return False
    nxt = ctx.token(toks[b].start)
    num = ctx.token(toks[b - 1].start)
    return nxt.tag_ == "NNP" and num.head.tag_ in ("NN", "NNP") and num.head.i > num.i


def _number(x: float | None) -> float | int | None:
    """A whole number as int (900, not 900.0); others to 10 significant digits."""
    if x is None:
        return None
    if abs(x) >= 1 and abs(x - round(x)) < 1e-6 * abs(x) and abs(x) < 1e15 or x == 0:
        return int(round(x))
    return float(f"{x:.10g}")


def _record(ctx: Context, f: Found) -> NumberMention:
    start, end = ctx.toks[f.a].start, ctx.toks[f.b - 1].end
    return NumberMention(text=ctx.text[start:end], start=start, end=end, value=_number(f.value),
                         kind=f.kind, unit=f.unit, value_max=_number(f.value_max),
                         approximate=f.approximate)
