"""`__all__` kept honest (as httpx does): each package's public names are exactly its
`__all__`, sorted, and every name in it resolves."""
from __future__ import annotations

import importlib
import inspect

import pytest

import extractor

STAGE_PACKAGES = ["extractor.ingest", "extractor.clean", "extractor.entities", "extractor.quotes",
                  "extractor.speakers", "extractor.dates", "extractor.numbers", "extractor.claims",
                  "extractor.batch", "extractor.report"]
# Names a module gets from `from __future__ import annotations` and typing, not its API.
NOT_API = {"annotations", "TYPE_CHECKING"}


def _public_names(module) -> set[str]:
    return {name for name, value in vars(module).items()
            if not name.startswith("_") and name not in NOT_API and not inspect.ismodule(value)}


@pytest.mark.parametrize("name", ["extractor", *STAGE_PACKAGES])
def test_all_is_sorted_and_resolves(name):
    module = importlib.import_module(name)
    assert module.__all__ == sorted(module.__all__)
    for public in module.__all__:
        assert getattr(module, public) is not None


@pytest.mark.parametrize("name", STAGE_PACKAGES)
def test_a_stage_package_exports_exactly_its_all(name):
    module = importlib.import_module(name)
    assert _public_names(module) == set(module.__all__)


def test_the_top_package_exports_exactly_its_all():
    # `Extractor` is loaded lazily (module __getattr__), so it is in __all__ but not in vars().
    assert _public_names(extractor) | {"Extractor"} == set(extractor.__all__)


@pytest.mark.parametrize("documented", ["extractor.records", "extractor.viewer", "extractor.components"])
def test_documented_import_paths_keep_working(documented):
    assert importlib.import_module(documented)


def test_the_lexicon_holds_data_only():
    for name in ["calendar", "names", "nicknames", "numbers", "speech"]:
        module = importlib.import_module(f"extractor.lexicon.{name}")
        functions = [n for n, v in vars(module).items() if inspect.isfunction(v) and v.__module__ == module.__name__
                     and not n.startswith("_")]
        assert functions == [], f"lexicon.{name} defines functions: {functions}"
