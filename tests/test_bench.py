"""``eventwire bench`` on the demo corpus: figures are positive and consistent, never timed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.bench import BenchReport, bench_command, run_bench
from eventwire.demo import corpus_path
from eventwire.errors import InputError

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report() -> BenchReport:
    with corpus_path() as corpus:
        return run_bench(corpus, limit=3, store=True)


def test_bench_reads_exactly_the_limit(report: BenchReport) -> None:
    assert report.articles == 3
    assert report.read >= report.articles
    assert report.words > 3 * 20


def test_bench_times_every_stage_of_the_pipeline(report: BenchReport) -> None:
    from eventwire.nlp.pipeline import get_pipeline

    assert set(report.stage_seconds) == {"make_doc", *get_pipeline().pipe_names}
    assert all(seconds >= 0 for seconds in report.stage_seconds.values())
    assert report.pipeline_seconds == pytest.approx(sum(report.stage_seconds.values()))
    assert "parser" in report.base_stages and "ew_events" not in report.base_stages
    assert report.stage_failures == 0


def test_bench_rates_and_ratio_agree_with_the_seconds(report: BenchReport) -> None:
    assert report.baseline_seconds > 0 and report.ingest_seconds and report.ingest_seconds > 0
    assert report.stored == 3
    assert report.ratio == pytest.approx(report.baseline_seconds / report.ingest_seconds)
    rates = report.rates()
    assert set(rates) == {"spaCy baseline", "eventwire pipeline", "eventwire ingest"}
    for per_article, per_word in rates.values():
        assert per_article > 0
        assert per_word == pytest.approx(per_article * report.words / report.articles)
    assert report.peak_memory_mb > 0 and set(report.peak_mb) >= {"baseline", "ingest"}
    assert report.cores >= 1


def test_bench_without_store_compares_the_pipeline() -> None:
    with corpus_path() as corpus:
        report = run_bench(corpus, limit=1, store=False)
    assert report.ingest_seconds is None and report.stored is None
    assert report.ratio == report.pipeline_ratio
    assert "eventwire ingest" not in report.rates()


def test_bench_command_prints_the_figures_as_json() -> None:
    with corpus_path() as corpus:
        result = CliRunner().invoke(
            bench_command, [str(corpus), "--limit", "2", "--no-store", "--json"]
        )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["articles"] == 2 and figures["ratio"] > 0


def test_bench_command_prints_a_table() -> None:
    with corpus_path() as corpus:
        result = CliRunner().invoke(bench_command, [str(corpus), "--limit", "1", "--no-store"])
    assert result.exit_code == 0, result.output
    assert "spaCy baseline" in result.output and "ratio" in result.output


def test_bench_without_corpus_or_shared_asks_for_a_path(tmp_path: Path) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path)  # no ../shared next to an empty temporary folder's parent
    try:
        if (tmp_path.parent / "shared").exists():
            pytest.skip("a ../shared folder exists next to the temporary folder")
        result = CliRunner().invoke(bench_command, [])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2
    assert "E001" in result.output and "pass a corpus path" in result.output


def test_bench_on_a_missing_corpus_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E001"):
        run_bench(tmp_path / "nowhere", limit=None, store=False)


def test_bench_with_two_workers_reports_the_scaling() -> None:
    with corpus_path() as corpus:
        report = run_bench(corpus, limit=4, store=True, workers=2)
    assert report.workers == 2 and report.stored == 4
    assert set(report.ingest_by_workers) == {1, 2}
    assert report.scaling == pytest.approx(
        report.ingest_by_workers[1] / report.ingest_by_workers[2]
    )
    assert report.pool_start_seconds is not None and report.pool_start_seconds > 0
    assert "eventwire ingest, 1 process" in report.rates()
    assert report.to_dict()["scaling"] == report.scaling
