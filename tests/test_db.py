"""The corpus database: real SQLite files written from real outputs (tests/data/viewer)."""
from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.errors import ExtractorError
from extractor.report.database import CorpusDatabase, write_database
from extractor.report.dbschema import TABLES, markdown
from extractor.report.queries import CANNED_QUERIES
from extractor.report.serve import metadata

FIXTURES = Path(__file__).parent / "data" / "viewer"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def out(tmp_path):
    """A copy of the viewer's outputs: two articles, a broken file, a foreign JSON."""
    copy = tmp_path / "out"
    shutil.copytree(FIXTURES, copy)
    return copy


@pytest.fixture
def db(out, tmp_path):
    path = tmp_path / "corpus.db"
    write_database(out, path)
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


def _count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize("table, rows", [
    ("articles", 2), ("entities", 3), ("mentions", 4), ("quotes", 6), ("numbers", 3),
    ("dates", 4), ("claims", 2), ("claim_numbers", 2), ("claim_dates", 1), ("speakers", 2),
    ("speaker_outlets", 2),
    ("quote_list", 6),
])
def test_rows_per_table(db, table, rows):
    assert _count(db, table) == rows


@pytest.mark.parametrize("path, quote, speaker_here, speaker, resolution", [
    ("seed/kaiser.json", "Q1", "Tanya Taluz", "Tanya Taluz", "explicit"),
    ("seed/kaiser.json", "Q2", "Tanya Taluz", "Tanya Taluz", "pronoun"),
    ("seed/kaiser.json", "Q4", "Kaiser Permanente", "Kaiser Permanente", "nominal"),
    ("seed/kaiser.json", "Q5", None, None, None),
    # The same person in another article is the same cross-article speaker.
    ("other/escape.json", "Q1", "Tanya Taluz", "Tanya Taluz", "explicit"),
])
def test_cross_article_speaker_of_quotes(db, path, quote, speaker_here, speaker, resolution):
    row = db.execute(
        "SELECT q.speaker_name, s.name, q.resolution FROM quotes q JOIN articles a ON a.id = q.article "
        "LEFT JOIN speakers s ON s.id = q.speaker WHERE a.path = ? AND q.quote_id = ?",
        (path, quote)).fetchone()
    assert row == (speaker_here, speaker, resolution)


def test_speaker_row_gathers_its_articles(db):
    assert db.execute("SELECT key, type, articles, quotes, descriptors FROM speakers "
                      "WHERE name = 'Tanya Taluz'").fetchone() == (
        "tanya taluz", "PERSON", 2, 3, '["licensed family and marriage therapist", "union organiser"]')


@pytest.mark.parametrize("number, value, unit, quote, speaker", [
    ("nearly 40%", 40.0, "percent", "nearly 40% of staff had left since 2019", "Tanya Taluz"),
    ("156", 156.0, "patients", "it offered appointments to 156 patients", "Kaiser Permanente"),
    ("Thousands", 1000.0, "therapists", None, None),
])
def test_numbers_keep_their_quote_and_speaker(db, number, value, unit, quote, speaker):
    row = db.execute("SELECT n.value, n.unit, q.text, s.name FROM numbers n LEFT JOIN quotes q "
                     "ON q.id = n.quote LEFT JOIN speakers s ON s.id = n.speaker WHERE n.text = ?",
                     (number,)).fetchone()
    assert row == (value, unit, quote, speaker)


def test_claims_point_at_their_numbers_and_dates(db):
    assert db.execute("SELECT q.quote_id, n.text, d.text FROM claims c JOIN quotes q ON q.id = c.quote "
                      "JOIN claim_numbers cn ON cn.claim = c.id JOIN numbers n ON n.id = cn.number "
                      "LEFT JOIN claim_dates cd ON cd.claim = c.id LEFT JOIN dates d ON d.id = cd.date "
                      "ORDER BY q.quote_id").fetchall() == [("Q2", "nearly 40%", "2019"), ("Q3", "156", None)]


@pytest.mark.parametrize("search, quotes", [
    ("patients", ["Our patients aren’t able to get the care they need",
                  "it offered appointments to 156 patients"]),
    ('"care they need"', ["Our patients aren’t able to get the care they need"]),
    # The speaker's name is indexed too; other/ is written before seed/.
    ("Taluz", ["We will be back", "Our patients aren’t able to get the care they need",
               "nearly 40% of staff had left since 2019"]),
    ("weeks", ["talks would resume in seven weeks"]),
    ("zebra", []),
])
def test_full_text_search_in_quotes(db, search, quotes):
    rows = db.execute("SELECT q.text FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
                      "WHERE quotes_fts MATCH ? ORDER BY q.id", (search,)).fetchall()
    assert [r[0] for r in rows] == quotes


