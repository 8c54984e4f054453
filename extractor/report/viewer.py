"""The viewer: extraction outputs -> a static HTML report of who said what.

    write_report("outputs", "report")   # report/index.html, speakers.html, articles/*.html,
                                        # speakers/*.html (speaker_pages.py)

Reads every `OUT/**/*.json` that has the output schema's shape (others are skipped
with a warning) and writes plain files that work offline: CSS and JavaScript are
inline, and each page's Content-Security-Policy forbids loading anything else.
Article text, titles and names are hostile input: every one goes through
`html.escape`, and page names come from a hash, so no id or path picks where a file
is written.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..settings import DEFAULT_MAX_FILE_BYTES
from .assets import SPEAKER_COLOURS
from .pages import esc, page, preview, title_of
from .speaker_pages import (OTHER_INITIAL, SPEAKERS_DIR, SpeakerEntry, gather_speakers, initial,
                            local_key, render_initial, render_speaker, render_speakers_index)

ARTICLES_DIR = "articles"
# Readable part of a page name; a hash of the output path follows it for uniqueness.
SLUG_CHARS = 48
_REQUIRED_LISTS = ("entities", "quotes", "numbers", "dates")


@dataclass(frozen=True)
class LoadedArticle:
    """One output file: its path relative to OUT, its page name, and its JSON."""

    rel: str
    page: str
    data: dict


@dataclass(frozen=True)
class ReportSummary:
    articles: int
    quotes: int
    skipped: tuple[str, ...]
    index: Path


def _is_span(value: object) -> bool:
    return (isinstance(value, dict) and isinstance(value.get("start"), int)
            and isinstance(value.get("end"), int))


def shape_problem(data: object) -> str | None:
    """Why `data` does not have the output schema's shape, or None when it does.

    A light check of what the viewer reads, not a full schema validation (jsonschema
    is not a runtime dependency).
    """
    if not isinstance(data, dict):
        return "not a JSON object"
    missing = [k for k in ("schema_version", "id", "metadata", "text", *_REQUIRED_LISTS) if k not in data]
    if missing:
        return f"missing {', '.join(missing)}"
    if not str(data["schema_version"]).startswith("1."):
        return f"schema_version {data['schema_version']!r} is not 1.x"
    if not isinstance(data["text"], str) or not isinstance(data["metadata"], dict):
        return "text is not a string or metadata not an object"
    for key in _REQUIRED_LISTS:
        if not isinstance(data[key], list) or not all(isinstance(x, dict) for x in data[key]):
            return f"{key} is not a list of objects"
    for key in ("quotes", "numbers", "dates"):
        if not all(_is_span(x) for x in data[key]):
            return f"a {key[:-1]} has no integer start and end"
    if not all(isinstance(q.get("speaker"), dict) for q in data["quotes"]):
        return "a quote has no speaker object"
    return None


def page_name(rel: str) -> str:
    """`articles/<readable part>-<hash>.html` for the output file at `rel`: unique, never escapes."""
    readable = re.sub(r"[^A-Za-z0-9_-]+", "-", rel.removesuffix(".json")).strip("-_")[:SLUG_CHARS]
    digest = hashlib.sha256(rel.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{readable or 'article'}-{digest}.html"


def load_outputs(out: str | Path, *, report: Callable[[str], None] | None = None,
                 exclude: Path | None = None) -> tuple[list[LoadedArticle], list[str]]:
    """Every output article under `out`, in path order, and the reasons files were skipped.

    Raises:
        InputError: `out` is not a folder.
    """
    out = Path(out)
    if not out.is_dir():
        raise InputError(f"{out} is not a folder: give the OUT folder of `extractor run`",
                         path=str(out))
    articles, skipped = [], []
    for path in sorted(out.rglob("*.json")):
        rel = path.relative_to(out).as_posix()
        if any(part.startswith(".") for part in path.relative_to(out).parts):
            continue  # hidden files, e.g. half-written temporaries of a running batch
        if exclude is not None and path.resolve().is_relative_to(exclude.resolve()):
            continue
        problem = _read_problem(path)
        if isinstance(problem, dict):
            articles.append(LoadedArticle(rel=rel, page=page_name(rel), data=problem))
            continue
        skipped.append(f"{rel}: {problem}")
        if report:
            report(f"warning: skipped {rel}: {problem}")
    return articles, skipped


def _read_problem(path: Path) -> dict | str:
    """The article dict read from `path`, or why it cannot be used."""
    try:
        if path.stat().st_size > DEFAULT_MAX_FILE_BYTES:
            return f"larger than {DEFAULT_MAX_FILE_BYTES} bytes"
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return f"cannot be read as JSON ({type(exc).__name__}: {exc})"
    problem = shape_problem(data)
    return data if problem is None else f"not an extractor output: {problem}"


# -- shared pieces ----------------------------------------------------------------

def _speaker_key(quote: dict) -> str:
    """Quotes of one speaker share a key: the canonical name, or '' when unattributed."""
    return str((quote.get("speaker") or {}).get("name") or "")


def how_found(quote: dict) -> str:
    """How the speaker was found, for people: '"she" → Tanya Taluz, pronoun'."""
    speaker = quote.get("speaker") or {}
    name = speaker.get("name")
    mention = speaker.get("mention") if isinstance(speaker.get("mention"), dict) else None
    words = f"“{mention.get('text', '')}”" if mention else None
    if not name:
        return f"{words} → unattributed" if words else "unattributed"
    how = f"{words} → {name}" if words and mention.get("text") != name else str(name)
    resolution = speaker.get("resolution")
    return f"{how}, {resolution}" if resolution else how


def _descriptors(article: dict) -> dict[str, list[str]]:
    """Entity id -> its descriptors."""
    return {str(e.get("id")): [str(d) for d in e.get("descriptors") or []]
            for e in article.get("entities", [])}


def _safe_url(url: object) -> str | None:
    return str(url) if isinstance(url, str) and re.match(r"https?://", url, re.I) else None


# -- article page -----------------------------------------------------------------

@dataclass(frozen=True)
class _Mark:
    """One marked range of the text and the opening tag that marks it."""

    start: int
    end: int
    layer: int          # nesting order: quotes outermost, dates innermost
    tag: str
    attrs: str
    anchor: str | None = None   # id of an empty link target placed where the mark starts


def _marks(article: dict, colours: dict[str, str]) -> list[_Mark]:
    text_len = len(article["text"])
    marks: list[_Mark] = []

    def add(span: object, layer: int, tag: str, attrs: str, anchor: str | None = None) -> None:
        if _is_span(span) and 0 <= span["start"] < span["end"] <= text_len:
            marks.append(_Mark(span["start"], span["end"], layer, tag, attrs, anchor))

    mention_quotes: dict[tuple[int, int], list[str]] = {}
    for i, quote in enumerate(article["quotes"]):
        how = esc(f"{how_found(quote)} · {quote.get('type', '')} quote")
        add(quote, 0, "mark", f'class="q {colours[_speaker_key(quote)]}" data-q="{i}" data-how="{how}"', anchor=f"q{i}")
        mention = (quote.get("speaker") or {}).get("mention")
        if _is_span(mention):
            mention_quotes.setdefault((mention["start"], mention["end"]), []).append(str(i))
        add(quote.get("cue"), 2, "u", 'class="cue" title="cue"')
    for (start, end), qs in mention_quotes.items():
        add({"start": start, "end": end}, 1, "span", f'class="mention" data-mq="{" ".join(qs)}"')
    for number in article["numbers"]:
        value = " ".join(str(number[k]) for k in ("value", "unit") if number.get(k) is not None)
        label = f"number: {value or '?'} ({number.get('kind', '')}{', approximate' if number.get('approximate') else ''})"
        add(number, 3, "span", f'class="num" title="{esc(label)}"')
    for date in article["dates"]:
        label = f"{date.get('type', 'date')}: {date.get('value') or '?'}"
        if date.get("end_value"):
            label += f" to {date['end_value']}"
        add(date, 4, "span", f'class="date" title="{esc(label)}"')
    return marks


def annotate(text: str, marks: Sequence[_Mark]) -> str:
    """Escaped `text` with every mark; overlapping marks are cut at each other's edges.

    Each piece between two edges is wrapped in all marks covering it, in layer order,
    so the HTML nests correctly whatever the overlaps.
    """
    edges = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    anchors: dict[int, list[str]] = {}
    for m in marks:
        if m.anchor:
            anchors.setdefault(m.start, []).append(m.anchor)
    waiting = sorted(marks, key=lambda m: m.start)
    active: list[_Mark] = []
    started = 0
    parts = []
    # Every start and end is an edge, so a mark active at `lo` covers all of [lo, hi).
    for lo, hi in zip(edges, edges[1:]):
        parts.extend(f'<a class="anchor" id="{anchor}"></a>' for anchor in anchors.get(lo, ()))
        while started < len(waiting) and waiting[started].start <= lo:
            active.append(waiting[started])
            started += 1
        active = [m for m in active if m.end > lo]
        covering = sorted(active, key=lambda m: m.layer)
        piece = esc(text[lo:hi])
        for m in reversed(covering):
            piece = f"<{m.tag} {m.attrs}>{piece}</{m.tag}>"
        parts.append(piece)
    return "".join(parts)


def _colours(quotes: Iterable[dict]) -> dict[str, str]:
    """CSS class per speaker key, in order of first quote; unattributed quotes are grey."""
    colours: dict[str, str] = {"": "sp-none"}
    for quote in quotes:
        key = _speaker_key(quote)
        if key not in colours:
            colours[key] = f"sp{(len(colours) - 1) % len(SPEAKER_COLOURS)}"
    return colours


def _speaker_link(name: str, page: str | None, prefix: str) -> str:
    """The speaker's name, linked to its page when it has one."""
    return f'<a href="{prefix}{page}">{esc(name)}</a>' if page else esc(name)


