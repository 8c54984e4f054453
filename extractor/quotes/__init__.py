"""Quotes: direct, indirect and mixed reported speech with its cue and the words naming
its source (quote marks, cue words, source phrases)."""
from .finding import find_quotes

__all__ = ["find_quotes"]
