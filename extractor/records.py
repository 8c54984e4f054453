"""Typed records that cross module boundaries.

Every stage returns these frozen dataclasses; no spaCy or bs4 object leaves the
stage that made it. `to_dict()` gives the shape of the output schema
(`article.schema.json`), so serialization lives in one place.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "1.0"


def _plain(value: Any) -> Any:
    """Turn records, tuples and lists into JSON-ready values."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    """Mixin: a dataclass that serializes its fields in declaration order."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class Span(_Record):
    """A piece of the article text: `text == article_text[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class RawArticle(_Record):
    """One article as read from the input, before any cleaning."""

    id: str
    path: str | None          # input path relative to the batch root; None for library calls
    format: str               # "html", "text" or "json" (schema's source.format)
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """How messages name the article: its input path, else its id."""
        return self.path or self.id or "article"


@dataclass(frozen=True)
class Metadata(_Record):
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_from: str | None = None
    language: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class CleanArticle(_Record):
    """An article's body text and metadata, ready for the NLP stages."""

    text: str
    metadata: Metadata
    warnings: tuple[str, ...] = ()
    url: str | None = None          # the page's canonical address, when it names one


@dataclass(frozen=True)
class Entity(_Record):
    id: str
    name: str
    type: str
    mentions: tuple[Span, ...]
    descriptors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Speaker(_Record):
    name: str | None
    entity: str | None
    mention: Span | None = None
    resolution: str | None = None   # explicit, pronoun, nominal, adjacent, group
    members: tuple[str, ...] = ()   # a group's names ("Ana and Luis Ortega said"); name is None then


@dataclass(frozen=True)
class MentionLink(_Record):
    """A mention of an entity a later stage found ("she", "the company")."""

    entity: str                     # entity id
    mention: Span


@dataclass(frozen=True)
class QuoteCandidate(_Record):
    """A quote as found in the text, before its speaker is resolved to an entity.

    `mention` is the words naming the source at this quote ("Taluz", "she",
    "the company", "striker Tanya Taluz"); None when the text names no source here
    (a quote paragraph that continues the previous speaker, or an unattributed quote).
    """

    text: str
    start: int
    end: int
    type: str                       # direct, indirect, mixed
    cue: Span | None = None
    mention: Span | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Quote(_Record):
    id: str
    text: str
    start: int
    end: int
    type: str                       # direct, indirect, mixed
    speaker: Speaker
    cue: Span | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class SpeakerResolution(_Record):
    """What the speakers stage adds: the quotes, the sources the entity stage missed (ids
    continuing its numbering) and the pronoun and nominal mentions that name entities."""

    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...] = ()
    mentions: tuple[MentionLink, ...] = ()


@dataclass(frozen=True)
class NumberMention(_Record):
    text: str
    start: int
    end: int
    value: float | int | None
    kind: str                       # count, percent, money, quantity, rate, ordinal, other
    unit: str | None = None
    value_max: float | int | None = None
    approximate: bool = False
    quote: str | None = None        # id of the quote it stands in
    speaker: str | None = None      # entity id of whoever claims it


@dataclass(frozen=True)
class DateMention(_Record):
    text: str
    start: int
    end: int
    type: str                       # date, time, duration, set, range
    value: str | None
    end_value: str | None = None
    anchor: str | None = None       # "published" for relative expressions


@dataclass(frozen=True)
class Claim(_Record):
    quote: str
    speaker: str | None
    numbers: tuple[int, ...] = ()
    dates: tuple[int, ...] = ()


@dataclass(frozen=True)
class NumberClaimant(_Record):
    """A link from a number to whoever claims it: the innermost quote it stands in."""

    number: int                     # index in the numbers stage's list
    quote: str                      # the quote's id
    speaker: str | None             # that quote's speaker entity


@dataclass(frozen=True)
class Source(_Record):
    path: str | None
    format: str
    url: str | None = None


@dataclass(frozen=True)
class Article(_Record):
    """The finished record of one article: exactly the output schema's fields."""

    id: str
    source: Source
    metadata: Metadata
    text: str
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    claims: tuple[Claim, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: str = field(default=SCHEMA_VERSION)

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        # schema_version first: it is what a reader checks before anything else.
        return {"schema_version": data.pop("schema_version"), **data}
