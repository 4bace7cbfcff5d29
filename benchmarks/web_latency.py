"""Latency of the web API on a generated database of one million events.

Usage:
    python benchmarks/web_latency.py                 # 1,000,000 events, 1 and 20 clients
    python benchmarks/web_latency.py --events 200000 --requests 100 --db /tmp/web.duckdb

The database is generated with DuckDB SQL (no NLP): articles (5 events each),
events between 40 actors over two years with places for a third of them,
quotes, actor mentions, and consolidated events (one cluster per event report,
as when every report is a separate event). Rows are stored in publication order,
as an ingest of a news feed writes them. Unless ``--no-day-column``, the
events get the ``day`` column the store is asked to keep (the day an event
counts on, see eventwire/web/eventviews.py). A real uvicorn server runs in a
child process on a free loopback port, started as ``eventwire serve`` starts
it (``--workers`` processes, ``--threads`` DuckDB threads per query) but with
the analysis cache switched off, so every request is computed; httpx clients
measure the median and 95th percentile latency of each endpoint with one
client, then with 20 clients at once, and the server's CPU time per request
(all its processes) during the one-client run (from /proc on Linux; under 20
clients on a 2-core machine latency is about 20 x that CPU / 2, so it is the
figure to lower). The load average is printed before and after: on a shared
machine compare CPU per request, not latency. Figures are printed, not
asserted.
"""

from __future__ import annotations

import argparse
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import httpx

from eventwire.store import Store
from eventwire.web.filters import EVENT_DAY

COUNTRIES = ["CHN", "TWN", "JPN", "USA", "PHL", "KOR", "PRK", "RUS", "IND", "VNM"]
SECTORS = ["GOV", "MIL", "LEG", ""]

ENDPOINTS = {
    "events (no filter)": "/api/events?limit=50",
    "events actor=CHN": "/api/events?actor=CHN&limit=50",
    "events dyad+dates": (
        "/api/events?source=CHN&target=TWN&since=2025-03-01&until=2025-03-31&limit=50"
    ),
    "events code+quad": "/api/events?code=19&quad_class=4&limit=50",
    "events q=text": "/api/events?q=harbour&limit=50",
    "dyad timeline week": "/api/dyads/timeline?source=CHN&target=TWN&by=week",
    "dyad timeline month": "/api/dyads/timeline?source=USA&target=CHN&by=month",
    "actor CHNGOV": "/api/actors/CHNGOV",
    "quotes actor=JPN": "/api/quotes?actor=JPN&limit=50",
    "places": "/api/places",
    "articles q=text": "/api/articles?q=harbour&limit=50",
}
# Whole-database aggregates: computed once per server and then cached; timed cold, once.
COLD = {
    "overview (cold)": "/api/overview",
    "network (cold)": "/api/network",
    "alerts (cold)": "/api/alerts",
}