def _panel(article: dict, colours: dict[str, str], speaker_pages: dict[str, str]) -> str:
    by_speaker: dict[str, list[tuple[int, dict]]] = {}
    for i, quote in enumerate(article["quotes"]):
        by_speaker.setdefault(_speaker_key(quote), []).append((i, quote))
    descriptors = _descriptors(article)
    parts = [f"<h2>Speakers ({sum(1 for k in by_speaker if k)})</h2>"]
    if not by_speaker:
        parts.append('<p class="small">No quotes found in this article.</p>')
    order = sorted(by_speaker, key=lambda k: (k == "", -len(by_speaker[k]), k))
    for key in order:
        quotes = by_speaker[key]
        entity = str((quotes[0][1].get("speaker") or {}).get("entity") or "")
        descs = descriptors.get(entity, [])
        name = _speaker_link(key or "Unattributed", speaker_pages.get(local_key(quotes[0][1])),
                             f"../{SPEAKERS_DIR}/")
        parts.append(f'<div class="speaker"><div class="name"><span class="sw {colours[key]}"></span>'
                     f'{name} <span class="small">({len(quotes)})</span></div>')
        if descs:
            parts.append(f'<div class="desc">{esc("; ".join(descs))}</div>')
        parts.append('<ol class="quotes">')
        for i, quote in quotes:
            how = esc(how_found(quote))
            parts.append(f'<li data-q="{i}" data-how="{how}"><a href="#q{i}">{esc(preview(quote.get("text")))}</a> '
                         f'<span class="badge">{esc(quote.get("type", ""))}</span>'
                         f'<div class="how">{how}</div></li>')
        parts.append("</ol></div>")
    for key, label in (("numbers", "Numbers"), ("dates", "Dates")):
        items = article[key]
        parts.append(f"<h2>{label} ({len(items)})</h2>")
        if items:
            values = (f"{esc(x.get('text'))} = {esc(x.get('value'))}" for x in items)
            parts.append(f'<p class="small">{"; ".join(values)}</p>')
    return f'<aside class="panel" id="panel">{"".join(parts)}</aside>'


