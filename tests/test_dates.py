"""dates.find_dates: one small case per temporal pattern, exact TIMEX3 values.

Each row: (text, published, expected [(text, type, value, end_value)]).
"""
from __future__ import annotations

import pytest

from extractor.dates import find_dates
from extractor.timex import normalize, parse_anchor


def found(nlp, text: str, published: str | None):
    return [(d.text, d.type, d.value, d.end_value) for d in find_dates(nlp(text), published=published)]


CALENDAR = [
    ("The walkout took place on April 25, 2019.", "2019-05-01",
     [("April 25, 2019", "date", "2019-04-25", None)]),
    ("The company opened its doors in September 2020.", "2024-02-26",
     [("September 2020", "date", "2020-09", None)]),
    ("Sales fell sharply in 2019.", "2024-02-26", [("2019", "date", "2019", None)]),
    ("The therapists picketed again on April 25.", "2019-05-01", [("April 25", "date", "2019-04-25", None)]),
    ("Our goal is to have power restored by Monday, March 4th.", "2024-03-02",
     [("Monday, March 4th", "date", "2024-03-04", None)]),
]

RELATIVE = [
    ("The union voted on Monday.", "2024-02-29", [("Monday", "date", "2024-02-26", None)]),
    ("The Chancellor will present the Budget on Wednesday.", "2024-03-02",
     [("Wednesday", "date", "2024-03-06", None)]),
    ("Therapists staged a walkout last week.", "2019-05-01", [("last week", "date", "2019-W17", None)]),
    ("The offer was rejected earlier this week.", "2024-03-02",
     [("earlier this week", "date", "2024-W09", None)]),
    ("The new rules take effect next month.", "2024-02-29", [("next month", "date", "2024-03", None)]),
    ("Profits rose last year.", "2024-02-29", [("last year", "date", "2023", None)]),
    ("The talks collapsed yesterday.", "2024-02-29", [("yesterday", "date", "2024-02-28", None)]),
    ("The clinic closed two weeks ago.", "2019-05-01", [("two weeks ago", "date", "2019-04-17", None)]),
    ("The meeting is set for Friday at 4 p.m.", "2024-02-26",
     [("Friday at 4 p.m.", "time", "2024-03-01T16:00", None)]),
    ("The vote is scheduled for next Monday.", "2024-02-29", [("next Monday", "date", "2024-03-04", None)]),
]

SEASONS_PARTS_WEEKENDS = [
    ("The strike began in the summer of 2018.", "2019-05-01",
     [("the summer of 2018", "date", "2018-SU", None)]),
    ("He was diagnosed this past spring.", "2024-02-29", [("this past spring", "date", "2023-SP", None)]),
    ("The post had been deleted by Monday afternoon.", "2024-02-26",
     [("Monday afternoon", "time", "2024-02-26TAF", None)]),
    ("They were dealt a blow on Wednesday night.", "2024-03-02",
     [("Wednesday night", "time", "2024-02-28TNI", None)]),
    ("Ministers will spend the weekend on the Budget.", "2024-03-02",
     [("the weekend", "date", "2024-W09-WE", None)]),
]

DECADES_DURATIONS_SETS = [
    ("Prices last reached this level in the 1980s.", "2024-02-26", [("the 1980s", "date", "198", None)]),
    ("Tensions grew over the last three decades.", "2024-02-29",
     [("the last three decades", "duration", "P3DE", None)]),
    ("Patients wait as long as three months.", "2019-05-01", [("three months", "duration", "P3M", None)]),
    ("The clinic lost staff over the 18 months.", "2019-05-01", [("the 18 months", "duration", "P18M", None)]),
    ("The problem has lasted a few years.", "2019-05-01", [("a few years", "duration", "PXY", None)]),
    ("The problem has lasted several years.", "2019-05-01", [("several years", "duration", "PXY", None)]),
    ("He signed a six-year contract.", "2024-02-29", [("six-year", "duration", "P6Y", None)]),
    ("The clinic sees 900 new patients each month.", "2019-05-01", [("each month", "set", "P1M", None)]),
    ("The plant will build 15 a year.", "2008-03-01", [("15 a year", "set", "P1Y", None)]),
    ("The delay has lasted almost two and a half years.", "2008-03-01",
     [("two and a half years", "duration", "P2.5Y", None)]),
]

RANGES_TIMES = [
    ("The agency received complaints from Aug. 15 to Sept. 17.", None,
     [("Aug. 15 to Sept. 17", "range", "XXXX-08-15", "XXXX-09-17")]),
    ("Enrollment grew from 2015 to 2019.", "2024-02-26", [("2015 to 2019", "range", "2015", "2019")]),
    ("Published : Wednesday, May 1, 2019 | 4:53 AM", "2019-05-01",
     [("Wednesday, May 1, 2019", "date", "2019-05-01", None), ("4:53 AM", "time", "2019-05-01T04:53", None)]),
    # a time before its day takes that day, not the publication date
    ("He went live shortly before 1 p.m. on Sunday.", "2024-02-26",
     [("1 p.m.", "time", "2024-02-25T13:00", None), ("Sunday", "date", "2024-02-25", None)]),
    # spaCy's one entity "November 11, three days later" is cut into what reads as a date
    ("The plane will arrive on November 11, three days later than planned.", "2005-11-05",
     [("November 11", "date", "2005-11-11", None), ("three days", "duration", "P3D", None)]),
    ("Stocks fell on Friday. It was the worst drop since 1987 on the day.", "2009-04-04",
     [("Friday", "date", "2009-04-03", None), ("1987", "date", "1987", None),
      ("the day", "date", "2009-04-03", None)]),
]

