"""Write the cross-article speakers into a corpus database (the matching is in crossref.py).

Speaker ids stay the same from one build to the next as long as their key does, so a
link to a speaker's page survives adding articles.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from .crossref import SpeakerEvidence, match_speakers

# Mention texts kept per entity as alias evidence: a long article names its main speaker
# dozens of times, mostly by the same two or three words.
MAX_ALIASES_PER_ENTITY = 8

UNKNOWN_OUTLET = "(unknown)"
# Entities that speak: a quote's speaker, or whoever claims a number or a claim.
_SPEAKING = """
    SELECT entity FROM quotes WHERE entity IS NOT NULL
    UNION SELECT entity FROM numbers WHERE entity IS NOT NULL
    UNION SELECT entity FROM claims WHERE entity IS NOT NULL
"""


def speaker_evidence(conn: sqlite3.Connection) -> list[SpeakerEvidence]:
    """The evidence of every speaking entity in the database."""
    quotes = dict(conn.execute(
        "SELECT entity, count(*) FROM quotes WHERE entity IS NOT NULL GROUP BY entity"))
    aliases: dict[int, list[str]] = defaultdict(list)
    for entity, text in conn.execute(
            f"SELECT DISTINCT m.entity, m.text FROM mentions m WHERE m.entity IN ({_SPEAKING})"):
        if len(aliases[entity]) < MAX_ALIASES_PER_ENTITY and isinstance(text, str):
            aliases[entity].append(text)
    evidence = []
    for row_id, article, name, type_, descriptors in conn.execute(
            f"SELECT id, article, name, type, descriptors FROM entities WHERE id IN ({_SPEAKING}) "
            "ORDER BY id"):
        if not isinstance(name, str) or not name.strip():
            continue
        try:
            described = tuple(d for d in json.loads(descriptors or "[]") if isinstance(d, str))
        except ValueError:
            described = ()
        evidence.append(SpeakerEvidence(
            ref=row_id, article=article, name=name, type=type_ if isinstance(type_, str) else None,
            descriptors=described, aliases=tuple(aliases.get(row_id, ())),
            quotes=quotes.get(row_id, 0)))
    return evidence


def link_speakers(conn: sqlite3.Connection) -> int:
    """Match speakers across all articles and point entities, quotes, numbers and claims
    at them; returns the number of speakers. Runs inside the caller's transaction."""
    clusters = match_speakers(speaker_evidence(conn))
    ids = dict(conn.execute("SELECT key, id FROM speakers"))
    next_id = max(ids.values(), default=0) + 1
    rows, members = [], []
    for cluster in clusters:
        speaker = ids.get(cluster.key)
        if speaker is None:
            speaker, next_id = next_id, next_id + 1
        rows.append((speaker, cluster.key, cluster.name, cluster.type, json.dumps(cluster.aliases),
                     json.dumps(cluster.acronyms), json.dumps(cluster.descriptors),
                     json.dumps(cluster.affiliations), cluster.articles, cluster.quotes))
        members.extend((ref, speaker) for ref in cluster.members)
    conn.execute("DELETE FROM speakers")
    conn.executemany("INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS speaker_of (entity INTEGER PRIMARY KEY, speaker INTEGER)")
    conn.execute("DELETE FROM speaker_of")
    conn.executemany("INSERT INTO speaker_of VALUES (?, ?)", members)
    conn.execute("UPDATE entities SET speaker = (SELECT speaker FROM speaker_of WHERE entity = entities.id)")
    for table in ("quotes", "numbers", "claims"):
        conn.execute(f"UPDATE {table} SET speaker = s.speaker FROM speaker_of s "
                     f"WHERE s.entity = {table}.entity AND {table}.speaker IS NOT s.speaker")
        conn.execute(f"UPDATE {table} SET speaker = NULL WHERE speaker IS NOT NULL AND (entity IS NULL "
                     f"OR entity NOT IN (SELECT entity FROM speaker_of))")
    conn.execute("DELETE FROM speaker_outlets")
    conn.execute(f"INSERT INTO speaker_outlets SELECT q.speaker, coalesce(a.outlet, '{UNKNOWN_OUTLET}'), "
                 "count(*), count(DISTINCT q.article) FROM quotes q JOIN articles a ON a.id = q.article "
                 "WHERE q.speaker IS NOT NULL GROUP BY q.speaker, a.outlet")
    return len(rows)
