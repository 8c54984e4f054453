"""dates.find_dates: one small case per temporal pattern, exact TIMEX3 values.

Each row: (text, published, expected [(text, type, value, end_value)]).
"""
from __future__ import annotations

import pytest

from extractor.dates.finding import find_dates
from extractor.dates.normalize import normalize, parse_anchor


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
    ("The clinic closed two weeks ago.", "2019-05-01", [("two weeks ago", "date", "2019-W16", None)]),
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
     [("two and a half years", "duration", "P2Y6M", None)]),
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
     [("November 11", "date", "2005-11-11", None), ("three days later", "duration", "P3D", None)]),
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
    ("Revenue fell in fiscal 2023.", "2024-02-29", [("fiscal 2023", "date", "2023", None)]),
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


# --- regression tables for the recognizers-dates patterns (exact TIMEX3 values) -------------

# Values that were wrong under any convention.
OUTRIGHT_BUGS = [
    # an amount before a date is no part of it ("$12 December 27" read 1927-12-12)
    ("I bought it for $12 December 27.", "2016-11-07", [("December 27", "date", "2015-12-27", None)]),
    # dateparser made a year of "19" (1919-06-18): a year the text does not write is refused
    ("Cortana, I am looking at 18 and 19 June.", "2018-06-01", [("19 June", "date", "2018-06-19", None)]),
    ("Let's meet on February twenty second.", "2019-01-25",
     [("February twenty second", "date", "2019-02-22", None)]),
    ("January first 2000 was a special day for me.", "2019-01-25",
     [("January first 2000", "date", "2000-01-01", None)]),
    ("I'll go back May twenty nine.", "2019-01-25", [("May twenty nine", "date", "2019-05-29", None)]),
    ("She was born on January twenty five nineteen eighty six.", "2016-11-07",
     [("January twenty five nineteen eighty six", "date", "1986-01-25", None)]),
    ("They left in nineteen ninety six and came back in two thousand and fifteen.", "2016-11-07",
     [("nineteen ninety six", "date", "1996", None), ("two thousand and fifteen", "date", "2015", None)]),
    ("I'll go back on Easter 2018.", "2017-11-20", [("Easter 2018", "date", "2018-04-01", None)]),
    ("How about 2019/aug/01?", "2019-08-01", [("2019/aug/01", "date", "2019-08-01", None)]),
    ("How about 2019-aug-1?", "2019-08-01", [("2019-aug-1", "date", "2019-08-01", None)]),
    ("On 2016 10 16, the conference started.", "2016-11-07", [("2016 10 16", "date", "2016-10-16", None)]),
    ("Eli Lilly sold IVAC on Dec31 , 1994.", "2016-11-07", [("Dec31 , 1994", "date", "1994-12-31", None)]),
    ("It should be previous Monday.", "2018-11-15", [("previous Monday", "date", "2018-11-05", None)]),
    ("What happened the day before?", "2018-11-08", [("the day before", "date", "2018-11-07", None)]),
    ("What's your plan for the day after?", "2018-11-08", [("the day after", "date", "2018-11-09", None)]),
    # the weekday decides the month: the nearest month whose 31st is a Sunday
    ("Do you have any arrangement on Sunday 31!", "2019-01-25", [("Sunday 31", "date", "2019-03-31", None)]),
    ("He will take a one and a quarter year gap.", "2016-11-07",
     [("one and a quarter year", "duration", "P1Y3M", None)]),
    ("I suppose one hour and half is sufficient.", "2016-11-07",
     [("one hour and half", "duration", "PT1H30M", None)]),
    ("Show me records more than 1 hour and 30 minutes.", "2016-11-07",
     [("1 hour and 30 minutes", "duration", "PT1H30M", None)]),
    ("We meet in half an hour.", "2016-11-07", [("half an hour", "duration", "PT30M", None)]),
    # fractions, not three months: they belong to the numbers stage
    ("Three quarters of them agreed, five and a quarter.", "2016-11-07", []),
    # "Tuesday the first generation": a spelled day is no day before a noun
    ("Apple Computer announced on Tuesday the first generation of their products.", "2006-01-11",
     [("Tuesday", "date", "2006-01-10", None)]),
    ("In March two people died.", "2016-11-07", [("March", "date", "2016-03", None)]),
    ("My temperature was 37.1 in the morning.", "2016-11-07", [("the morning", "time", "2016-11-07TMO", None)]),
]

