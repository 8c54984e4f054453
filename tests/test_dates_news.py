"""dates.find_dates on the patterns of news that issue 13 settled: explicit dates in every
common form, the direction in time of a month or day without its year, comparisons with a
year before, counts from a date, weeks and offsets, vague and plural periods, holidays.

Each row: (text, published, expected [(text, type, value, end_value)]).
"""
from __future__ import annotations

import pytest

from .test_dates import found


# A full date with its year never comes out as another day, however it is written.
EXPLICIT_FORMS = ["March 3, 2021", "March 3 2021", "3 March 2021", "3rd March 2021", "March 3rd, 2021",
                  "Mar. 3, 2021", "Mar 3, 2021", "Wednesday, March 3, 2021", "Wed., March 3, 2021",
                  "the 3rd of March, 2021", "3rd of March 2021", "2021-03-03", "3/3/2021", "03/03/2021",
                  "3.3.2021", "March 3,2021", "Tuesday 3 March 2021", "2021/03/03", "March 03, 2021",
                  "March 3, '21"]


@pytest.mark.parametrize("written", EXPLICIT_FORMS)
def test_explicit_dates_keep_their_day(nlp, written):
    values = {v for _, _, v, _ in found(nlp, f"The deal was signed on {written}, officials said.", "2024-02-26")}
    assert values == {"2021-03-03"}


DIRECTION = [
    # an article ("an Aug. 10, 1988, agreement") is no part of the date
    ("Shares were bought under an Aug. 10, 1988, stock purchase agreement.", "1989-10-30",
     [("Aug. 10, 1988", "date", "1988-08-10", None)]),
    # a day of a month without a tense: at most two months ahead, else the year before
    ("The deadline is Nov. 20.", "1989-11-02", [("Nov. 20", "date", "1989-11-20", None)]),
    ("Its offer, due Aug. 6, drew no bids.", "1989-11-02", [("Aug. 6", "date", "1989-08-06", None)]),
    # a past act that moves a date, or a date that dates a thing, is not sent back by the tense
    ("The group extended to Nov. 20 its offer for all shares.", "1989-11-02",
     [("Nov. 20", "date", "1989-11-20", None)]),
    ("Directors authorized a split, payable Dec. 7 to stock of record Nov. 22.", "1989-10-27",
     [("Dec. 7", "date", "1989-12-07", None), ("Nov. 22", "date", "1989-11-22", None)]),
    ("I bought it on December 27.", "2016-11-07", [("December 27", "date", "2015-12-27", None)]),
    # a weekday with its day: the year where that day is that weekday
    ("The concert is on Saturday, April 25.", "1998-02-20", [("Saturday, April 25", "date", "1998-04-25", None)]),
    # a month alone: past unless the tense says otherwise
    ("He said he would step down as leader in November.", "2024-02-29", [("November", "date", "2024-11", None)]),
    ("The election is in November.", "2024-02-26", [("November", "date", "2024-11", None)]),
    ("The odds of winning the seat in November are slim.", "2024-02-29", [("November", "date", "2024-11", None)]),
    ("Sales rose in November.", "2024-02-26", [("November", "date", "2023-11", None)]),
    # a month alone right after a story told in a year is that year's; not after "since 1990"
    ("That was in 2012, when Obama secured the vote. Obama went on to carry the state in November.", "2024-02-28",
     [("2012", "date", "2012", None), ("November", "date", "2012-11", None)]),
    ("He was arrested since 1990, and his car was found at the airport in December.", "2024-02-28",
     [("1990", "date", "1990", None), ("December", "date", "2023-12", None)]),
    # a present tense puts a weekday ahead; a report in the present does not
    ("He and Arafat meet separately Monday with Albright.", "1998-05-01", [("Monday", "date", "1998-05-04", None)]),
    # an infinitive of purpose under a past verb does not look ahead
    ("Two bidders extended their offers to acquire the company Friday.", "1989-10-30",
     [("Friday", "date", "1989-10-27", None)]),
    # a day without its year takes the year of the count after it, and keeps it when named again
    ("He cleaned up after the Jan. 6 insurrection three years ago. He spoke of the Jan. 6 attack.", "2024-02-29",
     [("Jan. 6", "date", "2021-01-06", None), ("three years ago", "date", "2021", None),
      ("Jan. 6", "date", "2021-01-06", None)]),
    # a month or a day that dates a scheduled event lies ahead
    ("Democrats might sit out the November election.", "2024-02-29", [("November", "date", "2024-11", None)]),
    ("Michigan is a battleground in a close November contest.", "2024-02-28", [("November", "date", "2024-11", None)]),
    # written on a weekend, "this week" of what is still to come is the week ahead
    ("An actor is to restore her reputation this week with the release of a film.", "2024-03-02",
     [("this week", "date", "2024-W10", None)]),
    # "since" looks back; an implicative verb's infinitive shares its time
    ("US stock markets have their best week since November", "2009-03-13", [("November", "date", "2008-11", None)]),
    ("A plan failed to pass the Senate this week.", "2008-12-13", [("this week", "date", "2008-W50", None)]),
    # a range's end without its year is not before its start
    ("The office is closed from 10/1 to 11/7.", "2018-08-10", [("10/1 to 11/7", "range", "2018-10-01", "2018-11-07")]),
]

