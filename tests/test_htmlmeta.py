"""Metadata of web pages: title, authors, publication date, site, language, url.

One real page per Fundus publisher (expected values read off each page: its
headline, its byline and its visible date), then small pages that each lack
one kind of metadata, to check every fallback and `published_from`.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from extractor.clean.html import parse_html
from extractor.clean.metadata import url_date

FUNDUS = Path(__file__).parent / "data" / "fundus"

# (page, url, title, authors, published)
PUBLISHERS = [
    ("APNews_0", "https://apnews.com/article/fact-check-mossad-air-force-enemy-israel-596187204627",
     "Israel’s intelligence agency did not label the US Air Force an ‘enemy’ of the Jewish state",
     ("Melissa Goldin",), "2024-02-26T21:10:43+00:00"),
    ("CNBC_0", "https://www.cnbc.com/2024/02/28/7percent-interest-rates-hit-weekly-mortgage-demand-hard.html",
     "7% interest rates hit weekly mortgage demand hard", ("Diana Olick",), "2024-02-28T12:00:01+00:00"),
    ("FoxNews_3", "https://www.foxnews.com/us/dc-police-officer-involved-shooting-developing",
     "DC police respond to officer-involved shooting: developing", ("Chris Pandolfo",),
     "2024-02-29T08:05:09-05:00"),
    ("FreeBeacon_2", "https://freebeacon.com/latest-news/irans-khamenei-blames-us-airmans-self-immolation-on-western-culture/",
     "Iran’s Khamenei Blames US Airman’s Self-Immolation on ‘Western Culture’", ("Charles Hilu",),
     "2024-02-29T17:45:32+00:00"),
    ("iNews_0", "https://inews.co.uk/news/politics/hunt-sunak-scramble-budget-2bn-black-hole-2936592",
     "Hunt and Sunak scramble to piece together Budget after £2bn black hole warning", ("Arj Singh",),
     "2024-03-02T00:01+00:00"),
    ("LATimes_2", "https://www.latimes.com/politics/story/2024-03-01/california-poll-shows-how-third-party-candidates-could-throw-2024-election-to-trump",
     "California poll reveals how minor candidates could throw 2024 presidential race to Trump",
     ("David Lauter",), "2024-03-01T11:00:42+00:00"),
    ("OccupyDemocrats_4", "https://occupydemocrats.com/2024/02/28/end-of-an-era-mitch-mcconnell-to-ditch-gop-senate-leadership-role/",
     "END OF AN ERA: Mitch McConnell to ditch GOP Senate leadership role", ("Stephanie Bazzle",),
     "2024-02-28T23:23:26+00:00"),
    # The only byline is "Reuters" on reuters.com: the site's own name, no author
    # (was ("Reuters",) before the organisation rule in htmlauthors).
    ("Reuters_2", "https://www.reuters.com/world/africa/ghana-anti-lgbtq-bill-could-derail-imf-support-if-signed-into-law-2024-03-04/",
     "Ghana anti-LGBTQ bill could derail IMF support if signed into law", (),
     "2024-03-04T12:45:01+00:00"),
    # "By THE ASSOCIATED PRESS" on AP News: the site's own organisation, by its initials.
    ("APNews_1", "https://apnews.com/sports/mississippi-rebels-mens-college-basketball-college-basketball-alabama-crimson-tide-603e9ddb8be4469ba16026f955d67093",
     "Griffen leads No. 14 Alabama against Ole Miss after 21-point game", (),
     "2024-02-28T08:41:36+00:00"),
    # A wire story on another site, no person named: the agency, as written.
    ("FoxNews_0", "https://www.foxnews.com/politics/rep-andy-kim-gains-traction-bid-new-jerseys-senate-seat-primary-victories-3-counties",
     "Rep. Andy Kim gains traction in bid for New Jersey's Senate seat after primary victories in 3 counties",
     ("Associated Press",), "2024-02-29T08:38:33-05:00"),
    # og:title carries " | The Gateway Pundit | by Mike LaChance": both tails come off.
    ("TheGatewayPundit_3", "https://www.thegatewaypundit.com/2024/02/bidens-late-night-interview-seth-meyers-was-ratings/",
     "Biden's Late Night Interview With Seth Meyers Was a Ratings Dud - Especially With Young Voters",
     ("Mike LaChance",), "2024-02-29T03:20:38+00:00"),
    ("TheGuardian_4", "https://www.theguardian.com/music/2024/mar/02/oisin-leech-cold-sea-review-you-can-almost-taste-the-salt",
     "Oisín Leech: Cold Sea review – you can almost taste the salt", ("Neil Spencer",),
     "2024-03-02T16:00:34+00:00"),
    ("TheIndependent_2", "https://www.independent.co.uk/news/uk/brit-awards-post-office-itv-horizon-raye-b2506036.html",
     "Post Office scandal victim calls for compensation at Brit Awards", ("Charlotte McLaughlin",),
     "2024-03-02T22:14:08+00:00"),
    ("TheIntercept_1", "https://theintercept.com/2024/03/01/biden-israel-gaza-weapons-child-care/",
     "Biden Is Bankrolling Israel’s War Amid Growing Financial Hardship at Home", ("Stephen Semler",),
     "2024-03-01T19:14:21+00:00"),
    # The page's first <h1> is "Log In": og:title must win.
    ("TheNation_4", "https://www.thenation.com/article/world/us-israel-funding-unrwa-palestinians/",
     "The Biden Administration Joins Israel’s War on UNRWA", ("Phyllis Bennis",), "2024-02-28T10:30+00:00"),
    ("TheNewYorker_2", "https://www.newyorker.com/magazine/2024/03/11/ethan-coen-and-tricia-cookes-queer-caper",
     "Ethan Coen and Tricia Cooke’s Queer Caper", ("Naomi Fry",), "2024-03-01T06:00-05:00"),
    # Byline "Camilla Turner, Chief Political Correspondent": the job title is no author.
    ("TheTelegraph_4", "https://www.telegraph.co.uk/politics/2024/03/02/hate-preachers-to-be-barred-from-uk-entry/",
     "Hate preachers to be barred from UK after ‘shocking increase’ in extremism", ("Camilla Turner",),
     "2024-03-02T20:48+00:00"),
    ("WashingtonTimes_1", "https://www.washingtontimes.com/news/2024/feb/29/trump-sets-record-straight-on-bidens-late-night-jo/",
     "Trump sets the record straight on Biden’s ‘Late Night’ joke about him forgetting Melania’s name",
     ("Mallory Wilson",), "2024-02-29T09:40:38"),
]


@pytest.mark.parametrize(("page", "url", "title", "authors", "published"), PUBLISHERS,
                         ids=[p[0] for p in PUBLISHERS])
def test_fundus_publisher_metadata(page, url, title, authors, published):
    html = gzip.decompress((FUNDUS / f"{page}.html.gz").read_bytes()).decode("utf-8")
    meta = parse_html(html, url=url).metadata
    assert (meta.title, meta.authors, meta.published) == (title, authors, published)
    assert meta.language == "en"


def _page(head: str = "", body: str = "", lang: str = ' lang="en"') -> str:
    prose = "<p>" + "The council met on Tuesday and agreed the budget for the coming year. " * 3 + "</p>"
    return f"<html{lang}><head>{head}</head><body>{body}<article>{prose}</article></body></html>"


LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
      '"headline": "Budget agreed", "datePublished": "2024-03-01T09:30:00Z", '
      '"author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"}], '
      '"publisher": {"@type": "Organization", "name": "The Courier"}}</script>')


@pytest.mark.parametrize(("html", "expected"), [
    (_page(LD + '<meta property="og:title" content="Council agrees budget">'), "Council agrees budget"),
    (_page(LD), "Budget agreed"),                                        # no og:title
    (_page(body="<h1>Council agrees budget for next year</h1>"), "Council agrees budget for next year"),
    (_page("<title>Council agrees budget for next year | The Courier</title>"),
     "Council agrees budget for next year"),                             # only <title>
    (_page('<meta property="og:site_name" content="The Courier">'
           '<meta property="og:title" content="Council agrees budget – The Courier">'),
     "Council agrees budget"),                                           # site named in og:title
    (_page('<meta property="og:title" content="Council agrees budget – and cuts two posts">'),
     "Council agrees budget – and cuts two posts"),                      # a dash that is no site
    (_page(), None),                                                     # no title at all
])
def test_title_sources(html, expected):
    assert parse_html(html).metadata.title == expected


@pytest.mark.parametrize(("html", "expected"), [
    (_page(LD), ("Jane Roe", "John Doe")),
    (_page('<meta name="author" content="Jane Roe">'), ("Jane Roe",)),
    (_page('<meta name="author" content="https://www.facebook.com/courier">'), ()),
    (_page(body='<span class="byline">By JANE ROE and John Doe</span>'), ("Jane Roe", "John Doe")),
    (_page(body='<div class="article-byline">By Jane Roe, Senior Reporter</div>'), ("Jane Roe",)),
    (_page(body='<p>By Jane Roe</p>'), ("Jane Roe",)),
    (_page(body='<a rel="author" href="/jane">Jane Roe</a>'), ("Jane Roe",)),
    (_page(), ()),                                                       # no author anywhere
])
def test_author_sources(html, expected):
    assert parse_html(html).metadata.authors == expected


@pytest.mark.parametrize(("html", "url", "published", "source"), [
    (_page(LD), None, "2024-03-01T09:30+00:00", "json-ld"),
    (_page('<meta property="article:published_time" content="2024-03-01T09:30:15-05:00">'), None,
     "2024-03-01T09:30:15-05:00", "html-meta"),
    (_page('<meta name="pubdate" content="20240301">'), None, "2024-03-01", "html-meta"),
    (_page(body='<time datetime="2024-03-01">March 1</time>'), None, "2024-03-01", "time-element"),
    (_page(), "https://example.com/news/2024/03/01/budget-agreed", "2024-03-01", "url"),
    (_page(), "https://example.com/2024/mar/01/budget-agreed", "2024-03-01", "url"),
    (_page(body='<div class="dateline">Published March 1, 2024 at 4:53 p.m.</div>'), None,
     "2024-03-01T16:53", "byline"),
    (_page(), "https://example.com/news/budget-agreed", None, None),    # no date anywhere
])
def test_published_sources(html, url, published, source):
    meta = parse_html(html, url=url).metadata
    assert (meta.published, meta.published_from) == (published, source)


GERMAN = ("<p>" + "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen, "
          "und die Mehrheit war nicht knapp. " * 3 + "</p>")
KOREAN = "<p>" + "시의회는 화요일에 내년도 예산안을 통과시켰으며 야당은 도서관 예산 삭감에 반대했다. " * 3 + "</p>"


@pytest.mark.parametrize(("html", "expected"), [
    (_page(lang=' lang="en-US"'), "en"),
    (_page(lang=' lang="EN_gb"'), "en"),
    (_page(lang=""), "en"),                                        # no lang: the English body
    (f'<html lang="de-DE"><body>{GERMAN}</body></html>', "de"),
    (f"<html><body>{GERMAN}</body></html>", "de"),                   # undeclared German
    (f'<html lang="en"><body>{GERMAN}</body></html>', "de"),         # a template's default lang
    (f"<html><body>{KOREAN}</body></html>", "ko"),                   # undeclared Korean
    ('<html lang="fi"><body><p>Polls close at 8pm.</p></body></html>', "fi"),  # too short: as declared
])
def test_language(html, expected):
    assert parse_html(html).metadata.language == expected


def test_language_unknown_without_lang_or_enough_text():
    assert parse_html("<html><body><p>Polls close at 8pm.</p></body></html>").metadata.language is None


@pytest.mark.parametrize(("head", "expected"), [
    ('<link rel="canonical" href="https://example.com/a">', "https://example.com/a"),
    ('<meta property="og:url" content="https://example.com/b">', "https://example.com/b"),
    ("", None),
])
def test_canonical_url(head, expected):
    assert parse_html(_page(head)).url == expected


def test_site_name():
    assert parse_html(_page(LD)).metadata.site == "The Courier"
    assert parse_html(_page('<meta property="og:site_name" content="The Courier">')).metadata.site == "The Courier"
    assert parse_html(_page()).metadata.site is None


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.com/2019/11/19/story.html", "2019-11-19"),
    ("https://example.com/story-2024-03-04/", "2024-03-04"),
    ("https://example.com/news/20240304/story", "2024-03-04"),
    ("https://example.com/2019/nov/19/story", "2019-11-19"),
    ("https://example.com/2019/13/45/story", None),
    ("https://example.com/story-123456789", None),
])
def test_url_date(url, expected):
    assert url_date(url) == expected


COURIER = '<meta property="og:site_name" content="The Courier">'


def _ld_authors(*authors: str) -> str:
    return ('<script type="application/ld+json">{"@type": "NewsArticle", "author": [%s]}</script>'
            % ", ".join(authors))


# The author rule of extractor/htmlauthors.py: people first, an organisation only
# when no one is named, never the site's own name.
@pytest.mark.parametrize(("head", "body", "expected"), [
    (COURIER + _ld_authors('{"@type": "Person", "name": "Jane Roe"}',
                           '{"@type": "Organization", "name": "Associated Press"}'), "", ("Jane Roe",)),
    (COURIER + _ld_authors('{"@type": "Organization", "name": "Reuters"}'), "", ("Reuters",)),
    ('<meta property="og:site_name" content="BBC News">'
     + _ld_authors('{"@type": "Person", "name": "BBC News"}'), "", ()),
    ('<meta property="og:site_name" content="The Telegraph">'
     + '<meta name="author" content="Telegraph Reporters">', "", ()),
    ('<meta property="og:site_name" content="AP News">'
     + _ld_authors('{"@type": "Person", "name": "THE ASSOCIATED PRESS"}'), "", ()),
    ('<meta property="og:site_name" content="CNN">'
     + '<meta name="author" content="Analysis by Chris Cillizza, CNN Editor-at-large">', "", ("Chris Cillizza",)),
    ('<meta property="og:site_name" content="Sky">'
     + '<meta name="author" content="Sky Brown">', "", ("Sky Brown",)),      # a person, not the site
    (COURIER, '<div class="ap-story-byline">By DANICA KIRKA and JILL LAWLESS<span>Associated Press</span></div>',
     ("Danica Kirka", "Jill Lawless")),
    (COURIER, '<div class="byline">By Sandee LaMotte, CNN</div>', ("Sandee LaMotte",)),
    (COURIER, '<h3 class="byline">by Jeff Foust<span>Monday, November 18, 2019</span></h3>', ("Jeff Foust",)),
    (COURIER + _ld_authors('{"@type": "Person", "name": "Rachael Link, MS, RD"}'), "", ("Rachael Link",)),
    (COURIER + '<meta name="author" content="Finian Cunningham. Sputnik International">', "",
     ("Finian Cunningham",)),
    (COURIER + '<meta name="author" content="HNN Staff">', '<span itemprop="author">Lisa Kubota</span>',
     ("Lisa Kubota",)),                                                  # a newsroom tag defers
])
def test_people_before_organisations_never_the_site(head, body, expected):
    assert parse_html(_page(head, body), url="https://example.com/story").metadata.authors == expected


def test_site_host_is_a_site_name():
    page = _page(_ld_authors('{"@type": "Person", "name": "Troy L. Smith"}',
                             '{"@type": "Person", "name": "Cleveland.com"}'))
    assert parse_html(page, url="https://www.cleveland.com/a").metadata.authors == ("Troy L. Smith",)


@pytest.mark.parametrize(("og_title", "expected"), [
    ("Opinion | Republicans Are Following Trump to Nowhere", "Republicans Are Following Trump to Nowhere"),
    ("Analysis: Why the budget vote matters", "Why the budget vote matters"),
    ("LIVE: Council votes on the budget", "Council votes on the budget"),
    ("WATCH: Mayor defends library cuts", "Mayor defends library cuts"),
    ("BREAKING NEWS: Mayor resigns after vote", "Mayor resigns after vote"),
    ("Column: The merger sends a dismal signal", "The merger sends a dismal signal"),
    ("The Guardian view on Hong Kong: a city on the brink | Editorial",
     "The Guardian view on Hong Kong: a city on the brink"),
    ("Everything you need to know about the Brit Awards - live updates",
     "Everything you need to know about the Brit Awards"),
    ("Kaiser: strike to go on", "Kaiser: strike to go on"),            # a headline's own colon
    ("Opinion | Brexit", "Opinion | Brexit"),                          # too little left
    ("Live and let die: the budget", "Live and let die: the budget"),  # "Live" starts a phrase
    ("Council&#8217;s budget agreed", "Council’s budget agreed"),      # an entity left in the tag
])
def test_section_labels_leave_titles(og_title, expected):
    head = f'<meta property="og:title" content="{og_title}">'
    assert parse_html(_page(head)).metadata.title == expected


def test_site_suffix_off_a_title_without_spaces():
    head = "<title>商品の改造が商標法違反に！？ - 特許業務法人ライトハウス国際特許事務所</title>"
    head += '<meta property="og:site_name" content="特許業務法人ライトハウス国際特許事務所">'
    assert parse_html(_page(head)).metadata.title == "商品の改造が商標法違反に！？"


@pytest.mark.parametrize(("head", "body", "published", "source"), [
    # WordPress marks the change time class="updated": the posted date wins.
    ("", '<time class="updated" datetime="2024-03-05T10:00:00Z">March 5</time>'
     '<div class="entry-date">Posted March 1, 2024</div>', "2024-03-01", "byline"),
    ("", '<time class="updated" datetime="2024-03-05T10:00:00Z">March 5</time>',
     "2024-03-05T10:00+00:00", "time-element"),                   # nothing better
    ("", '<div class="arttidate">Last Updated : Mar 5, 2024 01:41 PM</div>'
     '<div class="article_date">March 1, 2024 - 11:28</div>', "2024-03-01T11:28", "byline"),
    ("", '<span class="storyDate">Posted: Fri 6:45 PM, Feb 16, 2018</span>', "2018-02-16", "byline"),
    ('<script type="application/ld+json">{"@type": "MedicalWebPage", '
     '"datePublished": "2019-11-14T08:00:00.000Z"}</script>', "", "2019-11-14T08:00+00:00", "json-ld"),
])
def test_published_not_modified(head, body, published, source):
    meta = parse_html(_page(head, body)).metadata
    assert (meta.published, meta.published_from) == (published, source)
