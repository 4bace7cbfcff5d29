"""Ray engine scaling: articles/s with 1 and 2 workers on guardian-taiwan articles.

Usage: python benchmarks/ray_scaling.py [--shared ../shared] [--limit 60] [--shards 4]
                                         [--workers 1,2] [--cpus 2] [--batch-size 8]

Writes the first ``--limit`` articles of ../shared/corpora/guardian-taiwan into
``--shards`` JSON-lines files in a temporary folder, starts one local Ray with
``--cpus`` CPUs, ingests a one-article warm-up (so Ray's worker processes exist),
then ingests the shards into a fresh DuckDB file once per worker count. It prints the
wall time of each whole run (read, process, write Parquet, load into DuckDB), the
articles/s and the ratio to the first worker count. On a machine shared with other
work the figures are noisy: compare the ratio, within one run.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

from eventwire.engines import ingest_ray
from eventwire.engines.ray_engine import import_ray

ROOT = Path(__file__).resolve().parents[1]


def write_shards(shared: Path, limit: int, shards: int, folder: Path) -> list[Path]:
    """The first ``limit`` articles of the corpus, dealt round-robin into JSON-lines shards."""
    files = sorted((shared / "corpora" / "guardian-taiwan").glob("*_Taiwan_news.json"))
    if not files:
        sys.exit(f"no guardian-taiwan files under {shared / 'corpora'}")
    records = []
    for path in files:
        records.extend(json.loads(path.read_text(encoding="utf-8"))["results"])
        if len(records) >= limit:
            break
    paths = [folder / f"shard-{n:02d}.jsonl" for n in range(shards)]
    for n, path in enumerate(paths):
        mine = records[:limit][n::shards]
        path.write_text("".join(json.dumps(r) + "\n" for r in mine), encoding="utf-8")
    return paths


def timed_run(paths: list[Path], folder: Path, workers: int, batch_size: int) -> tuple[float, int]:
    db = folder / f"workers-{workers}.duckdb"
    start = time.perf_counter()
    summary = ingest_ray(
        paths, db, num_workers=workers, output=folder / f"out-{workers}", batch_size=batch_size
    )
    return time.perf_counter() - start, summary.read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray")
    parser.add_argument(
        "--batch-size", type=int, default=8, help="articles per block: small keeps actors busy"
    )
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]

    ray = import_ray()
    ray.init(
        num_cpus=args.cpus, include_dashboard=False, log_to_driver=False, logging_level="ERROR"
    )
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    # the engine's own phase timings (read, process, load) go to stdout
    phases = logging.getLogger("eventwire.engines.ray_engine")
    phases.setLevel(logging.INFO)
    phases.addHandler(logging.StreamHandler(sys.stdout))
    try:
        with tempfile.TemporaryDirectory(prefix="ew-ray-bench-") as tmp:
            folder = Path(tmp)
            paths = write_shards(args.shared, args.limit, args.shards, folder)
            (folder / "warm").mkdir()
            warm = write_shards(args.shared, 1, 1, folder / "warm")
            timed_run(warm, folder / "warm", 1, args.batch_size)
            print(
                f"articles: {args.limit} in {args.shards} shards, batches of {args.batch_size}; "
                f"local Ray of {args.cpus} CPUs"
            )
            first_rate = None
            for workers in counts:
                seconds, read = timed_run(paths, folder, workers, args.batch_size)
                rate = read / seconds
                first_rate = first_rate or rate
                print(
                    f"workers={workers}: {read} articles in {seconds:.1f} s = "
                    f"{rate:.2f} articles/s (x{rate / first_rate:.2f})"
                )
    finally:
        ray.shutdown()


if __name__ == "__main__":
    main()
