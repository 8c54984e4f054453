"""Hostile and broken input (issue 8): no exception but the ExtractorError tree escapes,
limits fail clearly, nothing reaches the network, nothing lands outside OUT.

Property tests (hypothesis, profile "suite" in conftest.py) cover ingest, HTML parsing
and `extract()`; then one test per item of the issue. The long fuzz run is
tests/bench/fuzz.py.
"""
from __future__ import annotations

import builtins
import gzip
import json
import os
import socket
import tempfile
import threading
import time
from pathlib import Path, PurePosixPath

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import extractor
from extractor import cli
from extractor.ingest import guards as limits
from extractor.errors import (ArticleError, ArticleLimitError, ArticleTimeoutError,
                              ExtractorError, InputError, UnreadableInputError)
from extractor.clean.html import parse_html
from extractor.ingest.files import InputFile, decode, discover, read_articles
from extractor.pipeline import Extractor
from extractor.records import Article, CleanArticle, RawArticle
from extractor.schema import load_schema
from extractor.settings import MAX_HTML_DEPTH, MAX_TEXT_CHARS, Settings

SAID = "“We will not back down,” said Tanya Taluz, a therapist in Oakland."
# Invisible characters a page may hide in names and quotes.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


# -- helpers -----------------------------------------------------------------------------

