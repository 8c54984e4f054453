"""HTML pages: article body and metadata.

The body is found in four steps (`extract_body`):

1. Prune: scripts, navigation, figures, forms, hidden elements and every element
   whose class or id names page furniture (share bars, related links, newsletter
   boxes, comments, cookie notices, ads, captions) are dropped.
2. Segment: the rest of the page becomes text blocks, one per paragraph-like
   element (a `<br><br>` also ends a block), each knowing how much of its text
   is link text.
3. Choose: every element scores the blocks under it, prose counting for it and
   link lists and short scraps against it; the best-scoring element is the
   article's container. Schema.org `articleBody` and `<article>` raise a score.
4. Keep: the container's blocks minus link lists and boilerplate lines, one
   paragraph each, separated by a blank line.

JSON-LD `articleBody` stands in when the page's own markup yields much less.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
from lxml import etree

from . import htmlmeta
from . import language as language_stage
from .records import CleanArticle

# Elements that never hold article prose.
_DROP_TAGS = frozenset("""
    script style noscript template iframe svg canvas math object embed video audio
    picture source track map figure figcaption nav aside button input select
    textarea option label dialog menu head title meta link
""".split())
# Elements that start a new block of text; everything else is inline.
_BLOCK_TAGS = frozenset("""
    html body article main section div p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd
    blockquote pre table thead tbody tfoot tr td th caption header footer form
    address center fieldset details summary hr br hgroup
""".split())
_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())

# Class/id words of page furniture. Matched against the words of an element's
# class and id ("c-share-bar" -> c, share, bar), so "ad" never hits "header".
_FURNITURE_WORDS = frozenset("""
    share sharing sharebar social socials sociallinks related recirc recirculation
    newsletter newsletters subscribe subscription signup comment comments commenting
    disqus cookie cookies consent gdpr promo promos promotion advert advertisement
    advertising ad ads adslot adunit dfp sponsor sponsored outbrain taboola
    sidebar breadcrumb breadcrumbs caption captions credit credits photocredit
    byline dateline tags tag toolbar popup modal overlay trending popular mostread
    mostpopular recommended recommendations readmore morestories nav navigation menu
    footer masthead banner paywall skip hidden visually sr print rating author
    authors bio timestamp meta widget carousel gallery slideshow video player embed
    jump toc tooltip
