"""The corpus as one SQLite file: articles, entities, quotes, numbers, dates, claims, speakers.

    write_database("outputs", "corpus.db")       # or, as a run goes: CorpusDatabase(path)

The database mirrors an output folder. Articles are keyed by their output path and
the SHA-256 of the file's bytes, so a repeated run reads only the files that changed,
replaces their rows, and drops the rows of files that are gone. Writes happen in
transactions of a few hundred articles (WAL journal): a killed writer leaves the last
committed state, never a torn one. The cross-article `speakers` are matched once the
articles are in (`link_speakers`), over the whole corpus; the tables are described in
`dbschema.py` and docs/database.md.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExtractorError
from ..settings import DEFAULT_MAX_FILE_BYTES
from .dbschema import (ARTICLE_TABLES, DB_SCHEMA_VERSION, FTS_TABLES, TABLES, VIEWS,
                       create_statements)
from .export import output_files
from .linking import link_speakers
from .rows import LINK_TABLES, article_row, article_rows
from .viewer import shape_problem

# Articles per transaction: big enough that commits cost little (a commit is an fsync),
# small enough that a run's database shows its progress. 200 articles of ~20 quotes and
# ~150 mentions each are ~40,000 rows, well under a second to write.
BATCH_ARTICLES = 200
# A run's database commits at least this often, so a reader sees the articles arrive.
COMMIT_SECONDS = 5.0
# SQLite's page cache for the writer (negative: KiB): 64 MB keeps the indexes of a
# 10,000-article database in memory while it is written; memory stays flat above that.
CACHE_KIB = 64 * 1024

# How long to wait for another writer of the same file before giving up with a message.
LOCK_WAIT_SECONDS = 10.0

Warn = Callable[[str], None]


@dataclass
class DatabaseSummary:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: int = 0
    speakers: int = 0
    seconds: float = 0.0


class CorpusDatabase:
    """A corpus database open for writing: `put` articles, `remove` them, `close` to finish.

    Raises:
        ExtractorError: the file cannot be opened or is not an SQLite database.
    """

    def __init__(self, path: str | Path, *, warn: Warn | None = None):
        self.path = Path(path)
        self.warn = warn or (lambda message: None)
        self.summary = DatabaseSummary()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=LOCK_WAIT_SECONDS)
            self._prepare()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise ExtractorError(f"cannot use {self.path} as the corpus database: {exc}") from exc
            raise ExtractorError(f"another process is writing {self.path}; wait for it to "
                                 "finish or choose another file") from exc
        except sqlite3.DatabaseError as exc:
            raise ExtractorError(f"cannot use {self.path} as the corpus database: {exc}; "
                                 "remove it or choose another file") from exc
        self.known: dict[str, tuple[int, str]] = {
            path: (row_id, digest)
            for row_id, path, digest in self.conn.execute("SELECT id, path, content_hash FROM articles")}
        self._next_ids = {t.name: self._max_id(t.name) + 1 for t in TABLES
                          if t.columns[0].name == "id"}
        self._pending = 0
        self._last_commit = time.monotonic()
        self._changed = False
        self._written: set[str] = set()
        self.conn.execute("BEGIN IMMEDIATE")

    def _prepare(self) -> None:
        conn = self.conn
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        version = None
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name='db_info'").fetchone():
            row = conn.execute("SELECT value FROM db_info WHERE key='schema_version'").fetchone()
            version = row[0] if row else None
            if version != DB_SCHEMA_VERSION:
                self.warn(f"warning: {self.path} has database schema {version!r}, not "
                          f"{DB_SCHEMA_VERSION!r}: building it again")
                _drop_all(conn)
        conn.execute("BEGIN IMMEDIATE")
        for statement in create_statements():
            conn.execute(statement)
        conn.execute("INSERT OR REPLACE INTO db_info VALUES ('schema_version', ?)", (DB_SCHEMA_VERSION,))
        conn.execute("COMMIT")

    def _max_id(self, table: str) -> int:
        return self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]

    def _new_id(self, table: str) -> int:
        value = self._next_ids[table]
        self._next_ids[table] = value + 1
        return value

    # -- writing ----------------------------------------------------------------------

    def put(self, rel: str, payload: bytes) -> str:
        """Add or replace the article of the output file `rel`; 'added', 'replaced',
        'unchanged' or 'skipped' (not an extractor output: warned, and its old rows go)."""
        digest = hashlib.sha256(payload).hexdigest()
        old = self.known.get(rel)
        if old is not None and old[1] == digest:
            # A run's closing sync meets the articles it wrote again: counted once, as added.
            self.summary.unchanged += rel not in self._written
            return "unchanged"
        data, problem = _parse(payload)
        if problem is not None:
            self.warn(f"warning: skipped {rel}: {problem}")
            self.summary.skipped += 1
            self.remove(rel, count=False)
            return "skipped"
        self.conn.execute("SAVEPOINT article")
        try:
            if old is not None:
                self._delete(old[0])
            row_id = self._insert(rel, digest, data)
        except (sqlite3.Error, TypeError, ValueError, AttributeError) as exc:
            self.conn.execute("ROLLBACK TO article")
            self.conn.execute("RELEASE article")
            self.warn(f"warning: skipped {rel}: its values do not fit the database ({exc})")
            self.summary.skipped += 1
            return "skipped"
        self.conn.execute("RELEASE article")
        self.known[rel] = (row_id, digest)
        self._written.add(rel)
        status = "replaced" if old is not None else "added"
        setattr(self.summary, status, getattr(self.summary, status) + 1)
        self._wrote()
        return status

    def remove(self, rel: str, *, count: bool = True) -> None:
        """Drop the article of `rel` (its output was deleted)."""
        old = self.known.pop(rel, None)
        if old is None:
            return
        self._delete(old[0])
        self.summary.removed += count
        self._wrote()

    # A run's OutputSink (batch.run): the database follows the outputs as they are written.
    def written(self, rel: str, payload: bytes) -> None:
        self.put(rel, payload)

    def removed(self, rel: str) -> None:
        self.remove(rel)

    def _wrote(self) -> None:
        self._changed = True
        self._pending += 1
        if (self._pending >= BATCH_ARTICLES
                or time.monotonic() - self._last_commit >= COMMIT_SECONDS):
            self.commit()

    def commit(self) -> None:
        if self._changed:
            # The speakers of the articles just written are matched at close.
            self.conn.execute("INSERT OR REPLACE INTO db_info VALUES ('speakers_linked', '0')")
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN IMMEDIATE")
        self._pending = 0
        self._last_commit = time.monotonic()

    def _delete(self, article: int) -> None:
        for table in ARTICLE_TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE article = ?", (article,))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article,))

    def _insert(self, rel: str, digest: str, data: dict) -> int:
        rows = article_rows(data, new_id=self._new_id)
        article = self._new_id("articles")
        rows["articles"] = [article_row(article, rel, digest, data)]
        for table, table_rows in rows.items():
            if table != "articles":
                table_rows = [(row[0], article, *row[1:]) if table not in LINK_TABLES
                              else (*row, article) for row in table_rows]
            if table_rows:
                marks = ", ".join("?" * len(table_rows[0]))
                self.conn.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
        return article

    # -- finishing --------------------------------------------------------------------

    def sync(self, out: str | Path) -> None:
        """Make the database mirror the outputs under `out`: add, replace, remove."""
        seen = set()
        for rel, path in output_files(out):
            seen.add(rel)
            try:
                if path.stat().st_size > DEFAULT_MAX_FILE_BYTES:
                    raise OSError(f"larger than {DEFAULT_MAX_FILE_BYTES} bytes")
                payload = path.read_bytes()
            except OSError as exc:
                self.warn(f"warning: skipped {rel}: cannot be read ({exc})")
                self.summary.skipped += 1
                continue
            self.put(rel, payload)
        for rel in sorted(set(self.known) - seen):
            self.remove(rel)

    def close(self) -> DatabaseSummary:
        """Commit, match speakers across articles, and close."""
        linked = self.conn.execute("SELECT value FROM db_info WHERE key='speakers_linked'").fetchone()
        if self._changed or not linked or linked[0] != "1":
            link_speakers(self.conn)
            self.conn.execute("INSERT OR REPLACE INTO db_info VALUES ('speakers_linked', '1')")
        self.summary.speakers = self.conn.execute("SELECT count(*) FROM speakers").fetchone()[0]
        self.conn.execute("COMMIT")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        return self.summary

    def abandon(self) -> None:
        """Close without finishing (an error elsewhere): what was committed stays."""
        try:
            self.conn.execute("ROLLBACK")
        finally:
            self.conn.close()


def _drop_all(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    for name in VIEWS:
        conn.execute(f"DROP VIEW IF EXISTS {name}")
    for name in (*FTS_TABLES, *(t.name for t in TABLES)):
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.execute("COMMIT")


def _parse(payload: bytes) -> tuple[dict | None, str | None]:
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return None, f"cannot be read as JSON ({type(exc).__name__}: {exc})"
    problem = shape_problem(data)
    return (data, None) if problem is None else (None, f"not an extractor output: {problem}")


def write_database(out: str | Path, database: str | Path, *, warn: Warn | None = None) -> DatabaseSummary:
    """Bring the database at `database` up to date with the outputs under `out`.

    Raises:
        ExtractorError: `out` is not a folder, or `database` cannot be used.
    """
    started = time.perf_counter()
    if not Path(out).is_dir():
        raise ExtractorError(f"{out} is not a folder: give the OUT folder of `extractor run`")
    db = CorpusDatabase(database, warn=warn)
    try:
        db.sync(out)
    except BaseException:
        db.abandon()
        raise
    summary = db.close()
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary
