"""The pipeline: raw article -> clean text -> spaCy Doc -> records -> Article.

Each stage is a function of its own module; this module only calls them in order.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from . import claims as claims_stage
from . import dates as dates_stage
from . import entities as entities_stage
from . import html as html_stage
from . import numbers as numbers_stage
from . import quotes as quotes_stage
from . import speakers as speakers_stage
from . import text as text_stage
from .errors import ArticleError, ExtractorError, MalformedInputError
from .nlp import load_model
from .records import Article, CleanArticle, RawArticle, Source
from .settings import Settings

# The stages after cleaning are written for English text.
ENGLISH = "en"


def article_id(raw: RawArticle) -> str:
    """The input's own id, else a hash of its content: same bytes, same id."""
    if raw.id:
        return raw.id
    content = (raw.html if raw.html is not None else raw.text) or ""
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def clean(raw: RawArticle) -> CleanArticle:
    """Body text and metadata; fields given with the input win over found ones."""
    if raw.html is not None:
        cleaned = html_stage.parse_html(raw.html, url=raw.url)
    elif raw.text is not None:
        cleaned = text_stage.clean_text(raw.text)
    else:
        raise MalformedInputError(f"{raw.path or 'article'}: neither text nor html given")
    meta = cleaned.metadata
    if raw.title:
        meta = replace(meta, title=raw.title)
    if raw.authors:
        meta = replace(meta, authors=tuple(raw.authors))
    if raw.published:
        meta = replace(meta, published=raw.published, published_from="input")
    return replace(cleaned, metadata=meta, warnings=raw.warnings + cleaned.warnings)


def enrich(doc: Doc, raw: RawArticle, cleaned: CleanArticle) -> Article:
    """Run the extraction stages over a parsed Doc and assemble the Article."""
    meta = cleaned.metadata
    article = Article(id=article_id(raw),
                      source=Source(path=raw.path, format=raw.format, url=raw.url or cleaned.url),
                      metadata=meta, text=cleaned.text, warnings=cleaned.warnings)
    if meta.language not in (None, ENGLISH):
        return replace(article, warnings=article.warnings + (
            f"language {meta.language!r} is not English: quotes, entities, numbers and "
            "dates were not extracted",))
    entities = entities_stage.find_entities(doc)
    quotes, entities = speakers_stage.resolve_speakers(doc, quotes_stage.find_quotes(doc), entities)
    dates = dates_stage.find_dates(doc, published=meta.published)
    numbers = numbers_stage.find_numbers(doc, dates=dates)
    claims, numbers = claims_stage.link_claims(quotes, numbers, dates)
    return replace(article, entities=tuple(entities), quotes=tuple(quotes),
                   numbers=tuple(numbers), dates=tuple(dates), claims=tuple(claims))


class Extractor:
    """Holds a loaded spaCy model for repeated extraction.

    Args:
        settings: run settings; by default read from the environment.
        nlp: an already loaded spaCy pipeline to use instead of loading one.
    """

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None):
        self.settings = settings or Settings.from_env()
        self.nlp = nlp if nlp is not None else load_model(self.settings.model)

    def extract(self, text: str | None = None, *, html: str | None = None,
                url: str | None = None, title: str | None = None,
                published: str | None = None) -> dict:
        """Extract one article given as text or HTML; returns the output-schema dict."""
        raw = RawArticle(id="", path=None, format="html" if html is not None else "text",
                         text=text, html=html, url=url, title=title, published=published)
        return self.process_one(raw).to_dict()

    def extract_many(self, articles: Iterable[dict | RawArticle]) -> Iterator[dict]:
        """Extract many articles (dicts with `text` or `html`, ...) through `nlp.pipe`.

        Raises the ExtractorError of the first article that fails; use `process` to
        get failures as values instead.
        """
        for _raw, result in self.process(_as_raw(a) for a in articles):
            if isinstance(result, ExtractorError):
                raise result
            yield result.to_dict()

    def process_one(self, raw: RawArticle) -> Article:
        ((_, result),) = self.process([raw])
        if isinstance(result, ExtractorError):
            raise result
        return result

    def process(self, raws: Iterable[RawArticle]) -> Iterator[tuple[RawArticle, Article | ExtractorError]]:
        """Yield each article with its result, or with the error that stopped it.

        One article's failure never stops the others.
        """
        prepared: list[tuple[RawArticle, CleanArticle | ExtractorError]] = []
        for raw in raws:
            try:
                prepared.append((raw, clean(raw)))
            except ExtractorError as exc:
                prepared.append((raw, exc))
        texts = ((c.text if isinstance(c, CleanArticle) else "", i) for i, (_, c) in enumerate(prepared))
        for doc, i in self.nlp.pipe(texts, as_tuples=True, batch_size=self.settings.batch_size):
            raw, cleaned = prepared[i]
            if isinstance(cleaned, ExtractorError):
                yield raw, cleaned
                continue
            try:
                yield raw, enrich(doc, raw, cleaned)
            except ExtractorError as exc:
                yield raw, exc
            except Exception as exc:  # a bug in a stage must not stop the batch
                err = ArticleError(f"{raw.path or raw.id or 'article'}: internal error in the "
                                   f"pipeline: {type(exc).__name__}: {exc}")
                err.__cause__ = exc
                yield raw, err


def _as_raw(article: dict | RawArticle) -> RawArticle:
    if isinstance(article, RawArticle):
        return article
    authors = article.get("authors") or ()
    return RawArticle(id=str(article.get("id") or ""), path=None,
                      format="html" if article.get("html") is not None else "text",
                      text=article.get("text"), html=article.get("html"),
                      url=article.get("url"), title=article.get("title"),
                      published=article.get("published"),
                      authors=tuple(authors) if isinstance(authors, (list, tuple)) else (str(authors),))
