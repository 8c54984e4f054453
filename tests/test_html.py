"""Article body of web pages: what is kept, what is dropped, how it is laid out."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from extractor.clean.html import parse_html

FUNDUS = Path(__file__).parent / "data" / "fundus"

PROSE_1 = "The council met on Tuesday and agreed the budget for the coming year after a long debate."
PROSE_2 = "Opposition members said the cuts to libraries went too far, and promised to fight them."
PROSE_3 = "The mayor said the city had no choice given the fall in grants from central government."


def _article(*inner: str, head: str = "", outside: str = "") -> str:
    return (f'<html lang="en"><head><title>Budget agreed | The Courier</title>{head}</head><body>'
            f'<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
            f'{outside}<article>{"".join(inner)}</article>'
            f'<footer><p>Copyright The Courier. All rights reserved by the company.</p></footer></body></html>')


P = [f"<p>{t}</p>" for t in (PROSE_1, PROSE_2, PROSE_3)]
BODY = "\n\n".join((PROSE_1, PROSE_2, PROSE_3))


@pytest.mark.parametrize("furniture", [
    '<div class="share-bar"><a href="#">Facebook</a><a href="#">Twitter</a><span>Share this article with friends</span></div>',
    '<figure><img src="a.jpg"><figcaption>The town hall, where the council met on Tuesday evening. Photo: J. Roe</figcaption></figure>',
    '<div class="image-credit">Photograph by Jane Roe for The Courier newspaper group</div>',
    '<p>Advertisement</p>',
    '<div class="newsletter-signup"><h3>Get our morning briefing</h3><p>Sign up to receive the best stories in your inbox every day.</p></div>',
    '<aside><h3>Related</h3><ul><li><a href="/a">Council tax to rise again next year, the mayor says</a></li></ul></aside>',
    '<div class="related-stories"><p>Council tax to rise again as the mayor warns of hard times ahead for all.</p></div>',
    '<div id="comments"><p>Reader Joe: this council is a disgrace and should resign at once, all of them.</p></div>',
    '<div class="cookie-consent"><p>We use cookies to improve your experience of our website and services.</p></div>',
    '<div style="display:none"><p>Hidden text that a browser never shows to the reader of this page.</p></div>',
    '<p>Read more: <a href="/x">Council tax to rise again next year as grants fall further and further</a></p>',
])
def test_page_furniture_is_dropped(furniture):
    page = _article(P[0], furniture, P[1], P[2])
    assert parse_html(page).text == BODY


def test_navigation_header_title_and_footer_stay_out():
    page = _article("<h1>Budget agreed</h1>", *P,
                    outside='<div class="menu"><a href="/a">Sport</a> <a href="/b">Weather</a></div>')
    assert parse_html(page).text == BODY


def test_whitespace_inside_paragraphs_is_normalized_and_breaks_kept():
    page = _article("<p>The council   met\n on <b>Tuesday</b>\tand agreed the budget for the coming year after a long debate.</p>",
                    P[1], "<div>" + PROSE_3 + "<br><br>A second paragraph written as a line break run on.</div>")
    assert parse_html(page).text == "\n\n".join((PROSE_1, PROSE_2, PROSE_3,
                                                 "A second paragraph written as a line break run on."))


def test_inline_quotes_and_blockquotes_are_kept():
    page = _article(P[0], "<p>The mayor called it <q>the hardest budget in a generation</q> on Tuesday night.</p>",
                    '<blockquote><p>“We had no choice,” she told the chamber before the final vote.</p></blockquote>',
                    P[1])
    assert parse_html(page).text == "\n\n".join((
        PROSE_1, "The mayor called it “the hardest budget in a generation” on Tuesday night.",
        "“We had no choice,” she told the chamber before the final vote.", PROSE_2))


def test_subheadings_inside_the_body_are_kept():
    page = _article(P[0], "<h2>What happens next</h2>", P[1], P[2])
    assert parse_html(page).text == "\n\n".join((PROSE_1, "What happens next", PROSE_2, PROSE_3))


def test_body_split_by_ad_slots_is_joined():
    # Each chunk sits in its own wrapper: the chunks share a class, the ads do not.
    chunk = '<section><div class="body-text">{}</div></section><div class="ad-slot">Advertisement</div>'
    page = _article(*(chunk.format(p) for p in P))
    assert parse_html(page).text == BODY


def test_teaser_lists_do_not_outscore_a_short_article():
    teasers = "".join(f'<li><a href="/{i}">Story number {i} headline</a> A summary of the story that runs on a bit.</li>'
                      for i in range(12))
    page = _article(*P, outside=f'<div class="breaking"><ul>{teasers}</ul></div>')
    assert parse_html(page).text == BODY


def test_wrapper_named_like_furniture_is_kept_when_it_holds_the_article():
    page = ('<html><body><div class="content has-sidebar">' + "".join(P) +
            '</div><div class="sidebar"><p>Most read stories of the week across the site.</p></div></body></html>')
    assert parse_html(page).text == BODY


def test_json_ld_article_body_stands_in_for_missing_markup():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "'
          + PROSE_1 + "\\n\\n" + PROSE_2 + "\\n" + PROSE_3 + '"}</script>')
    page = f'<html><head>{ld}</head><body><div id="app">Loading the page for you now.</div></body></html>'
    cleaned = parse_html(page)
    assert cleaned.text == BODY
    assert cleaned.warnings == ("body taken from the page's JSON-LD articleBody",)


def test_markup_inside_json_ld_article_body_is_read_as_paragraphs():
    linked = PROSE_2.replace("libraries", "<a href='/l'>libraries</a>")
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": '
          f'"<p>{PROSE_1}</p><p>{linked}</p><p>{PROSE_3}</p>"}}</script>')
    page = f'<html><head>{ld}</head><body><div id="app">Loading the page for you now.</div></body></html>'
    assert parse_html(page).text == BODY


@pytest.mark.parametrize(("html", "warning"), [
    ("", "empty HTML page"),
    ("   \n", "empty HTML page"),
    ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article body found in the HTML page"),
])
def test_empty_pages_give_a_warning(html, warning):
    cleaned = parse_html(html)
    assert (cleaned.text, cleaned.warnings) == ("", (warning,))


def test_xml_declaration_in_a_str_is_parsed():
    page = '<?xml version="1.0" encoding="utf-8"?>' + _article(*P)
    assert parse_html(page).text == BODY


def test_short_article_without_long_paragraphs():
    page = "<html><body><nav><a href='/'>Home</a></nav><div><p>Polls close at 8pm.</p></div></body></html>"
    assert parse_html(page).text == "Polls close at 8pm."


# (page, first paragraph, last paragraph, paragraphs or None): checked against
# the Fundus gold body of each page.
FUNDUS_BODIES = [
    ("FreeBeacon_2",
     'Iran\'s supreme leader Ayatollah Khamenei on Wednesday blamed "Western culture" for the self-immolation '
     "of U.S. airman Aaron Bushnell outside of the Israeli embassy in Washington, D.C.",
     "In the days following, left-wingers in the United States—including third-party presidential candidates "
     "Cornel West and Jill Stein—valorized his actions. Additionally, Hamas praised him, saying in a statement "
     'that he would "remain immortal in the memory of our Palestinian people."', 7),
    ("OccupyDemocrats_4",
     "Mitch McConnell has been the Senate Republican Leader since 2007, officially breaking the record last "
     "year for longest to hold Senate leadership in history.", "Watch below.", 12),
    ("WashingtonTimes_1",
     "Former President Donald Trump says President Biden‘s joke about him forgetting his wife’s name is a bunch "
     "of malarkey.", "• Mallory Wilson can be reached at mwilson@washingtontimes.com.", 13),
    # The body is split over three `article-body-text` components.
    ("TheTelegraph_4",
     "Hate preachers will be blocked from entering the UK under new plans being drawn up by the Government "
     "amid a “shocking increase” in extremist activity.",
     "He said that the way the PSC has been “directly and aggressively” targeting MPs, shows that they are “at "
     "best, in the most generous interpretation, facilitating a level of militancy which is not acceptable”.",
     None),
]


@pytest.mark.parametrize(("page", "first", "last", "count"), FUNDUS_BODIES, ids=[b[0] for b in FUNDUS_BODIES])
def test_fundus_bodies(page, first, last, count):
    html = gzip.decompress((FUNDUS / f"{page}.html.gz").read_bytes()).decode("utf-8")
    paragraphs = parse_html(html).text.split("\n\n")
    assert (paragraphs[0], paragraphs[-1]) == (first, last)
    if count is not None:
        assert len(paragraphs) == count


def test_new_yorker_paywall_paragraphs_are_article_text():
    # Regression: `<p class="paywall">` holds most of the article; it is no furniture.
    html = gzip.decompress((FUNDUS / "TheNewYorker_2.html.gz").read_bytes()).decode("utf-8")
    cleaned = parse_html(html)
    assert cleaned.warnings == ()
    assert cleaned.text.split("\n\n")[-1] == "“O.K., we’ll call it that!” Coen said. ♦"
