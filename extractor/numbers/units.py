"""Percent, units of measure and time units after a number.

`suffix_after` reads what follows a number: percent ("%", "per cent", "percentage
points"), money (money.py), a glued "m" (million or metres), degrees, and a unit
of measure with its qualifier and rate ("square feet", "km/h", "5 feet 2 inches").
No spaCy here.
"""
from __future__ import annotations

from .phrases import NAME_WORDS
from .money import MINOR_UNIT, currency_code, money_after
from .tokens import HYPHENS, Tok
from .words import Reading

PER_WORDS = frozenset({"a", "an", "per", "each", "every"})
# After "a year", a point in time, not a rate: "$38,373 a year ago".
RELATIVE_AFTER = frozenset({"ago", "earlier", "later", "before", "after", "on", "from"})
PERIODS = frozenset({"second", "minute", "hour", "day", "week", "fortnight", "month", "year",
                     "decade", "annum", "night"})
TIME_UNITS = frozenset({"second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins",
                        "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "fortnight",
                        "fortnights", "month", "months", "year", "years", "yr", "yrs", "decade",
                        "decades", "century", "centuries", "millennium", "millennia", "night",
                        "nights", "weekend", "weekends", "semester", "semesters", "season",
                        "seasons", "quarters"})

# What an age counts: "25-year-old", "a six-month-old baby".
AGE_UNITS = frozenset({"year", "month", "week", "day"})
# Units of measure (lowercase); abbreviations that are also words count only glued.
# SI and imperial units of length, area, volume, mass, energy, power, speed, data and
# shipping as news reports them; a few common symbols and their spelled-out forms.
UNIT_WORDS = frozenset((
    "mile miles km kms kilometre kilometres kilometer kilometers metre metres meter meters m cm mm "
    "centimetre centimetres centimeter centimeters millimetre millimetres millimeter millimeters "
    "foot feet ft inch inches yard yards yd yds acre acres hectare hectares ha gallon gallons litre "
    "litres liter liters ml millilitre millilitres milliliter milliliters barrel barrels bpd ton "
    "tons tonne tonnes lb lbs pound pounds ounce ounces oz gram grams gramme grammes kg kgs "
    "kilogram kilograms kilo kilos mg milligram milligrams microgram micrograms mcg μg µg degree "
    "degrees calorie calories kcal watt watts kw mw gw kwh mwh gwh twh kilowatt kilowatts megawatt "
    "megawatts gigawatt gigawatts volt volts kv hz khz mhz ghz kb mb gb tb byte bytes kilobytes "
    "megabytes gigabytes terabytes bit bits pixel pixels megapixels decibel decibels db knot knots "
    "mph kph kmph carat carats tablespoon tablespoons teaspoon teaspoons cup cups pint pints quart "
    "quarts bushel bushels picometer picometers nanometer nanometers micron microns mi sq km2 m2 "
    "rad radian radians turn turns "
    "teu teus dwt bbl bbls mmbtu btu btus bcf tcf psi mpg kbps mbps gbps hp horsepower amp amps "
    "ampere amperes ohm ohms joule joules kilojoule kilojoules newton newtons pascal pascals kelvin "
    "lightyear lightyears parsec parsecs furlong furlongs fathom fathoms cc kilobyte megabyte "
    "gigabyte terabyte petabyte petabytes stone hundredweight mah wh kpa mpa hpa gpa mbar millibar "
    "millibars m² m³ cm² cm³ mm² km² ft² ft³").split())
# Feet and inches in marks: 6'2", 5′11″ (straight, prime and curly marks).
FOOT_MARKS = frozenset({"'", "\u2032", "\u2019"})
INCH_MARKS = frozenset({'"', "\u2033", "\u201d"})
# What a temperature's scale word says after "degrees" or "°": "degrees Celsius", "30°C".
TEMPERATURE_SCALES = {"c": "celsius", "celsius": "celsius", "centigrade": "celsius",
                      "f": "fahrenheit", "fahrenheit": "fahrenheit", "k": "kelvin", "kelvin": "kelvin"}
_PER_UNITS = UNIT_WORDS | PERIODS     # what can follow "per": "km per hour", "per day"
GLUED_ONLY_UNITS = frozenset({"g", "t", "l", "L", "in", "s", "h"})
# Symbols of one letter that are units after a number even with a space ("200 g", "50 l",
# "220 V", "5 W"), as written: a lowercase "v" or "w" is more often a word or an initial.
SPACED_SYMBOL_UNITS = frozenset({"g", "l", "L", "V", "W"})
# A glued "m" is million before a plural noun ("90m messages", "3.5m people"), else metres
# ("1.8m tall", "the 100m final"). PEOPLE are plurals without the -s; METRE_CONTEXT are
# words after a length in sport and size reports ("400m hurdles", "2m across", "5m plus")
# and the unit said again ("10m metres"), so not counted nouns.
PEOPLE = frozenset({"people", "children", "men", "women"})
METRE_CONTEXT = frozenset({"hurdles", "across", "plus", "metres", "meters"})
UNIT_QUALIFIERS = frozenset({"square", "sq", "cubic", "metric", "fluid", "nautical", "statute"})


