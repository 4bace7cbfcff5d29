"""Alerts: periods where a dyad's conflict rises well above its own baseline.

Method. For every directed dyad (source → target, by country or full actor
code) and every period (day, week or month) we take a conflict value:

- ``measure="conflict"``: the number of conflict events (QuadClass 3 or 4);
- ``measure="goldstein"``: the sum of the negative Goldstein scores, as a
  positive number (how hostile the period was).

Periods without events count as 0, from the first period of the data (or
``since``) to the last. The baseline of a period is the mean and the
population standard deviation of the dyad's values over the ``window``
periods before it (the period itself is not part of its own baseline), and
needs at least ``min_periods`` of them. A period is an alert when its value
exceeds ``mean + k * std`` and it has at least ``min_count`` conflict events,
so one stray report after a quiet spell (std 0) does not raise an alert.
Each alert lists the ids of the events behind it; :func:`alert_events` returns
those events with their sentences.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from ..export.errors import ExportError
from ..store.where import Where
from .frames import check_period, node_sql, period_filter, units
from .timeline import period_range, period_start

MEASURES = ("conflict", "goldstein")
ALERT_COLUMNS = (
    "source", "target", "period", "value", "conflict_events", "baseline_mean",
    "baseline_std", "threshold", "event_ids",
)  # fmt: skip


def alerts(
    con: duckdb.DuckDBPyConnection,
    *,
    by: str = "week",
    measure: str = "conflict",
    window: int = 8,
    k: float = 2.0,
    min_count: int = 3,
    min_periods: int | None = None,
    since: str | None = None,
    until: str | None = None,
    level: str = "country",
    unit: str = "auto",
) -> pd.DataFrame:
    """Alerts as a frame with ``ALERT_COLUMNS``, strongest rise first (see module docstring)."""
    by = check_period(by)
    if measure not in MEASURES:
        raise ExportError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    min_periods = max(1, window // 2) if min_periods is None else min_periods
    values = _dyad_values(con, by, since, until, level, unit)
    if values.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in ALERT_COLUMNS})
    first = period_start(since, by) if since else values["period"].min()
    last = period_start(until, by) if until else values["period"].max()
    periods = period_range(first, last, by)
    found = []
    for (source, target), rows in values.groupby(["source", "target"], sort=True):
        series = rows.set_index("period").reindex(periods)
        series[["conflict", "goldstein", "events"]] = series[
            ["conflict", "goldstein", "events"]
        ].fillna(0)
        value = series[measure].astype("float64")
        history = value.shift(1).rolling(window, min_periods=min_periods)
        mean, std = history.mean(), history.std(ddof=0)
        threshold = mean + k * std
        hit = (value > threshold) & (series["conflict"] >= min_count) & mean.notna()
        for period in series.index[hit.to_numpy()]:
            found.append(
                {
                    "source": source,
                    "target": target,
                    "period": period,
                    "value": float(value[period]),
                    "conflict_events": int(series.at[period, "conflict"]),
                    "baseline_mean": float(mean[period]),
                    "baseline_std": float(std[period]),
                    "threshold": float(threshold[period]),
                    "event_ids": _ids(series.at[period, "event_ids"]),
                }
            )
    frame = pd.DataFrame(found, columns=list(ALERT_COLUMNS))
    if frame.empty:
        return frame
    rise = (frame["value"] - frame["baseline_mean"]) / frame["baseline_std"].replace(0, np.nan)
    frame["_rise"] = rise.fillna(np.inf)
    frame = frame.sort_values(["_rise", "value", "period"], ascending=[False, False, True])
    return frame.drop(columns="_rise").reset_index(drop=True)


def _ids(value: object) -> list[str]:
    """An id list from a reindexed cell (NaN where the period had no row)."""
    return list(value) if isinstance(value, list | np.ndarray) else []


def _dyad_values(
    con: duckdb.DuckDBPyConnection,
    by: str,
    since: str | None,
    until: str | None,
    level: str,
    unit: str,
) -> pd.DataFrame:
    source, target = node_sql("source", level), node_sql("target", level)
    q = Where()
    period_filter(q, since, until)
    q.add(f"{source} IS NOT NULL AND {target} IS NOT NULL AND u.day IS NOT NULL")
    conflict = "u.quad_class IN (3, 4)"
    sql = f"""
        SELECT {source} AS source, {target} AS target,
               CAST(date_trunc('{by}', u.day) AS DATE) AS period, count(*) AS events,
               count(*) FILTER (WHERE {conflict}) AS conflict,
               coalesce(sum(-u.goldstein) FILTER (WHERE u.goldstein < 0), 0) AS goldstein,
               coalesce(list(u.unit_id ORDER BY u.unit_id)
                        FILTER (WHERE {conflict} OR u.goldstein < 0), []) AS event_ids
        FROM ({units(con, unit)}) u {q.sql()}
        GROUP BY 1, 2, 3
    """
    frame = con.execute(sql, q.params).df()
    frame["period"] = pd.to_datetime(frame["period"])
    # Empty periods get no row; reindexing fills them, and their id lists stay empty.
    return frame


def alert_events(
    con: duckdb.DuckDBPyConnection, alert_frame: pd.DataFrame, *, unit: str = "auto"
) -> pd.DataFrame:
    """The events behind each alert, one row per event with the alert's dyad and period."""
    rows = [
        (str(a.source), str(a.target), a.period, event_id)
        for a in alert_frame.itertuples()
        for event_id in a.event_ids
    ]
    columns = [
        "source",
        "target",
        "period",
        "id",
        "date",
        "source_name",
        "cameo",
        "target_name",
        "quad_class",
        "goldstein",
        "articles",
        "sentence",
        "url",
    ]
    if not rows:
        return pd.DataFrame(columns=columns)
    wanted = pd.DataFrame(rows, columns=["source", "target", "period", "id"])
    details = con.execute(
        f"""
        SELECT u.unit_id AS id, u.day AS date, u.source_name, u.cameo, u.target_name,
               u.quad_class, u.goldstein, u.articles, u.sentence, coalesce(u.url, u.path) AS url
        FROM ({units(con, unit)}) u WHERE list_contains(?, u.unit_id)
        """,
        [sorted({r[3] for r in rows})],
    ).df()
    merged = wanted.merge(details, on="id", how="left")
    return merged.sort_values(["period", "source", "target", "date", "id"], ignore_index=True)[
        columns
    ]
