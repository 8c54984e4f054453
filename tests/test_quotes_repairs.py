"""Reported clauses the parse hangs in the wrong place, and cue shapes around them:
`As X noted, ...`, `..., X told Y.`, `rushed to TV to say ...`, `said drilling ...`,
`said on Monday during a hearing that ...`. One row per pattern:
(text, [(quote, type, mention, cue)])."""
from __future__ import annotations

import pytest

from .test_quotes import found_with_cues as _found


@pytest.mark.parametrize("text, expected", [
    pytest.param("As the Denver Post noted, the mayor spent more than $2 million on the festival.",
                 [("the mayor spent more than $2 million on the festival", "indirect",
                   "the Denver Post", "noted")],
                 id="as-aside-before-the-clause"),
    pytest.param("The bridge will reopen in the spring, as the governor said.",
                 [("The bridge will reopen in the spring", "indirect", "the governor", "said")],
                 id="as-aside-after-the-clause"),
    pytest.param("After two weeks of talks, the union remains ready to strike in March, its "
                 "president, Maria Lopez, told the Boston Globe.",
                 [("After two weeks of talks, the union remains ready to strike in March", "indirect",
                   "Maria Lopez", "told")],
                 id="trailing-told-with-an-addressee"),
    pytest.param("When the mayor raised the fares, his rivals attacked him, rushing to the radio "
                 "to say he had betrayed the commuters.",
                 [("he had betrayed the commuters", "indirect", "his rivals", "say")],
                 id="infinitive-under-a-controlling-subject"),
    pytest.param("She said banning it could cost thousands of jobs in the northern counties.",
                 [("banning it could cost thousands of jobs in the northern counties", "indirect",
                   "She", "said")],
                 id="clause-hung-on-a-gerund"),
    pytest.param("The council approved the budget, which critics say left a gap in funding for the "
                 "schools.",
                 [("left a gap in funding for the schools", "indirect", "critics", "say")],
                 id="relative-clause-hung-as-a-finite-complement"),
    pytest.param("Garcia said late on Monday during a press briefing that the city may delay the vote.",
                 [("the city may delay the vote", "indirect", "Garcia", "said")],
                 id="that-after-two-adjuncts"),
    pytest.param("But as Okafor noted, the new stadium will need a second exit before it opens.",
                 [("the new stadium will need a second exit before it opens", "indirect", "Okafor",
                   "noted")],
                 id="as-aside-after-a-conjunction"),
    pytest.param("She later likened the meeting to a “trip to the dentist,” according to his memoir.",
                 [("She later likened the meeting to a “trip to the dentist,”", "mixed", "his memoir",
                   "according to")],
                 id="according-after-a-closing-mark"),
    pytest.param("Speaking at the harbor on Friday, the fire chief told Channel Four morning show "
                 "host Dana Reyes, “We will rebuild the pier this year.”",
                 [("We will rebuild the pier this year.", "direct", "the fire chief", "told")],
                 id="told-a-long-addressee-before-the-quote"),
])
def test_repaired_clauses(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("She did not know what to say when the lights went out.", id="infinitive-asking"),
    pytest.param("As she noted the decline in sales, the manager closed the store.",
                 id="as-clause-with-an-object"),
    pytest.param("Voters simply pull the lever for “R,” or “D,” according to their party.",
                 id="according-to-after-quoted-labels"),
])
def test_not_quotes(nlp, text):
    assert _found(nlp, text) == []
