"""HTML pages: article body and metadata.

The body is found in four steps (`extract_body`):

1. Prune: scripts, navigation, figures, footers, hidden elements and every
   element whose class or id names page furniture (share bars, related links,
   newsletter boxes, comments, cookie notices, ads, captions) are dropped.
2. Segment: the rest of the page becomes text blocks, one per paragraph-like
   element (a `<br>` also ends a block), each knowing how much of it is link text.
3. Choose: each paragraph of prose scores its length for the element listing
   it and half as much for each level above; link text lowers an element's
   score, a schema.org `articleBody` or body-like class raises it. The best
   element is the article, with its siblings that score near it and its twins
   (same tag and class: the other chunks of a body split by ad slots).
4. Keep: the chosen elements' blocks minus link lists and boilerplate lines,
   one paragraph each, separated by a blank line.

JSON-LD `articleBody` stands in when the page's own markup yields much less.
Metadata comes from `htmlmeta`, read before pruning.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
from lxml import etree

from . import metadata as htmlmeta
from . import language as language_stage
from . import text as text_stage
from ..records import CleanArticle, Metadata

# Elements that never hold article prose.
_DROP_TAGS = frozenset("""
    script style noscript template iframe svg canvas math object embed video audio
    picture source track map figure figcaption nav aside footer button input select
    textarea option label dialog menu head title meta link
""".split())
# Elements that start a new block of text; everything else is inline.
_BLOCK_TAGS = frozenset("""
    html body article main section div p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd
    blockquote pre table thead tbody tfoot tr td th caption header footer form
    address center fieldset details summary hr br hgroup
""".split())
_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())
# Elements that hold one paragraph: their parent is the list of paragraphs.
_PARAGRAPH_TAGS = frozenset("p li blockquote pre dd dt td th h1 h2 h3 h4 h5 h6 address".split())
# Wrappers whose class lists are CMS labels ("post tag-reuters category-news"),
# not page furniture.
_NEVER_FURNITURE = frozenset({"html", "body", "article", "main"})

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
    footer masthead banner skip hidden visually sr print rating author
    authors bio timestamp meta widget carousel gallery slideshow video player embed
    jump toc tooltip
""".split())
# Compound class names (after dropping separators) that name furniture.
_FURNITURE_JOINED = re.compile(
    r"(share|social|related|newsletter|subscribe|signup|comment|cookie|consent|"
    r"promo|advert|sponsor|outbrain|taboola|sidebar|breadcrumb|caption|credit|"
    r"recommend|readmore|morestories|mostpopular|mostread|trending|"
    r"srOnly|visuallyhidden)", re.I)
# Class/id words that name the article body: they shield an element from the
# furniture rule and raise its score.
_BODY_WORDS = re.compile(
    r"article[-_]?body|articlebody|story[-_]?body|storybody|entry[-_]?content|"
    r"post[-_]?content|post[-_]?body|article[-_]?content|article[-_]?text|"
    r"body[-_]?text|story[-_]?content|main[-_]?content|content[-_]?body|rich[-_]?text|"
    r"articletext|article__body|paywall-article|field--name-body", re.I)
_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
# Hidden, or visible to screen readers only (clipped to nothing: "opens new tab").
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|clip\s*:\s*rect\(\s*0|"
                           r"clip-path\s*:\s*inset\(\s*50%", re.I)

OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"

# Block scoring. Values tuned on the Zyte and Fundus benchmarks (bench.py zyte,
# fundus), starting from Readability's (sibling share, decay by level).
# A block shorter than this is a scrap (a date, "Advertisement", a label).
MIN_PROSE_CHARS = 40
# Share of link text above which a block is a link list, not prose.
MAX_PROSE_LINK_DENSITY = 0.35
# List items are teasers more often than prose: a linked headline with its
# summary. They score at a discount and must be nearly link-free.
LIST_ITEM_SHARE = 0.5
MAX_ITEM_LINK_DENSITY = 0.15
# A paragraph adds its length to the element listing it, and a share of it,
# halved at each level, to that element's parents.
SCORE_LEVELS = 4
SCORE_DECAY = 0.5
# Siblings of the best element that score this share of it are article too.
SIBLING_SHARE = 0.2
SIBLING_PARAGRAPH_CHARS = 80
# Score multiplier for an element marked as the article body (itemprop or class).
BODY_HINT_BONUS = 1.25
# Within the chosen container a block is dropped above this share of link text.
MAX_KEPT_LINK_DENSITY = 0.6
# JSON-LD articleBody replaces the markup's text when it is this much longer.
JSONLD_BODY_RATIO = 1.6


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
        return CleanArticle(text="", metadata=Metadata(), warnings=("empty HTML page",))
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
    # What the text reads as beats what the page declares: templates often say
    # lang="en" whatever the article's language. The declared one stands where the
    # text is too short or too mixed to call.
    detected = language_stage.detect_language(text) if text else None
    if detected and detected != meta.language:
        meta = htmlmeta.with_language(meta, detected)
    return CleanArticle(text=text, metadata=meta, warnings=tuple(warnings), url=found.url)