YEAR_BEFORE = [
    ("Net income in the third quarter rose 5% from a year earlier.", "1989-10-30",
     [("the third quarter", "date", "1989-Q3", None), ("a year earlier", "date", "1988-Q3", None)]),
    ("Profit in the third quarter rose. In the year-earlier quarter, the tax credit was $3.3 million.",
     "1989-10-27", [("the third quarter", "date", "1989-Q3", None),
                    ("the year-earlier quarter", "date", "1988-Q3", None)]),
    ("Sales for the quarter ended Sept. 29 rose 39%. In the 1988 period, the company earned $20.6 million.",
     "1989-10-26", [("the quarter", "date", "1989-Q3", None), ("Sept. 29", "date", "1989-09-29", None),
                    ("the 1988 period", "date", "1988-Q3", None)]),
    ("Third-quarter profit rose. Passenger traffic jumped 14% in the quarter.", "1989-10-26",
     [("Third-quarter", "date", "1989-Q3", None), ("the quarter", "date", "1989-Q3", None)]),
    ("Net rose in the third quarter. Sales in the latest period were $1.76 billion.", "1989-10-30",
     [("the third quarter", "date", "1989-Q3", None), ("the latest period", "date", "1989-Q3", None)]),
    ("Sales rose 4% from the same week a year ago.", "2024-02-26",
     [("the same week a year ago", "date", "2023-W09", None)]),
    ("Revenue fell in the 1988 second quarter.", "1989-10-26", [("the 1988 second quarter", "date", "1988-Q2", None)]),
]

WEEKS_AND_OFFSETS = [
    ("The clinic closed three weeks ago.", "2024-02-28", [("three weeks ago", "date", "2024-W06", None)]),
    ("The plant closed two months ago.", "2024-02-28", [("two months ago", "date", "2023-12", None)]),
    ("It will happen two weeks from now.", "2016-11-07", [("two weeks from now", "date", "2016-11-21", None)]),
    ("He was elected in 2016. Four years later, he lost.", "2024-02-28",
     [("2016", "date", "2016", None), ("Four years later", "date", "2020", None)]),
    ("We have dates available the week of April 10th.", "2024-02-26",
     [("the week of April 10th", "date", "2024-W15", None)]),
    ("Refunds take four business days.", "2024-02-26", [("four business days", "duration", "P4BD", None)]),
    ("Prices peaked in late-November.", "1999-12-10", [("late-November", "date", "1999-11", None)]),
]