def generate(path: Path, events: int, day_column: bool = True) -> None:
    """A database of ``events`` event reports (5 per article) written with SQL."""
    Store(path).close()  # creates the schema
    con = duckdb.connect(str(path))
    con.execute("SET enable_progress_bar = false")
    articles = max(1, events // 5)
    actors = [c + s for c in COUNTRIES for s in SECTORS]
    con.execute(
        "CREATE TEMP TABLE codes AS SELECT unnest(?) AS code, generate_subscripts(?, 1) - 1 AS n",
        [actors, actors],
    )
    con.execute(
        f"""
        INSERT INTO articles (id, url, title, published, outlet, language, path, status, text,
                              published_date, story_id)
        SELECT printf('a%08d', i), printf('https://news.example/%d', i),
               printf('Report %d on the harbour talks', i),
               strftime(DATE '2024-01-01' + CAST(i * 730 // {articles} AS INTEGER), '%Y-%m-%d'),
               printf('Outlet %d', i % 50), 'en', printf('%d.txt', i), 'ok',
               printf('Officials met near the harbour %d times. Talks would go on.', i),
               DATE '2024-01-01' + CAST(i * 730 // {articles} AS INTEGER), printf('s%08d', i)
        FROM range({articles}) t(i)
        """
    )
    con.execute(
        f"""
        INSERT INTO events (article_id, id, sentence, span_start, span_end, text,
            source_text, source_name, source_code, source_country, source_sectors,
            target_text, target_name, target_code, target_country, target_sectors,
            cameo, cameo_root, quad_class, goldstein, date, date_precision,
            location_name, location_country, location_lat, location_lon,
            negated, modality, confidence, rule)
        SELECT printf('a%08d', i // 5), printf('a%08d-e%d', i // 5, i % 5),
               CASE WHEN i % 97 = 0 THEN 'Ships sailed into the harbour at dawn.'
                    ELSE printf('The ministry said the talks number %d went well.', i) END,
               0, 4, 'said', s.code, s.code, s.code, left(s.code, 3), [],
               t.code, t.code, t.code, left(t.code, 3), [],
               c.cameo, left(c.cameo, 2), c.quad, c.gold,
               strftime(DATE '2024-01-01' + CAST((i // 5) * 730 // {articles} AS INTEGER),
                        '%Y-%m-%d'), 'day',
               CASE WHEN i % 3 = 0 THEN printf('Place %d', i % 200) END,
               CASE WHEN i % 3 = 0 THEN left(s.code, 3) END,
               CASE WHEN i % 3 = 0 THEN -40 + (i % 200) * 0.4 END,
               CASE WHEN i % 3 = 0 THEN 100 + (i % 97) * 0.5 END,
               false, 'asserted', 0.8, 'bench'
        FROM range({events}) r(i)
        JOIN codes s ON s.n = (i * 7) % {len(actors)}
        JOIN codes t ON t.n = (i * 13 + 5) % {len(actors)}
        JOIN (VALUES (0, '042', 1, 1.9), (1, '036', 1, 4.0), (2, '057', 2, 8.0),
                     (3, '112', 3, -2.0), (4, '130', 3, -4.4), (5, '190', 4, -10.0),
                     (6, '173', 4, -5.0)) c(k, cameo, quad, gold) ON c.k = i % 7
        WHERE s.code <> t.code
        """
    )
    con.execute(
        f"""
        INSERT INTO quotes (article_id, id, sentence, span_start, span_end, text, kind,
            speaker_text, speaker_name, speaker_code, speaker_country, speaker_sectors, cue)
        SELECT printf('a%08d', i), printf('a%08d-q0', i), 'The minister said talks would go on.',
               0, 10, 'talks would go on', 'indirect', c.code, c.code, c.code, left(c.code, 3),
               [], 'said'
        FROM range({articles}) r(i) JOIN codes c ON c.n = i % {len(actors)}
        """
    )
    con.execute(
        "INSERT INTO actors SELECT DISTINCT article_id, source_text, source_name, source_code,"
        " source_country, [], NULL, 1 FROM events ON CONFLICT DO NOTHING"
    )
    con.execute(
        "INSERT INTO stories SELECT story_id, title, published, published, 1, 1 FROM articles"
    )
    # One consolidated event per report, as the store writes when no two reports match.
    con.execute(
        """
        INSERT INTO event_clusters
        SELECT 'c' || id, 's' || substr(article_id, 2), source_code, target_code, cameo_root, cameo,
               CAST(date AS DATE), date, date, 1, 1, 1, goldstein, quad_class
        FROM events
        """
    )
    con.execute(
        """
        INSERT INTO event_mentions
        SELECT 'c' || e.id, e.id, e.article_id, e.sentence, e.span_start, e.span_end, a.outlet,
               a.published
        FROM events e JOIN articles a ON a.id = e.article_id
        """
    )
    # The store's schema has ``events.day`` (filled at write time); SQL inserts fill it here.
    if day_column:
        con.execute(
            f"UPDATE events e SET day = {EVENT_DAY} FROM articles a WHERE a.id = e.article_id"
        )
    else:
        con.execute("ALTER TABLE events DROP COLUMN day")
    con.execute("CHECKPOINT")
    con.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    db: Path, port: int, threads: int | None, workers: int = 1
) -> subprocess.Popen[bytes]:
    code = (
        "from eventwire.web.command import run_server; "
        f"run_server({str(db)!r}, port={port}, workers={workers}, threads={threads!r},"
        " cache=False)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start")


