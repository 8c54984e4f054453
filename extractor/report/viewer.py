"""The viewer: extraction outputs -> a static HTML report of who said what.

    write_report("outputs", "report")   # report/index.html, speakers.html, articles/*.html

Reads every `OUT/**/*.json` that has the output schema's shape (others are skipped
with a warning) and writes plain files that work offline: CSS and JavaScript are
inline, and each page's Content-Security-Policy forbids loading anything else.
Article text, titles and names are hostile input: every one goes through
`html.escape`, and page names come from a hash, so no id or path picks where a file
is written.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..settings import DEFAULT_MAX_FILE_BYTES
from .assets import CSP, CSS, JS, SPEAKER_COLOURS

ARTICLES_DIR = "articles"
# Characters of a quote shown in lists; the full text is one click away.
QUOTE_PREVIEW_CHARS = 160
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


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


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

def _page(title: str, body: str, *, root: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<meta name=\"referrer\" content=\"no-referrer\">"
            f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>"
            f"<header class=\"top\"><span class=\"brand\">extractor</span>"
            f"<a href=\"{root}index.html\">Articles</a><a href=\"{root}speakers.html\">Speakers</a></header>"
            f"<main>{body}</main><script>{JS}</script></body></html>\n")


def _title(article: dict) -> str:
    meta = article.get("metadata") or {}
    return str(meta.get("title") or article.get("id") or "(untitled)")


def _speaker_key(quote: dict) -> str:
    """Quotes of one speaker share a key: the canonical name, or '' when unattributed."""
    return str((quote.get("speaker") or {}).get("name") or "")


def _preview(text: object) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= QUOTE_PREVIEW_CHARS else text[:QUOTE_PREVIEW_CHARS - 1] + "…"


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
        how = _esc(f"{how_found(quote)} · {quote.get('type', '')} quote")
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
        add(number, 3, "span", f'class="num" title="{_esc(label)}"')
    for date in article["dates"]:
        label = f"{date.get('type', 'date')}: {date.get('value') or '?'}"
        if date.get("end_value"):
            label += f" to {date['end_value']}"
        add(date, 4, "span", f'class="date" title="{_esc(label)}"')
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
        piece = _esc(text[lo:hi])
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


def _panel(article: dict, colours: dict[str, str]) -> str:
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
        parts.append(f'<div class="speaker"><div class="name"><span class="sw {colours[key]}"></span>'
                     f'{_esc(key or "Unattributed")} <span class="small">({len(quotes)})</span></div>')
        if descs:
            parts.append(f'<div class="desc">{_esc("; ".join(descs))}</div>')
        parts.append('<ol class="quotes">')
        for i, quote in quotes:
            how = _esc(how_found(quote))
            parts.append(f'<li data-q="{i}" data-how="{how}"><a href="#q{i}">{_esc(_preview(quote.get("text")))}</a> '
                         f'<span class="badge">{_esc(quote.get("type", ""))}</span>'
                         f'<div class="how">{how}</div></li>')
        parts.append("</ol></div>")
    for key, label in (("numbers", "Numbers"), ("dates", "Dates")):
        items = article[key]
        parts.append(f"<h2>{label} ({len(items)})</h2>")
        if items:
            values = (f"{_esc(x.get('text'))} = {_esc(x.get('value'))}" for x in items)
            parts.append(f'<p class="small">{"; ".join(values)}</p>')
    return f'<aside class="panel" id="panel">{"".join(parts)}</aside>'


def render_article(loaded: LoadedArticle) -> str:
    """The page of one article: its text with quotes, cues, numbers and dates marked."""
    article = loaded.data
    meta = article.get("metadata") or {}
    colours = _colours(article["quotes"])
    source = article.get("source") or {}
    url = _safe_url(source.get("url"))
    facts = [f"published {_esc(meta.get('published') or 'unknown')}"]
    if meta.get("authors"):
        facts.append("by " + _esc(", ".join(str(a) for a in meta["authors"])))
    if meta.get("site"):
        facts.append(_esc(meta["site"]))
    facts.append(f"output {_esc(loaded.rel)}")
    if url:
        facts.append(f'<a href="{_esc(url)}" rel="noreferrer noopener">source</a>')
    warnings = article.get("warnings") or []
    warn_html = (f'<details class="warnings"><summary>{len(warnings)} warning(s)</summary>'
                 + "".join(f"<div>{_esc(w)}</div>" for w in warnings) + "</details>") if warnings else ""
    legend = ('<div class="legend"><span><mark class="q sp0">quote</mark> coloured by speaker</span>'
              '<span><span class="mention">speaker mention</span></span>'
              '<span><u class="cue">cue</u></span><span><span class="num">number</span></span>'
              '<span><span class="date">date</span></span><span>hover a quote: how its speaker was found</span></div>')
    body = (f"<h1>{_esc(_title(article))}</h1><div class=\"meta\">{' · '.join(facts)}</div>{warn_html}{legend}"
            f'<div class="layout"><article class="article-text" id="text">'
            f"{annotate(article['text'], _marks(article, colours))}</article>{_panel(article, colours)}</div>")
    return _page(_title(article), body, root="../")


# -- index and speakers pages -----------------------------------------------------

def render_index(articles: Sequence[LoadedArticle], skipped: Sequence[str] = ()) -> str:
    quotes = sum(len(a.data["quotes"]) for a in articles)
    rows = []
    for a in articles:
        names = sorted({k for k in map(_speaker_key, a.data["quotes"]) if k})
        meta = a.data.get("metadata") or {}
        rows.append(f'<tr><td><a href="{ARTICLES_DIR}/{a.page}">{_esc(_title(a.data))}</a>'
                    f'<div class="small">{_esc(a.rel)}</div></td><td title="{_esc(meta.get("published") or "")}">{_esc(str(meta.get("published") or "")[:10])}</td>'
                    f'<td class="n">{len(a.data["quotes"])}</td><td>{_esc(", ".join(names))}</td></tr>')
    skipped_html = (f'<details class="warnings"><summary>{len(skipped)} file(s) skipped</summary>'
                    + "".join(f"<div>{_esc(s)}</div>" for s in skipped) + "</details>") if skipped else ""
    body = (f"<h1>Articles</h1><p class=\"meta\">{len(articles)} articles, {quotes} quotes. "
            f"<a href=\"speakers.html\">Who is quoted how often</a>.</p>{skipped_html}"
            "<table><thead><tr><th>Title</th><th>Published</th><th>Quotes</th><th>Speakers</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")
    return _page("extractor report", body, root="")


def render_speakers(articles: Sequence[LoadedArticle]) -> str:
    """Who is quoted how often across the corpus, with descriptors and links to each quote."""
    quotes: dict[str, list[tuple[LoadedArticle, int, dict]]] = {}
    descs: dict[str, dict[str, None]] = {}
    for a in articles:
        descriptors = _descriptors(a.data)
        for i, quote in enumerate(a.data["quotes"]):
            key = _speaker_key(quote)
            quotes.setdefault(key, []).append((a, i, quote))
            entity = str((quote.get("speaker") or {}).get("entity") or "")
            descs.setdefault(key, {}).update(dict.fromkeys(descriptors.get(entity, [])))
    rows = []
    for key in sorted(quotes, key=lambda k: (k == "", -len(quotes[k]), k)):
        items = quotes[key]
        by_article: dict[str, list[tuple[LoadedArticle, int, dict]]] = {}
        for item in items:
            by_article.setdefault(item[0].rel, []).append(item)
        links = "".join(
            f'<div class="small">{_esc(_title(group[0][0].data))}</div><ol class="quotes">'
            + "".join(f'<li><a href="{ARTICLES_DIR}/{a.page}#q{i}">{_esc(_preview(q.get("text")))}</a></li>'
                      for a, i, q in group) + "</ol>" for group in by_article.values())
        n_articles = len(by_article)
        rows.append(f'<tr><td><b>{_esc(key or "Unattributed")}</b><div class="desc">'
                    f'{_esc("; ".join(descs[key]))}</div></td><td class="n">{len(items)}</td>'
                    f'<td class="n">{n_articles}</td><td>{links}</td></tr>')
    body = ("<h1>Speakers</h1><p class=\"meta\">Who is quoted how often across the corpus.</p>"
            "<table><thead><tr><th>Speaker</th><th>Quotes</th><th>Articles</th><th>What they said</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return _page("Speakers — extractor report", body, root="")


def _write(path: Path, page: str) -> None:
    # A lone surrogate (an output keeps one as a JSON escape) cannot be UTF-8: show "?".
    path.write_text(page, encoding="utf-8", errors="replace")


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
    for loaded in articles:
        _write(pages / loaded.page, render_article(loaded))
    _write(report_dir / "index.html", render_index(articles, skipped))
    _write(report_dir / "speakers.html", render_speakers(articles))
    return ReportSummary(articles=len(articles), quotes=sum(len(a.data["quotes"]) for a in articles),
                         skipped=tuple(skipped), index=report_dir / "index.html")
