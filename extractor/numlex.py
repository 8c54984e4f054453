"""The words around a number: bounds, currencies, units of measure, periods.

Tables and small token-level readers used by numbers.py; no spaCy here.
Phrase tables are keyed by tuples of lowercase tokens as `numwords.lex` cuts them
(">=" is (">", "=")).
"""
from __future__ import annotations

import re

from .numwords import NUMBER_WORDS, SCALES, VULGAR, Reading, Tok, read_number

VULGAR_SET = frozenset(VULGAR)
# Words at which numwords.read_number can start reading.
STARTERS = frozenset(NUMBER_WORDS | {"a", "an", "half", "quarter"} | VULGAR_SET)

MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
MONTHS = frozenset({"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may",
                    "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september",
                    "oct", "october", "nov", "november", "dec", "december"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
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

PER_WORDS = frozenset({"a", "an", "per", "each", "every"})
PERIODS = frozenset({"second", "minute", "hour", "day", "week", "fortnight", "month", "year",
                     "decade", "annum", "night"})
TIME_UNITS = frozenset({"second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins",
                        "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "fortnight",
                        "fortnights", "month", "months", "year", "years", "yr", "yrs", "decade",
                        "decades", "century", "centuries", "millennium", "millennia", "night",
                        "nights", "weekend", "weekends", "semester", "semesters", "season",
                        "seasons", "quarters"})

# Money. "$" alone is USD unless letters glued before it say otherwise (C$, A$, HK$).
SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
           "₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP", "฿": "THB", "₫": "VND", "₴": "UAH",
           "₡": "CRC", "₾": "GEL", "₭": "LAK", "₿": "BTC", "元": "CNY", "৳": "BDT", "ரூ": "LKR"}
DOLLAR_PREFIXES = {"us": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "can": "CAD", "cad": "CAD",
                   "a": "AUD", "au": "AUD", "aud": "AUD", "nz": "NZD", "nzd": "NZD", "hk": "HKD",
                   "hkd": "HKD", "s": "SGD", "sg": "SGD", "sgd": "SGD", "mex": "MXN", "mxn": "MXN",
                   "r": "BRL", "nt": "TWD", "z": "ZWL"}
_DOLLAR_PREFIX_RE = re.compile(r"(?i)(?:^|[^a-z.])(u\.\s?s\.?|[a-z]{1,4})(\s?)$")
# ISO codes: any case for the common ones, upper case only for codes that are also words.
CODES_ANY_CASE = frozenset({"usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "chf", "aud", "cad",
                            "hkd", "sgd", "nzd", "mxn", "sek", "nok", "dkk", "zar", "brl", "krw",
                            "rub", "pln", "btc"})
CODES_UPPER = frozenset({"CZK", "HUF", "ILS", "MYR", "IDR", "THB", "PHP", "VND", "NGN", "KES", "EGP",
                         "SAR", "AED", "QAR", "KWD", "PKR", "LKR", "BDT", "ARS", "CLP", "COP", "PEN",
                         "UAH", "TRY", "RON", "BGN", "ISK", "TWD", "Rs", "Sh", "KSh", "Ksh"})
CODE_ALIASES = {"rmb": "CNY", "rs": "INR", "sh": "KES", "ksh": "KES"}   # "Sh2bn": Kenyan shillings
MINOR_UNIT = .01     # cents and pence in the main unit: "20 cents" is 0.2 (the dev gold's convention)
# currency word (singular or plural) -> (ISO code, factor to the main unit)
CURRENCY_WORDS = {
    **dict.fromkeys(["dollar", "dollars"], ("USD", 1)), **dict.fromkeys(["euro", "euros"], ("EUR", 1)),
    **dict.fromkeys(["pound", "pounds", "sterling"], ("GBP", 1)),
    **dict.fromkeys(["penny", "pence", "pennies"], ("GBP", MINOR_UNIT)),
    **dict.fromkeys(["cent", "cents"], ("USD", MINOR_UNIT)), "yen": ("JPY", 1),
    **dict.fromkeys(["yuan", "renminbi", "rmb"], ("CNY", 1)),
    **dict.fromkeys(["franc", "francs"], ("CHF", 1)), **dict.fromkeys(["rupee", "rupees"], ("INR", 1)),
    "ringgit": ("MYR", 1), **dict.fromkeys(["peso", "pesos"], ("MXN", 1)), "rand": ("ZAR", 1),
    "reais": ("BRL", 1), **dict.fromkeys(["ruble", "rubles", "rouble", "roubles"], ("RUB", 1)),
    **dict.fromkeys(["lira", "liras", "lire"], ("TRY", 1)),
    **dict.fromkeys(["krona", "kronor"], ("SEK", 1)), **dict.fromkeys(["krone", "kroner"], ("NOK", 1)),
    **dict.fromkeys(["zloty", "zlotys"], ("PLN", 1)), **dict.fromkeys(["shekel", "shekels"], ("ILS", 1)),
    **dict.fromkeys(["dirham", "dirhams"], ("AED", 1)), **dict.fromkeys(["riyal", "riyals"], ("SAR", 1)),
    "baht": ("THB", 1), "rupiah": ("IDR", 1), "naira": ("NGN", 1),
    **dict.fromkeys(["forint", "forints"], ("HUF", 1)), **dict.fromkeys(["bitcoin", "bitcoins"], ("BTC", 1)),
    **dict.fromkeys(["guilder", "guilders"], ("NLG", 1)), "markka": ("FIM", 1),
    **dict.fromkeys(["peseta", "pesetas"], ("ESP", 1)), **dict.fromkeys(["hryvnia", "hryvnias"], ("UAH", 1)),
    **dict.fromkeys(["dinar", "dinars"], ("IQD", 1)), **dict.fromkeys(["shilling", "shillings"], ("KES", 1)),
}
# Words only money after a multiplier or a nationality: "5 billion won", "361 million pounds".
WEAK_CURRENCY = frozenset({"won", "pound", "pounds", "real"})
NATIONAL = {("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD", ("hong kong", "dollar"): "HKD",
            ("new zealand", "dollar"): "NZD", ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD",
            ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
            ("jamaican", "dollar"): "JMD", ("zimbabwean", "dollar"): "ZWL", ("swiss", "franc"): "CHF",
            ("french", "franc"): "FRF", ("belgian", "franc"): "BEF", ("turkish", "lira"): "TRY",
            ("italian", "lira"): "ITL", ("egyptian", "pound"): "EGP", ("british", "pound"): "GBP",
            ("chinese", "yuan"): "CNY", ("japanese", "yen"): "JPY", ("indian", "rupee"): "INR",
            ("pakistani", "rupee"): "PKR", ("sri lankan", "rupee"): "LKR", ("mexican", "peso"): "MXN",
            ("philippine", "peso"): "PHP", ("argentine", "peso"): "ARS", ("chilean", "peso"): "CLP",
            ("colombian", "peso"): "COP", ("brazilian", "real"): "BRL", ("south african", "rand"): "ZAR",
            ("danish", "krone"): "DKK", ("norwegian", "krone"): "NOK", ("swedish", "krona"): "SEK",
            ("south korean", "won"): "KRW", ("korean", "won"): "KRW", ("russian", "ruble"): "RUB",
            ("malaysian", "ringgit"): "MYR", ("dutch", "guilder"): "NLG", ("finnish", "markka"): "FIM",
            ("israeli", "shekel"): "ILS", ("kuwaiti", "dinar"): "KWD", ("jordanian", "dinar"): "JOD",
            ("saudi", "riyal"): "SAR", ("kenyan", "shilling"): "KES", ("ugandan", "shilling"): "UGX"}
_SINGULAR = {"dollars": "dollar", "francs": "franc", "pounds": "pound", "rupees": "rupee",
             "pesos": "peso", "kroner": "krone", "kronor": "krona", "rubles": "ruble",
             "roubles": "ruble", "guilders": "guilder", "shekels": "shekel", "dinars": "dinar",
             "riyals": "riyal", "shillings": "shilling", "liras": "lira", "lire": "lira", "reais": "real"}
NATIONALITIES = frozenset(w for key in NATIONAL for w in key[0].split())

# Units of measure (lowercase); abbreviations that are also words count only glued.
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
    "rad radian radians turn turns").split())
