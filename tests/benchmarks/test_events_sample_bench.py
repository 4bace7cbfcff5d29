"""Smoke tests of benchmarks/events_sample.py (the hand-judged precision sample)."""

from __future__ import annotations

import pytest

from bench_modules import load_benchmark
from shared_data import shared_path


@pytest.fixture(scope="module")
def sample():
    return load_benchmark("events_sample")


def test_political_needs_three_distinct_terms(sample):
    assert sample.political("The minister met the president before the summit.")
    assert not sample.political("The minister met another minister and a minister.")


@pytest.mark.slow
@pytest.mark.shared
def test_sample_prints_events_with_their_sentences(sample, tmp_path, capsys):
    shared = shared_path("corpora", "guardian-taiwan").parent.parent
    argv = ["--shared", str(shared), "--articles", "3", "--events", "4"]
    assert sample.main([*argv, "--workdir", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("3 articles, ")
    events = [line for line in out if line[:4].strip().rstrip(".").isdigit()]
    assert 1 <= len(events) <= 4 and all(" -> " in line for line in events)
    assert all(f.read_text().startswith("---\ntitle: ") for f in tmp_path.glob("*.txt"))
