"""Authors of a web page: the people who wrote it, else the organisation credited.

Where the names come from, in order (the first source naming anyone decides,
so a stray "By ..." in a teaser never overrides what the page declares):
JSON-LD `author`, then `<meta>` author tags, then the visible byline.

Which names are kept, the rule `page_authors` applies to one source's names:

1. A person's name is an author. When a byline names a person, the
   organisations beside it ("By Jane Roe, CNN", JSON-LD authors `[Jane Roe,
   Associated Press]`) are where she works or the wire that carried the story,
   not co-authors, and are dropped.
2. An organisation is the author only when no person is named ("By Reuters" on
   another paper's site), and then as it is written.
3. The site's own name is never an author: "BBC News" on bbc.com, "Telegraph
   Reporters" on The Telegraph, "CNBC.com staff" on CNBC. The page's `site`
   already says it, so the author list would only repeat it.

A name is an organisation when JSON-LD types it so, or it has an organisation
word ("Press", "News", "Bureau"...), starts with "The", is a short acronym
("CNN", "PTI"), or is a wire agency; a name of generic words only ("Staff",
"Web Desk") names nobody. Credentials after a name ("Jane Roe, MS, RD") and
job titles ("Senior Reporter") are neither.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable

from lxml import etree

__all__ = ["BY_PREFIX", "clean_text", "page_authors", "site_names", "split_authors"]

# A byline: "By Jane Doe and John Roe", "Analysis by Jane Doe, CNN".
BY_PREFIX = re.compile(r"^\s*(?:(?:written|analysis|opinion|commentary|review|story|words|"
                       r"reporting|reported)\s+)?by[:\s]+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*", re.I)
# What follows the names in a byline: a separator, a status word or a weekday
# ("Jeff Foust Monday, November 18", "Louis Jacobson on Monday").
_BYLINE_TAIL = re.compile(r"\s+(?:[|•·—–-]|updated|published|posted)\s+.*|"
                          r"\s*\b(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*", re.I)
# "Finian Cunningham. Sputnik International": a full stop after a word (not an
# initial, "Sarah E. Needleman") ends a name.
_SENTENCE_STOP = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")
# "JILL LAWLESS Associated Press": a name in capitals runs into the outlet's.
_CAPS_THEN_TITLE = re.compile(r"^((?:[A-Z][A-Z'’.-]+\s+)+[A-Z][A-Z'’.-]+)\s+([A-Z][a-z].*)$")
# A word of a person's name: capitalized in any script ("Jane", "O'Neil",
# "Иван"), or a lower-case particle ("de", "van", "bin").
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
MAX_PARTICLE_CHARS = 3
MAX_AUTHOR_CHARS = 60
MAX_NAME_WORDS = 5
# An author value that is a link, a handle or a newsroom ("HNN Staff"), not a
# name: skipped, so the next tag or byline may name the person.
_NOT_A_NAME = re.compile(r"^(?:https?://|www\.|@)|\b(?:staff|editor|editorial|team|desk|"
                         r"news service|wire|agency|contributor|reports?)s?\b$", re.I)
# A job title that follows a name in a byline ("Tom Cary, Senior Sports Correspondent").
_ROLE = re.compile(r"\b(?:correspondent|editor|reporter|writer|columnist|contributor|critic|"
                   r"producer|photographer|analyst|chief|senior|deputy|associate|"
                   r"updated|published|posted|minutes?|hours?|read)\b", re.I)
# Degrees, licences and suffixes that follow a name after a comma ("Jane Roe, MS, RD").
_CREDENTIALS = frozenset("""
    ms ma ba bs bsc msc phd md rd rdn ld apd mph rn np dds cpt cscs lcsw pharmd mba jd
    facs cde ibclc jr sr
""".split())
SHORT_ACRONYM_CHARS = 5

# Words that describe a newsroom, not name one: a name of these only ("Staff",
# "Web Desk") names nobody, and they are set aside when comparing a name with
# the site's ("CNN Business" ~ "CNN", "Detroit News wire services" ~ "The Detroit News").
_GENERIC_WORDS = frozenset("""
    the staff staffs reporters reporter team desk bureau wire wires service services
    news newsroom editors editorial board online blog com net org co uk www web digital
    sport sports business politics opinion weekly writers contributors report reports
""".split())
# Words that make a name an organisation's (with the generic ones).
_ORG_WORDS = _GENERIC_WORDS | frozenset("""
    press times post journal tribune herald gazette magazine newspaper media network
    agency radio television tv broadcasting international group associated insider
    channel daily publishing publications institute foundation association
""".split())
# Wire agencies and outlets credited by their bare name.
_AGENCIES = frozenset("""
    reuters afp ap upi dpa efe ansa xinhua kyodo yonhap tass bloomberg pti ians aap
    cnn bbc anadolu bernama
