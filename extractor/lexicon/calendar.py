"""Calendar words: month and weekday names as the text writes them, in one table each.

English names with the abbreviations news uses: AP style (Jan., Feb., Aug., Sept., Oct.,
Nov., Dec.; "March" to "July" are not abbreviated) plus the three-letter forms of
datelines, tables and wire timestamps (Mar, Apr, Jun, Jul, Sep; Mon to Sun, Tues, Thur,
Thurs). Every other month or weekday list and regex is built from these tables.
"""

# (name, abbreviations), in calendar order: a month's number is its place + 1.
MONTH_TABLE = (
    ("january", ("jan",)), ("february", ("feb",)), ("march", ("mar",)), ("april", ("apr",)),
    ("may", ()), ("june", ("jun",)), ("july", ("jul",)), ("august", ("aug",)),
    ("september", ("sep", "sept")), ("october", ("oct",)), ("november", ("nov",)), ("december", ("dec",)),
)
# (name, abbreviations), Monday first as `date.weekday()` counts.
WEEKDAY_TABLE = (
    ("monday", ("mon",)), ("tuesday", ("tue", "tues")), ("wednesday", ("wed",)),
    ("thursday", ("thu", "thur", "thurs")), ("friday", ("fri",)), ("saturday", ("sat",)), ("sunday", ("sun",)),
)

# Holidays of US and UK news, by name as lower-cased text writes it (US federal holidays, Easter's
# feast days, and the observances news dates by name).
# On a fixed day: (month, day).
FIXED_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                  "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
                  "halloween": (10, 31), "valentine's day": (2, 14), "independence day": (7, 4),
                  "veterans day": (11, 11), "juneteenth": (6, 19), "earth day": (4, 22),
                  "st. patrick's day": (3, 17), "st patrick's day": (3, 17), "saint patrick's day": (3, 17),
                  "saint patrick": (3, 17),
                  "international workers' day": (5, 1)}
# On the nth weekday of a month: (month, weekday Mon=0, n; -1 = the last).
WEEKDAY_HOLIDAYS = {"thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
                    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
                    "presidents day": (2, 0, 3)}
# Days counted from Easter Sunday.
EASTER_HOLIDAYS = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}
# The day after another holiday.
DAY_AFTER_HOLIDAYS = {"black friday": "thanksgiving"}
HOLIDAY_NAMES = (*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS, *DAY_AFTER_HOLIDAYS)


def _alternation(words) -> str:
    # longest first, so that "sept" is tried before "sep" as an optional suffix would be
    return "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + ")"


# Ordered tuples where order matters (pattern anchor words); sets for lookups.
MONTH_WORDS = (*(name for name, _ in MONTH_TABLE), *(a for _, abbrs in MONTH_TABLE for a in abbrs))
MONTHS = frozenset(MONTH_WORDS)
MONTH_NUMBER = {word: i for i, (name, abbrs) in enumerate(MONTH_TABLE, start=1) for word in (name, *abbrs)}
WEEKDAY_WORDS = tuple(name for name, _ in WEEKDAY_TABLE)
WEEKDAYS = frozenset(WEEKDAY_WORDS)
WEEKDAY_ABBREVIATIONS = tuple(a for _, abbrs in WEEKDAY_TABLE for a in abbrs)
WEEKDAY_NUMBER = {word: i for i, (name, abbrs) in enumerate(WEEKDAY_TABLE) for word in (name, *abbrs)}

# Regexes (no groups): capitalized as in running text, lower case for cleaned text.
MONTH_RE = _alternation(w.capitalize() for w in MONTH_WORDS)
MONTH_LOWER_RE = _alternation(MONTH_WORDS)
# the short form of each month ("jan", "sept", "may"), which compact dates write ("2019/aug/01")
MONTH_SHORT_RE = _alternation(w for name, abbrs in MONTH_TABLE for w in (abbrs or (name,)))
# "may" is also a modal verb: where a month is found without a capital, it is left out
MONTH_NOT_MODAL_RE = _alternation(w for w in MONTH_WORDS if w != "may")
MONTH_NAME_NOT_MODAL_RE = _alternation(name for name, _ in MONTH_TABLE if name != "may")
WEEKDAY_LOWER_RE = _alternation(WEEKDAY_NUMBER)
WEEKDAY_NAME_RE = _alternation(w.capitalize() for w in WEEKDAY_WORDS)
WEEKDAY_ABBREVIATION_RE = _alternation(w.capitalize() for w in WEEKDAY_ABBREVIATIONS)
