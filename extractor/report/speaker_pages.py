"""The viewer's speaker pages: one page per speaker matched across articles, and indexes.

    speakers.html                  the most quoted speakers, and the initials
    speakers/by-initial-<x>.html   every speaker whose name starts with x
    speakers/<name>-<hash>.html    one speaker: names, roles, quotes by article

Speakers are matched across articles as in the corpus database (crossref.py), so
Joe Biden and Hunter Biden get two pages and "Biden" joins the one it names. Pages
stay small at 10,000 articles: an index lists one initial, a speaker page its quotes.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .crossref import SpeakerCluster, SpeakerEvidence, match_speakers
from .pages import esc, page, preview, title_of

SPEAKERS_DIR = "speakers"
# Speakers on the landing page, most quoted first: a screenful or two; the rest are on
# their initial's page.
TOP_SPEAKERS = 100
# Quotes listed on one speaker's page, in article order; a head of state quoted in
# thousands of articles would otherwise make a page of megabytes (the database has all).
MAX_QUOTES_PER_PAGE = 1000
SLUG_CHARS = 40
OTHER_INITIAL = "other"


@dataclass
class SpeakerEntry:
    """One cross-article speaker and its quotes, as (article, quote index, quote)."""

    cluster: SpeakerCluster
    page: str
    quotes: list[tuple] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return len({a.rel for a, _, _ in self.quotes})


def speaker_page_name(key: str) -> str:
    """`<readable part>-<hash>.html` for a speaker key: unique, a plain file name."""
    readable = re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-_")[:SLUG_CHARS]
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{readable or 'speaker'}-{digest}.html"


def initial(name: str) -> str:
    """'a' to 'z' for a name's first letter (accents dropped), else 'other'."""
    letter = unicodedata.normalize("NFKD", name.strip()[:1]).encode("ascii", "ignore").decode().lower()
    return letter if "a" <= letter <= "z" else OTHER_INITIAL


def gather_speakers(articles: Sequence) -> tuple[list[SpeakerEntry], dict[tuple[str, str], str]]:
    """The speakers of the articles (LoadedArticle), most quoted first, and a map
    (article rel, speaker key in that article) -> speaker page name."""
    quotes_of: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    evidence: list[SpeakerEvidence] = []
    for number, loaded in enumerate(articles):
        entities = {str(e.get("id")): e for e in loaded.data["entities"]}
        seen: dict[str, int] = {}
        for i, quote in enumerate(loaded.data["quotes"]):
            key = local_key(quote)
            if not key:
                continue
            quotes_of[(loaded.rel, key)].append((loaded, i, quote))
            if key not in seen:
                seen[key] = len(evidence)
                evidence.append(_evidence(len(evidence), number, quote, entities))
    refs = list(quotes_of)
    entries, links = [], {}
    for cluster in match_speakers(evidence):
        entry = SpeakerEntry(cluster, speaker_page_name(cluster.key))
        for ref in cluster.members:
            entry.quotes.extend(quotes_of[refs[ref]])
            links[refs[ref]] = entry.page
        entries.append(entry)
    entries.sort(key=lambda e: (-len(e.quotes), -e.articles, e.cluster.name))
    return entries, links


def local_key(quote: dict) -> str:
    """Quotes of one speaker in one article share a key: its entity id, else its name."""
    speaker = quote.get("speaker") or {}
    if not speaker.get("name"):
        return ""
    return str(speaker.get("entity") or f"name:{speaker['name']}")


def _evidence(ref: int, article: int, quote: dict, entities: dict[str, dict]) -> SpeakerEvidence:
    speaker = quote["speaker"]
    entity = entities.get(str(speaker.get("entity"))) or {}
    mentions = entity.get("mentions") if isinstance(entity.get("mentions"), list) else []
    return SpeakerEvidence(
        ref=ref, article=article, name=str(entity.get("name") or speaker["name"]),
        type=entity.get("type") if isinstance(entity.get("type"), str) else None,
        descriptors=tuple(str(d) for d in entity.get("descriptors") or ()),
        aliases=tuple(dict.fromkeys(str(m.get("text")) for m in mentions if isinstance(m, dict))),
        quotes=1)


