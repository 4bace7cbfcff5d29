"""Article pages read from the newest days first equal the pages of the whole table."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from web_db import WEEK1, generated_with_gaps

from eventwire.web import api, articlepages
from eventwire.web.db import ReadOnlyDatabase


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    # Articles without a day sort last: the window never holds them.
    path = generated_with_gaps(
        tmp_path_factory.mktemp("articlepages") / "gen.duckdb",
        5000,
        "UPDATE articles SET published_date = NULL WHERE hash(id) % 9 = 0",
    )
    database = ReadOnlyDatabase(path)
    yield database
    database.close()


def _articles(database, **given):
    filters = {"since": None, "until": None, "actor": None, "country": None, "q": None}
    return api.list_articles(database, **{**filters, "limit": 50, "offset": 0, **given})


def _compare(database, monkeypatch, cases, pages) -> int:
    filled = 0
    with database.reading():
        for filters, (limit, offset) in itertools.product(cases, pages):
            given = {**filters, "limit": limit, "offset": offset}
            ours = _articles(database, **given)
            with monkeypatch.context() as m:
                # The whole table, and event counts queried for the page.
                m.setattr(articlepages, "newest_day", lambda _db: None)
                m.setattr(articlepages, "MAX_COUNTED", 0)
                m.setattr(database, "derived", lambda _key, compute: compute())
                theirs = _articles(database, **given)
            assert ours == theirs, given
            filled += bool(theirs["rows"])
    return filled


def test_generated_article_pages_equal_the_whole_table(generated, monkeypatch):
    cases = [
        {},
        {"q": "harbour"},
        {"q": "Report 12"},  # few matches, most of them old: the window holds too few
        {"q": "no such words"},
        {"actor": "CHN"},
        {"country": "TWN", "q": "talks"},
        {"since": dt.date(2025, 12, 28)},  # inside the window
        {"until": dt.date(2024, 2, 1)},  # before it
        {"since": dt.date(2025, 6, 1), "until": dt.date(2025, 12, 31)},
    ]
    pages = [(50, 0), (7, 20), (500, 0), (5, 4000)]
    assert _compare(generated, monkeypatch, cases, pages) > 20
    with generated.reading():
        assert sum(r["events"] for r in _articles(generated)["rows"]) > 0


def test_small_database_article_pages_equal_the_whole_table(small, monkeypatch):
    cases = [{}, {"q": "week 3."}, {"actor": "TWN"}, {"since": WEEK1 + dt.timedelta(weeks=6)}]
    assert _compare(small, monkeypatch, cases, [(2, 0), (3, 2), (50, 0)]) > 5


def test_a_page_inside_the_window_needs_one_query(generated, monkeypatch):
    queries = []
    with generated.reading():
        real = generated.rows
        monkeypatch.setattr(generated, "rows", lambda *a: queries.append(a[0]) or real(*a))
        _articles(generated, q="harbour", limit=10)
    assert len(queries) == 1 and "published_date >= ?" in queries[0]
