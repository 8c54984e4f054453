"""The viewer in a real browser: headless Chromium driven over the DevTools protocol
(tests/chromium.py). Skipped when no Chromium is installed."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.report.viewer import write_report

from .chromium import CHROMIUM, Browser

FIXTURES = Path(__file__).parent / "data" / "viewer"

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    summary = write_report(FIXTURES, out)
    assert summary.articles == 2
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    b = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


def _kaiser_page(report: Path) -> Path:
    (page,) = (report / "articles").glob("seed-kaiser-*.html")
    return page


def test_article_page_renders_quotes_panel_and_hover(browser, report, tmp_path):
    browser.open(_kaiser_page(report))
    # Script ran: every quote piece in the text (5 quotes; the numbers and dates inside
    # Q2, Q3 and Q5 cut them into 10 pieces) and every panel entry (5) has its handler.
    assert browser.js("document.body.dataset.hoverReady") == "15"
    assert browser.js("[0,1,2,3,4].map(q => [...document.querySelectorAll("
                      "`.article-text mark[data-q='${q}']`)].map(e => e.textContent).join(''))") == [
        "Our patients aren’t able to get the care they need", "nearly 40% of staff had left since 2019",
        "it offered appointments to 156 patients",
        "We remain committed to <script>alert(1)</script> our members", "talks would resume in seven weeks"]
    # One colour per speaker, as the browser computed it: Taluz's two quotes alike,
    # Kaiser's another, the unattributed quote grey.
    colours = browser.js("[0,1,2,3,4].map(q => getComputedStyle("
                         "document.querySelector(`.article-text mark[data-q='${q}']`)).backgroundColor)")
    assert colours[0] == colours[1] and colours[2] == colours[3]
    assert len({colours[0], colours[2], colours[4]}) == 3
    assert colours[4] == "rgb(230, 230, 230)"
    assert browser.js("document.querySelectorAll('.article-text u.cue').length") == 5
    assert browser.js("document.querySelectorAll('.article-text .num').length") == 3
    assert browser.js("document.querySelectorAll('.article-text .date').length") == 3
    # The side panel lists the speakers with their quotes.
    assert browser.js("[...document.querySelectorAll('#panel .speaker .name')].map(e => e.textContent)") == [
        "Kaiser Permanente (2)", "Tanya Taluz (2)", "Unattributed (1)"]
    assert browser.js("document.querySelectorAll('#panel ol.quotes li').length") == 5
    # The hostile quote text stayed text: no element was made from it.
    assert browser.js("document.querySelectorAll('script').length") == 1
    # A real mouse move over the pronoun-attributed quote shows how its speaker was found,
    # and lights up the mention "She" and the quote's panel entry.
    assert browser.js("document.querySelector('.tip').hidden") is True
    browser.hover(".article-text mark[data-q='1']")
    assert browser.js("document.querySelector('.tip').hidden") is False
    assert browser.js("document.querySelector('.tip').textContent") == "“She” → Tanya Taluz, pronoun · indirect quote"
    assert browser.js("[...document.querySelectorAll('.mention.hot')].map(e => e.textContent)") == ["She"]
    assert browser.js("document.querySelectorAll('#panel li.hot').length") == 1
    shot = tmp_path / "article.png"
    browser.screenshot(shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    # Offline: nothing but the page itself was requested.
    assert all(url.startswith("file://") for url in browser.requested_urls())


def test_index_and_speakers_pages_link_to_articles(browser, report):
    browser.open(report / "index.html")
    assert browser.js("[...document.querySelectorAll('tbody tr td:nth-child(3)')].map(e => e.textContent)") == [
        "1", "5"]
    browser.open(report / "speakers.html")
    first = browser.js("(() => { const r = document.querySelector('tbody tr'); return "
                       "[r.cells[0].querySelector('b').textContent, r.cells[2].textContent, r.cells[3].textContent]; })()")
    assert first == ["Tanya Taluz", "3", "2"]
    # The speaker's page lists their quotes; a quote's link opens its article at that quote.
    browser.open(report / browser.js("document.querySelector('tbody tr a').getAttribute('href')"))
    assert browser.js("document.querySelector('h1').textContent") == "Tanya Taluz"
    href = browser.js("document.querySelector('ol.quotes a').getAttribute('href')")
    target, anchor = href.split("#")
    browser.open(report / "speakers" / target)
    assert browser.js(f"document.getElementById('{anchor}').nextElementSibling.textContent") == "We will be back"
