"""Collections of records: JSON lines, JSON and CSV/TSV, mapped onto articles by field.

A malformed line or record becomes a Failure for that record only; the rest of the
file is read. Field names come from ReadOptions; while an option keeps its default,
common alternatives used by news datasets are accepted too ("body", "maintext",
"publicationDate", "webUrl" …).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import EventwireError, InputError, TooLargeError
from ..records import Article, Failure
from .article import make_article
from .encoding import decode_bytes
from .html import read_html
from .options import ReadOptions
from .sources import ByteStream, failure_from

Item = Article | Failure

#: Alternatives accepted for a field while its option keeps the default name.
ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "text": ("body", "content", "article", "maintext", "full_text"),
    "title": ("headline",),
    "published": ("date", "date_publish", "publicationDate", "pubDate", "published_at"),
    "url": ("link", "webUrl"),
    "outlet": ("source", "source_domain", "site", "publisher"),
}
#: Keys under which JSON files commonly hold their list of records.
COLLECTION_KEYS = ("results", "articles", "items", "docs", "data")
#: How much larger than its text a JSON line may be (escapes like \u00e9, metadata):
#: lines are capped only to bound memory; the article limit is applied to the text.
_JSON_OVERHEAD = 6
#: Character references left in plain text by exporters that HTML-escape their fields
#: ("France&apos;s", "&quot;…&quot;"): without unescaping, quotes are not seen as quotes.
_ENTITY = re.compile(
    r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|quot|apos|amp|lt|gt|nbsp|[lr][sd]quo|[mn]dash);"
)
_HTML_TAG = re.compile(r"<(?:html|body|article|p|div|br|span|h[1-6]|section|main)\b", re.I)


def read_jsonl(stream: ByteStream, *, path: str, options: ReadOptions) -> Iterator[Item]:
    """One item per non-blank line of a JSON-lines stream (record = "line N")."""
    line_limit = options.max_bytes * _JSON_OVERHEAD + 65_536
    for number, line in enumerate(_lines(stream, line_limit), start=1):
        record = f"line {number}"
        if isinstance(line, TooLargeError):
            yield failure_from(line, path=path, record=record)
            continue
        if not line.strip():
            continue
        yield _guard(lambda line=line, record=record: _jsonl_item(line, path, record, options))


def read_json(text: str, *, path: str, options: ReadOptions) -> Iterator[Item]:
    """Items of a JSON file: a list of records, one record, or a list under a known key."""
    try:
        data = _loads(text, path=path, record=None)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data" and text.lstrip().startswith("{"):
            # a .json file that is really JSON lines
            yield from read_jsonl(_byte_stream(text), path=path, options=options)
            return
        raise InputError(
            f"invalid JSON: {err.msg} (line {err.lineno}, column {err.colno})", path=path
        ) from None
    records = _json_records(data, path)
    if records is None:
        yield _guard(lambda: record_to_article(data, path=path, record=None, options=options))
        return
    for number, value in enumerate(records, start=1):
        record = f"record {number}"
        yield _guard(
            lambda v=value, r=record: record_to_article(v, path=path, record=r, options=options)
        )


def read_csv(text: str, *, path: str, options: ReadOptions, delimiter: str = ",") -> Iterator[Item]:
    """One item per data row of a CSV/TSV file with a header row (record = "record N")."""
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = _csv_header(reader, path)
    number = 0
    while True:
        number += 1
        record = f"record {number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield failure_from(InputError(f"malformed CSV row: {err}"), path=path, record=record)
            continue
        if not any(cell.strip() for cell in row):
            number -= 1  # blank lines are not records
            continue
        yield _guard(lambda row=row, record=record: _csv_item(row, header, path, record, options))


def record_to_article(
    value: Any, *, path: str, record: str | None, options: ReadOptions
) -> Article:
    """An Article from one record (a dict); raises InputError for what is missing."""
    if not isinstance(value, dict):
        raise InputError(
            f"expected a JSON object, found {_json_type(value)}", path=path, record=record
        )
    text = _unescaped(_text_field(value, path, record, options))
    meta = {
        "title": _unescaped(_scalar(pick_field(value, options.title_field, "title"))),
        "url": _scalar(pick_field(value, options.url_field, "url")),
        "published": _scalar(pick_field(value, options.published_field, "published")),
        "outlet": _scalar(pick_field(value, options.outlet_field, "outlet")),
    }
    if looks_like_html(text):
        return _html_record(text, meta, path=path, record=record, options=options)
    return make_article(text, path=path, options=options, record=record, **meta)


def _unescaped(text: str | None) -> str | None:
    """Plain text with HTML character references resolved; HTML is left to its reader."""
    if not text or looks_like_html(text) or not _ENTITY.search(text):
        return text
    return html.unescape(text)


def pick_field(value: dict[str, Any], name: str, default: str) -> Any:
    """The value of field ``name``; alternatives too while ``name`` is the default."""
    if name in value:
        return value[name]
    if name == default:
        for alternative in ALTERNATIVES.get(default, ()):
            if alternative in value:
                return value[alternative]
    return None


def looks_like_html(text: str) -> bool:
    """True for text that starts with a tag and holds HTML block tags."""
    return text.lstrip().startswith("<") and bool(_HTML_TAG.search(text[:5000]))


def _text_field(value: dict[str, Any], path: str, record: str | None, options: ReadOptions) -> str:
    name = options.text_field
    text = pick_field(value, name, "text")
    if name not in value and text is None:
        raise InputError(
            f"no '{name}' field (use --text-field to name another)", path=path, record=record
        )
    if text is None:
        raise InputError(f"the '{name}' field is null", path=path, record=record)
    if isinstance(text, list) and all(isinstance(p, str) for p in text):
        text = "\n\n".join(text)  # a list of paragraphs
    if not isinstance(text, str):
        raise InputError(
            f"the '{name}' field is {_json_type(text)}, not text", path=path, record=record
        )
    return text


def _html_record(
    text: str, meta: dict[str, Any], *, path: str, record: str | None, options: ReadOptions
) -> Article:
    article = read_html(
        text,
        path=path,
        options=options,
        record=record,
        url=meta["url"],
        published=meta["published"],
    )
    update = {key: meta[key] for key in ("title", "outlet") if meta[key]}
    return article.model_copy(update=update) if update else article


def _scalar(value: Any) -> str | None:
    """A field value as a string; {"name": …} objects and one-item lists unwrapped."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, dict):
        for key in ("name", "title", "value", "href"):
            if isinstance(value.get(key), str):
                return value[key]
    if isinstance(value, list) and value:
        return _scalar(value[0])
    return None


