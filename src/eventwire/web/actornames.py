"""Mentions per (code, name, country) of the actors, kept in memory for actor pages.

An actor page lists the names found under its code prefix with their
mentions. DuckDB answers that by testing the code of every row of
``actors`` (one per actor and article: about 3 ms of CPU on a million rows,
DuckDB 2.0), so the mentions are instead summed once per state of the
database (``ReadOnlyDatabase.derived``) per code, name and country, sorted by
code; a page finds its codes by binary search and sorts their few rows.
Summed as ``api.get_actor`` sums them on ``actors``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .db import ReadOnlyDatabase
from .dyaddays import prefixed

# Groups kept at most, about 200 bytes each (40 MB at most); above it pages query the table.
MAX_ROWS = 200_000

SUMMARY_SQL = (
    "SELECT code, name, country, CAST(sum(mentions) AS BIGINT) AS mentions FROM actors"
    " WHERE code IS NOT NULL GROUP BY ALL ORDER BY code, name, country"
)


@dataclass(frozen=True)
class ActorNames:
    """The groups sorted by code: ``codes[i]`` is the code of ``rows[i]``."""

    codes: list[str]
    rows: list[tuple[Any, str, Any, int | None]]  # name, code, country, mentions


def build(db: ReadOnlyDatabase) -> ActorNames | None:
    """The groups of the open database, or None when there would be too many."""
    found = db.con.execute(f"{SUMMARY_SQL} LIMIT {MAX_ROWS + 1}").fetchall()
    if len(found) > MAX_ROWS:
        return None
    return ActorNames(
        codes=[code for code, *_ in found],
        rows=[(name, code, country, mentions) for code, name, country, mentions in found],
    )


def summary(db: ReadOnlyDatabase) -> ActorNames | None:
    """The database's groups, built on first use after each write (None: query the table)."""
    if "actors" not in db.tables:
        return None
    return db.derived("actor_names_by_code", lambda: build(db))


def top_names(names: ActorNames, code: str, limit: int = 10) -> list[dict[str, Any]]:
    """The most mentioned names under the code prefix ``code`` (missing mentions last).

    Ties keep the order of code, name and country, where the query left it open.
    """
    found = prefixed(names.codes, code)
    rows = sorted(names.rows[found.start : found.stop], key=_most_mentioned)[:limit]
    return [
        {"name": name, "code": code, "country": country, "mentions": mentions}
        for name, code, country, mentions in rows
    ]


def _most_mentioned(row: tuple[Any, str, Any, int | None]) -> tuple[bool, int]:
    mentions = row[3]
    return (mentions is None, -(mentions or 0))