def is_time_unit(toks: list[Tok], b: int) -> bool:
    """A time unit right after the number: "three months", "one-day", "25-year-old"."""
    if b < len(toks) and toks[b].text in HYPHENS and toks[b].glued:
        b += 1
    return b < len(toks) and toks[b].low in TIME_UNITS


def period_after(toks: list[Tok], b: int) -> tuple[int, str] | None:
    """A period making a rate at token b: "an hour", "per year", "-an-hour", "/month";
    not "a year ago"."""
    n = len(toks)
    k = b + 1 if b < n and toks[b].text in HYPHENS + "/" and toks[b].glued else b
    if k < n and toks[k].low in PERIODS and k > b:
        j = k                                                         # "$20/hour"
    elif k + 1 < n and toks[k].low in PER_WORDS:
        j = k + 2 if toks[k + 1].text in HYPHENS and k + 2 < n else k + 1
    else:
        return None
    if toks[j].low not in PERIODS or j + 1 < n and toks[j + 1].low in RELATIVE_AFTER:
        return None
    return j + 1, toks[j].low


def suffix_after(toks: list[Tok], b: int, reading: Reading, *, money: bool = False
                 ) -> tuple[int, str, str | None, float] | None:
    """Percent, currency or unit after a number: (index after it, kind, unit, factor)."""
    n = len(toks)
    if b >= n:
        return None
    t = toks[b]
    low = t.low
    if not money:
        if t.text == "%" or low in ("percent", "percents", "percentage", "pct") or (
                low == "pc" and t.glued and toks[b - 1].kind == "num"):    # "8pc" (UK press)
            if low == "percentage" and b + 1 < n and toks[b + 1].low in ("point", "points"):
                return b + 2, "percent", "percentage points", 1
            return b + 1, "percent", "percent", 1
        if low == "per" and b + 1 < n and toks[b + 1].low == "cent":
            return b + 2, "percent", "percent", 1
        if low == "basis" and b + 1 < n and toks[b + 1].low in ("point", "points"):
            return b + 2, "quantity", "basis points", 1        # "25 basis points"
        if low in ("bp", "bps"):
            return b + 1, "quantity", "basis points", 1        # "40bp", "40 bps"
    if t.glued and t.text == "m" and b + 1 < n and toks[b + 1].glued and toks[b + 1].text in ("2", "3") \
            and not (b + 2 < n and toks[b + 2].glued and toks[b + 2].kind in ("num", "word")):
        return b + 2, "quantity", "m" + toks[b + 1].text, 1          # "24703m2": square metres
    if t.glued and t.text == "m" and toks[b - 1].kind == "num" and not reading.multiplier and not (
            b + 1 < n and toks[b + 1].glued and toks[b + 1].kind == "num"):
        # "$5m", "90m messages": million; "1.8m tall", "the 100m final", "48m.": metres
        nxt = toks[b + 1] if b + 1 < n else None
        if money or nxt is not None and not nxt.glued and (
                nxt.low in PEOPLE or len(nxt.low) > 3 and nxt.low.endswith("s")
                and nxt.low not in METRE_CONTEXT):
            return (b + 1, "money", None, 1e6) if money else (b + 1, "count", None, 1e6)
        return b + 1, "quantity", "m", 1
    age = None if money else _age_after(toks, b)
    if age:
        return age
    if money:   # after "$5": the same money said again ("$5 million dollars"); "15p to 230p"
        hit = money_after(toks, b, reading)
        return hit if hit and currency_code(t) is None and hit[3] in (1, MINOR_UNIT) else None
    return money_after(toks, b, reading) or _unit_after(toks, b, reading)


def _age_after(toks: list[Tok], b: int) -> tuple[int, str, str | None, float] | None:
    """An age: "25-year-old", "81 years old", "six-month-old", "40-year-olds"."""
    n = len(toks)
    k = b + 1 if toks[b].text in HYPHENS and toks[b].glued else b
    if k + 1 >= n or toks[k].low.rstrip("s") not in AGE_UNITS:
        return None
    j = k + 2 if toks[k + 1].text in HYPHENS and toks[k + 1].glued else k + 1
    if j < n and toks[j].low in ("old", "olds"):
        return j + 1, "quantity", toks[k].low.rstrip("s") + "s", 1
    return None


