from __future__ import annotations

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.records import (
    Actor,
    ActorSummary,
    Article,
    ArticleResult,
    Event,
    Failure,
    TimeExpr,
    article_id,
)
from eventwire.store import SCHEMA_VERSION, Store


def _article(text: str) -> Article:
    return Article(id=article_id(text), text=text, path="t.txt", published="2026-03-04")


def _result(article: Article) -> ArticleResult:
    actor = Actor(text="Japan", name="Japan", code="JPN", country="JPN")
    event = Event(
        id=f"{article.id}-e0",
        sentence=article.text,
        span=(0, 5),
        text="met",
        source=actor,
        target=actor,
        cameo="040",
        cameo_root="04",
        quad_class=1,
        goldstein=1.0,
        confidence=0.9,
        rule="test",
    )
    return ArticleResult(
        article=article.info(),
        events=[event],
        times=[TimeExpr(text="Tuesday", span=(1, 8), value="2026-03-03", precision="day")],
        actors=[ActorSummary(**actor.model_dump(), mentions=2)],
    )


def test_store_creates_every_table_and_records_version(db_path):
    with Store(db_path) as store:
        counts = store.counts()
        version = store.con.execute("SELECT max(version) FROM schema_info").fetchone()[0]
    assert set(counts) == {
        "articles",
        "events",
        "quotes",
        "times",
        "places",
        "actors",
        "stories",
        "article_signatures",
        "event_clusters",
        "event_mentions",
        "failures",
        "runs",
        "intake",
    }
    assert version == SCHEMA_VERSION


def test_writing_the_same_batch_twice_changes_nothing(db_path):
    article = _article("Japan and the Philippines met.")
    failure = Failure(path="bad.json", record="line 2", reason="invalid JSON")
    with Store(db_path) as store:
        first = store.write_batch([(article, _result(article))], [failure])
        before = store.counts()
        second = store.write_batch([(article, _result(article))], [failure])
        after = store.counts()
    assert first.articles_new == 1 and second.articles_new == 0
    assert second.articles_existing == 1
    assert before == after
    assert after["events"] == 1 and after["failures"] == 1 and after["times"] == 1


def test_flattened_columns_hold_nested_values(db_path):
    article = _article("Japan met Japan.")
    with Store(db_path) as store:
        store.write_batch([(article, _result(article))])
        row = store.query("SELECT source_code, span_start, span_end, quad_class FROM events")[0]
        published = store.query("SELECT published_date FROM articles")[0]["published_date"]
    assert row == {"source_code": "JPN", "span_start": 0, "span_end": 5, "quad_class": 1}
    assert str(published) == "2026-03-04"


def test_migration_adds_missing_columns(db_path):
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE articles (id VARCHAR PRIMARY KEY, title VARCHAR)")
    con.close()
    with Store(db_path) as store:
        cols = {
            r["column_name"]
            for r in store.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name='articles'"
            )
        }
    assert {"published", "text", "story_id", "published_date"} <= cols


def test_newer_database_is_refused(db_path):
    with Store(db_path):
        pass
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_info VALUES (?, 'future', now())", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db_path)


def test_read_only_open_of_missing_database_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="eventwire ingest"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_event_day_is_its_own_date_when_day_precise_else_the_publication_day(db_path):
    article = _article("Japan and the Philippines met on Tuesday; talks go on in March.")
    base = _result(article).events[0]
    dated = base.model_copy(update={"id": "e-day", "date": "2026-03-03", "date_precision": "day"})
    monthly = base.model_copy(
        update={"id": "e-month", "date": "2026-03", "date_precision": "month"}
    )
    result = ArticleResult(article=article.info(), events=[dated, monthly])
    with Store(db_path) as store:
        store.write_batch([(article, result)], [])
        days = dict(store.con.execute("SELECT id, CAST(day AS VARCHAR) FROM events").fetchall())
    assert days == {"e-day": "2026-03-03", "e-month": "2026-03-04"}
