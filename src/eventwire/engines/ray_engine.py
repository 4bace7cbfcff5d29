"""The Ray engine: the local engine's stages run by Ray Data over a cluster (or one machine).

Data flow::

    shards (listed on the driver, in input order)
      -> flat_map(read_rows)            eventwire's own readers, one task per shard,
                                        materialised in blocks of one batch
      -> map_batches(ArticleWorker)     actor pool, one spaCy pipeline per actor,
                                        eventwire's own ``process``
      -> write_parquet(OUTPUT/RUN_ID)   one row per input item, records as JSON
      -> load_output -> Store           on the driver, in input order, same batches

Because the same functions read and process the articles, and the loader writes in
the local engine's order and batches, the DuckDB file ends up as a local run's.
Ray is imported lazily: without the ``ray`` extra only ``ingest_ray`` fails, with
E030 saying what to install.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..api import IngestSummary
from ..errors import MissingExtraError
from ..ingest.options import ReadOptions
from ..process import DEFAULT_BATCH_SIZE
from ..store import Store
from .errors import EngineError
from .load import Progress, load_output
from .rows import OUTPUT_COLUMNS, process_rows, read_rows
from .shards import Shard, is_uri, list_shards

PathLike = str | Path
log = logging.getLogger(__name__)


@dataclass
class RayIngestSummary(IngestSummary):
    """What a Ray ingest did, and where its Parquet output is."""

    output: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "engine": "ray", "output": self.output}


def import_ray() -> Any:
    """The ``ray`` module, or E030 naming the extra to install."""
    try:
        import ray
        import ray.data  # the Data library is a separate part of the extra
    except ImportError:
        raise MissingExtraError("the Ray engine (--engine ray)", "ray") from None
    return ray


def default_output(db: PathLike) -> Path:
    """Where a run's Parquet goes when no output is named: a folder beside the db."""
    path = Path(db)
    return path.with_name(f"{path.stem}-ray")


def ingest_ray(
    paths: Iterable[PathLike] | PathLike,
    db: PathLike,
    *,
    published: str | None = None,
    address: str | None = None,
    options: ReadOptions | None = None,
    dictionaries: PathLike | None = None,
    num_workers: int = 2,
    output: PathLike | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> RayIngestSummary:
    """Ingest with Ray: read and process on workers, write Parquet, load it into ``db``.

    ``address`` None starts a local Ray with one CPU per core (and stops it at the end);
    ``"auto"`` joins the cluster started on this machine by ``ray start``;
    ``"ray://HOST:10001"`` connects through Ray Client. ``num_workers`` is the number of
    actors, each holding one spaCy pipeline. The run's Parquet is written to
    ``OUTPUT/RUN_ID/`` (``output`` defaults to a folder beside ``db``); it stays there
    for DuckDB's ``read_parquet``. The database ends up as ``eventwire.api.ingest``
    leaves it on the same input.
    """
    if num_workers < 1:
        raise EngineError(f"num_workers must be at least 1, not {num_workers}")
    ray = import_ray()
    inputs = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
    options = options or ReadOptions()
    if published:
        options = replace(options, published=published)
    shards = list_shards(inputs)
    with Store(db) as store:
        run_id = store.start_run("ingest", inputs)
        folder = _run_folder(output if output is not None else default_output(db), run_id)
        summary = RayIngestSummary(run_id=run_id, db=str(db), output=folder)
        if shards:
            with ray_session(ray, address):
                run_pipeline(
                    ray,
                    shards,
                    folder,
                    options=options,
                    dictionaries=dictionaries,
                    num_workers=num_workers,
                    batch_size=batch_size,
                )
            started = time.perf_counter()
            summary.read, summary.counts, summary.failures = load_output(
                folder, store, run_id, batch_size=batch_size, progress=progress
            )
            log.info("loaded %d items in %.1f s", summary.read, time.perf_counter() - started)
        store.finish_run(run_id, summary.read, summary.counts)
    return summary


def _run_folder(output: PathLike, run_id: str) -> str:
    base = str(output)
    if is_uri(base):
        return f"{base.rstrip('/')}/{run_id}"
    return str((Path(base) / run_id).absolute())


@contextmanager
def ray_session(ray: Any, address: str | None) -> Iterator[None]:
    """Ray ready to use: the running one, a cluster at ``address``, or a local one.

    Only a Ray started here is shut down at the end.
    """
    if ray.is_initialized():
        yield
        return
    settings: dict[str, Any] = {
        "include_dashboard": False,
        "logging_level": logging.WARNING,
        "log_to_driver": False,  # workers' logs stay in Ray's session folder
        "configure_logging": True,
    }
    try:
        if address is None:
            ray.init(num_cpus=os.cpu_count() or 1, **settings)
        else:
            ray.init(address=address, **settings)
    except (ConnectionError, RuntimeError, ValueError) as err:
        where = address or "a new local instance"
        raise EngineError(
            f"cannot start or reach Ray at {where}: {err} "
            "(start a cluster with 'ray start --head', or leave the address out)"
        ) from None
    try:
        yield
    finally:
        ray.shutdown()


def run_pipeline(
    ray: Any,
    shards: list[Shard],
    output: str,
    *,
    options: ReadOptions,
    dictionaries: PathLike | None,
    num_workers: int,
    batch_size: int,
) -> None:
    """Read, process and write the shards as Parquet under ``output`` with Ray Data."""
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the caller reports progress as it loads
    context.print_on_execution_start = False
    rows = ray.data.from_items(
        [shard.to_row() for shard in shards], override_num_blocks=len(shards)
    )
    # Reading is finished before the actors start: the actors hold one CPU each for
    # the whole run, so read tasks queued behind them could wait for ever on a small
    # cluster. Blocks of one batch each let the actors share a single big shard.
    started = time.perf_counter()
    items = (
        rows.flat_map(read_rows, fn_kwargs={"options": options})
        .repartition(target_num_rows_per_block=batch_size)
        .materialize()
    )
    log.info(
        "read %d shards in %.1f s (%d blocks)",
        len(shards),
        time.perf_counter() - started,
        items.num_blocks(),
    )
    started = time.perf_counter()
    results = items.map_batches(
        ArticleWorker,
        fn_constructor_kwargs={
            "dictionaries": _worker_path(dictionaries),
            "batch_size": batch_size,
        },
        batch_size=batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=num_workers),
        num_cpus=1,
    )
    results.write_parquet(output)
    log.info("processed with %d workers in %.1f s", num_workers, time.perf_counter() - started)


def _worker_path(path: PathLike | None) -> str | None:
    """A local path as workers in another folder see it (an absolute path)."""
    if path is None or is_uri(str(path)):
        return None if path is None else str(path)
    return str(Path(path).absolute())


class ArticleWorker:
    """One Ray actor: builds eventwire's pipeline once, then processes batches of rows."""

    def __init__(self, dictionaries: str | None, batch_size: int):
        from ..nlp import get_pipeline

        self.nlp = get_pipeline(dictionaries)
        self.batch_size = batch_size

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        rows = process_rows(batch.to_pylist(), self.nlp, batch_size=self.batch_size)
        return pa.Table.from_pylist(rows, schema=output_schema())


def output_schema() -> Any:
    """The pyarrow schema of the Parquet output (columns as in ``rows.OUTPUT_COLUMNS``)."""
    import pyarrow as pa

    types = {"source": pa.int64(), "item": pa.int64()}
    return pa.schema([(name, types.get(name, pa.string())) for name in OUTPUT_COLUMNS])
