"""Tables for analysis from a run's outputs: quotes, numbers, dates, speakers (CSV), all (JSON Lines).

Articles are read folder by folder (a folder's files, sorted, before its subfolders),
items in article order, so an export of the same outputs is the same bytes. The speakers table is the corpus's
who-said-what at a glance: one row per speaker name across all articles.
"""
from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import ExtractorError

QUOTE_COLUMNS = ("article", "path", "quote", "type", "speaker", "speaker_entity", "speaker_type",
                 "resolution", "cue", "text", "start", "end", "confidence", "speaker_members")
NUMBER_COLUMNS = ("article", "path", "text", "start", "end", "value", "value_max", "kind", "unit",
                  "approximate", "quote", "speaker", "speaker_name")
DATE_COLUMNS = ("article", "path", "text", "start", "end", "type", "value", "end_value", "anchor")
SPEAKER_COLUMNS = ("speaker", "type", "descriptors", "quotes", "articles")
# Descriptors are joined into one cell with this; "; " never occurs inside a short role.
DESCRIPTOR_SEPARATOR = "; "


@dataclass
class ExportSummary:
    articles: int = 0
    unreadable: int = 0


@dataclass
class _SpeakerTally:
    types: Counter = field(default_factory=Counter)
    descriptors: dict[str, None] = field(default_factory=dict)  # ordered set
    quotes: int = 0
    articles: set[str] = field(default_factory=set)


def output_files(out: str | Path) -> Iterator[tuple[str, Path]]:
    """(path relative to `out`, path) of every output file, in a stable order; hidden ones and
    the run's own records (`_run.jsonl`, `_manifest.jsonl` are not .json) are passed over."""
    root = Path(out)
    if not root.is_dir():
        raise ExtractorError(f"{root} is not a folder: give the OUT folder of `extractor run`")
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".json") and not name.startswith("."):
                path = Path(folder, name)
                yield path.relative_to(root).as_posix(), path


def articles(out: str | Path, summary: ExportSummary | None = None) -> Iterator[tuple[str, dict]]:
    """(output path relative to OUT, article dict) for every article output under `out`."""
    for rel, path in output_files(out):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            data = None
            print(f"warning: {path}: not readable JSON ({exc}); passed over", file=sys.stderr)
        if not isinstance(data, dict) or "schema_version" not in data:
            if summary is not None:
                summary.unreadable += 1
            continue
        yield rel, data


def export(out: str | Path, *, quotes: str | None = None, numbers: str | None = None,
           dates: str | None = None, speakers: str | None = None,
           jsonl: str | None = None) -> ExportSummary:
    """Write the named tables (paths, or '-' for stdout) from the outputs in `out`, in one pass."""
    summary = ExportSummary()
    tally: dict[str, _SpeakerTally] = {}
    with contextlib.ExitStack() as stack:
        def table(target: str | None, columns: tuple[str, ...]):
            if target is None:
                return None
            writer = csv.writer(stack.enter_context(_open(target)), lineterminator="\n")
            writer.writerow(columns)
            return writer

        quote_rows, number_rows = table(quotes, QUOTE_COLUMNS), table(numbers, NUMBER_COLUMNS)
        date_rows = table(dates, DATE_COLUMNS)
        lines = stack.enter_context(_open(jsonl)) if jsonl else None
        for rel, article in articles(out, summary):
            summary.articles += 1
            entities = {e.get("id"): e for e in article.get("entities") or ()}
            base = {"article": article.get("id"), "path": (article.get("source") or {}).get("path") or rel}
            if quote_rows:
                quote_rows.writerows(_row(QUOTE_COLUMNS, base, _quote_fields(q, entities))
                                     for q in article.get("quotes") or ())
            if number_rows:
                number_rows.writerows(_row(NUMBER_COLUMNS, base, n, speaker_name=_name(n.get("speaker"), entities))
                                      for n in article.get("numbers") or ())
            if date_rows:
                date_rows.writerows(_row(DATE_COLUMNS, base, d) for d in article.get("dates") or ())
            if lines:
                lines.write(json.dumps(article, ensure_ascii=False) + "\n")
            if speakers:
                _count_speakers(tally, rel, article, entities)
        if speakers:
            writer = table(speakers, SPEAKER_COLUMNS)
            writer.writerows(_speaker_rows(tally))
    return summary


def _quote_fields(quote: dict, entities: dict[str, dict]) -> dict[str, Any]:
    speaker = quote.get("speaker") or {}
    entity = entities.get(speaker.get("entity")) or {}
    return {**quote, "quote": quote.get("id"), "speaker": speaker.get("name"),
            "speaker_entity": speaker.get("entity"), "speaker_type": entity.get("type"),
            "resolution": speaker.get("resolution"), "cue": (quote.get("cue") or {}).get("text"),
            # A group source ("Ana and Luis Ortega said") has members and no single name.
            "speaker_members": "; ".join(speaker.get("members") or ())}


def _name(entity_id: str | None, entities: dict[str, dict]) -> str | None:
    return (entities.get(entity_id) or {}).get("name") if entity_id else None


def _row(columns: tuple[str, ...], base: dict, item: dict, **extra: Any) -> list[str]:
    values = {**item, **extra, **base}
    return [_cell(values.get(c)) for c in columns]


def _cell(value: Any) -> str:
    """CSV text: empty for null, true/false for booleans, whole floats without '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _count_speakers(tally: dict[str, _SpeakerTally], rel: str, article: dict,
                    entities: dict[str, dict]) -> None:
    for quote in article.get("quotes") or ():
        speaker = quote.get("speaker") or {}
        name = " ".join((speaker.get("name") or "").split())
        if not name:
            continue  # unattributed quotes have no row
        entry = tally.setdefault(name, _SpeakerTally())
        entity = entities.get(speaker.get("entity")) or {}
        entry.quotes += 1
        if rel not in entry.articles:
            entry.articles.add(rel)
            if entity.get("type"):
                entry.types[entity["type"]] += 1
            entry.descriptors.update(dict.fromkeys(entity.get("descriptors") or ()))


def _speaker_rows(tally: dict[str, _SpeakerTally]) -> Iterator[list[str]]:
    """Most-quoted first; a name's type is the one most of its articles give it."""
    for name, entry in sorted(tally.items(), key=lambda kv: (-kv[1].quotes, -len(kv[1].articles), kv[0])):
        kind = min(entry.types.items(), key=lambda kv: (-kv[1], kv[0]))[0] if entry.types else ""
        yield [name, kind, DESCRIPTOR_SEPARATOR.join(entry.descriptors), str(entry.quotes),
               str(len(entry.articles))]


@contextlib.contextmanager
def _open(target: str) -> Iterator[TextIO]:
    if target == "-":
        yield sys.stdout
        return
    try:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        fh = open(target, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ExtractorError(f"cannot write {target}: {exc.strerror or exc}") from exc
    with fh:
        yield fh
