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


# Hypothesis: in the suite, property tests run a fixed set of examples (derandomized,
# so every run and every machine sees the same ones) with no per-example deadline (the
# first call loads the model). tests/bench/fuzz.py runs the long, random search.
from hypothesis import HealthCheck, settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile(
    "suite", max_examples=60, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_hypothesis_settings.load_profile("suite")
