"""Clean: a raw article -> body text and metadata (HTML body, authors, publication
date, language)."""
from .html import parse_html
from .text import clean_text

__all__ = ["clean_text", "parse_html"]
