"""Smoke tests of benchmarks/actors.py and benchmarks/stage_cost.py on five records."""

from __future__ import annotations

import pytest

from bench_modules import load_benchmark
from shared_data import shared_path


def load(name: str):
    return load_benchmark(name)


@pytest.fixture(scope="module")
def actors():
    return load("actors")


def test_conflibert_sentences_rebuild_gold_spans(actors):
    sentence = actors._sentence(
        [
            ("Freedonian", "B-S"),
            ("police", "I-S"),
            ("arrested", "O"),
            ("two", "B-T"),
            ("men", "I-T"),
        ]
    )
    assert sentence.text == "Freedonian police arrested two men"
    assert sentence.gold == [(0, 17, "S"), (27, 34, "T")]
    assert [sentence.text[s:e] for s, e, _ in sentence.gold] == ["Freedonian police", "two men"]


def test_actors_benchmark_runs_on_five_records(actors, capsys):
    shared = shared_path("data", "plover").parent.parent
    assert actors.main(["--set", "all", "--limit", "5", "--shared", str(shared)]) == 0
    out = capsys.readouterr().out
    assert "conflibert: 5 sentences" in out and "plover: 5 records" in out
    assert "recall (any token overlaps): " in out and "right country: " in out


def test_stage_cost_runs_on_five_articles(capsys):
    corpus = shared_path("corpora", "guardian-taiwan")
    bench = load("stage_cost")
    assert bench.main(["--corpus", str(corpus), "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "5 articles" in out and "ew_actors" in out and "base model" in out
