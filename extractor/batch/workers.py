"""Where chunks of articles are extracted: worker processes of this machine, or a Dask cluster.

A worker loads the model once (the first chunk it gets) and runs `Extractor.process`
over each chunk it is handed, returning the output bytes; it never touches OUT.
Both backends offer the same small interface to `schedule`:
`workers`, `submit(raws)`, `wait(futures)`, `result(future)`, `restart()`, `close()`.
"""
from __future__ import annotations

import contextlib
import functools
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent import futures as cf
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Protocol

from ..errors import ExtractorError, ModelNotFoundError
from .outputs import article_json
from ..records import RawArticle
from ..settings import Settings

if TYPE_CHECKING:
    from ..pipeline import Extractor

# (output JSON bytes or None, error message or None, seconds) for one article.
Result = tuple[bytes | None, str | None, float]
# "spawn": a fresh interpreter per worker, the same on Linux, macOS and Windows, and
# no copy of the parent's threads or locks (forking a process with threads can hang).
START_METHOD = "spawn"
# A worker loads a fresh model after this many chunks (~1,600 articles): spaCy's
# string store only grows, so a worker of a week-long run would otherwise creep up in
# memory. Reloading (~2 s) once per some ten minutes of work costs well under 1%.
# (ProcessPoolExecutor's max_tasks_per_child would do it too, but can deadlock on
# Python 3.11-3.13: cpython issue 115634.)
CHUNKS_PER_MODEL_LIFE = 200
DASK_EXTRA = "pip install 'extractor[dask]'"
# How often a local worker checks that the run that started it is still there.
PARENT_CHECK_SECONDS = 1.0


class Job(Protocol):
    name: str
    raw: RawArticle


class WorkerLost(Exception):
    """A worker process died while it held a chunk (crash, or killed for its memory)."""


@functools.lru_cache(maxsize=2)
def extractor_for(settings: Settings) -> Extractor:
    """This process's Extractor for `settings`: the model loads once per process."""
    from ..pipeline import Extractor

    return Extractor(settings)


_chunks_done = 0  # by this worker process, since its model was loaded


def extract_chunk(raws: Sequence[RawArticle], settings: Settings) -> list[Result]:
    """Extract a chunk of articles in a worker; one result per article, in order."""
    global _chunks_done
    if _chunks_done >= CHUNKS_PER_MODEL_LIFE:
        from ..nlp import forget_models

        extractor_for.cache_clear()
        forget_models()
        _chunks_done = 0
    _chunks_done += 1
    return extract_with(extractor_for(settings), raws)


def extract_with(extractor: Extractor, raws: Sequence[RawArticle]) -> list[Result]:
    """Extract `raws` with `extractor`; an unexpected exception is pinned on its article."""
    try:
        results: list[Result] = []
        started = time.perf_counter()
        for _raw, article in extractor.process(raws):
            now = time.perf_counter()
            seconds, started = round(now - started, 3), now
            if isinstance(article, ExtractorError):
                results.append((None, str(article), seconds))
            else:
                results.append((article_json(article.to_dict()), None, seconds))
        return results
    except ModelNotFoundError:
        raise  # not the article's fault: the run cannot go on
    except Exception as exc:  # a bug outside the per-article guard of Extractor.process
        if len(raws) > 1:  # redo one by one, so only the article that raises fails
            return [r for raw in raws for r in extract_with(extractor, [raw])]
        return [(None, f"{raws[0].name}: internal error in the pipeline: {type(exc).__name__}: {exc}", 0.0)]


