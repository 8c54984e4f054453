"""One article output (its JSON) as the rows of the corpus database's tables.

Pure functions: the values come from the output as they are, a value SQLite cannot
store (a list where a number belongs, in a foreign file) is stored as its JSON, and a
link the article cannot resolve (a quote's entity it does not have) becomes null.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import urlsplit

from .dbschema import ARTICLE_TABLES

# Tables of pairs (claim, number), (claim, date): the article column comes last.
LINK_TABLES = ("claim_numbers", "claim_dates")


def _value(value: object) -> object:
    """A value SQLite stores as is, else its JSON (a foreign output may hold anything)."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    return json.dumps(value, ensure_ascii=False)


def _json(values: object) -> str:
    return json.dumps(values if isinstance(values, list) else [], ensure_ascii=False)


def _span(value: object) -> tuple[object, object, object]:
    if not isinstance(value, dict):
        return None, None, None
    return _value(value.get("text")), _value(value.get("start")), _value(value.get("end"))


def outlet(metadata: dict, url: object) -> str | None:
    """The site's name, else the URL's host without 'www.'."""
    if isinstance(metadata.get("site"), str) and metadata["site"].strip():
        return metadata["site"].strip()
    if isinstance(url, str):
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return None


def _source(data: dict) -> dict:
    return data.get("source") if isinstance(data.get("source"), dict) else {}


def _outlet_and_day(data: dict) -> tuple[str | None, str | None]:
    """The article's outlet and day of publication (YYYY-MM-DD), each None when unknown."""
    published = data["metadata"].get("published")
    day = published[:10] if isinstance(published, str) and len(published) >= 10 else None
    return outlet(data["metadata"], _source(data).get("url")), day


def article_row(row_id: int, rel: str, digest: str, data: dict) -> tuple:
    meta, source = data["metadata"], _source(data)
    site, day = _outlet_and_day(data)
    return (row_id, rel, digest, _value(data.get("id")), _value(source.get("path")),
            _value(source.get("format")), _value(source.get("url")), _value(meta.get("title")),
            _json(meta.get("authors")), _value(meta.get("published")), day,
            _value(meta.get("published_from")), _value(meta.get("language")), site, data["text"],
            _json(data.get("warnings")), _value(data.get("schema_version")))


def article_rows(data: dict, *, new_id: Callable[[str], int]) -> dict[str, list[tuple]]:
    """The rows of one article per table, without their `article` column (added by the caller).

    Links inside the article (quote -> entity, number -> quote, claim -> numbers) become
    row ids; a link to something the article does not have becomes null.
    """
    rows: dict[str, list[tuple]] = {name: [] for name in ARTICLE_TABLES}
    entity_ids: dict[object, int] = {}
    for entity in data["entities"]:
        row_id = entity_ids[entity.get("id")] = new_id("entities")
        mentions = entity.get("mentions") if isinstance(entity.get("mentions"), list) else []
        rows["entities"].append((row_id, _value(entity.get("id")), _value(entity.get("name")),
                                 _value(entity.get("type")), _json(entity.get("descriptors")),
                                 len(mentions), None))
        rows["mentions"].extend((new_id("mentions"), row_id, *_span(m)) for m in mentions)
    quote_ids: dict[object, int] = {}
    where = _outlet_and_day(data)
    for quote in data["quotes"]:
        speaker = quote["speaker"]
        row_id = quote_ids[quote.get("id")] = new_id("quotes")
        cue = _span(quote.get("cue"))
        rows["quotes"].append((row_id, _value(quote.get("id")), _value(quote.get("text")),
                               quote["start"], quote["end"], _value(quote.get("type")),
                               _value(quote.get("confidence")), *cue,
                               _value(speaker.get("name")), entity_ids.get(speaker.get("entity")),
                               *_span(speaker.get("mention")), _value(speaker.get("resolution")),
                               None, where[0], where[1]))
    number_ids, date_ids = [], []
    for position, number in enumerate(data["numbers"]):
        number_ids.append(new_id("numbers"))
        rows["numbers"].append((number_ids[-1], position, _value(number.get("text")), number["start"],
                                number["end"], _value(number.get("value")), _value(number.get("value_max")),
                                _value(number.get("kind")), _value(number.get("unit")),
                                int(bool(number.get("approximate"))), quote_ids.get(number.get("quote")),
                                entity_ids.get(number.get("speaker")), None))
    for position, date in enumerate(data["dates"]):
        date_ids.append(new_id("dates"))
        rows["dates"].append((date_ids[-1], position, _value(date.get("text")), date["start"],
                              date["end"], _value(date.get("type")), _value(date.get("value")),
                              _value(date.get("end_value")), _value(date.get("anchor"))))
    claims = data.get("claims") if isinstance(data.get("claims"), list) else []
    for position, claim in enumerate(c for c in claims if isinstance(c, dict)):
        row_id = new_id("claims")
        rows["claims"].append((row_id, position, quote_ids.get(claim.get("quote")),
                               entity_ids.get(claim.get("speaker")), None))
        for key, ids, table in (("numbers", number_ids, "claim_numbers"),
                                ("dates", date_ids, "claim_dates")):
            for index in claim.get(key) or ():
                if isinstance(index, int) and 0 <= index < len(ids):
                    rows[table].append((row_id, ids[index]))
    return rows
