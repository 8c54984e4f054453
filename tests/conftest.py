"""Shared fixtures: the real spaCy model, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCHEMA_PATH = REPO.parent / "shared" / "schema" / "article.schema.json"


@pytest.fixture(scope="session")
def nlp():
    from extractor.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def extractor_instance(nlp):
    from extractor import Extractor

    return Extractor(nlp=nlp)
