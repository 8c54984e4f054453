"""Metadata of a web page: title, authors, publication date, site, language, url.

Each field is read from the most reliable source the page offers, in order:
JSON-LD (schema.org NewsArticle and kin), then `<meta>` tags (Open Graph,
article:*, Dublin Core, Parse.ly, Sailthru), then the visible page (`<h1>`,
byline elements, `<time datetime>`), then the URL. The title is the exception:
og:title comes first, as it matches the visible headline where a JSON-LD
headline is often an older or search-engine variant. `published_from` names
the source of the date: json-ld, html-meta, time-element, url or byline.

Titles lose a trailing site name and known section labels ("Opinion | ",
" | Editorial"); authors follow the people-before-organisations rule of
`htmlauthors`; a date marked as a modification ("Last updated", class
"updated") is used only when the page shows no other.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from . import authors as htmlauthors
from . import text as text_stage
from .authors import clean_text
from ..lexicon.calendar import MONTH_NUMBER
from ..records import Metadata

__all__ = ["Found", "read_metadata", "url_date", "with_language"]

# schema.org types that describe the article itself (not the site or a person).
_ARTICLE_TYPES = frozenset("""
    Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle
    BackgroundNewsArticle ReviewNewsArticle AskPublicNewsArticle LiveBlogPosting
    BlogPosting Report ScholarlyArticle SocialMediaPosting TechArticle Blog
    SatiricalArticle
""".split())
_PAGE_TYPES = frozenset({"WebPage", "ItemPage", "CollectionPage"})

_TITLE_META = ("og:title", "twitter:title", "dc.title", "sailthru.title", "parsely-title", "headline")
_AUTHOR_META = ("author", "article:author", "byl", "parsely-author", "sailthru.author",
                "dc.creator", "dcterms.creator", "cxenseparse:author", "twitter:creator:name")
_DATE_META = ("article:published_time", "og:article:published_time", "published_time",
              "datepublished", "publishdate", "publish-date", "publish_date", "pubdate",
              "parsely-pub-date", "sailthru.date", "dc.date", "dc.date.issued",
              "dcterms.created", "dcterms.date", "date", "article.published", "og:published_time",
              "cxenseparse:recs:publishtime", "datecreated")
_SITE_META = ("og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher")
_URL_META = ("og:url", "twitter:url")

# A title ends with the site's name after a separator: "Story – The Site".
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—•·»]\s+((?:(?!\s[|\-–—•·»]\s).){2,60})$")
# Section labels sites put before or after a headline: "Opinion | ...",
# "Analysis: ...", "LIVE: ...", "WATCH:", "... | Editorial", "... - live updates".
# Only these known short forms come off, so a headline whose first words end in
# a colon ("Kaiser: strike to go on") stays whole.
_SECTION_LABELS = (r"(?:opinion|analysis|comment|commentary|column|editorial|op-ed|explainer|"
                   r"live(?:\s+updates)?|watch|video|listen|breaking(?:\s+news)?|exclusive|updated?)")
_LABEL_PREFIX = re.compile(rf"^{_SECTION_LABELS}\s*(?:[:|]|\s[-–—])\s*", re.I)
_LABEL_SUFFIX = re.compile(rf"\s+[|\-–—]\s+{_SECTION_LABELS}$", re.I)
# What is left of a title must still read as a headline: this many words, or
# for scripts written without spaces (Chinese, Japanese) this many characters.
MIN_HEADLINE_WORDS = 3
MIN_UNSPACED_HEADLINE_CHARS = 6
# A date inside a URL path: /2024/03/02/, /2024-03-02, -2024-03-02/ or /20240302.
_URL_DATE = re.compile(r"[/_-]((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|-|_|\.|$)")
_URL_MONTH_WORD = re.compile(
    r"/((?:19|20)\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(0?[1-9]|[12]\d|3[01])/", re.I)
# A language code: en, en-US, en_GB, EN.
_LANG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")
# Class/id of an element showing the date: "dateline", "article_date", "storyDate"
# (a "date" that starts a word, so "update" and "candidate" do not count).
_DATE_CLASS = re.compile(r"(?i:publish|timestamp|byline)|Date|(?<![A-Za-z])[Dd]ate")
# A date that says when the page was changed, not published.
_MODIFIED_CLASS = re.compile(r"updated|modified", re.I)
_MODIFIED_TEXT = re.compile(r"^\s*(?:last\s+)?(?:updated|modified|edited)\b", re.I)
# Markup inside a JSON-LD articleBody, and the tags that end a paragraph there.
_MARKUP = re.compile(r"</?(?:p|br|div|a|em|strong|span|h[1-6])\b[^>]*>", re.I)
_MARKUP_BREAK = re.compile(r"</p\s*>|<br\s*/?>|</div\s*>|</h[1-6]\s*>", re.I)


@dataclass(frozen=True)
class Found:
    """What the page says about itself, beside its body text."""

    metadata: Metadata
    url: str | None = None
    json_ld_body: str | None = None


def with_language(meta: Metadata, language: str | None) -> Metadata:
    return replace(meta, language=language)


def read_metadata(root: etree._Element, *, url: str | None = None) -> Found:
    """Title, authors, publication date, site, language and canonical url of a page."""
    ld = _json_ld_article(root)
    metas = _meta_tags(root)
    publisher = _ld_name(ld.get("publisher"))
    site = _first(publisher, *(metas.get(k) for k in _SITE_META))
    if site and site.startswith("@"):
        site = site[1:]
    title = _first(*(metas.get(k) for k in _TITLE_META), ld.get("headline"), ld.get("name"), _h1(root))
    if title:
        title = _strip_labels(_strip_site_suffix(clean_text(title), site=site, url=url, always=False))
    elif _title_tag(root):
        title = _strip_labels(_strip_site_suffix(_title_tag(root), site=site, url=url, always=True))
    canonical = _canonical(root, metas) or _ld_url(ld)
    authors = htmlauthors.page_authors(
        ld.get("author"), metas, root, keys=_AUTHOR_META,
        site=htmlauthors.site_names(site, publisher, metas.get("og:site_name"),
                                    metas.get("twitter:site"), urlsplit(url or "").hostname,
                                    urlsplit(canonical or "").hostname))
    published, source = _published(ld, metas, root, url)
    body = ld.get("articleBody")
    body = _paragraphs(body) if isinstance(body, str) else None
    meta = Metadata(title=title or None, authors=authors, published=published,
                    published_from=source if published else None,
                    language=_page_language(root, metas), site=clean_text(site) or None)
    return Found(metadata=meta, url=canonical, json_ld_body=body or None)


# -- JSON-LD ----------------------------------------------------------------------

def _json_ld_article(root: etree._Element) -> dict:
    """The page's schema.org article object ({} if none), a WebPage as second best."""
    best: dict = {}
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads((script.text or "").strip().rstrip(";"))
        except (ValueError, RecursionError):   # malformed, or nested past the parser's stack
            continue
        for obj in _ld_objects(data):
            types = obj.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & _ARTICLE_TYPES:
                return obj
            if not best and (types & _PAGE_TYPES or any(str(t).endswith("WebPage") for t in types)):
                best = obj
    return best


