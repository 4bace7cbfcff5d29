"""Shards: the files a distributed run reads, listed on the driver and read on workers.

A shard is one input file: anything the local readers take (text, HTML, JSON lines,
JSON, CSV, feeds, WARC, gzipped or not) or a Parquet table of article records. Local
shards are read by eventwire's own ``read_inputs``, so every format and every failure
reason is the local engine's; shards in object storage (``s3://``, ``gs://`` …) are
fetched through pyarrow's filesystems first.

Every item read becomes a row keyed by ``(source, item)``: the shard's position in the
input order and the item's position in the shard, so the loader can put results back
in exactly the order the local engine would have stored them.
"""

from __future__ import annotations

import glob
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import EmptyInputError, EventwireError, InputError
from ..ingest import read_inputs
from ..ingest.options import ReadOptions
from ..ingest.sources import STDIN_NAME, Source, expand_paths, failure_from, is_folder_input
from ..ingest.tabular import record_to_article
from ..records import Article, Failure
from .errors import EngineError

Item = Article | Failure

PARQUET_SUFFIX = ".parquet"
_URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
#: Rows read from a Parquet shard at a time, so a big shard never sits whole in memory.
_PARQUET_BATCH = 256


@dataclass(frozen=True)
class Shard:
    """One input file to read, or a name that already failed when it was listed."""

    source: int
    name: str  # as the local engine names it: recorded as the articles' path
    location: str = ""  # where workers read it: an absolute path or a URI
    failure: str | None = None  # Failure JSON for a name that leads nowhere

    def to_row(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "name": self.name,
            "location": self.location,
            "failure": self.failure,
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Shard:
        return cls(
            source=int(row["source"]),
            name=row["name"],
            location=row.get("location") or row["name"],
            failure=row.get("failure") or None,
        )


def is_uri(name: str) -> bool:
    """True for object-storage and other filesystem URIs (``s3://bucket/key`` …)."""
    return bool(_URI.match(name))


def is_parquet(name: str) -> bool:
    return name.lower().endswith(PARQUET_SUFFIX)


def list_shards(paths: Iterable[str | Path]) -> list[Shard]:
    """The shards of the named inputs in the local engine's order (folders and globs sorted).

    Parquet files are shards when named or matched by a glob ending in ``.parquet``;
    the local readers never read Parquet, so folders are expanded as locally.
    """
    names: list[Source | Failure | str] = []
    for raw in paths:
        name = str(raw)
        if name == STDIN_NAME:
            raise EngineError(
                "the Ray engine cannot read stdin: write the input to a file, "
                "or use the local engine"
            )
        if is_uri(name):
            names.extend(_list_uri(name))
        elif is_parquet(name) and not Path(name).exists() and glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            names.extend(matches or [_no_match(name)])
        elif is_parquet(name):
            names.append(name)
        else:
            names.extend(expand_paths([name]))
    return [_shard(n, entry) for n, entry in enumerate(names)]


def _shard(source: int, entry: Source | Failure | str) -> Shard:
    if isinstance(entry, Failure):
        return Shard(source=source, name=entry.path, failure=entry.model_dump_json())
    name = entry.name if isinstance(entry, Source) else entry
    # workers may run in another folder (or on another machine with the same mounts)
    location = name if is_uri(name) else str(Path(name).absolute())
    return Shard(source=source, name=name, location=location)


def _no_match(pattern: str) -> Failure:
    return failure_from(InputError("no files match this pattern", path=pattern))


def _list_uri(uri: str) -> list[str | Failure]:
    """Files under an object-storage URI: the file itself, or a prefix's files sorted."""
    from pyarrow import fs

    try:
        filesystem, path = fs.FileSystem.from_uri(uri)
        info = filesystem.get_file_info(path)
    except (OSError, ValueError) as err:  # unknown scheme, no credentials, no network
        return [failure_from(InputError(f"cannot open {uri}: {err}"), path=uri)]
    if info.type == fs.FileType.File:
        return [uri]
    if info.type == fs.FileType.NotFound:
        return [failure_from(InputError("no such file or folder"), path=uri)]
    selector = fs.FileSelector(path, recursive=True)
    base = uri.rstrip("/")
    found: list[str | Failure] = []
    for entry in sorted(filesystem.get_file_info(selector), key=lambda e: e.path):
        relative = entry.path[len(path.rstrip("/")) + 1 :]
        hidden = any(part.startswith(".") for part in relative.split("/"))
        if entry.type != fs.FileType.File or hidden:
            continue
        if is_folder_input(entry.base_name) or is_parquet(entry.base_name):
            found.append(f"{base}/{relative}")
    return found or [failure_from(EmptyInputError("folder has no input files"), path=uri)]


# -- reading ----------------------------------------------------------------------


def read_shard(shard: Shard, options: ReadOptions) -> Iterator[Item]:
    """The items of one shard, in order: what ``read_inputs`` yields for it locally."""
    if shard.failure:
        yield Failure.model_validate_json(shard.failure)
        return
    location = shard.location or shard.name
    if is_parquet(shard.name):
        items = _guarded_parquet(location, options)
    elif is_uri(location):
        items = _read_remote(location, options)
    else:
        items = read_inputs([location], options)
    for item in items:
        yield _renamed(item, location, shard.name) if location != shard.name else item


def _guarded_parquet(name: str, options: ReadOptions) -> Iterator[Item]:
    try:
        yield from read_parquet_articles(name, options)
    except EventwireError as err:
        yield failure_from(err, path=name)


def read_parquet_articles(name: str, options: ReadOptions) -> Iterator[Item]:
    """One item per row of a Parquet table of article records (record = "record N").

    Columns are mapped onto articles as JSON records are (``text``, ``title``,
    ``published`` … or the fields named in ``options``).
    """
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(_open_binary(name))
    except (OSError, ValueError) as err:
        raise InputError(f"not a readable Parquet file: {err}", path=name) from None
    number = 0
    for batch in parquet.iter_batches(batch_size=_PARQUET_BATCH):
        for row in batch.to_pylist():
            number += 1
            yield _parquet_item(row, name, f"record {number}", options)
    if number == 0:
        raise EmptyInputError("no records in the Parquet file", path=name)


def _parquet_item(row: dict[str, Any], name: str, record: str, options: ReadOptions) -> Item:
    values = {key: _plain(value) for key, value in row.items()}
    try:
        return record_to_article(values, path=name, record=record, options=options)
    except EventwireError as err:
        return failure_from(err, path=name, record=record)


def _plain(value: Any) -> Any:
    """Parquet timestamps and dates as the ISO strings JSON records would hold."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _open_binary(name: str) -> Any:
    if not is_uri(name):
        return name
    from pyarrow import fs

    filesystem, path = fs.FileSystem.from_uri(name)
    return filesystem.open_input_file(path)


def _read_remote(uri: str, options: ReadOptions) -> Iterator[Item]:
    """Read a file in object storage with the local readers, named by its URI."""
    from pyarrow import fs

    with tempfile.TemporaryDirectory(prefix="eventwire-shard-") as folder:
        local = Path(folder) / uri.rstrip("/").rsplit("/", 1)[-1]
        try:
            filesystem, path = fs.FileSystem.from_uri(uri)
            fs.copy_files(path, str(local), source_filesystem=filesystem)
        except (OSError, ValueError) as err:
            yield failure_from(InputError(f"cannot fetch {uri}: {err}"), path=uri)
            return
        for item in read_inputs([str(local)], options):
            yield _renamed(item, str(local), uri)


def _renamed(item: Item, read_as: str, name: str) -> Item:
    """The item as if read under ``name``: its path, and mentions of ``read_as``, replaced."""
    update: dict[str, Any] = {}
    if item.path == read_as:
        update["path"] = name
    if isinstance(item, Failure) and read_as in item.reason:
        update["reason"] = item.reason.replace(read_as, name)
    return item.model_copy(update=update) if update else item
