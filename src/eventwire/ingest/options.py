"""Options that govern how inputs are read into articles."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs; field names map records of JSON/CSV files onto articles."""

    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    published_field: str = "published"
    outlet_field: str = "outlet"
    #: Overrides every article's publication date (``--published``).
    published: str | None = None
    #: Articles (or files) larger than this many bytes fail with E003.
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Force a format instead of detecting it: txt, html, jsonl, json, csv, feed, warc.
    format: str | None = None
    #: Detect the language of each article; when off, articles are taken as English.
    detect_language: bool = True
