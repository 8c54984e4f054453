"""Ingest: files and folders -> raw articles (discovery, decoding, formats), and the
guards that bound hostile input before any parser runs."""
from .files import discover, read_articles

__all__ = ["discover", "read_articles"]
