"""Build Article records from what a reader found: text cleaned, id, language, date."""

from __future__ import annotations

import re
import unicodedata

from ..errors import EmptyInputError, TooLargeError
from ..records import Article, Status, article_id
from .dates import normalise_published
from .language import detect_language
from .options import ReadOptions

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_NEWLINES = re.compile(r"\n{3,}")
#: Lone UTF-16 surrogates (a JSON "\ud800" escape decodes to one) cannot be encoded
#: as UTF-8, so the store and every JSON writer would fail on them.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: Longest run of punctuation and symbols kept. spaCy's tokenizer strips affixes one at
#: a time and searches the rest of the word each time, so a long run of them (a line of
#: "=====", a wall of emoji) costs time quadratic in its length: 3,000 "=" take seconds.
MAX_SYMBOL_RUN = 20
_SYMBOL_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_SYMBOL_RUN + 1},}}")
#: Longest run of characters without a space kept whole; longer runs get a space
#: after every MAX_WORD_CHARS characters. No word of prose is this long, and affixes
#: that hold letters ("'s" repeated) are quadratic to tokenise like symbols.
MAX_WORD_CHARS = 250
_LONG_WORD = re.compile(rf"(\S{{{MAX_WORD_CHARS}}})(?=\S)")


def clean_text(text: str) -> str:
    """Article text as eventwire keeps it: NFC, unix newlines, no control characters.

    Offsets of every later stage point into this string, so it is fixed here once.
    Two documented truncations bound the tokenizer's time on hostile text: runs of
    punctuation and symbols are cut to MAX_SYMBOL_RUN characters, and runs without a
    space longer than MAX_WORD_CHARS are broken by a space (see docs/reliability.md).
    Lone surrogates become U+FFFD.
    """
    text = _SURROGATE.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    # controls go before NFC: one between a letter and its accent would block composing
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    text = _SYMBOL_RUN.sub(lambda run: run[0][:MAX_SYMBOL_RUN], text)
    text = _LONG_WORD.sub(r"\1 ", text)
    return text.strip()


def make_article(
    text: str,
    *,
    path: str,
    options: ReadOptions,
    record: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: object = None,
    outlet: str | None = None,
    language: str | None = None,
) -> Article:
    """An Article from raw fields; raises EmptyInputError or TooLargeError."""
    text = clean_text(text or "")
    if not text:
        raise EmptyInputError("no article text", path=path, record=record)
    if not any(char.isalnum() for char in text):
        raise EmptyInputError(
            "no article text: no letters or digits, only punctuation, symbols or "
            "invisible characters",
            path=path,
            record=record,
        )
    size = len(text.encode("utf-8"))
    if size > options.max_bytes:
        raise TooLargeError(
            f"article text is {size:,} bytes, over the limit of {options.max_bytes:,} "
            "(raise it with --max-bytes)",
            path=path,
            record=record,
        )
    published_value = normalise_published(options.published or published)
    if language is None and options.detect_language:
        language = detect_language(text)
    article = Article(
        id=article_id(text),
        url=_clean_field(url),
        title=_clean_field(title),
        published=published_value,
        outlet=_clean_field(outlet),
        language=language or "en",
        path=path,
        text=text,
        record=record,
    )
    if article.language != "en":
        article.status = Status.SKIPPED
        article.reason = f"language is '{article.language}', not English"
    return article


def _clean_field(value: object) -> str | None:
    if value is None:
        return None
    value = " ".join(_SURROGATE.sub("\ufffd", str(value)).split())
    return value or None