def watch_parent(parent: int) -> None:
    """End this worker when the run that started it is gone (killed with -9, say):
    an orphan would otherwise wait forever for work, holding its model's memory."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


class PoolBackend:
    """Worker processes on this machine (`concurrent.futures.ProcessPoolExecutor`)."""

    # A worker that dies breaks the whole pool: every chunk in flight is lost with it.
    loses_all_on_crash = True

    def __init__(self, settings: Settings, workers: int):
        self.settings, self.workers = settings, workers
        self._pool: cf.ProcessPoolExecutor | None = None

    def submit(self, raws: list[RawArticle]) -> cf.Future:
        if self._pool is None:  # started on the first chunk: a run with nothing to do starts none
            self._pool = cf.ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context(START_METHOD),
                initializer=watch_parent, initargs=(os.getpid(),))
        return self._pool.submit(extract_chunk, raws, self.settings)

    def wait(self, pending: list[cf.Future]) -> set[cf.Future]:
        return cf.wait(pending, return_when=cf.FIRST_COMPLETED).done

    def result(self, future: cf.Future) -> list[Result]:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise WorkerLost("a worker process died while extracting this article "
                             "(a crash, or the system killed it for its memory use)") from exc

    def restart(self) -> None:
        self.close()

    def close(self, *, interrupted: bool = False) -> None:
        if self._pool is None:
            return
        if interrupted:  # stop now: the workers' chunks are redone by the next run
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()
        self._pool.shutdown(wait=not interrupted, cancel_futures=True)
        self._pool = None


class DaskBackend:
    """The workers of a Dask cluster: `tcp://HOST:PORT`, or "local" for a LocalCluster.

    Every worker needs extractor and its model installed; one thread per worker
    (`dask worker --nthreads 1 --nworkers N`) suits the GIL-bound pipeline best.
    """

    # Dask reruns a dead worker's tasks elsewhere; only those that keep killing
    # workers come back as KilledWorker, so the other chunks are not affected.
    loses_all_on_crash = False

    def __init__(self, settings: Settings, workers: int):
        try:
            import distributed
        except ImportError as exc:
            raise ExtractorError(f"--dask needs Dask's distributed scheduler: {DASK_EXTRA}") from exc
        self._dask = distributed
        self.settings, self.address = settings, settings.dask
        self._local_workers = workers
        self._cluster = self._client = None

    @property
    def workers(self) -> int:
        if self.address == "local":
            return self._local_workers
        return max(1, sum(self._connect().nthreads().values()))

    def _connect(self):
        if self._client is None:
            try:
                if self.address == "local":
                    self._cluster = self._dask.LocalCluster(
                        n_workers=self._local_workers, threads_per_worker=1, processes=True,
                        dashboard_address=None, silence_logs=logging.ERROR)
                    self._client = self._dask.Client(self._cluster)
                else:
                    self._client = self._dask.Client(self.address)
            except (OSError, TimeoutError) as exc:
                raise ExtractorError(f"cannot reach the Dask scheduler at {self.address}: {exc}; "
                                     "is it running? (or use --dask local)") from exc
        return self._client

    def submit(self, raws: list[RawArticle]):
        # pure=False: no hashing of a chunk's text to make a task key.
        return self._connect().submit(extract_chunk, raws, self.settings, pure=False)

    def wait(self, pending: list) -> set:
        return set(self._dask.wait(pending, return_when="FIRST_COMPLETED").done)

    def result(self, future) -> list[Result]:
        try:
            return future.result()
        except self._dask.KilledWorker as exc:
            raise WorkerLost("Dask workers kept dying while extracting this article "
                             "(a crash, or killed for their memory use)") from exc
        except ExtractorError:
            raise
        except Exception as exc:  # e.g. extractor or its model missing on a worker
            raise ExtractorError(f"a Dask worker could not run the extraction: "
                                 f"{type(exc).__name__}: {exc}; every worker needs extractor "
                                 "and its model installed") from exc

    def restart(self) -> None:
        pass

    def close(self, *, interrupted: bool = False) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def schedule(backend: PoolBackend | DaskBackend, chunks: Iterable[list[Job]],
             deliver: Callable[[Job, Result], None]) -> None:
    """Keep every worker busy with chunks of jobs; isolate the article that kills a worker.

    A job has `.raw` (the RawArticle) and `.name`; `deliver` gets each job with its result.

    When a worker dies, the articles it may have held become suspects and run one
    at a time (a dead worker takes down a local pool's other tasks too), so the one
    that kills again is the one recorded as failed, and the others are saved.
    """
    source = iter(chunks)
    in_flight: dict[object, list[Job]] = {}
    suspects: deque[Job] = deque()
    window = backend.workers * 2  # one chunk running and one queued per worker
    while True:
        isolating = bool(suspects) and backend.loses_all_on_crash
        while len(in_flight) < (1 if isolating else window):
            chunk = [suspects.popleft()] if suspects else next(source, None)
            if chunk is None:
                break
            in_flight[backend.submit([j.raw for j in chunk])] = chunk
        if not in_flight:
            return
        lost = False
        for future in backend.wait(list(in_flight)):
            lost = _collect(backend, future, in_flight.pop(future), deliver, suspects,
                            isolating=isolating) or lost
        if lost and backend.loses_all_on_crash:
            # The crash took the pool's other tasks down too: whatever finished is
            # delivered, the rest become suspects (never isolating here: its window is 1).
            for future, chunk in in_flight.items():
                _collect(backend, future, chunk, deliver, suspects, isolating=False)
            in_flight.clear()
            backend.restart()


def _collect(backend: PoolBackend | DaskBackend, future, chunk: list[Job],
             deliver: Callable[[Job, Result], None], suspects: deque[Job], *, isolating: bool) -> bool:
    """Deliver a finished chunk's results; True when its worker was lost. A lone article
    that kills its worker fails (when a crash cannot have been another's); otherwise the
    chunk's articles become suspects, to run one at a time."""
    try:
        results = backend.result(future)
    except WorkerLost as exc:
        if len(chunk) == 1 and (isolating or not backend.loses_all_on_crash):
            deliver(chunk[0], (None, f"{chunk[0].name}: {exc}", 0.0))
        else:
            suspects.extend(chunk)
        return True
    for job, result in zip(chunk, results):
        deliver(job, result)
    return False


@contextlib.contextmanager
def open_backend(settings: Settings, workers: int) -> Iterator[PoolBackend | DaskBackend]:
    backend = DaskBackend(settings, workers) if settings.dask else PoolBackend(settings, workers)
    try:
        yield backend
    except BaseException:
        backend.close(interrupted=True)
        raise
    backend.close()
