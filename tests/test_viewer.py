"""The viewer's pages from a hand-written output (tests/data/viewer): no model, no browser."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.errors import InputError
from extractor.report.viewer import (LoadedArticle, annotate, how_found, load_outputs, page_name,
                              render_article, shape_problem, write_report)

FIXTURES = Path(__file__).parent / "data" / "viewer"
KAISER = json.loads((FIXTURES / "seed" / "kaiser.json").read_text(encoding="utf-8"))
VOID = {"meta", "br", "img", "input", "link", "hr"}


class _Nesting(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes the wrong element"


def _well_nested(markup: str) -> bool:
    parser = _Nesting()
    parser.feed(markup)
    parser.close()
    return parser.stack == []


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    messages: list[str] = []
    summary = write_report(FIXTURES, out, report=messages.append)
    return out, summary, messages


def _kaiser_html(report_dir: Path) -> str:
    (page,) = (report_dir / "articles").glob("seed-kaiser-*.html")
    return page.read_text(encoding="utf-8")


def test_reads_only_outputs_and_warns_about_the_rest(report):
    _, summary, messages = report
    assert (summary.articles, summary.quotes) == (2, 6)
    assert [s.split(":")[0] for s in summary.skipped] == ["broken.json", "not-an-article.json"]
    assert messages[1] == ("warning: skipped not-an-article.json: not an extractor output: missing "
                           "schema_version, id, metadata, text, entities, quotes, numbers, dates")


def test_every_page_stays_inside_the_report_folder(report):
    out, _, _ = report
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["articles/other-escape-04da0a7ba5.html", "articles/seed-kaiser-80d5d9dbd8.html",
                       "index.html", "speakers.html", "speakers/by-initial-k.html",
                       "speakers/by-initial-t.html", "speakers/kaiser-permanente-a14fbc8339.html",
                       "speakers/tanya-taluz-02afcc768a.html"]


@pytest.mark.parametrize("rel, expected", [
    ("seed/kaiser.json", r"seed-kaiser-[0-9a-f]{10}\.html"),
    ("../../etc/passwd.json", r"etc-passwd-[0-9a-f]{10}\.html"),
    ("..json", r"article-[0-9a-f]{10}\.html"),
    ("a/<script>.json", r"a-script-[0-9a-f]{10}\.html"),
])
def test_page_names_are_plain_file_names(rel, expected):
    assert re.fullmatch(expected, page_name(rel))


def test_page_names_differ_when_only_punctuation_differs():
    assert page_name("a/b.json") != page_name("a-b.json")


@pytest.mark.parametrize("speaker, expected", [
    ({"name": "Tanya Taluz", "entity": "E1", "mention": {"text": "she", "start": 0, "end": 3},
      "resolution": "pronoun"}, "“she” → Tanya Taluz, pronoun"),
    ({"name": "Tanya Taluz", "entity": "E1", "mention": {"text": "Tanya Taluz", "start": 0, "end": 11},
      "resolution": "explicit"}, "Tanya Taluz, explicit"),
    ({"name": "Tanya Taluz", "entity": "E1", "mention": None, "resolution": "adjacent"},
     "Tanya Taluz, adjacent"),
    ({"name": None, "entity": None, "mention": {"text": "a spokesman", "start": 0, "end": 11}},
     "“a spokesman” → unattributed"),
    ({"name": None, "entity": None}, "unattributed"),
])
def test_how_the_speaker_was_found(speaker, expected):
    assert how_found({"speaker": speaker}) == expected


def test_hostile_text_is_escaped_everywhere(report):
    out, _, _ = report
    page = _kaiser_html(out)
    assert page.count("<script>") == 1  # the viewer's own script only
    assert "We remain committed to &lt;script&gt;alert(1)&lt;/script&gt; our members" in page
    assert "<title>Therapists &lt;i&gt;strike&lt;/i&gt; at Kaiser</title>" in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<i>" not in index and "Therapists &lt;i&gt;strike&lt;/i&gt; at Kaiser" in index


def test_pages_load_nothing_from_the_network(report):
    out, _, _ = report
    for page in out.rglob("*.html"):
        markup = page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", markup), page
        assert "default-src 'none'" in markup
        assert _well_nested(markup), page


def test_quotes_are_coloured_by_speaker_and_marked(report):
    out, _, _ = report
    page = _kaiser_html(out)
    assert ('<a class="anchor" id="q1"></a><mark class="q sp0" data-q="1" data-how="“She” → Tanya Taluz, '
            'pronoun · indirect quote"><span class="num" title="number: 40 percent (percent, approximate)">'
            'nearly 40%</span></mark>') in page
    assert re.findall(r'<mark class="q (sp\S+)" data-q="(\d)"', page) == [
        ("sp0", "0"), ("sp0", "1"), ("sp0", "1"), ("sp0", "1"), ("sp1", "2"), ("sp1", "2"), ("sp1", "2"),
        ("sp1", "3"), ("sp-none", "4"), ("sp-none", "4")]
    assert page.count('<u class="cue" title="cue">said</u>') == 5
    assert '<span class="mention" data-mq="1">She</span>' in page
    assert '<span class="date" title="duration: P7W">seven weeks</span>' in page


def test_side_panel_lists_speakers_descriptors_and_quotes(report):
    out, _, _ = report
    panel = _kaiser_html(out).split('<aside class="panel" id="panel">')[1]
    assert re.findall(r'<div class="name"><span class="sw [^"]+"></span>(?:<a [^>]+>)?([^<]+)(?:</a>)? <span',
                      panel) == ["Kaiser Permanente", "Tanya Taluz", "Unattributed"]
    assert '<div class="desc">licensed family and marriage therapist</div>' in panel
    assert panel.count('<a href="#q') == 5


def test_speakers_page_counts_quotes_across_articles(report):
    out, _, _ = report
    page = (out / "speakers.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr><td><a href="([^"]+)"><b>([^<]+)</b></a><div class="desc">([^<]*)</div></td>'
                      r'<td>(\w*)</td><td class="n">(\d+)</td><td class="n">(\d+)</td>', page)
    assert rows == [
        ("speakers/tanya-taluz-02afcc768a.html", "Tanya Taluz",
         "licensed family and marriage therapist; union organiser", "PERSON", "3", "2"),
        ("speakers/kaiser-permanente-a14fbc8339.html", "Kaiser Permanente", "", "ORG", "2", "1")]
    assert "1 unattributed quotes" in page
    assert '<a href="speakers/by-initial-k.html">K</a> <a href="speakers/by-initial-t.html">T</a>' in page


def test_a_speaker_page_lists_its_quotes_by_article(report):
    out, _, _ = report
    page = (out / "speakers" / "tanya-taluz-02afcc768a.html").read_text(encoding="utf-8")
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', page) == [
        ("../articles/other-escape-04da0a7ba5.html#q0", "We will be back"),
        ("../articles/seed-kaiser-80d5d9dbd8.html#q0", "Our patients aren’t able to get the care they need"),
        ("../articles/seed-kaiser-80d5d9dbd8.html#q1", "nearly 40% of staff had left since 2019")]
    assert "<b>Roles:</b> licensed family and marriage therapist, union organiser" in page


def test_an_initial_page_lists_its_speakers_only(report):
    out, _, _ = report
    page = (out / "speakers" / "by-initial-k.html").read_text(encoding="utf-8")
    assert re.findall(r"<b>([^<]+)</b></a>", page) == ["Kaiser Permanente"]


def test_article_pages_and_index_link_speakers_to_their_pages(report):
    out, _, _ = report
    panel = _kaiser_html(out).split('<aside class="panel" id="panel">')[1]
    assert re.findall(r'<div class="name"><span class="sw [^"]+"></span><a href="([^"]+)">', panel) == [
        "../speakers/kaiser-permanente-a14fbc8339.html", "../speakers/tanya-taluz-02afcc768a.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert ('<a href="speakers/kaiser-permanente-a14fbc8339.html">Kaiser Permanente</a>, '
            '<a href="speakers/tanya-taluz-02afcc768a.html">Tanya Taluz</a>') in index


@pytest.mark.parametrize("name, expected", [
    ("Tanya Taluz", "t"), ("Émile Zola", "e"), ("ábc", "a"), ("3M", "other"), ("", "other"),
])
def test_initials(name, expected):
    from extractor.report.speaker_pages import initial

    assert initial(name) == expected


def test_overlapping_marks_nest_correctly():
    from extractor.report.viewer import _Mark

    marks = [_Mark(0, 6, 0, "mark", 'class="q"', "q0"), _Mark(4, 9, 3, "span", 'class="num"')]
    assert annotate("ab<d efgh", marks) == ('<a class="anchor" id="q0"></a><mark class="q">ab&lt;d</mark>'
                                           '<mark class="q"><span class="num"> e</span></mark>'
                                           '<span class="num">fgh</span>')


def test_spans_outside_the_text_are_left_out():
    data = {**KAISER, "quotes": [{**KAISER["quotes"][0], "start": 5, "end": 10_000}],
            "numbers": [{**KAISER["numbers"][0], "start": 9, "end": 3}]}
    page = render_article(LoadedArticle(rel="x.json", page="x.html", data=data))
    body = page.split('id="text">')[1].split("</article>")[0]
    assert "<mark" not in body and 'class="num"' not in body
    assert '<span class="date" title="date: 2019-04-22">Monday</span>' in body


def test_source_links_only_to_web_addresses():
    data = {**KAISER, "source": {"path": "x", "format": "html", "url": "javascript:alert(1)"}}
    assert "javascript:" not in render_article(LoadedArticle(rel="x.json", page="x.html", data=data))
    data["source"]["url"] = "https://example.org/a?b=1&c=2"
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="noreferrer noopener">source</a>' in \
        render_article(LoadedArticle(rel="x.json", page="x.html", data=data))


@pytest.mark.parametrize("data, expected", [
    ([], "not a JSON object"),
    ({**KAISER, "schema_version": "2.0"}, "schema_version '2.0' is not 1.x"),
    ({**KAISER, "quotes": {}}, "quotes is not a list of objects"),
    ({**KAISER, "dates": [{"start": "1", "end": 2}]}, "a date has no integer start and end"),
    ({**KAISER, "quotes": [{**KAISER["quotes"][0], "speaker": None}]}, "a quote has no speaker object"),
    (KAISER, None),
])
def test_shape_check(data, expected):
    assert shape_problem(data) == expected


def test_missing_output_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="is not a folder"):
        load_outputs(tmp_path / "nope")


def test_cli_view(tmp_path, capsys):
    assert main(["view", str(FIXTURES), "-o", str(tmp_path / "r")]) == 0
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (f"2 articles, 6 quotes: open {tmp_path / 'r' / 'index.html'}; "
                                    "2 files skipped")
    assert main(["view", str(tmp_path / "nope"), "-o", str(tmp_path / "r2")]) == 2


def test_lone_surrogate_in_an_output_does_not_stop_the_report(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    data = {**KAISER, "metadata": {**KAISER["metadata"], "title": "bad \ud800 title"}}
    (out / "a.json").write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii keeps "\ud800"
    summary = write_report(out, tmp_path / "r")
    assert summary.articles == 1
    (page,) = (tmp_path / "r" / "articles").glob("*.html")
    assert "<title>bad ? title</title>" in page.read_text(encoding="utf-8")


def test_a_speaker_page_stops_at_its_quote_limit(monkeypatch):
    from extractor.report import speaker_pages
    from extractor.report.crossref import SpeakerCluster

    monkeypatch.setattr(speaker_pages, "MAX_QUOTES_PER_PAGE", 3)
    loaded = LoadedArticle(rel="a.json", page="a-0.html", data=KAISER)
    entry = speaker_pages.SpeakerEntry(SpeakerCluster("k", "Kaiser", "ORG", (1,)), "k.html",
                                       [(loaded, i, q) for i, q in enumerate(KAISER["quotes"])])
    page = speaker_pages.render_speaker(entry)
    assert page.count('<li><a href="../articles/a-0.html#q') == 3
    assert "and 2 more quotes: see the corpus database" in page
