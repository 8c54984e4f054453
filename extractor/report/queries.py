"""The corpus database's common questions as SQL: Datasette's canned queries, and what the
benchmark (tests/bench/database.py) times."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    sql: str


CANNED_QUERIES = (
    CannedQuery(
        "quotes_by_speaker", "All quotes by a speaker",
        "Every quote of one cross-article speaker (its canonical name, as in the speakers table), "
        "oldest article first.",
        """SELECT s.name AS speaker, q.text AS quote, q.type, q.resolution, a.title, a.outlet,
       a.published_day, q.article, q.id AS quote_row
FROM speakers s JOIN quotes q ON q.speaker = s.id JOIN articles a ON a.id = q.article
WHERE s.name = :speaker
ORDER BY a.published_day, q.article, q.char_start
LIMIT 1000"""),
    CannedQuery(
        "numbers_by_speaker", "Numbers claimed by a speaker",
        "The numbers one speaker states, with their value, unit and the quote they stand in.",
        """SELECT s.name AS speaker, n.text AS number, n.value, n.value_max, n.unit, n.kind,
       q.text AS quote, a.title, a.published_day, n.article
FROM speakers s JOIN numbers n ON n.speaker = s.id JOIN articles a ON a.id = n.article
LEFT JOIN quotes q ON q.id = n.quote
WHERE s.name = :speaker
ORDER BY a.published_day, n.article, n.char_start
LIMIT 1000"""),
    CannedQuery(
        "top_speakers_by_outlet", "Most quoted speakers by outlet",
        "The ten most quoted speakers of each outlet, with their quotes and articles there.",
        """SELECT outlet, speaker, quotes, articles FROM (
  SELECT so.outlet, s.name AS speaker, so.quotes, so.articles,
         row_number() OVER (PARTITION BY so.outlet ORDER BY so.quotes DESC, s.name) AS place
  FROM speaker_outlets so JOIN speakers s ON s.id = so.speaker)
WHERE place <= 10
ORDER BY outlet, quotes DESC, speaker"""),
    CannedQuery(
        "search_quotes", "Full-text search in quotes",
        "Quotes matching an FTS5 search (words, \"a phrase\", prefix*, OR, NOT), best match first.",
        """SELECT q.text AS quote, q.speaker_name AS speaker_here, s.name AS speaker, q.type,
       a.title, a.outlet, a.published_day, q.article
FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article
LEFT JOIN speakers s ON s.id = q.speaker
WHERE quotes_fts MATCH :search
ORDER BY quotes_fts.rank
LIMIT 100"""),
)
