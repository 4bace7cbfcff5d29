"""Memory of a long ingest: a replicated stream of N articles through ``eventwire.api.ingest``.

Run from the repository root::

    .venv/bin/python benchmarks/stream_memory.py [--n 100000] [--workers 2] [--no-prefilter]
        [--batch-size 32] [--per-day 1000] [--briefs] [--keep DIR]

It prints figures and asserts nothing.

The stream: the project's own demo corpus (``eventwire.demo``, written by the team),
replicated until there are N articles; copy k of an article gets a last paragraph
"Stream copy k." so every article has its own id (nothing is deduplicated away) while
the text stays the same to parse. Copy k is published on day k // per-day of the
stream (from 1 January 2026), as a feed's dates advance: the story index forgets
articles older than its horizon (30 days), and stories close after it. Every copy
is a duplicate of the earlier ones, so the stories are as large as the horizon
allows: a worst case for story upkeep. ``--briefs`` keeps only each article's
first paragraph, as a news brief, so that a long stream runs in less time; memory
that grows per article (the story index, the store) grows the same. The records are
written to a gzip JSON-lines file first (the readers stream it), then ingested into a
fresh DuckDB file.

A sampler thread reads the resident memory (RSS, from /proc) of this process and all
its child processes (the worker pool) once a second. The report gives the peak of
each and the total RSS when 10%, 50% and 90% of the articles were done: when memory
is flat after warm-up, the three are close. A progress line (rate, ETA) goes to stderr
every few seconds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from eventwire import api
from eventwire.demo import corpus_path
from eventwire.engines.local import default_workers, rss_mb
from eventwire.ingest import read_inputs
from eventwire.records import Article, Status


def demo_records() -> list[dict[str, str]]:
    """The readable English demo articles as JSON-lines records."""
    records = []
    with corpus_path() as corpus:
        for item in read_inputs([str(corpus)]):
            if isinstance(item, Article) and item.status == Status.OK and item.language == "en":
                record = {"text": item.text, "title": item.title or "", "published": item.published}
                records.append({k: v for k, v in record.items() if v})
    return records


def write_stream(path: Path, n: int, per_day: int, briefs: bool) -> None:
    """N records, the demo articles over and over, each copy with its own last paragraph."""
    base = demo_records()
    first = date(2026, 1, 1)
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for k in range(n):
            record = dict(base[k % len(base)])
            text = record["text"].strip()
            if briefs:
                text = text.split("\n\n")[0]
            record["text"] = f"{text}\n\nStream copy {k}.\n"
            record["published"] = (first + timedelta(days=k // per_day)).isoformat()
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def children(pid: int) -> list[int]:
    """Every descendant process of ``pid`` (Linux /proc)."""
    found: list[int] = []
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        for task in tasks:
            text = (task / "children").read_text()
            for child in map(int, text.split()):
                found += [child, *children(child)]
    except OSError:
        pass
    return found


class Sampler(threading.Thread):
    """RSS of this process and of its children, once a second."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[tuple[float, float, float]] = []  # (time, main MB, workers MB)
        self._halt = threading.Event()

    def run(self) -> None:
        import os

        while not self._halt.is_set():
            workers = sum(rss_mb(child) for child in children(os.getpid()))
            self.samples.append((time.monotonic(), rss_mb(), workers))
            self._halt.wait(1.0)

    def stop(self) -> None:
        self._halt.set()
        self.join()

    def total_now(self) -> float:
        if not self.samples:
            return 0.0
        _, main, workers = self.samples[-1]
        return main + workers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles in the stream")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-prefilter", action="store_true")
    parser.add_argument("--per-day", type=int, default=1000, help="articles per stream day")
    parser.add_argument("--briefs", action="store_true", help="first paragraphs only")
    parser.add_argument("--keep", type=Path, help="write the stream and database here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eventwire-stream-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        stream = folder / "stream.jsonl.gz"
        start = time.perf_counter()
        write_stream(stream, args.n, args.per_day, args.briefs)
        print(f"stream: {args.n:,} articles written in {time.perf_counter() - start:.1f} s")

        sampler = Sampler()
        sampler.start()
        marks = {round(args.n * share): f"{share:.0%}" for share in (0.1, 0.5, 0.9)}
        at_marks: dict[str, float] = {}
        done = 0
        began = time.perf_counter()
        last_line = began

        def progress(_item: object) -> None:
            nonlocal done, last_line
            done += 1
            if done in marks:
                at_marks[marks[done]] = sampler.total_now()
            now = time.perf_counter()
            if now - last_line >= 5 or done == args.n:
                rate = done / (now - began)
                eta = (args.n - done) / rate if rate else float("inf")
                print(
                    f"\r{done:,}/{args.n:,} articles  {rate:.1f}/s  ETA {eta:,.0f} s  "
                    f"RSS {sampler.total_now():,.0f} MB",
                    end="",
                    file=sys.stderr,
                    flush=True,
                )
                last_line = now

        summary = api.ingest(
            [stream],
            folder / "stream.duckdb",
            workers=args.workers,
            prefilter=not args.no_prefilter,
            batch_size=args.batch_size,
            progress=progress,
        )
        seconds = time.perf_counter() - began
        sampler.stop()
        print(file=sys.stderr)

    samples = sampler.samples
    peak_total = max((m + w for _, m, w in samples), default=0.0)
    peak_main = max((m for _, m, _ in samples), default=0.0)
    peak_workers = max((w for _, _, w in samples), default=0.0)
    print(
        f"ingested {summary.read:,} articles ({summary.counts.articles_new:,} new, "
        f"{summary.counts.failures} failed) in {seconds:.1f} s = {summary.read / seconds:.1f}/s "
        f"with {args.workers} worker(s), prefilter {'off' if args.no_prefilter else 'on'}"
    )
    print(
        f"peak RSS: total {peak_total:,.0f} MB (main {peak_main:,.0f} MB, "
        f"workers {peak_workers:,.0f} MB)"
    )
    print(
        "total RSS at "
        + ", ".join(f"{mark} {at_marks.get(mark, 0.0):,.0f} MB" for mark in ("10%", "50%", "90%"))
    )


if __name__ == "__main__":
    main()
