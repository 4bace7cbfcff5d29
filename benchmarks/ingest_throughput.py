"""Ingest throughput on ../shared/corpora/guardian-taiwan: articles/s and peak memory.

Usage: python benchmarks/ingest_throughput.py [--shared ../shared] [--limit N]

Prints, for the same articles in one run: reading alone (readers, language id),
a plain spaCy ``nlp.pipe`` over the texts with the full en_core_web_sm pipeline
(the baseline), and the whole eventwire ingest into a fresh DuckDB file, with
the ratio of ingest to baseline throughput. Peak memory is the process's
maximum resident set size after each phase.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import spacy

import eventwire
from eventwire.ingest import read_inputs
from eventwire.nlp.pipeline import MODEL_NAME
from eventwire.records import Article

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus_files(shared: Path) -> list[Path]:
    folder = shared / "corpora" / "guardian-taiwan"
    files = sorted(folder.glob("*_Taiwan_news.json"))
    if not files:
        sys.exit(f"no guardian-taiwan files under {folder}")
    return files


def limited_copy(files: list[Path], limit: int | None, workdir: Path) -> list[Path]:
    """The corpus as given, or its first ``limit`` articles as one JSON lines file."""
    if not limit:
        return files
    out = workdir / "sample.jsonl"
    written = 0
    with out.open("w", encoding="utf-8") as fh:
        for path in files:
            for record in json.loads(path.read_text(encoding="utf-8"))["results"]:
                if written >= limit:
                    return [out]
                fh.write(json.dumps(record) + "\n")
                written += 1
    return [out]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    files = corpus_files(args.shared.resolve())

    with tempfile.TemporaryDirectory() as tmp:
        inputs = [str(p) for p in limited_copy(files, args.limit, Path(tmp))]
        t0 = time.perf_counter()
        articles = [a for a in read_inputs(inputs) if isinstance(a, Article)]
        read_s = time.perf_counter() - t0
        texts = [a.text for a in articles if a.status == "ok"]
        words = sum(len(t.split()) for t in texts)
        print(f"articles read: {len(articles)} ({len(texts)} English), {words:,} words")
        print(
            f"read only:        {len(articles) / read_s:8.1f} articles/s  ({read_s:.1f} s)"
            f"  peak RSS {peak_rss_mb():.0f} MB"
        )

        nlp = spacy.load(MODEL_NAME)
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        base_s = time.perf_counter() - t0
        print(
            f"spaCy baseline:   {len(texts) / base_s:8.1f} articles/s  ({base_s:.1f} s)"
            f"  {words / base_s:,.0f} words/s  peak RSS {peak_rss_mb():.0f} MB"
        )
        del nlp

        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        summary = eventwire.ingest(inputs, db)
        ingest_s = time.perf_counter() - t0
        print(
            f"eventwire ingest: {summary.read / ingest_s:8.1f} articles/s  ({ingest_s:.1f} s)"
            f"  {words / ingest_s:,.0f} words/s  peak RSS {peak_rss_mb():.0f} MB"
        )
        print(
            f"stored: {summary.counts.articles_new} articles, "
            f"{summary.counts.failures} failures; db {db.stat().st_size / 1e6:.1f} MB"
        )
        print(f"ratio ingest/baseline throughput: {base_s / ingest_s:.2f}x")


if __name__ == "__main__":
    main()