def _ld_objects(data, depth: int = 0):
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _ld_objects(data[key], depth + 1)


def _ld_name(value) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    return value if isinstance(value, str) else None


def _ld_url(ld: dict) -> str | None:
    for key in ("url", "mainEntityOfPage"):
        value = ld.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith("http"):
            return value
    return None


# -- meta tags and markup ---------------------------------------------------------

def _meta_tags(root: etree._Element) -> dict[str, str]:
    """`<meta>` and itemprop values by lower-cased name (the first of each wins)."""
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    for el in root.xpath('//*[@itemprop="datePublished"]'):
        value = el.get("content") or el.get("datetime")
        if value:
            found.setdefault("datepublished", value.strip())
    return found


def _h1(root: etree._Element) -> str | None:
    for el in root.iter("h1"):
        text = clean_text(" ".join(el.itertext()))
        if text:
            return text
    return None


def _title_tag(root: etree._Element) -> str | None:
    el = root.find(".//title")
    return clean_text(el.text_content()) if el is not None else None


def _strip_site_suffix(title: str, *, site: str | None, url: str | None, always: bool) -> str:
    """"Story - The Site" -> "Story" when the tail names the site (or, for a
    `<title>`, always: it is where sites put their name)."""
    names = [_letters(site or ""), _letters(urlsplit(url or "").hostname or "")]
    stripped = title
    # Tails come off one at a time: "Story | The Site | by Jane Doe".
    while m := _TITLE_SUFFIX.search(stripped):
        tail = _letters(m.group(1))
        if not (always or htmlauthors.BY_PREFIX.match(m.group(1))
                or any(tail and name and (tail in name or name in tail) for name in names)):
            break
        stripped = stripped[:m.start()]
        always = False
    # Keep the whole when what is left is too short to be a headline.
    return stripped if _headline_sized(stripped) else title


