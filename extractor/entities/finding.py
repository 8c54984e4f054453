"""Entities: spaCy's named-entity mentions clustered into the things an article talks about.

Steps of `find_entities`:
1. Clean each NER mention: cut at line breaks, quote marks and commas, drop a leading
   "the", a possessive "'s" (not a brand's: "Macy's said") and (for people) courtesy
   titles; a name spelled out before "(ACV)" is one mention, whatever NER made of it.
2. Repair spaCy's labels from context: a surname of a known person, a "first name +
   surname" or a one-word subject of "said" followed by he/she is a PERSON.
3. Cluster: people by surname (exact, or a near spelling with the same first letter);
   organisations by acronym ("NUHW", also "(NUHW)" written right after the expansion)
   and short form ("Kaiser" for "Kaiser Permanente"); everything else by its text.
4. Name each cluster by its fullest form, collect descriptors (pre-modifiers,
   appositions, "who is a ...", "an account called X") and number the entities in order of first mention.
Steps 1 and 2 are in `entity_mentions`, 3 in `entity_clusters`, the descriptors in `descriptors`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from .descriptors import descriptors_of
from .clusters import add_missed_mentions, cluster_others, cluster_people
from .mentions import (Mention, clean_mentions, drop_credit_lines, expand_acronyms, keep_brand_possessives,
                       repair_labels)
from .names import name_key
from ..records import Entity, Span

# Labels that name who or what can be a source or a subject of the news.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT",
                           "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})


def _canonical(cluster: list[Mention], person: bool) -> str:
    """The fullest form: most words, then longest, then earliest; an acronym only if alone."""
    def rank(m: Mention):
        acronym = len(m.words) == 1 and m.text.replace(".", "").isupper() and not person
        return (not acronym, len(m.words), len(m.text), -m.start)
    return max(cluster, key=rank).text


def number_entities(entities: Sequence[Entity]) -> list[Entity]:
    """Ids E1, E2, ... in order of first mention (ties keep their order): the only
    place entity ids are given; later stages continue the numbering."""
    ordered = sorted(entities, key=lambda e: min((m.start for m in e.mentions), default=0))
    return [replace(e, id=f"E{i}") for i, e in enumerate(ordered, start=1)]


def find_entities(doc: Doc) -> list[Entity]:
    """The entities of `doc`, numbered E1, E2, ... in order of first mention.

    Args:
        doc: a parsed spaCy Doc with named entities.

    Returns:
        One Entity per person, organisation, place, ... with its canonical (fullest)
        name, every mention as a Span of the text, and its descriptors.
    """
    text = doc.text     # built anew on every access: read it once
    mentions = [m for ent in doc.ents if ent.label_ in ENTITY_LABELS for m in clean_mentions(doc, text, ent)]
    mentions = expand_acronyms(doc, text, drop_credit_lines(text, mentions))
    keep_brand_possessives(text, mentions)
    repair_labels(doc, mentions)
    people = [m for m in mentions if m.label == "PERSON"]
    others = [m for m in mentions if m.label != "PERSON"]
    clusters = [(c, True) for c in cluster_people(people)] + \
               [(c, False) for c in cluster_others(text, others)]
    add_missed_mentions(doc, clusters)
    built = []
    for cluster, person in clusters:
        cluster.sort(key=lambda m: m.start)
        descriptors: list[str] = []
        forms = {name_key(m.text) for m in cluster}
        for m in cluster:
            for d in (descriptors_of(m.span) if m.span is not None else []):
                if d not in descriptors and name_key(d) not in forms:     # "(IEA)" is no role
                    descriptors.append(d)
        label = "PERSON" if person else Counter(m.label for m in cluster).most_common(1)[0][0]
        spans = tuple(dict.fromkeys(Span(m.text, m.start, m.end) for m in cluster))
        # A provisional id, unique per cluster, for the numbering to map.
        built.append(Entity(id=str(len(built)), name=_canonical(cluster, person), type=label,
                            mentions=spans, descriptors=tuple(descriptors)))
    return number_entities(built)