def _json_type(value: Any) -> str:
    names = {str: "a string", list: "a list", dict: "an object", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _json_records(data: Any, path: str) -> list[Any] | None:
    """The records of a parsed JSON file, or None when the file is one record."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in COLLECTION_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        return None
    raise InputError(
        f"JSON holds {_json_type(data)}, not an article or a list of articles", path=path
    )


def _jsonl_item(line: bytes, path: str, record: str, options: ReadOptions) -> Item:
    text = decode_bytes(line, path=path, record=record)
    try:
        value = _loads(text, path=path, record=record)
    except json.JSONDecodeError as err:
        raise InputError(
            f"invalid JSON: {err.msg} (column {err.colno})", path=path, record=record
        ) from None
    return record_to_article(value, path=path, record=record, options=options)


def _loads(text: str, *, path: str, record: str | None) -> Any:
    """json.loads, with nesting too deep for Python's parser made an InputError."""
    try:
        return json.loads(text)
    except RecursionError:
        # json recurses once per level: "[[[[…" thousands deep exhausts the stack
        raise InputError(
            "JSON is nested too deeply to read (thousands of levels of [ or {)",
            path=path,
            record=record,
        ) from None


def _lines(stream: ByteStream, max_bytes: int) -> Iterator[bytes | TooLargeError]:
    """Lines of the stream; a line over ``max_bytes`` is skipped and reported."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield TooLargeError(
                f"line is over {max_bytes:,} bytes, too long to hold an article under the "
                "limit (raise it with --max-bytes)"
            )
            continue
        yield line


def _skip_rest_of_line(stream: ByteStream) -> None:
    while True:
        part = stream.readline(1_048_576)
        if not part or part.endswith(b"\n"):
            return


def _byte_stream(text: str) -> ByteStream:
    return ByteStream(iter([text.encode("utf-8")]))


def _csv_header(reader: Any, path: str) -> list[str]:
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                return [cell.strip().lstrip("\ufeff") for cell in row]
    except csv.Error as err:
        raise InputError(f"malformed CSV header: {err}", path=path) from None
    raise InputError("CSV file has no header row", path=path)


def _csv_item(
    row: list[str], header: list[str], path: str, record: str, options: ReadOptions
) -> Item:
    if len(row) != len(header):
        raise InputError(
            f"has {len(row)} fields, the header has {len(header)} "
            "(check the delimiter and quoting)",
            path=path,
            record=record,
        )
    values = {name: cell for name, cell in zip(header, row, strict=True) if name}
    return record_to_article(values, path=path, record=record, options=options)


def _guard(build: Callable[[], Article]) -> Item:
    """The article ``build()`` makes, or a Failure for the eventwire error it raises."""
    try:
        return build()
    except EventwireError as err:
        return failure_from(err)
