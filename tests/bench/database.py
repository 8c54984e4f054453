"""How the corpus database scales: write time, size, query times, peak memory.

    python tests/bench/database.py OUT WORKDIR [--articles 10000] [--extraction-rate 4.0]

Replicates the outputs in OUT (e.g. polnear-train's) to --articles files in
WORKDIR/out, each copy with a new id and path, then times `write_database` from
scratch, a second write (nothing changed), the canned queries and the speaker-page
joins (each the median of 5 runs), and prints the database size and the peak RSS of
this process. With --extraction-rate (articles/s of `extractor run --jobs 1` on the
same outputs, measured with bench.py), it prints the write time as a share of the
extraction time.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from extractor.report.database import output_files, write_database  # noqa: E402
from extractor.report.queries import CANNED_QUERIES  # noqa: E402

# Runs per query: the median hides one run slowed by the other helpers sharing the machine.
QUERY_RUNS = 5
# Joins behind the pages a reader opens most (a speaker's quotes, an article's quotes, the
# quotes table with its facets).
EXTRA_QUERIES = {
    "speaker_quotes_by_id": "SELECT q.text, a.title FROM quotes q JOIN articles a ON a.id = q.article "
                            "WHERE q.speaker = :speaker_id",
    "article_quotes": "SELECT q.text, s.name FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker "
                      "WHERE q.article = :article_id",
    "speakers_by_quotes": "SELECT name, quotes, articles FROM speakers ORDER BY quotes DESC LIMIT 100",
    # What Datasette runs for the quotes page and its facets.
    "quotes_page": "SELECT * FROM quotes ORDER BY published_day DESC, id DESC LIMIT 101",
    "quotes_count": "SELECT count(*) FROM quotes",
    **{f"facet_{column}": f"SELECT {column}, count(*) FROM quotes GROUP BY {column} ORDER BY 2 DESC LIMIT 31"
       for column in ("speaker", "outlet", "published_day", "type")},
    "search_articles": "SELECT a.title FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                       "WHERE articles_fts MATCH :search LIMIT 100",
}


def replicate(source: Path, target: Path, articles: int) -> None:
    """`articles` output files in `target`, copies of those in `source` with new ids."""
    files = [path for _rel, path in output_files(source)]
    if not files:
        raise SystemExit(f"no outputs in {source}")
    if target.exists():
        shutil.rmtree(target)
    for n in range(articles):
        data = json.loads(files[n % len(files)].read_text(encoding="utf-8"))
        copy = n // len(files)
        data["id"] = f"{data['id']}-copy{copy}"
        folder = target / f"copy{copy:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{data['id']}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def time_query(conn: sqlite3.Connection, sql: str, params: dict) -> float:
    runs = []
    for _ in range(QUERY_RUNS):
        started = time.perf_counter()
        conn.execute(sql, params).fetchall()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("workdir")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--extraction-rate", type=float, help="articles/s of extraction")
    args = parser.parse_args()
    work = Path(args.workdir)
    copies = work / "out"
    started = time.perf_counter()
    replicate(Path(args.out), copies, args.articles)
    print(f"replicated {args.articles} outputs in {time.perf_counter() - started:.1f}s")
    database = work / "corpus.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    first = write_database(copies, database)
    print(f"write from scratch: {first.seconds:.1f}s ({first.added} articles, {first.speakers} speakers, "
          f"{args.articles / first.seconds:.0f} articles/s)")
    again = write_database(copies, database)
    print(f"write again, nothing changed: {again.seconds:.1f}s ({again.unchanged} unchanged)")
    if args.extraction_rate:
        extraction = args.articles / args.extraction_rate
        print(f"extraction of {args.articles} at {args.extraction_rate:g} articles/s: {extraction:.0f}s; "
              f"write = {100 * first.seconds / extraction:.1f}% of it")
    print(f"database size: {database.stat().st_size / 1024 ** 2:.1f} MB")
    conn = sqlite3.connect(database)
    speaker_id, speaker = conn.execute("SELECT id, name FROM speakers ORDER BY quotes DESC").fetchone()
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "entities", "mentions", "quotes", "numbers", "dates", "claims", "speakers")}
    print("rows: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    params = {"speaker": speaker, "speaker_id": speaker_id, "search": "immigration",
              "article_id": counts["articles"] // 2}
    queries = {q.name: q.sql for q in CANNED_QUERIES} | EXTRA_QUERIES
    for name, sql in queries.items():
        print(f"query {name}: {1000 * time_query(conn, sql, params):.1f} ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB (most-quoted speaker: {speaker})")


if __name__ == "__main__":
    main()
