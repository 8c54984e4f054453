"""numbers.find_numbers: one row per pattern, real model, exact values."""
from __future__ import annotations

import pytest

from extractor.numbers.finding import find_numbers
from extractor.numbers.tokens import lex
from extractor.numbers.words import read_number
from extractor.records import DateMention


def _found(nlp, text, **kwargs):
    return [(n.text, n.value, n.value_max, n.kind, n.unit, n.approximate)
            for n in find_numbers(nlp(text), **kwargs)]


@pytest.mark.parametrize("text, expected", [
    # digits and words
    ("The agency received 156 access complaints.", ("156", 156, None, "count", "complaints", False)),
    ("Two people are dead after the fires.", ("Two", 2, None, "count", "people", False)),
    ("It had more than 10,600 likes.", ("more than 10,600", 10600, None, "count", "likes", True)),
    ("They sold three dozen eggs.", ("three dozen", 36, None, "count", "eggs", False)),
    ("One hundred and sixty-one boats left.", ("One hundred and sixty-one", 161, None, "count", "boats", False)),
    # scales and glued multipliers
    ("The deal is worth 1.2 billion rupees.", ("1.2 billion rupees", 1200000000, None, "money", "INR", False)),
    ("He raised $5m from investors.", ("$5m", 5000000, None, "money", "USD", False)),
    ("They were warned of a £2bn black hole.", ("£2bn", 2000000000, None, "money", "GBP", False)),
    ("The fund holds €3.5 million.", ("€3.5 million", 3500000, None, "money", "EUR", False)),
    ("Fines reached $15k last year.", ("$15k", 15000, None, "money", "USD", False)),
    ("The bank lent C$ 16.4 million.", ("C$ 16.4 million", 16400000, None, "money", "CAD", False)),
    ("He paid one Malaysian Ringgit for it.", ("one Malaysian Ringgit", 1, None, "money", "MYR", False)),
    ("It cost roughly 20 cents.", ("roughly 20 cents", 0.2, None, "money", "USD", True)),
    # percent
    ("Nearly 40% of therapists joined.", ("Nearly 40%", 40, None, "percent", "percent", True)),
    ("Staff grew by 30 percent this year.", ("30 percent", 30, None, "percent", "percent", False)),
    ("The fire is 15 per cent contained.", ("15 per cent", 15, None, "percent", "percent", False)),
    # fractions
    ("A quarter of voters stayed home.", ("A quarter", 0.25, None, "other", None, False)),
    ("Two thirds of the budget went to staff.", ("Two thirds", 0.6667, None, "other", None, False)),
    # measures
    ("Crews will repair about 115 miles of lines.", ("about 115 miles", 115, None, "quantity", "miles", True)),
    ("It burned more than 1.1 million acres.",
     ("more than 1.1 million acres", 1100000, None, "quantity", "acres", True)),
    ("She bought a 45-acre farm.", ("45-acre", 45, None, "quantity", "acre", False)),
    # ranges
    ("He said 400 to 500 structures burned.", ("400 to 500", 400, 500, "count", "structures", False)),
    ("Prices rose 5-10% in the spring.", ("5-10%", 5, 10, "percent", "percent", False)),
    ("Prices rose 5 to 10 percent.", ("5 to 10 percent", 5, 10, "percent", "percent", False)),
    ("The group has between 5 and 10 members.", ("between 5 and 10", 5, 10, "count", "members", False)),
    ("It will cost 5 to 10 million dollars.", ("5 to 10 million dollars", 5000000, 10000000, "money", "USD", False)),
    ("The bid was between $400 and $500 million.",
     ("between $400 and $500 million", 400000000, 500000000, "money", "USD", False)),
    # rates
    ("The clinic sees 900 new patients each month.", ("900", 900, None, "rate", "patients", False)),
    ("The field pumps 500,000 barrels a day.", ("500,000 barrels a day", 500000, None, "rate", "barrels", False)),
    # approximations and bounds
    ("The firm plans to cut up to 700 jobs.", ("up to 700", 700, None, "count", "jobs", True)),
    ("At least 14 people were hurt.", ("At least 14", 14, None, "count", "people", True)),
    ("The fires destroyed over 500 structures.", ("over 500", 500, None, "count", "structures", True)),
    ("They asked to pay a little over 20%.", ("a little over 20%", 20, None, "percent", "percent", True)),
    ("The region's nearly 700-million-strong population grew.",
     ("nearly 700-million", 700000000, None, "count", None, True)),
    # other and ordinal
    ("Taluz sees the causes as twofold.", ("twofold", 2, None, "other", None, False)),
    ("The second driver is better access.", ("second", 2, None, "ordinal", None, False)),
])
def test_number_patterns(nlp, text, expected):
    assert_one_number(_found(nlp, text), expected)


