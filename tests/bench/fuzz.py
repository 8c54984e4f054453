"""The long fuzz run for hostile input (issue 8); pytest does not collect it.

Runs the properties of tests/test_hostile.py (ingest, HTML parsing, `extract()`, and
random files through the whole pipeline) with random hypothesis examples, round
after round, for a fixed time:

    .venv/bin/python tests/bench/fuzz.py --minutes 10

Prints how many examples each property ran, every distinct failure with the
example hypothesis shrank it to, and the examples slower than --slow seconds.
Exits 1 when any property failed.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hypothesis import HealthCheck, given, settings  # noqa: E402

import extractor  # noqa: E402
from extractor import Extractor, Settings  # noqa: E402
from tests import test_hostile as props  # noqa: E402

TARGETS = {
    "decode": (props.DECODE_ARGS, props.check_decode),
    "read_file": (props.FILE_ARGS, props.check_read_file),
    "parse_html": (props.HTML_ARGS, props.check_parse_html),
    "extract_text": (props.TEXT_ARGS, props.check_extract_text),
    "extract_html": (props.PAGE_ARGS, props.check_extract_html),
    "pipeline_on_file": (props.FILE_ARGS, props.check_pipeline_on_file),
}
# Examples per property per round: a round of the slowest property (spaCy on every
# example) takes seconds, so the clock is checked often.
ROUND_EXAMPLES = 200
# A per-article limit well under the default, so a slow example is reported, not waited on.
ARTICLE_TIMEOUT = 20.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--slow", type=float, default=5.0, help="report examples slower than this")
    parser.add_argument("--only", nargs="*", choices=sorted(TARGETS), help="fuzz these properties")
    args = parser.parse_args(argv)
    extractor._default = Extractor(Settings(timeout=ARTICLE_TIMEOUT))
    targets = {k: v for k, v in TARGETS.items() if not args.only or k in args.only}
    counts: Counter[str] = Counter()
    failures: dict[tuple[str, str], str] = {}
    slow: list[tuple[str, float, str]] = []
    started = time.monotonic()
    until = started + args.minutes * 60
    rounds = 0
    while time.monotonic() < until:
        rounds += 1
        for name, (strategies, check) in targets.items():
            if time.monotonic() >= until:
                break
            test = settings(max_examples=ROUND_EXAMPLES, deadline=None, database=None,
                            derandomize=False, suppress_health_check=list(HealthCheck),
                            print_blob=False)(given(**strategies)(_counted(name, check, counts, slow, args.slow)))
            try:
                test()
            except Exception as exc:  # a property failed: hypothesis shrank it already
                key = (name, f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")
                if key not in failures:
                    failures[key] = repr(getattr(exc, "__notes__", ""))[:2000]
                    print(f"FAILURE in {name}: {key[1]}\n  {failures[key]}", flush=True)
        minutes = (time.monotonic() - started) / 60
        print(f"round {rounds} done at {minutes:.1f} min: {sum(counts.values())} examples", flush=True)

    print(f"\nfuzzed {(time.monotonic() - started) / 60:.1f} minutes, {rounds} rounds")
    for name in targets:
        print(f"  {name:18} {counts[name]:7} examples")
    print(f"  {'total':18} {sum(counts.values()):7} examples")
    print(f"{len(failures)} distinct failures")
    for (name, what), notes in failures.items():
        print(f"  {name}: {what}\n    {notes}")
    print(f"{len(slow)} examples slower than {args.slow:g} s")
    for name, seconds, example in slow[:20]:
        print(f"  {name}: {seconds:.1f} s on {example}")
    return 1 if failures else 0


def _counted(name, check, counts, slow, slow_seconds):
    def run(**example):
        counts[name] += 1
        began = time.perf_counter()
        try:
            check(**example)
        finally:
            seconds = time.perf_counter() - began
            if seconds > slow_seconds:
                slow.append((name, seconds, repr(example)[:300]))
    return run


if __name__ == "__main__":
    sys.exit(main())
