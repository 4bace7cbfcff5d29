from __future__ import annotations

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.demo import corpus_path
from eventwire.ingest import read_inputs
from eventwire.records import Article


def test_demo_corpus_has_at_least_25_dated_english_articles_with_metadata():
    with corpus_path() as folder:
        items = list(read_inputs([str(folder)]))
    articles = [a for a in items if isinstance(a, Article)]
    assert len(items) == len(articles), "every demo file must read as an article"
    english = [a for a in articles if a.status == "ok"]
    assert len(english) >= 25
    assert all(a.title and a.outlet and a.url and a.published for a in articles)
    assert len({a.outlet for a in articles}) >= 4
    dates = sorted(a.published for a in articles)
    assert dates[0] < dates[-1], "the demo spans several days"
    assert any(a.status == "skipped" and a.language != "en" for a in articles)


def test_demo_command_ingests_and_reports(tmp_path):
    db = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(main, ["demo", "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Demo corpus:" in result.output and "latest articles" in result.output
    again = CliRunner().invoke(main, ["demo", "--db", str(db), "--quiet"])
    assert " 0 new articles" in again.output