def spans(value):
    """Every {text, start, end} object inside an output dict."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("text"), str):
            yield value
        for v in value.values():
            yield from spans(v)
    elif isinstance(value, list):
        for v in value:
            yield from spans(v)


def assert_sound(article: dict) -> None:
    """Schema-valid, writable as UTF-8, every span pointing at its own text."""
    jsonschema.validate(article, load_schema())
    json.dumps(article, ensure_ascii=False).encode("utf-8")  # no lone surrogate survives
    for span in spans(article):
        assert article["text"][span["start"]:span["end"]] == span["text"], span


def run_cli(*args: str) -> tuple[int, dict[str, dict]]:
    """`extractor run ... -j 1` in this process; (exit code, run record by input name)."""
    argv = ["run", *args, "-j", "1"]
    code = cli.main(argv)
    out = Path(argv[argv.index("-o") + 1])
    record_path = out / "_run.jsonl"
    lines = record_path.read_text(encoding="utf-8").splitlines() if record_path.exists() else []
    return code, {r["input"]: r for r in map(json.loads, lines)}


def read_outputs(out: Path) -> dict[str, dict]:
    return {p.relative_to(out).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in out.rglob("*.json")}


@pytest.fixture(autouse=True)
def _loaded_model(nlp):
    """Every test here may call extract(); the model loads once per session."""


# -- property tests ------------------------------------------------------------------------
# Each property is a plain `check_*` function over the arguments of a strategy dict, so
# that tests/bench/fuzz.py runs the same properties for much longer.

_CHARSETS = ["utf-8", "utf-16", "punycode", "undefined", "idna", "unicode_escape", "base64",
             "utf-7", "iso-2022-jp", "x-unknown", "cp1252", "utf-32"]
DECODE_ARGS = dict(data=st.binary(max_size=600), html=st.booleans(),
                   charset=st.none() | st.sampled_from(_CHARSETS))


def check_decode(data: bytes, html: bool, charset: str | None) -> None:
    """decode() gives text, or an UnreadableInputError naming the file."""
    if charset:
        data = f"<meta charset={charset}>".encode() + data
    try:
        text, warnings = decode(data, name="page", html=html)
    except UnreadableInputError as exc:
        assert str(exc).startswith("page: ")
        return
    assert isinstance(text, str) and all(isinstance(w, str) for w in warnings)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(st.characters(exclude_categories=()), max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "text", "html", "url", "title", "published", "authors", "x"]),
        inner, max_size=6),
    max_leaves=12)
_JSON_LINES = st.sampled_from(['"\\ud800"', '"\\u0000"', '{"text": "\\udc00x\\u2028y"}',
                               "[" * 3000, '{"text": "\\ud83d"}', '{"id": "../../x", "text": "a"}',
                               '{"id": "..", "text": "a", "authors": 5}', "\r", "\u2028"])


def _encode(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


FILE_ARGS = dict(
    payload=st.binary(max_size=400) | _JSON.map(_encode) | st.lists(
        _JSON.map(_encode) | _JSON_LINES.map(str.encode), max_size=4).map(b"\n".join),
    suffix=st.sampled_from([".txt", ".html", ".htm", ".json", ".jsonl"]),
    packing=st.sampled_from(["plain", "gzip", "fake-gzip"]))


def _read_file(folder: str, payload: bytes, suffix: str, packing: str):
    name = "x" + suffix + ("" if packing == "plain" else ".gz")
    path = Path(folder, name)
    path.write_bytes(gzip.compress(payload) if packing == "gzip" else payload)
    return name, list(read_articles(InputFile(path, name), max_bytes=10_000))


def check_read_file(payload: bytes, suffix: str, packing: str) -> None:
    """read_articles() yields articles or InputErrors, with output paths inside OUT."""
    with tempfile.TemporaryDirectory() as folder:
        name, results = _read_file(folder, payload, suffix, packing)
    assert results
    for where, rel, article in results:
        assert isinstance(article, (RawArticle, InputError))
        assert isinstance(where, str) and where.startswith(name)
        rel_path = PurePosixPath(rel)
        assert not rel_path.is_absolute() and ".." not in rel_path.parts and rel.endswith(".json")


def check_pipeline_on_file(payload: bytes, suffix: str, packing: str) -> None:
    """A random file, read and extracted: sound articles or ExtractorErrors, no stage bug."""
    with tempfile.TemporaryDirectory() as folder:
        _name, results = _read_file(folder, payload, suffix, packing)
    raws = [a for _w, _r, a in results if isinstance(a, RawArticle)]
    for raw, result in _extractor().process(raws):
        _check_result(result.to_dict() if not isinstance(result, ExtractorError) else result)


_MARKUP = st.sampled_from([
    "<html>", "</html>", "<body>", "</body>", "<article>", "</article>", "<div>", "</div>",
    "<p>", "</p>", "<div class='article-body'>", "<span>", "</span>", "<a href='/x'>", "</a>",
    "<br>", "<br/>", "<div/>", "<script>", "</script>", "<style>", "</style>", "<!--", "-->",
    "<![CDATA[", "]]>", "<?xml version='1.0' encoding='utf-8'?>", "<!DOCTYPE html>",
    '<!DOCTYPE x [<!ENTITY e "&e;&e;"><!ENTITY f SYSTEM "file:///etc/passwd">]>', "&e;", "&f;",
    "&amp;", "&#0;", "&#xD800;", "&#x202E;", "&shy;", "&#1114112;", "&nbsp;", "&bogus", "&#12",
    "&#x1;", "&#xFFFF;", "&#0000011;", "\x0b", "\x0c", "\uffff", "\x85",
    "<meta charset='utf-8'>", "<meta http-equiv='content-type' content='text/html; charset=x'>",
    '<script type="application/ld+json">', '{"@type": "NewsArticle", "articleBody": "',
    '", "author": {"name": "A"}, "datePublished": "2019-13-45"}', "[" * 20,
    "<time datetime='2019-02-30'>", "<meta property='article:published_time' content='99999'>",
    "<h1>", "</h1>", "<li>", "<table>", "<td>", "<noscript>", "<template>", "<svg>", "<math>",
    "<html lang='de'>", "<html lang='en'>", "“", "”", '"', "'", " said ", "Tanya Taluz",
    "\u2028", "\r", "\x00", "\ud800", "<", ">", "&", "=", " ", "\n", SAID,
])
_ANY_CHARS = st.text(st.characters(exclude_categories=()), max_size=20)
HTML_ARGS = dict(markup=st.lists(_MARKUP | _ANY_CHARS, max_size=60).map("".join))


def check_parse_html(markup: str) -> None:
    """parse_html(), given markup after the input guards (as the pipeline gives it)."""
    cleaned = parse_html(limits.scrub_markup(markup)[0], url="https://example.com/2019/05/01/x")
    assert isinstance(cleaned, CleanArticle) and isinstance(cleaned.text, str)


_WORDS = st.sampled_from([
    "“", "”", '"', "'", "‘", "’", "«", "»", "„", " said ", " told reporters ", "Tanya Taluz",
    " she ", "Kaiser Permanente", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\u200b",
    "\u202e", "\x00", "\ud800", "$5 million", "40%", "three", "1,000", "2019", "May 1",
    "yesterday", "last week", ".", ",", ":", "—", " ", "Mr.", "U.S.", "🙂", "שלום", "مرحبا",
    "\t", "...", "(", ")", "<p>", "&amp;", SAID,
])
TEXT_ARGS = dict(text=st.lists(_WORDS | _ANY_CHARS, max_size=50).map("".join))
PAGE_ARGS = dict(markup=st.lists(_MARKUP | _WORDS, max_size=50).map("".join))


def _extractor() -> Extractor:
    return extractor._default or Extractor()


def _check_result(result: dict | ExtractorError) -> None:
    if isinstance(result, ArticleError):
        assert "internal error" not in str(result), result  # a stage bug, caught but a bug
    elif not isinstance(result, ExtractorError):
        assert_sound(result)


def _extract(**kwargs) -> dict | ExtractorError:
    try:
        return extractor.extract(**kwargs)
    except ExtractorError as exc:
        return exc


def check_extract_text(text: str) -> None:
    """extract(text): a sound article or an ExtractorError; never a stage bug."""
    _check_result(_extract(text=text, published="2019-05-01"))


def check_extract_html(markup: str) -> None:
    """extract(html=...): the same for pages."""
    _check_result(_extract(html=markup))


@given(**DECODE_ARGS)
def test_decode_returns_text_or_a_clear_error(data, html, charset):
    check_decode(data, html, charset)


@given(**FILE_ARGS)
def test_read_articles_yields_articles_or_input_errors(payload, suffix, packing):
    check_read_file(payload, suffix, packing)


@pytest.mark.slow
@given(**FILE_ARGS)
def test_random_files_through_the_pipeline(payload, suffix, packing):
    check_pipeline_on_file(payload, suffix, packing)


@given(**HTML_ARGS)
def test_parse_html_survives_garbled_markup(markup):
    check_parse_html(markup)


@pytest.mark.slow
@given(**TEXT_ARGS)
def test_extract_text_gives_a_sound_article_or_an_extractor_error(text):
    check_extract_text(text)


@pytest.mark.slow
@given(**PAGE_ARGS)
def test_extract_html_gives_a_sound_article_or_an_extractor_error(markup):
    check_extract_html(markup)


# -- every article has a time limit -------------------------------------------------------------

def _slow_on(monkeypatch, word: str, behaviour) -> None:
    """Make the quote stage run `behaviour()` on articles holding `word`."""
    from extractor import pipeline

    find_quotes = pipeline.quotes_stage.find_quotes

    def patched(doc, *args, **kwargs):
        if word in doc.text:
            behaviour()
        return find_quotes(doc, *args, **kwargs)

    monkeypatch.setattr(pipeline.quotes_stage, "find_quotes", patched)


def _articles(*texts: str) -> list[RawArticle]:
    return [RawArticle(id="", path=f"{i}.txt", format="text", text=t) for i, t in enumerate(texts)]


def _run(ex: Extractor, raws: list[RawArticle]) -> dict[str, Article | ExtractorError]:
    return {raw.path: result for raw, result in ex.process(raws)}


def _sleep_long() -> None:
    time.sleep(30)


def _busy_loop() -> None:
    while True:
        pass


def _swallow_first_timeout() -> None:
    try:
        time.sleep(30)
    except Exception:  # a careless stage: swallows the first firing of the timer
        pass
    time.sleep(30)


@pytest.mark.parametrize("behaviour", [_sleep_long, _busy_loop, _swallow_first_timeout],
                         ids=["sleeping", "busy-loop", "swallows-exceptions"])
def test_a_slow_article_fails_alone_with_a_clear_reason(monkeypatch, nlp, behaviour):
    _slow_on(monkeypatch, "SLOW", behaviour)
    ex = Extractor(Settings(timeout=0.5), nlp=nlp)
    started = time.perf_counter()
    results = _run(ex, _articles(SAID, "SLOW. " + SAID, SAID))
    assert time.perf_counter() - started < 10
    assert isinstance(results["0.txt"], Article) and isinstance(results["2.txt"], Article)
    assert isinstance(results["1.txt"], ArticleTimeoutError)
    assert str(results["1.txt"]) == ("1.txt: stopped at the time limit of 0.5 seconds per article, "
                                     "while extracting; raise it with --timeout (0: no limit)")


def test_the_timer_leaves_no_trace_and_respects_a_running_one():
    import signal

    handler = signal.getsignal(signal.SIGALRM)
    with pytest.raises(ArticleTimeoutError, match="^too slow$"):
        limits.call_with_time_limit(0.05, time.sleep, 5, message="too slow")
    assert limits.call_with_time_limit(5, sum, [1, 2], message="never") == 3
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is handler
    # A caller's own SIGALRM timer wins: extractor then sets none.
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        assert limits.timer_available() is False
        assert limits.call_with_time_limit(0.01, lambda: time.sleep(0.05) or "done",
                                           message="never") == "done"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


class _SlowModel:
    """A spaCy pipeline stand-in that hangs (or breaks) on texts holding a word."""

    def __init__(self, nlp, word: str, behaviour):
        self.nlp, self.word, self.behaviour = nlp, word, behaviour
        self.max_length = nlp.max_length

    def __call__(self, text):
        if self.word in text:
            self.behaviour()
        return self.nlp(text)

    def pipe(self, texts, batch_size=None):
        for text in texts:
            yield self(text)


def _spacy_breaks() -> None:
    raise ValueError("spaCy fell over")


@pytest.mark.parametrize("behaviour,error,reason", [
    (_sleep_long, ArticleTimeoutError, "while parsing;"),
    (_spacy_breaks, ArticleError, "internal error in the pipeline while parsing: ValueError"),
], ids=["slow", "broken"])
def test_a_slow_spacy_batch_is_redone_one_by_one(nlp, behaviour, error, reason):
    ex = Extractor(Settings(timeout=0.3), nlp=_SlowModel(nlp, "SLOW", behaviour))
    started = time.perf_counter()
    results = _run(ex, _articles(SAID, "SLOW. " + SAID, SAID))
    assert time.perf_counter() - started < 10
    assert [type(results[k]).__name__ for k in ("0.txt", "2.txt")] == ["Article", "Article"]
    assert type(results["1.txt"]) is error and reason in str(results["1.txt"])


def test_no_time_limit_off_the_main_thread(monkeypatch, nlp):
    """Documented fallback: signals reach the main thread only, so a thread runs unlimited."""
    _slow_on(monkeypatch, "SLOW", lambda: time.sleep(0.6))
    ex = Extractor(Settings(timeout=0.2), nlp=nlp)
    seen = {}

    def work():
        seen["available"] = limits.timer_available()
        seen["results"] = _run(ex, _articles("SLOW. " + SAID))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen["available"] is False
    assert isinstance(seen["results"]["0.txt"], Article)


def test_the_timeout_flag_sets_the_limit(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SAID, encoding="utf-8")
    code, record = run_cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--timeout", "0.000001")
    assert code == 1
    assert record["a.txt"]["status"] == "failed"
    assert record["a.txt"]["reason"].startswith("a.txt: stopped at the time limit of 1e-06 seconds")
    assert Settings.from_env(timeout=None).timeout == 300.0  # the default when the flag is absent


# -- limits with clear errors -------------------------------------------------------------------

def test_file_size_limit_and_gzip_bomb(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text(SAID * 200, encoding="utf-8")
    (tmp_path / "in" / "bomb.txt.gz").write_bytes(gzip.compress(b"a " * 3_000_000))
    code, record = run_cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--max-file-size", "8k")
    assert code == 1
    assert record["big.txt"]["reason"].startswith("big.txt: 1") and \
        record["big.txt"]["reason"].endswith("over the 8192-byte limit (raise it with --max-file-size)")
    assert record["bomb.txt.gz"]["reason"] == "bomb.txt.gz: unpacks to over the 8192-byte limit"


@pytest.mark.slow
def test_text_length_limit(extractor_instance):
    words = " ".join(f"word{i}" for i in range(70_000))   # 580,000 characters, one paragraph
    started = time.perf_counter()
    with pytest.raises(ArticleLimitError) as caught:
        extractor_instance.extract(words)
    assert time.perf_counter() - started < 10  # fails before spaCy sees it
    assert str(caught.value) == (
        f"article: the article text is {len(words):,} characters, over the {MAX_TEXT_CHARS:,}-character "
        "limit (spaCy's parser needs memory in proportion); split the text into articles")


@pytest.mark.slow
def test_ten_megabyte_single_line_text(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "line.txt").write_bytes(b"All work and no play. " * 480_000)  # 10.5 MB
    started = time.perf_counter()
    code, record = run_cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert time.perf_counter() - started < 60
    assert code == 1
    assert "characters, over the 500,000-character limit" in record["line.txt"]["reason"]


@pytest.mark.parametrize("html,depth", [
    ("<div><div><span>x</span></div></div>", 3),
    ("<p>a<p>b<p>c<li>d<li>e", 0),                     # implied end tags: siblings
    ("<br><img src=x><hr/><div/>", 0),                 # void and self-closed
    ("<div><b><i></div>", 3),                          # an end tag closes what it holds
    ("<div></span></span><div>", 2),                   # stray end tags are ignored
    ("<script>'<div><div><div>'</script><div>", 1),    # no tags inside a script
    ("<!-- <div><div> --><div>", 1),
    ("<div><!-- unclosed comment <div><div>", 1),
    ("<DIV><Div></dIV></div>", 2),
    ("<div" * 10, 0),                                  # no tag ever closes its '<'
])
def test_html_depth_scan(html, depth):
    assert limits.html_depth(html) == depth


def test_html_nesting_depth_limit(extractor_instance):
    page = "<html><body>" + "<div>" * 100_000 + f"<p>{SAID}</p>" + "</div>" * 100_000 + "</body></html>"
    started = time.perf_counter()
    with pytest.raises(ArticleLimitError) as caught:
        extractor_instance.extract(html=page)
    assert time.perf_counter() - started < 5
    assert str(caught.value) == (f"article: HTML nested more than {MAX_HTML_DEPTH} elements deep; a "
                                 "crafted or broken page (real news pages nest far less), so it was not parsed")
    fine = "<html><body>" + "<div>" * 200 + f"<p>{SAID}</p>" + "</div>" * 200 + "</body></html>"
    assert extractor_instance.extract(html=fine)["text"] == SAID


def test_real_pages_nest_far_below_the_depth_limit():
    pages = sorted(Path(__file__).resolve().parents[1].joinpath("corpus").rglob("*.htm*"))
    assert pages
    for page in pages:
        raw = gzip.decompress(page.read_bytes()) if page.suffix == ".gz" else page.read_bytes()
        assert limits.html_depth(raw.decode("utf-8", "replace")) < MAX_HTML_DEPTH // 4, page.name


def test_quotes_per_article_cap(nlp):
    text = "\n\n".join(f"“We asked for {n} more nurses,” said Tanya Taluz." for n in
                       ("two", "three", "four", "five"))
    found = Extractor(Settings(), nlp=nlp).extract(text)
    capped = Extractor(Settings(max_quotes=2), nlp=nlp).extract(text)
    assert len(found["quotes"]) == 4 and not found["warnings"]
    assert [q["text"] for q in capped["quotes"]] == [q["text"] for q in found["quotes"][:2]]
    assert capped["warnings"] == ["4 quotes found, over the limit of 2 per article: only the "
                                  "first 2 were kept"]
    assert_sound(capped)


# -- no network -----------------------------------------------------------------------------------

def _pages_calling_home(base: str, secret: Path) -> dict[str, str]:
    """Pages that reference `base` in every way a parser might fetch, and a local file."""
    body = f"<p>{SAID}</p><p>&remote; &local; &#x26;remote;</p>"
    return {
        "doc.xhtml.html": f"""<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="{base}/style.xsl"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{base}/xhtml1-strict.dtd" [
  <!ENTITY remote SYSTEM "{base}/entity.txt">
  <!ENTITY local SYSTEM "file://{secret}">
  <!ENTITY % param SYSTEM "{base}/param.dtd"> %param;
]>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:xi="http://www.w3.org/2001/XInclude">
<head><title>Strike</title></head><body><article>{body}
<xi:include href="{base}/xinclude.xml" parse="text"/></article></body></html>""",
        "page.html": f"""<!DOCTYPE html><html lang="en"><head><base href="{base}/">
