"""Readers while writing: one writer or many readers on a DuckDB file, taking turns.

DuckDB lets one process open a database file read-write, or many processes open
it read-only, never both: the second opener fails at once with "Could not set
lock on file". The ingest (``Store.write_batch``) and ``eventwire serve`` run in
different processes, so they take turns through two advisory lock files beside
the database (``fcntl.flock``, released by the kernel if a process dies):

* ``<db>.lock`` — the *turn*. A writer holds it exclusively while its DuckDB
  connection is open; a reading process holds it shared while its read-only
  connection is open. The file also holds the database's *generation*, a
  counter the writer bumps after every commit, so a reader knows when results
  it cached are stale.
* ``<db>.lock.queue`` — the *queue*. Whoever waits for the turn holds it: a
  writer exclusively, a reader shared. A queued writer therefore shuts out new
  readers (writer priority, so a busy dashboard cannot starve an ingest), and
  the holder of the turn sees the other side queue with a non-blocking probe.

The writer opens DuckDB only for one write (a batch's transaction, a run's
start or end) and closes it after the commit (open + close, checkpoint
included, costs tens of milliseconds, once per batch), so an ingest does its
NLP without the turn. A reading server keeps its connection, and DuckDB's
cache, between requests (a read-only open costs ~10 ms plus a cold cache);
each request holds a lease on it, so every query of one response sees one
state of the database (no torn results). When a writer queues, new requests
wait, running ones finish, the connection closes, the writer commits, and the
next request opens the database again. Every wait is bounded
(``LockTimeouts``) and ends in E021 ("busy, retry") instead of hanging.

Processes that open the file without these locks (an R session, the duckdb
CLI) are not coordinated; opening then retries DuckDB's own lock error until
the same deadline.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from ..errors import StoreError

T = TypeVar("T")

# Polling instead of a blocking flock keeps every wait bounded; the step grows so
# a long wait costs little CPU while a short one ends within a millisecond or two.
_FIRST_STEP = 0.001
_MAX_STEP = 0.02
_GENERATION = struct.Struct("<Q")


class StoreBusyError(StoreError):
    """The database stayed busy (another process reading or writing) past the wait limit."""

    code = "E021"


@dataclass(frozen=True)
class LockTimeouts:
    """How long a reader and a writer wait for their turn before E021 (seconds)."""

    reader: float = 30.0
    writer: float = 600.0


def lock_path(db_path: str | Path) -> Path:
    """The turn lock file of a database (``<db>.lock``)."""
    return Path(f"{db_path}.lock")


def _open_lock_file(path: Path) -> int | None:
    """A descriptor for ``path``, created if missing; None when the folder is read-only."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        try:
            # flock works on a read-only descriptor too; a read-only folder has no writer.
            return os.open(path, os.O_RDONLY)
        except OSError:
            return None


def _poll(attempt: Callable[[], bool], deadline: float) -> bool:
    """Call ``attempt`` until it returns True or the deadline passes."""
    step = _FIRST_STEP
    while True:
        if attempt():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(min(step, max(0.0, deadline - time.monotonic())))
        step = min(step * 2, _MAX_STEP)


def _try_flock(fd: int, mode: int) -> bool:
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


