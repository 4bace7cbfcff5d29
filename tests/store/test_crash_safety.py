"""Crash safety: an ingest killed with SIGKILL while writing, then run again, stores every
article exactly once and whole (a small version of ``benchmarks/crash_safety.py``)."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench_modules import load_benchmark

ARTICLES = 60
BATCH_SIZE = 4
# Kill within this many seconds of the first batch commit (a change of the files this
# long after the store was opened): 60 articles take longer to write even on a fast
# machine, so the run is cut short mid-way.
SETTLE_S = 0.2
KILL_WITHIN_S = 0.3


@pytest.fixture(scope="module")
def crash():
    return load_benchmark("crash_safety")


def test_generated_articles_differ_and_read_as_news(crash, tmp_path):
    paths = crash.write_corpus(tmp_path / "news", 10, seed=3)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert len(set(texts)) == 10
    assert all(t.startswith("---\ntitle: ") and "published: 2026-03-" in t for t in texts)


def test_killed_ingest_rerun_stores_every_article_once_and_whole(crash, tmp_path):
    news = tmp_path / "news"
    inputs = crash.write_corpus(news, ARTICLES, seed=11)
    reference_db, db = tmp_path / "reference.duckdb", tmp_path / "killed.duckdb"
    # The clean reference run and the run to be killed go side by side to save time.
    with ThreadPoolExecutor(1) as pool:
        clean = pool.submit(crash.run_ingest, news, reference_db, BATCH_SIZE)
        kill = crash.ingest_and_kill(
            news, db, BATCH_SIZE, KILL_WITHIN_S, random.Random(5), SETTLE_S
        )
        clean.result()
    before = crash.snapshot(db)
    crash.run_ingest(news, db, BATCH_SIZE)
    after = crash.snapshot(db)
    reference = crash.snapshot(reference_db)
    verdict = crash.judge(after, reference, inputs)

    assert not kill.finished_first, "the run ended before it could be killed"
    assert len(before.paths) < ARTICLES
    assert len(reference.paths) == ARTICLES and reference.totals["events"] > 0
    assert vars(verdict) == {
        "duplicates": 0,
        "lost": 0,
        "orphans": 0,
        "partial": 0,
        "story_faults": 0,
        "story_diffs": 0,
    }


def test_judge_finds_duplicates_losses_and_partial_articles(crash):
    reference = crash.Snapshot(
        paths=["a.txt", "b.txt"],
        counts={t: {"A": 1, "B": 1} for t in crash.ARTICLE_ROWS},
        stories={"A": "sA", "B": "sA"},
        orphans=0,
        story_faults=0,
        clusters=1,
    )
    broken = crash.Snapshot(
        paths=["a.txt", "a.txt"],
        counts={t: {"A": 1} for t in crash.ARTICLE_ROWS},
        stories={"A": "sA", "A2": "sA2"},
        orphans=2,
        story_faults=1,
        clusters=1,
    )
    verdict = crash.judge(broken, reference, [Path("a.txt"), Path("b.txt")])
    assert not verdict.ok
    assert (verdict.duplicates, verdict.lost, verdict.orphans) == (1, 1, 2)
    # "A2" is not in the reference, so it has no rows to compare; "B" is not stored.
    assert verdict.partial == 0 and verdict.story_faults == 1 and verdict.story_diffs == 1
