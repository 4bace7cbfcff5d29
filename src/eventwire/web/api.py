"""JSON endpoints under ``/api/``: listings with filters and paging, and the analyses.

Listings answer ``{"rows": [...], "limit", "offset", "next_offset"}`` (``next_offset``
is null on the last page). Filters are validated by FastAPI from the type
hints below (so they appear in ``/openapi.json``) and bound as SQL parameters
(``filters.py``). Each request reads under a lease on the read-only database
(``db.reading()``); whole-database aggregates are computed once and kept
(``cached``) until a writer changes the database.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import AsyncIterator
from typing import Annotated, Any

import anyio
from fastapi import Depends, Path, Query, Request

from ..events.cameo import load_cameo
from . import actornames, actorroles, articlepages, quoteindex
from .actorroles import role_rows
from .db import ReadOnlyDatabase
from .errors import NotFoundError
from .eventviews import event_page, neighbours
from .filters import EventFilters, Where, actor_clause, is_code, like
from .highlight import Mark, actor_marks, segments
from .sql import PLAIN, json_value

Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page (1–500).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")]
Since = Annotated[dt.date | None, Query(description="First day (YYYY-MM-DD), inclusive.")]
Until = Annotated[dt.date | None, Query(description="Last day (YYYY-MM-DD), inclusive.")]
Text = Annotated[str | None, Query(max_length=200, description="Text to search for.")]
ActorQ = Annotated[
    str | None,
    Query(
        max_length=100,
        description="CAMEO actor code prefix in capitals (CHN, TWNGOV) or part of a name.",
    ),
]
Side = Annotated[
    str | None,
    Query(
        max_length=15,
        pattern=r"^[A-Za-z]{3,15}$",
        description="Country (CHN) or actor code prefix (CHNMIL).",
    ),
]
Country = Annotated[
    str | None,
    Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 or organisation code."),
]
Period = Annotated[str, Query(pattern=r"^(day|week|month)$", description="day, week or month.")]
Level = Annotated[str, Query(pattern=r"^(country|actor)$", description="country or actor.")]


async def get_db(request: Request) -> AsyncIterator[ReadOnlyDatabase]:
    """The database under a lease for the whole request: no writer commits in between.

    The lease is taken on the event loop when that needs no waiting (the usual
    case), else in a worker thread, so a queued writer never blocks the loop.
    """
    db: ReadOnlyDatabase = request.app.state.db
    if not db.try_enter():
        await anyio.to_thread.run_sync(db.enter)
    try:
        yield db
    finally:
        db.leave()


Db = Annotated[ReadOnlyDatabase, Depends(get_db)]


def clean(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with every value JSON-ready (dates as text, NaN as null)."""
    return [{k: v if type(v) in PLAIN else _json_ready(v) for k, v in r.items()} for r in rows]


def _json_ready(value: Any) -> Any:
    # Floats and days are most of what is not plain (scores, event days): answered here
    # without json_value's chain of isinstance tests, as json_value answers them.
    kind = type(value)
    if kind is float:
        return value if math.isfinite(value) else None
    if kind is dt.date:
        return value.isoformat()
    return json_value(value.item() if hasattr(value, "item") else value)  # numpy scalars


def cameo_name(code: str | None) -> str | None:
    """The CAMEO name of an event code or root ("112" → "Accuse, not specified below")."""
    entry = load_cameo().get(code or "")
    return entry.name if entry else None


def page(
    db: ReadOnlyDatabase, sql: str, params: list[Any], limit: int, offset: int
) -> dict[str, Any]:
    """One page of ``sql`` (one row more is fetched to know whether another page follows)."""
    rows = db.rows(f"{sql} LIMIT {int(limit) + 1} OFFSET {int(offset)}", params)
    more = len(rows) > limit
    return {
        "rows": clean(rows[:limit]),
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }


def cached(request: Request, key: tuple[Any, ...], compute: Any) -> Any:
    """``compute()`` once per key until the database changes (the cache is then emptied)."""
    return cached_in(request.app, key, compute)


