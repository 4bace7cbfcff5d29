"""RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom feeds: one article per entry (feedparser).

Entry text is the full content (content:encoded, atom:content) when the feed has it,
else the summary/description. Feed HTML is a short fragment, so its tags are stripped
here (paragraph breaks kept) rather than sent through page extraction, which is
built for whole pages and drops short fragments as boilerplate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..errors import EmptyInputError, EventwireError, InputError
from ..records import Article, Failure
from .article import make_article
from .dates import normalise_published
from .language import detect_language
from .options import ReadOptions
from .sources import failure_from

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BLOCK_TAG = re.compile(
    r"(</?(?:p|div|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|figure|pre)\b[^>]*>)",
    re.IGNORECASE,
)
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s+")
_SPACE_AROUND_NEWLINE = re.compile(r"[ \t]*\n[ \t]*")
_DROPPED_TAGS = ("script", "style", "noscript", "iframe", "object")
_RFC822_FOREIGN = re.compile(
    r"(\d{1,2})\s+([^\W\d_]{3,9}\.?)\s+(\d{4})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s*([+-]\d{4}|[A-Z]{1,4})?"
)
#: Month abbreviations (first letters) in the languages of localised feeds.
_MONTHS = {
    **dict.fromkeys(("jan", "ene", "janv", "genn", "gen"), 1),
    **dict.fromkeys(("fev", "feb", "févr", "fevr", "febb"), 2),
    **dict.fromkeys(("mar", "mär", "mars", "marz"), 3),
    **dict.fromkeys(("abr", "apr", "avr", "avri"), 4),
    **dict.fromkeys(("mai", "may", "mag", "magg", "mayo"), 5),
    **dict.fromkeys(("jun", "juin", "giu", "giug"), 6),
    **dict.fromkeys(("jul", "juil", "lug", "lugl"), 7),
    **dict.fromkeys(("ago", "aug", "août", "aoû", "agos"), 8),
    **dict.fromkeys(("set", "sep", "sept", "sett"), 9),
    **dict.fromkeys(("out", "oct", "okt", "ott", "outu", "octu"), 10),
    **dict.fromkeys(("nov", "nove"), 11),
    **dict.fromkeys(("dez", "dic", "dec", "déc", "dice", "deze"), 12),
}
#: Summaries shorter than this are too short to identify their language alone.
_SHORT_TEXT = 200


def read_feed(text: str, *, path: str, options: ReadOptions) -> Iterator[Article | Failure]:
    """One item per feed entry (record = "entry N"); InputError if the feed does not parse."""
    import feedparser

    try:
        parsed = feedparser.parse(_without_bad_charrefs(_without_encoding_declaration(text)))
    except Exception as err:  # feedparser's fallback SGML parser trips on odd markup
        raise InputError(f"feed does not parse: {type(err).__name__}: {err}", path=path) from None
    if not parsed.entries:
        if parsed.bozo:
            raise InputError(f"feed does not parse: {_bozo_reason(parsed)}", path=path)
        raise EmptyInputError("feed has no entries", path=path)
    outlet = _plain(parsed.feed.get("title_detail")) or parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        record = f"entry {number}"
        try:
            yield _entry_article(entry, path=path, record=record, outlet=outlet, options=options)
        except EventwireError as err:
            yield failure_from(err, path=path, record=record)


def html_fragment_text(fragment: str) -> str:
    """Text of an HTML fragment: tags stripped, one blank line between blocks."""
    from lxml import etree
    from lxml import html as lxml_html

    marked = _WHITESPACE.sub(" ", fragment)
    marked = _BREAK_TAG.sub("\n", marked)
    marked = _BLOCK_TAG.sub(r"\n\n\1", marked)
    try:
        root = lxml_html.fragment_fromstring(marked, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    text = _SPACE_AROUND_NEWLINE.sub("\n", root.text_content())
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _entry_article(
    entry: Any, *, path: str, record: str, outlet: str | None, options: ReadOptions
) -> Article:
    text = _entry_text(entry)
    if not text.strip():
        raise EmptyInputError(
            "no text (the entry has no content or summary)", path=path, record=record
        )
    title = _plain(entry.get("title_detail")) or entry.get("title")
    return make_article(
        text,
        path=path,
        options=options,
        record=record,
        title=title,
        url=entry.get("link"),
        published=_entry_published(entry),
        outlet=outlet,
        language=_short_text_language(text, title, options),
    )


def _short_text_language(text: str, title: str | None, options: ReadOptions) -> str | None:
    """Language of title and text together when the text alone is a line or two."""
    if not options.detect_language or len(text) >= _SHORT_TEXT or not title:
        return None  # make_article detects it from the text
    return detect_language(f"{title}\n{text}")


def _entry_text(entry: Any) -> str:
    """The longest full content of the entry, else its summary, as plain text."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        return _plain(max(contents, key=lambda c: len(c["value"]))) or ""
    return _plain(entry.get("summary_detail")) or _plain_text(entry.get("summary") or "")


