"""Claims: tie numbers and dates to the quotes they stand in and to their speakers."""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from ..records import Claim, DateMention, NumberMention, Quote


def link_claims(quotes: Sequence[Quote], numbers: Sequence[NumberMention],
                dates: Sequence[DateMention]) -> tuple[list[Claim], list[NumberMention]]:
    """One claim per quote, with the indexes of the numbers and dates inside it.

    Args:
        quotes: the article's quotes with their speakers.
        numbers: the numbers stage's mentions; their order gives the indexes.
        dates: the dates stage's mentions; their order gives the indexes.

    Returns:
        The claims, in quote order, and the numbers, each one inside a quote marked
        with that quote's id and speaker entity. A number inside nested quotes
        belongs to the innermost (shortest) one.
    """
    number_index = _Index(numbers)
    date_index = _Index(dates)
    claims: list[Claim] = []
    owner: dict[int, Quote] = {}
    for quote in quotes:
        number_ids = number_index.inside(quote)
        for i in number_ids:
            if i not in owner or quote.end - quote.start < owner[i].end - owner[i].start:
                owner[i] = quote
        claims.append(Claim(quote=quote.id, speaker=quote.speaker.entity,
                            numbers=tuple(number_ids), dates=tuple(date_index.inside(quote))))
    linked = [replace(n, quote=owner[i].id, speaker=owner[i].speaker.entity) if i in owner else n
              for i, n in enumerate(numbers)]
    return claims, linked


class _Index:
    """Items sorted by start offset, for finding those inside a span by bisection."""

    def __init__(self, items: Sequence[NumberMention | DateMention]):
        self.items = items
        self.order = sorted(range(len(items)), key=lambda k: items[k].start)
        self.starts = [items[k].start for k in self.order]

    def inside(self, quote: Quote) -> list[int]:
        lo = bisect.bisect_left(self.starts, quote.start)
        hi = bisect.bisect_left(self.starts, quote.end)
        return sorted(self.order[k] for k in range(lo, hi) if self.items[self.order[k]].end <= quote.end)
