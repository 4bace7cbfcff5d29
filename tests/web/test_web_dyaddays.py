"""Dyad timelines and neighbourhoods from the in-memory summary agree with the queries."""

from __future__ import annotations

import datetime as dt
import math
import threading

import numpy as np
import pytest
from web_db import generated_with_gaps, items

from eventwire.store import Store
from eventwire.web import dyaddays, eventviews
from eventwire.web.db import ReadOnlyDatabase
from eventwire.web.eventviews import dyad_timeline, neighbours


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    # Gaps the sums must handle as SQL does: no day, no score, no mention count.
    path = generated_with_gaps(
        tmp_path_factory.mktemp("dyaddays") / "gen.duckdb",
        3000,
        "UPDATE event_clusters SET date = NULL WHERE hash(id) % 11 = 0",
        "UPDATE event_clusters SET goldstein = NULL WHERE hash(id) % 5 = 0",
        "UPDATE event_clusters SET mentions = NULL WHERE hash(id) % 7 = 0",
    )
    database = ReadOnlyDatabase(path)
    yield database
    database.close()


def _table_timeline(database, monkeypatch, *args, **kwargs):
    with monkeypatch.context() as m:
        m.setattr(dyaddays, "summary", lambda _db: None)
        return dyad_timeline(database, *args, **kwargs)


def _same(ours: list[dict], theirs: list[dict]) -> bool:
    if [r.keys() for r in ours] != [r.keys() for r in theirs]:
        return False
    for a, b in zip(ours, theirs, strict=True):
        for key, value in a.items():
            other = b[key]
            if isinstance(value, float) and isinstance(other, float):
                if not math.isclose(value, other, rel_tol=1e-9, abs_tol=1e-9):
                    return False
            elif value != other:
                return False
    return True


@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_summary_timelines_equal_the_table_query(db, monkeypatch, by):
    dyads = [("CHN", "TWN"), ("CHNGOV", "TWN"), ("C", "T"), ("CHN", "CHN"), ("XYZ", "TWN")]
    ranges = [
        (None, None),
        (dt.date(2024, 3, 5), dt.date(2024, 9, 17)),
        (dt.date(2025, 6, 1), None),
    ]
    with db.reading():
        assert dyaddays.summary(db) is not None
        compared = 0
        for source, target in dyads:
            for since, until in ranges:
                for both in (False, True):
                    kwargs = {"by": by, "since": since, "until": until, "both": both}
                    ours = dyad_timeline(db, source, target, **kwargs)
                    theirs = _table_timeline(db, monkeypatch, source, target, **kwargs)
                    assert _same(ours, theirs), (source, target, kwargs)
                    compared += bool(theirs)
        assert compared > 10  # most cases have periods to compare, not only empty lists


@pytest.mark.parametrize("code", ["CHN", "CHNGOV", "TWN", "USA", "C", "XYZ"])
def test_summary_neighbours_equal_the_table_query(db, monkeypatch, code):
    with db.reading():
        assert dyaddays.summary(db) is not None
        ours = neighbours(db, code, limit=12)
        with monkeypatch.context() as m:
            # Neither the summary nor the names kept in memory: both from SQL.
            m.setattr(dyaddays, "summary", lambda _db: None)
            m.setattr(db, "derived", lambda _key, compute: compute())
            m.setattr(eventviews, "MAX_NAMED_CODES", 0)
            theirs = neighbours(db, code, limit=12)
    assert _same(ours, theirs)
    if code != "XYZ":
        assert ours and all(e["source_name"] and e["target_name"] for e in ours)
        assert all(code in (e["source"][: len(code)], e["target"][: len(code)]) for e in ours)
    assert [e["events"] for e in ours] == sorted((e["events"] for e in ours), reverse=True)


def test_undated_events_count_for_neighbours_but_not_in_timelines(db):
    with db.reading():
        days = dyaddays.summary(db)
        undated = int(np.isnat(days.days).sum())
        dated = int(days.measures["events"][~np.isnat(days.days)].sum())
        counts = db.one(
            "SELECT count(*) FILTER (WHERE date IS NULL) AS undated,"
            " count(*) FILTER (WHERE date IS NOT NULL) AS dated FROM event_clusters"
        )
    assert undated > 0
    assert int(days.pair_totals["events"].sum()) == counts["undated"] + counts["dated"]
    assert dated == counts["dated"]


def test_a_too_large_summary_falls_back_to_the_table(db, monkeypatch):
    monkeypatch.setattr(dyaddays, "MAX_ROWS", 3)
    with db.reading():
        assert dyaddays.build(db) is None


def test_derived_values_are_computed_once_and_dropped_after_a_write(tmp_path):
    path = tmp_path / "w.duckdb"
    *first, last = items()
    with Store(path) as store:
        store.write_batch(first)
    database = ReadOnlyDatabase(path)
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    try:
        with database.reading():
            threads = [
                threading.Thread(target=database.derived, args=("k", compute)) for _ in range(8)
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert database.derived("k", compute) == 1
            assert len(calls) == 1
        with Store(path) as store:
            store.write_batch([last])
        with database.reading():
            assert database.derived("k", compute) == 2
    finally:
        database.close()
