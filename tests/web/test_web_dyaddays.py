"""Dyad timelines from the in-memory summary agree with the query on event_clusters."""

from __future__ import annotations

import datetime as dt
import math
import threading

import duckdb
import pytest
from web_db import items

from bench_modules import load_benchmark
from eventwire.store import Store
from eventwire.web import dyaddays
from eventwire.web.db import ReadOnlyDatabase
from eventwire.web.eventviews import dyad_timeline


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("dyaddays") / "gen.duckdb"
    load_benchmark("web_latency").generate(path, 3000)
    con = duckdb.connect(str(path))
    # Gaps the sums must handle as SQL does: no day, no score, no mention count.
    con.execute("UPDATE event_clusters SET date = NULL WHERE hash(id) % 11 = 0")
    con.execute("UPDATE event_clusters SET goldstein = NULL WHERE hash(id) % 5 = 0")
    con.execute("UPDATE event_clusters SET mentions = NULL WHERE hash(id) % 7 = 0")
    con.close()
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
