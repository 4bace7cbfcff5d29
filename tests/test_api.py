from __future__ import annotations

import pytest

import eventwire


def test_extract_text_returns_a_contract_record():
    result = eventwire.extract_text(
        "Japan and the Philippines signed a coast guard agreement on Friday.",
        published="2026-03-06",
        title="Coast guard pact",
    )
    assert result.article.status == "ok"
    assert result.article.published == "2026-03-06"
    assert result.article.title == "Coast guard pact"
    assert result.to_json_dict()["article"]["id"] == result.article.id


def test_extract_keeps_input_order_and_reports_failures(news_dir, tmp_path):
    paths = [news_dir / "b.txt", tmp_path / "missing.txt", news_dir / "a.txt"]
    results = list(eventwire.extract(paths))
    assert [r.article.status for r in results] == ["ok", "failed", "ok"]
    assert "not found" in results[1].article.reason


def test_ingest_summary_counts(news_dir, db_path):
    first = eventwire.ingest([news_dir], db=db_path)
    second = eventwire.ingest([news_dir], db=db_path)
    assert first.to_dict()["new"] == 3 and first.to_dict()["skipped"] == 1
    assert second.to_dict()["new"] == 0 and second.to_dict()["already_stored"] == 3
    with eventwire.Store(db_path, read_only=True) as store:
        runs = store.query("SELECT articles_read, articles_new FROM runs ORDER BY started_at")
    assert [(r["articles_read"], r["articles_new"]) for r in runs] == [(3, 3), (3, 0)]


def test_ingest_does_not_process_articles_already_stored(news_dir, db_path, monkeypatch):
    import eventwire.process

    eventwire.ingest([news_dir], db=db_path)

    def no_nlp(*args, **kwargs):
        raise AssertionError("an article already stored was sent to the pipeline again")

    monkeypatch.setattr(eventwire.process, "_make_doc", no_nlp)
    again = eventwire.ingest([news_dir], db=db_path)
    assert again.to_dict()["already_stored"] == 3 and again.to_dict()["new"] == 0
    assert again.ok


def test_extract_fails_too_long_articles_with_their_own_code(news_dir):
    from eventwire.api import Limits

    results = list(eventwire.extract([news_dir / "a.txt"], limits=Limits(max_chars=40)))
    assert results[0].article.status == "failed"
    assert "too long" in results[0].article.reason


def test_extract_with_and_without_prefilter_agree_on_a_short_article(news_dir):
    on = list(eventwire.extract([news_dir / "a.txt"]))
    off = list(eventwire.extract([news_dir / "a.txt"], prefilter=False))
    assert on[0].to_json_dict() == off[0].to_json_dict()


@pytest.mark.slow
def test_ingest_with_two_workers_stores_what_one_process_stores(news_dir, tmp_path):
    one = eventwire.ingest([news_dir], db=tmp_path / "one.duckdb")
    two = eventwire.ingest([news_dir], db=tmp_path / "two.duckdb", workers=2)
    assert one.to_dict() | {"run_id": "", "db": ""} == two.to_dict() | {"run_id": "", "db": ""}
    sql = "SELECT article_id, cameo, sentence FROM events ORDER BY ALL"
    with (
        eventwire.Store(tmp_path / "one.duckdb", read_only=True) as a,
        eventwire.Store(tmp_path / "two.duckdb", read_only=True) as b,
    ):
        assert a.query(sql) == b.query(sql)
