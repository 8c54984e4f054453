"""The corpus database's tables, described once: the SQL, docs/database.md and Datasette's metadata.

Each table is a `Table` of `Column`s with a description. `create_statements()` gives
the DDL, `markdown()` the schema documentation, and `serve.metadata()` the column
descriptions Datasette shows, so the three cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass

# Bumped when a table changes shape; a database of another version is rebuilt from
# the outputs (it is a cache of them, never the only copy of anything).
DB_SCHEMA_VERSION = "2"


@dataclass(frozen=True)
class Column:
    name: str
    sql: str            # type and constraints, e.g. "INTEGER NOT NULL REFERENCES articles(id)"
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    indexes: tuple[str, ...] = ()     # column lists, e.g. "article" or "speaker, article"
    unique: tuple[str, ...] = ()      # column lists that are unique together
    label: str | None = None          # the column Datasette shows for a row it links to


def _id(what: str) -> Column:
    return Column("id", "INTEGER PRIMARY KEY", f"Row id of the {what} in this database.")


def _article() -> Column:
    return Column("article", "INTEGER NOT NULL REFERENCES articles(id)", "The article it is in.")


def _span(what: str) -> tuple[Column, ...]:
    return (Column("text", "TEXT", f"The {what} as written."),
            Column("char_start", "INTEGER", "Character offset in the article text where it starts."),
            Column("char_end", "INTEGER", "Character offset where it ends (exclusive)."))


def _speaker() -> Column:
    return Column("speaker", "INTEGER REFERENCES speakers(id)",
                  "The cross-article speaker: the same person or organisation in every article.")


TABLES = (
    Table("articles", "One row per article output file (`OUT/**/*.json`).", (
        _id("article"),
        Column("path", "TEXT NOT NULL", "Output file path relative to the output folder; the article's key."),
        Column("content_hash", "TEXT NOT NULL",
               "SHA-256 of the output file's bytes: an unchanged file is not read again."),
        Column("article_id", "TEXT", "The output's `id` (stable for the same input bytes)."),
        Column("source_path", "TEXT", "Input path relative to the batch root."),
        Column("source_format", "TEXT", "html, text, json or warc."),
        Column("url", "TEXT", "The page's address, when known."),
        Column("title", "TEXT", "Headline."),
        Column("authors", "TEXT", "Bylines, a JSON array of names."),
        Column("published", "TEXT", "ISO 8601 date or date-time of publication; null when unknown."),
        Column("published_day", "TEXT", "The day part of `published` (YYYY-MM-DD), for facets."),
        Column("published_from", "TEXT", "Where `published` came from: html-meta, json-ld, byline, url, input."),
        Column("language", "TEXT", "ISO 639-1 code."),
        Column("outlet", "TEXT", "The site's name, else the host of `url` (without www.), else null."),
        Column("text", "TEXT", "The cleaned body text that every char_start/char_end refers to."),
        Column("warnings", "TEXT", "What went wrong while extracting, a JSON array of messages."),
        Column("schema_version", "TEXT", "The output's schema_version."),
    ), indexes=("outlet", "published_day"), unique=("path",), label="title"),
    Table("speakers", "People and organisations that speak, matched across articles.", (
        _id("speaker"),
        Column("key", "TEXT NOT NULL", "What identifies the speaker from one database build to the next, "
                                       "e.g. `PERSON:joe biden`; a suffix `#2` tells apart namesakes."),
        Column("name", "TEXT NOT NULL", "Canonical name: the fullest form the articles use most."),
        Column("type", "TEXT", "PERSON, ORG, GPE, NORP, ... (the type most of its articles give)."),
        Column("aliases", "TEXT", "Other names it goes by in the articles, a JSON array."),
        Column("acronyms", "TEXT", "Acronyms it is known by (FBI), a JSON array."),
        Column("descriptors", "TEXT", "Roles and titles the articles give, most frequent first, a JSON array."),
        Column("affiliations", "TEXT", "Organisations named in its descriptors, a JSON array."),
        Column("articles", "INTEGER", "Articles that quote it."),
        Column("quotes", "INTEGER", "Quotes attributed to it."),
    ), indexes=("name", "type"), unique=("key",), label="name"),
    Table("speaker_outlets", "How often each speaker is quoted in each outlet (counted when the "
                             "speakers are matched, so the question answers at once).", (
        Column("speaker", "INTEGER NOT NULL REFERENCES speakers(id)", "The speaker."),
        Column("outlet", "TEXT NOT NULL", "The outlet, '(unknown)' when the articles name none."),
        Column("quotes", "INTEGER", "Quotes of the speaker in the outlet's articles."),
        Column("articles", "INTEGER", "The outlet's articles that quote the speaker."),
    ), indexes=("outlet, quotes", "speaker")),
    Table("entities", "Named entities of each article (the output's `entities`).", (
        _id("entity"), _article(),
        Column("entity_id", "TEXT", "The entity's id within its article (E1, E2, ...)."),
        Column("name", "TEXT", "Canonical name within the article."),
        Column("type", "TEXT", "PERSON, ORG, GPE, LOC, NORP, ..."),
        Column("descriptors", "TEXT", "Roles and titles the article gives, a JSON array."),
        Column("mention_count", "INTEGER", "How often the article names it."),
        _speaker(),
    ), indexes=("article", "speaker", "name"), unique=("article, entity_id",), label="name"),
    Table("mentions", "Each place an article names an entity.", (
        _id("mention"), _article(),
        Column("entity", "INTEGER NOT NULL REFERENCES entities(id)", "The entity it names."),
        *_span("mention"),
    ), indexes=("article", "entity"), label="text"),
    Table("quotes", "Quotes with their cue, speaker mention and how the speaker was resolved.", (
        _id("quote"), _article(),
        Column("quote_id", "TEXT", "The quote's id within its article (Q1, Q2, ...)."),
        *_span("quote"),
        Column("type", "TEXT", "direct, indirect or mixed."),
        Column("confidence", "REAL", "How sure the extractor is, 0 to 1."),
        Column("cue", "TEXT", "The reporting verb or phrase: said, told, according to."),
        Column("cue_start", "INTEGER", "Where the cue starts in the article text."),
        Column("cue_end", "INTEGER", "Where the cue ends (exclusive)."),
        Column("speaker_name", "TEXT", "The speaker's canonical name in this article; null when unattributed."),
        Column("entity", "INTEGER REFERENCES entities(id)", "The speaker's entity in this article."),
        Column("mention", "TEXT", "The words naming the speaker here: 'Taluz', 'she', 'the company'."),
        Column("mention_start", "INTEGER", "Where the mention starts."),
        Column("mention_end", "INTEGER", "Where the mention ends (exclusive)."),
        Column("resolution", "TEXT", "How the speaker was found: explicit, pronoun, nominal, adjacent."),
        _speaker(),
        Column("outlet", "TEXT", "The article's outlet, copied here so quotes filter by it at once."),
        Column("published_day", "TEXT", "The article's day of publication (YYYY-MM-DD), copied likewise."),
    ), indexes=("article", "speaker", "entity", "outlet", "published_day", "type"),
        unique=("article, quote_id",), label="text"),
    Table("numbers", "Numbers with their normalized value, and who claims them.", (
        _id("number"), _article(),
        Column("position", "INTEGER", "Index in the article's `numbers` list (what claims point to)."),
        *_span("number"),
        Column("value", "REAL", "Normalized value: 'nearly 40%' -> 40, '$1.2 billion' -> 1200000000."),
        Column("value_max", "REAL", "Upper bound of a range."),
        Column("kind", "TEXT", "count, percent, money, quantity, rate, ordinal or other."),
        Column("unit", "TEXT", "percent, a currency code, a unit of measure or the counted noun."),
        Column("approximate", "INTEGER", "1 for nearly, about, more than, ...; else 0."),
        Column("quote", "INTEGER REFERENCES quotes(id)", "The quote it stands in."),
        Column("entity", "INTEGER REFERENCES entities(id)", "Who claims it, in this article."),
        _speaker(),
    ), indexes=("article", "quote", "speaker"), label="text"),
    Table("dates", "Dates, times, durations and sets with TIMEX3 values.", (
        _id("date"), _article(),
        Column("position", "INTEGER", "Index in the article's `dates` list (what claims point to)."),
        *_span("date"),
        Column("type", "TEXT", "date, time, duration, set or range."),
        Column("value", "TEXT", "TIMEX3-style value: 2019-04-25, 2019-W17, P3M, XXXX-08-15."),
        Column("end_value", "TEXT", "For ranges: the value of the end point."),
        Column("anchor", "TEXT", "What a relative expression was resolved against (published)."),
    ), indexes=("article", "value"), label="text"),
    Table("claims", "A quote that states numbers or dates, with its speaker.", (
        _id("claim"), _article(),
        Column("position", "INTEGER", "Index in the article's `claims` list."),
        Column("quote", "INTEGER REFERENCES quotes(id)", "The quote that makes the claim."),
        Column("entity", "INTEGER REFERENCES entities(id)", "Who claims it, in this article."),
        _speaker(),
    ), indexes=("article", "quote", "speaker")),
    Table("claim_numbers", "The numbers each claim states.", (
        Column("claim", "INTEGER NOT NULL REFERENCES claims(id)", "The claim."),
        Column("number", "INTEGER NOT NULL REFERENCES numbers(id)", "A number it states."),
        _article(),
    ), indexes=("claim", "number", "article")),
    Table("claim_dates", "The dates each claim states.", (
        Column("claim", "INTEGER NOT NULL REFERENCES claims(id)", "The claim."),
        Column("date", "INTEGER NOT NULL REFERENCES dates(id)", "A date it states."),
        _article(),
    ), indexes=("claim", "date", "article")),
    Table("db_info", "Facts about this database file itself.", (
        Column("key", "TEXT PRIMARY KEY", "schema_version, or speakers_linked (1 when every quote "
                                          "of the current articles has been matched across articles)."),
        Column("value", "TEXT", "Its value."),
    )),
)

TABLE_NAMES = tuple(t.name for t in TABLES)
# Tables holding an article's rows: emptied for an article before it is written again.
ARTICLE_TABLES = tuple(t.name for t in TABLES
                       if any(c.name == "article" for c in t.columns) and t.name != "articles")

# Full-text indexes over article and quote text (SQLite FTS5, external content: the
# text is stored once, in its table; triggers keep the index in step).
FTS_TABLES = {"articles_fts": ("articles", ("title", "text")),
              "quotes_fts": ("quotes", ("text", "speaker_name"))}


# Views for browsing: one row per quote with what a reader filters it by (Datasette's facets).
VIEWS = {
    "quote_list": ("One row per quote with its cross-article speaker's name and its article's "
                   "title: quotes to read (filter and facet them in `quotes`).",
                   """SELECT q.id, q.text AS quote, q.type, s.name AS speaker, q.speaker AS speaker_id,
       q.speaker_name AS speaker_here, q.resolution, a.outlet, a.published_day, a.title,
       q.article
