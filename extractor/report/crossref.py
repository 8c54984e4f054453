"""Speakers across articles: which article entities are the same person or organisation.

    clusters = match_speakers(evidence)   # one SpeakerCluster per cross-article speaker

A pure function over `SpeakerEvidence` (one speaking entity of one article: its
canonical name there, type, descriptors, the other names the article calls it by).
The steps, each a decision made on the whole corpus:

1. Group by name key: a person's first and last name with titles, initials and
   post-nominals dropped ("Sen. Joe R. Biden" -> "joe biden") and a generation kept
   ("Donald Trump Jr."), an organisation's name without "the" or a company suffix. Different first names are different people
   (Joe Biden, Hunter Biden).
2. Split a group where its evidence conflicts: the same role with different places
   or organisations ("Texas Sen." / "Florida Sen.", "spokesman for Ford" / "spokesman
   for GM") is two people. Different roles alone are not a conflict: people have many.
3. Join one person's name variants: a nickname or short form of the first name
   ("Pete"/"Peter King", "Rudy"/"Rudolph Giuliani") when the roles agree.
4. Attach a one-word name ("Biden") to the one full-name person with that surname; when
   there are several, to the one its descriptors name ("Richards", "Cecile"), or whose
   roles it shares, or who is quoted in DOMINANCE times the articles of the others;
   else it stays apart. Attach an acronym ("FBI") to the one organisation it abbreviates.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..lexicon.names import (FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, NAME_TITLES, ROLE_NOUNS,
                             TITLE_ROLES)
from ..lexicon.nicknames import NICKNAMES

# Name endings that are not the surname: generations tell a father from his son (Donald
# Trump, Donald Trump Jr.) and stay in the key; post-nominals are dropped.
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
POST_NOMINALS = frozenset({"phd", "md", "esq"})
# Company-form words dropped from an organisation's key ("Apple Inc." = "Apple").
COMPANY_SUFFIXES = frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "group",
                              "company", "incorporated", "limited"})
# Words left out of an acronym ("Federal Bureau of Investigation" -> FBI).
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&"})
# Acronyms are 2-6 capitals ("UN", "NAACP"); longer all-caps words are names shouted.
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# Role words: offices and roles from the lexicon, plus the abbreviated titles expanded.
_TITLE_EXPANSIONS = {**{t: roles[0] for t, roles in TITLE_ROLES.items()},
                     "sen.": "senator", "gov.": "governor", "rep.": "representative"}
ROLE_WORDS = ROLE_NOUNS | frozenset(_TITLE_EXPANSIONS) | frozenset({
    "spokesman", "spokeswoman", "spokesperson", "representative", "official", "executive"})
# Capitalised words in descriptors that are not places or organisations.
# Party, rank and nation words qualify a role without telling two holders apart ("Republican
# Sen." and "Texas Sen." are one man): on the polnear-train outputs they split about two
# dozen speakers, all wrongly.
_NOT_AFFILIATION = frozenset("""
the a an former then new top senior chief his her their its our mr mrs ms dr
us u.s u s usa america american national federal state states united presidential
republican republicans democratic democrat democrats gop party primary press deputy vice
""".split())
# A first name that another starts with is its short form from this many letters on
# ("Geoff", "Geoffrey"; "Ben", "Benjamin"); two letters match too much ("Al", "Alice").
MIN_PREFIX = 3
# How many times the articles of its namesakes together a person must be quoted in for a
# bare surname to go to them; 3 gave Obama to Barack (not Michelle) and Cruz to Ted on
# the polnear-train outputs, and leaves a surname shared by two public figures alone.
DOMINANCE = 3
# Words too common in descriptors to show that two people are one.
_DESCRIPTOR_STOPWORDS = frozenset("and for from with who was has had the her his its that this".split())
# A word that may name a place or an organisation: capitalised ("Ohio", "Hewlett-Packard")
# or an acronym ("NDN"); text run together by a bad page ("PRESSOhio") is no evidence.
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z]{2,6}")
# Most aliases and descriptors kept per speaker: enough to recognise it, few enough to read.
MAX_LISTED = 12


@dataclass(frozen=True)
class SpeakerEvidence:
    """One speaking entity of one article, as the outputs describe it."""

    ref: int                        # the caller's id for it (entities.id in the database)
    article: int
    name: str
    type: str | None
    descriptors: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()   # other words the article names it by (mention texts)
    quotes: int = 0


@dataclass(frozen=True)
class SpeakerCluster:
    key: str                        # stable across rebuilds: the name key, "#2" for a namesake
    name: str
    type: str | None
    members: tuple[int, ...]        # refs of its SpeakerEvidence
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    articles: int = 0
    quotes: int = 0


def _fold(text: str) -> str:
    """Lower case, accents and punctuation gone, possessive dropped: 'Macrón's' -> 'macron'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    return " ".join(re.sub(r"[^\w&]+", " ", text).split())


