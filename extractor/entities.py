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
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .names import FEMALE_FIRST_NAMES, FEMALE_TITLES, MALE_FIRST_NAMES, MALE_TITLES, NAME_TITLES, \
    ORG_NOUN_KINDS, ORG_UNIT_WORDS, SPEECH_LEMMAS, name_key, near_spelling, person_gender_hint
from .records import Entity, Span

# Labels that name who or what can be a source or a subject of the news.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT",
                           "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# Names in news are at most a few words past the shortest form ("Kaiser" -> "Kaiser
# Permanente", "Apple" -> "Apple Inc."); more extra words mean a different, larger name.
MAX_SHORT_FORM_EXTRA_WORDS = 2
# A descriptor longer than this is a clause, not a role ("a licensed clinical psychologist").
MAX_DESCRIPTOR_TOKENS = 12
# Sentences after a one-word "ORG" subject of a speech verb within which a he/she marks it as a person.
PRONOUN_REPAIR_SENTENCES = 2

_FIRST_NAMES = FEMALE_FIRST_NAMES | MALE_FIRST_NAMES
_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "at", "&", "to", "de"})
_LEADING_TITLES = re.compile(r"(?:(?:%s)\s+)*" % "|".join(
    re.escape(t) for t in sorted(NAME_TITLES, key=len, reverse=True)), re.IGNORECASE)
_PIECE_END = re.compile(r",|\s\(")         # "X, America's ...", "X (FCDO"
_SEGMENT_BREAK = re.compile(r"[\n\"\u201c\u201d]+")
_LEADING_THE = re.compile(r"(?:the|The|THE|a|an)\s+")
_TRAILING_POSSESSIVE = re.compile(r"['\u2018\u2019]s?$")
_POSSESSIVE_AFTER = re.compile(r"['\u2018\u2019]s\b")
_NAME_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})   # no "poss"
_FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_PAREN_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&.\-]{1,11})\)")
_BRACKETED_ACRONYM = re.compile(r"\(((?=(?:[^)]*[A-Z]){2})[A-Z][A-Za-z&.\-]{1,11})\)")   # two capitals at least
# Words looked at before "(ACV)" for the name it stands for: a few function words past
# one per letter ("Americans For Citizens Voting", "Department of Homeland Security").
ACRONYM_EXTRA_WORDS = 4
# Characters that never stand in a role ("called Bushnell \u201can idiot\u201d", "| 4:53 AM").
_NOT_IN_DESCRIPTOR = re.compile(r"[\"\u201c\u201d|@#]")
_NOT_IN_NOUN_PHRASE = frozenset({"VERB", "AUX", "SCONJ", "PUNCT", "CCONJ", "ADV"})
_NAMING_VERBS = frozenset({"call", "name", "dub", "title"})
_DESCRIPTOR_STOPS = frozenset({",", "\u2014", "\u2013", "(", ";", ":", "--", "which", "who", "that"})


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    span: SpacySpan | None
    suffix_end: int | None = None   # end with the "'s" after the name, if one follows it
    brand: bool = False             # that "'s" is no possessive here: it is part of the name

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.split())


def _clean_mentions(doc: Doc, text_of_doc: str, ent: SpacySpan) -> list[_Mention]:
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
        if ent.label_ == "PERSON":
            begin = _LEADING_TITLES.match(text_of_doc, begin, end).end()
        text = text_of_doc[begin:end]
        if len(text) < 2 or not any(c.isupper() for c in text):
            continue
        span = doc.char_span(begin, end, alignment_mode="expand")
        # "Macy's said", "at Macy's on Friday": the name itself is a subject or object and no
        # noun phrase follows its "'s" ("Tate's new record", "BAM's once rich", "Adams's
        # “El Niño”"), so the "'s" is no possessive, nor a contraction ("Trump's been").
        after = [t for t in doc[span.end:span.end + 2]] if span is not None else []
        brand = suffix_end is not None and len(after) == 2 and after[0].tag_ == "POS" \
            and span[-1].dep_ in _NAME_ROLES and (after[1].tag_ in _FINITE_VERB_TAGS
                                                  or after[1].tag_ == "IN" or after[1].text == ".")
        out.append(_Mention(begin, end, text, ent.label_, span, suffix_end, brand))
    return out


def _keep_brand_possessives(text: str, mentions: list[_Mention]) -> None:
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


def _expand_acronyms(doc: Doc, text: str, mentions: list[_Mention]) -> list[_Mention]:
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
            if word.is_punct or not (word.is_title or word.is_upper or word.lower_ in _FUNCTION_WORDS):
                break
            if len(words) >= 2 and word.lower_ not in _FUNCTION_WORDS and letters in (
                    _initials(words).upper(), "".join(w[0] for w in words).upper()):   # "DoD"
                found += [s for s in (doc[k:i], doc[i + 1:i + 2]) if not covered(s)]
                break
    if not found:
        return mentions
    ends = [s.end_char for s in found]      # in text order, none overlapping
    kept = [m for m in mentions if (j := bisect.bisect_right(ends, m.start)) == len(found)
            or found[j].start_char >= m.end]
    return sorted(kept + [_Mention(s.start_char, s.end_char, s.text, "ORG", s) for s in found],
                  key=lambda m: m.start)


