"""Dyad pages placed by the in-memory day counts equal the pages found by SQL alone."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from web_db import WEEK1, generated_with_gaps

from eventwire.web import eventdays
from eventwire.web.db import ReadOnlyDatabase
from eventwire.web.eventviews import event_page
from eventwire.web.filters import EventFilters


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    # Gaps the counts must handle as SQL does: events without a day, a country that
    # is not its code's prefix (so the two halves of a side's test differ), no code.
    path = generated_with_gaps(
        tmp_path_factory.mktemp("eventdays") / "gen.duckdb",
        4000,
        "UPDATE events SET day = NULL WHERE hash(id) % 13 = 0",
        "UPDATE events SET source_country = 'JPN' WHERE hash(id) % 17 = 0",
        "UPDATE events SET target_code = NULL WHERE hash(id) % 19 = 0",
        "UPDATE events SET source_code = NULL, source_country = NULL WHERE hash(id) % 23 = 0",
    )
    database = ReadOnlyDatabase(path)
    yield database
    database.close()


def _sql_page(database, monkeypatch, f, limit, offset):
    with monkeypatch.context() as m:
        m.setattr(eventdays, "summary", lambda _db: None)
        return event_page(database, f, limit, offset)


def _compare(database, monkeypatch, dyads, ranges, pages) -> int:
    """Pages with and without the counts for every case; the number of non-empty ones."""
    filled = 0
    with database.reading():
        assert eventdays.summary(database) is not None
        for (source, target), both, (since, until), (limit, offset) in itertools.product(
            dyads, (False, True), ranges, pages
        ):
            f = EventFilters(source=source, target=target, both=both, since=since, until=until)
            ours = event_page(database, f, limit, offset)
            theirs = _sql_page(database, monkeypatch, f, limit, offset)
            assert ours == theirs, (source, target, both, since, until, limit, offset)
            filled += bool(theirs[0])
    return filled


def test_generated_dyad_pages_equal_the_sql_pages(generated, monkeypatch):
    dyads = [
        ("CHN", "TWN"), ("chngov", "TWN"), ("JPN", None), (None, "USA"), ("C", "T"),
        ("XYZ", "TWN"), ("CHN", "CHN"),
    ]  # fmt: skip
    ranges = [
        (dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
        (dt.date(2025, 11, 1), None),
        (None, dt.date(2024, 1, 20)),
        (dt.date(2024, 6, 5), dt.date(2024, 6, 5)),
        (dt.date(2030, 1, 1), None),  # after every event: an empty page
    ]
    pages = [(50, 0), (7, 13), (3, 40), (500, 0), (5, 10_000)]
    assert _compare(generated, monkeypatch, dyads, ranges, pages) > 80


def test_small_database_dyad_pages_equal_the_sql_pages(small, monkeypatch):
    dyads = [("CHN", "TWN"), ("CHNMIL", None), (None, "JPN"), ("EVL", "TWN")]
    ranges = [(WEEK1, WEEK1 + dt.timedelta(weeks=8)), (WEEK1 + dt.timedelta(weeks=3), None)]
    pages = [(1, 0), (2, 1), (50, 0)]
    assert _compare(small, monkeypatch, dyads, ranges, pages) > 5


def test_counts_agree_with_the_events_that_have_a_day(generated):
    with generated.reading():
        counts = eventdays.summary(generated)
        dated = generated.con.execute(
            "SELECT count(*) FROM events WHERE day IS NOT NULL"
        ).fetchone()[0]
        undated = generated.con.execute("SELECT count(*) FROM events WHERE day IS NULL").fetchone()
    assert undated[0] > 0
    assert int(counts.counts.sum()) == dated


def test_without_a_day_column_or_above_the_cap_pages_query(generated, monkeypatch):
    with generated.reading():
        with monkeypatch.context() as m:
            m.setattr(eventdays, "MAX_ROWS", 3)
            assert eventdays.build(generated) is None
        with monkeypatch.context() as m:
            m.setattr(generated, "event_day", "coalesce(e.day, a.published_date)")
            assert eventdays.summary(generated) is None


def test_other_filters_do_not_use_the_counts(generated, monkeypatch):
    used = []
    real = eventdays.page_days
    monkeypatch.setattr(eventdays, "page_days", lambda *a: used.append(a) or real(*a))
    since = dt.date(2024, 3, 1)
    with generated.reading():
        event_page(generated, EventFilters(source="CHN", since=since, quad_class=4), 5, 0)
        event_page(generated, EventFilters(source="CHN", target="TWN"), 5, 0)  # no dates
        assert used == []
        event_page(generated, EventFilters(source="CHN", since=since), 5, 0)
        assert len(used) == 1
