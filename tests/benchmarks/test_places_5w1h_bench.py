"""Smoke test of benchmarks/places_5w1h.py on three gold articles, and its gold rules."""

from __future__ import annotations

import pytest

from bench_modules import load_benchmark
from shared_data import shared_path


@pytest.fixture(scope="module")
def bench():
    return load_benchmark("places_5w1h")


def test_top_phrases_keep_the_best_agreed_phrases_with_text(bench):
    where = {
        "annotated": [
            {"coderPhraseCount": 3},  # agreed: no candidate, carries no phrase
            {"coderPhraseCount": 2, "text": "in Lyon"},
            {"coderPhraseCount": 2, "text": "southern France "},
            {"coderPhraseCount": 1, "text": "Europe"},
        ]
    }
    assert bench.top_phrases(where) == ["in Lyon", "southern France"]
    assert bench.top_phrases({"annotated": [{"coderPhraseCount": 3}]}) == []


def test_gold_phrase_resolves_by_its_capitalised_run_and_by_adjective(bench):
    gazetteer = bench.load_gazetteer()
    gold = bench.resolve_gold("a small square near the harbour of Marseille", gazetteer)
    assert (gold.country, gold.via) == ("FRA", "Marseille")
    adjective = bench.resolve_gold("the Kenyan coast", gazetteer)
    assert adjective.country == "KEN" and adjective.via.startswith("adjective")
    assert bench.resolve_gold("on Tuesday evening", gazetteer).country is None


def test_alternate_names_count_as_spellings_not_translations(bench):
    assert bench.is_spelling("Kiev", "Kyiv")
    assert not bench.is_spelling("White House", "Casablanca")


def test_places_benchmark_runs_on_three_articles(bench, capsys, tmp_path):
    corpora = shared_path("corpora", "giveme5w1h")
    errors = tmp_path / "errors.txt"
    args = ["--shared", str(corpora.parent.parent), "--limit", "3", "--errors", str(errors)]
    assert bench.main(args) == 0
    out = capsys.readouterr().out
    assert "articles: 3 (failed in extraction: 0)" in out
    assert "dominant place: country correct " in out and "any of our places: " in out
    assert errors.is_file()
