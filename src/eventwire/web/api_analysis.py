"""JSON endpoints over the analyses: overview, dyads and their timelines, networks,
alerts, event locations, and the read-only SQL endpoint.

The analyses come from ``eventwire.analysis`` (pandas frames); this module only
chooses parameters, keeps results for the server's lifetime (the database is
read-only) and turns frames into JSON.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Annotated, Any

import duckdb
import pandas as pd
from fastapi import Query, Request

from .. import analysis
from ..analysis.frames import units
from ..analysis.timeline import QUAD_COLUMNS as QUADS
from . import (
    actornames,
    actorroles,
    articleindex,
    articlepages,
    dyaddays,
    eventdays,
    eventviews,
    placeindex,
    quoteindex,
)
from .api import (
    Country,
    Db,
    Level,
    Limit,
    Period,
    Side,
    Since,
    Until,
    cached,
    cached_in,
    clean,
)
from .errors import WebError
from .filters import EventFilters
from .sql import run_sql

log = logging.getLogger(__name__)


def frame_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A frame as JSON-ready rows (timestamps as dates, numpy values as Python)."""
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.date
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return clean(rows)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def overview(request: Request, db: Db) -> dict[str, Any]:
    """Counts, cooperation and conflict over time, top actors and latest alerts."""
    return cached(request, ("overview",), lambda: _overview(db))


def warm(app: Any) -> None:
    """Compute the overview into the cache (run in a thread when the server starts)."""
    db = app.state.db
    try:
        with db.reading():
            app.state.warm_con = db.con  # this thread's connection, to interrupt at shutdown
            cached_in(app, ("overview",), lambda: _overview(db))
            # So that the first timeline, event page or actor page does not wait for them.
            dyaddays.summary(db)
            articleindex.index(db)
            actorroles.summary(db)
            actornames.summary(db)
            quoteindex.summary(db)
            eventdays.summary(db)
            placeindex.summary(db)
            articlepages.newest_day(db)
            articlepages.event_counts(db, [])
    except duckdb.InterruptException:
        return
    except Exception:  # a failure here shows again, with its error, on the first request
        log.exception("could not precompute the overview")


def _overview(db: Any) -> dict[str, Any]:
    con = db.con
    counts = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "events", "quotes", "stories")
        if t in db.tables
    }
    counts["actors"] = con.execute("SELECT count(DISTINCT code) FROM actors").fetchone()[0]
    first, last = con.execute(f"SELECT min(u.day), max(u.day) FROM ({units(con)}) u").fetchone()
    by = _period_for(first, last)
    quads = db.rows(
        f"SELECT CAST(date_trunc('{by}', u.day) AS DATE) AS period, count(*) AS events,"
        + ", ".join(
            f" count(*) FILTER (WHERE u.quad_class = {n}) AS {q}" for n, q in enumerate(QUADS, 1)
        )
        + f" FROM ({units(con)}) u WHERE u.day IS NOT NULL GROUP BY 1 ORDER BY 1"
    )
    latest = analysis.alerts(con, by="week")
    if not latest.empty:
        latest = latest.sort_values(["period", "value"], ascending=[False, False]).head(8)
        latest["events"] = latest["event_ids"].map(len)
        latest = latest.drop(columns="event_ids")
    return {
        "counts": counts,
        "first_day": _iso(first),
        "last_day": _iso(last),
        "by": by,
        "timeline": clean(quads),
        "top_actors": frame_rows(analysis.top_actors(con, n=10)),
        "top_dyads": _top_dyads(db, None, None, 10),
        "alerts": frame_rows(latest),
    }


def _period_for(first: dt.date | None, last: dt.date | None) -> str:
    """The period that gives a readable number of points over the data's span."""
    if not first or not last:
        return "week"
    days = (last - first).days
    return "day" if days <= 45 else "week" if days <= 400 else "month"


def _top_dyads(
    db: Any, since: dt.date | None, until: dt.date | None, n: int
) -> list[dict[str, Any]]:
    net = analysis.actor_network(db.con, since=_iso(since), until=_iso(until), level="country")
    return frame_rows(net.edges.head(n))


def dyads(
    request: Request, db: Db, since: Since = None, until: Until = None, limit: Limit = 20
) -> dict[str, Any]:
    """The directed country dyads with most events (for choosing a dyad)."""
    rows = cached(
        request, ("dyads", since, until, limit), lambda: _top_dyads(db, since, until, limit)
    )
    return {"rows": rows}


