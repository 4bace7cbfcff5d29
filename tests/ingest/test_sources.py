"""Where inputs come from: gzip, folders, globs, stdin; format detection; counting."""

from __future__ import annotations

import gzip
import io
import shutil

import pytest

from eventwire.ingest import count_inputs, detect_format
from eventwire.records import Article


def test_gzipped_txt(read, fixtures, tmp_path):
    path = tmp_path / "harbour.txt.gz"
    path.write_bytes(gzip.compress((fixtures / "harbour.txt").read_bytes()))
    [article] = read(path)
    [plain] = read(fixtures / "harbour.txt")
    assert isinstance(article, Article)
    assert article.id == plain.id and article.title == plain.title
    assert article.path == str(path)


def test_gzipped_jsonl(read, fixtures, tmp_path):
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip.compress((fixtures / "wire.jsonl").read_bytes()))
    items = read(path)
    assert [a.record for a in items] == ["line 1", "line 2", "line 4"]
    assert all(isinstance(a, Article) and a.path == str(path) for a in items)


def _tree(tmp_path, fixtures):
    root = tmp_path / "news"
    (root / "b_sub" / "deeper").mkdir(parents=True)
    (root / ".hidden_dir").mkdir()
    shutil.copy(fixtures / "plain.txt", root / "a.txt")
    shutil.copy(fixtures / "reports.csv", root / "b_sub" / "c.csv")
    shutil.copy(fixtures / "harbour.txt", root / "b_sub" / "deeper" / "d.txt")
    shutil.copy(fixtures / "wire.jsonl", root / "e.jsonl")
    shutil.copy(fixtures / "plain.txt", root / ".hidden.txt")
    shutil.copy(fixtures / "plain.txt", root / ".hidden_dir" / "x.txt")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (root / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    return root


def test_folder_is_read_recursively_in_sorted_order(read, fixtures, tmp_path):
    root = _tree(tmp_path, fixtures)
    items = read(root)
    assert all(isinstance(item, Article) for item in items)  # png/pdf skipped silently
    assert [(item.path, item.record) for item in items] == [
        (str(root / "a.txt"), None),
        (str(root / "b_sub" / "c.csv"), "record 1"),
        (str(root / "b_sub" / "c.csv"), "record 2"),
        (str(root / "b_sub" / "deeper" / "d.txt"), None),
        (str(root / "e.jsonl"), "line 1"),
        (str(root / "e.jsonl"), "line 2"),
        (str(root / "e.jsonl"), "line 4"),
    ]
    assert count_inputs([root]) is None  # CSV and JSON lines files hold many articles
    assert count_inputs([root / "a.txt", root / "b_sub" / "deeper"]) == 2


def test_folder_reads_only_news_formats_but_a_named_file_is_read_whatever_its_name(
    read, fixtures, tmp_path
):
    root = _tree(tmp_path, fixtures)
    shutil.copy(fixtures / "plain.txt", root / "LICENSE")
    shutil.copy(fixtures / "plain.txt", root / "README.md")
    assert [i.path for i in read(root) if i.path.endswith(("LICENSE", "README.md"))] == []
    assert [i.path for i in read(root / "LICENSE")] == [str(root / "LICENSE")]


def test_glob_patterns(read, fixtures, tmp_path):
    root = _tree(tmp_path, fixtures)
    flat = read(f"{root}/*.txt")
    assert [item.path for item in flat] == [str(root / "a.txt")]
    deep = read(f"{root}/**/*.txt")
    assert [item.path for item in deep] == [
        str(root / "a.txt"),
        str(root / "b_sub" / "deeper" / "d.txt"),
    ]
    assert count_inputs([f"{root}/**/*.txt"]) == 2


def test_inputs_keep_the_order_given(read, fixtures):
    items = read(fixtures / "plain.txt", fixtures / "harbour.txt", fixtures / "plain.txt")
    assert [item.path for item in items] == [
        str(fixtures / "plain.txt"),
        str(fixtures / "harbour.txt"),
        str(fixtures / "plain.txt"),
    ]


def test_stdin_dash_is_sniffed(read, fixtures):
    [article] = read("-", stdin=io.BytesIO((fixtures / "harbour.txt").read_bytes()))
    assert isinstance(article, Article)
    assert article.path == "-"
    assert article.title == "Harbour council approves northern ferry route"


def _key(item):
    return (type(item).__name__, item.record, getattr(item, "id", None) or item.reason)


@pytest.mark.parametrize("name", ["wire.jsonl", "rss2.rss", "page.html", "reports.csv"])
def test_stdin_other_formats_and_gzip(read, fixtures, name):
    data = (fixtures / name).read_bytes()
    from_file = [_key(item) for item in read(fixtures / name)]
    plain = [_key(item) for item in read("-", stdin=io.BytesIO(data))]
    zipped = [_key(item) for item in read("-", stdin=io.BytesIO(gzip.compress(data)))]
    if name == "reports.csv":  # CSV is not sniffed from content: stdin reads it as text
        assert plain == zipped and len(plain) == 1 and plain[0][1] is None
        assert [_key(i) for i in read("-", stdin=io.BytesIO(data), format="csv")] == from_file
    else:
        assert plain == zipped == from_file


@pytest.mark.parametrize(
    "name,head,expected",
    [
        ("a.txt", b"Plain words.", "txt"),
        ("a.TXT.gz", b"Plain words.", "txt"),
        ("a.html", b"<p>x</p>", "html"),
        ("a.jsonl", b'{"text": "x"}', "jsonl"),
        ("a.ndjson", b'{"text": "x"}', "jsonl"),
        ("a.json", b"[]", "json"),
        ("a.csv", b"a,b", "csv"),
        ("a.tsv", b"a\tb", "tsv"),
        ("a.rss", b"<rss>", "feed"),
        ("a.atom", b"<feed>", "feed"),
        ("a.xml", b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        ("a.xml", b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x">', "feed"),
        ("a.xml", b"<?xml version='1.0'?><TimeML>", "unsupported"),
        ("a.tml", b"<?xml version='1.0'?><TimeML>", "unsupported"),
        ("note", b"<b>Bold</b> claims by the minister", "txt"),
        ("a.warc.gz", b"WARC/1.0\r\n", "warc"),
        ("crawl.dat", b"WARC/1.1\r\n", "warc"),
        ("-", b"<!DOCTYPE html><html>", "html"),
        ("-", b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("-", b'{"text": "x"}\n{"text": "y"}', "json"),
        ("-", b"Just some text", "txt"),
        ("photo.png", b"\x89PNG", "unsupported"),
    ],
)
def test_detect_format(name, head, expected):
    assert detect_format(name, head) == expected


def test_forced_format_overrides_detection(read, fixtures, tmp_path):
    path = tmp_path / "feed.txt"
    path.write_bytes((fixtures / "rdf.rss").read_bytes())
    assert [i.record for i in read(path, format="feed")] == ["entry 1", "entry 2"]
    [as_text] = read(path)
    assert as_text.record is None and "<rdf:RDF" in as_text.text