GLUED_ONLY_UNITS = frozenset({"g", "t", "l", "L", "in", "s", "h"})
# Words right before a bare number of three or more digits that make it a phone number.
PHONE_WORDS = frozenset("call called calling dial dialed dialled text texted phone hotline helpline "
                        "freephone tel fax".split())
# Nouns after "one" that make it an idiom, not a count: "at one point", "one thing is clear".
ONE_IDIOMS = frozenset({"point", "thing", "way", "day", "time", "side", "hand", "reason"})
# A glued "m" is million before a plural noun ("90m messages", "3.5m people"), else metres
# ("1.8m tall", "the 100m final"); these plurals are not counted nouns.
PEOPLE = frozenset({"people", "children", "men", "women"})
METRE_CONTEXT = frozenset({"hurdles", "across", "plus", "metres", "meters"})
UNIT_QUALIFIERS = frozenset({"square", "sq", "cubic", "metric", "fluid", "nautical", "statute"})
_HYPHENS = "-\u2010\u2011"
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


def is_time_unit(toks: list[Tok], b: int) -> bool:
    """A time unit right after the number: "three months", "one-day", "25-year-old"."""
    if b < len(toks) and toks[b].text in _HYPHENS and toks[b].glued:
        b += 1
    return b < len(toks) and toks[b].low in TIME_UNITS