def _person_tokens(name: str) -> list[str]:
    words = [w for w in _fold(name).split()]
    while words and (words[0] in NAME_TITLES or f"{words[0]}." in NAME_TITLES):
        words.pop(0)
    while words and words[-1] in POST_NOMINALS:
        words.pop()
    # Middle initials go; a first initial stays ("J. K. Rowling" keeps its j).
    return [w for i, w in enumerate(words) if len(w) > 1 or i == 0]


def name_key(name: str, type_: str | None) -> str:
    """The key that groups names of one speaker: 'joe biden', 'donald trump jr', 'apple'."""
    if type_ == "PERSON":
        words = _person_tokens(name)
        generation = words.pop() if len(words) > 2 and words[-1] in GENERATIONS else None
        key = words[:1] + words[-1:] if len(words) > 1 else words
        return " ".join(key + ([generation] if generation else []))
    words = _fold(name).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        words.pop()
    if len(words) > 1:  # "Federal Elections Commission" = "Federal Election Commission"
        words = [_singular(w) for w in words]
    return " ".join(words)


def _singular(word: str) -> str:
    """'elections' -> 'election'; words in -ss, -us, -is stay ('congress', 'status')."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def acronym_of(name: str) -> str | None:
    """'Federal Bureau of Investigation' -> 'FBI'; None for one-word names."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    letters = "".join(w[0] for w in words)
    return letters if ACRONYM.match(letters) else None


def role_evidence(descriptors: Iterable[str]) -> dict[str, frozenset[str]]:
    """Role word -> places and organisations named with it: 'Texas Sen.' -> {senator: {texas}}."""
    evidence: dict[str, set[str]] = defaultdict(set)
    for descriptor in descriptors:
        words = re.findall(r"[\w.’'-]+", descriptor)
        roles = {_TITLE_EXPANSIONS.get(w.lower(), w.lower().rstrip(".")) for w in words
                 if w.lower() in ROLE_WORDS or w.lower().rstrip(".") in ROLE_WORDS}
        names = [w for w in words if _NAME_WORD.fullmatch(w) and w.lower() not in ROLE_WORDS]
        affiliations = {_fold(w) for w in names if _fold(w) not in _NOT_AFFILIATION}
        # "New Democrat Network" is also "NDN": both forms are evidence of one body.
        initials = acronym_of(" ".join(names))
        if initials:
            affiliations.add(initials.lower())
        for role in roles:
            evidence[role] |= affiliations
    return {role: frozenset(places) for role, places in evidence.items()}


def same_first_name(a: str, b: str) -> bool:
    """'pete'/'peter', 'rudy'/'rudolph', 'geoff'/'geoffrey': one given name; 'dan'/'dana' not
    (a man's and a woman's name), nor 'al'/'alice'."""
    if a == b:
        return True
    short, long = sorted((a, b), key=lambda w: (len(w), w))
    if (short in MALE_FIRST_NAMES and long in FEMALE_FIRST_NAMES
            or short in FEMALE_FIRST_NAMES and long in MALE_FIRST_NAMES):
        return False
    if len(short) >= MIN_PREFIX and long.startswith(short):
        return True
    return long in NICKNAMES.get(short, ()) or bool(set(NICKNAMES.get(a, ())) & set(NICKNAMES.get(b, ())))


def conflicts(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> bool:
    """The same role, each with places or organisations, none of them shared."""
    return any(a[role] and b[role] and not a[role] & b[role] for role in a.keys() & b.keys())


@dataclass
class _Group:
    """Members being gathered into one speaker."""

    key: str
    members: list[SpeakerEvidence] = field(default_factory=list)
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, item: SpeakerEvidence, roles: dict[str, frozenset[str]]) -> None:
        self.members.append(item)
        for role, places in roles.items():
            self.roles[role] |= places

    def frozen_roles(self) -> dict[str, frozenset[str]]:
        return {role: frozenset(places) for role, places in self.roles.items()}