""".split())
_ORG_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation",
                        "EducationalOrganization", "GovernmentOrganization", "NGO"})
_WORD = re.compile(r"[^\W_]+")
_BYLINE_CLASS = re.compile(r"byline|author|contributor|writer|reporter", re.I)
_DOMAIN = re.compile(r"\w\.(?:com|net|org|co\.uk|[a-z]{2})$", re.I)


def page_authors(ld_author, metas: dict[str, str], root: etree._Element, *,
                 keys: Iterable[str], site: Iterable[str]) -> tuple[str, ...]:
    """Authors by the module's rule, from the first source that names anyone.

    Args:
        ld_author: the JSON-LD article's `author` value (str, dict or list).
        metas: `<meta>` values by lower-cased name.
        root: the page, for its visible byline.
        keys: the meta names that hold authors, most trusted first.
        site: names the site goes by (site name, publisher, host, handle).
    """
    sites = [w for w in (_words(n) for n in site) if w[1]]
    names = _ld_names(ld_author) or _meta_names(metas, keys) or [
        (n, False) for n in _byline_authors(root)]     # the page scan last: it is the slow one
    return _keep(names, sites)


def site_names(*values: str | None) -> list[str]:
    """The non-empty values, a handle without its "@", a host without its "www."."""
    return [re.sub(r"^(?:@|www\.)", "", v.strip()) for v in values if v and v.strip()]


def _keep(names: list[tuple[str, bool]], sites: list[tuple[frozenset, str]]) -> tuple[str, ...]:
    people, orgs = [], []
    for name, typed_org in names:
        words = _words(name)
        if not words[0] or name.replace(".", "").lower() in _CREDENTIALS or _is_site(words, name, sites):
            continue
        (orgs if typed_org or _is_org(name, words[0]) else people).append(name)
    return tuple(_unique(people or orgs))


def _words(name: str) -> tuple[frozenset, str]:
    """A name's distinctive words (generic ones set aside) and all its letters run together."""
    words = [w.lower() for w in _WORD.findall(name)]
    return frozenset(w for w in words if w not in _GENERIC_WORDS), "".join(
        w for w in words if w not in {"the", "www"})


def _is_site(words: tuple[frozenset, str], name: str, sites) -> bool:
    core, joined = words
    initials = "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() != "the").lower()
    for site_core, site_joined in sites:
        if core == site_core or joined == site_joined:
            return True
        # "CNN Business" on CNN, but not the person "Sky Brown" on Sky.
        if site_core and site_core < core and _is_org(name, core):
            return True
        # "The Associated Press" on "AP News": an organisation by its initials.
        if len(initials) > 1 and site_core == {initials} and _is_org(name, core):
            return True
    return False


def _is_org(name: str, core: frozenset) -> bool:
    words = {w.lower() for w in _WORD.findall(name)}
    return bool(words & _ORG_WORDS or core & _AGENCIES or name.lower().startswith("the ")
                or (name.isupper() and len(name) <= SHORT_ACRONYM_CHARS) or bool(_DOMAIN.search(name)))


# -- sources ----------------------------------------------------------------------

def _ld_names(value) -> list[tuple[str, bool]]:
    names: list[tuple[str, bool]] = []
    for item in value if isinstance(value, list) else [value]:
        typed_org = False
        if isinstance(item, dict):
            kinds = item.get("@type")
            typed_org = bool(set(kinds if isinstance(kinds, list) else [kinds]) & _ORG_TYPES)
            item = item.get("name")
        if isinstance(item, str):
            names.extend((n, typed_org) for n in split_authors(item))
    return names


def _meta_names(metas: dict[str, str], keys: Iterable[str]) -> list[tuple[str, bool]]:
    for key in keys:
        value = metas.get(key)
        if value and not _NOT_A_NAME.search(value):
            names = split_authors(value)
            if names:
                return [(n, False) for n in names]
    return []


def _byline_authors(root: etree._Element) -> list[str]:
    names: list[str] = []
    for el in root.xpath('//*[@itemprop="author"]'):
        named = el.xpath('.//*[@itemprop="name"]')
        value = (named[0].get("content") or " ".join(named[0].itertext())) if named else (
            el.get("content") or " ".join(el.itertext()))
        names.extend(split_authors(value))
    if not names:
        for el in root.xpath('//a[@rel="author"]'):
            names.extend(split_authors(" ".join(el.itertext())))
    if names:
        return _unique(names)
    for el in root.xpath("//*[@class or @id]"):
        if not _BYLINE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            continue
        text = clean_text(" ".join(el.itertext()))
        if text and BY_PREFIX.match(text) and len(text) < 120:
            names = split_authors(text)
            if names:
                return names
    for el in root.xpath("//p|//div|//span"):
        text = el.text
        if text and BY_PREFIX.match(text) and len(el) <= 3:
            names = split_authors(clean_text(" ".join(el.itertext())))
            if names and len(" ".join(el.itertext())) < 120:
                return names
    return []


def split_authors(value: str) -> list[str]:
    """Names in a byline: "By Jane Doe and John Roe" -> [Jane Doe, John Roe]."""
    value = BY_PREFIX.sub("", clean_text(value))
    value = _SENTENCE_STOP.sub(", ", _BYLINE_TAIL.sub("", value))
    names = []
    for part in _AUTHOR_SPLIT.split(value):
        part = part.strip(" .:")
        caps = _CAPS_THEN_TITLE.match(part)
        for piece in caps.groups() if caps else (part,):
            name = _name(piece)
            if name:
                names.append(name)
    return _unique(names)


def _name(part: str) -> str | None:
    if not part or len(part) > MAX_AUTHOR_CHARS or _NOT_A_NAME.search(part):
        return None
    if part.isupper() and (" " in part or len(part) > SHORT_ACRONYM_CHARS):
        part = part.title()     # "MELISSA GOLDIN" -> "Melissa Goldin", but "AFP" stays
    words = part.split()
    if (1 <= len(words) <= MAX_NAME_WORDS and all(_name_word(w) for w in words)
            and part[0].isupper() and not _ROLE.search(part)):
        return part
    return None


def _name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word)) and (
        word[0].isupper() or (word.islower() and len(word) <= MAX_PARTICLE_CHARS))


def clean_text(value: str | None) -> str:
    """Entities decoded, whitespace collapsed: JSON-LD and meta strings often carry HTML
    entities ("&#8217;") the parser never saw."""
    return " ".join(html.unescape(value or "").split())


def _unique(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        if n.casefold() not in seen:
            seen.add(n.casefold())
            out.append(n)
    return out
