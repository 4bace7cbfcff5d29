"""Readers while writing: the API keeps answering while an ingest writes, with no torn results.

Usage:
    python benchmarks/readers_writing.py                         # 30 s, 8 clients
    python benchmarks/readers_writing.py --seconds 10 --clients 4 --per-batch 5 --events 3

A uvicorn server (child process, analysis cache on) serves a database; a
writer (this file with ``--write``, another process) adds batches through
``Store.write_batch`` (the ingest's write path, without the NLP), each article
with ``--events`` events, with ``--pause`` seconds between batches as the NLP
would take; meanwhile the clients request the overview, event and article
pages and a SQL count. Every response is checked: events equal events per
article times articles (counted by separate queries of one response), the
article count is a whole number of batches and never smaller than the one the
same client saw before. Prints requests, errors, torn responses, p50/p95 per
endpoint, the writer's batches and how long it waited for its turn. Figures
are printed, not asserted (the test in tests/web asserts a short run).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_load import percentile, serve

from eventwire.records import (
    Actor,
    ActorSummary,
    Article,
    ArticleResult,
    Event,
    article_id,
)
from eventwire.store import Store

SIDES = (
    Actor(text="the harbour council", name="Harbour council", code="HRBGOV", country="HRB"),
    Actor(text="its neighbour", name="Neighbour town", code="NBRGOV", country="NBR"),
)
ENDPOINTS = {
    "overview": "/api/overview",
    "sql counts": (
        "/api/sql?sql=SELECT (SELECT count(*) FROM articles) AS articles,"
        " (SELECT count(*) FROM events) AS events"
    ),
    "events": "/api/events?limit=20",
    "articles": "/api/articles?limit=20",
}


def batch(start: int, size: int, events: int) -> list[tuple[Article, ArticleResult]]:
    """``size`` articles numbered from ``start``, each reporting ``events`` events."""
    out = []
    for n in range(start, start + size):
        day = date(2026, 1, 1) + timedelta(days=n % 300)
        sentences = [
            f"In report {n} the harbour council agreed with its neighbour on ferry line {k}."
            for k in range(events)
        ]
        text = " ".join(sentences)
        article = Article(
            id=article_id(text),
            text=text,
            title=f"Ferry agreement {n}",
            published=day.isoformat(),
            outlet="Bench Wire",
            path=f"bench/{n}.txt",
        )
        found = []
        offset = 0
        for k, sentence in enumerate(sentences):
            at = text.index("agreed", offset)
            found.append(
                Event(
                    id=f"{article.id}-e{k}",
                    sentence=sentence,
                    span=(at, at + 6),
                    text="agreed",
                    source=SIDES[0],
                    target=SIDES[1],
                    cameo="057",
                    cameo_root="05",
                    quad_class=1,
                    goldstein=8.0,
                    date=day.isoformat(),
                    date_precision="day",
                    confidence=0.9,
                    rule="bench",
                )
            )
            offset = at + 1
        actors = [ActorSummary(**a.model_dump(), mentions=events) for a in SIDES]
        out.append((article, ArticleResult(article=article.info(), events=found, actors=actors)))
    return out


def write(db: Path, batches: int, per_batch: int, events: int, pause: float) -> dict[str, Any]:
    """Write ``batches`` batches (from article ``per_batch`` on); the writer's figures."""
    waits: list[float] = []
    writes: list[float] = []
    with Store(db) as store:
        for b in range(1, batches + 1):
            time.sleep(pause)
            started = time.perf_counter()
            store.con  # noqa: B018 -- waits for the turn and opens the file, timed apart
            opened = time.perf_counter()
            store.write_batch(batch(b * per_batch, per_batch, events))
            waits.append(opened - started)
            writes.append(time.perf_counter() - opened)
    return {
        "batches": batches,
        "wait_p50_ms": percentile(waits, 50) * 1000,
        "wait_p95_ms": percentile(waits, 95) * 1000,
        "wait_max_ms": max(waits) * 1000,
        "write_p50_ms": percentile(writes, 50) * 1000,
    }