""".split())
# Compound class names (after dropping separators) that name furniture.
_FURNITURE_JOINED = re.compile(
    r"(share|social|related|newsletter|subscribe|signup|comment|cookie|consent|"
    r"promo|advert|sponsor|outbrain|taboola|sidebar|breadcrumb|caption|credit|"
    r"recommend|readmore|morestories|mostpopular|mostread|trending|paywall|"
    r"srOnly|visuallyhidden)", re.I)
# Class/id words that name the article body: they shield an element from the
# furniture rule and raise its score.
_BODY_WORDS = re.compile(
    r"article[-_]?body|articlebody|story[-_]?body|storybody|entry[-_]?content|"
    r"post[-_]?content|post[-_]?body|article[-_]?content|article[-_]?text|"
    r"body[-_]?text|story[-_]?content|main[-_]?content|content[-_]?body|rich[-_]?text|"
    r"articletext|article__body|paywall-article|field--name-body", re.I)
_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# Block scoring, tuned on the Zyte and Fundus benchmarks (see tests/bench/).
# A block shorter than this is a scrap (a date, "Advertisement", a label).
MIN_PROSE_CHARS = 40
# Share of link text above which a block is a link list, not prose.
MAX_PROSE_LINK_DENSITY = 0.35
# What a scrap or a link block costs the element holding it, per character;
# link lists cost more than they are long so menus sink their container.
SCRAP_COST = 0.3
LINK_COST = 1.2
# Score multiplier for an element marked as the article body (itemprop or class).
BODY_HINT_BONUS = 1.25
# Within the chosen container a block is dropped above this share of link text.
MAX_KEPT_LINK_DENSITY = 0.6
# JSON-LD articleBody replaces the markup's text when it is this much longer.
JSONLD_BODY_RATIO = 1.6

# Lines that are page furniture wherever they stand (whole-line matches).
BOILERPLATE_LINE = re.compile(
    r"^(advertisement|advertisements?|ad|sponsored( content)?|story continues below( advertisement)?|"
    r"continue reading( below)?|read more:?|related:?|recommended:?|share( this)?( article| story| post)?:?|"
    r"share on (facebook|twitter|x)|click to share.*|sign up.*newsletter.*|"
    r"subscribe( now| today)?|(blog )?comments powered by disqus|"
    r"\|?\s*video below\s*\|?|video|photo|image|listen to (this|the) (article|story).*|"
    r"(this|the) article continues (below|after).*|scroll to continue.*|"
    r"we use cookies.*|accept( all)?( cookies)?|skip to (main )?content|"
    r"copyright ©.*|© \d{4}.*|all rights reserved\.?)$", re.I)


@dataclass
class _Block:
    owner: etree._Element   # the block-level element the text belongs to
    text: str
    link_chars: int
    tag: str

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def parse_html(html: str, *, url: str | None = None) -> CleanArticle:
    """Body text (paragraphs separated by blank lines) and metadata of a web page.

    Args:
        html: the page's markup.
        url: the address it came from, if known (a date in its path is a
            publication date of last resort).
    """
    root = _parse(html)
    if root is None:
        return CleanArticle(text="", metadata=htmlmeta.Metadata(), warnings=("empty HTML page",))
    found = htmlmeta.read_metadata(root, url=url)
    text = extract_body(root, title=found.metadata.title)
    warnings: list[str] = []
    ld_body = found.json_ld_body
    if ld_body and len(ld_body) > JSONLD_BODY_RATIO * len(text):
        text = ld_body
        warnings.append("body taken from the page's JSON-LD articleBody")
    if not text:
        warnings.append("no article body found in the HTML page")
    meta = found.metadata
    if meta.language is None and text:
        meta = htmlmeta.with_language(meta, language_stage.detect_language(text))
    return CleanArticle(text=text, metadata=meta, warnings=tuple(warnings), url=found.url)


def _parse(html: str) -> etree._Element | None:
    if not html or not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except ValueError:
        # A str with an XML encoding declaration: lxml wants bytes for it.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except etree.ParserError:
        return None


def extract_body(root: etree._Element, *, title: str | None = None) -> str:
    """The article text under `root` (pruned in place), paragraphs blank-line separated."""
    body = root.find("body")
    if body is None:
        body = root
    _prune(body)
    blocks = list(_segment(body))
    if not blocks:
        return ""
    container = _best_container(blocks)
    kept = [b for b in blocks if _inside(b.owner, container) and _keep(b)]
    paragraphs = _dedupe([b.text for b in kept])
    if title and paragraphs and _same_text(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


# -- 1. prune ---------------------------------------------------------------------

def _prune(body: etree._Element) -> None:
    total = _text_len(body)
    doomed = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)             # comments, processing instructions
            continue
        tag = el.tag.lower()
        if tag in _DROP_TAGS or _hidden(el):
            doomed.append(el)
        elif _furniture(el) and _text_len(el) < FURNITURE_MAX_SHARE * total:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            _drop(el)


# A furniture-named element holding more than this share of the page's text is
# the page's main wrapper mislabelled ("main-content has-sidebar"): it stays.
FURNITURE_MAX_SHARE = 0.5


def _drop(el: etree._Element) -> None:
    parent = el.getparent()
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _furniture(el: etree._Element) -> bool:
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not names.strip():
        role = el.get("role")
        return role in ("navigation", "complementary", "banner", "contentinfo")
    if _BODY_WORDS.search(names) or el.get("itemprop") == "articleBody":
        return False
    words = {w.lower() for w in _WORD_SPLIT.split(names) if w}
    if words & _FURNITURE_WORDS:
        return True
    return any(_FURNITURE_JOINED.search(n) for n in names.split())


def _text_len(el: etree._Element) -> int:
    return sum(len(t.strip()) for t in el.itertext())


# -- 2. segment -------------------------------------------------------------------

def _segment(body: etree._Element) -> Iterator[_Block]:
    """Text blocks in document order, each with its owner element and link text."""
    parts: list[str] = []
    link = [0]
    owner = [body]

    def flush() -> Iterator[_Block]:
        text = " ".join("".join(parts).split())
        if text:
            el = owner[0]
            yield _Block(el, text, min(link[0], len(text)), el.tag.lower() if isinstance(el.tag, str) else "")
        parts.clear()
        link[0] = 0

    def walk(el: etree._Element, in_link: bool) -> Iterator[_Block]:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        is_block = tag in _BLOCK_TAGS
        if is_block:
            yield from flush()
            owner[0] = el
        in_link = in_link or tag == "a"
        if el.text:
            parts.append(el.text)
            if in_link:
                link[0] += len(el.text.strip())
        for child in el:
            yield from walk(child, in_link)
            if child.tail:
                parts.append(child.tail)
                if in_link:
                    link[0] += len(child.tail.strip())
        if is_block:
            yield from flush()
            parent = el.getparent()
            owner[0] = parent if parent is not None else el

    yield from walk(body, False)
    yield from flush()


# -- 3. choose --------------------------------------------------------------------

def _block_weight(block: _Block) -> float:
    n = len(block.text)
    if block.link_density > MAX_PROSE_LINK_DENSITY:
        return -LINK_COST * n
    if n < MIN_PROSE_CHARS or block.tag in _HEADINGS or block.tag == "h1":
        return -SCRAP_COST * n
    return float(n)


def _best_container(blocks: list[_Block]) -> etree._Element:
    scores: dict[etree._Element, float] = {}
    for block in blocks:
        w = _block_weight(block)
        el = block.owner
        while el is not None:
            scores[el] = scores.get(el, 0.0) + w
            el = el.getparent()
    best, best_score = None, float("-inf")
    for el, score in scores.items():
        if _marked_body(el):
            score *= BODY_HINT_BONUS
        if score > best_score:
            best, best_score = el, score
    return best


def _marked_body(el: etree._Element) -> bool:
    if el.get("itemprop") == "articleBody":
        return True
    names = el.get("class") or el.get("id")
    return bool(names and _BODY_WORDS.search(names))


def _inside(el: etree._Element, container: etree._Element) -> bool:
    while el is not None:
        if el is container:
            return True
        el = el.getparent()
    return False


# -- 4. keep ----------------------------------------------------------------------

def _keep(block: _Block) -> bool:
    if block.tag == "h1":
        return False
    if block.link_density > MAX_KEPT_LINK_DENSITY:
        return False
    return not BOILERPLATE_LINE.match(block.text)


def _dedupe(paragraphs: list[str]) -> list[str]:
    """Drop a paragraph that repeats the one before it (mobile/desktop twins)."""
    out: list[str] = []
    for p in paragraphs:
        if not out or p != out[-1]:
            out.append(p)
    return out


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