class TurnLock:
    """One holder's side of the turn: ``shared=True`` for a reader, False for the writer.

    Each holder needs its own ``TurnLock`` (flock locks belong to an open file,
    so two holders in one process must not share descriptors). Not thread-safe:
    its owner serialises calls.
    """

    def __init__(self, db_path: str | Path, *, shared: bool, timeout: float):
        self.path = lock_path(db_path)
        self.queue_path = Path(f"{self.path}.queue")
        self.shared = shared
        self.timeout = timeout
        self.held = False
        self._turn: int | None = None
        self._queue: int | None = None
        self._opened = False

    def _files(self) -> bool:
        """Open the lock files once; False when they cannot exist (read-only folder)."""
        if not self._opened:
            self._turn = _open_lock_file(self.path)
            self._queue = _open_lock_file(self.queue_path)
            self._opened = True
        return self._turn is not None and self._queue is not None

    def acquire(self, deadline: float | None = None) -> None:
        """Queue, wait for the turn, leave the queue; E021 when ``deadline`` passes first."""
        if self.held:
            return
        if deadline is None:
            deadline = time.monotonic() + self.timeout
        self._files()
        turn, queue = self._turn, self._queue
        if turn is None or queue is None:
            self.held = True
            return
        mode = fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX
        if not _poll(lambda: _try_flock(queue, mode), deadline):
            raise self._busy()
        try:
            if not _poll(lambda: _try_flock(turn, mode), deadline):
                raise self._busy()
        finally:
            fcntl.flock(queue, fcntl.LOCK_UN)
        self.held = True

    def release(self) -> None:
        if self.held and self._turn is not None:
            fcntl.flock(self._turn, fcntl.LOCK_UN)
        self.held = False

    def other_side_waiting(self) -> bool:
        """Whether a process of the other kind queues for the turn (a writer, for a reader)."""
        if self._queue is None:
            return False
        mode = fcntl.LOCK_EX if not self.shared else fcntl.LOCK_SH
        if _try_flock(self._queue, mode):
            fcntl.flock(self._queue, fcntl.LOCK_UN)
            return False
        return True

    def generation(self) -> int:
        """The database's generation (bumped by every commit of a locking writer)."""
        self._files()
        if self._turn is None:
            return 0
        data = os.pread(self._turn, _GENERATION.size, 0)
        return _GENERATION.unpack(data)[0] if len(data) == _GENERATION.size else 0

    def bump(self) -> int:
        """Count one more commit (writer only, while holding the turn)."""
        value = self.generation() + 1
        if self._turn is not None:
            # A read-only lock file: no reader can be told, but none can cache across writes
            # either, because a writer could not have created it read-only.
            with contextlib.suppress(OSError):
                os.pwrite(self._turn, _GENERATION.pack(value), 0)
        return value

    def close(self) -> None:
        self.release()
        for fd in (self._turn, self._queue):
            if fd is not None:
                os.close(fd)
        self._turn = self._queue = None
        self._opened = False

    def _busy(self) -> StoreBusyError:
        other = "an ingest is writing to it" if self.shared else "another process reads it"
        return StoreBusyError(
            f"the database stayed busy for {self.timeout:g} s ({other}); retry, or stop the"
            " other process",
            path=str(self.path)[: -len(".lock")],
        )


def connect_when_free(
    open_database: Callable[[], T], path: str, deadline: float, timeout: float
) -> T:
    """``open_database()``, retrying DuckDB's own lock error (an uncoordinated process) until
    ``deadline``; other errors pass through."""
    step = _FIRST_STEP
    while True:
        try:
            return open_database()
        except duckdb.IOException as err:
            if "lock" not in str(err).lower() or time.monotonic() >= deadline:
                if "lock" in str(err).lower():
                    raise StoreBusyError(
                        f"another program holds the database open and it stayed so for"
                        f" {timeout:g} s: {str(err).splitlines()[0][:200]}",
                        path=path,
                    ) from err
                raise
        time.sleep(step)
        step = min(step * 2, _MAX_STEP * 5)


def one_write(method: Callable[..., T]) -> Callable[..., T]:
    """Run a ``Store`` method that writes with the turn held, and give the turn up after.

    The store opens its connection (waiting for the turn) on first use; the
    outermost call closes it again, counting a commit when it succeeded, so
    readers get their turn between batches.
    """
    return _one_turn(method, writes=True)


def one_read(method: Callable[..., T]) -> Callable[..., T]:
    """``one_write`` for a writing store's reads (``known_article_ids`` before a batch's NLP):
    the turn is given up after it, without counting a commit."""
    return _one_turn(method, writes=False)


def _one_turn(method: Callable[..., T], *, writes: bool) -> Callable[..., T]:
    @functools.wraps(method)
    def turn(store: Any, *args: Any, **kwargs: Any) -> T:
        if store.read_only:  # a read-only store keeps its shared turn until closed
            return method(store, *args, **kwargs)
        outermost = store._write_depth == 0
        store._write_depth += 1
        committed = False
        try:
            result = method(store, *args, **kwargs)
            committed = writes
            return result
        finally:
            store._write_depth -= 1
            if outermost:
                store._release(committed)

    return turn
