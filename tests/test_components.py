"""The spaCy components: `nlp.add_pipe("extractor_...")` on a loaded English model.

The components get their own copy of the model: the session model (`nlp` fixture)
stays as every other test expects it.
"""
from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Doc

from extractor.components import EXTENSIONS, register_extensions
from extractor.nlp import default_model_name
from extractor.pipeline import enrich
from extractor.records import CleanArticle, DateMention, Entity, Metadata, NumberMention, Quote, RawArticle

TEXT = ("Kaiser Permanente therapists have been on strike for seven weeks. "
        "“We are on strike because patients wait too long,” said Tanya Taluz, a therapist in Oakland. "
        "She said nearly 40% of the staff had left since 2019.\n\n"
        "Kaiser Permanente said on Monday that it had offered 156 patients other appointments.")
PUBLISHED = "2019-04-25"
FACTORIES = ("extractor_entities", "extractor_quotes", "extractor_dates", "extractor_numbers")


@pytest.fixture(scope="module")
def with_components():
    nlp = spacy.load(default_model_name())
    nlp.add_pipe("extractor_entities")
    nlp.add_pipe("extractor_quotes")
    nlp.add_pipe("extractor_dates", config={"published": PUBLISHED})
    nlp.add_pipe("extractor_numbers")
    return nlp


@pytest.fixture(scope="module")
def pipeline_article(nlp):
    """What `extractor run` finds in TEXT, from the session model's Doc."""
    raw = RawArticle(id="t", path=None, format="text", text=TEXT)
    cleaned = CleanArticle(text=TEXT, metadata=Metadata(published=PUBLISHED, language="en"))
    return enrich(nlp(TEXT), raw, cleaned)


def test_components_are_added_by_name(with_components):
    assert with_components.pipe_names[-4:] == list(FACTORIES)
    assert with_components.get_pipe_meta("extractor_quotes").assigns == ["doc._.quotes", "doc._.entities"]
    assert with_components.get_pipe_config("extractor_dates") == {"factory": "extractor_dates",
                                                                  "published": PUBLISHED}


def test_components_give_what_the_pipeline_gives(with_components, pipeline_article):
    doc = with_components(TEXT)
    assert doc._.entities == list(pipeline_article.entities)
    assert doc._.quotes == list(pipeline_article.quotes)
    assert doc._.dates == list(pipeline_article.dates)
    assert doc._.numbers == list(pipeline_article.numbers)


@pytest.mark.parametrize("extension, record", [
    ("entities", Entity), ("quotes", Quote), ("dates", DateMention), ("numbers", NumberMention)])
def test_results_are_record_lists(with_components, extension, record):
    values = getattr(with_components(TEXT)._, extension)
    assert isinstance(values, list) and values and all(isinstance(v, record) for v in values)


def test_entities_on_the_doc(with_components):
    names = {(e.name, e.type) for e in with_components(TEXT)._.entities}
    assert {("Tanya Taluz", "PERSON"), ("Kaiser Permanente", "ORG")} <= names


def test_quotes_have_resolved_speakers(with_components):
    quotes = with_components(TEXT)._.quotes
    # Whether a comma inside the marks belongs to the quote is the quote stage's call.
    assert quotes[0].text.rstrip(",") == "We are on strike because patients wait too long"
    assert (quotes[0].type, quotes[0].speaker.name) == ("direct", "Tanya Taluz")
    she = quotes[1].speaker
    assert (she.name, she.mention.text, she.resolution) == ("Tanya Taluz", "She", "pronoun")


def test_dates_resolve_against_the_configured_publication_date(with_components):
    dates = {d.text: d.value for d in with_components(TEXT)._.dates}
    assert dates["seven weeks"] == "P7W"


def test_numbers_are_tied_to_quotes_when_quotes_ran(with_components):
    doc = with_components(TEXT)
    numbers = {n.text: n for n in doc._.numbers}
    taluz = next(e.id for e in doc._.entities if e.name == "Tanya Taluz")
    assert (numbers["156"].value, numbers["156"].quote) == (156, "Q3")
    assert (numbers["nearly 40%"].value, numbers["nearly 40%"].quote) == (40, "Q2")
    assert numbers["nearly 40%"].speaker == taluz
    assert "2019" not in numbers  # a year is a date, not a number


def test_quotes_alone_computes_entities_itself(nlp):
    alone = spacy.load(default_model_name(), exclude=["lemmatizer"])
    alone.add_pipe("extractor_quotes")
    doc = alone(TEXT)
    assert doc._.quotes is not None and doc._.dates is None
    assert "Tanya Taluz" in {e.name for e in doc._.entities}


def test_extensions_default_to_none_and_registering_twice_is_harmless(nlp):
    register_extensions()
    before = {name: Doc.get_extension(name) for name in EXTENSIONS}
    register_extensions()
    assert {name: Doc.get_extension(name) for name in EXTENSIONS} == before
    doc = nlp.make_doc("No components ran.")
    assert [getattr(doc._, name) for name in EXTENSIONS] == [None] * 4


@pytest.mark.slow
def test_entry_point_registers_factories_without_importing_extractor():
    code = ("import sys, spacy; nlp = spacy.blank('en'); "
            + "; ".join(f"nlp.add_pipe({f!r})" for f in FACTORIES)
            + "; print(nlp.pipe_names, 'extractor' in sys.modules or 'extractor.components' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{list(FACTORIES)} True"