# A clock time joined to its day: one date-time; a time range: one range from start to end.
DAY_TIMES = [
    ("I'll be out between 3 and 5 p.m. Monday.", "2016-11-07",
     [("between 3 and 5 p.m. Monday", "range", "2016-11-07T15:00", "2016-11-07T17:00")]),
    ("I'll be back tomorrow before 5pm.", "2016-11-07", [("tomorrow before 5pm", "time", "2016-11-08T17:00", None)]),
    ("Please schedule a meeting for Monday at 2.30.", "2018-09-14",
     [("Monday at 2.30", "time", "2018-09-17T02:30", None)]),
    ("Help me book a meeting today from 7 to 7:30.", "2016-11-07",
     [("today from 7 to 7:30", "range", "2016-11-07T07:00", "2016-11-07T07:30")]),
    ("I'll go back October 14 at 8:00:31am.", "2016-11-07",
     [("October 14 at 8:00:31am", "time", "2017-10-14T08:00:31", None)]),
    ("Are you available next Monday 6-8?", "2018-11-01",
     [("next Monday 6-8", "range", "2018-11-05T06:00", "2018-11-05T08:00")]),
    # an end hour below the start is in the afternoon
    ("Cortana can help us find a time Monday 12-4.", "2018-05-14",
     [("Monday 12-4", "range", "2018-05-14T12:00", "2018-05-14T16:00")]),
    ("It will happen between 10 and 11:30 on 1/1/2015.", "2016-11-07",
     [("between 10 and 11:30 on 1/1/2015", "range", "2015-01-01T10:00", "2015-01-01T11:30")]),
    ("I'll go back on Monday the twenty seventh at six pm.", "2019-05-20",
     [("Monday the twenty seventh at six pm", "time", "2019-05-27T18:00", None)]),
]

# Weeks, months, quarters and halves counted in a period.
PERIOD_PARTS = [
    ("How about first week of 2015?", "2018-06-01", [("first week of 2015", "date", "2015-W01", None)]),
    ("How about last week of 2016?", "2018-06-01", [("last week of 2016", "date", "2016-W52", None)]),
    ("Show sales in the week 27 of last year.", "2018-06-01",
     [("the week 27 of last year", "date", "2017-W27", None)]),
    ("They will leave the third month of 2021.", "2018-06-01", [("the third month of 2021", "date", "2021-03", None)]),
    ("The sales went up during 2017 q1 and Q3 2019.", "2018-06-01",
     [("2017 q1", "date", "2017-Q1", None), ("Q3 2019", "date", "2019-Q3", None)]),
    ("2019-H2 will bring challenges.", "2018-06-01", [("2019-H2", "date", "2019-H2", None)]),
    ("Dealerships won't be renewed after October of next year.", "2009-05-15",
     [("October of next year", "date", "2010-10", None)]),
    ("It will happen 3 days after January 12th.", "2016-11-07",
     [("3 days after January 12th", "date", "2017-01-15", None)]),
    ("Mumbai has seen the highest number of infections over the past fortnight.", "2021-05-17",
     [("the past fortnight", "duration", "P2W", None)]),
    ("Prices were high in the nineties.", "2016-11-07", [("the nineties", "date", "199", None)]),
    ("The shop is closed on Sundays.", "2016-11-07", [("Sundays", "set", "XXXX-WXX-7", None)]),
]

# Spoken clock times.
SPOKEN_TIMES = [
    ("It's 20 min past eight in the evening.", "2016-11-07",
     [("20 min past eight in the evening", "time", "2016-11-07T20:20", None)]),
    ("It's fifteen past eight in the morning.", "2016-11-07",
     [("fifteen past eight in the morning", "time", "2016-11-07T08:15", None)]),
    ("Let's meet one in the morning together.", "2016-11-07",
     [("one in the morning", "time", "2016-11-07T01:00", None)]),
    ("I'll be back in the morning at 7.", "2016-11-07", [("morning at 7", "time", "2016-11-07T07:00", None)]),
    ("I'll go back at five-thirty tomorrow evening.", "2019-06-28",
     [("five-thirty tomorrow evening", "time", "2019-06-29T17:30", None)]),
]

