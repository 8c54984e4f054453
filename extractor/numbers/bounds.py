"""Where a number mention starts and ends: the words on each side of the number.

Before it: a currency, a minus sign, a bound ("nearly", "more than", "between").
After it: percent, money or a unit, and a bound ("or more"); then a second number
making a range ("400 to 500", "5-10%"), a bounded pair ("more than 10 and less
than 20") or a ratio ("one in five").
"""
from __future__ import annotations

from .context import Context, Found
from .phrases import (BOUNDS, CHANGE_VERBS, LOWER_BOUNDS, POST_BOUNDS, RANGE_SEPARATORS, SCORE_ENDS,
                      SCORE_VERBS, TALLY_NOUNS, TALLY_VERBS, UPPER_BOUNDS, phrase_after, phrase_before)
from .money import SYMBOLS, currency_at, currency_before
from .tokens import HYPHENS, Tok
from .units import is_time_unit, period_after, suffix_after
from ..lexicon.numbers import GLUED_MULTIPLIERS, SCALES, SPACED_MULTIPLIERS, STARTERS, VULGAR_SET
from .words import Reading, read_number

MINUS_SIGNS = "-\u2212"
# After a change verb, a "range" whose ends lie this far apart is a change by the first
# to the second ("rose $1.20 to $42.10"); ranges in news span less than tenfold ("$5 to $10").
CHANGE_SPREAD = 10
# "X or Y" is a range when Y is at most twice X or this much more ("five or six", "10 or
# 20"); two numbers further apart are alternatives ("1 or 100").
ALTERNATIVE_SPREAD = 10
# Words that open the next bound or number after a bound word ("200 or more than", "above 1000 and below 1500")
_NEXT_BOUND_STARTS = STARTERS | {"$", "than"}


def read_left(ctx: Context, f: Found, floor: int) -> None:
    """Widen f leftwards over a currency, a minus sign and a bound, not past token `floor`."""
    toks = ctx.toks
    a = f.a
    if a - 2 >= floor and toks[a - 1].text in MINUS_SIGNS and toks[a - 1].glued and toks[a].glued \
            and toks[a - 2].text in SYMBOLS:
        a -= 1                     # "$-3 billion"
        f.value = -f.value
    # currency before the number: $, US$, C$, £, EUR, Rs.
    cur = currency_before(ctx.text, toks, a, floor)
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
               and toks[a - 2].low not in STARTERS)):
        a -= 1
        f.value = -f.value
    hit = phrase_before(toks, a, floor, BOUNDS)
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


def read_right(ctx: Context, f: Found) -> None:
    """Widen f rightwards over percent, money or a unit, and a bound after it ("or more")."""
    toks, b = ctx.toks, f.b
    money = f.kind == "money"
    b = _past_uncertainty(toks, b)
    hit = suffix_after(toks, b, f.reading, money=money)
    if hit and not money:
        b, f.kind, f.unit, mult = hit
        f.value *= mult
    elif hit and hit[1] == "money":      # "$5m", "$5 million dollars", "US$ 5 USD"
        b = hit[0]
        f.value *= hit[3]
    per = period_after(toks, b) if f.kind == "money" else None
    if per:                              # "$15 an hour", "$15-an-hour", "£500 per week"
        b, f.kind, f.unit = per[0], "rate", f"{f.unit} per {per[1]}"
    if f.kind in ("money", "quantity", "count"):
        post = phrase_after(toks, b, POST_BOUNDS)
        nxt = toks[post[0]] if post and post[0] < len(toks) else None
        if nxt and (nxt.low in _NEXT_BOUND_STARTS or nxt.kind == "num"):
            post = None             # "above 1000 and below 1500", "200 or more than": the next bound's
        if post:
            b, bound = post
            f.approximate = True
            f.bound = f.bound or (None if bound == "approx" else bound)
    f.b = b


def _past_uncertainty(toks: list[Tok], b: int) -> int:
    """After "± 0.5" or "+/- 0.5" ("5 ± 0.5 m"): the number is the value, the unit follows."""
    j = b
    if j < len(toks) and toks[j].text == "\u00b1":
        j += 1
    elif j + 2 < len(toks) and (toks[j].text, toks[j + 1].text, toks[j + 2].text) == ("+", "/", "-"):
        j += 3
    if j == b or j >= len(toks) or toks[j].kind != "num":
        return b
    return j + 1


def read_range(ctx: Context, f: Found) -> None:
    """A second number making a range or ratio: "400 to 500", "5-10%", "between 5 and 10",
    "more than 10 and less than 20", "one in five", "18- to 24-year-olds"."""
    toks, b = ctx.toks, f.b
    dangling = b + 1 < len(toks) and toks[b].text in HYPHENS and toks[b].glued
    if dangling and toks[b + 1].low in ("to", "and", "or"):
        f.b += 1                     # "18- to 24-year-olds": the first number's unit is the second's
        _read_range(ctx, f)
        if f.b == b + 1:
            f.b = b                  # no second number: the hyphen is not the mention's
        return
    _read_range(ctx, f)