def cached_in(app: Any, key: tuple[Any, ...], compute: Any) -> Any:
    """``cached`` for an app; concurrent misses of one key wait for a single computation.

    Without that, every client that asks for a whole-database aggregate before the
    first answer is stored computes it again, and under load they all time out.
    """
    store: dict[tuple[Any, ...], Any] | None = app.state.cache
    if store is None:
        return compute()
    if key in store:
        return store[key]
    with app.state.cache_guard:
        lock = app.state.cache_locks.setdefault(key, threading.Lock())
    with lock:
        if key not in store:
            if len(store) > 512:
                store.clear()
                with app.state.cache_guard:
                    app.state.cache_locks.clear()
            store[key] = compute()
        return store[key]


# -- articles -------------------------------------------------------------------


def list_articles(
    db: Db,
    since: Since = None,
    until: Until = None,
    actor: ActorQ = None,
    country: Country = None,
    q: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Articles, newest first; ``q`` searches title and text."""
    w = Where()
    w.between("a.published_date", since, until)
    if q:
        w.add("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')", like(q), like(q))
    if actor or country:
        sub = Where()
        if actor:
            actor_clause(sub, ("ac.",), actor)
        if country:
            sub.add("ac.country = ?", country.upper())
        w.add(f"a.id IN (SELECT ac.article_id FROM actors ac{sub.sql()})", *sub.params)

    def sql_of(where: Where) -> str:
        return (
            "SELECT a.id, a.published, a.outlet, a.title, a.url, a.language, a.status,"
            f" a.story_id, length(a.text) AS chars FROM articles a{where.sql()}"
            " ORDER BY a.published_date DESC NULLS LAST, a.published DESC, a.id"
        )

    rows = articlepages.newest_rows(
        db, sql_of, w, since=since, until=until, limit=limit, offset=offset
    )
    result = {
        "rows": clean(rows[:limit]),
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(rows) > limit else None,
    }
    # Events are counted for this page's articles only, not for every article matched.
    counts = articlepages.event_counts(db, [r["id"] for r in result["rows"]])
    for row in result["rows"]:
        row["events"] = counts.get(row["id"], 0)
    return result


def get_article(db: Db, article_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """One article with its text, everything extracted from it, highlight segments and story."""
    article = db.one("SELECT * EXCLUDE (record) FROM articles WHERE id = ?", [article_id])
    if article is None:
        raise NotFoundError(f"no article with id {article_id!r}; list them at /api/articles")
    text = article.get("text") or ""
    parts = {
        name: db.rows(
            f"SELECT * EXCLUDE (article_id) FROM {name} WHERE article_id = ?{order}", [article_id]
        )
        for name, order in (
            ("events", " ORDER BY span_start, id"),
            ("quotes", " ORDER BY span_start, id"),
            ("times", " ORDER BY span_start"),
            ("places", " ORDER BY id"),
            ("actors", " ORDER BY mentions DESC, name"),
        )
    }
    marks = [
        *(
            Mark(e["span_start"], e["span_end"], "event", f"{e['cameo']} {e['text']}", e["id"])
            for e in parts["events"]
        ),
        *(
            Mark(
                q["span_start"],
                q["span_end"],
                "quote",
                f"quote of {q['speaker_name'] or 'unknown'}",
                q["id"],
            )
            for q in parts["quotes"]
        ),
        *(Mark(t["span_start"], t["span_end"], "time", str(t["value"])) for t in parts["times"]),
        *actor_marks(text, parts["actors"]),
    ]
    story = []
    if article.get("story_id"):
        story = db.rows(
            "SELECT id, title, outlet, published FROM articles WHERE story_id = ? AND id <> ?"
            " ORDER BY published, id LIMIT 50",
            [article["story_id"], article_id],
        )
    return {
        "article": clean([article])[0],
        **{name: clean(rows) for name, rows in parts.items()},
        "segments": segments(text, marks),
        "story_articles": clean(story),
    }


# -- events, quotes, actors, stories ---------------------------------------------


def list_events(
    db: Db,
    actor: ActorQ = None,
    source: Side = None,
    target: Side = None,
    both: Annotated[
        bool, Query(description="Also target→source (with source and target).")
    ] = False,
    country: Country = None,
    code: Annotated[
        str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code prefix: 19, 112.")
    ] = None,
    quad_class: Annotated[
        int | None, Query(ge=1, le=4, description="1 verbal coop … 4 material conflict.")
    ] = None,
    since: Since = None,
    until: Until = None,
    q: Text = None,
    place: Annotated[str | None, Query(max_length=200, description="Location name.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Event reports, newest first, each with its evidence sentence."""
    f = EventFilters(actor, source, target, both, country, code, quad_class, since, until, q, place)
    rows, more = event_page(db, f, limit, offset)
    return {
        "rows": clean([{**r, "cameo_name": cameo_name(r["cameo"])} for r in rows]),
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }


def list_quotes(
    db: Db,
    actor: ActorQ = None,
    country: Country = None,
    since: Since = None,
    until: Until = None,
    q: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Quotes with their speakers, newest first; ``actor`` is the speaker."""
    if not q and (not actor or is_code(actor)):
        found = _indexed_quotes(
            db,
            QUOTE_KEYS,
            code=actor or None,
            country=country.upper() if country else None,
            since=since,
            until=until,
            start=offset,
            stop=offset + limit + 1,
        )
        if found is not None:
            return {
                "rows": clean(found[:limit]),
                "limit": limit,
                "offset": offset,
                "next_offset": offset + limit if len(found) > limit else None,
            }
    w = Where()
    w.between("a.published_date", since, until)
    if actor:
        actor_clause(w, ("q.speaker_",), actor)
    if country:
        w.add("q.speaker_country = ?", country.upper())
    if q:
        w.add("q.text ILIKE ? ESCAPE '\\'", like(q))
    sql = (
        "SELECT q.id, a.published, q.speaker_text, q.speaker_name, q.speaker_code, q.kind, q.cue,"
        " q.text, q.article_id, a.outlet, a.title"
        f" FROM quotes q JOIN articles a ON a.id = q.article_id{w.sql()}"
        " ORDER BY a.published_date DESC NULLS LAST, q.id"
    )
    return page(db, sql, w.params, limit, offset)


def list_actors(
    db: Db,
    actor: ActorQ = None,
    country: Country = None,
    q: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Actors found in the articles, most mentioned first (``q`` or ``actor``: name or code)."""
    w = Where()
    term = actor or q
    if term:
        actor_clause(w, ("ac.",), term)
    if country:
        w.add("ac.country = ?", country.upper())
    sql = (
        "SELECT ac.code, mode(ac.name) AS name, any_value(ac.country) AS country,"
        " CAST(sum(ac.mentions) AS BIGINT) AS mentions, count(DISTINCT ac.article_id) AS articles"
        f" FROM actors ac{w.sql()} GROUP BY ac.code ORDER BY mentions DESC, ac.code"
    )
    return page(db, sql, w.params, limit, offset)


def get_actor(
    request: Request, db: Db, code: Annotated[str, Path(pattern=r"^[A-Za-z]{3,15}$")]
) -> dict[str, Any]:
    """An actor (code prefix): names, events by role, network neighbourhood, quotes."""
    code = code.upper()
    known = actornames.summary(db)
    if known is not None:
        names = actornames.top_names(known, code)
    else:
        names = db.rows(
            "SELECT name, code, country, CAST(sum(mentions) AS BIGINT) AS mentions FROM actors"
            " WHERE starts_with(code, ?) GROUP BY ALL ORDER BY mentions DESC LIMIT 10",
            [code],
        )
    roles = cached(request, ("roles", code), lambda: _roles(db, code))
    if not names and not roles:
        raise NotFoundError(f"no actor with code {code!r}; list them at /api/actors")
    edges = cached(request, ("neighbours", code), lambda: _neighbours(db, code))
    quotes = _indexed_quotes(db, ACTOR_QUOTE_KEYS, code=code, start=0, stop=20)
    if quotes is None:
        quotes = _newest_quotes(db, code)
    return {
        "code": code,
        "names": clean(names),
        "roles": roles,
        "neighbours": edges,
        "quotes": clean(quotes),
    }


def _newest_quotes(db: ReadOnlyDatabase, code: str) -> list[dict[str, Any]]:
    """The actor's twenty newest quotes, queried (without the in-memory quote order)."""
    # The newest twenty are chosen on ids and days alone, then only their texts and
    # titles are read: a third less CPU than carrying every matching row's text.
    return db.rows(
        "WITH newest AS (SELECT q.id, q.article_id, a.published_date FROM quotes q"
        " JOIN articles a ON a.id = q.article_id WHERE starts_with(q.speaker_code, ?)"
        " ORDER BY a.published_date DESC NULLS LAST, q.id LIMIT 20)"
        " SELECT q.id, q.text, q.kind, q.speaker_name, q.speaker_code, q.article_id, a.published,"
        " a.outlet, a.title FROM newest n JOIN quotes q ON q.id = n.id"
        " JOIN articles a ON a.id = n.article_id"
        " ORDER BY n.published_date DESC NULLS LAST, q.id",
        [code],
    )


# Keys of a quote listing's rows and of an actor page's quotes, in their JSON order.
QUOTE_KEYS = (
    "id", "published", "speaker_text", "speaker_name", "speaker_code", "kind", "cue", "text",
    "article_id", "outlet", "title",
)  # fmt: skip
ACTOR_QUOTE_KEYS = (
    "id", "text", "kind", "speaker_name", "speaker_code", "article_id", "published", "outlet",
    "title",
)  # fmt: skip


def _indexed_quotes(
    db: ReadOnlyDatabase,
    keys: tuple[str, ...],
    *,
    code: str | None,
    start: int,
    stop: int,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[dict[str, Any]] | None:
    """Quotes ``start:stop`` in listing order from the in-memory order (None: query SQL)."""
    order = quoteindex.summary(db)
    if order is None:
        return None
    found = quoteindex.positions(
        order, code=code, country=country, since=since, until=until, stop=stop
    )
    return quoteindex.rows_at(db, order, found[start:], keys)


def _roles(db: ReadOnlyDatabase, code: str) -> list[dict[str, Any]]:
    """Events by role (source or target) and CAMEO root, with the root's name.

    From the in-memory counts (``actorroles.py``) when there are any, else queried.
    """
    counts = actorroles.summary(db)
    if counts is not None:
        return [{**r, "root_name": cameo_name(r["cameo_root"])} for r in role_rows(counts, code)]
    rows = clean(
        db.rows(
            "SELECT role, cameo_root, count(*) AS events,"
            " count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,"
            " count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict FROM ("
            " SELECT 'source' AS role, cameo_root, quad_class FROM events WHERE"
            " starts_with(source_code, ?)"
            " UNION ALL SELECT 'target', cameo_root, quad_class FROM events WHERE"
            " starts_with(target_code, ?))"
            " GROUP BY ALL ORDER BY role, events DESC, cameo_root",  # ties in a stable order
            [code, code],
        )
    )
    return [{**r, "root_name": cameo_name(r["cameo_root"])} for r in rows]


def _neighbours(db: ReadOnlyDatabase, code: str) -> list[dict[str, Any]]:
    return clean(neighbours(db, code))


def list_stories(
    db: Db,
    q: Text = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stories (articles that are copies or rewrites of one report), most articles first."""
    w = Where()
    day = "TRY_CAST(left(s.last_published, 10) AS DATE)"
    w.between(day, since, until)
    if q:
        w.add("s.title ILIKE ? ESCAPE '\\'", like(q))
    sql = (
        f"SELECT s.* FROM stories s{w.sql()} ORDER BY s.articles DESC, s.last_published DESC, s.id"
    )
    return page(db, sql, w.params, limit, offset)


def get_story(db: Db, story_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """A story and its articles."""
    story = db.one("SELECT * FROM stories WHERE id = ?", [story_id])
    if story is None:
        raise NotFoundError(f"no story with id {story_id!r}; list them at /api/stories")
    articles = db.rows(
        "SELECT id, title, outlet, published, url FROM articles WHERE story_id = ? ORDER BY"
        " published, id",
        [story_id],
    )
    return {"story": clean([story])[0], "articles": clean(articles)}
