"""Store write speed: row-by-row ``executemany`` against one Arrow insert per table.

Usage: python benchmarks/store_write.py [--articles 2000] [--per-article 5] [--batch-size 32]

Generates N synthetic ArticleResults (no NLP: records built from a few actors
and words) with ``--per-article`` events, quotes, times, places and actors each,
and in one run times, on fresh database files:

* rows: inserting the same collected rows of the article tables, once with
  ``executemany`` (the old path) and once with ``stories.sql.insert_rows`` (Arrow);
* write_batch: the whole ``Store.write_batch`` in batches (articles, stories,
  consolidation), once with the old inserts patched back in (``executemany`` for
  the article tables, list-unnest statements for the story tables) and once as is.

Prints seconds, articles/s and the old/new ratio of each.
"""

from __future__ import annotations

import argparse
import importlib
import random
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest import mock

import duckdb

from eventwire.records import (
    Actor,
    ActorSummary,
    Article,
    ArticleResult,
    Event,
    Place,
    Quote,
    TimeExpr,
    article_id,
)
from eventwire.store import TABLES, Store
from eventwire.stories import assign
from eventwire.stories.sql import insert_rows

_CONSOLIDATE = importlib.import_module("eventwire.stories.consolidate")

ACTORS = [
    Actor(text="Japan", name="Japan", code="JPN", country="JPN"),
    Actor(text="Vietnam", name="Vietnam", code="VNM", country="VNM"),
    Actor(text="the Indian navy", name="India", code="INDMIL", country="IND", sectors=["MIL"]),
    Actor(text="Kenyan police", name="Kenya", code="KENCOP", country="KEN", sectors=["COP"]),
    Actor(text="the Thai cabinet", name="Thailand", code="THAGOV", country="THA", sectors=["GOV"]),
]
PLACES = [
    Place(text="Hanoi", name="Hanoi", country="VNM", lat=21.03, lon=105.85, precision="city"),
    Place(text="Nairobi", name="Nairobi", country="KEN", lat=-1.29, lon=36.82, precision="city"),
    Place(text="Asia", name="Asia", precision="continent"),
]
WORDS = [
    "talks",
    "trade",
    "navy",
    "border",
    "aid",
    "visit",
    "treaty",
    "fishing",
    "port",
    "loan",
    "vote",
    "envoy",
    "summit",
]
CAMEO = [("040", "04", 1, 1.0), ("111", "11", 3, -2.0), ("036", "03", 1, 4.0)]


def synthetic_results(
    count: int, per_article: int = 5, seed: int = 1
) -> list[tuple[Article, ArticleResult]]:
    """``count`` articles with ``per_article`` events, quotes, times, places and actors each."""
    rng = random.Random(seed)
    results = []
    for n in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(60))
        text = f"Report {n}. {words}."
        day = f"2026-03-{1 + n % 28:02d}"
        article = Article(
            id=article_id(text),
            text=text,
            path=f"synthetic/{n}.txt",
            published=day,
            outlet=rng.choice(["Harbour Post", "Coastal Wire", None]),
            title=f"Report {n}",
        )
        events, quotes, times, places, actors = [], [], [], [], []
        for k in range(per_article):
            source, target = rng.sample(ACTORS, 2)
            cameo, root, quad, goldstein = rng.choice(CAMEO)
            span = (k * 10, k * 10 + 5)
            events.append(
                Event(
                    id=f"{article.id}-e{k}",
                    sentence=text[:80],
                    span=span,
                    text="met",
                    source=source,
                    target=target if k % 3 else None,
                    cameo=cameo,
                    cameo_root=root,
                    quad_class=quad,
                    goldstein=goldstein,
                    date=day if k % 2 else None,
                    date_precision="day" if k % 2 else "article",
                    location=rng.choice(PLACES) if k % 2 else None,
                    negated=k == 4,
                    confidence=0.8,
                    rule="synthetic",
                )
            )
            quotes.append(
                Quote(
                    id=f"{article.id}-q{k}",
                    sentence=text[:80],
                    span=span,
                    text=words[:40],
                    kind="direct" if k % 2 else "indirect",
                    speaker=source if k % 2 else None,
                    cue="said",
                )
            )
            times.append(TimeExpr(text="Monday", span=span, value=day, precision="day"))
            places.append(PLACES[k % len(PLACES)])
            actors.append(ActorSummary(**ACTORS[k % len(ACTORS)].model_dump(), mentions=k + 1))
        result = ArticleResult(
            article=article.info(),
            events=events,
            quotes=quotes,
            times=times,
            places=places,
            actors=actors,
        )
        results.append((article, result))
    return results


