"""Report: a static HTML viewer, CSV/JSON Lines exports, and the corpus as an SQLite database."""
from .database import CorpusDatabase, write_database
from .export import export
from .serve import serve
from .viewer import write_report

__all__ = ["CorpusDatabase", "export", "serve", "write_database", "write_report"]
