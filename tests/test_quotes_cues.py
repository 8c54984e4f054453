"""Quote finding beyond `said`: stances, findings, naming, beliefs, interview questions,
speaker labels, framed answers, archive quote marks; and what is no quote (markup,
titles, section labels). One row per pattern: (text, [(quote, type, mention, cue)])."""
from __future__ import annotations

import pytest

from .test_quotes import found_with_cues as _found


@pytest.mark.parametrize("text, expected", [
    pytest.param("Sen. Ted Cruz endorsed Marco Rubio on Tuesday.",
                 [("Marco Rubio", "indirect", "Sen. Ted Cruz", "endorsed")],
                 id="stance-object"),
    pytest.param("Clinton vowed to repeal the tax cuts for the wealthiest Americans.",
                 [("to repeal the tax cuts for the wealthiest Americans", "indirect", "Clinton", "vowed")],
                 id="stance-infinitive"),
    pytest.param("Khamenei blamed Western culture for the self-immolation of the airman.",
                 [("Western culture for the self-immolation of the airman", "indirect", "Khamenei",
                   "blamed")],
                 id="blamed-for"),
    pytest.param("Sanders criticized Clinton for her vote on the Iraq war.",
                 [("Clinton for her vote on the Iraq war", "indirect", "Sanders", "criticized")],
                 id="criticized-for"),
    pytest.param("A poll by Quinnipiac University showed Trump leading the field with 31 percent.",
                 [("Trump leading the field with 31 percent", "indirect", "A poll", "showed")],
                 id="finding-of-a-record"),
    pytest.param("The report noted the rise in violent crime across the state.",
                 [("the rise in violent crime across the state", "indirect", "The report", "noted")],
                 id="speech-verb-with-object"),
    pytest.param("Trump called his rival a total loser at the rally.",
                 [("his rival a total loser at the rally", "indirect", "Trump", "called")],
                 id="naming-without-quote-marks"),
    pytest.param("Many Republicans believe the nominee will lose in November.",
                 [("the nominee will lose in November", "indirect", "Many Republicans", "believe")],
                 id="belief-clause-unnamed-source"),
    pytest.param("Trump wants to build a wall along the southern border.",
                 [("to build a wall along the southern border", "indirect", "Trump", "wants")],
                 id="intention-of-a-named-subject"),
    pytest.param("Asked about her vote in November, she replied: “I don’t know. I’m going to see "
                 "what happens.”",
                 [("about her vote in November", "indirect", None, "Asked"),
                  ("I don’t know. I’m going to see what happens.", "direct", "she", "replied")],
                 id="interview-question"),
    pytest.param("TRUMP: We are going to win so much that you will get tired of winning.",
                 [("We are going to win so much that you will get tired of winning.", "direct",
                   "TRUMP", None)],
                 id="transcript-speaker-label"),
    pytest.param("Sanders: Clinton Email Story Has Moved.\n\nBernie Sanders spoke to reporters in "
                 "Iowa on Sunday.",
                 [("Clinton Email Story Has Moved.", "direct", "Sanders", None)],
                 id="headline-speaker-label"),
    pytest.param("“Was it stolen?” Fridman asked.\n\nCarlson replied:\n\nOne hundred percent. And "
                 "then you censor the information people get.",
                 [("Was it stolen?", "direct", "Fridman", "asked"),
                  ("One hundred percent. And then you censor the information people get.", "direct",
                   "Carlson", "replied")],
                 id="answer-after-a-frame-without-marks"),
    pytest.param("''It is all lies,'' Mr. Putin said.",
                 [("It is all lies,", "direct", "Mr. Putin", "said")],
                 id="two-apostrophes-as-a-double-mark"),
])
def test_cue_patterns(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("Scorers looked for ways in which nominees reject traditional models of leadership.",
                 id="stance-in-a-manner-clause"),
    pytest.param("THE FACTS: The bill passed the Senate in March with 60 votes.",
                 id="section-label"),
    pytest.param("“Drive-Away Dolls” is the first of a projected trilogy from the couple.",
                 id="quoted-title"),
    pytest.param('<tweet author="HillaryClinton" timestamp="1449075600">We need action now.</tweet>',
                 id="markup-attribute-values"),
])
def test_not_quotes(nlp, text):
    assert _found(nlp, text) == []
