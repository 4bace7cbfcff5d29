"""Plain-text articles, with optional front matter for title, date, url and outlet.

    ---
    title: Ruling parties hold first security talks
    published: 2021-08-27
    url: https://example.org/talks
    outlet: Example News
    ---
    The article text …

The front matter is a flat ``key: value`` block, not YAML: nothing else is needed.
"""

from __future__ import annotations

import re

from ..records import Article
from .article import make_article
from .options import ReadOptions

_FENCE = "---"
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
#: Front matter longer than this many lines is taken to be text, not metadata.
_MAX_FRONT_MATTER_LINES = 50
_ALIASES = {
    "title": "title",
    "headline": "title",
    "published": "published",
    "date": "published",
    "url": "url",
    "link": "url",
    "outlet": "outlet",
    "source": "outlet",
    "site": "outlet",
    "language": "language",
    "lang": "language",
}


def read_text(text: str, *, path: str, options: ReadOptions, record: str | None = None) -> Article:
    """An Article from a plain-text file's content (front matter, if any, removed)."""
    meta, body = split_front_matter(text)
    return make_article(
        body,
        path=path,
        options=options,
        record=record,
        title=meta.get("title"),
        url=meta.get("url"),
        published=meta.get("published"),
        outlet=meta.get("outlet"),
        language=meta.get("language"),
    )


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Known front-matter fields and the text after the block.

    Text that starts with ``---`` but whose block is not all ``key: value`` lines is
    left whole, so a separator line at the top never swallows the first paragraph.
    """
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != _FENCE:
        return {}, text
    end = _closing_fence(lines)
    if end is None:
        return {}, text
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        if not line.strip():
            continue
        match = _KEY_VALUE.match(line)
        if not match:
            return {}, text
        key = _ALIASES.get(match[1].lower())
        if key and key not in fields:
            fields[key] = _unquote(match[2])
    return {k: v for k, v in fields.items() if v}, "\n".join(lines[end + 1 :])


def _closing_fence(lines: list[str]) -> int | None:
    for index in range(1, min(len(lines), _MAX_FRONT_MATTER_LINES + 2)):
        if lines[index].strip() in (_FENCE, "..."):
            return index
    return None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