def assert_one_number(found, expected):
    """One number found, equal to `expected` (the value to 0.1%)."""
    assert len(found) == 1, found
    got = found[0]
    assert got[0] == expected[0]
    assert got[1] == pytest.approx(expected[1], rel=1e-3)
    assert got[2:] == expected[2:]


# Robustness cases found on the recognizers-numbers benchmark and in news text (zyte, fundus).
@pytest.mark.parametrize("text, expected", [
    # ranges of decimals were blocked as dates or IP addresses ("1.2-1.5" has three digit groups)
    ("Profits may reach 1.2-1.5 billion euros.",
     ("1.2-1.5 billion euros", 1200000000, 1500000000, "money", "EUR", False)),
    ("The inflation rate was 2.1-2.3%.", ("2.1-2.3%", 2.1, 2.3, "percent", "percent", False)),
    ("Pour 450\u2212500 ml of water.", ("450\u2212500 ml", 450, 500, "quantity", "ml", False)),
    # a hyphen makes "one-fourth" a fraction whatever word follows
    ("One-fourth is a fraction number.", ("One-fourth", 0.25, None, "other", None, False)),
    # two scales read as one
    ("The budget is Rs 1.5 lakh crore.", ("Rs 1.5 lakh crore", 1.5e12, None, "money", "INR", False)),
    ("Britain spent 40 thousand million pounds.",
     ("40 thousand million pounds", 4e10, None, "money", "GBP", False)),
    ("Tens of thousands of people protested.", ("Tens of thousands", 10000, None, "count", None, True)),
    # decimal commas
    ("Prices fell 3,5% in Germany.", ("3,5%", 3.5, None, "percent", "percent", False)),
    ("Growth slowed to 0,8 percent.", ("0,8 percent", 0.8, None, "percent", "percent", False)),
    ("The company earned \u20ac1.234,56 per share.", ("\u20ac1.234,56", 1234.56, None, "money", "EUR", False)),
    # negative money, currency prefixes, minor units in a range
    ("The company lost -$3 billion.", ("-$3 billion", -3e9, None, "money", "USD", False)),
    ("The deficit is $-3 billion.", ("$-3 billion", -3e9, None, "money", "USD", False)),
    ("They borrowed Sh2bn from the bank.", ("Sh2bn", 2e9, None, "money", "KES", False)),
    ("Stamps cost 50p to 75p.", ("50p to 75p", 0.5, 0.75, "money", "GBP", False)),
    # UK press: temperatures and percent
    ("Temperatures reached 40C in Spain.", ("40C", 40, None, "quantity", "degrees celsius", False)),
    ("Shares were up 8pc.", ("8pc", 8, None, "percent", "percent", False)),
    ("The army has 20,000-plus troops.", ("20,000-plus", 20000, None, "count", "troops", True)),
    # hyphenated amounts
    ("Half-a-million people attended.", ("Half-a-million", 500000, None, "count", "people", False)),
    ("A quarter-million people live there.", ("A quarter-million", 250000, None, "count", "people", False)),
    ("They bought a million-dollar home.", ("a million-dollar", 1e6, None, "money", "USD", False)),
    ("She gave birth to a 10-pound baby.", ("10-pound", 10, None, "quantity", "pound", False)),
])
def test_number_robustness(nlp, text, expected):
    test_number_patterns(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a currency code glued to the next digits is theirs, not the number before it's
    ("He gave away 3 USD50 cards.", [("3", 3, "count"), ("USD50", 50, "money")]),
    # "or greater than 190": the bound belongs to 190, not to 200
    ("His score is 200 or greater than 190.", [("200", 200, "count"), ("greater than 190", 190, "count")]),
    # a list of digits is not a decimal comma
    ("Vote for 1,2,3 or 4.", [("1", 1, "count"), ("2", 2, "count"), ("3", 3, "count"), ("4", 4, "count")]),
])
def test_number_sequences(nlp, text, expected):
    assert [(t, v, k) for t, v, _, k, *_ in _found(nlp, text)] == expected


