"""Money around a number: currency signs, ISO codes and currency words.

`currency_before` reads a currency before a number ("$", "US$", "HK$", "EUR", "Rs.");
`money_after` one after it ("dollars", "Malaysian ringgit", "USD", "15p") with the
cents that follow ("3 dollars 50 cents"). No spaCy here.
"""
from __future__ import annotations

import re

from .tokens import HYPHENS, Tok
from ..lexicon.numbers import SCALES, STARTERS
from .words import Reading, read_number

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
# Codes written glued to their amount ("USD50", "Rs500", "Sh2bn"); the others glued to
# digits are names more often than money ("COP28" is a summit).
GLUED_CODES = CODES_ANY_CASE | {"rs", "sh", "ksh"}
CODE_ALIASES = {"rmb": "CNY", "rs": "INR", "sh": "KES", "ksh": "KES"}   # "Sh2bn": Kenyan shillings
MINOR_UNIT = .01     # cents and pence in the main unit: "20 cents" is 0.2 (the dev gold's convention)
# Currency words, singular and plural, by ISO code: the currencies named in English news
# and in the Recognizers-Text currency list; "dollar" alone is USD as "$" is.
_CURRENCY_NAMES = {
    "USD": "dollar dollars", "EUR": "euro euros", "GBP": "pound pounds sterling", "JPY": "yen",
    "CNY": "yuan renminbi rmb", "CHF": "franc francs", "INR": "rupee rupees", "MYR": "ringgit",
    "MXN": "peso pesos", "ZAR": "rand", "BRL": "reais", "RUB": "ruble rubles rouble roubles",
    "TRY": "lira liras lire", "SEK": "krona kronor", "NOK": "krone kroner", "PLN": "zloty zlotys",
    "ILS": "shekel shekels", "AED": "dirham dirhams", "SAR": "riyal riyals", "THB": "baht",
    "IDR": "rupiah", "NGN": "naira", "HUF": "forint forints", "BTC": "bitcoin bitcoins",
    "NLG": "guilder guilders", "FIM": "markka", "ESP": "peseta pesetas", "UAH": "hryvnia hryvnias",
    "IQD": "dinar dinars", "KES": "shilling shillings",
}
# Minor units, counted in the main unit (MINOR_UNIT).
_MINOR_NAMES = {"GBP": "penny pence pennies", "USD": "cent cents"}
# currency word -> (ISO code, factor to the main unit)
CURRENCY_WORDS = {
    **{word: (code, 1) for code, words in _CURRENCY_NAMES.items() for word in words.split()},
    **{word: (code, MINOR_UNIT) for code, words in _MINOR_NAMES.items() for word in words.split()},
}
# Words only money after a multiplier or a nationality: "5 billion won", "361 million pounds".
WEAK_CURRENCY = frozenset({"won", "pound", "pounds", "real"})
# A nationality before a currency word names its currency: "Malaysian ringgit", "Hong Kong dollars".
_NATIONAL_NAMES = {
    "dollar": "australian AUD, canadian CAD, hong kong HKD, new zealand NZD, singapore SGD, taiwan TWD, "
              "us USD, u.s. USD, american USD, jamaican JMD, zimbabwean ZWL",
    "franc": "swiss CHF, french FRF, belgian BEF", "lira": "turkish TRY, italian ITL",
    "pound": "egyptian EGP, british GBP", "yuan": "chinese CNY", "yen": "japanese JPY",
    "rupee": "indian INR, pakistani PKR, sri lankan LKR",
    "peso": "mexican MXN, philippine PHP, argentine ARS, chilean CLP, colombian COP",
    "real": "brazilian BRL", "rand": "south african ZAR", "krone": "danish DKK, norwegian NOK",
    "krona": "swedish SEK", "won": "south korean KRW, korean KRW", "ruble": "russian RUB",
    "ringgit": "malaysian MYR", "guilder": "dutch NLG", "markka": "finnish FIM", "shekel": "israeli ILS",
    "dinar": "kuwaiti KWD, jordanian JOD", "riyal": "saudi SAR", "shilling": "kenyan KES, ugandan UGX",
}
# (nationality, singular currency word) -> ISO code
NATIONAL = {(nation, base): code for base, spec in _NATIONAL_NAMES.items()
            for nation, code in (pair.rsplit(" ", 1) for pair in spec.split(", "))}
_SINGULAR = {"dollars": "dollar", "francs": "franc", "pounds": "pound", "rupees": "rupee",
             "pesos": "peso", "kroner": "krone", "kronor": "krona", "rubles": "ruble",
             "roubles": "ruble", "guilders": "guilder", "shekels": "shekel", "dinars": "dinar",
             "riyals": "riyal", "shillings": "shilling", "liras": "lira", "lire": "lira", "reais": "real"}
NATIONALITIES = frozenset(w for key in NATIONAL for w in key[0].split())
NATION_WORDS = NATIONALITIES | {"u", "s", "."}     # with the pieces of "u.s." as lexed


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
    code = currency_code(t)
    if code and toks[a].glued and t.low not in GLUED_CODES:
        return None                  # "COP28", "PEN15": names, not Colombian pesos
    if code:
        return k, code, 1.0
    return None


def currency_at(toks: list[Tok], j: int) -> str | None:
    """The ISO code of a currency sign or code at token j ("$5 to $10")."""
    if j < len(toks):
        return SYMBOLS.get(toks[j].text) or currency_code(toks[j])
    return None


def currency_code(t: Tok) -> str | None:
    """The ISO code of a currency code token ("USD", "EUR", "Rs"), else None."""
    if t.kind != "word":
        return None
    if t.low in CODES_ANY_CASE or t.text in CODES_UPPER:
        return CODE_ALIASES.get(t.low, t.text.upper())
    return None


def money_after(toks: list[Tok], b: int, reading: Reading) -> tuple[int, str, str | None, float] | None:
    """Money at token b after a number: (index after it, "money", ISO code, factor)."""
    n, t = len(toks), toks[b]
    if t.text in SYMBOLS and t.text != "$" or t.text == "$" and not (b + 1 < n and toks[b + 1].kind == "num"):
        return b + 1, "money", SYMBOLS[t.text], 1
    if t.glued and t.text == "p" and toks[b - 1].kind == "num":
        return b + 1, "money", "GBP", MINOR_UNIT
    if t.text in HYPHENS and t.glued and b + 1 < n and toks[b + 1].low in CURRENCY_WORDS:
        b, t = b + 1, toks[b + 1]       # "a million-dollar home", "a 10-euro note"
    code = currency_code(t)
    if code and b + 1 < n and toks[b + 1].glued and toks[b + 1].kind == "num":
        return None  # "3 USD50 cards": the code is the next amount's
    if code:     # "500 USD", "75 USD million", "17 USD 25"
        if b + 1 < n and toks[b + 1].low in SCALES and not reading.multiplier:
            return b + 2, "money", code, SCALES[toks[b + 1].low]
        return _minor_units(toks, b + 1, reading) or (b + 1, "money", code, 1)
    if t.kind == "word" and t.text[:1] == "M" and t.text[1:].upper() == t.text[1:]:
        mega = currency_code(Tok("word", t.text[1:], t.low[1:], 0, 0, False))
        if mega:
            return b + 1, "money", mega, 1e6
    k, nation = b, []
    while k < n and toks[k].low in NATION_WORDS and len(nation) < 4:
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
