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


def clean_text(text: str) -> str:
    """Article text as eventwire keeps it: NFC, unix newlines, no control characters.

    Offsets of every later stage point into this string, so it is fixed here once.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
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
    value = " ".join(str(value).split())
    return value or None