VAGUE_AND_PLURAL = [
    ("Prices have risen in recent months.", "2024-02-26", [("recent months", "duration", "PXM", None)]),
    ("Talks stalled in recent weeks.", "2024-02-26", [("recent weeks", "duration", "PXW", None)]),
    ("In the hourlong meeting, she spoke.", "2024-02-26", [("hourlong", "duration", "PT1H", None)]),
    ("The journalist worked from Lebanon in the fall.", "2024-02-26", [("the fall", "date", "2023-FA", None)]),
    ("Music of the '90s was better.", "1998-05-01", [("the '90s", "date", "199", None)]),
    # a bare "20s" is a decade only after the decade was named in full; else an age
    ("We rode a 1920s bus with authentic 20s tickets.", "2024-02-26",
     [("1920s", "date", "192", None), ("20s", "date", "192", None)]),
    ("Most of them are in their 20s.", "2024-02-26", []),
    ("It rid Detroit of the boxy cars of the 70s and 80s.", "2008-02-28",
     [("the 70s", "date", "197", None), ("80s", "date", "198", None)]),
    ("Stocks rose for a second consecutive day.", "2008-09-17", []),
    ("He was a star in the early two-thousands.", "2024-02-28", [("the early two-thousands", "date", "200", None)]),
    # "the past decade" is the decade before, not ten years
    ("Prices fell over the past decade.", "2010-03-01", [("the past decade", "date", "200", None)]),
    ("Stars are honoured for their work over this past year.", "2024-03-01",
     [("this past year", "duration", "P1Y", None)]),
    # quarters as durations and sets are written in months (ISO 8601 has no quarters)
    ("Losses narrowed over the past three quarters.", "2019-08-01",
     [("the past three quarters", "duration", "P9M", None)]),
    ("Revenue fell in fiscal 2023.", "2024-02-29", [("fiscal 2023", "date", "2023", None)]),
    # a number that ends a name is part of it; a year before a name dates it
    ("Unions, including SEIU Local 2015, which represents workers, joined.", "2024-02-29", []),
    ("The 2024 Brit Awards were held on Saturday.", "2024-03-04",
     [("2024", "date", "2024", None), ("Saturday", "date", "2024-03-02", None)]),
    # ages are numbers; frequencies that modify a noun are no sets
    ("A 6-year-old boy and his 52 years old father met.", "2024-02-28", []),
    ("The report is published daily.", "2024-02-28", [("daily", "set", "P1D", None)]),
    ("Revenue fell in FY2023.", "2024-02-29", [("FY2023", "date", "2023", None)]),
]

HOLIDAYS = [
    # a holiday in advice is any year's; one that happened, the last one
    ("Reaching out on Valentine’s Day or Christmas can go a long way.", "2024-02-26",
     [("Valentine’s Day", "date", "XXXX-02-14", None), ("Christmas", "date", "XXXX-12-25", None)]),
    ("For example: reaching out on Christmas — a holiday they used to spend together.", "2024-03-01",
     [("Christmas", "date", "XXXX-12-25", None)]),
    ("Sales fell at Christmas.", "2024-02-26", [("Christmas", "date", "2023-12-25", None)]),
    ("Stores open on Thanksgiving Day.", "2023-12-01", [("Thanksgiving Day", "date", "2023-11-23", None)]),
    # a saint's name is no holiday
    ("He prayed at St. Patrick's Cathedral.", "2024-02-26", []),
]


@pytest.mark.parametrize("text, published, expected", DIRECTION)
def test_direction_in_time(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", YEAR_BEFORE)
def test_periods_compared_with_a_year_before(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", WEEKS_AND_OFFSETS)
def test_weeks_and_offsets(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", VAGUE_AND_PLURAL)
def test_vague_and_plural_periods(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", HOLIDAYS)
def test_holidays(nlp, text, published, expected):
    assert found(nlp, text, published) == expected
