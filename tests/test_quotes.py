"""Quote finding: one case per attribution pattern, on the real model.

Each row gives the text and the expected quotes as (text, type, mention text).
"""
from __future__ import annotations

import pytest

from extractor.quotes import find_quotes


def _found(nlp, text):
    doc = nlp(text)
    quotes = find_quotes(doc)
    for q in quotes:
        assert doc.text[q.start:q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0
    return [(q.text, q.type, q.mention.text if q.mention else None) for q in quotes]


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "“We want more staff,” she said, “and we want them now.”",
        [("We want more staff,", "direct", "she"), ("and we want them now.", "direct", "she")],
        id="interrupted-by-attribution"),
    pytest.param(
        "“This really is about our patients,” said Taluz, who is a licensed therapist.",
        [("This really is about our patients,", "direct", "Taluz")],
        id="inverted-after-quote"),
    pytest.param(
        "Mr Clougherty said: “Priority should be given to reforms that help growth.”",
        [("Priority should be given to reforms that help growth.", "direct", "Mr Clougherty")],
        id="colon-before-quote"),
    pytest.param(
        "The company said in a statement: “We value our therapist colleagues.”",
        [("We value our therapist colleagues.", "direct", "The company")],
        id="in-a-statement"),
    pytest.param(
        "The fire is the largest in state history, according to the Texas A&M Forest Service.",
        [("The fire is the largest in state history", "indirect", "the Texas A&M Forest Service")],
        id="according-to"),
    pytest.param(
        "Dr. Corrine McIntosh Sako said that Kaiser reached out to her three times.",
        [("Kaiser reached out to her three times", "indirect", "Dr. Corrine McIntosh Sako")],
        id="said-that"),
    pytest.param(
        "Russian forces now had the initiative on the battlefield, Putin said.",
        [("Russian forces now had the initiative on the battlefield", "indirect", "Putin")],
        id="clause-then-said"),
    pytest.param(
        "The clinic's psychiatry department, said Ascensio, sees 900 new patients each month.",
        [("The clinic's psychiatry department, said Ascensio, sees 900 new patients each month",
          "indirect", "Ascensio")],
        id="inverted-parenthetical"),
    pytest.param(
        "Patients, she explained, are having to wait as much as three months for appointments.",
        [("Patients, she explained, are having to wait as much as three months for appointments",
          "indirect", "she")],
        id="parenthetical"),
    pytest.param(
        "“Strategic nuclear forces are ready,” he said, noting that new weapons had been deployed.",
        [("Strategic nuclear forces are ready,", "direct", "he"),
         ("new weapons had been deployed", "indirect", "he")],
        id="participle"),
    pytest.param(
        "The senator called the plan “a disaster for working families.”",
        [("the plan “a disaster for working families.”", "mixed", "The senator")],
        id="mixed-naming"),
    pytest.param(
        "Putin said Moscow would not allow the West to “drag” it into an arms race.",
        [("Moscow would not allow the West to “drag” it into an arms race", "mixed", "Putin")],
        id="mixed-clause"),
])
def test_attribution_patterns(nlp, text, expected):
    assert _found(nlp, text) == expected


def test_multi_paragraph_quote_gives_one_quote_per_paragraph(nlp):
    text = ("Mr Clougherty said: “If there is headroom, priority should go to growth.\n\n"
            "“The real prize would be the abolition of stamp duties.”")
    assert _found(nlp, text) == [
        ("If there is headroom, priority should go to growth.", "direct", "Mr Clougherty"),
        ("The real prize would be the abolition of stamp duties.", "direct", None),
    ]


def test_unbalanced_mark_does_not_spoil_the_next_paragraph(nlp):
    # The first paragraph opens a quote and never closes it; the next one must still
    # pair its own marks.
    text = ("He said: “We will fight on to the end.\n\n"
            "Officials disagreed. “Nothing has been decided yet,” the minister said.")
    assert _found(nlp, text) == [
        ("We will fight on to the end.", "direct", "He"),
        ("Nothing has been decided yet,", "direct", "the minister"),
    ]


