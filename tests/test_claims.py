"""claims.link_claims: quotes get the numbers and dates inside them; numbers get their speaker."""
from __future__ import annotations

from extractor.claims import link_claims as find_links
from extractor.pipeline import with_claimants


def link_claims(quotes, numbers, dates):
    """The claims and the numbers as the pipeline assembles them from the links."""
    claims, claimants = find_links(quotes, numbers, dates)
    return claims, with_claimants(numbers, claimants)
from extractor.records import DateMention, NumberMention, Quote, Speaker


def _quote(qid, start, end, entity):
    return Quote(id=qid, text="x" * (end - start), start=start, end=end, type="direct",
                 speaker=Speaker(name=entity, entity=entity))


def _number(start, end):
    return NumberMention(text="9" * (end - start), start=start, end=end, value=9, kind="count")


def _date(start, end):
    return DateMention(text="d" * (end - start), start=start, end=end, type="date", value="2019")


def test_numbers_and_dates_inside_a_quote():
    quotes = [_quote("q1", 10, 50, "e1"), _quote("q2", 60, 90, "e2")]
    numbers = [_number(12, 15), _number(55, 57), _number(70, 72)]
    dates = [_date(80, 84), _date(20, 24)]
    claims, linked = link_claims(quotes, numbers, dates)
    assert [(c.quote, c.speaker, c.numbers, c.dates) for c in claims] == [
        ("q1", "e1", (0,), (1,)), ("q2", "e2", (2,), (0,))]
    assert [(n.quote, n.speaker) for n in linked] == [("q1", "e1"), (None, None), ("q2", "e2")]


def test_number_straddling_the_quote_end_is_outside():
    claims, linked = link_claims([_quote("q1", 0, 20, "e1")], [_number(18, 22)], [])
    assert claims[0].numbers == ()
    assert linked[0].quote is None


def test_nested_quotes_give_the_number_to_the_innermost():
    quotes = [_quote("outer", 0, 100, "e1"), _quote("inner", 40, 60, "e2")]
    claims, linked = link_claims(quotes, [_number(45, 47)], [])
    assert [c.numbers for c in claims] == [(0,), (0,)]
    assert (linked[0].quote, linked[0].speaker) == ("inner", "e2")


def test_unsorted_numbers_keep_their_indexes():
    numbers = [_number(70, 72), _number(12, 15)]
    claims, _ = link_claims([_quote("q1", 0, 100, None)], numbers, [])
    assert claims[0].numbers == (0, 1)
    assert claims[0].speaker is None


def test_no_quotes():
    numbers = [_number(1, 3)]
    assert link_claims([], numbers, []) == ([], numbers)


def test_link_claims_returns_links_and_leaves_numbers_alone():
    numbers = [_number(12, 15), _number(55, 57)]
    claims, claimants = find_links([_quote("q1", 10, 50, "e1")], numbers, [])
    assert [(c.number, c.quote, c.speaker) for c in claimants] == [(0, "q1", "e1")]
    assert numbers[0].quote is None
