"""Property tests over the readers: whatever the bytes, ``read_inputs`` never raises.

Each input yields Articles with clean text or Failures that say why, named after the
input; ``clean_text`` keeps the promises later stages rely on (no control characters,
valid UTF-8, NFC, bounded runs) and is stable when applied twice.
"""

from __future__ import annotations

import gzip
import io
import re
import tempfile
import unicodedata
from pathlib import Path

from hostile import hostile_text, html_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import EventwireError
from eventwire.ingest import read_inputs
from eventwire.ingest.article import MAX_SYMBOL_RUN, MAX_WORD_CHARS, clean_text, make_article
from eventwire.ingest.html import read_html
from eventwire.ingest.options import ReadOptions
from eventwire.ingest.sources import display_name
from eventwire.records import Article, Failure

EXTENSIONS = (".txt", ".html", ".json", ".jsonl", ".csv", ".tsv", ".rss", ".atom", ".warc", "")
OPTIONS = ReadOptions(max_bytes=100_000)
READER_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

#: Bytes that look like the start of each format, so the readers get past sniffing.
_HEADS = (
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"---\ntitle: x\n---\n",
    b'{"text": "',
    b'[{"text": ',
    b"title,text\n",
    b"<html><body><p>",
    b"<?xml version='1.0'?><rss version='2.0'><channel><item><description>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n",
    b"\x1f\x8b\x08\x00",
)
_BODY = st.one_of(
    st.binary(max_size=3000),
    hostile_text().map(lambda text: text.encode("utf-8")),
    hostile_text().map(lambda text: text.encode("utf-16")),
    hostile_text().map(lambda text: text.encode("latin-1", "replace")),
)
HOSTILE_BYTES = st.builds(lambda head, body: head + body, st.sampled_from(_HEADS), _BODY)


def _check_items(items: list[Article | Failure], name: str) -> None:
    assert items, "every input yields at least one item"
    for item in items:
        assert item.path == name
        if isinstance(item, Failure):
            assert item.reason.strip() and item.code.startswith("E0")
            continue
        assert item.text and item.text == item.text.strip()
        item.model_dump_json()  # every field encodes as UTF-8 JSON
        _check_clean(item.text)


def _check_clean(text: str) -> None:
    text.encode("utf-8")  # no lone surrogates
    assert unicodedata.is_normalized("NFC", text)
    assert not any(ord(char) < 32 and char not in "\n\t" for char in text)
    assert "\r" not in text and "\ufeff" not in text and "\n\n\n" not in text
    assert all(len(word) <= MAX_WORD_CHARS for word in text.split())


def _read_bytes(data: bytes, filename: str, compress: bool) -> tuple[list, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (filename + (".gz" if compress else ""))
        path.write_bytes(gzip.compress(data) if compress else data)
        return list(read_inputs([str(path)], OPTIONS)), str(path)


@READER_SETTINGS
@given(data=HOSTILE_BYTES, ext=st.sampled_from(EXTENSIONS), compress=st.booleans())
def test_any_bytes_in_any_format_give_articles_or_explained_failures(data, ext, compress):
    items, name = _read_bytes(data, "input" + ext, compress)
    _check_items(items, name)


@READER_SETTINGS
@given(data=HOSTILE_BYTES, cut=st.floats(0.0, 1.0))
def test_gzip_cut_anywhere_is_an_explained_failure_or_what_came_before(data, cut):
    packed = gzip.compress(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cut.jsonl.gz"
        path.write_bytes(packed[: int(len(packed) * cut)])
        items = list(read_inputs([str(path)], OPTIONS))
    _check_items(items, str(path))


@READER_SETTINGS
@given(data=HOSTILE_BYTES)
def test_stdin_of_any_bytes(data):
    items = list(read_inputs(["-"], OPTIONS, stdin=io.BytesIO(data)))
    _check_items(items, "-")


@settings(max_examples=200, deadline=None)
@given(text=hostile_text())
def test_clean_text_keeps_its_promises_and_is_stable(text):
    cleaned = clean_text(text)
    _check_clean(cleaned)
    assert clean_text(cleaned) == cleaned
    runs = [len(run) for run in re.findall(r"(?:[^\w\s]|_)+", cleaned)]
    assert max(runs, default=0) <= MAX_SYMBOL_RUN


@settings(max_examples=200, deadline=None)
@given(text=hostile_text(), title=st.text(max_size=40))
def test_make_article_gives_an_article_or_says_why_not(text, title):
    try:
        article = make_article(text, path="<t>", options=OPTIONS, title=title)
    except EventwireError as err:
        assert err.code in ("E003", "E004") and err.message
        return
    _check_clean(article.text)
    article.model_dump_json()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=html_text())
def test_deep_unclosed_or_broken_html_never_raises_anything_else(html):
    try:
        article = read_html(html, path="<page>", options=OPTIONS)
    except EventwireError as err:
        assert err.code == "E004" and "no article text" in err.message
        return
    _check_clean(article.text)


@settings(max_examples=100, deadline=None)
@given(name=st.text(min_size=1, max_size=30))
def test_display_names_are_valid_utf8(name):
    shown = display_name(name)
    shown.encode("utf-8")
    if not any("\ud800" <= char <= "\udfff" for char in name):
        assert shown == name


def test_display_name_of_a_name_that_is_not_utf8():
    assert display_name("caf\udce9.txt") == "caf\\xe9.txt"
