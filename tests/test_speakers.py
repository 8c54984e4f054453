"""Speakers: each quote's source mention resolved to one entity.

Candidates are built by hand here (the quote stage has tests of its own): the quote is
the first occurrence of its text, the mention the given occurrence of its words.
"""
from __future__ import annotations

import re

import pytest

from extractor.entities.finding import find_entities
from extractor.pipeline import with_speaker_entities
from extractor.records import QuoteCandidate, Span
from extractor.speakers.resolve import resolve_speakers


def _cand(text: str, quote: str, mention: str | None, *, nth: int = 0,
          kind: str = "direct") -> QuoteCandidate:
    start = text.index(quote)
    span = None
    if mention is not None:
        at = [m.start() for m in re.finditer(rf"\b{re.escape(mention)}\b", text)][nth]
        span = Span(mention, at, at + len(mention))
    return QuoteCandidate(text=quote, start=start, end=start + len(quote), type=kind, mention=span)


def _resolve(nlp, text, *cands):
    doc = nlp(text)
    entities = find_entities(doc)
    resolution = resolve_speakers(doc, list(cands), entities)
    return list(resolution.quotes), with_speaker_entities(entities, resolution)


def _speaker(nlp, text, quote, mention, **kw):
    quotes, _ = _resolve(nlp, text, _cand(text, quote, mention, **kw))
    return quotes[0].speaker.name, quotes[0].speaker.resolution


