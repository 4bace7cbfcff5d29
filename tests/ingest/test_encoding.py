"""Bytes to text: BOMs, UTF-8, declared and detected charsets, binary data."""

from __future__ import annotations

import codecs

import pytest

from eventwire.errors import InputError
from eventwire.ingest.encoding import charset_from_content_type, declared_charset, decode_bytes

TEXT = "The minist\u00e9rio said on Monday that talks in S\u00e3o Paulo would resume."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM: recognised by its NUL pattern
        TEXT.encode("cp1252"),  # no declaration: detected
    ],
)
def test_decodes_common_encodings(data):
    assert decode_bytes(data, path="x") == TEXT


def test_portuguese_latin1_is_not_mistaken_for_a_baltic_code_page():
    text = "N\u00e3o h\u00e1 previs\u00e3o de reuni\u00e3o: a oposi\u00e7\u00e3o critica o governo."
    assert decode_bytes(text.encode("iso-8859-1"), path="x") == text


def test_declared_charset_is_used():
    data = "<?xml version='1.0' encoding='koi8-r'?><p>\u041c\u0438\u0440</p>".encode("koi8-r")
    assert declared_charset(data) == "koi8-r"
    assert "\u041c\u0438\u0440" in decode_bytes(data, path="x")


def test_charset_from_content_type():
    assert charset_from_content_type("text/html; charset=ISO-8859-1") == "ISO-8859-1"
    assert charset_from_content_type("text/html; charset=nonsense-9") is None
    assert charset_from_content_type(None) is None


@pytest.mark.parametrize("data", [b"abc\x00def" * 10, bytes(range(32)) * 50])
def test_binary_data_is_refused(data):
    with pytest.raises(InputError, match="binary data, not text") as info:
        decode_bytes(data, path="blob.bin", record="line 2")
    assert info.value.path == "blob.bin" and info.value.record == "line 2"


def test_damaged_utf8_names_the_byte_and_offset():
    data = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e ".encode() + b"\xc3("
    with pytest.raises(InputError, match=r"invalid UTF-8: byte 0xc3 at offset 22"):
        decode_bytes(data, path="x")
