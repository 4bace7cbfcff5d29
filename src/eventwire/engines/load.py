"""Load a distributed run's Parquet output into the DuckDB store, in input order.

The rows are sorted by ``(source, item)`` — shard position, then position in the
shard — and written through ``Store.write_batch`` in batches cut exactly where the
local engine cuts them, so story assignment, event consolidation, idempotence and
the failures table come out as a local run's. The sort runs in DuckDB, which spills
to disk, so the output may be larger than memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from ..process import DEFAULT_BATCH_SIZE
from ..records import ArticleResult, Failure
from ..store import BatchCounts, Store
from ..store.batches import write_in_batches
from .errors import EngineOutputError
from .rows import OUTPUT_COLUMNS, Item, decode_output
from .shards import is_uri

Progress = Callable[[Item], None]
#: Rows fetched from the sorted output at a time.
_FETCH = 256


def output_rows(output: str | Path) -> Iterator[dict[str, Any]]:
    """The rows of a run's Parquet output (a folder or URI of .parquet files), in input order."""
    dataset = _dataset(str(output))
    con = duckdb.connect()
    try:
        con.register("ew_output", dataset)
        columns = ", ".join(OUTPUT_COLUMNS)
        cursor = con.execute(f"SELECT {columns} FROM ew_output ORDER BY source, item")
        while chunk := cursor.fetchmany(_FETCH):
            for values in chunk:
                yield dict(zip(OUTPUT_COLUMNS, values, strict=True))
    finally:
        con.close()


def _dataset(output: str) -> Any:
    import pyarrow.dataset as ds

    try:
        dataset = ds.dataset(output, format="parquet")
    except (OSError, ValueError, FileNotFoundError) as err:
        raise EngineOutputError(
            f"cannot read the engine's Parquet output: {err}", path=output
        ) from None
    missing = [c for c in OUTPUT_COLUMNS if c not in dataset.schema.names]
    if missing and dataset.files:
        raise EngineOutputError(
            f"not the output of an eventwire engine (no column {', '.join(missing)}); "
            "point at the folder the run wrote",
            path=output,
        )
    if not dataset.files and not is_uri(output):
        raise EngineOutputError("no Parquet files in the engine's output", path=output)
    return dataset


def load_output(
    output: str | Path,
    store: Store,
    run_id: str,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> tuple[int, BatchCounts, list[Failure]]:
    """Write a run's output into ``store``; returns items read, counts and failures."""
    # the same batching as eventwire.api.ingest, so stories are assigned alike
    decoded = (_decode(row, output) for row in output_rows(output))
    written = write_in_batches(
        store, decoded, run_id=run_id, batch_size=batch_size, progress=progress
    )
    return written.read, written.counts, written.failures


def _decode(row: dict[str, Any], output: str | Path) -> tuple[Item, ArticleResult | Failure]:
    try:
        return decode_output(row)
    except ValueError as err:
        where = f"{row.get('shard')} item {row.get('item')}"
        raise EngineOutputError(f"bad row ({where}): {err}", path=str(output)) from None
