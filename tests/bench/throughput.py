"""Throughput of batch runs, in one run; prints every figure against its target.

    .venv/bin/python tests/bench/throughput.py [--pages DIR] [--work DIR] [--quick]

On the 80 Fundus pages (../shared/bench/fundus/html/*.html.gz):
1. bare `nlp.pipe` over the page bodies (the project's own cleaning makes them)
   against the whole pipeline over the same pages, in this process, model loaded
   (target: >= 0.85x); with the time each stage takes;
2. `extractor run` end to end (process start and model loading included) with
   --jobs 1 and --jobs 2 (target: >= 1.7x), the peak RSS of every process
   (target: <= 700 MB per worker), and a resumed run (target: < 5% of the first);
3. seconds per word on one 50,000-word article against 100 articles of 500 words
   cut from the same text (target: <= 1.3x), with the stages' times, so a stage
   that grows faster than the text shows up by name.

Not collected by pytest (tests/bench is in norecursedirs). Figures are only as
steady as the machine: run it when nothing else competes for the cores.
"""
from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from extractor import pipeline
from extractor.batch.run import MAX_CHUNK_ARTICLES
from extractor.ingest.files import discover, read_articles
from extractor.nlp import load_model
from extractor.records import RawArticle
from extractor.settings import Settings

REPO = Path(__file__).resolve().parents[2]
FUNDUS = REPO.parent / "shared" / "bench" / "fundus" / "html"
LONG_WORDS, SHORT_WORDS, SHORT_COUNT = 50_000, 500, 100
# Functions timed for the per-stage figures: module, function name.
# (module, function) as pipeline.py calls them: the stage packages' entry points.
STAGES = [("ingest.guards", "scrub_article"), ("ingest.guards", "check_html_depth"), ("clean", "parse_html"),
          ("clean", "clean_text"), ("entities", "find_entities"), ("quotes", "find_quotes"),
          ("speakers", "resolve_speakers"), ("dates", "find_dates"), ("numbers", "find_numbers"),
          ("claims", "link_claims")]
# No time limit while measuring: a figure must not come from an article cut short.
SETTINGS = Settings(timeout=0)


def load_pages(folder: Path) -> list[RawArticle]:
    raws = []
    for item in discover([folder]):
        for _name, _rel, raw in read_articles(item, max_bytes=SETTINGS.max_file_bytes):
            if isinstance(raw, RawArticle):
                raws.append(raw)
    return raws


def timed(fn, *args):
    started = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - started


class StageClock:
    """Wraps the stage functions and the model's calls to add up the seconds of each."""

    def __init__(self, nlp):
        self.seconds: dict[str, float] = defaultdict(float)
        self.nlp = nlp
        self._undo = []

    def _wrap(self, owner, attr: str, label: str) -> None:
        original = getattr(owner, attr)

        @functools.wraps(original)
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - started

        setattr(owner, attr, wrapper)
        self._undo.append((owner, attr, original))

    def __enter__(self):
        import importlib

        for module, name in STAGES:
            mod = importlib.import_module(f"extractor.{module}")
            if hasattr(mod, name):
                self._wrap(mod, name, f"{module}.{name}")
        clock = self

        class TimedModel:  # nlp.pipe and nlp(text), timed; everything else passed through
            def __getattr__(self, attr):
                return getattr(clock.nlp, attr)

            def pipe(self, texts, **kwargs):
                docs, seconds = timed(lambda: list(clock.nlp.pipe(texts, **kwargs)))
                clock.seconds["spaCy model"] += seconds
                return iter(docs)

            def __call__(self, text):
                doc, seconds = timed(clock.nlp, text)
                clock.seconds["spaCy model"] += seconds
                return doc

        self.model = TimedModel()
        return self

    def __exit__(self, *exc):
        for owner, attr, original in reversed(self._undo):
            setattr(owner, attr, original)


def run_pipeline(nlp, raws: list[RawArticle]) -> float:
    extractor = pipeline.Extractor(SETTINGS, nlp=nlp)
    results, seconds = timed(lambda: list(extractor.process(raws)))
    failed = [r for _raw, r in results if not isinstance(r, pipeline.Article)]
    if failed:
        print(f"  ! {len(failed)} articles failed, e.g. {failed[0]}")
    return seconds


def stage_breakdown(nlp, raws: list[RawArticle]) -> tuple[float, dict[str, float]]:
    with StageClock(nlp) as clock:
        total = run_pipeline(clock.model, raws)
    return total, dict(clock.seconds)


def print_stages(stages: dict[str, float], total: float, words: int) -> None:
    other = total - sum(stages.values())
    for label, seconds in sorted(stages.items(), key=lambda kv: -kv[1]) + [("(rest)", other)]:
        print(f"    {label:<26} {seconds:8.2f} s  {100 * seconds / total:5.1f}%  "
              f"{1e6 * seconds / words:8.1f} µs/word")


# --- end-to-end runs, with the memory of every process ----------------------------

def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"resource_tracker" not in (
                    _read(f"/proc/{entry}/cmdline")):  # multiprocessing's helper, not a worker
                kids.append(int(entry))
    return kids


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""


def _peak_rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else None


def extractor_run(pages: Path, out: Path, *args: str) -> tuple[float, dict[str, float]]:
    """Wall seconds of `extractor run`, and the peak RSS (MB) of it and its workers."""
    command = [sys.executable, "-m", "extractor", "run", str(pages), "-o", str(out), *args]
    peaks: dict[str, float] = {}
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def watch():
        while proc.poll() is None:
            for label, pid in [("parent", proc.pid)] + [
                    (f"worker {k}", k) for k in _children(proc.pid)]:
                rss = _peak_rss_mb(pid)
                if rss is not None:
                    peaks[label] = max(peaks.get(label, 0.0), rss)
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _out, err = proc.communicate()
    seconds = time.perf_counter() - started
    watcher.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"extractor run failed ({proc.returncode}):\n{err}")
    summary = err.strip().splitlines()[-1] if err.strip() else ""
    print(f"    {' '.join(args) or '(defaults)'}: {seconds:.1f} s wall  | {summary}")
    return seconds, peaks


