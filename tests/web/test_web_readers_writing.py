"""Readers while writing: the API answers while an ingest writes, no errors, no torn results.

A uvicorn server (child process) serves the database while a writer process
adds batches through ``Store.write_batch`` and client threads request the
overview, event and article pages and a SQL count, checking every response
(``benchmarks/readers_writing.py``, run short here).
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web tests need the [web] extra")

from bench_modules import load_benchmark

pytestmark = pytest.mark.slow


def test_api_answers_whole_batches_while_an_ingest_writes(tmp_path):
    bench = load_benchmark("readers_writing")
    batches, per_batch, events = 8, 3, 2
    seen, writer, final = bench.run(
        tmp_path, clients=3, batches=batches, per_batch=per_batch, events=events, pause=0.02
    )
    assert seen.errors == []
    assert seen.torn == []
    # The readers really read during the writes, and saw more than the first batch.
    assert seen.requests > 3 * batches
    assert seen.last_articles > per_batch
    assert writer["batches"] == batches
    # The overview computed before the writes was dropped from the cache: it shows them all.
    expected = (batches + 1) * per_batch
    assert final["counts"]["articles"] == expected
    assert final["counts"]["events"] == expected * events


def test_a_torn_or_shrinking_count_is_reported():
    bench = load_benchmark("readers_writing")
    body = {"counts": {"articles": 6, "events": 11}}
    assert "11 events" in bench.check("overview", body, 3, 2, 0)[1]
    body = {"counts": {"articles": 4, "events": 8}}
    assert "whole number of batches" in bench.check("overview", body, 3, 2, 0)[1]
    body = {"rows": [[3, 6]]}
    assert "after 6 were seen" in bench.check("sql counts", body, 3, 2, 6)[1]
    assert bench.check("sql counts", {"rows": [[9, 18]]}, 3, 2, 6) == (9, None)
