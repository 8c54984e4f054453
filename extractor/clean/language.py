"""The language of an article's text, by py3langid: langid.py's naive Bayes model
over byte n-grams, for over a hundred languages, shipped inside the wheel (nothing
is downloaded at run time).

Policy: a text gets a language only when there is enough of it and the model is
sure; otherwise None, and the pipeline treats the article as English (the stages
after cleaning run). So a one-line snippet ("“We are on strike,” said Tanya
Taluz.") or a text mixing two languages about evenly is never skipped as foreign.
A page's declared `<html lang>` stands only where the text gets None (see
`clean.html.parse_html`). The verdict is deterministic: the same text always
gets the same code.
"""
from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Fewer letters than this is too little text to call: a name, a heading, a line.
# The model abstains on it (None). 40 letters is about one short sentence.
MIN_LETTERS = 40
# The model's probability (normalized across its languages) must reach this. Over
# the English bodies of the Fundus and Zyte benchmark pages and the dev articles,
# cut into 1,000+ windows of 40 to 400 characters, no window was called another
# language at 0.9 or above (39 of the 40-character ones were, below it), while a
# single 70-character Russian, Finnish or Turkish sentence scores over 0.99.
MIN_PROBABILITY = 0.9
# Only the start of a long text is read: five times the 400 characters that gave
# no wrong call above, and the model's cost grows with the length (3 ms per 1,000
# characters here; the same verdict as reading 5,000 on every benchmark page).
MAX_CHARS = 2000


@functools.cache
def _identifier() -> LanguageIdentifier:
    # Loaded on first use (about a second), not at import; norm_probs gives probabilities.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "ru"; ISO 639-3 for a language
    without one), or None when the text is too short or the model unsure."""
    sample = text[:MAX_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    return language if probability >= MIN_PROBABILITY else None
