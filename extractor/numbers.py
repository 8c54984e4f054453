"""Numbers cited in the text: counts, percentages, money, measures, rates, ordinals.

One pass over the tokens of `numwords.lex`: wherever `numwords.read_number` reads a
number, the words around it say what it is. Before it: a currency ("$", "US$",
"EUR"), an approximation or bound ("nearly", "more than", "up to", "between").
After it: percent, a currency word ("dollars", "Malaysian ringgit", "cents"), a unit
of measure ("acres", "-mile", "km/h"), a second number making a range ("5-10%",
"400 to 500"), a counted noun and a period making a rate ("900 new patients each
month"). spaCy's parse is read for the counted noun and to tell ordinals and the
pronoun "one" apart from numbers.

Not numbers: what the dates stage took (years, dates, times, durations; spaCy's
DATE/TIME entities stand in when it gave nothing), phone numbers, addresses and
ZIP codes, and numbers inside names ("KCRA 3", "Covid-19", "Route 66", "page 5").

Units: percent is "percent"; money is an ISO 4217 code ("$" is USD unless the text
says C$, A$, HK$ ...); a measure is its unit word as written, lowercased ("miles",
"km", "acre" in "45-acre"); a count or rate is its counted noun as written,
lowercased ("patients"). Money is in the currency's main unit: "20 cents" is 0.2.
"""
from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from . import numlex as lx
from .numwords import GLUED_MULTIPLIERS, SCALES, SPACED_MULTIPLIERS, Reading, Tok, lex, number_windows, read_number
from .records import DateMention, NumberMention

# The blocked patterns reach at most this far from their digits ("3280 E Foothill Blvd",
# "Calif. 91107"); they are only searched that close to digits.
BLOCK_REACH = 60
# Years: four digits in this range with nothing that makes them a count or amount.
YEAR_MIN, YEAR_MAX = 1000, 2099
# A count, unit or period at most this many tokens after the number still belongs to it
# ("900 new patients each month"); chosen so adjectives fit and the next clause does not.
NOUN_WINDOW = 4
MINUS_SIGNS = "-\u2212"
ORDINAL_NAME_ENTS = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "GPE", "PERSON", "NORP"}


@dataclass
class _Found:
    """A number being read: token bounds [a, b) and what the context adds."""

    a: int
    b: int
    value: float
    reading: Reading
    kind: str = "count"
    unit: str | None = None
    value_max: float | None = None
    approximate: bool = False
    bound: str | None = None      # "lo" or "hi" for "more than" / "up to"


