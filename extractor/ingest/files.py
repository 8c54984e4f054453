"""Input files and folders -> raw articles.

Accepted: `.txt`, `.html`/`.htm`, `.json` (one article object), `.jsonl` (one
article object per line), and any of those gzipped (`.gz`). Folders are walked
recursively; hidden files and folders, and the output folder, are skipped.
"""
from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import stat
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bs4.dammit import EncodingDetector, UnicodeDammit

from ..errors import InputError, MalformedInputError, UnreadableInputError
from ..records import RawArticle

TEXT_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
GZIP_SUFFIX = ".gz"
# Charsets a page may declare: the web's (WHATWG Encoding Standard, plus UTF-32
# with its byte-order mark), by Python codec name. Others are refused: some are no
# text encodings ("undefined", "unicode_escape"), and punycode decodes in quadratic
# time, so one declared page could hang the run.
_WEB_CHARSETS = frozenset("""
    utf-8 utf-16 utf-16-le utf-16-be utf-32 utf-32-le utf-32-be ascii
    cp866 cp874 cp932 cp949 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258
    iso8859-1 iso8859-2 iso8859-3 iso8859-4 iso8859-5 iso8859-6 iso8859-7 iso8859-8
    iso8859-10 iso8859-11 iso8859-13 iso8859-14 iso8859-15 iso8859-16
    koi8-r koi8-u mac-roman mac-cyrillic tis-620
    gbk gb2312 gb18030 big5 big5hkscs euc_jp iso2022_jp shift_jis euc_kr
""".split())
# The web's default for a page that declares nothing, in English-language locales.
WEB_DEFAULT = "windows-1252"
# Latin-script code pages that charset-normalizer cannot tell from windows-1252: the
# 80 Fundus pages written out as windows-1252 were all detected as cp1250, and 21
# came out with wrong letters ("£" as "Ł", "è" as "č"). When detection picks one of
# these, or a code page outside the web's (cp1125 for "caf\xe9 \x93quoted\x94"), the
# bytes are read as WEB_DEFAULT instead.
_LATIN_SIBLINGS = frozenset("""cp1250 cp1254 cp1257 cp1258 iso8859-1 iso8859-2 iso8859-3
    iso8859-4 iso8859-10 iso8859-13 iso8859-14 iso8859-15 iso8859-16 mac-roman""".split())
_DETECTABLE = _WEB_CHARSETS - _LATIN_SIBLINGS
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)   # UTF-32's start the same way
# Bytes looked at to tell text from binary: a NUL there means not a text file.
_BINARY_SNIFF_BYTES = 8192
# Characters kept in an output file name made from an article id.
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class InputFile:
    """A file to read: its path, and its path relative to the batch root (POSIX form)."""

    path: Path
    rel: str

    @property
    def kind(self) -> str | None:
        """"text", "html", "json", "jsonl", or None for a file we do not read."""
        name = self.path.name.lower()
        if name.endswith(GZIP_SUFFIX):
            name = name[: -len(GZIP_SUFFIX)]
        return TEXT_SUFFIXES.get(os.path.splitext(name)[1])

    def output_rel(self, article_key: str | None = None) -> str:
        """Where this file's output goes under OUT: `a/b/x.html` -> `a/b/x.json`.

        A JSON Lines file holds many articles: `a/x.jsonl` -> `a/x/<key>.json`.
        """
        rel = self.rel[: -len(GZIP_SUFFIX)] if self.rel.lower().endswith(GZIP_SUFFIX) else self.rel
        stem = str(PurePosixPath(rel).with_suffix(""))
        if article_key is None:
            return stem + ".json"
        return f"{stem}/{safe_name(article_key)}.json"


def safe_name(key: str) -> str:
    """A file name made from an id that can never leave its folder (`../../x` -> `x`)."""
    name = _UNSAFE_NAME.sub("_", key).strip("._")
    return name[:120] or "article"


