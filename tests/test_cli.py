from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED, main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _ingest(runner, news_dir, db_path, *extra):
    return runner.invoke(main, ["ingest", str(news_dir), "--db", str(db_path), "--quiet", *extra])


def test_ingest_stores_articles_and_a_second_run_changes_nothing(runner, news_dir, db_path):
    first = _ingest(runner, news_dir, db_path)
    assert first.exit_code == EXIT_OK, first.output
    stats1 = runner.invoke(main, ["stats", "--db", str(db_path), "--format", "json"])
    second = _ingest(runner, news_dir, db_path)
    stats2 = runner.invoke(main, ["stats", "--db", str(db_path), "--format", "json"])
    tables1, tables2 = json.loads(stats1.output)["tables"], json.loads(stats2.output)["tables"]
    assert second.exit_code == EXIT_OK
    assert tables1["articles"] == 3
    assert {k: v for k, v in tables1.items() if k != "runs"} == {
        k: v for k, v in tables2.items() if k != "runs"
    }


def test_ingest_exit_code_says_some_failed_and_names_the_file(runner, news_dir, db_path):
    (news_dir / "empty.txt").write_text("   \n", encoding="utf-8")
    result = _ingest(runner, news_dir, db_path)
    assert result.exit_code == EXIT_SOME_FAILED
    assert "empty.txt" in result.output
    rows = runner.invoke(main, ["articles", "--db", str(db_path), "--format", "json"])
    assert len(json.loads(rows.output)) == 3


def test_non_english_article_is_recorded_as_skipped(runner, news_dir, db_path):
    _ingest(runner, news_dir, db_path)
    result = runner.invoke(
        main, ["articles", "--db", str(db_path), "--status", "skipped", "--format", "jsonl"]
    )
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["language"] for r in rows] == ["de"]
    assert "not English" in rows[0]["reason"]


def test_extract_prints_one_contract_line_per_input_in_order(runner, news_dir, tmp_path):
    missing = tmp_path / "missing.txt"
    args = [
        "extract",
        str(news_dir / "b.txt"),
        str(missing),
        str(news_dir / "a.txt"),
        "--published",
        "2026-03-06",
    ]
    result = runner.invoke(main, args)
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert result.exit_code == EXIT_SOME_FAILED
    assert [line["article"]["status"] for line in lines] == ["ok", "failed", "ok"]
    assert lines[0]["article"]["published"] == "2026-03-06"
    assert lines[1]["article"]["reason"] and lines[1]["events"] == []
    assert lines[2]["article"]["title"] == "Ministers meet in Manila"


def test_listing_formats(runner, news_dir, db_path):
    _ingest(runner, news_dir, db_path)
    for fmt in ("table", "csv", "jsonl", "json"):
        result = runner.invoke(main, ["articles", "--db", str(db_path), "--format", fmt])
        assert result.exit_code == EXIT_OK, result.output
        assert "Ministers meet in Manila" in result.output
    csv_out = runner.invoke(main, ["articles", "--db", str(db_path), "--format", "csv"]).output
    assert csv_out.splitlines()[0] == "published,outlet,title,status,id"


def test_listing_filters_are_parameters_not_sql(runner, news_dir, db_path):
    _ingest(runner, news_dir, db_path)
    hostile = "x' OR '1'='1"
    for command in ("articles", "events", "quotes", "actors"):
        result = runner.invoke(
            main, [command, "--db", str(db_path), "--search", hostile, "--format", "json"]
        )
        assert result.exit_code == EXIT_OK, result.output
        assert json.loads(result.output) == []


def test_missing_database_is_a_clear_fatal_error(runner, tmp_path):
    result = runner.invoke(main, ["events", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == EXIT_FATAL
    assert "eventwire ingest" in result.output


def test_every_command_has_examples_in_help(runner):
    for command in (
        "ingest",
        "extract",
        "articles",
        "events",
        "quotes",
        "actors",
        "stats",
        "demo",
        "schema",
    ):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output, command


def test_usage_error_exit_code(runner):
    assert runner.invoke(main, ["ingest"]).exit_code == 2


def test_stdin_dash_reads_an_article(runner, db_path):
    text = "The Japanese defence minister visited Manila and met Philippine officials."
    result = runner.invoke(main, ["extract", "-", "--published", "2026-03-02"], input=text)
    line = json.loads(result.output.splitlines()[0])
    assert line["article"]["status"] == "ok"
    assert line["article"]["path"] == "-"


def test_schema_command_prints_json_schema_and_sql(runner):
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    assert schema["title"] == "eventwire ArticleResult"
    assert "CREATE TABLE IF NOT EXISTS events" in runner.invoke(main, ["schema", "--sql"]).output
