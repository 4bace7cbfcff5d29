"""Event reports per (source, target, day), kept in memory to place dyad pages.

A page of a dyad's events within dates (the dyad view lists them when a
timeline point is clicked) is found in two steps (``eventviews.event_page``):
the day of the last row wanted, then the rows on or after it. The first step
was a query of its own (about 1 ms of CPU on a million events, most of a
request's DuckDB time besides the page itself). Here the ``events`` table is
counted once per state of the database per source code and country, target
code and country, and day; a dyad page then finds the days its rows fall on
from these counts, and one query reads only those days.

Counts follow ``filters.side_clause``: a side matches an event when its
country equals the value or its code starts with it. Only events with a
stored ``day`` are counted (a date filter drops the others, as SQL does).
Like the other indexes it is bounded (``MAX_ROWS``); above the cap, or
without a ``day`` column, pages query as before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .db import ReadOnlyDatabase

# A row costs 8 bytes in the arrays (a day and a count) plus its pair's slice;
# two million rows keep the summary near 30 MB.
MAX_ROWS = 2_000_000

SUMMARY_SQL = (
    "SELECT source_code, source_country, target_code, target_country, day, count(*) AS n"
    " FROM events WHERE day IS NOT NULL GROUP BY ALL"
    " ORDER BY source_code NULLS FIRST, source_country NULLS FIRST, target_code NULLS FIRST,"
    " target_country NULLS FIRST, day"
)

_EPOCH = dt.date(1970, 1, 1)
Side = tuple[Any, Any]  # (code, country), either may be None


@dataclass
class EventDays:
    """Per (source side, target side): a slice of days (ascending) and their counts."""

    sources: list[Side]
    targets: list[Side]
    # For each source number: {target number: (start, end)} into the arrays.
    pairs: list[dict[int, tuple[int, int]]]
    days: np.ndarray  # int32 days since 1970-01-01, ascending within a pair
    counts: np.ndarray  # int64 events on that day
    _matches: dict[tuple[bool, str], frozenset[int]] = field(default_factory=dict, repr=False)

    def matching(self, target: bool, value: str) -> frozenset[int]:
        """Numbers of the sides matched by ``value`` (country equal or code prefix)."""
        key = (target, value)
        found = self._matches.get(key)
        if found is None:
            sides = self.targets if target else self.sources
            found = frozenset(
                i
                for i, (code, country) in enumerate(sides)
                if country == value or (code is not None and code.startswith(value))
            )
            if len(self._matches) > 1024:  # values come from clients: keep the memo bounded
                self._matches.clear()
            self._matches[key] = found
        return found

    def slices(self, source: str | None, target: str | None) -> list[tuple[int, int]]:
        """Array slices of the pairs matching source → target (None: any side)."""
        sources = self.matching(False, source) if source else range(len(self.sources))
        wanted = self.matching(True, target) if target else None
        found = []
        for s in sources:
            for t, span in self.pairs[s].items():
                if wanted is None or t in wanted:
                    found.append(span)
        return found


def build(db: ReadOnlyDatabase) -> EventDays | None:
    """The summary of the open database, or None when it would be too large."""
    cursor = db.con.execute(f"{SUMMARY_SQL} LIMIT {MAX_ROWS + 1}")
    rows = cursor.fetchall()
    if len(rows) > MAX_ROWS:
        return None
    source_numbers: dict[Side, int] = {}
    target_numbers: dict[Side, int] = {}
    pairs: list[dict[int, tuple[int, int]]] = []
    days = np.empty(len(rows), dtype=np.int32)
    counts = np.empty(len(rows), dtype=np.int64)
    previous: tuple[int, int] | None = None
    start = 0
    for i, (s_code, s_country, t_code, t_country, day, n) in enumerate(rows):
        s = source_numbers.setdefault((s_code, s_country), len(source_numbers))
        t = target_numbers.setdefault((t_code, t_country), len(target_numbers))
        if s == len(pairs):
            pairs.append({})
        if (s, t) != previous:
            if previous is not None:
                pairs[previous[0]][previous[1]] = (start, i)
            previous, start = (s, t), i
        days[i] = (day - _EPOCH).days
        counts[i] = n
    if previous is not None:
        pairs[previous[0]][previous[1]] = (start, len(rows))
    return EventDays(list(source_numbers), list(target_numbers), pairs, days, counts)


def summary(db: ReadOnlyDatabase) -> EventDays | None:
    """The database's summary, built on first use after each write (None: query the table)."""
    if db.event_day != "e.day":
        return None
    return db.derived("event_days", lambda: build(db))


def page_days(
    summary: EventDays,
    sides: list[tuple[str | None, str | None]],
    since: dt.date | None,
    until: dt.date | None,
    first: int,
    last: int,
) -> tuple[dt.date, dt.date, int] | None:
    """Where rows ``first``..``last`` (0-based, newest day first) of a dyad's events lie.

    ``sides`` are (source, target) values whose events are listed (two with
    ``both``; a pair matching both ways counts once, as SQL's OR does). Returns
    (oldest day, newest day, rows on newer days than the newest), or None when
    row ``first`` does not exist (an empty page). When fewer than ``last + 1``
    rows exist, the oldest day is the oldest with events.
    """
    spans = set()
    for source, target in sides:
        spans.update(summary.slices(source, target))
    low = (since - _EPOCH).days if since else None
    high = (until - _EPOCH).days if until else None
    chunks_days, chunks_counts = [], []
    for start, end in spans:
        days = summary.days[start:end]
        a = int(np.searchsorted(days, low, "left")) if low is not None else 0
        b = int(np.searchsorted(days, high, "right")) if high is not None else len(days)
        if a < b:
            chunks_days.append(days[a:b])
            chunks_counts.append(summary.counts[start + a : start + b])
    if not chunks_days:
        return None
    days = np.concatenate(chunks_days)
    counts = np.concatenate(chunks_counts)
    # Newest day first, with its count summed over every pair.
    unique, where = np.unique(-days.astype(np.int64), return_inverse=True)
    per_day = np.bincount(where, weights=counts).astype(np.int64)
    through = np.cumsum(per_day)  # rows on this day and newer
    top = int(np.searchsorted(through, first, "right"))  # day holding row ``first``
    if top >= len(unique):
        return None
    bottom = min(int(np.searchsorted(through, last, "right")), len(unique) - 1)
    newer = int(through[top - 1]) if top else 0
    return _day(-int(unique[bottom])), _day(-int(unique[top])), newer


def _day(days: int) -> dt.date:
    return _EPOCH + dt.timedelta(days=days)
