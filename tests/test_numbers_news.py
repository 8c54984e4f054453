"""numbers.find_numbers on patterns of news text (issue 13): quantities with units,
temperatures, ages, rates of pay, tallies, vague amounts, names and grouped digits.
One row per pattern, real model, exact values; the dates stage runs first as in the pipeline."""
from __future__ import annotations

import pytest

from extractor.dates import find_dates
from extractor.numbers.finding import find_numbers

from .test_numbers import assert_one_number


def _found(nlp, text):
    doc = nlp(text)
    dates = find_dates(doc, published="2024-03-01")
    return [(n.text, n.value, n.value_max, n.kind, n.unit) for n in find_numbers(doc, dates=dates)]


@pytest.mark.parametrize("text, expected", [
    # quantities with units
    ("The port handled 2,000 TEU last week.", ("2,000 TEU", 2000, None, "quantity", "teu")),
    ("Winds reached 30 mph overnight.", ("30 mph", 30, None, "quantity", "mph")),
    ("The package weighs 5 kg.", ("5 kg", 5, None, "quantity", "kg")),
    ("The tyres are inflated to 32 psi.", ("32 psi", 32, None, "quantity", "psi")),
    ("A 100-MW solar farm opened.", ("100-MW", 100, None, "quantity", "mw")),
    ("The box weighs 200 g.", ("200 g", 200, None, "quantity", "g")),
    ("It's a 5,000-square-foot home.", ("5,000-square-foot", 5000, None, "quantity", "square foot")),
    ("The Fed cut rates by 25 basis points.", ("25 basis points", 25, None, "quantity", "basis points")),
    ("The spread widened 40 bps.", ("40 bps", 40, None, "quantity", "basis points")),
    ("The socket gives 220 V.", ("220 V", 220, None, "quantity", "v")),
    ("The pressure was 101 kPa.", ("101 kPa", 101, None, "quantity", "kpa")),
    ("The room is 30 m² in area.", ("30 m²", 30, None, "quantity", "m²")),
    ("He is 6'2\" tall.", ("6'2\"", 6.1667, None, "quantity", "feet")),
    ("She is 5\u203211\u2033 tall.", ("5\u203211\u2033", 5.9167, None, "quantity", "feet")),
    ("It weighs 10 +/- 2 kg.", ("10 +/- 2 kg", 10, None, "quantity", "kg")),
    ("It measured 5 \u00b1 0.5 m.", ("5 \u00b1 0.5 m", 5, None, "quantity", "m")),
    # temperatures: the scale word belongs to the measure
    ("Temperatures hit 95 degrees Fahrenheit.",
     ("95 degrees Fahrenheit", 95, None, "quantity", "degrees fahrenheit")),
    ("It was minus 10 degrees Celsius.",
     ("minus 10 degrees Celsius", -10, None, "quantity", "degrees celsius")),
    ("Temperatures will reach 30°C on Friday.", ("30°C", 30, None, "quantity", "degrees celsius")),
    ("Water boils at 100° Celsius.", ("100° Celsius", 100, None, "quantity", "degrees celsius")),
    ("He made a 360-degree turn.", ("360-degree", 360, None, "quantity", "degrees")),
    ("It was 15 degrees below zero.", ("15 degrees below zero", -15, None, "quantity", "degrees")),
    # ages are numbers, even where the dates stage saw a duration
    ("The 34-year-old man was charged.", ("34-year-old", 34, None, "quantity", "years")),
    ("He is 81 years old.", ("81 years old", 81, None, "quantity", "years")),
    ("He is more than thirty years old.", ("more than thirty years old", 30, None, "quantity", "years")),
    ("A six-month-old baby was found.", ("six-month-old", 6, None, "quantity", "months")),
    ("The victim was aged 19.", ("19", 19, None, "quantity", "years")),
    ("Children ages 5 to 11 can get the vaccine.", ("5 to 11", 5, 11, "quantity", "years")),
    ("It targets 18- to 24-year-olds.", ("18- to 24-year-olds", 18, 24, "quantity", "years")),
    ("Putin, 71, repeated his accusation.", ("71", 71, None, "quantity", "years")),
    # pay and prices per period are rates
    ("Workers want $15-an-hour wages.", ("$15-an-hour", 15, None, "rate", "USD per hour")),
    ("They earn $15 an hour.", ("$15 an hour", 15, None, "rate", "USD per hour")),
    ("He made $20/hour.", ("$20/hour", 20, None, "rate", "USD per hour")),
    ("The salary is $90,000 a year.", ("$90,000 a year", 90000, None, "rate", "USD per year")),
    ("Wages are $10-$15 an hour.", ("$10-$15 an hour", 10, 15, "rate", "USD per hour")),
    ("It costs $3.50 a gallon.", ("$3.50", 3.5, None, "money", "USD")),
    ("The price was $38,373 a year ago.", ("$38,373", 38373, None, "money", "USD")),
    # vague and fractional amounts
    ("She bought a couple of books.", ("a couple", 2, None, "count", None)),
    ("A couple hundred people gathered.", ("A couple hundred", 200, None, "count", "people")),
    ("A half-dozen staffers spoke.", ("A half-dozen", 6, None, "count", "staffers")),
    ("Half-dozen eggs cost more.", ("Half-dozen", 6, None, "count", "eggs")),
    ("Two-thirds of voters backed the plan.", ("Two-thirds", 0.6667, None, "other", None)),
    ("A third or more of voters stayed home.", ("A third or more", 0.3333, None, "other", None)),
    ("Only three-fifths of the money was spent.", ("three-fifths", 0.6, None, "other", None)),
    # "a third and final": an ordinal
    ("As she seeks a third and final term, Barger campaigns.", ("third", 3, None, "ordinal", None)),
    ("She finished in third place.", ("third", 3, None, "ordinal", None)),
    # ranges without "from"
    ("Officials expect 10-15 people.", ("10-15", 10, 15, "count", "people")),
    ("They won 10-15 seats.", ("10-15", 10, 15, "count", "seats")),
    ("Prices rose 5 to 10 percent.", ("5 to 10 percent", 5, 10, "percent", "percent")),
    # two close numbers joined by "or"
    ("Five or six people were hurt.", ("Five or six", 5, 6, "count", "people")),
    ("Only 2 or 3% agreed.", ("2 or 3%", 2, 3, "percent", "percent")),
    # digits grouped by a space
    ("The city has 40 000 residents.", ("40 000", 40000, None, "count", "residents")),
])
def test_news_patterns(nlp, text, expected):
    assert_one_number(_found(nlp, text), expected)