def _hidden(name: str) -> bool:
    return name.startswith(".")


def discover(inputs: Sequence[str | Path], *, exclude: Path | None = None) -> Iterator[InputFile | InputError]:
    """Yield the readable files under `inputs` in a stable (sorted) order.

    A named path that does not exist or is not a kind we read yields an InputError;
    inside folders, other kinds are passed over. `exclude` (the output folder) is skipped.
    """
    excluded = exclude.resolve() if exclude is not None else None
    for given in inputs:
        root = Path(given)
        if root.is_dir():
            yield from _walk(root, excluded)
        elif root.is_file():
            item = InputFile(root, root.name)
            if item.kind is None:
                yield UnreadableInputError(f"{root}: not a file kind extractor reads "
                                           "(.txt, .html, .htm, .json, .jsonl, optionally .gz)",
                                           path=str(root))
            else:
                yield item
        elif root.exists():
            yield UnreadableInputError(f"{root}: not a regular file or folder (a pipe or device)",
                                       path=str(root))
        else:
            yield UnreadableInputError(f"{root}: no such file or folder", path=str(root))


def _walk(root: Path, excluded: Path | None) -> Iterator[InputFile]:
    # followlinks=False: a symlinked folder cannot make the walk loop.
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not _hidden(d)
                         and (excluded is None or (here / d).resolve() != excluded))
        for name in sorted(files):
            if _hidden(name):
                continue
            item = InputFile(here / name, (here / name).relative_to(root).as_posix())
            if item.kind is not None:
                yield item


def read_bytes(path: Path, *, max_bytes: int, name: str | None = None) -> bytes:
    """The file's bytes, gunzipped when it ends in .gz, never more than `max_bytes`.

    `name` is how error messages call the file (its path relative to the batch root).
    """
    name = name or str(path)
    try:
        # O_NONBLOCK: opening a FIFO named x.txt must not wait for a writer forever.
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableInputError(f"{name}: not a regular file (a pipe, device or folder)")
            if info.st_size > max_bytes:
                raise UnreadableInputError(f"{name}: {info.st_size} bytes is over the {max_bytes}-byte "
                                           "limit (raise it with --max-file-size)")
            if path.name.lower().endswith(GZIP_SUFFIX):
                with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
                    data = gz.read(max_bytes + 1)  # bounded: a gzip bomb stops here
                if len(data) > max_bytes:
                    raise UnreadableInputError(f"{name}: unpacks to over the {max_bytes}-byte limit")
                return data
            return fh.read(max_bytes + 1)  # bounded: a file may grow after fstat
    except (OSError, EOFError, zlib.error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UnreadableInputError(f"{name}: cannot be read: {reason}") from exc


def decode(data: bytes, *, name: str, html: bool = False) -> tuple[str, tuple[str, ...]]:
    """Bytes -> text, by bs4's `UnicodeDammit`: a byte-order mark, then UTF-8, then
    (for a page) its declared charset, then charset-normalizer's detection, then
    windows-1252. A warning says when the encoding was a guess.
    """
    if not data:
        return "", ()
    if not data.startswith(_UTF16_BOMS) and b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise UnreadableInputError(f"{name}: binary data (NUL bytes), not a text or HTML file")
    declared = EncodingDetector.find_declared_encoding(data, is_html=html)
    refused = [] if declared is None or _codec(declared) in _WEB_CHARSETS else [declared.lower()]
    dammit = UnicodeDammit(data, user_encodings=["utf-8"], exclude_encodings=refused, is_html=html)
    trusted = {_codec(e) for e in (dammit.detector.sniffed_encoding, "utf-8", declared) if e}
    used = _codec(dammit.original_encoding)
    if used not in trusted and used not in _DETECTABLE and dammit.detector.chardet_encoding:
        refused.append(dammit.detector.chardet_encoding.lower())
        dammit = UnicodeDammit(data, known_definite_encodings=[WEB_DEFAULT],
                               exclude_encodings=refused, is_html=html)
        used = _codec(dammit.original_encoding)
    if dammit.unicode_markup is None:
        raise UnreadableInputError(f"{name}: no text encoding decodes it")
    warnings = []
    if used not in trusted:
        warnings.append(f"{name}: not valid UTF-8 and no usable declared charset; read as {used}, a guess")
    if dammit.contains_replacement_characters:
        warnings.append(f"{name}: bytes that no encoding decodes became U+FFFD")
    return dammit.unicode_markup, tuple(warnings)


def _codec(encoding: str | None) -> str | None:
    """Python's name of an encoding (`windows-1251` -> `cp1251`), None for no codec."""
    try:
        return codecs.lookup(encoding).name if encoding else None
    except LookupError:
        return None


def read_articles(item: InputFile, *, max_bytes: int) -> Iterator[tuple[str, str, RawArticle | InputError]]:
    """Yield (input name, output path relative to OUT, article or the error that stopped it).

    The input name is the file's relative path, with `:line` for a JSON Lines article.
    """
    try:
        data = read_bytes(item.path, max_bytes=max_bytes, name=item.rel)
        kind = item.kind
        text, warnings = decode(data, name=item.rel, html=kind == "html")
        if not text.strip():
            raise UnreadableInputError(f"{item.rel}: empty file")
    except InputError as exc:
        yield item.rel, item.output_rel(), exc
        return
    if kind in ("text", "html"):
        yield item.rel, item.output_rel(), RawArticle(
            id="", path=item.rel, format=kind, warnings=warnings,
            **({"html": text} if kind == "html" else {"text": text}))
    elif kind == "json":
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError) as exc:  # RecursionError: nested too deeply
            yield item.rel, item.output_rel(), MalformedInputError(f"{item.rel}: not valid JSON: {exc}")
            return
        yield item.rel, item.output_rel(), _article_from_object(obj, path=item.rel, where=item.rel, warnings=warnings)
    else:
        yield from _read_jsonl(item, text, warnings)