@pytest.mark.parametrize("text, quote, mention, nth, expected", [
    # explicit full name, with a pre-modifier in the mention
    ("Not so, said striker Tanya Taluz. “We fight for our patients,” said striker Tanya Taluz.",
     "We fight for our patients", "striker Tanya Taluz", 1, ("Tanya Taluz", "explicit")),
    # surname only -> the full name
    ("Tanya Taluz joined the picket line. “We fight for our patients,” Taluz said.",
     "We fight for our patients", "Taluz", 0, ("Tanya Taluz", "explicit")),
    # she -> the woman, with a man named in between
    ("Maria Lopez has worked at the clinic for a decade. Her colleague John Peterson left last year. "
     "“We cannot keep up,” she said.", "We cannot keep up", "she", 0, ("Maria Lopez", "pronoun")),
    # he -> the man, with a woman named in between
    ("Mayor Robert Haines spoke on Monday. Council member Susan Clarke had asked for the meeting. "
     "“The budget is fixed,” he said.", "The budget is fixed", "he", 0, ("Robert Haines", "pronoun")),
    # it -> the organisation
    ("Kaiser Permanente did not disclose the number of therapists still out, but it said, "
     "“All patients will receive care.”", "All patients will receive care.", "it", 0,
     ("Kaiser Permanente", "pronoun")),
    # they -> the organisation
    ("A reporter reached out to Kaiser Permanente for waiting times. While they did not answer "
     "questions, they sent a statement: “Our doctors are trained to help.”",
     "Our doctors are trained to help.", "they", 1, ("Kaiser Permanente", "pronoun")),
    # nominal organisation noun -> the organisation
    ("Kaiser Permanente issued a statement on Monday. The company noted that talks have gone on "
     "since last summer.", "talks have gone on since last summer", "The company", 0,
     ("Kaiser Permanente", "nominal")),
    # a company-like noun skips a union named more recently
    ("“We value our therapists,” said Kaiser Permanente. The company is negotiating with the "
     "National Union of Healthcare Workers (NUHW). The healthcare provider asserted that the "
     "union wants money.", "the union wants money", "The healthcare provider", 0,
     ("Kaiser Permanente", "nominal")),
    # role noun -> the person with that descriptor
    ("Dr. Corrine McIntosh Sako, a licensed clinical psychologist, declined the offer. Sarah Soroken "
     "joined the picket. The psychologist also stressed that care is slow.", "care is slow",
     "The psychologist", 0, ("Corrine McIntosh Sako", "nominal")),
    # acronym resolved to its expansion
    ("The National Union of Healthcare Workers (NUHW) represents therapists. NUHW said the strike "
     "will go on.", "the strike will go on", "NUHW", 0, ("National Union of Healthcare Workers", "explicit")),
    # short form resolved to the full name
    ("Kaiser Permanente runs clinics across California. Not so, said Kaiser in a statement.",
     "Not so", "Kaiser", 1, ("Kaiser Permanente", "explicit")),
    # misspelt surname -> the person
    ("The action informed the public, according to Sandra Ascencio, a social worker. The clinic, "
     "said Ascensio, sees 900 new patients each month.", "sees 900 new patients each month",
     "Ascensio", 0, ("Sandra Ascencio", "explicit")),
    # spokesperson tied to an organisation -> the organisation
    ("Kaiser Permanente runs clinics. “Care continues,” a Kaiser spokesperson said.",
     "Care continues", "a Kaiser spokesperson", 0, ("Kaiser Permanente", "nominal")),
    # an organisation's staff are not its voice
    ("CNN aired the report on Monday. Several CNN staffers said the coverage was unfair.",
     "the coverage was unfair", "Several CNN staffers", 0, (None, None)),
    # an unidentified source stays unnamed
    ("Kaiser Permanente runs clinics. “The fire spread fast,” a spokesperson said.",
     "The fire spread fast", "a spokesperson", 0, (None, None)),
    # a person's attorneys are not the person
    ("Donald Trump lost the case. Trump’s attorneys argued that the fine was excessive.",
     "the fine was excessive", "Trump’s attorneys", 0, (None, None)),
    # a capitalised office is a role, not a name
    ("Rishi Sunak hinted at a tax cut on Friday. Asked about it, the Prime Minister said: "
     "“Hard work should be rewarded.”", "Hard work should be rewarded.", "the Prime Minister", 0,
     ("Rishi Sunak", "nominal")),
    # "former president X" is not "the president"
    ("Former President Donald Trump mocked the joke on Tuesday. President Joe Biden had made it on "
     "television. “He forgot his own wife’s name,” the president said.", "He forgot his own wife’s name",
     "the president", 0, ("Joe Biden", "nominal")),
    # a spokesperson for an organisation speaks for it
    ("Kaiser Permanente runs clinics across California. A spokesman for Kaiser Permanente said the "
     "clinics remain open.", "the clinics remain open", "A spokesman for Kaiser Permanente", 0,
     ("Kaiser Permanente", "nominal")),
    # a possessive pronoun on a document: whose document it is
    ("The fire forced the brief closure of the Pantex Plant. The plant resumed normal operations, "
     "according to its website.", "The plant resumed normal operations", "its website", 0,
     ("Pantex Plant", "pronoun")),
    # "they" after a group of people is those people, not the organisation
    ("CNN held a meeting in February. During the meeting, a dozen staffers spoke about the coverage. "
     "They said the coverage had hurt the network.", "the coverage had hurt the network", "They", 0,
     (None, None)),
    # a body nobody named stays unnamed
    ("Kaiser Permanente runs clinics. An animal rights organization said the clinics were dirty.",
     "the clinics were dirty", "An animal rights organization", 0, (None, None)),
    # a body named by a nationality becomes an entity of its own
    ("Mossad did not post the message. The Israeli military said the account is fake.",
     "the account is fake", "The Israeli military", 0, ("Israeli military", "nominal")),
    # whose writing or figures they are
    ("The Mortgage Bankers Association tracks loans. Volume dropped 5% last week, according to the "
     "Mortgage Bankers Association's weekly index.", "Volume dropped 5% last week",
     "the Mortgage Bankers Association's weekly index", 0, ("Mortgage Bankers Association", "nominal")),
    # "the paper" is the newspaper just named
    ("An officer was hurt, according to the Washington Post. In October, another officer was shot, "
     "the paper reported.", "another officer was shot", "the paper", 0, ("Washington Post", "nominal")),
    # an indefinite role is someone new, even when a named person shares the role
    ("Jane Porter is a drama teacher in Atlanta. Years ago a drama teacher told him to relax.",
     "to relax", "a drama teacher", 0, (None, None)),
    # a brand written with "'s" keeps it (regression: resolved to "Macy")
    ("Macy’s said on Tuesday that it would close 150 stores over three years. Shoppers at Macy’s "
     "flagship in Manhattan were unmoved. “We are building a healthier business,” Macy’s said.",
     "We are building a healthier business", "Macy’s", 1, ("Macy’s", "explicit")),
    # he -> the subject of the sentence before, not its object (neither first name gives a gender)
    ("Sheriff Olek Brzezinski met county commissioner Tadeusz Nowak on Monday to discuss the jail. He "
     "said the budget could not cover new guards.", "the budget could not cover new guards", "He", 0,
     ("Olek Brzezinski", "pronoun")),
    # an organisation's name with a capitalised function word, and its acronym
    ("Americans For Citizens Voting (ACV) said the new map diluted Black votes.",
     "the new map diluted Black votes", "Americans For Citizens Voting", 0,
     ("Americans For Citizens Voting", "explicit")),
    ("Americans For Citizens Voting (ACV) said the new map diluted Black votes. The state has appealed, "
     "but ACV said it expects to win.", "it expects to win", "ACV", 1,
     ("Americans For Citizens Voting", "explicit")),
    # a document speaks for whoever issued it earlier in the text
    ("Kaiser Permanente said in a statement on Monday that clinics would stay open during the strike. "
     "The statement said patients with urgent needs would be seen by managers.",
     "patients with urgent needs would be seen by managers", "The statement", 0, ("Kaiser Permanente", "nominal")),
    ("The National Union of Healthcare Workers filed a lawsuit against Alameda County in March. The "
     "lawsuit alleges that the county ignored staffing rules at two hospitals.",
     "the county ignored staffing rules at two hospitals", "The lawsuit", 0,
     ("National Union of Healthcare Workers", "nominal")),
    ("Attorneys for Exxon Mobil filed a brief with the appeals court on Friday. The brief argues that the "
     "state lacks jurisdiction over emissions abroad.", "the state lacks jurisdiction over emissions abroad",
     "The brief", 0, ("Exxon Mobil", "nominal")),
    ("A report released by the Government Accountability Office on Tuesday found gaps in oversight. The "
     "report said the agency had not tracked spending since 2020.",
     "the agency had not tracked spending since 2020", "The report", 0,
     ("Government Accountability Office", "nominal")),
    # a document no one is named as issuing: the nominal stays the source, unresolved
    ("Wait times at emergency rooms have grown. The report found that patients waited six hours on average.",
     "patients waited six hours on average", "The report", 0, (None, "nominal")),
    ("Kaiser Permanente runs clinics. A new survey found that most patients waited a week.",
     "most patients waited a week", "A new survey", 0, (None, "nominal")),
    # "the account" is the account the article named
    ("Several posts came from an account called Truth Patriots Daily. Another post from the account "
     "claimed that the vote had been rigged.", "the vote had been rigged", "the account", 0,
     ("Truth Patriots Daily", "nominal")),
    # "his mother, Ernestine" is a woman, and "introduced him" is not about herself
    ("Marcus Bell grew up in Ohio. A fortune-teller told his mother, Ernestine, that the boy would be "
     "famous. Ernestine introduced him to his aunts as a future star. “I was always anointed,” he told me.",
     "I was always anointed", "he", 0, ("Marcus Bell", "pronoun")),
    # a document a newspaper published speaks for the paper, not for someone quoted in it
    ("Maria Gonzalez was quoted in a New York Times article about the strike in May. The article said "
     "the union had lost members.", "the union had lost members", "The article", 0, ("New York Times", "nominal")),
    # a sentence's first word is capitalised, not a name
    ("Attorneys for Exxon Mobil said the state lacks jurisdiction over emissions abroad.",
     "the state lacks jurisdiction over emissions abroad", "Attorneys for Exxon Mobil", 0,
     ("Exxon Mobil", "nominal")),
])
def test_resolution(nlp, text, quote, mention, nth, expected):
    assert _speaker(nlp, text, quote, mention, nth=nth) == expected