FROM quotes q JOIN articles a ON a.id = q.article LEFT JOIN speakers s ON s.id = q.speaker"""),
}


def _index_name(table: str, columns: str, unique: bool) -> str:
    suffix = "_".join(c.strip() for c in columns.split(","))
    return f"{'ux' if unique else 'ix'}_{table}_{suffix}"


def create_statements() -> list[str]:
    """The DDL of every table, index, full-text index and trigger, safe to run twice."""
    statements = []
    for table in TABLES:
        columns = ", ".join(f"{c.name} {c.sql}" for c in table.columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table.name} ({columns})")
        for cols, unique in [*((u, True) for u in table.unique), *((i, False) for i in table.indexes)]:
            statements.append(f"CREATE {'UNIQUE ' if unique else ''}INDEX IF NOT EXISTS "
                              f"{_index_name(table.name, cols, unique)} ON {table.name} ({cols})")
    for fts, (table, columns) in FTS_TABLES.items():
        names = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        statements += [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, content='{table}', "
            f"content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
            f"CREATE TRIGGER IF NOT EXISTS {table}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_au AFTER UPDATE OF {names} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END",
        ]
    statements += [f"CREATE VIEW IF NOT EXISTS {name} AS {sql}" for name, (_, sql) in VIEWS.items()]
    return statements


def markdown() -> str:
    """The tables as Markdown, for docs/database.md (`python -m extractor.report.dbschema`)."""
    parts = []
    for table in TABLES:
        parts.append(f"### `{table.name}`\n\n{table.description}\n\n| column | type | meaning |\n"
                     "| --- | --- | --- |\n")
        parts.extend(f"| `{c.name}` | {c.sql.replace('|', '/')} | {c.description} |\n"
                     for c in table.columns)
        keys = [f"unique ({u})" for u in table.unique] + [f"indexed ({i})" for i in table.indexes]
        if keys:
            parts.append(f"\n{'; '.join(keys)}.\n")
        parts.append("\n")
    for fts, (table, columns) in FTS_TABLES.items():
        parts.append(f"`{fts}`: FTS5 index over `{table}` ({', '.join(columns)}).\n")
    for name, (description, sql) in VIEWS.items():
        parts.append(f"\n### view `{name}`\n\n{description}\n\n```sql\n{sql}\n```\n")
    return "".join(parts)


# docs/database.md holds markdown() after this line.
DOCS_MARKER = "<!-- tables: written by `python -m extractor.report.dbschema docs/database.md` -->\n"


def write_docs(path: str) -> None:
    """Replace what follows DOCS_MARKER in the Markdown file at `path` with markdown()."""
    with open(path, encoding="utf-8") as fh:
        head = fh.read().split(DOCS_MARKER)[0]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(head + DOCS_MARKER + "\n" + markdown())


if __name__ == "__main__":
    import sys

    if len(sys.argv) > 1:
        write_docs(sys.argv[1])
    else:
        print(markdown(), end="")
