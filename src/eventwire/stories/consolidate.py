"""Fold event reports into events: one row per event, one mention row per report.

Reports of one story that share source code, target code and CAMEO root, and
whose days lie within ``event_window_days`` of the first report of the group,
become one consolidated event (``event_clusters``). Every report stays as a
``event_mentions`` row with its article, sentence and span, so each count can be
traced to its sentences.

Consolidation is rebuilt per story: when a batch adds articles to a story, that
story's clusters are recomputed from its events. Stories are small, so this is
cheap, and it keeps the result independent of the order in which reports
arrived, and unchanged when the same input is written again. Negated reports
("did not meet") are not reports of the event and are left out.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from .sql import insert_rows

_REPORTS_SQL = """
SELECT e.id, e.article_id, a.story_id, e.source_code, e.target_code, e.cameo_root, e.cameo,
       coalesce(CASE WHEN e.date_precision = 'day' THEN TRY_CAST(e.date AS DATE) END,
                a.published_date) AS day,
       e.goldstein, e.quad_class, e.sentence, e.span_start, e.span_end,
       a.outlet, a.published
FROM events e JOIN articles a ON a.id = e.article_id
WHERE list_contains($1, a.story_id) AND NOT coalesce(e.negated, false)
ORDER BY a.story_id, e.source_code NULLS FIRST, e.target_code NULLS FIRST, e.cameo_root,
         day NULLS FIRST, a.published NULLS LAST, e.id
"""


@dataclass
class Report:
    """One event report as consolidation reads it."""

    id: str
    article_id: str
    story_id: str
    source_code: str | None
    target_code: str | None
    cameo_root: str
    cameo: str
    day: date | None
    goldstein: float | None
    quad_class: int | None
    sentence: str
    span_start: int
    span_end: int
    outlet: str | None
    published: str | None

    @property
    def key(self) -> tuple[str, str | None, str | None, str]:
        return (self.story_id, self.source_code, self.target_code, self.cameo_root)


def group_reports(reports: Iterable[Report], window_days: int) -> list[list[Report]]:
    """Reports grouped into events: same key, day within the window of the group's first.

    ``reports`` must be sorted by key and then day (as ``_REPORTS_SQL`` returns
    them). Reports without a day form one group per key.
    """
    groups: list[list[Report]] = []
    for report in reports:
        if groups:
            first = groups[-1][0]
            same_key = first.key == report.key
            if same_key and _same_window(first.day, report.day, window_days):
                groups[-1].append(report)
                continue
        groups.append([report])
    return groups


def _same_window(first: date | None, day: date | None, window_days: int) -> bool:
    if first is None or day is None:
        return first is None and day is None
    return (day - first).days <= window_days


def cluster_row(group: list[Report]) -> tuple[Any, ...]:
    """The ``event_clusters`` row of a group of reports."""
    first = group[0]
    cameo = _most_common(r.cameo for r in group)
    days = [r.day for r in group if r.day is not None]
    day = _most_common(days) if days else None
    published = sorted(r.published for r in group if r.published)
    # Goldstein and QuadClass follow the chosen CAMEO code; take them from its reports.
    of_cameo = [r for r in group if r.cameo == cameo]
    return (
        cluster_id(group),
        first.story_id,
        first.source_code,
        first.target_code,
        first.cameo_root,
        cameo,
        day,
        published[0] if published else None,
        published[-1] if published else None,
        len(group),
        len({r.article_id for r in group}),
        len({r.outlet for r in group if r.outlet}),
        _mean([r.goldstein for r in of_cameo if r.goldstein is not None]),
        of_cameo[0].quad_class,
    )


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def cluster_id(group: list[Report]) -> str:
    """Stable id: a hash of the key and the group's first report."""
    first = group[0]
    raw = "\x00".join(str(v) for v in (*first.key, first.day, first.id))
    return "c" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:15]


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(values)
    # Most frequent, ties broken by the smallest value so the result is stable.
    return min(counts, key=lambda v: (-counts[v], v))


def consolidate(con: duckdb.DuckDBPyConnection, story_ids: Iterable[str], window_days: int) -> int:
    """Rebuild the consolidated events of the given stories; returns how many there are."""
    ids = sorted(set(story_ids))
    if not ids:
        return 0
    con.execute(
        "DELETE FROM event_mentions WHERE cluster_id IN"
        " (SELECT id FROM event_clusters WHERE list_contains(?, story_id))",
        [ids],
    )
    con.execute("DELETE FROM event_clusters WHERE list_contains(?, story_id)", [ids])
    reports = [Report(*row) for row in con.execute(_REPORTS_SQL, [ids]).fetchall()]
    groups = group_reports(reports, window_days)
    clusters = [cluster_row(g) for g in groups]
    mentions = [
        (row[0], r.id, r.article_id, r.sentence, r.span_start, r.span_end, r.outlet, r.published)
        for row, group in zip(clusters, groups, strict=True)
        for r in group
    ]
    insert_rows(con, "event_clusters", clusters)
    insert_rows(con, "event_mentions", mentions)
    return len(clusters)
