"""The map's places from the in-memory located events equal the GROUP BY query, to the bit."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from web_db import WEEK1, generated_with_gaps

from eventwire.web import api_analysis, placeindex
from eventwire.web.db import ReadOnlyDatabase


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    # Coordinates that differ within a place (so the order of additions matters) and
    # the gaps SQL handles its own way: no name, no country, no day, no QuadClass.
    path = generated_with_gaps(
        tmp_path_factory.mktemp("placeindex") / "gen.duckdb",
        6000,
        "UPDATE events SET location_lat = location_lat + (hash(id) % 1000) / 997.0,"
        " location_lon = location_lon - (hash(id) % 313) / 7.0",
        "UPDATE events SET location_name = NULL WHERE hash(id) % 29 = 0",
        "UPDATE events SET location_country = NULL WHERE hash(id) % 5 = 0",
        "UPDATE events SET day = NULL WHERE hash(id) % 13 = 0",
        "UPDATE events SET quad_class = NULL WHERE hash(id) % 17 = 0",
    )
    database = ReadOnlyDatabase(path, threads=1)  # the SQL's own order is then fixed
    yield database
    database.close()


def _places(database, **filters):
    given = {"actor": None, "source": None, "target": None, "country": None}
    given.update({"quad_class": None, "since": None, "until": None, "limit": 500, **filters})
    return api_analysis.places(database, **given)["rows"]


def _compare(database, monkeypatch, dates) -> int:
    """Rows with and without the index for every filter; the number of non-empty answers."""
    filled = 0
    with database.reading():
        assert placeindex.summary(database) is not None
        for (since, until), quad, limit in itertools.product(dates, (None, 1, 4), (500, 3)):
            filters = {"since": since, "until": until, "quad_class": quad, "limit": limit}
            ours = _places(database, **filters)
            with monkeypatch.context() as m:
                m.setattr(placeindex, "summary", lambda _db: None)
                theirs = _places(database, **filters)
            assert ours == theirs, filters
            filled += bool(theirs)
    return filled


def test_generated_places_equal_the_query(generated, monkeypatch):
    dates = [
        (None, None),
        (dt.date(2024, 5, 1), None),
        (None, dt.date(2024, 2, 1)),
        (dt.date(2025, 1, 1), dt.date(2025, 1, 31)),
        (dt.date(2030, 1, 1), None),  # after every event: no places
    ]
    assert _compare(generated, monkeypatch, dates) >= 20
    with generated.reading():
        rows = _places(generated)
    assert any(r["name"] is None for r in rows)  # events with coordinates but no name
    assert len({r["lat"] for r in rows}) > 1


def test_small_database_places_equal_the_query(small, monkeypatch):
    dates = [(None, None), (WEEK1 + dt.timedelta(weeks=2), None), (None, WEEK1)]
    assert _compare(small, monkeypatch, dates) >= 3


def test_actor_filters_query_the_table(generated, monkeypatch):
    monkeypatch.setattr(placeindex, "place_rows", lambda *a, **k: pytest.fail("index used"))
    with generated.reading():
        assert _places(generated, actor="CHN")
        assert _places(generated, source="CHN", target="TWN", country="TWN") is not None


def test_above_the_cap_or_without_a_day_column_places_query(generated, monkeypatch):
    with generated.reading():
        with monkeypatch.context() as m:
            m.setattr(placeindex, "MAX_ROWS", 3)
            assert placeindex.build(generated) is None
        with monkeypatch.context() as m:
            m.setattr(generated, "event_day", "coalesce(e.day, a.published_date)")
            assert placeindex.summary(generated) is None
