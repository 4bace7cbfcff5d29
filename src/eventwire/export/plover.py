"""PLOVER JSON lines: one record per reported event, compound reports folded together.

A compound report ("China and Russia condemned the drills") is coded as several
events sharing a ``group``; PLOVER records it once with list-valued ``actor``
and ``recipient``. Field names follow the PLOVER specification (``event``,
``mode``, ``context``, ``actor``, ``recipient``, ``eventText``, ``text``);
provenance fields (``article``, ``event_ids``, ``cameo`` …) are ours. Events
without a PLOVER category (CAMEO 01 and 02 have none) and negated events are
left out.
"""

from __future__ import annotations

from typing import IO

import duckdb

from .sql import stream_lines


def _actor_struct(role: str) -> str:
    return (
        f"{{'actorText': e.{role}_text, 'name': e.{role}_name, 'code': e.{role}_code,"
        f" 'country': e.{role}_country, 'sector': e.{role}_sectors}}"
    )


_DAY = (
    "coalesce(CASE WHEN e.date_precision = 'day' THEN TRY_CAST(e.date AS DATE) END,"
    " a.published_date)"
)
_LOCATION = (
    "CASE WHEN e.location_name IS NULL THEN NULL ELSE {'name': e.location_name,"
    " 'country': e.location_country, 'admin1': e.location_admin1, 'lat': e.location_lat,"
    " 'lon': e.location_lon, 'geonameid': e.location_geonameid} END"
)
_ARTICLE = (
    "{'id': e.article_id, 'url': a.url, 'title': a.title, 'outlet': a.outlet,"
    " 'published': a.published}"
)
_FROM = """
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.plover_event IS NOT NULL AND NOT coalesce(e.negated, false)
"""


def _record(agg: str, actors: str, recipients: str, ids: str) -> str:
    """The PLOVER record struct; ``agg`` wraps per-event values (``any_value`` when grouped)."""
    return f"""{{
        'id': {ids}[1],
        'date': CAST({agg}({_DAY}) AS VARCHAR),
        'dateText': {agg}(e.date),
        'datePrecision': {agg}(e.date_precision),
        'event': e.plover_event,
        'mode': {agg}(e.plover_mode),
        'context': []::VARCHAR[],
        'actor': {actors},
        'recipient': {recipients},
        'eventText': {agg}(e.text),
        'text': {agg}(e.sentence),
        'location': {agg}({_LOCATION}),
        'modality': {agg}(e.modality),
        'confidence': {agg}(e.confidence),
        'cameo': {agg}(e.cameo),
        'goldstein': {agg}(e.goldstein),
        'quad_class': {agg}(e.quad_class),
        'event_ids': {ids},
        'article': {agg}({_ARTICLE})
    }}"""


def _actors(role: str, grouped: bool) -> str:
    actor = _actor_struct(role)
    if grouped:
        return f"list(DISTINCT {actor} ORDER BY {actor}) FILTER (WHERE e.{role}_code IS NOT NULL)"
    return f"CASE WHEN e.{role}_code IS NULL THEN [] ELSE [{actor}] END"


# Most events stand alone and need no grouping; only compound reports (a shared
# ``group``) are folded, which keeps the million-event export lean.
PLOVER_SQL = f"""
WITH records AS (
    SELECT {_record("", _actors("source", False), _actors("target", False), "[e.id]")} AS r,
           {_DAY} AS sort_day, e.article_id AS sort_article, e.span_start AS sort_span
    {_FROM} AND e."group" IS NULL
    UNION ALL
    SELECT {
    _record(
        "any_value", _actors("source", True), _actors("target", True), "list(e.id ORDER BY e.id)"
    )
},
           any_value({_DAY}), e.article_id, min(e.span_start)
    {_FROM} AND e."group" IS NOT NULL
    GROUP BY e.article_id, e."group", e.plover_event
)
SELECT to_json(r) AS line FROM records
ORDER BY sort_day NULLS LAST, sort_article, sort_span, r.id
"""


def write_plover(con: duckdb.DuckDBPyConnection, out: IO[str]) -> int:
    """Write PLOVER JSON lines to ``out``; returns the number of records."""
    return stream_lines(con, PLOVER_SQL, out)
