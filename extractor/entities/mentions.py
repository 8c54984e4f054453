"""Entity mentions: spaCy's NER spans cleaned into names, with their labels repaired.

Steps 1 and 2 of `entities.find_entities`:
1. Clean each NER mention: cut at line breaks, quote marks and commas, drop a leading
   "the", a possessive "'s" (not a brand's: "Macy's said") and (for people) courtesy
   titles; a name spelled out before "(ACV)" is one mention, whatever NER made of it.
2. Repair spaCy's labels from context: a surname of a known person, a "first name +
   surname" or a one-word subject of "said" followed by he/she is a PERSON.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..lexicon.speech import FINITE_TAGS, REPORTING_VERBS
from ..lexicon.names import (FEMALE_FIRST_NAMES, FEMALE_TITLES, MALE_FIRST_NAMES, MALE_TITLES, NAME_TITLES,
                             ORG_NOUN_KINDS, ORG_UNIT_WORDS, PLACE_ABBREVIATIONS, ROLE_NOUNS)
from .names import name_key

# Sentences after a one-word "ORG" subject of a speech verb within which a he/she marks it as a person.
PRONOUN_REPAIR_SENTENCES = 2

FIRST_NAMES = FEMALE_FIRST_NAMES | MALE_FIRST_NAMES
FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "at", "&", "to", "de"})
_LEADING_TITLES = re.compile(r"(?:(?:%s)\s+)*" % "|".join(
    re.escape(t) for t in sorted(NAME_TITLES, key=len, reverse=True)), re.IGNORECASE)
# "X, America's ...", "X (FCDO", a credit "Jane Roe / Metro News" (not "AC/DC")
_PIECE_END = re.compile(r",|\s\(|\s/|/\s")
# A credit or byline line: a label ("Photo:", "Image by", "By"), or a short line with a
# name, a spaced slash and an outlet ("Jane Roe / Reuters"); 80 characters hold a long
# name and outlet, far less than a sentence of news.
_CREDIT_LINE = re.compile(r"^[^\S\n]*(?:\(?(?:photo|photograph|image|picture|video|illustration|graphic|credit)s?"
                          r"\b[^\n]{0,80}|by\s[^\n]{0,80}|[^\n]{0,40}\w\s/\s[A-Z][^\n]{0,40})$",
                          re.IGNORECASE | re.MULTILINE)
_WORD_SPAN = re.compile(r"\S+")
# Endings of nouns for someone who does something ("organizer", "activist", "historian").
_ROLE_ENDINGS = ("er", "or", "ist", "ian")
_SEGMENT_BREAK = re.compile(r"[\n\"\u201c\u201d]+")
_LEADING_THE = re.compile(r"(?:the|The|THE|a|an)\s+")
_TRAILING_POSSESSIVE = re.compile(r"['\u2018\u2019]s?$")
_POSSESSIVE_AFTER = re.compile(r"['\u2018\u2019]s\b")
_NAME_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})   # no "poss"
_BRACKETED_ACRONYM = re.compile(r"\(((?=(?:[^)]*[A-Z]){2})[A-Z][A-Za-z&.\-]{1,11})\)")   # two capitals at least
# Words looked at before "(ACV)" for the name it stands for: a few function words past
# one per letter ("Americans For Citizens Voting", "Department of Homeland Security").
ACRONYM_EXTRA_WORDS = 4


@dataclass
class Mention:
    """One cleaned NER mention; its label may still be repaired (step 2)."""
    start: int
    end: int
    text: str
    label: str
    span: SpacySpan | None
    suffix_end: int | None = None   # end with the "'s" after the name, if one follows it
    brand: bool = False             # that "'s" is no possessive here: it is part of the name
    title_gender: str | None = None  # "male" after Mr., "female" after Mrs./Ms.

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.split())


def clean_mentions(doc: Doc, text_of_doc: str, ent: SpacySpan) -> list[Mention]:
    """Step 1: the cleaned pieces of one NER mention, each with exact offsets."""
    out = []
    pos = ent.start_char
    for piece in _SEGMENT_BREAK.split(ent.text):
        start = text_of_doc.find(piece, pos) if piece else -1
        if start < 0:
            continue
        pos = start + len(piece)
        piece = _PIECE_END.split(piece)[0]
        begin, end = start, start + len(piece)
        while begin < end and not text_of_doc[begin].isalnum():
            begin += 1
        while end > begin and not (text_of_doc[end - 1].isalnum() or text_of_doc[end - 1] in ".)"):
            end -= 1
        match = _LEADING_THE.match(text_of_doc, begin, end)
        if match:
            begin = match.end()
        poss = _TRAILING_POSSESSIVE.search(text_of_doc[begin:end])
        after = _POSSESSIVE_AFTER.match(text_of_doc, end)
        suffix_end = end if poss and poss.group().endswith("s") else after.end() if after else None
        if poss and end - begin > 2:
            end = begin + poss.start()
        title_gender = None
        if ent.label_ == "PERSON":
            titled = _LEADING_TITLES.match(text_of_doc, begin, end)
            title_gender = _title_gender(titled.group())
            begin = _after_leading_role(text_of_doc, titled.end(), end)
        text = text_of_doc[begin:end]
        if len(text) < 2 or not any(c.isupper() for c in text):
            continue
        span = doc.char_span(begin, end, alignment_mode="expand")
        # "Macy's said", "at Macy's on Friday": the name itself is a subject or object and no
        # noun phrase follows its "'s" ("Tate's new record", "BAM's once rich", "Adams's
        # “El Niño”"), so the "'s" is no possessive, nor a contraction ("Trump's been").
        after = [t for t in doc[span.end:span.end + 2]] if span is not None else []
        brand = suffix_end is not None and len(after) == 2 and after[0].tag_ == "POS" \
            and span[-1].dep_ in _NAME_ROLES and (after[1].tag_ in FINITE_TAGS
                                                  or after[1].tag_ == "IN" or after[1].text == ".")
        if ent.label_ == "PERSON" and title_gender is None and span is not None and span.start > 0:
            title_gender = _title_gender(doc[span.start - 1].text)     # NER left "Mr." out
        out.append(Mention(begin, end, text, ent.label_, span, suffix_end, brand, title_gender))
    return out


def _title_gender(titles: str) -> str | None:
    """'male' for "Mr.", 'female' for "Mrs." / "Ms.", else None."""
    words = {w.lower() for w in titles.split()}
    return "male" if words & MALE_TITLES else "female" if words & FEMALE_TITLES else None


def _after_leading_role(text: str, begin: int, end: int) -> int:
    """Where a person's name starts past a role and what precedes it, glued on by NER:
    "Organizer Jane Roe", "Microsoft President Brad Smith" -> the name. A role is a
    known role noun, or (with two name words left) a word ending like one ("Organizer")."""
    words = list(_WORD_SPAN.finditer(text, begin, end))
    cut = None
    for i, word in enumerate(words[:-1]):
        low = word.group().lower().rstrip(".")
        if low in FIRST_NAMES:
            break
        if low in ROLE_NOUNS or low in NAME_TITLES or (
                len(words) - i > 2 and low.endswith(_ROLE_ENDINGS) and word.group()[:1].isupper()):
            cut = i
    return words[cut + 1].start() if cut is not None else begin


def drop_credit_lines(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names in a photo credit or byline line ("Photo: Jane Roe / Metro News", "By Jane
    Roe") are not people the article talks about: a photographer is nobody's antecedent."""
    lines = [(m.start(), m.end()) for m in _CREDIT_LINE.finditer(text)]
    if not lines:
        return mentions
    return [m for m in mentions if not any(s <= m.start < e for s, e in lines)]