<link rel="stylesheet" href="{base}/style.css"><link rel="preload" href="{base}/font.woff2">
<style>@import url("{base}/import.css");</style><script src="{base}/app.js"></script>
<meta http-equiv="refresh" content="0; url={base}/refresh"></head>
<body><article>{body}<img src="{base}/img.png" srcset="{base}/img2.png 2x">
<iframe src="{base}/frame.html"></iframe><object data="{base}/object.swf"></object>
<svg><image href="{base}/svg.png"/></svg><video src="{base}/v.mp4"></video></article></body></html>""",
    }


def test_no_network_during_a_run(tmp_path, monkeypatch):
    # A local server any fetch would reach (libxml2 fetches in C, past Python's socket
    # module), and Python's socket functions patched to record and refuse.
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.setblocking(False)
    base = f"http://127.0.0.1:{server.getsockname()[1]}"
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access during a run")

    for target, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"),
                         (socket, "create_connection"), (socket, "getaddrinfo")):
        monkeypatch.setattr(target, name, refuse)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-SENTINEL", encoding="utf-8")
    (tmp_path / "in").mkdir()
    pages = _pages_calling_home(base, secret)
    for name, page in pages.items():
        (tmp_path / "in" / name).write_text(page, encoding="utf-8")
    (tmp_path / "in" / "embedded.json").write_text(json.dumps({"html": pages["page.html"]}),
                                                  encoding="utf-8")
    try:
        code, record = run_cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
        with pytest.raises(BlockingIOError):
            server.accept()  # nobody connected
    finally:
        server.close()
    assert attempts == []
    assert code == 0 and sorted(record) == ["doc.xhtml.html", "embedded.json", "page.html"]
    for name, article in read_outputs(tmp_path / "out").items():
        assert SAID in article["text"], name
        assert "TOP-SECRET-SENTINEL" not in json.dumps(article), name


# Parsers that can resolve entities or fetch DTDs: none may appear in the package.
_XML_RISKS = ("etree.XMLParser(", "etree.fromstring(", "etree.parse(", "etree.XML(", "xml.dom",
              "xml.sax", "xml.etree", "ElementTree", "resolve_entities=True", "load_dtd=True",
              "no_network=False", "huge_tree=True", "XMLPullParser", "lxml.objectify")


def test_no_xml_parser_that_resolves_entities_in_the_package():
    package = Path(extractor.__file__).parent
    found = [(path.name, risk) for path in sorted(package.rglob("*.py"))
             for risk in _XML_RISKS if risk in path.read_text(encoding="utf-8")]
    assert found == []


# -- bombs and oddities -----------------------------------------------------------------------------

_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE html [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
 <!ENTITY big "%s">
]>
<html xmlns="http://www.w3.org/1999/xhtml"><body><article><p>%s</p><p>&lol9; %s</p></article></body></html>
""" % ("x" * 100_000, SAID, "&big; " * 200)