@dataclass
class Observed:
    """What the clients saw."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    torn: list[str] = field(default_factory=list)
    last_articles: int = 0

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())


def counts_of(name: str, body: dict[str, Any]) -> tuple[int, int] | None:
    """(articles, events) counted within one response, for the endpoints that report both."""
    if name == "overview":
        return body["counts"]["articles"], body["counts"]["events"]
    if name == "sql counts":
        articles, events = body["rows"][0]
        return articles, events
    return None


def check(
    name: str, body: dict[str, Any], per_batch: int, events: int, seen: int
) -> tuple[int, str | None]:
    """The article count of a response and, when it is torn or went back, why."""
    counted = counts_of(name, body)
    if counted is None:
        return seen, None
    articles, found = counted
    if found != events * articles:
        return seen, f"{name}: {articles} articles but {found} events"
    if articles % per_batch:
        return seen, f"{name}: {articles} articles is not a whole number of batches"
    if articles < seen:
        return seen, f"{name}: {articles} articles after {seen} were seen"
    return articles, None


def hammer(base: str, clients: int, stop: threading.Event, per_batch: int, events: int) -> Observed:
    """Clients cycling through ENDPOINTS until ``stop`` is set; every response checked."""
    seen = Observed(latencies={name: [] for name in ENDPOINTS})
    guard = threading.Lock()

    def client(offset: int) -> None:
        names = list(ENDPOINTS)
        last = 0
        with httpx.Client(base_url=base, timeout=60) as http:
            n = offset
            while not stop.is_set():
                name = names[n % len(names)]
                n += 1
                started = time.perf_counter()
                try:
                    response = http.get(ENDPOINTS[name])
                except httpx.HTTPError as err:
                    with guard:
                        seen.errors.append(f"{name}: {type(err).__name__}: {err}")
                    continue
                elapsed = time.perf_counter() - started
                problem = None
                if response.status_code != 200:
                    problem = f"{name}: HTTP {response.status_code} {response.text[:200]}"
                else:
                    last, torn = check(name, response.json(), per_batch, events, last)
                with guard:
                    seen.latencies[name].append(elapsed)
                    if problem:
                        seen.errors.append(problem)
                    elif torn:
                        seen.torn.append(torn)
                    seen.last_articles = max(seen.last_articles, last)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return seen


def run(
    folder: Path,
    *,
    clients: int,
    batches: int,
    per_batch: int,
    events: int,
    pause: float,
    seconds: float | None = None,
) -> tuple[Observed, dict[str, Any], dict[str, Any]]:
    """Serve, write and read at once; (what clients saw, writer figures, final overview)."""
    db = folder / "rw.duckdb"
    with Store(db) as store:
        store.write_batch(batch(0, per_batch, events))
    server = serve(db, cache=True)
    writer = None
    try:
        stop = threading.Event()
        observed: list[Observed] = []
        readers = threading.Thread(
            target=lambda: observed.append(hammer(server.base, clients, stop, per_batch, events))
        )
        readers.start()
        writer = subprocess.Popen(
            [sys.executable, __file__, "--write", str(db), "--batches", str(batches),
             "--per-batch", str(per_batch), "--events", str(events), "--pause", str(pause)],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        out, _ = writer.communicate(timeout=600)
        if seconds:
            time.sleep(max(0.0, seconds - (time.monotonic() - server.started)))
        time.sleep(0.5)  # readers see the last batch too
        stop.set()
        readers.join()
        if writer.returncode != 0:
            raise RuntimeError(f"the writer failed (exit {writer.returncode})")
        final = httpx.get(f"{server.base}/api/overview", timeout=60).json()
        return observed[0], json.loads(out.strip().splitlines()[-1]), final
    finally:
        if writer is not None and writer.poll() is None:
            writer.kill()
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0, help="at least this long")
    parser.add_argument("--batches", type=int, default=200)
    parser.add_argument("--per-batch", type=int, default=5)
    parser.add_argument("--events", type=int, default=3, help="events per article")
    parser.add_argument("--pause", type=float, default=0.1, help="seconds between batches")
    args = parser.parse_args()
    if args.write:
        figures = write(args.write, args.batches, args.per_batch, args.events, args.pause)
        print(json.dumps(figures))
        return
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        seen, writer, final = run(
            Path(folder),
            clients=args.clients,
            batches=args.batches,
            per_batch=args.per_batch,
            events=args.events,
            pause=args.pause,
            seconds=args.seconds,
        )
        took = time.perf_counter() - started
    expected = (args.batches + 1) * args.per_batch
    print(f"{took:.1f} s, {args.clients} clients, writer: {args.batches} batches")
    print(
        f"requests {seen.requests}, errors {len(seen.errors)}, torn {len(seen.torn)},"
        f" final articles {final['counts']['articles']} (expected {expected})"
    )
    for problem in (seen.errors + seen.torn)[:10]:
        print("  ", problem)
    print(f"{'endpoint':12} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8}")
    for name, values in seen.latencies.items():
        if values:
            print(
                f"{name:12} {len(values):9d} {percentile(values, 50) * 1000:8.1f}"
                f" {percentile(values, 95) * 1000:8.1f}"
            )
    print(
        "writer: wait for turn p50 {wait_p50_ms:.1f} ms, p95 {wait_p95_ms:.1f} ms, max"
        " {wait_max_ms:.1f} ms; write p50 {write_p50_ms:.1f} ms".format(**writer)
    )


if __name__ == "__main__":
    main()