def _said_then_pronoun(doc: Doc, m: _Mention) -> bool:
    """A one-word mention that is the subject of a speech verb and is followed by he/she."""
    if m.span is None or len(m.span) != 1:
        return False
    tok = m.span.root
    if tok.dep_ != "nsubj" or tok.head.lemma_ not in SPEECH_LEMMAS:
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


def _repair_labels(doc: Doc, mentions: list[_Mention]) -> None:
    """Step 2: fix spaCy's labels from the rest of the article (in place)."""
    for m in mentions:      # "Crystal Heath" tagged PRODUCT: a first name and a capitalised surname
        if (m.label != "PERSON" and 2 <= len(m.words) <= 3 and m.words[0].lower() in _FIRST_NAMES
                and all(w[:1].isupper() for w in m.words)
                and not any(w.lower() in ORG_UNIT_WORDS or w.lower() in ORG_NOUN_KINDS for w in m.words)):
            m.label = "PERSON"
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


def _cluster_people(people: list[_Mention]) -> list[list[_Mention]]:
    """Step 3a: full names first (longest first), then surnames and first names join them."""
    clusters: list[list[_Mention]] = []
    forms: list[tuple[str, ...]] = []     # the longest normalized words of each cluster

    def join(i: int, m: _Mention) -> None:
        clusters[i].append(m)
        if len(m.words) > len(forms[i]):
            forms[i] = tuple(name_key(w) for w in m.words)

    def nearest(candidates: list[int], m: _Mention) -> int:
        """Of people sharing a surname, the one named most so far (the article's subject,
        not a relative named once), then the one named last."""
        def rank(i: int) -> tuple[int, int]:
            before = [o.start for o in clusters[i] if o.start < m.start]
            return len(before), max(before, default=-1)
        return max(candidates, key=rank)

    ordered = sorted(people, key=lambda m: (-len(m.words), m.start))
    for m in ordered:
        words = tuple(name_key(w) for w in m.words)
        exact = [i for i, f in enumerate(forms) if words[-1] == f[-1] and set(words) <= set(f)]
        if not exact and len(words) == 1:
            exact = [i for i, f in enumerate(forms) if len(f) > 1 and words[0] == f[0]
                     and words[0] in _FIRST_NAMES]
            exact = exact if len(exact) == 1 else []
        if not exact:
            exact = [i for i, f in enumerate(forms) if near_spelling(words[-1], f[-1])
                     and (len(words) == 1 or words[0] == f[0])]
        if exact:
            join(nearest(exact, m), m)
        else:
            clusters.append([m])
            forms.append(words)
    return clusters


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _FUNCTION_WORDS and w[:1].isupper())


def _cluster_others(text: str, others: list[_Mention]) -> list[list[_Mention]]:
    """Step 3b: same text together, then acronyms and short forms join their full names."""
    groups: dict[str, list[_Mention]] = {}
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
        for a in written | {_initials(words[k])}:
            key = name_key(a)       # one written in brackets may mix cases ("DoD")
            if len(a) >= 2 and key in groups and key != k and key not in parent \
                    and (a in written or words[key][0].replace(".", "").isupper()):
                parent[key] = k
    # Short forms: a name's first words, when what follows is not a sub-unit ("Clinic"),
    # or its last two or more words ("Forest Service" for "Texas A&M Forest Service").
    keyed = {k: tuple(name_key(x) for x in words[k]) for k in groups}
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
                  and not ORG_UNIT_WORDS.intersection(keyed[k2][len(w):])]
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

    merged: dict[str, list[_Mention]] = {}
    for k, g in groups.items():
        merged.setdefault(root(k), []).extend(g)
    return list(merged.values())


def _add_missed_mentions(doc: Doc, clusters: list[tuple[list[_Mention], bool]]) -> None:
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
                cluster.append(_Mention(span.start_char, span.end_char, span.text,
                                        "PERSON" if person else cluster[0].label, span))
                covered.update(range(span.start, span.end))
                break


def _descriptor_text(tokens: list) -> str | None:
    while tokens and (tokens[0].pos_ == "DET" or tokens[0].lower_ in ("a", "an", "the")):
        tokens = tokens[1:]
    if not tokens or len(tokens) > MAX_DESCRIPTOR_TOKENS:
        return None
    # A role ends in a noun ("striker", "French President"), and is not just another name.
    if tokens[-1].pos_ not in ("NOUN", "PROPN") or all(t.ent_type_ for t in tokens):
        return None
    text = "".join(t.text_with_ws for t in tokens).strip()
    if _NOT_IN_DESCRIPTOR.search(text):
        return None
    if text.lower() in MALE_TITLES | FEMALE_TITLES and len(tokens) == 1:
        return None     # Mr, Mrs: courtesy, not a role
    return text or None