@pytest.mark.slow
def test_billion_laughs_in_xhtml(tmp_path, extractor_instance):
    started = time.perf_counter()
    article = extractor_instance.extract(html=_LAUGHS)
    assert time.perf_counter() - started < 5
    assert article["text"].startswith(SAID) and "lollollol" not in article["text"]
    assert len(article["text"]) < 100_000  # neither entity was expanded
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "laughs.html").write_text(_LAUGHS, encoding="utf-8")
    code, record = run_cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 0 and read_outputs(tmp_path / "out")["laughs.json"]["text"].startswith(SAID)


def test_a_long_run_without_spaces_takes_linear_time(nlp):
    """Regression: the numbers stage's mail-address pattern (\\S+@\\S+) once backtracked
    quadratically over a long run without spaces (40,000 characters: 4 s, found here)."""
    ex = Extractor(Settings(timeout=3), nlp=nlp)
    article = ex.extract(SAID + " " + "&big;" * 40_000)   # 200,000 characters, one "word"
    assert article["text"].startswith(SAID)


def test_deeply_nested_json_ld_fails_clearly_at_worst(extractor_instance):
    page = (f'<html><head><script type="application/ld+json">{"[" * 100_000}</script></head>'
            f"<body><article><p>{SAID}</p></article></body></html>")
    try:
        assert extractor_instance.extract(html=page)["text"] == SAID
    except ArticleLimitError as exc:
        # htmlmeta._json_ld_article catches ValueError only, and json.loads raises
        # RecursionError here: the pipeline turns that into a clear limit error. Once
        # the html stage skips such JSON-LD, the page's body comes through (above).
        assert str(exc) == ("article: nested too deeply to process (Python's recursion limit) "
                            "while cleaning")