VAGUE_AND_UNANCHORED = [
    ("Prices have risen recently.", "2024-02-26", [("recently", "date", "PAST_REF", None)]),
    ("Currently, patients wait for care.", "2024-02-26", [("Currently", "date", "PRESENT_REF", None)]),
    ("Nobody knows what happens in the future.", "2024-02-26", [("the future", "date", "FUTURE_REF", None)]),
    ("The complaints began on Aug. 15.", None, [("Aug. 15", "date", "XXXX-08-15", None)]),
    ("The talks collapsed yesterday.", None, [("yesterday", "date", None, None)]),
]


@pytest.mark.parametrize("text, published, expected", CALENDAR)
def test_calendar_dates(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", RELATIVE)
def test_relative_dates(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", SEASONS_PARTS_WEEKENDS)
def test_seasons_parts_of_day_weekends(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", DECADES_DURATIONS_SETS)
def test_decades_durations_sets(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", RANGES_TIMES)
def test_ranges_and_times(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", VAGUE_AND_UNANCHORED)
def test_vague_and_unanchored(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


def test_relative_mentions_name_their_anchor(nlp):
    (monday,) = find_dates(nlp("The union voted on Monday."), published="2024-02-29")
    (year,) = find_dates(nlp("Sales fell sharply in 2019."), published="2024-02-29")
    assert (monday.anchor, year.anchor) == ("published", None)


@pytest.mark.parametrize("published, expected", [
    ("2024-02-26T21:10:43.555Z", "2024-02-26"),     # the calendar date as written, no timezone shift
    ("2024-03-02T00:01:00+00:00", "2024-03-02"),
    ("2019-05-01", "2019-05-01"),
    ("May 1, 2019", None),
    (None, None),
])
def test_parse_anchor(published, expected):
    anchor = parse_anchor(published)
    assert (anchor.isoformat() if anchor else None) == expected


@pytest.mark.parametrize("text, published", [
    ("But at the end of the day, it doesn't matter.", "2024-03-01"),     # an idiom, not a time
    ("She sang along to Donna Summer on the radio.", "2024-03-01"),      # a name, not a season
    ("They bought winter equipment for the troops.", "2024-03-01"),      # a modifier, not a season
    ("It will close about a quarter of its stores.", "2024-03-01"),      # a share, not three months
])
def test_temporal_words_that_are_no_dates(nlp, text, published):
    assert found(nlp, text, published) == []


@pytest.mark.parametrize("text, expected", [
    ("71", None),           # a bare number is no date (spaCy tags ages and street numbers DATE)
    ("3280", None),
    ("last-minute", None),
    ("24/7", None),         # neither month/day nor anything dateparser may make of it
])
def test_not_dates(text, expected):
    assert normalize(text, anchor=parse_anchor("2024-02-29")) is expected


@pytest.mark.parametrize("text, published, expected", [
    ("The new clinic will open in two weeks.", "2019-05-01", [("two weeks", "date", "2019-05-15", None)]),
    ("The strike lasted two weeks.", "2019-05-01", [("two weeks", "duration", "P2W", None)]),
    ("Are you available three weeks from tomorrow?", "2018-06-01",
     [("three weeks from tomorrow", "date", "2018-06-23", None)]),
    ("The vote will be held on Wednesday next week.", "2024-02-26",
     [("Wednesday next week", "date", "2024-03-06", None)]),
])
def test_points_counted_from_a_day(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("Stores were packed before Christmas.", "2024-02-29", [("Christmas", "date", "2023-12-25", None)]),
    ("The parade returns on Thanksgiving 2024.", "2024-02-29", [("Thanksgiving 2024", "date", "2024-11-28", None)]),
    ("Revenue fell in fiscal 2023.", "2024-02-29", [("fiscal 2023", "date", "FY2023", None)]),
    ("Profit rose 5% from a year earlier.", "2024-02-29", [("a year earlier", "date", "2023", None)]),
    ("Sales fell in the third quarter.", "2024-02-29", [("the third quarter", "date", "2023-Q3", None)]),
    ("The fund will stay open between now and May 21.", "2024-02-29",
     [("between now and May 21", "range", "2024-02-29", "2024-05-21")]),
])
def test_holidays_fiscal_years_quarters(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


def test_works_without_a_parser():
    """On spacy.blank("en") (no entities, no sentences) the patterns still find dates."""
    import spacy

    blank = spacy.blank("en")
    mentions = find_dates(blank("The vote will be held on Wednesday."), published="2024-02-26")
    assert [(d.text, d.value) for d in mentions] == [("Wednesday", "2024-02-28")]