def _until_stop(tokens) -> list:
    out = []
    for t in tokens:
        if t.text in _DESCRIPTOR_STOPS or t.dep_ == "relcl":
            break
        out.append(t)
    return out


def _descriptors(span: SpacySpan) -> list[str]:
    """Roles the article gives a mention: 'striker X', 'X, a ... worker', 'X, who is a ...'."""
    root, found = span.root, []
    # Pre-modifiers: the words left of the name inside its own noun phrase.
    i = span.start - 1
    while i >= span.sent.start:
        tok = span.doc[i]
        if tok.pos_ in ("DET", "PRON", "VERB", "AUX") or tok.dep_ in ("case", "poss") \
                or (tok.pos_ == "ADP" and tok.lower_ != "of") \
                or (tok.is_punct and tok.text != "-") or root not in tok.ancestors:
            break
        i -= 1
    text = _descriptor_text(list(span.doc[i + 1:span.start]))
    if text:
        found.append(text)
    # The noun a name stands beside: "his mother, Ernestine", "an account called X" (but not
    # "the account called Bushnell an idiot", "two women, Ann and", "evidence, UNRWA" misparsed).
    noun = root.head.head if root.dep_ == "oprd" and root.head.dep_ == "acl" \
        and root.head.lemma_ in _NAMING_VERBS else root.head
    if noun.tag_ == "NN" and not any(c.dep_ == "nummod" for c in noun.children) and (
            noun.i != root.head.i and any(c.lower_ in ("a", "an") for c in noun.children)
            or root.dep_ == "appos" and noun.i == span.start - 2 and span.doc[noun.i + 1].text == ","):
        first = noun.i      # its own words, back to a verb or clause word parsed into it
        while first > noun.left_edge.i and (span.doc[first - 1].pos_ not in _NOT_IN_NOUN_PHRASE
                                            or span.doc[first - 1].text == "-"):     # "eight-year-old"
            first -= 1
        text = _descriptor_text(list(span.doc[first:noun.i + 1]))
        if text:
            found.append(text)
    for child in root.children:
        if child.i < span.end:
            continue
        if child.dep_ == "appos" and not child.ent_type_:
            text = _descriptor_text(_until_stop(span.doc[child.left_edge.i:child.right_edge.i + 1]))
        elif child.dep_ == "relcl" and child.lemma_ == "be":
            attrs = [c for c in child.children if c.dep_ == "attr"]
            text = _descriptor_text(_until_stop(span.doc[attrs[0].left_edge.i:attrs[0].right_edge.i + 1])) \
                if attrs else None
        else:
            continue
        if text:
            found.append(text)
    return found


def _canonical(cluster: list[_Mention], person: bool) -> str:
    """The fullest form: most words, then longest, then earliest; an acronym only if alone."""
    def rank(m: _Mention):
        acronym = len(m.words) == 1 and m.text.replace(".", "").isupper() and not person
        return (not acronym, len(m.words), len(m.text), -m.start)
    return max(cluster, key=rank).text


def find_entities(doc: Doc) -> list[Entity]:
    """The entities of `doc`, numbered E1, E2, ... in order of first mention.

    Args:
        doc: a parsed spaCy Doc with named entities.

    Returns:
        One Entity per person, organisation, place, ... with its canonical (fullest)
        name, every mention as a Span of the text, and its descriptors.
    """
    text = doc.text     # built anew on every access: read it once
    mentions = [m for ent in doc.ents if ent.label_ in ENTITY_LABELS for m in _clean_mentions(doc, text, ent)]
    mentions = _expand_acronyms(doc, text, mentions)
    _keep_brand_possessives(text, mentions)
    _repair_labels(doc, mentions)
    people = [m for m in mentions if m.label == "PERSON"]
    others = [m for m in mentions if m.label != "PERSON"]
    clusters = [(c, True) for c in _cluster_people(people)] + \
               [(c, False) for c in _cluster_others(text, others)]
    _add_missed_mentions(doc, clusters)
    built = []
    for cluster, person in clusters:
        cluster.sort(key=lambda m: m.start)
        descriptors: list[str] = []
        forms = {name_key(m.text) for m in cluster}
        for m in cluster:
            for d in (_descriptors(m.span) if m.span is not None else []):
                if d not in descriptors and name_key(d) not in forms:     # "(IEA)" is no role
                    descriptors.append(d)
        label = "PERSON" if person else Counter(m.label for m in cluster).most_common(1)[0][0]
        spans = tuple(dict.fromkeys(Span(m.text, m.start, m.end) for m in cluster))
        built.append((cluster[0].start, _canonical(cluster, person), label, spans, tuple(descriptors)))
    built.sort(key=lambda b: b[0])
    return [Entity(id=f"E{i}", name=name, type=label, mentions=spans, descriptors=desc)
            for i, (_, name, label, spans, desc) in enumerate(built, start=1)]