# Shapes news also writes, and phrases that are no dates.
MORE_SHAPES = [
    ("I'll go back Oct/2.", "2016-11-07", [("Oct/2", "date", "2017-10-02", None)]),
    ("I'll go back on 22/04.", "2016-11-07", [("22/04", "date", "2017-04-22", None)]),
    ("I'll go back second of Aug.", "2016-11-07", [("second of Aug", "date", "2017-08-02", None)]),
    ("My dentist uses the most up to date equipment.", "2016-11-07", []),
    ("The range is from 2007 to the end of 2008.", "2016-11-07",
     [("2007 to the end of 2008", "range", "2007", "2008")]),
]


# Holiday weekends, compound offsets, two-digit and spelled years, weeks with their days, sets with a
# time; and what must stay apart or out.
MORE_PATTERNS = [
    # the weekend just before a Monday holiday, else of the holiday's own week
    ("I need to prepare for Labor Day weekend.", "2021-08-10", [("Labor Day weekend", "date", "2021-W35-WE", None)]),
    ("I want to book a flight for Halloween weekend 2021.", "2021-08-10",
     [("Halloween weekend 2021", "date", "2021-W43-WE", None)]),
    ("They found a solution 2 weeks and 2 days ago.", "2016-11-07",
     [("2 weeks and 2 days ago", "date", "2016-10-22", None)]),
    ("It must be done no later than January 1, 2010.", "2019-01-10",
     [("January 1, 2010", "date", "2010-01-01", None)]),
    ("I was born on 15 April of 87.", "2016-11-07", [("15 April of 87", "date", "1987-04-15", None)]),
    ("They arrived 13 Sept nineteen seventy two.", "2016-11-07",
     [("13 Sept nineteen seventy two", "date", "1972-09-13", None)]),
    ("I am off between ninth and seventeenth of April.", "2016-11-07",
     [("between ninth and seventeenth of April", "range", "2016-04-09", "2016-04-17")]),
    ("Where were you between 7 and 9 last night?", "2016-11-07",
     [("between 7 and 9 last night", "range", "2016-11-06T19:00", "2016-11-06T21:00")]),
    ("Can you set something up for Wednesday evening next week?", "2018-08-01",
     [("Wednesday evening next week", "time", "2018-08-08TEV", None)]),
    ("Let's arrange a call next week on Tuesday 9 am.", "2018-08-01",
     [("next week on Tuesday 9 am", "time", "2018-08-07T09:00", None)]),
    ("Thursdays at 17.30 are booked.", "2016-11-07", [("Thursdays at 17.30", "set", "XXXX-WXX-4T17:30", None)]),
    ("We meet every Friday at 7 p.m.", "2016-11-07", [("every Friday at 7 p.m.", "set", "XXXX-WXX-5T19:00", None)]),
    ("I'll go back Tuesday in the morning.", "2016-11-07",
     [("Tuesday in the morning", "time", "2016-11-08TMO", None)]),
    ("The office is closed from 10/1 to 11/7.", "2018-08-10", [("10/1 to 11/7", "range", "2018-10-01", "2018-11-07")]),
    ("The cut was between 1/2 and 3/4 of the budget.", "2018-08-10", []),     # fractions
    ("9 to 12 of June: another tapa festival.", "2018-08-10", [("9 to 12 of June", "range", "2018-06-09", "2018-06-12")]),
    ("Where were you from 8am-3 yesterday afternoon?", "2018-08-10",
     [("8am-3 yesterday afternoon", "range", "2018-08-09T08:00", "2018-08-09T15:00")]),
    # "2010-11" is two years; "2015-12" cannot be (the end before the start): a month
    ("The season 2010-11 was good, and 2015-12 was bad.", "2016-11-07",
     [("2010-11", "range", "2010", "2011"), ("2015-12", "date", "2015-12", None)]),
    ("Book a meeting for Monday 21 between 9:30 and 3:00 pm PST.", "2016-11-07",
     [("Monday 21 between 9:30 and 3:00 pm PST", "range", "2016-11-21T09:30", "2016-11-21T15:00")]),
    # a time before its day stays its own mention (the dev gold), with that day
    ("He went live shortly before 1 p.m. on Sunday.", "2016-11-07",
     [("1 p.m.", "time", "2016-11-06T13:00", None), ("Sunday", "date", "2016-11-06", None)]),
    # what is left of a span beside its date still reads, unless it hangs on a preposition
    ("It was observed on 19 June every year.", "2016-11-07",
     [("19 June", "date", "2016-06-19", None), ("every year", "set", "P1Y", None)]),
    ("Rooms are fully booked for the first 2 weeks of 2021.", "2016-11-07",
     [("the first 2 weeks", "duration", "P2W", None)]),
    ("It's an everyday routine.", "2016-11-07", []),        # an adjective: ordinary
]


