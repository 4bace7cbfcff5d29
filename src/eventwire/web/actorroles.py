"""Event counts per (role, actor code, CAMEO root), kept in memory for actor pages.

An actor page counts the actor's events as source and as target by CAMEO
root. DuckDB answers that by testing the codes of every event twice (about
9 ms of CPU on a million events), so the counts are instead grouped once per
state of the database (``ReadOnlyDatabase.derived``) by role, code and root;
a page finds the codes under its prefix by binary search and adds up their
few rows. Counted as ``api._roles`` counts them on ``events``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .db import ReadOnlyDatabase
from .dyaddays import prefixed

# Rows of (role, code, root) kept at most, about 150 bytes each (15 MB at most);
# above it actor pages query the events table.
MAX_ROWS = 100_000

ROLES = ("source", "target")
COUNTS = ("events", "cooperation", "conflict")

SUMMARY_SQL = (
    "SELECT role, code, cameo_root, count(*) AS events,"
    " count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,"
    " count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict FROM ("
    " SELECT 'source' AS role, source_code AS code, cameo_root, quad_class FROM events"
    " WHERE source_code IS NOT NULL"
    " UNION ALL SELECT 'target', target_code, cameo_root, quad_class FROM events"
    " WHERE target_code IS NOT NULL)"
    " GROUP BY ALL ORDER BY role, code"
)


@dataclass(frozen=True)
class RoleCounts:
    """Per role: sorted codes, each with its roots' (events, cooperation, conflict)."""

    codes: dict[str, list[str]]
    counts: dict[str, list[dict[str | None, tuple[int, int, int]]]]


def build(db: ReadOnlyDatabase) -> RoleCounts | None:
    """The counts of the open database, or None when they would be too many."""
    rows = db.con.execute(f"{SUMMARY_SQL} LIMIT {MAX_ROWS + 1}").fetchall()
    if len(rows) > MAX_ROWS:
        return None
    codes: dict[str, list[str]] = {role: [] for role in ROLES}
    counts: dict[str, list[dict[str | None, tuple[int, int, int]]]] = {r: [] for r in ROLES}
    for role, code, root, *numbers in rows:  # sorted by role and code
        if not codes[role] or codes[role][-1] != code:
            codes[role].append(code)
            counts[role].append({})
        counts[role][-1][root] = tuple(numbers)
    return RoleCounts(codes, counts)


def summary(db: ReadOnlyDatabase) -> RoleCounts | None:
    """The database's counts, built on first use after each write (None: query the table)."""
    if "events" not in db.tables:
        return None
    return db.derived("actor_roles", lambda: build(db))


def role_rows(counts: RoleCounts, code: str) -> list[dict[str, Any]]:
    """Events by role and CAMEO root of the codes starting with ``code``.

    Ordered as the query orders them: by role, most events first, then by root
    (a missing root last).
    """
    out = []
    for role in ROLES:
        found = prefixed(counts.codes[role], code)
        totals: dict[str | None, list[int]] = {}
        for per_root in counts.counts[role][found.start : found.stop]:
            for root, numbers in per_root.items():
                total = totals.setdefault(root, [0, 0, 0])
                for i, n in enumerate(numbers):
                    total[i] += n
        out += [
            {"role": role, "cameo_root": root, **dict(zip(COUNTS, total, strict=True))}
            for root, total in totals.items()
        ]
    out.sort(key=lambda r: (r["role"], -r["events"], r["cameo_root"] is None, r["cameo_root"]))
    return out
