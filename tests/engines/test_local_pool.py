"""The local process pool: same results as in process, in input order; bad articles fail alone."""

from __future__ import annotations

import os
import time

import pytest

from eventwire.engines.local import PoolOptions, default_workers, pool_process
from eventwire.ingest import read_inputs
from eventwire.ingest.article import make_article
from eventwire.ingest.options import ReadOptions
from eventwire.records import Article, ArticleResult, Failure

pytestmark = pytest.mark.slow

HANG, RAISE, CRASH = "hangs-the-parser", "breaks-the-parser", "kills-the-worker"


def add_trap(nlp) -> None:
    """Worker setup: a component that hangs, raises or exits on a marker word."""
    from spacy.language import Language

    if not Language.has_factory("ew_test_trap"):

        @Language.component("ew_test_trap")
        def trap(doc):
            if HANG in doc.text:
                time.sleep(600)
            if RAISE in doc.text:
                raise ValueError("the trap was sprung")
            if CRASH in doc.text:
                os._exit(3)
            return doc

    if "ew_test_trap" not in nlp.pipe_names:
        nlp.add_pipe("ew_test_trap", first=True)


def _article(n: int, body: str) -> Article:
    text = f"Officials in Manila said on Monday that talks with Tokyo would resume ({n}). {body}"
    return make_article(text, path=f"case-{n}.txt", options=ReadOptions(), published="2026-03-02")


def test_default_workers_is_at_least_one():
    assert default_workers() >= 1


def test_pool_gives_the_in_process_results_in_input_order(tmp_path):
    from eventwire.demo import corpus_path
    from eventwire.nlp.pipeline import get_pipeline
    from eventwire.process import process

    with corpus_path() as corpus:
        items = list(read_inputs([str(corpus)]))
    missing = Failure(path=str(tmp_path / "missing.txt"), reason="not found")
    items.insert(3, missing)
    expected = [r for _, r in process(items, get_pipeline())]
    got = list(pool_process(items, PoolOptions(workers=2, chunk_size=3)))
    assert [item for item, _ in got] == items
    assert [r.model_dump() for _, r in got] == [r.model_dump() for r in expected]
    assert got[3][1] is not None and isinstance(got[3][1], Failure)


def test_a_hanging_raising_or_crashing_article_fails_alone():
    bodies = [
        "Both sides agreed to meet again.",
        f"The parser {HANG} here.",
        f"The parser {RAISE} here.",
        f"The parser {CRASH} here.",
        "The coast guards held a joint drill.",
    ]
    items = [_article(n, body) for n, body in enumerate(bodies)]
    options = PoolOptions(workers=2, chunk_size=2, time_limit=15, setup=add_trap)
    results = [r for _, r in pool_process(items, options)]
    assert [type(r).__name__ for r in results] == [
        "ArticleResult", "Failure", "Failure", "Failure", "ArticleResult",
    ]  # fmt: skip
    codes = {n: r.code for n, r in enumerate(results) if isinstance(r, Failure)}
    assert codes == {1: "E007", 2: "E005", 3: "E008"}
    assert "timed out" in results[1].reason and "the trap was sprung" in results[2].reason
    assert all(isinstance(results[n], ArticleResult) and results[n].times for n in (0, 4))


def test_too_long_articles_fail_before_any_worker_sees_them():
    items = [_article(0, "Both sides agreed to meet again. " * 20), _article(1, "Talks went on.")]
    options = PoolOptions(workers=1, max_chars=300)
    results = [r for _, r in pool_process(items, options)]
    assert isinstance(results[0], Failure) and results[0].code == "E006"
    assert "too long" in results[0].reason
    assert isinstance(results[1], ArticleResult)
