"""Export of 1 million events: time and peak memory of every export format.

Builds a synthetic database with DuckDB SQL (no NLP): N event reports in N/10
articles, each report its own consolidated event (``event_clusters``) with one
``event_mentions`` row, then runs each export in a fresh Python process and
prints its wall time, peak resident memory (``ru_maxrss`` of that process: the
only figure that sees DuckDB's own allocations) and output size. The ``none``
row is a process that opens the database and exports nothing: the floor.

    .venv/bin/python benchmarks/export_scale.py                 # 1,000,000 events
    .venv/bin/python benchmarks/export_scale.py --events 100000 --keep /tmp/x
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("none", "gdelt", "gdelt-mentions", "plover", "csv", "parquet")

COUNTRIES = ["CHN", "TWN", "USA", "JPN", "PHL", "RUS", "KOR", "PRK", "VNM", "IND",
             "AUS", "GBR", "FRA", "DEU", "UKR", "ISR", "IRN", "TUR", "BRA", "ZAF"]  # fmt: skip
SECTORS = ["GOV", "MIL", "LEG", "PTY", "BUS"]
# (CAMEO code, QuadClass, Goldstein, PLOVER event) — a spread over the four classes.
CODES = [("036", 1, 4.0, "CONSULT"), ("042", 1, 1.9, "CONSULT"), ("057", 1, 8.0, "AGREE"),
         ("071", 2, 7.4, "AID"), ("112", 3, -2.0, "ACCUSE"), ("130", 3, -4.4, "THREATEN"),
         ("173", 4, -5.0, "COERCE"), ("190", 4, -10.0, "ASSAULT")]  # fmt: skip


def _list(values: list[object]) -> str:
    return "[" + ", ".join(repr(v) if isinstance(v, str) else str(v) for v in values) + "]"


def generate(path: Path, events: int) -> float:
    """Write a synthetic database of ``events`` reports; returns seconds taken."""
    from eventwire.store import Store

    articles = max(1, events // 10)
    started = time.perf_counter()
    with Store(path) as store:
        con = store.con
        con.execute(f"""
            INSERT INTO articles (id, url, title, published, outlet, language, path, status,
                                  text, published_date, story_id, ingested_at)
            SELECT printf('a%015d', i), 'https://news.example/' || i, 'Report ' || i,
                   strftime(DATE '2020-01-01' + CAST(i % 1460 AS INTEGER), '%Y-%m-%d'),
                   'Outlet ' || (i % 50), 'en', i || '.txt', 'ok',
                   'The minister spoke on Monday. ' || repeat('Words of the report. ', 20)
                       || chr(10) || chr(10) || 'A second paragraph follows here.',
                   DATE '2020-01-01' + CAST(i % 1460 AS INTEGER), 's' || (i // 3), now()
            FROM range({articles}) t(i)
        """)
        codes = [c[0] for c in CODES]
        con.execute(f"""
            INSERT INTO events (article_id, id, sentence, span_start, span_end, text,
                source_text, source_name, source_code, source_country, source_sectors,
                target_text, target_name, target_code, target_country, target_sectors,
                "group", cameo, cameo_root, quad_class, goldstein, plover_event, plover_mode,
                date, date_precision, location_name, location_country, location_lat,
                location_lon, location_precision, negated, modality, confidence, rule)
            SELECT printf('a%015d', i // 10), printf('a%015d-e%d', i // 10, i % 10),
                   'The minister spoke on Monday.', CAST((i % 10) * 40 AS INTEGER),
                   CAST((i % 10) * 40 + 5 AS INTEGER), 'spoke',
                   s, s, s || sec, s, [sec], t, t, t || 'GOV', t, ['GOV'],
                   CASE WHEN (i // 2) % 7 = 0 THEN 'g' || (i // 2) END,
                   {_list(codes)}[k], substr({_list(codes)}[k], 1, 2),
                   {_list([c[1] for c in CODES])}[k], {_list([c[2] for c in CODES])}[k],
                   {_list([c[3] for c in CODES])}[k], NULL,
                   strftime(DATE '2020-01-01' + CAST((i // 10) % 1460 AS INTEGER), '%Y-%m-%d'),
                   'day', CASE WHEN i % 3 = 0 THEN 'Capital of ' || t END,
                   CASE WHEN i % 3 = 0 THEN t END, CASE WHEN i % 3 = 0 THEN 10.5 END,
                   CASE WHEN i % 3 = 0 THEN 100.25 END, CASE WHEN i % 3 = 0 THEN 'city' END,
                   i % 50 = 0, 'asserted', 0.8, 'synthetic'
            FROM (SELECT i,
                         {_list(COUNTRIES)}[1 + (i * 7) % {len(COUNTRIES)}] AS s,
                         {_list(COUNTRIES)}[1 + (j * 13 + 5) % {len(COUNTRIES)}] AS t,
                         {_list(SECTORS)}[1 + i % {len(SECTORS)}] AS sec,
                         1 + (j * 31) % {len(CODES)} AS k
                  -- j: the two events of a compound report share target and code.
                  FROM (SELECT i, CASE WHEN (i // 2) % 7 = 0 THEN i // 2 * 2 ELSE i END AS j
                        FROM range({events}) r(i)))
        """)
        con.execute("""
            INSERT INTO event_clusters
            SELECT 'c' || e.id, a.story_id, e.source_code, e.target_code, e.cameo_root, e.cameo,
                   CAST(e.date AS DATE), a.published, a.published, 1, 1, 1, e.goldstein,
                   e.quad_class
            FROM events e JOIN articles a ON a.id = e.article_id WHERE NOT e.negated
        """)
        con.execute("""
            INSERT INTO event_mentions
            SELECT 'c' || e.id, e.id, e.article_id, e.sentence, e.span_start, e.span_end,
                   a.outlet, a.published
            FROM events e JOIN articles a ON a.id = e.article_id WHERE NOT e.negated
        """)
        con.execute("CHECKPOINT")
    return time.perf_counter() - started


def run_one(fmt: str, db: Path, out: Path) -> dict[str, object]:
    """Export once in this process; returns the figures as a dict."""
    from eventwire.export import export
    from eventwire.store import Store

    started = time.perf_counter()
    rows = None
    with Store(db, read_only=True) as store:
        if fmt == "none":
            store.con.execute("SELECT count(*) FROM events").fetchall()
        elif fmt in ("csv", "parquet"):
            export(store.con, fmt, output=out)
        else:
            rows = export(store.con, fmt, output=out).rows
    seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in out.rglob("*")) if out.is_dir() else 0
    if out.is_file():
        size = out.stat().st_size
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    return {"format": fmt, "seconds": seconds, "peak_rss_mb": peak / 2**20, "rows": rows,
            "output_mb": size / 2**20}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="Folder to keep the database and exports in.")
    parser.add_argument("--one", choices=FORMATS, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.db, args.out)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "synthetic.duckdb"
        db.unlink(missing_ok=True)
        seconds = generate(db, args.events)
        print(f"generated {args.events:,} events in {seconds:.1f} s "
              f"({db.stat().st_size / 2**20:.0f} MB database)")  # fmt: skip
        print(f"{'format':<16}{'seconds':>9}{'peak RSS MB':>13}{'rows':>11}{'output MB':>11}")
        for fmt in FORMATS:
            suffix = {"gdelt": ".tsv", "gdelt-mentions": ".tsv", "plover": ".jsonl"}.get(fmt, "")
            out = folder / f"export-{fmt}{suffix}"
            done = subprocess.run(
                [sys.executable, __file__, "--one", fmt, "--db", str(db), "--out", str(out)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            r = json.loads(done.stdout.strip().splitlines()[-1])
            rows = f"{r['rows']:,}" if r["rows"] is not None else "-"
            print(f"{fmt:<16}{r['seconds']:>9.1f}{r['peak_rss_mb']:>13.0f}{rows:>11}"
                  f"{r['output_mb']:>11.1f}")  # fmt: skip


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    main()
