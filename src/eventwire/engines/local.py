"""The local process pool: N worker processes, each with its own pipeline.

The main process reads the inputs, sends articles to the workers in chunks and
gets results back one article at a time; it yields them in INPUT order, so the
caller (``api.ingest``, the single writer of the store, or ``api.extract``) sees
exactly what the in-process path gives. Read-ahead is bounded, so memory stays
flat however long the stream.

One article cannot stop the run:

- an article longer than ``max_chars`` fails with E006 before it is sent;
- a worker that makes no progress for ``time_limit`` seconds is killed and
  restarted; the unfinished articles of its chunk are retried one by one, and an
  article that exceeds the limit alone fails with E007;
- a worker whose resident memory passes ``memory_mb`` is restarted: between chunks
  quietly, in the middle of a chunk like a timeout (the article fails with E008);
- a worker that dies (a crash in native code) is handled like a timeout (E008).

Workers start with the "spawn" context: spaCy and the BLAS libraries hold threads,
and forking a process with threads is unsafe.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from ..process import (
    DEFAULT_MAX_CHARS,
    Item,
    article_failure,
    too_long,
)
from ..records import Article, ArticleResult, Failure, Status
from .errors import EngineError

log = logging.getLogger(__name__)

TIMED_OUT = "E007"
WORKER_LOST = "E008"
DEFAULT_TIME_LIMIT = 120.0
DEFAULT_MEMORY_MB = 1500
DEFAULT_CHUNK_SIZE = 8
#: How often (seconds) the main process checks deadlines and workers' memory.
_POLL_SECONDS = 0.5

Result = ArticleResult | Failure
#: A picklable, module-level function run in each worker after its pipeline is built
#: (``setup(nlp)``): to add a component or a dictionary, and in tests.
WorkerSetup = Callable[[Any], None]


@dataclass(frozen=True)
class PoolOptions:
    """How the pool runs; ``None`` switches a limit off."""

    workers: int
    dictionaries: str | None = None
    prefilter: bool = True
    chunk_size: int = DEFAULT_CHUNK_SIZE
    time_limit: float | None = DEFAULT_TIME_LIMIT
    max_chars: int | None = DEFAULT_MAX_CHARS
    memory_mb: int | None = DEFAULT_MEMORY_MB
    setup: WorkerSetup | None = None


def default_workers() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process in MB (Linux /proc; 0.0 where unavailable)."""
    try:
        with open(f"/proc/{pid or 'self'}/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


# --- the worker process --------------------------------------------------------------


def _worker_main(conn: Connection, options: PoolOptions) -> None:
    """Build a pipeline, then process chunks until told to stop (None) or the pipe closes."""
    from ..nlp.pipeline import get_pipeline, get_prefilter
    from ..process import process

    nlp = get_pipeline(options.dictionaries)
    if options.prefilter:
        get_prefilter(nlp)
    if options.setup is not None:
        options.setup(nlp)
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        articles: list[Article] = message
        results = process(
            articles,
            nlp,
            batch_size=len(articles),
            prefilter=options.prefilter,
            max_chars=None,
        )
        for _item, result in results:
            conn.send(("result", result))
        conn.send(("done", rss_mb()))


# --- the main side ------------------------------------------------------------------


@dataclass
class _Chunk:
    seqs: list[int]
    articles: list[Article]


class _Worker:
    """One worker process, the chunk it works on and how far it got."""

    def __init__(self, context: Any, options: PoolOptions):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, options), daemon=True, name="eventwire-worker"
        )
        self.process.start()
        child.close()
        self.ready = False
        self.chunk: _Chunk | None = None
        self.returned = 0
        self.last_progress = time.monotonic()

    def send(self, chunk: _Chunk) -> None:
        self.chunk, self.returned = chunk, 0
        self.last_progress = time.monotonic()
        self.conn.send(chunk.articles)

    def stop(self, *, kill: bool = False) -> None:
        if not kill and self.process.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                kill = True
        if kill and self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class LocalPool:
    """A pool of worker processes that yields (item, result) in input order."""

    def __init__(self, options: PoolOptions):
        if options.workers < 1:
            raise ValueError("workers must be at least 1")
        self.options = options
        self._context = multiprocessing.get_context("spawn")
        self._workers = [_Worker(self._context, options) for _ in range(options.workers)]
        self._queue: deque[_Chunk] = deque()
        self._done: dict[int, tuple[Item, Result]] = {}
        self._items: dict[int, Item] = {}
        self.restarts = 0

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def wait_ready(self, timeout: float = 600.0) -> None:
        """Block until every worker has built its pipeline (to time work without start-up)."""
        deadline = time.monotonic() + timeout
        while not all(worker.ready for worker in self._workers):
            if time.monotonic() > deadline:
                raise EngineError(f"the workers did not start within {timeout:g} s")
            self._receive()

    def run(self, items: Iterable[Item]) -> Iterator[tuple[Item, Result]]:
        """Each item with its result or failure, in input order.

        The pool can run several streams one after the other; a stream left unfinished
        (the caller stopped reading) restarts the workers that were still busy with it.
        """
        finished = False
        try:
            yield from self._run(items)
            finished = True
        finally:
            if not finished:
                for worker in list(self._workers):
                    if worker.chunk is not None:
                        self._replace(worker, kill=True)
                self._queue.clear()
                self._done.clear()
                self._items.clear()

    def _run(self, items: Iterable[Item]) -> Iterator[tuple[Item, Result]]:
        source = iter(items)
        ahead = self.options.workers * self.options.chunk_size * 4
        next_out = 0
        seq = 0
        chunk = _Chunk([], [])
        exhausted = False
        while True:
            # Read ahead a bounded number of items, so memory stays flat on long streams.
            while not exhausted and seq - next_out < ahead:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                self._items[seq] = item
                if self._accept(seq, item, chunk) and len(chunk.seqs) >= self.options.chunk_size:
                    self._queue.append(chunk)
                    chunk = _Chunk([], [])
                seq += 1
            if exhausted and chunk.seqs:
                self._queue.append(chunk)
                chunk = _Chunk([], [])
            while next_out in self._done:
                yield self._done.pop(next_out)
                next_out += 1
            if exhausted and next_out >= seq:
                return
            self._dispatch()
            self._receive()

    def _accept(self, seq: int, item: Item, chunk: _Chunk) -> bool:
        """Settle an item at once (failures, skipped, too long) or add it to ``chunk``."""
        if isinstance(item, Failure):
            self._finish(seq, item)
        elif item.status != Status.OK:
            self._finish(seq, ArticleResult(article=item.info()))
        elif (failure := too_long(item, self.options.max_chars)) is not None:
            self._finish(seq, failure)
        else:
            chunk.seqs.append(seq)
            chunk.articles.append(item)
            return True
        return False

    def _finish(self, seq: int, result: Result) -> None:
        self._done[seq] = (self._items.pop(seq), result)

    def _dispatch(self) -> None:
        for worker in list(self._workers):
            if worker.ready and worker.chunk is None and self._queue:
                chunk = self._queue.popleft()
                try:
                    worker.send(chunk)
                except OSError:  # it died while idle: the chunk goes back, unharmed
                    worker.chunk = None
                    self._queue.appendleft(chunk)
                    self._replace(worker, kill=True)

    def _receive(self) -> None:
        """Handle what the workers sent, then enforce the time and memory limits."""
        conns = {worker.conn: worker for worker in self._workers}
        for conn in wait(list(conns), timeout=_POLL_SECONDS):
            worker = conns[conn]  # type: ignore[index]
            try:
                # A worker replaced while handling (memory restart) is not read again.
                while worker in self._workers and conn.poll():
                    self._handle(worker, conn.recv())
            except (EOFError, OSError):
                if worker not in self._workers:
                    continue
                worker.process.join(timeout=1)
                code = worker.process.exitcode
                if not worker.ready:
                    raise EngineError(
                        f"a worker process could not start (exit code {code}); when "
                        "calling eventwire with workers > 1 from a script, put the call "
                        "under `if __name__ == '__main__':`, or use workers=1"
                    ) from None
                self._lose(worker, f"worker process died (exit code {code})", WORKER_LOST)
        now = time.monotonic()
        limit = self.options.time_limit
        for worker in list(self._workers):
            if worker.chunk is None:
                continue
            if limit is not None and now - worker.last_progress > limit:
                self._lose(worker, f"timed out: no result within {limit:g} s", TIMED_OUT)
            elif self._over_memory(worker):
                self._lose(
                    worker,
                    f"worker memory passed {self.options.memory_mb} MB",
                    WORKER_LOST,
                )

    def _handle(self, worker: _Worker, message: tuple[str, Any]) -> None:
        kind, value = message
        if kind == "ready":
            worker.ready = True
            return
        chunk = worker.chunk
        if chunk is None:
            return
        if kind == "result":
            self._finish(chunk.seqs[worker.returned], value)
            worker.returned += 1
            worker.last_progress = time.monotonic()
        elif kind == "done":
            worker.chunk = None
            limit = self.options.memory_mb
            if limit is not None and value > limit:
                log.info("restarting a worker at %.0f MB (limit %d MB)", value, limit)
                self._replace(worker, kill=False)

    def _over_memory(self, worker: _Worker) -> bool:
        limit = self.options.memory_mb
        return limit is not None and rss_mb(worker.process.pid) > limit

    def _lose(self, worker: _Worker, reason: str, code: str) -> None:
        """Kill a worker; retry the rest of its chunk one by one, or fail a lone article."""
        chunk = worker.chunk
        self._replace(worker, kill=True)
        if chunk is None:
            return
        left = list(zip(chunk.seqs, chunk.articles, strict=True))[worker.returned :]
        if len(chunk.seqs) == 1 and left:
            seq, article = left[0]
            log.warning("article %s failed: %s", article.path, reason)
            self._finish(seq, article_failure(article, reason, code))
            return
        # Which article of the chunk was to blame is unknown: retry each alone, first.
        for seq, article in reversed(left):
            self._queue.appendleft(_Chunk([seq], [article]))

    def _replace(self, worker: _Worker, *, kill: bool) -> None:
        worker.stop(kill=kill)
        self._workers[self._workers.index(worker)] = _Worker(self._context, self.options)
        self.restarts += 1


def pool_process(items: Iterable[Item], options: PoolOptions) -> Iterator[tuple[Item, Result]]:
    """Each item with its result, in input order, computed by a pool of worker processes."""
    with LocalPool(options) as pool:
        yield from pool.run(items)
