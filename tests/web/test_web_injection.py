"""SQL injection on every filter of every endpoint: values are data, never SQL."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web tests need the [web] extra")

from fastapi.testclient import TestClient
from web_db import build

from eventwire.web import create_app

PAYLOADS = [
    "' OR '1'='1",
    "x'); DROP TABLE events; --",
    "CHN' UNION SELECT * FROM articles --",
    "%' OR 1=1 --",
    '" OR ""="',
    "1; DELETE FROM events",
    "\\' OR 1=1 --",
    "_%",
]

FILTERS = {
    "/api/events": [
        "actor",
        "source",
        "target",
        "country",
        "code",
        "quad_class",
        "since",
        "until",
        "q",
        "place",
    ],
    "/api/articles": ["actor", "country", "since", "until", "q"],
    "/api/quotes": ["actor", "country", "since", "until", "q"],
    "/api/actors": ["actor", "country", "q"],
    "/api/stories": ["q", "since", "until"],
    "/api/places": ["actor", "source", "target", "country", "quad_class", "since", "until"],
    "/api/dyads": ["since", "until"],
    "/api/network": ["since", "until", "level"],
    "/api/alerts": ["since", "until", "by", "level"],
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("web") / "web.duckdb")
    with TestClient(create_app(db)) as c:
        yield c


@pytest.mark.parametrize(("path", "name"), [(p, n) for p, names in FILTERS.items() for n in names])
def test_filter_values_never_become_sql(client, path, name):
    for payload in PAYLOADS:
        response = client.get(path, params={name: payload})
        # Either the value is refused as invalid, or it is matched as text and finds nothing.
        assert response.status_code in (200, 400), (name, payload, response.text)
        body = response.json()
        if response.status_code == 400:
            assert body["error"]["code"] == "E050"
        else:
            assert body.get("rows", body.get("links")) == [], (name, payload)
    assert client.get("/api/sql", params={"sql": "SELECT count(*) FROM events"}).json()["rows"] == [
        [14]
    ]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_path_parameters_never_become_sql(client, payload):
    for path in ("/api/articles/", "/api/stories/", "/api/actors/"):
        response = client.get(path + payload.replace("/", ""))
        assert response.status_code in (400, 404)
        assert response.json()["error"]["code"] in ("E050", "E051")
