"""Guards against hostile and broken input, applied before a parser or the model runs.

Articles come from the open web: a crafted page must not crash, hang or exhaust a
worker. `pipeline.Extractor` calls these guards on every article:

- `scrub_article` (input) and `scrub_clean` (parsed page): lone surrogates become
  U+FFFD (they cannot be written as UTF-8); control characters, invisible
  bidirectional controls and zero-width characters are removed; a warning says
  what was changed.
- `check_html_depth`: a linear scan of the markup's tag nesting, so a page of
  100,000 nested `<div>`s fails with a clear reason before any parser sees it.
- `check_text_length`: a body longer than spaCy can parse fails clearly.
- `cap_quotes`: quotes past the per-article cap are dropped, with a warning.
- `call_with_time_limit`: a SIGALRM timer that stops a slow article.

The limits themselves are defined once, in `settings.py`.
"""
from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from ..errors import ArticleLimitError, ArticleTimeoutError
from ..records import CleanArticle, Metadata, RawArticle

T = TypeVar("T")
R = TypeVar("R", RawArticle, CleanArticle, Metadata)

# -- characters -------------------------------------------------------------------

# Python strings can hold UTF-16 surrogate code points (JSON's "\ud800" gives one);
# UTF-8 cannot, so spaCy's tokenizer and the output writer both fail on them.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# What is replaced or removed, by kind. Control characters: C0/C1 except tab and line
# breaks, and the noncharacters U+FFFE/U+FFFF; NUL and friends carry no text and lxml
# refuses them. Vertical tab and form feed are line breaks (text cleaning reads them
# so) and become "\n", since lxml refuses them too. Bidirectional controls
# (embeddings, overrides, isolates, direction marks) can make a name or a quote display
# as something else ("Trojan Source"). Zero-width characters and soft hyphens split a
# name into pieces the model does not know ("Ta\u00adluz").
_REPLACED = {
    "control character": (re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]"), ""),
    "line break": (re.compile(r"[\x0b\x0c]"), "\n"),
    "bidirectional control": (re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"), ""),
    "zero-width character": (re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]"), ""),
}
# Kinds fixed without a warning: formatting, not damage (text cleaning drops them too).
_SILENT = frozenset({"line break", "zero-width character"})
_ANY_UNSAFE = re.compile("|".join([_SURROGATE.pattern] + [p.pattern for p, _ in _REPLACED.values()]))
# A numeric character reference in markup (&#11; &#x1F;): lxml decodes it into its tree
# and then refuses the text as soon as the body extraction moves it.
_CHAR_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,8})(?![0-9a-fA-F])|0*([0-9]{1,10})(?![0-9]));?")
REPLACEMENT = "\ufffd"
_ACTIONS = {"lone surrogate": "replaced with U+FFFD", "character reference": "replaced with U+FFFD"}


def scrub_string(value: str) -> tuple[str, dict[str, int]]:
    """`value` with unsafe characters fixed, and how many of each kind were fixed.

    Surrogate pairs (two code points from a UTF-16 source) are joined into the
    character they encode and lone surrogates become U+FFFD; vertical tabs and form
    feeds become newlines; control, bidi and zero-width characters are removed.
    """
    if not _ANY_UNSAFE.search(value):
        return value, {}
    found: dict[str, int] = {}
    if _SURROGATE.search(value):
        before = value.count(REPLACEMENT)
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        found["lone surrogate"] = value.count(REPLACEMENT) - before
    for kind, (pattern, replacement) in _REPLACED.items():
        value, found[kind] = pattern.subn(replacement, value)
    return value, {kind: n for kind, n in found.items() if n}