def _strip_labels(title: str) -> str:
    """"Opinion | Story" and "Story | Editorial" -> "Story"."""
    for label in (_LABEL_PREFIX, _LABEL_SUFFIX):
        stripped = label.sub("", title, count=1)
        if stripped != title and _headline_sized(stripped):
            title = stripped
    return title


def _headline_sized(title: str) -> bool:
    return len(title.split()) >= MIN_HEADLINE_WORDS or (
        len(title) >= MIN_UNSPACED_HEADLINE_CHARS and not re.search(r"[A-Za-z]", title))


def _letters(value: str) -> str:
    value = re.sub(r"^www\.|\.(com|co\.uk|org|net|co|uk|de|fr|it|es)$", "", value.lower())
    return re.sub(r"\W+", "", value)


def _canonical(root: etree._Element, metas: dict[str, str]) -> str | None:
    for el in root.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and (el.get("href") or "").startswith("http"):
            return el.get("href").strip()
    return _first(*(metas.get(k) for k in _URL_META if (metas.get(k) or "").startswith("http")))


def _page_language(root: etree._Element, metas: dict[str, str]) -> str | None:
    for value in (root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang"),
                  metas.get("og:locale"), metas.get("content-language"), metas.get("language")):
        m = _LANG.match(value or "")
        if m:
            return m.group(1).lower()
    return None


# -- publication date -------------------------------------------------------------

def _published(ld: dict, metas: dict[str, str], root: etree._Element,
               url: str | None) -> tuple[str | None, str | None]:
    for value in (ld.get("datePublished"), ld.get("dateCreated")):
        date = text_stage.iso_date(value) if isinstance(value, str) else None
        if date:
            return date, "json-ld"
    for key in _DATE_META:
        date = text_stage.iso_date(metas.get(key) or "")
        if date:
            return date, "html-meta"
    times = [t for t in root.iter("time") if t.get("datetime")]
    date = _time_element([t for t in times if not _MODIFIED_CLASS.search(f"{t.get('class')} {t.get('itemprop')}")])
    if date:
        return date, "time-element"
    date = url_date(url or _canonical(root, metas) or "")
    if date:
        return date, "url"
    for el in root.xpath("//*[@class or @id]"):
        if _DATE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            text = clean_text(" ".join(el.itertext()))
            if text and len(text) < 160 and not _MODIFIED_TEXT.match(text):
                date = text_stage.byline_date(text)
                if date:
                    return date, "byline"
    # A page that shows only when it was last changed: better than no date.
    date = _time_element(times)
    return (date, "time-element") if date else (None, None)


def _time_element(times: list[etree._Element]) -> str | None:
    # A time marked as the publication beats the first one on the page.
    times.sort(key=lambda t: not re.search(r"publish|pub|created|posted",
                                           f"{t.get('class') or ''} {t.get('itemprop') or ''} "
                                           f"{t.get('pubdate') is not None and 'pub'}", re.I))
    for t in times:
        date = text_stage.iso_date(t.get("datetime"))
        if date:
            return date
    return None


def url_date(url: str) -> str | None:
    """The date a URL path carries (`/2024/03/02/` -> 2024-03-02), if any."""
    m = _URL_DATE.search(url)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = _URL_MONTH_WORD.search(url)
    if m:
        return f"{m.group(1)}-{MONTH_NUMBER[m.group(2).lower()[:3]]:02d}-{int(m.group(3)):02d}"
    return None


# -- helpers ----------------------------------------------------------------------

def _first(*values) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _paragraphs(body: str) -> str:
    """JSON-LD articleBody as paragraphs; some sites put markup in it."""
    if _MARKUP.search(body):
        body = _MARKUP_BREAK.sub("\n", body)
        body = etree.tostring(lxml.html.fragment_fromstring(body, create_parent="div"),
                              method="text", encoding="unicode")
    lines = [clean_text(line) for line in body.splitlines()]
    return "\n\n".join(line for line in lines if line)
