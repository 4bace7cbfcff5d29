"""The Ray engine stores exactly what the local engine stores, on a local Ray with 2 CPUs."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from eventwire.api import ingest
from eventwire.demo import corpus_path
from eventwire.engines import ingest_ray
from eventwire.store.schema import TABLES

#: Columns that differ between any two runs (who ran it, when).
RUN_COLUMNS = {"run_id", "ingested_at", "at", "started_at", "finished_at"}
#: Tables a run does not fill the same way on purpose (its own log, the watch ledger).
RUN_TABLES = {"runs", "intake"}

# Records written for these tests; one line of the JSON-lines shard has no text.
WIRE_RECORDS = [
    {
        "title": "Envoys meet in Hanoi",
        "published": "2026-02-10",
        "text": "Vietnam and the Philippines signed a maritime cooperation pact in Hanoi "
        "on Monday. Officials in Manila said the pact would be reviewed next year.",
    },
    {"headline": "A record with no body", "published": "2026-02-11"},
    {
        "title": "Seoul summons envoy",
        "published": "2026-02-12",
        "text": "South Korea summoned the Japanese ambassador on Wednesday to protest "
        "a textbook passage, the foreign ministry in Seoul said.",
    },
]
DESK_RECORDS = [
    {
        "title": "Aid pledged",
        "published": "2026-01-20",
        "outlet": "Desk Wire",
        "text": "Australia pledged emergency aid to Fiji after the cyclone on Sunday, "
        "the prime minister said in Canberra.",
    },
    {
        "title": "Talks resume",
        "published": "2026-01-22",
        "outlet": "Desk Wire",
        "text": "India and Pakistan resumed border talks last week, according to "
        "officials in New Delhi.",
    },
]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """A quiet local Ray of 2 CPUs for the module; ingest_ray reuses it, never stops it."""
    ray = pytest.importorskip("ray")
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.ERROR,
    )
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder copy of the demo corpus, a JSON-lines shard and the same articles twice:
    as a Parquet table (read by Ray) and as a JSON file (the local engine reads no Parquet).
    """
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    folder = tmp_path_factory.mktemp("shards")
    with corpus_path() as corpus:
        shutil.copytree(corpus, folder / "demo")
    (folder / "wire.jsonl").write_text(
        "\n".join(json.dumps(r) for r in WIRE_RECORDS) + "\n", encoding="utf-8"
    )
    pq.write_table(pa.Table.from_pylist(DESK_RECORDS), folder / "desk.parquet")
    (folder / "desk.json").write_text(json.dumps(DESK_RECORDS), encoding="utf-8")
    return folder


def table_rows(db: Path, table: str) -> list[tuple]:
    """A table's rows, sorted, without run columns; Parquet paths named as the JSON twin."""
    columns = [c for c in TABLES[table].column_names if c not in RUN_COLUMNS]
    select = ", ".join(
        "regexp_replace(path, '\\.parquet$', '.json') AS path" if c == "path" else f'"{c}"'
        for c in columns
    )
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT {select} FROM {table} ORDER BY ALL").fetchall()


def all_tables(db: Path) -> dict[str, list[tuple]]:
    return {name: table_rows(db, name) for name in TABLES if name not in RUN_TABLES}


@pytest.fixture(scope="module")
def ray_run(local_ray: None, shards: Path, tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("ray") / "ray.duckdb"
    inputs = [shards / "demo", shards / "wire.jsonl", shards / "desk.parquet"]
    summary = ingest_ray(inputs, db, num_workers=2, batch_size=8)
    return db, summary, inputs


@pytest.mark.slow
def test_ray_engine_stores_what_the_local_engine_stores(
    ray_run, shards: Path, tmp_path: Path
) -> None:
    ray_db, ray_summary, _ = ray_run
    local_db = tmp_path / "local.duckdb"
    local = ingest(
        [shards / "demo", shards / "wire.jsonl", shards / "desk.json"], local_db, batch_size=8
    )
    assert ray_summary.to_dict()["new"] == local.to_dict()["new"] > 30
    assert ray_summary.read == local.read
    assert [f.reason for f in ray_summary.failures] == [f.reason for f in local.failures]
    ray_tables, local_tables = all_tables(ray_db), all_tables(local_db)
    assert ray_tables["events"], "the inputs should give events to compare"
    assert ray_tables["stories"], "the demo corpus holds copies that make stories"
    for name in local_tables:
        assert ray_tables[name] == local_tables[name], f"table {name} differs"


@pytest.mark.slow
def test_ray_engine_records_the_bad_record_as_a_failure(ray_run) -> None:
    _, summary, _ = ray_run
    assert [(f.path.rsplit("/", 1)[-1], f.record) for f in summary.failures] == [
        ("wire.jsonl", "line 2")
    ]
    assert "text" in summary.failures[0].reason


@pytest.mark.slow
def test_ray_output_is_parquet_duckdb_can_query(ray_run) -> None:
    _, summary, _ = ray_run
    files = list(Path(summary.output).glob("*.parquet"))
    assert files, "the run should leave its Parquet output"
    with duckdb.connect() as con:
        rows = con.execute(
            "SELECT status, count(*) FROM read_parquet(?) GROUP BY status ORDER BY status",
            [f"{summary.output}/*.parquet"],
        ).fetchall()
    assert dict(rows)["failed"] == 1
    assert sum(n for _, n in rows) == summary.read


@pytest.mark.slow
def test_rerunning_the_ray_ingest_changes_nothing(ray_run, tmp_path: Path) -> None:
    db, _, inputs = ray_run
    copy = tmp_path / "again.duckdb"
    shutil.copy(db, copy)
    before = all_tables(copy)
    again = ingest_ray(inputs, copy, num_workers=2, batch_size=8, output=tmp_path / "out")
    assert again.counts.articles_new == 0
    assert again.counts.articles_existing > 30
    assert all_tables(copy) == before