def scrub_markup(html: str) -> tuple[str, dict[str, int]]:
    """`scrub_string`, and numeric character references to characters XML cannot hold
    (C0 controls but tab and line breaks, U+FFFE, U+FFFF) replaced with U+FFFD."""
    html, found = scrub_string(html)
    if "&#" not in html:
        return html, found
    count = 0

    def fix(match: re.Match) -> str:
        nonlocal count
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        if (code < 0x20 and code not in (0x9, 0xA, 0xD)) or code in (0xFFFE, 0xFFFF):
            count += 1
            return REPLACEMENT
        return match.group(0)

    html = _CHAR_REF.sub(fix, html)
    return html, {**found, "character reference": count} if count else found


def scrub_article(raw: RawArticle) -> RawArticle:
    """`raw` with every string field scrubbed (see `scrub_string`), and a warning.

    Runs before any parser sees the input. Returns `raw` itself when nothing changed.
    """
    totals: dict[str, int] = {}
    fixed = _scrub_fields(raw, ("id", "path", "text", "url", "title", "published",
                                "authors", "warnings"), totals)
    if raw.html is not None:
        html, found = scrub_markup(raw.html)
        for kind, count in found.items():
            totals[kind] = totals.get(kind, 0) + count
        fixed = replace(fixed, html=html)
    return _with_warning(fixed, totals, "input") if totals else raw


def scrub_clean(cleaned: CleanArticle) -> CleanArticle:
    """The same for cleaned text and metadata: HTML entities (`&#8238;`, `&shy;`)
    become characters only when the page is parsed."""
    totals: dict[str, int] = {}
    meta = _scrub_fields(cleaned.metadata, ("title", "authors", "published", "site"), totals)
    fixed = _scrub_fields(cleaned, ("text", "url"), totals)
    return _with_warning(replace(fixed, metadata=meta), totals, "page text") if totals else cleaned


def _scrub_fields(record: R, names: Sequence[str], totals: dict[str, int]) -> R:
    """`record` with its string (or tuple-of-string) fields `names` scrubbed; adds to `totals`."""

    def fix(value: str) -> str:
        value, found = scrub_string(value)
        for kind, n in found.items():
            totals[kind] = totals.get(kind, 0) + n
        return value

    changes = {}
    for name in names:
        value = getattr(record, name)
        if isinstance(value, str):
            changes[name] = fix(value)
        elif isinstance(value, tuple):
            changes[name] = tuple(fix(v) if isinstance(v, str) else v for v in value)
    return replace(record, **changes)


def _with_warning(record: R, totals: dict[str, int], where: str) -> R:
    said = [(kind, n) for kind, n in sorted(totals.items()) if kind not in _SILENT]
    if not said:
        return record
    what = "; ".join(f"{n} {kind}{'s' if n > 1 else ''} {_ACTIONS.get(kind, 'removed')}"
                     for kind, n in said)
    return replace(record, warnings=record.warnings + (
        f"{where} held invalid or invisible characters: {what}",))


# -- HTML nesting depth ---------------------------------------------------------------

_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)|<!--")
# Elements that never hold children.
_VOID = frozenset("""area base br col embed hr img input link meta param source track wbr
    basefont bgsound frame keygen command image isindex nextid spacer""".split())
# Elements whose end tag may be left out: parsers close them implicitly, so an
# unclosed run of them is a list of siblings, not a nest.
_IMPLIED_END = frozenset("p li dt dd tr td th option optgroup thead tbody tfoot colgroup "
                         "caption rb rt rtc rp".split())
# Elements whose content is text, not markup: a "<div>" inside a script is no tag.
_RAW_TEXT = {name: re.compile(rf"</{name}[\s/>]", re.I) for name in
             ("script", "style", "textarea", "title", "xmp", "iframe", "noembed",
              "noframes", "noscript")}


