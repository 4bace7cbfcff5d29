"""Quotes in listing order with their speakers' codes, kept in memory for quote pages.

Quote listings (``/api/quotes``, the quotes on an actor page) are ordered by
their article's day, newest first. DuckDB answers a page of them by joining
every matching quote to the ``articles`` table and sorting (about 14 ms of CPU
for ``actor=JPN`` on 200,000 quotes, DuckDB 2.0, one thread), and under twenty
concurrent clients those joins queue for the cores. Instead, the quotes' ids,
row numbers, speaker codes and countries and their articles' days are read
once per state of the database (``ReadOnlyDatabase.derived``) in listing
order; a page picks its positions with numpy (codes by prefix, country,
days) and reads only its own rows, by row number and id, which lets DuckDB
skip the row groups that hold none of them (about 1 ms). Titles and outlets
come from the articles' index (``articleindex.py``).

Only filters on speaker code, country and days are answered here; a text
search (``q``) or a speaker's name goes to SQL as before. It is bounded:
above ``MAX_QUOTES`` quotes pages query the tables (about 100 bytes a quote).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import articleindex
from .db import ReadOnlyDatabase
from .dyaddays import prefixed

MAX_QUOTES = 500_000

# The order of ``api.list_quotes`` and of the actor page's quotes: the article's
# day, newest first, then the quote's id. Quotes whose article is missing are
# left out there by the join, and here too.
ORDER_SQL = (
    "SELECT q.rowid AS row, q.id, q.speaker_code, q.speaker_country, a.published,"
    " a.published_date FROM quotes q JOIN articles a ON a.id = q.article_id"
    " ORDER BY a.published_date DESC NULLS LAST, q.id"
)
# Keys of a page row that come from the index or the articles' index, not from ``quotes``.
FROM_ARTICLES = {"published", "outlet", "title"}


@dataclass(frozen=True)
class QuoteOrder:
    """Every quote in listing order: arrays and lists with one entry per quote."""

    ids: list[str]
    rows: np.ndarray  # DuckDB row numbers in ``quotes``
    published: list[Any]  # the article's ``published``
    days: np.ndarray  # the article's day, datetime64[D] (NaT: none)
    codes: list[str]  # sorted distinct speaker codes
    code_of: np.ndarray  # position in ``codes``, -1 for no code
    countries: list[str]  # sorted distinct speaker countries
    country_of: np.ndarray  # position in ``countries``, -1 for no country


def build(db: ReadOnlyDatabase) -> QuoteOrder | None:
    """The quotes of the open database in listing order, or None when there are too many."""
    data = db.con.execute(f"{ORDER_SQL} LIMIT {MAX_QUOTES + 1}").fetchnumpy()
    if len(data["id"]) > MAX_QUOTES:
        return None
    codes, code_of = _numbered(data["speaker_code"])
    countries, country_of = _numbered(data["speaker_country"])
    shared: dict[Any, Any] = {}  # one copy of each article's published text
    return QuoteOrder(
        ids=list(data["id"]),
        rows=np.asarray(data["row"], dtype=np.int64),
        published=[shared.setdefault(p, p) for p in _values(data["published"])],
        days=_days(data["published_date"]),
        codes=codes,
        code_of=code_of,
        countries=countries,
        country_of=country_of,
    )


def _values(column: Any) -> list[Any]:
    """A fetched column as Python values, None where DuckDB had NULL (masked arrays)."""
    if isinstance(column, np.ma.MaskedArray):
        return [None if masked else value for value, masked in zip(
            column.data.tolist(), np.ma.getmaskarray(column).tolist(), strict=True
        )]  # fmt: skip
    return column.tolist()


def _numbered(column: Any) -> tuple[list[str], np.ndarray]:
    """Sorted distinct values of a text column and each row's position among them (-1: NULL)."""
    values = _values(column)
    distinct = sorted({v for v in values if v is not None})
    position = {v: i for i, v in enumerate(distinct)}
    return distinct, np.array([position.get(v, -1) for v in values], dtype=np.int32)


def _days(column: Any) -> np.ndarray:
    days = np.asarray(np.ma.getdata(column)).astype("datetime64[D]")
    if isinstance(column, np.ma.MaskedArray):
        days[np.ma.getmaskarray(column)] = np.datetime64("NaT")
    return days


def summary(db: ReadOnlyDatabase) -> QuoteOrder | None:
    """The database's quote order, built on first use after each write (None: query SQL)."""
    if not {"quotes", "articles"} <= db.tables:
        return None
    return db.derived("quote_order", lambda: build(db))


def positions(
    order: QuoteOrder,
    *,
    code: str | None = None,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    stop: int,
) -> np.ndarray:
    """Positions (in listing order) of the first ``stop`` quotes that pass the filters.

    ``code`` is a speaker code prefix (as ``starts_with(q.speaker_code, ?)``),
    ``country`` a speaker country, ``since``/``until`` bound the article's day.
    """
    keep = np.ones(len(order.ids), dtype=bool)
    if code is not None:
        found = prefixed(order.codes, code)
        keep &= (order.code_of >= found.start) & (order.code_of < found.stop)
    if country is not None:
        at = bisect.bisect_left(order.countries, country)
        known = at < len(order.countries) and order.countries[at] == country
        keep &= order.country_of == (at if known else -2)
    # NaT compares false, as a NULL day fails BETWEEN in SQL.
    if since is not None:
        keep &= order.days >= np.datetime64(since, "D")
    if until is not None:
        keep &= order.days <= np.datetime64(until, "D")
    return np.flatnonzero(keep)[:stop]


def rows_at(
    db: ReadOnlyDatabase, order: QuoteOrder, found: np.ndarray, keys: tuple[str, ...]
) -> list[dict[str, Any]] | None:
    """The quotes at positions ``found``, in that order, as dicts with ``keys`` in order.

    ``published`` comes from the index, ``outlet`` and ``title`` from the
    articles' index; every other key is a column of ``quotes``. None if a
    quote is not where the index says (the caller then queries SQL).
    """
    if not len(found):
        return []
    ids = [order.ids[i] for i in found]
    numbers = order.rows[found]
    columns = ", ".join(
        f"q.{k}" for k in dict.fromkeys(("id", "article_id", *keys)) if k not in FROM_ARTICLES
    )
    # The row-number range lets DuckDB skip row groups; the ids make the match exact.
    fetched = {
        r["id"]: r
        for r in db.rows(
            f"SELECT {columns} FROM quotes q WHERE q.rowid BETWEEN ? AND ?"
            " AND q.id IN (SELECT unnest(?))",
            [int(numbers.min()), int(numbers.max()), ids],
        )
    }
    if len(fetched) != len(ids):
        return None
    articles = articleindex.lookup(db, (r["article_id"] for r in fetched.values()))
    out = []
    for position, quote_id in zip(found.tolist(), ids, strict=True):
        row = fetched[quote_id]
        extra = {"published": order.published[position], **articles.get(row["article_id"], {})}
        out.append({k: extra.get(k) if k in FROM_ARTICLES else row[k] for k in keys})
    return out