def month_near(toks: list[Tok], a: int, b: int) -> bool:
    before = toks[a - 1].low if a > 0 else ""
    if before == "." and a > 1:
        before = toks[a - 2].low
    after = toks[b + 1].low if b < len(toks) and toks[b].low == "of" and b + 1 < len(toks) else (
        toks[b].low if b < len(toks) else "")
    return before in MONTHS or after in MONTHS


def currency_before(text: str, toks: list[Tok], a: int, floor: int) -> tuple[int, str, float] | None:
    """A currency right before token a: (index where it starts, ISO code, factor)."""
    k = a - 1
    if k < floor:
        return None
    t = toks[k]
    if t.text in SYMBOLS:
        code = SYMBOLS[t.text]
        if t.text == "$":
            m = _DOLLAR_PREFIX_RE.search(text[max(0, t.start - 8):t.start])
            word = m and m.group(1).lower().replace(".", "").replace(" ", "")
            if m and word in DOLLAR_PREFIXES and (len(word) > 1 or not m.group(2)):
                first = t.start - len(m.group(0)) + m.start(1) - m.start(0)
                while k - 1 >= floor and toks[k - 1].start >= first:
                    k -= 1
                code = DOLLAR_PREFIXES[word]
        return k, code, 1.0
    if t.text == "." and k - 1 >= floor and toks[k - 1].low == "rs":
        return k - 1, "INR", 1.0
    code = _code(t)
    if code:
        return k, code, 1.0
    return None


def currency_at(toks: list[Tok], j: int) -> str | None:
    """The ISO code of a currency sign or code at token j ("$5 to $10")."""
    if j < len(toks):
        return SYMBOLS.get(toks[j].text) or _code(toks[j])
    return None


def _code(t: Tok) -> str | None:
    if t.kind != "word":
        return None
    if t.low in CODES_ANY_CASE or t.text in CODES_UPPER:
        return CODE_ALIASES.get(t.low, t.text.upper())
    return None


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
    if money:   # after "$5": the same money said again ("$5 million dollars"); "15p to 230p"
        hit = _money_after(toks, b, reading)
        return hit if hit and _code(t) is None and hit[3] in (1, MINOR_UNIT) else None
    return _money_after(toks, b, reading) or _unit_after(toks, b, reading)


def _money_after(toks: list[Tok], b: int, reading: Reading) -> tuple[int, str, str | None, float] | None:
    n, t = len(toks), toks[b]
    if t.text in SYMBOLS and t.text != "$" or t.text == "$" and not (b + 1 < n and toks[b + 1].kind == "num"):
        return b + 1, "money", SYMBOLS[t.text], 1
    if t.glued and t.text == "p" and toks[b - 1].kind == "num":
        return b + 1, "money", "GBP", MINOR_UNIT
    if t.text in _HYPHENS and t.glued and b + 1 < n and toks[b + 1].low in CURRENCY_WORDS:
        b, t = b + 1, toks[b + 1]       # "a million-dollar home", "a 10-euro note"
    code = _code(t)
    if code and b + 1 < n and toks[b + 1].glued and toks[b + 1].kind == "num":
        return None  # "3 USD50 cards": the code is the next amount's
    if code:     # "500 USD", "75 USD million", "17 USD 25"
        if b + 1 < n and toks[b + 1].low in SCALES and not reading.multiplier:
            return b + 2, "money", code, SCALES[toks[b + 1].low]
        return _minor_units(toks, b + 1, reading) or (b + 1, "money", code, 1)
    if t.kind == "word" and t.text[:1] == "M" and t.text[1:].upper() == t.text[1:] and _code(
            Tok("word", t.text[1:], t.low[1:], 0, 0, False)):
        return b + 1, "money", _code(Tok("word", t.text[1:], t.low[1:], 0, 0, False)), 1e6
    k, nation = b, []
    while k < n and toks[k].low in NATIONALITIES | {"u", "s", "."} and len(nation) < 4:
        nation.append(toks[k].low)
        k += 1
    if k >= n or toks[k].low not in CURRENCY_WORDS:
        return None
    word = toks[k].low
    base = _SINGULAR.get(word, word)
    nation_key = " ".join(nation).replace("u . s .", "u.s.").replace(" .", "").strip() if nation else ""
    if nation_key == "u s":
        nation_key = "us"
    code, factor = CURRENCY_WORDS[word]
    if nation:
        code = NATIONAL.get((nation_key, base))
        if code is None:
            return None
    elif word in WEAK_CURRENCY and not reading.multiplier and not (
            k + 1 < n and toks[k + 1].low == "sterling"):
        return None
    end = k + 1
    if factor == 1:
        tail = _minor_units(toks, end, reading)
        if tail:
            return tail[0], "money", code, tail[3]
    return end, "money", code, factor


