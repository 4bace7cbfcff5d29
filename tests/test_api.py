from __future__ import annotations

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
