"""A corpus of malformed inputs, written into a folder at test time (no blobs committed).

``write_corpus`` writes every ``Malformed`` input of ``CORPUS`` and the good articles
of ``GOOD`` into one folder, so a single ``eventwire ingest`` of the folder mixes them.
Each Malformed input says how many failure rows it must leave, a phrase every one of
their reasons must hold, and how many good records in the same file must be stored.
All text here was written for these tests.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

#: The --max-bytes the batch runs with: small, so "huge" inputs stay quick to write.
MAX_BYTES = 200_000

GOOD = {
    "good/01_harbour.txt": (
        "---\ntitle: Harbour deal signed\npublished: 2024-05-06\n---\n"
        "The governments of Norway and Iceland signed an agreement on fishing quotas in "
        "Reykjavik on Monday, ending a dispute that had lasted two years.\n\n"
        "The Norwegian fisheries minister said the deal would protect jobs on both coasts.\n"
    ),
    "good/02_border.txt": (
        "Officials from Kenya and Tanzania met in Arusha on Tuesday to discuss the reopening "
        "of a border crossing closed since the spring floods.\n\n"
        "Both delegations agreed to set up a joint committee, a spokesman said.\n"
    ),
    "good/03_protest.txt": (
        "Thousands of farmers marched through Paris on Wednesday to protest against new "
        "rules on the use of water for irrigation.\n\n"
        "The agriculture ministry promised to meet union leaders next week.\n"
    ),
    "good/04_visit.txt": (
        "The president of Chile arrived in Buenos Aires on Thursday for a two-day state "
        "visit, the first by a Chilean leader in six years.\n\n"
        "He is expected to sign trade agreements with the Argentine government.\n"
    ),
    "good/05_sanctions.txt": (
        "The European Union imposed new sanctions on three shipping companies on Friday, "
        "accusing them of breaking an arms embargo.\n\n"
        "The companies denied the accusation in a statement issued in Athens.\n"
    ),
}


@dataclass(frozen=True)
class Malformed:
    """One bad input: its file name, bytes, and what ingesting it must leave behind."""

    name: str
    data: bytes
    reason: str  # a phrase each failure reason of this file must hold (case-insensitive)
    failures: int = 1
    articles: int = 0  # good records in the same file, which must be stored
    what: str = ""


def _sentence(n: int) -> str:
    return (
        f"Delegates of the river commission met for session {n} and voted on the dredging "
        "budget before the chair closed the meeting."
    )


def _record(n: int) -> bytes:
    return json.dumps({"text": _sentence(n), "title": f"Session {n}"}).encode()


def _bomb() -> bytes:
    # ~1 MB of text per 1 KB of gzip: 30 MB inflated, far past MAX_BYTES
    return gzip.compress(b"the committee met again " * 1_250_000, compresslevel=9)


def _warc(records: list[tuple[str, bytes, str, str]], *, gzip_: bool = False) -> bytes:
    """A WARC of (url, body, HTTP status, content type) responses after a warcinfo."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip_)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "test"}))
    for url, body, status, content_type in records:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-05-06T08:00:00Z"},
            )
        )
    return out.getvalue()


def _page(n: int) -> bytes:
    paragraphs = "".join(f"<p>{_sentence(n * 10 + k)}</p>" for k in range(4))
    head = f"<html><head><title>Page {n}</title></head>"
    return f"{head}<body><article>{paragraphs}</article></body></html>".encode()


def _feed(entries: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>River news</title>{entries}</feed>"
    ).encode()


def _atom_entry(n: int, content: str) -> str:
    return (
        f"<entry><title>Item {n}</title><link href='https://example.org/{n}'/>"
        f"<updated>2024-05-0{n}T10:00:00Z</updated>{content}</entry>"
    )


