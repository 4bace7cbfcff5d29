"""Every kind of bad input becomes a Failure naming what is wrong; the batch goes on."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import pytest

from eventwire.records import Article, Failure


@pytest.fixture
def good(fixtures) -> Path:
    """A good input read after each bad one: it must still come through."""
    return fixtures / "plain.txt"


def _only_failure(items, good: Path, split) -> Failure:
    """The one Failure of a [bad, good] batch, after checking the good article came."""
    found, failed = split(items)
    assert [a.path for a in found] == [str(good)], items
    assert len(failed) == 1, items
    return failed[0]


def test_missing_file(read, good, split, tmp_path):
    missing = tmp_path / "nowhere.txt"
    failure = _only_failure(read(missing, good), good, split)
    assert (failure.path, failure.record, failure.reason, failure.code) == (
        str(missing),
        None,
        "file not found",
        "E001",
    )


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root can read a chmod 000 file; see the FIFO and PermissionError tests",
)
def test_unreadable_file_chmod_000(read, good, split, tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("The council met on Monday.", encoding="utf-8")
    locked.chmod(0)
    try:
        failure = _only_failure(read(locked, good), good, split)
    finally:
        locked.chmod(0o644)
    assert failure.path == str(locked)
    assert "permission denied" in failure.reason


def test_unreadable_file_permission_error(read, good, split, tmp_path, monkeypatch):
    # Tests run as root here, where chmod 000 does not stop reading; so the
    # PermissionError that open() raises for other users is raised on purpose.
    locked = tmp_path / "locked.txt"
    locked.write_text("The council met on Monday.", encoding="utf-8")
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    failure = _only_failure(read(locked, good), good, split)
    assert failure.path == str(locked)
    assert failure.reason == "permission denied: the file cannot be read"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_not_read(read, good, split, tmp_path):
    # A FIFO is a real file that cannot be read as an article (opening it would block).
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    failure = _only_failure(read(fifo, good), good, split)
    assert failure.path == str(fifo)
    assert "not a regular file" in failure.reason


def test_binary_data(read, good, split, tmp_path):
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 20)
    failure = _only_failure(read(blob, good), good, split)
    assert (failure.path, failure.reason) == (str(blob), "binary data, not text")


def test_invalid_encoding(read, good, split, tmp_path):
    damaged = tmp_path / "damaged.txt"
    text = "Ministers from Sk\u00e5ne and \u00d6resund met in Malm\u00f6 on Friday. " * 3
    damaged.write_bytes(text.encode("utf-8") + b"The talks \xff\xfe ended late.")
    failure = _only_failure(read(damaged, good), good, split)
    assert failure.path == str(damaged)
    assert failure.reason.startswith("invalid UTF-8: byte 0xff at offset")


def test_empty_file(read, good, split, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    failure = _only_failure(read(empty, good), good, split)
    assert (failure.path, failure.reason, failure.code) == (str(empty), "empty file", "E004")


def test_whitespace_only_file(read, good, split, tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\t\n   \r\n")
    failure = _only_failure(read(blank, good), good, split)
    assert failure.path == str(blank) and failure.code == "E004"
    assert "only whitespace" in failure.reason


def test_empty_folder(read, good, split, tmp_path):
    folder = tmp_path / "nothing_here"
    folder.mkdir()
    (folder / "logo.png").write_bytes(b"\x89PNG")
    failure = _only_failure(read(folder, good), good, split)
    assert (failure.path, failure.reason) == (str(folder), "folder has no input files")


def test_glob_matching_nothing(read, good, split, tmp_path):
    pattern = f"{tmp_path}/*.nothing"
    failure = _only_failure(read(pattern, good), good, split)
    assert (failure.path, failure.reason) == (pattern, "no files match this pattern")


def test_truncated_gzip(read, good, split, fixtures, tmp_path):
    cut = tmp_path / "cut.txt.gz"
    data = gzip.compress((fixtures / "harbour.txt").read_bytes())
    cut.write_bytes(data[: len(data) // 2])
    failure = _only_failure(read(cut, good), good, split)
    assert failure.path == str(cut)
    assert failure.reason.startswith("truncated gzip stream")


def test_corrupt_gzip(read, good, split, fixtures, tmp_path):
    bad = tmp_path / "bad.txt.gz"
    data = bytearray(gzip.compress((fixtures / "harbour.txt").read_bytes()))
    data[20:40] = b"\x00" * 20
    bad.write_bytes(bytes(data))
    failure = _only_failure(read(bad, good), good, split)
    assert failure.path == str(bad)
    assert "gzip" in failure.reason


def test_truncated_jsonl_gz_keeps_records_before_the_damage(read, split, tmp_path):
    lines = [
        json.dumps(
            {
                "text": f"Report {n}: the assembly of Varno met on day {n} to debate "
                "the budget, and the speaker adjourned the session at noon."
            }
        )
        for n in range(1, 3001)
    ]
    data = gzip.compress("\n".join(lines).encode("utf-8"))
    cut = tmp_path / "many.jsonl.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    found, failed = split(read(cut))
    assert 100 < len(found) < 3000
    assert [a.record for a in found] == [f"line {n}" for n in range(1, len(found) + 1)]
    assert failed[-1].path == str(cut)
    assert failed[-1].reason.startswith("truncated gzip stream")


def test_malformed_json_line_in_the_middle(read, split, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"text": "The navy held exercises off the coast on Monday."}\n'
        '{"text": "Unfinished record", "title": }\n'
        '{"text": "The defence minister inspected the fleet on Tuesday."}\n',
        encoding="utf-8",
    )
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    bad = items[1]
    assert (bad.path, bad.record) == (str(path), "line 2")
    assert bad.reason.startswith("invalid JSON: Expecting value")


def test_missing_text_field(read, split, tmp_path):
    path = tmp_path / "fields.json"
    path.write_text(
        json.dumps(
            [
                {"text": "The senate passed the bill on Wednesday.", "title": "Bill passed"},
                {"title": "No text here", "summary": "A summary is not the article."},
                {"text": "The governor signed the bill on Thursday.", "title": "Bill signed"},
            ]
        ),
        encoding="utf-8",
    )
    items = read(path)
    found, failed = split(items)
    assert [a.title for a in found] == ["Bill passed", "Bill signed"]
    [failure] = failed
    assert (failure.path, failure.record) == (str(path), "record 2")
    assert failure.reason == "no 'text' field (use --text-field to name another)"


def test_csv_row_with_wrong_number_of_fields(read, split, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "title,text\n"
        "Good,The mayor opened the new bridge on Monday.\n"
        "Bad,The council,met,again\n"
        "Also good,The bridge closed again on Tuesday for repairs.\n",
        encoding="utf-8",
    )
    found, failed = split(read(path))
    assert [a.title for a in found] == ["Good", "Also good"]
    assert failed[0].record == "record 2"
    assert failed[0].reason.startswith("has 4 fields, the header has 2")


def test_json_that_does_not_parse(read, good, split, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "The talks began."}, {"text": ', encoding="utf-8")
    failure = _only_failure(read(path, good), good, split)
    assert failure.path == str(path)
    assert failure.reason.startswith("invalid JSON: Expecting value (line 1")


def test_html_with_no_article_text(read, good, split, tmp_path):
    page = tmp_path / "menu.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Menu</title></head><body><nav><ul>"
        "<li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        "</body></html>",
        encoding="utf-8",
    )
    failure = _only_failure(read(page, good), good, split)
    assert failure.path == str(page)
    assert "no article text" in failure.reason
    assert failure.code == "E004"


def test_feed_that_does_not_parse(read, good, split, fixtures):
    failure = _only_failure(read(fixtures / "broken.rss", good), good, split)
    assert failure.path == str(fixtures / "broken.rss")
    assert failure.reason.startswith("feed does not parse:")


def test_feed_with_no_entries(read, good, split, tmp_path):
    path = tmp_path / "quiet.rss"
    path.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Quiet</title></channel></rss>",
        encoding="utf-8",
    )
    failure = _only_failure(read(path, good), good, split)
    assert (failure.path, failure.reason) == (str(path), "feed has no entries")


def test_article_larger_than_the_limit(read, split, tmp_path):
    path = tmp_path / "sizes.jsonl"
    long_text = "The committee heard evidence from witnesses all day. " * 10  # 530 bytes
    path.write_text(
        json.dumps({"text": "A short report on the vote."})
        + "\n"
        + json.dumps({"text": long_text})
        + "\n"
        + json.dumps({"text": "Another short report."})
        + "\n",
        encoding="utf-8",
    )
    found, failed = split(read(path, max_bytes=300))
    assert [a.record for a in found] == ["line 1", "line 3"]
    [failure] = failed
    assert (failure.path, failure.record, failure.code) == (str(path), "line 2", "E003")
    assert failure.reason.startswith("article text is 529 bytes, over the limit of 300")


def test_file_larger_than_the_limit(read, good, split, fixtures):
    failure = _only_failure(
        read(fixtures / "harbour.txt", good, max_bytes=len(good.read_bytes()) + 10),
        good,
        split,
    )
    assert failure.path == str(fixtures / "harbour.txt") and failure.code == "E003"
    assert failure.reason.startswith("file is over the limit of")


def test_gzip_bomb_stops_at_the_limit(read, good, split, tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 50_000_000, compresslevel=9))  # ~50 KB on disk
    failure = _only_failure(read(bomb, good, max_bytes=1_000_000), good, split)
    assert failure.path == str(bomb) and failure.code == "E003"
    assert "after decompression" in failure.reason


def test_unsupported_extension_named_explicitly(read, good, split, tmp_path):
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    failure = _only_failure(read(photo, good), good, split)
    assert (failure.path, failure.code) == (str(photo), "E002")
    assert failure.reason.startswith("unsupported format: .png files are not read")


def test_xml_that_is_not_a_feed(read, good, split, tmp_path):
    path = tmp_path / "doc.xml"
    path.write_text("<?xml version='1.0'?><TimeML><TEXT>x</TEXT></TimeML>", encoding="utf-8")
    failure = _only_failure(read(path, good), good, split)
    assert failure.code == "E002" and failure.path == str(path)


def test_warc_record_too_large_and_bad_records_do_not_stop_the_batch(read, tmp_path, make_warc):
    page = (
        "<html><body><article>"
        + "<p>The parliament met today.</p>" * 200
        + "</article></body></html>"
    ).encode()
    path = make_warc(tmp_path / "big.warc", page, gzip=False)
    items = read(path, max_bytes=2000)
    big = items[0]
    assert isinstance(big, Failure) and big.record == "WARC record 2" and big.code == "E003"
    assert isinstance(items[-1], Article)  # the small page after it is still read


def test_read_inputs_never_raises_on_a_mixed_batch(read, fixtures, tmp_path):
    folder = tmp_path / "mix"
    folder.mkdir()
    shutil.copy(fixtures / "broken.rss", folder / "a.rss")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.json").write_text("{", encoding="utf-8")
    shutil.copy(fixtures / "plain.txt", folder / "d.txt")
    items = read(folder, tmp_path / "missing.txt")
    assert [type(i).__name__ for i in items] == [
        "Failure",
        "Failure",
        "Failure",
        "Article",
        "Failure",
    ]
