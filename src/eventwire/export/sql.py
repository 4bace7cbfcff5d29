"""SQL pieces shared by the exports: the unit of export and text streaming.

Consolidated events (``event_clusters``) are the unit when that table has rows;
otherwise every stored, non-negated event report is its own unit. Both shapes
are returned with the same column names, so each writer has one query.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import IO

import duckdb

# Rows fetched per Arrow batch: large enough to be fast, small enough that a
# million-row export never holds the whole result in Python.
BATCH_ROWS = 50_000

# Columns every unit row carries (the GDELT and analysis code read these names).
_REPORT_FIELDS = """
    e.source_code, e.source_name, e.source_country, e.source_sectors,
    e.target_code, e.target_name, e.target_country, e.target_sectors,
    e.location_name, e.location_country, e.location_admin1, e.location_lat,
    e.location_lon, e.location_geonameid, e.location_precision,
    e.span_start, e.sentence, e.article_id, e.id AS event_id,
    a.url, a.path, a.outlet, a.published, a.ingested_at, a.published_date,
    strpos(a.text, chr(10) || chr(10)) AS lead_end
"""

CLUSTER_UNITS = f"""
SELECT c.id AS unit_id,
       coalesce(c.date, a.published_date) AS day,
       c.cameo, c.cameo_root, c.quad_class, c.goldstein,
       c.mentions, c.outlets AS sources, c.articles,
       {_REPORT_FIELDS}
FROM event_clusters c
JOIN (SELECT cluster_id,
             arg_min(event_id, coalesce(published, '9999') || event_id) AS event_id
      FROM event_mentions GROUP BY cluster_id) f ON f.cluster_id = c.id
JOIN events e ON e.id = f.event_id
JOIN articles a ON a.id = e.article_id
"""

REPORT_UNITS = f"""
SELECT e.id AS unit_id,
       coalesce(CASE WHEN e.date_precision = 'day' THEN TRY_CAST(e.date AS DATE) END,
                a.published_date) AS day,
       e.cameo, e.cameo_root, e.quad_class, e.goldstein,
       1 AS mentions, 1 AS sources, 1 AS articles,
       {_REPORT_FIELDS}
FROM events e
JOIN articles a ON a.id = e.article_id
WHERE NOT coalesce(e.negated, false)
"""


def has_clusters(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether consolidated events exist (else exports fall back to one row per report)."""
    tables = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    if "event_clusters" not in tables:
        return False
    return bool(con.execute("SELECT count(*) > 0 FROM event_clusters").fetchall()[0][0])


def units_sql(con: duckdb.DuckDBPyConnection, unit: str = "auto") -> str:
    """The SELECT giving one row per exported event; ``unit`` is auto, events or reports."""
    if unit not in ("auto", "events", "reports"):
        raise ValueError(f"unit must be auto, events or reports, not {unit!r}")
    if unit == "events" or (unit == "auto" and has_clusters(con)):
        return CLUSTER_UNITS
    return REPORT_UNITS


def gdelt_id(our_id: str) -> int:
    """GLOBALEVENTID for one of our ids: 60 bits of its SHA-256, as ``gdelt_id_sql`` computes."""
    return int(hashlib.sha256(our_id.encode("utf-8")).hexdigest()[:15], 16)


def gdelt_id_sql(column: str) -> str:
    """SQL for :func:`gdelt_id` (a positive BIGINT, stable across runs and machines)."""
    return f"('0x' || substr(sha256({column}), 1, 15))::BIGINT"


def clean_sql(column: str) -> str:
    """A text column with tabs and line breaks turned into spaces (they would break rows)."""
    return f"regexp_replace(coalesce({column}, ''), '[\\t\\r\\n]+', ' ', 'g')"


def stream_lines(
    con: duckdb.DuckDBPyConnection, sql: str, out: IO[str], params: list[object] | None = None
) -> int:
    """Write the single text column of ``sql`` to ``out``, one line per row; returns rows."""
    rows = 0
    for lines in _batches(con, sql, params or []):
        if lines:
            out.write("\n".join(lines))
            out.write("\n")
            rows += len(lines)
    return rows


def _batches(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> Iterator[list[str]]:
    reader = con.sql(sql, params=params or None).to_arrow_reader(BATCH_ROWS)
    for batch in reader:
        yield batch.column(0).to_pylist()
