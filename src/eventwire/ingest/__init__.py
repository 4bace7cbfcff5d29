"""Stage 1, ingest: read files, folders, globs and stdin into Article records.

``read_inputs`` yields, in input order, one Article per article found and one
Failure per input (file or record) that could not become one. Bad input never
raises, so the rest of a batch goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import EmptyInputError, EventwireError, UnsupportedFormatError
from ..records import Article, Failure
from .encoding import decode_bytes
from .feeds import read_feed
from .html import read_html
from .options import ReadOptions
from .sources import (
    NON_INPUT_EXTENSIONS,
    ByteStream,
    Source,
    count_sources,
    expand_paths,
    extension,
    failure_from,
    open_source,
    read_limited,
)
from .tabular import read_csv, read_json, read_jsonl
from .text import read_text
from .warc import read_warc

__all__ = ["FORMATS", "count_inputs", "detect_format", "read_inputs"]

Item = Article | Failure
FORMATS = ("txt", "html", "jsonl", "json", "csv", "tsv", "feed", "warc")
_EXTENSION_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".warc": "warc",
}
_FORMAT_ALIASES = {
    "text": "txt",
    "htm": "html",
    "ndjson": "jsonl",
    "rss": "feed",
    "atom": "feed",
    "xml": "feed",
}
_FEED_MARK = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_MARK = re.compile(rb"<!doctype\s+html|<html[\s>]|<(?:head|body|p|div)[\s>]", re.IGNORECASE)
_HEAD_BYTES = 8192
_READS_LIST = ".txt .html .json .jsonl .ndjson .csv .tsv .rss .atom .xml .warc, each optionally .gz"
_NOTHING_FOUND = {
    "jsonl": "no records in the JSON-lines file",
    "json": "no records in the JSON file",
    "csv": "no records in the CSV file (only a header row)",
    "tsv": "no records in the TSV file (only a header row)",
    "warc": "no archived HTML pages (status 200) in the WARC file",
}


def read_inputs(
    paths: Iterable[str | Path],
    options: ReadOptions = ReadOptions(),  # noqa: B008 - frozen, so safe to share
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """One Article per article found and one Failure per unreadable input, in order.

    ``-`` reads stdin (``stdin`` if given, else ``sys.stdin.buffer``).
    """
    for source in expand_paths(paths):
        if isinstance(source, Failure):
            yield source
        else:
            yield from _read_source(source, options, stdin)


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many inputs (files, stdin, names that fail) ``read_inputs`` will read."""
    return count_sources(paths)


def detect_format(name: str, head: bytes) -> str:
    """The reader for a file: one of FORMATS, or "unsupported".

    ``name`` may end in .gz; ``head`` is the start of the (decompressed) content.
    The extension decides unless the content says otherwise (a WARC is a WARC
    whatever its name); unknown extensions and ``.xml`` are decided by content.
    """
    ext = extension(name)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    if ext in NON_INPUT_EXTENSIONS:
        return "unsupported"
    if ext in _EXTENSION_FORMATS:
        return _EXTENSION_FORMATS[ext]
    return _sniff(start, xml=ext == ".xml")


def _sniff(start: bytes, *, xml: bool) -> str:
    if start.startswith(b"<"):
        if _FEED_MARK.search(start):
            return "feed"
        if _HTML_MARK.search(start):
            return "html"
        # other XML (TimeML, sitemaps …) read as text would put its tags in the article
        return "unsupported" if xml or start.startswith(b"<?xml") else "txt"
    if start.startswith((b"{", b"[")):
        return "json"  # read_json falls back to JSON lines for one object per line
    return "unsupported" if xml else "txt"


def _read_source(source: Source, options: ReadOptions, stdin: BinaryIO | None) -> Iterator[Item]:
    try:
        yield from _read_checked(source, options, stdin)
    except EventwireError as err:
        yield failure_from(err, path=source.name)


def _read_checked(source: Source, options: ReadOptions, stdin: BinaryIO | None) -> Iterator[Item]:
    forced = _forced_format(options.format, source.name)
    if not forced and extension(source.name) in NON_INPUT_EXTENSIONS:
        raise _unsupported(source.name)
    stream, gzipped = open_source(source, stdin=stdin)
    with stream:
        head = stream.peek(_HEAD_BYTES)[:_HEAD_BYTES]
        if not head:
            raise EmptyInputError("empty file", path=source.name)
        fmt = forced or detect_format(source.name, head)
        if fmt == "unsupported":
            raise _unsupported(source.name)
        found = False
        for item in _read_format(fmt, stream, gzipped, source.name, options):
            found = True
            yield item
        if not found:
            raise EmptyInputError(_NOTHING_FOUND.get(fmt, "no articles found"), path=source.name)


def _read_format(
    fmt: str, stream: ByteStream, gzipped: bool, name: str, options: ReadOptions
) -> Iterator[Item]:
    """Items of one opened input in format ``fmt``."""
    if fmt == "jsonl":  # streamed: each line is limited, not the file
        return read_jsonl(stream, path=name, options=options)
    if fmt == "warc":  # streamed: each archived page is limited, not the archive
        return read_warc(stream, path=name, options=options)
    data = read_limited(stream, limit=options.max_bytes, name=name, gzipped=gzipped)
    text = decode_bytes(data, path=name)
    if not text.strip():
        raise EmptyInputError("the file holds only whitespace, no text", path=name)
    return _WHOLE_READERS[fmt](text, name, options)


def _one(build: Callable[[str, str, ReadOptions], Article]) -> Callable[..., Iterator[Item]]:
    def read(text: str, name: str, options: ReadOptions) -> Iterator[Item]:
        yield build(text, name, options)

    return read


_WHOLE_READERS: dict[str, Callable[[str, str, ReadOptions], Iterator[Item]]] = {
    "txt": _one(lambda text, name, options: read_text(text, path=name, options=options)),
    "html": _one(lambda text, name, options: read_html(text, path=name, options=options)),
    "json": lambda text, name, options: read_json(text, path=name, options=options),
    "csv": lambda text, name, options: read_csv(text, path=name, options=options),
    "tsv": lambda text, name, options: read_csv(text, path=name, options=options, delimiter="\t"),
    "feed": lambda text, name, options: read_feed(text, path=name, options=options),
}


def _forced_format(value: str | None, name: str) -> str | None:
    if not value:
        return None
    fmt = _FORMAT_ALIASES.get(value.lower(), value.lower())
    if fmt not in FORMATS:
        raise UnsupportedFormatError(
            f"unknown input format '{value}' (choose from {', '.join(FORMATS)})", path=name
        )
    return fmt


def _unsupported(name: str) -> UnsupportedFormatError:
    ext = extension(name) or "this"
    return UnsupportedFormatError(
        f"unsupported format: {ext} files are not read (eventwire reads {_READS_LIST})",
        path=name,
    )
