"""Outlet, title and url per article id, kept in memory for event pages.

Every page of events shows each event's article (outlet, title, link). DuckDB
answers ``WHERE id IN (…)`` for a page's fifty ids by scanning the whole
``articles`` table rather than probing its primary key (about 1.3 ms of CPU
per page on 200,000 articles, DuckDB 2.0), and under twenty concurrent
clients those scans queue for the cores. Instead, the three columns are read
once per state of the database (``ReadOnlyDatabase.derived``) into a dict, and
a page looks its articles up there.

It is bounded: above ``MAX_ARTICLES`` articles the page queries the table as
before, so memory stays near 100 MB (about 330 bytes an article with short
titles and urls, measured with tracemalloc; longer ones cost more).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .db import ReadOnlyDatabase

MAX_ARTICLES = 300_000
FIELDS = ("outlet", "title", "url")

ArticleIndex = dict[str, tuple[Any, Any, Any]]


def build(db: ReadOnlyDatabase) -> ArticleIndex | None:
    """Outlet, title and url of every article, or None when there are too many."""
    rows = db.con.execute(
        f"SELECT id, {', '.join(FIELDS)} FROM articles LIMIT {MAX_ARTICLES + 1}"
    ).fetchall()
    if len(rows) > MAX_ARTICLES:
        return None
    outlets: dict[Any, Any] = {}  # a few outlets repeat on every article: keep one copy each
    return {row[0]: (outlets.setdefault(row[1], row[1]), row[2], row[3]) for row in rows}


def index(db: ReadOnlyDatabase) -> ArticleIndex | None:
    """The database's index, built on first use after each write (None: query the table)."""
    if "articles" not in db.tables:
        return None
    return db.derived("article_index", lambda: build(db))


def lookup(db: ReadOnlyDatabase, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{id: {"outlet", "title", "url"}}`` for the ids that name an article."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    known = index(db)
    if known is not None:
        return {i: dict(zip(FIELDS, known[i], strict=True)) for i in wanted if i in known}
    found = db.rows(
        f"SELECT id, {', '.join(FIELDS)} FROM articles WHERE id IN"
        f" ({', '.join('?' for _ in wanted)})",
        wanted,
    )
    return {r.pop("id"): r for r in found}
