"""WARC files written in the test with warcio (make_warc): HTML responses become articles."""

from __future__ import annotations

from datetime import datetime

import pytest

from eventwire.records import Article, Failure


def instant(value: str | None) -> datetime:
    """The moment an ISO 8601 date-time names, whatever offset it is written with."""
    assert value is not None and "T" in value, value
    return datetime.fromisoformat(value)


@pytest.mark.parametrize("name,gzip", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_become_articles(
    read, fixtures, tmp_path, split, make_warc, name, gzip
):
    path = make_warc(tmp_path / name, (fixtures / "page.html").read_bytes(), gzip=gzip)
    items = read(path)
    found, failed = split(items)
    assert [item.record for item in items] == ["WARC record 2", "WARC record 5", "WARC record 6"]
    talks, port = found
    assert talks.url == "https://meridian.example.org/talks"
    assert "Negotiators from Arvania and Belmora" in talks.text
    assert talks.published == "2023-11-14"  # the page's own date wins over WARC-Date
    assert instant(port.published) == instant("2023-11-16T08:00:00Z")  # WARC-Date fallback
    assert port.url == "https://kessel.example.org/port"
    [menu] = failed
    assert menu.path == str(path) and menu.record == "WARC record 5"
    assert "no article text" in menu.reason


def test_warc_sniffed_by_content(read, fixtures, tmp_path, make_warc):
    path = make_warc(tmp_path / "crawl.bin.data", (fixtures / "page.html").read_bytes(), gzip=False)
    assert any(isinstance(item, Article) for item in read(path))


def test_truncated_warc_gz_keeps_records_before_the_damage(
    read, fixtures, tmp_path, split, make_warc
):
    path = make_warc(tmp_path / "crawl.warc.gz", (fixtures / "page.html").read_bytes(), gzip=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 120])  # cut into the last record
    found, failed = split(read(path))
    assert [a.record for a in found] == ["WARC record 2"]
    assert failed[-1].path == str(path)
    assert "gzip" in failed[-1].reason or "WARC" in failed[-1].reason
    assert isinstance(failed[-1], Failure)
