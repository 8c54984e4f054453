"""Claims: tie numbers and dates to the quotes they stand in and to their speakers."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .records import Claim, DateMention, NumberMention, Quote


def _inside(start: int, end: int, quote: Quote) -> bool:
    return quote.start <= start and end <= quote.end


def link_claims(quotes: Sequence[Quote], numbers: Sequence[NumberMention],
                dates: Sequence[DateMention]) -> tuple[list[Claim], list[NumberMention]]:
    """One claim per quote, with the indexes of the numbers and dates inside it.

    Returns the claims and the numbers, each marked with its quote and speaker.
    """
    claims: list[Claim] = []
    linked = list(numbers)
    for quote in quotes:
        number_ids = tuple(i for i, n in enumerate(numbers) if _inside(n.start, n.end, quote))
        date_ids = tuple(i for i, d in enumerate(dates) if _inside(d.start, d.end, quote))
        for i in number_ids:
            linked[i] = replace(linked[i], quote=quote.id, speaker=quote.speaker.entity)
        claims.append(Claim(quote=quote.id, speaker=quote.speaker.entity,
                            numbers=number_ids, dates=date_ids))
    return claims, linked
