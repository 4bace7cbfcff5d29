"""The rows analysis counts: one per event, with its day, dyad and scores.

The unit is the consolidated event when ``event_clusters`` has rows (so a story
carried by twenty outlets counts once, with 20 articles), else each non-negated
event report; ``unit="reports"`` forces the latter. Filters are bound
parameters, never SQL text.
"""

from __future__ import annotations

import duckdb

from ..export.errors import ExportError
from ..export.sql import units_sql
from ..store.where import Where

PERIODS = ("day", "week", "month")
LEVELS = ("country", "actor")


def check_period(by: str) -> str:
    """``by`` if it is a period the analysis knows, else a clear error."""
    if by not in PERIODS:
        raise ExportError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    return by


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise ExportError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    return level


def node_sql(role: str, level: str) -> str:
    """The SQL naming a node: the actor's country (else its code) or its full code."""
    if check_level(level) == "country":
        return f"coalesce(u.{role}_country, u.{role}_code)"
    return f"u.{role}_code"


def units(con: duckdb.DuckDBPyConnection, unit: str = "auto") -> str:
    """The units SELECT (see module docstring), with a DATE ``day`` column."""
    try:
        return units_sql(con, unit)
    except ValueError as err:
        raise ExportError(str(err)) from err


def period_filter(q: Where, since: str | None, until: str | None) -> None:
    """Keep units whose day lies in since..until (inclusive; ISO dates)."""
    if since:
        q.add("u.day >= CAST(? AS DATE)", since)
    if until:
        q.add("u.day <= CAST(? AS DATE)", until)


def actor_matches(role: str, spec: str) -> tuple[str, list[str]]:
    """Clause matching ``spec`` (a country or a CAMEO actor code prefix) in a role."""
    spec = spec.upper()
    return (
        f"(u.{role}_country = ? OR starts_with(u.{role}_code, ?))",
        [spec, spec],
    )