def html_depth(html: str, *, stop_above: int | None = None) -> int:
    """How deeply the tags of `html` nest, as a lenient HTML parser would build them.

    One pass over the tags, linear in the length of the page: void elements and
    elements with optional end tags are not counted, an end tag closes every
    element opened after its own start tag, and an end tag with no open element
    of its name is ignored. Scanning stops as soon as the depth is above
    `stop_above`. Quoted `>` inside attributes can throw the count off by a tag.
    """
    stack: list[str] = []
    open_count: dict[str, int] = {}
    deepest = 0
    pos = 0
    while True:
        match = _TAG.search(html, pos)
        if match is None:
            break
        if match.group(0) == "<!--":
            end = html.find("-->", match.end())
            if end < 0:
                break  # an unclosed comment runs to the end of the page
            pos = end + 3
            continue
        close = html.find(">", match.end())
        if close < 0:
            break
        pos = close + 1
        name = match.group(2).lower()
        if match.group(1):  # an end tag
            if open_count.get(name):
                while True:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        if name in _RAW_TEXT:
            end_tag = _RAW_TEXT[name].search(html, pos)
            if end_tag is None:
                break
            pos = end_tag.end()
            continue
        if name in _VOID or name in _IMPLIED_END or html[close - 1] == "/":
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        if len(stack) > deepest:
            deepest = len(stack)
            if stop_above is not None and deepest > stop_above:
                break
    return deepest


def check_html_depth(html: str, *, limit: int, name: str) -> None:
    """Raise ArticleLimitError when the page's tags nest deeper than `limit`."""
    depth = html_depth(html, stop_above=limit)
    if depth > limit:
        raise ArticleLimitError(
            f"{name}: HTML nested more than {limit} elements deep; a crafted or broken "
            "page (real news pages nest far less), so it was not parsed")


# -- sizes ------------------------------------------------------------------------------

def check_text_length(text: str, *, limit: int, name: str) -> None:
    """Raise ArticleLimitError when the body text is longer than `limit` characters."""
    if len(text) > limit:
        raise ArticleLimitError(
            f"{name}: the article text is {len(text):,} characters, over the {limit:,}-character "
            "limit (spaCy's parser needs memory in proportion); split the text into articles")


def cap_quotes(quotes: Sequence[T], *, limit: int) -> tuple[list[T], str | None]:
    """The first `limit` quotes, and a warning when more were dropped."""
    if len(quotes) <= limit:
        return list(quotes), None
    return list(quotes[:limit]), (f"{len(quotes)} quotes found, over the limit of {limit} per "
                                  f"article: only the first {limit} were kept")


# -- time -------------------------------------------------------------------------------

# Once the limit has passed, the timer fires again at this interval: a stage that
# catches every exception (`except Exception: pass`) swallows one firing, not all.
REFIRE_SECONDS = 0.25
# setitimer takes no more than this on every platform (a 32-bit time_t); a longer
# limit, or an infinite or NaN one, means no limit.
MAX_TIMER_SECONDS = 2**31 - 1


def timer_available() -> bool:
    """Whether `call_with_time_limit` can enforce a limit here.

    It needs SIGALRM (POSIX) and the main thread (Python runs signal handlers
    there only), and leaves alone a process whose own SIGALRM timer is running.
    """
    return (hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


def call_with_time_limit(seconds: float | None, fn: Callable[..., T], *args,
                         message: str) -> T:
    """`fn(*args)`, stopped with ArticleTimeoutError(message) after `seconds`.

    No limit when `seconds` is None, 0 or less, over MAX_TIMER_SECONDS or NaN, or
    where `timer_available()` is false (off the main thread, on Windows): `fn`
    then runs to its end. The timer stops Python code, and C code that checks for
    signals (the re module does); other C code (one lxml parse, one spaCy
    component's inner loop) is stopped when it returns to Python.
    """
    if not (seconds and 0 < seconds < MAX_TIMER_SECONDS) or not timer_available():
        return fn(*args)
    armed = [True]

    def on_alarm(signum, frame):
        if armed[0]:
            raise ArticleTimeoutError(message)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds, REFIRE_SECONDS)
        return fn(*args)
    finally:
        # Disarm first: the handler may still run once before the timer is cleared.
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