def _plain(detail: Any) -> str | None:
    """Plain text of a feedparser text construct (its value, tags stripped if HTML)."""
    if not detail or not detail.get("value"):
        return None
    value = detail["value"]
    if (detail.get("type") or "").lower() in _HTML_TYPES:
        return html_fragment_text(value)
    return value


def _plain_text(value: str) -> str:
    return html_fragment_text(value) if "<" in value else value


def _entry_published(entry: Any) -> str | datetime | None:
    """The entry's date as the feed wrote it (keeps its offset), else feedparser's UTC."""
    for key in ("published", "updated", "created"):
        if entry.get(key):
            value = entry[key]
            return normalise_published(value) or _foreign_rfc822(value) or _from_struct(entry, key)
    return None


def _foreign_rfc822(value: str) -> str | None:
    """An RFC 822 date with month names in Portuguese, Spanish, French, German or Italian.

    Some feeds localise ``pubDate`` ("Seg, 24 Set 2018 19:38:00 -0300"), which
    neither feedparser nor dateutil reads.
    """
    match = _RFC822_FOREIGN.search(value)
    name = match[2].lower().rstrip(".") if match else ""
    month = _MONTHS.get(name[:4]) or _MONTHS.get(name[:3])
    if not match or not month:
        return None
    day, _, year, clock, zone = match.groups()
    return normalise_published(f"{year}-{month:02d}-{int(day):02d}T{clock} {zone or ''}".strip())


def _from_struct(entry: Any, key: str) -> datetime | None:
    parsed = entry.get(f"{key}_parsed")
    return datetime(*parsed[:6], tzinfo=UTC) if parsed else None


def _bozo_reason(parsed: Any) -> str:
    err = parsed.get("bozo_exception")
    message = getattr(err, "getMessage", None)
    return str(message() if callable(message) else err) or type(err).__name__


#: Numeric character references to UTF-16 surrogates (&#xD800; &#55296;): feedparser
#: turns them into lone surrogates and then fails to encode its own output.
_SURROGATE_CHARREF = re.compile(r"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*5[5-7]\d{3});")


def _without_bad_charrefs(text: str) -> str:
    """Text with references to surrogates, which name no character, made U+FFFD."""

    def replace(match: re.Match[str]) -> str:
        ref = match[0][2:-1]
        code = int(ref[1:], 16) if ref[0] in "xX" else int(ref)
        return "&#xFFFD;" if 0xD800 <= code <= 0xDFFF else match[0]

    return _SURROGATE_CHARREF.sub(replace, text)


def _without_encoding_declaration(text: str) -> str:
    """Text with its XML declaration's encoding removed: it is already decoded.

    feedparser would otherwise re-encode the string and trust the declaration.
    """
    return re.sub(r"""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""", r"\1", text, count=1)
