"""One DuckDB file holds everything: articles, their events, quotes, times, places, actors.

Writes happen in one transaction per batch; an article already stored (same id,
i.e. same normalised text) is left as it is, so ingesting the same input twice
changes nothing. In the same transaction, new articles get their story and the
consolidated events of the stories they touch are rebuilt (``eventwire.stories``).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from ..about import __version__
from ..errors import StoreError
from ..ingest.dates import published_date
from ..records import Article, ArticleResult, Failure, failure_id
from ..stories import StoryConfig, StoryKeeper, consolidate
from ..stories.sql import insert_rows
from .locking import LockTimeouts, TurnLock, connect_when_free, one_read, one_write
from .schema import SCHEMA_VERSION, TABLES, Table

CHILD_TABLES = ("events", "quotes", "times", "places", "actors")


@dataclass
class BatchCounts:
    """What one batch write did."""

    articles_new: int = 0
    articles_existing: int = 0
    articles_skipped: int = 0
    failures: int = 0

    def add(self, other: BatchCounts) -> None:
        self.articles_new += other.articles_new
        self.articles_existing += other.articles_existing
        self.articles_skipped += other.articles_skipped
        self.failures += other.failures


def flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A record's JSON dict flattened the way ``store.schema`` names columns."""
    flat: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, prefix=f"{name}_"))
        elif key == "span" and isinstance(value, list | tuple) and len(value) == 2:
            flat[f"{name}_start"], flat[f"{name}_end"] = value
        else:
            flat[name] = value
    return flat