def test_org_tagged_person_speaks(nlp):
    # spaCy tags this "Delgado" ORG; it is Maria Delgado's surname.
    text = ("Maria Delgado runs the clinic. “We are full,” Delgado said. "
            "The clinic is small, Delgado explained, and she wants more staff.")
    assert _speaker(nlp, text, "The clinic is small", "Delgado", nth=2) == ("Maria Delgado", "explicit")


def test_adjacent_paragraph_continues_the_speaker(nlp):
    text = ("“We value our staff,” said Tanya Taluz.\n\n“We will keep going.”\n\n"
            "The weather was mild.\n\nOfficials met.\n\n“Nobody knows.”")
    quotes, _ = _resolve(nlp, text, _cand(text, "We value our staff", "Tanya Taluz"),
                         _cand(text, "We will keep going.", None), _cand(text, "Nobody knows.", None))
    assert [(q.id, q.speaker.name, q.speaker.resolution) for q in quotes] == [
        ("Q1", "Tanya Taluz", "explicit"), ("Q2", "Tanya Taluz", "adjacent"), ("Q3", None, None)]


def test_name_missed_by_ner_gets_an_entity(nlp):
    text = "Researchers disagree. “People with sleep apnea sleep less,” WebMD wrote in May."
    quotes, entities = _resolve(nlp, text, _cand(text, "People with sleep apnea sleep less", "WebMD"))
    speaker = quotes[0].speaker
    assert (speaker.name, speaker.resolution) == ("WebMD", "explicit")
    assert [e.name for e in entities if e.id == speaker.entity] == ["WebMD"]


