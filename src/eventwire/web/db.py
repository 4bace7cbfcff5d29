"""The server's read-only view of the store.

One DuckDB database instance is opened read-only with external access
disabled and the configuration locked, so no request (user SQL included) can
read or write files, attach databases, install or load extensions, or switch
those settings back on. DuckDB refuses a second instance of the same file with
a different configuration in one process, so the API and the SQL endpoint use
separate connections (cursors) on this one instance.

Readers while writing (``store/locking.py``): the instance is opened under a
shared turn on the file and kept between requests; every request holds a lease
(``reading()``), so all its queries see one state of the database. A watcher
thread notices a queued writer; then new leases wait, running ones finish, the
instance closes and the writer commits; the next lease opens it again, and if
the writer's generation changed, the server's caches are dropped.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..store.locking import LockTimeouts, StoreBusyError, TurnLock, connect_when_free
from .filters import EVENT_DAY

LOCKED_CONFIG: dict[str, Any] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}


class ReadOnlyDatabase:
    """A read-only, locked DuckDB instance with one cursor per server thread."""

    def __init__(
        self,
        path: str | Path,
        *,
        threads: int | None = None,
        timeouts: LockTimeouts | None = None,
        watch_every: float = 0.01,
    ):
        self.path = str(path)
        if not Path(self.path).exists():
            raise StoreError(
                f"no database at {self.path}; run 'eventwire ingest' or 'eventwire demo'"
            )
        self._config = dict(LOCKED_CONFIG)
        if threads:
            # Under many concurrent requests, one thread per query avoids oversubscription.
            self._config["threads"] = threads
        self._turn = TurnLock(self.path, shared=True, timeout=(timeouts or LockTimeouts()).reader)
        self._state = threading.Condition()
        self._instance: duckdb.DuckDBPyConnection | None = None
        self._cursors: weakref.WeakSet[duckdb.DuckDBPyConnection] = weakref.WeakSet()
        self._epoch = 0  # bumped at every open, so threads drop cursors of a closed instance
        self._leases = 0
        self._yielding = False  # a writer queued: no new leases until the instance is closed
        self._generation: int | None = None
        self._local = threading.local()
        self._listeners: list[Callable[[], None]] = []
        self._derived: dict[str, Any] = {}
        self._derived_locks: dict[str, threading.Lock] = {}
        self._derived_guard = threading.Lock()
        self.tables: set[str] = set()
        self.event_columns: set[str] = set()
        self.event_day = EVENT_DAY
        self.clusters = False
        self.reopens = 0
        with self.reading():
            pass
        self._stop = threading.Event()
        self._watcher = threading.Thread(
            target=self._watch, args=(watch_every,), name="eventwire-db-watch", daemon=True
        )
        self._watcher.start()

    # -- turns with a writer ------------------------------------------------------

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` when the database was written since it was last open."""
        self._listeners.append(listener)

    @contextmanager
    def reading(self) -> Iterator[ReadOnlyDatabase]:
        """A lease: while it is held no writer commits, so every query sees one state."""
        self.enter()
        try:
            yield self
        finally:
            self.leave()

    def try_enter(self) -> bool:
        """Take a lease without waiting, when the database is open and no writer queues."""
        if not self._state.acquire(blocking=False):
            return False
        try:
            if self._instance is None or self._yielding:
                return False
            self._leases += 1
            return True
        finally:
            self._state.release()

    def enter(self) -> None:
        """Take a lease, waiting (bounded) for a writer's batch; pair with ``leave``."""
        deadline = time.monotonic() + self._turn.timeout
        with self._state:
            while self._yielding:
                if not self._state.wait(timeout=max(0.0, deadline - time.monotonic())):
                    raise StoreBusyError(
                        f"the database stayed busy for {self._turn.timeout:g} s (an ingest is"
                        " writing to it); retry",
                        path=self.path,
                    )
            if self._instance is None:
                self._open(deadline)
            self._leases += 1

    def leave(self) -> None:
        """End a lease; the last one out closes the instance when a writer queues."""
        with self._state:
            self._leases -= 1
            if self._leases == 0 and self._yielding:
                self._close_instance()

    def _open(self, deadline: float) -> None:
        self._turn.acquire(deadline)
        try:
            self._instance = connect_when_free(
                lambda: duckdb.connect(self.path, read_only=True, config=self._config),
                self.path,
                deadline,
                self._turn.timeout,
            )
        except duckdb.Error as err:
            self._turn.release()
            raise StoreError(f"cannot open the database read-only: {err}", path=self.path) from err
        except BaseException:
            self._turn.release()
            raise
        self._epoch += 1
        self.reopens += 1
        generation = self._turn.generation()
        if generation != self._generation:
            first = self._generation is None
            self._generation = generation
            self._derived.clear()
            self._describe()
            if not first:
                for listener in self._listeners:
                    listener()

    def _close_instance(self) -> None:
        """Close the instance and give the turn to the queued writer (no lease is held)."""
        for cursor in list(self._cursors):
            cursor.close()
        if self._instance is not None:
            self._instance.close()
        self._instance = None
        self._turn.release()
        self._yielding = False
        self._state.notify_all()

    def _watch(self, every: float) -> None:
        while not self._stop.wait(every):
            with self._state:
                if self._instance is None or self._yielding:
                    continue
                if self._turn.other_side_waiting():
                    self._yielding = True
                    if self._leases == 0:
                        self._close_instance()

    def _describe(self) -> None:
        """What the open database has (tables, columns): read again after every write."""
        con = self._instance
        assert con is not None  # called right after opening
        self.tables = {
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        self.event_columns = {
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
            ).fetchall()
        }
        # A stored ``events.day`` (the day an event counts on) lets listings sort
        # and filter the events table alone; without it the day is computed from
        # the event's date and its article's, which needs a join on every row.
        self.event_day = "e.day" if "day" in self.event_columns else EVENT_DAY
        self.clusters = "event_clusters" in self.tables and bool(
            con.execute(
                "SELECT count(*) > 0 FROM (SELECT 1 FROM event_clusters LIMIT 1)"
            ).fetchone()[0]
        )

    def derived(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per state of the database (call it under a lease).

        For indexes the web layer builds over the data (``dyaddays.py``,
        ``articleindex.py``, ``actorroles.py``): kept
        until a writer changes the database, whether or not responses are
        cached. Concurrent first calls wait for one computation.
        """
        if key in self._derived:
            return self._derived[key]
        with self._derived_guard:
            lock = self._derived_locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._derived:
                self._derived[key] = compute()
            return self._derived[key]

    # -- queries ------------------------------------------------------------------

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """This thread's connection (DuckDB connections must not be shared across threads)."""
        local = self._local
        if getattr(local, "epoch", None) != self._epoch:
            local.cursor = self.new_connection()
            local.epoch = self._epoch
        return local.cursor

    def new_connection(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own, for user SQL: interrupting it harms no other request."""
        instance = self._instance
        if instance is None:
            raise StoreError(
                "the database is closed for a writer; read inside 'with db.reading():'",
                path=self.path,
            )
        cursor = instance.cursor()
        self._cursors.add(cursor)
        return cursor

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a query as dicts; every value in ``params`` is bound, never pasted into SQL."""
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def one(self, sql: str, params: list[Any] | None = None) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def has_rows(self, table: str) -> bool:
        if table not in self.tables:
            return False
        return bool(
            self.con.execute(
                f"SELECT count(*) > 0 FROM (SELECT 1 FROM {table} LIMIT 1)"
            ).fetchone()[0]
        )

    def close(self) -> None:
        self._stop.set()
        self._watcher.join(timeout=5)
        with self._state:
            self._close_instance()
        self._turn.close()