def test_closing_mark_used_as_opening_mark(nlp):
    # Scraped text glues a closing curly mark to the next sentence (kaiser-strike.txt).
    text = "She joined the strike.”Currently our patients cannot get care,” Soroken said."
    assert _found(nlp, text) == [
        ("Currently our patients cannot get care,", "direct", "Soroken")]


@pytest.mark.parametrize("text", [
    pytest.param("Southeast Asian “superapp” Grab also listed in the U.S. after a merger.",
                 id="scare-quote"),
    pytest.param("The plan to scrap the controversial “non-dom” tax status is still open.",
                 id="scare-quote-mid-sentence"),
    pytest.param("Many posts shared a screenshot from an account called “Mossad Commentary.”",
                 id="name-in-quotes"),
    pytest.param("She reviewed the novel “The Institute for Intelligence and Special Tasks” last year.",
                 id="title-in-quotes"),
])
def test_quoted_words_without_a_speaker_are_not_quotes(nlp, text):
    assert _found(nlp, text) == []


def test_no_two_quotes_share_a_span(nlp):
    text = ("“A strike is the last resort,” she said. “A strike is the last resort,” she said.\n\n"
            "Kaiser said it aims to ensure access, according to a statement.")
    quotes = find_quotes(nlp(text))
    spans = [(q.start, q.end) for q in quotes]
    assert len(spans) == len(set(spans))


@pytest.mark.parametrize("text, expected", [
    # Live blogs and features put a phrase before the quote; it is not the speaker's clause.
    pytest.param("With AI, “I feel like I’m talking in a true no-judgment zone,” Melissa says.",
                 [("I feel like I’m talking in a true no-judgment zone,", "direct", "Melissa")],
                 id="lead-in-phrase-is-not-a-clause"),
    # After a quote that ends its sentence, `He recalls one patient` starts a new one.
    pytest.param("“Ultimately,” Grosz says, “therapy is about two people.” He recalls one patient.",
                 [("Ultimately,", "direct", "Grosz"), ("therapy is about two people.", "direct", "Grosz")],
                 id="next-sentence-is-not-an-attribution"),
    # A list of quoted words is one mixed clause, not quotes of their own.
    pytest.param("Trump says that the judge is “corrupt,” “Trump-hating,” and “unfair,” and that "
                 "he is perpetuating a “hoax.”",
                 [("the judge is “corrupt,” “Trump-hating,” and “unfair,”", "mixed", "Trump"),
                  ("he is perpetuating a “hoax.”", "mixed", "Trump")],
                 id="quoted-list-and-two-that-clauses"),
    # Two sources in one sentence: the parenthetical cue's clause stops where the other begins.
    pytest.param("That will create a unified group, Fernandes said, which is targeting a "
                 "$400 million equity raise, according to Reuters.",
                 [("That will create a unified group", "indirect", "Fernandes"),
                  ("which is targeting a $400 million equity raise", "indirect", "Reuters")],
                 id="parenthetical-then-according-to"),
    # UK style: single marks, with apostrophes and elisions around them.
    pytest.param("The '90s were great. 'We are back,' she said.",
                 [("We are back,", "direct", "she")],
                 id="single-marks-after-an-elision"),
    pytest.param("The workers’ union said it would not strike this year.",
                 [("it would not strike this year", "indirect", "The workers’ union")],
                 id="possessive-apostrophe-is-no-quote"),
])
def test_regressions(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("Nominees were then re-ranked according to their total scores.",
                 id="according-to-as-manner"),
    pytest.param("He spoke at length.\n\n“These Animals Deserve Better”\n\nThe hearing ended.",
                 id="quoted-heading"),
])
def test_regressions_not_quotes(nlp, text):
    assert [q.text for q in find_quotes(nlp(text))] == []
