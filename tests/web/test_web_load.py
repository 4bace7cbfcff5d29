"""Load: concurrent clients on loopback against a real server, zero errors (a short run)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web tests need the [web] extra")

from bench_modules import load_benchmark

pytestmark = pytest.mark.slow


def test_ten_clients_for_three_seconds_get_no_errors(tmp_path):
    bench = load_benchmark("web_load")
    db = tmp_path / "load.duckdb"
    bench.generate(db, 20_000)
    server = bench.serve(db)
    try:
        result = bench.load(server.base, clients=10, seconds=3)
    finally:
        server.stop()
    assert result.errors == []
    # Every endpoint was reached, and the loop stopped by itself.
    assert all(result.latencies.values()), [k for k, v in result.latencies.items() if not v]
    assert result.seconds < 3 + 60
    text = bench.report(result, 10)
    assert "errors 0" in text and "p99" in text


def test_percentiles_are_nearest_rank():
    bench = load_benchmark("web_load")
    values = [float(v) for v in range(1, 101)]
    assert bench.percentile(values, 50) == 50.0
    assert bench.percentile(values, 95) == 95.0
    assert bench.percentile(values, 99) == 99.0
    assert bench.percentile([7.0], 99) == 7.0