def _row(table: Table, values: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(values.get(name) for name in table.column_names)


def _event_day(event: Any, published: date | None) -> date | None:
    """The event's own day when its date is day-precise, else the publication day."""
    if event.date_precision == "day" and event.date:
        try:
            return date.fromisoformat(event.date[:10])
        except ValueError:
            return published
    return published


class Store:
    """The eventwire database: open (creating and migrating it), write batches, query."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        stories: StoryConfig | None = None,
        timeouts: LockTimeouts | None = None,
    ):
        self.path = str(path)
        self.read_only = read_only
        self.stories = StoryKeeper(stories)
        # Readers and the writer take turns on the file (see ``store/locking.py``): a
        # read-only store holds its turn until closed; a writing one only during a write.
        timeouts = timeouts or LockTimeouts()
        self._turn = TurnLock(
            self.path,
            shared=read_only,
            timeout=timeouts.reader if read_only else timeouts.writer,
        )
        self._con: duckdb.DuckDBPyConnection | None = None
        self._generation: int | None = None
        self._write_depth = 0
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}; run 'eventwire ingest' first")
        if read_only:
            self._open()
        else:
            self._migrate_once()

    # -- set-up ---------------------------------------------------------------

    def _migrate(self) -> None:
        """Create missing tables and columns; refuse a database from a newer version."""
        con = self.con
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_info (version INTEGER, package VARCHAR, "
            "migrated_at TIMESTAMPTZ)"
        )
        row = con.execute("SELECT max(version) FROM schema_info").fetchone()
        current = row[0] if row and row[0] is not None else 0
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"database schema version {current} is newer than this eventwire's "
                f"({SCHEMA_VERSION}); upgrade eventwire",
                path=self.path,
            )
        for table in TABLES.values():
            con.execute(table.ddl())
            have = {
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                    [table.name],
                ).fetchall()
            }
            for column in table.columns:
                if column.name not in have:
                    con.execute(
                        f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {column.type}'
                    )
        if current < SCHEMA_VERSION:
            con.execute(
                "INSERT INTO schema_info VALUES (?, ?, ?)",
                [SCHEMA_VERSION, __version__, datetime.now(UTC)],
            )

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection; a writing store opens it again (waiting for its turn) after a write."""
        if self._con is None:
            self._open()
        assert self._con is not None  # _open raised otherwise
        return self._con

    def _open(self) -> None:
        deadline = time.monotonic() + self._turn.timeout
        self._turn.acquire(deadline)
        try:
            self._con = connect_when_free(
                lambda: duckdb.connect(self.path, read_only=self.read_only),
                self.path,
                deadline,
                self._turn.timeout,
            )
        except BaseException as err:
            self._turn.release()
            if isinstance(err, duckdb.Error):
                raise StoreError(f"cannot open database: {err}", path=self.path) from err
            raise
        generation = self._turn.generation()
        if self._generation is not None and generation != self._generation:
            # Another writer committed since this one last wrote: its story index is stale.
            self.stories.reset()
        self._generation = generation

    @one_read
    def _migrate_once(self) -> None:
        columns = "SELECT count(*) FROM information_schema.columns"
        con = self.con
        try:
            before = con.execute(columns).fetchone()
            # one transaction: a kill in the middle must not leave half a schema behind
            con.execute("BEGIN TRANSACTION")
            try:
                self._migrate()
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            changed = before != con.execute(columns).fetchone()
        except duckdb.Error as err:
            raise StoreError(f"cannot open database: {err}", path=self.path) from err
        if changed:
            # Only a new table or column is news to readers; every ingest opens the store.
            self._generation = self._turn.bump()

    def _release(self, committed: bool) -> None:
        """After a write: count the commit, close the connection, give up the turn."""
        if self._con is None:
            return
        if committed and not self.read_only:
            self._generation = self._turn.bump()
        self._con.close()
        self._con = None
        self._turn.release()

    def close(self) -> None:
        self._release(committed=False)
        self._turn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs -----------------------------------------------------------------

    @one_write
    def start_run(self, command: str, inputs: Sequence[str]) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs (id, command, inputs, started_at, version) VALUES (?, ?, ?, ?, ?)",
            [run_id, command, list(inputs), datetime.now(UTC), __version__],
        )
        return run_id

    @one_write
    def finish_run(self, run_id: str, read: int, counts: BatchCounts) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, articles_read = ?, articles_new = ?, "
            "articles_skipped = ?, failures = ? WHERE id = ?",
            [
                datetime.now(UTC),
                read,
                counts.articles_new,
                counts.articles_skipped,
                counts.failures,
                run_id,
            ],
        )

    # -- writing --------------------------------------------------------------

    @one_read
    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids])
        return {r[0] for r in rows.fetchall()}

    @one_write
    def write_batch(
        self,
        results: Sequence[tuple[Article, ArticleResult]],
        failures: Sequence[Failure] = (),
        *,
        run_id: str | None = None,
    ) -> BatchCounts:
        """Store new articles with everything extracted from them, and failures, atomically."""
        counts = BatchCounts()
        known = self.known_article_ids(a.id for a, _ in results)
        now = datetime.now(UTC)
        rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
        new_articles: list[Article] = []
        for article, result in results:
            if article.id in known:
                counts.articles_existing += 1
                continue
            known.add(article.id)
            counts.articles_new += 1
            counts.articles_skipped += article.status != "ok"
            new_articles.append(article)
            self._collect_article_rows(rows, article, result, run_id, now)
        for failure in failures:
            counts.failures += 1
            values = {
                **failure.model_dump(mode="json"),
                "id": failure_id(failure.path, failure.record),
                "run_id": run_id,
                "at": now,
            }
            rows["failures"].append(_row(TABLES["failures"], values))
        self._insert(rows, new_articles)
        return counts

    def _collect_article_rows(
        self,
        rows: dict[str, list[tuple[Any, ...]]],
        article: Article,
        result: ArticleResult,
        run_id: str | None,
        now: datetime,
    ) -> None:
        values = {
            **article.model_dump(mode="json"),
            "published_date": published_date(article.published),
            "run_id": run_id,
            "ingested_at": now,
        }
        rows["articles"].append(_row(TABLES["articles"], values))
        children: dict[str, list[Any]] = {
            "events": result.events,
            "quotes": result.quotes,
            "times": result.times,
            "places": result.places,
            "actors": result.actors,
        }
        for table_name, records in children.items():
            table = TABLES[table_name]
            for n, record in enumerate(records):
                flat = flatten(record.model_dump(mode="json"))
                flat["article_id"] = article.id
                if table_name in ("times", "places"):
                    flat["id"] = f"{article.id}-{table_name[0]}{n}"
                if table_name == "events":
                    flat["day"] = _event_day(record, values["published_date"])
                rows[table_name].append(_row(table, flat))

    def _insert(self, rows: dict[str, list[tuple[Any, ...]]], articles: Sequence[Article]) -> None:
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            for name, table_rows in rows.items():
                if not table_rows:
                    continue
                # One Arrow-backed statement per table: executemany costs ~2 ms a row.
                verb = "INSERT OR REPLACE" if name == "failures" else "INSERT OR IGNORE"
                insert_rows(con, TABLES[name], table_rows, verb)
            update = self.stories.update(con, articles)
            consolidate(con, update.stories, self.stories.config.event_window_days)
            con.execute("COMMIT")
        except Exception as err:
            con.execute("ROLLBACK")
            # The in-memory index may hold articles that were just rolled back.
            self.stories.reset()
            if isinstance(err, duckdb.Error):
                raise StoreError(f"could not write batch: {err}", path=self.path) from err
            raise

    # -- reading --------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a query as dicts (column name → value)."""
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        """Number of rows of every table."""
        return {
            name: self.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in TABLES
        }
