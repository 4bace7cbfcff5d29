"""The read-only SQL endpoint: SELECT/WITH only, no files, no writes, a time limit, a row cap."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web tests need the [web] extra")

from fastapi.testclient import TestClient
from web_db import build

from eventwire.web import create_app
from eventwire.web.sql import SqlLimits


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("web") / "web.duckdb")
    app = create_app(db, sql_limits=SqlLimits(time_limit=0.5, max_rows=5))
    with TestClient(app) as c:
        yield c


def sql(client, query):  # type: ignore[no-untyped-def]
    return client.get("/api/sql", params={"sql": query})


def test_select_and_with_run(client):
    body = sql(client, "WITH c AS (SELECT cameo FROM events) SELECT count(*) AS n FROM c").json()
    assert body["columns"] == ["n"] and body["rows"] == [[14]] and body["truncated"] is False


def test_row_cap_is_reported_as_truncated(client):
    body = sql(client, "SELECT id FROM events ORDER BY id").json()
    assert len(body["rows"]) == 5 and body["truncated"] is True and body["row_limit"] == 5


def test_long_query_is_interrupted(client):
    response = sql(client, "SELECT count(*) FROM range(100000000000) a")
    assert response.status_code == 408
    assert response.json()["error"]["code"] == "E053"
    # The server still answers afterwards.
    assert sql(client, "SELECT 1 AS one").json()["rows"] == [[1]]


@pytest.mark.parametrize(
    "query",
    [
        "CREATE TABLE x (i INTEGER)",
        "INSERT INTO events (id) VALUES ('x')",
        "DELETE FROM events",
        "UPDATE articles SET title = 'x'",
        "DROP TABLE events",
        "ATTACH '/tmp/other.duckdb' AS other",
        "INSTALL httpfs",
        "LOAD httpfs",
        "COPY events TO '/tmp/events.csv'",
        "SET enable_external_access = true",
        "PRAGMA database_list",
        "SELECT 1; DROP TABLE events",
        "EXPLAIN SELECT 1",
    ],
)
def test_statements_other_than_select_are_refused(client, query):
    response = sql(client, query)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "E052"


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM read_parquet('/tmp/x.parquet')",
        "SELECT * FROM 'https://example.com/data.csv'",
        "WITH x AS (SELECT * FROM read_json('/etc/hosts')) SELECT * FROM x",
        "SELECT * FROM glob('/etc/*')",
    ],
)
def test_selects_cannot_reach_files_or_network(client, query):
    response = sql(client, query)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "E052"


def test_empty_and_invalid_queries_have_clear_errors(client):
    assert "sql=" in sql(client, "").json()["error"]["message"]
    assert sql(client, "SELEC 1").json()["error"]["code"] == "E052"
    assert sql(client, "SELECT nope FROM events").json()["error"]["code"] == "E052"
    assert sql(client, "SELECT count(*) FROM events").json()["rows"] == [[14]]