@pytest.mark.parametrize("text, expected", [
    # a vote or a score is two numbers, not a range
    ("The Senate voted 48-51 to reject it.", [("48", 48), ("51", 51)]),
    ("The court issued a 5-4 ruling.", [("5", 5), ("4", 4)]),
    ("The bill passed 212 to 220.", [("212", 212), ("220", 220)]),
    # citations between commas are no ages
    ("Water can boost weight loss (10, 11).", [("10", 10), ("11", 11)]),
    ("The team lost 1-3 on Sunday.", [("1", 1), ("3", 3)]),
    # after a change verb, two numbers in different units or tenfold apart are "by ... to ..."
    ("The stock rose 15 cents to $42.10.", [("15 cents", 0.15), ("$42.10", 42.1)]),
    ("The index fell 2.3% to 4,500.25 points.", [("2.3%", 2.3), ("4,500.25", 4500.25)]),
    ("The stock rose $1.20 to $42.10.", [("$1.20", 1.2), ("$42.10", 42.1)]),
    # a day then a count, not 12,100
    ("On March 12 100 people died.", [("100", 100)]),
    # a count before a model's name, not 400,737
    ("Its fleet of roughly 400 737 Max jets was grounded.", [("roughly 400", 400), ("737", 737)]),
    # numbers far apart after "or" are alternatives
    ("Choose 1 or 100.", [("1", 1), ("100", 100)]),
])
def test_news_sequences(nlp, text, expected):
    assert [(t, v) for t, v, *_ in _found(nlp, text)] == expected


@pytest.mark.parametrize("text", [
    "He was arrested at a 7-Eleven store.",               # a name
    "The company filed its 10-K report.",                 # a form's name
    "Members of SEIU Local 721 walked out.",              # a union local
    "They lost their identity as part of a couple.",      # a noun, no amount
    "They wrote it in the early two-thousands.",          # a decade
    "We lurch from one crisis to another.",               # "one ... another"
    "Call 116 123 now.",                                  # a helpline
    "The unit 24703 L-202 was built.",                    # a code, not litres
    "The COP28 summit ended.",                            # a summit, not Colombian pesos
    "Book a first class seat to Seattle.",                # a kind of seat, not a rank
    "He bought a second-hand car.",                       # idem
    "The race lasted one hundred twenty seconds.",        # a duration, not 100/22
])
def test_news_not_numbers(nlp, text):
    assert _found(nlp, text) == []