def _row(entry: SpeakerEntry, prefix: str) -> str:
    cluster = entry.cluster
    return (f'<tr><td><a href="{prefix}{entry.page}"><b>{esc(cluster.name)}</b></a>'
            f'<div class="desc">{esc("; ".join(cluster.descriptors))}</div></td>'
            f'<td>{esc(cluster.type or "")}</td><td class="n">{len(entry.quotes)}</td>'
            f'<td class="n">{entry.articles}</td></tr>')


def _table(rows: Sequence[str]) -> str:
    return ("<table><thead><tr><th>Speaker</th><th>Type</th><th>Quotes</th><th>Articles</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _initials_nav(initials: Sequence[str], prefix: str) -> str:
    links = " ".join(f'<a href="{prefix}by-initial-{x}.html">{x.upper() if len(x) == 1 else x}</a>'
                     for x in initials)
    return f'<p class="initials">By name: {links}</p>'


def render_speakers_index(entries: Sequence[SpeakerEntry], unattributed: int) -> str:
    """speakers.html: the most quoted speakers and the initials."""
    initials = sorted({initial(e.cluster.name) for e in entries}, key=lambda x: (x == OTHER_INITIAL, x))
    shown = entries[:TOP_SPEAKERS]
    body = (f'<h1>Speakers</h1><p class="meta">{len(entries)} speakers matched across articles; '
            f"{unattributed} unattributed quotes. The {len(shown)} most quoted:</p>"
            f"{_initials_nav(initials, SPEAKERS_DIR + '/')}"
            f"{_table([_row(e, SPEAKERS_DIR + '/') for e in shown])}")
    return page("Speakers — extractor report", body, root="")


def render_initial(entries: Sequence[SpeakerEntry], letter: str, initials: Sequence[str]) -> str:
    """speakers/by-initial-<letter>.html: every speaker of one initial, by name."""
    chosen = sorted((e for e in entries if initial(e.cluster.name) == letter),
                    key=lambda e: (e.cluster.name.lower(), e.page))
    label = letter.upper() if len(letter) == 1 else letter
    body = (f"<h1>Speakers: {esc(label)}</h1><p class=\"meta\">{len(chosen)} speakers.</p>"
            f"{_initials_nav(initials, '')}{_table([_row(e, '') for e in chosen])}")
    return page(f"Speakers: {label} — extractor report", body, root="../")


def render_speaker(entry: SpeakerEntry, article_pages: str = "../articles/") -> str:
    """speakers/<page>: who the speaker is, and their quotes grouped by article."""
    cluster = entry.cluster
    facts = [f"{len(entry.quotes)} quotes in {entry.articles} articles"]
    if cluster.type:
        facts.insert(0, esc(cluster.type))
    details = "".join(f"<div><b>{label}:</b> {esc(', '.join(values))}</div>"
                      for label, values in (("Also named", cluster.aliases), ("Acronyms", cluster.acronyms),
                                            ("Roles", cluster.descriptors),
                                            ("Affiliations", cluster.affiliations)) if values)
    by_article: dict[str, list[tuple]] = {}
    for item in entry.quotes[:MAX_QUOTES_PER_PAGE]:
        by_article.setdefault(item[0].rel, []).append(item)
    groups = "".join(
        f'<h2><a href="{article_pages}{group[0][0].page}">{esc(title_of(group[0][0].data))}</a></h2>'
        f'<div class="small">{esc((group[0][0].data.get("metadata") or {}).get("published") or "")}</div>'
        '<ol class="quotes">'
        + "".join(f'<li><a href="{article_pages}{a.page}#q{i}">{esc(preview(q.get("text")))}</a> '
                  f'<span class="badge">{esc(q.get("type", ""))}</span></li>' for a, i, q in group)
        + "</ol>" for group in by_article.values())
    more = len(entry.quotes) - MAX_QUOTES_PER_PAGE
    note = (f'<p class="small">and {more} more quotes: see the corpus database '
            f"(extractor db).</p>") if more > 0 else ""
    body = (f"<h1>{esc(cluster.name)}</h1><div class=\"meta\">{' · '.join(facts)}</div>"
            f'<div class="small">{details}</div>{groups}{note}')
    return page(f"{cluster.name} — extractor report", body, root="../")
