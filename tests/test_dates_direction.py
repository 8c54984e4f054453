"""dates.find_dates: which side of the publication date a weekday or month without its year
lies on, as the clause around it says (GUIDELINES: the nearest one before publication unless
the tense or context points ahead), and durations with a fraction of a unit.

Each row: (text, published, expected [(text, type, value)]); end values are not compared.
"""
from __future__ import annotations

import pytest

from .test_dates import found


DIRECTION = [
    # a present form the tagger gave a singular subject is a past ("Weakness hurt", not "hurts")
    ("Weakness in big technology stocks hurt the composite as well as the Nasdaq 100 Index, which fell "
     "1.4%, or 6.43, on Friday, to 437.68.", "1989-10-30", [("Friday", "date", "1989-10-27")]),
    # a modal with "have" puts the act in the past
    ("Concern about the chip may have been responsible for a drop in Compaq's stock on Wednesday.", "1989-10-27",
     [("Wednesday", "date", "1989-10-25")]),
    # "until" a day looks ahead, unless a past perfect or a denial held until then
    ("Until Thursday, they had not called Kopp a suspect.", "1999-05-07", [("Thursday", "date", "1999-05-06")]),
    ("Dow Jones said it extended its offer for Telerate Inc. common stock until 5 p.m. EST Nov. 9.", "1989-11-02",
     [("5 p.m. EST Nov. 9", "time", "1989-11-09T17:00")]),
    ("U.S. Immigration officials postponed until Tuesday morning any action on the case.", "2000-03-30",
     [("Tuesday morning", "time", "2000-04-04TMO")]),
    # a thing planned lies ahead, even when the planning is told in the past
    ("Protesters planned a large demonstration in Little Havana on Saturday.", "2000-01-07",
     [("Saturday", "date", "2000-01-08")]),
    ("The U.S. attorney has scheduled a news conference Thursday to announce a major development.", "1999-05-05",
     [("Thursday", "date", "1999-05-06")]),
    ("The official said that the accession was planned for early March.", "1999-02-10",
     [("early March", "date", "1999-03")]),
    # but a date before the planning verb dates the planning, and a plan in a participle may be past
    ("On Friday, the Kenyan government planned to pay the first 32 death claims.", "1998-09-30",
     [("Friday", "date", "1998-09-25")]),
    ("A memorial service planned at the University of Rochester for Saturday was canceled.", "1999-10-24",
     [("Saturday", "date", "1999-10-23")]),
    # a weekday's or month's thing named with its article is one known: the one before, whatever the verb
    ("His relatives said they would look for ways to get around Wednesday's ruling by the INS.", "2000-01-07",
     [("Wednesday", "date", "2000-01-05")]),
    ("Poughkeepsie said it is continuing to try to sell itself, under a June agreement with a group.",
     "1989-10-27", [("June", "date", "1989-06")]),
    ("The mother was practically kidnapped along with the boy to make the late-November trip, Castro said.",
     "2000-01-28", [("late-November", "date", "1999-11")]),
    # a scheduled event or a month without an article keeps the clause's direction
    ("Dealers placed heavy buy orders to start the first trading day for November transactions.", "1989-10-30",
     [("November", "date", "1989-11")]),
    # a date a past act moves to, in a participle the parser hung on the subject
    ("DD Acquisition Corp., a partnership of Unicorp Canada Corp.'s Kingsbridge Capital Group and Cara Operations "
     "Ltd., extended to Nov. 20 its offer for all Dunkin' Donuts Inc. shares outstanding.", "1989-11-02",
     [("Nov. 20", "date", "1989-11-20")]),
    # a weekday beside its date is that date's, not the weekday's nearest
    ("$14 million of that seeped out Friday Oct. 13 alone.", "1989-10-27", [("Friday Oct. 13", "date", "1989-10-13")]),
    # a conditional present with two subjects is no mistagged past
    ("The directors said if Messrs. Drabinsky and Gottlieb mail an offer by Nov. 22, it will pay them.",
     "1989-10-26", [("Nov. 22", "date", "1989-11-22")]),
]


@pytest.mark.parametrize("text, published, expected", DIRECTION)
def test_direction_in_time(nlp, text, published, expected):
    assert [row[:3] for row in found(nlp, text, published)] == expected


FRACTIONS = [
    # a fraction of a unit written in the unit below when that comes out whole (TimeML's P2Y6M)
    ("They lived in refugee camps for 2 1/2 years.", [("2 1/2 years", "duration", "P2Y6M")]),
    ("The flight took 5 1/2 hours.", [("5 1/2 hours", "duration", "PT5H30M")]),
    ("The broadcast lasted a minute and a half.", [("a minute and a half", "duration", "PT1M30S")]),
    ("The talks lasted a day and a half.", [("a day and a half", "duration", "P1DT12H")]),
    ("She will then spend about 5 1/2 hours in Nairobi.", [("5 1/2 hours", "duration", "PT5H30M")]),
    # a count told from the moment before: the span of time it counts
    ("But a minute and a half later, a pilot calls in.", [("a minute and a half", "duration", "PT1M30S")]),
    # a week or month splits into no whole number of days: the decimal stays
    ("The strike lasted one and a half weeks.", [("one and a half weeks", "duration", "P1.5W")]),
]


@pytest.mark.parametrize("text, expected", FRACTIONS)
def test_fractions_of_a_unit(nlp, text, expected):
    assert [row[:3] for row in found(nlp, text, "1998-02-27")] == expected


IN_FOCUS = [
    # "the following year" is the year after the one the paragraph dated last
    ("On May 22, 1995, Farkas was made a brigadier general, and the following year he was appointed attache.",
     "1998-04-18", [("May 22, 1995", "date", "1995-05-22"), ("the following year", "date", "1996")]),
    ("In March, the company received an offer. The following month, the company put itself up for sale.",
     "1989-10-27", [("March", "date", "1989-03"), ("The following month", "date", "1989-04")]),
    ("The previous year, sales fell.", "1989-10-27", [("The previous year", "date", "1988")]),
    # a time before the same time in another zone and then its day takes that day
    ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", "1998-08-08",
     [("10:35 a.m.", "time", "1998-08-07T10:35"), ("0735 GMT", "time", "1998-08-07T07:35Z"),
      ("Friday", "date", "1998-08-07")]),
]


@pytest.mark.parametrize("text, published, expected", IN_FOCUS)
def test_the_day_or_year_in_focus(nlp, text, published, expected):
    assert [row[:3] for row in found(nlp, text, published)] == expected


QUARTERS = [
    # "the quarter a year ago" is the quarter reported, a year back; "the current quarter" the publication's
    ("Columbia announced a loss for the third quarter. For the quarter a year ago, Columbia reported earnings. "
     "Business is strong, with the current quarter having begun well.", "1989-10-26",
     [("the third quarter", "date", "1989-Q3"), ("the quarter a year ago", "date", "1988-Q3"),
      ("the current quarter", "date", "1989-Q4")]),
]


@pytest.mark.parametrize("text, published, expected", QUARTERS)
def test_quarters_named_against_the_report(nlp, text, published, expected):
    assert [row[:3] for row in found(nlp, text, published)] == expected
