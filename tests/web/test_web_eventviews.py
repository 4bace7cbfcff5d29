"""The fast event queries agree with the general ones, with and without a stored ``events.day``."""

from __future__ import annotations

import datetime as dt
import shutil

import duckdb
import pytest
from web_db import build

from eventwire.analysis import dyad_timeline as analysis_timeline
from eventwire.web.db import ReadOnlyDatabase
from eventwire.web.eventviews import dyad_timeline, event_page, neighbours
from eventwire.web.filters import EVENT_DAY, EventFilters


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    folder = tmp_path_factory.mktemp("views")
    # The store writes ``events.day``; a copy without it stands for older databases,
    # and the stored day must agree with the one the web layer computes.
    with_day = build(folder / "day.duckdb")
    plain = folder / "plain.duckdb"
    shutil.copy(with_day, plain)
    con = duckdb.connect(str(plain))
    con.execute("ALTER TABLE events DROP COLUMN day")
    con.close()
    con = duckdb.connect(str(with_day), read_only=True)
    differing = con.execute(
        f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id"
        f" WHERE e.day IS DISTINCT FROM {EVENT_DAY}"
    ).fetchone()[0]
    con.close()
    assert differing == 0
    return plain, with_day


def _all_pages(db: ReadOnlyDatabase, f: EventFilters, size: int) -> list[tuple[str, object]]:
    out, offset = [], 0
    while True:
        rows, more = event_page(db, f, size, offset)
        out += [(r["id"], r["day"]) for r in rows]
        if not more:
            return out
        offset += size


@pytest.mark.parametrize(
    "filters",
    [
        EventFilters(),
        EventFilters(actor="CHN"),
        EventFilters(source="CHN", target="TWN", since=dt.date(2026, 3, 1)),
        EventFilters(quad_class=3, until=dt.date(2026, 3, 1)),
    ],
)
def test_pages_are_the_same_with_a_stored_day(paths, filters):
    plain, with_day = (ReadOnlyDatabase(p) for p in paths)
    assert plain.event_day == EVENT_DAY and with_day.event_day == "e.day"
    try:
        expected = _all_pages(plain, filters, 100)
        for size in (1, 3, 5):
            assert _all_pages(with_day, filters, size) == expected
            assert _all_pages(plain, filters, size) == expected
        days = [d for _, d in expected]
        assert days == sorted(days, reverse=True)
    finally:
        plain.close()
        with_day.close()


def test_timeline_matches_the_analysis_timeline(paths):
    db = ReadOnlyDatabase(paths[0])
    try:
        for source, target, both in (("CHN", "TWN", False), ("TWN", "JPN", True)):
            ours = dyad_timeline(db, source, target, by="week", since=None, until=None, both=both)
            theirs = analysis_timeline(db.con, source, target, by="week", both_directions=both)
            assert [r["period"] for r in ours] == [p.date() for p in theirs["period"]]
            assert [r["events"] for r in ours] == theirs["events"].tolist()
            assert [r["material_conflict"] for r in ours] == theirs["material_conflict"].tolist()
    finally:
        db.close()


def test_timeline_fills_empty_periods_within_since_until(paths):
    db = ReadOnlyDatabase(paths[0])
    try:
        rows = dyad_timeline(
            db, "JPN", "TWN", by="month", since=dt.date(2026, 1, 15), until=dt.date(2026, 4, 2),
            both=False,
        )  # fmt: skip
        assert [(r["period"].isoformat(), r["events"]) for r in rows] == [
            ("2026-01-01", 0), ("2026-02-01", 1), ("2026-03-01", 1), ("2026-04-01", 0),
        ]  # fmt: skip
    finally:
        db.close()


def test_neighbours_name_both_sides(paths):
    db = ReadOnlyDatabase(paths[0])
    try:
        edges = neighbours(db, "TWN")
        assert {(e["source"], e["target"]) for e in edges} == {
            ("CHNGOV", "TWNGOV"), ("CHNMIL", "TWNGOV"), ("JPNGOV", "TWNGOV"), ("EVLPTY", "TWNGOV"),
        }  # fmt: skip
        assert {e["source_name"] for e in edges} >= {"China", "Japan", "Chinese navy"}
    finally:
        db.close()