NUL_WARNING = "input held invalid or invisible characters: 1 control character removed"


@pytest.mark.parametrize("name,payload,status,expected", [
    ("early.txt", b"\x00\x01" + SAID.encode(), "failed",
     "early.txt: binary data (NUL bytes), not a text or HTML file"),
    ("late.txt", b"x" * 9000 + b"\n\n" + SAID.encode().replace(b"not", b"no\x00t"), "ok", NUL_WARNING),
    ("escaped.json", json.dumps({"text": SAID.replace("not", "no\x00t")}).encode(), "ok", NUL_WARNING),
    ("page.html", f"<p>{SAID.replace('not', 'no&#0;t')}</p>".encode(), "ok",
     "input held invalid or invisible characters: 1 character reference replaced with U+FFFD"),
], ids=["nul-first-bytes", "nul-late-in-text", "json-u0000", "html-char-ref"])
def test_nul_bytes(tmp_path, name, payload, status, expected):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(payload)
    code, record = run_cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert record[name]["status"] == status
    if status == "failed":
        assert record[name]["reason"] == expected
        return
    (article,) = read_outputs(tmp_path / "out").values()
    assert article["text"].endswith((SAID, SAID.replace("not", "no\ufffdt")))
    assert "\x00" not in article["text"]
    assert article["warnings"] == ([expected] if expected else [])


