"""Word lists and tables the stages share; data only, no code that runs.

- `calendar`: month and weekday names.
- `numbers`: number words, scales, ordinals, fractions.
- `speech`: reporting verbs, cue nouns and the other words of attribution.
- `names`: first names, titles, roles and the nouns that name sources.
- `nicknames`: short forms of first names, for matching speakers across articles.
"""
