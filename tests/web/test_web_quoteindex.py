"""Quote pages and actor names from memory agree with the queries on the tables."""

from __future__ import annotations

import datetime as dt

import pytest
from web_db import build, generated_with_gaps

from eventwire.web import actornames, api, quoteindex
from eventwire.web.db import ReadOnlyDatabase


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quoteindex")
    # Gaps the order must handle as SQL does: no speaker code or country, articles
    # without a day or missing altogether, and many quotes on one day (ties on the day).
    generated = generated_with_gaps(
        folder / "gen.duckdb",
        3000,
        "UPDATE quotes SET speaker_code = NULL WHERE hash(id) % 11 = 0",
        "UPDATE quotes SET speaker_country = NULL WHERE hash(id) % 13 = 0",
        "UPDATE articles SET published_date = NULL WHERE hash(id) % 9 = 0",
        "UPDATE articles SET published_date = DATE '2025-06-01' WHERE hash(id) % 5 = 0",
        "UPDATE quotes SET article_id = 'no-such-article' WHERE hash(id) % 29 = 0",
        "UPDATE actors SET name = name || ' (' || hash(article_id) % 3 || ')'"
        " WHERE hash(article_id) % 7 = 0",
        "UPDATE actors SET mentions = NULL WHERE hash(article_id) % 19 = 0",
    )
    opened = [ReadOnlyDatabase(generated), ReadOnlyDatabase(build(folder / "web.duckdb"))]
    yield opened
    for db in opened:
        db.close()


def _quotes(db, **given):
    args = {
        "actor": None, "country": None, "since": None, "until": None, "q": None,
        "limit": 50, "offset": 0,
    }  # fmt: skip
    return api.list_quotes(db, **{**args, **given})


FILTERS = [
    {},
    {"actor": "CHN"},
    {"actor": "JPNGOV", "limit": 4, "offset": 3},
    {"actor": "TWN", "limit": 500},
    {"country": "twn", "limit": 11, "offset": 3},
    {"actor": "USA", "country": "USA"},
    {"actor": "USA", "country": "CHN"},
    {"since": dt.date(2025, 6, 1), "until": dt.date(2025, 6, 1), "limit": 500},
    {"actor": "KOR", "since": dt.date(2024, 3, 1), "until": dt.date(2024, 9, 30)},
    {"until": dt.date(2024, 1, 10), "offset": 2},
    {"actor": "XYZ"},
    {"offset": 1_000_000},
]


# Filters that match no quote: a speaker of one country said to be of another, no such
# code, a page past the end.
NOTHING = [FILTERS[6], FILTERS[10], FILTERS[11]]


@pytest.mark.parametrize("filters", FILTERS)
def test_quote_pages_from_memory_equal_the_query(databases, monkeypatch, filters):
    compared = 0
    answers = []  # what the index answered: never None (which would fall back to SQL)
    real_rows_at = quoteindex.rows_at
    monkeypatch.setattr(
        quoteindex, "rows_at", lambda *a: answers.append(real_rows_at(*a)) or answers[-1]
    )
    for db in databases:
        with db.reading():
            assert quoteindex.summary(db) is not None
            ours = _quotes(db, **filters)
            with monkeypatch.context() as m:
                m.setattr(quoteindex, "summary", lambda _db: None)
                theirs = _quotes(db, **filters)
        assert ours == theirs
        compared += len(theirs["rows"])
    assert len(answers) == len(databases) and None not in answers
    if filters not in NOTHING:
        assert compared > 0


def test_pages_of_a_speaker_follow_each_other(databases, monkeypatch):
    db = databases[0]
    with db.reading():
        pages, offset = [], 0
        while offset is not None:
            page = _quotes(db, actor="CHN", limit=7, offset=offset)
            pages += page["rows"]
            offset = page["next_offset"]
        monkeypatch.setattr(quoteindex, "summary", lambda _db: None)
        whole = _quotes(db, actor="CHN", limit=500)
    assert whole["next_offset"] is None and len(pages) > 7
    assert pages == whole["rows"]


@pytest.mark.parametrize("code", ["CHN", "CHNGOV", "TWN", "JPN", "C", "XYZ"])
def test_an_actors_quotes_from_memory_equal_the_query(databases, code):
    for db in databases:
        with db.reading():
            ours = api._indexed_quotes(db, api.ACTOR_QUOTE_KEYS, code=code, start=0, stop=20)
            assert ours == api._newest_quotes(db, code)


def test_text_search_and_names_are_left_to_sql(databases, monkeypatch):
    db = databases[1]
    with db.reading():
        monkeypatch.setattr(quoteindex, "positions", lambda *a, **k: pytest.fail("not SQL"))
        assert _quotes(db, q="the")["rows"]
        _quotes(db, actor="Taiwan")


def test_a_quote_not_where_the_index_says_is_queried(databases, monkeypatch):
    db = databases[1]
    with db.reading():
        expected = _quotes(db)
        order = quoteindex.summary(db)
        moved = quoteindex.QuoteOrder(**{**vars(order), "rows": order.rows + 10_000})
        monkeypatch.setattr(quoteindex, "summary", lambda _db: moved)
        assert _quotes(db) == expected


def test_too_many_quotes_leave_pages_to_sql(databases, monkeypatch):
    monkeypatch.setattr(quoteindex, "MAX_QUOTES", 1)
    with databases[0].reading():
        assert quoteindex.build(databases[0]) is None


def _names_query(db, code):
    return db.rows(
        "SELECT name, code, country, CAST(sum(mentions) AS BIGINT) AS mentions FROM actors"
        " WHERE starts_with(code, ?) GROUP BY ALL ORDER BY mentions DESC LIMIT 10",
        [code],
    )


@pytest.mark.parametrize("code", ["CHN", "CHNGOV", "TWN", "JPN", "EVL", "XYZ"])
def test_actor_names_from_memory_equal_the_query(databases, code):
    for db in databases:
        with db.reading():
            ours = actornames.top_names(actornames.summary(db), code)
            theirs = _names_query(db, code)
        # The query leaves the order of equal mentions open; the summary fixes it.
        assert [r["mentions"] for r in ours] == [r["mentions"] for r in theirs]
        assert sorted(map(repr, ours)) == sorted(map(repr, theirs))


def test_names_with_missing_mentions_come_last():
    names = actornames.ActorNames(
        ["AAA", "AAA", "AAB"], [("x", "AAA", "A", None), ("y", "AAA", "A", 2), ("z", "AAB", "A", 5)]
    )
    assert [r["name"] for r in actornames.top_names(names, "AA")] == ["z", "y", "x"]
