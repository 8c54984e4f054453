"""Claims: tie numbers and dates to the quotes they stand in and to their speakers."""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..records import Claim, DateMention, NumberClaimant, NumberMention, Quote


def link_claims(quotes: Sequence[Quote], numbers: Sequence[NumberMention],
                dates: Sequence[DateMention]) -> tuple[list[Claim], list[NumberClaimant]]:
    """One claim per quote, with the indexes of the numbers and dates inside it.

    Args:
        quotes: the article's quotes with their speakers.
        numbers: the numbers stage's mentions; their order gives the indexes.
        dates: the dates stage's mentions; their order gives the indexes.

    Returns:
        The claims, in quote order, and a claimant link for each number inside a
        quote (in number order): that quote's id and speaker entity. A number inside
        nested quotes belongs to the innermost (shortest) one. The numbers themselves
        are left as they are; `pipeline` puts the links on them.
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
    claimants = [NumberClaimant(number=i, quote=owner[i].id, speaker=owner[i].speaker.entity)
                 for i in sorted(owner)]
    return claims, claimants


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
