"""Consolidated events per (source code, target code, day), kept in memory for dyads.

A timeline asks for one dyad (two code prefixes) out of the whole
``event_clusters`` table. DuckDB answers that by testing the codes of every
row (several milliseconds of CPU on a million events), and under twenty
concurrent clients those scans queue for the cores. Instead, the table is
aggregated once per state of the database into one row per source code,
target code and day, sorted in that order; a timeline then finds its dyads
by binary search on the codes and sums only their rows.

This is an index, not a cache of answers: ``ReadOnlyDatabase.derived`` keeps
it until a writer changes the database, whether or not the app caches
responses. Rows are counted as ``eventviews.dyad_timeline`` counts them on
``event_clusters``: codes matched by prefix, events without a day left out.

An actor's neighbourhood (``eventviews.neighbours``) reads the same summary:
its totals per (source, target) pair, which count events without a day too,
found through the source codes or, for the actor as target, through an index
of the pairs by target code.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..analysis.timeline import QUAD_COLUMNS as QUADS
from .db import ReadOnlyDatabase

# A row costs 56 bytes (ten int32 counts, a float64 score sum, a day), so the cap
# bounds the summary near 110 MB (plus per-pair totals, at most as many rows);
# above it timelines and neighbourhoods query event_clusters directly.
MAX_ROWS = 2_000_000

# Per (source, target, day): sums and counts, so periods can be summed exactly as SQL would
# (a sum over no non-null values is null; a mean divides by the non-null count).
MEASURES = (
    "events", "mentions", "mentions_n", "articles", "articles_n", "goldstein", "goldstein_n",
    *QUADS,
)  # fmt: skip

SUMMARY_SQL = (
    "SELECT source_code, target_code, date, count(*) AS events,"
    " CAST(coalesce(sum(mentions), 0) AS BIGINT) AS mentions, count(mentions) AS mentions_n,"
    " CAST(coalesce(sum(articles), 0) AS BIGINT) AS articles, count(articles) AS articles_n,"
    " coalesce(sum(goldstein), 0) AS goldstein, count(goldstein) AS goldstein_n, "
    + ", ".join(f"count(*) FILTER (WHERE quad_class = {n}) AS {q}" for n, q in enumerate(QUADS, 1))
    + " FROM event_clusters"
    " WHERE source_code IS NOT NULL AND target_code IS NOT NULL"
    " GROUP BY ALL ORDER BY source_code, target_code, date NULLS LAST"
)

_EPOCH = np.datetime64("1970-01-01", "D")
# Totals per (source, target) pair for neighbourhoods, summed from the measures above.
PAIR_TOTALS = ("events", "goldstein", "goldstein_n", *QUADS)


@dataclass(frozen=True)
class DyadDays:
    """The sorted summary: per source code its target codes, each with a slice of the arrays."""

    sources: list[str]
    targets: list[list[str]]  # sorted target codes of each source
    slices: list[list[tuple[int, int]]]  # rows of (source, target) in the arrays below
    days: np.ndarray  # datetime64[D], NaT for events without a day
    measures: dict[str, np.ndarray]
    # Pairs numbered in (source, target) order: source i's pairs start at first_pair[i].
    first_pair: list[int]
    pair_totals: dict[str, np.ndarray]
    pair_self: np.ndarray  # whether a pair's source and target code are the same
    # Target codes, sorted, each with the numbers of its pairs.
    by_target: list[str]
    target_pairs: list[list[int]]

    def pairs_touching(self, code: str) -> list[int]:
        """Numbers of the pairs whose source or target code starts with ``code``."""
        found = set()
        for i in prefixed(self.sources, code):
            found.update(range(self.first_pair[i], self.first_pair[i] + len(self.targets[i])))
        for j in prefixed(self.by_target, code):
            found.update(self.target_pairs[j])
        return sorted(found)

    def pair_codes(self, pair: int) -> tuple[str, str]:
        """(source code, target code) of a pair number."""
        i = bisect.bisect_right(self.first_pair, pair) - 1
        return self.sources[i], self.targets[i][pair - self.first_pair[i]]

    def rows_of(self, source: str, target: str) -> list[tuple[int, int]]:
        """Slices of every (source code, target code) pair under the two prefixes."""
        found = []
        for i in prefixed(self.sources, source):
            found.extend(self.slices[i][j] for j in prefixed(self.targets[i], target))
        return found


def prefixed(codes: list[str], prefix: str) -> range:
    """Positions of the codes starting with ``prefix`` (``codes`` is sorted)."""
    first = bisect.bisect_left(codes, prefix)
    last = bisect.bisect_left(codes, prefix + "\U0010ffff", lo=first)
    return range(first, last)


def build(db: ReadOnlyDatabase) -> DyadDays | None:
    """The summary of the open database, or None when it would be too large."""
    data = db.con.execute(f"{SUMMARY_SQL} LIMIT {MAX_ROWS + 1}").fetchnumpy()
    if len(data["events"]) > MAX_ROWS:
        return None
    source, target = data["source_code"], data["target_code"]
    # Where a (source, target) pair starts: the rows are sorted by source, target, day.
    starts = np.flatnonzero(
        np.concatenate(([True], (source[1:] != source[:-1]) | (target[1:] != target[:-1])))
    )[: len(source)]  # no pair at all when no row
    ends = np.append(starts[1:], len(source))
    sources: list[str] = []
    targets: list[list[str]] = []
    slices: list[list[tuple[int, int]]] = []
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        if not sources or sources[-1] != source[start]:
            sources.append(str(source[start]))
            targets.append([])
            slices.append([])
        targets[-1].append(str(target[start]))
        slices[-1].append((start, end))
    days = np.asarray(np.ma.getdata(data["date"])).astype("datetime64[D]")
    days[np.ma.getmaskarray(data["date"])] = np.datetime64("NaT")
    measures = {
        m: np.asarray(data[m], dtype=np.float64 if m == "goldstein" else np.int32) for m in MEASURES
    }
    first_pair = list(itertools.accumulate((len(t) for t in targets[:-1]), initial=0))
    totals = {
        m: np.add.reduceat(measures[m], starts, dtype=np.float64 if m == "goldstein" else np.int64)
        if len(starts)
        else np.zeros(0)
        for m in PAIR_TOTALS
    }
    by_target: dict[str, list[int]] = {}
    for i, codes in enumerate(targets):
        for j, code in enumerate(codes):
            by_target.setdefault(code, []).append(first_pair[i] + j)
    ordered = sorted(by_target)
    return DyadDays(
        sources, targets, slices, days, measures, first_pair, totals,
        source[starts] == target[starts], ordered, [by_target[t] for t in ordered],
    )  # fmt: skip


def summary(db: ReadOnlyDatabase) -> DyadDays | None:
    """The database's summary, built on first use after each write (None: query the table)."""
    if not db.clusters:
        return None
    return db.derived("dyad_days", lambda: build(db))


