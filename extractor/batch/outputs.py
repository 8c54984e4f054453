"""The output folder's own records: what made each output, written so a crash cannot tear them.

- `write_bytes_atomic`: a temporary file, then a rename; a killed run leaves no
  half-written output, only a hidden temporary file that the next run removes.
- `Manifest` (`OUT/_manifest.jsonl`): per output, the hash of its input article and the
  `pipeline_version` that wrote it; a run skips an article whose entry still matches.
- `lock`: one run at a time per output folder.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import re
import sys
import tempfile
from dataclasses import fields
from pathlib import Path

from ..errors import ExtractorError
from ..records import RawArticle
from ..settings import Settings

MANIFEST = "_manifest.jsonl"
LOCK_FILE = ".extractor.lock"
# Settings that decide how a run goes, or whether an article is extracted at all, but
# never what an output holds: changing them leaves finished outputs up to date.
RUN_ONLY_SETTINGS = frozenset({"jobs", "force", "dask", "batch_size", "timeout",
                               "max_file_bytes", "max_text_chars", "max_html_depth"})
# Temporary files that `write_bytes_atomic` leaves behind when a run is killed.
_STALE_TMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


def article_json(data: dict) -> bytes:
    """The bytes of one output file; the one place the output format is defined."""
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    # A lone surrogate (from a JSON input's "\ud800") cannot be UTF-8; written as the
    # JSON escape it came from, the file stays valid JSON and reads back the same.
    return text.encode("utf-8", "backslashreplace")


def write_bytes_atomic(path: Path, payload: bytes) -> None:
    """Write `payload` to `path` via a temporary file and a rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            os.fchmod(fh.fileno(), _file_mode())  # mkstemp makes 0600; outputs are to be read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@functools.lru_cache(maxsize=1)
def _file_mode() -> int:
    """The mode `open()` would give a new file: 0666 less the process's umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def pipeline_version(settings: Settings) -> str:
    """What made an output: package version, a hash of the package's files and of the
    settings that shape outputs, the model.

    Any change to these makes every output out of date.
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]  # extractor/, not only batch/
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for name, value in sorted(vars(settings).items()):
        if name not in RUN_ONLY_SETTINGS:
            digest.update(f"{name}={value!r}\0".encode())
    try:
        version = importlib.metadata.version("extractor")
    except importlib.metadata.PackageNotFoundError:
        version = "0"
    return f"{version}+{digest.hexdigest()[:12]} {_model_version(settings)}"


def _model_version(settings: Settings) -> str:
    from ..nlp import default_model_name

    name = settings.model or default_model_name()
    meta = Path(name) / "meta.json"
    if meta.is_file():  # a model folder rather than an installed package
        return f"{name}@{hashlib.sha256(meta.read_bytes()).hexdigest()[:12]}"
    for dist in (name, name.replace("_", "-")):
        try:
            return f"{name}-{importlib.metadata.version(dist)}"
        except importlib.metadata.PackageNotFoundError:
            continue
    from ..nlp import load_model

    load_model(name)  # not installed: raises ModelNotFoundError with the pip command
    return name


def input_hash(raw: RawArticle) -> str:
    """A hash of everything the pipeline reads from one input article.

    Every field, length-prefixed (no two articles hash the same bytes); None is the
    byte 0xFF, which no UTF-8 text is. Twice as fast as hashing the article's JSON.
    """
    digest = hashlib.sha256()
    for field in fields(raw):
        value = getattr(raw, field.name)
        parts = value if isinstance(value, tuple) else (value,)
        digest.update(f"{field.name}:{len(parts)}:".encode())
        for part in parts:
            data = b"\xff" if part is None else str(part).encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class Manifest:
    """`OUT/_manifest.jsonl`: output path -> (input hash, pipeline version) of its writer.

    Lines are appended as outputs are written; a later line wins, and a line with a
    null input forgets the output. `close` rewrites it compact and sorted.
    """

    def __init__(self, out: Path):
        self.path = out / MANIFEST
        self.entries: dict[str, tuple[str, str]] = {}
        self._fh = None
        self._compact = True  # as `close` writes it: one line per output, sorted
        try:
            with open(self.path, encoding="utf-8") as fh:
                previous = ""
                for line in fh:
                    rel = self._read_line(line)
                    self._compact &= rel is not None and rel > previous
                    previous = rel or previous
        except FileNotFoundError:
            pass

    def _read_line(self, line: str) -> str | None:
        try:
            entry = json.loads(line)
            rel, stamp = entry["output"], (entry["input"], entry["pipeline"])
        except (ValueError, KeyError, TypeError):
            return None  # a line cut short by a killed run: its article is simply redone
        if all(isinstance(s, str) for s in stamp):
            # Interned: a million entries share one copy of the pipeline version.
            self.entries[rel] = (stamp[0], sys.intern(stamp[1]))
            return rel
        self.entries.pop(rel, None)
        return None

    def add(self, rel: str, stamp: tuple[str, str]) -> None:
        self.entries[rel] = stamp
        self._append(_entry(rel, stamp))

    def forget(self, rel: str) -> None:
        if self.entries.pop(rel, None) is not None:
            self._append(_entry(rel, (None, None)))

    def _append(self, entry: str) -> None:
        if self._fh is None:
            self._fh = open(self.path, "a+b")
            self._fh.seek(0, os.SEEK_END)
            if self._fh.tell():  # finish a line a killed run left cut short
                self._fh.seek(-1, os.SEEK_END)
                if self._fh.read(1) != b"\n":
                    self._fh.write(b"\n")
        self._fh.write(entry.encode())
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
        elif self._compact:
            return  # nothing appended, nothing to compact: a resumed run stays cheap
        lines = "".join(_entry(rel, stamp) for rel, stamp in sorted(self.entries.items()))
        if lines or self.path.exists():
            write_bytes_atomic(self.path, lines.encode())


def _entry(rel: str, stamp: tuple[str | None, str | None]) -> str:
    """One manifest line; a stamp of (None, None) forgets the output."""
    return json.dumps({"output": rel, "input": stamp[0], "pipeline": stamp[1]}) + "\n"


def lock(out: Path):
    """Hold a lock on OUT for the run: two runs writing one folder would race."""
    fh = open(out / LOCK_FILE, "a")
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return fh
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        fh.close()
        raise ExtractorError(f"another extractor run is writing to {out}; wait for it to "
                             "finish or choose another output folder") from exc
    return fh


def remove_stale_tmp(out: Path) -> None:
    """Delete the temporary files a killed run left half-written."""
    for folder, _dirs, files in os.walk(out):
        for name in files:
            if _STALE_TMP.match(name):
                Path(folder, name).unlink(missing_ok=True)
