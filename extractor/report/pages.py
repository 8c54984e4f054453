"""The pieces every page of the viewer shares: the page frame, escaping, previews, titles."""
from __future__ import annotations

import html

from .assets import CSP, CSS, JS

# Characters of a quote shown in lists; the full text is one click away.
QUOTE_PREVIEW_CHARS = 160


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def page(title: str, body: str, *, root: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<meta name=\"referrer\" content=\"no-referrer\">"
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            f"<header class=\"top\"><span class=\"brand\">extractor</span>"
            f"<a href=\"{root}index.html\">Articles</a><a href=\"{root}speakers.html\">Speakers</a></header>"
            f"<main>{body}</main><script>{JS}</script></body></html>\n")


def title_of(article: dict) -> str:
    meta = article.get("metadata") or {}
    return str(meta.get("title") or article.get("id") or "(untitled)")


def preview(text: object) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= QUOTE_PREVIEW_CHARS else text[:QUOTE_PREVIEW_CHARS - 1] + "…"