class _Context:
    """The text, its tokens, blocked spans and spaCy's view of each character."""

    def __init__(self, doc: Doc, dates: Sequence[DateMention]):
        self.doc = doc
        self.text = doc.text
        self.toks = lex(self.text, number_windows(self.text))
        spans = [(d.start, d.end) for d in dates]
        if not spans:   # the dates stage gave nothing: spaCy's dates that look like dates
            spans = [(e.start_char, e.end_char) for e in doc.ents
                     if e.label_ in ("DATE", "TIME") and lx.DATE_WORD_RE.search(e.text)]
        for start, end in _digit_windows(self.text):   # the patterns all hold digits
            for pattern in lx.BLOCKED_RES:
                spans.extend(m.span() for m in pattern.finditer(self.text, start, end))
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.block_starts = [s for s, _ in merged]
        self.block_ends = [e for _, e in merged]
        self.tok_starts = doc.to_array("IDX").tolist()

    def blocked(self, start: int, end: int) -> bool:
        """Some blocked span overlaps [start, end) (the spans are merged, so one look)."""
        k = bisect.bisect_left(self.block_starts, end) - 1
        return k >= 0 and self.block_ends[k] > start

    def token(self, char: int):
        """The spaCy token at a character offset."""
        k = bisect.bisect_right(self.tok_starts, char) - 1
        return self.doc[max(k, 0)]


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of text within BLOCK_REACH characters of a digit."""
    out: list[tuple[int, int]] = []
    for m in lx.DIGITS_RE.finditer(text):
        start, end = max(0, m.start() - BLOCK_REACH), min(len(text), m.end() + BLOCK_REACH)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def find_numbers(doc: Doc, *, dates: Sequence[DateMention] = ()) -> list[NumberMention]:
    """Every number the article states, normalized; numbers inside `dates` are not numbers.

    Args:
        doc: the parsed article.
        dates: the dates stage's mentions; a number inside one is part of a date.

    Returns:
        The numbers in text order.
    """
    ctx = _Context(doc, dates)
    toks = ctx.toks
    out: list[NumberMention] = []
    i, floor = 0, 0
    while i < len(toks):
        t = toks[i]
        if t.kind == "sym" and t.text not in lx.VULGAR_SET or (t.kind == "word" and t.low not in lx.STARTERS):
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


def _read_mention(ctx: _Context, i: int, reading: Reading, floor: int) -> _Found | None:
    toks = ctx.toks
    f = _Found(i, reading.end, reading.value, reading)
    if reading.hint == "vague":
        f.approximate = True
    _read_left(ctx, f, floor)
    if reading.hint != "ordinal":     # "second-degree" is no measure
        _read_right(ctx, f)
        _read_range(ctx, f)
    if _not_a_number(ctx, f, i, reading):
        return None
    if f.kind == "ratio" or f.kind == "count" and reading.hint in ("fraction", "fold"):
        f.kind = "other"
    if reading.hint == "ordinal":
        f.kind = "ordinal"
    if f.kind == "count":
        _counted_noun(ctx, f)
    finite = math.isfinite(f.value) and math.isfinite(f.value_max or 0)   # "1" * 400 overflows
    return f if toks[f.a].start < toks[f.b - 1].end and finite else None


def _read_left(ctx: _Context, f: _Found, floor: int) -> None:
    toks = ctx.toks
    a = f.a
    if a - 2 >= floor and toks[a - 1].text in MINUS_SIGNS and toks[a - 1].glued and toks[a].glued \
            and toks[a - 2].text in lx.SYMBOLS:
        a -= 1                     # "$-3 billion"
        f.value = -f.value
    # currency before the number: $, US$, C$, £, EUR, Rs.
    cur = lx.currency_before(ctx.text, toks, a, floor)
    if cur:
        a, code, mult = cur
        f.kind, f.unit = "money", code
        f.value *= mult
    # minus: "minus five", "-9.2", "-$3 billion"
    if a - 1 >= floor and toks[a - 1].low in ("minus", "negative"):
        a -= 1
        f.value = -f.value
    elif (a - 1 >= floor and toks[a - 1].text in MINUS_SIGNS and toks[a].glued
          and (toks[a].kind == "num" or f.kind == "money" and toks[a].kind == "sym")
          and (a - 1 == 0 or not toks[a - 1].glued or toks[a - 2].text in "<>=(")
          and (a < 2 or toks[a - 2].text in "<>=(" or toks[a - 2].kind == "word"
               and toks[a - 2].low not in lx.STARTERS)):
        a -= 1
        f.value = -f.value
    hit = lx.phrase_before(toks, a, floor, lx.BOUNDS)
    if hit:
        a, bound = hit
        f.approximate = bound != "eq"
        f.bound = None if bound == "approx" else bound
        if bound == "eq":          # "equal to 20": the range [20, 20]
            f.value_max = f.value
    if a - 1 >= floor and toks[a - 1].low in ("between", "from"):
        f.bound = toks[a - 1].low
        a -= 1
    f.a = a


def _read_right(ctx: _Context, f: _Found) -> None:
    toks, b = ctx.toks, f.b
    money = f.kind == "money"
    hit = lx.suffix_after(toks, b, f.reading, money=money)
    if hit and not money:
        b, f.kind, f.unit, mult = hit
        f.value *= mult
    elif hit and hit[1] == "money":      # "$5m", "$5 million dollars", "US$ 5 USD"
        b = hit[0]
        f.value *= hit[3]
    if f.kind in ("money", "quantity", "count"):
        post = lx.phrase_after(toks, b, lx.POST_BOUNDS)
        nxt = toks[post[0]] if post and post[0] < len(toks) else None
        if nxt and (nxt.low in lx.STARTERS | {"$", "than"} or nxt.kind == "num"):
            post = None             # "above 1000 and below 1500", "200 or more than": the next bound's
        if post:
            b, bound = post
            f.approximate = True
            f.bound = f.bound or (None if bound == "approx" else bound)
    f.b = b


def _read_range(ctx: _Context, f: _Found) -> None:
    """A second number making a range or ratio: "400 to 500", "5-10%", "between 5 and 10",
    "more than 10 and less than 20", "one in five"."""
    toks, b = ctx.toks, f.b
    if b >= len(toks):
        return
    sep = toks[b].low
    if f.bound in ("lo", "hi") and sep in ("and", "but", ","):
        _read_bounded_pair(ctx, f)
        return
    if sep in ("in", "out", "over") and f.bound is None and f.kind == "count":
        _read_ratio(ctx, f)
        return
    between = f.bound == "between"
    if not (sep in lx.RANGE_SEPARATORS or (sep == "and" and between)):
        _drop_range_word(f)
        return
    code = lx.currency_at(toks, b + 1)
    second = _second(ctx, b + 2 if code else b + 1, money=bool(code) or f.kind == "money")
    if second is None:
        _drop_range_word(f)
        return
    g, reading = second
    if code:
        g.unit = code
    lo, hi = f.value, g.value
    # "5 to 10 million", "$5-10m", "5 to 10 cents": the first shares the second's scale
    factor = (_scale(toks, g.a, g.b) if reading.multiplier else 1.0) * (
        abs(g.value / reading.value) if reading.value else 1.0)
    if not f.reading.multiplier and f.value == f.reading.value and lo * factor <= hi:
        lo *= factor
    if f.kind != "count" and g.kind not in (f.kind, "count") or not between and (
            lo >= hi or f.bound == "from" and _change_context(toks, f.a)):
        _drop_range_word(f)                # "rose from 12% to 10%", a score "3-1"
        return
    if lx.is_time_unit(toks, g.b):
        f.kind = "duration"                # "5-10 years" is the dates stage's
        return
    f.value, f.value_max, f.b = lo, hi, g.b
    if f.kind == "count" and g.kind != "count":
        f.kind, f.unit = g.kind, g.unit
    f.bound = None


def _scale(toks: list[Tok], a: int, b: int) -> float:
    """The last scale or multiplier in tokens [a, b): "10 million" -> 1e6, "10k" -> 1e3."""
    for t in reversed(toks[a:b]):
        if t.low in SCALES:
            return SCALES[t.low]
        if t.low == "hundred":
            return 100
        if t.kind == "word" and t.glued and t.text in GLUED_MULTIPLIERS:
            return GLUED_MULTIPLIERS[t.text]
        if t.low in SPACED_MULTIPLIERS:
            return SPACED_MULTIPLIERS[t.low]
    return 1.0


def _second(ctx: _Context, j: int, *, money: bool = False) -> tuple[_Found, Reading] | None:
    """The number at token j with its suffix, for the end of a range."""
    toks = ctx.toks
    if j >= len(toks) or toks[j].kind == "sym" and toks[j].text not in lx.VULGAR_SET:
        return None
    neg = toks[j].low in ("minus", "negative") and j + 1 < len(toks)
    reading = read_number(toks, j + 1 if neg else j)
    if reading is None or reading.hint in ("ordinal", "vague"):
        return None
    g = _Found(j, reading.end, -reading.value if neg else reading.value, reading,
               kind="money" if money else "count")
    _read_right(ctx, g)
    return g, reading


def _drop_range_word(f: _Found) -> None:
    """"between"/"from" with no second number is not part of the mention."""
    if f.bound in ("between", "from"):
        f.a += 1
        f.bound = None


def _read_bounded_pair(ctx: _Context, f: _Found) -> None:
    """"more than 10 and less than 20" -> [10, 20]; "at most 100 and at least 20" -> [20, 100]."""
    toks = ctx.toks
    other = lx.UPPER_BOUNDS if f.bound == "lo" else lx.LOWER_BOUNDS
    hit = lx.phrase_after(toks, f.b + 1, other)
    if not hit:
        return
    second = _second(ctx, hit[0])
    if second is None:
        return
    g, _ = second
    lo, hi = (f.value, g.value) if f.bound == "lo" else (g.value, f.value)
    if lo < hi and g.kind == f.kind:
        f.value, f.value_max, f.b, f.bound = lo, hi, g.b, None


def _read_ratio(ctx: _Context, f: _Found) -> None:
    """"one in five", "2 out of 500" (the first the smaller), "1 over 3": a share."""
    toks, b = ctx.toks, f.b
    j = b + 2 if toks[b].low == "out" and b + 1 < len(toks) and toks[b + 1].low == "of" else b + 1
    if toks[b].low == "out" and j == b + 1:
        return
    second = _second(ctx, j)
    if second is None:
        return
    g, reading = second
    if g.kind == "count" and g.value and (0 < f.value < g.value or toks[b].low == "over") \
            and not lx.is_time_unit(toks, g.b) and not (toks[b].low == "over" and g.unit):
        f.value, f.b, f.kind = f.value / g.value, reading.end, "ratio"


def _change_context(toks: list[Tok], a: int) -> bool:
    """"rose from 5 to 10": a change between two values, not a range."""
    return any(t.low in lx.CHANGE_VERBS for t in toks[max(0, a - 3):a])


def _not_a_number(ctx: _Context, f: _Found, i: int, reading: Reading) -> bool:
    """Dates, times, durations, names, addresses, pronouns: not numbers."""
    toks = ctx.toks
    core_start, core_end = toks[i].start, toks[reading.end - 1].end
    if f.kind == "duration" or ctx.blocked(core_start, core_end):
        return True
    plain = f.kind in ("count", "ratio") and f.unit is None
    if plain and lx.is_time_unit(toks, f.b):
        return True
    if plain and f.kind == "count" and _is_year(ctx, f, i, reading):
        return True
    if _is_label(ctx, f, i, reading, plain=plain):
        return True
    if reading.hint == "ordinal":
        tok = ctx.token(core_start)
        if tok.pos_ != "ADJ" or tok.ent_type_ in ORDINAL_NAME_ENTS or lx.month_near(toks, f.a, f.b):
            return True
    if f.kind == "count" and reading.end == i + 1 and toks[i].low == "one" \
            and not f.approximate and f.value > 0:
        tok = ctx.token(core_start)
        if tok.dep_ != "nummod" or tok.head.i < tok.i or tok.head.lower_ in lx.ONE_IDIOMS:
            return True             # "one of", "a little one", "at one point", "one thing"
    return False


def _is_label(ctx: _Context, f: _Found, i: int, reading: Reading, *, plain: bool) -> bool:
    """Names, codes and phone numbers: "Covid-19", "5G", "070 Shake", "24/7", "KCRA 3"."""
    toks = ctx.toks
    if f.kind not in ("money", "percent") and lx.glued_name(toks, i):
        return True
    if toks[i].kind == "num" and toks[i].text[:1] == "0" and toks[i].text[1:2] not in ("", ".", ","):
        return True                 # "070 Shake", "007": codes and names; not "0.5", "0,5"
    if not plain:
        return False
    if f.b < len(toks) and toks[f.b].glued and toks[f.b].kind == "word":
        return True                 # "5G", "3D", "4K", "2FA": names, not amounts
    if lx.slash_pair(toks, i, reading.end):
        return True                 # "24/7", "9/11", "50/50": not fractions, not amounts
    if f.a == i and (_name_before(ctx, f.a) or _name_after(ctx, f.a, f.b)):
        return True
    return i > 0 and toks[i - 1].low in lx.PHONE_WORDS and f.value >= 100   # "called 911"


def _is_year(ctx: _Context, f: _Found, i: int, reading: Reading) -> bool:
    t = ctx.toks[i]
    if not (reading.end == i + 1 and t.kind == "num" and len(t.text) == 4 and t.text.isdigit()):
        return False
    if not YEAR_MIN <= f.value <= YEAR_MAX or f.value_max is not None or f.bound in ("lo", "hi"):
        return False
    tok = ctx.token(t.start)
    head = tok.head
    return not (tok.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS") and head.i > tok.i)


def _counted_noun(ctx: _Context, f: _Found) -> None:
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
    if after + 1 < len(doc) and doc[after].lower_ in lx.PER_WORDS and doc[after + 1].lower_ in lx.PERIODS:
        f.kind = "rate"


def _name_before(ctx: _Context, a: int) -> bool:
    """"KCRA 3", "Route 66", "page 5", "No. 1", "#1", "Covid-19", "MP3"."""
    toks = ctx.toks
    if a == 0:
        return False
    p = toks[a - 1]
    if p.text == "#":
        return True
    if p.text == "." and a >= 2 and toks[a - 2].low in lx.NAME_WORDS:
        return True
    if p.kind != "word":
        return False
    if p.low in lx.NAME_WORDS:
        return True
    if not p.text[:1].isupper() or p.low in lx.MONTHS or p.low in lx.WEEKDAYS or p.low in lx.STARTERS:
        return False
    if a + 2 < len(toks) and toks[a + 1].text in "-\u2013" and toks[a + 2].kind == "num":
        return False                # "Khachanov 6-3": a score after a name
    return ctx.token(p.start).pos_ == "PROPN"


def _name_after(ctx: _Context, a: int, b: int) -> bool:
    """"the 687 Reamer fire": a number before a proper name, counting nothing plural."""
    toks = ctx.toks
    if b >= len(toks) or not toks[b].text[:1].isupper() or toks[b].low in lx.MONTHS:
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


def _record(ctx: _Context, f: _Found) -> NumberMention:
    start, end = ctx.toks[f.a].start, ctx.toks[f.b - 1].end
    return NumberMention(text=ctx.text[start:end], start=start, end=end, value=_number(f.value),
                         kind=f.kind, unit=f.unit, value_max=_number(f.value_max),
                         approximate=f.approximate)