@pytest.mark.parametrize("markup,words,warning", [
    ("<p>a&#1;b&#x0C;c&#0000011;d&#xFFFF;e&#12</p>", "a\ufffdb\ufffdc\ufffdd\ufffde\ufffd",
     "input held invalid or invisible characters: 5 character references replaced with U+FFFD"),
    ("<p>a\x0bb\x0cc\uffffd</p>", "a b cd", "input held invalid or invisible characters: "
     "1 control character removed"),
    ("<p>&#9;a&#10;b&#123;c&#x2019;d&#x1F600;</p>", "a b{c’d😀", None),
], ids=["control-references", "raw-controls", "harmless-references"])
def test_references_to_characters_xml_cannot_hold(markup, words, warning):
    """lxml decodes &#1; into its tree, then refuses the text when the body is moved."""
    page = f"<html><body><div><script>x</script>{markup}</div></body></html>"
    assert " ".join(parse_html(limits.scrub_markup(page)[0]).text.split()) == words
    article = extractor.extract(html=page)
    assert " ".join(article["text"].split()) == words
    assert article["warnings"][:1] == ([warning] if warning else [])


def test_lone_surrogates_become_replacement_characters(tmp_path):
    (tmp_path / "in").mkdir()
    obj = {"id": "a\ud800b", "text": "\ud800" + SAID + " \udfff", "title": "T\udc00",
           "authors": ["A\ud83d"], "url": "https://x/\ud800"}
    (tmp_path / "in" / "one.json").write_text(json.dumps(obj), encoding="utf-8")
    (tmp_path / "in" / "many.jsonl").write_text(json.dumps(obj) + "\n", encoding="utf-8")
    code, record = run_cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 0
    outputs = read_outputs(tmp_path / "out")
    assert sorted(outputs) == ["many/a_b.json", "one.json"]
    for article in outputs.values():
        assert article["id"] == "a\ufffdb"
        assert article["text"] == "\ufffd" + SAID + " \ufffd"
        assert article["metadata"]["title"] == "T\ufffd"
        assert article["metadata"]["authors"] == ["A\ufffd"]
        assert article["warnings"] == [
            "input held invalid or invisible characters: 6 lone surrogates replaced with U+FFFD"]
        assert_sound(article)


