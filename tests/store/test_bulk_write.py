"""Bulk (Arrow) writes of the store: same rows as row-by-row inserts, one statement per table."""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa
import pytest

from bench_modules import load_benchmark
from eventwire.errors import StoreError
from eventwire.records import Failure
from eventwire.store import TABLES, Store
from eventwire.stories.sql import arrow_table, arrow_type, insert_rows, unique_by_key


@pytest.fixture(scope="module")
def bench():
    """benchmarks/store_write.py: its synthetic records and the old executemany insert."""
    return load_benchmark("store_write")


def _table_rows(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple]:
    columns = ", ".join(f'"{c}"' for c in TABLES[name].column_names if c != "ingested_at")
    return con.execute(f"SELECT {columns} FROM {name} ORDER BY ALL").fetchall()


def test_arrow_types_follow_the_schema():
    assert arrow_type("VARCHAR[]") == pa.list_(pa.string())
    assert arrow_type("TIMESTAMPTZ") == pa.timestamp("us", tz="UTC")
    with pytest.raises(TypeError, match="no Arrow type"):
        arrow_type("HUGEINT")
    # Every column type of the store has an Arrow type.
    for table in TABLES.values():
        for column in table.columns:
            arrow_type(column.type)


def test_all_null_and_empty_batches_keep_their_column_types():
    table = TABLES["events"]
    nulls = arrow_table(table, [tuple(None for _ in table.columns)])
    empty = arrow_table(table, [])
    assert nulls.num_rows == 1 and empty.num_rows == 0
    for data in (nulls, empty):
        assert data.schema.field("day").type == pa.date32()
        assert data.schema.field("source_sectors").type == pa.list_(pa.string())
        assert data.schema.field("goldstein").type == pa.float64()


def test_rows_of_the_wrong_width_are_refused():
    with pytest.raises(ValueError, match="rows for stories have 2 values"):
        arrow_table(TABLES["stories"], [("s1", "title")])


def test_arrow_writes_store_exactly_what_executemany_stored(bench, tmp_path):
    results = bench.synthetic_results(12, per_article=4)
    rows = bench.collected_rows(results, tmp_path / "collect.duckdb")
    bench.time_rows(rows, tmp_path / "old.duckdb", bench.executemany_insert)
    bench.time_rows(rows, tmp_path / "new.duckdb", insert_rows)
    old = duckdb.connect(str(tmp_path / "old.duckdb"))
    new = duckdb.connect(str(tmp_path / "new.duckdb"))
    for name in rows:
        assert _table_rows(new, name) == _table_rows(old, name), name
    assert new.execute("SELECT count(*) FROM events").fetchone()[0] == 48


def test_repeated_keys_in_one_batch_keep_the_first_or_the_last_row():
    stories = TABLES["stories"]
    rows = [("s1", "first", None, None, 1, 1), ("s1", "second", None, None, 2, 1)]
    assert unique_by_key(stories, rows, "first") == [rows[0]]
    assert unique_by_key(stories, rows, "last") == [rows[1]]


def test_write_batch_with_a_repeated_failure_keeps_the_last_reason(db_path):
    failures = [
        Failure(path="feed.xml", record="item 3", reason="no text"),
        Failure(path="feed.xml", record="item 3", reason="no text after cleaning"),
    ]
    with Store(db_path) as store:
        counts = store.write_batch([], failures)
        stored = store.query("SELECT reason FROM failures")
    assert counts.failures == 2
    assert stored == [{"reason": "no text after cleaning"}]


def test_write_batch_stores_every_table_in_one_go(bench, db_path):
    results = bench.synthetic_results(20, per_article=3)
    with Store(db_path) as store:
        counts = store.write_batch(results)
        again = store.write_batch(results)
        totals = store.counts()
        day = store.query("SELECT day FROM events WHERE date_precision = 'day' LIMIT 1")
    assert counts.articles_new == 20 and again.articles_existing == 20
    assert totals["articles"] == 20 and totals["events"] == 60 and totals["quotes"] == 60
    assert totals["stories"] >= 1 and totals["article_signatures"] == 20
    assert isinstance(day[0]["day"], dt.date)


def test_columns_go_by_name_in_a_migrated_table(db_path):
    # A table created by an older version gets new columns appended at the end, so its
    # column order differs from the schema's: inserts must match columns by name.
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE stories (id VARCHAR PRIMARY KEY, outlets INTEGER, title VARCHAR)")
    con.close()
    with Store(db_path) as store:
        insert_rows(store.con, "stories", [("s1", "A title", "2026-03-01", "2026-03-02", 3, 2)])
        row = store.query("SELECT id, title, outlets, articles FROM stories")
    assert row == [{"id": "s1", "title": "A title", "outlets": 2, "articles": 3}]


def test_unknown_insert_verb_is_refused(db_path):
    with Store(db_path) as store, pytest.raises(ValueError, match="unknown insert verb"):
        insert_rows(store.con, "stories", [("s1", None, None, None, 1, 1)], "UPSERT")


class _FailingCon:
    """A connection whose inserts into ``events`` fail, everything else passed through."""

    def __init__(self, con):
        self._con = con

    def execute(self, sql, *args):
        if "INTO events" in sql:
            raise duckdb.Error("disk full (simulated)")
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_failed_bulk_insert_rolls_back_the_whole_batch(bench, db_path, monkeypatch):
    results = bench.synthetic_results(3, per_article=2)
    with Store(db_path) as store:
        real = store.con
        monkeypatch.setattr(type(store), "con", property(lambda self: _FailingCon(real)))
        with pytest.raises(StoreError, match="could not write batch"):
            store.write_batch(results)
        monkeypatch.undo()
        assert store.counts()["articles"] == 0
        # The store's story index was reset, so the same batch can be written again.
        assert store.write_batch(results).articles_new == 3
        assert store.counts()["events"] == 6
