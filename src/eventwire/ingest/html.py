"""HTML pages: main text, title, publication date and site name.

The main text comes from trafilatura in two passes: a precision-minded pass that
drops more boilerplate (every stray menu sentence can become a false event), and
trafilatura's default pass, used instead when the careful pass kept less than half
of its words (then it has cut article text, not boilerplate). Title, date and
site come from the page's structured data first (see ``htmlmeta``), then from
trafilatura's own metadata (htmldate for the date). Nothing is fetched: trafilatura
and htmldate only ever see the string or the parsed tree.
"""

from __future__ import annotations

from ..errors import EmptyInputError
from ..records import Article
from .article import make_article
from .htmlmeta import PageMeta, normalise_local, page_meta, strip_site
from .options import ReadOptions

#: A page whose text has no line this long (in words, or in characters for scripts
#: written without spaces) is menus and links, not an article.
_PROSE_WORDS = 10
_PROSE_CHARS = 80
#: Keep the careful pass when it has at least this share of the default pass's words.
_KEEP_PRECISE = 0.5


def read_html(
    html: str,
    *,
    path: str,
    options: ReadOptions,
    record: str | None = None,
    url: str | None = None,
    published: object = None,
) -> Article:
    """An Article from one HTML page; EmptyInputError when it has no article text."""
    from trafilatura.utils import load_html

    tree = load_html(html) if html and html.strip() else None
    if tree is None:
        raise EmptyInputError("HTML page is empty or not HTML", path=path, record=record)
    meta = page_meta(tree, url)
    doc = _extract(html, url=url or meta.url, precise=True, with_metadata=True)
    text = _main_text(html, url or meta.url, (doc or {}).get("text"))
    if not _has_prose(text):
        raise EmptyInputError(
            "HTML page has no article text (no line of running prose, only menus or links)",
            path=path,
            record=record,
        )
    meta = _fill_from_trafilatura(meta, doc or {})
    article = make_article(
        text,
        path=path,
        options=options,
        record=record,
        title=meta.title,
        url=url or meta.url,
        published=published,
        outlet=meta.outlet,
    )
    # The page's own date keeps its offset (see htmlmeta); a date given by the caller
    # or by --published is normalised by make_article like any other reader's.
    if published in (None, "") and not options.published and meta.published:
        article.published = meta.published
    return article


def _extract(html: str, *, url: str | None, precise: bool, with_metadata: bool) -> dict | None:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=precise,
        include_comments=False,
        with_metadata=with_metadata,
    )
    if doc is None:
        return None
    return doc if isinstance(doc, dict) else doc.as_dict()


def _main_text(html: str, url: str | None, precise_text: str | None) -> str:
    """The careful pass's text unless it lost too much against the default pass."""
    precise_text = precise_text or ""
    default = _extract(html, url=url, precise=False, with_metadata=False)
    default_text = (default or {}).get("text") or ""
    if len(precise_text.split()) >= _KEEP_PRECISE * len(default_text.split()):
        return precise_text
    return default_text


def _fill_from_trafilatura(meta: PageMeta, doc: dict) -> PageMeta:
    """Fields the markup did not give, taken from trafilatura's metadata."""
    sites = [s for s in (meta.outlet, doc.get("sitename"), doc.get("hostname")) if s]
    title = meta.title or (strip_site(doc["title"], sites) if doc.get("title") else None)
    return PageMeta(
        title=title,
        published=meta.published or normalise_local(doc.get("date")),
        outlet=meta.outlet or doc.get("sitename") or doc.get("hostname"),
        url=meta.url or doc.get("url"),
    )


def _has_prose(text: str) -> bool:
    """Whether some line of the text is running prose rather than a menu entry."""
    return any(
        len(line.split()) >= _PROSE_WORDS or len(line.strip()) >= _PROSE_CHARS
        for line in text.splitlines()
    )