def _unit_after(toks: list[Tok], b: int, reading: Reading) -> tuple[int, str, str | None, float] | None:
    n = len(toks)
    k = b
    if toks[k].text in HYPHENS and toks[k].glued and k + 1 < n:
        k += 1
        if toks[k].low == "fold":
            return k + 1, "other", None, 1
    if k == b and toks[b].glued and toks[b].text in ("C", "F") and toks[b - 1].kind == "num" and not (
            b + 1 < n and toks[b + 1].glued and toks[b + 1].kind in ("num", "word")) and not (
            b >= 2 and (toks[b - 2].low in NAME_WORDS or toks[b - 2].text[:1].isupper())):
        return b + 1, "quantity", "degrees " + TEMPERATURE_SCALES[toks[b].low], 1  # "40C"; not "Apartment 4F"
    if toks[k].text == "°" or toks[k].low in ("degree", "degrees"):
        return _degrees(toks, k)
    if k == b and k + 2 < n and toks[k].text in FOOT_MARKS and toks[k + 2].text in INCH_MARKS \
            and toks[k + 1].kind == "num" and toks[k].glued and toks[k + 1].glued and toks[k + 2].glued:
        return _feet_inches(toks, k + 1, k + 3, reading)       # 6'2"
    words = []
    while k < n and toks[k].low in UNIT_QUALIFIERS and len(words) < 2:
        words.append(toks[k].low)
        k += 1
        if k + 1 < n and toks[k].text in HYPHENS and toks[k].glued:
            k += 1                    # "5,000-square-foot"
    if k >= n:
        return None
    t = toks[k]
    glued_unit = t.glued and toks[k - 1].kind == "num" and t.text in GLUED_ONLY_UNITS
    symbol = k == b and t.text in SPACED_SYMBOL_UNITS and not (
        k + 1 < n and toks[k + 1].glued and toks[k + 1].text not in ".,;:!?)")   # not "24703 L-202"
    if not (t.low in UNIT_WORDS or glued_unit or symbol):
        return None
    if t.low in ("pound", "pounds") and reading.multiplier:
        return None
    if k + 1 < n and toks[k + 1].glued and toks[k + 1].kind == "num":
        return None                   # "24703m212" is a code
    if t.low in ("ft", "feet", "foot") and k + 2 < n:   # "5 feet 2 inches", "5 ft and 2 in"
        j = k + 2 if toks[k + 1].low == "and" else k + 1
        if j + 1 < n and toks[j].kind == "num" and toks[j + 1].low in ("in", "inch", "inches"):
            hit = _feet_inches(toks, j, j + 2, reading)
            if hit:
                return hit
    words.append(t.low)
    end = k + 1
    # km/h, miles per hour, kilometers per hour
    if end + 1 < n and toks[end].text == "/" and toks[end + 1].kind == "word" and toks[end].glued:
        words[-1] += "/" + toks[end + 1].low
        end += 2
    elif end + 1 < n and toks[end].low == "per" and toks[end + 1].low in _PER_UNITS:
        words.append("per " + toks[end + 1].low)
        end += 2
    elif end + 1 < n and toks[end].low in PER_WORDS and toks[end + 1].low in PERIODS:
        return end + 2, "rate", " ".join(words), 1
    return end, "quantity", " ".join(words), 1


def _degrees(toks: list[Tok], k: int) -> tuple[int, str, str | None, float]:
    """"°" or "degrees" at k with its scale: "30°C", "95 degrees Fahrenheit", "100° Celsius",
    "15 degrees below zero" (-15)."""
    end, unit, n = k + 1, "degrees", len(toks)
    if end < n and toks[end].low in TEMPERATURE_SCALES and (
            len(toks[end].low) > 1 or toks[end].glued or toks[end].text.isupper()):
        end, unit = end + 1, "degrees " + TEMPERATURE_SCALES[toks[end].low]
    if end + 1 < n and toks[end].low == "below" and toks[end + 1].low == "zero":
        return end + 2, "quantity", unit, -1
    return end, "quantity", unit, 1


def _feet_inches(toks: list[Tok], j: int, end: int, reading: Reading
                 ) -> tuple[int, str, str | None, float] | None:
    """Feet and the inches at token j, in feet: the factor that adds them to the number."""
    inches = float(toks[j].text) if toks[j].text.replace(".", "").isdigit() else 0
    if 0 < inches < 12:
        return end, "quantity", "feet", 1 + inches / 12 / max(reading.value, 1e-9)
    return None
