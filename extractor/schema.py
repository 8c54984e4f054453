"""The output contract, `article.schema.json`, shipped with the package."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def load_schema() -> dict:
    """The JSON Schema every output of extractor validates against."""
    return json.loads(resources.files("extractor").joinpath("data/article.schema.json")
                      .read_text(encoding="utf-8"))
