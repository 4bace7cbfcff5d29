"""Top actors, events and quotes of a period."""

from __future__ import annotations

import duckdb
import pandas as pd

from ..store.where import Where
from .frames import node_sql, period_filter, units

TOP_KINDS = ("actors", "events", "quotes")


def top_actors(
    con: duckdb.DuckDBPyConnection,
    *,
    since: str | None = None,
    until: str | None = None,
    n: int = 20,
    level: str = "actor",
    unit: str = "auto",
) -> pd.DataFrame:
    """Actors in most events (as source or target): ``actor``, ``name``, ``events``,
    ``as_source``, ``as_target``, ``mentions``, ``goldstein_mean``."""
    q = Where()
    period_filter(q, since, until)
    base = f"SELECT * FROM ({units(con, unit)}) u {q.sql()}"
    source, target = node_sql("source", level), node_sql("target", level)
    sql = f"""
        WITH roles AS (
            SELECT {source} AS actor, source_name AS name, 'source' AS role, mentions, goldstein
            FROM ({base}) u
            UNION ALL
            SELECT {target}, target_name, 'target', mentions, goldstein FROM ({base}) u)
        SELECT actor, mode(name) AS name, count(*) AS events,
               count(*) FILTER (WHERE role = 'source') AS as_source,
               count(*) FILTER (WHERE role = 'target') AS as_target,
               CAST(sum(mentions) AS BIGINT) AS mentions, avg(goldstein) AS goldstein_mean
        FROM roles WHERE actor IS NOT NULL
        GROUP BY actor ORDER BY events DESC, mentions DESC, actor LIMIT ?
    """
    return con.execute(sql, [*q.params, *q.params, int(n)]).df()


def top_events(
    con: duckdb.DuckDBPyConnection,
    *,
    since: str | None = None,
    until: str | None = None,
    n: int = 20,
    unit: str = "auto",
) -> pd.DataFrame:
    """The most reported events: most articles, then mentions, then outlets."""
    q = Where()
    period_filter(q, since, until)
    sql = f"""
        SELECT u.unit_id AS id, u.day AS date, u.source_code, u.source_name, u.cameo,
               u.target_code, u.target_name, u.quad_class, u.goldstein, u.articles,
               u.mentions, u.sources AS outlets, u.sentence, coalesce(u.url, u.path) AS url
        FROM ({units(con, unit)}) u {q.sql()}
        ORDER BY u.articles DESC, u.mentions DESC, u.sources DESC, u.day DESC, u.unit_id
        LIMIT ?
    """
    return con.execute(sql, [*q.params, int(n)]).df()


def top_quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    since: str | None = None,
    until: str | None = None,
    n: int = 20,
) -> pd.DataFrame:
    """The most repeated quotes: the same words of one speaker counted once per article.

    Quotes are compared by their text with case and spacing normalised, so a
    quote carried by several outlets counts as one quote with several articles.
    The period is the articles' publication date.
    """
    q = Where()
    if since:
        q.add("a.published_date >= CAST(? AS DATE)", since)
    if until:
        q.add("a.published_date <= CAST(? AS DATE)", until)
    sql = f"""
        SELECT any_value(q.speaker_name) AS speaker, q.speaker_code, any_value(q.text) AS text,
               any_value(q.kind) AS kind, count(DISTINCT q.article_id) AS articles,
               count(DISTINCT a.outlet) AS outlets, min(a.published_date) AS first_published,
               list(DISTINCT coalesce(a.url, a.path)) AS sources
        FROM quotes q JOIN articles a ON a.id = q.article_id {q.sql()}
        GROUP BY q.speaker_code, lower(regexp_replace(trim(q.text), '\\s+', ' ', 'g'))
        ORDER BY articles DESC, outlets DESC, first_published DESC, speaker
        LIMIT ?
    """
    return con.execute(sql, [*q.params, int(n)]).df()
