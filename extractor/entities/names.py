"""Reading person and organisation names: the key two mentions share, a first-name
gender hint, and near spellings of one surname. The word lists are in `lexicon.names`."""
from __future__ import annotations

from ..lexicon.names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES

# Misspelt surnames: one edit for names of 5-8 letters, two from 9 up; shorter names
# collide too often ("Lee"/"Lew") to merge on spelling alone.
MIN_FUZZY_LENGTH = 5
LONG_NAME_LENGTH = 9


def name_key(text: str) -> str:
    """The form two mentions of one name share: lowercased, no dots, one kind of apostrophe."""
    return " ".join(text.lower().replace("\u2019", "'").replace(".", "").split())


def person_gender_hint(name: str) -> str | None:
    """'female' / 'male' from a first-name list, else None."""
    first = name.split()[0].lower() if name.split() else ""
    if first in FEMALE_FIRST_NAMES and first not in MALE_FIRST_NAMES:
        return "female"
    if first in MALE_FIRST_NAMES and first not in FEMALE_FIRST_NAMES:
        return "male"
    return None


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (limit + 1) once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def near_spelling(a: str, b: str) -> bool:
    """Two spellings of one surname: equal, or a few edits apart with the same first letter."""
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < MIN_FUZZY_LENGTH:
        return False
    limit = 2 if min(len(a), len(b)) >= LONG_NAME_LENGTH else 1
    return _edit_distance(a, b, limit) <= limit
