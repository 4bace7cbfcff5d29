"""The Python API: the same operations as the CLI, returning records instead of printing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .ingest import read_inputs
from .ingest.article import make_article
from .ingest.options import ReadOptions
from .nlp import get_pipeline
from .process import DEFAULT_BATCH_SIZE, Item, failed_result, process
from .records import Article, ArticleResult, Failure
from .store import BatchCounts, Store

PathLike = str | Path
Progress = Callable[[Item], None]


def _options(options: ReadOptions | None, published: str | None) -> ReadOptions:
    options = options or ReadOptions()
    return replace(options, published=published) if published else options


def extract(
    paths: Iterable[PathLike] | PathLike,
    *,
    published: str | None = None,
    options: ReadOptions | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    dictionaries: PathLike | None = None,
) -> Iterator[ArticleResult]:
    """One ArticleResult per input article, in input order, failures included.

    ``published`` (YYYY-MM-DD) overrides every article's publication date, which
    relative dates ("last week") are resolved against. ``dictionaries`` is a folder of
    PETRARCH-format dictionaries to code with instead of eventwire's own.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    nlp = get_pipeline(dictionaries)
    items = read_inputs([str(p) for p in paths], _options(options, published))
    for item, result in process(items, nlp, batch_size=batch_size):
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
) -> IngestSummary:
    """Read, process and store inputs in the DuckDB file ``db``; one transaction per batch."""
    if isinstance(paths, str | Path):
        paths = [paths]
    inputs = [str(p) for p in paths]
    nlp = get_pipeline(dictionaries)
    with Store(db) as store:
        run_id = store.start_run("ingest", inputs)
        summary = IngestSummary(run_id=run_id, db=str(db))
        items = read_inputs(inputs, _options(options, published))
        pending: list[tuple[Article, ArticleResult]] = []
        failed: list[Failure] = []
        for item, result in process(items, nlp, batch_size=batch_size):
            summary.read += 1
            if progress:
                progress(item)
            if isinstance(result, Failure):
                failed.append(result)
            elif isinstance(item, Article):
                pending.append((item, result))
            if len(pending) + len(failed) >= batch_size:
                _flush(store, pending, failed, summary)
        _flush(store, pending, failed, summary)
        store.finish_run(run_id, summary.read, summary.counts)
    return summary


def _flush(
    store: Store,
    pending: list[tuple[Article, ArticleResult]],
    failed: list[Failure],
    summary: IngestSummary,
) -> None:
    if not pending and not failed:
        return
    summary.counts.add(store.write_batch(pending, failed, run_id=summary.run_id))
    summary.failures.extend(failed)
    pending.clear()
    failed.clear()
