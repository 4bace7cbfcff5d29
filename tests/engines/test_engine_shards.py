"""Shards, rows and the loader of the distributed engines, checked without starting Ray."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import pytest

from eventwire.engines import EngineError, EngineOutputError, list_shards, read_shard
from eventwire.engines.load import load_output
from eventwire.engines.ray_engine import import_ray, output_schema
from eventwire.engines.rows import OUTPUT_COLUMNS, decode_output, read_rows
from eventwire.errors import MissingExtraError
from eventwire.ingest import read_inputs
from eventwire.ingest.options import ReadOptions
from eventwire.records import Article, ArticleResult, Failure
from eventwire.store import Store

pq = pytest.importorskip("pyarrow.parquet")
pa = pytest.importorskip("pyarrow")

TEXT_A = "Chile and Peru agreed on Monday to reopen their border crossings, officials said."
TEXT_B = "Kenya recalled its ambassador from Somalia after a dispute over fishing rights."


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "b.txt").write_text(TEXT_B, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    lines = [json.dumps({"text": TEXT_A, "title": "Border"}), "{not json", ""]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    return tmp_path


def test_shards_follow_the_local_order_and_keep_failed_names(inputs: Path) -> None:
    shards = list_shards([inputs / "feed.jsonl", inputs / "missing-*.txt", inputs])
    assert [s.source for s in shards] == list(range(len(shards)))
    names = [Path(s.name).name for s in shards]
    assert names == ["feed.jsonl", "missing-*.txt", "b.txt", "feed.jsonl", "a.txt"]
    assert shards[1].failure and "no files match" in shards[1].failure
    assert all(Path(s.location).is_absolute() for s in shards if not s.failure)


def test_reading_a_shard_gives_what_read_inputs_gives(inputs: Path) -> None:
    options = ReadOptions()
    path = str(inputs / "feed.jsonl")
    (shard,) = list_shards([path])
    assert list(read_shard(shard, options)) == list(read_inputs([path], options))


def test_relative_shard_names_are_kept_though_workers_read_absolute_paths(
    inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(inputs)
    (shard,) = list_shards(["sub/a.txt"])
    monkeypatch.chdir(inputs.parent)  # a worker elsewhere
    (article,) = read_shard(shard, ReadOptions())
    assert isinstance(article, Article)
    assert article.path == "sub/a.txt"


def test_missing_file_fails_with_the_local_reason_and_name(tmp_path: Path) -> None:
    name = str(tmp_path / "gone.txt")
    (shard,) = list_shards([name])
    (failure,) = read_shard(shard, ReadOptions())
    (local,) = read_inputs([name])
    assert failure == local


def test_stdin_is_refused_with_a_clear_error() -> None:
    with pytest.raises(EngineError, match=r"E070.*stdin"):
        list_shards(["-"])


def test_parquet_shard_rows_become_articles_or_failures(tmp_path: Path) -> None:
    table = pa.Table.from_pylist(
        [
            {"text": TEXT_A, "headline": "Border", "published": datetime(2026, 3, 2, 9, 30)},
            {"text": None, "headline": "Empty", "published": None},
        ]
    )
    pq.write_table(table, tmp_path / "part.parquet")
    shards = list_shards([str(tmp_path / "*.parquet")])
    assert [Path(s.name).name for s in shards] == ["part.parquet"]
    article, failure = read_shard(shards[0], ReadOptions())
    assert isinstance(article, Article) and isinstance(failure, Failure)
    assert article.title == "Border"
    assert article.published and article.published.startswith("2026-03-02")
    assert (article.record, failure.record) == ("record 1", "record 2")
    assert "null" in failure.reason


def test_a_file_that_is_not_parquet_fails_as_one_input(tmp_path: Path) -> None:
    (tmp_path / "bad.parquet").write_text("not parquet", encoding="utf-8")
    (shard,) = list_shards([tmp_path / "bad.parquet"])
    (failure,) = read_shard(shard, ReadOptions())
    assert isinstance(failure, Failure)
    assert failure.code == "E001" and "Parquet" in failure.reason


def test_storage_uris_are_listed_and_read_under_their_uri(inputs: Path) -> None:
    uri = f"file://{inputs}"
    shards = list_shards([uri])
    names = [s.name.removeprefix(uri) for s in shards]
    assert names == ["/b.txt", "/feed.jsonl", "/sub/a.txt"]  # the PDF is no input
    items = list(read_shard(shards[1], ReadOptions()))
    assert [type(i).__name__ for i in items] == ["Article", "Failure"]
    assert {i.path for i in items} == {f"{uri}/feed.jsonl"}


def test_read_rows_number_items_within_their_shard(inputs: Path) -> None:
    (shard,) = list_shards([inputs / "feed.jsonl"])
    rows = read_rows(shard.to_row(), ReadOptions())
    assert [(r["source"], r["item"]) for r in rows] == [(0, 0), (0, 1)]
    assert rows[0]["article"] and not rows[0]["failure"]
    assert rows[1]["failure"] and not rows[1]["article"]


def _output_file(folder: Path, rows: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=output_schema()), folder / "part.parquet")


def _row(source: int, item: int, value: Article | Failure) -> dict:
    row = dict.fromkeys(OUTPUT_COLUMNS)
    row.update(source=source, item=item, shard=value.path)
    if isinstance(value, Failure):
        row.update(status="failed", failure=value.model_dump_json())
    else:
        result = ArticleResult(article=value.info())
        row.update(
            article_id=value.id,
            status="ok",
            article=value.model_dump_json(),
            result=result.model_dump_json(),
        )
    return row


def test_loader_writes_rows_in_input_order_whatever_the_file_order(
    inputs: Path, tmp_path: Path
) -> None:
    items = list(read_inputs([inputs / "feed.jsonl", inputs / "b.txt"]))
    rows = [_row(0, 0, items[0]), _row(0, 1, items[1]), _row(1, 0, items[2])]
    _output_file(tmp_path / "out", list(reversed(rows)))
    seen: list[str] = []
    with Store(tmp_path / "db.duckdb") as store:
        read, counts, failures = load_output(
            tmp_path / "out", store, "run1", progress=lambda item: seen.append(item.path)
        )
        stored = store.query("SELECT count(*) AS n FROM articles")[0]["n"]
    assert read == 3 and counts.articles_new == 2 and stored == 2
    assert [f.record for f in failures] == ["line 2"]
    assert seen == [items[0].path, items[1].path, items[2].path]
    assert decode_output(rows[0]) == (items[0], ArticleResult(article=items[0].info()))


def test_loader_refuses_a_folder_that_is_not_engine_output(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    pq.write_table(pa.table({"x": [1]}), tmp_path / "out" / "x.parquet")
    with Store(tmp_path / "db.duckdb") as store:
        with pytest.raises(EngineOutputError, match="E071"):
            load_output(tmp_path / "out", store, "run1")
        with pytest.raises(EngineOutputError, match="E071"):
            load_output(tmp_path / "nothing-here", store, "run1")


def test_missing_ray_names_the_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(MissingExtraError, match=r"E030.*eventwire\[ray\]"):
        import_ray()
