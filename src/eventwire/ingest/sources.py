"""Where inputs come from: paths, folders, globs and stdin, opened as byte streams.

``expand_paths`` turns what the user named into ``Source`` items (or a ``Failure`` for
a name that leads nowhere); ``open_source`` gives a buffered stream of a source's
bytes, gunzipped on the fly, that stops with ``TooLargeError`` past a size limit so a
gzip bomb never fills memory.
"""

from __future__ import annotations

import glob
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import EmptyInputError, EventwireError, InputError, TooLargeError
from ..records import Failure

STDIN_NAME = "-"
GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 65_536
#: Cap on what one decompression step may produce, so a bomb is caught early.
_MAX_INFLATE_STEP = 1_048_576
#: Extensions that are never article inputs: skipped in folders, refused when named.
NON_INPUT_EXTENSIONS = frozenset(
    {
        *(".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".svg", ".ico"),
        *(".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt"),
        *(".zip", ".tar", ".tgz", ".7z", ".rar", ".bz2", ".xz", ".zst"),
        *(".mp3", ".mp4", ".wav", ".avi", ".mov", ".mkv"),
        *(".exe", ".dll", ".so", ".dylib", ".bin", ".pyc"),
        *(".parquet", ".duckdb", ".db", ".sqlite", ".pickle", ".pkl"),
    }
)


#: Extensions read when found inside a folder or glob (a file named explicitly is
#: read whatever its name); READMEs, licences and code beside the news stay out.
FOLDER_INPUT_EXTENSIONS = frozenset(
    {
        ".txt",
        ".text",
        ".html",
        ".htm",
        ".xhtml",
        ".jsonl",
        ".ndjson",
        ".json",
        ".csv",
        ".tsv",
        ".tab",
        ".rss",
        ".atom",
        ".rdf",
        ".xml",
        ".warc",
    }
)
#: Extensions of files that hold many articles, so a file count is no article count.
MULTI_RECORD_EXTENSIONS = frozenset(
    {".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".tab", ".rss", ".atom", ".rdf", ".xml", ".warc"}
)


@dataclass(frozen=True)
class Source:
    """One input to read: a file (as named or found in a folder) or stdin."""

    name: str
    path: Path | None = None
    explicit: bool = True

    @property
    def is_stdin(self) -> bool:
        return self.path is None


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Source | Failure]:
    """Sources for the named paths in order; folders and globs expanded, sorted."""
    for raw in paths:
        name = str(raw)
        if name == STDIN_NAME:
            yield Source(name=STDIN_NAME)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _expand_folder(name, path)
        elif path.exists() or path.is_symlink() or not glob.has_magic(name):
            yield Source(name=display_name(name), path=path, explicit=True)
        else:
            yield from _expand_glob(name)


def display_name(name: str) -> str:
    """The file name as stored and printed: valid UTF-8 whatever bytes the name holds.

    Python hands over a name that is not UTF-8 with its bad bytes as lone surrogates
    ("bad\\udcff.txt"), which no UTF-8 writer (DuckDB, JSON) accepts; they are shown
    as backslash escapes ("bad\\xff.txt") instead, so each name stays distinct.
    """
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:  # a surrogate that did not come from the file system
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def count_sources(paths: Iterable[str | Path]) -> int | None:
    """How many articles the inputs hold when each is one article, else None (unknown)."""
    count = 0
    for source in expand_paths(paths):
        if isinstance(source, Source) and (
            source.is_stdin or extension(source.name) in MULTI_RECORD_EXTENSIONS
        ):
            return None
        count += 1
    return count


def strip_gz(name: str) -> str:
    """The name without a trailing .gz, which names the format of the content."""
    return name[:-3] if name.lower().endswith(".gz") else name


def extension(name: str) -> str:
    """Lower-case extension of the content's name (.gz removed): '.jsonl', '' …"""
    return Path(strip_gz(name)).suffix.lower()


def is_non_input(name: str) -> bool:
    """True for files that are obviously not articles (images, PDFs, archives …)."""
    return extension(name) in NON_INPUT_EXTENSIONS


def is_folder_input(name: str) -> bool:
    """True for files read when found in a folder: known news formats, maybe gzipped."""
    return extension(name) in FOLDER_INPUT_EXTENSIONS


def _expand_folder(name: str, folder: Path) -> Iterator[Source | Failure]:
    found = False
    for path in _walk_sorted(folder, {_real(folder)}):
        if isinstance(path, Failure):
            found = True
            yield path
            continue
        if not is_folder_input(path.name):
            continue
        found = True
        shown = display_name(str(Path(name) / path.relative_to(folder)))
        yield Source(name=shown, path=path, explicit=False)
    if not found:
        yield failure_from(EmptyInputError("folder has no input files", path=display_name(name)))


def _walk_sorted(folder: Path, seen: set[str]) -> Iterator[Path | Failure]:
    """Files under ``folder`` in sorted order, hidden files and folders left out.

    ``seen`` holds the real paths of the folders walked so far: a symbolic link back to
    a parent (or to a folder already read) is not followed, which would otherwise read
    every file again at each of the ~40 levels the OS allows before ELOOP.
    """
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        reason = f"cannot list the folder: {err.strerror or err}"
        yield failure_from(InputError(reason, path=display_name(str(folder))))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            real = _real(entry)
            if real in seen:
                continue
            seen.add(real)
            yield from _walk_sorted(entry, seen)
        elif entry.is_file():
            yield entry


def _real(folder: Path) -> str:
    return os.path.realpath(folder)


def _expand_glob(pattern: str) -> Iterator[Source | Failure]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield failure_from(InputError("no files match this pattern", path=display_name(pattern)))
        return
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _expand_folder(match, path)
        elif is_folder_input(match):
            yield Source(name=display_name(match), path=path, explicit=False)


def failure_from(
    err: EventwireError, *, path: str | None = None, record: str | None = None
) -> Failure:
    """The Failure record of an error; ``path``/``record`` fill in what it lacks."""
    return Failure(
        path=err.path or path or "",
        record=err.record or record,
        reason=err.message,
        code=err.code,
    )


def open_source(source: Source, *, stdin: BinaryIO | None = None) -> tuple[ByteStream, bool]:
    """A buffered stream of the source's bytes (gunzipped) and whether it was gzip.

    Damaged gzip data raises InputError when a read reaches it; gzip is recognised by
    its magic bytes, so a gzipped stdin works too.
    """
    raw = _open_raw(source, stdin)
    first = _read_chunk(raw, source)
    gzipped = first.startswith(GZIP_MAGIC)
    chunks = _chunks(raw, first, source)
    if gzipped:
        chunks = _gunzip(chunks, source)
    return ByteStream(chunks), gzipped


def read_limited(stream: ByteStream, *, limit: int, name: str, gzipped: bool) -> bytes:
    """All of the stream, or TooLargeError once it passes ``limit`` bytes.

    Only ``limit + 1`` bytes are ever inflated, so a gzip bomb stops there.
    """
    data = stream.read(limit + 1)
    stream.raise_pending()  # a file cut short must not pass as a shorter article
    if len(data) > limit:
        after = " after decompression" if gzipped else ""
        raise TooLargeError(
            f"file is over the limit of {limit:,} bytes{after} (raise it with --max-bytes)",
            path=name,
        )
    return data


def _open_raw(source: Source, stdin: BinaryIO | None) -> BinaryIO:
    if source.is_stdin:
        return stdin if stdin is not None else sys.stdin.buffer
    assert source.path is not None
    try:
        mode = source.path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise InputError(
                "not a regular file (a FIFO, socket or device cannot be read as an article)",
                path=source.name,
            )
        return source.path.open("rb")
    except FileNotFoundError:
        raise InputError("file not found", path=source.name) from None
    except PermissionError:
        raise InputError("permission denied: the file cannot be read", path=source.name) from None
    except IsADirectoryError:  # pragma: no cover - folders are expanded before this
        raise InputError("is a folder, not a file", path=source.name) from None
    except OSError as err:
        raise InputError(f"cannot open the file: {err.strerror or err}", path=source.name) from None


def _read_chunk(raw: BinaryIO, source: Source) -> bytes:
    try:
        return raw.read(_CHUNK) or b""
    except OSError as err:
        raise InputError(f"cannot read the file: {err.strerror or err}", path=source.name) from None


def _chunks(raw: BinaryIO, first: bytes, source: Source) -> Iterator[bytes]:
    try:
        chunk = first
        while chunk:
            yield chunk
            chunk = _read_chunk(raw, source)
    finally:
        if not source.is_stdin:
            raw.close()


def _gunzip(chunks: Iterator[bytes], source: Source) -> Iterator[bytes]:
    """Decompressed data of (possibly multi-member) gzip chunks, in bounded steps."""
    inflater = zlib.decompressobj(wbits=31)
    fed = False  # whether the current member has begun
    for chunk in chunks:
        data = chunk
        while True:
            fed = fed or bool(data)
            try:
                out = inflater.decompress(data, _MAX_INFLATE_STEP)
            except zlib.error as err:
                raise InputError(f"corrupt gzip data ({err})", path=source.name) from None
            if out:
                yield out
            if inflater.eof:  # next member of a multi-member file (as .warc.gz are)
                data = inflater.unused_data
                inflater = zlib.decompressobj(wbits=31)
                fed = False
                if not data:
                    break
                continue
            data = inflater.unconsumed_tail
            # a full step may leave output inside zlib even when the input is used up
            if not data and len(out) < _MAX_INFLATE_STEP:
                break
    if fed and not inflater.eof:
        raise InputError("truncated gzip stream (the file ends mid-way)", path=source.name)


class ByteStream:
    """A readable stream over an iterator of byte chunks.

    An error raised while producing chunks (damaged gzip, say) is held back until the
    bytes before it have been read, so streaming readers yield every record that came
    before the damage and only then fail.
    """

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._buffer = bytearray()
        self._error: EventwireError | None = None
        self._done = False

    def read(self, size: int = -1) -> bytes:
        self._fill(sys.maxsize if size < 0 else size)
        return self._take(len(self._buffer) if size < 0 else size)

    def readline(self, limit: int = -1) -> bytes:
        while True:
            end = self._buffer.find(b"\n") + 1
            if end:
                break
            if self._error is not None:
                # a last line cut off by damage is part of the damage, not a record
                self._buffer.clear()
                self.raise_pending()
            if 0 <= limit <= len(self._buffer) or self._done:
                end = len(self._buffer)
                break
            self._fill(len(self._buffer) + _CHUNK)
        return self._take(end if limit < 0 else min(end, limit))

    def peek(self, size: int) -> bytes:
        self._fill(size)
        if not self._buffer:
            self.raise_pending()
        return bytes(self._buffer[:size])

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        close = getattr(self._chunks, "close", None)
        if close:
            close()  # runs the chunk generator's finally: the file is closed

    def __enter__(self) -> ByteStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _fill(self, size: int) -> None:
        while len(self._buffer) < size and not self._done and self._error is None:
            try:
                chunk = next(self._chunks, b"")
            except EventwireError as err:
                self._error = err
                return
            if chunk:
                self._buffer += chunk
            else:
                self._done = True

    def _take(self, size: int) -> bytes:
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        if not data and size:
            self.raise_pending()
        return data

    def raise_pending(self) -> None:
        """Raise the error met while reading ahead, if any (for readers of whole files)."""
        if self._error is not None:
            error, self._error = self._error, None
            self._done = True
            raise error