def _read_range(ctx: Context, f: Found) -> None:
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
    if sep == "or":
        _read_alternative(ctx, f)
        return
    if not (sep in RANGE_SEPARATORS or (sep == "and" and between)):
        _drop_range_word(f)
        return
    code = currency_at(toks, b + 1)
    money_unit = code or (f.unit if f.kind == "money" else None)
    second = _second(ctx, b + 2 if code else b + 1, money=bool(code) or f.kind == "money", unit=money_unit)
    if second is None:
        _drop_range_word(f)
        return
    g, reading = second
    lo, hi = f.value, g.value
    # "5 to 10 million", "$5-10m", "5 to 10 cents": the first shares the second's scale
    factor = (_scale(toks, g.a, g.b) if reading.multiplier else 1.0) * (
        abs(g.value / reading.value) if reading.value else 1.0)
    if not f.reading.multiplier and f.value == f.reading.value and lo * factor <= hi:
        lo *= factor
    # the second may say the rate for both: "$10-$15 an hour"
    rate_for_both = f.kind == "money" and g.kind == "rate"
    if f.kind != "count" and g.kind not in (f.kind, "count") and not rate_for_both or not between and (
            lo >= hi or f.bound == "from" and _change_context(toks, f.a) or _tally(toks, f, g)
            or sep == "to" and _change_by_to(toks, f, g, code)):
        _drop_range_word(f)                # "rose from 12% to 10%", a score "3-1", "voted 40-56"
        return
    if is_time_unit(toks, g.b):
        f.kind = "duration"                # "5-10 years" is the dates stage's
        return
    f.value, f.value_max, f.b = lo, hi, g.b
    if f.kind == "count" and g.kind != "count" or rate_for_both:
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


def _second(ctx: Context, j: int, *, money: bool = False, unit: str | None = None
            ) -> tuple[Found, Reading] | None:
    """The number at token j with its suffix, for the end of a range."""
    toks = ctx.toks
    if j >= len(toks) or toks[j].kind == "sym" and toks[j].text not in VULGAR_SET:
        return None
    neg = toks[j].low in ("minus", "negative") and j + 1 < len(toks)
    reading = read_number(toks, j + 1 if neg else j)
    if reading is None or reading.hint in ("ordinal", "vague"):
        return None
    g = Found(j, reading.end, -reading.value if neg else reading.value, reading,
               kind="money" if money else "count", unit=unit)
    read_right(ctx, g)
    return g, reading


def _drop_range_word(f: Found) -> None:
    """"between"/"from" with no second number is not part of the mention."""
    if f.bound in ("between", "from"):
        f.a += 1
        f.bound = None


def _read_alternative(ctx: Context, f: Found) -> None:
    """"five or six people", "2 or 3%": two close numbers, a range; not a list ("1, 2 or 3"),
    not a duration ("three or four days" is the dates stage's) and not "200 or greater"."""
    toks, b = ctx.toks, f.b
    listed = f.a > 0 and toks[f.a - 1].text == ","
    if f.bound or listed or f.kind not in ("count", "percent", "money", "quantity"):
        return
    second = _second(ctx, b + 1, money=f.kind == "money", unit=f.unit if f.kind == "money" else None)
    if second is None or is_time_unit(ctx.toks, second[0].b):
        return
    g = second[0]
    close = f.value < g.value <= max(2 * f.value, f.value + ALTERNATIVE_SPREAD)
    plain = f.kind == "count" and f.unit is None or g.kind == "count" and g.unit is None
    if close and (g.kind == f.kind or plain):
        f.value_max, f.b = g.value, g.b
        if f.kind == "count":
            f.kind, f.unit = g.kind, g.unit


def _read_bounded_pair(ctx: Context, f: Found) -> None:
    """"more than 10 and less than 20" -> [10, 20]; "at most 100 and at least 20" -> [20, 100]."""
    toks = ctx.toks
    other = UPPER_BOUNDS if f.bound == "lo" else LOWER_BOUNDS
    hit = phrase_after(toks, f.b + 1, other)
    if not hit:
        return
    second = _second(ctx, hit[0])
    if second is None:
        return
    g, _ = second
    lo, hi = (f.value, g.value) if f.bound == "lo" else (g.value, f.value)
    if lo < hi and g.kind == f.kind:
        f.value, f.value_max, f.b, f.bound = lo, hi, g.b, None


def _read_ratio(ctx: Context, f: Found) -> None:
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
            and not is_time_unit(toks, g.b) and not (toks[b].low == "over" and g.unit):
        f.value, f.b, f.kind = f.value / g.value, reading.end, "ratio"


def _tally(toks: list[Tok], f: Found, g: Found) -> bool:
    """Two plain counts that are a vote or a score: "voted 48-51", "a 5-4 ruling"."""
    if f.kind != "count" or g.kind != "count" or g.unit or f.bound:
        return False
    after = toks[g.b] if g.b < len(toks) else None
    if after is not None and after.low in TALLY_NOUNS:
        return True
    before = {t.low for t in toks[max(0, f.a - 3):f.a]}
    # "won 2-1 on Sunday" is a score; "won 10-15 seats" a range
    ends = after is None or after.kind != "word" or after.low in SCORE_ENDS
    return bool(before & TALLY_VERBS or ends and before & SCORE_VERBS)


def _change_by_to(toks: list[Tok], f: Found, g: Found, code: str | None) -> bool:
    """"fell 2.3% to 4,500", "rose 15 cents to $42.10", "rose $1.20 to $42.10": a change by
    the first to the second, told by the two being written in different units or lying an
    order of magnitude apart (CHANGE_SPREAD); "rose 5 to 10 percent" is a range."""
    if f.kind == "count" or not _change_context(toks, f.a):
        return False
    return (g.kind == "count" or g.unit != f.unit or bool(code) and toks[f.a].text not in SYMBOLS
            or 0 < f.value * CHANGE_SPREAD <= g.value)


def _change_context(toks: list[Tok], a: int) -> bool:
    """"rose from 5 to 10": a change between two values, not a range."""
    return any(t.low in CHANGE_VERBS for t in toks[max(0, a - 3):a])