def _parse(html: str) -> etree._Element | None:
    if not html or not html.strip():
        return None
    try:
        try:
            return lxml.html.document_fromstring(html)
        except ValueError:
            # A str with an XML encoding declaration: lxml wants bytes for it.
            parser = lxml.html.HTMLParser(encoding="utf-8")
            return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except etree.ParserError:     # nothing but comments or whitespace
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
    containers = _containers(blocks)
    kept = [b for b in blocks if any(_inside(b.owner, c) for c in containers) and _keep(b)]
    paragraphs = _dedupe([b.text for b in kept])
    if title and paragraphs and _same_text(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


# -- 1. prune ---------------------------------------------------------------------

def _prune(body: etree._Element) -> None:
    # Markup that never holds prose goes first, so that the share of text a
    # furniture-named element holds is measured on readable text only.
    _drop_all([el for el in body.iter() if not isinstance(el.tag, str)
               or el.tag.lower() in _DROP_TAGS or _hidden(el)])
    total = _text_len(body)
    _drop_all([el for el in body.iter() if el.tag not in _NEVER_FURNITURE and _furniture(el)
               and _text_len(el) < FURNITURE_MAX_SHARE * total])


def _drop_all(elements: list[etree._Element]) -> None:
    for el in elements:
        if el.getparent() is not None:
            _drop(el)


# A furniture-named element holding more than this share of the page's text is
# the page's main wrapper mislabelled ("main-content has-sidebar"): it stays.
FURNITURE_MAX_SHARE = 0.4


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
        if tag == "q":
            parts.append(OPEN_QUOTE)     # browsers draw these marks; the text needs them
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
        if tag == "q":
            parts.append(CLOSE_QUOTE)
        if is_block:
            yield from flush()
            parent = el.getparent()
            owner[0] = parent if parent is not None else el

    yield from walk(body, False)
    yield from flush()


# -- 3. choose --------------------------------------------------------------------

def _containers(blocks: list[_Block]) -> list[etree._Element]:
    """The element holding the article's paragraphs, and its siblings that
    hold more of them (a body split by ad slots or section wrappers)."""
    prose: dict[etree._Element, float] = {}
    chars: dict[etree._Element, int] = {}
    links: dict[etree._Element, int] = {}
    for block in blocks:
        el = block.owner
        while el is not None:
            chars[el] = chars.get(el, 0) + len(block.text)
            links[el] = links.get(el, 0) + block.link_chars
            el = el.getparent()
        if not _is_prose(block):
            continue
        # A paragraph scores for the element listing it, less for that one's parents.
        el = block.owner.getparent() if block.tag in _PARAGRAPH_TAGS else block.owner
        share = LIST_ITEM_SHARE if block.tag == "li" else 1.0
        for _ in range(SCORE_LEVELS):
            if el is None:
                break
            prose[el] = prose.get(el, 0.0) + share * len(block.text)
            share *= SCORE_DECAY
            el = el.getparent()
    if not prose:
        # No paragraph long enough to count: the longest text that is not a link list.
        texts = [b for b in blocks if b.link_density <= MAX_PROSE_LINK_DENSITY]
        return [max(texts, key=lambda b: len(b.text)).owner] if texts else []

    def score(el: etree._Element) -> float:
        value = prose.get(el, 0.0) * (1 - links.get(el, 0) / max(1, chars.get(el, 0)))
        return value * BODY_HINT_BONUS if _marked_body(el) else value

    top = max(prose, key=score)
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = SIBLING_SHARE * score(top)
    own = {b.owner: b for b in blocks}
    chosen = []
    for sibling in parent:
        if sibling is top or score(sibling) >= threshold:
            chosen.append(sibling)
        elif (sibling in own and _is_prose(own[sibling])
              and len(own[sibling].text) >= SIBLING_PARAGRAPH_CHARS):
            chosen.append(sibling)
    # The other chunks of a body split by ad slots, or the other posts of a live
    # blog, share the best element's tag and class.
    root = top.getroottree().getroot()
    chosen.extend(el for el in root.iter(top.tag)
                  if el is not top and _twins(el, top) and prose.get(el, 0) > 0
                  and links.get(el, 0) <= MAX_PROSE_LINK_DENSITY * chars.get(el, 1)
                  and not any(_inside(el, c) for c in chosen))
    return chosen


def _twins(a: etree._Element, b: etree._Element) -> bool:
    return a.tag == b.tag and bool(a.get("class")) and a.get("class") == b.get("class")


def _is_prose(block: _Block) -> bool:
    most_links = MAX_ITEM_LINK_DENSITY if block.tag == "li" else MAX_PROSE_LINK_DENSITY
    return (len(block.text) >= MIN_PROSE_CHARS and block.link_density <= most_links
            and block.tag not in _HEADINGS and block.tag != "h1")


def _marked_body(el: etree._Element) -> bool:
    if el.get("itemprop") == "articleBody":
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(_BODY_WORDS.search(names))


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
    return not text_stage.BOILERPLATE_LINE.match(block.text)


def _dedupe(paragraphs: list[str]) -> list[str]:
    """Drop a paragraph that repeats the one before it (mobile/desktop twins)."""
    out: list[str] = []
    for p in paragraphs:
        if not out or p != out[-1]:
            out.append(p)
    return out


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