def timeline_rows(
    days: DyadDays,
    source: str,
    target: str,
    *,
    by: str,
    since: dt.date | None,
    until: dt.date | None,
    both: bool,
) -> list[dict[str, Any]]:
    """Periods with events of source → target (and back with ``both``), oldest first."""
    pairs = set(days.rows_of(source.upper(), target.upper()))
    if both:  # a pair matching both ways is counted once, as the SQL's OR does
        pairs |= set(days.rows_of(target.upper(), source.upper()))
    if not pairs:
        return []
    index = np.concatenate([np.arange(a, b) for a, b in sorted(pairs)])
    day = days.days[index]
    keep = np.ones(len(index), dtype=bool)
    if since:
        keep &= day >= np.datetime64(since, "D")
    if until:
        keep &= day <= np.datetime64(until, "D")
    keep &= ~np.isnat(day)  # events without a day count in no period
    index, day = index[keep], day[keep]
    periods, groups = np.unique(_period(day, by), return_inverse=True)
    sums = {
        m: np.bincount(groups, weights=days.measures[m][index], minlength=len(periods))
        for m in MEASURES
    }
    out = []
    for i, period in enumerate(periods.astype(dt.date).tolist()):
        goldstein_n = int(sums["goldstein_n"][i])
        goldstein = float(sums["goldstein"][i])
        out.append(
            {
                "period": period,
                "events": int(sums["events"][i]),
                "mentions": int(sums["mentions"][i]) if sums["mentions_n"][i] else None,
                "articles": int(sums["articles"][i]) if sums["articles_n"][i] else None,
                "goldstein_sum": goldstein if goldstein_n else None,
                "goldstein_mean": goldstein / goldstein_n if goldstein_n else None,
                **{q: int(sums[q][i]) for q in QUADS},
            }
        )
    return out


def _period(day: np.ndarray, by: str) -> np.ndarray:
    """The first day of each day's period (weeks start on Monday, as date_trunc's do)."""
    if by == "week":
        # 1970-01-01 was a Thursday: three days after a Monday.
        return day - ((day - _EPOCH).astype(np.int64) + 3) % 7
    if by == "month":
        return day.astype("datetime64[M]").astype("datetime64[D]")
    return day


def neighbour_edges(days: DyadDays, code: str, limit: int) -> list[dict[str, Any]]:
    """Pairs with an actor (code prefix) on either side, most events first.

    The rows of ``eventviews.neighbours`` on ``event_clusters``: pairs of an
    actor with itself left out, ties in order of source then target code.
    """
    pairs = np.asarray(days.pairs_touching(code), dtype=np.int64)
    pairs = pairs[~days.pair_self[pairs]]
    # Pair numbers follow (source, target) order, so they break ties on the count.
    pairs = pairs[np.lexsort((pairs, -days.pair_totals["events"][pairs]))][:limit]
    edges = []
    for pair in pairs.tolist():
        source, target = days.pair_codes(pair)
        total = {m: days.pair_totals[m][pair] for m in PAIR_TOTALS}
        goldstein_n = int(total["goldstein_n"])
        edges.append(
            {
                "source": source,
                "target": target,
                "events": int(total["events"]),
                "cooperation": int(total["verbal_cooperation"] + total["material_cooperation"]),
                "conflict": int(total["verbal_conflict"] + total["material_conflict"]),
                "goldstein_mean": float(total["goldstein"]) / goldstein_n if goldstein_n else None,
            }
        )
    return edges