def _split(key: str, items: Sequence[SpeakerEvidence]) -> list[_Group]:
    """One group per person behind a name key: first fit, richest evidence first."""
    groups: list[_Group] = []
    evidence = {item.ref: role_evidence(item.descriptors) for item in items}
    ordered = sorted(items, key=lambda i: (-sum(map(len, evidence[i.ref].values())), -i.quotes, i.ref))
    for item in ordered:
        roles = evidence[item.ref]
        home = next((g for g in groups if not conflicts(g.frozen_roles(), roles)), None)
        if home is None:
            home = _Group(key if not groups else f"{key}#{len(groups) + 1}")
            groups.append(home)
        home.add(item, roles)
    return groups


def _is_person(items: Iterable[SpeakerEvidence]) -> bool:
    types = Counter(i.type for i in items)
    return types.most_common(1)[0][0] == "PERSON" if types else False


def _surname(key: str) -> str:
    """'donald trump jr' -> 'trump'."""
    words = key.split("#")[0].split()
    return words[-2] if len(words) > 2 and words[-1] in GENERATIONS else words[-1]


def _person_like(group: _Group) -> bool:
    """A person's group, or one whose name starts with a given name ('Carly Fiorina' as ORG)."""
    first = group.key.split()[0]
    return _is_person(group.members) or first in MALE_FIRST_NAMES or first in FEMALE_FIRST_NAMES


def _compatible(a: _Group, b: _Group) -> bool:
    """No conflict, and a word of their descriptors in common, or no descriptors on one side
    ("retired letter carrier" Bob Mason is not "professor" Robert Mason)."""
    if conflicts(a.frozen_roles(), b.frozen_roles()):
        return False
    words_a, words_b = _descriptor_words(a), _descriptor_words(b)
    return not words_a or not words_b or bool(words_a & words_b)


def _descriptor_words(group: _Group) -> set[str]:
    return {w for m in group.members for d in m.descriptors for w in _fold(d).split()
            if len(w) > 2 and w not in _NOT_AFFILIATION and w not in _DESCRIPTOR_STOPWORDS}


def _merge_variants(groups: list[_Group]) -> list[_Group]:
    """Join the groups of one person named two ways ('Pete King' / 'Peter King', 'Rudy' /
    'Rudolph Giuliani') when their roles agree; smaller groups join larger ones."""
    by_surname: dict[str, list[_Group]] = defaultdict(list)
    for group in groups:
        words = group.key.split()
        if len(words) > 1 and "#" not in group.key and _person_like(group):
            by_surname[" ".join(words[1:])].append(group)  # 'trump' apart from 'trump jr'
    gone: set[str] = set()
    for namesakes in by_surname.values():
        ordered = sorted(namesakes, key=lambda g: (len({m.article for m in g.members}), g.key))
        for i, small in enumerate(ordered):
            first = small.key.split()[0]
            targets = [g for g in ordered[i + 1:] if g.key not in gone
                       and same_first_name(first, g.key.split()[0]) and _compatible(small, g)]
            if len(targets) == 1:
                for member in small.members:
                    targets[0].add(member, role_evidence(member.descriptors))
                gone.add(small.key)
    return [g for g in groups if g.key not in gone]


def _attach(groups: list[_Group], singles: dict[str, list[SpeakerEvidence]]) -> list[_Group]:
    """Give bare surnames and acronyms to the one group they name, or keep them apart."""
    by_surname: dict[str, list[_Group]] = defaultdict(list)
    by_acronym: dict[str, list[_Group]] = defaultdict(list)
    for group in groups:
        if " " in group.key and _person_like(group):
            by_surname[_surname(group.key)].append(group)
        if not _is_person(group.members):
            acronyms = {acronym_of(m.name) for m in group.members} - {None}
            acronyms |= {a for m in group.members for a in m.aliases if ACRONYM.match(a)}
            for acronym in acronyms:
                by_acronym[acronym.lower()].append(group)
    kept: list[_Group] = []
    for key, items in sorted(singles.items()):
        acronym = all(ACRONYM.match(i.name.strip()) for i in items)
        # A one-word name that is no acronym is a surname, whatever its type: spaCy's small
        # model often calls a lone surname ORG ("Lopez said").
        candidates = by_acronym.get(key, []) if acronym else by_surname.get(key, [])
        leftovers: list[SpeakerEvidence] = []
        for item in items:
            home = _choose(candidates, item)
            if home is None:
                leftovers.append(item)
            else:
                home.add(item, role_evidence(item.descriptors))
        if leftovers:
            kept.extend(_split(key, leftovers))
    return groups + kept


