"""Batch runs: files and folders in, one JSON file per article out, a run record beside them."""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import ExtractorError, InputError
from .ingest import discover, read_articles
from .pipeline import Extractor
from .records import RawArticle
from .settings import Settings

RUN_RECORD = "_run.jsonl"


@dataclass(frozen=True)
class Outcome:
    """What became of one input article."""

    input: str            # input path (with :line for JSON Lines)
    output: str | None    # output path relative to OUT
    status: str           # ok, failed
    reason: str | None = None
    seconds: float = 0.0


@dataclass(frozen=True)
class RunSummary:
    ok: int
    failed: int
    outcomes: tuple[Outcome, ...]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def write_json_atomic(path: Path, data: dict) -> None:
    """Write `data` to `path` via a temporary file and a rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _pending(inputs: Sequence[str | Path], out: Path, settings: Settings,
             ) -> Iterator[tuple[str, str | None, RawArticle | InputError]]:
    """(input name, output rel path, article or error) for every article in the inputs."""
    for item in discover(inputs, exclude=out):
        if isinstance(item, InputError):
            yield item.path, None, item
            continue
        yield from read_articles(item, max_bytes=settings.max_file_bytes)


def run_batch(inputs: Sequence[str | Path], out: str | Path, *, settings: Settings | None = None,
              extractor: Extractor | None = None,
              report: Callable[[Outcome], None] | None = None) -> RunSummary:
    """Extract every article under `inputs` into `out`; one bad article never stops the rest."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    settings = settings or Settings.from_env()
    extractor = extractor or Extractor(settings)
    outcomes: list[Outcome] = []
    targets: dict[int, tuple[str, str | None]] = {}
    raws: list[RawArticle] = []

    def record(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if report:
            report(outcome)

    for name, rel, article in _pending(inputs, out, settings):
        if isinstance(article, InputError):
            record(Outcome(name, rel, "failed", str(article)))
        else:
            targets[id(article)] = (name, rel)
            raws.append(article)

    started = time.perf_counter()
    for raw, result in extractor.process(raws):
        name, rel = targets[id(raw)]
        now = time.perf_counter()
        seconds, started = round(now - started, 3), now
        if isinstance(result, ExtractorError):
            record(Outcome(name, rel, "failed", str(result), seconds))
            continue
        try:
            write_json_atomic(out / rel, result.to_dict())
        except OSError as exc:
            record(Outcome(name, rel, "failed", f"cannot write {out / rel}: {exc.strerror or exc}", seconds))
            continue
        record(Outcome(name, rel, "ok", None, seconds))

    _write_run_record(out, outcomes)
    ok = sum(o.status == "ok" for o in outcomes)
    return RunSummary(ok=ok, failed=len(outcomes) - ok, outcomes=tuple(outcomes))


def _write_run_record(out: Path, outcomes: Sequence[Outcome]) -> None:
    lines = [json.dumps({"input": o.input, "output": o.output, "status": o.status,
                         "reason": o.reason, "seconds": o.seconds}, ensure_ascii=False)
             for o in outcomes]
    path = out / RUN_RECORD
    fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{RUN_RECORD}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("".join(line + "\n" for line in lines))
    os.replace(tmp, path)


def print_outcome(outcome: Outcome) -> None:
    """One line on stderr per failed article: the file and the reason."""
    if outcome.status == "failed":
        print(f"error: {outcome.reason}", file=sys.stderr)
