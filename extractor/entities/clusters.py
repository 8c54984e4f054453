"""Entity clusters: the cleaned mentions grouped into the things an article talks about.

Step 3 of `entities.find_entities`: people by surname (exact, or a near spelling with
the same first letter); organisations by acronym ("NUHW", also "(NUHW)" written right
after the expansion) and short form ("Kaiser" for "Kaiser Permanente"); everything else
by its text. Then the occurrences of a known name that NER did not mark join its cluster.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from .mentions import FIRST_NAMES, Mention, initials
from ..lexicon.names import ORG_UNIT_WORDS
from .names import name_key, near_spelling, person_gender_hint

# Names in news are at most a few words past the shortest form ("Kaiser" -> "Kaiser
# Permanente", "Apple" -> "Apple Inc."); more extra words mean a different, larger name.
MAX_SHORT_FORM_EXTRA_WORDS = 2
_PAREN_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&.\-]{1,11})\)")


def cluster_people(people: list[Mention]) -> list[list[Mention]]:
    """Step 3a: full names first (longest first), then surnames and first names join them."""
    clusters: list[list[Mention]] = []
    forms: list[tuple[str, ...]] = []     # the longest normalized words of each cluster

    def join(i: int, m: Mention) -> None:
        clusters[i].append(m)
        if len(m.words) > len(forms[i]):
            forms[i] = tuple(name_key(w) for w in m.words)

    def gender(i: int) -> str | None:
        """A cluster's gender, from a courtesy title or a first name."""
        titled = {o.title_gender for o in clusters[i]} - {None}
        return titled.pop() if len(titled) == 1 else person_gender_hint(" ".join(forms[i]))

    def fits(i: int, m: Mention) -> bool:
        """"Mrs. Clinton" is not Bill Clinton: a title never joins the other gender."""
        return m.title_gender is None or gender(i) in (None, m.title_gender)

    def nearest(candidates: list[int], m: Mention) -> int:
        """Of people sharing a surname, the one named most so far (the article's subject,
        not a relative named once), then the one named last."""
        def rank(i: int) -> tuple[int, int]:
            before = [o.start for o in clusters[i] if o.start < m.start]
            return len(before), max(before, default=-1)
        return max(candidates, key=rank)

    ordered = sorted(people, key=lambda m: (-len(m.words), m.start))
    for m in ordered:
        words = tuple(name_key(w) for w in m.words)
        exact = [i for i, f in enumerate(forms) if words[-1] == f[-1] and set(words) <= set(f) and fits(i, m)]
        if not exact and len(words) == 1:
            exact = [i for i, f in enumerate(forms) if len(f) > 1 and words[0] == f[0]
                     and words[0] in FIRST_NAMES]
            exact = exact if len(exact) == 1 else []
        if not exact:
            exact = [i for i, f in enumerate(forms) if near_spelling(words[-1], f[-1])
                     and (len(words) == 1 or words[0] == f[0]) and fits(i, m)]
        if exact:
            join(nearest(exact, m), m)
        else:
            clusters.append([m])
            forms.append(words)
    return clusters


def cluster_others(text: str, others: list[Mention]) -> list[list[Mention]]:
    """Step 3b: same text together, then acronyms and short forms join their full names."""
    groups: dict[str, list[Mention]] = {}
    for m in others:
        groups.setdefault(name_key(m.text), []).append(m)
    label = {k: Counter(m.label for m in g).most_common(1)[0][0] for k, g in groups.items()}
    words = {k: tuple(g[0].words) for k, g in groups.items()}
    parent: dict[str, str] = {}
    # Acronyms: initials of a longer name, or "(ABC)" written right after it.
    for k, g in groups.items():
        if len(words[k]) < 2:
            continue
        written = {found.group(1).replace(".", "") for m in g if (found := _PAREN_ACRONYM.match(text, m.end))}
        for a in written | {initials(words[k])}:
            key = name_key(a)       # one written in brackets may mix cases ("DoD")
            if len(a) >= 2 and key in groups and key != k and key not in parent \
                    and (a in written or words[key][0].replace(".", "").isupper()):
                parent[key] = k
    # Short forms: a name's first words, when what follows is not a sub-unit ("Clinic")
    # and the full name came first (news names a body in full, then shortens it; a short
    # form seen before is a body of its own: "Mossad", then an account "Mossad Commentary"),
    # or its last two or more words ("Forest Service" for "Texas A&M Forest Service").
    keyed = {k: tuple(name_key(x) for x in words[k]) for k in groups}
    first_seen = {k: min(m.start for m in g) for k, g in groups.items()}
    by_first: dict[str, list[str]] = {}
    by_last: dict[str, list[str]] = {}
    for k in groups:
        if label[k] == "ORG":
            by_first.setdefault(keyed[k][0], []).append(k)
            by_last.setdefault(keyed[k][-1], []).append(k)
    for k, w in keyed.items():
        # A one-word short form is often mislabelled ("Kaiser" as NORP), but not a place.
        if k in parent or not (label[k] == "ORG" or (len(w) == 1 and label[k] not in ("GPE", "LOC"))):
            continue
        longer = [k2 for k2 in by_first.get(w[0], ()) if len(keyed[k2]) > len(w) and keyed[k2][:len(w)] == w
                  and len(keyed[k2]) - len(w) <= MAX_SHORT_FORM_EXTRA_WORDS
                  and not ORG_UNIT_WORDS.intersection(keyed[k2][len(w):]) and first_seen[k2] < first_seen[k]]
        if len(w) >= 2:
            longer += [k2 for k2 in by_last.get(w[-1], ()) if len(keyed[k2]) > len(w) and keyed[k2][-len(w):] == w]
        if longer:
            parent[k] = max(longer, key=lambda k2: (len(groups[k2]), -len(words[k2])))

    def root(k: str) -> str:
        seen = set()
        while k in parent and k not in seen:
            seen.add(k)
            k = parent[k]
        return k

    merged: dict[str, list[Mention]] = {}
    for k, g in groups.items():
        merged.setdefault(root(k), []).extend(g)
    return list(merged.values())


def add_missed_mentions(doc: Doc, clusters: list[tuple[list[Mention], bool]]) -> None:
    """Occurrences of a known name that NER did not mark ("Taluz spoke" before "Tanya Taluz")."""
    forms: dict[str, set[tuple[tuple[str, ...], int]]] = {}      # first word -> (words, cluster)
    owners: Counter = Counter()                                    # words -> clusters using them
    for index, (cluster, person) in enumerate(clusters):
        variants = {m.words for m in cluster} | ({m.words[-1:] for m in cluster} if person else set())
        for words in variants:
            forms.setdefault(words[0], set()).add((words, index))
            owners[words] += 1
    covered = {i for cluster, _ in clusters for m in cluster if m.span is not None
               for i in range(m.span.start, m.span.end)}
    for tok in doc:
        entries = forms.get(tok.text)
        if not entries or tok.i in covered or not (tok.pos_ == "PROPN" or not tok.is_sent_start):
            continue
        for words, index in sorted(entries, key=lambda e: -len(e[0])):
            n = len(words)
            if owners[words] == 1 and tuple(t.text for t in doc[tok.i:tok.i + n]) == words:
                span = doc[tok.i:tok.i + n]
                cluster, person = clusters[index]
                cluster.append(Mention(span.start_char, span.end_char, span.text,
                                        "PERSON" if person else cluster[0].label, span))
                covered.update(range(span.start, span.end))
                break
