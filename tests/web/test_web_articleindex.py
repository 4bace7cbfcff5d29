"""Event pages take their articles' outlet, title and url from the in-memory index."""

from __future__ import annotations

import datetime as dt

import pytest
from web_db import build, hostile_id

from eventwire.web import articleindex
from eventwire.web.db import ReadOnlyDatabase
from eventwire.web.eventviews import event_page
from eventwire.web.filters import EventFilters


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    database = ReadOnlyDatabase(build(tmp_path_factory.mktemp("articleindex") / "web.duckdb"))
    yield database
    database.close()


def _pages(db: ReadOnlyDatabase, f: EventFilters) -> list[dict]:
    rows, offset = [], 0
    while True:
        page, more = event_page(db, f, 7, offset)
        rows += page
        if not more:
            return rows
        offset += 7


@pytest.mark.parametrize(
    "filters",
    [EventFilters(), EventFilters(actor="TWN"), EventFilters(since=dt.date(2026, 3, 1))],
)
def test_pages_from_the_index_equal_pages_from_the_table(db, monkeypatch, filters):
    with db.reading():
        assert articleindex.index(db) is not None
        ours = _pages(db, filters)
        with monkeypatch.context() as m:
            m.setattr(articleindex, "index", lambda _db: None)
            theirs = _pages(db, filters)
    assert ours == theirs
    assert ours and all(r["title"] and r["outlet"] for r in ours)


def test_the_hostile_title_comes_back_unchanged(db):
    with db.reading():
        title = db.one("SELECT title FROM articles WHERE id = ?", [hostile_id()])["title"]
        assert articleindex.lookup(db, [hostile_id()])[hostile_id()]["title"] == title


def test_unknown_ids_name_no_article_with_or_without_the_index(db, monkeypatch):
    with db.reading():
        known = db.one("SELECT id FROM articles ORDER BY id LIMIT 1")["id"]
        wanted = ["no-such-article", known, known]
        ours = articleindex.lookup(db, wanted)
        monkeypatch.setattr(articleindex, "index", lambda _db: None)
        assert articleindex.lookup(db, wanted) == ours
    assert list(ours) == [known]
    assert set(ours[known]) == {"outlet", "title", "url"}


def test_too_many_articles_leave_the_lookup_to_sql(db, monkeypatch):
    monkeypatch.setattr(articleindex, "MAX_ARTICLES", 2)
    with db.reading():
        assert articleindex.build(db) is None