@pytest.mark.parametrize("text", [
    "Kaiser has bargained since the summer of 2018.",               # year
    "Call the hotline at 1-888-466-2219 for help.",                 # phone number
    "Therapists walked out at 3280 E Foothill Blvd on Thursday.",   # street number
    "The clinic in Pasadena, CA 91107 is closed.",                  # ZIP code
    "KCRA 3 reached out to Kaiser Permanente.",                     # name of a station
    "Cases of Covid-19 fell.",                                      # name of a disease
    "They drove down Route 66.",                                    # name of a road
    "The airline bought a Boeing 737 jet.",                         # model
    "See page 5 of the report.",                                    # page number
    "The walkout began at 4:53 AM on April 25.",                    # time and date
    "He first spoke about it.",                                     # adverb, not an ordinal
    "One of them left.",                                            # pronoun
    "The smaller 687 Reamer fire spread.",                          # number inside a name
    "She has waited three months.",                                 # duration
    "Visit https://example.com/search?q=30%25 for details.",        # web address
    "He lives in Apartment 4F.",                                    # not 4 degrees Fahrenheit
    "Savers moved money into 401(k) plans.",                        # legal subsection
    "His half-brother came.",                                       # not a half
    "Code " + "9" * 400 + " ends here.",                            # overflows to infinity
])
def test_not_numbers(nlp, text):
    assert _found(nlp, text) == []


def test_dates_stage_spans_are_not_numbers(nlp):
    text = "The strike lasted 18 months and cost $5 million."
    doc = nlp(text)
    start = text.index("18 months")
    dates = [DateMention(text="18 months", start=start, end=start + 9, type="duration", value="P18M")]
    assert [n.text for n in find_numbers(doc, dates=dates)] == ["$5 million"]


def test_change_is_two_numbers_not_a_range(nlp):
    found = _found(nlp, "The rate dropped from 12 per cent to 10 per cent in January.")
    assert [(t, v, m) for t, v, m, *_ in found] == [("12 per cent", 12, None), ("10 per cent", 10, None)]


def test_offsets_cover_the_text(nlp):
    text = "Officials said 60 counties and 30,000 acres were hit."
    for n in find_numbers(nlp(text)):
        assert text[n.start:n.end] == n.text


@pytest.mark.parametrize("text, value", [
    ("two hundred and two thousand", 202000),
    ("five and a half million", 5500000),
    ("two thirds of a million", 666666.667),
    ("half a dozen", 6),
    ("4 thousand 3 hundred and 21", 4321),
    ("10 1/2", 10.5),
    ("two hundred point zero three", 200.03),
    ("1.3x10^6", 1300000),
    ("three lakh crore", 3e12),
    ("1.111,11", 1111.11),
    ("hundreds of millions", 1e8),
    # fractions whose denominator is a compound ordinal: the longest that leaves a numerator
    ("one hundred thirty-fifths", 100 / 35),
    ("twenty twenty fifths", 20 / 25),
    ("one one hundred fifth", 1 / 105),
    ("one hundred one thousand fifths", 100 / 1005),
    ("one million two thousand two hundred three fifths", 1002203 / 5),   # "three fifth" is no ordinal
    ("a hundred thousand trillionths", 1e-7),
    ("three thirty-seconds", 3 / 32),
    # after "and", an improper fraction ends the numerator, a proper one is a mixed number
    ("one hundred and thirty fifths", 130 / 5),
    ("one hundred and three quarters", 100.75),
])
def test_read_number_words(text, value):
    toks = lex(text)
    reading = read_number(toks, 0)
    assert reading is not None and reading.end == len(toks)
    assert reading.value == pytest.approx(value, rel=1e-6)