def keep_brand_possessives(text: str, mentions: list[Mention]) -> None:
    """'Macy's said': a name written with "'s" where no possessive fits, and never
    without it (nor as the start of a longer name, "Kaiser Permanente"), keeps the "'s"
    in every mention; "Kaiser's union" stays "Kaiser"."""
    bare = {name_key(m.text) for m in mentions if m.suffix_end is None} | \
        {name_key(w) for m in mentions if len(m.words) > 1 for w in (m.words[0], m.words[-1])}
    brands = {name_key(m.text) for m in mentions if m.brand} - bare
    for m in mentions:
        if m.suffix_end is not None and name_key(m.text) in brands:
            m.end, m.label = m.suffix_end, "ORG"    # "Kohl's", tagged a person, is a business
            m.text = text[m.start:m.end]


def initials(words: tuple[str, ...]) -> str:
    """'Department of Homeland Security' -> 'DHS': capitalised words, function words skipped."""
    return "".join(w[0] for w in words if w.lower() not in FUNCTION_WORDS and w[:1].isupper())


def expand_acronyms(doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """'Americans For Citizens Voting (ACV)': the capitalised words whose initials make the
    acronym in brackets after them are one organisation, whatever pieces NER made of them
    (here "Americans" NORP and "Citizens Voting" ORG); the acronym is a mention of it."""
    known = sorted((m.start, m.end) for m in mentions)
    starts = [b for b, _ in known]

    def covered(span: SpacySpan) -> bool:       # NER mentions never overlap one another
        j = bisect.bisect_right(starts, span.start_char) - 1
        return j >= 0 and known[j][1] >= span.end_char

    found = []
    for match in _BRACKETED_ACRONYM.finditer(text):
        bracket = doc.char_span(match.start(), match.start() + 1)
        i = bracket.start if bracket is not None else len(doc)
        acronym = match.group(1)
        if i + 2 >= len(doc) or doc[i + 1].text != acronym or doc[i + 2].text != ")":
            continue
        letters = acronym.replace(".", "").upper()
        for k in range(i - 1, max(-1, i - len(letters) - ACRONYM_EXTRA_WORDS - 1), -1):
            word, words = doc[k], tuple(t.text for t in doc[k:i])
            if word.is_punct or not (word.is_title or word.is_upper or word.lower_ in FUNCTION_WORDS):
                break
            if len(words) >= 2 and word.lower_ not in FUNCTION_WORDS and letters in (
                    initials(words).upper(), "".join(w[0] for w in words).upper()):   # "DoD"
                found += [s for s in (doc[k:i], doc[i + 1:i + 2]) if not covered(s)]
                break
    if not found:
        return mentions
    ends = [s.end_char for s in found]      # in text order, none overlapping
    kept = [m for m in mentions if (j := bisect.bisect_right(ends, m.start)) == len(found)
            or found[j].start_char >= m.end]
    return sorted(kept + [Mention(s.start_char, s.end_char, s.text, "ORG", s) for s in found],
                  key=lambda m: m.start)


def _said_then_pronoun(doc: Doc, m: Mention) -> bool:
    """A one-word mention that is the subject of a speech verb and is followed by he/she."""
    if m.span is None or len(m.span) != 1:
        return False
    tok = m.span.root
    if tok.dep_ != "nsubj" or tok.head.lemma_ not in REPORTING_VERBS:
        return False
    sent = tok.sent
    end = sent.end
    for _ in range(PRONOUN_REPAIR_SENTENCES):
        if end < len(doc):
            end = doc[end].sent.end
    for other in doc[tok.i + 1:end]:
        if other.ent_type_ == "PERSON":
            return False
        if other.lower_ in ("he", "she") and other.pos_ == "PRON":
            return True
    return False


def repair_labels(doc: Doc, mentions: list[Mention]) -> None:
    """Step 2: fix spaCy's labels from the rest of the article (in place)."""
    text = doc.text     # built anew on every access: read it once
    for m in mentions:      # "Crystal Heath" tagged PRODUCT: a first name and a capitalised surname
        if (m.label != "PERSON" and 2 <= len(m.words) <= 3 and m.words[0].lower() in FIRST_NAMES
                and all(w[:1].isupper() for w in m.words)
                and not any(w.lower() in ORG_UNIT_WORDS or w.lower() in ORG_NOUN_KINDS for w in m.words)):
            m.label = "PERSON"
    for m in mentions:      # "Kingston, Ont.": a state or province after a city is a place
        if name_key(m.text) in PLACE_ABBREVIATIONS and text[max(0, m.start - 3):m.start].rstrip().endswith(",") \
                and (m.text.endswith(".") or text[m.end:m.end + 1] == "."):
            m.label = "GPE"
    for m in mentions:      # "Acme Labs", "Gates Foundation" tagged PERSON: a body's noun ends it
        last = m.words[-1].lower()
        if m.label == "PERSON" and len(m.words) > 1 and (last in ORG_UNIT_WORDS or last.rstrip("s") in ORG_NOUN_KINDS):
            m.label = "ORG"
    surnames = {name_key(m.words[-1]) for m in mentions if m.label == "PERSON" and len(m.words) > 1}
    org_words = {name_key(w) for m in mentions if m.label == "ORG" and len(m.words) > 1 for w in m.words}
    for m in mentions:      # one word: a known surname, or a subject of "said" followed by he/she
        key = name_key(m.text)
        if len(m.words) > 1:
            continue
        if m.label == "PERSON" and key in org_words and key not in surnames:
            m.label = "ORG"
        elif m.label != "PERSON" and ((key in surnames and key not in org_words) or _said_then_pronoun(doc, m)):
            m.label = "PERSON"
    # One text, one label: the majority wins, a person on a tie (people are the sources).
    votes: dict[str, Counter] = {}
    for m in mentions:
        votes.setdefault(name_key(m.text), Counter())[m.label] += 1
    for m in mentions:
        counts = votes[name_key(m.text)]
        best = max(counts.values())
        m.label = "PERSON" if counts["PERSON"] == best else counts.most_common(1)[0][0]