def _choose(candidates: Sequence[_Group], item: SpeakerEvidence) -> _Group | None:
    """The one candidate an item belongs to: the one its descriptors name, the only one that
    fits, the only one sharing its roles, or a dominant one; else None."""
    # The article may give the first name apart ("Richards" described as "Cecile"): that
    # names the bearer, whatever else the descriptors say.
    hints = {_fold(w) for text in item.descriptors for w in re.findall(r"[A-Z][\w’'-]+", text)}
    named = [g for g in candidates if any(same_first_name(g.key.split()[0], h) for h in hints)]
    if len(named) == 1:
        return named[0]
    roles = role_evidence(item.descriptors)
    fitting = [g for g in candidates if not conflicts(g.frozen_roles(), roles)]
    if len(fitting) == 1:
        return fitting[0]
    sharing = [g for g in fitting if roles.keys() & g.roles.keys()]
    if len(sharing) == 1:
        return sharing[0]
    # A bare surname in news is its best-known bearer ("Obama said"): the one quoted in
    # DOMINANCE times the articles of all the others together.
    ranked = sorted(fitting, key=lambda g: -len({m.article for m in g.members}))
    if ranked:
        top = len({m.article for m in ranked[0].members})
        rest = sum(len({m.article for m in g.members}) for g in ranked[1:])
        if top >= DOMINANCE * max(rest, 1):
            return ranked[0]
    return None


def _summary(group: _Group) -> SpeakerCluster:
    members = group.members
    base = group.key.split("#")[0]
    names = Counter(m.name for m in members)
    full = [n for n in names if name_key(n, members[0].type) == base] or list(names)
    name = max(full, key=lambda n: (names[n], len(n), n))
    types = Counter(m.type for m in members if m.type)
    aliases = Counter(a for m in members for a in (m.name, *m.aliases)
                      if a == m.name != name or _is_alias(a, name))
    descriptors = Counter(d for m in members for d in dict.fromkeys(m.descriptors))
    affiliations = Counter(a for m in members for places in role_evidence(m.descriptors).values()
                           for a in places)
    acronyms = sorted({a for a in aliases if ACRONYM.match(a)})
    return SpeakerCluster(
        key=group.key, name=name,
        type=min(types.items(), key=lambda kv: (-kv[1], kv[0]))[0] if types else None,
        members=tuple(sorted(m.ref for m in members)),
        aliases=_most_common(Counter({a: n for a, n in aliases.items() if a not in acronyms})),
        acronyms=tuple(acronyms),
        descriptors=_most_common(descriptors), affiliations=_most_common(affiliations),
        articles=len({m.article for m in members}), quotes=sum(m.quotes for m in members))


def _most_common(counts: Counter) -> tuple[str, ...]:
    """The MAX_LISTED most frequent, ties in alphabetical order (whatever the input order)."""
    return tuple(sorted(counts, key=lambda v: (-counts[v], v))[:MAX_LISTED])


def _is_alias(text: str, name: str) -> bool:
    """Another name it goes by: every word capitalised, sharing a word with the canonical
    name or abbreviating it ("Trump", "Donald J. Trump", "FBI"); not "The statement"."""
    words = text.split()
    if not words or text == name or not all(w[:1].isupper() for w in words):
        return False
    return bool(set(_fold(text).split()) & set(_fold(name).split())) or text == acronym_of(name)


def match_speakers(evidence: Iterable[SpeakerEvidence]) -> list[SpeakerCluster]:
    """Cluster the speaking entities of many articles into cross-article speakers.

    Deterministic: the same evidence gives the same clusters and keys, whatever its order.
    """
    by_key: dict[str, list[SpeakerEvidence]] = defaultdict(list)
    for item in evidence:
        key = name_key(item.name, item.type)
        if key:
            by_key[key].append(item)
    groups: list[_Group] = []
    singles: dict[str, list[SpeakerEvidence]] = {}
    for key, items in sorted(by_key.items()):
        # A bare surname, or an all-caps name that may abbreviate a longer one.
        if " " not in key:
            singles[key] = items
        else:
            groups.extend(_split(key, items))
    return [_summary(g) for g in _attach(_merge_variants(groups), singles)]