def dyad_timeline(
    request: Request,
    db: Db,
    source: Annotated[
        str, Query(pattern=r"^[A-Za-z]{3,15}$", description="Country or actor code prefix.")
    ],
    target: Annotated[
        str, Query(pattern=r"^[A-Za-z]{3,15}$", description="Country or actor code prefix.")
    ],
    by: Period = "week",
    since: Since = None,
    until: Until = None,
    both: Annotated[bool, Query(description="Count target→source too.")] = False,
) -> dict[str, Any]:
    """Events of ``source`` towards ``target`` per period, with the QuadClass split."""
    key = ("timeline", source.upper(), target.upper(), by, since, until, both)

    def compute() -> list[dict[str, Any]]:
        rows = eventviews.dyad_timeline(
            db, source, target, by=by, since=since, until=until, both=both
        )
        return clean(rows)

    return {
        "source": source.upper(),
        "target": target.upper(),
        "by": by,
        "both": both,
        "rows": cached(request, key, compute),
    }


def network(
    request: Request,
    db: Db,
    since: Since = None,
    until: Until = None,
    level: Level = "country",
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    limit: Annotated[int, Query(ge=1, le=2000, description="Most edges returned.")] = 200,
) -> dict[str, Any]:
    """The actor network (node-link JSON), strongest edges first."""

    def compute() -> dict[str, Any]:
        net = analysis.actor_network(
            db.con, since=_iso(since), until=_iso(until), level=level, min_events=min_events
        )
        edges = net.edges.head(limit)
        keep = set(edges["source"]) | set(edges["target"])
        nodes = net.nodes[net.nodes["id"].isin(keep)]
        return {"directed": True, "nodes": frame_rows(nodes), "links": frame_rows(edges)}

    return cached(request, ("network", since, until, level, min_events, limit), compute)


def alerts(
    request: Request,
    db: Db,
    by: Period = "week",
    since: Since = None,
    until: Until = None,
    level: Level = "country",
    k: Annotated[
        float, Query(gt=0, le=20, description="Standard deviations above baseline.")
    ] = 2.0,
    min_count: Annotated[int, Query(ge=1, le=10_000)] = 3,
) -> dict[str, Any]:
    """Periods where a dyad's conflict rose well above its own baseline (strongest first)."""

    def compute() -> list[dict[str, Any]]:
        frame = analysis.alerts(
            db.con,
            by=by,
            since=_iso(since),
            until=_iso(until),
            level=level,
            k=k,
            min_count=min_count,
        )
        return frame_rows(frame)

    return {"rows": cached(request, ("alerts", by, since, until, level, k, min_count), compute)}


def places(
    db: Db,
    actor: Annotated[str | None, Query(max_length=100)] = None,
    source: Side = None,
    target: Side = None,
    country: Country = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 500,
) -> dict[str, Any]:
    """Event locations with coordinates: one row per place, with event counts."""
    if not (actor or source or target or country):
        located = placeindex.summary(db)
        if located is not None:
            rows = placeindex.place_rows(
                located, since=since, until=until, quad_class=quad_class, limit=limit
            )
            return {"rows": clean(rows)}
    f = EventFilters(
        actor=actor,
        source=source,
        target=target,
        country=country,
        quad_class=quad_class,
        since=since,
        until=until,
    )
    w = f.where(db.event_day)
    w.add("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")
    rows = db.rows(
        "SELECT e.location_name AS name, any_value(e.location_country) AS country,"
        " avg(e.location_lat) AS lat, avg(e.location_lon) AS lon, count(*) AS events,"
        " count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,"
        f" max({db.event_day}) AS last_day FROM {eventviews.source_sql(db)}{w.sql()}"
        f" GROUP BY e.location_name ORDER BY events DESC, name LIMIT {int(limit)}",
        w.params,
    )
    return {"rows": clean(rows)}


def sql_query(
    request: Request,
    db: Db,
    sql: Annotated[str, Query(max_length=20_000, description="One SELECT or WITH query.")] = "",
) -> dict[str, Any]:
    """Read-only SQL: one SELECT/WITH, a time limit, and a row cap reported as ``truncated``."""
    if not sql:
        raise WebError(
            "give a query in the 'sql' parameter, e.g. /api/sql?sql=SELECT count(*) FROM events"
        )
    return run_sql(db, sql, request.app.state.sql_limits)
