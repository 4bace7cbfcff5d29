"""The server's read-only view of the store.

One DuckDB database instance is opened read-only with external access
disabled and the configuration locked, so no request (user SQL included) can
read or write files, attach databases, install or load extensions, or switch
those settings back on. DuckDB refuses a second instance of the same file with
a different configuration in one process, so the API and the SQL endpoint use
separate connections (cursors) on this one instance.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
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

    def __init__(self, path: str | Path, *, threads: int | None = None):
        self.path = str(path)
        if not Path(self.path).exists():
            raise StoreError(
                f"no database at {self.path}; run 'eventwire ingest' or 'eventwire demo'"
            )
        try:
            config = dict(LOCKED_CONFIG)
            if threads:
                # Under many concurrent requests, one thread per query avoids oversubscription.
                config["threads"] = threads
            self._con = duckdb.connect(self.path, read_only=True, config=config)
        except duckdb.Error as err:
            raise StoreError(
                f"cannot open the database read-only: {err} (is an ingest still writing to it?)",
                path=self.path,
            ) from err
        self._local = threading.local()
        self.tables = {
            r[0]
            for r in self._con.execute(
                "SELECT table_name FROM information_schema.tables"
            ).fetchall()
        }
        self.event_columns = {
            r[0]
            for r in self._con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
            ).fetchall()
        }
        # A stored ``events.day`` (the day an event counts on) lets listings sort
        # and filter the events table alone; without it the day is computed from
        # the event's date and its article's, which needs a join on every row.
        self.event_day = "e.day" if "day" in self.event_columns else EVENT_DAY
        self.clusters = self.has_rows("event_clusters")

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """This thread's connection (DuckDB connections must not be shared across threads)."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self._con.cursor()
        return cursor

    def new_connection(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own, for user SQL: interrupting it harms no other request."""
        return self._con.cursor()

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
        self._con.close()
