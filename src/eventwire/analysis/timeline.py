"""Dyad timelines: what one actor did to another, period by period."""

from __future__ import annotations

import duckdb
import pandas as pd

from ..store.where import Where
from .frames import actor_matches, check_period, period_filter, units

#: The QuadClass split of a period, QuadClass 1 to 4 in order.
QUAD_COLUMNS = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)
TIMELINE_COLUMNS = (
    "period", "events", "mentions", "articles", "goldstein_sum", "goldstein_mean", *QUAD_COLUMNS,
)  # fmt: skip


def dyad_timeline(
    con: duckdb.DuckDBPyConnection,
    source: str,
    target: str,
    *,
    by: str = "week",
    since: str | None = None,
    until: str | None = None,
    both_directions: bool = False,
    unit: str = "auto",
) -> pd.DataFrame:
    """Events from ``source`` to ``target`` per day, week (from Monday) or month.

    ``source`` and ``target`` are countries (``CHN``) or CAMEO actor code
    prefixes (``CHNMIL``). Columns: ``period`` (first day), ``events``,
    ``mentions``, ``articles``, Goldstein sum and mean, and the QuadClass split
    (1 verbal cooperation … 4 material conflict). Periods without events between
    the first and last (or since/until) appear with zeros, so plots show gaps.
    ``both_directions`` also counts target→source.
    """
    by = check_period(by)
    q = Where()
    period_filter(q, since, until)
    forward, fparams = actor_matches("source", source)
    to, tparams = actor_matches("target", target)
    dyad = f"({forward} AND {to})"
    params = [*fparams, *tparams]
    if both_directions:
        back_s, bs = actor_matches("source", target)
        back_t, bt = actor_matches("target", source)
        dyad = f"({dyad} OR ({back_s} AND {back_t}))"
        params += [*bs, *bt]
    q.add(dyad, *params)
    q.add("u.day IS NOT NULL")
    sql = f"""
        SELECT CAST(date_trunc('{by}', u.day) AS DATE) AS period,
               count(*) AS events, CAST(sum(u.mentions) AS BIGINT) AS mentions,
               CAST(sum(u.articles) AS BIGINT) AS articles,
               sum(u.goldstein) AS goldstein_sum, avg(u.goldstein) AS goldstein_mean,
               count(*) FILTER (WHERE u.quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE u.quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE u.quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE u.quad_class = 4) AS material_conflict
        FROM ({units(con, unit)}) u {q.sql()}
        GROUP BY 1 ORDER BY 1
    """
    frame = con.execute(sql, q.params).df()
    return _fill_periods(frame, by, since, until)


def period_range(first: object, last: object, by: str) -> pd.DatetimeIndex:
    """Every period start from ``first`` to ``last`` (both already period starts)."""
    freq = {"day": "D", "week": "W-MON", "month": "MS"}[by]
    return pd.date_range(pd.Timestamp(first), pd.Timestamp(last), freq=freq)


def period_start(day: str, by: str) -> pd.Timestamp:
    """The first day of the period holding ``day``."""
    stamp = pd.Timestamp(day)
    if by == "week":
        return stamp - pd.Timedelta(days=stamp.weekday())
    if by == "month":
        return stamp.replace(day=1)
    return stamp


def _fill_periods(
    frame: pd.DataFrame, by: str, since: str | None, until: str | None
) -> pd.DataFrame:
    if frame.empty and not (since and until):
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in TIMELINE_COLUMNS})
    frame["period"] = pd.to_datetime(frame["period"])
    first = period_start(since, by) if since else frame["period"].min()
    last = period_start(until, by) if until else frame["period"].max()
    full = period_range(first, last, by)
    out = frame.set_index("period").reindex(full)
    counts = [c for c in TIMELINE_COLUMNS if c not in ("period", "goldstein_mean")]
    out[counts] = out[counts].fillna(0)
    for column in counts:
        if column != "goldstein_sum":
            out[column] = out[column].astype("int64")
    out.index.name = "period"
    return out.reset_index()[list(TIMELINE_COLUMNS)]
