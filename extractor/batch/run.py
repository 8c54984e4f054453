"""Batch runs: files and folders in, one JSON file per article out, a run record beside them.

How a run stays correct at scale:
- Workers only compute. The parent reads the inputs and writes every output, so the
  bytes of an output never depend on --jobs, on Dask, or on the order results arrive.
- Each output is written atomically (temporary file, then rename), and only then is
  its line appended to `OUT/_manifest.jsonl`: output path, hash of the input article,
  pipeline version. The next run skips an article whose line matches; a run killed
  between the two redoes that one article and writes the same bytes again.
- One bad article never stops the batch: input errors, pipeline errors and even a
  worker process that dies are recorded in `OUT/_run.jsonl` against the article.
"""
from __future__ import annotations

import itertools
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExtractorError, InputError
from ..ingest.files import discover, read_articles
from .outputs import (MANIFEST, Manifest, input_hash, lock, pipeline_version, remove_stale_tmp,
                      write_bytes_atomic)
from ..records import RawArticle
from ..settings import Settings
from .workers import Result, extract_with, extractor_for, open_backend, schedule

if TYPE_CHECKING:
    from ..pipeline import Extractor

__all__ = ["MANIFEST", "RUN_RECORD", "Monitor", "Outcome", "OutputSink", "RunSummary", "default_jobs",
           "run_batch"]

RUN_RECORD = "_run.jsonl"
# Work is handed out in chunks, and a chunk is one nlp.pipe batch, whose memory grows
# with its size: on the 80 Fundus pages, batches of 1, 8 and 32 articles peaked at
# 360, 581 and 1047 MB, at the same speed (within the noise). So at most 8 articles,
# and at most ~200,000 characters of body text (a few long reads).
MAX_CHUNK_ARTICLES = 8
MAX_CHUNK_TEXT_CHARS = 200_000
# The body is a small part of a page's HTML (1.8% over the Fundus pages); HTML counts
# at 1/20 of its length towards the text budget, which still over-estimates most bodies.
HTML_PER_TEXT_CHAR = 20
# A worker's chunk holds at most 1/4 of its share of the articles left (guided
# scheduling): full chunks early on, single articles at the end, so that the
# workers finish within about one article of each other.
CHUNKS_PER_WORKER = 4
# Memory to plan per worker process: the model and one chunk in flight peak at
# 300-600 MB on news pages (tests/bench/throughput.py). A rare article near the
# text limit (settings.MAX_TEXT_CHARS) can take ~1.7 GB alone; one at a time fits.
WORKER_MEMORY_BYTES = 1024 ** 3
# A run with fewer articles to extract than this stays in this process: starting a
# worker (interpreter, spaCy, model) takes ~3 s, more than it saves on so few.
SMALL_RUN_ARTICLES = 32


@dataclass(frozen=True)
class Outcome:
    """What became of one input article."""

    input: str            # input path (with :line for JSON Lines)
    output: str | None    # output path relative to OUT
    status: str           # ok, skipped (output already up to date), failed
    reason: str | None = None
    seconds: float = 0.0


@dataclass(frozen=True)
class RunSummary:
    """Counts of a finished run, and the articles that failed."""

    ok: int
    skipped: int
    failed: int
    seconds: float
    failures: tuple[Outcome, ...]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


class Monitor:
    """Follows a run as it goes (the CLI draws a progress line from it)."""

    def expect(self, articles: int) -> None:
        """The number of articles the run expects grew by `articles` (may be negative)."""

    def outcome(self, outcome: Outcome) -> None:
        """One article is done: ok, skipped or failed."""


class OutputSink:
    """Follows the outputs themselves: told of each one written or removed, as it happens
    (the corpus database is written so while a run goes)."""

    def written(self, rel: str, payload: bytes) -> None:
        """The output `rel` (relative to OUT) now holds `payload`."""

    def removed(self, rel: str) -> None:
        """The output `rel` was deleted (its input now fails)."""


