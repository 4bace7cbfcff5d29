"""Regression tests for the crashes the hostile-input runs found (issue 10).

Each was an exception that escaped ``read_inputs`` and ended a whole batch, or a
tokenizer stall; each test is named for what it protects.
"""

from __future__ import annotations

import json
import os
import time

from eventwire.ingest import read_inputs
from eventwire.ingest.article import MAX_SYMBOL_RUN, MAX_WORD_CHARS, clean_text
from eventwire.ingest.options import ReadOptions
from eventwire.records import Article, Failure

SENTENCE = "The harbour authority of Tromso closed the port on Monday because of a storm."


def _read(*paths) -> list[Article | Failure]:
    return list(read_inputs([str(p) for p in paths], ReadOptions()))


def test_file_name_that_is_not_utf8_is_stored_escaped(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as out:
        out.write(SENTENCE.encode())
    [article] = _read(tmp_path)
    assert isinstance(article, Article)
    assert article.path == f"{tmp_path}/caf\\xe9.txt"
    article.model_dump_json().encode("utf-8")


def test_symlink_to_a_parent_folder_is_not_followed(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")
    assert [item.path for item in _read(tmp_path)] == [str(tmp_path / "a.txt")]


def test_json_lone_surrogate_escape_becomes_replacement_character(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"text": SENTENCE + " \ud800", "title": "\udfff"}) + "\n")
    [article] = _read(path)
    assert article.text.endswith("\ufffd") and article.title == "\ufffd"


def test_json_nested_too_deeply_is_a_failure(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000)
    [failure] = _read(path)
    assert isinstance(failure, Failure) and "nested too deeply" in failure.reason


def test_warc_response_without_target_uri_is_a_failure(tmp_path):
    path = tmp_path / "odd.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\n0123456789")
    items = _read(path)
    assert items and all(isinstance(item, Failure) for item in items)
    assert "WARC" in items[0].reason


def test_feed_with_a_character_reference_to_a_surrogate(tmp_path):
    path = tmp_path / "odd.rss"
    path.write_text(
        "<rss version='2.0'><channel><title>Wire &#xD800;</title><item><title>Storm</title>"
        f"<description>{SENTENCE} &#55296;</description></item></channel></rss>"
    )
    [article] = _read(path)
    assert isinstance(article, Article) and "\ufffd" in article.text


def test_runs_of_symbols_are_cut_and_long_words_broken():
    text = clean_text(f"{SENTENCE} {'=' * 5000} {'x' * 600}")
    assert "=" * MAX_SYMBOL_RUN in text and "=" * (MAX_SYMBOL_RUN + 1) not in text
    assert max(len(word) for word in text.split()) == MAX_WORD_CHARS
    assert text.startswith(SENTENCE)


def test_cleaning_a_wall_of_punctuation_is_fast():
    started = time.monotonic()
    clean_text("!?.,;:" * 200_000)
    assert time.monotonic() - started < 10