def test_mixed_newlines(extractor_instance, tmp_path):
    text = f"Strike\r\n\r\nNurses walked out.\r{SAID}\u2028It was a Monday.\u2029\u2029The end.\r\n"
    article = extractor_instance.extract(text)
    assert not set(article["text"]) & set("\r\u2028\u2029")
    assert [line for line in article["text"].split("\n") if line] == [
        "Strike", "Nurses walked out.", SAID, "It was a Monday.", "The end."]
    assert [(q["text"], q["speaker"]["name"]) for q in article["quotes"]] == [
        ("We will not back down,", "Tanya Taluz")]
    assert_sound(article)
    # JSON Lines: a raw U+2028 inside a JSON string does not end the line.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.jsonl").write_text(
        json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\r\n"
        + json.dumps({"id": "b", "text": SAID}) + "\n", encoding="utf-8")
    code, record = run_cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 0 and sorted(record) == ["x.jsonl:1", "x.jsonl:2"]


@pytest.mark.parametrize("given,kind", [
    ("“We will not back down,” said Ta\u200bnya Ta\u00adluz, a therapist in Oakland.", "text"),
    ("“We will\u202e not back down,” said \u2066Tanya Taluz\u2069, a therapist in Oakland.", "text"),
    ("“We will not back down,\u200f” said Tanya\u200f Taluz\u200e, a therapist in Oakland.", "text"),
    ("<p>“We will not back&#x202E; down,” said Ta&#x200B;nya Ta&shy;luz, a therapist in "
     "Oakland.</p>", "html"),
    ("<p>“We will\u202d not back down,” said Tan\u2060ya Ta\ufeffluz, a therapist in Oakland.</p>",
     "html"),
], ids=["zero-width-text", "bidi-override-text", "direction-marks-text", "html-entities",
        "html-raw"])
def test_invisible_characters_in_names_and_quotes(extractor_instance, given, kind):
    article = extractor_instance.extract(**{kind: given})
    assert article["text"] == SAID
    assert [(q["text"], q["speaker"]["name"]) for q in article["quotes"]] == [
        ("We will not back down,", "Tanya Taluz")]
    assert not set(json.dumps(article, ensure_ascii=False)) & set(BIDI + ZERO_WIDTH)
    assert_sound(article)


def test_right_to_left_names_and_quotes(extractor_instance):
    text = "“אנחנו לא נוותר,” said Tanya Taluz. “لن نتراجع,” said Tanya Taluz again."
    article = extractor_instance.extract(text)
    assert article["text"] == text
    assert [q["text"] for q in article["quotes"]] == ["אנחנו לא נוותר,", "لن نتراجع,"]
    assert_sound(article)


# -- file system --------------------------------------------------------------------------------------

def test_symlink_loops(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(SAID, encoding="utf-8")
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)       # folder loop
    (root / "self").symlink_to(".", target_is_directory=True)
    (root / "x.txt").symlink_to(root / "y.txt")                            # file loop
    (root / "y.txt").symlink_to(root / "x.txt")
    assert [f.rel for f in discover([root])] == ["x.txt", "y.txt", "sub/a.txt"]
    code, record = run_cli(str(root), "-o", str(tmp_path / "out"))
    assert code == 1 and record["sub/a.txt"]["status"] == "ok"
    assert record["x.txt"]["reason"] == "x.txt: cannot be read: Too many levels of symbolic links"


def _deny(path: Path):
    """os.open that refuses `path` as an unreadable (chmod 000) file would."""
    real_open = os.open

    def fake(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)
    return fake


def test_unreadable_files(tmp_path, monkeypatch):
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(SAID, encoding="utf-8")
    os.mkfifo(root / "pipe.txt")                       # would block a plain open() forever
    (root / "folder.txt").mkdir()                      # a folder named like a file: walked
    (root / "folder.txt" / "inner.txt").write_text(SAID, encoding="utf-8")
    (root / "locked.txt").write_text(SAID, encoding="utf-8")
    # chmod 000 does not stop root from reading, so the refusal is simulated.
    monkeypatch.setattr(os, "open", _deny(root / "locked.txt"))
    code, record = limits.call_with_time_limit(20, run_cli, str(root), "-o", str(tmp_path / "out"),
                                               message="the run hung on the FIFO")
    assert code == 1
    assert {k: (r["status"], r["reason"]) for k, r in record.items()} == {
        "good.txt": ("ok", None),
        "folder.txt/inner.txt": ("ok", None),
        "pipe.txt": ("failed", "pipe.txt: not a regular file (a pipe, device or folder)"),
        "locked.txt": ("failed", "locked.txt: cannot be read: Permission denied"),
    }
    code, record = run_cli(str(root / "pipe.txt"), "-o", str(tmp_path / "out2"))
    assert list(record.values())[0]["reason"].endswith("pipe.txt: not a regular file or folder "
                                                       "(a pipe or device)")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway; "
                    "test_unreadable_files simulates the refusal")
