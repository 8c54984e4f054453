"""The pipeline: raw article -> clean text -> spaCy Doc -> records -> Article.

Each stage is a function of its own module; this module only calls them in order.
"""
from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from . import claims as claims_stage
from . import clean as clean_stage
from . import dates as dates_stage
from . import entities as entities_stage
from . import numbers as numbers_stage
from . import quotes as quotes_stage
from . import speakers as speakers_stage
from .ingest import guards as limits
from .errors import (ArticleError, ArticleLimitError, ArticleTimeoutError, ExtractorError,
                     MalformedInputError)
from .nlp import load_model
from .records import (Article, CleanArticle, Entity, NumberClaimant, NumberMention, RawArticle, Source, Span,
                      SpeakerResolution)
from .settings import MAX_QUOTES_PER_ARTICLE, Settings

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
        cleaned = clean_stage.parse_html(raw.html, url=raw.url)
    elif raw.text is not None:
        cleaned = clean_stage.clean_text(raw.text)
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


def enrich(doc: Doc, raw: RawArticle, cleaned: CleanArticle, *,
           max_quotes: int = MAX_QUOTES_PER_ARTICLE) -> Article:
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
    candidates, capped = limits.cap_quotes(quotes_stage.find_quotes(doc), limit=max_quotes)
    if capped:
        article = replace(article, warnings=article.warnings + (capped,))
    speakers = speakers_stage.resolve_speakers(doc, candidates, entities)
    quotes, entities = list(speakers.quotes), with_speaker_entities(entities, speakers)
    dates = dates_stage.find_dates(doc, published=meta.published)
    numbers = numbers_stage.find_numbers(doc, dates=dates)
    claims, claimants = claims_stage.link_claims(quotes, numbers, dates)
    numbers = with_claimants(numbers, claimants)
    return replace(article, entities=tuple(entities), quotes=tuple(quotes),
                   numbers=tuple(numbers), dates=tuple(dates), claims=tuple(claims))


def with_speaker_entities(entities: Sequence[Entity], resolution: SpeakerResolution) -> list[Entity]:
    """The entity stage's entities with what the speakers stage added: each entity's
    mentions in text order, the entities in order of first mention, ids untouched."""
    added: dict[str, set[Span]] = {}
    for link in resolution.mentions:
        added.setdefault(link.entity, set()).add(link.mention)
    extended = [replace(e, mentions=tuple(sorted(set(e.mentions) | added[e.id], key=lambda m: (m.start, m.end))))
                if e.id in added else e for e in (*entities, *resolution.entities)]
    return sorted(extended, key=lambda e: min((m.start for m in e.mentions), default=0))


