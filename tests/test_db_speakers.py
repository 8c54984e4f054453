"""Speakers across articles (extractor/report/crossref.py): one parametrized row per rule."""
from __future__ import annotations

import pytest

from extractor.report.crossref import SpeakerEvidence, acronym_of, match_speakers, name_key


@pytest.mark.parametrize("name, type_, expected", [
    ("Sen. Joe R. Biden", "PERSON", "joe biden"),
    ("Donald Trump Jr.", "PERSON", "donald trump jr"),
    ("Martin Luther King Jr.", "PERSON", "martin king jr"),
    ("Jane Doe, PhD", "PERSON", "jane doe"),
    ("Joe Biden", "PERSON", "joe biden"),
    ("Hunter Biden", "PERSON", "hunter biden"),
    ("Biden’s", "PERSON", "biden"),
    ("Emmanuel Macrón", "PERSON", "emmanuel macron"),
    ("The Heritage Foundation", "ORG", "heritage foundation"),
    ("Apple Inc.", "ORG", "apple"),
])
def test_name_keys(name, type_, expected):
    assert name_key(name, type_) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("pete", "peter", True), ("rudy", "rudolph", True), ("geoff", "geoffrey", True), ("bill", "william", True),
    ("joe", "hunter", False), ("dan", "dana", False), ("al", "alice", False), ("jo", "john", False),
])
def test_same_first_name(a, b, expected):
    from extractor.report.crossref import same_first_name

    assert same_first_name(a, b) is expected


@pytest.mark.parametrize("name, expected", [
    ("Federal Bureau of Investigation", "FBI"), ("National Rifle Association", "NRA"),
    ("Kaiser", None), ("the united nations", None),
])
def test_acronyms(name, expected):
    assert acronym_of(name) == expected


def _speakers(*items: tuple[int, str, str, tuple[str, ...]]) -> list[list[int]]:
    """Clusters as sorted member lists; each item is (article, name, type, descriptors)."""
    evidence = [SpeakerEvidence(ref=i, article=a, name=n, type=t, descriptors=d, quotes=1)
                for i, (a, n, t, d) in enumerate(items)]
    return sorted(sorted(c.members) for c in match_speakers(evidence))


@pytest.mark.parametrize("items, clusters", [
    # Same name in two articles: one speaker; different first names: two.
    ([(1, "Joe Biden", "PERSON", ()), (2, "Joe Biden", "PERSON", ("Vice President",))], [[0, 1]]),
    ([(1, "Joe Biden", "PERSON", ()), (2, "Hunter Biden", "PERSON", ())], [[0], [1]]),
    # A father and his son, Jr.: two people; the bare surname goes to the one quoted most.
    ([(1, "Donald Trump", "PERSON", ()), (2, "Donald Trump", "PERSON", ()), (3, "Donald Trump", "PERSON", ()),
      (4, "Donald Trump Jr.", "PERSON", ()), (5, "Trump", "PERSON", ())], [[0, 1, 2, 4], [3]]),
    # A bare surname joins the one full name; with two namesakes of equal standing, neither.
    ([(1, "Joe Biden", "PERSON", ()), (2, "Biden", "PERSON", ())], [[0, 1]]),
    ([(1, "Joe Biden", "PERSON", ()), (2, "Hunter Biden", "PERSON", ()), (3, "Biden", "PERSON", ())],
     [[0], [1], [2]]),
    # ... unless its role names one of them, or one is quoted far more often.
    ([(1, "Joe Biden", "PERSON", ("Vice President",)), (2, "Hunter Biden", "PERSON", ("son",)),
      (3, "Biden", "PERSON", ("President",))], [[0, 2], [1]]),
    ([(1, "Barack Obama", "PERSON", ()), (2, "Barack Obama", "PERSON", ()), (3, "Barack Obama", "PERSON", ()),
      (4, "Michelle Obama", "PERSON", ()), (5, "Obama", "PERSON", ())], [[0, 1, 2, 4], [3]]),
    # spaCy's small model calls a lone surname ORG now and then.
    ([(1, "Maria Lopez", "PERSON", ("Senator",)), (2, "Lopez", "ORG", ())], [[0, 1]]),
    # The same role in two places is two people with one name; two roles are one person.
    ([(1, "John Smith", "PERSON", ("Texas Sen.",)), (2, "John Smith", "PERSON", ("Florida Sen.",))],
     [[0], [1]]),
    ([(1, "John Smith", "PERSON", ("Texas Sen.",)), (2, "John Smith", "PERSON", ("Republican Sen.",)),
      (3, "John Smith", "PERSON", ("presidential candidate",))], [[0, 1, 2]]),
    # A nickname or short first name joins when the descriptors agree, not when they differ.
    ([(1, "Rudolph W. Giuliani", "PERSON", ("former mayor of New York City",)),
      (2, "Rudy Giuliani", "PERSON", ("New York City Mayor",))], [[0, 1]]),
    ([(1, "Geoffrey Garin", "PERSON", ("Democratic pollster",)), (2, "Geoff Garin", "PERSON", ())], [[0, 1]]),
    ([(1, "Bob Mason", "PERSON", ("retired letter carrier",)),
      (2, "Robert Mason", "PERSON", ("University of Washington professor",))], [[0], [1]]),
    ([(1, "Dan Smith", "PERSON", ()), (2, "Dana Smith", "PERSON", ())], [[0], [1]]),
    # A bare surname described by its first name goes to that bearer.
    ([(1, "Cecile Richards", "PERSON", ()), (2, "Anne Richards", "PERSON", ()),
      (3, "Richards", "PERSON", ("Cecile",))], [[0, 2], [1]]),
    # An organisation named with its acronym in one article and spelled out in another.
    ([(1, "Simon Rosenberg", "PERSON", ("president of NDN",)),
      (2, "Simon Rosenberg", "PERSON", ("president of the New Democrat Network",))], [[0, 1]]),
    ([(1, "Federal Elections Commission", "ORG", ()), (2, "Federal Election Commission", "ORG", ())],
     [[0, 1]]),
    # An acronym joins the organisation it abbreviates.
    ([(1, "Federal Bureau of Investigation", "ORG", ()), (2, "FBI", "ORG", ())], [[0, 1]]),
    ([(1, "CNN", "ORG", ()), (2, "CNN", "ORG", ())], [[0, 1]]),
])
def test_speakers_across_articles(items, clusters):
    assert _speakers(*items) == clusters


def test_a_speaker_gathers_names_roles_and_acronyms():
    evidence = [SpeakerEvidence(1, 1, "Federal Bureau of Investigation", "ORG", ("agency",), ("FBI", "the bureau"), 2),
                SpeakerEvidence(2, 2, "FBI", "ORG", (), (), 1)]
    (cluster,) = match_speakers(evidence)
    assert (cluster.key, cluster.name, cluster.type, cluster.acronyms, cluster.aliases, cluster.descriptors,
            cluster.articles, cluster.quotes) == (
        "federal bureau of investigation", "Federal Bureau of Investigation", "ORG", ("FBI",), (),
        ("agency",), 2, 3)


def test_a_first_name_in_the_descriptors_outweighs_a_role_conflict():
    """Regression (held-out gold): "Nieto", described "President Enrique Peña", stayed apart
    from Enrique Peña Nieto, "Mexican President": the capitalised words clashed as places."""
    assert _speakers((1, "Enrique Peña Nieto", "PERSON", ("Mexican President",)),
                     (2, "Nieto", "PERSON", ("President Enrique Peña",))) == [[0, 1]]