# --- long against short ---------------------------------------------------------------

def word_pieces(bodies: list[str], *, count: int, words: int) -> list[str]:
    """`count` texts of exactly `words` words, cut in order from the bodies' paragraphs."""
    paragraphs = [p for body in bodies for p in body.split("\n\n") if p.strip()]
    pieces, current, have, i = [], [], 0, 0
    while len(pieces) < count:
        para = paragraphs[i % len(paragraphs)].split()
        i += 1
        take = para[: words - have]
        current.append(" ".join(take))
        have += len(take)
        if have == words:
            pieces.append("\n\n".join(current))
            current, have = [], 0
    return pieces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=FUNDUS)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--quick", action="store_true", help="skip the long-against-short part")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="throughput-"))
    print(f"cores: {len(os.sched_getaffinity(0))}, load average: {os.getloadavg()[0]:.1f}, "
          f"work folder: {work}")

    raws = load_pages(args.pages)
    nlp = load_model(SETTINGS.model)
    bodies = [pipeline.clean(raw).text for raw in raws]
    words = sum(len(b.split()) for b in bodies)
    list(nlp.pipe(bodies[:2]))  # warm up

    print(f"\n1. {len(raws)} pages, {words} words of body text, model loaded, in this process")
    _docs, bare = timed(lambda: list(nlp.pipe(bodies)))
    _docs, bare8 = timed(lambda: list(nlp.pipe(bodies, batch_size=MAX_CHUNK_ARTICLES)))
    del _docs
    full = run_pipeline(nlp, raws)
    print(f"    bare nlp.pipe over the bodies: {bare:6.2f} s  {len(raws) / bare:6.2f} articles/s")
    print(f"    the same, batches of {MAX_CHUNK_ARTICLES}:       {bare8:6.2f} s  "
          f"{len(raws) / bare8:6.2f} articles/s (the batch size of `extractor run`)")
    print(f"    whole pipeline (Extractor):     {full:6.2f} s  {len(raws) / full:6.2f} articles/s")
    print(f"    ratio pipeline / bare nlp.pipe: {bare / full:.2f}x   (target >= 0.85x)")
    total, stages = stage_breakdown(nlp, raws)
    print(f"    where the pipeline's time goes ({total:.2f} s with the clocks on):")
    print_stages(stages, total, words)

    print("\n2. extractor run, end to end (process start and model loading included)")
    shutil.rmtree(work / "runs", ignore_errors=True)
    one, peaks1 = extractor_run(args.pages, work / "runs" / "j1", "--jobs", "1")
    two, peaks2 = extractor_run(args.pages, work / "runs" / "j2", "--jobs", "2")
    resumed, _ = extractor_run(args.pages, work / "runs" / "j1", "--jobs", "1")
    print(f"    --jobs 1: {len(raws) / one:.2f} articles/s; whole pipeline against bare nlp.pipe "
          f"end to end: {bare / one:.2f}x")
    print(f"    --jobs 2: {len(raws) / two:.2f} articles/s; speed-up {one / two:.2f}x  (target >= 1.7x)")
    print(f"    resumed run: {resumed:.2f} s = {100 * resumed / one:.1f}% of the first  (target < 5%)")
    print(f"    peak RSS, --jobs 1: {peaks1.get('parent', 0):.0f} MB (the one process)")
    workers = {k: v for k, v in peaks2.items() if k != "parent"}
    print(f"    peak RSS, --jobs 2: parent {peaks2.get('parent', 0):.0f} MB, workers "
          + ", ".join(f"{v:.0f} MB" for v in workers.values()) + "  (target <= 700 MB per worker)")
    same = all((work / "runs" / "j1" / p.relative_to(work / "runs" / "j2")).read_bytes() == p.read_bytes()
               for p in (work / "runs" / "j2").rglob("*.json"))
    print(f"    --jobs 1 and --jobs 2 outputs byte-identical: {same}")

    if not args.quick:
        pieces = word_pieces(bodies, count=SHORT_COUNT, words=SHORT_WORDS)
        short = [RawArticle(id=f"s{i}", path=None, format="text", text=p) for i, p in enumerate(pieces)]
        long = [RawArticle(id="long", path=None, format="text", text="\n\n".join(pieces))]
        n = SHORT_COUNT * SHORT_WORDS
        print(f"\n3. one {LONG_WORDS}-word article ({len(long[0].text)} chars) against "
              f"{SHORT_COUNT} of {SHORT_WORDS} words (the same text), in this process")
        short_s, short_stages = stage_breakdown(nlp, short)
        long_s, long_stages = stage_breakdown(nlp, long)
        print(f"    short: {1e6 * short_s / n:7.1f} µs/word   long: {1e6 * long_s / n:7.1f} µs/word   "
              f"ratio {long_s / short_s:.2f}x  (target <= 1.3x)")
        print("    per stage, long / short:")
        for label in sorted(set(short_stages) | set(long_stages), key=lambda k: -long_stages.get(k, 0)):
            s, ln = short_stages.get(label, 0.0), long_stages.get(label, 0.0)
            print(f"      {label:<26} short {s:7.2f} s  long {ln:7.2f} s  "
                  f"{ln / s if s else float('inf'):6.2f}x")


if __name__ == "__main__":
    main()
