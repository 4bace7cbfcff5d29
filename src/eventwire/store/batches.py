"""Write a stream of processed items to the store in batches, one transaction each.

Both engines (``eventwire.api.ingest`` and the Ray engine's loader) go through here,
so the batch cuts, and with them the order in which stories are assigned, are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..records import Article, ArticleResult, Failure
from .db import BatchCounts, Store


@dataclass
class Written:
    """What writing a stream did: items read, counts of the batches, failures."""

    read: int = 0
    counts: BatchCounts = field(default_factory=BatchCounts)
    failures: list[Failure] = field(default_factory=list)


def write_in_batches(
    store: Store,
    results: Iterable[tuple[Any, ArticleResult | Failure]],
    *,
    run_id: str | None,
    batch_size: int,
    progress: Callable[[Any], None] | None = None,
) -> Written:
    """Store each (input item, result) pair; a batch is written every ``batch_size`` pairs."""
    written = Written()
    pending: list[tuple[Article, ArticleResult]] = []
    failed: list[Failure] = []

    def flush() -> None:
        if pending or failed:
            written.counts.add(store.write_batch(pending, failed, run_id=run_id))
            written.failures.extend(failed)
            pending.clear()
            failed.clear()

    for item, result in results:
        written.read += 1
        if progress:
            progress(item)
        if isinstance(result, Failure):
            failed.append(result)
        elif isinstance(item, Article):
            pending.append((item, result))
        if len(pending) + len(failed) >= batch_size:
            flush()
    flush()
    return written
