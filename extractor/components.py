"""spaCy components: the extraction stages inside any English spaCy pipeline.

    import spacy
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("extractor_quotes")       # also: extractor_entities, _dates, _numbers
    doc = nlp("“We are on strike,” said Tanya Taluz.")
    doc._.quotes[0].speaker.name            # 'Tanya Taluz'

The factories reach spaCy through the `spacy_factories` entry point, so no import of
extractor is needed before `add_pipe`. Each component is a thin wrapper over its stage
function and writes a list of records (extractor.records) to one `Doc` extension. A
component whose input another component makes (quotes need entities, numbers need
dates) computes that input itself when the other component did not run, without
storing it, so every component works alone.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import claims as claims_stage
from . import dates as dates_stage
from . import entities as entities_stage
from . import numbers as numbers_stage
from . import quotes as quotes_stage
from . import speakers as speakers_stage
from .pipeline import with_claimants, with_speaker_entities

# The Doc extensions the components write; None until their component has run.
EXTENSIONS = ("entities", "quotes", "numbers", "dates")

# What the stages read from the pipeline before them: named entities for all of them,
# the dependency parse for finding quotes and their sources.
_NEEDS_ENTS = ["doc.ents"]
_NEEDS_PARSE = ["doc.ents", "token.dep", "token.lemma"]


def register_extensions() -> None:
    """Register `doc._.entities`, `.quotes`, `.numbers`, `.dates`, leaving existing ones alone."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None, force=False)


def _entities(doc: Doc) -> list:
    return doc._.entities if doc._.entities is not None else entities_stage.find_entities(doc)


class EntitiesComponent:
    """Named entities grouped into `Entity` records on `doc._.entities`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = entities_stage.find_entities(doc)
        return doc


class QuotesComponent:
    """Quotes with resolved speakers on `doc._.quotes`.

    Speaker resolution may refine the entities, so `doc._.entities` is set too.
    """

    def __call__(self, doc: Doc) -> Doc:
        candidates = quotes_stage.find_quotes(doc)
        entities = _entities(doc)
        speakers = speakers_stage.resolve_speakers(doc, candidates, entities)
        doc._.quotes = list(speakers.quotes)
        doc._.entities = with_speaker_entities(entities, speakers)
        return doc


class DatesComponent:
    """Temporal expressions on `doc._.dates`, relative ones resolved against `published`."""

    def __init__(self, *, published: str | None = None):
        self.published = published

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = dates_stage.find_dates(doc, published=self.published)
        return doc


class NumbersComponent:
    """Numbers on `doc._.numbers`; tied to their quote and speaker when quotes ran first."""

    def __call__(self, doc: Doc) -> Doc:
        # Numbers inside dates ("2019", "15" in "Aug. 15") are not numbers.
        dates = doc._.dates if doc._.dates is not None else dates_stage.find_dates(doc, published=None)
        numbers = numbers_stage.find_numbers(doc, dates=dates)
        if doc._.quotes is not None:
            _, claimants = claims_stage.link_claims(doc._.quotes, numbers, dates)
            numbers = with_claimants(numbers, claimants)
        doc._.numbers = numbers
        return doc


@Language.factory("extractor_entities", assigns=["doc._.entities"], requires=_NEEDS_ENTS)
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    register_extensions()
    return EntitiesComponent()


@Language.factory("extractor_quotes", assigns=["doc._.quotes", "doc._.entities"],
                  requires=_NEEDS_PARSE)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    register_extensions()
    return QuotesComponent()


@Language.factory("extractor_dates", assigns=["doc._.dates"], requires=_NEEDS_ENTS,
                  default_config={"published": None})
def make_dates(nlp: Language, name: str, published: str | None) -> DatesComponent:
    register_extensions()
    return DatesComponent(published=published)


@Language.factory("extractor_numbers", assigns=["doc._.numbers"], requires=_NEEDS_ENTS)
def make_numbers(nlp: Language, name: str) -> NumbersComponent:
    register_extensions()
    return NumbersComponent()