@pytest.mark.parametrize("text, published, expected", MORE_PATTERNS)
def test_more_patterns(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", OUTRIGHT_BUGS)
def test_outright_bugs(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", DAY_TIMES)
def test_times_joined_to_their_day(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", PERIOD_PARTS)
def test_parts_of_periods(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", SPOKEN_TIMES)
def test_spoken_times(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", MORE_SHAPES)
def test_more_shapes(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("2 years 1 month 21 days", "P2Y1M21D"),
    ("3 hours 30 minutes", "PT3H30M"),
    ("2 weeks and 2 days", "P16D"),              # ISO 8601 writes weeks alone
    ("twenty and four hours", "PT24H"),
    ("the last week of March 2009", "2009-W13"),  # the week of the month's last Thursday
    ("the 15th day of next month", "2024-03-15"),
    ("q1-2019", "2019-Q1"),
    ("Tuesday afternoons", "XXXX-WXX-2TAF"),
])
def test_normalize_values(text, expected):
    tx = normalize(text, anchor=parse_anchor("2024-02-29"))
    assert tx is not None and tx.value == expected


# --- news patterns found on MEANTIME (sentences written anew) -------------------------------

NEWS_PERIODS = [
    # "the same period last year" is the period just named, a year back; the year when none was
    ("Exports rose 12% in March compared with the same month a year ago.", "2015-04-02",
     [("March", "date", "2015-03", None), ("the same month a year ago", "date", "2014-03", None)]),
    ("The airline lost $80 million in the second quarter of this year, against a profit in the "
     "same period a year earlier.", "2015-08-20",
     [("the second quarter of this year", "date", "2015-Q2", None),
      ("the same period a year earlier", "date", "2014-Q2", None)]),
    ("Orders were up 4% on the same period last year.", "2015-08-20",
     [("the same period last year", "date", "2014", None)]),
    # the beginning or end of "the year" is this year's
    ("The firm hopes to finish the merger by the end of the year.", "2015-08-20",
     [("the end of the year", "date", "2015", None)]),
    ("Prices have doubled since the beginning of the year.", "2015-08-20",
     [("the beginning of the year", "date", "2015", None)]),
    # a later quarter with the tense unknown: the nearer one ("resulting in" says nothing)
    ("The carmaker has announced cuts, resulting in plant closures during the fourth quarter.", "2015-08-20",
     [("the fourth quarter", "date", "2015-Q4", None)]),
    ("The carmaker has announced cuts, resulting in plant closures during the fourth quarter.", "2015-02-20",
     [("the fourth quarter", "date", "2014-Q4", None)]),
    # "the last quarter" is the reporting period before this one, not a span of three months
    ("Net income rose 8% in the last quarter.", "2015-08-20", [("the last quarter", "date", "2015-Q2", None)]),
    ("Margins shrank in the latest quarter.", "2015-08-20", [("the latest quarter", "date", "2015-Q2", None)]),
    ("The rules will stay in force for the time being.", "2015-08-20",
     [("the time being", "date", "PRESENT_REF", None)]),
    ("The ruling ends a decades-long dispute.", "2015-08-20", [("decades-long", "duration", "PXDE", None)]),
    # "soon" is no annotated expression (neither TimeBank nor the dev gold marks it)
    ("The minister said a decision would come very soon.", "2015-08-20", []),
]


@pytest.mark.parametrize("text, published, expected", NEWS_PERIODS)
def test_news_periods(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("published", [None, "03-02-2009"])
def test_dateline_anchors_when_publication_date_is_unreadable(nlp, published):
    text = "Car sales fall sharply\nFebruary 03, 2009\nFord sales dropped 42% last month."
    assert found(nlp, text, published)[1:] == [("last month", "date", "2009-01", None)]
