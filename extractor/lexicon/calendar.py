"""Calendar words: month and weekday names as the text writes them.

English names and their usual news abbreviations (AP style: Jan., Feb., Aug., Sept.,
Oct., Nov., Dec.; weekdays Mon. to Sun.).
"""

MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# Ordered tuples where order matters (pattern anchor words); sets for lookups.
MONTH_WORDS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
               "nov", "dec")
MONTHS = frozenset(MONTH_WORDS)
WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = frozenset(WEEKDAY_WORDS)
