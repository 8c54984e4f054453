"""A light language guess from function words, for pages that do not declare one.

Every language here has a short list of its most frequent words (articles,
prepositions, pronouns, auxiliaries); the text's language is the one whose
words make up the largest share of its tokens, when that share is clear. It
tells apart the major European news languages, which is what deciding
"English or not" needs; it is no general language identifier.
"""
from __future__ import annotations

import re

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for it was on with as he she by at from his her "
                    "they are this be have has had not but were which said would their will".split()),
    "de": frozenset("der die das und ist nicht ein eine den dem des mit sich auf für von zu im "
                    "auch es wird sie wie bei nach aus einer wurde sind noch oder aber".split()),
    "fr": frozenset("le la les et des est une un du en que qui dans pour pas sur au aux par il "
                    "elle ce plus sont avec ont été cette mais ou son".split()),
    "es": frozenset("el la los las y de que en un una es por con para del se al lo no su como "
                    "más pero sus fue este ha esta entre".split()),
    "it": frozenset("il lo la gli le di che è e un una per non con del della si sono da nel "
                    "alla anche come ma più ha questo".split()),
    "pt": frozenset("o a os as e de que em um uma é do da dos das para com não se por mais "
                    "foi ao na no como mas seu sua".split()),
    "nl": frozenset("de het een en van is dat niet op te in met zijn voor er die ook aan door "
                    "maar bij om als was werd wordt".split()),
    "sv": frozenset("och att det som en på är av för med till den har inte om ett var de sig "
                    "men ska kan från jag".split()),
    "pl": frozenset("i w na się z że do nie to jest o jak po przez za od ale są dla co już "
                    "jego tak może".split()),
}
_TOKEN = re.compile(r"[^\W\d_]+")
# Fewer tokens than this and the guess is left to None.
MIN_TOKENS = 20
# The winner's function words must be at least this share of the tokens (English
# news runs near 0.35) and beat the runner-up by this factor.
MIN_SHARE = 0.12
MIN_LEAD = 1.5
# Only the start of a long text is read: enough for a clear vote, and fast.
MAX_TOKENS = 2000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure."""
    tokens = [t.lower() for t in _TOKEN.findall(text[:MAX_TOKENS * 8])][:MAX_TOKENS]
    if len(tokens) < MIN_TOKENS:
        return None
    shares = sorted(((sum(t in words for t in tokens) / len(tokens), lang)
                     for lang, words in _STOPWORDS.items()), reverse=True)
    (best, lang), (second, _) = shares[0], shares[1]
    if best >= MIN_SHARE and best >= MIN_LEAD * second:
        return lang
    return None