def executemany_insert(
    con: duckdb.DuckDBPyConnection, table: Any, rows: Sequence[tuple[Any, ...]], verb: str
) -> None:
    """The store's old insert: one ``executemany`` statement per row."""
    name = table if isinstance(table, str) else table.name
    marks = ", ".join("?" for _ in TABLES[name].columns)
    con.executemany(f"{verb} INTO {name} VALUES ({marks})", rows)


def unnest_insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: Sequence[tuple[Any, ...]],
    verb: str = "INSERT",
) -> None:
    """The story tables' old insert: one statement unnesting a list parameter per column."""
    if not rows:
        return
    columns = [list(column) for column in zip(*rows, strict=True)]
    selects = ", ".join(f"unnest(${n + 1})" for n in range(len(columns)))
    con.execute(f"{verb} INTO {table} SELECT {selects}", columns)


@contextmanager
def old_inserts() -> Iterator[None]:
    """Patch the old insert paths into the store and the story tables."""
    with (
        mock.patch("eventwire.store.db.insert_rows", executemany_insert),
        mock.patch.object(assign, "insert_rows", unnest_insert),
        # The package exports a function named ``consolidate``; patch the module's name.
        mock.patch.object(_CONSOLIDATE, "insert_rows", unnest_insert),
    ):
        yield


def collected_rows(
    results: Sequence[tuple[Article, ArticleResult]], db: Path
) -> dict[str, list[tuple[Any, ...]]]:
    """The article-table rows ``write_batch`` would insert for ``results``."""
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    with Store(db) as store:
        now = datetime.now(UTC)
        for article, result in results:
            store._collect_article_rows(rows, article, result, None, now)
    return {name: table_rows for name, table_rows in rows.items() if table_rows}


def time_rows(
    rows: dict[str, list[tuple[Any, ...]]], db: Path, insert: Callable[..., None]
) -> float:
    """Seconds to insert ``rows`` into a fresh store in one transaction with ``insert``."""
    with Store(db) as store:
        started = time.perf_counter()
        store.con.execute("BEGIN TRANSACTION")
        for name, table_rows in rows.items():
            insert(store.con, TABLES[name], table_rows, "INSERT OR IGNORE")
        store.con.execute("COMMIT")
        return time.perf_counter() - started


def time_write_batches(
    results: Sequence[tuple[Article, ArticleResult]], db: Path, batch_size: int
) -> float:
    """Seconds for ``Store.write_batch`` over ``results`` in batches, on a fresh store."""
    with Store(db) as store:
        started = time.perf_counter()
        for start in range(0, len(results), batch_size):
            store.write_batch(results[start : start + batch_size])
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--per-article", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)
    results = synthetic_results(args.articles, args.per_article)
    with tempfile.TemporaryDirectory(prefix="ew-store-") as tmp:
        folder = Path(tmp)
        rows = collected_rows(results, folder / "collect.duckdb")
        total = sum(len(r) for r in rows.values())
        print(f"{args.articles} articles, {total} rows in {len(rows)} article tables")
        # Warm-up: the first Arrow conversion and the first statements pay one-off costs.
        few = {name: table_rows[:5] for name, table_rows in rows.items()}
        time_rows(few, folder / "warm_old.duckdb", executemany_insert)
        time_rows(few, folder / "warm_new.duckdb", insert_rows)
        timings = {
            "rows": (
                time_rows(rows, folder / "rows_old.duckdb", executemany_insert),
                time_rows(rows, folder / "rows_new.duckdb", insert_rows),
            ),
        }
        with old_inserts():
            old = time_write_batches(results, folder / "batch_old.duckdb", args.batch_size)
        new = time_write_batches(results, folder / "batch_new.duckdb", args.batch_size)
        timings[f"write_batch (batches of {args.batch_size})"] = (old, new)
    for name, (old, new) in timings.items():
        print(
            f"{name}: executemany {old:.2f} s ({args.articles / old:.0f} articles/s), "
            f"arrow {new:.2f} s ({args.articles / new:.0f} articles/s), "
            f"ratio old/new {old / new:.1f}x"
        )


if __name__ == "__main__":
    main()