def _read_jsonl(item: InputFile, text: str, warnings: tuple[str, ...]) -> Iterator[tuple[str, str, RawArticle | InputError]]:
    seen: set[str] = set()
    # Lines end at \n only (JSON Lines): str.splitlines would also cut at a U+2028 or
    # \x1c that a JSON string may hold as it is.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{item.rel}:{number}"
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:  # RecursionError: nested too deeply
            yield where, item.output_rel(str(number)), MalformedInputError(f"{where}: not valid JSON: {exc}")
            continue
        key = str(obj.get("id") or number) if isinstance(obj, dict) else str(number)
        # Two lines with the same id would overwrite each other: the later one gets its line number.
        if safe_name(key) in seen:
            key = f"{key}-{number}"
        seen.add(safe_name(key))
        yield where, item.output_rel(key), _article_from_object(obj, path=where, where=where, warnings=warnings)


def _article_from_object(obj: object, *, path: str, where: str,
                         warnings: tuple[str, ...]) -> RawArticle | InputError:
    """An article object: `text` or `html`, plus optional id, url, title, published, authors."""
    if not isinstance(obj, dict):
        return MalformedInputError(f"{where}: expected a JSON object with a text or html field")
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return MalformedInputError(f"{where}: the article object has no text or html string")
    if not (html if isinstance(html, str) else text).strip():
        return UnreadableInputError(f"{where}: the article's text is empty")
    authors = obj.get("authors") or ()
    if not isinstance(authors, (list, tuple)):
        authors = (authors,)

    def optional_str(key: str) -> str | None:
        value = obj.get(key)
        return str(value) if value not in (None, "") else None

    return RawArticle(
        id=optional_str("id") or "", path=path, format="json",
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) else None,
        url=optional_str("url"), title=optional_str("title"), published=optional_str("published"),
        authors=tuple(str(a) for a in authors if a), warnings=warnings)