def with_claimants(numbers: Sequence[NumberMention],
                   claimants: Iterable[NumberClaimant]) -> list[NumberMention]:
    """The numbers, each one a quote stands in carrying that quote's id and speaker."""
    by_number = {c.number: c for c in claimants}
    return [replace(n, quote=by_number[i].quote, speaker=by_number[i].speaker) if i in by_number else n
            for i, n in enumerate(numbers)]


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
        """Yield each article (the object given) with its result, or the error that stopped it.

        One article's failure never stops the others: a bug in a stage becomes an
        ArticleError. Articles go through in batches of `settings.batch_size`; each
        has `settings.timeout` seconds for cleaning, parsing and extraction together
        (enforced in the main thread only, see `limits.call_with_time_limit`).
        """
        batch: list[RawArticle] = []
        for raw in raws:
            batch.append(raw)
            if len(batch) >= self.settings.batch_size:
                yield from self._process_batch(batch)
                batch = []
        if batch:
            yield from self._process_batch(batch)

    def _process_batch(self, raws: list[RawArticle]) -> Iterator[tuple[RawArticle, Article | ExtractorError]]:
        jobs = [_Job(raw) for raw in raws]
        for job in jobs:
            job.cleaned = self._step(job, "cleaning", functools.partial(self._prepare, job))
        self._parse([job for job in jobs if job.error is None])
        for job in jobs:
            if job.error is None:
                job.article = self._step(job, "extracting", functools.partial(
                    enrich, job.doc, job.work, job.cleaned, max_quotes=self.settings.max_quotes))
            yield job.raw, job.error if job.error is not None else job.article

    def _prepare(self, job: _Job) -> CleanArticle:
        """Input guards, then cleaning: only safe, bounded text reaches the model."""
        job.work = limits.scrub_article(job.raw)
        if job.work.html is not None:
            limits.check_html_depth(job.work.html, limit=self.settings.max_html_depth, name=job.name)
        cleaned = limits.scrub_clean(clean(job.work))
        limit = min(self.settings.max_text_chars, getattr(self.nlp, "max_length", self.settings.max_text_chars))
        limits.check_text_length(cleaned.text, limit=limit, name=job.name)
        return cleaned

    def _parse(self, jobs: list[_Job]) -> None:
        """spaCy over the batch at once; when that fails or runs out of time, one by one,
        so that only the article at fault fails."""
        if not jobs:
            return
        timeout = self._timeout()
        # The batch gets the time its articles have left, together.
        budget = max(sum(max(timeout - j.spent, 0.0) for j in jobs), 0.001) if timeout else None
        texts = [job.cleaned.text for job in jobs]
        started = time.perf_counter()
        try:
            docs = limits.call_with_time_limit(
                budget, lambda: list(self.nlp.pipe(texts, batch_size=self.settings.batch_size)),
                message=self._timeout_message(jobs[0], "parsing"))
        except Exception as exc:  # ArticleTimeoutError too: find the article to blame
            if len(jobs) == 1:
                jobs[0].error = exc if isinstance(exc, ExtractorError) else _internal_error(
                    jobs[0], "parsing", exc)
                return
            for job in jobs:
                job.doc = self._step(job, "parsing", functools.partial(self.nlp, job.cleaned.text))
            return
        share = (time.perf_counter() - started) / len(jobs)
        for job, doc in zip(jobs, docs):
            job.doc, job.spent = doc, job.spent + share

    def _step(self, job: _Job, step: str, fn: Callable[[], object]):
        """`fn()` within the time the article has left; a failure is put on the job."""
        timeout = self._timeout()
        left = timeout - job.spent if timeout else None
        started = time.perf_counter()
        try:
            if left is not None and left <= 0:
                raise ArticleTimeoutError(self._timeout_message(job, step))
            return limits.call_with_time_limit(left, fn, message=self._timeout_message(job, step))
        except ExtractorError as exc:
            job.error = exc
        except Exception as exc:  # a bug in a stage must not stop the batch
            job.error = _internal_error(job, step, exc)
        finally:
            job.spent += time.perf_counter() - started
        return None

    def _timeout(self) -> float | None:
        """Seconds each article may take; None for no limit (a timeout of 0 or less)."""
        return self.settings.timeout if self.settings.timeout and self.settings.timeout > 0 else None

    def _timeout_message(self, job: _Job, step: str) -> str:
        return (f"{job.name}: stopped at the time limit of {self.settings.timeout:g} seconds per "
                f"article, while {step}; raise it with --timeout (0: no limit)")


@dataclass
class _Job:
    """One article on its way through a batch (bookkeeping of `Extractor.process`)."""

    raw: RawArticle                  # as given: what `process` yields back
    work: RawArticle | None = None   # after the input guards
    cleaned: CleanArticle | None = None
    doc: Doc | None = None
    article: Article | None = None
    error: ExtractorError | None = None
    spent: float = 0.0               # seconds used so far

    def __post_init__(self):
        self.work = self.raw

    @property
    def name(self) -> str:
        return self.work.name


def _internal_error(job: _Job, step: str, exc: Exception) -> ArticleError:
    if isinstance(exc, RecursionError):  # a nest the input guards did not foresee
        error: ArticleError = ArticleLimitError(
            f"{job.name}: nested too deeply to process (Python's recursion limit) while {step}")
    else:
        error = ArticleError(f"{job.name}: internal error in the pipeline while {step}: "
                             f"{type(exc).__name__}: {exc}")
    error.__cause__ = exc
    return error


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
