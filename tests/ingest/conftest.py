"""Fixtures for the ingest tests: the fixture folder and a reader that returns lists."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import read_inputs
from eventwire.ingest.options import ReadOptions
from eventwire.records import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures"

Reader = Callable[..., list[Article | Failure]]


@pytest.fixture
def fixtures() -> Path:
    """The folder of hand-written fixture articles."""
    return FIXTURES


@pytest.fixture
def read() -> Reader:
    """read(*paths, stdin=None, **options) -> every item read_inputs yields, as a list."""

    def run(*paths: Any, stdin: Any = None, **options: Any) -> list[Article | Failure]:
        opts = replace(ReadOptions(), **options)
        return list(read_inputs([str(p) for p in paths], opts, stdin=stdin))

    return run


def _split(items: list[Article | Failure]) -> tuple[list[Article], list[Failure]]:
    found = [item for item in items if isinstance(item, Article)]
    failed = [item for item in items if isinstance(item, Failure)]
    return found, failed


@pytest.fixture
def split() -> Callable[[list[Article | Failure]], tuple[list[Article], list[Failure]]]:
    """split(items) -> (articles, failures), each in input order."""
    return _split


MENU_ONLY = (
    "<html><head><title>Menu</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
    "<li><a href='/a'>About</a></li></ul></nav></body></html>"
)
UNDATED = (
    "<html><head><title>Port reopens</title></head><body><article>"
    "<p>The port of Kessel reopened on Wednesday after a week-long closure caused by a "
    "storm, the harbour master said.</p><p>Ships that had waited offshore began to unload "
    "grain and fuel in the afternoon, and officials expected traffic to return to normal "
    "by the weekend.</p></article></body></html>"
)


def _response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": "2023-11-16T08:00:00Z"},
    )
    writer.write_record(record)


def write_warc(path: Path, page: bytes, *, gzip: bool) -> Path:
    """Records: 1 warcinfo, 2 page, 3 a 404, 4 a PNG, 5 a menu-only page, 6 an undated page."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _response(writer, "https://meridian.example.org/talks", page)  # record 2
        _response(writer, "https://meridian.example.org/gone", page, status="404 Not Found")
        _response(
            writer,
            "https://meridian.example.org/logo.png",
            b"\x89PNG\r\n",
            content_type="image/png",
        )
        _response(writer, "https://meridian.example.org/menu", MENU_ONLY.encode())  # 5
        _response(writer, "https://kessel.example.org/port", UNDATED.encode())  # 6
    return path


@pytest.fixture
def make_warc() -> Callable[..., Path]:
    """make_warc(path, page, gzip=…) writes a WARC whose record 2 is ``page``; see write_warc."""
    return write_warc