def timed(client: httpx.Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code} {response.text[:200]}")
    return elapsed


def measure(base: str, url: str, requests: int, clients: int) -> list[float]:
    """Latencies (ms) of ``requests`` requests per client, ``clients`` clients at once."""

    def run(_: int) -> list[float]:
        with httpx.Client(base_url=base, timeout=120) as client:
            return [timed(client, url) for _ in range(requests)]

    with ThreadPoolExecutor(clients) as pool:
        return list(itertools.chain.from_iterable(pool.map(run, range(clients))))


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time so far of a process and its children, e.g. uvicorn's workers
    (None where /proc is missing)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = [
            int(child)
            for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()
        ]
    except OSError:
        return None
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(child) or 0.0 for child in children)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def server_options(parser: argparse.ArgumentParser) -> None:
    """``--threads`` and ``--workers``, as ``eventwire serve`` has them (also web_load.py)."""
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="DuckDB threads per query, as 'eventwire serve --threads' (0: one per CPU)",
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes, as 'eventwire serve --workers'"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=40, help="requests per client and endpoint")
    parser.add_argument(
        "--db", type=Path, help="reuse or create this database (default: a temp file)"
    )
    parser.add_argument("--no-day-column", action="store_true", help="events without a stored day")
    server_options(parser)
    parser.add_argument("--only", help="measure only endpoints whose name contains this")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    db = args.db or Path(folder.name) / "web.duckdb"
    if not db.exists():
        started = time.perf_counter()
        generate(db, args.events, day_column=not args.no_day_column)
        print(f"generated {db} in {time.perf_counter() - started:.1f} s")
    con = duckdb.connect(str(db), read_only=True)
    counts = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "events", "event_clusters")
    }
    has_day = con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'events'"
        " AND column_name = 'day'"
    ).fetchone()[0]
    con.close()
    print(f"rows: {counts}; events.day stored: {bool(has_day)}; cpus: {os.cpu_count()}")
    print(f"server: {args.workers} worker(s), DuckDB threads per query: {args.threads or 'CPUs'}")
    print("load average before: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    port = free_port()
    server = start_server(db, port, args.threads or None, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        print(
            f"{'endpoint':24} {'1 client median':>16} {'p95':>8} {'20 clients median':>18}"
            f" {'p95':>8} {'server CPU/req':>15}  (ms)"
        )
        for name, url in ENDPOINTS.items():
            if args.only and args.only not in name:
                continue
            measure(base, url, 2, 20)  # warm up every worker (each builds its own indexes)
            before = cpu_seconds(server.pid)
            one = measure(base, url, args.requests, 1)
            after = cpu_seconds(server.pid)
            cpu = (
                f"{(after - before) / len(one) * 1000:15.1f}"
                if before is not None and after is not None
                else f"{'-':>15}"
            )
            many = measure(base, url, max(2, args.requests // 4), 20)
            print(
                f"{name:24} {statistics.median(one):16.1f} {p95(one):8.1f}"
                f" {statistics.median(many):18.1f} {p95(many):8.1f} {cpu}"
            )
        for name, url in COLD.items() if not args.only else ():
            print(f"{name:24} {measure(base, url, 1, 1)[0]:16.1f}  (one request, no cache)")
        print("load average after: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    finally:
        server.terminate()
        server.wait(timeout=20)
        folder.cleanup()


if __name__ == "__main__":
    main()
