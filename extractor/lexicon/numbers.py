"""The vocabulary of numbers: number words, scales, multipliers, ordinals, fractions.

Lowercase word -> value tables that numbers/words.read_number parses with and that
numbers/tokens.number_windows looks for; tables only.
"""

UNITS = {"zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
         "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "lakh": 1e5, "crore": 1e7}
# Two scales that read as one: Indian "lakh crore" (1e12), British "thousand million".
COMPOUND_SCALES = {("lakh", "crore"), ("thousand", "crore"), ("thousand", "million"), ("thousand", "billion")}
# Plural scales without a count before them are vague amounts ("thousands of people").
VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
         "billions": 1e9}
DOZEN = {"dozen", "dozens", "doz", "dozs", "dz", "dzs"}
# Multipliers written right after digits ("10k", "$5m", "£2bn"; "10 bln" with a space).
# A lowercase "m" is left to numbers/units.suffix_after: million after a currency, metres otherwise.
GLUED_MULTIPLIERS = {"k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "mn": 1e6,
                     "mln": 1e6, "mil": 1e6, "bn": 1e9, "b": 1e9, "B": 1e9, "bln": 1e9,
                     "tn": 1e12, "tln": 1e12, "trn": 1e12}
SPACED_MULTIPLIERS = {"bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "tln": 1e12,
                      "k": 1e3}

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
            "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
            "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
            "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12}
# Denominators: plural ordinals always; singular ones after "a"/"one" ("a third").
# "second" is never a denominator: "one second" is a time.
DENOMINATORS = {**{k + "s": v for k, v in ORDINALS.items() if k not in ("first", "second")},
                **{k: v for k, v in ORDINALS.items() if k not in ("first", "second")},
                "half": 2, "halves": 2, "quarter": 4, "quarters": 4}
DIGIT_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
VULGAR = {"½": .5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": .25, "¾": .75, "⅕": .2, "⅖": .4, "⅗": .6,
          "⅘": .8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": .125, "⅜": .375, "⅝": .625, "⅞": .875}
# "1/2", "3/4": only usual denominators, so "24/7" and "9/11" are not fractions.
SLASH_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100}

# Multiples in one word: "twofold", "tenfold".
FOLDS = {w + "fold": v for w, v in {**UNITS, **TEENS, **TENS, "hundred": 100, "thousand": 1000}.items()
         if v > 1}
NUMBER_WORDS = (set(UNITS) | set(TEENS) | set(TENS) | set(SCALES) | {"hundred"} | set(VAGUE)
                | DOZEN | set(ORDINALS) | set(DENOMINATORS) | set(FOLDS))
VULGAR_SET = frozenset(VULGAR)
# Words at which numbers/words.read_number can start reading.
STARTERS = frozenset(NUMBER_WORDS | {"a", "an", "half", "quarter"} | VULGAR_SET)