def _minor_units(toks: list[Tok], end: int, reading: Reading) -> tuple[int, str, None, float] | None:
    """Cents after the main unit: "3 dollars 50 cents", "thirteen dollars and forty-five
    cents", "15 dollars 50." Returns the factor that adds them to the amount."""
    n = len(toks)
    j = end + 1 if end < n and toks[end].low == "and" else end
    if j >= n or not (toks[j].kind == "num" or toks[j].low in STARTERS) or toks[j].low in ("a", "an"):
        return None
    small = read_number(toks, j)
    if not small or small.value >= 100 or small.hint is not None or not float(small.value).is_integer():
        return None
    after = toks[small.end].low if small.end < n else "."
    if after in ("cents", "cent", "pence", "p"):
        stop = small.end + 1
    elif after in (".", ",", ";", "!", "?", "and", "more"):
        stop = small.end
    else:
        return None
    return stop, "money", None, 1 + small.value / 100 / max(reading.value, 1e-9)


def _unit_after(toks: list[Tok], b: int, reading: Reading) -> tuple[int, str, str | None, float] | None:
    n = len(toks)
    k = b
    if toks[k].text in _HYPHENS and toks[k].glued and k + 1 < n:
        k += 1
        if toks[k].low == "fold":
            return k + 1, "other", None, 1
    if k == b and toks[b].glued and toks[b].text in ("C", "F") and toks[b - 1].kind == "num" and not (
            b + 1 < n and toks[b + 1].glued and toks[b + 1].kind in ("num", "word")) and not (
            b >= 2 and (toks[b - 2].low in NAME_WORDS or toks[b - 2].text[:1].isupper())):
        return b + 1, "quantity", "degrees", 1     # "40C", "-5C"; not "Apartment 4F"
    if toks[k].text == "°":
        end = k + 1
        if end < n and toks[end].glued and toks[end].low in ("c", "f"):
            end += 1
        return end, "quantity", "degrees", 1
    words = []
    while k < n and toks[k].low in UNIT_QUALIFIERS and len(words) < 2:
        words.append(toks[k].low)
        k += 1
    if k >= n:
        return None
    t = toks[k]
    glued_unit = t.glued and toks[k - 1].kind == "num" and t.text in GLUED_ONLY_UNITS
    if not (t.low in UNIT_WORDS or glued_unit):
        return None
    if t.low in ("pound", "pounds") and reading.multiplier:
        return None
    if k + 1 < n and toks[k + 1].glued and toks[k + 1].kind == "num":
        return None                   # "24703m212" is a code
    if t.low in ("ft", "feet", "foot") and k + 2 < n:   # "5 feet 2 inches", "5 ft and 2 in"
        j = k + 2 if toks[k + 1].low == "and" else k + 1
        if j + 1 < n and toks[j].kind == "num" and toks[j + 1].low in ("in", "inch", "inches"):
            inches = float(toks[j].text) if toks[j].text.replace(".", "").isdigit() else 0
            if 0 < inches < 12:
                return j + 2, "quantity", "feet", 1 + inches / 12 / max(reading.value, 1e-9)
    words.append(t.low)
    end = k + 1
    # km/h, miles per hour, kilometers per hour
    if end + 1 < n and toks[end].text == "/" and toks[end + 1].kind == "word" and toks[end].glued:
        words[-1] += "/" + toks[end + 1].low
        end += 2
    elif end + 1 < n and toks[end].low == "per" and toks[end + 1].low in UNIT_WORDS | PERIODS:
        words.append("per " + toks[end + 1].low)
        end += 2
    elif end + 1 < n and toks[end].low in PER_WORDS and toks[end + 1].low in PERIODS:
        return end + 2, "rate", " ".join(words), 1
    return end, "quantity", " ".join(words), 1
