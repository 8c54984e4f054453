"""Browse a corpus database in Datasette, on this machine only.

    serve("corpus.db", port=8001)     # or: extractor serve corpus.db --port 8001

Datasette (`pip install 'extractor[serve]'`) gets the project's metadata: every
table's and column's description (from dbschema.py), facets (speaker, outlet, day,
quote type; all on indexed columns of `quotes` and `articles`), and the canned queries of queries.py. It listens on 127.0.0.1 only.
"""
from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import ExtractorError
from .dbschema import FTS_TABLES, TABLES, VIEWS
from .queries import CANNED_QUERIES

HOST = "127.0.0.1"   # never another interface: the corpus may hold unpublished material
# Facets shown on opening each table (columns a reader filters by).
FACETS = {
    "quotes": ["speaker", "outlet", "published_day", "type"],
    "articles": ["outlet", "published_day", "language"],
    "speakers": ["type"],
    "numbers": ["speaker", "kind", "unit"],
    "dates": ["type"],
    "entities": ["type"],
}
SORT_DESC = {"speakers": "quotes", "quotes": "published_day", "articles": "published_day"}


def metadata(database: str | Path) -> dict:
    """Datasette's metadata for the corpus database at `database`."""
    tables: dict[str, dict] = {}
    for table in TABLES:
        entry: dict = {"description": table.description,
                       "columns": {c.name: c.description for c in table.columns}}
        if table.label:
            entry["label_column"] = table.label
        tables[table.name] = entry
    for name, (description, _sql) in VIEWS.items():
        tables[name] = {"description": description}
    for fts, (table, _columns) in FTS_TABLES.items():
        tables[table]["fts_table"] = fts
        tables[table]["fts_pk"] = "id"
        tables[fts] = {"hidden": True}
    for name, facets in FACETS.items():
        tables[name]["facets"] = facets
    for name, column in SORT_DESC.items():
        tables[name]["sort_desc"] = column
    queries = {q.name: {"title": q.title, "description": q.description, "sql": q.sql}
               for q in CANNED_QUERIES}
    return {
        "title": "extractor: who said what",
        "description": "Quotes with their speakers matched across articles, entities, numbers, "
                       "dates and claims, from extractor's outputs. Start at speakers or quote_list.",
        "databases": {Path(database).stem: {"tables": tables, "queries": queries}},
    }


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def datasette_command(database: str | Path, port: int, metadata_path: str | Path) -> list[str]:
    """The command that serves `database` read-only on HOST:port with the metadata."""
    # Not --immutable: a run may still be writing the database (WAL lets both go on).
    return [sys.executable, "-m", "datasette", "serve", str(database),
            "--host", HOST, "--port", str(port), "--metadata", str(metadata_path),
            "--setting", "facet_time_limit_ms", "1000", "--setting", "sql_time_limit_ms", "5000"]


def check_database(database: str | Path) -> Path:
    """Raises ExtractorError unless `database` is a file and Datasette is installed."""
    path = Path(database)
    if not path.is_file():
        raise ExtractorError(f"{path} is not a file: write one with `extractor db OUT -o {path}`")
    if importlib.util.find_spec("datasette") is None:
        raise ExtractorError("Datasette is not installed: pip install 'extractor[serve]'")
    return path


def serve(database: str | Path, *, port: int | None = None) -> int:
    """Serve `database` until interrupted; returns Datasette's exit code.

    Raises:
        ExtractorError: no such database, or Datasette is not installed.
    """
    path = check_database(database)
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="extractor-serve-") as folder:
        metadata_path = Path(folder, "metadata.json")
        metadata_path.write_text(json.dumps(metadata(path), indent=1), encoding="utf-8")
        print(f"serving {path} at http://{HOST}:{port}/ (Ctrl-C stops)", file=sys.stderr, flush=True)
        process = subprocess.Popen(datasette_command(path, port, metadata_path))
        try:
            return process.wait()
        except KeyboardInterrupt:
            process.terminate()
            process.wait()
            raise