def render_article(loaded: LoadedArticle, speaker_pages: dict[str, str] | None = None) -> str:
    """The page of one article: its text with quotes, cues, numbers and dates marked.

    `speaker_pages` maps a speaker's key in this article (speaker_pages.local_key) to the
    page of its cross-article speaker.
    """
    article = loaded.data
    meta = article.get("metadata") or {}
    colours = _colours(article["quotes"])
    source = article.get("source") or {}
    url = _safe_url(source.get("url"))
    facts = [f"published {esc(meta.get('published') or 'unknown')}"]
    if meta.get("authors"):
        facts.append("by " + esc(", ".join(str(a) for a in meta["authors"])))
    if meta.get("site"):
        facts.append(esc(meta["site"]))
    facts.append(f"output {esc(loaded.rel)}")
    if url:
        facts.append(f'<a href="{esc(url)}" rel="noreferrer noopener">source</a>')
    warnings = article.get("warnings") or []
    warn_html = (f'<details class="warnings"><summary>{len(warnings)} warning(s)</summary>'
                 + "".join(f"<div>{esc(w)}</div>" for w in warnings) + "</details>") if warnings else ""
    legend = ('<div class="legend"><span><mark class="q sp0">quote</mark> coloured by speaker</span>'
              '<span><span class="mention">speaker mention</span></span>'
              '<span><u class="cue">cue</u></span><span><span class="num">number</span></span>'
              '<span><span class="date">date</span></span><span>hover a quote: how its speaker was found</span></div>')
    body = (f"<h1>{esc(title_of(article))}</h1><div class=\"meta\">{' · '.join(facts)}</div>{warn_html}{legend}"
            f'<div class="layout"><article class="article-text" id="text">'
            f"{annotate(article['text'], _marks(article, colours))}</article>{_panel(article, colours, speaker_pages or {})}</div>")
    return page(title_of(article), body, root="../")


