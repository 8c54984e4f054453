"""Speaker patterns of issue 12, end to end: quote stage, then speakers, on real text.

Each row: an article (paragraphs split by blank lines), one quote's exact text, and the
expected speaker name and the words naming the source (None: no mention).
"""
from __future__ import annotations

import pytest


def _speaker_of(extractor_instance, text: str, quote: str):
    out = extractor_instance.extract(text)
    found = [q for q in out["quotes"] if q["text"] == quote]
    assert len(found) == 1, [(q["text"], q["speaker"]["name"]) for q in out["quotes"]]
    speaker = found[0]["speaker"]
    return speaker["name"], (speaker["mention"] or {}).get("text")


@pytest.mark.parametrize("text, quote, expected", [
    # a second speaker's run: a new person introduced as the paragraph's subject takes
    # the paragraph's pronoun and the bare quote after it, not the previous speaker
    ("“The pay is too low,” said Ana Ruiz, a nurse at the clinic.\n\n"
     "“We cannot hire anyone,” she said.\n\n"
     "Maria Chen, who runs the night shift, was less sure. “I had hoped for a raise,” she said.",
     "I had hoped for a raise,", ("Maria Chen", "she")),
    ("“The pay is too low,” said Ana Ruiz, a nurse at the clinic.\n\n"
     "“We cannot hire anyone,” Ruiz said.\n\n"
     "Maria Chen saw the strike from her office: “Nobody wanted this to happen.”",
     "Nobody wanted this to happen.", ("Maria Chen", "Maria Chen")),
    # a relative pronoun names the source where it speaks; the speaker is its antecedent
    ("Trump was attacking Ted Cruz, who said he would only use waterboarding sparingly.",
     "he would only use waterboarding sparingly", ("Ted Cruz", "who")),
    # the second piece of a split quote: the words that attribute the first name its source
    ("“We will build it,” Tom Baker said. “It is not even hard to do.”", "It is not even hard to do.",
     ("Tom Baker", "Tom Baker")),
    ("“The rules changed,” officials said. “Nobody was told.”", "Nobody was told.", (None, "officials")),
    # a paragraph ending in a colon introduces the quote under it: its subject speaks
    ("“We will win,” said Tom Baker.\n\nHunter Biden’s statement was short. He was also emphatic "
     "about it:\n\n“My father was never involved in my business.”", "My father was never involved in my business.",
     ("Hunter Biden", "He")),
    # a colon introduces the quote: the one named before it speaks
    ("“We won,” said Ann Lee.\n\nThe poll has more. More from Jones: “The partisanship of the state "
     "is a starting point.”", "The partisanship of the state is a starting point.", ("Jones", "Jones")),
    # a document speaks for whoever made it, named by "by"
    ("An exit poll conducted by the Council on American-Islamic Relations suggested that most "
     "voters were angry.", "most voters were angry", ("Council on American-Islamic Relations", "An exit poll")),
    # a participle's speaker is found in the narration, not inside the quotation before it
    ("Kathryn Barger said she backs the ban, “because I am,” adding that the state keeps passing laws.",
     "the state keeps passing laws", ("Kathryn Barger", "Kathryn Barger")),
    # an unnamed source introduced in the paragraph takes the bare quote after it
    ("“We are proud of the work,” said Mark Thompson, the chief executive.\n\nAnother newsroom staffer "
     "chimed in to object to the coverage. “I think a lot of us felt very strongly about it.”",
     "I think a lot of us felt very strongly about it.", (None, "Another newsroom staffer")),
    # "they" after people named by a plural noun are those people, not the body named with them
    ("CNN aired the debate. During the meeting, a half-dozen staffers spoke about CNN’s war coverage. "
     "They said the coverage has weakened the network.", "the coverage has weakened the network",
     (None, "They")),
    # an absolute participle: "with X stating"
    ("Doocy noted that there was no evidence.\n\nThat prompted the following from Brian Kilmeade and "
     "Ainsley Earhardt with Kilmeade stating:\n\n“But man, this looks absolutely terrible.”",
     "But man, this looks absolutely terrible.", ("Brian Kilmeade", "Kilmeade")),
    # a surname two people share goes to the one the article is about
    ("Chris Holden is running for the board. Holden said he would win. Holden added that taxes were "
     "too high. Holden’s father, Nate Holden, was a senator.\n\nBarger said Holden has donors, too. "
     "Holden denied that the money mattered.", "the money mattered", ("Chris Holden", "Holden")),
    # two people of one surname: a courtesy title keeps them apart
    ("Bill Clinton spoke first. Hillary Clinton followed him. “Jobs, jobs, jobs,” Mrs. Clinton said.",
     "Jobs, jobs, jobs,", ("Hillary Clinton", "Mrs. Clinton")),
    ("Bill Clinton spoke first. Hillary Clinton followed him. “We did it,” Mr. Clinton said.",
     "We did it,", ("Bill Clinton", "Mr. Clinton")),
    # unnamed sources: no name, the source's own words; a spokesperson speaks for the
    # organisation named with them
    ("Officials said the road would reopen on Monday.", "the road would reopen on Monday", (None, "Officials")),
    ("Experts say the virus is spreading.", "the virus is spreading", (None, "Experts")),
    ("A spokesperson for Acme Corp. said the plant would stay open.", "the plant would stay open",
     ("Acme Corp.", "A spokesperson")),
    # nominal speakers: a body by its kind, a unit against its parent, an office by its holder
    ("The Federal Trade Commission sued Acme on Monday. The commission said the deal hurt buyers.",
     "the deal hurt buyers", ("Federal Trade Commission", "The commission")),
    ("Acme Labs, the research arm of Acme Corp., said the drug worked. The lab said more trials "
     "would follow.", "more trials would follow", ("Acme Labs", "The lab")),
    ("Mayor Tom Hill left early. The mayor's office said he was ill.", "he was ill",
     ("Tom Hill", "The mayor's office")),
    # he with two men in play: the one the narration just made its subject
    ("John Smith met Peter Hall in Ottawa. Smith said the talks went well. Hall disagreed. He said "
     "nothing had changed.", "nothing had changed", ("Peter Hall", "He")),
    # descriptive speakers in features: the person in focus, named paragraphs before
    ("“Nothing changed,” said the 52-year-old owner, Tom Baker.\n\nBaker opened the shop in "
     "1990.\n\n“It was hard,” says the soft-spoken Leeds native.", "It was hard,",
     ("Tom Baker", "the soft-spoken Leeds native")),
    ("“Nothing changed,” said Tom Baker.\n\nBaker opened the shop in 1990.\n\n"
     "“I never gave up,” the veteran organizer says.", "I never gave up,", ("Tom Baker", "the veteran organizer")),
    # ... but a noun the narration used before goes on naming that unnamed someone
    ("A whistleblower complained about the office. Tom Baker runs it.\n\n“The halls are empty,” "
     "the whistleblower said.", "The halls are empty,", (None, "the whistleblower")),
    # titles and roles glued onto a name; a place after the name is no part of it
    ("“We will march again,” said Organizer Jane Roe.", "We will march again,", ("Jane Roe", "Organizer Jane Roe")),
    ("“It was cold,” said Peter Hall, of Fresno, Calif.", "It was cold,", ("Peter Hall", "Peter Hall")),
    # a province after a city is a place, not the next quote's speaker
    ("“It was cold,” said Peter Hall of Kingston, Ont. “We left early,” he said.", "We left early,",
     ("Peter Hall", "he")),
    # a photo credit names nobody the article talks about
    ("Photo: Jane Roe / Metro News\n\nThe mayor said the budget was fixed.", "the budget was fixed",
     (None, "The mayor")),
])
def test_speaker_pattern(extractor_instance, text, quote, expected):
    assert _speaker_of(extractor_instance, text, quote) == expected


@pytest.mark.parametrize("text, quote, expected", [
    # several named sources: every member, no single name
    ("Ana and Luis Ortega said they would not sell the farm.", "they would not sell the farm",
     ("Ana and Luis Ortega", ("Ana Ortega", "Luis Ortega"))),
    ("The panelists — Maria Gomez, Peter Hall and Sunita Rao — said the rules were unfair.",
     "the rules were unfair", ("Maria Gomez, Peter Hall and Sunita Rao", ("Maria Gomez", "Peter Hall", "Sunita Rao"))),
])
def test_group_speaker_names_every_member(extractor_instance, text, quote, expected):
    out = extractor_instance.extract(text)
    speaker = next(q for q in out["quotes"] if q["text"] == quote)["speaker"]
    mention, members = expected
    assert (speaker["name"], speaker["mention"]["text"], tuple(speaker["members"])) == (None, mention, members)