def test_chmod_000_file(tmp_path):
    (tmp_path / "in").mkdir()
    locked = tmp_path / "in" / "locked.txt"
    locked.write_text(SAID, encoding="utf-8")
    locked.chmod(0)
    code, record = run_cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert record["locked.txt"]["reason"] == "locked.txt: cannot be read: Permission denied"


def test_odd_file_names(tmp_path):
    root = os.fsencode(tmp_path / "in")
    os.mkdir(root)
    names = [b"with spaces.txt", "ünïcødé – 記事.txt".encode(), b"new\nline.txt",
             b"latin1-\xe9t\xe9.txt", b"-dash.txt"]
    for name in names:
        with open(os.path.join(root, name), "wb") as fh:
            fh.write(SAID.encode())
    out = tmp_path / "out"
    code, record = run_cli(str(tmp_path / "in"), "-o", str(out))
    assert code == 0 and len(record) == 5
    written = sorted(os.listdir(os.fsencode(out)))
    assert [n for n in written if n.endswith(b".json") and not n.startswith(b"_")] == sorted(
        n[:-4] + b".json" for n in names)
    for article in read_outputs(out).values():
        assert article["text"] == SAID and article["source"]["path"] in {
            "with spaces.txt", "ünïcødé – 記事.txt", "new\nline.txt", "latin1-\ufffdt\ufffd.txt",
            "-dash.txt"}


def test_output_folder_inside_input_folder(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(SAID, encoding="utf-8")
    (root / "b.json").write_text(json.dumps({"text": SAID}), encoding="utf-8")
    for force in ((), ("--force",)):
        code, record = run_cli(str(root), "-o", str(root / "out"), *force)
        assert code == 0 and sorted(record) == ["a.txt", "b.json"]
    assert sorted(read_outputs(root / "out")) == ["a.json", "b.json"]


def test_json_lines_ids_never_leave_out(tmp_path):
    ids = ["../../x", "/etc/passwd", "..", ".", "", "a/../../b", "..\\..\\y", "C:\\z", "~",
           "x" * 500, "\x00", "././.", "$HOME", "-rf"]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ids.jsonl").write_text(
        "".join(json.dumps({"id": i, "text": SAID}) + "\n" for i in ids), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    code, record = run_cli(str(tmp_path / "in"), "-o", str(out))
    assert code == 0 and len(record) == len(ids)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".json"]
    assert len(written) == len(ids)
    for path in written:
        assert path.resolve().is_relative_to((out / "ids").resolve()), path


def test_output_folder_that_cannot_be_written(tmp_path, monkeypatch, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SAID, encoding="utf-8")
    # Under a regular file: no folder can be made there.
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert cli.main(["run", str(tmp_path / "in"), "-o", str(tmp_path / "file" / "out"), "-j", "1"]) == 2
    assert f"error: cannot use {tmp_path / 'file' / 'out'} as the output folder: Not a directory" \
        in capsys.readouterr().err
    # Read-only, with an earlier output in it. As root a read-only folder is still
    # writable, so every way of writing into it is made to fail as it would.
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.json").write_text('{"earlier": true}', encoding="utf-8")
    real_open, real_os_open, real_mkstemp = builtins.open, os.open, tempfile.mkstemp

    def inside(path) -> bool:
        return isinstance(path, (str, os.PathLike)) and Path(path).resolve().is_relative_to(out.resolve())

    def deny(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(builtins, "open", lambda file, mode="r", *a, **k: deny(file) if (
        inside(file) and set(mode) & set("wax+")) else real_open(file, mode, *a, **k))
    monkeypatch.setattr(os, "open", lambda file, flags, *a, **k: deny(file) if (
        inside(file) and flags & (os.O_WRONLY | os.O_RDWR)) else real_os_open(file, flags, *a, **k))
    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, dir=None, **k: deny(dir) if (
        dir is not None and inside(dir)) else real_mkstemp(*a, dir=dir, **k))
    assert cli.main(["run", str(tmp_path / "in"), "-o", str(out), "-j", "1"]) == 2
    assert f"error: cannot use {out} as the output folder: Permission denied" in capsys.readouterr().err
    monkeypatch.undo()
    assert (out / "a.json").read_text(encoding="utf-8") == '{"earlier": true}'  # nothing lost
    assert (tmp_path / "in" / "a.txt").read_text(encoding="utf-8") == SAID