def test_speakers_add_entities_without_renumbering(nlp):
    """Issue 11: ids are given once, by the entity stage; a source NER missed gets the
    next id, and the entity stage's records keep theirs."""
    text = ("Harvard University ran the study. “People with sleep apnea sleep less,” WebMD wrote "
            "in May, citing Harvard University.")
    doc = nlp(text)
    entities = find_entities(doc)
    resolution = resolve_speakers(doc, [_cand(text, "People with sleep apnea sleep less", "WebMD")], entities)
    assert [(e.id, e.name) for e in resolution.entities] == [(f"E{len(entities) + 1}", "WebMD")]
    assert resolution.quotes[0].speaker.entity == resolution.entities[0].id
    before = {e.id: e.name for e in entities}
    assert {e.id: e.name for e in with_speaker_entities(entities, resolution) if e.id in before} == before


def test_quotes_numbered_in_text_order_and_entities_extended(nlp):
    text = "Tanya Taluz spoke. “Second,” she said. “First,” said Taluz."
    second, first = _cand(text, "Second", "she"), _cand(text, "First", "Taluz", nth=1)
    quotes, entities = _resolve(nlp, text, first, second)
    assert [(q.id, q.text) for q in quotes] == [("Q1", "Second"), ("Q2", "First")]
    taluz = next(e for e in entities if e.name == "Tanya Taluz")
    assert [m.text for m in taluz.mentions] == ["Tanya Taluz", "she", "Taluz"]
    assert quotes[0].speaker.entity == taluz.id == "E1"


def test_unresolved_document_is_less_sure_than_a_resolved_one(nlp):
    text = ("Kaiser Permanente said in a statement that clinics would stay open. The statement said "
            "managers would see patients. A new survey found that most patients waited a week.")
    quotes, _ = _resolve(nlp, text, _cand(text, "managers would see patients", "The statement"),
                         _cand(text, "most patients waited a week", "A new survey"))
    assert [q.speaker.entity is not None for q in quotes] == [True, False]
    assert quotes[1].confidence < quotes[0].confidence
