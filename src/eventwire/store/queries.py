"""Listings over the store with filters; every value is a bound parameter, never SQL text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .db import Store
from .where import Where, like


@dataclass(frozen=True)
class Filters:
    """Filters shared by the listing commands; None means "any"."""

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    country: str | None = None
    code: str | None = None
    outlet: str | None = None
    search: str | None = None
    speaker: str | None = None
    status: str | None = None
    limit: int = 50
    offset: int = 0


def _add_date_range(w: Where, column: str, f: Filters) -> None:
    """Clauses keeping rows whose ``column`` (a DATE expression) lies in since..until."""
    w.between(column, f.since, f.until, param="CAST(? AS DATE)")


def _page(f: Filters) -> str:
    return f" LIMIT {int(f.limit)} OFFSET {int(f.offset)}"


def list_articles(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Articles, newest first."""
    w = Where()
    _add_date_range(w, "published_date", f)
    if f.outlet:
        w.add("outlet ILIKE ? ESCAPE '\\'", like(f.outlet))
    if f.search:
        w.add(
            "(title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\')",
            like(f.search),
            like(f.search),
        )
    if f.status:
        w.add("status = ?", f.status)
    if f.actor or f.country:
        sub = Where()
        if f.actor:
            sub.add("(name ILIKE ? ESCAPE '\\' OR code = upper(?))", like(f.actor), f.actor)
        if f.country:
            sub.add("country = upper(?)", f.country)
        w.add(f"id IN (SELECT article_id FROM actors{sub.sql()})", *sub.params)
    sql = (
        "SELECT id, published, outlet, title, url, language, status, reason, path, story_id,"
        " length(text) AS chars FROM articles"
        + w.sql()
        + " ORDER BY published_date DESC NULLS LAST, published DESC, id"
        + _page(f)
    )
    return store.query(sql, w.params)


def list_events(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Events with their article's outlet and title, newest first."""
    w = Where()
    date = "coalesce(TRY_CAST(e.date AS DATE), a.published_date)"
    _add_date_range(w, date, f)
    if f.actor:
        w.add(
            "(e.source_name ILIKE ? ESCAPE '\\' OR e.target_name ILIKE ? ESCAPE '\\'"
            " OR e.source_code = upper(?) OR e.target_code = upper(?))",
            like(f.actor),
            like(f.actor),
            f.actor,
            f.actor,
        )
    if f.country:
        w.add("(e.source_country = upper(?) OR e.target_country = upper(?))", f.country, f.country)
    if f.code:
        w.add("starts_with(e.cameo, ?)", f.code)
    if f.outlet:
        w.add("a.outlet ILIKE ? ESCAPE '\\'", like(f.outlet))
    if f.search:
        w.add("e.sentence ILIKE ? ESCAPE '\\'", like(f.search))
    sql = (
        "SELECT e.id, e.date, e.source_name, e.source_code, e.cameo, e.target_name,"
        " e.target_code, e.quad_class, e.goldstein, e.plover_event, e.modality, e.negated,"
        " e.confidence, e.sentence, e.article_id, a.outlet, a.title"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        + w.sql()
        + f" ORDER BY {date} DESC NULLS LAST, e.id"
        + _page(f)
    )
    return store.query(sql, w.params)


def list_quotes(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Quotes with their speakers, newest first."""
    w = Where()
    _add_date_range(w, "a.published_date", f)
    speaker = f.speaker or f.actor
    if speaker:
        w.add(
            "(q.speaker_name ILIKE ? ESCAPE '\\' OR q.speaker_text ILIKE ? ESCAPE '\\'"
            " OR q.speaker_code = upper(?))",
            like(speaker),
            like(speaker),
            speaker,
        )
    if f.country:
        w.add("q.speaker_country = upper(?)", f.country)
    if f.outlet:
        w.add("a.outlet ILIKE ? ESCAPE '\\'", like(f.outlet))
    if f.search:
        w.add("q.text ILIKE ? ESCAPE '\\'", like(f.search))
    sql = (
        "SELECT q.id, a.published, q.speaker_name, q.speaker_code, q.kind, q.cue, q.text,"
        " q.article_id, a.outlet, a.title"
        " FROM quotes q JOIN articles a ON a.id = q.article_id"
        + w.sql()
        + " ORDER BY a.published_date DESC NULLS LAST, q.id"
        + _page(f)
    )
    return store.query(sql, w.params)


def list_actors(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Actors found in the stored articles, most mentioned first."""
    w = Where()
    if f.actor or f.search:
        term = f.actor or f.search or ""
        w.add("(ac.name ILIKE ? ESCAPE '\\' OR ac.code = upper(?))", like(term), term)
    if f.country:
        w.add("ac.country = upper(?)", f.country)
    _add_date_range(w, "a.published_date", f)
    sql = (
        "SELECT ac.name, ac.code, ac.country, ac.sectors, sum(ac.mentions) AS mentions,"
        " count(DISTINCT ac.article_id) AS articles, any_value(ac.id) AS id"
        " FROM actors ac JOIN articles a ON a.id = ac.article_id"
        + w.sql()
        + " GROUP BY ac.name, ac.code, ac.country, ac.sectors"
        " ORDER BY mentions DESC, ac.name" + _page(f)
    )
    return store.query(sql, w.params)


def stats(store: Store) -> dict[str, Any]:
    """Row counts, date range, top outlets and event roots of the database."""
    counts = store.counts()
    first, last = store.con.execute(
        "SELECT min(published_date), max(published_date) FROM articles"
    ).fetchone()
    statuses = dict(
        store.con.execute("SELECT status, count(*) FROM articles GROUP BY 1 ORDER BY 1").fetchall()
    )
    outlets = store.query(
        "SELECT outlet, count(*) AS articles FROM articles GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
    )
    roots = store.query(
        "SELECT cameo_root, count(*) AS events FROM events GROUP BY 1 ORDER BY 2 DESC LIMIT 20"
    )
    return {
        "db": store.path,
        "tables": counts,
        "articles_by_status": statuses,
        "published_from": str(first) if first else None,
        "published_to": str(last) if last else None,
        "top_outlets": outlets,
        "events_by_root": roots,
    }