@pytest.mark.parametrize("search, titles", [
    ("therapists", ["Therapists <i>strike</i> at Kaiser"]),
    ("strike", ["Therapists <i>strike</i> at Kaiser"]),
])
def test_full_text_search_in_articles(db, search, titles):
    rows = db.execute("SELECT a.title FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                      "WHERE articles_fts MATCH ?", (search,)).fetchall()
    assert [r[0] for r in rows] == titles


def test_a_second_write_reads_nothing_again(out, tmp_path):
    path = tmp_path / "corpus.db"
    write_database(out, path)
    summary = write_database(out, path)
    assert (summary.added, summary.replaced, summary.unchanged, summary.removed, summary.speakers) == (
        0, 0, 2, 0, 2)


def test_changed_and_deleted_outputs_are_replaced_and_removed(out, tmp_path):
    path = tmp_path / "corpus.db"
    write_database(out, path)
    kaiser = out / "seed" / "kaiser.json"
    data = json.loads(kaiser.read_text(encoding="utf-8"))
    data["quotes"] = data["quotes"][:2]
    kaiser.write_text(json.dumps(data), encoding="utf-8")
    (out / "other" / "escape.json").unlink()
    summary = write_database(out, path)
    assert (summary.added, summary.replaced, summary.unchanged, summary.removed) == (0, 1, 0, 1)
    conn = sqlite3.connect(path)
    # Kaiser Permanente lost its quotes but still claims a number: still a speaker.
    assert [_count(conn, t) for t in ("articles", "quotes", "speakers", "quotes_fts")] == [1, 2, 2, 2]
    # Stale rows of the old version are gone from the full-text index too.
    assert conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'back'").fetchone() == (0,)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_speaker_ids_survive_a_rebuild(out, tmp_path):
    path = tmp_path / "corpus.db"
    write_database(out, path)
    before = dict(sqlite3.connect(path).execute("SELECT key, id FROM speakers"))
    (out / "other" / "escape.json").unlink()
    write_database(out, path)
    assert dict(sqlite3.connect(path).execute("SELECT key, id FROM speakers")) == before


def test_foreign_and_corrupt_files_are_skipped_by_name(out, tmp_path, capsys):
    assert main(["db", str(out), "-o", str(tmp_path / "c.db")]) == 0
    err = capsys.readouterr().err
    assert "warning: skipped broken.json: cannot be read as JSON" in err
    assert "warning: skipped not-an-article.json: not an extractor output" in err
    assert "2 articles added, 0 replaced, 0 removed, 0 unchanged, 2 files skipped; 2 speakers" in err


def test_an_output_that_turns_corrupt_loses_its_rows(out, tmp_path):
    path = tmp_path / "corpus.db"
    write_database(out, path)
    (out / "other" / "escape.json").write_text('{"schema_version": "1.0", "id": ', encoding="utf-8")
    warnings: list[str] = []
    write_database(out, path, warn=warnings.append)
    assert any(w.startswith("warning: skipped other/escape.json:") for w in warnings)
    assert [r[0] for r in sqlite3.connect(path).execute("SELECT path FROM articles")] == ["seed/kaiser.json"]


def test_values_of_the_wrong_type_do_not_break_the_write(out, tmp_path):
    kaiser = out / "seed" / "kaiser.json"
    data = json.loads(kaiser.read_text(encoding="utf-8"))
    data["entities"][0]["name"] = {"not": "a string"}
    data["numbers"][0]["value"] = [1, 2]
    data["claims"].append({"quote": "Q9", "numbers": [99, "x"]})
    kaiser.write_text(json.dumps(data), encoding="utf-8")
    write_database(out, tmp_path / "c.db")
    conn = sqlite3.connect(tmp_path / "c.db")
    assert _count(conn, "articles") == 2 and _count(conn, "claims") == 3
    assert conn.execute("SELECT value FROM numbers WHERE text = 'Thousands'").fetchone() == ("[1, 2]",)


def test_a_database_of_another_schema_is_rebuilt(out, tmp_path):
    path = tmp_path / "corpus.db"
    write_database(out, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE db_info SET value = '0' WHERE key = 'schema_version'")
    summary = write_database(out, path)
    assert summary.added == 2


_WRITER = """
import sys
from extractor.report import database
database.BATCH_ARTICLES = 20
database.write_database(sys.argv[1], sys.argv[2])
"""


@pytest.mark.slow
def test_a_killed_writer_leaves_a_sound_database(out, tmp_path):
    """kill -9 in the middle of a write: the file opens, passes integrity_check, and
    holds whole articles only; the next write finishes the job."""
    many = tmp_path / "many"
    source = (out / "seed" / "kaiser.json").read_text(encoding="utf-8")
    for i in range(1500):
        (many / f"{i // 100}").mkdir(parents=True, exist_ok=True)
        (many / f"{i // 100}" / f"a{i}.json").write_text(source.replace("kaiser-", f"k{i}-"), encoding="utf-8")
    path = tmp_path / "corpus.db"
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(many), str(path)],
                              cwd=REPO, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and writer.poll() is None:
        try:
            with sqlite3.connect(path, timeout=0.1) as conn:
                if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 100:
                    break
        except sqlite3.OperationalError:
            pass
        time.sleep(0.05)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    articles = _count(conn, "articles")
    assert 100 <= articles < 1500
    assert _count(conn, "quotes") == 5 * articles  # whole articles only
    conn.close()
    write_database(many, path)
    conn = sqlite3.connect(path)
    assert (_count(conn, "articles"), _count(conn, "quotes")) == (1500, 7500)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_database_follows_a_run_as_it_goes(tmp_path, extractor_instance):
    from extractor.batch.run import run_batch

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("“We will win,” said Senator Maria Lopez of Texas.\n", encoding="utf-8")
    (inputs / "b.txt").write_text("Lopez said the vote was close.\n", encoding="utf-8")
    database = CorpusDatabase(tmp_path / "c.db")
    run_batch([inputs], tmp_path / "out", extractor=extractor_instance, sink=database)
    assert sorted(database.known) == ["a.json", "b.json"]
    database.sync(tmp_path / "out")
    summary = database.close()
    assert (summary.added, summary.unchanged, summary.speakers) == (2, 0, 1)
    conn = sqlite3.connect(tmp_path / "c.db")
    assert conn.execute("SELECT s.name, s.articles FROM quotes q JOIN speakers s ON s.id = q.speaker "
                        "GROUP BY s.id").fetchall() == [("Maria Lopez", 2)]


@pytest.mark.parametrize("query, params, rows", [
    ("quotes_by_speaker", {"speaker": "Tanya Taluz"}, [
        ("Tanya Taluz", "We will be back"),
        ("Tanya Taluz", "Our patients aren’t able to get the care they need"),
        ("Tanya Taluz", "nearly 40% of staff had left since 2019")]),
    ("numbers_by_speaker", {"speaker": "Kaiser Permanente"}, [("Kaiser Permanente", "156")]),
    ("top_speakers_by_outlet", {}, [("(unknown)", "Tanya Taluz"), ("(unknown)", "Kaiser Permanente")]),
    ("search_quotes", {"search": "care"}, [("Our patients aren’t able to get the care they need",
                                            "Tanya Taluz")]),
])
def test_canned_queries(db, query, params, rows):
    (canned,) = [q for q in CANNED_QUERIES if q.name == query]
    assert [r[:2] for r in db.execute(canned.sql, params).fetchall()] == rows


def test_metadata_describes_every_column_and_query(tmp_path):
    meta = metadata(tmp_path / "corpus.db")
    tables = meta["databases"]["corpus"]["tables"]
    for table in TABLES:
        assert set(tables[table.name]["columns"]) == {c.name for c in table.columns}
        assert all(tables[table.name]["columns"].values())
    assert tables["quotes"]["facets"] == ["speaker", "outlet", "published_day", "type"]
    assert tables["quotes"]["fts_table"] == "quotes_fts"
    assert set(meta["databases"]["corpus"]["queries"]) == {q.name for q in CANNED_QUERIES}


def test_docs_show_the_schema_the_code_makes():
    assert markdown() in (REPO / "docs" / "database.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("argv, message", [
    (["db", "no-such-folder", "-o", "c.db"], "error: no-such-folder is not a folder"),
    (["serve", "no-such.db"], "error: no-such.db is not a file: write one with `extractor db OUT -o no-such.db`"),
])
def test_commands_say_what_is_wrong(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_a_file_that_is_no_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not sqlite " * 100, encoding="utf-8")
    with pytest.raises(ExtractorError, match="cannot use .*notes.db as the corpus database"):
        CorpusDatabase(path)


def test_a_second_writer_is_told_another_one_is_writing(out, tmp_path, monkeypatch):
    from extractor.report import database

    monkeypatch.setattr(database, "LOCK_WAIT_SECONDS", 0.1)
    first = CorpusDatabase(tmp_path / "c.db")
    try:
        with pytest.raises(ExtractorError, match="another process is writing .*c.db"):
            CorpusDatabase(tmp_path / "c.db")
    finally:
        first.abandon()
