"""The Python API: the same operations as the CLI, returning records instead of printing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .ingest import read_inputs
from .ingest.article import make_article
from .ingest.options import ReadOptions
from .nlp import get_pipeline
from .nlp.pipeline import dictionary_dir
from .process import DEFAULT_BATCH_SIZE, DEFAULT_MAX_CHARS, Item, failed_result, process
from .records import Article, ArticleResult, Failure, Status
from .store import BatchCounts, Store
from .store.batches import write_in_batches

if TYPE_CHECKING:  # the pool is imported only when it runs
    from .engines.local import LocalPool

PathLike = str | Path
Progress = Callable[[Item], None]


def _options(options: ReadOptions | None, published: str | None) -> ReadOptions:
    options = options or ReadOptions()
    return replace(options, published=published) if published else options


@dataclass(frozen=True)
class Limits:
    """Per-article limits of a run; None switches one off.

    ``max_chars``: longer articles fail with E006 (both paths). With ``workers`` > 1
    also ``time_limit`` (seconds without a result: the worker is killed and restarted,
    the article fails with E007) and ``memory_mb`` (resident memory of one worker:
    it is restarted; an article in progress fails with E008).
    """

    max_chars: int | None = DEFAULT_MAX_CHARS
    time_limit: float | None = 120.0
    memory_mb: int | None = 1500


def _run(
    items: Iterable[Item],
    *,
    batch_size: int,
    dictionaries: PathLike | None,
    workers: int,
    prefilter: bool,
    limits: Limits | None,
    pool: LocalPool | None = None,
) -> Iterator[tuple[Item, ArticleResult | Failure]]:
    """The in-process path (``workers=1``) or the process pool, same results, input order."""
    limits = limits or Limits()
    if pool is not None:
        yield from pool.run(items)
        return
    if workers <= 1:
        nlp = get_pipeline(dictionaries)
        yield from process(
            items, nlp, batch_size=batch_size, prefilter=prefilter, max_chars=limits.max_chars
        )
        return
    from .engines.local import PoolOptions, pool_process

    options = PoolOptions(
        workers=workers,
        dictionaries=dictionary_dir(dictionaries),
        prefilter=prefilter,
        time_limit=limits.time_limit,
        max_chars=limits.max_chars,
        memory_mb=limits.memory_mb,
    )
    yield from pool_process(items, options)


def extract(
    paths: Iterable[PathLike] | PathLike,
    *,
    published: str | None = None,
    options: ReadOptions | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    dictionaries: PathLike | None = None,
    workers: int = 1,
    prefilter: bool = True,
    limits: Limits | None = None,
) -> Iterator[ArticleResult]:
    """One ArticleResult per input article, in input order, failures included.

    ``published`` (YYYY-MM-DD) overrides every article's publication date, which
    relative dates ("last week") are resolved against. ``dictionaries`` is a folder of
    PETRARCH-format dictionaries to code with instead of eventwire's own. ``workers``
    > 1 runs a pool of that many processes (``eventwire.engines.local``); ``prefilter``
    skips parsing sentences that carry no event, quote or time (``eventwire.nlp.prefilter``).
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    dictionary_dir(dictionaries)  # a bad folder fails here, before any worker starts
    items = read_inputs([str(p) for p in paths], _options(options, published))
    runs = _run(
        items,
        batch_size=batch_size,
        dictionaries=dictionaries,
        workers=workers,
        prefilter=prefilter,
        limits=limits,
    )
    for item, result in runs:
        if progress:
            progress(item)
        yield _as_result(result)


def extract_text(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    dictionaries: PathLike | None = None,
) -> ArticleResult:
    """The ArticleResult of one article given as a string."""
    article = make_article(
        text,
        path="<text>",
        options=ReadOptions(),
        title=title,
        url=url,
        published=published,
        outlet=outlet,
    )
    _, result = next(process([article], get_pipeline(dictionaries)))
    return _as_result(result)


def _as_result(result: ArticleResult | Failure) -> ArticleResult:
    return failed_result(result) if isinstance(result, Failure) else result


@dataclass
class IngestSummary:
    """What an ingest run did."""

    run_id: str
    db: str
    read: int = 0
    counts: BatchCounts = field(default_factory=BatchCounts)
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "db": self.db,
            "read": self.read,
            "new": self.counts.articles_new,
            "already_stored": self.counts.articles_existing,
            "skipped": self.counts.articles_skipped,
            "failed": self.counts.failures,
        }


def ingest(
    paths: Iterable[PathLike] | PathLike,
    db: PathLike,
    *,
    published: str | None = None,
    options: ReadOptions | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    dictionaries: PathLike | None = None,
    workers: int = 1,
    prefilter: bool = True,
    limits: Limits | None = None,
    pool: LocalPool | None = None,
) -> IngestSummary:
    """Read, process and store inputs in the DuckDB file ``db``; one transaction per batch.

    Articles already stored are not processed again (their id is looked up before the
    NLP), so a re-run after a crash costs only the reading. ``workers``, ``prefilter``
    and ``limits`` as for :func:`extract`; the main process is the only writer. ``pool``:
    a started :class:`~eventwire.engines.local.LocalPool` to reuse across runs (its own
    options then apply instead of ``workers``, ``prefilter``, ``limits`` and ``dictionaries``).
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    inputs = [str(p) for p in paths]
    dictionary_dir(dictionaries)  # a bad folder fails here, before any worker starts
    with Store(db) as store:
        run_id = store.start_run("ingest", inputs)
        summary = IngestSummary(run_id=run_id, db=str(db))
        items = _mark_stored(store, read_inputs(inputs, _options(options, published)), batch_size)
        runs = _run(
            items,
            batch_size=batch_size,
            dictionaries=dictionaries,
            workers=workers,
            prefilter=prefilter,
            limits=limits,
            pool=pool,
        )
        written = write_in_batches(
            store, runs, run_id=run_id, batch_size=batch_size, progress=progress
        )
        summary.read, summary.counts, summary.failures = (
            written.read,
            written.counts,
            written.failures,
        )
        store.finish_run(run_id, summary.read, summary.counts)
    return summary


def _mark_stored(store: Store, items: Iterable[Item], batch_size: int) -> Iterator[Item]:
    """The items, with articles already in ``store`` marked so that no stage runs on them.

    The mark is a copy with status ``skipped`` and no text; ``write_batch`` counts it
    as already stored by its id, exactly as it counts a processed copy.
    """
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        ids = [i.id for i in batch if isinstance(i, Article) and i.status == Status.OK]
        known = store.known_article_ids(ids)
        for item in batch:
            if isinstance(item, Article) and item.status == Status.OK and item.id in known:
                yield item.model_copy(
                    update={"status": Status.SKIPPED, "reason": "already stored", "text": ""}
                )
            else:
                yield item
