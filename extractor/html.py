"""HTML pages: article body and metadata."""
from __future__ import annotations

from bs4 import BeautifulSoup

from .records import CleanArticle, Metadata
from .text import normalize_newlines


def parse_html(html: str, *, url: str | None = None) -> CleanArticle:
    """Body text (the page's paragraphs, blank-line separated) and title."""
    soup = BeautifulSoup(html, "lxml")
    paragraphs = [" ".join(p.get_text(" ", strip=True).split()) for p in soup.find_all("p")]
    text = "\n\n".join(p for p in paragraphs if p)
    title = soup.title.get_text(strip=True) if soup.title else None
    lang = soup.html.get("lang") if soup.html else None
    return CleanArticle(text=normalize_newlines(text),
                        metadata=Metadata(title=title or None,
                                          language=(lang or "").split("-")[0].lower() or None))
