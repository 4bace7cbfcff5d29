"""Bytes to text: byte-order marks, strict UTF-8, a declared charset, then detection.

Readers hand every byte string they get to ``decode_bytes`` so that one policy decides
what is text: binary data and damaged UTF-8 fail with a reason that names the problem
instead of reaching the pipeline as mojibake.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Bytes that text files do not hold (tab, newlines, form feed and escape excepted).
_CONTROL_BYTES = bytes([*range(0, 9), 14, 15, *range(16, 27), 28, 29, 30, 31])
_SAMPLE = 65_536
#: Share of control bytes above which data is taken as binary.
_MAX_CONTROL_SHARE = 0.05
#: charset-normalizer's "mess" ratio above which its best guess is not text.
_MAX_CHAOS = 0.3
_DECLARED = re.compile(
    rb"""<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']"""
    rb"""|<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""",
    re.IGNORECASE,
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
#: Preferred among equally good guesses: the single-byte encoding most web pages
#: without a declaration use (WHATWG maps latin-1 labels to it too).
_PREFERRED_SINGLE_BYTE = "cp1252"


def decode_bytes(
    data: bytes,
    *,
    path: str,
    record: str | None = None,
    declared: str | None = None,
) -> str:
    """Text of ``data``; raises InputError for binary data or undecodable bytes.

    ``declared`` is a charset the container names (HTTP header, XML declaration);
    when None, one declared in the first bytes of the data is used.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding, path=path, record=record)
    if utf16 := _utf16_without_bom(data):
        return _decode_strict(data, utf16, path=path, record=record)
    if _looks_binary(data):
        raise InputError("binary data, not text", path=path, record=record)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    if _is_damaged_utf8(data):
        raise InputError(
            f"invalid UTF-8: byte 0x{data[utf8_error.start]:02x} at offset "
            f"{utf8_error.start:,} cannot be decoded (the text is otherwise UTF-8; "
            "re-save it as UTF-8)",
            path=path,
            record=record,
        )
    declared = declared or declared_charset(data)
    if declared and (text := _try_decode(data, declared)) is not None:
        return text
    return _detect(data, path=path, record=record)


def declared_charset(data: bytes) -> str | None:
    """The charset named by an XML declaration or HTML meta tag near the start."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match[1] or match[2]).decode("ascii", "replace")
    return name if _known_codec(name) else None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of a Content-Type header, if it names a known codec."""
    if not content_type:
        return None
    match = _CHARSET_PARAM.search(content_type)
    if match and _known_codec(match[1]):
        return match[1]
    return None


def _decode_strict(data: bytes, encoding: str, *, path: str, record: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            f"invalid {encoding.upper()}: bytes at offset {err.start:,} cannot be decoded",
            path=path,
            record=record,
        ) from None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le/-be when every other byte is NUL, as in UTF-16 text of Latin script."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 0.9 * pairs and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= 0.9 * pairs and odd_nuls == 0:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control > _MAX_CONTROL_SHARE * len(sample)


def _is_damaged_utf8(data: bytes) -> bool:
    """True when valid multi-byte UTF-8 outnumbers the bytes that do not decode.

    Text in a single-byte encoding almost never forms valid UTF-8 sequences, so many
    good sequences and a few bad bytes mean a UTF-8 file that was damaged.
    """
    text = data.decode("utf-8", errors="replace")
    real_replacements = data.count("\ufffd".encode())
    bad = text.count("\ufffd") - real_replacements
    good = len(_NON_ASCII.findall(text)) - text.count("\ufffd")
    return good > bad > 0


def _detect(data: bytes, *, path: str, record: str | None) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[: _SAMPLE * 4]))
    if not matches or matches[0].chaos > _MAX_CHAOS:
        raise InputError("binary data, not text", path=path, record=record)
    for encoding in _candidate_encodings(matches):
        if (text := _try_decode(data, encoding)) is not None:
            return text
    raise InputError(
        f"text is not UTF-8 and does not decode as {matches[0].encoding} either",
        path=path,
        record=record,
    )


def _candidate_encodings(matches: list) -> list[str]:
    """charset-normalizer's guess, after cp1252 and latin-1 when they fit equally well.

    Short Western European texts fit many code pages with the same (zero) mess ratio,
    and the library then picks e.g. cp1257 for Portuguese, which garbles accents.
    """
    least_chaos = matches[0].chaos
    western = any(
        match.chaos <= least_chaos
        and (
            _PREFERRED_SINGLE_BYTE in match.could_be_from_charset
            or "latin_1" in match.could_be_from_charset
        )
        for match in matches
    )
    preferred = [_PREFERRED_SINGLE_BYTE, "latin_1"] if western else []
    return [*preferred, matches[0].encoding]
