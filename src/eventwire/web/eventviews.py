"""Event queries shaped for a million events: listing pages, dyad timelines, neighbourhoods.

Four things keep them fast on large stores:

- DuckDB's top-N (ORDER BY … LIMIT) pushes a dynamic filter on the day into
  the scan, so a page of the newest events reads few row groups. Within a
  date range that filter starts loose (row groups come oldest first), so
  there the page is found in two steps: the day of the last row wanted
  (sorting the day column alone), then only the rows on or after that day
  sorted by day and id (for a stable order). The page's articles (outlet,
  title, url) come from an in-memory index by id (``articleindex.py``).
  For a dyad within dates the first step is no query: the days come from
  in-memory counts per (source, target, day) of the events (``eventdays.py``).
- With a stored ``events.day`` column the listing reads the events table
  alone; without it the day is computed through a join with the articles.
- Timelines and neighbourhoods read ``event_clusters`` directly when it has
  rows (consolidated events carry codes, day and scores), instead of the
  general units query of ``eventwire.analysis``, which joins every mention.
  A side given as a country matches codes starting with it (CAMEO codes of
  state actors begin with their country).
- Timelines on consolidated events sum a per-(source, target, day) summary
  built once per state of the database (``dyaddays.py``) instead of testing
  the codes of every row: 1–2 ms of CPU per request instead of 5–11 ms on a
  million events (benchmarks/web_latency.py). Neighbourhoods read the same
  summary's per-pair totals, and the names of codes from a map built once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..analysis.timeline import QUAD_COLUMNS as QUADS
from . import articleindex, dyaddays, eventdays
from .db import ReadOnlyDatabase
from .filters import EventFilters, Where, side_clause

EVENT_COLUMNS = (
    "e.id, e.date, e.date_precision, e.source_text, e.source_name, e.source_code, e.text,"
    " e.cameo, e.target_text, e.target_name, e.target_code, e.quad_class, e.goldstein,"
    " e.plover_event, e.modality, e.negated, e.confidence, e.sentence, e.location_name,"
    " e.article_id"
)


def source_sql(db: ReadOnlyDatabase) -> str:
    """FROM clause for event filters: the events alone, or joined to articles for the day."""
    if db.event_day == "e.day":
        return "events e"
    return "events e JOIN articles a ON a.id = e.article_id"


def event_page(
    db: ReadOnlyDatabase, f: EventFilters, limit: int, offset: int
) -> tuple[list[dict[str, Any]], bool]:
    """One page of events, newest day first then by id; and whether more follow."""
    day = db.event_day
    w = f.where(day)
    source = source_sql(db)
    keys_where = Where(list(w.clauses), list(w.params))
    counted = _dyad_counts(db, f)
    if counted is not None:
        # A dyad within dates: its days come from the counts, without the first query.
        placed = eventdays.page_days(*counted, f.since, f.until, offset, offset + limit)
        if placed is None:
            return [], False
        oldest, newest, newer = placed
        keys_where.add(f"{day} BETWEEN ? AND ?", oldest, newest)
        offset -= newer  # the rows on newer days are not read at all
    elif day == "e.day" and (f.since or f.until):
        # Only worth it on a stored column: the single-column sort can skip row groups.
        boundary = db.con.execute(
            f"SELECT {day} AS day FROM {source}{w.sql()} ORDER BY day DESC NULLS LAST"
            f" LIMIT 1 OFFSET {int(offset) + int(limit)}",
            w.params,
        ).fetchone()
        if boundary is not None and boundary[0] is not None:
            keys_where.add(f"{day} >= ?", boundary[0])
    rows = db.rows(
        f"SELECT {EVENT_COLUMNS}, {day} AS day FROM {source}{keys_where.sql()}"
        f" ORDER BY day DESC NULLS LAST, e.id LIMIT {int(limit) + 1} OFFSET {int(offset)}",
        keys_where.params,
    )
    more = len(rows) > limit
    rows = rows[:limit]
    articles = articleindex.lookup(db, (r["article_id"] for r in rows))
    for row in rows:
        article = articles.get(row["article_id"], {})
        row.update({k: article.get(k) for k in ("outlet", "title", "url")})
    return rows, more


def _dyad_counts(
    db: ReadOnlyDatabase, f: EventFilters
) -> tuple[eventdays.EventDays, list[tuple[str | None, str | None]]] | None:
    """The in-memory day counts and the (source, target) sides to sum for a dyad page.

    None when they do not apply: no dates, filters other than the dyad's, or no counts.
    """
    others = (f.actor, f.country, f.code, f.quad_class, f.q, f.place, f.article)
    if not (f.source or f.target) or not (f.since or f.until) or any(others):
        return None
    counts = eventdays.summary(db)
    if counts is None:
        return None
    source = f.source.upper() if f.source else None
    target = f.target.upper() if f.target else None
    return counts, [(source, target), (target, source)] if f.both else [(source, target)]


def _dyad_where(source: str, target: str, both: bool, prefix: str, clusters: bool) -> Where:
    def side(role: str, value: str) -> tuple[str, list[Any]]:
        if clusters:
            return f"starts_with({prefix}{role}_code, ?)", [value.upper()]
        return side_clause(f"{prefix}{role}", value)

    (fs, fp), (ft, tp) = side("source", source), side("target", target)
    clause, params = f"({fs} AND {ft})", [*fp, *tp]
    if both:
        (bs, bp), (bt, btp) = side("source", target), side("target", source)
        clause, params = f"({clause} OR ({bs} AND {bt}))", [*params, *bp, *btp]
    w = Where()
    w.add(clause, *params)
    return w


def dyad_timeline(
    db: ReadOnlyDatabase,
    source: str,
    target: str,
    *,
    by: str,
    since: dt.date | None,
    until: dt.date | None,
    both: bool,
) -> list[dict[str, Any]]:
    """Events of source → target per period with the QuadClass split; empty periods as zeros.

    Same columns as ``eventwire.analysis.dyad_timeline``. On consolidated events
    the rows come from the in-memory summary (``dyaddays.py``) when there is one.
    """
    days = dyaddays.summary(db)
    if days is not None:
        found = dyaddays.timeline_rows(
            days, source, target, by=by, since=since, until=until, both=both
        )
        return _fill(found, by, since, until)
    if db.clusters:
        table, day, mentions, articles = "event_clusters c", "c.date", "c.mentions", "c.articles"
        w = _dyad_where(source, target, both, "c.", clusters=True)
    else:
        table = "events e JOIN articles a ON a.id = e.article_id"
        day, mentions, articles = db.event_day, "1", "1"
        w = _dyad_where(source, target, both, "e.", clusters=False)
        w.add("NOT coalesce(e.negated, false)")
    prefix = "c." if db.clusters else "e."
    w.add(f"{day} IS NOT NULL")
    w.between(day, since, until)
    quads = ", ".join(
        f"count(*) FILTER (WHERE {prefix}quad_class = {n}) AS {name}"
        for n, name in enumerate(QUADS, 1)
    )
    rows = db.rows(
        f"SELECT CAST(date_trunc('{by}', {day}) AS DATE) AS period, count(*) AS events,"
        f" CAST(sum({mentions}) AS BIGINT) AS mentions,"
        f" CAST(sum({articles}) AS BIGINT) AS articles,"
        f" sum({prefix}goldstein) AS goldstein_sum, avg({prefix}goldstein) AS goldstein_mean,"
        f" {quads} FROM {table}{w.sql()} GROUP BY 1 ORDER BY 1",
        w.params,
    )
    return _fill(rows, by, since, until)


def _period_start(day: dt.date, by: str) -> dt.date:
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day


def _next(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day + dt.timedelta(days=1)
    if by == "week":
        return day + dt.timedelta(weeks=1)
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _fill(
    rows: list[dict[str, Any]], by: str, since: dt.date | None, until: dt.date | None
) -> list[dict[str, Any]]:
    """Every period from the first to the last (or since..until), zeros where none happened."""
    if not rows and not (since and until):
        return []
    found = {r["period"]: r for r in rows}
    first = _period_start(since, by) if since else min(found)
    last = _period_start(until, by) if until else max(found)
    out = []
    period = first
    while period <= last:
        empty = {"events": 0, "mentions": 0, "articles": 0, "goldstein_sum": 0.0,
                 "goldstein_mean": None, **dict.fromkeys(QUADS, 0)}  # fmt: skip
        out.append({**empty, **found.get(period, {}), "period": period})
        period = _next(period, by)
    return out


def neighbours(db: ReadOnlyDatabase, code: str, limit: int = 40) -> list[dict[str, Any]]:
    """Edges between an actor (code prefix) and the actors it acted on or was acted on by.

    On consolidated events the edges come from the in-memory summary's pair
    totals (``dyaddays.py``) when there is one.
    """
    days = dyaddays.summary(db)
    if days is not None:
        return _named(db, dyaddays.neighbour_edges(days, code, limit))
    table, prefix = ("event_clusters c", "c.") if db.clusters else ("events e", "e.")
    extra = "" if db.clusters else " AND NOT coalesce(e.negated, false)"
    edges = db.rows(
        f"SELECT {prefix}source_code AS source, {prefix}target_code AS target, count(*) AS events,"
        f" count(*) FILTER (WHERE {prefix}quad_class IN (1, 2)) AS cooperation,"
        f" count(*) FILTER (WHERE {prefix}quad_class IN (3, 4)) AS conflict,"
        f" avg({prefix}goldstein) AS goldstein_mean FROM {table}"
        f" WHERE (starts_with({prefix}source_code, ?) OR starts_with({prefix}target_code, ?))"
        f" AND {prefix}source_code <> {prefix}target_code{extra}"
        f" GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT {int(limit)}",
        [code, code],
    )
    return _named(db, edges)


def _named(db: ReadOnlyDatabase, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Edges with the most frequent name of each side's code."""
    codes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    names = db.derived("actor_names", lambda: _all_names(db))
    if names is None:
        names = _names_of(db, codes)
    return [
        {**e, "source_name": names.get(e["source"]), "target_name": names.get(e["target"])}
        for e in edges
    ]


# Codes whose names are kept in memory at most (a few MB); above it names are queried.
MAX_NAMED_CODES = 100_000


def _names_of(db: ReadOnlyDatabase, codes: list[str] | None) -> dict[str, Any]:
    """The most frequent name of each code (of every code when ``codes`` is None)."""
    if codes is None:
        where, params = f"WHERE code IS NOT NULL GROUP BY code LIMIT {MAX_NAMED_CODES + 1}", []
    else:
        where, params = "WHERE code IN (SELECT unnest(?)) GROUP BY code", [codes]
    rows = db.con.execute(f"SELECT code, mode(name) AS name FROM actors {where}", params).fetchall()
    return dict(rows)


def _all_names(db: ReadOnlyDatabase) -> dict[str, Any] | None:
    """Names of every actor code, read once per state of the database; None when too many.

    Scanning the actors for a neighbourhood's few codes costs about as much as
    reading them all once (the table has no index on codes).
    """
    names = _names_of(db, None)
    return names if len(names) <= MAX_NAMED_CODES else None