def default_jobs() -> int:
    """Every core this process may run on, but no more workers than the memory holds."""
    try:
        cores = len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # no sysconf (Windows): cores only
        return cores
    return max(1, min(cores, memory // WORKER_MEMORY_BYTES))


@dataclass(frozen=True)
class _Job:
    name: str                 # input name for the run record
    rel: str                  # output path relative to OUT
    raw: RawArticle
    stamp: tuple[str, str]    # (input hash, pipeline version)


class _Run:
    """One batch run over OUT: planning, skipping, writing, recording."""

    def __init__(self, out: Path, settings: Settings, monitor: Monitor, sink: OutputSink):
        self.out, self.settings, self.monitor, self.sink = out, settings, monitor, sink
        self.version = pipeline_version(settings)
        self.manifest = Manifest(out)
        self.record = open(out / RUN_RECORD, "w", encoding="utf-8")
        self.counts = {"ok": 0, "skipped": 0, "failed": 0}
        self.failures: list[Outcome] = []
        self.claimed: dict[str, str] = {}   # output path -> the input that has it this run
        self.expected = 0                    # articles expected: files, then articles read
        self.seen = 0                        # articles read so far

    def expect(self, articles: int) -> None:
        self.expected += articles
        self.monitor.expect(articles)

    def jobs(self, inputs: Sequence[str | Path]) -> Iterator[_Job]:
        """Every article of the inputs that needs extracting; the others are recorded here."""
        self.expect(sum(1 for _ in discover(inputs, exclude=self.out)))
        for item in discover(inputs, exclude=self.out):
            if isinstance(item, InputError):
                self.done(Outcome(item.path or str(item), None, "failed", str(item)))
                continue
            # A file's articles at once (a file is at most max_file_bytes): a JSON Lines
            # file's count is then known before its first article goes out.
            articles = list(read_articles(item, max_bytes=self.settings.max_file_bytes))
            self.expect(len(articles) - 1)
            for name, rel, article in articles:
                self.seen += 1
                if isinstance(article, InputError):
                    self.done(Outcome(name, rel, "failed", str(article)))
                elif rel in self.claimed:
                    self.done(Outcome(name, rel, "failed",
                                      f"{name}: its output {rel} is also the output of "
                                      f"{self.claimed[rel]}; rename one of them"), forget=False)
                else:
                    self.claimed[rel] = name
                    stamp = (input_hash(article), self.version)
                    if (not self.settings.force and self.manifest.entries.get(rel) == stamp
                            and (self.out / rel).is_file()):
                        self.done(Outcome(name, rel, "skipped"))
                    else:
                        yield _Job(name, rel, article, stamp)

    def deliver(self, job: _Job, result: Result) -> None:
        payload, error, seconds = result
        if payload is None:
            self.done(Outcome(job.name, job.rel, "failed", error, seconds))
            return
        try:
            write_bytes_atomic(self.out / job.rel, payload)
        except OSError as exc:
            self.done(Outcome(job.name, job.rel, "failed",
                              f"cannot write {self.out / job.rel}: {exc.strerror or exc}", seconds))
            return
        self.manifest.add(job.rel, job.stamp)
        self.sink.written(job.rel, payload)
        self.done(Outcome(job.name, job.rel, "ok", None, seconds))

    def done(self, outcome: Outcome, *, forget: bool = True) -> None:
        if outcome.status == "failed":
            self.failures.append(outcome)
            if forget and outcome.output and outcome.output in self.manifest.entries:
                # An output this tool wrote for an input that now fails is stale.
                (self.out / outcome.output).unlink(missing_ok=True)
                self.manifest.forget(outcome.output)
                self.sink.removed(outcome.output)
        self.counts[outcome.status] += 1
        self.record.write(json.dumps({"input": outcome.input, "output": outcome.output,
                                      "status": outcome.status, "reason": outcome.reason,
                                      "seconds": outcome.seconds}) + "\n")
        self.record.flush()
        self.monitor.outcome(outcome)

    def close(self) -> None:
        self.record.close()
        self.manifest.close()


def run_batch(inputs: Sequence[str | Path], out: str | Path, *, settings: Settings | None = None,
              extractor: Extractor | None = None, monitor: Monitor | None = None,
              sink: OutputSink | None = None) -> RunSummary:
    """Extract every article under `inputs` into `out`; one bad article never stops the rest.

    Args:
        settings: jobs, force, dask, model, size limit; by default from the environment.
        extractor: a loaded Extractor to use when the run is in this process (jobs=1).
        monitor: told of every outcome as it happens.
        sink: told of every output written or removed, as it happens.

    Raises:
        ExtractorError: the run cannot start (OUT unusable, another run writing to it,
            model or Dask missing); articles that fail are recorded, never raised.
    """
    started = time.perf_counter()
    out = Path(out)
    settings = settings or Settings.from_env()
    if settings.jobs is not None and settings.jobs < 1:
        raise ExtractorError(f"--jobs must be at least 1, not {settings.jobs}")
    try:
        out.mkdir(parents=True, exist_ok=True)
        held = lock(out)
    except OSError as exc:
        raise ExtractorError(f"cannot use {out} as the output folder: {exc.strerror or exc}") from exc
    try:
        remove_stale_tmp(out)
        run = _Run(out, settings, monitor or Monitor(), sink or OutputSink())
        try:
            # A folder named twice is read once (its articles would clash with themselves).
            unique: dict[Path, str | Path] = {}
            for given in inputs:
                unique.setdefault(Path(given).resolve(), given)
            _extract_all(run, list(unique.values()), settings, extractor)
        finally:
            run.close()
    finally:
        held.close()
    return RunSummary(ok=run.counts["ok"], skipped=run.counts["skipped"],
                      failed=run.counts["failed"], seconds=round(time.perf_counter() - started, 3),
                      failures=tuple(run.failures))


def _extract_all(run: _Run, inputs: Sequence[str | Path], settings: Settings,
                 extractor: Extractor | None) -> None:
    workers = settings.jobs or default_jobs()
    jobs = run.jobs(inputs)
    head = list(itertools.islice(jobs, SMALL_RUN_ARTICLES))
    pending = itertools.chain(head, jobs)
    if not settings.dask and (workers == 1 or len(head) < SMALL_RUN_ARTICLES):
        # In this process: no pool to start, and the model loads only if there is work.
        for chunk in _chunks(pending, size=lambda: MAX_CHUNK_ARTICLES):
            ready = extractor or extractor_for(settings)
            for job, result in zip(chunk, extract_with(ready, [j.raw for j in chunk])):
                run.deliver(job, result)
        return
    with open_backend(settings, workers) as backend:
        # Read once: on a remote Dask cluster each read asks the scheduler.
        running = backend.workers

        def size() -> int:
            # Guided: chunks shrink as the run nears its end, so the workers finish together.
            left = max(run.expected - run.seen, 0)
            return max(1, min(MAX_CHUNK_ARTICLES, left // (running * CHUNKS_PER_WORKER)))

        schedule(backend, _chunks(pending, size=size), run.deliver)


def _chunks(jobs: Iterable[_Job], *, size: Callable[[], int]) -> Iterator[list[_Job]]:
    """Chunks of `size()` jobs, cut early when their text passes MAX_CHUNK_TEXT_CHARS."""
    chunk: list[_Job] = []
    chars = 0
    limit = size()
    for job in jobs:
        chunk.append(job)
        raw = job.raw
        chars += len(raw.html) // HTML_PER_TEXT_CHAR if raw.html is not None else len(raw.text or "")
        if len(chunk) >= limit or chars >= MAX_CHUNK_TEXT_CHARS:
            yield chunk
            chunk, chars, limit = [], 0, size()
    if chunk:
        yield chunk