# -- index and speakers pages -----------------------------------------------------

def render_index(articles: Sequence[LoadedArticle], skipped: Sequence[str] = (),
                 speaker_links: dict[tuple[str, str], str] | None = None) -> str:
    """index.html: every article with its speakers, each linked to the speaker's page."""
    quotes = sum(len(a.data["quotes"]) for a in articles)
    links = speaker_links or {}
    rows = []
    for a in articles:
        pages = {_speaker_key(q): links.get((a.rel, local_key(q))) for q in a.data["quotes"]}
        names = ", ".join(_speaker_link(k, pages[k], f"{SPEAKERS_DIR}/") for k in sorted(pages) if k)
        meta = a.data.get("metadata") or {}
        rows.append(f'<tr><td><a href="{ARTICLES_DIR}/{a.page}">{esc(title_of(a.data))}</a>'
                    f'<div class="small">{esc(a.rel)}</div></td><td title="{esc(meta.get("published") or "")}">{esc(str(meta.get("published") or "")[:10])}</td>'
                    f'<td class="n">{len(a.data["quotes"])}</td><td>{names}</td></tr>')
    skipped_html = (f'<details class="warnings"><summary>{len(skipped)} file(s) skipped</summary>'
                    + "".join(f"<div>{esc(s)}</div>" for s in skipped) + "</details>") if skipped else ""
    body = (f"<h1>Articles</h1><p class=\"meta\">{len(articles)} articles, {quotes} quotes. "
            f"<a href=\"speakers.html\">Who is quoted how often</a>.</p>{skipped_html}"
            "<table><thead><tr><th>Title</th><th>Published</th><th>Quotes</th><th>Speakers</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")
    return page("extractor report", body, root="")


def _write(path: Path, page: str) -> None:
    # A lone surrogate (an output keeps one as a JSON escape) cannot be UTF-8: show "?".
    path.write_text(page, encoding="utf-8", errors="replace")


def _write_speakers(report_dir: Path, articles: Sequence[LoadedArticle],
                    speakers: Sequence[SpeakerEntry]) -> None:
    folder = report_dir / SPEAKERS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    unattributed = sum(1 for a in articles for q in a.data["quotes"] if not local_key(q))
    _write(report_dir / "speakers.html", render_speakers_index(speakers, unattributed))
    initials = sorted({initial(e.cluster.name) for e in speakers}, key=lambda x: (x == OTHER_INITIAL, x))
    for letter in initials:
        _write(folder / f"by-initial-{letter}.html", render_initial(speakers, letter, initials))
    for entry in speakers:
        _write(folder / entry.page, render_speaker(entry))


def write_report(out: str | Path, report_dir: str | Path, *,
                 report: Callable[[str], None] | None = None) -> ReportSummary:
    """Write the report of the outputs under `out` into `report_dir`.

    Raises:
        InputError: `out` is not a folder.
    """
    report_dir = Path(report_dir)
    articles, skipped = load_outputs(out, report=report, exclude=report_dir)
    pages = report_dir / ARTICLES_DIR
    pages.mkdir(parents=True, exist_ok=True)
    speakers, links = gather_speakers(articles)
    by_article: dict[str, dict[str, str]] = {}
    for (rel, key), speaker_page in links.items():
        by_article.setdefault(rel, {})[key] = speaker_page
    for loaded in articles:
        _write(pages / loaded.page, render_article(loaded, by_article.get(loaded.rel)))
    _write(report_dir / "index.html", render_index(articles, skipped, links))
    _write_speakers(report_dir, articles, speakers)
    return ReportSummary(articles=len(articles), quotes=sum(len(a.data["quotes"]) for a in articles),
                         skipped=tuple(skipped), index=report_dir / "index.html")
