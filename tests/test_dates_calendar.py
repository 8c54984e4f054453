"""The calendar lexicon and the date arithmetic built on it: month and weekday names from one
table, holidays by name (an unknown name is no holiday), month arithmetic."""
from __future__ import annotations

import re
from datetime import date

import pytest

from extractor.dates.values import holiday, month_number, move, safe_date, weekday_number
from extractor.lexicon.calendar import MONTH_LOWER_RE, MONTH_RE, MONTH_SHORT_RE, WEEKDAY_LOWER_RE


@pytest.mark.parametrize("word, expected", [
    ("january", 1), ("jan", 1), ("jan.", 1), ("may", 5), ("sept", 9), ("sept.", 9), ("sep", 9),
    ("september", 9), ("dec", 12),
])
def test_month_number(word, expected):
    assert month_number(word) == expected


@pytest.mark.parametrize("word, expected", [
    ("monday", 0), ("tues", 1), ("tue.", 1), ("thurs", 3), ("thur", 3), ("thu", 3), ("sunday", 6),
])
def test_weekday_number(word, expected):
    assert weekday_number(word) == expected


@pytest.mark.parametrize("pattern, text, expected", [
    (MONTH_RE, "Sept. 17", "Sept"), (MONTH_RE, "March 3", "March"), (MONTH_RE, "Mar. 3", "Mar"),
    (MONTH_LOWER_RE, "september", "september"), (MONTH_SHORT_RE, "sept/2", "sept"),
    (WEEKDAY_LOWER_RE, "thursday", "thursday"), (WEEKDAY_LOWER_RE, "thurs.", "thurs"),
])
def test_calendar_regexes_take_the_longest_name(pattern, text, expected):
    assert re.match(pattern, text)[0] == expected


@pytest.mark.parametrize("name, year, expected", [
    ("christmas", 2024, date(2024, 12, 25)),
    ("thanksgiving", 2024, date(2024, 11, 28)),         # fourth Thursday of November
    ("black friday", 2024, date(2024, 11, 29)),         # the day after Thanksgiving
    ("labor day", 2024, date(2024, 9, 2)),              # first Monday of September
    ("memorial day", 2024, date(2024, 5, 27)),          # last Monday of May
    ("memorial day", 2021, date(2021, 5, 31)),          # the last day of May is that Monday
    ("presidents day", 2024, date(2024, 2, 19)),
    ("easter", 2024, date(2024, 3, 31)),
    ("good friday", 2019, date(2019, 4, 19)),
    ("easter monday", 2025, date(2025, 4, 21)),
    ("boxing day", 2024, date(2024, 12, 26)),
])
def test_holiday(name, year, expected):
    assert holiday(name, year) == expected


def test_an_unknown_holiday_is_no_holiday():
    assert holiday("founders day", 2024) is None


@pytest.mark.parametrize("day, n, letter, expected", [
    (date(2024, 1, 31), 1, "M", date(2024, 2, 29)),     # to the last day of a shorter month
    (date(2024, 2, 29), -1, "Y", date(2023, 2, 28)),
    (date(2024, 3, 2), -2, "W", date(2024, 2, 17)),
    (date(2024, 3, 2), 3, "D", date(2024, 3, 5)),
])
def test_move(day, n, letter, expected):
    assert move(day, n, letter) == expected


def test_safe_date_takes_the_last_day_of_a_short_month():
    assert safe_date(2023, 2, 29) == date(2023, 2, 28)
