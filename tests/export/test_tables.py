from __future__ import annotations

import io

import duckdb
import pandas as pd
import pytest
from export_db import build

from eventwire.export import ExportError, export, table_names


@pytest.fixture
def con(db_path):
    build(db_path)
    connection = duckdb.connect(str(db_path))
    yield connection
    connection.close()


def test_parquet_of_every_table_reads_back_equal(con, tmp_path):
    result = export(con, "parquet", output=tmp_path / "pq")
    assert {p.stem for p in result.paths} == set(table_names(con))
    for path in result.paths:
        original = con.execute(f'SELECT * FROM "{path.stem}"').df()
        copy = duckdb.connect().execute("SELECT * FROM read_parquet(?)", [str(path)]).df()
        pd.testing.assert_frame_equal(copy, original)
        # pandas (through pyarrow) opens it too, with the same shape.
        assert pd.read_parquet(path).shape == original.shape


def test_csv_of_one_table_reads_back_with_pandas_and_duckdb(con, tmp_path):
    path = export(con, "csv", output=tmp_path / "events.csv", table="events").paths[0]
    frame = pd.read_csv(path)
    original = con.execute("SELECT * FROM events").df()
    assert list(frame.columns) == list(original.columns)
    assert sorted(frame["id"]) == sorted(original["id"])
    count = duckdb.connect().execute("SELECT count(*) FROM read_csv(?)", [str(path)]).fetchone()
    assert count[0] == len(original)


def test_csv_of_one_table_can_go_to_a_stream(con):
    buf = io.StringIO()
    export(con, "csv", table="event_clusters", out=buf)
    frame = pd.read_csv(io.StringIO(buf.getvalue()))
    assert len(frame) == con.execute("SELECT count(*) FROM event_clusters").fetchone()[0]


def test_unknown_table_is_a_clear_error(con, tmp_path):
    with pytest.raises(ExportError, match=r"E040.*no table 'nope'"):
        export(con, "csv", output=tmp_path, table="nope")


def test_all_tables_need_a_folder(con):
    with pytest.raises(ExportError, match="needs --output"):
        export(con, "parquet", out=io.StringIO())
