"""Entities: spaCy's named-entity mentions clustered into the people and organisations
an article talks about."""
from .finding import find_entities

__all__ = ["find_entities"]
