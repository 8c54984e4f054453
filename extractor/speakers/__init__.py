"""Speakers: each quote's source words resolved to an entity (explicit, pronoun,
nominal, adjacent)."""
from .resolve import resolve_speakers

__all__ = ["resolve_speakers"]