def _build() -> list[Malformed]:
    rng = random.Random(10)
    text = " ".join(_sentence(n) for n in range(3))
    jsonl_mixed = b"\n".join(
        [
            _record(101),
            b'{"text": "unfinished", "title": }',
            b'["a", "list", "not", "an", "object"]',
            json.dumps({"body_text": _sentence(102)}).encode(),
            b'{"text": null}',
            b'{"text": 12345}',
            _record(103),
            b'{"text": "caf\xe9 ' + ("\u00e9t\u00e9 " * 30).encode() + b'"}',
            b"[" * 50_000,
            # a lone surrogate escape is valid JSON: it must be stored, with U+FFFD
            json.dumps({"text": _sentence(104) + " \ud800"}).encode(),
        ]
    )
    huge_line = b"\n".join(
        [_record(201), json.dumps({"text": "x " * (MAX_BYTES * 4)}).encode(), _record(202)]
    )
    cut_warc = _warc(
        [(f"https://example.org/{n}", _page(n), "200 OK", "text/html") for n in (1, 2)], gzip_=True
    )
    return [
        # --- binary and encodings
        Malformed("binary_random.txt", rng.randbytes(4096), "binary data", what="random bytes"),
        Malformed(
            "nul_bytes.txt",
            text.encode().replace(b" ", b"\x00"),
            "binary data",
            what="NUL bytes between words",
        ),
        Malformed(
            "png_named.html",
            b"\x89PNG\r\n\x1a\n" + rng.randbytes(2048),
            "binary data",
            what="an image named .html",
        ),
        Malformed(
            "damaged_utf8.txt",
            ("Gda\u0144sk " * 40).encode() + b"\xff\xfe" + text.encode(),
            "invalid UTF-8",
            what="UTF-8 with two bad bytes",
        ),
        Malformed(
            "utf16_odd.txt",
            codecs.BOM_UTF16_LE + text.encode("utf-16-le")[:-1],
            "invalid UTF-16",
            what="UTF-16 cut mid-character",
        ),
        Malformed(
            "utf32_bad.txt",
            codecs.BOM_UTF32_LE + b"\xff\xff\xff\x7f" * 16,
            "invalid UTF-32",
            what="UTF-32 beyond U+10FFFF",
        ),
        Malformed(
            "control_bytes.txt",
            bytes(rng.choice(range(1, 9)) for _ in range(500)) + b"ok",
            "binary data",
            what="control bytes",
        ),
        Malformed(
            "feed_binary.rss",
            b"<rss version='2.0'>" + rng.randbytes(1000),
            "binary data",
            what="a feed that turns binary",
        ),
        # --- nothing in it
        Malformed("empty.txt", b"", "empty file", what="zero bytes"),
        Malformed(
            "whitespace.txt", b" \n\t \r\n\x0b\x0c  ", "only whitespace", what="whitespace only"
        ),
        Malformed(
            "bom_only.txt", codecs.BOM_UTF8, "only whitespace", what="a byte-order mark only"
        ),
        Malformed(
            "front_matter_only.txt",
            b"---\ntitle: Nothing follows\n---\n",
            "no article text",
            what="front matter, no body",
        ),
        Malformed(
            "invisible.txt",
            "\u200b\u200d\u2060\u200f\u200e \u202e\u202c".encode(),
            "no letters or digits",
            what="zero-width and bidi marks only",
        ),
        Malformed(
            "punctuation.txt", b"!?.,;:-" * 400, "no letters or digits", what="punctuation only"
        ),
        # --- gzip
        Malformed(
            "truncated.txt.gz",
            _cut(gzip.compress(text.encode())),
            "truncated gzip",
            what="gzip cut in half",
        ),
        Malformed(
            "corrupt.txt.gz",
            _corrupt(gzip.compress((text * 40).encode())),
            "gzip",
            what="gzip with a damaged block",
        ),
        Malformed(
            "binary.txt.gz",
            gzip.compress(rng.randbytes(4096)),
            "binary data",
            what="gzip of random bytes",
        ),
        Malformed("empty.jsonl.gz", gzip.compress(b""), "empty file", what="gzip of nothing"),
        Malformed("bomb.txt.gz", _bomb(), "after decompression", what="gzip bomb (30 MB inflated)"),
        Malformed(
            "trailing_garbage.txt.gz",
            gzip.compress(text.encode()) + b"not gzip at all",
            "gzip",
            what="gzip then junk",
        ),
        # --- too large
        Malformed(
            "huge.txt",
            ((text + "\n") * (MAX_BYTES // len(text) + 10)).encode(),
            "over the limit",
            what="file over --max-bytes",
        ),
        Malformed(
            "huge_line.jsonl",
            huge_line,
            "too long to hold an article",
            articles=2,
            what="one JSON line over the line cap",
        ),
        # --- WARC
        Malformed(
            "garbage.warc",
            b"WARC/1.0\r\nthis is no header\r\n\r\n" + rng.randbytes(500),
            "WARC file",
            what="WARC with a broken header",
        ),
        Malformed(
            "truncated.warc.gz",
            cut_warc[: len(cut_warc) * 2 // 3],
            "truncated gzip",
            articles=1,
            what="gzipped WARC cut mid-record",
        ),
        Malformed(
            "binary_page.warc",
            _warc([("https://example.org/b", rng.randbytes(3000), "200 OK", "text/html")]),
            "binary data",
            what="HTML response of random bytes",
        ),
        Malformed(
            "no_pages.warc",
            _warc([("https://example.org/x", b"gone", "404 Not Found", "text/html")]),
            "no archived HTML pages",
            what="only a 404",
        ),
        Malformed(
            "truncated.warc",
            _cut(_warc([("https://example.org/t", _page(3), "200 OK", "text/html")])),
            "WARC",
            what="plain WARC cut mid-record",
        ),
        # --- feeds
        Malformed(
            "unclosed.rss",
            b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>A",
            "no text",
            what="feed cut mid-item",
        ),
        Malformed(
            "no_entries.atom", _feed(""), "feed has no entries", what="Atom feed without entries"
        ),
        Malformed(
            "empty_entry.atom",
            _feed(
                _atom_entry(
                    1, f"<content type='html'>&lt;p&gt;{_sentence(301)}&lt;/p&gt;</content>"
                )
                + _atom_entry(2, "")
            ),
            "no text",
            articles=1,
            what="an entry with no content",
        ),
        # --- JSON and CSV
        Malformed(
            "mixed.jsonl",
            jsonl_mixed,
            "",
            failures=7,
            articles=3,
            what="bad JSON lines between good ones",
        ),
        Malformed(
            "truncated.json",
            b'[{"text": "' + _sentence(401).encode() + b'"}, {"text": "',
            "invalid JSON",
            what="JSON cut mid-string",
        ),
        Malformed("scalar.json", b"42", "not an article", what="a JSON number"),
        Malformed(
            "empty_list.json", b'{"articles": []}', "no records", what="an empty list of records"
        ),
        Malformed("deep.json", b"[" * 100_000, "nested too deeply", what="100,000 nested arrays"),
        Malformed(
            "ragged.csv",
            f"title,text\nA,{_sentence(501)}\nB,one,two,three\n".encode(),
            "fields, the header has",
            articles=1,
            what="a row with extra fields",
        ),
        Malformed(
            "header_only.csv", b"title,text,url\n", "no records", what="a header and nothing else"
        ),
        # --- HTML and XML
        Malformed(
            "script_only.html",
            b"<html><body><script>var news = 'not text';</script></body></html>",
            "no article text",
            what="script, no text",
        ),
        Malformed(
            "unclosed_comment.html",
            b"<html><body><!-- " + _page(7),
            "no article text",
            what="a comment that never closes",
        ),
        Malformed(
            "timeml.xml",
            b"<?xml version='1.0'?><TimeML><TEXT>x</TEXT></TimeML>",
            "unsupported format",
            what="XML that is not a feed",
        ),
    ]


def _cut(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _corrupt(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + b"\x00\xff" * 20 + data[middle + 40 :]


#: File name (as bytes: not UTF-8) of a binary file, to check failure rows can store it.
BAD_NAME = b"bad/caf\xe9_binary.txt"


def write_corpus(folder: Path) -> list[Malformed]:
    """Write the good articles and every malformed input under ``folder``; return them.

    Also adds a symbolic link from inside the folder back to it (a loop that must not
    make files be read twice) and a binary file whose name is not UTF-8, which counts
    as one more malformed input.
    """
    corpus = _build()
    for name, text in GOOD.items():
        _write(folder / name, text.encode("utf-8"))
    for item in corpus:
        _write(folder / "bad" / item.name, item.data)
    os.symlink("..", folder / "bad" / "loop_to_parent")
    with open(os.fsencode(folder) + b"/" + BAD_NAME, "wb") as out:
        out.write(random.Random(11).randbytes(1000))
    shown = "bad/caf\\xe9_binary.txt"
    return [*corpus, Malformed(shown, b"", "binary data", what="binary file, name not UTF-8")]


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
